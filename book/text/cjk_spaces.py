"""The spaces of Chinese and Japanese running text: where kana or Han meet
Latin letters or digits (JIS X 4051 四分アキ, CLREQ 3.2.2), how wide each gap
is set and how far it adjusts, and what a tight line may take off a space
(`book.text.cjk` sets the lines)."""

from __future__ import annotations

from book.languages import TABLE
from book.text.linebreak import INSEPARABLE, NO_START, is_ideographic

QUARTER = 0.25  # em: 四分アキ between Japanese and Latin or digits (a language's ``latin_space``)
SPACE_UNITS = 2.5  # a space between words or scripts adjusts this many times as much as a CJK gap
LATIN_TIGHT = 0.1875  # em: the least a quarter-em 和欧間 closes to, and only after every mark's empty half has
#   closed (JLREQ 3.8.2 order, marks first): the ninth ja proof measured 0.12 em on p5, p13 and p53 beside 0.25
SPACE_TIGHT = 0.2  # of a word space's width: what a tight line may take off it
LATIN_UNITS = 1e6  # a 和欧間 counts as this many units in a line's sum, so the composer reads how many a line holds
#   and opens them first (`book.text.cjk_grid.split_units`): no line holds a thousand other gaps ...
ROOM_UNITS = 1000.0  # ... and this many more per sixteenth of an em it may open by (no line opens a thousand)
LATIN_MOST: dict[str, float] = {}  # em: the widest a 和欧間 opens on a loose line, by language ...
MOST = QUARTER  # ... elsewhere: not at all, one width on every line (the ninth proofs: ja 0.31 in 22 places beside
#   0.25, zh 0.18-0.22; the line's CJK gaps open instead, to ``cjk_grid.GAP_LIMIT``)


def is_han(ch: str) -> bool:
    """An ideograph, a kana or a full-width letter or digit (not punctuation)."""
    return is_ideographic(ch) and ch.isalnum()


def is_western(ch: str) -> bool:
    """A Latin letter, a digit or a Western sign ("B-52", "45-NQ/TW", "%")."""
    return not is_ideographic(ch) and not ch.isspace()


# A loose line may open the white beside its mid-line marks (after 、。」） and before 「（) by up to
#   ``MARK_OPEN`` em, all alike, before any gap between two characters (JLREQ 3.8.3 allows it). Neither
#   language does now: the eleventh zh proof counted 182 quarter-em holes after ，、。 and beside 《》 on 88 of
#   270 lines ("日本、 韩国、", "画册 《海防", ，《 at 0.75 em), and ja at a quarter shows the same holes at 150 dpi
#   (p5 "から、 港湾", "』 は、 この"): a line's remainder spreads evenly over all its gaps, marks included
#   (CLREQ), and a word parts softly rather than leave a line short (`cjk_words.ZH_WORD`).
MARK_OPEN: dict[str, float] = {}  # em by language, none
MARK_AFTER = frozenset("、。，．」』）］〕】〉》")  # marks whose empty right half may open mid-line
MARK_BEFORE = frozenset("「『（［〔【〈《")  # ... whose empty left half may


Latin = tuple[float, ...]  # em between CJK and digits, between CJK and a Latin word, the most either opens to
#   (0: neither opens nor closes: a fixed 和欧間, Chinese), and, where given, the most a mark's white opens by
SET_SOLID: Latin = (0.0, 0.0, 0.0)
JAPANESE: Latin = (QUARTER, QUARTER, MOST)


def latin_spaces(lang: str) -> Latin:
    """The language's em beside digits and beside Latin words (`book.languages`), and the most they open to."""
    record = TABLE[lang]
    words = record.latin_space if record.word_space is None else record.word_space
    most = LATIN_MOST.get(lang, MOST)
    return record.latin_space, words, max(most, record.latin_space, words) if most else 0.0, MARK_OPEN.get(lang, 0.0)


def latin_units(em: float, latin: Latin) -> float:
    """The units of a 和欧間 set at ``em``: one ``LATIN_UNITS``, and the sixteenths it may open by.

    >>> latin_units(0.125, (0.125, 0.25, 0.25)) - LATIN_UNITS, latin_units(0.25, JAPANESE) - LATIN_UNITS
    (2000.0, 0.0)
    """
    return LATIN_UNITS + ROOM_UNITS * round(max(0.0, latin[2] - em) * 16)


