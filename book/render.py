"""Draw one edition's pages with reportlab: trim + bleed on every page, boxes
set, photos placed, language text 100 % K overprinting."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from book import __version__
from book.compose import Page, Pagination, Placed
from book.content import FrameText, credit_entries, running_head, toc_entries
from book.fonts import EditionFonts
from book.images import ImageResult
from book.localise import Localiser
from book.model import MM, Book, Message, Style
from book.typeset import Block, Line, Part, break_paragraph, set_block

rl_config.useA85 = 0  # JPEGs go in as they are, not ASCII85-wrapped
PANEL_PAD = 4.0  # mm inside a white caption card
EMBLEM_RED = (0.0, 1.0, 0.85, 0.0)
RUNNING_HEAD_MM = 120.0  # the widest a running head may be


@dataclass
class Overflow:
    page: int
    frame: str
    what: str  # e.g. "caption of photo p012"
    message: Message
    needed: int
    available: int


@dataclass
class EditionText:
    """Every text frame of an edition, set and measured."""

    blocks: dict[tuple[int, str], Block] = field(default_factory=dict)
    items: dict[tuple[int, str], FrameText] = field(default_factory=dict)
    overflows: list[Overflow] = field(default_factory=list)


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


def set_edition_text(fonts: EditionFonts, items: list[FrameText], lang: str) -> EditionText:
    out = EditionText()
    for item in items:
        x, y, w, h = text_box(item.placed)
        block = set_block(fonts, item.parts, lang, w, h)
        key = (item.page.number, item.placed.frame.name)
        out.blocks[key] = block
        out.items[key] = item
        if not block.fits:
            out.overflows.append(Overflow(item.page.number, item.placed.frame.name, describe(item), item.messages[0],
                                          block.needed, block.available))
    return out


def layout_credits(fonts: EditionFonts, book: Book, pagination: Pagination, loc: Localiser,
                   placed: Placed) -> tuple[list[tuple[float, float, list[Line]]], bool]:
    """The photo-credit entries in the frame's columns: (x, top, lines) each, and
    whether they all fit."""
    x, y, w, h = placed.box
    style = book.style(placed.frame.style, loc.lang)
    columns = max(1, style.columns)
    gutter = 5.0
    col_w = (w - gutter * (columns - 1)) / columns
    column, top, out = 0, y, []
    for entry in credit_entries(book, pagination, loc):
        lines = break_paragraph(fonts, entry, style, loc.lang, style.size, col_w * MM)
        need = style.leading * len(lines) / MM
        if top + need > y + h and column < columns - 1:
            column, top = column + 1, y
        out.append((x + column * (col_w + gutter), top, lines))
        top += need
    return out, top <= y + h + 0.01


def fixed_text_problems(fonts: EditionFonts, book: Book, pagination: Pagination, loc: Localiser) -> list[str]:
    """Generated texts that would not fit: running heads wider than their
    room, credit lists longer than their frame."""
    problems = []
    style = book.style("running-head", loc.lang)
    for chapter in book.chapters:
        if chapter.number and chapter.title:
            lines = break_paragraph(fonts, loc.text(chapter.title), style, loc.lang, style.size, RUNNING_HEAD_MM * MM)
            if len(lines) > 1:
                problems.append(f"chapter '{chapter.id}': its title is too long for the running head ({RUNNING_HEAD_MM:g} mm); shorten it")
    for page in pagination.pages:
        for placed in page.placed:
            if placed.frame.kind == "credits" and not layout_credits(fonts, book, pagination, loc, placed)[1]:
                problems.append(f"page {page.number}: the photo credits overflow frame '{placed.frame.name}'; "
                                "give the credits layout more room or a smaller style")
    return problems


class Renderer:
    def __init__(self, book: Book, pagination: Pagination, loc: Localiser, fonts: EditionFonts,
                 images: dict[tuple[str, str], ImageResult], text: EditionText, proof: bool = False):
        self.book, self.pagination, self.loc, self.fonts = book, pagination, loc, fonts
        self.images, self.text, self.proof = images, text, proof
        self.trim_w, self.trim_h = book.trim
        self.bleed = book.bleed

    # Coordinates: frames are in mm from the trim's top-left; PDF space is pt from the media box's bottom-left.
    def pdf_rect(self, x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        return ((self.bleed + x) * MM, (self.bleed + self.trim_h - y - h) * MM, w * MM, h * MM)

    def render(self, path: Path) -> None:
        # reportlab names each image after its file path: draw from inside the
        # image cache with bare file names, so the PDF bytes do not depend on
        # where the project lives.
        folders = {r.path.parent for r in self.images.values() if r.path is not None}
        previous = os.getcwd()
        if len(folders) == 1:
            os.chdir(folders.pop())
        try:
            self._render(path.resolve())
        finally:
            os.chdir(previous)

    def _render(self, path: Path) -> None:
        width = (self.trim_w + 2 * self.bleed) * MM
        height = (self.trim_h + 2 * self.bleed) * MM
        canvas = Canvas(str(path), pagesize=(width, height), invariant=1, pageCompression=1,
                        initialFontName=self.fonts.base_font(), initialFontSize=9)
        title = self.loc.text(self.book.title)
        canvas.setTitle(title)
        canvas.setAuthor(self.loc.text(self.book.publisher))
        canvas.setSubject(self.loc.text(self.book.subtitle))
        canvas.setCreator(f"book {__version__}")
        canvas.setKeywords(f"{self.book.slug} {self.loc.lang}")
        for page in self.pagination.pages:
            trim = (self.bleed * MM, self.bleed * MM, (self.bleed + self.trim_w) * MM, (self.bleed + self.trim_h) * MM)
            canvas.setTrimBox(trim)
            canvas.setBleedBox((0, 0, width, height))
            self.draw_page(canvas, page)
            canvas.showPage()
        canvas.save()

    def draw_page(self, canvas: Canvas, page: Page) -> None:
        for placed in page.placed:
            kind = placed.frame.kind
            if kind == "photo":
                self.draw_photo(canvas, placed)
        for placed in page.placed:
            kind = placed.frame.kind
            if placed.frame.panel:
                self.draw_panel(canvas, placed)
            if kind in ("caption", "text", "chapter-number"):
                key = (page.number, placed.frame.name)
                if key in self.text.blocks:
                    self.draw_block(canvas, self.text.blocks[key], text_box(placed), self.text.items[key].fallback)
            elif kind == "toc":
                self.draw_toc(canvas, placed)
            elif kind == "credits":
                self.draw_credits(canvas, placed)
            elif kind == "emblem":
                self.draw_emblem(canvas, placed)
        self.draw_running(canvas, page)

    def draw_photo(self, canvas: Canvas, placed: Placed) -> None:
        result = self.images.get((placed.value, placed.frame.name))
        if result is None or result.path is None:
            return
        x, y, w, h = placed.box
        bw, bh = result.box_mm
        dx, dy = (w - bw) / 2, (h - bh) / 2
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(*self.pdf_rect(x, y, w, h))
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.drawImage(result.path.name if Path.cwd() == result.path.parent else str(result.path), *self.pdf_rect(x + dx, y + dy, bw, bh))
        canvas.restoreState()

    def draw_panel(self, canvas: Canvas, placed: Placed) -> None:
        # A white card, the same in every edition: it knocks out the photo on all plates alike.
        canvas.saveState()
        canvas.setFillColorCMYK(0, 0, 0, 0)
        canvas.rect(*self.pdf_rect(*placed.box), stroke=0, fill=1)
        canvas.restoreState()

    def k_text(self, canvas: Canvas) -> None:
        """Language text: 100 % K, overprinting what lies beneath (co-edition printing)."""
        canvas.setFillColorCMYK(0, 0, 0, 1)
        canvas.setFillOverprint(True)
        canvas.setStrokeOverprint(True)
        canvas.setOverprintMask(1)

    def draw_lines(self, canvas: Canvas, lines: list[Line], x_mm: float, top_mm: float) -> None:
        canvas.saveState()
        self.k_text(canvas)
        x0 = (self.bleed + x_mm) * MM
        y = (self.bleed + self.trim_h - top_mm) * MM
        for index, line in enumerate(lines):
            y -= line.gap + (line.leading if index else line.size)
            for piece in line.pieces:
                text = canvas.beginText(x0 + piece.x, y)
                text.setFont(piece.font, line.size)
                if line.tracking:
                    text.setCharSpace(line.tracking)
                text.textOut(piece.text)
                canvas.drawText(text)
        canvas.restoreState()

    def draw_block(self, canvas: Canvas, block: Block, box: tuple[float, float, float, float], fallback: bool = False) -> None:
        x, y, w, h = box
        self.draw_lines(canvas, block.lines, x, y)
        if self.proof and (not block.fits or fallback):
            # Proof marks: red for an overflow, dashed magenta for text awaiting translation.
            canvas.saveState()
            canvas.setStrokeColorRGB(*((0.9, 0, 0) if not block.fits else (0.85, 0, 0.6)))
            canvas.setLineWidth(1.5)
            if block.fits:
                canvas.setDash(4, 3)
            canvas.rect(*self.pdf_rect(x - 1, y - 1, w + 2, h + 2), stroke=1, fill=0)
            canvas.restoreState()

    def style(self, name: str) -> Style:
        return self.book.style(name, self.loc.lang)

    def single_line(self, text: str, style: Style, width_mm: float) -> Line | None:
        lines = break_paragraph(self.fonts, text, style, self.loc.lang, style.size, width_mm * MM)
        return lines[0] if lines else None

    def draw_toc(self, canvas: Canvas, placed: Placed) -> None:
        x, y, w, h = placed.box
        style = self.style(placed.frame.style)
        small = self.style("chapter-number")
        top = y
        number_w = 15.0
        for label, title, number in toc_entries(self.book, self.pagination, self.loc):
            label_block = set_block(self.fonts, [Part(label, small)], self.loc.lang, w - number_w, 20)
            self.draw_lines(canvas, label_block.lines, x, top)
            top += label_block.height / MM + 1.5
            block = set_block(self.fonts, [Part(title, style)], self.loc.lang, w - number_w, 40)
            self.draw_lines(canvas, block.lines, x, top)
            page_line = self.single_line(str(number), style, number_w)
            if page_line:
                self.draw_lines(canvas, [page_line], x + w - page_line.width / MM, top)
            top += block.height / MM + 7

    def draw_credits(self, canvas: Canvas, placed: Placed) -> None:
        for x, top, lines in layout_credits(self.fonts, self.book, self.pagination, self.loc, placed)[0]:
            self.draw_lines(canvas, lines, x, top)

    def draw_emblem(self, canvas: Canvas, placed: Placed) -> None:
        # The "70" mark is the same in every edition, so it may be in colour.
        x, y, w, h = placed.box
        serif = self.fonts.registered.get("serif-bold") or self.fonts.base_font()
        sans = self.fonts.base_font()
        canvas.saveState()
        canvas.setFillColorCMYK(*EMBLEM_RED)
        size = h * MM * 0.8
        canvas.setFont(serif, size)
        px, py, _, _ = self.pdf_rect(x, y, w, h)
        canvas.drawString(px, py + h * MM * 0.22, "70")
        numeral_w = pdfmetrics.stringWidth("70", serif, size)
        canvas.setStrokeColorCMYK(*EMBLEM_RED)
        canvas.setLineWidth(0.75)
        canvas.line(px, py + h * MM * 0.12, px + numeral_w, py + h * MM * 0.12)
        canvas.setFont(sans, 8)
        canvas.drawString(px, py, "1955 – 2025")
        canvas.restoreState()

    def draw_running(self, canvas: Canvas, page: Page) -> None:
        if not page.folio:
            return
        margins = self.book.margins
        outer_x = self.trim_w - margins["outer"] if page.recto else margins["outer"]
        folio_style = self.style("folio")
        folio = self.single_line(str(page.number), folio_style, 30)
        if folio:
            fx = outer_x - folio.width / MM if page.recto else outer_x
            self.draw_lines(canvas, [folio], fx, self.trim_h - margins["bottom"] + 8)
        head = running_head(self.book, page, self.loc)
        if head:
            head_style = self.style("running-head")
            line = self.single_line(head, head_style, RUNNING_HEAD_MM)
            if line:
                hx = outer_x - line.width / MM if page.recto else outer_x
                self.draw_lines(canvas, [line], hx, 8)
