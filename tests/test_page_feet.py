"""Where a page's white falls, measured in the built print PDFs: a small
picture on white only on the quiet page before an opener, single pictures
that vary within a chapter, no
page leaves an empty foot under its lowest picture or caption, the openers'
label, title and intro sit down on the page, and the quiet pages before the
openers are one picture each, each a different idea."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from test_picture_pages import pictures, quiet_pages, text_feet

from book.pages.paginate import paginate
from book.sources import load_book

REPO = Path(__file__).parent.parent


def pitch(book) -> float:
    """One grid row and its gutter, mm (21.9 at 240 x 300 mm); two make the six-line module."""
    return book.grid.row(book.trim[1]) + book.grid.row_gutter


def text_block(book) -> tuple[float, float]:
    return (book.trim[0] - book.margins["inner"] - book.margins["outer"], book.trim[1] - book.margins["top"] - book.margins["bottom"])


def small(book, box) -> bool:
    """A picture small on white: less than a fifth of the text block's area."""
    width, height = text_block(book)
    return (box[2] - box[0]) * (box[3] - box[1]) < 0.2 * width * height


@pytest.mark.parametrize("lang", ["vi", "ja"])
def test_a_small_picture_on_white_is_only_the_quiet_page_before_an_opener(sample, lang):
    """A page with one small picture on white (a fifth of the text block or
    less) is the quiet page before an opener or the credits, nowhere else: the
    seventh proof's pp. 15, 45 and 56 (118 x 83 mm over 160 mm of white) read
    as unfinished. Measured in the print PDF, every page with one picture."""
    book, _ = load_book(sample, check_files=False)
    pages, trim_w, _ = pictures(next((sample / "output" / "print" / lang).glob("*-interior.pdf")))
    quiet = quiet_pages(sample)
    singles = 0
    for number, boxes in enumerate(pages, start=1):
        on_page = [b for b in boxes if b[2] > 0.5 and b[0] < trim_w - 0.5]
        if len(on_page) != 1:
            continue
        singles += 1
        assert not small(book, on_page[0]) or number in quiet, (lang, number, [round(v, 1) for v in on_page[0]])
    assert singles >= 15, singles


def test_the_pagination_gives_a_small_picture_a_real_frame_even_before_an_opener():
    """Asked for a small picture on white (small-head) away from an opener, the
    pagination gives the page a real frame of its family, on the facing page's
    foot line; as a chapter's last page too (the tenth proof's quiet pages 34,
    42 and 52, small on white, read as unfinished), and asked for a quiet page
    it gives the quiet frame, at least 60 % of the text block's width."""
    from book.pages.shapes import choose, head_and_foot, small_on_white

    book, _ = load_book(REPO, check_files=False)
    layouts = book.layouts
    slots = {"photo": "p012", "caption": "p012"}
    inside = choose(book, layouts["small-head"], slots, layouts["two-photos"], [], last=False)
    assert not small_on_white(book, inside) and head_and_foot(book, inside)[1] == head_and_foot(book, layouts["two-photos"])[1], inside.name
    assert not small_on_white(book, choose(book, layouts["small-head"], slots, None, [], last=True))
    quiet = choose(book, layouts["small"], slots, None, [], last=True)
    width = book.trim[0] - book.margins["inner"] - book.margins["outer"]
    assert quiet.name == "quiet" and quiet.frames["photo"].w >= 0.6 * width, (quiet.name, quiet.frames["photo"].w)


def test_single_pictures_vary_within_a_chapter():
    """No chapter shows one picture in one frame (a size in one place, its
    caption in one place) on more than two of its pages: the seventh proof had three floating one module down
    in a chapter; the third takes the other hang line (band from the head line)."""
    from book.pages.shapes import single_frame

    book, _ = load_book(REPO, check_files=False)
    by_chapter: dict[str, Counter] = {}
    for page in paginate(book).pages:
        frame = single_frame(page.layout) if page.chapter else None
        if frame:  # with its caption's place: photo-led's caption over the picture is another page to the eye
            captions = tuple(sorted((f.x, f.y) for f in page.layout.frames.values() if f.kind == "caption"))
            by_chapter.setdefault(page.chapter.id, Counter())[frame, captions] += 1
    assert by_chapter and all(max(c.values()) <= 2 for c in by_chapter.values()), by_chapter
    names = [page.layout.name for page in paginate(book).pages]
    assert names.count("band") >= 2 and names.count("photo-caption") >= 4, names


