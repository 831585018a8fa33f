"""What each frame says in one edition: the texts of a page, localised and
split into styled parts, ready to be set. Shared by the build and the check."""

from __future__ import annotations

from dataclasses import dataclass

from book.compose import Page, Pagination, Placed
from book.localise import Localiser, format_partial_date
from book.model import Book, Message
from book.typeset import Part

PLACE_DATE = {"zh": "，", "ja": "、"}
META_JOIN = {"ja": "　", "zh": "　"}


@dataclass
class FrameText:
    page: Page
    placed: Placed
    parts: list[Part]
    messages: list[Message]  # where the text comes from, for reports
    fallback: bool = False  # shows source text for want of a translation (proofs only)


def photo_meta(book: Book, loc: Localiser, photo_id: str) -> str:
    photo = book.photos[photo_id]
    where_when = [t for t in (loc.text(photo.place), format_partial_date(photo.date, loc.lang) if photo.date else "") if t]
    meta = PLACE_DATE.get(loc.lang, ", ").join(where_when)
    credit = loc.text(photo.credit)
    if credit:
        meta += (META_JOIN.get(loc.lang, " · ") if meta else "") + loc.label("credit", credit=credit)
    return meta


def text_message(book: Book, page: Page, value: str) -> Message:
    if value == "book.title":
        return book.title
    if value == "book.subtitle":
        return book.subtitle
    if value == "book.publisher":
        return book.publisher
    if value == "title":
        return page.chapter.title
    return page.chapter.texts[value]


def frame_texts(book: Book, pagination: Pagination, loc: Localiser) -> list[FrameText]:
    """Every text frame of the book with its parts in ``loc``'s language."""
    found: list[FrameText] = []
    for page in pagination.pages:
        for placed in page.placed:
            frame = placed.frame
            if frame.kind == "caption":
                photo = book.photos[placed.value]
                parts = [Part(loc.fill(loc.text(photo.caption), photo), book.style(frame.style, loc.lang)),
                         Part(photo_meta(book, loc, placed.value), book.style("caption-meta", loc.lang))]
                found.append(FrameText(page, placed, parts, [photo.caption, photo.place, photo.credit]))
            elif frame.kind == "text":
                message = text_message(book, page, placed.value)
                found.append(FrameText(page, placed, [Part(loc.text(message), book.style(frame.style, loc.lang))], [message]))
            elif frame.kind == "chapter-number" and page.chapter and page.chapter.number:
                text = loc.label("chapter", number=str(page.chapter.number))
                found.append(FrameText(page, placed, [Part(text, book.style(frame.style, loc.lang))], [book.labels["chapter"]]))
    for item in found:
        item.fallback = any(m.ctx in loc.missing_ctx for m in item.messages)
    return found


def running_head(book: Book, page: Page, loc: Localiser) -> str:
    if not page.folio or page.chapter is None or page.chapter.number is None or page.chapter.title is None:
        return ""
    return loc.text(page.chapter.title)


def toc_entries(book: Book, pagination: Pagination, loc: Localiser) -> list[tuple[str, str, int]]:
    """(chapter label, title, first page) for each numbered chapter."""
    entries = []
    for chapter in book.chapters:
        if chapter.number and chapter.title:
            entries.append((loc.label("chapter", number=str(chapter.number)), loc.text(chapter.title), pagination.chapter_starts[chapter.id]))
    return entries


def credit_entries(book: Book, pagination: Pagination, loc: Localiser) -> list[str]:
    """One line per placed photo, in page order: page, then credit."""
    lines = []
    for pid, number in sorted(pagination.photo_pages.items(), key=lambda item: (item[1], item[0])):
        photo = book.photos[pid]
        credit = loc.text(photo.credit)
        if credit:
            lines.append(f"{loc.label('page', page=str(number))}  {credit}")
    return lines


def all_texts_by_role(book: Book, pagination: Pagination, loc: Localiser, items: list[FrameText]) -> dict[str, set[str]]:
    """Every string the edition will set (``items`` and the generated texts),
    grouped by font role, for font subsetting."""
    roles: dict[str, set[str]] = {}

    def add(style_name: str, text: str) -> None:
        roles.setdefault(book.style(style_name, loc.lang).font, set()).add(text)

    for item in items:
        for part in item.parts:
            roles.setdefault(part.style.font, set()).add(part.text)
    for page in pagination.pages:
        add("running-head", running_head(book, page, loc))
        add("folio", str(page.number))
    for label, title, number in toc_entries(book, pagination, loc):
        add("toc", f"{label} {title} {number}")
    for line in credit_entries(book, pagination, loc):
        add("credits", line)
    add("chapter-number", "0123456789–— ")
    return roles
