"""Frames that stand above another (a layout frame's ``above:``): an opener's
chapter label above its title, the title above its intro. A chain of them is
set one of two ways, by the anchor of its lowest frame's style:

- hung from its head (the lowest frame anchored at the top, the default): the
  head frame is set where the layout puts it, so the chapter label and the
  title's first baseline stand on one module line on every opener; each frame
  below is then set into what is left of its own layout frame, its first
  baseline ``gap_lines`` of its own line spaces under the last baseline of the
  frame above. A frame that no longer fits above its foot overflows, as any
  text frame does.
- stood on its foot (the lowest frame anchored at the bottom): the lowest frame
  stands on the foot margin and each frame above is moved up so that its last
  baseline falls ``gap_lines`` of the lower frame's line spaces above that
  frame's first baseline.

Either way the relation is the same whether the title takes one line or three,
in every edition, and no band opens between the frames."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from book.model import MM, Frame, Style
from book.pages.paginate import Pagination


def first_baseline(placement) -> float:
    """Mm from the trim's top to a placement's first baseline."""
    line = placement.lines[0]
    return placement.top + (line.gap + line.size) / MM


def last_baseline_offset(placement) -> float:
    """Mm from a placement's top to its last baseline."""
    return sum(line.gap + (line.leading if i else line.size) for i, line in enumerate(placement.lines)) / MM


def foot_of_chain(frames: dict[str, Frame], name: str) -> Frame:
    """The lowest frame of the chain ``name`` stands in (itself if it stands above none)."""
    at, seen = frames[name], {name}
    while at.above in frames and at.above not in seen:
        seen.add(at.above)
        at = frames[at.above]
    return at


def hung_frames(frames: dict[str, Frame], on_foot: Callable[[Frame], bool]) -> list[tuple[str, str, float]]:
    """The frames of a layout that hang below another, head first: (the frame,
    the frame it hangs under, the gap in its own line spaces). ``on_foot``
    tells a chain that stands on its foot (which `stack_frames` moves up).

    >>> from types import SimpleNamespace as F
    >>> fs = {"number": F(above="title", gap_lines=1), "title": F(above="intro", gap_lines=2), "intro": F(above=None)}
    >>> hung_frames(fs, lambda frame: False)
    [('title', 'number', 1), ('intro', 'title', 2)]
    >>> hung_frames(fs, lambda frame: True)
    []
    """
    stood_on = {f.above for f in frames.values() if f.above in frames}
    order = []
    for head in (name for name, f in frames.items() if f.above in frames and name not in stood_on):
        at, seen = head, {head}
        while frames[at].above in frames and frames[at].above not in seen and not on_foot(foot_of_chain(frames, at)):
            order.append((frames[at].above, at, frames[at].gap_lines))
            at = frames[at].above
            seen.add(at)
    return order


def hanging_box(box: tuple[float, float, float, float], above, style: Style, gap_lines: float) -> tuple[float, float, float, float]:
    """The part of a frame's ``box`` a frame hanging under the placement ``above``
    is set in: its first baseline ``gap_lines`` of its line spaces under the last
    baseline above, its foot where its layout puts it."""
    if above is None or not above.placements or not above.placements[0].lines:
        return box
    mine = above.placements[-1]
    top = mine.top + last_baseline_offset(mine) + (gap_lines * style.leading - style.size) / MM
    x, y, w, h = box
    return x, top, w, max(y + h - top, 0.0)


def hang_item(item, above, style: Style, gap_lines: float):
    """A frame's text (`book.text.frames.FrameText`) placed in its `hanging_box`."""
    return replace(item, placed=replace(item.placed, box=hanging_box(item.placed.box, above, style, gap_lines)))


def stack_frames(pagination: Pagination, frames: dict, on_foot: Callable[[Frame], bool] = lambda frame: True) -> None:
    """Move each frame that stands above another on a chain that stands on its
    foot (``on_foot`` of its lowest frame), the lowest first (a chain is
    followed down to the frame that stands where its layout puts it).
    ``frames`` maps (page number, frame name) to its `FrameSetting`."""
    for page in pagination.pages:
        placed = {p.frame.name: p.frame for p in page.placed}
        for name in stack_order(placed):
            if on_foot(foot_of_chain(placed, name)):
                move_above(frames.get((page.number, name)), frames.get((page.number, placed[name].above)), placed[name].gap_lines)


def stack_order(frames: dict) -> list[str]:
    """The names of the frames that stand above another, each after the frame it stands above.

    >>> from types import SimpleNamespace as F
    >>> stack_order({"number": F(above="title"), "title": F(above="intro"), "intro": F(above=None)})
    ['title', 'number']
    """
    order: list[str] = []

    def depth(name: str) -> int:
        count, at = 0, frames[name]
        while at.above in frames and count <= len(frames):
            count, at = count + 1, frames[at.above]
        return count

    for name in sorted((n for n, f in frames.items() if f.above in frames), key=depth):
        order.append(name)
    return order


def move_above(own, below, gap_lines: float) -> None:
    """``own`` moved so that its last baseline stands ``gap_lines`` of ``below``'s
    line spaces above ``below``'s first baseline."""
    if not own or not below or not own.placements or not below.placements:
        return
    mine, target = own.placements[0], below.placements[0]
    if not mine.lines or not target.lines:
        return
    gap = gap_lines * target.lines[0].leading / MM
    shift = first_baseline(target) - gap - last_baseline_offset(mine) - mine.top
    for placement in own.placements:
        placement.top += shift
    x, y, w, h = own.box
    own.box = (x, y + shift, w, h)


def chain_foot(settings) -> float | None:
    """Mm from the trim's top to the last baseline of the frames ``settings`` (None when they hold no line)."""
    feet = [p.top + last_baseline_offset(p) for s in settings if s for p in s.placements if p.lines]
    return max(feet) if feet else None


def drop_hung_chains(frames: dict, hung: dict, foot: float, pitch: float) -> int:
    """Move every chain hung from its head (an opener's label, title and intro)
    down by the most whole grid rows (``pitch`` mm, a row and its gutter) that
    every such chain of the edition has room for above the ``foot`` line, so
    the stack sits on the page instead of over an empty foot, and the label
    still stands at one height, on a row's top line, on every opener of the
    edition. ``hung`` maps (page, frame) to (the frame it hangs under, gap).
    Frames outside the chains (an opener's caption) keep their lines. Returns
    the rows moved (0 when the longest stack of the edition already reaches
    the foot, as the five-line intros of the Vietnamese edition do)."""
    chains: dict[int, set[str]] = {}
    for (number, name), (above, _) in hung.items():
        chains.setdefault(number, set()).update({name, above})
    feet = [chain_foot([frames.get((number, name)) for name in names]) for number, names in chains.items()]
    feet = [f for f in feet if f is not None]
    if not feet or pitch <= 0:
        return 0
    rows = max(0, int((foot - max(feet)) // pitch))
    if rows:
        for number, names in chains.items():
            for name in names:
                setting = frames.get((number, name))
                if setting is None:
                    continue
                for placement in setting.placements:
                    placement.top += rows * pitch
                x, y, w, h = setting.box
                setting.box = (x, y + rows * pitch, w, h)
    return rows
