"""The translators' workflow: extract, init, update (as GNU msgmerge --previous
does it), status, and the catalog checks."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import polib
import pytest

CHAPTER = "content/chapters/01-cang.yaml"
OLD = "Cầu Tân Vũ – Lạch Huyện, cây cầu vượt biển dài nhất Việt Nam khi khánh thành năm 2017."
NEW = "Cầu Tân Vũ – Lạch Huyện, cây cầu vượt biển dài nhất Việt Nam khi thông xe năm 2017."


def entries(path: Path) -> dict[str, polib.POEntry]:
    return {e.msgctxt: e for e in polib.pofile(str(path)) if not e.obsolete}


def blocks(path: Path) -> dict[str, str]:
    """Each entry's text as written in the file, keyed by msgctxt."""
    found = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        for line in block.splitlines():
            if line.startswith("msgctxt "):
                found[line] = block
    return found


@pytest.fixture
def extracted(mini, run):
    assert run(mini, "i18n", "extract").exit_code == 0
    assert run(mini, "i18n", "update").exit_code == 0  # bring the fixtures to msgmerge's own layout
    return mini


def test_extract_template(extracted, run):
    pot = extracted / "translations" / "messages.pot"
    first = pot.read_bytes()
    assert run(extracted, "i18n", "extract").exit_code == 0
    assert pot.read_bytes() == first  # deterministic
    template = polib.pofile(str(pot))
    assert template.metadata["X-Source-Language"] == "vi"
    assert template.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    caption = {e.msgctxt: e for e in template}["photo:p002:caption"]
    assert caption.msgid == OLD
    assert caption.occurrences == [("content/chapters/01-cang.yaml", "14")]
    assert "Caption of photo p002 (p002.jpg). On page 2 in chapter 'cang', frame 'caption' of layout 'photo-caption'" in " ".join(caption.comment.split())
    assert "room for about" in caption.comment and "in Chinese/Japanese" in caption.comment
    label = {e.msgctxt: e for e in template}["label:credit"]
    assert "python-brace-format" in label.flags
    assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(pot)]).returncode == 0


def test_changed_caption_goes_fuzzy_and_nothing_else_moves(extracted, run):
    po = extracted / "translations" / "en.po"
    before = blocks(po)
    old_copy = po.read_text(encoding="utf-8")
    chapter = extracted / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    assert run(extracted, "i18n", "extract").exit_code == 0
    assert run(extracted, "i18n", "update", "--lang", "en").exit_code == 0
    after = blocks(po)
    changed = [key for key in before if before[key] != after.get(key)]
    assert changed == ['msgctxt "photo:p002:caption"']
    entry = entries(po)["photo:p002:caption"]
    assert entry.fuzzy and entry.msgid == NEW and entry.previous_msgid == OLD
    assert entry.msgstr.startswith("The Tan Vu – Lach Huyen bridge")  # the translation is kept

    # The same inputs through GNU msgmerge itself give the same entries.
    old = extracted / "old-en.po"
    old.write_text(old_copy, encoding="utf-8")
    pot = extracted / "translations" / "messages.pot"
    raw = subprocess.run(["msgmerge", "--quiet", "--previous", "-o", "-", str(old), str(pot)], capture_output=True, text=True, check=True).stdout
    reference = polib.pofile(raw)
    ours = polib.pofile(str(po))
    assert [(e.msgctxt, e.msgid, e.msgstr, sorted(e.flags), e.previous_msgid, e.obsolete) for e in ours] == \
           [(e.msgctxt, e.msgid, e.msgstr, sorted(e.flags), e.previous_msgid, e.obsolete) for e in reference]


