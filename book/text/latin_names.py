"""The word lists behind the Latin name rules (`book.text.latin`), read from
``book/data``: heads and generic parts of names, names written partly in
lower case, the marks of a body's name, Vietnamese two-syllable words and the heads
of Vietnamese names."""

from __future__ import annotations

from functools import cache
from pathlib import Path

COMPOUNDS_FILE = Path(__file__).resolve().parent.parent / "data" / "vi_compounds.yaml"
NAMES_FILE = COMPOUNDS_FILE.with_name("latin_names.yaml")
SHORT_NAME = 3  # words of a name that never breaks


@cache
def name_words() -> dict:
    """``book/data/latin_names.yaml``: heads, generic parts, lower-case names, bodies."""
    import yaml

    return yaml.safe_load(NAMES_FILE.read_text(encoding="utf-8"))


@cache
def heads() -> frozenset[str]:
    """Words that end a place's name ("Island", "River"): a break after one is natural."""
    return frozenset(name_words()["heads"])


@cache
def generic() -> frozenset[str]:
    """Words of an institution's generic part ("International Airport") and the heads."""
    return frozenset(name_words()["generic"]) | heads()


def is_body(phrase: str) -> bool:
    """A body's own name of four words or more ("Nhà xuất bản Thông tin và Truyền thông")."""
    padded = f" {phrase} "
    return len(phrase.split()) > SHORT_NAME and any(f" {m} " in padded for m in name_words()["bodies"])


@cache
def vi_heads() -> tuple[str, ...]:
    """The generic heads of Vietnamese names ("khu kinh tế", "nhà hát"), lower case."""
    return tuple(h.lower() for h in name_words()["vi_heads"])


@cache
def vi_compounds() -> frozenset[tuple[str, str]]:
    """The syllable pairs inside the words of ``book/data/vi_compounds.yaml``,
    lower case: one of a word of two syllables, both of one of three ("bánh
    đa nem": "bánh đa", "đa nem")."""
    import yaml

    words = yaml.safe_load(COMPOUNDS_FILE.read_text(encoding="utf-8"))
    parts = [w.lower().split() for w in words if 2 <= len(w.split()) <= 3]
    return frozenset((a, b) for syllables in parts for a, b in zip(syllables, syllables[1:], strict=False))


@cache
def vi_triples() -> frozenset[tuple[str, str, str]]:
    """The words of three syllables in ``book/data/vi_compounds.yaml``, lower case ("bánh đa nem")."""
    import yaml

    words = yaml.safe_load(COMPOUNDS_FILE.read_text(encoding="utf-8"))
    return frozenset(tuple(w.lower().split()) for w in words if len(w.split()) == 3)
