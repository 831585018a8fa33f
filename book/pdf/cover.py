"""Draw one edition's cover spread: the ground colour over the whole spread,
the photo band across back, spine and front, the barcode's white field and
the mark, its ink filling its box (all the same in every edition), then the
texts the cover setting placed (100 % K overprinting), the EAN-13 barcode as
vectors in 100 % K, and the fold marks (on a case cover the hinges' too,
dashed) outside the trim in 100 % K."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from reportlab.graphics.barcode.eanbc import Ean13BarcodeWidget
from reportlab.graphics.shapes import Rect, String
from reportlab.pdfgen.canvas import Canvas

from book import __version__
from book.images.process import ImageResult
from book.model import MM, Book
from book.pages.spine import CoverGeometry
from book.pdf.render import CachedImage, Renderer, actual_text
from book.text.cover import BARCODE_MM, CoverText
from book.text.vertical import RULE

MARK_PT = 0.25  # the fold marks' stroke


def ink_fitted(artwork, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The frame to draw ``artwork`` in so that its ink, not its page, fills
    ``box`` (mm: x, top, width, height) at its foot and left edge: the mark at
    display scale, however much empty page its file keeps round it (the
    sample's emblem is drawn for the title page's 60 × 40 mm frame).

    >>> from types import SimpleNamespace as Art
    >>> art = Art(view=(0, 0, 60, 40), shapes=[Art(path=[("M", (0, 10)), ("L", (30, 40))])])
    >>> ink_fitted(art, (100, 20, 90, 60))
    (100.0, 0.0, 120.0, 80.0)
    """
    points = [(values[i], values[i + 1]) for shape in artwork.shapes for _, values in shape.path for i in range(0, len(values), 2)]
    if not points:
        return box
    (vx, vy, vw, vh), (x, top, width, height) = artwork.view, box
    left, right = min(p[0] for p in points), max(p[0] for p in points)
    high, low = min(p[1] for p in points), max(p[1] for p in points)
    scale = min(width / max(right - left, 1e-6), height / max(low - high, 1e-6))
    return (round(x - (left - vx) * scale, 3), round(top + height - (low - vy) * scale, 3), round(vw * scale, 3), round(vh * scale, 3))


