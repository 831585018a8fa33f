"""Pictures keep their shape: a layout's variants by photo shape, the crop
limit and its warning, and the sample's rhythm on one vertical grid, at the
sample's own trim and a landscape one."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO, paint

from book.errors import Problems
from book.images.process import crop_box
from book.pages.cover_plan import photo_frame
from book.pages.paginate import paginate
from book.pages.shapes import CROP_LIMIT, choose, crop_share, photo_shape
from book.pages.spine import plan_cover
from book.sources import load_book

TRIMS = [(240, 300), (280, 240), (210, 210)]
CHAPTER = "content/chapters/01-cang.yaml"


def sample_at(tmp_path: Path, photos: Path, trim: tuple[int, int]) -> Path:
    """The sample's sources at ``trim``, its photos linked, not copied."""
    root = tmp_path / f"sample-{trim[0]}x{trim[1]}"
    for name in ("layouts", "fonts", "translations"):
        shutil.copytree(REPO / name, root / name)
    shutil.copytree(REPO / "content", root / "content", ignore=shutil.ignore_patterns("photos"))
    (root / "content" / "photos").symlink_to(photos, target_is_directory=True)
    book_yaml = root / "content" / "book.yaml"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8").replace("trim_mm: [240, 300]", f"trim_mm: [{trim[0]}, {trim[1]}]"),
                         encoding="utf-8")
    return root


def photo_frames(pagination):
    for page in pagination.pages:
        for placed in page.placed:
            if placed.frame.kind == "photo" and placed.value:
                yield page, placed


def module_lines(book) -> list[float]:
    """The tops and bottoms of the grid's rows, in mm from the trim's top."""
    grid, height = book.grid, book.grid.row(book.trim[1])
    tops = [grid.top + i * (height + grid.row_gutter) for i in range(grid.rows)]
    return sorted(tops + [top + height for top in tops])


def edges(book, page) -> set[float]:
    """The top and bottom edges of the page's pictures that stop inside the trim."""
    found = set()
    for placed in page.placed:
        if placed.frame.kind == "photo":
            top, bottom = placed.box[1], placed.box[1] + placed.box[3]
            if top >= 0 and bottom <= book.trim[1]:
                found |= {round(top, 2), round(bottom, 2)}
    return found


@pytest.mark.parametrize("trim", TRIMS, ids=[f"{w}x{h}" for w, h in TRIMS])
def test_every_sample_photo_keeps_its_shape_and_focus(tmp_path, sample_photos, trim):
    """No frame cuts off more than 15 % of a photo's area unless its crop:
    allows it, and every photo's focus is inside what its frame shows. The
    cover's own photo (p073) is on no page: its band across the cover shows
    its focus too (a band crops far more than a page; it has no limit)."""
    book, _ = load_book(sample_at(tmp_path, sample_photos, trim), check_files=False)
    problems = Problems()
    pagination = paginate(book, problems)
    assert not [p for p in problems.items if p.code == "crop"], problems.items
    shares = {}
    for page, placed in photo_frames(pagination):
        photo = book.photos[placed.value]
        size = photo_shape(book, photo.id)
        share = crop_share(size, (placed.frame.w, placed.frame.h), placed.frame.fit)
        shares[(page.number, photo.id)] = share
        assert share <= (photo.crop if photo.crop is not None else CROP_LIMIT) + 1e-9, (page.number, page.layout.name, photo.id, share)
        focus = photo.focus or (0.5, 0.5)
        x0, y0, x1, y1 = crop_box(size, (placed.frame.w, placed.frame.h), placed.frame.fit, focus)
        assert x0 <= focus[0] * size[0] <= x1 and y0 <= focus[1] * size[1] <= y1, (photo.id, focus)
    cover = book.cover.photo
    assert cover is not None and cover.id not in {pid for _, pid in shares}
    band = photo_frame(book, plan_cover(book, len(pagination.pages), problems))
    size, focus = photo_shape(book, cover.id), cover.focus or (0.5, 0.5)
    x0, y0, x1, y1 = crop_box(size, band, "cover", focus)
    assert x0 <= focus[0] * size[0] <= x1 and y0 <= focus[1] * size[1] <= y1, (cover.id, focus)
    assert {pid for _, pid in shares} | {cover.id} == set(book.photos)  # every photo placed, and checked


