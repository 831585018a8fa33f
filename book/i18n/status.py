"""Where each text of the book stands in one language: translated, fuzzy,
stale or untranslated. Decided here once, for the build (`Localiser`), the
review sheet and `book i18n status`, so they never disagree.

A language's progress is counted against the sources (the texts the template
holds), not against the entries its catalog happens to have: an entry deleted
from the catalog counts as untranslated, and one whose source text changed
since it was translated counts as stale, as the build refuses both."""

from __future__ import annotations

from dataclasses import dataclass

import polib

from book.errors import WARNING, Problem, Where
from book.i18n.catalog import Catalog
from book.i18n.cldr import english_name
from book.languages import catalog_rel, nfc
from book.model import Book, Message

TRANSLATED, FUZZY, STALE, UNTRANSLATED = "translated", "fuzzy", "stale", "untranslated"

# What the build reports for each state but TRANSLATED: the problem's code and the words a user reads.
PROBLEMS = {
    UNTRANSLATED: ("untranslated", "not translated"),
    FUZZY: ("fuzzy", "fuzzy (needs review)"),
    STALE: ("stale-translation", "the {source} text changed since it was translated; run 'book i18n update'"),
}


def entry_state(entry: polib.POEntry | None, text: str) -> str:
    """The state of a catalog entry (None when the catalog has none) for a source text ``text``."""
    if entry is None or not entry.msgstr:
        return UNTRANSLATED
    if "fuzzy" in entry.flags:
        return FUZZY
    if nfc(entry.msgid) != text:
        return STALE
    return TRANSLATED


def state_problem(lang: str, message: Message, entry: polib.POEntry | None, state: str,
                  severity: str, source: str, suffix: str = "") -> Problem:
    """The problem the build reports for ``message`` in state ``state``, at its catalog entry;
    ``source`` is the book's source language, whose text the translation follows."""
    code, what = PROBLEMS[state]
    what = what.format(source=english_name(source))
    if state == UNTRANSLATED and entry is not None and entry.msgid_plural:
        code, what = "plural", ("plural forms are not used in this book; delete its msgid_plural line and give the "
                                "translation as one msgstr")
    where = Where(catalog_rel(lang), entry.linenum if entry is not None else None, message.ctx)
    return Problem(code, f"{lang}: {message.ctx}: {what}{suffix}", where, severity)


@dataclass
class Status:
    lang: str
    translated: int
    fuzzy: int
    stale: int
    untranslated: int
    obsolete: int  # entries the sources no longer use ('#~' ones and those awaiting 'book i18n update')
    words_left: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.stale + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def survey(book: Book, catalog: Catalog) -> tuple[Status, list[Problem]]:
    """One language's counts, and each text still to translate or review as a
    warning at its catalog line (for CI annotations)."""
    lang, entries = catalog.lang, catalog.entries
    counts = {TRANSLATED: 0, FUZZY: 0, STALE: 0, UNTRANSLATED: 0}
    words, problems, used = 0, [], set()
    for message in book.messages():
        if not message.text or message.ctx in used:
            continue
        used.add(message.ctx)
        entry = entries.get(message.ctx)
        state = entry_state(entry, message.text)
        counts[state] += 1
        if state != TRANSLATED:
            words += len(message.text.split())
            problems.append(state_problem(lang, message, entry, state, WARNING, book.source_language))
    obsolete = sum(1 for e in catalog.po or () if e.obsolete or e.msgctxt not in used)
    status = Status(lang, counts[TRANSLATED], counts[FUZZY], counts[STALE], counts[UNTRANSLATED], obsolete, words)
    return status, problems