def test_removed_text_becomes_obsolete_and_new_text_untranslated(extracted, run):
    chapter = extracted / CHAPTER
    text = chapter.read_text(encoding="utf-8")
    text = text.replace('  intro: "Hải Phòng là thành phố cảng lớn nhất miền Bắc Việt Nam."',
                        '  intro: "Hải Phòng là thành phố cảng lớn nhất miền Bắc Việt Nam."\n  note: "Một dòng mới."')
    text = text.replace('    place: "Cát Hải"\n', "")
    chapter.write_text(text, encoding="utf-8")
    assert run(extracted, "i18n", "extract").exit_code == 0
    assert run(extracted, "i18n", "update").exit_code == 0
    po = polib.pofile(str(extracted / "translations" / "ja.po"))
    obsolete = [e for e in po if e.obsolete]
    assert [(e.msgctxt, e.msgstr) for e in obsolete] == [("photo:p002:place", "カットハイ")]
    assert "#~ msgctxt \"photo:p002:place\"" in (extracted / "translations" / "ja.po").read_text(encoding="utf-8")
    new = {e.msgctxt: e for e in po}["chapter:cang:note"]
    assert new.msgstr == "" and not new.fuzzy
    document = json.loads(run(extracted, "i18n", "status", "--json").stdout)
    assert document["languages"] == [
        {"lang": "en", "translated": 13, "fuzzy": 0, "stale": 0, "untranslated": 1, "obsolete": 1, "words_left": 3, "percent": 92.8},
        {"lang": "ja", "translated": 13, "fuzzy": 0, "stale": 0, "untranslated": 1, "obsolete": 1, "words_left": 3, "percent": 92.8},
    ]
    line = new.linenum
    assert [p for p in document["problems"] if p["lang"] == "ja"] == [
        {"file": "translations/ja.po", "line": line, "key": "chapter:cang:note", "code": "untranslated", "severity": "warning",
         "lang": "ja", "page": None, "photo": None, "message": "ja: chapter:cang:note: not translated"}]


def test_status_counts_fuzzy_as_not_translated(extracted, run):
    chapter = extracted / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    run(extracted, "i18n", "extract")
    run(extracted, "i18n", "update")
    rows = {r["lang"]: r for r in json.loads(run(extracted, "i18n", "status", "--json").stdout)["languages"]}
    assert rows["en"]["fuzzy"] == 1 and rows["en"]["translated"] == 13 and rows["en"]["words_left"] == len(NEW.split())
    table = run(extracted, "i18n", "status").stdout
    assert "en" in table and "92.8 %" in table
    # A fuzzy entry stops the print build and names the file and line.
    result = run(extracted, "build", "--lang", "en")
    assert result.exit_code == 1
    line = entries(extracted / "translations" / "en.po")["photo:p002:caption"].linenum
    assert f"translations/en.po:{line}: en: photo:p002:caption: fuzzy (needs review)" in result.stderr


def test_status_counts_an_entry_deleted_from_the_catalog_as_untranslated(extracted, run):
    po = extracted / "translations" / "en.po"
    place = blocks(po)['msgctxt "photo:p002:place"']
    po.write_text(po.read_text(encoding="utf-8").replace(place + "\n\n", ""), encoding="utf-8")
    assert "photo:p002:place" not in entries(po)
    document = json.loads(run(extracted, "i18n", "status", "--json").stdout)
    rows = {r["lang"]: r for r in document["languages"]}
    assert rows["en"] == \
        {"lang": "en", "translated": 13, "fuzzy": 0, "stale": 0, "untranslated": 1, "obsolete": 0, "words_left": 2, "percent": 92.8}
    assert document["problems"] == [{"file": "translations/en.po", "line": None, "key": "photo:p002:place", "code": "untranslated",
                                     "severity": "warning", "lang": "en", "page": None, "photo": "p002",
                                     "message": "en: photo:p002:place: not translated"}]
    assert rows["ja"]["translated"] == 14
    table = run(extracted, "i18n", "status").stdout
    assert re.search(r"^en\W+13\W+0\W+0\W+1\W+0\W+92\.8 %", table, re.M), table
    assert re.search(r"^ja\W+14\W+0\W+0\W+0\W+0\W+100 %", table, re.M), table
    # The build refuses the same entry, in the same words.
    result = run(extracted, "build", "--lang", "en")
    assert result.exit_code == 1
    assert "translations/en.po: en: photo:p002:place: not translated" in result.stderr


