"""The page grid and a frame's place on it: what turns a layout's columns and
rows into millimetres at any trim, so the same templates fit any page."""

from __future__ import annotations

from dataclasses import dataclass

SIDES = ("top", "bottom", "inner", "outer")  # the edges a frame may bleed off (`Place.bleed`)


@dataclass(frozen=True)
class Grid:
    """The page grid (book.yaml ``margins_mm`` and ``grid``): margins round
    the text block, ``columns`` across it with ``gutter`` between them and
    ``rows`` down it with ``row_gutter`` between them, all in mm. Designed
    for a right-hand page, the inner margin on the left; a left-hand page
    mirrors it."""

    inner: float = 20.0
    outer: float = 15.0
    top: float = 17.0
    bottom: float = 25.0
    columns: int = 12
    gutter: float = 5.0
    rows: int = 12
    row_gutter: float = 5.0

    def column(self, trim_w: float) -> float:
        """One column's width on a page ``trim_w`` wide.

        >>> Grid().column(240)
        12.5
        """
        return (trim_w - self.inner - self.outer - (self.columns - 1) * self.gutter) / self.columns

    def row(self, trim_h: float) -> float:
        """One row's height on a page ``trim_h`` high."""
        return (trim_h - self.top - self.bottom - (self.rows - 1) * self.row_gutter) / self.rows

    def box(self, place: Place, trim: tuple[float, float], bleed: float, spread: bool) -> tuple[float, float, float, float]:
        """``place`` in mm (x, y, w, h) from the top-left of the trimmed page, or of
        a spread's left page. A spread counts its columns from its left edge:
        1 to ``columns`` on the left page, the rest on the right one.

        >>> [round(v, 1) for v in Grid().box(Place(2, 7, 3, 10), (240, 300), 3, False)]
        [37.5, 60.8, 117.5, 214.2]
        >>> Grid().box(Place(1, 24, bleed=frozenset({"top", "bottom", "outer"})), (240, 300), 3, True)
        (-3, -3, 486, 306)
        """
        if place.mm is not None:
            return place.mm
        width, pitch, height = self.column(trim[0]), self.column(trim[0]) + self.gutter, self.row(trim[1])

        def left(col: int) -> float:  # the left edge of column ``col`` (1-based)
            page, index = divmod(col - 1, self.columns)
            margin = (self.outer if page == 0 else self.inner) if spread else self.inner
            return page * trim[0] + margin + index * pitch

        first, last = place.col, place.col + place.cols - 1
        x0, x1 = left(first), left(last) + width
        y0 = self.top + (place.row - 1) * (height + self.row_gutter)
        y1 = y0 + place.rows * height + (place.rows - 1) * self.row_gutter
        pages = 2 if spread else 1
        if "top" in place.bleed:
            y0 = -bleed
        if "bottom" in place.bleed:
            y1 = trim[1] + bleed
        if spread:  # outer: the spread's outside edges; inner: the spine, for a frame on one page
            on_left, on_right = first <= self.columns, last > self.columns
            if "outer" in place.bleed:
                # A frame on both pages bleeds off the outside edges its columns reach (the
                # first, the last), so a picture may run across the fold off its centre.
                across = on_left and on_right
                x0 = -bleed if on_left and (first == 1 or not across) else x0
                x1 = pages * trim[0] + bleed if on_right and (last == pages * self.columns or not across) else x1
            if "inner" in place.bleed and on_left != on_right:
                x0, x1 = (x0, trim[0]) if on_left else (trim[0], x1)
        else:
            x0 = -bleed if "inner" in place.bleed else x0
            x1 = trim[0] + bleed if "outer" in place.bleed else x1
        return x0, y0, x1 - x0, y1 - y0


@dataclass(frozen=True)
class Place:
    """Where a layout's frame sits: ``cols`` columns from column ``col`` and
    ``rows`` rows from row ``row`` (1-based), each edge in ``bleed`` taken to
    the bleed edge instead; or ``mm`` (x, y, w, h), the escape hatch."""

    col: int = 1
    cols: int = 1
    row: int = 1
    rows: int = 1
    bleed: frozenset[str] = frozenset()
    mm: tuple[float, float, float, float] | None = None
