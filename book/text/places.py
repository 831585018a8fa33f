"""Where a caption card sits on its photo: on the page grid, over the part of
the photo with the least detail, never over the photo's ``focus``.

A card frame (``panel: white``) lists the places its card may take
(``card_places``); each is a corner or an outer or inner edge of the page's
grid area: ``bottom-outer`` puts the card's bottom edge on the bottom margin
and its outer edge on the outer margin, ``middle-inner`` puts its top on the
row line nearest the middle of the grid and its inner edge on the inner
margin. The card is a whole number of columns wide (`book.text.cards`), so
its side edges lie on column edges too. Of the places listed
the build takes the one whose part of the photo, as the frame crops it,
holds the least detail (`book.images.detail`), of the places on the
page's outer side: cards mirror as the grid does, at the fore-edge on a
left-hand page as on a right-hand one, never against the gutter on one page
and the fore-edge on the facing one. An inner place is taken only when every
outer place would cover the subject, and a place over the photo's ``focus``
or over its single most detailed cell only when every place is; then
the place whose card, with ``MARGIN`` (5 mm) of photo round it, comes near
the fewest of the subject's cells, then of the detailed cells (half the busiest cell's detail: a figure's hand,
a blossom cluster), before the outer side is preferred; of the rest, the place whose card, with ``CLEARANCE`` round it, comes near the
fewest cells of the subject (`book.images.detail.subject_cells`), not only
its busiest one, then the one over the least detail. A photo's ``card:`` in its chapter names the place outright. The
choice depends on the photo, the card's size and the page alone, so every
edition puts the card in the same place: it is on the shared plates."""

from __future__ import annotations

from book.images.detail import busiest_cell, photo_detail, region_detail, subject_cells
from book.images.placed import image_cache, photo_size
from book.images.process import crop_box
from book.model import CARD_PLACES

PLACES = CARD_PLACES

Box = tuple[float, float, float, float]  # x, y, w, h in mm from the page's trim top-left
CLEARANCE = 14.0  # mm round a card that is judged with it: a subject just beside the card crowds it too
MARGIN = 5.0  # mm of photo kept clear round a card: a place whose card comes this near a detailed cell ranks after every clear one
NEAR_SHARE = 0.5  # a cell holding this share of the busiest cell's detail is detailed (a hand, a blossom cluster beside the subject)


def grid_area(book, recto: bool) -> Box:
    """The page's grid area, inside its margins (the inner margin at the spine)."""
    grid, (trim_w, trim_h) = book.grid, book.trim
    left = grid.inner if recto else grid.outer
    right = grid.outer if recto else grid.inner
    return (left, grid.top, trim_w - left - right, trim_h - grid.top - grid.bottom)


def place_box(book, recto: bool, place: str, w: float, h: float) -> Box:
    """The card of ``w`` × ``h`` mm at ``place`` on a right-hand (``recto``) or left-hand page."""
    x0, y0, aw, ah = grid_area(book, recto)
    vertical, side = place.split("-")
    outer_right = recto
    x = x0 + aw - w if (side == "outer") == outer_right else x0
    if vertical == "top":
        y = y0
    elif vertical == "bottom":
        y = y0 + ah - h
    else:  # the row line nearest the middle, the card kept inside the area
        pitch = book.grid.row(book.trim[1]) + book.grid.row_gutter
        lines = [y0 + k * pitch for k in range(book.grid.rows) if y0 + k * pitch + h <= y0 + ah + 0.01]
        y = min(lines or [y0], key=lambda top: (abs(top + h / 2 - (y0 + ah / 2)), top))
    return (round(x, 3), round(y, 3), w, h)


def shown_part(book, photo_box: Box, photo, fit: str = "cover") -> tuple[float, float, float, float, Box] | None:
    """The part of the photo its frame shows, as fractions (u0, v0, u1, v1) of
    the photo, and the frame's box on the page; None for a photo that cannot be read."""
    try:
        size = photo_size(photo.path, image_cache(book), whole=False)
    except (OSError, ValueError):
        return None
    return shown_fractions(size, photo_box, photo.focus, fit)


def shown_fractions(size: tuple[int, int], photo_box: Box, focus, fit: str = "cover") -> tuple[float, float, float, float, Box]:
    x0, y0, x1, y1 = crop_box(size, (photo_box[2], photo_box[3]), fit, focus or (0.5, 0.5))
    return (x0 / size[0], y0 / size[1], x1 / size[0], y1 / size[1], photo_box)


def fractions_of(box: Box, shown) -> tuple[float, float, float, float]:
    """The page box ``box`` as fractions of the photo (u0, v0, u1, v1)."""
    u0, v0, u1, v1, (px, py, pw, ph) = shown
    x, y, w, h = box
    return (u0 + (x - px) / pw * (u1 - u0), v0 + (y - py) / ph * (v1 - v0),
            u0 + (x + w - px) / pw * (u1 - u0), v0 + (y + h - py) / ph * (v1 - v0))


def overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def photo_frame(page, placed):
    """The photo frame the caption ``placed`` belongs to on ``page``."""
    return next((p for p in page.placed if p.frame.kind == "photo" and p.value == placed.value), None)


def choose_place(book, page, placed, w: float, h: float) -> tuple[str, Box] | None:
    """The place and box of a ``w`` × ``h`` card for the caption ``placed`` on
    ``page``; None when its frame lists no places (the card keeps the frame's corner)."""
    places = placed.frame.card_places
    photo = book.photos.get(placed.value) if placed.value else None
    if photo is not None and photo.card:
        return photo.card, place_box(book, page.recto, photo.card, w, h)
    if not places:
        return None
    boxes = [(place, place_box(book, page.recto, place, w, h)) for place in places]
    under = photo_frame(page, placed)
    shown = shown_part(book, under.box, photo, under.frame.fit) if under is not None and photo is not None else None
    if shown is None:
        return boxes[0]
    detail = photo_detail(book.root, photo.path)
    peak = busiest_cell(detail, *shown[:4])
    subject = subject_cells(detail, *shown[:4])
    detailed = subject_cells(detail, *shown[:4], share=NEAR_SHARE)
    focus = photo.focus

    def score(item: tuple[str, Box]) -> tuple[int, int, int, int, int, float]:
        x, y, bw, bh = item[1]
        part = fractions_of((x - CLEARANCE, y - CLEARANCE, bw + 2 * CLEARANCE, bh + 2 * CLEARANCE), shown)
        covers = overlaps(part, peak) or (focus is not None and part[0] <= focus[0] <= part[2] and part[1] <= focus[1] <= part[3])
        inner = item[0].endswith("-inner")  # off the side the grid mirrors to
        crowded = sum(1 for cell in subject if overlaps(part, cell))  # the subject's cells within the clearance
        margin = fractions_of((x - MARGIN, y - MARGIN, bw + 2 * MARGIN, bh + 2 * MARGIN), shown)
        touching = sum(1 for cell in subject if overlaps(margin, cell))  # the subject's cells within the card's clear margin
        near = sum(1 for cell in detailed if overlaps(margin, cell))  # and the other detailed cells
        return (1 if covers else 0, touching, near, 1 if inner else 0, crowded, round(region_detail(detail, *part), 3))

    return min(boxes, key=score)
