"""Draw one edition's pages with reportlab: trim + bleed on every page, boxes
set, photos placed, and the text the setting stage placed, 100 % K
overprinting. The renderer measures and sets nothing itself."""

from __future__ import annotations

import os
from contextlib import nullcontext
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, FILL_NON_ZERO, Canvas

from book import __version__
from book.images.process import ImageResult
from book.model import LIST_KINDS, MARKED_KINDS, MM, TEXT_KINDS, Book
from book.pages.folios import FOLIO_TINT_PAD_MM
from book.pages.paginate import Page, Pagination, Placed
from book.pdf.marked import Marks
from book.text.cards import CARD_TINT
from book.text.setting import EditionText, FrameSetting, Placement
from book.text.typeset import Line

rl_config.useA85 = 0  # JPEGs go in as they are, not ASCII85-wrapped


class CachedImage(str):
    """The file reportlab opens for a photo (its full path), named by the
    prepared photo's file name alone.

    reportlab names each image after ``str()`` of the path it is given; the
    cache file's name is its content key, so the PDF bytes do not depend on
    where the project lives. With a stand-in (see `book.pdf.photos`) the file
    opened is the one-pixel stand-in, named after the photo it stands for.

    >>> str(CachedImage("/somewhere/.cache/images/ab12.jpg"))
    'ab12.jpg'
    >>> str(CachedImage("/tmp/standin.jpg", "/somewhere/.cache/images/ab12.jpg"))
    'ab12.jpg'
    """

    def __new__(cls, opened: str, named: str | None = None):
        image = super().__new__(cls, opened)
        image.image_name = os.path.basename(named or opened)
        return image

    def __str__(self) -> str:
        return self.image_name


def actual_text(text: str) -> str:
    """A marked-content span that reads as ``text`` (UTF-16BE, as PDF text strings are).

    >>> actual_text("》，")
    '/Span <</ActualText <FEFF300BFF0C>>> BDC'
    """
    return f"/Span <</ActualText <FEFF{text.encode('utf-16-be').hex().upper()}>>> BDC"


def draw_pieces(canvas: Canvas, line: Line, x: float, y: float) -> None:
    """One line's pieces, each at its offset from ``x``; glyphs set into each other
    (compressed punctuation) inside an /ActualText span, so pdftotext reads them in order;
    a piece a word space follows (``Piece.space``) ends on a space glyph, the next still at its place."""
    closing = -1
    for number, piece in enumerate(line.pieces):
        if piece.span:
            canvas.addLiteral(actual_text("".join(p.text + " " * p.space for p in line.pieces[number:number + piece.span + 1])))
            closing = number + piece.span
        text = canvas.beginText(x + piece.x, y)
        text.setFont(piece.font, line.size)
        spacing = line.tracking + piece.char_space
        if spacing:
            text.setCharSpace(spacing)
        text.textOut(piece.text + " " * piece.space)  # a word space set as a gap: a glyph too, for search and copy
        if spacing:
            text.setCharSpace(0)  # the text state outlives ET: every piece starts from none
        canvas.drawText(text)
        if number == closing:
            canvas.addLiteral("EMC")


