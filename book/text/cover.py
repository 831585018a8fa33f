"""Set one edition's cover: the white cards on the photo, the title,
subtitle and publisher on the front, the back-cover text and the ISBN above
its barcode on the back, and the spine, run along it or set vertically.
Everything is decided here, in mm from the spread's top-left trim corner, so
the cover renderer only draws. The cards and the barcode's place are the same
in every edition: only the black plate changes from one language to another."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics

from book.errors import Problems, Where
from book.languages import language
from book.model import MM, Book
from book.pages.spine import CoverGeometry
from book.text.fonts import EditionFonts
from book.text.setting import Placement
from book.text.typeset import Part, set_block
from book.text.vertical import LATIN_OFFSET, Glyphs, column_length, set_column, vertical_forms

CARD_INSET = 20.0  # a card's distance from the panel's trim edges (and from the spine fold)
CARD_TOP = 186.0  # mm from the top trim: the photo has the upper part of the cover to itself
COVER_CARD_PAD = 9.0  # mm of white inside each cover card, round its texts and the barcode (not text.cards.CARD_PAD)
BARCODE_MM = (37.29, 25.93)  # EAN-13 at 100 % with its quiet zones and digits
ISBN_LINE_MM = 4.5  # the human-readable ISBN above the bars
SPINE_PAD = 1.0  # mm kept clear along each fold
BACK_MEASURE_MM = 125.0  # the back cover's text: about 65 characters a line in vi and en, not the card's 100
SPINE_END = 15.0  # mm kept clear at the head and foot of the spine
SPINE_GAP = 12.0  # between the title and the publisher
LATIN_BAND = 1.2  # em across the spine taken by a turned Latin line (ascenders, accents, descenders)


@dataclass
class CoverText:
    lang: str
    cards: list[tuple[float, float, float, float]]  # white, identical in every edition
    placements: list[Placement] = field(default_factory=list)
    spine: list[Glyphs] = field(default_factory=list)
    barcode: tuple[float, float] | None = None  # top-left of the barcode's nominal box
    isbn: str = ""  # the digits the barcode encodes
    note: str = ""  # why the spine carries no text, when it does not


def cover_strings(book: Book, loc) -> dict[str, str]:
    """The cover's texts in the edition's language."""
    texts = {"title": loc.text(book.title), "subtitle": loc.text(book.subtitle), "publisher": loc.text(book.publisher),
             "back": loc.text(book.cover.back_text) if book.cover else ""}
    isbn = book.isbn.get(loc.lang)
    texts["isbn"] = f"ISBN {isbn}" if isbn else ""
    return texts


def cover_roles(book: Book, lang: str, texts: dict[str, str]) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {}
    for key, style in (("title", "cover-title"), ("subtitle", "cover-subtitle"), ("publisher", "cover-publisher"),
                       ("back", "cover-back"), ("isbn", "cover-publisher"), ("title", "spine"), ("publisher", "spine")):
        roles.setdefault(book.style(style, lang).font, set()).add(texts[key])
        if style == "spine" and language(lang).vertical:  # drawn with vertical punctuation: the subset needs those forms
            roles[book.style(style, lang).font].add(vertical_forms(texts[key]))
    return roles


class CoverSetter:
    def __init__(self, book: Book, geometry: CoverGeometry, fonts: EditionFonts, lang: str, where, out: Problems):
        self.book, self.g, self.fonts, self.lang, self.where, self.out = book, geometry, fonts, lang, where, out

    def block(self, text: str, style: str, x: float, top: float, width: float, height: float, message) -> Placement:
        block = set_block(self.fonts, [Part(text, self.book.style(style, self.lang))], self.lang, width, height)
        if not block.fits:
            self.out.error("overflow", self.where(message) if message else None, f"{self.lang}: the cover's {style.removeprefix('cover-')} text "
                           f"needs {block.needed} lines, room for {block.available}; shorten it")
        return Placement(x, top, block.lines)

    def set(self, texts: dict[str, str]) -> CoverText:
        panel_w, panel_h = self.g.panel
        back_x, front_x = CARD_INSET, self.g.folds[1] + CARD_INSET
        card_w, card_h = panel_w - 2 * CARD_INSET, panel_h - CARD_TOP - CARD_INSET
        inner_w = card_w - 2 * COVER_CARD_PAD
        cover = CoverText(self.lang, [(back_x, CARD_TOP, card_w, card_h), (front_x, CARD_TOP, card_w, card_h)])
        top = CARD_TOP + COVER_CARD_PAD
        title = self.block(texts["title"], "cover-title", front_x + COVER_CARD_PAD, top, inner_w, 34, self.book.title)
        below = top + sum(line.leading if i else line.size for i, line in enumerate(title.lines)) / MM + 4
        cover.placements += [title, self.block(texts["subtitle"], "cover-subtitle", front_x + COVER_CARD_PAD, below, inner_w, 20, self.book.subtitle),
                             self.block(texts["publisher"], "cover-publisher", front_x + COVER_CARD_PAD, CARD_TOP + card_h - COVER_CARD_PAD - 5,
                                        inner_w, 6, self.book.publisher)]
        barcode_top = CARD_TOP + card_h - COVER_CARD_PAD - BARCODE_MM[1]
        if self.book.cover and self.book.cover.back_text.text:
            cover.placements.append(self.block(texts["back"], "cover-back", back_x + COVER_CARD_PAD, top, min(inner_w, BACK_MEASURE_MM),
                                               barcode_top - ISBN_LINE_MM - 4 - top, self.book.cover.back_text))
        if texts["isbn"]:
            bx = back_x + card_w - COVER_CARD_PAD - BARCODE_MM[0]
            cover.barcode = (bx, barcode_top)
            cover.isbn = "".join(ch for ch in texts["isbn"] if ch.isdigit())
            cover.placements.append(self.block(texts["isbn"], "cover-isbn", bx, barcode_top - ISBN_LINE_MM, BARCODE_MM[0], ISBN_LINE_MM, None))
        self.set_spine(cover, texts)
        return cover

    def set_spine(self, cover: CoverText, texts: dict[str, str]) -> None:
        style = self.book.style("spine", self.lang)
        across = (self.g.spine - 2 * SPINE_PAD) * MM
        vertical = language(self.lang).vertical
        size = min(style.size, across / (1.0 if vertical else LATIN_BAND))
        if size < style.min_size:
            cover.note = (f"the spine is {self.g.spine:g} mm wide, too narrow for the spine style's {style.min_size:g} pt: "
                          "the spine is left without text")
            self.out.warn("spine-narrow", Where("content/book.yaml", key="paper.caliper_mm"), f"{self.lang}: {cover.note}")
            return
        role, centre = style.font, (self.g.folds[0] + self.g.folds[1]) / 2
        length = self.g.panel[1] - 2 * SPINE_END
        if vertical:
            need = (column_length(self.fonts, texts["title"], role, size) + column_length(self.fonts, texts["publisher"], role, size)) / MM
        else:
            need = sum(pdfmetrics.stringWidth(r.text, r.font, size) for key in ("title", "publisher")
                       for r in self.fonts.runs(texts[key], role)) / MM
        if need + SPINE_GAP > length:
            self.out.error("spine-overflow", self.where(self.book.title), f"{self.lang}: the spine text (title and publisher) needs "
                           f"{need + SPINE_GAP:.0f} mm at {size:.1f} pt, the spine has {length:.0f} mm; shorten the title or the publisher")
            return
        if vertical:
            publisher_top = self.g.panel[1] - SPINE_END - column_length(self.fonts, texts["publisher"], role, size) / MM
            cover.spine = (set_column(self.fonts, texts["title"], role, size, centre, SPINE_END)
                           + set_column(self.fonts, texts["publisher"], role, size, centre, publisher_top))
            return
        downwards = not self.book.cover or self.book.cover.spine_direction == "top-to-bottom"
        angle, offset = (-90, -LATIN_OFFSET) if downwards else (90, LATIN_OFFSET)
        x = centre + offset * size / MM
        head, foot = SPINE_END, self.g.panel[1] - SPINE_END
        first, last = ("title", "publisher") if downwards else ("publisher", "title")
        for key, start, forward in ((first, head, True), (last, foot, False)):
            runs = self.fonts.runs(texts[key], role)
            width = sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in runs) / MM
            y = start if forward else start - width
            if not downwards:
                y += width  # reading upwards, a run starts at its lower end
            for run in runs:
                cover.spine.append(Glyphs(x, y, run.text, run.font, size, angle))
                step = pdfmetrics.stringWidth(run.text, run.font, size) / MM
                y += step if downwards else -step


def set_cover(book: Book, geometry: CoverGeometry, fonts: EditionFonts, lang: str, texts: dict[str, str], where, out: Problems) -> CoverText:
    return CoverSetter(book, geometry, fonts, lang, where, out).set(texts)
