"""Where a page shows its folio (page number) and running head.

A page that has something on it shows its folio, in the outer corner of the
foot margin. Where a photo covers that place the folio is reversed: white
digits knocked out of the photo, at the same place and the same in every
edition (digits are set in the Latin face in all five), so the C, M and Y
plates stay shared and the credits' page references can be found on every
bleed page. Where the picture under the folio is light (its mean relative luminance
under the folio's place, measured in the photo as placed, is above
`LIGHT_LUMINANCE`, where black gives more contrast than white), white digits would not read: the folio is set as on white
paper, 100 % K overprinting the picture, which leaves the C, M and Y plates
as they are. Photo templates need no ``folio:`` key of their own. The running
head is language text and never reversed: a photo over its place takes it
away. ``folio: false`` on a layout still turns both off (display pages such as
the half-title). A blank page shows neither."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from book.model import Book
from book.pages.paginate import Page, Placed

FOLIO_DROP_MM = 8.0  # the folio's top below the text block's foot
RUNNING_HEAD_TOP_MM = 8.0  # the running head's top below the trim
MARK_W_MM, MARK_H_MM = 12.0, 4.0  # the room a folio or a running head's end needs: what a photo must not cover
# A picture whose relative luminance under the folio is above this takes a black folio: there black
# digits contrast more with it than white ones (WCAG contrast ratios (L + 0.05) / 0.05 and 1.05 / (L + 0.05)
# meet at L = sqrt(0.0525) - 0.05, an sRGB grey of 0.46).
LIGHT_LUMINANCE = 0.0525 ** 0.5 - 0.05


def folio_top(book: Book) -> float:
    return book.trim[1] - book.margins["bottom"] + FOLIO_DROP_MM


def outer_edge(book: Book, page: Page) -> float:
    """The x (mm) of the text block's outer edge: folios and running heads align to it."""
    return book.trim[0] - book.margins["outer"] if page.recto else book.margins["outer"]


def mark_box(book: Book, page: Page, top: float) -> tuple[float, float, float, float]:
    edge = outer_edge(book, page)
    return (edge - MARK_W_MM if page.recto else edge, top, MARK_W_MM, MARK_H_MM)


def covering(page: Page, box: tuple[float, float, float, float]) -> Placed | None:
    """The photo on ``page`` that overlaps ``box`` (x, y, w, h in mm), if one does."""
    x, y, w, h = box
    for placed in page.placed:
        if placed.frame.kind != "photo" or not placed.value:
            continue
        px, py, pw, ph = placed.box
        if px < x + w and x < px + pw and py < y + h and y < py + ph:
            return placed
    return None


def covered(page: Page, box: tuple[float, float, float, float]) -> bool:
    """Whether a photo on ``page`` overlaps ``box`` (x, y, w, h in mm)."""
    return covering(page, box) is not None


@lru_cache(maxsize=256)
def _luminance(path: Path, stamp: float, frame_mm: tuple[float, float], fit: str, focus: tuple[float, float],
               part: tuple[float, float, float, float]) -> float:
    """The mean relative luminance (0-1) of ``part`` (fractions of the frame: x0, y0, x1, y1) of the photo at ``path``
    as a frame of ``frame_mm`` shows it."""
    from PIL import Image, ImageOps

    from book.images.process import crop_box  # images imports the pagination: import it when it is asked

    with Image.open(path) as image:
        image.draft("RGB", (image.width // 8 or 1, image.height // 8 or 1))
        upright = ImageOps.exif_transpose(image).convert("L")
    x0, y0, x1, y1 = crop_box(upright.size, frame_mm, fit, focus)
    box = (round(x0 + part[0] * (x1 - x0)), round(y0 + part[1] * (y1 - y0)),
           round(x0 + part[2] * (x1 - x0)), round(y0 + part[3] * (y1 - y0)))
    region = upright.crop((box[0], box[1], max(box[2], box[0] + 1), max(box[3], box[1] + 1)))
    return sum(relative(i / 255) * n for i, n in enumerate(region.histogram())) / max(1, region.width * region.height)


def relative(value: float) -> float:
    """The relative luminance (linear light) of an sRGB-encoded grey ``value`` (0-1)."""
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def light_under(book: Book, page: Page, box: tuple[float, float, float, float]) -> bool:
    """Whether the photo covering ``box`` on ``page`` is light there (mean relative luminance above `LIGHT_LUMINANCE`)."""
    placed = covering(page, box)
    photo = book.photos.get(placed.value) if placed else None
    if photo is None or not Path(photo.path).is_file():
        return False
    px, py, pw, ph = placed.box
    x, y, w, h = box
    part = (max(0.0, (x - px) / pw), max(0.0, (y - py) / ph), min(1.0, (x + w - px) / pw), min(1.0, (y + h - py) / ph))
    focus = tuple(photo.focus) if photo.focus else (0.5, 0.5)
    stamp = Path(photo.path).stat().st_mtime
    return _luminance(Path(photo.path), stamp, (pw, ph), placed.frame.fit, focus, part) > LIGHT_LUMINANCE


def shows_folio(book: Book, page: Page) -> bool:
    """A folio on every page with something on it (reversed where a photo covers its place, see `folio_reversed`)."""
    return page.layout.folio and bool(page.placed)


def folio_reversed(book: Book, page: Page) -> bool:
    """Whether the page's folio is set white, knocked out of the photo that covers its place: not
    where that photo is light under it (`light_under`), where it prints black as on paper."""
    box = mark_box(book, page, folio_top(book))
    return shows_folio(book, page) and covered(page, box) and not light_under(book, page, box)


def shows_running_head(book: Book, page: Page) -> bool:
    return page.layout.folio and bool(page.placed) and not covered(page, mark_box(book, page, RUNNING_HEAD_TOP_MM))