class Renderer:
    def __init__(self, book: Book, pagination: Pagination, fonts, images: dict[tuple[str, str], ImageResult], text: EditionText,
                 proof: bool = False, low_ppi: dict[tuple[str, str], float] | None = None, standin: Path | None = None,
                 marks: Marks | None = None):
        self.book, self.pagination, self.fonts = book, pagination, fonts
        self.marks = marks  # a tagged output's marked content, recorded as it is drawn (`book.pdf.marked`)
        self.standin = standin  # draw photos as this one-pixel file, swapped for them at finish
        self.images, self.text, self.proof = images, text, proof
        self.low_ppi = low_ppi or {}  # (photo, frame) -> print ppi, marked on proofs
        self.trim_w, self.trim_h = book.trim
        self.bleed = book.bleed

    # Coordinates: frames are in mm from the trim's top-left; PDF space is pt from the media box's bottom-left.
    def pdf_rect(self, x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        return ((self.bleed + x) * MM, (self.bleed + self.trim_h - y - h) * MM, w * MM, h * MM)

    def render(self, path: Path) -> Marks | None:
        width = (self.trim_w + 2 * self.bleed) * MM
        height = (self.trim_h + 2 * self.bleed) * MM
        canvas = Canvas(str(path), pagesize=(width, height), invariant=1, pageCompression=1,
                        initialFontName=self.fonts.base_font(), initialFontSize=9)
        info = self.text.info
        canvas.setTitle(info["title"])
        canvas.setAuthor(info["author"])
        canvas.setSubject(info["subject"])
        canvas.setCreator(f"book {__version__}")
        canvas.setKeywords(f"{self.book.slug} {self.text.lang}")
        bookmarks: dict[int, list[str]] = {}
        for title, number in self.text.outline:
            bookmarks.setdefault(number, []).append(title)
        for page in self.pagination.pages:
            for index, title in enumerate(bookmarks.get(page.number, [])):
                key = f"p{page.number}-{index}"
                canvas.bookmarkPage(key, fit="Fit")
                canvas.addOutlineEntry(title, key, level=0)
            trim = (self.bleed * MM, self.bleed * MM, (self.bleed + self.trim_w) * MM, (self.bleed + self.trim_h) * MM)
            canvas.setTrimBox(trim)
            canvas.setBleedBox((0, 0, width, height))
            if self.marks is not None:
                self.marks.new_page(page.number)
            self.draw_page(canvas, page)
            canvas.showPage()
        canvas.save()
        return self.marks

    def marked(self, canvas: Canvas, what):
        """Marked content for ``what`` (an element of `self.marks`, "artifact" or "pagination") in a tagged output; else nothing."""
        return nullcontext() if self.marks is None else self.marks.marked(canvas, what)

    def text_tag(self, page: Page, placed: Placed, setting: FrameSetting):
        """For a tagged output, what each paragraph of a text frame is: ``tag(placement, paragraph)``; None untagged."""
        marks, kind, frame = self.marks, placed.frame.kind, placed.frame
        if marks is None:
            return None
        if kind == "caption":
            caption = marks.caption(placed.value)
            return lambda index, paragraph: caption
        if kind in LIST_KINDS:
            list_id = f"{page.list_key or page.number}|{kind}"

            def entry(index: int, paragraph: int):
                number, target, label = setting.entries[index] if index < len(setting.entries) else (-1, None, "")
                return "artifact" if number < 0 else marks.entry(kind, list_id, number, target, label)
            return entry
        return lambda index, paragraph: marks.text(frame.name, frame.style, page.number, (index, paragraph))

    def draw_page(self, canvas: Canvas, page: Page) -> None:
        for placed in page.placed:
            if placed.frame.kind == "photo":
                self.draw_photo(canvas, placed)
        for placed in page.placed:
            kind = placed.frame.kind
            setting = self.text.frames.get((page.number, placed.frame.name)) if kind in TEXT_KINDS else None
            if placed.frame.panel:
                with self.marked(canvas, "artifact"):
                    self.draw_panel(canvas, setting.card if setting is not None and setting.card else placed.box)
            if kind in TEXT_KINDS:
                if setting is not None:
                    self.draw_setting(canvas, setting, mark=kind in MARKED_KINDS, tag=self.text_tag(page, placed, setting))
            elif kind == "artwork":
                with self.marked(canvas, "artifact"):
                    self.draw_artwork(canvas, placed)
        for placement in self.text.running.get(page.number, []):
            self.draw_lines(canvas, placement, None if self.marks is None else lambda paragraph: "pagination")

    def draw_photo(self, canvas: Canvas, placed: Placed) -> None:
        result = self.images.get((placed.value, placed.frame.name))
        if result is None or result.path is None:
            return
        x, y, w, h = placed.box
        bw, bh = result.box_mm
        dx, dy = (w - bw) / 2, (h - bh) / 2
        with self.marked(canvas, "artifact" if self.marks is None else self.marks.figure(placed.value, self.on_page(x, y, w, h))):
            canvas.saveState()
            clip = canvas.beginPath()
            clip.rect(*self.pdf_rect(x, y, w, h))
            canvas.clipPath(clip, stroke=0, fill=0)
            image = CachedImage(str(self.standin), str(result.path)) if self.standin else CachedImage(str(result.path))
            canvas.drawImage(image, *self.pdf_rect(x + dx, y + dy, bw, bh))
            canvas.restoreState()
        ppi = self.low_ppi.get((placed.value, placed.frame.name))
        if self.proof and ppi is not None:
            with self.marked(canvas, "artifact"):
                self.mark_low_ppi(canvas, placed, ppi)

    def on_page(self, x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        """A frame's part within the page's media box, as (x0, y0, x1, y1) in pt: a figure's bounding box."""
        px, py, pw, ph = self.pdf_rect(x, y, w, h)
        right, top = (self.trim_w + 2 * self.bleed) * MM, (self.trim_h + 2 * self.bleed) * MM
        return (max(px, 0.0), max(py, 0.0), min(px + pw, right), min(py + ph, top))

    def mark_low_ppi(self, canvas: Canvas, placed: Placed, ppi: float) -> None:
        """Proof mark: an orange dotted frame and a label on a photo the print would show below its resolution."""
        x, y, w, h = placed.box
        label = f"LOW RESOLUTION: {placed.value} {ppi:.0f} ppi in print (needs {self.book.min_ppi})"
        canvas.saveState()
        canvas.setStrokeColorRGB(1.0, 0.5, 0.0)
        canvas.setLineWidth(2)
        canvas.setDash(1, 3)
        canvas.rect(*self.pdf_rect(x + 2, y + 2, w - 4, h - 4), stroke=1, fill=0)
        font = self.fonts.base_font()
        width = pdfmetrics.stringWidth(label, font, 8)
        lx, ly, _, _ = self.pdf_rect(x + 4, y + 4, 1, 5)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(lx - 2, ly - 2, width + 4, 12, stroke=0, fill=1)
        canvas.setFillColorRGB(0.8, 0.3, 0.0)
        canvas.setFont(font, 8)
        canvas.drawString(lx, ly + 1, label)
        canvas.restoreState()

    def draw_panel(self, canvas: Canvas, box: tuple[float, float, float, float]) -> None:
        # A card in the paper tone (`book.text.cards.CARD_TINT`), the same in every edition (sized from all of them):
        # it knocks out the photo on all plates alike.
        canvas.saveState()
        canvas.setFillColorCMYK(*(share / 100 for share in CARD_TINT))
        canvas.rect(*self.pdf_rect(*box), stroke=0, fill=1)
        canvas.restoreState()

    def k_text(self, canvas: Canvas) -> None:
        """Language text: 100 % K, overprinting what lies beneath (co-edition printing)."""
        canvas.setFillColorCMYK(0, 0, 0, 1)
        canvas.setFillOverprint(True)
        canvas.setStrokeOverprint(True)
        canvas.setOverprintMask(1)

    def white_figures(self, canvas: Canvas) -> None:
        """A reversed folio: white knocking out every plate beneath (an overprinting white would vanish).
        Its figures are the same in every edition, so the C, M and Y plates stay shared."""
        canvas.setFillColorCMYK(0, 0, 0, 0)
        canvas.setFillOverprint(False)
        canvas.setStrokeOverprint(False)

    def paper_tint(self, canvas: Canvas, placement: Placement) -> None:
        """The paper-white patch under a folio neither ink reads on: knocked out of every plate, a mm and a
        half round its figures, which are the same in every edition (so are the patch and the C, M, Y plates)."""
        line, pad = placement.lines[0], FOLIO_TINT_PAD_MM * MM
        x0 = (self.bleed + placement.x) * MM
        top = (self.bleed + self.trim_h - placement.top) * MM
        canvas.saveState()
        canvas.setFillColorCMYK(0, 0, 0, 0)
        canvas.setFillOverprint(False)
        canvas.rect(x0 - pad, top - line.size - pad, line.width + 2 * pad, line.size + 2 * pad, stroke=0, fill=1)
        canvas.restoreState()

    def draw_lines(self, canvas: Canvas, placement: Placement, tag=None) -> None:
        """A placement's lines; with ``tag`` (a tagged output), each paragraph
        inside the marked content of ``tag(its number)`` (see `Renderer.marked`)."""
        if placement.tint:
            self.paper_tint(canvas, placement)
        canvas.saveState()
        if placement.reversed:
            self.white_figures(canvas)
        else:
            self.k_text(canvas)
        x0 = (self.bleed + placement.x) * MM
        y = (self.bleed + self.trim_h - placement.top) * MM
        what, paragraph = None, 0
        for index, line in enumerate(placement.lines):
            y -= line.gap + (line.leading if index else line.size)
            if tag is not None and what is None:
                what = tag(paragraph)
                self.marks.begin(canvas, what)
            text = "".join("".join(piece.text.split()) for piece in line.pieces) if what is not None else ""
            foreign = self.marks.foreign.get(text) if text else None
            if foreign:  # a line in another language (a Vietnamese name in the English credits) says which
                canvas.addLiteral(f"/Span <</Lang ({foreign})>> BDC")
            draw_pieces(canvas, line, x0, y)
            if foreign:
                canvas.addLiteral("EMC")
            if what is not None:
                self.marks.note(what, (x0, y - line.size / 4, x0 + line.width, y + line.size))
                if line.last:
                    self.marks.end(canvas)
                    what, paragraph = None, paragraph + 1
        if what is not None:
            self.marks.end(canvas)
        canvas.restoreState()

    def draw_setting(self, canvas: Canvas, setting: FrameSetting, mark: bool, tag=None) -> None:
        for index, placement in enumerate(setting.placements):
            self.draw_lines(canvas, placement, None if tag is None else lambda paragraph, index=index: tag(index, paragraph))
        if self.proof and mark and (not setting.fits or setting.fallback):
            # Proof marks: red for an overflow, dashed magenta for text awaiting translation.
            x, y, w, h = setting.box
            canvas.saveState()
            canvas.setStrokeColorRGB(*((0.9, 0, 0) if not setting.fits else (0.85, 0, 0.6)))
            canvas.setLineWidth(1.5)
            if setting.fits:
                canvas.setDash(4, 3)
            canvas.rect(*self.pdf_rect(x - 1, y - 1, w + 2, h + 2), stroke=1, fill=0)
            canvas.restoreState()

    def draw_artwork(self, canvas: Canvas, placed: Placed) -> None:
        """The artwork a page names, fitted whole in its frame where its
        preserveAspectRatio puts it, in its own CMYK inks: a mark the same in every edition."""
        artwork = self.book.artworks.get(placed.value) if placed.value else None
        if artwork is None:
            return
        x, y, w, h = placed.box
        vx, vy, vw, vh = artwork.view
        if artwork.align is None:
            sx, sy, left, top = w / vw, h / vh, x, y  # mm per unit of the file, across and down
        else:
            sx = sy = min(w / vw, h / vh)
            left, top = x + (w - vw * sx) * artwork.align[0], y + (h - vh * sy) * artwork.align[1]

        def point(px: float, py: float) -> tuple[float, float]:
            return (self.bleed + left + (px - vx) * sx) * MM, (self.bleed + self.trim_h - top - (py - vy) * sy) * MM

        canvas.saveState()
        for shape in artwork.shapes:
            path = canvas.beginPath()
            for op, values in shape.path:
                points = [point(values[i], values[i + 1]) for i in range(0, len(values), 2)]
                if op == "M":
                    path.moveTo(*points[0])
                elif op == "L":
                    path.lineTo(*points[0])
                elif op == "C":
                    path.curveTo(*points[0], *points[1], *points[2])
                else:
                    path.close()
            if shape.fill:
                canvas.setFillColorCMYK(*shape.fill)
            if shape.stroke:
                canvas.setStrokeColorCMYK(*shape.stroke)
                canvas.setLineWidth(shape.stroke_width * (sx * sy) ** 0.5 * MM)
                canvas.setLineCap(shape.cap)
                canvas.setLineJoin(shape.join)
            canvas.drawPath(path, stroke=1 if shape.stroke else 0, fill=1 if shape.fill else 0, fillMode=FILL_EVEN_ODD if shape.even_odd else FILL_NON_ZERO)
        canvas.restoreState()
