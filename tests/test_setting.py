"""The text-setting stage: every text placed and checked before a PDF is
written, and a sixth language added through the language table alone."""

from __future__ import annotations

import json
import subprocess

import pikepdf
import polib
import pytest

from book import languages
from book.languages import Language

FRENCH = {
    "book:title": "Un petit livre de Hai Phong",
    "book:subtitle": "Un petit livre pour les essais",
    "book:publisher": "Éditions d'essai",
    "label:chapter": "Chapitre {number}",
    "label:credit": "Photo : {credit}",
    "label:page": "p. {page}",
    "chapter:cang:title": "Le port maritime",
    "chapter:cang:intro": "Hai Phong est la plus grande ville portuaire du nord du Viêt Nam.",
    "photo:p001:caption": "Le port de Hoang Dieu vu depuis la rivière Cam. Des porte-conteneurs y accostent chaque jour.",
    "photo:p001:place": "Port de Hoang Dieu",
    "photo:p001:credit": "Trần Văn Hải",
    "photo:p002:caption": "Le pont Tan Vu – Lach Huyen, le plus long pont maritime du Viêt Nam à son ouverture en 2017.",
    "photo:p002:place": "Cát Hải",
    "photo:p002:credit": "Lê Minh",
}


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_contents_page(root) -> None:
    (root / "content" / "chapters" / "00-mo-dau.yaml").write_text(
        'id: mo-dau\ntexts:\n  heading: "Mục lục"\npages:\n  - layout: toc\n    slots: {heading: heading}\n', encoding="utf-8")


def test_overflowing_contents_are_reported_by_check(mini, run):
    add_contents_page(mini)
    assert run(mini, "check", "--lang", "vi").exit_code == 0
    edit(mini / "layouts" / "layouts.yaml", "contents: {kind: toc, col: 3, cols: 8, row: 5,",
         "contents: {kind: toc, mm: {x: 37.5, y: 70, w: 152.5, h: 8},")
    result = run(mini, "check", "--lang", "vi")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith("error: vi: page 1: the contents overflow frame 'contents' by ") and "shorten the chapter titles" in line
               for line in lines), lines


def test_overflowing_contents_entry_names_the_chapter_title(mini, run):
    add_contents_page(mini)
    edit(mini / "content" / "chapters" / "01-cang.yaml", 'title: "Cảng biển"', 'title: "' + "Cảng biển Hải Phòng " * 60 + '"')
    result = run(mini, "check", "--lang", "vi", "--json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    toc = [p for p in problems if p["code"] == "overflow" and "contents entry Chương 1" in p["message"]]
    assert toc, problems
    assert toc[0]["file"] == "content/chapters/01-cang.yaml" and toc[0]["line"] == 2 and toc[0]["severity"] == "error"


def test_a_sixth_language_is_one_record_and_a_catalog(mini, run, monkeypatch):
    monkeypatch.setitem(languages.TABLE, "fr", Language("fr", "fr", "fr", "Latn", "words"))
    edit(mini / "content" / "book.yaml", "editions: [vi, en, ja]", "editions: [vi, en, ja, fr]")
    assert run(mini, "i18n", "init", "fr").exit_code == 0
    po_path = mini / "translations" / "fr.po"
    po = polib.pofile(str(po_path))
    assert po.metadata["Language"] == "fr" and po.metadata["Plural-Forms"].startswith("nplurals=3; plural=(n == 0 || n == 1) ? 0")  # CLDR: one, many, other
    for entry in po:
        entry.msgstr = FRENCH[entry.msgctxt]
    po.save(str(po_path))
    status = run(mini, "i18n", "status")
    assert "fr" in status.stdout
    result = run(mini, "build", "--lang", "fr")
    assert result.exit_code == 0, result.stderr
    pdf = mini / "output" / "print" / "fr" / "mini-fr-interior.pdf"
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Le port de Hoang Dieu vu depuis la rivière Cam." in text
    assert "13 mai 1955" in text  # the date in CLDR's French form
    assert "Chapitre 1" in text
    with pikepdf.open(pdf) as doc:
        assert str(doc.Root.Lang) == "fr"


@pytest.mark.parametrize("code", ["fr"])
def test_a_language_not_in_the_table_is_a_usage_error(mini, run, code):
    result = run(mini, "build", "--lang", code)
    assert result.exit_code == 2
    assert f"--lang {code}: unknown language" in result.stderr


def test_chapter_titles_are_the_pdf_bookmarks(mini, run):
    add_contents_page(mini)
    edit(mini / "content" / "chapters" / "00-mo-dau.yaml", "id: mo-dau\n", 'id: mo-dau\ntitle: "Mở đầu"\n')
    assert run(mini, "i18n", "extract").exit_code == 0 and run(mini, "i18n", "update", "--lang", "en").exit_code == 0
    po = polib.pofile(str(mini / "translations" / "en.po"))
    for entry in po:
        if entry.msgctxt == "chapter:mo-dau:title":
            entry.msgstr = "Introduction"
        if entry.msgctxt == "chapter:mo-dau:heading":
            entry.msgstr = "Contents"
    po.save(str(mini / "translations" / "en.po"))
    result = run(mini, "build", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    with pikepdf.open(mini / "output" / "print" / "en" / "mini-en-interior.pdf") as pdf:
        with pdf.open_outline() as outline:
            found = [(item.title, pdf.pages.index(pikepdf.Page(item.destination[0])) + 1) for item in outline.root]
    assert found == [("Introduction", 1), ("The seaport", 3)]