def test_a_page_takes_the_variant_its_photo_fits_at_each_trim(mini):
    """A portrait photo on a photo-caption page gets the portrait variant (a
    frame of its shape); at a landscape trim, the one beside its caption."""
    paint(mini / "content" / "photos" / "p002.jpg", (1000, 1250), 2)
    book, _ = load_book(mini)
    page = paginate(book).pages[1]
    assert page.layout.name == "portrait"
    frame = page.layout.frames["photo"]
    assert crop_share((1000, 1250), (frame.w, frame.h), "cover") < 0.03
    book_yaml = mini / "content" / "book.yaml"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8").replace("trim_mm: [240, 300]", "trim_mm: [280, 240]"), encoding="utf-8")
    book, _ = load_book(mini)
    assert paginate(book).pages[1].layout.name == "portrait-side"


@pytest.mark.parametrize(("size", "variant"), [((1500, 1000), "photo-caption"), ((1000, 1250), "portrait"),
                                                ((1200, 1200), "photo-caption-square"), ((2400, 1200), "panorama")])
def test_each_shape_finds_its_frame(mini, size, variant):
    """Landscape, portrait, square and panoramic photos on the same page of a
    chapter: each takes the variant of its shape, within its crop limit (a
    landscape takes the tallest frame the limit allows: 3:2 in about 1.3:1)."""
    paint(mini / "content" / "photos" / "p002.jpg", size, 2)
    book, _ = load_book(mini)
    page = paginate(book).pages[1]
    frame = page.layout.frames["photo"]
    assert (page.layout.name, crop_share(size, (frame.w, frame.h), "cover") <= CROP_LIMIT) == (variant, True)


def test_a_photo_no_frame_keeps_takes_the_one_that_crops_it_least(mini):
    """A 16:10 camera photo on a photo-caption page: no frame of the family keeps it within
    15 %, and the newcomer's second book gave it the portrait frame (50 %) for the rhythm's
    sake. The variant that crops it least wins among those past the limit."""
    size = (2560, 1600)
    paint(mini / "content" / "photos" / "p002.jpg", size, 2)
    book, _ = load_book(mini)
    page = paginate(book).pages[1]
    family = [book.layouts[name] for name in ["photo-caption", *book.layouts["photo-caption"].variants]]
    least = min(crop_share(size, (f.frames["photo"].w, f.frames["photo"].h), "cover") for f in family)
    assert least > CROP_LIMIT  # the case: every frame past the limit
    for facing in (None, page.layout, book.layouts["photo-caption"], book.layouts["band"]):  # the rhythm's reasons to move on
        chosen = choose(book, book.layouts["photo-caption"], {"photo": "p002", "caption": "p002"}, facing=facing)
        frame = chosen.frames["photo"]
        assert crop_share(size, (frame.w, frame.h), "cover") <= least + 0.01, (facing and facing.name, chosen.name)


def test_a_heavy_crop_is_one_warning_naming_photo_page_and_remedy(mini, run):
    layouts = mini / "layouts" / "layouts.yaml"
    layouts.write_text(layouts.read_text(encoding="utf-8") + "\ntight:\n  frames:\n"
                       "    photo: {kind: photo, cols: 6, row: 1, rows: 5}\n"
                       "    caption: {kind: caption, col: 7, cols: 5, row: 1, rows: 5, style: caption}\n", encoding="utf-8")
    chapter = mini / CHAPTER
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("  - layout: photo-caption\n", "  - layout: tight\n"), encoding="utf-8")
    result = run(mini, "check")
    assert result.exit_code == 0, result
    lines = [line for line in result.stderr.splitlines() if "of its area" in line]
    assert lines == [f"warning: {CHAPTER}:12: photo p002 loses 36% of its area in frame 'photo' of layout 'tight' on page 2 "
                     "(limit 15%); give the page a layout with a variant of its shape (variants: in layouts/layouts.yaml), "
                     "or allow the crop with crop: 0.37 under photo p002"], result.stderr
    chapter.write_text(text.replace("  - layout: photo-caption\n", "  - layout: tight\n")
                       .replace('    credit: "Lê Minh"\n', '    credit: "Lê Minh"\n    crop: 0.4\n'), encoding="utf-8")
    result = run(mini, "check")
    assert result.exit_code == 0 and "of its area" not in result.stderr, result


