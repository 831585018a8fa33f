"""The toolchain's own words in a book's catalogs: the publishing record's
labels and phrases (book/defaults/matter-texts.yaml: "Publisher", "出版单位",
"First published: {date}") are the tool's, not the book's, so a catalog gets
them translated wherever the table has the language: `book init` writes them
into a new book's catalogs, and `book i18n update` into an entry that comes
new and empty (an ``imprint:`` section added to book.yaml later). A
translation the translator gave is never replaced."""

from __future__ import annotations

import polib

from book.i18n.catalog import WRAP
from book.model import Book
from book.sources.imprint import tool_words


def tool_translations(book: Book, lang: str) -> dict[tuple[str, str], str]:
    """(msgctxt, msgid) → the tool's translation in ``lang`` of each record
    word the book uses, as long as its source text is still the tool's own."""
    words = tool_words(lang)
    if not words or lang == book.source_language:
        return {}
    found = {}
    for message in book.messages():
        if not message.ctx.startswith("imprint:") or message.ctx.startswith("imprint:name:"):
            continue
        key = message.ctx.split(":", 1)[1]
        text = words.get("labels", {}).get(key) if key in words.get("labels", {}) else words.get(key)
        if isinstance(text, str) and text:
            found[(message.ctx, message.text)] = text
    return found


def fill_tool_words(book: Book, lang: str, merged: str) -> str:
    """``merged`` (a catalog's text) with each of the tool's own words
    translated (`tool_translations`) where the entry is new: empty, or only
    msgmerge's fuzzy guess from another entry ("Địa chỉ" guessed from
    "Địa điểm": "Place"); unchanged when none is."""
    words = tool_translations(book, lang)
    if not words:
        return merged
    po = polib.pofile(merged, wrapwidth=WRAP)
    changed = False
    for entry in po:
        text = words.get((entry.msgctxt, entry.msgid))
        guessed = "fuzzy" in entry.flags and entry.previous_msgctxt not in (None, entry.msgctxt)
        if text and not entry.obsolete and (guessed or (not entry.msgstr and "fuzzy" not in entry.flags)):
            entry.msgstr = text
            if guessed:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = entry.previous_msgctxt = None
            changed = True
    return str(po) + "\n" if changed else merged