def test_status_reports_a_stale_translation_the_way_the_build_does(extracted, run):
    chapter = extracted / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")  # no 'i18n update' yet
    line = entries(extracted / "translations" / "en.po")["photo:p002:caption"].linenum
    stale = "en: photo:p002:caption: the Vietnamese text changed since it was translated; run 'book i18n update'"
    document = json.loads(run(extracted, "i18n", "status", "--json").stdout)
    rows = {r["lang"]: r for r in document["languages"]}
    assert rows["en"] == {"lang": "en", "translated": 13, "fuzzy": 0, "stale": 1, "untranslated": 0, "obsolete": 0,
                          "words_left": len(NEW.split()), "percent": 92.8}
    assert [p for p in document["problems"] if p["lang"] == "en"] == [
        {"file": "translations/en.po", "line": line, "key": "photo:p002:caption", "code": "stale-translation", "severity": "warning",
         "lang": "en", "page": None, "photo": "p002", "message": stale}]
    table = run(extracted, "i18n", "status").stdout
    assert "stale" in table and "untranslated" in table and "100 %" not in table
    # language, translated, fuzzy, stale, untranslated, obsolete, done
    assert re.search(r"^en\W+13\W+0\W+1\W+0\W+0\W+92\.8 %", table, re.M), table
    result = run(extracted, "build", "--lang", "en")
    assert result.exit_code == 1
    assert f"translations/en.po:{line}: {stale}" in result.stderr


def test_pivot_and_glossary_notes(extracted, run):
    (extracted / "translations" / "glossary.csv").write_text(
        "vi,en,zh,ko,ja,note\nCát Hải,Cat Hai,吉海,깟하이,カットハイ,island\n", encoding="utf-8")
    assert run(extracted, "i18n", "update").exit_code == 0
    place = entries(extracted / "translations" / "ja.po")["photo:p002:place"]
    assert "English: Cat Hai" in place.comment
    caption = entries(extracted / "translations" / "ja.po")["photo:p002:caption"]
    assert "room for about 198 characters" in " ".join(caption.comment.split())  # in Japanese, not per script (6 columns)
    assert "Glossary: Cát Hải = カットハイ" in place.comment
    assert "English:" not in entries(extracted / "translations" / "en.po")["photo:p002:place"].comment


def test_glossary_term_missing_warns(extracted, run):
    (extracted / "translations" / "glossary.csv").write_text(
        "vi,en,zh,ko,ja,note\nCát Hải,Cat Hai Island,吉海,깟하이,カットハイ,island\n", encoding="utf-8")
    result = run(extracted, "check", "--lang", "en")
    assert result.exit_code == 0
    assert "glossary term 'Cát Hải' is 'Cat Hai Island'" in result.stderr


def test_init_new_language(mini, run):
    assert run(mini, "i18n", "init", "ko").exit_code == 0
    path = mini / "translations" / "ko.po"
    po = polib.pofile(str(path))
    assert po.metadata["Language"] == "ko"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert len(po) == 14 and po.percent_translated() == 0
    assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)]).returncode == 0
    again = run(mini, "i18n", "init", "ko")
    assert again.exit_code == 1 and "already exists" in again.stderr


def edit_po(root: Path, lang: str, old: str, new: str) -> None:
    path = root / "translations" / f"{lang}.po"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('msgstr "Photo: {credit}"', 'msgstr "Photo: {author}"',
         "translations/en.po:23: label:credit: placeholders differ: the source has {credit}, the translation {author}"),
        ('"Language: en\\n"', '"Language: fr\\n"',
         "translations/en.po:1: header Language is 'fr' but the file is for 'en'; set \"Language: en\\n\""),
        ('msgstr "The seaport"', 'msgstr "The seaport',
         "translations/en.po:34: msgfmt: end-of-line within string"),
        ('msgstr "Cat Hai"', 'msgstr "Ca\u0301t Hai"',
         "translations/en.po:55: photo:p002:place: msgstr is not in Unicode NFC (decomposed accents); re-type it or convert the file to NFC"),
    ],
)
def test_bad_catalog_is_one_clear_line(mini, run, old, new, expected):
    edit_po(mini, "en", old, new)
    result = run(mini, "check", "--lang", "en")
    assert result.exit_code == 1
    assert expected in result.stderr.replace("error: ", "").splitlines()
    assert "Traceback" not in result.stderr


