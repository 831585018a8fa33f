"""Single pictures fill their page, facing pages differ, a layout does not
come back within a few pages, and the marks at the head keep clear of the
trim: what the eighth proof's reviewers circled on pp. 9, 28-29 and 48."""

from __future__ import annotations

from conftest import LANGS
from test_picture_shapes import sample_at

from book.gather import gather
from book.outputs import OUTPUTS
from book.pages.folios import RUNNING_HEAD_TOP_MM
from book.pages.paginate import paginate
from book.pages.shapes import LOW_MODULES, RHYTHM_PAGES, module
from book.sources import load_book
from book.text.stack import first_baseline


def sample_pages(tmp_path, sample_photos):
    book, _ = load_book(sample_at(tmp_path, sample_photos, (240, 300)), check_files=False)
    return book, paginate(book).pages


def quiet(pages, page) -> bool:
    """The page before an opener or the credits: its white is planned."""
    after = pages[page.number] if page.number < len(pages) else None
    return after is not None and after.layout.name.startswith(("chapter-opener", "credits"))


def photos(page):
    return [p for p in page.placed if p.frame.kind == "photo" and p.value]


def test_no_ordinary_page_hangs_its_picture_under_a_white_head(tmp_path, sample_photos):
    """Between the head margin and the top picture of an ordinary page lies at most
    `LOW_MODULES` modules of white (the eighth proof had 88 mm, two modules, over
    the pictures of pp. 28, 29 and 48); a caption set above the picture is no white."""
    book, pages = sample_pages(tmp_path, sample_photos)
    step = module(book)
    assert abs(step - 43.8) < 0.1  # two 16.9 mm rows and their 5 mm gutters at 240 x 300
    checked = 0
    for page in pages:
        shown = photos(page)
        if not shown or quiet(pages, page) or page.layout.name.startswith("chapter-opener"):
            continue
        if any(p.box[1] < 0 or p.box[1] + p.box[3] > book.trim[1] for p in shown):
            continue  # a bleed off the head or the foot: no white over it
        top = min(p.box[1] for p in shown)
        above = [p for p in page.placed if p.frame.kind != "photo" and p.box[1] + p.box[3] <= top + 0.01]
        white = top - book.grid.top
        checked += 1
        assert above or white <= LOW_MODULES * step + 0.01, (page.number, page.layout.name, round(white, 1))
    assert checked >= 25, checked
    by_number = {page.number: page for page in pages}
    assert by_number[28].layout.name == by_number[29].layout.name == "spread-pair"
    assert min(p.box[1] for p in photos(by_number[28])) == book.grid.top  # the left one from the head line
    assert by_number[48].layout.name == "photo-led"  # its caption over it, the picture on the foot line the portrait ends on


def test_facing_pages_differ_and_a_layout_waits_its_turn(tmp_path, sample_photos):
    """No two facing pages show pictures of the same sizes at the same heights (the
    eighth proof's pp. 28-29 were one frame mirrored), yet their lowest pictures share a
    line; a page of one framed picture (not a full bleed) takes another layout than any of
    the `RHYTHM_PAGES` before it."""
    book, pages = sample_pages(tmp_path, sample_photos)
    for left, right in zip(pages[1::2], pages[2::2], strict=False):
        a, b = photos(left), photos(right)
        if not a or not b or any(p.box[0] + p.box[2] > book.trim[0] for p in a):
            continue  # one picture across the fold
        sizes = [sorted((round(p.box[1], 1), round(p.box[2], 1), round(p.box[3], 1)) for p in side) for side in (a, b)]
        assert sizes[0] != sizes[1], (left.number, left.layout.name, right.layout.name)
        feet = [max(p.box[1] + p.box[3] for p in side if 0 <= p.box[1] and p.box[1] + p.box[3] <= book.trim[1]) for side in (a, b)
                if any(0 <= p.box[1] and p.box[1] + p.box[3] <= book.trim[1] for p in side)]
        assert len(feet) < 2 or abs(feet[0] - feet[1]) < 0.01, (left.number, feet)
    last: dict[str, int] = {}
    for page in pages:
        framed = [p for p in photos(page) if p.box[1] >= 0 and p.box[1] + p.box[3] <= book.trim[1]]  # not a full bleed
        if len(framed) == len(photos(page)) == 1 and not page.layout.spread and not quiet(pages, page):
            name = page.layout.name
            assert page.number - last.get(name, -99) >= RHYTHM_PAGES, (name, last.get(name), page.number)
            last[name] = page.number


def test_the_staggered_pair_hangs_both_captions_from_one_axis(tmp_path, sample_photos):
    """The two-photos page (the eighth proof's pp. 9, 27, 55: four left edges) sets its
    lower caption on the upper caption's column line, on either page side; so does the
    turned pair the pagination takes where two-photos would repeat (the tenth proof)."""
    _, pages = sample_pages(tmp_path, sample_photos)
    pairs = [page for page in pages if page.layout.name in ("two-photos", "two-photos-turned")]
    assert len(pairs) >= 4 and {page.recto for page in pairs} == {True, False}
    assert {page.layout.name for page in pairs} == {"two-photos", "two-photos-turned"}
    for page in pairs:
        boxes = {p.frame.name: p.box for p in page.placed}
        assert abs(boxes["caption-a"][0] - boxes["caption-b"][0]) < 0.01, page.number
        assert abs(boxes["caption-a"][2] - boxes["caption-b"][2]) < 0.01, page.number


def test_the_running_head_keeps_twelve_mm_from_the_trim(mini):
    """The running head's baseline stands at least 12 mm below the head trim in every
    edition (the eighth proof's ja measured 10.6 mm, against the folio's 14.3 mm),
    and its type stays above the pictures' head line."""
    built = gather(mini, ["vi", "en", "ja"], OUTPUTS["proof"])
    assert set(LANGS) >= {edition.lang for edition in built.editions}
    for edition in built.editions:
        heads = [p for placements in edition.text.running.values() for p in placements if abs(p.top - RUNNING_HEAD_TOP_MM) < 0.01]
        assert heads, edition.lang
        for placement in heads:
            baseline = first_baseline(placement)
            assert 12.0 <= baseline < built.book.grid.top - 3.0, (edition.lang, round(baseline, 2))
