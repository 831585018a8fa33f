"""Crop marks, on request: the MediaBox grows by a slug around the BleedBox and
each corner of the trim gets two short lines in registration colour (100 % of
all four inks), 0.25 pt wide, starting 1 mm beyond the bleed.
TrimBox and BleedBox keep their values, so the page is where it was."""

from __future__ import annotations

import pikepdf

from book.model import MM

MARK_PT = 0.25  # line width
MARK_MM = 5.0  # length of a mark
MIN_OFFSET_MM = 3.0  # from the trim, when the bleed is smaller
CLEAR_MM = 1.0  # between the BleedBox and a mark's inner end, so no mark reaches into the bleed
SLUG_GAP_MM = 2.0  # between a mark's outer end and the media edge


def mark_lines(trim: list[float], offset: float, length: float) -> list[tuple[float, float, float, float]]:
    """The eight lines (x0, y0, x1, y1) that extend the trim's edges beyond its corners.

    >>> len(mark_lines([10, 10, 110, 210], 8.5, 14.2))
    8
    >>> mark_lines([10, 10, 110, 210], 8.5, 14.2)[0]
    (-12.7, 10, 1.5, 10)
    """
    x0, y0, x1, y1 = trim
    lines = []
    for x, y, sx, sy in ((x0, y0, -1, -1), (x1, y0, 1, -1), (x0, y1, -1, 1), (x1, y1, 1, 1)):
        near_x, far_x = x + sx * offset, x + sx * (offset + length)
        near_y, far_y = y + sy * offset, y + sy * (offset + length)
        lines.append((round(min(near_x, far_x), 3), y, round(max(near_x, far_x), 3), y))  # horizontal, on the trim's y
        lines.append((x, round(min(near_y, far_y), 3), x, round(max(near_y, far_y), 3)))  # vertical, on the trim's x
    return lines


def marks_stream(trim: list[float], offset: float, length: float) -> bytes:
    ops = [b"q", b"1 1 1 1 K", f"{MARK_PT:g} w".encode(), b"0 J", b"[] 0 d"]
    for x0, y0, x1, y1 in mark_lines(trim, offset, length):
        ops.append(f"{x0:.3f} {y0:.3f} m {x1:.3f} {y1:.3f} l S".encode())
    ops.append(b"Q")
    return b"\n".join(ops) + b"\n"


def add_crop_marks(pdf: pikepdf.Pdf, bleed_mm: float) -> None:
    """Grow every page's MediaBox by a slug and draw its crop marks there."""
    offset = (max(bleed_mm, MIN_OFFSET_MM) + CLEAR_MM) * MM
    length = MARK_MM * MM
    reach = offset + length + SLUG_GAP_MM * MM
    opening = pdf.make_stream(b"q\n")
    streams: dict[tuple, pikepdf.Stream] = {}  # pages of one trim share one marks stream
    for page in pdf.pages:
        trim = [float(v) for v in page.obj.get("/TrimBox", page.obj.MediaBox)]
        key = tuple(round(v, 3) for v in trim)
        if key not in streams:
            streams[key] = pdf.make_stream(b"Q\n" + marks_stream(trim, offset, length))
        media = [trim[0] - reach, trim[1] - reach, trim[2] + reach, trim[3] + reach]
        page.obj.MediaBox = pikepdf.Array([round(v, 3) for v in media])
        if "/CropBox" in page.obj:
            page.obj.CropBox = page.obj.MediaBox
        if "/BleedBox" not in page.obj:
            page.obj.BleedBox = pikepdf.Array(trim)
        # The page's own drawing is wrapped in q … Q so its graphics state cannot reach the marks.
        page.contents_add(opening, prepend=True)
        page.contents_add(streams[key], prepend=False)
