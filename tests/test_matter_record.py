"""The publishing record as one system in every edition (a designer's check):
the title in the title page's face, the facts all fields of one table (no bare
line among them), the zh record's 印张 and 字数, and the record's labels the
tool's own words, translated in a new project's catalogs."""

from __future__ import annotations

import re

import polib
import pytest
from conftest import LANGS
from test_matter import RECORD_AT_BACK, interior, text_of

from book.i18n.catalog import read_catalog
from book.i18n.localise import Localiser
from book.pages.paginate import paginate
from book.sources import load_book
from book.sources.imprint import IMPRINT_FIELDS, tool_words
from book.text.label_table import split_field
from book.text.matter import TABLE_GROUPS, TITLE_STYLE, record_groups, title_parts
from book.text.sheets import folds, printed_sheets, set_characters


def record(sample, lang):
    book, _ = load_book(sample)
    pagination = paginate(book)
    loc = Localiser(book, lang, read_catalog(sample, lang) if lang != "vi" else None)
    return book, pagination, loc


@pytest.mark.parametrize("lang", LANGS)
def test_every_fact_of_the_record_is_a_field_of_the_table(sample, lang):
    book, pagination, loc = record(sample, lang)
    groups = record_groups(book, pagination, loc, "", with_rights=True)
    rows = [row for name in TABLE_GROUPS for row in groups.get(name, [])]
    assert len(rows) >= 10, rows
    bare = [row for row in rows if split_field(row) is None]
    assert not bare, (lang, bare)
    # what stands outside the table is a sentence or a statement, never a "label: value" fact
    assert all(split_field(row) is None for row in groups["closing"]), groups["closing"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_record_title_is_set_as_the_title_page_sets_the_title(sample, lang):
    book, _, loc = record(sample, lang)
    parts = title_parts(book, loc, lambda name: book.style(name, lang))
    assert book.style(TITLE_STYLE, lang).font == book.style("title", lang).font == "serif-bold"
    assert parts[0].text == " ".join(loc.text(book.title).split())  # as written, not in capitals


def test_zh_record_gives_printed_sheets_and_word_count(sample):
    book, pagination, loc = record(sample, "zh")
    thousands = -(-set_characters(book, loc) // 1000)
    sheets = printed_sheets(len(pagination.pages), book.trim)
    assert (folds(book.trim), sheets) == (8, "8")  # 240 × 300 mm: 8开 on the 889 × 1194 mm sheet, 64 pages
    page = len(pagination.pages) if "zh" in RECORD_AT_BACK else 4
    text = re.sub(r"\s+", "", text_of(interior(sample, "zh"), page, "-layout"))
    assert f"印张{sheets}" in text and f"字数{thousands}千字" in text, text
    assert "书号ISBN978-604" in text, text
    for lang in ("vi", "en", "ko", "ja"):  # only the Chinese record gives them
        page = len(pagination.pages) if lang in RECORD_AT_BACK else 4
        assert "印张" not in text_of(interior(sample, lang), page)


@pytest.mark.parametrize(("trim", "leaves"), [((240, 300), 8), ((210, 210), 16), ((170, 240), 16), ((300, 300), 4)])
def test_folds_at_any_trim(trim, leaves):
    assert folds(trim) == leaves
    assert printed_sheets(leaves * 3 + 1, trim) == "3.25"  # a part sheet rounds up to the quarter


@pytest.mark.parametrize("lang", LANGS)
def test_the_tool_has_every_record_label_in_every_language(lang):
    labels = tool_words(lang)["labels"]
    assert set(labels) == set(IMPRINT_FIELDS) and all(labels.values())


def test_imprint_added_after_init_comes_with_its_labels_translated(tmp_path, run):
    folder = tmp_path / "new"
    assert run(tmp_path, "init", str(folder), "--editions", "vi,en,zh,ko,ja").exit_code == 0
    book_yaml = folder / "content" / "book.yaml"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8") + 'imprint:\n  publisher: "NXB Mẫu"\n  print_run: 500\n',
                         encoding="utf-8")
    assert run(folder, "i18n", "extract").exit_code == 0
    updated = run(folder, "i18n", "update")
    assert updated.exit_code == 0, updated.stderr
    for lang in ("en", "zh", "ko", "ja"):
        po = polib.pofile(str(folder / "translations" / f"{lang}.po"))
        entries = {e.msgctxt: e for e in po if not e.obsolete}
        labels = tool_words(lang)["labels"]
        for key in IMPRINT_FIELDS:
            assert entries[f"imprint:{key}"].msgstr == labels[key], (lang, key)
        assert entries["imprint:copies"].msgstr == tool_words(lang)["copies"]
