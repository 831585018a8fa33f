"""Where a page shows its folio (page number) and running head.

A page that has something on it shows its folio, in the outer corner of the
foot margin. Where a photo covers that place the folio is reversed: white
digits knocked out of the photo, at the same place and the same in every
edition (digits are set in the Latin face in all five), so the C, M and Y
plates stay shared and the credits' page references can be found on every
bleed page. Photo templates need no ``folio:`` key of their own. The running
head is language text and never reversed: a photo over its place takes it
away. ``folio: false`` on a layout still turns both off (display pages such as
the half-title). A blank page shows neither."""

from __future__ import annotations

from book.model import Book
from book.pages.paginate import Page

FOLIO_DROP_MM = 8.0  # the folio's top below the text block's foot
RUNNING_HEAD_TOP_MM = 8.0  # the running head's top below the trim
MARK_W_MM, MARK_H_MM = 12.0, 4.0  # the room a folio or a running head's end needs: what a photo must not cover


def folio_top(book: Book) -> float:
    return book.trim[1] - book.margins["bottom"] + FOLIO_DROP_MM


def outer_edge(book: Book, page: Page) -> float:
    """The x (mm) of the text block's outer edge: folios and running heads align to it."""
    return book.trim[0] - book.margins["outer"] if page.recto else book.margins["outer"]


def mark_box(book: Book, page: Page, top: float) -> tuple[float, float, float, float]:
    edge = outer_edge(book, page)
    return (edge - MARK_W_MM if page.recto else edge, top, MARK_W_MM, MARK_H_MM)


def covered(page: Page, box: tuple[float, float, float, float]) -> bool:
    """Whether a photo on ``page`` overlaps ``box`` (x, y, w, h in mm)."""
    x, y, w, h = box
    for placed in page.placed:
        if placed.frame.kind != "photo" or not placed.value:
            continue
        px, py, pw, ph = placed.box
        if px < x + w and x < px + pw and py < y + h and y < py + ph:
            return True
    return False


def shows_folio(book: Book, page: Page) -> bool:
    """A folio on every page with something on it (reversed where a photo covers its place, see `folio_reversed`)."""
    return page.layout.folio and bool(page.placed)


def folio_reversed(book: Book, page: Page) -> bool:
    """Whether the page's folio is set white, knocked out of the photo that covers its place."""
    return shows_folio(book, page) and covered(page, mark_box(book, page, folio_top(book)))


def shows_running_head(book: Book, page: Page) -> bool:
    return page.layout.folio and bool(page.placed) and not covered(page, mark_box(book, page, RUNNING_HEAD_TOP_MM))
