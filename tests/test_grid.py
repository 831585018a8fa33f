"""Frames on the page grid: the same layouts at any trim. The sample book is
built at three trims from the same layouts, each preflight clean with every
word inside the trim's safe area; the grid's arithmetic, its mirroring and
its defaults are checked on their own."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
import pytest

from book.grid import Grid, Place
from book.model import MM
from book.pages.paginate import paginate
from book.sources import load_book
from book.text.flow import split_lines
from book.text.typeset import Line

EXTRA_TRIMS = [(210, 210), (280, 240)]  # square and landscape; the sample's own 240 × 300 is the `sample` fixture
EXTRA_LANGS = ("vi", "ko")  # a Latin and a CJK edition keep the extra builds affordable
SAFE_MM = 5.0  # book.yaml's safety_mm.trim default: no text nearer the trim


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_columns_and_rows_in_mm():
    grid = Grid()  # the sample's: margins 20 / 15 / 17 / 25, 12 × 12, 5 mm gutters
    assert grid.column(240) == 12.5
    assert grid.box(Place(1, 12, 1, 12), (240, 300), 3, False) == pytest.approx((20, 17, 205, 258))
    assert grid.box(Place(9, 4, 7, 6), (240, 300), 3, False) == pytest.approx((160, 148.5, 65, 126.5), abs=0.05)
    # Edges taken to the bleed: the rows and columns no longer matter on that side.
    assert grid.box(Place(1, 12, 1, 6, frozenset({"top", "inner", "outer"})), (240, 300), 3, False) == pytest.approx((-3, -3, 246, 146.5), abs=0.05)
    # A spread: columns 1-12 from the left page's outer margin, 13-24 from the right page's inner one.
    assert grid.box(Place(20, 5, 11, 2), (240, 300), 3, True)[:3] == pytest.approx((382.5, 236.2, 82.5), abs=0.05)
    assert grid.box(Place(1, 12, 1, 12), (240, 300), 3, True)[0] == 15
    assert grid.box(Place(1, 6, 1, 12, frozenset({"inner"})), (240, 300), 3, True)[:3] == pytest.approx((15, 17, 225))
    assert grid.box(Place(mm=(1, 2, 3, 4)), (240, 300), 3, False) == (1, 2, 3, 4)


@pytest.mark.parametrize("trim", [(150, 150), (150, 350), (350, 150), (350, 350), *EXTRA_TRIMS])
def test_every_sample_frame_lies_on_its_page_at_any_trim(tmp_path, trim):
    """The sample's layouts load at the corners of the supported range with no problem: every frame on its page."""
    root = tmp_path / "book"
    for part in ("content", "layouts", "fonts"):
        shutil.copytree(Path(__file__).parent.parent / part, root / part, ignore=shutil.ignore_patterns("*.jpg", "*.png", "*.tif"))
    edit(root / "content/book.yaml", "trim_mm: [240, 300]", f"trim_mm: [{trim[0]}, {trim[1]}]")
    book, warnings = load_book(root, check_files=False)
    assert not [w for w in warnings if w.code in ("frame-outside", "unknown-key")], warnings
    for layout in book.layouts.values():
        width = trim[0] * (2 if layout.spread else 1)
        for frame in layout.frames.values():
            assert -3 - 1e-6 <= frame.x and frame.x + frame.w <= width + 3 + 1e-6, (layout.name, frame)
            assert -3 - 1e-6 <= frame.y and frame.y + frame.h <= trim[1] + 3 + 1e-6, (layout.name, frame)
            assert frame.w > 0 and frame.h > 0, (layout.name, frame)


def test_left_pages_mirror_column_one_to_the_spine(mini):
    """Column 1 is next to the spine on both sides: a recto's frame starts at the
    inner margin, a verso's ends there."""
    book, _ = load_book(mini)
    for page in paginate(book).pages:
        for placed in page.placed:
            if page.layout.name == "photo-caption" and placed.frame.name == "photo":
                x, _, w, _ = placed.box
                assert (x if page.recto else book.trim[0] - x - w) == pytest.approx(book.grid.inner)


def test_old_margins_keep_working_and_the_grid_is_read(mini, run):
    """The tiny book keeps the old ``margins_mm: {outer, bottom}``: inner, top and
    the grid take their defaults. A declared grid is read: narrower gutters, wider columns."""
    book, _ = load_book(mini)
    assert (book.grid.inner, book.grid.top, book.grid.columns, book.grid.rows) == (20, 17, 12, 12)
    before = book.layouts["two-photos"].frames["photo-a"].w
    edit(mini / "content/book.yaml", "margins_mm: {outer: 15, bottom: 25}",
         "margins_mm: {inner: 20, outer: 15, top: 17, bottom: 25}\ngrid: {columns: 12, gutter_mm: 3, rows: 12, row_gutter_mm: 5}")
    strict = run(mini, "check", "--lang", "vi", "--strict")
    assert "unknown key" not in strict.stderr, strict.stderr
    book, _ = load_book(mini)
    assert book.layouts["two-photos"].frames["photo-a"].w == pytest.approx(before + 5 / 6)  # 7 columns of (205 - 33) / 12 and 6 gutters of 3


def test_a_text_runs_on_line_by_line_and_drops_its_gap_at_a_frame_top():
    """Frames 40 pt high hold three lines of 10 pt on 12 pt (10 + 12 + 12 and the
    descenders); a paragraph's space at the top of a frame is dropped."""
    lines = [Line([], 0, 10, 12, gap=6 if i == 3 else 0) for i in range(7)]
    parts, fits = split_lines(lines, [40, 40], endless=False)
    assert [len(p) for p in parts] == [3, 4] and not fits  # the seventh line runs past the last frame: reported, never cut
    parts, fits = split_lines(lines, [40, 40], endless=True)
    assert [len(p) for p in parts] == [3, 3, 1] and fits
    assert parts[1][0].gap == 0 and lines[3].gap == 6


