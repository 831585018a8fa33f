"""`book review`: the multilingual review sheet, made from the build's own
stages (sources, pages, each edition's words, fonts and text setting, as a
proof sets them) and the photos' cached thumbnails, written to output/review/."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from book.caches import FONTS, THUMBS
from book.files import move_into_place, sha256_file
from book.gather import gather
from book.outputs import OUTPUTS
from book.review.draw import draw_sheet
from book.review.entries import collect_rows
from book.review.sheet import SheetSetter
from book.review.thumbs import thumbnail


@dataclass(frozen=True)
class Review:
    path: Path
    rows: int
    photos: int
    pages: int
    counts: dict[str, int]  # status -> cells with it
    written: bool  # False when the sheet's bytes did not change


def review_path(root: Path, slug: str) -> Path:
    return root / "output" / "review" / f"{slug}-review.pdf"


def make_review(root: Path) -> Review:
    prepared = gather(root, None, OUTPUTS["proof"])
    prepared.problems.stop_if_errors("found; the review sheet was not written")
    book = prepared.book
    rows = collect_rows(prepared)
    thumbs = {row.photo.id: thumbnail(row.photo.path, THUMBS.path(root)) for row in rows if row.photo}
    langs = [e.lang for e in prepared.editions]
    sheet = SheetSetter(book, rows, langs, FONTS.path(root)).set_sheet(thumbs)
    target = review_path(root, book.slug)
    target.parent.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for row in rows:
        for cell in row.cells:
            for status in cell.statuses:
                counts[status] = counts.get(status, 0) + 1
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".review-") as work:
        fresh = Path(work) / target.name
        draw_sheet(sheet, prepared.editions[0].text.info["title"], fresh)
        written = not target.is_file() or sha256_file(target) != sha256_file(fresh)
        if written:
            move_into_place(fresh, target)
    return Review(target, len(rows), len(thumbs), len(sheet.pages), counts, written)
