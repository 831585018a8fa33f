"""Where a page shows its folio (page number) and running head.

A page that has something on it shows its folio, in the outer corner of the
foot margin. Where a photo covers that place (a bleed page) the folio is
never white digits knocked out of the picture (7.5 pt reversed out of four
colours fills in with the least misregistration): a page of pictures alone
has none, as a picture spread's left half needs none; a bleed page with
text on it (a card, a caption) keeps black digits (100 % K overprinting the
picture) only where they read there alone (`folio_in_k`), and none
elsewhere. The digits are set in the Latin face in all five editions and
the choice depends on the picture alone, so it is the same in every edition
and the C, M and Y plates stay shared; the credits' page references count
the pages without a folio as every book counts its blank and picture pages.

The choice is by contrast, measured as the press prints the picture: the
ground under the folio's place is taken from the photo as placed, run through
the press profile (a brown that reads mid-grey on screen prints darker), and
each ink is judged against the part of that ground worst for it (white digits
against its lightest tenth, black ones against its darkest tenth), as a WCAG
contrast ratio. The folio takes the ink with the higher ratio, white on a
near tie (`WHITE_MARGIN`): on the seventh proof p. 47 took black on a
grey-brown that printed too dark for it. Where
neither ink reaches `MIN_CONTRAST` the folio stands on a small paper-white
tint (`folio_tint`), the same on every plate and in every edition, and prints
black on it. Photo templates need no ``folio:`` key of their own. The running
head is language text and never reversed: a photo over its place takes it
away. A page whose folio place a photo covers goes without a folio, a
card page too: the tenth proof's en designer asked for folios on the ten
card pages, set in the card; the thirteenth and fourteenth proofs' designers
read a number there as part of the caption, moving between the page's head
and foot (none on bleed pages, as issue 25 asks). ``folio: false`` on a layout still turns both off (display pages such as
the half-title). A blank page shows neither."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from book.model import MESSAGE_KINDS, TEXT_KINDS, Book
from book.pages.paginate import Page, Placed

FOLIO_DROP_MM = 8.0  # the folio's top below the text block's foot
# The running head's top below the trim: its baseline about 13.1 mm in, clear of a 1 mm trim
# drift and nearer the folio's 14.3 mm from the foot (the eighth and ninth proofs measured 10.6 mm),
# 3.9 mm (11 pt) over the head line the pictures hang from.
RUNNING_HEAD_TOP_MM = 10.5
MARK_W_MM, MARK_H_MM = 12.0, 4.0  # the room a folio or a running head's end needs: what a photo must not cover
MIN_CONTRAST = 3.0  # the least WCAG contrast ratio a folio keeps with the worst tenth of the ground under it
# Black digits only where they beat white ones by this factor: on a mid-tone ground, where the two
# measure alike (vi 46, 47 and 57: 3.9-4.2 against 4.1-4.4), K over the picture reads dark grey
# on it (the seventh proof's p. 47) and white reads clean.
WHITE_MARGIN = 1.2
FOLIO_TINT_PAD_MM = 1.5  # the paper-white patch's margin round the folio's figures where neither ink reaches it
DARKEST, LIGHTEST = 0.1, 0.9  # the quantiles of the ground's relative luminance that black and white digits are judged against


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
               part: tuple[float, float, float, float], press: Path | None = None) -> tuple[float, float, float]:
    """The relative luminance (0-1) of ``part`` (fractions of the frame: x0, y0, x1, y1) of the photo at ``path``
    as a frame of ``frame_mm`` shows it, printed with the ``press`` profile when one is given: its darkest
    tenth, its mean and its lightest tenth (`DARKEST`, `LIGHTEST`)."""
    from PIL import Image, ImageOps

    from book.images.process import crop_box, simulate_press  # images imports the pagination: import it when it is asked

    with Image.open(path) as image:
        image.draft("RGB", (image.width // 8 or 1, image.height // 8 or 1))
        upright = ImageOps.exif_transpose(image).convert("RGB")
    x0, y0, x1, y1 = crop_box(upright.size, frame_mm, fit, focus)
    box = (round(x0 + part[0] * (x1 - x0)), round(y0 + part[1] * (y1 - y0)),
           round(x0 + part[2] * (x1 - x0)), round(y0 + part[3] * (y1 - y0)))
    region = upright.crop((box[0], box[1], max(box[2], box[0] + 1), max(box[3], box[1] + 1)))
    if press is not None:
        region = simulate_press(region, None, press)
    counts = region.convert("L").histogram()
    total = max(1, sum(counts))
    values = [relative(i / 255) for i in range(256)]
    mean = sum(v * n for v, n in zip(values, counts, strict=True)) / total

    def quantile(q: float) -> float:
        seen = 0
        for value, n in zip(values, counts, strict=True):
            seen += n
            if seen >= q * total:
                return value
        return values[-1]

    return quantile(DARKEST), mean, quantile(LIGHTEST)


def relative(value: float) -> float:
    """The relative luminance (linear light) of an sRGB-encoded grey ``value`` (0-1)."""
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def ratio(a: float, b: float) -> float:
    """The WCAG contrast ratio of two relative luminances.

    >>> round(ratio(1.0, 0.0), 1)
    21.0
    """
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def press_of(book: Book) -> Path | None:
    """The press profile the book's photos print with, if it is already made (a folio does not wait for it)."""
    from book.caches import COLOUR
    from book.images.press import press_profile

    name = book.press_profile
    if name.lower().endswith((".icc", ".icm")):
        path = Path(name) if Path(name).is_absolute() else book.root / name
        return path if path.is_file() else None
    try:
        return press_profile(book.root, name, book.ink_limit, COLOUR.path(book.root))
    except Exception:  # no ArgyllCMS, no characterisation: judge the photo as it is
        return None


