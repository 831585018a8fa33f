"""English words whose hyphenation patterns break them where a reader stumbles.

Each entry is the word's syllables as a dictionary gives them; ``-`` marks a
point where a line may break, ``=`` a syllable boundary where it may not,
because the first part reads as a word of its own ("coop-", "coin-",
"rec-"). A listed word breaks only at its ``-`` points (and still with three
letters each side); any other word breaks where the patterns (pyphen) say.
"""

from __future__ import annotations

from functools import cache

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
