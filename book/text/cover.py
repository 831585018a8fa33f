"""Set one edition's cover on the shared design (`book.pages.cover_plan`):
on the front, the title and subtitle anchored above the photo band, under
the mark; on the back, the back-cover text from the head of the type area,
the publisher at its foot and the ISBN and barcode on a white field at its
foot by the spine; along the spine, the title and publisher, run along it
or set vertically, above the photo. The ground, the photo, the mark and the
barcode's field depend on the trim and the grid alone, so they are the same
in every edition: only the black plate changes from one language to another.
The cover renderer only draws. A text or barcode that does not fit its place
is an error saying what to change."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics

from book.errors import Problems, Where
from book.languages import language
from book.model import MM, Book
from book.pages.cover_plan import CoverPlan, plan_design
from book.pages.spine import CoverGeometry, pages_for_spine
from book.text.fonts import EditionFonts
from book.text.ink import ink_across, ink_height
from book.text.setting import Placement
from book.text.typeset import Part, set_block
from book.text.vertical import LATIN_OFFSET, Glyphs, column_length, segments, set_column, vertical_forms, vertical_text

BARCODE_MM = (37.29, 25.93)  # EAN-13 at 100 % with its quiet zones and digits
ISBN_LINE_MM = 4.5  # the human-readable ISBN above the bars
FIELD_PAD = 2.5  # mm of white round the ISBN and the barcode: the field the scanner reads them on
BARCODE_GAP = 6.0  # mm between the publisher and the barcode's field beside it
TEXT_GAP = 4.0  # mm from a block's last baseline to the next block
TITLE_GAP = 8.0  # mm from the title's last baseline to the subtitle's top: display type needs air below it
DESCENT = 0.25  # em below the last baseline taken by descenders
SPINE_GAP = 12.0  # between the title and the publisher


@dataclass
class CoverText:
    lang: str
    plan: CoverPlan  # the shared parts: ground, photo band, mark, identical in every edition
    fields: list[tuple[float, float, float, float]] = field(default_factory=list)  # white, identical in every edition
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
    photo = book.cover.photo if book.cover else None
    credit = loc.text(photo.credit) if photo is not None else ""
    texts["credit"] = loc.label("credit", credit=credit) if credit and "credit" in book.labels else ""  # the cover photo's
    return texts


def cover_roles(book: Book, lang: str, texts: dict[str, str]) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {}
    for key, style in (("title", "cover-title"), ("subtitle", "cover-subtitle"), ("publisher", "cover-publisher"),
                       ("back", "cover-back"), ("isbn", "cover-publisher"), ("credit", "cover-credit"), ("title", "spine"),
                       ("publisher", "spine")):
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
        cover = CoverText(self.lang, plan_design(self.book.grid, self.g))
        self.set_front(cover, texts)
        self.set_back(cover, texts)
        self.set_spine(cover, texts)
        return cover

    def set_front(self, cover: CoverText, texts: dict[str, str]) -> None:
        """Under the mark, the title and the subtitle below it, the subtitle's
        last line at the foot of the type area, just above the photo: the
        title keeps one place against the picture whatever its line count."""
        plan = cover.plan
        x, top, width, height = plan.front
        bottom = top + height
        if self.book.cover and self.book.cover.mark:
            top = plan.mark[1] + plan.mark[3] + plan.row_gutter
        where = "between the mark and the photo" if self.book.cover and self.book.cover.mark else "above the photo"
        area = f"the front's type area {where} is {bottom - top:.0f} mm tall at the {self.trim}"
        smallest = self.book.style("cover-title", self.lang).min_size
        title_least = smallest / MM + TITLE_GAP
        foot = bottom
        if texts["subtitle"]:
            subtitle = self.block("subtitle", texts["subtitle"], "cover-subtitle", (x, top, width, bottom - top - title_least),
                                  self.book.subtitle, f"{area} and the title needs {title_least:.0f} mm of it at its smallest (cover-title {smallest:g} pt); "
                                  "choose a taller trim_mm or smaller sizes in layouts/styles.yaml")
            if subtitle is None or self.overflowed:
                cover.placements += [subtitle] if subtitle else []
                return
            subtitle.top = bottom - depth(subtitle.lines)
            cover.placements.append(subtitle)
            foot = subtitle.top - TITLE_GAP
        title = self.block("title", texts["title"], "cover-title", (x, top, width, foot - top), self.book.title,
                           f"{area} and holds the subtitle too; choose a taller trim_mm or a smaller cover-title style "
                           "in layouts/styles.yaml")
        if title is not None:
            title.top = foot - (baseline(title.lines) if texts["subtitle"] else depth(title.lines))
            cover.placements.insert(0, title)

    def set_back(self, cover: CoverText, texts: dict[str, str]) -> None:
        """The back text from the head of the type area; at its foot, the
        publisher on the left and, by the spine, the ISBN and the barcode on a
        white field (the same field in every edition that has an ISBN)."""
        plan = cover.plan
        x, top, width, height = plan.back
        bottom = top + height
        if self.book.cover and self.book.cover.mark:  # level with the front's type below the mark
            top = plan.mark[1] + plan.mark[3] + plan.row_gutter
        (bar_w, bar_h), text = BARCODE_MM, self.book.cover.back_text if self.book.cover else None
        field_w, field_h = bar_w + 2 * FIELD_PAD, bar_h + ISBN_LINE_MM + 2 * FIELD_PAD
        area = self.book.printer.barcode_mm if self.book.printer is not None else None
        if area:  # the printer's barcode area, kept clear: it may print its own barcode there
            field_w, field_h = max(field_w, area[0]), max(field_h, area[1])
        reserve = bool(self.book.isbn or area)
        field_x, field_top = x + width - field_w, bottom - field_h
        beside, isbn = width - field_w - BARCODE_GAP, None
        if reserve and (width < field_w or bottom - top < field_h):
            self.out.error("cover-layout", Where("content/book.yaml", key="trim_mm"),
                           f"{self.lang}: the barcode and its ISBN need {field_w:.1f} × {field_h:.1f} mm, the back's type area "
                           f"has {width:.1f} × {bottom - top:.1f} mm at the {self.trim}; choose a larger trim_mm")
            return
        if reserve:
            cover.fields.append((round(field_x, 2), round(field_top, 2), field_w, field_h))
        if texts["isbn"]:
            bx, bar_top = field_x + (FIELD_PAD if not area else (field_w - bar_w) / 2), bottom - FIELD_PAD - bar_h
            cover.barcode, cover.isbn = (round(bx, 2), round(bar_top, 2)), "".join(ch for ch in texts["isbn"] if ch.isdigit())
            isbn = self.block("ISBN", texts["isbn"], "cover-isbn", (bx, bar_top - ISBN_LINE_MM, bar_w, ISBN_LINE_MM),
                              Where("layouts/styles.yaml", key="cover-isbn"),
                              f"the line above the barcode is {ISBN_LINE_MM:g} mm high; lower cover-isbn's size in layouts/styles.yaml")
        room = bottom - top
        publisher = self.block("publisher", texts["publisher"], "cover-publisher", (x, top, beside if reserve else width, room),
                               self.book.publisher, f"the back's type area is {room:.0f} mm tall at the {self.trim}")
        if publisher is not None:
            publisher.top = bottom - depth(publisher.lines)
            room = publisher.top - TEXT_GAP - top
        credit = None
        if texts["credit"] and publisher is not None:  # the cover photo's credit, above the publisher
            credit = self.block("photo credit", texts["credit"], "cover-credit", (x, top, beside if reserve else width, room),
                                self.book.cover.photo.credit, f"the back's type area above the publisher is {room:.0f} mm tall")
            if credit is not None:
                credit.top = publisher.top - TEXT_GAP / 2 - depth(credit.lines)
                room = credit.top - TEXT_GAP - top
        measure = min(plan.back_measure, width)
        if reserve and x + measure > field_x - BARCODE_GAP:  # a narrow back: the text ends above the barcode's field
            room = min(room, field_top - TEXT_GAP - top)
        if text is not None and text.text:
            back = self.block("back text", texts["back"], "cover-back", (x, top, measure, room), text,
                              f"the back's type area above the publisher and the barcode is {room:.0f} mm tall at the "
                              f"{self.trim}; choose a taller or wider trim_mm")
            cover.placements += [back] if back else []
        cover.placements += [p for p in (credit, publisher, isbn) if p is not None]

    def set_spine(self, cover: CoverText, texts: dict[str, str]) -> None:
        """The title from the head, the publisher to the foot, as large as the spine
        style allows with their ink clear of each fold (1.6 mm, or the printer's
        clearance); none on a spine too narrow, or below the printer's page count for it."""
        if not self.g.text:  # the printer's page rule, warned of once for the book (`book.pages.spine.plan_cover`)
            cover.note = "the printer allows no spine text at this page count"
            return
        style = self.book.style("spine", self.lang)
        vertical = language(self.lang).vertical
        if vertical:
            reach, middle = self.column_reach(texts, style.font), 0.0
        else:
            inks = [ink_height(self.fonts, texts[key], style.font) for key in ("title", "publisher")]
            low, high = min(i[0] for i in inks), max(i[1] for i in inks)
            reach, middle = (high - low) / 2, (high + low) / 2  # the line's ink is centred across the spine
        reach = max(reach, 0.5)  # em from the spine's middle to the farthest ink
        size = min(style.size, math.floor((self.g.spine / 2 - self.g.clearance) * MM / reach * 10 + 1e-6) / 10)  # in tenths of a point
        if size < style.min_size:
            self.spine_too_narrow(cover, style.min_size, reach)
            return
        role, centre = style.font, (self.g.folds[0] + self.g.folds[1]) / 2
        end, foot = self.g.margins.head, cover.plan.spine_foot  # from the head to just above the photo
        length, widest = foot - end, size
        for keys in (("title", "publisher"), ("title",)):  # smaller type first; the title alone last
            need = self.spine_need(texts, keys, role, widest, vertical)
            size = min(widest, math.floor(length / need * widest * 10 + 1e-6) / 10)
            if size >= style.min_size:
                break
        else:
            need = self.spine_need(texts, ("title",), role, style.min_size, vertical)
            self.out.error("spine-overflow", self.where(self.book.title), f"{self.lang}: the spine's title needs {need:.0f} mm at "
                           f"the spine style's {style.min_size:g} pt, the spine has {length:.0f} mm above the photo at the {self.trim}; "
                           f"shorten the title by {need - length:.0f} mm of text")
            return
        if len(keys) == 1:
            self.out.warn("spine-title-only", self.where(self.book.publisher), f"{self.lang}: the spine holds the title alone: with the "
                          f"publisher it would need {self.spine_need(texts, ('title', 'publisher'), role, style.min_size, vertical):.0f} mm "
                          f"at {style.min_size:g} pt, and has {length:.0f} mm above the photo at the {self.trim}")
        if vertical:
            cover.spine = set_column(self.fonts, texts["title"], role, size, centre, end)
            if "publisher" in keys:
                publisher_top = foot - column_length(self.fonts, texts["publisher"], role, size) / MM
                cover.spine += set_column(self.fonts, texts["publisher"], role, size, centre, publisher_top)
            return
        downwards = not self.book.cover or self.book.cover.spine_direction == "top-to-bottom"
        angle, offset = (-90, -middle) if downwards else (90, middle)  # a turned line's ascenders point to the front, or the back
        x = centre + offset * size / MM
        head = end
        ends = ((keys[0], head, True), (keys[-1], foot, False)) if downwards else ((keys[-1], head, True), (keys[0], foot, False))
        for key, start, forward in ends[:len(keys)] if downwards else ends[2 - len(keys):]:
            runs = self.fonts.runs(texts[key], role)
            width = sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in runs) / MM
            y = start if forward else start - width
            if not downwards:
                y += width  # reading upwards, a run starts at its lower end
            for run in runs:
                cover.spine.append(Glyphs(x, y, run.text, run.font, size, angle))
                step = pdfmetrics.stringWidth(run.text, run.font, size) / MM
                y += step if downwards else -step

    def spine_need(self, texts: dict[str, str], keys: tuple[str, ...], role: str, size: float, vertical: bool) -> float:
        """Mm of spine the texts ``keys`` take at ``size``, with the gap between them."""
        if vertical:
            need = sum(column_length(self.fonts, texts[key], role, size) for key in keys) / MM
        else:
            need = sum(pdfmetrics.stringWidth(r.text, r.font, size) for key in keys for r in self.fonts.runs(texts[key], role)) / MM
        return need + SPINE_GAP * (len(keys) - 1)

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
        book, need = self.book, 2 * (self.g.clearance + smallest * reach / MM)
        board = book.cover.board_mm if book.cover else 0.0
        pages = pages_for_spine(need, book.paper.caliper_mm, book.binding_style, board, book.binding_multiple)
        cover.note = (f"the spine is {self.g.spine:g} mm wide ({self.g.pages} pages); its text at the spine style's {smallest:g} pt "
                      f"needs {need:.2f} mm to keep {self.g.clearance:g} mm from each fold, so the spine is left without text; "
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
