"""Per-language progress: translated, fuzzy, untranslated, obsolete, words left."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from book.errors import WARNING, Problem, Where
from book.i18n.catalog import parse_po
from book.languages import catalog_rel


@dataclass
class Status:
    lang: str
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int
    words_left: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def status(path: Path, lang: str) -> Status:
    po = parse_po(path, catalog_rel(lang))
    live = [e for e in po if not e.obsolete]
    fuzzy = [e for e in live if "fuzzy" in e.flags]
    untranslated = [e for e in live if not e.msgstr and "fuzzy" not in e.flags]
    translated = [e for e in live if e.msgstr and "fuzzy" not in e.flags]
    words = sum(len(e.msgid.split()) for e in fuzzy + untranslated)
    return Status(lang, len(translated), len(fuzzy), len(untranslated), len([e for e in po if e.obsolete]), words)


def status_problems(path: Path, lang: str) -> list[Problem]:
    """Each entry still to translate or review, as a warning at its line, for CI annotations."""
    rel = catalog_rel(lang)
    found = []
    for entry in parse_po(path, rel):
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            found.append(Problem("fuzzy", f"{lang}: {entry.msgctxt}: fuzzy (needs review)", Where(rel, entry.linenum, entry.msgctxt), WARNING))
        elif not entry.msgstr:
            found.append(Problem("untranslated", f"{lang}: {entry.msgctxt}: not translated", Where(rel, entry.linenum, entry.msgctxt), WARNING))
    return found
