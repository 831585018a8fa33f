"""One form for a title set more than once (the half-title and the title page):
each display setting of a text takes the lines of its largest setting, so the
half-title reads "Hải Phòng / 70 Years of Struggle, / Construction and
Development" as the title page does, never the dash form on one line. The
largest setting decides: its measure is the shortest in ems (36 pt across 12
columns against 18 pt across 8), so each of its lines fits the smaller frames
whole, and a title breaks by sense once, in one place (`book.text.sense`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from book.model import Style
from book.text.frames import FrameText


def line_text(line) -> str:
    """A set line's text as it reads (a dash the break dropped stays dropped)."""
    return "".join(piece.text for piece in line.pieces).strip()


def title_forms(items: list[FrameText], style_of: Callable[[str], Style], set_frame) -> list[FrameText]:
    """``items`` with each smaller display setting of a text given, as manual
    breaks, the lines its largest setting is broken into (``set_frame`` sets a
    `FrameText`); a text its largest setting keeps on one line is left alone."""
    def display(item: FrameText) -> Style | None:
        style = style_of(item.placed.frame.style) if item.placed.frame.style else None
        return style if style and style.display and len(item.parts) == 1 and "\n" not in item.parts[0].text else None

    groups: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        if display(item):
            groups.setdefault(" ".join(item.parts[0].text.split()), []).append(index)
    out = list(items)
    for indexes in (g for g in groups.values() if len(g) > 1):
        largest = max(indexes, key=lambda i: display(items[i]).size)
        setting = set_frame(items[largest])
        lines = [line_text(line) for placement in setting.placements for line in placement.lines]
        if not setting.fits or len(lines) < 2:
            continue
        for index in indexes:
            if display(items[index]).size < display(items[largest]).size:
                out[index] = replace(items[index], parts=[replace(items[index].parts[0], text="\n".join(lines))])
    return out