@pytest.mark.parametrize("lang", ["vi", "zh"])
def test_no_empty_foot_under_the_lowest_picture_or_caption(sample, lang):
    """On every page with pictures that stop above the foot (the small
    pictures on white, the quiet pages before an opener and the openers
    aside), the white between the lowest picture or caption line and the foot
    line is at most two grid rows (one module, 43.8 mm); at most four pages in
    the book, each hung from the head line to the opener photo's foot (a band,
    the pair of pp. 28-29), leave more: white at the foot, where the page ends,
    not over the picture (the eighth proof's 88 mm over pp. 28-29)."""
    book, _ = load_book(sample, check_files=False)
    foot = book.trim[1] - book.margins["bottom"]
    pdf_path = next((sample / "output" / "print" / lang).glob("*-interior.pdf"))
    pages, trim_w, trim_h = pictures(pdf_path)
    layouts = {page.number: page.layout.name for page in paginate(book).pages}
    quiet = quiet_pages(sample)
    over, checked = [], 0
    for number, boxes in enumerate(pages, start=1):
        on_page = [b for b in boxes if b[2] > 0.5 and b[0] < trim_w - 0.5]
        if not on_page or number in quiet or layouts[number].startswith("chapter-opener") or any(b[3] > trim_h for b in on_page):
            continue
        if len(on_page) == 1 and small(book, on_page[0]):
            continue
        checked += 1
        lowest = max([b[3] for b in on_page] + text_feet(pdf_path, number, book.margins["top"], foot))
        if foot - lowest > 2 * pitch(book) + 0.1:
            over.append((number, layouts[number], round(foot - lowest, 1)))
    assert len(over) <= 4 and all(name in ("band", "spread-pair") for _, name, _ in over), over
    assert checked >= 20, checked


@pytest.mark.parametrize("lang", ["vi", "en", "zh", "ko", "ja"])
def test_the_openers_text_sits_down_on_the_page(sample, lang):
    """The label, title and intro of an opener stand on one height on every
    opener of an edition, as low as the edition's longest stack allows: the
    lowest opener text ends within one grid row of the foot line, and none
    past it (the zh stacks drop a row; the vi intros of five lines already
    reach the foot)."""
    book, _ = load_book(sample, check_files=False)
    foot = book.trim[1] - book.margins["bottom"]
    pdf_path = next((sample / "output" / "print" / lang).glob("*-interior.pdf"))
    openers = [page.number for page in paginate(book).pages if page.layout.name.startswith("chapter-opener")]
    assert len(openers) >= 6, openers
    whites = []
    for number in openers:
        feet = text_feet(pdf_path, number, book.margins["top"], foot)
        assert feet, number
        whites.append(foot - max(feet))
    assert min(whites) < pitch(book), (lang, [round(w, 1) for w in whites])
    assert min(whites) > -1.0, (lang, [round(w, 1) for w in whites])


def test_the_quiet_pages_before_the_openers_are_one_system():
    """Each page before an opener holds one picture, all in one layout (the tenth proof: five
    ideas at five heights read as unfinished; one frame reads as the book's chapter ending)."""
    book, _ = load_book(REPO, check_files=False)
    pages = paginate(book).pages
    before = [pages[page.number - 2] for page in pages if page.layout.name.startswith("chapter-opener") and page.number > 7]
    assert len(before) >= 5, [p.number for p in before]
    for page in before:
        assert sum(1 for p in page.placed if p.frame.kind == "photo") == 1, (page.number, page.layout.name)
    names = [page.layout.name for page in before]
    assert set(names) == {"quiet"}, names


def test_no_single_picture_frame_dominates():
    """No frame of the pages with one picture (a size and a place: its width,
    height and top line) is used on more than a ninth of the book's pages (the
    fore-edge bleed was on ten of 64)."""
    book, _ = load_book(REPO, check_files=False)
    pages = paginate(book).pages
    frames = Counter()
    for page in pages:
        photos = [p for p in page.placed if p.frame.kind == "photo" and p.value]
        if len(photos) == 1 and not page.layout.spread and not page.layout.name.startswith(("chapter-opener", "full-bleed", "frontispiece")):
            frames[(round(photos[0].frame.w), round(photos[0].frame.h), round(photos[0].frame.y))] += 1
    assert frames and max(frames.values()) <= len(pages) // 9, frames
