"""A long text that runs on: a text frame of a layout with ``continued:``
whose continuation layout has a text frame of the same name (the foreword's
``body`` on ``text-continued``) flows on over as many pages as it needs.

As with the generated lists (`book.text.lists`), the count is measured on
every edition against continuation frames without end, pagination gives
all editions the most any one needs, and setting then splits each
edition's lines between its frames; what still does not fit is an
overflow, reported, never cut. A text that fits its frame, shrunk within
its style's limits (``min_size``) at most, needs no more pages; once the
book gives it more, every edition sets it at its style's size and runs it on."""

from __future__ import annotations

from dataclasses import replace

from book.model import MM, Book
from book.pages.paginate import Page, Pagination, Placed
from book.text.frames import FrameText
from book.text.typeset import Line, set_block, set_parts

DESCENDERS = 0.3  # of the last line's size: the room a frame keeps below its baseline


def flows_on(book: Book, page: Page, name: str) -> bool:
    """Whether frame ``name`` of ``page`` (the first page of its layout) runs on."""
    continued = book.layouts.get(page.layout.continued) if page.part == 0 and page.layout.continued else None
    frame = continued.frames.get(name) if continued else None
    return frame is not None and frame.kind == "text"


def run_on_frames(pagination: Pagination, item: FrameText) -> list[tuple[Page, Placed]]:
    """The continuation frames ``item`` runs on to, in page order."""
    key, name = item.page.list_key, item.placed.frame.name
    return [(page, placed) for page in pagination.pages if key and page.list_key == key and page.part > 0
            for placed in page.placed if placed.frame.name == name]


def split_lines(lines: list[Line], heights: list[float], endless: bool) -> tuple[list[list[Line]], bool]:
    """``lines`` shared out down frames ``heights`` (pt) high: each takes what
    it holds; past the last, ``endless`` adds frames as high as the last, else
    the rest runs past the last frame's end (does not fit)."""
    parts: list[list[Line]] = [[]]
    used, fits = 0.0, True
    for line in lines:
        step = line.gap + line.leading if parts[-1] else line.size
        if parts[-1] and used + step + line.size * DESCENDERS > heights[len(parts) - 1] + 0.01:
            if len(parts) < len(heights) or endless:
                parts.append([])
                heights = heights + [heights[-1]] * (len(parts) > len(heights))
                line, step = replace(line, gap=0.0), line.size
                used = 0.0
            else:
                fits = False
        elif not parts[-1] and step + line.size * DESCENDERS > heights[len(parts) - 1] + 0.01:
            fits = False
        parts[-1].append(line)
        used += step
    return parts, fits


def set_run_on(setter, item: FrameText, boxes: list[tuple[float, float, float, float]], endless: bool, draw: bool = True):
    """``item``'s lines at its style's size, split between frames ``boxes`` (mm)."""
    lines, _ = set_parts(setter.fonts, item.parts, setter.lang, boxes[0][2] * MM, 1.0, draw=draw)
    return split_lines(lines, [box[3] * MM for box in boxes], endless)


def measure_run_ons(setter) -> dict[str, int]:
    """How many continuation pages each running-on text of this edition needs."""
    needs: dict[str, int] = {}
    for item in setter.words.frames:
        if item.page.list_key and flows_on(setter.book, item.page, item.placed.frame.name):
            _, _, w, h = item.placed.box
            if set_block(setter.fonts, item.parts, setter.lang, w, h).fits:
                continue  # it fits its frame, shrunk within its style's limits at most
            more = setter.book.layouts[item.page.layout.continued].frames[item.placed.frame.name]
            parts, _ = set_run_on(setter, item, [item.placed.box, (more.x, more.y, more.w, more.h)], endless=True, draw=False)
            needs[item.page.list_key] = max(needs.get(item.page.list_key, 0), len(parts) - 1)
    return needs