def safe_area_strays(pdf: Path) -> list[str]:
    """Words (pdftotext -bbox) outside each page's TrimBox inset by SAFE_MM."""
    with pikepdf.open(pdf) as doc:
        boxes = [[float(v) for v in page.TrimBox] for page in doc.pages]
        media = [[float(v) for v in page.MediaBox] for page in doc.pages]
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True).stdout
    xml = re.sub(rb"<!DOCTYPE[^>]*>", b"", xml)
    strays = []
    pages = [el for el in ET.fromstring(xml).iter() if el.tag.endswith("page")]
    for number, (page, trim, full) in enumerate(zip(pages, boxes, media, strict=True), 1):
        height = full[3] - full[1]
        left, right = trim[0] + SAFE_MM * MM, trim[2] - SAFE_MM * MM
        top, bottom = height - trim[3] + SAFE_MM * MM, height - trim[1] - SAFE_MM * MM
        for word in (el for el in page.iter() if el.tag.endswith("word")):
            x0, y0, x1, y1 = (float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            if x0 < left - 0.5 or x1 > right + 0.5 or y0 < top - 0.5 or y1 > bottom + 0.5:
                strays.append(f"page {number}: {word.text!r} at ({x0:.0f}, {y0:.0f}, {x1:.0f}, {y1:.0f})")
    return strays


def check_built(root: Path, langs, trim, run, plates: bool = False) -> None:
    """Each edition's print interior: the trim asked for, preflight clean, every
    word in the safe area; with ``plates``, the C/M/Y plates shared by all."""
    pdfs = [root / "output" / "print" / lang / f"hai-phong-70-nam-{lang}-interior.pdf" for lang in langs]
    for pdf in pdfs:
        with pikepdf.open(pdf) as doc:
            assert [round(float(v) / MM) for v in doc.pages[0].TrimBox][2:] == [round(3 + trim[0]), round(3 + trim[1])], pdf
        assert safe_area_strays(pdf) == [], pdf
    checked = run(root, "preflight", *(["--plates"] if plates else []), *map(str, pdfs))
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    assert not plates or f"C, M and Y plates: shared by all {len(pdfs)} files" in checked.stdout, checked.stdout
    assert "error" not in checked.stdout.lower().replace("0 errors", ""), checked.stdout


def test_sample_at_its_own_trim_is_clean(sample, run):
    check_built(sample, ("vi", "zh", "ko"), (240, 300), run)


@pytest.mark.parametrize("trim", EXTRA_TRIMS, ids=[f"{w}x{h}" for w, h in EXTRA_TRIMS])
def test_sample_at_another_trim_builds_clean_from_the_same_layouts(sample_copy, run, trim):
    """The same layouts at a square and a landscape trim: the build reports no
    overflow (exit 0), the interiors are clean and the covers pass preflight
    (their placement at any trim is tests/test_cover.py's). The sample's cover
    photo is made for its own trim: 280 mm pages would print it at 258 ppi, so
    that cover is plain paper here."""
    text = (sample_copy / "content/book.yaml").read_text(encoding="utf-8")
    if trim[0] > 240:
        text = re.sub(r"\n  photo: p\d+ .*\n", "\n", text)
    text = text.replace("trim_mm: [240, 300]", f"trim_mm: [{trim[0]}, {trim[1]}]")
    (sample_copy / "content/book.yaml").write_text(text, encoding="utf-8")
    if trim == (210, 210):  # display type never shrinks to fit: the square trim's designer sets the book's title at 24 pt
        styles = sample_copy / "layouts" / "styles.yaml"
        text = styles.read_text(encoding="utf-8")
        sizes = [(30, 37, "    size: 24\n    leading: 30\n    min_size: 24\n"),  # the title page's
                 (36, 44, "    size: 28\n    leading: 32\n    min_size: 28\n")]  # the cover's
        for size, leading, smaller in sizes:
            text, found = re.subn(rf"    size: {size}( +#[^\n]*)?\n    leading: {leading}\n    min_size: {size}\n", smaller, text)
            assert found == 1, (size, found)
        styles.write_text(text, encoding="utf-8")
    built = run(sample_copy, "build", *(arg for lang in EXTRA_LANGS for arg in ("--lang", lang)))
    assert built.exit_code == 0, built.stderr
    assert "overflow" not in built.stderr, built.stderr
    check_built(sample_copy, EXTRA_LANGS, trim, run, plates=True)  # captions and texts move no picture
    covers = [sample_copy / "output" / "print" / lang / f"hai-phong-70-nam-{lang}-cover.pdf" for lang in EXTRA_LANGS]
    checked = run(sample_copy, "preflight", *map(str, covers))
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    if trim == (210, 210):  # the foreword (en: 29 lines, room for 28 at its smallest) runs on, in every edition
        vi = sample_copy / "output/print/vi/hai-phong-70-nam-vi-interior.pdf"
        pages = subprocess.run(["pdftotext", "-f", "5", "-l", "9", str(vi), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")  # the contents first, then the foreword
        start = next(n for n, page in enumerate(pages) if "Lời giới thiệu" in page and "Mục lục" not in page)
        assert "cùng phát triển." in pages[start + 1] and "cùng phát triển." not in pages[start], pages[start:start + 2]
