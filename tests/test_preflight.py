"""`book preflight` on our own PDFs and on PDFs a printer would send back."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pikepdf
import pytest
from conftest import copy_mini
from typer.testing import CliRunner

from book.checks.preflight import preflight
from book.cli import app
from book.model import Safety


def test_print_pdfs_pass(mini, run):
    assert run(mini, "build").exit_code == 0
    paths = sorted(str(p) for p in (mini / "output" / "print").rglob("*.pdf"))
    result = run(mini, "preflight", "--json", *paths)
    assert result.exit_code == 0, result.stderr
    reports = json.loads(result.stdout)["files"]
    assert [r["ok"] for r in reports] == [True, True, True]
    assert reports[0]["trim_mm"] == [240.0, 300.0]
    assert reports[0]["facts"]["standard"] == "PDF/X-1a:2001"
    assert reports[0]["facts"]["max_ink_percent"] <= 300


def test_a_lowered_min_ppi_is_named_not_obeyed(mini, run):
    """mini's book.yaml lowers colour.min_ppi to 100: the build follows it,
    the printer's preflight holds the photos to the press's 300 ppi and says
    that book.yaml lowered it (a warning: the printer may agree)."""
    assert run(mini, "build", "--lang", "vi").exit_code == 0
    result = run(mini, "preflight", "--json", str(mini / "output/print/vi/mini-vi-interior.pdf"))
    assert result.exit_code == 0, result.stderr
    warnings = json.loads(result.stdout)["files"][0]["warnings"]
    low = [w for w in warnings if w.startswith("image below")]
    assert low and all(w.startswith("image below 300 ppi (the printer's floor; content/book.yaml lowers colour.min_ppi to 100: "
                                     "ask the printer first) on page ") for w in low), warnings


def test_screen_pdf_is_not_print_ready(mini, run, tmp_path):
    """Checked as its output says, a screen PDF is a tagged PDF/UA-1 file; sent to a printer, it is not PDF/X."""
    assert run(mini, "build", "--lang", "en", "--profile", "screen").exit_code == 0
    built = mini / "output" / "screen" / "en" / "mini-en-interior.pdf"
    screen = run(mini, "preflight", "--json", str(built))
    assert screen.exit_code == 0, screen.stderr
    assert json.loads(screen.stdout)["files"][0]["facts"]["standard"] == "PDF/UA-1"
    path = tmp_path / "mini-en-interior.pdf"
    path.write_bytes(built.read_bytes())
    result = run(mini, "preflight", str(path))
    assert result.exit_code == 1
    assert f"error: {path}: not PDF/X: no GTS_PDFXVersion in the document info" in result.stderr


def test_missing_bleed_and_boxes_are_found(mini, run, tmp_path):
    assert run(mini, "build", "--lang", "vi").exit_code == 0
    bad = tmp_path / "bad.pdf"
    with pikepdf.open(mini / "output" / "print" / "vi" / "mini-vi-interior.pdf") as pdf:
        del pdf.pages[0].obj["/TrimBox"]
        trim = pdf.pages[1].obj.TrimBox
        pdf.pages[1].obj.BleedBox = pikepdf.Array([trim[0] - 2, trim[1] - 2, trim[2] + 2, trim[3] + 2])
        del pdf.pages[3]
        pdf.save(bad)
    result = run(mini, "preflight", str(bad))
    assert result.exit_code == 1
    assert f"error: {bad}: page 1: no TrimBox; the printer cannot find the trim" in result.stderr
    assert f"error: {bad}: page 2: bleed 0.7 mm, needs 3 mm on every side" in result.stderr
    assert f"error: {bad}: 3 pages: not a multiple of 4 for the binding" in result.stderr


def test_not_a_pdf(mini, run, tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_text("hello")
    result = run(mini, "preflight", str(junk))
    assert result.exit_code == 1
    assert "not a readable PDF" in result.stderr


def test_plates_shared_and_a_coloured_text_caught(mini, run, tmp_path):
    assert run(mini, "build").exit_code == 0
    vi, en = (mini / "output" / "print" / lang / f"mini-{lang}-interior.pdf" for lang in ("vi", "en"))
    shared = run(mini, "preflight", "--plates", str(vi), str(en))
    assert shared.exit_code == 0, shared.stderr
    assert "C, M and Y plates: shared by all 2 files" in shared.stdout
    # A translator's caption set in magenta instead of black: the magenta plate changes.
    bad = tmp_path / "magenta.pdf"
    with pikepdf.open(en) as pdf:
        page = pdf.pages[1]
        page.Contents.write(page.Contents.read_bytes().replace(b"0 0 0 1 k", b"0 1 0 0 k"))
        pdf.save(bad)
    result = run(mini, "preflight", "--plates", str(vi), str(bad))
    assert result.exit_code == 1
    assert f"error: {bad}: the magenta plate differs from {vi} on pages 2; language text must be 100 % K and overprint" in result.stderr


# Each check against a PDF that breaks it: one good build, broken one way per case with pikepdf.

@pytest.fixture(scope="module")
def good(tmp_path_factory, profile_cache) -> Path:
    root = copy_mini(tmp_path_factory.mktemp("good") / "mini", profile_cache)
    result = CliRunner().invoke(app, ["--project", str(root), "build", "--lang", "vi"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return root / "output" / "print" / "vi" / "mini-vi-interior.pdf"


def add_content(pdf: pikepdf.Pdf, index: int, ops: bytes) -> None:
    pdf.pages[index].contents_add(pdf.make_stream(ops), prepend=False)


def wrong_trapped(pdf):
    pdf.docinfo.Trapped = pikepdf.Name.False_  # the name /False_, the slip this check exists for


def trapped_string(pdf):
    pdf.docinfo.Trapped = pikepdf.String("False")


def no_dates(pdf):
    del pdf.docinfo["/CreationDate"]
    del pdf.docinfo["/ModDate"]


def bad_date(pdf):
    pdf.docinfo.ModDate = pikepdf.String("13/05/2025")


def rgb_image(pdf):
    image = pdf.make_stream(bytes([255, 0, 0] * 4), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=2, Height=2,
                            ColorSpace=pikepdf.Name.DeviceRGB, BitsPerComponent=8)
    pdf.pages[1].Resources.XObject[pikepdf.Name("/ImRGB")] = image
    add_content(pdf, 1, b"q 100 0 0 100 200 200 cm /ImRGB Do Q")


def no_output_intent(pdf):
    del pdf.Root["/OutputIntents"]


def no_trimbox(pdf):
    del pdf.pages[2].obj["/TrimBox"]


def unembedded_font(pdf):
    pdf.pages[0].Resources.Font[pikepdf.Name("/Helv")] = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    add_content(pdf, 0, b"BT /Helv 12 Tf 0 0 0 1 k 200 400 Td (Hello) Tj ET")


def rich_black_text(pdf):
    page = pdf.pages[1]
    page.Contents.write(page.Contents.read_bytes().replace(b"0 0 0 1 k", b".6 .5 .4 1 k"))


def white_overprinting_text(pdf):
    """Language text turned white: still overprinting, it would vanish (a reversed folio knocks out)."""
    page = pdf.pages[1]
    page.Contents.write(page.Contents.read_bytes().replace(b"0 0 0 1 k", b"0 0 0 0 k"))


def hairline(pdf):
    add_content(pdf, 1, b"q 0 0 0 1 K 0.1 w 100 100 m 300 100 l S Q")


def text_at_the_edge(pdf):
    pdf.pages[0].contents_add(pdf.make_stream(b"1 0 0 1 -50 0 cm\n"), prepend=True)


def transparency(pdf):
    pdf.pages[3].Resources.ExtGState = pikepdf.Dictionary({"/Half": pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, ca=0.5)})


@pytest.mark.parametrize("breaker, code, page, message", [
    (wrong_trapped, "trapped", None, "Trapped is /False_; PDF/X requires the name /True or /False"),
    (trapped_string, "trapped", None, "Trapped is the string 'False'; PDF/X requires the name /True or /False"),
    (no_dates, "pdf-date", None, "CreationDate is missing from the document info; PDF/X requires it"),
    (bad_date, "pdf-date", None, "ModDate '13/05/2025' is not a PDF date (D:YYYYMMDDHHmmSS+HH'mm')"),
    (rgb_image, "rgb", 2, "RGB colour on pages 2: PDF/X-1a allows CMYK and gray only"),
    (no_output_intent, "output-intent", None, "no PDF/X output intent (OutputIntents with S /GTS_PDFX)"),
    (no_trimbox, "no-trimbox", 3, "page 3: no TrimBox; the printer cannot find the trim"),
    (unembedded_font, "font-not-embedded", 1, "page 1: font /Helvetica is not embedded"),
    (rich_black_text, "rich-black-text", 2, "page 2: black text in more inks than K (rich black); set language text in 100 % K only"),
    (white_overprinting_text, "white-text-overprints", 2, "page 2: white text (a reversed folio) set to overprint vanishes "
                                                          "in print; white must knock out"),
    (hairline, "hairline", 2, "page 2: a line 0.035 mm wide; lines under 0.1 mm may not print"),
    (text_at_the_edge, "safety-zone", 1, "page 1: text 'Chương' is 2.4 mm from the trim, inside the safety zone "
                                         "(5 mm from the trim, 5 mm from the gutter); move it inwards"),
    (transparency, "transparency", 4, "transparency on pages 4: PDF/X-1a forbids it"),
])
def test_each_check_finds_what_breaks_it(good, tmp_path, breaker, code, page, message):
    assert preflight(good).ok, preflight(good).errors
    bad = tmp_path / "bad.pdf"
    with pikepdf.open(good) as pdf:
        breaker(pdf)
        pdf.save(bad)
    report = preflight(bad)
    found = [(p.code, p.where.page, p.message) for p in report.problems.errors]
    assert (code, page, message) in found, found


def test_gutter_is_configurable(tmp_path, profile_cache):
    """Page 1 is a right-hand page, its gutter on the left: the opener's title
    starts at the 20 mm inner margin. Page 2 a left-hand one, its gutter on the
    right: on layout 'small-wide' its caption is set from the column by the spine
    (photo-caption sets it in the outer columns, far from the gutter)."""
    root = copy_mini(tmp_path / "mini", profile_cache)
    chapter = root / "content" / "chapters" / "01-cang.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("  - layout: photo-caption\n", "  - layout: small-wide\n"), encoding="utf-8")
    result = CliRunner().invoke(app, ["--project", str(root), "build", "--lang", "vi"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    pdf = root / "output" / "print" / "vi" / "mini-vi-interior.pdf"
    report = preflight(pdf, safety=Safety(trim_mm=5, gutter_mm=30))  # the caption stands ragged from the spine's column line
    zone = "inside the safety zone (5 mm from the trim, 30 mm from the gutter); move it inwards"
    # The distance depends on the text's shaping to a tenth of a mm, and which
    # caption word ends a line by the gutter on its line breaking; the page and the zone do not.
    found = [re.sub(r"is 2\d\.\d mm", "is 2x mm", e) for e in report.errors]
    caption = "Cầu Tân Vũ – Lạch Huyện, cây cầu vượt biển dài nhất Việt Nam khi khánh thành năm 2017.".split()
    assert found[0] == f"page 1: text 'Chương' is 2x mm from the trim, {zone}" and len(found) in (1, 2), found
    for error in found[1:]:  # page 2's caption, where its line ends near the gutter
        word = re.fullmatch(rf"page 2: text '(\S+)' is 2x mm from the trim, {re.escape(zone)}", error)
        assert word and word[1] in caption, found
    assert preflight(pdf, safety=Safety(trim_mm=5, gutter_mm=19)).ok


def test_safety_zone_from_book_yaml(mini, run):
    book_yaml = mini / "content" / "book.yaml"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8") + "safety_mm: {trim: 5, gutter: 25}\n", encoding="utf-8")
    assert run(mini, "build", "--lang", "vi").exit_code == 0
    path = mini / "output" / "print" / "vi" / "mini-vi-interior.pdf"
    result = run(mini, "preflight", str(path))
    assert result.exit_code == 1
    assert f"error: {path}: page 1: text 'Chương' is 20.0 mm from the trim" in result.stderr


def test_hairline_in_the_bleed_is_cut_away(good, tmp_path):
    # A fold or crop mark in the bleed (trim starts at 8.5 pt) is trimmed off: not a hairline that prints.
    bad = tmp_path / "bleed-mark.pdf"
    with pikepdf.open(good) as pdf:
        add_content(pdf, 1, b"q 1 1 1 1 K 0.25 w 100 0 m 100 7 l S Q")
        pdf.save(bad)
    assert preflight(bad).ok, preflight(bad).errors