def test_a_variant_must_take_the_same_slots(mini, run):
    layouts = mini / "layouts" / "layouts.yaml"
    text = layouts.read_text(encoding="utf-8")
    assert "  variants: [photo-led, photo-caption-side, " in text
    layouts.write_text(text.replace("  variants: [photo-led, photo-caption-side, ", "  variants: [two-photos, portriat, photo-caption-side, "),
                       encoding="utf-8")
    result = run(mini, "check")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "variants" in line]
    assert len(errors) == 2, result.stderr
    assert "photo-caption.variants: layout 'two-photos' must take the same slots (caption, photo)" in errors[0] + errors[1]
    assert "photo-caption.variants: unknown layout 'portriat'; did you mean 'portrait'?" in errors[0] + errors[1]
    assert "Traceback" not in result.stderr


def test_the_sample_changes_scale_on_one_vertical_grid(tmp_path, sample_photos):
    """At 240 x 300 mm: 64 pages; no template on more than about a quarter of
    the photo pages; no two facing pages with the same frames; no two
    chapters' bleeds meeting at the spine; every picture edge inside the trim
    on a row line, each such picture from the head line or on a foot line,
    facing pages' lowest pictures on one line; caption tops on row lines."""
    book, _ = load_book(sample_at(tmp_path, sample_photos, (240, 300)), check_files=False)
    pagination = paginate(book)
    pages = pagination.pages
    assert len(pages) == 64
    photo_pages = [page for page in pages if any(p.frame.kind == "photo" for p in page.placed)]
    uses = Counter(page.layout.name for page in photo_pages)
    assert max(uses.values()) <= 0.25 * len(photo_pages), uses
    assert {"full-bleed", "spread", "spread-pair", "band", "photo-caption", "quiet", "two-photos", "grid-4"} <= set(uses), uses
    assert not {"small-head", "small"} & set(uses), uses  # no small picture on white, the quiet pages have one frame of a size
    assert uses["photo-caption"] <= 6, uses  # the single picture on the foot line is one idea among four, not the default page
    lines = module_lines(book)
    head, foot = lines[0], lines[19]  # the top of row 1 and the bottom of row 10: every picture that does not bleed takes one,
    feet = (lines[15], lines[17], foot, lines[23])  # or the opener photo's foot (row 8), row 9's, or the foot margin (row 12)
    for page in pages:
        for placed in page.placed:
            top, bottom = placed.box[1], placed.box[1] + placed.box[3]
            if placed.frame.kind == "photo" and top >= 0 and bottom <= book.trim[1]:
                assert min(abs(top - line) for line in lines) < 0.01 and min(abs(bottom - line) for line in lines) < 0.01, page.number
                on_foot = min(abs(bottom - line) for line in feet) < 0.01
                assert abs(top - head) < 0.01 or on_foot, (page.number, placed.frame.name, round(top, 1), round(bottom, 1))
            if placed.frame.kind == "caption" and not placed.frame.panel:
                assert min(abs(top - line) for line in lines) < 0.01, (page.number, placed.frame.name)
    for left, right in zip(pages[1::2], pages[2::2], strict=False):
        if left.layout.spread:
            continue
        assert not (left.layout.frames and left.layout.frames == right.layout.frames), (left.number, left.layout.name)
        if edges(book, left) and edges(book, right):  # the lowest pictures of facing pages stand on one line
            assert max(edges(book, left)) == max(edges(book, right)), \
                (left.number, edges(book, left), right.number, edges(book, right))

        def bleeds_at_spine(page, side):
            return any(p.frame.kind == "photo" and (p.box[0] + p.box[2] >= book.trim[0] if side == "left" else p.box[0] <= 0)
                       for p in page.placed)
        if left.chapter is not right.chapter and left.chapter and right.chapter:
            assert not (bleeds_at_spine(left, "left") and bleeds_at_spine(right, "right")), (left.number, right.number)


