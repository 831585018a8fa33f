"""`book preflight` on our own PDFs and on PDFs a printer would send back."""

from __future__ import annotations

import json

import pikepdf


def test_print_pdfs_pass(mini, run):
    assert run(mini, "build").exit_code == 0
    paths = sorted(str(p) for p in (mini / "output" / "print").rglob("*.pdf"))
    result = run(mini, "preflight", "--json", *paths)
    assert result.exit_code == 0, result.stderr
    reports = json.loads(result.stdout)
    assert [r["ok"] for r in reports] == [True, True, True]
    assert reports[0]["trim_mm"] == [240.0, 300.0]
    assert reports[0]["facts"]["standard"] == "PDF/X-1a:2001"
    assert reports[0]["facts"]["max_ink_percent"] <= 300


def test_screen_pdf_is_not_print_ready(mini, run):
    assert run(mini, "build", "--lang", "en", "--profile", "screen").exit_code == 0
    path = mini / "output" / "screen" / "en" / "mini-en-interior.pdf"
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
