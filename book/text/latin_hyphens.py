"""Where an English word may break with a hyphen: pyphen's patterns, at
least three letters each side, and a list of words the patterns break where
a reader stumbles.

Each entry is the word's syllables as a dictionary gives them; ``-`` marks a
point where a line may break, ``=`` a syllable boundary where it may not,
because the first part reads as a word of its own ("coop-", "coin-",
"rec-"). A listed word breaks only at its ``-`` points (and still with three
letters each side); any other word breaks where the patterns (pyphen) say.
"""

from __future__ import annotations

from functools import cache

from book.languages import TABLE
from book.text.compose import letters

MIN_LETTERS = 3  # either side of a hyphen

EXCEPTIONS = (
    "co=op=er-a-tion", "co=op=er-ate", "co=op=er-a-tive", "co=or-di-na-tion", "co=in=cides", "co=in=cide",
    "re=cre-a-tion", "re=search-ers", "re=sound-ing", "pro=gress", "pre=sent-ed", "be=hind",
    "en-vi-ron-ment", "lime-stone", "ship-yard", "ship-yards", "work-force", "live-li-hood", "ex-press-ways",
    "pro-duc-tion", "de-vel-op-ment", "in-dus-tries", "cred-it-ed", "fer-ment-ing", "shel-tered", "work-ing",
    "cen-tral", "gar-dens", "com-mu-ni-ty", "in-ter-na-tion-al", "her-it-age", "cel-e-bra-tion", "wa-ter-front",
)


@cache
def exception_breaks() -> dict[str, tuple[int, ...]]:
    """Each listed word and the letter counts after which it may break."""
    table = {}
    for entry in EXCEPTIONS:
        word, points, count = "", [], 0
        for ch in entry:
            if ch == "-":
                points.append(count)
            elif ch != "=":
                word += ch
                count += 1
        table[word] = tuple(points)
    return table


def checked(word: str, options: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``options`` (head, tail) from the patterns, or the listed word's own breaks.

    >>> checked("cooperation.", [("coop", "eration."), ("cooper", "ation."), ("coopera", "tion.")])
    [('cooper', 'ation.'), ('coopera', 'tion.')]
    >>> checked("coincides", [("coin", "cides")])
    []
    """
    lead = len(word) - len(word.lstrip("“‘(\"'"))
    core = word[lead:].rstrip(",.;:!?)”’\"'")
    points = exception_breaks().get(core.lower())
    if points is None:
        return options
    heads = {lead + n for n in points}
    return [(head, tail) for head, tail in options if len(head) in heads] or [
        (word[:n], word[n:]) for n in sorted(heads) if n >= lead + 3 and len(core) + lead - n >= 3]


@cache
def hyphenator(lang: str):
    import pyphen

    code = TABLE[lang].hyphenation if lang in TABLE else None
    return pyphen.Pyphen(lang=code, left=MIN_LETTERS, right=MIN_LETTERS) if code and code in pyphen.LANGUAGES else None


def hyphen_options(word: str, lang: str) -> list[tuple[str, str]]:
    """Where a word may break with a hyphen: at least 3 letters each side.
    Names (capitalised words) and words with digits stay whole; a compound
    breaks only after its own hyphens (the head keeps the hyphen it has).

    >>> hyphen_options("community.", "en")
    [('commu', 'nity.'), ('com', 'munity.')]
    >>> hyphen_options("solemnly", "en"), hyphen_options("Haiphong", "en")
    ([], [])
    >>> hyphen_options("call-and-response", "en")
    [('call-and', 'response')]
    """
    dictionary = hyphenator(lang)
    if dictionary is None or len(word) < 6 or any(ch.isdigit() for ch in word) or not word[0].islower():
        return []
    if "-" in word:
        return [(word[:at], word[at + 1:]) for at, ch in enumerate(word)
                if ch == "-" and letters(word[:at]) >= 2 * MIN_LETTERS and letters(word[at + 1:]) >= 2 * MIN_LETTERS]
    options = checked(word, list(dictionary.iterate(word)))  # against the list of misleading breaks
    return [(first, rest) for first, rest in options if letters(first) >= MIN_LETTERS and letters(rest) >= MIN_LETTERS]
