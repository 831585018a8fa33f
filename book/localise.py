"""Give every text of the book its words in one edition's language: from the
edition's .po catalog, NFC-normalised, with dates from CLDR (babel)."""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import polib
from babel import Locale
from babel.dates import format_date, format_skeleton

from book.errors import Problem, TranslationError, Where
from book.model import Book, Message, PartialDate, Photo

BABEL_LOCALES = {"vi": "vi", "en": "en", "zh": "zh_Hans", "ko": "ko", "ja": "ja"}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


PLACEHOLDER = re.compile(r"\{([A-Za-z_]*)\}")
PHOTO_PLACEHOLDERS = ("date", "year", "month_year", "place", "language")


def placeholders(text: str) -> list[str]:
    """The brace placeholders of a text, sorted.

    >>> placeholders("Ảnh: {credit}, {date}")
    ['credit', 'date']
    """
    return sorted(PLACEHOLDER.findall(text))


def format_partial_date(date: PartialDate, lang: str) -> str:
    """A date at its known precision, in the edition's CLDR form; years are
    never grouped like numbers.

    >>> format_partial_date(PartialDate(1955, 5, 13), "vi")
    '13 tháng 5, 1955'
    >>> format_partial_date(PartialDate(1955, 5, 13), "zh")
    '1955年5月13日'
    >>> format_partial_date(PartialDate(1972, 12), "en")
    'December 1972'
    >>> format_partial_date(PartialDate(2025), "ko")
    '2025'
    """
    locale = BABEL_LOCALES[lang]
    if date.day:
        return format_date(datetime.date(date.year, date.month, date.day), "long", locale=locale)
    if date.month:
        return format_skeleton("yMMMM", datetime.date(date.year, date.month, 1), locale=locale)
    return str(date.year)


@dataclass
class Catalog:
    """One language's translations keyed by msgctxt, with the source text each was made for."""

    lang: str
    path: Path | None
    entries: dict[str, polib.POEntry] = field(default_factory=dict)
    po: polib.POFile | None = None  # the whole file, obsolete entries included


def parse_po(path: Path, rel: str) -> polib.POFile:
    """polib's parse, its errors turned into one line with file:line."""
    try:
        return polib.pofile(str(path), encoding="utf-8", wrapwidth=79)
    except (OSError, ValueError) as exc:
        match = re.search(r"\(line (\d+)\)", str(exc))
        where = f"{rel}:{match.group(1)}" if match else rel
        reason = re.sub(r"\s*\(line \d+\)", "", str(exc)).strip()
        raise TranslationError(f"{where}: {reason}; fix the entry (msgfmt -c {rel} shows the details)") from None


def read_catalog(root: Path, lang: str) -> Catalog:
    path = root / "translations" / f"{lang}.po"
    rel = f"translations/{lang}.po"
    if not path.is_file():
        return Catalog(lang, None)
    po = parse_po(path, rel)
    catalog = Catalog(lang, path, po=po)
    for entry in po:
        if entry.obsolete or entry.msgctxt is None:
            continue
        catalog.entries[entry.msgctxt] = entry
    return catalog


@dataclass
class Localiser:
    """Looks up one edition's text for each message; records what is missing."""

    book: Book
    lang: str
    catalog: Catalog | None
    fallback: bool = False  # proof builds show the source text where a translation is missing
    missing: list[Problem] = field(default_factory=list)
    missing_ctx: set[str] = field(default_factory=set)

    def text(self, message: Message) -> str:
        if self.lang == self.book.source_language or not message.text:
            return message.text
        entry = self.catalog.entries.get(message.ctx) if self.catalog else None
        rel = f"translations/{self.lang}.po"
        problem = None
        if entry is None or not entry.msgstr:
            problem = f"{message.ctx}: not translated"
        elif "fuzzy" in entry.flags:
            problem = f"{message.ctx}: fuzzy (needs review)"
        elif nfc(entry.msgid) != message.text:
            problem = f"{message.ctx}: the Vietnamese text changed since it was translated; run 'book i18n update'"
        if problem:
            if message.ctx not in self.missing_ctx:
                self.missing_ctx.add(message.ctx)
                line = entry.linenum if entry is not None else None
                self.missing.append(Problem(Where(rel, line), problem))
            return message.text
        return nfc(entry.msgstr)

    def where(self, message: Message) -> Where:
        """Where this edition's text of ``message`` is edited: its .po entry, or the source."""
        entry = self.catalog.entries.get(message.ctx) if self.catalog and self.lang != self.book.source_language else None
        if entry is not None and entry.msgstr:
            return Where(f"translations/{self.lang}.po", entry.linenum)
        return message.where

    def fill(self, text: str, photo: Photo) -> str:
        """Fill a caption's placeholders from the photo's data, in this edition's CLDR forms."""
        if "{" not in text:
            return text
        date = photo.date
        values = {
            "date": format_partial_date(date, self.lang) if date else "",
            "year": str(date.year) if date else "",
            "month_year": format_partial_date(PartialDate(date.year, date.month), self.lang) if date and date.month else "",
            "place": self.text(photo.place),
            "language": Locale.parse(BABEL_LOCALES[self.lang]).get_display_name(BABEL_LOCALES[self.lang]),
        }
        return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)

    def label(self, key: str, **values: str) -> str:
        # Unknown placeholders stay visible; the catalog check reports them.
        return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), self.text(self.book.labels[key]))
