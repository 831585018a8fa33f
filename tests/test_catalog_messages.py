"""Catalogs as translators' tools leave them, and one clear line where they go
wrong (issue #29, item 5): escapes read as gettext reads them, plural entries,
non-ASCII placeholders, symlinks, line ends, byte-order marks and translator
headers kept, a read-only catalog, blank translations, NFD photo names."""

from __future__ import annotations

import os
import stat
import subprocess
import unicodedata
from pathlib import Path

import polib

EN = "translations/en.po"
CAPTION = "The Tan Vu – Lach Huyen bridge, Vietnam's longest sea bridge when it opened in 2017."


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def one_error(result) -> str:
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr + result.output
    lines = [line for line in errors(result.stderr) if "problem" not in line or ":" in line.split(" ")[1]]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_escapes_are_read_as_gettext_reads_them(mini, run):
    edit(mini / EN, f'msgstr "{CAPTION}"', r'msgstr "\x54he T\141n Vu bridge\x2c built in 2017."')
    result = run(mini, "build", "--lang", "en", "--profile", "proof")
    assert result.exit_code == 0, result.stderr
    text = subprocess.run(["pdftotext", str(mini / "output/proof/en/mini-en-proof.pdf"), "-"], capture_output=True, text=True).stdout
    assert "The Tan Vu bridge, built in 2017." in " ".join(text.split())
    assert "x54" not in text and "141" not in text


def test_non_ascii_placeholder_is_one_line_not_a_crash(mini, run):
    edit(mini / EN, 'msgctxt "label:chapter"', '#, python-brace-format\nmsgctxt "label:chapter"')
    edit(mini / EN, 'msgstr "Chapter {number}"', 'msgstr "Chapter {番号}"')
    for command in ("check", "build"):
        result = run(mini, command, "--lang", "en")
        assert result.exit_code == 1, result.stderr
        assert "internal error" not in result.stderr and "Traceback" not in result.stderr
        lines = [line.removeprefix("error: ") for line in result.stderr.splitlines() if "label:chapter" in line or "brace" in line]
        assert lines == ["translations/en.po:19: label:chapter: placeholders differ: the source has {number}, the translation {番号}"]


def test_plural_entry_is_named_as_such(mini, run):
    edit(mini / EN, 'msgid "Cát Hải"\nmsgstr "Cat Hai"', 'msgid "Cát Hải"\nmsgid_plural "Cát Hải"\nmsgstr[0] "Cat Hai"\nmsgstr[1] "Cat Hai"')
    line = one_error(run(mini, "check", "--lang", "en"))
    assert line.startswith("error: translations/en.po:55: en: photo:p002:place: plural forms are not used in this book; "
                           "delete its msgid_plural line"), line


def test_blank_translation_is_an_error(mini, run):
    edit(mini / EN, f'msgstr "{CAPTION}"', 'msgstr "   "')
    line = one_error(run(mini, "check", "--lang", "en"))
    assert line.startswith("error: translations/en.po:51: photo:p002:caption: the translation is only spaces"), line


def test_update_keeps_crlf_bom_symlink_and_the_translators_header(mini, run):
    po = mini / EN
    edit(po, '"Language: en\\n"', '"Language: en\\n"\n"Last-Translator: Ana Poedit <ana@example.org>\\n"')
    book_yaml = mini / "content/book.yaml"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8") + 'translation:\n  en: {translator: "Jane Doe <jane@example.org>"}\n',
                         encoding="utf-8")
    elsewhere = mini.parent / "shared-catalogs"
    elsewhere.mkdir()
    (elsewhere / "en.po").write_bytes(b"\xef\xbb\xbf" + po.read_bytes().replace(b"\n", b"\r\n"))
    po.unlink()
    po.symlink_to(elsewhere / "en.po")
    checked = run(mini, "check", "--lang", "en")
    assert checked.exit_code == 0, checked.stderr
    assert "warning: translations/en.po:1: the file starts with a byte-order mark" in checked.stderr
    assert run(mini, "i18n", "extract").exit_code == 0
    edit(mini / "content/chapters/01-cang.yaml", 'place: "Cát Hải"', 'place: "Đảo Cát Hải"')
    assert run(mini, "i18n", "extract").exit_code == 0
    result = run(mini, "i18n", "update", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "translations/en.po updated" in result.output
    assert po.is_symlink() and po.resolve() == (elsewhere / "en.po").resolve()
    data = (elsewhere / "en.po").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == data.count(b"\n")  # every line still ends in CRLF
    assert b'msgid "\xc4\x90\xe1\xba\xa3o C\xc3\xa1t H\xe1\xba\xa3i"' in data
    merged = polib.pofile(data[3:].decode("utf-8").replace("\r\n", "\n"))
    assert merged.metadata["Last-Translator"] == "Ana Poedit <ana@example.org>"
    assert run(mini, "i18n", "update", "--lang", "en").output.strip().endswith("translations/en.po unchanged")


def test_read_only_catalog_is_one_line_and_left_as_it_was(mini, run):
    po = mini / EN
    assert run(mini, "i18n", "extract").exit_code == 0
    edit(mini / "content/chapters/01-cang.yaml", 'place: "Cát Hải"', 'place: "Đảo Cát Hải"')
    assert run(mini, "i18n", "extract").exit_code == 0
    before = po.read_bytes()
    po.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        line = one_error(run(mini, "i18n", "update", "--lang", "en"))
    finally:
        po.chmod(0o644)
    assert line == ("error: translations/en.po: the file is read-only; make it writable (chmod u+w translations/en.po) "
                    "and run the update again (nothing was changed)")
    assert po.read_bytes() == before


def test_charset_mismatch_gets_a_word(mini, run):
    edit(mini / EN, "charset=UTF-8", "charset=ISO-8859-1")
    result = run(mini, "check", "--lang", "en")
    assert "warning: translations/en.po:1: the header says charset=ISO-8859-1 but the file is UTF-8 text" in result.stderr


def test_decomposed_photo_name_gets_a_hint(mini, run):
    photos = mini / "content/photos"
    nfc = "ảnh-cảng.jpg"
    os.rename(photos / nfc, photos / unicodedata.normalize("NFD", nfc))
    line = one_error(run(mini, "check", "--lang", "vi"))
    assert line.startswith("error: content/chapters/01-cang.yaml:7: photos[0].file: photo content/photos/ảnh-cảng.jpg not found; "
                           f"the folder has '{unicodedata.normalize('NFD', nfc)}' with its accents decomposed (NFD), which looks "
                           "the same: rename the file"), line