def western_run(a: str, b: str) -> str:
    """The Latin letters, digits and signs where ``a`` meets ``b``: the end of
    ``a``'s if it ends in them, else the start of ``b``'s."""
    if a and is_western(a[-1]):
        start = len(a)
        while start and is_western(a[start - 1]):
            start -= 1
        return a[start:]
    count = next((n for n, ch in enumerate(b) if not is_western(ch)), len(b))
    return b[:count]


def boundary(a: str, b: str, space: float | None, size: float, latin: Latin = JAPANESE) -> tuple[float, float]:
    """The natural width (pt) and the adjustable units (a 和欧間:
    `latin_units`) of the gap between the text ``a`` and the text ``b`` (their last and first characters meet);
    ``space`` is the width of a space between them, if any; ``latin`` the em
    between CJK and digits, and between CJK and a Latin word (0: set solid, a
    gap like any between two CJK characters).

    >>> boundary("年", "5", None, 10), boundary("の", "B", 2.6, 10)
    ((2.5, 1000000.0), (2.5, 1000000.0))
    >>> boundary("年", "5", None, 10, SET_SOLID), boundary("5", "海", 2.6, 10, SET_SOLID)
    ((0.0, 1), (2.6, 2.5))
    >>> boundary("1955", "年", None, 10, (0.0, 0.25, 0.25)), boundary("包括", "LG", None, 10, (0.0, 0.25, 0.25))
    ((0.0, 1), (2.5, 1000000.0))
    >>> boundary("第45-NQ/TW", "号", None, 10, (0.0, 0.25, 0.25))
    (2.5, 1000000.0)
    >>> boundary("海", "防", None, 10), boundary("2", "0", None, 10), boundary("—", "—", None, 10)
    ((0.0, 1), (0.0, 0), (0.0, 0))
    >>> boundary("Vũ", "Đức", 2.6, 10)
    (2.6, 2.5)
    >>> boundary("港、", "市", None, 10, (*JAPANESE, 0.5)), boundary("港、", "」", None, 10, (*JAPANESE, 0.5))
    ((0.0, 1008000.0), (0.0, 1))
    """
    left, right = a[-1], b[0]
    mark = latin[3] if len(latin) > 3 else 0.0
    if mark and space is None and (left in MARK_AFTER or right in MARK_BEFORE) and right not in NO_START:
        return 0.0, LATIN_UNITS + ROOM_UNITS * round(mark * 16)  # "港、|市": the mark's white opens first
    if (is_han(left) and is_western(right)) or (is_western(left) and is_han(right)):
        em = latin[1] if any(ch.isalpha() for ch in western_run(a, b)) else latin[0]
        if em:
            return em * size, latin_units(em, latin)
        return (space, SPACE_UNITS) if space is not None else (0.0, 1)  # solid, or a space the text gives ("© 2025 海防")
    a, b = left, right
    if space is not None:
        if is_ideographic(a) or is_ideographic(b):
            return 0.0, 1  # a stray space beside CJK punctuation: the mark has its own
        return space, SPACE_UNITS
    if is_ideographic(a) and is_ideographic(b):
        return 0.0, 0 if (a in INSEPARABLE and a == b) else 1
    if is_ideographic(a) or is_ideographic(b):
        return 0.0, 1  # a bracket beside a Latin word
    return 0.0, 0  # inside a Latin word or a number


def space_rooms(gaps: list[tuple[float, float]], size: float, latin: Latin, floor: bool = False) -> list[float]:
    """What each gap may close on a tight line: a word space by a fifth, a
    Japanese-Latin quarter space nothing, a gap between CJK characters nothing
    (JIS X 4051 never sets them closer); with ``floor``, what a quarter space
    may give after every mark has closed: down to ``LATIN_TIGHT``, only in a
    paragraph that has no other way but a line left short (zh "VinFast
    汽车…隶属 | 亭武—吉海经济区", a name that never breaks).

    >>> space_rooms([(2.5, LATIN_UNITS), (2.6, 2.5), (0.0, 1)], 10, JAPANESE)
    [0.0, 0.52, 0.0]
    >>> space_rooms([(2.5, LATIN_UNITS), (2.6, 2.5), (0.0, 1)], 10, JAPANESE, floor=True)
    [0.625, 0.0, 0.0]
    """
    rooms = []
    for width, units in gaps:
        if units <= 1:
            rooms.append(0.0)
        elif any(em and abs(width - em * size) < 1e-6 for em in latin[:2]):
            rooms.append(max(0.0, width - LATIN_TIGHT * size) if floor else 0.0)
        else:
            rooms.append(0.0 if floor else SPACE_TIGHT * width)
    return rooms