def test_duplicate_entry_is_reported(mini, run):
    path = mini / "translations" / "en.po"
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgctxt "photo:p002:place"\nmsgid "Cát Hải"\nmsgstr "Cat Hai"\n', encoding="utf-8")
    result = run(mini, "check", "--lang", "en")
    assert result.exit_code == 1
    assert "translations/en.po:63: photo:p002:place: msgctxt used twice (first at line 55); delete one of the two entries" in result.stderr


def test_dates_in_captions_come_from_cldr(mini, run):
    chapter = mini / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        'intro: "Hải Phòng là thành phố cảng lớn nhất miền Bắc Việt Nam."', 'intro: "Ngày giải phóng."'), encoding="utf-8")
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(OLD, "Khánh thành {date}, năm {year}."), encoding="utf-8")
    edit_po(mini, "en", f'msgid "{OLD}"', 'msgid "Khánh thành {date}, năm {year}."')
    edit_po(mini, "en", "msgstr \"The Tan Vu – Lach Huyen bridge, Vietnam's longest sea bridge when it opened in 2017.\"",
            'msgstr "Opened {date}, in {year}."')
    result = run(mini, "build", "--lang", "en", "--lang", "vi", "--profile", "proof")
    assert result.exit_code == 0, result.stderr
    def text(lang):
        pdf = mini / "output" / "proof" / lang / f"mini-{lang}-proof.pdf"
        return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert "Opened September 2017, in 2017." in text("en")
    assert "Khánh thành tháng 9 năm 2017, năm 2017." in text("vi")


def test_unknown_placeholder_in_source(mini, run):
    chapter = mini / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(OLD, "Khánh thành {ngay}."), encoding="utf-8")
    result = run(mini, "check")
    assert result.exit_code == 1
    assert "photos[1].caption: unknown placeholder {ngay}; placeholders allowed here: {date}, {year}, {month_year}, {place}, {language}" in result.stderr


def test_update_never_rewrites_a_broken_catalog(extracted, run):
    path = extracted / "translations" / "en.po"
    broken = path.read_text(encoding="utf-8").replace('msgstr "The seaport"', 'msgstr "The seaport', 1)
    path.write_text(broken, encoding="utf-8")
    line = broken.splitlines().index('msgstr "The seaport') + 2  # msgmerge names the line after the open string
    result = run(extracted, "i18n", "update", "--lang", "en")
    assert result.exit_code == 1
    assert (f"translations/en.po:{line}: msgmerge failed: end-of-line within string; fix the entry, "
            "then run 'book i18n update' again (the file was not changed)") in result.stderr
    assert path.read_text(encoding="utf-8") == broken


REPO_CATALOGS = sorted((Path(__file__).resolve().parent.parent / "translations").glob("*.po*"))


def msgcat(path: Path) -> str:
    return subprocess.run(["msgcat", "-o", "-", str(path)], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("path", REPO_CATALOGS, ids=lambda p: p.name)
def test_sample_catalogs_are_as_gettext_writes_them(path):
    # msgcat at its default width: what Poedit, Weblate and gettext's own tools write back.
    assert msgcat(path) == path.read_text(encoding="utf-8")


def test_written_catalogs_are_as_gettext_writes_them(extracted, run):
    assert run(extracted, "i18n", "init", "zh").exit_code == 0
    for name in ("messages.pot", "en.po", "ja.po", "zh.po"):
        path = extracted / "translations" / name
        assert msgcat(path) == path.read_text(encoding="utf-8"), name
        assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)]).returncode == 0, name


def header(root: Path, name: str) -> dict[str, str]:
    return polib.pofile(str(root / "translations" / name)).metadata


