"""Lay out the review sheet: one row per text, a thumbnail and the text's id
and page on the left, then one column per edition with its status, where to
edit it, its words in the edition's own face, and notes. Every line is set
here with the editions' fonts; `book.review.draw` only draws the result."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from book.i18n.cldr import language_name
from book.i18n.status import FUZZY, STALE, TRANSLATED
from book.model import MM, Book, Style
from book.review.entries import MISSING, OVERFLOW, SOURCE, Row
from book.text.fonts import EditionFonts
from book.text.italic import by_role
from book.text.typeset import Line, Part, set_parts

PAGE_MM = (297.0, 210.0)  # A4 landscape
MARGIN_MM = 10.0
HEAD_MM = 16.0  # the running title and the column heads
THUMB_MM = 40.0
GAP_MM = 3.0
ROW_PAD_MM = 2.5
TEXT_PT = 7.0  # the body text size the editions' styles are scaled to
NOTE = Style("review-note", "sans", 5.8, 7.4, min_size=5.8)
STATUS = Style("review-status", "sans-bold", 6.0, 8.0, min_size=6.0, space_before=0)
COLOURS = {SOURCE: (0.3, 0.3, 0.3), TRANSLATED: (0.0, 0.45, 0.15), FUZZY: (0.85, 0.45, 0.0), STALE: (0.85, 0.45, 0.0),
           MISSING: (0.8, 0.0, 0.0), OVERFLOW: (0.8, 0.0, 0.5)}
INK, GREY = (0.0, 0.0, 0.0), (0.4, 0.4, 0.4)


@dataclass
class Ink:
    """A set line, its baseline ``dy`` pt below the top of its cell, in an RGB colour."""

    line: Line
    dy: float
    colour: tuple[float, float, float]


@dataclass
class Fragment:
    """A row, or the part of a tall row that fits on one page."""

    row: Row
    top: float  # mm from the page's top
    height: float  # mm
    cells: list[list[Ink]]
    first: bool  # the row's first fragment carries the thumbnail and label
    label: list[Ink] = field(default_factory=list)


@dataclass
class SheetPage:
    fragments: list[Fragment]


@dataclass
class Sheet:
    langs: list[str]
    heads: list[Ink]  # a column head per edition, in its own language
    column_x: list[float]  # mm
    pages: list[SheetPage]
    fonts: dict[str, EditionFonts]
    thumbs: dict[str, Path]  # photo id -> thumbnail


def scaled(style: Style, base: Style) -> Style:
    factor = TEXT_PT / base.size
    return replace(style, size=style.size * factor, leading=style.leading * factor, min_size=style.size * factor, first_indent=0.0,
                   align="left", hyphenate=False, space_before=style.space_before * factor, paragraph_space=style.paragraph_space * factor)


def add_shown(texts: dict[str, set[str]], part: Part) -> None:
    """Note the characters ``part`` sets in each font role, its *italic* words
    in the italic role, so the faces are registered before the sheet is set."""
    for role, shown in by_role(part.text, part.style.font).items():
        texts.setdefault(role, set()).add(shown)


class SheetSetter:
    def __init__(self, book: Book, rows: list[Row], langs: list[str], font_cache: Path):
        self.book, self.rows, self.langs = book, rows, langs
        self.width = (PAGE_MM[0] - 2 * MARGIN_MM - THUMB_MM - GAP_MM * len(langs)) / len(langs)
        self.fonts = {lang: EditionFonts(book.fonts, lang, font_cache) for lang in langs}

    def style(self, name: str, lang: str) -> Style:
        return scaled(self.book.style(name, lang), self.book.style(name, ""))

    def cell_parts(self, row: Row, index: int) -> list[tuple[Part, tuple]]:
        cell, lang = row.cells[index], self.langs[index]
        text_style = self.style("caption" if row.photo else "body", lang)
        status = " + ".join(s.upper() for s in cell.statuses)
        parts = [(Part(f"{status} · {cell.edit}", STATUS), COLOURS[cell.statuses[-1]])]
        if cell.text:
            parts.append((Part(cell.text, text_style, 2.0), INK))
        else:
            parts.append((Part("(no translation: the proof shows the source text)", NOTE, 2.0), COLOURS[MISSING]))
        if cell.meta:
            parts.append((Part(cell.meta, self.style("caption-meta", lang)), GREY))
        parts += [(Part(note, NOTE, 2.0), COLOURS[cell.statuses[-1]] if OVERFLOW in note else GREY) for note in cell.notes]
        return parts

    def label_parts(self, row: Row) -> list[Part]:
        page = f"page {row.page}" if row.page else "on no page"
        return [Part(row.label, STATUS), Part(f"{page} · {row.ctx}", NOTE, 1.0)]

    def prepare_fonts(self) -> None:
        texts: dict[str, dict[str, set[str]]] = {lang: {} for lang in self.langs}
        source = self.langs[0]
        for row in self.rows:
            for index, lang in enumerate(self.langs):
                for part, _ in self.cell_parts(row, index):
                    add_shown(texts[lang], part)
            for part in self.label_parts(row):
                add_shown(texts[source], part)
        for lang in self.langs:
            texts[lang].setdefault(STATUS.font, set()).add(f"{language_name(lang)} ({lang}) 0123456789")
            self.fonts[lang].prepare(texts[lang])

    def set_inks(self, parts: list[tuple[Part, tuple]], lang: str, width_mm: float) -> list[Ink]:
        inks, top = [], 0.0
        for part, colour in parts:
            lines, _ = set_parts(self.fonts[lang], [part], lang, width_mm * MM, 1.0)
            for index, line in enumerate(lines):
                gap = part.space_before if index == 0 and inks else 0.0
                top += gap + (line.leading if inks else line.size)
                inks.append(Ink(line, top, colour))
        return inks

    def set_sheet(self, thumbs: dict[str, Path]) -> Sheet:
        self.prepare_fonts()
        column_x = [MARGIN_MM + THUMB_MM + GAP_MM + i * (self.width + GAP_MM) for i in range(len(self.langs))]
        heads = [self.set_inks([(Part(f"{language_name(lang)} ({lang})", STATUS), INK)], lang, self.width)[0] for lang in self.langs]
        pages: list[SheetPage] = [SheetPage([])]
        bottom = PAGE_MM[1] - MARGIN_MM
        top = MARGIN_MM + HEAD_MM
        for row in self.rows:
            cells = [self.set_inks(self.cell_parts(row, i), lang, self.width) for i, lang in enumerate(self.langs)]
            label = self.set_inks([(p, INK) for p in self.label_parts(row)], self.langs[0], THUMB_MM - 2)
            thumb_h = THUMB_MM * 0.75 + 12 if row.photo else 12
            first = True
            full = PAGE_MM[1] - 2 * MARGIN_MM - HEAD_MM
            while True:
                need = max([thumb_h if first else 0.0] + [inks[-1].dy / MM + 1.5 for inks in cells if inks]) + 2 * ROW_PAD_MM
                room = bottom - top
                if need <= room:
                    pages[-1].fragments.append(Fragment(row, top, need, cells, first, label))
                    top += need
                    break
                if pages[-1].fragments and (need <= full or room < 30):
                    pages.append(SheetPage([]))  # the row fits a fresh page whole
                    top = MARGIN_MM + HEAD_MM
                    continue
                # Taller than a page: split it at the page's foot, carry the rest over.
                limit = (room - 2 * ROW_PAD_MM - 1.5) * MM
                now = [[ink for ink in inks if ink.dy <= limit] for inks in cells]
                rest = [carry([ink for ink in inks if ink.dy > limit]) for inks in cells]
                pages[-1].fragments.append(Fragment(row, top, room, now, first, label))
                pages.append(SheetPage([]))
                top, cells, first = MARGIN_MM + HEAD_MM, rest, False
        return Sheet(self.langs, heads, column_x, pages, self.fonts, thumbs)


def carry(inks: list[Ink]) -> list[Ink]:
    """Lines moved to the top of a new fragment."""
    if not inks:
        return []
    shift = inks[0].dy - inks[0].line.size
    return [Ink(ink.line, ink.dy - shift, ink.colour) for ink in inks]
