"""The review sheet: every text with its words in every edition, their status
(fuzzy with the previous source, missing, overflowing with the lines it
needs) and where to edit them; the same problems marked in the proof."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pikepdf
import polib
import pytest

from book.i18n.catalog import read_catalog
from book.i18n.localise import Localiser
from book.review.make import make_review
from book.sources import load_book
from book.text.italic import parse as parse_italics

LONG = "Hai Phong is the largest port city of northern Vietnam. " * 30


def raw_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expected_captions(root: Path) -> dict[tuple[str, str], str]:
    """(photo, lang) -> the caption as its edition prints it, read from the sources and catalogs
    (words marked *like this* print in italic, without their stars)."""
    book, _ = load_book(root, check_files=False)
    found = {}
    for lang in book.editions:
        catalog = read_catalog(root, lang) if lang != book.source_language else None
        loc = Localiser(book, lang, catalog)
        for photo in book.photos.values():
            text = photo.caption.text if catalog is None else catalog.entries[photo.caption.ctx].msgstr
            found[(photo.id, lang)] = parse_italics(loc.fill(text, photo))[0]
    return found


def test_sheet_holds_every_caption_of_every_edition(mini, run):
    result = run(mini, "review")
    assert result.exit_code == 0, result.stderr
    sheet = mini / "output" / "review" / "mini-review.pdf"
    text = squeeze(raw_text(sheet))
    for (photo, lang), caption in expected_captions(mini).items():
        assert squeeze(caption) in text, (photo, lang)
    assert "photop001" in text and "page1" in text
    assert "English(en)" in text and "日本語(ja)" in text
    fonts = subprocess.run(["pdffonts", str(sheet)], capture_output=True, text=True, check=True).stdout
    assert "CJKjp" in fonts and "NotoSans" in fonts and "Helvetica" not in fonts
    # Nothing changed: the same bytes, left as they were.
    again = run(mini, "review")
    assert "(unchanged)" in again.stdout


@pytest.fixture
def troubled(mini):
    """The mini book's English catalog with one fuzzy, one missing and one overflowing entry."""
    path = mini / "translations" / "en.po"
    po = polib.pofile(str(path))
    entries = {e.msgctxt: e for e in po}
    entries["photo:p001:caption"].flags.append("fuzzy")
    entries["photo:p001:caption"].previous_msgid = "Cảng Hoàng Diệu nhìn từ bờ sông."
    entries["photo:p002:caption"].msgstr = ""
    entries["chapter:cang:intro"].msgstr = LONG
    po.save(str(path))
    return mini


def test_fuzzy_missing_and_overflow_marked_in_the_sheet(troubled, run):
    result = run(troubled, "review")
    assert result.exit_code == 0, result.stderr
    text = raw_text(troubled / "output" / "review" / "mini-review.pdf")
    lines = {e.msgctxt: e.linenum for e in polib.pofile(str(troubled / "translations" / "en.po"))}
    assert f"FUZZY · translations/en.po:{lines['photo:p001:caption']}" in text
    assert "previous source: Cảng Hoàng Diệu nhìn từ bờ sông." in text
    assert f"MISSING · translations/en.po:{lines['photo:p002:caption']}" in text
    assert f"TRANSLATED + OVERFLOW · translations/en.po:{lines['chapter:cang:intro']}" in text
    assert re.search(r"overflows: needs \d+ lines, room for \d+", text)
    assert "SOURCE · content/chapters/01-cang.yaml:" in text
    assert "1 fuzzy" in result.stdout and "1 missing" in result.stdout and "1 overflow" in result.stdout


def stroke_colours(pdf: Path, page: int) -> list[str]:
    """The RGB stroke colours set on a page, as 'r g b'."""
    with pikepdf.open(pdf) as doc:
        ops = pikepdf.parse_content_stream(doc.pages[page])
        return [" ".join(f"{float(x):g}" for x in operands) for operands, op in ops if str(op) == "RG"]


def test_the_proof_marks_them_and_the_summary_lists_them(troubled, run):
    book_yaml = troubled / "content" / "book.yaml"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8").replace("min_ppi: 100", "min_ppi: 400"), encoding="utf-8")
    result = run(troubled, "build", "--lang", "en", "--profile", "proof", "--json")
    assert result.exit_code == 0, result.stdout
    summary = json.loads(result.stdout)
    (edition,) = summary["editions"]
    marks = {(m["page"], m["mark"]) for m in edition["marks"]}
    assert {(1, "fallback"), (1, "overflow"), (2, "fallback"), (1, "low-ppi"), (2, "low-ppi")} <= marks
    assert edition["written"] is True and edition["pages"] == 4
    assert {p["code"] for p in summary["problems"]} >= {"fuzzy", "untranslated", "overflow", "low-ppi"}
    # The edition counts what it found (its catalog's, its text's); the photos' and the book's are shared.
    english = [p for p in summary["problems"] if p["file"] == "translations/en.po" or p["message"].startswith("en: ")]
    assert edition["errors"] == 0 and edition["warnings"] == len(english) >= 3
    assert summary["shared_warnings"] == len(summary["problems"]) - len(english) >= 2
    assert all(set(p) >= {"file", "line", "key", "code", "severity", "message"} for p in summary["problems"])
    proof = troubled / "output" / "proof" / "en" / "mini-en-proof.pdf"
    assert "0.9 0 0" in stroke_colours(proof, 0)  # overflow: red
    assert "0.85 0 0.6" in stroke_colours(proof, 1)  # awaiting translation: magenta
    assert "1 0.5 0" in stroke_colours(proof, 1)  # low resolution: orange
    assert "LOW RESOLUTION: p002" in raw_text(proof)
    # A second build changes nothing and says so; --quiet prints only problems.
    mtime = proof.stat().st_mtime_ns
    again = run(troubled, "build", "--lang", "en", "--profile", "proof", "--quiet")
    assert again.exit_code == 0 and again.stdout == ""
    assert "warning:" in again.stderr and proof.stat().st_mtime_ns == mtime
    table = run(troubled, "build", "--lang", "en", "--profile", "proof")
    assert "unchanged" in table.stdout and "low-ppi" in table.stdout


def test_build_json_reports_a_failure_as_problems(troubled, run):
    result = run(troubled, "build", "--lang", "en", "--json")
    assert result.exit_code == 1
    out = json.loads(result.stdout)
    assert out["ok"] is False
    fuzzy = [p for p in out["problems"] if p["code"] == "fuzzy"]
    assert fuzzy and fuzzy[0]["file"] == "translations/en.po" and fuzzy[0]["key"] == "photo:p001:caption"


def test_sample_book_sheet_has_every_photo_with_five_captions(sample_copy):
    root = sample_copy
    review = make_review(root)
    text = squeeze(raw_text(review.path))
    expected = expected_captions(root)
    # 72 photos on the pages and p073, the cover's own photo (its caption is translated too)
    assert review.photos == len({photo for photo, _ in expected}) == 73
    for (photo, lang), caption in expected.items():
        assert squeeze(caption) in text, (photo, lang)
        assert f"photo{photo}" in text
