"""The cover's shared design, laid on the book's own page grid: a ground
colour over the whole spread, the cover photo as a band across back, spine
and front from a grid line to the top of the grid's last row, and above it
the zones for the type (the front's mark and title, the back's text and
publisher, the spine's title). Under the band the ground runs on as a calm
zone, the last row and the foot margin across the whole wrap: the spine's
foot carries the publisher there, on the ground, where a shelf reader looks
for it, the front's foot the publisher's line, and the back's corner by the
spine the barcode, on the grid's foot line. Neither the ground nor the photo stops at a fold, so
the spine shows no band and a fold that drifts shows the same colour or
picture.

Everything here follows from the trim, the spine and book.yaml's grid alone,
never from an edition's text: the C, M and Y plates are the same in every
edition. Pure arithmetic, mm from the spread's top-left trim corner."""

from __future__ import annotations

from dataclasses import dataclass

from book.grid import Grid, Place
from book.pages.spine import CoverGeometry

Box = tuple[float, float, float, float]  # x, top, width, height
MARK_ROWS = 2  # the front's mark takes the first rows of the grid
BACK_COLUMNS = 7  # of 12: the back text's measure (about 60 characters a line at 12 pt in vi and en)
SPINE_GAP = 6.0  # mm between the spine's text and the photo below it; the photo runs unbroken through the spine's foot
PHOTO_SHARE = 7 / 12  # the grid rows the photo takes
AIR = 6.0  # mm the type keeps clear above the photo, at the least: the title block and the back's foot line
CALM_ROWS = 1  # the grid's last rows left to the ground under the photo (with the foot margin): the calm zone at the foot
FIELD_GAP = 4.0  # mm between the photo's foot and a barcode field that stands on the ground under it
TRIM_CLEAR = 8.0  # mm a barcode field keeps from the foot trim, at the least, when it leaves the foot line


@dataclass(frozen=True)
class CoverPlan:
    """The parts of the cover that are the same in every edition."""

    photo: Box  # the photo band, into the bleed at both sides and the foot
    front: Box  # the front's type area, above the band
    back: Box  # the back's
    mark: Box  # the front's mark (book.yaml cover.mark), at the head of the front's type area
    back_measure: float  # mm: the back text's measure, from the back's outer margin
    row_gutter: float  # mm: the grid's gap between rows, kept between the type and the band
    spine_foot: float  # mm from the head trim: the spine's text ends here, above the photo
    type_foot: float = 0.0  # mm from the head trim: the grid line the panels' type ends on, AIR or more above the photo
    foot: float = 0.0  # mm from the head trim: the grid's foot line (its last row's foot)
    calm: float = 0.0  # mm from the head trim: the photo's foot, the top of the ground's calm zone at the foot (the panel's height: none)


def photo_frame(book, g: CoverGeometry) -> tuple[float, float]:
    """The cover photo's frame (its band), width and height in mm."""
    band = plan_design(book.grid, g).photo
    return (band[2], band[3])


def photo_rows(grid: Grid, trim: tuple[float, float] = (1.0, 2.0)) -> int:
    """The grid rows the photo band covers, counted from the foot: on an
    upright trim seven twelfths of them (rounded), so the picture carries
    the front, about 60 % of it; on a square or landscape trim, whose rows
    are shorter, half of them, so the type keeps room for the title and the
    back's text.

    >>> photo_rows(Grid(rows=12)), photo_rows(Grid(rows=7)), photo_rows(Grid(rows=1)), photo_rows(Grid(rows=12), (210, 210))
    (7, 4, 0, 6)
    """
    if grid.rows <= 1:
        return 0
    return round(grid.rows * PHOTO_SHARE) if trim[1] > trim[0] else grid.rows // 2


def page_box(grid: Grid, trim: tuple[float, float], col: int, cols: int, row: int, rows: int) -> Box:
    """A place on a right-hand page of ``trim`` (the inner margin on the left)."""
    return grid.box(Place(col, cols, row, rows), trim, 0.0, False)


