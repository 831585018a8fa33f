"""Where a title's line may not break: inside a phrase (Chinese and Japanese,
by BudouX) or inside a compound the book lists in its ``keep_together``
(Vietnamese writes each syllable apart, so a space alone does not say where a
word ends). `book.text.linebreak.split_atoms` joins the atoms across these
offsets; `book.text.sense` prices the breaks that remain."""

from __future__ import annotations

from functools import cache

from book.text.linebreak import DASHES


@cache
def phrase_parser(model: str):
    import budoux

    loaders = {"ja": budoux.load_default_japanese_parser, "zh-hans": budoux.load_default_simplified_chinese_parser}
    return loaders[model]()


def phrase_cuts(text: str, model: str) -> set[int]:
    """Offsets inside a phrase, where a display line may not break.

    >>> sorted(phrase_cuts("顺化古城是越南中部的文化遗产", "zh-hans"))
    [1, 3, 6, 8, 11, 13]
    """
    cuts: set[int] = set()
    at = 0
    for phrase in phrase_parser(model).parse(text):
        cuts.update(range(at + 1, at + len(phrase)))
        at += len(phrase)
    # A title's own pauses stay open: after a dash run or a colon ("ダナン——" / "復興…").
    for offset in range(1, len(text)):
        before, ch = text[offset - 1], text[offset]
        if (before in DASHES and ch not in DASHES) or before in "：:":
            cuts.discard(offset)
    return cuts


def compound_cuts(text: str, compounds: tuple[str, ...]) -> set[int]:
    """Offsets inside the compounds of ``text`` (any case, whole words only).

    >>> sorted(compound_cuts("Văn hóa, di sản", ("văn hóa", "di sản")))
    [1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14]
    """
    cuts: set[int] = set()
    lowered = text.lower()
    for compound in compounds:
        word = compound.lower()
        at = lowered.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not lowered[at - 1].isalnum()) and (end == len(text) or not lowered[end].isalnum()):
                cuts.update(range(at + 1, end))
            at = lowered.find(word, at + 1)
    return cuts