def test_revision_date_changes_with_the_translations_only(extracted, run, monkeypatch):
    en, ja = extracted / "translations" / "en.po", extracted / "translations" / "ja.po"
    dated, ja_dated = header(extracted, "en.po")["PO-Revision-Date"], header(extracted, "ja.po")["PO-Revision-Date"]
    assert dated != "2025-01-01 00:00+0000" and header(extracted, "en.po")["X-Translations-Digest"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # 2030-01-01 00:00 UTC
    first = en.read_bytes(), ja.read_bytes()
    assert run(extracted, "i18n", "update").exit_code == 0
    assert (en.read_bytes(), ja.read_bytes()) == first  # nothing changed: byte for byte

    # A source change makes entries fuzzy: msgmerge's doing, not a revision.
    chapter = extracted / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    assert run(extracted, "i18n", "extract").exit_code == 0
    assert run(extracted, "i18n", "update").exit_code == 0
    assert entries(en)["photo:p002:caption"].fuzzy
    assert header(extracted, "en.po")["PO-Revision-Date"] == dated

    # The translator reviews the entry: now the catalog has a new revision.
    text = en.read_text(encoding="utf-8").replace("#, fuzzy\n", "", 1)
    assert "The Tan Vu – Lach Huyen bridge" in text
    en.write_text(text.replace("The Tan Vu – Lach Huyen bridge", "The Tan Vu – Lach Huyen Bridge"), encoding="utf-8")
    assert run(extracted, "i18n", "update").exit_code == 0
    assert header(extracted, "en.po")["PO-Revision-Date"] == "2030-01-01 00:00+0000"
    assert not entries(en)["photo:p002:caption"].fuzzy
    # ja's notes show the new English pivot, but its translations did not change.
    assert "Lach Huyen Bridge" in entries(ja)["photo:p002:caption"].comment
    assert header(extracted, "ja.po")["PO-Revision-Date"] == ja_dated
    again = en.read_bytes()
    assert run(extracted, "i18n", "update").exit_code == 0
    assert en.read_bytes() == again


def test_contact_fields_come_from_book_yaml(extracted, run):
    assert header(extracted, "messages.pot")["Report-Msgid-Bugs-To"] == "Nhà xuất bản Thử nghiệm"  # the publisher by default
    assert header(extracted, "ja.po")["Language-Team"] == "日本語"
    book_yaml = extracted / "content" / "book.yaml"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8") + (
        'translation:\n'
        '  report_to: "Phòng Xuất bản <xuatban@example.org>"\n'
        '  en: {translator: "Jane Doe <jane@example.org>", team: "English <en@example.org>"}\n'), encoding="utf-8")
    assert run(extracted, "i18n", "extract").exit_code == 0
    assert run(extracted, "i18n", "update").exit_code == 0
    assert header(extracted, "messages.pot")["Report-Msgid-Bugs-To"] == "Phòng Xuất bản <xuatban@example.org>"
    en = header(extracted, "en.po")
    assert (en["Report-Msgid-Bugs-To"], en["Last-Translator"], en["Language-Team"]) == \
           ("Phòng Xuất bản <xuatban@example.org>", "Jane Doe <jane@example.org>", "English <en@example.org>")
    assert header(extracted, "ja.po")["Report-Msgid-Bugs-To"] == "Phòng Xuất bản <xuatban@example.org>"
    assert header(extracted, "ja.po")["Language-Team"] == "日本語"  # not configured: kept


def test_contact_field_on_two_lines_is_one_clear_error(mini, run):
    book_yaml = mini / "content" / "book.yaml"
    lines = len(book_yaml.read_text(encoding="utf-8").splitlines())
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8") + 'translation:\n  report_to: "Phòng Xuất bản\\nHải Phòng"\n', encoding="utf-8")
    result = run(mini, "check")
    assert result.exit_code == 1
    assert (f"content/book.yaml:{lines + 2}: translation.report_to: a catalog header field is one line, "
            "e.g. 'Name <name@example.org>'") in result.stderr
    assert "Traceback" not in result.stderr


