"""The photo credits' entries: every placed photo and the cover's, by page
(the page's figures, the position on a page of several, the credit) or by
photographer (the credit, then every page of theirs, with its position on a
page of several), as book.yaml's
``credits.by`` asks.

The page label ("tr. {page}", "第{page}页") is said once, as the head of the
figures' column, so that the entries carry bare figures, right-aligned."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from book.i18n.localise import Localiser
from book.languages import language
from book.model import Book, Message
from book.pages.paginate import Pagination

COVER = 0  # the cover's place in page order: before page 1
LEGENDS_HEAD_STYLE = "credits-head"  # the legends' small heading under the list ("Ảnh trang 2 và bìa")


@dataclass(frozen=True)
class CreditEntry:
    """One line of the photo credits: where the photo is, and whose it is."""

    reference: str  # "12", "12–13" for a spread, the cover's label; by photographer "2, 30–31, cover"
    position: str  # "trên trái" when its page holds several photos, else ""
    name: str  # the credit, set whole
    photo: str  # the photo's id (the first one's, by photographer), for reports
    message: Message  # the credit's message, for where to edit it


def column_head(label: str) -> str:
    """The page label without its figures, when it has words on one side of
    them only: the head of the figures' column, where book.yaml gives no
    ``page_head``. A label round its figures ("第{page}页") gives no head: "第…页"
    reads as a blank left unfilled.

    >>> column_head("tr. {page}"), column_head("p. {page}"), column_head("第{page}页"), column_head("{page}쪽")
    ('tr.', 'p.', '', '쪽')
    """
    before, _, after = label.partition("{page}")
    before, after = before.strip(), after.strip()
    return "" if before and after else before or after


def credits_head(book: Book, loc: Localiser) -> str:
    """The head of the credits' figures column: the ``page_head`` label
    ("Trang", "页码"), else what `column_head` makes of the page label."""
    if "page_head" in book.labels and loc.text(book.labels["page_head"]):
        return loc.text(book.labels["page_head"])
    return column_head(loc.text(book.labels["page"])) if "page" in book.labels else ""


def position_key(box: tuple[float, float, float, float], others: list[tuple[float, float, float, float]]) -> str:
    """Where a photo sits among the other photos of its page: top or bottom of
    the photos that share its column, left or right of those that share its row.

    >>> a, b, c = (20, 17, 205, 125), (20, 176, 100, 65), (125, 176, 100, 65)
    >>> [position_key(box, [a, b, c]) for box in (a, b, c)]
    ['top', 'bottom_left', 'bottom_right']
    """
    x, y, w, h = box

    def overlap(lo1: float, len1: float, lo2: float, len2: float) -> bool:
        return min(lo1 + len1, lo2 + len2) - max(lo1, lo2) > 1.0  # mm

    column = [o for o in others if overlap(x, w, o[0], o[2])]
    row = [o for o in others if overlap(y, h, o[1], o[3])]
    vertical = horizontal = ""
    if len(column) > 1:
        vertical = "top" if y <= min(o[1] for o in column) else "bottom" if y >= max(o[1] for o in column) else ""
    if len(row) > 1:
        horizontal = "left" if x <= min(o[0] for o in row) else "right" if x >= max(o[0] for o in row) else ""
    return "_".join(part for part in (vertical, horizontal) if part) or "centre"


def by_page(book: Book, pagination: Pagination, loc: Localiser) -> list[CreditEntry]:
    """The cover first, then one entry per placed photo, in page order and, on a
    page of several, in reading order: its page's figures (a spread's pages as
    a range), its position on the page when it shares it, and its credit."""
    pages: dict[str, list[int]] = {}
    order: dict[str, tuple] = {}
    positions: dict[str, str] = {}
    for page in pagination.pages:
        photos = [placed for placed in page.placed if placed.frame.kind == "photo" and placed.value]
        for placed in photos:
            pages.setdefault(placed.value, []).append(page.number)
            order.setdefault(placed.value, (page.number, placed.box[1], placed.box[0]))
            if len(photos) > 1:
                positions.setdefault(placed.value, position_key(placed.box, [p.box for p in photos]))
    dash = language(loc.lang).range_dash
    entries = []
    cover = book.cover.photo if book.cover else None
    if cover is not None and loc.text(cover.credit) and "cover" in book.labels:
        entries.append(CreditEntry(loc.text(book.labels["cover"]), "", loc.text(cover.credit), cover.id, cover.credit))
    for pid in sorted(pages, key=lambda p: (order[p], p)):
        photo = book.photos[pid]
        credit = loc.text(photo.credit)
        if not credit:
            continue
        numbers = pages[pid]
        last = numbers[0]
        while last + 1 in numbers:
            last += 1  # a spread: its pages in a row
        reference = f"{numbers[0]}{dash}{last}" if last > numbers[0] else str(numbers[0])
        key = positions.get(pid)
        position = loc.text(book.labels[f"position:{key}"]) if key and f"position:{key}" in book.labels else ""
        entries.append(CreditEntry(reference, position, credit, pid, photo.credit))
    return entries


def sort_key(name: str) -> tuple[str, str]:
    """Names in alphabetical order, letters with marks beside their base letter ("Đ" with "D")."""
    base = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in base if not unicodedata.combining(c)).casefold(), name


def placed_reference(entry: CreditEntry, lang: str) -> str:
    """A page's figures with the photo's position on it when the page holds
    several ("20 bottom left", "20左下"): which of them is the photographer's.

    >>> entry = CreditEntry("20", "bottom left", "Lê Minh Đức", "p1", None)
    >>> placed_reference(entry, "en"), placed_reference(CreditEntry("20", "左下", "", "p1", None), "ja")
    ('20 bottom left', '20左下')
    """
    if not entry.position:
        return entry.reference
    return entry.reference + ("" if language(lang).label_join == "：" else " ") + entry.position


def grouped_references(entries: list[CreditEntry], lang: str, position_join: str) -> list[str]:
    """A photographer's pages in order, each said once: a page with several of
    their photos names its figures once and then each position, joined by the
    catalog's ``position_join`` ("20 top left and bottom right", "20 왼쪽
    위·오른쪽 아래"), never "20 top left, 20 bottom right".

    >>> rows = [CreditEntry("20", "top left", "", "a", None), CreditEntry("20", "bottom right", "", "b", None),
    ...         CreditEntry("21", "", "", "c", None)]
    >>> grouped_references(rows, "en", " and ")
    ['20 top left and bottom right', '21']
    >>> grouped_references([CreditEntry("50", "왼쪽 위", "", "a", None), CreditEntry("50", "오른쪽 위", "", "b", None)], "ko", "·")
    ['50 왼쪽 위·오른쪽 위']
    """
    pages: dict[str, list[CreditEntry]] = {}
    for entry in entries:
        pages.setdefault(entry.reference, []).append(entry)
    found = []
    for reference, group in pages.items():
        positions = list(dict.fromkeys(entry.position for entry in group if entry.position))
        if len(positions) < 2:
            found.append(placed_reference(group[0], lang))
            continue
        latin = language(lang).label_join != "："  # a word join ("and") after commas: "top left, top right and bottom"
        said = (", ".join(positions[:-1]) + position_join + positions[-1]) if latin and position_join.startswith(" ") else position_join.join(positions)
        found.append(placed_reference(CreditEntry(reference, said, group[0].name, group[0].photo, group[0].message), lang))
    return found


def by_photographer(entries: list[CreditEntry], lang: str, position_join: str = ", ") -> list[CreditEntry]:
    """One entry per credit, in alphabetical order, with every page of theirs
    (the cover's label first), each page that holds several photos with the
    photo's position on it (DESIGN.md: "top left"), a page's figures said once
    (`grouped_references`)."""
    grouped: dict[str, list[CreditEntry]] = {}
    for entry in entries:
        grouped.setdefault(entry.name, []).append(entry)
    join = "、" if language(lang).label_join == "：" else ", "
    found = []
    for name in sorted(grouped, key=sort_key):
        refs = grouped_references(grouped[name], lang, position_join)
        first = grouped[name][0]
        found.append(CreditEntry(join.join(refs), "", name, first.photo, first.message))
    return found


def credit_entries(book: Book, pagination: Pagination, loc: Localiser) -> list[CreditEntry]:
    entries = by_page(book, pagination, loc)
    if book.credits_by != "photographer":
        return entries
    grouped = {}
    for entry in entries:
        grouped.setdefault((entry.name, entry.reference), []).append(entry)
    shared = any(len(group) > 1 for group in grouped.values())  # a page with two of one photographer's photos
    join = loc.text(book.matter["position_join"]) if shared and "position_join" in book.matter else ", "
    return by_photographer(entries, loc.lang, join)
