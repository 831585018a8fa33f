"""`book init` makes a project an editor can build straight away, at the
trim and in the editions asked for; a declared edition without a catalog
is one line saying to run `book i18n update`, which makes it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import polib
import pytest

from book.placeholder_photos import write_placeholder
from book.scaffold import CHAPTER_REL, DEFAULT_FILES, DEFAULTS

REPO = Path(__file__).resolve().parent.parent
NEW_PAGE = """\
  - layout: two-photos
    slots: {photo-a: p005, caption-a: p005, photo-b: p006, caption-b: p006}
"""
NEW_PHOTOS = """\
  - id: p005
    file: p005.jpg
    caption: "Bến thuyền lúc sáng sớm."
    date: "2024"
    place: "Bến thuyền"
    credit: "Trần Văn An"
  - id: p006
    file: p006.jpg
    caption: "Phiên chợ cá trên bãi."
    date: "2024"
    place: "Bãi biển"
    credit: "Trần Văn An"
"""


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def init(run, tmp_path: Path, profile_cache: Path, *args: str) -> Path:
    folder = tmp_path / "Sách ảnh mới"
    result = run(tmp_path, "init", str(folder), *args)
    assert result.exit_code == 0, result.stderr
    return folder


def test_init_then_build(tmp_path, run, profile_cache):
    folder = init(run, tmp_path, profile_cache)
    assert (folder / "translations" / "messages.pot").is_file()
    assert sorted(p.name for p in (folder / "translations").iterdir()) == ["messages.pot"]  # vi alone: no catalog
    built = run(folder, "build")
    assert built.exit_code == 0, built.stderr
    interior = folder / "output" / "print" / "vi" / "sach-anh-moi-vi-interior.pdf"
    text = " ".join(pdf_text(interior).split())  # the caption's words, wherever its lines break
    assert "Chương thứ nhất" in text and "Thay content/photos/p002.jpg bằng ảnh thật" in text
    assert (folder / "output" / "print" / "vi" / "sach-anh-moi-vi-cover.pdf").is_file()
    # Neutral: nothing of the sample book in what init writes, nor in what it builds.
    written = "".join(p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.suffix in (".yaml", ".po", ".pot"))
    for word in ("Hải Phòng", "1955", "70 năm"):
        assert word not in written and word not in text


def test_a_new_korean_edition_proofs_before_its_catalog_is_translated(tmp_path, run, profile_cache):
    """A newcomer's first Korean build, as init suggests it (a proof, the catalog not yet
    translated): the Korean composer measured its word space in a Hangul face no text had
    brought in and stopped every edition with "no font for '가'"."""
    folder = init(run, tmp_path, profile_cache, "--trim", "200x250", "--editions", "vi,ko")
    built = run(folder, "build", "--profile", "proof")
    assert built.exit_code == 0, built.stderr
    assert "no font" not in built.stderr
    proof = next((folder / "output" / "proof" / "ko").glob("*.pdf"))
    assert "Chương thứ nhất" in " ".join(pdf_text(proof).split())  # the Vietnamese shown until it is translated


def test_cjk_catalogs_start_with_the_page_labels_translated(tmp_path, run, profile_cache):
    """The newcomer's zh, ko and ja catalogs left the chapter label, the credit line and the
    page references in Vietnamese ('Chương {number}') until copied from the sample's: init
    fills them from book/defaults/label-texts.yaml, placeholders kept, msgfmt -c clean."""
    folder = init(run, tmp_path, profile_cache, "--editions", "vi,zh,ko,ja")
    expected = {"zh": "第{number}章", "ko": "제{number}장", "ja": "第{number}章"}
    for lang, chapter in expected.items():
        path = folder / "translations" / f"{lang}.po"
        labels = {e.msgctxt: e.msgstr for e in polib.pofile(str(path)) if e.msgctxt.startswith("label:")}
        assert labels["label:chapter"] == chapter and all(labels.values()), (lang, labels)
        assert "{credit}" in labels["label:credit"] and "{page}" in labels["label:page"]
        assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)]).returncode == 0


def test_a_chapter_filed_after_the_back_matter_is_named(tmp_path, run, profile_cache):
    """init files the colophon last (99-back-matter.yaml). A back matter that sorts before a
    chapter (the newcomer's 02-back-matter.yaml before 02-cay-la.yaml) printed the colophon
    mid-book without a word: the check names the file and the chapter after it."""
    folder = init(run, tmp_path, profile_cache)
    chapters = folder / "content" / "chapters"
    assert (chapters / "99-back-matter.yaml").is_file()
    assert "colophon-order" not in run(folder, "check", "--json").stdout
    (chapters / "99-back-matter.yaml").rename(chapters / "00b-back-matter.yaml")
    checked = run(folder, "check")
    assert checked.exit_code == 0, checked.stderr
    assert "the colophon in 00b-back-matter.yaml comes before chapter" in checked.stderr
    assert "rename 00b-back-matter.yaml so it sorts after the last chapter" in checked.stderr


@pytest.mark.parametrize("trim", [
    "240x300",
    "210x210",
])
def test_a_second_book_builds_at_its_trim_in_its_editions(tmp_path, run, profile_cache, trim):
    """The whole flow a new user follows: init, two photos of their own and
    their captions, extract, update, translate, build print editions and covers."""
    folder = init(run, tmp_path, profile_cache, "--trim", trim, "--editions", "vi,en", "--title", "Biển và người",
                  "--publisher", "Nhà xuất bản Thử")
    for seed, name in ((5, "p005.jpg"), (6, "p006.jpg")):
        write_placeholder(folder / "content" / "photos" / name, (3000, 2000), seed)
    chapter = folder / CHAPTER_REL
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("pages:\n", NEW_PHOTOS + "pages:\n").replace("  - layout: credits\n", NEW_PAGE + "  - layout: credits\n"),
                       encoding="utf-8")
    assert run(folder, "i18n", "extract").exit_code == 0
    updated = run(folder, "i18n", "update")
    assert updated.exit_code == 0 and updated.stdout.strip() == "translations/en.po updated"
    po = polib.pofile(str(folder / "translations" / "en.po"))
    assert po.metadata["Language"] == "en"
    todo = [e for e in po if not e.obsolete and (not e.msgstr or "fuzzy" in e.flags)]
    # The new photos' texts, and the title and publisher the user gave: init leaves those to the translator.
    assert {e.msgctxt for e in todo} == {f"photo:{p}:{k}" for p in ("p005", "p006") for k in ("caption", "place", "credit")} | \
        {"book:title", "book:publisher"}
    for entry in todo:
        entry.msgstr = {"Bến thuyền lúc sáng sớm.": "The boat landing at dawn."}.get(entry.msgid, f"EN {entry.msgid}")
    po.save()
    built = run(folder, "build")
    assert built.exit_code == 0, built.stderr
    manifest = json.loads((folder / "output" / "manifest.json").read_text(encoding="utf-8"))
    width, height = map(int, trim.split("x"))
    parts = {(f["lang"], f["part"]): f for f in manifest["files"]}
    assert sorted(parts) == [("en", "cover"), ("en", "interior"), ("vi", "cover"), ("vi", "interior")]
    assert parts["en", "interior"]["trim_mm"] == [width, height]
    assert "The boat landing at dawn." in pdf_text(folder / parts["en", "interior"]["path"])
    assert "Bến thuyền lúc sáng sớm." in pdf_text(folder / parts["vi", "interior"]["path"])
    assert "Biển và người" in pdf_text(folder / parts["vi", "cover"]["path"])


def test_a_missing_catalog_is_one_line_and_made_by_update(tmp_path, run, profile_cache):
    folder = init(run, tmp_path, profile_cache, "--editions", "vi,en,ja")
    po = folder / "translations" / "ja.po"
    assert po.is_file()  # init makes every target edition's catalog
    po.unlink()
    line = "error: content/book.yaml: edition ja has no catalog (translations/ja.po); run 'book i18n update' to make it from the template"
    checked = run(folder, "check", "--lang", "vi", "--lang", "ja")  # en still has its title to translate
    assert checked.exit_code == 1
    assert [s for s in checked.stderr.splitlines() if s.startswith("error:")] == [line]
    built = run(folder, "build", "--lang", "vi", "--lang", "ja")
    assert built.exit_code == 1 and built.stderr.strip() == line
    assert not (folder / "output" / "print").exists()
    updated = run(folder, "i18n", "update")
    assert updated.exit_code == 0, updated.stderr
    assert updated.stdout.splitlines() == ["translations/en.po unchanged", "translations/ja.po created from the template"]
    made = polib.pofile(str(po))
    assert made.metadata["Language"] == "ja" and len(made) == len(polib.pofile(str(folder / "translations" / "messages.pot")))
    assert not any("fuzzy" in e.flags for e in made)
    # only the tool's own words of the copyright page come translated (book/defaults/matter-texts.yaml)
    assert {e.msgctxt for e in made if e.msgstr} and all(e.msgctxt.startswith("imprint:") for e in made if e.msgstr)
    assert all("characters" in e.comment for e in made if e.msgctxt.endswith(":caption"))  # the room in ja's style
    proof = run(folder, "build", "--profile", "proof", "--lang", "ja")
    assert proof.exit_code == 0, proof.stderr


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--trim", "210x"], 2, "error: --trim 210x: give the width and height in mm as WIDTHxHEIGHT, e.g. 210x210"),
    (["--trim", "0x200"], 2, "error: --trim 0x200: each side must be from 150 to 350 mm, the sizes the default layouts fit"),
    (["--trim", "360x240"], 2, "error: --trim 360x240: each side must be from 150 to 350 mm, the sizes the default layouts fit"),
    (["--editions", "vi,fr"], 2, "error: --editions vi,fr: unknown language 'fr'; use vi, en, zh, ko, ja"),
    (["--editions", "en,ja"], 2, "error: --editions en,ja: include the source language vi (--source-language)"),
    (["--source-language", "xx"], 2, "error: --source-language xx: unknown language 'xx'; use vi, en, zh, ko, ja"),
])
def test_init_refuses_bad_input(tmp_path, run, args, code, message):
    result = run(tmp_path, "init", str(tmp_path / "book"), *args)
    assert (result.exit_code, result.stderr.strip()) == (code, message)
    assert not (tmp_path / "book").exists()


def test_init_refuses_a_folder_in_use(tmp_path, run):
    (tmp_path / "book" / "notes.txt").parent.mkdir()
    (tmp_path / "book" / "notes.txt").write_text("mine")
    result = run(tmp_path, "init", str(tmp_path / "book"))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'book'}: the folder is not empty; choose a new folder for the book"
    assert (tmp_path / "book" / "notes.txt").read_text() == "mine"


def test_init_in_english(tmp_path, run):
    """An English source book gets English placeholders and labels."""
    result = run(tmp_path, "init", str(tmp_path / "new"), "--source-language", "en", "--editions", "en,vi", "--title", "Sea and people")
    assert result.exit_code == 0, result.stderr
    book = (tmp_path / "new" / "content" / "book.yaml").read_text(encoding="utf-8")
    assert 'title: "Sea and people"' in book and "source_language: en" in book and 'chapter: "Chapter {number}"' in book
    vi = {e.msgctxt: e.msgstr for e in polib.pofile(str(tmp_path / "new" / "translations" / "vi.po"))}
    assert vi["label:chapter"] == "Chương {number}" and vi["book:title"] == ""  # the user's title is not counted as translated
    assert vi["imprint:edition"] == "Ấn bản tiếng Việt"  # the copyright page's words come translated


def test_defaults_are_the_sample_books_own_files(tmp_path, run):
    """`book init` hands out the sample's layouts, styles and fonts, byte for byte."""
    assert run(tmp_path, "init", str(tmp_path / "new")).exit_code == 0
    for name, rel in DEFAULT_FILES.items():
        sample = (REPO / rel).read_bytes()
        assert (DEFAULTS / name).read_bytes() == sample, f"book/defaults/{name} differs from {rel}; run 'python tools/sync_defaults.py'"
        assert (tmp_path / "new" / rel).read_bytes() == sample
