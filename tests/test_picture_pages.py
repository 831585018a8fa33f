"""Photographs first, measured in the built book: where each page's pictures
are placed in the print PDF (the image placements of its content stream),
not where the templates say they are. A single picture is never centred in
white, and the pictures of facing pages stand on one foot line."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import LANGS

from book.model import MM
from book.pages.paginate import paginate
from book.sources import load_book


def placements(page: pikepdf.Page) -> list[tuple[float, float, float, float]]:
    """Each image drawn on ``page`` as (left, top, right, bottom) in pt from
    the media box's top-left corner, following the graphics state's ``cm``."""
    height = float(page.mediabox[3])
    found, stack, ctm = [], [], [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "q":
            stack.append(ctm[:])
        elif op == "Q":
            ctm = stack.pop()
        elif op == "cm":
            a, b, c, d, e, f = map(float, operands)
            A, B, C, D, E, F = ctm
            ctm = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]
        elif op == "Do" and page.Resources.XObject[operands[0]].Subtype == "/Image":
            x, y, w, h = ctm[4], ctm[5], ctm[0], ctm[3]
            found.append((x, height - y - h, x + w, height - y))
    return found


def pictures(pdf_path: Path) -> tuple[list[list[tuple[float, float, float, float]]], float, float]:
    """Every page's images in mm from its trim's top-left, and the trim's size in mm."""
    with pikepdf.open(pdf_path) as pdf:
        trim = [float(v) for v in pdf.pages[0].trimbox]
        bleed = trim[0]
        pages = [[tuple((v - bleed) / MM for v in box) for box in placements(page)] for page in pdf.pages]
        return pages, (trim[2] - trim[0]) / MM, (trim[3] - trim[1]) / MM


def quiet_pages(root: Path) -> set[int]:
    """The pages before an opener or the credits: quiet by design, a picture small on white."""
    book, _ = load_book(root, check_files=False)
    pages = paginate(book).pages
    return {page.number - 1 for page in pages if page.layout.name.startswith(("chapter-opener", "credits"))}


