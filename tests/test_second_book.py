"""What a newcomer making a second book tripped on: `book init` at another
trim, then their own texts. Sample texts left in are flagged and a final
book is refused for print; an ordinary photographer's name wraps in a
narrow credits column; a chapter that cannot be read explains the errors
that follow from it; every error line of a failed build says "error:"; a new
text is left untranslated by `book i18n update`, not paired with an
unrelated old one; a katakana name never parts inside."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import polib

from book.scaffold import CHAPTER_REL
from book.text.linebreak import split_atoms

NAME = "Nguyễn Thị Thu Trang"


def init(run, tmp_path: Path, *args: str) -> Path:
    folder = tmp_path / "nc"
    result = run(tmp_path, "init", str(folder), "--trim", "170x240", *args)
    assert result.exit_code == 0, result.stderr
    return folder


def check_json(run, folder: Path) -> list[dict]:
    return json.loads(run(folder, "check", "--lang", "vi", "--json").stdout)["problems"]


def test_sample_texts_are_flagged_and_a_final_book_refused(tmp_path, run, profile_cache):
    folder = init(run, tmp_path, "--editions", "vi")
    samples = [p for p in check_json(run, folder) if p["code"] == "placeholder-text"]
    keys = {p["key"] for p in samples}
    assert {"photos[0].caption", "photos[0].alt", "photos[0].place", "photos[0].credit", "texts.colophon", "subtitle"} <= keys, keys
    caption = next(p for p in samples if p["key"] == "photos[0].caption")
    assert caption["severity"] == "warning" and caption["file"] == CHAPTER_REL and caption["line"]
    assert "still book init's sample text (\"Chú thích ảnh 1:" in caption["message"]
    # The user's own words are no sample: a real caption and credit are not flagged.
    chapter = folder / CHAPTER_REL
    text = chapter.read_text(encoding="utf-8")
    first = re.search(r'caption: "(Chú thích ảnh 1:[^"]*)"', text)[1]
    chapter.write_text(text.replace(first, "Bến thuyền lúc sáng sớm.").replace('"Tên tác giả"', f'"{NAME}"'), encoding="utf-8")
    keys = {p["key"] for p in check_json(run, folder) if p["code"] == "placeholder-text"}
    assert "photos[0].caption" not in keys and not any(k.endswith(".credit") for k in keys) and "photos[1].caption" in keys
    # A book declared final is refused for print while a sample is left, each error line saying so.
    book_yaml = folder / "content/book.yaml"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8") + "imprint: {final: true}\n", encoding="utf-8")
    built = run(folder, "build", "--lang", "vi")
    assert built.exit_code == 1
    lines = built.stderr.splitlines()
    assert any(line.startswith(f"error: {CHAPTER_REL}:") and "photos[1].caption: still book init's sample text" in line
               for line in lines), built.stderr
    assert all(line.startswith(("error: ", "warning: ")) for line in lines if line.strip()), built.stderr


def test_an_ordinary_name_wraps_in_a_narrow_credits_column(tmp_path, run, profile_cache):
    folder = init(run, tmp_path, "--editions", "vi")
    chapter = folder / CHAPTER_REL
    chapter.write_text(chapter.read_text(encoding="utf-8").replace('"Tên tác giả"', f'"{NAME}"'), encoding="utf-8")
    assert not [p for p in check_json(run, folder) if p["code"] == "credit-too-wide"]
    assert run(folder, "build", "--lang", "vi", "--profile", "proof").exit_code == 0
    pdf = next((folder / "output/proof/vi").glob("*.pdf"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    rows = [line.strip() for line in text.splitlines()]
    parted = [i for i, row in enumerate(rows) if row.endswith("Nguyễn Thị") and i + 1 < len(rows) and rows[i + 1].endswith("Thu Trang")]
    assert parted, text  # the name in two lines, in its column, and no wider than it
    # A word wider than the column cannot wrap: that alone is reported.
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(NAME, "Photographer" * 3, 1), encoding="utf-8")
    wide = [p for p in check_json(run, folder) if p["code"] == "credit-too-wide"]
    assert wide and all("Photographer" * 3 in p["message"] for p in wide), wide


def test_a_chapter_that_cannot_be_read_explains_the_cover_error(mini, run):
    book_yaml = mini / "content/book.yaml"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8") + 'cover: {photo: p001, back_text: "Lời ở bìa sau."}\n', encoding="utf-8")
    chapter = mini / "content/chapters/01-cang.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "pages: [broken\n", encoding="utf-8")
    built = run(mini, "build", "--lang", "vi")
    assert built.exit_code == 1
    errors = [line for line in built.stderr.splitlines() if line.strip()]
    assert errors[0].startswith("error: content/chapters/01-cang.yaml:") and "YAML syntax error" in errors[0], errors
    cover = next(line for line in errors if "cover.photo" in line)
    assert cover.startswith("error: content/book.yaml:") and cover.endswith(
        "; this follows from the error in content/chapters/01-cang.yaml, which could not be read: fix that first"), cover
    assert all(line.startswith("error: ") for line in errors), errors


def test_a_new_caption_is_untranslated_not_an_unrelated_guess(mini, run):
    """msgmerge's fuzzy matching paired a new caption with an old one; a new
    text is now untranslated, and a text moved to a new slot keeps its translation, fuzzy."""
    chapter = mini / "content/chapters/01-cang.yaml"
    text = chapter.read_text(encoding="utf-8")
    new = ("  - id: p003\n    file: p002.jpg\n    caption: \"Cảng Hoàng Diệu nhìn từ sông Lạch Tray lúc chiều muộn.\"\n"
           "    place: \"Cảng Hoàng Diệu\"\n    credit: \"Trần Văn Hải\"\n")
    text = text.replace("pages:\n", new + "pages:\n").replace("caption: p002}", "caption: p002}\n  - layout: photo-caption\n"
                                                                   "    slots: {photo: p003, caption: p003}")
    text = text.replace("id: p002\n", "id: p009\n").replace("photo: p002, caption: p002", "photo: p009, caption: p009")
    chapter.write_text(text, encoding="utf-8")
    before = {e.msgctxt: e.msgstr for e in polib.pofile(str(mini / "translations/en.po")) if e.msgstr}
    assert run(mini, "i18n", "extract").exit_code == 0
    assert run(mini, "i18n", "update", "--lang", "en").exit_code == 0
    po = {e.msgctxt: e for e in polib.pofile(str(mini / "translations/en.po")) if not e.obsolete}
    caption = po["photo:p003:caption"]
    assert not caption.msgstr and "fuzzy" not in caption.flags, caption
    moved = po["photo:p009:caption"]  # the same caption under a new id: its translation follows, for review
    assert moved.msgstr == before["photo:p002:caption"] and "fuzzy" in moved.flags and moved.previous_msgctxt == "photo:p002:caption"
    obsolete = {e.msgctxt for e in polib.pofile(str(mini / "translations/en.po")) if e.obsolete}
    assert "photo:p002:caption" in obsolete  # never dropped


def test_a_katakana_name_never_parts_inside():
    """"アイリーン" (no loanword compound, no dot) is one word; a name the catalog
    writes with a middle dot parts there."""
    for text in ("写真家アイリーンが撮影した港の朝。", "アイリーン"):
        at = text.index("アイリーン")
        starts = {atom.start for atom in split_atoms(text, "ja")}
        assert not starts & set(range(at + 1, at + 5)), [a.text for a in split_atoms(text, "ja")]
    starts = {atom.start for atom in split_atoms("アイ・リーンの港", "ja")}
    assert 3 in starts  # after the dot
