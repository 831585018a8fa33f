"""The imprint's translator, given once or per language: each translated
edition's colophon names its own translator, and an empty slot is reported
with what it is for (the law's lines apart from the lines a house may add)."""

from types import SimpleNamespace

from book.errors import Problems
from book.sources.imprint import IMPRINT_KEYS, load_imprint
from book.sources.schema import Section
from book.sources.yamlsrc import Located
from book.text.matter import body_name


def imprint(values: dict):
    doc = Located("content/book.yaml", {"imprint": values}, {})
    out = Problems()
    section = Section(doc, ("imprint",), values, out, IMPRINT_KEYS)
    return load_imprint(section, out), out


def field(found, key):
    return next(item for item in found.fields if item.key == key)


def test_a_translator_per_language_goes_to_its_own_edition():
    found, out = imprint({"translator": {"en": "Jane Doe", "ja": "山田花子"}})
    item = field(found, "translator")
    book = SimpleNamespace(source_language="vi")
    assert body_name(book, item, SimpleNamespace(lang="ja")) == "山田花子"
    assert body_name(book, item, SimpleNamespace(lang="en")) == "Jane Doe"
    assert body_name(book, item, SimpleNamespace(lang="ko")) == ""  # not given: the slot is empty there
    assert not [m for m in out.items if "imprint.translator" in m.message]


def test_one_translator_for_all_editions_still_reads():
    found, _ = imprint({"translator": "Nhóm dịch thuật"})
    book = SimpleNamespace(source_language="vi")
    assert body_name(book, field(found, "translator"), SimpleNamespace(lang="ko")) == "Nhóm dịch thuật"


def test_a_per_language_value_that_is_not_text_is_an_error_naming_the_key():
    _, out = imprint({"translator": {"en": ["Jane"]}})
    errors = [m for m in out.items if not m.warning]
    assert errors and "imprint.translator" in errors[0].message and "en:" in errors[0].message


def test_an_empty_slot_says_what_it_is_for():
    _, out = imprint({})
    texts = {m.message.split(":")[0]: m.message for m in out.items if m.code == "imprint-empty"}
    assert "the law asks for it" in texts["imprint.printer"]
    assert "the colophon has a line for it" in texts["imprint.bindery"]