def plan_design(grid: Grid, g: CoverGeometry) -> CoverPlan:
    """The cover's shared parts at geometry ``g`` on the page grid ``grid``.
    The front is a right-hand page whose inner margin is at the fold (a
    case's: at its board's edge by the joint); the back the same area,
    its margin at the board's outer edge. A case's boards are laid
    out as pages of their own size, so the composition scales to them. The
    back's type area stands as far from that board's outer edge as the
    front's from its own edge: one margin where the eye meets each board.

    >>> from book.pages.spine import cover_geometry
    >>> plan = plan_design(Grid(), cover_geometry((240, 300), 64, 0.155, 3))
    >>> [round(v, 1) for v in plan.photo], [round(v, 1) for v in plan.front]
    ([-3, 126.6, 491.0, 126.5], [265.0, 17.0, 205.0, 104.6])
    >>> [round(v, 1) for v in plan.back], round(plan.back_measure, 1), round(plan.type_foot, 1)
    ([20.0, 17.0, 205.0, 104.6], 117.5, 99.7)
    """
    height, bleed = g.panel[1], g.margin
    photo = photo_rows(grid, g.trim)
    rows = grid.rows - photo  # the book's shape, not its boards' (a square book's are 3 mm taller)
    zone = page_box(grid, g.panel, 1, grid.columns, 1, max(rows, 1))
    band_top = zone[1] + zone[3] + grid.row_gutter if rows < grid.rows else height
    front = (g.front + zone[0], zone[1], zone[2], zone[3])
    back = (zone[0], zone[1], zone[2], zone[3])  # as far from the back board's outer edge as the front's from its joint
    mark = page_box(grid, g.panel, 1, max(grid.columns // 2, 1), 1, min(MARK_ROWS, max(rows - 1, 1)))
    cols = min(BACK_COLUMNS * grid.columns // 12 or 1, grid.columns)
    measure = page_box(grid, g.panel, 1, cols, 1, 1)[2]
    foot = type_foot(grid, g.panel, rows, band_top)
    calm_rows = CALM_ROWS if photo > 2 * CALM_ROWS else 0  # a band of a few rows keeps the foot
    calm = page_box(grid, g.panel, 1, grid.columns, 1, grid.rows - calm_rows) if calm_rows else None  # the band ends on a row's foot
    calm = calm[1] + calm[3] if calm else height + bleed
    return CoverPlan(
        photo=(-bleed, band_top, g.spread[0] + 2 * bleed, calm - band_top),
        front=front, back=back,
        mark=(g.front + mark[0], mark[1], mark[2], mark[3]),
        back_measure=measure, row_gutter=grid.row_gutter,
        spine_foot=band_top - SPINE_GAP if rows < grid.rows else height - g.margins.head,
        type_foot=foot, foot=sum(page_box(grid, g.panel, 1, grid.columns, 1, grid.rows)[1::2]),
        calm=min(calm, height),
    )


def type_foot(grid: Grid, trim: tuple[float, float], rows: int, band_top: float) -> float:
    """The lowest row line of the type zone's ``rows`` that keeps AIR above the
    photo's top edge ``band_top``: the foot the front's title block and the
    back's publisher stand on (AIR above the photo when no row
    line keeps it, on a trim too short for the grid)."""
    for count in range(max(rows, 1), 0, -1):
        box = page_box(grid, trim, 1, grid.columns, 1, count)
        if band_top - (box[1] + box[3]) >= AIR - 1e-6:
            return box[1] + box[3]
    return band_top - AIR


def field_place(plan, field_h: float, height: float) -> float:
    """The top of the back's barcode field: its foot on the grid's foot
    line, wholly on the ground's calm zone under the photo or wholly on the
    photo, never across the photo's foot edge (a white box cut by that line
    reads as a mistake). Where the foot line would put it across the edge it
    hangs FIELD_GAP under the photo, if it then keeps TRIM_CLEAR from the
    trim; else it stands on the photo's foot edge, flush with it (the
    fifteenth en proof read a field 4 mm above that edge as an accident).

    >>> from types import SimpleNamespace as P
    >>> field_place(P(foot=281.0, calm=270.0), 20.0, 306.0)  # the foot line would cut the edge: under it
    274.0
    >>> field_place(P(foot=281.0, calm=250.0), 20.0, 306.0)  # on the ground, on the foot line
    261.0
    >>> field_place(P(foot=281.0, calm=280.0), 20.0, 306.0)  # no room under the photo: on it, its foot on the edge
    260.0
    """
    top = plan.foot - field_h
    if plan.calm >= height or top >= plan.calm + FIELD_GAP or top + field_h <= plan.calm - FIELD_GAP:
        return top
    if plan.calm + FIELD_GAP + field_h <= height - TRIM_CLEAR:
        return plan.calm + FIELD_GAP
    return plan.calm - field_h
