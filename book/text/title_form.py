"""One display form of the book's title per edition, used by the half-title,
the title page and the front cover alike (`display_lines`): the title's
dash is always a line end and is dropped there, the break carrying the
pause ("Hải Phòng / 70 năm chiến đấu, / xây dựng và phát triển", "ハイフォン /
闘い・建設・発展の70年"); the rest is broken by sense (`book.text.sense`) once,
at the cover title's size across the book's full type measure, the largest
setting in ems, so each line fits every smaller frame whole. Running text,
the colophon, the PDF's metadata and the one-line spine keep the dash.

Any other text set more than once in display styles takes the lines of its
largest setting (`title_forms`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from book.grid import Place
from book.model import Style
from book.text.frames import FrameText
from book.text.linebreak import DASHES
from book.text.sense import HAIR_SPACE

DISPLAY_STYLE = "cover-title"  # the largest setting of the title: its lines are the title's everywhere


def line_text(line) -> str:
    """A set line's text as it reads (a dash the break dropped stays dropped)."""
    return "".join(piece.text for piece in line.pieces).replace(HAIR_SPACE, "").strip()


def split_at_dash(title: str) -> tuple[str, str]:
    """A title's head and the rest, parted at its first dash, the dash dropped;
    ('', title) for a title without one.

    >>> split_at_dash("Hải Phòng – 70 năm"), split_at_dash("ハイフォン——闘いの70年"), split_at_dash("70 năm")
    (('Hải Phòng', '70 năm'), ('ハイフォン', '闘いの70年'), ('', '70 năm'))
    """
    for index, ch in enumerate(title):
        if ch in DASHES and title[:index].strip():
            return title[:index].strip(), title[index:].lstrip("".join(DASHES)).strip()
    return "", title.strip()


def display_lines(fonts, book, lang: str, title: str) -> list[str]:
    """The title's display lines in edition ``lang`` (see the module's doc)."""
    from book.text.typeset import Part, set_block

    head, rest = split_at_dash(" ".join(title.split()))
    style = book.style(DISPLAY_STYLE, lang)
    measure = book.grid.box(Place(1, book.grid.columns, 1, 1), book.trim, 0.0, False)[2]
    block = set_block(fonts, [Part(rest, style)], lang, measure, 1000.0)
    lines = [line_text(line) for line in block.lines] or [rest]
    return ([head] if head else []) + lines


def title_forms(items: list[FrameText], style_of: Callable[[str], Style], set_frame,
                title: str = "", lines: Callable[[], list[str]] | None = None) -> list[FrameText]:
    """``items`` with every display setting of the book's ``title`` given
    ``lines()`` as manual breaks, and each smaller display setting of any
    other text the lines its largest setting is broken into (``set_frame``
    sets a `FrameText`); a text its largest setting keeps on one line is left alone."""
    def display(item: FrameText) -> Style | None:
        style = style_of(item.placed.frame.style) if item.placed.frame.style else None
        return style if style and style.display and len(item.parts) == 1 and "\n" not in item.parts[0].text else None

    def with_lines(item: FrameText, rows: list[str]) -> FrameText:
        return replace(item, parts=[replace(item.parts[0], text="\n".join(rows))])

    groups: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        if display(item):
            groups.setdefault(" ".join(item.parts[0].text.split()), []).append(index)
    out = list(items)
    title = " ".join(title.split())
    for text, indexes in groups.items():
        if title and text == title and lines is not None:
            rows = lines()
            for index in indexes:
                out[index] = with_lines(items[index], rows) if len(rows) > 1 else items[index]
            continue
        if len(indexes) < 2:
            continue
        largest = max(indexes, key=lambda i: display(items[i]).size)
        setting = set_frame(items[largest])
        rows = [line_text(line) for placement in setting.placements for line in placement.lines]
        if not setting.fits or len(rows) < 2:
            continue
        for index in indexes:
            if display(items[index]).size < display(items[largest]).size:
                out[index] = with_lines(items[index], rows)
    return out