def text_feet(pdf_path: Path, number: int, top: float, foot: float) -> list[float]:
    """The foot (mm from the trim's top) of every text line on page ``number``
    inside the text block (between ``top`` and ``foot``, so not the running
    head nor the folio)."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(number), "-l", str(number), str(pdf_path), "-"],
                         capture_output=True, text=True, check=True).stdout
    with pikepdf.open(pdf_path) as pdf:
        bleed = float(pdf.pages[0].trimbox[0])
    boxes = [(float(y0), float(y1)) for y0, y1 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', out)]
    return [(y1 - bleed) / MM for y0, y1 in boxes if top - 1 <= (y0 - bleed) / MM and (y1 - bleed) / MM <= foot + 1]


def single_pictures(sample: Path, lang: str):
    """(page number, picture box in mm, the foot of its lowest text line or None) of every page outside the
    quiet pages before an opener with one picture on it that stops inside the trim at the foot."""
    book, _ = load_book(sample, check_files=False)
    top, foot = book.margins["top"], book.trim[1] - book.margins["bottom"]
    pdf_path = next((sample / "output" / "print" / lang).glob("*-interior.pdf"))
    pages, trim_w, trim_h = pictures(pdf_path)
    quiet = quiet_pages(sample)
    for number, boxes in enumerate(pages, start=1):
        on_page = [b for b in boxes if b[2] > 0.5 and b[0] < trim_w - 0.5]  # a spread's image on this half
        across = any(b[0] < -3.5 or b[2] > trim_w + 3.5 for b in on_page)  # a spread's half: its caption may be on the other page
        if len(on_page) == 1 and number not in quiet and not across and on_page[0][3] < trim_h - 0.5:
            yield number, on_page[0], max(text_feet(pdf_path, number, top, foot), default=None), book


def test_no_single_picture_floats_in_white_above_and_below(sample):
    """Outside the quiet pages before an opener, no page with one picture
    leaves more than two of the grid's modules (a row and its gutter) of white
    both above it (from the head line) and below it and its caption (to the
    foot line): it hangs from the head line, bleeds, or stands with its
    caption on the foot."""
    checked = 0
    for number, (_, top, _, bottom), lowest, book in single_pictures(sample, "vi"):
        module = book.grid.row(book.trim[1]) + book.grid.row_gutter
        checked += 1
        above = max(0.0, top - book.margins["top"])
        below = max(0.0, book.trim[1] - book.margins["bottom"] - max(bottom, lowest or 0.0))
        assert not (above > 2 * module + 0.1 and below > 2 * module + 0.1), (number, round(above, 1), round(below, 1), round(module, 1))
    assert checked >= 12, checked  # the single pictures that stop above the foot on the book's 64 pages


@pytest.mark.parametrize("lang", LANGS)
def test_a_single_picture_leaves_at_most_two_modules_under_its_caption(sample, lang):
    """A single landscape never floats over an empty foot: on every page with
    one picture (the quiet pages before an opener aside) that does not hang
    from the head line down to the opener photo's foot (the other hang line,
    two thirds of the text block, its white at the foot on purpose), the
    white between the caption's last line and the foot line is at most two
    modules (43.8 mm at 240 x 300 mm) in every edition: under the caption, or
    under the picture when its caption stands beside it (three under a caption
    on the openers' row 9, under a picture on the opener photo's foot)."""
    checked = 0
    for number, (_, top, _, bottom), lowest, book in single_pictures(sample, lang):
        module = book.grid.row(book.trim[1]) + book.grid.row_gutter
        if lowest is None:  # a full-bleed page's card, an uncaptioned picture
            continue
        if abs(top - book.margins["top"]) < 0.1 and bottom - top >= 8 * module - book.grid.row_gutter - 0.1:
            continue  # hung from the head line down to the opener photo's foot (band)
        if abs(top - book.margins["top"]) < 0.1 and bottom - top <= 4 * module:
            continue  # a small picture on white hung from the head line (small-head; test_page_feet)
        checked += 1
        white = book.trim[1] - book.margins["bottom"] - max(lowest, bottom)  # a caption beside its picture ends above its foot
        on_openers_line = abs(bottom - (book.margins["top"] + 8 * module - book.grid.row_gutter)) < 0.1  # row 8's foot, as 48-49
        allowed = (3 if on_openers_line else 2) * module  # a caption hung from row 9 has the two rows under it and the foot's
        assert white <= allowed + 0.1, (lang, number, round(white, 1), round(allowed, 1))
    assert checked >= 8, (lang, checked)


def test_quiet_pages_stand_on_the_openers_photo_foot(sample):
    """The quiet pages before an opener share the opener's lines: their lowest
    picture stands on the line the facing opener's photo ends on, a pair's
    frames are equal, and none leaves the top half of its page empty; all show one frame."""
    pages, trim_w, _ = pictures(next((sample / "output" / "print" / "en").glob("*-interior.pdf")))
    book, _ = load_book(sample, check_files=False)
    openers = [page.number for page in paginate(book).pages if page.layout.name.startswith("chapter-opener")]
    assert len(openers) >= 5, openers
    frames = set()
    for opener in openers[1:]:
        quiet = [b for b in pages[opener - 2] if b[2] > 0.5 and b[0] < trim_w - 0.5]
        photo_foot = max(b[3] for b in pages[opener - 1])
        assert quiet, opener - 1
        assert abs(max(b[3] for b in quiet) - photo_foot) < 0.1, (opener - 1, [round(b[3], 1) for b in quiet], round(photo_foot, 1))
        assert min(b[1] for b in quiet) < book.trim[1] / 2 - 30, (opener - 1, [round(b[1], 1) for b in quiet])  # no empty top half
        sizes = {(round(b[2] - b[0], 1), round(b[3] - b[1], 1)) for b in quiet}
        assert len(sizes) == 1, (opener - 1, sizes)
        frames.add(tuple(round(v, 1) for b in quiet for v in b))
    assert len(frames) == 1, frames  # one frame on every quiet page: a system, like a book's chapter endings (the tenth proof)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_facing_pictures_stand_on_one_foot_line(sample, lang):
    """On every spread whose two pages both carry pictures that stop inside the
    trim top and bottom, the lowest pictures of both pages stand on one line,
    to a tenth of a mm in the print PDF (ja 12-13 and 50-51 of the seventh
    proof shared only a head line: 190 mm against 234 mm); and no picture runs
    below the foot line (row 10's foot, 231.2 mm at 240 x 300 mm) into the
    captions' rows (ja 23 and 39 stacked three down to 275 mm)."""
    pages, _, trim_h = pictures(next((sample / "output" / "print" / lang).glob("*-interior.pdf")))
    book, _ = load_book(sample, check_files=False)
    row = book.grid.row(book.trim[1])
    foot_line = book.margins["top"] + 10 * row + 9 * book.grid.row_gutter

    def inside(boxes):
        return [b for b in boxes if b[1] > -0.05 and b[3] < trim_h + 0.05]

    for number, boxes in enumerate(pages, start=1):
        for box in inside(boxes):
            assert box[3] <= foot_line + 0.1, (lang, number, round(box[3], 1), round(foot_line, 1))
    pairs = 0
    for left in range(2, len(pages), 2):
        a, b = inside(pages[left - 1]), inside(pages[left])
        if not a or not b:
            continue
        pairs += 1
        assert abs(max(x[3] for x in a) - max(x[3] for x in b)) < 0.1, \
            (lang, left, left + 1, [tuple(round(v, 1) for v in x) for x in a], [tuple(round(v, 1) for v in x) for x in b])
    assert pairs >= 8, pairs


def test_the_pagination_lines_a_page_up_with_the_facing_one():
    """A variant whose pictures share the facing page's head or foot line
    outranks one that shares neither, and among equal crops one whose lowest
    picture stands on the facing page's lowest picture line; pictures bled off
    the head have nothing to line up."""
    from book.pages.shapes import misaligned

    book, _ = load_book(Path(__file__).parent.parent, check_files=False)
    layouts = book.layouts
    assert not misaligned(book, layouts["photo-caption"], layouts["grid-4"])  # both from the head line
    assert not misaligned(book, layouts["photo-caption"], layouts["two-photos"])  # both on the foot line
    assert not misaligned(book, layouts["small"], layouts["quiet-pair"])  # both on the opener photo's foot line
    assert misaligned(book, layouts["photo-caption"], layouts["small"])  # on the foot line against a quiet page's line
    assert not misaligned(book, layouts["full-bleed-margin"], layouts["small"])  # bled off the head
    assert not misaligned(book, layouts["band"], layouts["grid-3"])  # one head line: shared
    assert misaligned(book, layouts["band"], layouts["grid-3"], lowest=True)  # but the lowest pictures on two lines
