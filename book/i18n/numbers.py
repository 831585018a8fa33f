"""Counts written as each edition's readers write them: CLDR's digits and
grouping, and the unit from the catalogs ("1.000 bản", "1,000 copies")."""

from __future__ import annotations

from babel.numbers import format_decimal

from book.languages import language

# Chinese publishing (GB/T 15835-2011, the use of numbers in publications) leaves a
# number of four digits ungrouped ("1000册") where CLDR's zh data groups it; larger
# numbers group as CLDR says. These languages group only from five digits.
GROUP_FROM_FIVE_DIGITS = frozenset({"zh"})


def format_count(count: int, lang: str) -> str:
    """``count`` in ``lang``'s digits and grouping.

    >>> [format_count(1000, lang) for lang in ("vi", "en", "zh", "ko", "ja")]
    ['1.000', '1,000', '1000', '1,000', '1,000']
    >>> format_count(25000, "zh")
    '25,000'
    """
    grouped = not (lang in GROUP_FROM_FIVE_DIGITS and abs(count) < 10000)
    return format_decimal(count, locale=language(lang).locale, group_separator=grouped)


def count_text(value: str, lang: str) -> str:
    """A typed-in count formatted for ``lang``; any other text as it is.

    >>> count_text("1000", "vi"), count_text("1 000 (đợt 1)", "vi")
    ('1.000', '1 000 (đợt 1)')
    """
    text = value.strip()
    return format_count(int(text), lang) if text.isdigit() else value
