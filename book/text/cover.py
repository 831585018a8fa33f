"""Set one edition's cover on the shared design (`book.pages.cover_plan`):
on the front, the title and subtitle anchored above the photo band, under
the mark; on the back, the back-cover text from the head of the type area,
the publisher at its foot and the ISBN and barcode on a white field on the
ground's foot corner by the spine, on the grid's foot line (white over
the picture where the band reaches it: the conventional place, where a
till's scanner and a bookseller look for it); the front's foot, the
publisher's line on the calm zone (`book.text.cover_foot`); an occasion line that leaves the title no room is left off, with
a warning; along the spine, the title above the photo and the publisher at the foot, run along
it or set vertically. The ground, the photo, the mark and the
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
from book.pages.cover_plan import AIR, CoverPlan, field_place, plan_design
from book.pages.spine import CoverGeometry
from book.text.cjk_breaks import PHRASE_MODELS
from book.text.cover_breaks import break_cost
from book.text.cover_foot import FOOT_STYLE, foot_text, set_front_foot
from book.text.fonts import EditionFonts
from book.text.ink import ink_height
from book.text.setting import Placement
from book.text.spine_text import set_spine
from book.text.title_form import display_lines
from book.text.typeset import Part, set_block
from book.text.vertical import CJK_DESCENT, Glyphs, vertical_forms

BARCODE_MM = (37.29, 25.93)  # EAN-13 at 100 % with its quiet zones and digits
ISBN_LINE_MM = 4.5  # the human-readable ISBN above the bars
SALE_LINE_MM = 5.0  # the price or "not for sale" above the ISBN
FIELD_PAD = 2.5  # mm of white round the ISBN and the barcode: the field the scanner reads them on
TEXT_GAP = 4.0  # mm from a block's last baseline to the next block
TITLE_GAP = 8.0  # mm from the title's last baseline to the subtitle's top: display type needs air below it
DESCENT = 0.25  # em below the last baseline taken by descenders
FACE_DESCENT = 0.3  # em: the faces' whole descent (Noto Sans 0.293), which the publishers keep AIR above the photo
NARROWER = 3  # ems a Chinese or Japanese blurb's measure gives up at most to break between phrases
SQUEEZED = 2.0  # what a blurb's line costs that holds more characters than its measure has ems (its punctuation squeezed)


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
    rule_text: str = ""  # what the spine's drawn rule (`vertical.RULE` glyphs) reads as: the title's own two-em dash


def cover_strings(book: Book, loc) -> dict[str, str]:
    """The cover's texts in the edition's language."""
    texts = {"title": loc.text(book.title), "subtitle": loc.text(book.subtitle), "publisher": loc.text(book.publisher),
             "back": loc.text(book.cover.back_text) if book.cover else ""}
    texts["publishers"] = "\n".join(dict.fromkeys((texts["publisher"], house_name(book, loc))))
    texts["sale"] = sale_text(book, loc)
    texts["spine"] = loc.text(book.cover.spine) if book.cover and book.cover.spine is not None else texts["title"]
    short = book.cover.spine_publisher if book.cover else None
    texts["spine_publisher"] = loc.text(short) if short is not None else house_name(book, loc)
    occasion = book.cover.occasion if book.cover else None
    texts["occasion"] = loc.text(occasion) if occasion is not None else ""
    isbn = book.isbn.get(loc.lang)
    texts["isbn"] = f"ISBN {isbn}" if isbn else ""
    photo = book.cover.photo if book.cover else None
    credit = loc.text(photo.credit) if photo is not None else ""
    texts["credit"] = loc.label("credit", credit=credit) if credit and "credit" in book.labels else ""  # the cover photo's
    return texts


def house_name(book: Book, loc) -> str:
    """The publishing house of the imprint in the edition's language (its name alone: a cover line), or the book's publisher."""
    item = next((f for f in book.imprint.fields if f.key == "publisher"), None) if book.imprint else None
    if item is None or not item.value:
        return loc.text(book.publisher)
    return loc.text(item.name) if item.name is not None and loc.lang != book.source_language else item.value


def sale_text(book: Book, loc) -> str:
    """"Sách không bán" / "Not for sale" / 非卖品 …, or the price, from book.yaml's cover: and the catalogs; '' for neither."""
    cover = book.cover
    if cover and cover.not_for_sale and "not_for_sale" in book.matter:
        return loc.text(book.matter["not_for_sale"])
    if cover and cover.price and "price" in book.matter:
        return loc.text(book.matter["price"]).replace("{price}", cover.price)
    return ""