class CoverRenderer(Renderer):
    """Draws in the spread's coordinates: ``trim_w``/``trim_h`` are the spread's, ``bleed`` its margin."""

    def __init__(self, book: Book, geometry: CoverGeometry, fonts, photo: ImageResult | None, cover: CoverText,
                 standin: Path | None = None):
        self.book, self.fonts, self.proof, self.g = book, fonts, False, geometry
        self.photo, self.cover = photo, cover
        self.standin = standin  # draw the photo as this one-pixel file, swapped for it at finish
        self.trim_w, self.trim_h = geometry.spread
        self.bleed = geometry.margin

    def render_cover(self, path: Path, info: dict[str, str]) -> None:
        width, height = self.g.media[0] * MM, self.g.media[1] * MM
        canvas = Canvas(str(path), pagesize=(width, height), invariant=1, pageCompression=1,
                        initialFontName=self.fonts.base_font(), initialFontSize=9)
        canvas.setTitle(info["title"])
        canvas.setAuthor(info["author"])
        canvas.setSubject(info["subject"])
        canvas.setCreator(f"book {__version__}")
        canvas.setKeywords(f"{self.book.slug} {self.cover.lang} cover")
        m = self.bleed * MM
        canvas.setTrimBox((m, m, width - m, height - m))
        canvas.setBleedBox((0, 0, width, height))
        self.draw_ground(canvas)
        if self.photo is not None and self.photo.path is not None:
            image = CachedImage(str(self.standin), str(self.photo.path)) if self.standin else CachedImage(str(self.photo.path))
            canvas.drawImage(image, *self.pdf_rect(*self.cover.plan.photo))
        self.draw_fields(canvas)
        mark = self.book.cover.mark if self.book.cover else None
        if mark and mark in self.book.artworks:
            self.draw_artwork(canvas, SimpleNamespace(value=mark, box=ink_fitted(self.book.artworks[mark], self.cover.plan.mark)))
        for placement in self.cover.placements:
            self.draw_lines(canvas, placement)
        self.draw_spine(canvas)
        if self.cover.barcode:
            self.draw_barcode(canvas)
        self.draw_fold_marks(canvas)
        canvas.showPage()
        canvas.save()

    def draw_ground(self, canvas: Canvas, box=None) -> None:
        """The ground colour over the whole spread and its bleed (one colour across
        both folds, so the spine shows no band however the cover folds), or over ``box``."""
        c, m, y, k = (v / 100 for v in (self.book.cover.ground if self.book.cover else (0, 0, 0, 0)))
        if c or m or y or k:
            canvas.saveState()
            canvas.setFillColorCMYK(c, m, y, k)
            rect = self.pdf_rect(*box) if box else (0, 0, self.g.media[0] * MM, self.g.media[1] * MM)
            canvas.rect(*rect, stroke=0, fill=1)
            canvas.restoreState()

    def draw_fields(self, canvas: Canvas) -> None:
        """The white field the ISBN and the barcode are read on."""
        canvas.saveState()
        canvas.setFillColorCMYK(0, 0, 0, 0)
        for box in self.cover.fields:
            canvas.rect(*self.pdf_rect(*box), stroke=0, fill=1)
        canvas.restoreState()

    def draw_spine(self, canvas: Canvas) -> None:
        """The spine's glyphs; a two-em dash drawn as a rule (`vertical.RULE`, one glyph an em)
        reads as the title's own dash: each rule glyph inside an /ActualText span of one of
        its dashes (ja 「――」, zh 「——」), not as box-drawing lines. Each span opens and
        closes under its glyph's own transformation, where a reader's software places it."""
        canvas.saveState()
        self.k_text(canvas)
        dash = self.cover.rule_text[:1]
        for glyphs in self.cover.spine:
            canvas.saveState()
            canvas.translate((self.bleed + glyphs.x) * MM, (self.bleed + self.trim_h - glyphs.y) * MM)
            canvas.rotate(glyphs.angle)
            canvas.setFont(glyphs.font, glyphs.size)
            rule = bool(dash) and set(glyphs.text) == {RULE}
            if rule:
                canvas.addLiteral(actual_text(dash * len(glyphs.text)))
            if glyphs.weight:  # a dash's outline stroked in K: as heavy as the title's strokes
                canvas.setStrokeColorCMYK(0, 0, 0, 1)
                canvas.addLiteral(f"{glyphs.weight:.3f} w 1 j 2 Tr")
            canvas.drawString(0, 0, glyphs.text, charSpace=glyphs.tracking)
            if rule:
                canvas.addLiteral("EMC")
            canvas.restoreState()
        canvas.restoreState()

    def draw_barcode(self, canvas: Canvas) -> None:
        """EAN-13 at 100 % (reportlab's default: 0.33 mm a module, 37.29 × 25.93 mm with its
        quiet zones and digits). Its bars and digits are drawn here in 100 % K with the
        edition's embedded font, not through reportlab's RGB and Helvetica defaults."""
        x, top = self.cover.barcode
        widget = Ean13BarcodeWidget(self.cover.isbn[:12])
        widget.quiet = 1
        bx, by, bw, bh = widget.getBounds()
        left = (self.bleed + x) * MM + (BARCODE_MM[0] * MM - (bw - bx)) / 2 - bx
        bottom = (self.bleed + self.trim_h - top - BARCODE_MM[1]) * MM - by
        canvas.saveState()
        self.k_text(canvas)
        font = self.fonts.base_font()
        for shape in widget.draw().contents:
            if isinstance(shape, Rect) and shape.fillColor is not None:  # the first Rect is the unfilled bounds
                canvas.rect(left + shape.x, bottom + shape.y, shape.width, shape.height, stroke=0, fill=1)
            elif isinstance(shape, String):
                canvas.setFont(font, shape.fontSize)
                draw = {"middle": canvas.drawCentredString, "end": canvas.drawRightString}.get(shape.textAnchor, canvas.drawString)
                draw(left + shape.x, bottom + shape.y, shape.text)
        canvas.restoreState()

    def draw_fold_marks(self, canvas: Canvas) -> None:
        """Where the spine folds, marked in the bleed at head and foot, never inside the trim."""
        canvas.saveState()
        canvas.setStrokeColorCMYK(0, 0, 0, 1)  # black alone: a mark in the bleed needs no 400 % of ink
        canvas.setLineWidth(MARK_PT)
        top = self.g.media[1] * MM
        for fold in self.g.folds:
            x = (self.bleed + fold) * MM
            canvas.line(x, 0, x, self.bleed * MM - 0.5 * MM)
            canvas.line(x, top, x, top - self.bleed * MM + 0.5 * MM)
        if self.g.hinge:  # a case cover: the boards' inner edges, a joint beyond each fold, shorter and dashed, in the wrap
            canvas.setDash(1.5 * MM, 1 * MM)
            for x in (self.g.panel[0], self.g.front):
                x = (self.bleed + x) * MM
                canvas.line(x, 0, x, self.bleed * MM / 2)
                canvas.line(x, top, x, top - self.bleed * MM / 2)
        canvas.restoreState()
