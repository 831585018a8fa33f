"""The book's terms in every language (translations/glossary.csv): shown to
translators beside each entry, and checked in their translations."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from book.errors import TranslationError
from book.languages import GLOSSARY_REL, nfc


@dataclass(frozen=True)
class Term:
    source: str
    targets: dict[str, str]
    note: str = ""


def read_glossary(root: Path, source: str) -> list[Term]:
    """The glossary's terms: its first column is the book's source language
    ``source``, then one column per language (and an optional ``note``)."""
    path = root / GLOSSARY_REL
    if not path.is_file():
        return []
    terms = []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or reader.fieldnames[0] != source:
            raise TranslationError(f"{GLOSSARY_REL}:1: the first column must be '{source}' (the book's source_language), "
                                   "then one column per language")
        for row in reader:
            term = nfc((row.get(source) or "").strip())
            if not term:
                continue
            targets = {k: nfc((v or "").strip()) for k, v in row.items() if k not in (source, "note") and v}
            terms.append(Term(term, targets, (row.get("note") or "").strip()))
    # Longer terms first, so "Nhà hát Lớn Hà Nội" is found before "Hà Nội".
    return sorted(terms, key=lambda t: (-len(t.source), t.source))


def terms_in(text: str, terms: list[Term]) -> list[Term]:
    """The glossary terms a source text contains (case-insensitive), each once.

    >>> t = [Term("Cù Lao Chàm", {"en": "Cham Islands"}), Term("Hội An", {"en": "Hoi An"})]
    >>> [x.source for x in terms_in("Cù Lao Chàm, ngoài khơi phố cổ Hội An", t)]
    ['Cù Lao Chàm', 'Hội An']
    """
    lowered = text.lower()
    return [term for term in terms if term.source.lower() in lowered]


def missing_terms(source: str, translation: str, lang: str, terms: list[Term]) -> list[Term]:
    """Terms the source has whose ``lang`` form the translation lacks."""
    lowered = translation.lower()
    return [t for t in terms_in(source, terms)
            if t.targets.get(lang) and not any(form.lower() in lowered for form in t.targets[lang].split("|"))]
