"""What one edition's EPUB says, as plain data: each chapter of the book as
a list of blocks in reading order (a print page's break, then its headings
and texts, then its photos, each with its caption and credit), from the
same words the pages set (`book.text.frames`), and the page each print page
starts in. Nothing here writes markup (`book.epub.xhtml`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from book.i18n.localise import Localiser
from book.model import Book
from book.pages.paginate import Pagination
from book.text.credits import credit_entries
from book.text.frames import frame_texts, one_line, photo_meta, toc_entries
from book.text.italic import plain

HEADING_SLOTS = ("title", "book.title")  # a chapter's title, the book's on the half-title and title pages


@dataclass(frozen=True)
class Block:
    """One block of a chapter: ``kind`` is 'page' (a print page begins: ``text``
    its number), 'h1', 'h2', 'p' (``style`` the print style it is set in),
    'figure' (``photo``, ``alt``, the caption as ``text`` and its place, date
    and credit as ``meta``) or 'list' (``items``: (text, the anchor of the print page it
    names, or '') each)."""

    kind: str
    text: str = ""
    style: str = ""
    photo: str = ""
    alt: str = ""
    meta: str = ""
    items: tuple[tuple[str, str], ...] = ()


@dataclass
class Section:
    """One chapter of the book as one XHTML file."""

    id: str
    file: str
    title: str
    role: str  # its landmark: 'frontmatter', 'bodymatter' or 'backmatter'
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Content:
    lang: str
    title: str
    subtitle: str
    publisher: str
    sections: list[Section]
    pages: dict[int, str]  # print page number -> the section file it starts in
    photos: list[str]  # the photos shown, in reading order
    cover: str | None  # the cover's photo


def edition_content(book: Book, pagination: Pagination, loc: Localiser) -> Content:
    """One edition's chapters, blocks and page starts (see the module's text)."""
    sections: dict[str, Section] = {}
    numbered = [c for c in book.chapters if c.number]
    for index, chapter in enumerate(book.chapters, start=1):
        role = "bodymatter" if chapter.number else ("frontmatter" if not numbered or index <= book.chapters.index(numbered[0])
                                                    else "backmatter")
        sections[chapter.id] = Section(chapter.id, f"c{index:02d}-{chapter.id}.xhtml",
                                       one_line(loc.text(chapter.title)) if chapter.title else "", role)
    texts = {(item.page.number, item.placed.frame.name): item for item in frame_texts(book, pagination, loc)}
    toc = [(f"{e.label} {e.title}".strip() if e.label else e.title, e.page) for e in toc_entries(book, pagination, loc)]
    pages: dict[int, str] = {}
    shown: list[str] = []
    section = next(iter(sections.values()))
    for page in pagination.pages:
        section = sections[page.chapter.id] if page.chapter else section  # a blank page belongs with the one before it
        pages[page.number] = section.file
        section.blocks.append(Block("page", str(page.number)))
        figures = []
        for placed in page.placed:
            frame = placed.frame
            item = texts.get((page.number, frame.name))
            if frame.kind == "photo" and placed.value and placed.value not in shown:
                shown.append(placed.value)
                figures.append(figure(book, loc, placed.value))
            elif frame.kind in ("text", "chapter-number") and item is not None:
                heading = "h1" if placed.value in HEADING_SLOTS else "h2" if frame.listed else ""
                for index, part in enumerate(item.parts):  # a title's subtitle (its second part) is no heading of its own
                    kind = heading if index == 0 or heading != "h1" else "p"
                    section.blocks.extend(Block(kind or "p", text, part.style.name) for text in paragraphs(part.text, kind))
            elif frame.kind == "toc" and page.part == 0:
                section.blocks.append(Block("list", style="toc", items=tuple((title, f"page-{number}") for title, number in toc)))
            elif frame.kind == "credits" and page.part == 0:
                rows = credit_entries(book, pagination, loc)
                section.blocks.append(Block("list", style="credits", items=tuple(
                    (" ".join(t for t in (row.reference, row.position) if t) + " · " + row.name, "") for row in rows)))
        section.blocks.extend(figures)
    cover = book.cover.photo.id if book.cover and book.cover.photo else None
    return Content(loc.lang, one_line(plain(loc.text(book.title))), one_line(plain(loc.text(book.subtitle))),
                   plain(loc.text(book.publisher)), [s for s in sections.values() if s.blocks], pages, shown, cover)


def figure(book: Book, loc: Localiser, photo_id: str) -> Block:
    """A photo with its caption, its place, date and credit, and its alternative
    text: the alt the chapter gives, or the caption's words when it gives none."""
    photo = book.photos[photo_id]
    caption = loc.fill(loc.text(photo.caption), photo)
    alt = plain(loc.text(photo.alt)).strip() if photo.alt is not None else ""
    return Block("figure", caption, photo=photo_id, alt=" ".join((alt or plain(caption)).split()), meta=photo_meta(book, loc, photo_id))


def paragraphs(text: str, heading: str) -> list[str]:
    """The paragraphs of a text (a heading is one, its manual breaks as spaces).

    >>> paragraphs("One.\\n\\nTwo,\\nthree.", ""), paragraphs("Đà Nẵng –\\n50 năm", "h1")
    (['One.', 'Two,\\nthree.'], ['Đà Nẵng – 50 năm'])
    """
    if heading:
        return [one_line(text)]
    return [p.strip() for p in text.split("\n\n") if p.strip()]
