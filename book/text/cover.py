"""Set one edition's cover: the white cards on the photo, the title,
subtitle and publisher on the front, the back-cover text and the ISBN above
its barcode on the back, and the spine, run along it or set vertically.
Everything is placed here from the trim, the spine's width and the cover's
margins (`book.pages.spine.cover_margins`), in mm from the spread's top-left
trim corner, so the cover renderer only draws. The cards and the barcode's
place depend on the trim alone, so they are the same in every edition: only
the black plate changes from one language to another. A text or barcode
that does not fit its place is an error saying what to change."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics

from book.errors import Problems, Where
from book.languages import language
from book.model import MM, Book
from book.pages.spine import SPINE_CLEAR, CoverGeometry, pages_for_spine
from book.text.fonts import EditionFonts
from book.text.ink import ink_across, ink_height
from book.text.setting import Placement
from book.text.typeset import Part, set_block
from book.text.vertical import LATIN_OFFSET, Glyphs, column_length, segments, set_column, vertical_forms, vertical_text

CARD_SHARE = 0.38  # the cards take this share of the panel's height from the foot trim: the photo has the rest
MIN_CARD_MM = 60.0  # yet never less: room for a title, a subtitle and the publisher on a short trim
COVER_CARD_PAD = 9.0  # mm of white inside each cover card, round its texts and the barcode (not text.cards.CARD_PAD)
BARCODE_MM = (37.29, 25.93)  # EAN-13 at 100 % with its quiet zones and digits
ISBN_LINE_MM = 4.5  # the human-readable ISBN above the bars
BARCODE_GAP = 6.0  # mm between the back text and the barcode beside it
BACK_MEASURE_MM = 125.0  # the back cover's text: about 65 characters a line in vi and en, not the card's 100
MIN_BESIDE_MM = 60.0  # the narrowest back text set beside the barcode; a narrower card sets it above
TEXT_GAP = 4.0  # mm from a block's last baseline to the next block
DESCENT = 0.25  # em below the last baseline taken by descenders
SPINE_GAP = 12.0  # between the title and the publisher


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
        self.trim = f"{geometry.panel[0]:g} × {geometry.panel[1]:g} mm trim"
        self.overflowed = False  # whether the last block set did not fit

    def block(self, name: str, text: str, style: str, box: tuple[float, float, float, float], message,
              cause: str) -> Placement | None:
        """``text`` set in ``box`` (x, top, width, height: its last baseline within
        the height), or None and an error saying what to change, at ``message``'s
        place (or at ``message`` itself, a Where). ``cause`` says what leaves the
        box its height, for a box that holds not even one line."""
        x, top, width, height = box
        self.overflowed = True
        smallest = self.book.style(style, self.lang).min_size
        where = message if isinstance(message, Where) else self.where(message)
        if height < smallest / MM:
            self.out.error("cover-layout", where, f"{self.lang}: the cover's {name} has {max(height, 0):.1f} mm, less than "
                           f"one line at {style}'s {smallest:g} pt ({smallest / MM:.1f} mm): {cause}")
            return None
        block = set_block(self.fonts, [Part(text, self.book.style(style, self.lang))], self.lang, width, height)
        widest = max(block.lines, key=lambda line: line.width, default=None)
        too_wide = widest is not None and widest.width / MM > width + 0.05  # a word longer than the measure
        if block.wide:
            self.out.error("overflow", where, f"{self.lang}: the cover's {name}: the manual line break leaves "
                           f"'{block.wide[0]}' wider than its {width:.0f} mm even at {smallest:g} pt; break it sooner")
        elif too_wide:
            words = "".join(piece.text for piece in widest.pieces).strip()
            self.out.error("overflow", where, f"{self.lang}: the cover's {name}: the line '{words}' is {widest.width / MM:.0f} mm "
                           f"at {widest.size:g} pt, wider than its {width:.0f} mm at the {self.trim}; shorten its words or break them")
        elif not block.fits:
            over = block.needed - block.available
            cut = max(5, math.ceil(len(text) * over / block.needed / 5) * 5)
            self.out.error("overflow", where, f"{self.lang}: the cover's {name} is {over} line{'s' if over > 1 else ''} too long "
                           f"at the {self.trim}: {block.needed} lines at {block.size:.1f} pt, room for {block.available}; "
                           f"shorten it by about {cut} of its {len(text)} characters, or choose a larger trim_mm")
        self.overflowed = bool(block.wide) or too_wide or not block.fits
        return Placement(x, top, block.lines)

    def set(self, texts: dict[str, str]) -> CoverText:
        (panel_w, panel_h), margins = self.g.panel, self.g.margins
        card_h = min(max(CARD_SHARE * panel_h - margins.foot, MIN_CARD_MM), panel_h - margins.foot - margins.head)
        card_top, card_w = round(panel_h - margins.foot - card_h, 2), panel_w - 2 * margins.side
        back_x, front_x = margins.side, self.g.folds[1] + margins.side
        cover = CoverText(self.lang, [(back_x, card_top, card_w, card_h), (front_x, card_top, card_w, card_h)])
        inner = (card_w - 2 * COVER_CARD_PAD, card_h - 2 * COVER_CARD_PAD)
        self.set_front(cover, texts, front_x + COVER_CARD_PAD, card_top + COVER_CARD_PAD, *inner)
        self.set_back(cover, texts, back_x + COVER_CARD_PAD, card_top + COVER_CARD_PAD, *inner)
        self.set_spine(cover, texts)
        return cover

    def set_front(self, cover: CoverText, texts: dict[str, str], x: float, top: float, width: float, height: float) -> None:
        """The title from the card's top, the subtitle below it, the publisher at the card's foot."""
        card = f"the front card is {height + 2 * COVER_CARD_PAD:.0f} mm tall at the {self.trim}"
        smallest = {style: self.book.style(style, self.lang).min_size for style in ("cover-title", "cover-subtitle")}
        subtitle_line = smallest["cover-subtitle"] / MM + TEXT_GAP if texts["subtitle"] else 0.0
        above = smallest["cover-title"] / MM + TEXT_GAP + subtitle_line  # the least the title and subtitle take
        publisher = self.block("publisher", texts["publisher"], "cover-publisher", (x, top, width, height - above), self.book.publisher,
                               f"{card} and the title and subtitle take {above:.0f} mm of it at their smallest "
                               f"(cover-title {smallest['cover-title']:g} pt, cover-subtitle {smallest['cover-subtitle']:g} pt); "
                               "choose a taller trim_mm or smaller sizes in layouts/styles.yaml")
        if publisher is None or self.overflowed:
            cover.placements += [publisher] if publisher else []
            return
        foot = top + height - depth(publisher.lines)
        publisher.top = foot
        title = self.block("title", texts["title"], "cover-title", (x, top, width, foot - TEXT_GAP - subtitle_line - top),
                           self.book.title, f"{card} and holds the subtitle and publisher too; choose a taller trim_mm "
                           "or a smaller cover-title style in layouts/styles.yaml")
        cover.placements += [p for p in (title, publisher) if p is not None]
        if title is None or self.overflowed or not texts["subtitle"]:
            return  # a title too long is the one error: the subtitle's place below it is unknown
        below = top + baseline(title.lines) + TEXT_GAP
        subtitle = self.block("subtitle", texts["subtitle"], "cover-subtitle", (x, below, width, foot - TEXT_GAP - below),
                              self.book.subtitle, f"{card} and the title takes {below - top:.0f} mm of it; shorten the title")
        if subtitle is not None:
            cover.placements.insert(1, subtitle)

    def set_back(self, cover: CoverText, texts: dict[str, str], x: float, top: float, width: float, height: float) -> None:
        """The barcode at the card's foot on the right, its ISBN above it; the back
        text from the card's top, beside the barcode when the card is wide enough, else above it."""
        (bar_w, bar_h), text = BARCODE_MM, self.book.cover.back_text if self.book.cover else None
        measure, room, isbn = min(width, BACK_MEASURE_MM), height, None
        if texts["isbn"]:
            if width < bar_w or height < bar_h + ISBN_LINE_MM:
                self.out.error("cover-layout", Where("content/book.yaml", key="trim_mm"),
                               f"{self.lang}: the barcode and its ISBN need {bar_w:.1f} × {bar_h + ISBN_LINE_MM:.1f} mm, the back card "
                               f"has {width:.1f} × {height:.1f} mm inside its padding at the {self.trim}; choose a larger trim_mm")
            else:
                bx, bar_top = x + width - bar_w, top + height - bar_h
                cover.barcode, cover.isbn = (round(bx, 2), round(bar_top, 2)), "".join(ch for ch in texts["isbn"] if ch.isdigit())
                isbn = self.block("ISBN", texts["isbn"], "cover-isbn", (bx, bar_top - ISBN_LINE_MM, bar_w, ISBN_LINE_MM),
                                  Where("layouts/styles.yaml", key="cover-isbn"),
                                  f"the line above the barcode is {ISBN_LINE_MM:g} mm high; lower cover-isbn's size in layouts/styles.yaml")
                if width - bar_w - BARCODE_GAP >= MIN_BESIDE_MM:
                    measure = min(measure, width - bar_w - BARCODE_GAP)
                else:
                    room = bar_top - ISBN_LINE_MM - TEXT_GAP - top  # a card too narrow to set the text beside the barcode
        if text is not None and text.text:
            below = ", and the barcode below the text takes the rest (the card is too narrow to set it beside)" if room < height else ""
            back = self.block("back text", texts["back"], "cover-back", (x, top, measure, room), text,
                              f"the back card is {height + 2 * COVER_CARD_PAD:.0f} mm tall at the {self.trim}{below}; "
                              "choose a taller or wider trim_mm")
            cover.placements += [back] if back else []
        cover.placements += [isbn] if isbn else []

    def set_spine(self, cover: CoverText, texts: dict[str, str]) -> None:
        """The title from the head, the publisher to the foot, as large as the spine
        style allows with their ink 1.6 mm clear of each fold; none on a spine too narrow."""
        style = self.book.style("spine", self.lang)
        vertical = language(self.lang).vertical
        if vertical:
            reach, middle = self.column_reach(texts, style.font), 0.0
        else:
            inks = [ink_height(self.fonts, texts[key], style.font) for key in ("title", "publisher")]
            low, high = min(i[0] for i in inks), max(i[1] for i in inks)
            reach, middle = (high - low) / 2, (high + low) / 2  # the line's ink is centred across the spine
        reach = max(reach, 0.5)  # em from the spine's middle to the farthest ink
        size = min(style.size, math.floor((self.g.spine / 2 - SPINE_CLEAR) * MM / reach * 10 + 1e-6) / 10)  # in tenths of a point
        if size < style.min_size:
            self.spine_too_narrow(cover, style.min_size, reach)
            return
        role, centre = style.font, (self.g.folds[0] + self.g.folds[1]) / 2
        end = self.g.margins.head
        length = self.g.panel[1] - 2 * end
        if vertical:
            need = (column_length(self.fonts, texts["title"], role, size) + column_length(self.fonts, texts["publisher"], role, size)) / MM
        else:
            need = sum(pdfmetrics.stringWidth(r.text, r.font, size) for key in ("title", "publisher")
                       for r in self.fonts.runs(texts[key], role)) / MM
        if need + SPINE_GAP > length:
            self.out.error("spine-overflow", self.where(self.book.title), f"{self.lang}: the spine text (title and publisher) needs "
                           f"{need + SPINE_GAP:.0f} mm at {size:.1f} pt, the spine has {length:.0f} mm at the {self.trim}; "
                           f"shorten the title or the publisher by {need + SPINE_GAP - length:.0f} mm of text")
            return
        if vertical:
            publisher_top = self.g.panel[1] - end - column_length(self.fonts, texts["publisher"], role, size) / MM
            cover.spine = (set_column(self.fonts, texts["title"], role, size, centre, end)
                           + set_column(self.fonts, texts["publisher"], role, size, centre, publisher_top))
            return
        downwards = not self.book.cover or self.book.cover.spine_direction == "top-to-bottom"
        angle, offset = (-90, -middle) if downwards else (90, middle)  # a turned line's ascenders point to the front, or the back
        x = centre + offset * size / MM
        head, foot = end, self.g.panel[1] - end
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

    def column_reach(self, texts: dict[str, str], role: str) -> float:
        """The em from a vertical column's centre to its farthest ink: upright
        characters (and numbers set across) are centred by their advance, turned
        Latin runs sit as `set_column` turns them."""
        reach = 0.0
        for key in ("title", "publisher"):
            for is_upright, chunk in segments(vertical_text(self.fonts, texts[key], role)):
                if is_upright:
                    left, right = ink_across(self.fonts, chunk, role)
                    reach = max(reach, -left, right)
                elif chunk.strip():
                    low, high = ink_height(self.fonts, chunk.strip(), role)
                    reach = max(reach, LATIN_OFFSET - low, high - LATIN_OFFSET)
        return reach

    def spine_too_narrow(self, cover: CoverText, smallest: float, reach: float) -> None:
        """No spine text, and a warning naming the page count from which it fits."""
        book, need = self.book, 2 * (SPINE_CLEAR + smallest * reach / MM)
        board = book.cover.board_mm if book.cover else 0.0
        pages = pages_for_spine(need, book.paper.caliper_mm, book.binding_style, board, book.binding_multiple)
        cover.note = (f"the spine is {self.g.spine:g} mm wide ({self.g.pages} pages); its text at the spine style's {smallest:g} pt "
                      f"needs {need:.2f} mm to keep {SPINE_CLEAR:g} mm from each fold, so the spine is left without text; "
                      f"spine text becomes possible from {pages} pages on this paper (caliper {book.paper.caliper_mm:g} mm)")
        self.out.warn("spine-narrow", Where("content/book.yaml", key="paper.caliper_mm"), f"{self.lang}: {cover.note}")


def baseline(lines) -> float:
    """Mm from a block's top to its last baseline."""
    return sum(line.gap + (line.leading if i else line.size) for i, line in enumerate(lines)) / MM


def depth(lines) -> float:
    """Mm from a block's top to the foot of its last line's descenders."""
    return baseline(lines) + (DESCENT * lines[-1].size / MM if lines else 0.0)


def set_cover(book: Book, geometry: CoverGeometry, fonts: EditionFonts, lang: str, texts: dict[str, str], where, out: Problems) -> CoverText:
    return CoverSetter(book, geometry, fonts, lang, where, out).set(texts)
