"""Frames that stand above another (a layout frame's ``above:``): an opener's
chapter label above its title, the title above its intro. The frame below is
set where the layout puts it (the intro standing on the foot margin); each
frame above is then moved so that its last baseline falls ``gap_lines`` of
the lower frame's line spaces above that frame's first baseline. The title
keeps one relation to its intro whether it takes one line or three, in every
edition, and no band opens between them."""

from __future__ import annotations

from book.model import MM
from book.pages.paginate import Pagination


def first_baseline(placement) -> float:
    """Mm from the trim's top to a placement's first baseline."""
    line = placement.lines[0]
    return placement.top + (line.gap + line.size) / MM


def last_baseline_offset(placement) -> float:
    """Mm from a placement's top to its last baseline."""
    return sum(line.gap + (line.leading if i else line.size) for i, line in enumerate(placement.lines)) / MM


def stack_frames(pagination: Pagination, frames: dict) -> None:
    """Move each frame that stands above another, the lowest first (a chain is
    followed down to the frame that stands where its layout puts it).
    ``frames`` maps (page number, frame name) to its `FrameSetting`."""
    for page in pagination.pages:
        placed = {p.frame.name: p.frame for p in page.placed}
        for name in stack_order(placed):
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
