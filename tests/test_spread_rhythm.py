"""The book's rhythm (book.pages.rhythm): no spread shows the frames of an
earlier one, no layout takes more than a quarter of the pages, the quiet pages
before the openers share one frame of a size, and the manifest says which
variant each page got: what the tenth proof's designers circled (pp. 20-21 as
38-39, 8/12/48/54 and 9/27/55 alike, the quiet pages 34, 42 and 52 small at
three heights)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from test_picture_shapes import sample_at

from book.errors import Problems
from book.pages.paginate import Page, paginate
from book.pages.rhythm import SHARE, Rhythm, check_spreads, frames_of, ordinary
from book.pages.shapes import choose
from book.sources import load_book

REPO = Path(__file__).parent.parent


def spreads(pages):
    return [(left, right) for left, right in zip(pages[1::2], pages[2::2], strict=False)]


def test_no_spread_repeats_another_and_no_layout_takes_a_quarter(tmp_path, sample_photos):
    book, _ = load_book(sample_at(tmp_path, sample_photos, (240, 300)), check_files=False)
    problems = Problems()
    pages = paginate(book, problems).pages
    assert not [p for p in problems.items if p.code == "repeated-spread"], [p.message for p in problems.items]
    seen: dict[tuple, int] = {}
    for left, right in spreads(pages):
        if ordinary(left.layout) and ordinary(right.layout):
            pair = (frames_of(left.layout), frames_of(right.layout))
            assert pair not in seen, (seen.get(pair), left.number, left.layout.name, right.layout.name)
            seen[pair] = left.number
    assert len(seen) >= 8, seen  # the rule saw the book's spreads of pictures
    by_frames = Counter(frames_of(page.layout) for page in pages if ordinary(page.layout))
    assert max(by_frames.values()) <= SHARE * len(pages), by_frames.most_common(3)
    numbers = {page.number: page.layout.name for page in pages}
    assert (numbers[20], numbers[21]) != (numbers[38], numbers[39])  # the tenth proof's repeated spread


def test_quiet_pages_share_one_frame_of_a_size(tmp_path, sample_photos):
    """Every page before an opener with one picture shows it in one frame, hung
    from one top line, at least 60 % of the text block's width."""
    book, _ = load_book(sample_at(tmp_path, sample_photos, (240, 300)), check_files=False)
    pages = paginate(book).pages
    width = book.trim[0] - book.margins["inner"] - book.margins["outer"]
    quiet = [page for page in pages[:-1] if pages[page.number].layout.name.startswith("chapter-opener") and frames_of(page.layout)]
    assert len(quiet) == 5, [page.number for page in quiet]
    boxes = {tuple(round(v, 1) for v in p.box) for page in quiet for p in page.placed if p.frame.kind == "photo"}
    assert len(boxes) == 1, boxes  # all left-hand pages: one box on the page
    (x, y, w, h), = boxes
    assert w >= 0.6 * width and y == round(book.grid.top + 2 * (book.grid.row(book.trim[1]) + book.grid.row_gutter), 1), boxes


def test_a_right_hand_page_takes_a_variant_that_makes_a_new_spread():
    """Facing grid-4 after a spread of grid-4 and two-photos-3x2, a pair of 3:2 photos takes
    another variant of two-photos; with no other variant the spread repeats and a warning names both."""
    book, _ = load_book(REPO, check_files=False)
    layouts = book.layouts
    slots = {"photo-a": "p020", "caption-a": "p020", "photo-b": "p022", "caption-b": "p022"}
    rhythm = Rhythm.of(book)
    rhythm.shown = [layouts["half-title"], layouts["grid-4"], layouts["two-photos-3x2"], layouts["grid-4"]]  # page 5 faces page 4
    fresh = Rhythm.of(book)
    fresh.shown = [layouts["half-title"], layouts["full-bleed"], layouts["photo-caption"], layouts["grid-4"]]
    assert choose(book, layouts["two-photos"], slots, layouts["grid-4"], [], False, fresh, recto=True).name == "two-photos-3x2"
    again = choose(book, layouts["two-photos"], slots, layouts["grid-4"], [], False, rhythm, recto=True)
    assert again.name != "two-photos-3x2" and frames_of(again) != frames_of(layouts["two-photos-3x2"]), again.name
    pages = [Page(n, layouts[name], None) for n, name in enumerate(["half-title", "grid-4", "two-photos-3x2", "grid-4",
                                                                    "two-photos-3x2"], 1)]
    out = Problems()
    check_spreads(pages, out)
    assert [p.code for p in out.items] == ["repeated-spread"]
    assert "pages 4–5 (grid-4, two-photos-3x2)" in out.items[0].message and "pages 2–3" in out.items[0].message
    assert "layouts/layouts.yaml" in out.items[0].message


def test_a_layout_past_its_share_gives_way():
    """One more page of a frame the book already shows on a quarter of its pages counts as overused."""
    book, _ = load_book(REPO, check_files=False)
    rhythm = Rhythm(quota=2, shown=[book.layouts["photo-caption"], book.layouts["photo-led"]])
    assert rhythm.overused(book.layouts["photo-caption"]) and not rhythm.overused(book.layouts["band"])
    assert not rhythm.overused(book.layouts["full-bleed"])  # the picture is the page: not counted


def test_the_manifest_lists_each_pages_layout_and_variant(sample):
    pages = json.loads((sample / "output" / "manifest.json").read_text(encoding="utf-8"))["pages"]
    assert [entry["page"] for entry in pages] == list(range(1, len(pages) + 1))
    varied = [entry for entry in pages if entry["layout"] != entry["variant"]]
    assert varied, pages  # the sample's pages take variants
    assert {"page": 7, "chapter": "lich-su", "layout": "chapter-opener", "variant": "chapter-opener"} in pages
    assert all(entry["variant"] == "quiet" for entry in pages if entry["layout"] == "quiet"), pages
