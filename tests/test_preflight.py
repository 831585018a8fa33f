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
