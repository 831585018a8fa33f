"""Give every text of the book its words in one edition's language: from the
edition's catalog, NFC-normalised, with dates from CLDR. What is missing is
reported to the build's problems as it is looked up."""

from __future__ import annotations

from dataclasses import dataclass, field

from book.errors import ERROR, WARNING, Problems, Where
from book.i18n.catalog import Catalog
from book.i18n.cldr import english_name, format_partial_date, language_name
from book.i18n.status import TRANSLATED, entry_state, state_problem
from book.languages import catalog_rel, nfc
from book.model import Book, Message, PartialDate, Photo
from book.placeholders import fill


def severity(message: Message) -> str:
    """How a missing translation of ``message`` is reported: an error, but a
    warning for a photo's alt text, which no page prints (a final screen build
    refuses it: `book.outputs.base.SCREEN_FINAL_REFUSES`)."""
    return WARNING if message.ctx.startswith("photo:") and message.ctx.endswith(":alt") else ERROR


@dataclass
class Localiser:
    """Looks up one edition's text for each message."""

    book: Book
    lang: str
    catalog: Catalog | None
    problems: Problems = field(default_factory=Problems)
    fallback: bool = False  # proof builds show the source text where a translation is missing
    missing_ctx: set[str] = field(default_factory=set)

    def text(self, message: Message) -> str:
        if self.lang == self.book.source_language or not message.text:
            return message.text
        entry = self.catalog.entries.get(message.ctx) if self.catalog else None
        state = entry_state(entry, message.text)
        if state == TRANSLATED:
            return nfc(entry.msgstr)
        if message.ctx not in self.missing_ctx:
            self.missing_ctx.add(message.ctx)
            source = self.book.source_language
            suffix = f" ({english_name(source)} shown)" if self.fallback else ""
            self.problems.add(state_problem(self.lang, message, entry, state, severity(message), source, suffix))
        return message.text

    def where(self, message: Message) -> Where:
        """Where this edition's text of ``message`` is edited: its .po entry, or the source."""
        entry = self.catalog.entries.get(message.ctx) if self.catalog and self.lang != self.book.source_language else None
        if entry is not None and entry.msgstr:
            return Where(catalog_rel(self.lang), entry.linenum, message.ctx)
        return message.where

    def fill(self, text: str, photo: Photo) -> str:
        """Fill a caption's placeholders from the photo's data, in this edition's CLDR forms."""
        if "{" not in text:
            return text
        date = photo.date
        return fill(text, {
            "date": format_partial_date(date, self.lang) if date else "",
            "year": str(date.year) if date else "",
            "month_year": format_partial_date(PartialDate(date.year, date.month), self.lang) if date and date.month else "",
            "place": self.text(photo.place),
            "language": language_name(self.lang),
        })

    def label(self, key: str, **values: str) -> str:
        return fill(self.text(self.book.labels[key]), values)