def test_chinese_header_is_gettexts_code_for_simplified_chinese(mini, run):
    from babel import Locale

    from book.i18n.header import header_language
    from book.languages import language

    assert run(mini, "i18n", "init", "zh").exit_code == 0
    assert header(mini, "zh.po")["Language"] == "zh_CN"
    assert header_language("zh", "zh") == "zh_CN"  # the bare, ambiguous code is corrected by update
    assert header_language("zh_Hans", "zh") == "zh_Hans"  # what Weblate writes is kept
    # The same locale for babel: Simplified Chinese, the editions' dates unchanged.
    assert Locale.parse("zh_CN").script == Locale.parse(language("zh").locale).script == "Hans"


def test_glossary_and_messages_follow_the_source_language(tmp_path):
    """A book written in English: its glossary starts with 'en', and a missing or
    stale translation speaks of the English text, not of Vietnamese."""
    from types import SimpleNamespace

    from book.errors import WARNING, TranslationError, Where
    from book.i18n.glossary import read_glossary
    from book.i18n.localise import Localiser
    from book.i18n.status import STALE, state_problem
    from book.model import Message

    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "glossary.csv").write_text("en,vi,note\nOld Quarter,Phố cổ,\n", encoding="utf-8")
    assert [(t.source, t.targets) for t in read_glossary(tmp_path, "en")] == [("Old Quarter", {"vi": "Phố cổ"})]
    with pytest.raises(TranslationError, match="first column must be 'vi' \\(the book's source_language\\)"):
        read_glossary(tmp_path, "vi")

    message = Message("book:title", "The Old Quarter", Where("content/book.yaml", 2))
    loc = Localiser(SimpleNamespace(source_language="en"), "vi", None, fallback=True)
    assert loc.text(message) == "The Old Quarter"
    assert str(loc.problems.items[0]) == "translations/vi.po: vi: book:title: not translated (English shown)"
    entry = polib.POEntry(msgctxt="book:title", msgid="The Quarter", msgstr="Phố cổ")
    stale = state_problem("vi", message, entry, STALE, WARNING, "en")
    assert stale.message == "vi: book:title: the English text changed since it was translated; run 'book i18n update'"


def test_full_dates_read_as_vietnamese_prose_writes_them(sample_prepared, sample_editions):
    """A full date in a Vietnamese credit reads "ngày 13 tháng 5 năm 1955" (not
    CLDR's "13 tháng 5, 1955", English order with a comma); a month and year
    "tháng 5 năm 1955"; the other editions keep CLDR's long date."""
    from book.i18n.cldr import format_partial_date
    from book.model import PartialDate

    assert format_partial_date(PartialDate(2025, 5, 13), "vi") == "ngày 13 tháng 5 năm 2025"
    assert format_partial_date(PartialDate(2024, 5), "vi") == "tháng 5 năm 2024"
    page = sample_prepared.pagination.photo_pages["p005"]  # dated 1955-05-13

    def caption(lang: str) -> str:
        frames = sample_editions[lang].text.frames
        name = next(placed.frame.name for placed in sample_prepared.pagination.pages[page - 1].placed if placed.value == "p005"
                    and placed.frame.kind == "caption")
        return " ".join("".join(piece.text for piece in line.pieces) for placement in frames[(page, name)].placements
                        for line in placement.lines)

    assert "Trung tâm Hải Phòng, ngày 13 tháng 5 năm 1955" in caption("vi")
    assert "tháng 5, 1955" not in caption("vi")
    assert "May 13, 1955" in caption("en")


def test_a_typewriter_apostrophe_in_a_latin_translation_warns(extracted, run):
    """The fifteenth en proof found "Partner's address" among 54 typographic
    apostrophes: the catalog check names the entry and its line, as a warning."""
    path = extracted / "translations" / "en.po"
    po = polib.pofile(str(path))
    entry = po.find("photo:p002:caption", by="msgctxt")
    entry.msgstr = "The city's harbour at dawn."
    po.save(str(path))
    line = entries(path)["photo:p002:caption"].linenum
    result = run(extracted, "check", "--lang", "en")
    assert result.exit_code == 0
    assert f"translations/en.po:{line}: photo:p002:caption: a typewriter quote" in result.stderr
    entry.msgstr = "The city’s harbour at dawn."
    po.save(str(path))
    assert "typewriter" not in run(extracted, "check", "--lang", "en").stderr
