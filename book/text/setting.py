"""Set every text of one edition before anything is drawn: each frame's lines,
the contents, the credits, running heads and folios, positioned on their
pages and checked. Whatever does not fit is reported here, so the renderer
only draws what it is given."""

from __future__ import annotations

from dataclasses import dataclass, field

from book.errors import Problems
from book.model import MM, Book, Style
from book.pages.paginate import Page, Pagination, Placed
from book.text.fonts import EditionFonts
from book.text.frames import EditionWords, FrameText
from book.text.typeset import Line, Part, break_paragraph, set_block

PANEL_PAD = 4.0  # mm inside a white caption card
RUNNING_HEAD_MM = 120.0  # the widest a running head may be
TOC_NUMBER_MM = 15.0  # the page-number column of the contents
CREDITS_GUTTER_MM = 5.0


@dataclass
class Placement:
    """Lines to draw with their first line's top at (``x``, ``top``), mm from the trim's top-left."""

    x: float
    top: float
    lines: list[Line]


@dataclass
class FrameSetting:
    placements: list[Placement]
    box: tuple[float, float, float, float]  # the text area, for proof marks
    fits: bool = True
    fallback: bool = False  # shows the source text for want of a translation
    needed: int = 0  # lines the text needs at its smallest size (when it does not fit)
    available: int = 0  # lines the frame holds at that size


@dataclass
class EditionText:
    """Everything one edition draws as text, keyed by (page number, frame name)."""

    lang: str
    frames: dict[tuple[int, str], FrameSetting] = field(default_factory=dict)
    running: dict[int, list[Placement]] = field(default_factory=dict)  # folio and running head per page
    info: dict[str, str] = field(default_factory=dict)
    keep: tuple[str, ...] = ()  # the names no line break splits
    outline: list[tuple[str, int]] = field(default_factory=list)


def text_box(placed: Placed) -> tuple[float, float, float, float]:
    x, y, w, h = placed.box
    if placed.frame.panel:
        return (x + PANEL_PAD, y + PANEL_PAD, w - 2 * PANEL_PAD, h - 2 * PANEL_PAD)
    return placed.box


def describe(item: FrameText) -> str:
    ctx = item.messages[0].ctx
    if ctx.startswith("photo:"):
        return f"caption of photo {ctx.split(':')[1]}"
    return f"text {ctx}"


