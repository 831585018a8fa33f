"""The page rules a designer checks on the spreads, measured in the built
print PDFs: the gutter (only a true spread, a full-page bleed or a picture
bled off the head runs into the fold; two single pictures facing across it
treat it alike), the six-line vertical module every picture edge and caption
top sits on, captions that hang from something, and folios that read on the
picture under them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from test_picture_pages import pictures

from book.model import MM
from book.pages.folios import WHITE_MARGIN, black_ink, card_frame, contrasts, covering, folio_top, ground, mark_box, pictures_only, press_of
from book.pages.paginate import paginate
from book.sources import load_book
from book.text.setting import over_its_picture


def module(book) -> tuple[list[float], list[float]]:
    """The six-line module (mm from the trim's top): the tops of the odd rows, the feet of the even rows."""
    grid, row = book.grid, book.grid.row(book.trim[1])
    tops = [grid.top + i * (row + grid.row_gutter) for i in range(0, grid.rows, 2)]
    return tops, [top + 2 * row + grid.row_gutter for top in tops]


def words(pdf: Path, number: int) -> list[tuple[float, float, float, float, str]]:
    """Every word on page ``number`` as (x0, y0, x1, y1, text), in pt from the media box's top-left."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(number), "-l", str(number), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    found = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', out)
    return [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in found]


def interior(sample: Path, lang: str) -> Path:
    return next((sample / "output" / "print" / lang).glob("*-interior.pdf"))


@pytest.mark.parametrize("lang", ["vi", "zh"])
def test_only_spreads_and_full_bleeds_run_into_the_fold(sample, lang):
    """A picture that stops inside the trim at the head and the foot stops at
    the inner margin, unless it runs on across the fold (a true spread); and
    on a spread whose two pages each hold such single pictures, both stop at
    the same distance from the fold."""
    pages, trim_w, trim_h = pictures(interior(sample, lang))
    book, _ = load_book(sample, check_files=False)
    for number, boxes in enumerate(pages, start=1):
        recto = number % 2 == 1
        for x0, top, x1, bottom in boxes:
            if x1 <= 0.5 or x0 >= trim_w - 0.5:
                continue  # the other half of a spread
            at_fold = x0 < 0.5 if recto else x1 > trim_w - 0.5
            across = x0 < -3.5 if recto else x1 > trim_w + 3.5
            if at_fold and not across:
                assert top < 0, (lang, number, round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1))
    for left in range(2, len(pages), 2):
        gaps = []
        for number, recto in ((left, False), (left + 1, True)):
            inside = [b for b in pages[number - 1] if b[1] >= 0 and b[3] <= trim_h and -3.5 <= b[0] and b[2] <= trim_w + 3.5]
            if len(inside) == 1 and (inside[0][2] > trim_w if recto else inside[0][0] < 0):  # one picture, bled off the outer edge
                gaps.append(inside[0][0] if recto else trim_w - inside[0][2])
        if len(gaps) == 2:
            assert abs(gaps[0] - gaps[1]) < 0.1 and abs(gaps[0] - book.margins["inner"]) < 0.1, (lang, left, gaps)


def test_every_picture_edge_and_caption_top_is_on_the_module(sample):
    """In the print PDF every picture edge inside the trim is on the six-line
    module (a top on an odd row's top, a foot on an even row's foot), every
    caption's first line hangs from an odd row's top (its top within a line of
    it), and facing pages' lowest pictures stand on one line."""
    pdf = interior(sample, "en")
    pages, trim_w, trim_h = pictures(pdf)
    book, _ = load_book(sample, check_files=False)
    tops, feet = module(book)
    for number, boxes in enumerate(pages, start=1):
        for _, top, _, bottom in boxes:
            if top > 0:
                assert min(abs(top - t) for t in tops) < 0.1, (number, round(top, 1))
            if bottom < trim_h:
                assert min(abs(bottom - f) for f in feet) < 0.1, (number, round(bottom, 1))
    bleed = book.bleed * MM
    for page in paginate(book).pages:
        for placed in page.placed:
            if placed.frame.kind != "caption" or placed.frame.panel or not placed.value:
                continue
            x, y, w, h = (v * MM for v in placed.box)
            inside = [wd for wd in words(pdf, page.number) if x - 1 <= wd[0] - bleed <= x + w and y - 1 <= wd[1] - bleed <= y + h]
            assert inside, (page.number, placed.frame.name)
            first = min(wd[1] for wd in inside) - bleed
            assert min(abs(y - t * MM) for t in tops) < 0.1, (page.number, placed.frame.name, round(y, 1))
            if over_its_picture(book, page, placed):  # it stands on its picture: its foot on the module (test_caption_top)
                last = max(wd[3] for wd in inside) - bleed
                assert min(abs(y + h - f * MM) for f in feet) < 0.1 and y + h - last < 6, (page.number, round(last, 1), round(y + h, 1))
                continue
            assert first - y < 12, (page.number, placed.frame.name, round(first, 1), round(y, 1))
    for left in range(2, len(pages), 2):
        a = [b for b in pages[left - 1] if b[1] > 0 and b[3] < trim_h]
        b = [c for c in pages[left] if c[1] > 0 and c[3] < trim_h]
        if a and b:
            assert abs(max(v[3] for v in a) - max(v[3] for v in b)) < 0.1, left


def test_a_caption_hangs_from_its_picture_or_the_caption_line(sample):
    """A caption's first line starts where something on the page starts: the
    picture's edge it stands under or beside (a gutter off it), the text block's
    edge, or the column line that captions under pictures take on every recto
    (six columns in from the outer margin) - never somewhere inside a picture
    on no line (the old p. 49, 99 pt in)."""
    pdf = interior(sample, "vi")
    book, _ = load_book(sample, check_files=False)
    grid, trim_w = book.grid, book.trim[0]
    pitch = grid.column(trim_w) + grid.gutter
    bleed = book.bleed * MM
    checked = 0
    for page in paginate(book).pages:
        if page.layout.name.startswith("chapter-opener"):
            continue  # an opener's caption hangs from its column beside the chapter's texts
        recto = page.number % 2 == 1
        block = (grid.inner, trim_w - grid.outer) if recto else (grid.outer, trim_w - grid.inner)
        lines = {block[0], block[0] + 6 * pitch} if recto else {block[0]}
        photos = [p for p in page.placed if p.frame.kind == "photo" and p.value]
        for p in photos:
            lines |= {max(p.box[0], block[0]), p.box[0] + p.box[2] + grid.gutter}
        for placed in page.placed:
            if placed.frame.kind != "caption" or placed.frame.panel or not placed.value:
                continue
            x, y, w, h = placed.box
            inside = [wd for wd in words(pdf, page.number)
                      if (x - 1) * MM <= wd[0] - bleed <= (x + w) * MM and (y - 1) * MM <= wd[1] - bleed <= (y + h) * MM]
            start = min(wd[0] for wd in inside) - bleed
            checked += 1
            assert min(abs(start - line * MM) for line in lines) < 1.0, (page.number, placed.frame.name, round(start, 1),
                                                                         sorted(round(v * MM, 1) for v in lines))
    assert checked >= 40, checked


def ink_of(image: Image.Image, box: tuple[int, int, int, int]) -> float:
    """The luminance (0-1) of the pixel in ``box`` farthest from the median round it: the folio's ink."""
    x0, y0, x1, y1 = box
    pad = 6
    outer = image.crop((x0 - pad, y0 - pad, x1 + pad, y1 + pad))
    ring = [v for i, v in enumerate(outer.tobytes()) if not (pad <= i % outer.width < outer.width - pad
                                                                and pad <= i // outer.width < outer.height - pad)]
    ground = sorted(ring)[len(ring) // 2] / 255
    return max(image.crop(box).tobytes(), key=lambda v: abs(v / 255 - ground)) / 255


def ratio(a: float, b: float) -> float:
    """The WCAG contrast ratio of two relative luminances."""
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


@pytest.mark.parametrize("lang", ["vi", "zh"])
def test_no_folio_is_knocked_out_of_a_picture(sample, lang, tmp_path):
    """A folio over a picture is never white: a page of pictures alone has
    none (vi 18, 30, 40, 46, 58: the left halves of spreads), a bleed page
    with text but no card keeps one only where 100 % K reads on the picture (3:1 or more
    against the ground's darkest tenth, vi 31 on sand) and prints it black;
    the same pages in every edition."""
    pdf = interior(sample, lang)
    book, _ = load_book(sample, check_files=False)
    by_number = {page.number: page for page in paginate(book).pages}
    dpi, bleed_pages, kept = 100, [], []
    ink = black_ink(press_of(book))
    for number, page in by_number.items():
        box = mark_box(book, page, folio_top(book))
        if covering(page, box) is None or not page.layout.folio or not page.placed:
            continue
        bleed_pages.append(number)
        folio = [wd for wd in words(pdf, number) if wd[4] == str(number) and wd[1] > (book.trim[1] - book.margins["bottom"] + 2) * MM]
        if pictures_only(page) or card_frame(page) is not None:  # a card page has no folio (test_cards_credits)
            assert not folio, (lang, number)
            continue
        on_white, on_black = contrasts(ground(book, page, box), ink)
        assert bool(folio) == (on_black >= 3.0 and on_black > WHITE_MARGIN * on_white), (lang, number, on_white, on_black)
        if not folio:
            continue
        kept.append(number)
        x0, y0, x1, y1, _ = folio[0]
        k, pad = dpi / 72, 20
        left, top = max(0, round(x0 * k) - pad), max(0, round(y0 * k) - pad)
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(number), "-l", str(number), "-singlefile",
                        "-x", str(left), "-y", str(top), "-W", str(round((x1 - x0) * k) + 2 * pad), "-H", str(round((y1 - y0) * k) + 2 * pad),
                        str(pdf), str(tmp_path / "p")], check=True)
        image = Image.open(tmp_path / "p.png").convert("L")
        assert ink_of(image, (round(x0 * k) - left, round(y0 * k) - top, round(x1 * k) - left, round(y1 * k) - top)) < 0.5, (lang, number)
    assert len(bleed_pages) >= 10, (lang, bleed_pages)
    assert {18, 30, 40, 46, 58} <= set(bleed_pages) and not {18, 30, 40, 46, 58} & set(kept), kept
