"""One edition's EPUB 3 from the gathered book: its words
(`book.epub.content`), its documents (`book.epub.xhtml`), its fonts and
style sheet (`book.epub.fonts`), the photos the five editions share
(`book.epub.photos`), packed by `book.epub.package`."""

from __future__ import annotations

from pathlib import Path

from book.epub.content import Content, edition_content, figure
from book.epub.fonts import edition_fonts, style_sheet
from book.epub.package import NAV_TITLES, Item, opf, zip_epub
from book.epub.photos import EpubPhoto
from book.epub.xhtml import STYLESHEET, cover_xhtml, nav_xhtml, section_xhtml
from book.errors import Problems
from book.i18n.localise import Localiser
from book.pdf.pdfx import source_date
from book.text.fonts import EditionFonts
from book.text.frames import one_line

COVER_FILE = "cover.xhtml"


def photos_wanted(book, pagination) -> list[str]:
    """The photos every edition's EPUB shows: those the pages place, and the cover's."""
    wanted = sorted({placed.value for page in pagination.pages for placed in page.placed if placed.frame.kind == "photo" and placed.value})
    if book.cover and book.cover.photo:
        wanted.append(book.cover.photo.id)
    return wanted


def styled_texts(content: Content, nav_titles: tuple[str, ...]) -> list[tuple[str, str]]:
    """(print style, text) of everything the EPUB shows, for its fonts."""
    out = [("body", " ".join((content.title, *nav_titles, *(s.title for s in content.sections), *map(str, content.pages))))]
    for section in content.sections:
        for block in section.blocks:
            if block.kind in ("h1", "h2", "p"):
                out.append((block.style, block.text))
            elif block.kind == "figure":
                out += [("caption", block.text), ("caption-meta", block.meta)]
            elif block.kind == "list":
                out += [(block.style, text) for text, _ in block.items]
    return out


def make_epub(book, pagination, lang: str, catalog, photos: dict[str, EpubPhoto], fonts: EditionFonts, font_cache: Path) -> bytes:
    """The bytes of ``lang``'s EPUB. Its texts are looked up as the pages'
    are; what is missing was reported when the edition was set."""
    loc = Localiser(book, lang, catalog, Problems())
    content = edition_content(book, pagination, loc)
    toc_title = own_toc_title(book, pagination, loc) or NAV_TITLES.get(lang, NAV_TITLES["en"])[0]
    nav_titles = (toc_title, *NAV_TITLES.get(lang, NAV_TITLES["en"])[1:])
    images = {pid: (f"images/{pid}.jpg", photos[pid].pixels) for pid in content.photos + ([content.cover] if content.cover else [])}
    styled = styled_texts(content, nav_titles)
    faces, rules = edition_fonts(book, lang, styled, fonts, font_cache)
    styles = sorted({style for style, _ in styled})
    items = []
    if content.cover:  # first in the reading order
        items.append(Item("cover", COVER_FILE, "application/xhtml+xml",
                          cover_xhtml(content, images[content.cover], figure(book, loc, content.cover).alt).encode(), spine="yes"))
    items += [Item("nav", "nav.xhtml", "application/xhtml+xml", nav_xhtml(content, *nav_titles, COVER_FILE if content.cover else None)
                   .encode(), "nav", spine="no"),
              Item("css", STYLESHEET, "text/css", style_sheet(book, lang, styles, rules).encode())]
    items += [Item(f"s-{s.id}", s.file, "application/xhtml+xml", section_xhtml(s, content, images).encode(), spine="yes")
              for s in content.sections]
    for pid, (href, _) in sorted(images.items()):
        items.append(Item(f"img-{pid}", href, "image/jpeg", photos[pid].path.read_bytes(),
                          "cover-image" if pid == content.cover else ""))
    items += [Item(f"font-{face.name.rsplit('.', 1)[0]}", f"fonts/{face.name}", face.media_type, face.data) for face in faces]
    moment = source_date(book.date)
    return zip_epub(opf(book, lang, content.title, content.subtitle, content.publisher, moment, items), items, moment)


def own_toc_title(book, pagination, loc) -> str:
    """The heading the book gives its contents page, in this edition."""
    for page in pagination.pages:
        if any(placed.frame.kind == "toc" for placed in page.placed):
            for placed in page.placed:
                if placed.frame.kind == "text" and placed.value and placed.frame.listed:
                    return one_line(loc.text(book.slot_message(page.chapter, placed.value)))
    return ""
