"""How much detail each part of a photo holds: where a caption card covers no
subject (`book.text.places`). The map is the photo's edges (Pillow's
FIND_EDGES on a small greyscale copy), averaged over a square grid of cells
that divide the photo's width and height alike, so a cell is a fraction of
the photo whatever its proportions, plus how far each part's tone stands out
from its blurred surroundings: a figure in flat tones against a soft
background has few edges inside it, but stands out. It is read once per photo and kept in
``.cache/images/detail.json`` by the photo's path and signature, like the
photo sizes (`book.images.placed`)."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter, ImageOps

from book.caches import DETAIL
from book.files import DiskFull, observe, seen, write_atomic

CELLS = 24  # the map's cells across and down
SAMPLE = 8  # pixels of the greyscale copy per cell and side
SURROUND = 8  # the blur that stands for a cell's surroundings: this fraction of the photo's side
DETAIL_VERSION = 1  # a new way of measuring makes the kept maps stale

DetailMap = list[list[int]]  # rows of CELLS values, 0 (flat) to 255 (busy), top row first

KNOWN_DETAIL: dict[Path, dict[str, list]] = {}  # detail.json of each project, as read and added to


def measure_detail(path: Path) -> DetailMap:
    """The photo's detail map, upright as it prints (its EXIF orientation applied)."""
    with Image.open(path) as image:
        side = CELLS * SAMPLE
        image.draft("L", (side, side))
        grey = ImageOps.exif_transpose(image).convert("L").resize((side, side), Image.Resampling.BOX)
    edges = grey.filter(ImageFilter.FIND_EDGES).crop((1, 1, side - 1, side - 1)).resize((CELLS, CELLS), Image.Resampling.BOX)
    surround = grey.filter(ImageFilter.GaussianBlur(side // SURROUND))
    standing = ImageChops.difference(grey, surround).resize((CELLS, CELLS), Image.Resampling.BOX)
    values = [min(255, a + b) for a, b in zip(edges.tobytes(), standing.tobytes(), strict=True)]
    return [values[row * CELLS:(row + 1) * CELLS] for row in range(CELLS)]


def known_detail(root: Path) -> dict[str, list]:
    if root not in KNOWN_DETAIL:
        try:
            data = json.loads(DETAIL.path(root).read_text(encoding="utf-8"))
            valid = isinstance(data, dict) and data.get("version") == DETAIL_VERSION and isinstance(data.get("photos"), dict)
            KNOWN_DETAIL[root] = data["photos"] if valid else {}
        except (OSError, ValueError):
            KNOWN_DETAIL[root] = {}
    return KNOWN_DETAIL[root]


def photo_detail(root: Path, path: Path) -> DetailMap:
    """``path``'s detail map, from the project's cache while the photo is the
    file it was measured from (`book.files.seen`), else measured and kept."""
    known = known_detail(root)
    name = str(path.resolve())
    entry = known.get(name)
    if entry is not None and seen(path, entry[0]):
        return entry[1]
    detail, sig = observe(path, measure_detail)
    if sig is not None:
        known[name] = [sig, detail]
        try:
            write_atomic(DETAIL.path(root), json.dumps({"version": DETAIL_VERSION, "photos": known}, sort_keys=True), durable=False)
        except (OSError, DiskFull):  # a cache that cannot be written costs time, never the build
            pass
    return detail


def region_detail(detail: DetailMap, u0: float, v0: float, u1: float, v1: float) -> float:
    """The detail of the part of the photo from (``u0``, ``v0``) to (``u1``,
    ``v1``), fractions of its width and height: the root mean square of its
    cells, each weighted by how much of it the part covers, so that a subject
    in a corner of a part weighs more than its flat rest makes up for.

    >>> flat = [[0] * CELLS for _ in range(CELLS)]
    >>> flat[0][0] = 240
    >>> region_detail(flat, 0, 0, 1 / CELLS, 1 / CELLS), region_detail(flat, 0.5, 0.5, 1, 1)
    (240.0, 0.0)
    """
    total = weight = 0.0
    for row in range(max(0, int(v0 * CELLS)), min(CELLS, int(v1 * CELLS) + 1)):
        over_v = min(v1, (row + 1) / CELLS) - max(v0, row / CELLS)
        if over_v <= 0:
            continue
        for col in range(max(0, int(u0 * CELLS)), min(CELLS, int(u1 * CELLS) + 1)):
            over = over_v * (min(u1, (col + 1) / CELLS) - max(u0, col / CELLS))
            if over > 0:
                total += over * detail[row][col] ** 2
                weight += over
    return (total / weight) ** 0.5 if weight else 0.0


def busiest_cell(detail: DetailMap, u0: float, v0: float, u1: float, v1: float) -> tuple[float, float, float, float]:
    """The cell of most detail wholly inside the shown part (u0, v0)-(u1, v1) of
    the photo, as fractions (u0, v0, u1, v1); the first such cell on a tie."""
    best, found = -1, (u0, v0, u1, v1)
    for row in range(CELLS):
        for col in range(CELLS):
            cell = (col / CELLS, row / CELLS, (col + 1) / CELLS, (row + 1) / CELLS)
            inside = cell[0] >= u0 - 1e-9 and cell[1] >= v0 - 1e-9 and cell[2] <= u1 + 1e-9 and cell[3] <= v1 + 1e-9
            if inside and detail[row][col] > best:
                best, found = detail[row][col], cell
    return found


SUBJECT_SHARE = 0.75  # a cell holding this share of the busiest cell's detail is part of the subject


def subject_cells(detail: DetailMap, u0: float, v0: float, u1: float, v1: float,
                  share: float = SUBJECT_SHARE) -> list[tuple[float, float, float, float]]:
    """The cells wholly inside the shown part (u0, v0)-(u1, v1) whose detail is
    at least ``share`` of the busiest such cell's, as fractions (u0, v0, u1,
    v1): the subject's whole extent, not just its busiest point (a card
    clear of a pillar's busiest cell may still sit on its top).

    >>> flat = [[0] * CELLS for _ in range(CELLS)]
    >>> flat[3][4], flat[4][4], flat[10][10] = 200, 180, 100
    >>> [tuple(round(f * CELLS) for f in cell) for cell in subject_cells(flat, 0, 0, 1, 1)]
    [(4, 3, 5, 4), (4, 4, 5, 5)]
    """
    inside = []
    for row in range(CELLS):
        for col in range(CELLS):
            cell = (col / CELLS, row / CELLS, (col + 1) / CELLS, (row + 1) / CELLS)
            if cell[0] >= u0 - 1e-9 and cell[1] >= v0 - 1e-9 and cell[2] <= u1 + 1e-9 and cell[3] <= v1 + 1e-9:
                inside.append((detail[row][col], cell))
    peak = max((value for value, _ in inside), default=0)
    return [cell for value, cell in inside if peak and value >= share * peak]
