"""What CLDR (babel) knows about each edition's language: dates at their
known precision, language names, plural forms."""

from __future__ import annotations

import datetime

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.messages.plurals import get_plural

from book.languages import language
from book.model import PartialDate


def format_partial_date(date: PartialDate, lang: str) -> str:
    """A date at its known precision, in the edition's CLDR form: the long
    date (or the language's own ``full_date`` pattern: Vietnamese prose writes
    "ngày 30 tháng 4 năm 1975", where CLDR gives "30 tháng 4, 1975"), the
    ``yMMMM`` skeleton (the month spelled out: "yMMM" abbreviates it in
    Vietnamese, "thg 5 1972"), or the ``y`` skeleton, which gives a year
    its suffix where the language writes one (1957年, 1957년); years are never
    grouped like numbers.

    >>> format_partial_date(PartialDate(1975, 4, 30), "vi")
    'ngày 30 tháng 4 năm 1975'
    >>> format_partial_date(PartialDate(1975, 4, 30), "zh")
    '1975年4月30日'
    >>> format_partial_date(PartialDate(1972, 12), "en")
    'December 1972'
    >>> format_partial_date(PartialDate(1972, 12), "vi")
    'tháng 12 năm 1972'
    >>> [format_partial_date(PartialDate(1957), lang) for lang in ("vi", "en", "zh", "ko", "ja")]
    ['1957', '1957', '1957年', '1957년', '1957年']
    """
    facts = language(lang)
    locale = facts.locale
    if date.day:
        return format_date(datetime.date(date.year, date.month, date.day), facts.full_date or "long", locale=locale)
    if date.month:
        return format_skeleton("yMMMM", datetime.date(date.year, date.month, 1), locale=locale)
    return format_skeleton("y", datetime.date(date.year, 1, 1), locale=locale)


def language_name(lang: str) -> str:
    """The language's name in itself.

    >>> language_name("zh")
    '中文 (简体)'
    """
    locale = language(lang).locale
    return Locale.parse(locale).get_display_name(locale)


def english_name(lang: str) -> str:
    """The language's name in English, as the tool's messages name it.

    >>> english_name("vi"), english_name("zh")
    ('Vietnamese', 'Chinese (Simplified)')
    """
    return Locale.parse(language(lang).locale).get_display_name("en")


def plural_forms(lang: str) -> str:
    """The catalog's Plural-Forms header.

    >>> plural_forms("en")
    'nplurals=2; plural=(n != 1);'
    """
    plural = get_plural(language(lang).locale)
    return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"
