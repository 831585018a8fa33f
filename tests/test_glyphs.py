"""No glyph drawn is .notdef: `book.checks.glyphs`, on a PDF made to show
one and on the ten print PDFs of the sample book (the Korean credits once
printed an empty box on 37 lines and no check saw it)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from book.checks.glyphs import GlyphCheck, check_glyphs
from book.checks.preflight import Report, preflight

FONT = Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")


def two_pages(path: Path, broken: bool) -> Path:
    """Two pages of text in an embedded TrueType subset; with ``broken`` page 2
    shows code 0, which the subset maps to .notdef (what the ko credits drew)."""
    if "GlyphTest" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("GlyphTest", str(FONT)))
    pdf = canvas.Canvas(str(path))
    for words in ("Hai Phong", "credit · photo"):
        pdf.setFont("GlyphTest", 12)
        pdf.drawString(72, 720, words)
        pdf.showPage()
    pdf.save()
    if broken:
        with pikepdf.open(path, allow_overwriting_input=True) as doc:
            page = doc.pages[1]
            ops = pikepdf.parse_content_stream(page)
            for at, (operands, operator) in enumerate(ops):
                if str(operator) == "Tj":
                    ops[at] = pikepdf.ContentStreamInstruction([pikepdf.String(bytes(operands[0])[:6] + b"\x00")], operator)
            page.Contents = doc.make_stream(pikepdf.unparse_content_stream(ops))
            doc.save(path)
    return path


@pytest.mark.skipif(not FONT.exists(), reason="Noto Sans not installed")
def test_a_notdef_glyph_is_an_error_naming_its_page_and_font(tmp_path):
    report = Report("x.pdf")
    with pikepdf.open(two_pages(tmp_path / "bad.pdf", broken=True)) as pdf:
        check_glyphs(pdf, report)
    assert len(report.errors) == 1, report.errors
    assert report.errors[0].startswith("page 2: 1 glyph in NotoSans-Regular draw .notdef")
    assert [p.where.page for p in report.problems.errors] == [2]
    assert report.facts["notdef_glyphs"] == 1


@pytest.mark.skipif(not FONT.exists(), reason="Noto Sans not installed")
def test_whole_glyphs_pass_and_preflight_runs_the_check(tmp_path):
    good = Report("x.pdf")
    with pikepdf.open(two_pages(tmp_path / "good.pdf", broken=False)) as pdf:
        check_glyphs(pdf, good)
        assert sum(GlyphCheck().page(page).total() for page in pdf.pages) == 0
    assert not good.errors and good.facts["notdef_glyphs"] == 0
    report = preflight(two_pages(tmp_path / "bad.pdf", broken=True))
    assert any("draw .notdef" in message for message in report.errors), report.errors


def test_no_print_pdf_of_the_sample_draws_a_notdef_glyph(sample):
    """All ten print PDFs (five interiors, five covers): every shown code
    reaches a real glyph of its embedded subset, and the check saw text."""
    paths = sorted((sample / "output" / "print").glob("*/*.pdf"))
    assert len(paths) == 10
    for path in paths:
        report = Report(str(path))
        with pikepdf.open(path) as pdf:
            check_glyphs(pdf, report)
        assert report.facts["glyphs_checked"] > 100, path.name
        assert report.facts["notdef_glyphs"] == 0, (path.name, report.errors)