class Setter:
    """Sets one edition's texts with its fonts; problems go to ``out``."""

    def __init__(self, book: Book, pagination: Pagination, fonts: EditionFonts, words: EditionWords, where, out: Problems):
        self.book, self.pagination, self.fonts, self.words = book, pagination, fonts, words
        self.lang = words.lang
        self.where = where  # message -> where its text is edited
        self.out = out

    def style(self, name: str) -> Style:
        return self.book.style(name, self.lang)

    def single_line(self, text: str, style: Style, width_mm: float) -> Line | None:
        lines = break_paragraph(self.fonts, text, style, self.lang, style.size, width_mm * MM, keep=self.words.keep)
        return lines[0] if lines else None

    def overflow(self, where, what: str, frame: str, page: int, needed: int, available: int) -> None:
        self.out.error("overflow", where, f"{self.lang}: {what} overflows frame '{frame}' on page {page}: "
                       f"needs {needed} lines, room for {available}; shorten it")

    def set_all(self) -> EditionText:
        text = EditionText(self.lang, info=dict(self.words.info), keep=self.words.keep, outline=list(self.words.outline))
        for item in self.words.frames:
            text.frames[(item.page.number, item.placed.frame.name)] = self.set_frame(item)
        for page in self.pagination.pages:
            for placed in page.placed:
                if placed.frame.kind == "toc":
                    text.frames[(page.number, placed.frame.name)] = self.set_toc(page, placed)
                elif placed.frame.kind == "credits":
                    text.frames[(page.number, placed.frame.name)] = self.set_credits(page, placed)
            text.running[page.number] = self.set_running(page)
        self.check_running_heads()
        return text

    def set_frame(self, item: FrameText) -> FrameSetting:
        x, y, w, h = box = text_box(item.placed)
        block = set_block(self.fonts, item.parts, self.lang, w, h)
        if not block.fits:
            self.overflow(self.where(item.messages[0]), describe(item), item.placed.frame.name, item.page.number, block.needed, block.available)
        return FrameSetting([Placement(x, y, block.lines)], box, block.fits, item.fallback, block.needed, block.available)

    def set_toc(self, page: Page, placed: Placed) -> FrameSetting:
        x, y, w, h = placed.box
        style, small = self.style(placed.frame.style), self.style("chapter-number")
        placements, top, fits = [], y, True
        for entry in self.words.toc:
            label = set_block(self.fonts, [Part(entry.label, small)], self.lang, w - TOC_NUMBER_MM, 20)
            placements.append(Placement(x, top, label.lines))
            top += label.height / MM + 1.5
            title = set_block(self.fonts, [Part(entry.title, style, keep=self.words.keep)], self.lang, w - TOC_NUMBER_MM, 40)
            if not (title.fits and label.fits):
                fits = False
                self.overflow(self.where(entry.message), f"contents entry {entry.label or entry.title}", placed.frame.name, page.number,
                              title.needed, title.available)
            placements.append(Placement(x, top, title.lines))
            number = self.single_line(str(entry.page), style, TOC_NUMBER_MM)
            if number:
                placements.append(Placement(x + w - number.width / MM, top, [number]))
            top += title.height / MM + 7
        if self.words.toc and top - 7 > y + h + 0.01:
            fits = False
            self.out.error("overflow", None, f"{self.lang}: page {page.number}: the contents overflow frame '{placed.frame.name}' "
                           f"by {top - 7 - y - h:.1f} mm; shorten the chapter titles or give the contents layout more room")
        return FrameSetting(placements, placed.box, fits)

    def set_credits(self, page: Page, placed: Placed) -> FrameSetting:
        """The photo-credit entries in the frame's columns."""
        x, y, w, h = placed.box
        style = self.style(placed.frame.style)
        columns = max(1, style.columns)
        col_w = (w - CREDITS_GUTTER_MM * (columns - 1)) / columns
        column, top, placements = 0, y, []
        entries = [break_paragraph(self.fonts, entry, style, self.lang, style.size, col_w * MM, keep=self.words.keep)
                   for entry in self.words.credits]
        # Balanced columns: each holds about its share of the lines, never more than the frame.
        share = min(h, style.leading * sum(len(lines) for lines in entries) / MM / columns + style.leading / MM / 2)
        for lines in entries:
            need = style.leading * len(lines) / MM
            if top + need > y + share and top > y and column < columns - 1:
                column, top = column + 1, y
            placements.append(Placement(x + column * (col_w + CREDITS_GUTTER_MM), top, lines))
            top += need
        fits = top <= y + h + 0.01
        if not fits:
            self.out.error("overflow", None, f"{self.lang}: page {page.number}: the photo credits overflow frame '{placed.frame.name}'; "
                           "give the credits layout more room or a smaller style")
        return FrameSetting(placements, placed.box, fits)

    def set_running(self, page: Page) -> list[Placement]:
        if not page.folio:
            return []
        trim_w, trim_h = self.book.trim
        margins = self.book.margins
        outer_x = trim_w - margins["outer"] if page.recto else margins["outer"]
        placements = []
        folio = self.single_line(str(page.number), self.style("folio"), 30)
        if folio:
            fx = outer_x - folio.width / MM if page.recto else outer_x
            placements.append(Placement(fx, trim_h - margins["bottom"] + 8, [folio]))
        head = self.words.running_heads.get(page.number)
        if head:
            line = self.single_line(head, self.style("running-head"), RUNNING_HEAD_MM)
            if line:
                hx = outer_x - line.width / MM if page.recto else outer_x
                placements.append(Placement(hx, 8, [line]))
        return placements

    def check_running_heads(self) -> None:
        style = self.style("running-head")
        for chapter_id, title in self.words.chapter_titles.items():
            lines = break_paragraph(self.fonts, title, style, self.lang, style.size, RUNNING_HEAD_MM * MM)
            if len(lines) > 1:
                self.out.error("overflow", None, f"{self.lang}: chapter '{chapter_id}': its title is too long for the running head "
                               f"({RUNNING_HEAD_MM:g} mm); shorten it")


def set_edition(book: Book, pagination: Pagination, fonts: EditionFonts, words: EditionWords, where, out: Problems) -> EditionText:
    return Setter(book, pagination, fonts, words, where, out).set_all()