def ground(book: Book, page: Page, box: tuple[float, float, float, float]) -> tuple[float, float, float] | None:
    """The ground under ``box`` on ``page`` (`_luminance`: darkest tenth, mean, lightest tenth), or None
    where no photo with a readable file covers it."""
    placed = covering(page, box)
    photo = book.photos.get(placed.value) if placed else None
    if photo is None or not Path(photo.path).is_file():
        return None
    px, py, pw, ph = placed.box
    x, y, w, h = box
    part = (max(0.0, (x - px) / pw), max(0.0, (y - py) / ph), min(1.0, (x + w - px) / pw), min(1.0, (y + h - py) / ph))
    focus = tuple(photo.focus) if photo.focus else (0.5, 0.5)
    stamp = Path(photo.path).stat().st_mtime
    return _luminance(Path(photo.path), stamp, (pw, ph), placed.frame.fit, focus, part, press_of(book))


@lru_cache(maxsize=8)
def black_ink(press: Path | None) -> float:
    """The relative luminance of 100 % K as the ``press`` prints it (an ideal 0 without a profile): the
    black digits are no blacker than that (they overprint the picture, which only darkens them)."""
    if press is None:
        return 0.0
    from PIL import Image, ImageCms

    from book.images.process import press_bytes, transform_for

    grey = ImageCms.applyTransform(Image.new("CMYK", (1, 1), (0, 0, 0, 255)), transform_for(press_bytes(press), "CMYK", "RGB", None))
    return relative(grey.convert("L").getpixel((0, 0)) / 255)


def contrasts(under: tuple[float, float, float], black: float = 0.0) -> tuple[float, float]:
    """The contrast ratios of white (paper) digits and of ``black`` ones (their luminance) with the ground
    ``under`` them, each against its worst part.

    >>> [round(v, 1) for v in contrasts((0.1, 0.14, 0.2))]
    [4.2, 3.0]
    >>> [round(v, 1) for v in contrasts((0.184, 0.188, 0.191), 0.0097)]
    [4.4, 3.9]
    """
    darkest, _, lightest = under
    return ratio(1.0, lightest), ratio(darkest, black)


def folio_tint(book: Book, page: Page) -> bool:
    """Never: a folio no ink reads on is left off rather than set on a patch (`shows_folio`)."""
    return False


def shows_folio(book: Book, page: Page) -> bool:
    """A folio on every page with something on it, but on a bleed page (a photo over its place) only
    where the page carries text and black digits read on the picture (`folio_in_k`)."""
    if not (page.layout.folio and page.placed):
        return False
    box = mark_box(book, page, folio_top(book))
    if not covered(page, box):
        return True
    return not pictures_only(page) and card_frame(page) is None and folio_in_k(book, page, box)


def card_frame(page: Page) -> Placed | None:
    """The page's first caption card (a message frame with a panel and its text), if it has one."""
    return next((p for p in page.placed if p.frame.panel and p.frame.kind in MESSAGE_KINDS and p.value), None)








def pictures_only(page: Page) -> bool:
    """Whether ``page`` carries pictures and nothing to read (no caption, card or text frame)."""
    return not any(placed.frame.kind in TEXT_KINDS and (placed.value or placed.frame.kind not in ("caption", "text"))
                   for placed in page.placed)


def folio_in_k(book: Book, page: Page, box: tuple[float, float, float, float]) -> bool:
    """Whether black digits (100 % K as the press prints it) reach `MIN_CONTRAST` with the darkest
    tenth of the photo under ``box``, and beat white ones by `WHITE_MARGIN`: a folio that reads in K alone."""
    under = ground(book, page, box)
    if under is None:
        return False
    white, black = contrasts(under, black_ink(press_of(book)))
    return black >= MIN_CONTRAST and black > WHITE_MARGIN * white


def folio_reversed(book: Book, page: Page) -> bool:
    """Never: no folio is knocked out of a picture (see the module's doc)."""
    return False


def shows_running_head(book: Book, page: Page) -> bool:
    """Whether the page carries its running head: a page of the book's body whose head margin no photo covers."""
    return page.layout.folio and bool(page.placed) and not covered(page, mark_box(book, page, RUNNING_HEAD_TOP_MM))
