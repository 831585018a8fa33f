"""What the line breaks of the back cover's Chinese or Japanese blurb cost a
reader (`break_cost`): the cover chooses the blurb's measure by it
(`book.text.cover.CoverSetter.blurb_measure`), as an editor rebreaks a blurb by hand."""

from __future__ import annotations

import unicodedata

from book.text.cjk_breaks import PHRASE_MODELS

INSIDE_WORD, INSIDE_PHRASE, BESIDE_ONE, SHORT_END = 10.0, 5.0, 3.0, 5.0  # what a blurb's break costs


def break_cost(lines: list[str], lang: str) -> float:
    """What the line breaks of a Chinese or Japanese block cost a reader: a
    break inside a BudouX phrase, more between two ideographs ("解|放") than
    in its kana ("解放さ|れた"), and more again when it leaves one character
    of the phrase alone ("解放され|た。"); a break beside a phrase of a single
    character ("重走这|段历程"); a last line of fewer than four characters; one
    inside a short quotation ("「赤い|鳳凰木の花の街」").
    A break after punctuation or between phrases costs nothing.

    >>> break_cost(["海防全境解放。这本画册重走这", "段历程：战斗的岁月、重生的港口。"], "zh")
    3.0
    >>> break_cost(["海防全境解放。这本画册", "重走这段历程：战斗的岁月、重生的港口。"], "zh")
    0.0
    >>> break_cost(["ハイフォンは完全に解放され", "た。この写真集はその道のりをたどる。"], "ja")
    8.0
    """
    from book.text.cjk_words import quote_breaks
    from book.text.title_breaks import phrase_parser

    rows = ["".join(ch for ch in line if not ch.isspace()) for line in lines]
    text = "".join(rows)
    phrases = phrase_parser(PHRASE_MODELS[lang]).parse(text)
    starts, at = {}, 0
    for phrase in phrases:
        starts[at] = len(phrase)
        at += len(phrase)
    ends = {start + length: length for start, length in starts.items()}
    cost, at = 0.0, 0
    for row in rows[:-1]:
        at += len(row)
        if not row or unicodedata.category(row[-1]).startswith("P"):
            continue
        if at not in starts:
            begin = max(start for start in starts if start < at)
            end = begin + starts[begin]
            han = unicodedata.name(text[at - 1], "").startswith("CJK") and unicodedata.name(text[at], "").startswith("CJK")
            tail = sum(1 for ch in text[at:end] if not unicodedata.category(ch).startswith("P"))
            cost += (INSIDE_WORD if han else INSIDE_PHRASE) + (BESIDE_ONE if min(at - begin, tail) == 1 else 0.0)
        elif starts[at] == 1 or ends.get(at) == 1:
            cost += BESIDE_ONE
    words = [ch for ch in rows[-1] if not unicodedata.category(ch).startswith("P")] if len(rows) > 1 else []
    return cost + (SHORT_END if 0 < len(words) < 4 else 0.0) + INSIDE_WORD * quote_breaks(rows)
