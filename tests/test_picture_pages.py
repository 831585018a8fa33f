"""Photographs first, measured in the built book: where each page's pictures
are placed in the print PDF (the image placements of its content stream),
not where the templates say they are. A single picture is never centred in
white, and the pictures of facing pages share a head or a foot line."""

from __future__ import annotations

from pathlib import Path

import pikepdf

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


def test_no_single_picture_floats_in_white_above_and_below(sample):
    """Outside the quiet pages before an opener, no page with one picture
    leaves more than two of the grid's modules (a row and its gutter) of white
    both above it and below it, measured from the trim: it hangs from the head
    line, bleeds, or is large enough to fill the page."""
    book, _ = load_book(sample, check_files=False)
    module = book.grid.row(book.trim[1]) + book.grid.row_gutter
    pages, trim_w, trim_h = pictures(next((sample / "output" / "print" / "vi").glob("*-interior.pdf")))
    quiet = quiet_pages(sample)
    checked = 0
    for number, boxes in enumerate(pages, start=1):
        on_page = [b for b in boxes if b[2] > 0.5 and b[0] < trim_w - 0.5]  # a spread's image on this half
        if len(on_page) != 1 or number in quiet:
            continue
        checked += 1
        _, top, _, bottom = on_page[0]
        above, below = max(0.0, top), max(0.0, trim_h - bottom)
        assert not (above > 2 * module + 0.1 and below > 2 * module + 0.1), (number, round(above, 1), round(below, 1), round(module, 1))
    assert checked >= 25, checked  # the single pictures, bled or not, on the book's 64 pages


def test_facing_pictures_share_a_head_or_a_foot_line(sample):
    """On every spread whose two pages both carry pictures that stop inside the
    trim top and bottom, the pictures hang from one head line or stand on one
    foot line, to a tenth of a mm in the print PDF."""
    pages, _, trim_h = pictures(next((sample / "output" / "print" / "en").glob("*-interior.pdf")))

    def inside(boxes):
        return [b for b in boxes if b[1] > -0.05 and b[3] < trim_h + 0.05]

    pairs = 0
    for left in range(2, len(pages), 2):
        a, b = inside(pages[left - 1]), inside(pages[left])
        if not a or not b:
            continue
        pairs += 1
        head = abs(min(x[1] for x in a) - min(x[1] for x in b)) < 0.1
        foot = abs(max(x[3] for x in a) - max(x[3] for x in b)) < 0.1
        assert head or foot, (left, left + 1, [tuple(round(v, 1) for v in x) for x in a], [tuple(round(v, 1) for v in x) for x in b])
    assert pairs >= 6, pairs


def test_the_pagination_lines_a_page_up_with_the_facing_one():
    """A variant whose pictures share the facing page's head or foot line
    outranks one that shares neither; pictures bled off the head have nothing
    to line up."""
    from book.pages.shapes import misaligned

    book, _ = load_book(Path(__file__).parent.parent, check_files=False)
    layouts = book.layouts
    assert not misaligned(book, layouts["photo-caption"], layouts["grid-4"])  # both from the head line
    assert not misaligned(book, layouts["two-photos"], layouts["small"])  # both on the foot line
    assert misaligned(book, layouts["photo-caption"], layouts["small"])  # from the head line against one low on the page
    assert not misaligned(book, layouts["band"], layouts["small"])  # bled off the head