def test_a_place_at_line_100_is_printed_as_written():
    """A message naming line 100 of a file keeps ':100:' (Rich would draw the
    emoji code :100: in its place)."""
    from book.cli.common import err, stdout_console

    for console in (err, stdout_console()):
        with console.capture() as captured:
            console.print("warning: layouts/layouts.yaml:100: full-bleed.frames.photo.bleed: 'left' is not an edge")
        assert "layouts/layouts.yaml:100: full-bleed" in captured.get()


def test_a_spread_photo_whose_focus_is_on_the_fold_is_a_warning(tmp_path, sample_photos):
    """The sample's spreads keep their subjects 20 mm off the fold (10-11: the
    picture runs across the fold off its centre); a spread photo whose focus
    falls on the fold is one warning naming the photo and the pages."""
    from dataclasses import replace

    from book.pages.shapes import FOLD_CLEARANCE, check_fold, fold_distance

    book, _ = load_book(sample_at(tmp_path, sample_photos, (240, 300)))
    pagination = paginate(book)
    out = Problems()
    check_fold(book, pagination.pages, out)
    assert [p for p in out.items if p.code == "fold"] == []
    p10 = next(page for page in pagination.pages if page.number == 10)
    placed = next(p for p in p10.placed if p.frame.kind == "photo")
    assert placed.value == "p006" and fold_distance(book, placed, p10.recto) >= FOLD_CLEARANCE
    spread = next(page for page in pagination.pages if page.layout.name == "spread" and not page.recto)
    pid = next(p.value for p in spread.placed if p.frame.kind == "photo")
    book.photos[pid] = replace(book.photos[pid], focus=(0.5, 0.5))
    out = Problems()
    check_fold(book, pagination.pages, out)
    said = [p.message for p in out.items if p.code == "fold"]
    assert len(said) == 1, said
    assert f"photo {pid} on pages {spread.number}–{spread.number + 1}" in said[0] and "20 mm" in said[0], said


def test_the_quiet_pages_before_the_openers_are_one_system(tmp_path, sample_photos):
    """The page before each opener (and before the credits) stays quiet, a
    picture on white, and they read as a system: one frame on all of them (the
    tenth proof's five ideas at five heights read as unfinished), every photo
    within its crop limit."""
    book, _ = load_book(sample_at(tmp_path, sample_photos, (240, 300)))
    pages = paginate(book).pages
    quiet = [pages[k - 1] for k, page in enumerate(pages) if k and page.layout.name.startswith(("chapter-opener", "credits"))
             and not pages[k - 1].layout.name.startswith(("chapter-opener", "half-title", "toc", "text"))]
    assert len(quiet) >= 5, [page.number for page in quiet]
    shapes = [tuple(sorted((round(p.box[2]), round(p.box[3])) for p in page.placed if p.frame.kind == "photo")) for page in quiet]
    assert len(set(shapes)) == 1, shapes
    assert len({tuple(round(p.box[1]) for p in page.placed if p.frame.kind == "photo") for page in quiet}) == 1  # one top line
    for page in quiet:
        photos = [p for p in page.placed if p.frame.kind == "photo"]
        assert 1 <= len(photos) <= 2 and all(p.box[2] < book.trim[0] for p in photos), page.number  # on white, not bled
        for placed in photos:
            share = crop_share(photo_shape(book, placed.value), (placed.box[2], placed.box[3]), placed.frame.fit)
            assert share <= CROP_LIMIT + 1e-9, (page.number, placed.value, share)