def cover_roles(book: Book, lang: str, texts: dict[str, str]) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {}
    for key, style in (("title", "cover-title"), ("subtitle", "cover-subtitle"), ("publishers", "cover-publisher"),
                       ("back", "cover-back"), ("isbn", "cover-isbn"), ("credit", "cover-credit"), ("spine", "spine"),
                       ("spine_publisher", "spine"), ("sale", "cover-sale")):
        roles.setdefault(book.style(style, lang).font, set()).add(texts[key])
    roles.setdefault(book.style(FOOT_STYLE, lang).font, set()).add(foot_text(texts))
    spine = roles.setdefault(book.style("spine", lang).font, set())
    for text in (texts["spine"], texts["spine_publisher"], texts["title"]):  # the full title may take the spine
        spine.add(text.upper())
        if language(lang).vertical:  # drawn with vertical punctuation: the subset needs those forms
            spine.add(vertical_forms(text))
    return roles



class CoverSetter:
    def __init__(self, book: Book, geometry: CoverGeometry, fonts: EditionFonts, lang: str, where, out: Problems):
        self.book, self.g, self.fonts, self.lang, self.where, self.out = book, geometry, fonts, lang, where, out
        self.trim = f"{geometry.panel[0]:g} × {geometry.panel[1]:g} mm trim"
        self.overflowed = False  # whether the last block set did not fit

    def block(self, name: str, text: str, style: str, box: tuple[float, float, float, float], message,
              cause: str, keep: tuple[str, ...] = ()) -> Placement | None:
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
        block = set_block(self.fonts, [Part(text, self.book.style(style, self.lang), keep=keep,
                                                compounds=self.book.keep_together.get(self.lang, ()))], self.lang, width, height)
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
            over = max(1, block.needed - block.available)  # its descenders' room alone: one line
            cut = max(5, math.ceil(len(text) * over / block.needed / 5) * 5)
            self.out.error("overflow", where, f"{self.lang}: the cover's {name} is {over} line{'s' if over > 1 else ''} too long "
                           f"at the {self.trim}: {block.needed} lines at {block.size:.1f} pt, room for {block.available}; "
                           f"shorten it by about {cut} of its {len(text)} characters, choose a larger trim_mm, or give "
                           f"{style} a smaller size in layouts/styles.yaml (it never shrinks to fit one edition)")
        self.overflowed = bool(block.wide) or too_wide or not block.fits
        return Placement(x, top, block.lines)

    def set(self, texts: dict[str, str]) -> CoverText:
        cover = CoverText(self.lang, plan_design(self.book.grid, self.g))
        self.set_front(cover, texts)
        self.set_back(cover, texts)
        set_front_foot(self, cover, texts)
        set_spine(self, cover, texts)
        return cover

    def set_front(self, cover: CoverText, texts: dict[str, str]) -> None:
        """The mark, the title and the subtitle as one block on the grid: the
        title's capitals (or its ideographs' tops) a row gutter below the row
        line under the mark, the subtitle a display gap under the title's last
        baseline, the whole at least AIR above the photo. The block
        hangs from the mark, so the mark keeps one place in every edition and
        a shorter title leaves the air above the picture, never between the
        mark and the title."""
        plan = cover.plan
        x, top, width, _ = plan.front
        foot = plan.photo[1] - AIR
        if self.book.cover and not self.book.cover.subtitle:  # book.yaml cover: {subtitle: false}: the occasion line, or the title alone
            texts = {**texts, "subtitle": texts.get("occasion", "")}
        if self.book.cover and self.book.cover.mark:  # the mark's box, its row gutter, and the title's own
            top = plan.mark[1] + plan.mark[3] + 2 * plan.row_gutter
        where = "between the mark and the photo" if self.book.cover and self.book.cover.mark else "above the photo"
        area = f"the front's type area {where} is {foot - top:.0f} mm tall at the {self.trim}"
        least = self.book.style("cover-subtitle", self.lang).min_size / MM + TITLE_GAP if texts["subtitle"] else 0.0
        lines = "\n".join(display_lines(self.fonts, self.book, self.lang, texts["title"]))  # as on the title page
        hang = self.cap_rise("cover-title")  # the block hangs from its capitals at ``top``: its box starts that far above
        if (least and self.book.cover and not self.book.cover.subtitle  # the occasion line, new: never what stops a cover
                and not self.fits(lines, "cover-title", width, foot - top + hang - least)
                and self.fits(lines, "cover-title", width, foot - top + hang)):
            self.out.warn("cover-occasion", self.where(self.book.cover.occasion),
                          f"{self.lang}: the cover's occasion line does not fit under the title above the photo at the "
                          f"{self.trim}; the front carries the title alone (shorten the title, or choose a taller trim_mm)")
            texts, least = {**texts, "subtitle": ""}, 0.0
        title = self.block("title", lines, "cover-title", (x, top - hang, width, foot - top + hang - least), self.book.title,
                           f"{area} and keeps {least:.0f} mm of it for the subtitle; choose a taller trim_mm or a smaller "
                           "cover-title style in layouts/styles.yaml")
        if title is None or self.overflowed:
            cover.placements += [title] if title else []
            return
        title.top = top - self.rise(title.lines, "cover-title")
        cover.placements.append(title)
        if texts["subtitle"]:
            below = title.top + baseline(title.lines) + TITLE_GAP
            size = self.book.style("cover-subtitle", self.lang).size
            subtitle = self.block("subtitle", texts["subtitle"], "cover-subtitle",
                                  (x, below, width, foot - below - DESCENT * size / MM), self.book.subtitle,
                                  f"{area} and the title takes {below - top:.0f} mm of it; choose a taller trim_mm or "
                                  "smaller sizes in layouts/styles.yaml")
            cover.placements += [subtitle] if subtitle else []

    def fits(self, text: str, style: str, width: float, height: float, keep: tuple[str, ...] = ()) -> bool:
        """Whether ``text`` fits ``width`` × ``height`` mm in ``style``, nothing said."""
        if height < self.book.style(style, self.lang).min_size / MM:
            return False
        block = set_block(self.fonts, [Part(text, self.book.style(style, self.lang), keep=keep,
                                                compounds=self.book.keep_together.get(self.lang, ()))], self.lang, width, height)
        return block.fits and not block.wide and all(line.width / MM <= width + 0.05 for line in block.lines)

    def blurb_measure(self, text: str, measure: float, room: float, keep: tuple[str, ...]) -> float:
        """The back text's measure: in Chinese and Japanese the one of up to
        ``NARROWER`` ems less, on the body text's grid of whole ems, whose
        breaks read best (`break_cost`), its full lines squeezed least, as
        an editor rebreaks a blurb by hand; the widest where they read alike."""
        if language(self.lang).breaking != "characters" or self.lang not in PHRASE_MODELS:
            return measure
        size = self.book.style("cover-back", self.lang).size
        ems = math.floor(measure * MM / size + 1e-6)
        best, chosen = None, measure
        for less in range(NARROWER + 1):
            width = min(measure, (ems - less) * size / MM + 0.01)
            block = set_block(self.fonts, [Part(text, self.book.style("cover-back", self.lang), keep=keep)], self.lang, width, room)
            if not block.fits or not block.lines:
                continue
            rows = ["".join(piece.text for piece in line.pieces) for line in block.lines]
            squeezed = sum(1 for row in rows[:-1] if len("".join(row.split())) > ems - less)  # its edge reads longer
            cost = break_cost(rows, self.lang) + SQUEEZED * squeezed + 0.1 * less
            if best is None or cost < best:
                best, chosen = cost, width
        return chosen

    def cap_rise(self, style: str) -> float:
        """`rise` for a first line at ``style``'s own size."""
        size = self.book.style(style, self.lang).size
        cjk = language(self.lang).wide_faces
        top = 1 - CJK_DESCENT if cjk else ink_height(self.fonts, "H", self.book.style(style, self.lang).font)[1]
        return size * (1 - top) / MM

    def rise(self, lines, style: str) -> float:
        """Mm from a block's top to its first line's capitals (the ideographs'
        face in a CJK edition): how far it moves up to stand on a grid line."""
        if not lines:
            return 0.0
        cjk = language(self.lang).wide_faces
        top = 1 - CJK_DESCENT if cjk else ink_height(self.fonts, "H", self.book.style(style, self.lang).font)[1]
        return lines[0].size * (1 - top) / MM

    def set_back(self, cover: CoverText, texts: dict[str, str]) -> None:
        """The back's field composed on the grid: the back text on its measure
        level with the front's title (from the head of the type area when it
        is too long for that); the cover photo's credit and the publishers
        with their descenders AIR above the photo's edge, a foot line
        standing on the picture rather than floating; at the foot corner
        by the spine, its foot on the grid's foot line, a white field (the
        same in every edition): the price or "not for sale", the ISBN, the barcode."""
        plan = cover.plan
        x, top, width, _ = plan.back
        bottom = plan.photo[1] - AIR  # the publishers' foot, their descenders' (`publisher.top` below)
        if self.book.cover and self.book.cover.mark:  # level with the front's title
            top = plan.mark[1] + plan.mark[3] + 2 * plan.row_gutter
        (bar_w, bar_h), text = BARCODE_MM, self.book.cover.back_text if self.book.cover else None
        sale_h = SALE_LINE_MM if texts["sale"] else 0.0
        field_w, field_h = bar_w + 2 * FIELD_PAD, bar_h + ISBN_LINE_MM + sale_h + 2 * FIELD_PAD
        area = self.book.printer.barcode_mm if self.book.printer is not None else None
        if area:  # the printer's barcode area, kept clear: it may print its own barcode there
            field_w, field_h = max(field_w, area[0]), max(field_h, area[1])
        reserve = bool(self.book.isbn or area)
        field_x, field_top = x + width - field_w, field_place(plan, field_h, self.g.panel[1])
        isbn = sale = None
        if reserve and (width < field_w or field_top < plan.photo[1]):
            self.out.error("cover-layout", Where("content/book.yaml", key="trim_mm"),
                           f"{self.lang}: the barcode and its ISBN need {field_w:.1f} × {field_h:.1f} mm at the back's foot; the "
                           f"back's type area is {width:.1f} mm wide and {plan.foot - plan.photo[1]:.1f} mm from the photo's top "
                           f"to the grid's foot, at the {self.trim}; choose a larger trim_mm")
            return
        if reserve:
            cover.fields.append((round(field_x, 2), round(field_top, 2), field_w, field_h))
        if texts["isbn"]:
            bx, bar_top = field_x + (FIELD_PAD if not area else (field_w - bar_w) / 2), field_top + field_h - FIELD_PAD - bar_h
            cover.barcode, cover.isbn = (round(bx, 2), round(bar_top, 2)), "".join(ch for ch in texts["isbn"] if ch.isdigit())
            isbn = self.block("ISBN", texts["isbn"], "cover-isbn", (bx, bar_top - ISBN_LINE_MM, bar_w, ISBN_LINE_MM),
                              Where("layouts/styles.yaml", key="cover-isbn"),
                              f"the line above the barcode is {ISBN_LINE_MM:g} mm high; lower cover-isbn's size in layouts/styles.yaml")
            if texts["sale"]:
                sale = self.block("price line", texts["sale"], "cover-sale", (bx, field_top + FIELD_PAD, bar_w, sale_h),
                                  Where("layouts/styles.yaml", key="cover-sale"),
                                  f"the line above the ISBN is {sale_h:g} mm high; lower cover-sale's size in layouts/styles.yaml")
        room = bottom - top
        publisher = self.block("publisher", texts["publishers"], "cover-publisher", (x, top, width, room),
                               self.book.publisher, f"the back's type area is {room:.0f} mm tall at the {self.trim}")
        if publisher is not None:  # its descenders AIR above the photo: the back's foot line stands on the picture
            publisher.top = bottom - baseline(publisher.lines) - FACE_DESCENT * publisher.lines[-1].size / MM
            room = publisher.top - TEXT_GAP - top
        credit = None
        if texts["credit"] and publisher is not None:  # the cover photo's credit: the imprint group's first line
            credit = self.block("photo credit", texts["credit"], "cover-credit", (x, top, width, room),
                                self.book.cover.photo.credit, f"the back's type area above the publisher is {room:.0f} mm tall")
            if credit is not None:
                first = publisher.top + publisher.lines[0].size / MM  # the imprint's first baseline
                credit.top = first - publisher.lines[0].leading / MM - baseline(credit.lines)  # one imprint line above it
                room = credit.top - TEXT_GAP - top
        measure = min(plan.back_measure, width)
        level = True  # the first line's capitals level with the title's
        keep = self.book.keep_together.get(self.lang, ()) if language(self.lang).breaking == "characters" else ()
        if text is not None and text.text and top > plan.back[1] and not self.fits(texts["back"], "cover-back", measure, room, keep):
            style = self.book.style("cover-back", self.lang)  # too long to stand level with the title: from the type area's head,
            runs = self.fonts.runs(texts["back"][:1], style.font)  # its face's ascent (stacked marks) below that line
            ascent = max([pdfmetrics.getFont(r.font).face.ascent / 1000 for r in runs] + [1.0])
            over = (ascent - 1) * style.size / MM
            room += top - plan.back[1] - over
            top, level = plan.back[1] + over, False
        if text is not None and text.text:
            measure = self.blurb_measure(texts["back"], measure, room, keep)
            back = self.block("back text", texts["back"], "cover-back", (x, top, measure, room), text,
                              f"the back's type area above the publisher is {room:.0f} mm tall at the "
                              f"{self.trim}; choose a taller or wider trim_mm", keep)
            if back is not None:
                back.top = top - (self.rise(back.lines, "cover-back") if level else 0.0)
                cover.placements.append(back)
        cover.placements += [p for p in (credit, publisher, sale, isbn) if p is not None]


def baseline(lines) -> float:
    """Mm from a block's top to its last baseline."""
    return sum(line.gap + (line.leading if i else line.size) for i, line in enumerate(lines)) / MM


def depth(lines) -> float:
    """Mm from a block's top to the foot of its last line's descenders."""
    return baseline(lines) + (DESCENT * lines[-1].size / MM if lines else 0.0)


def set_cover(book: Book, geometry: CoverGeometry, fonts: EditionFonts, lang: str, texts: dict[str, str], where, out: Problems) -> CoverText:
    return CoverSetter(book, geometry, fonts, lang, where, out).set(texts)
