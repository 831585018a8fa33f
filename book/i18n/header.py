"""The header of each catalog as Poedit and Weblate read it: the contacts from
book.yaml, the Language code, and a PO-Revision-Date that moves only when
the translations changed (a digest of them is kept in the header)."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

import polib

from book.epoch import source_epoch
from book.i18n.catalog import WRAP, parse_po
from book.i18n.cldr import language_name
from book.languages import TABLE, catalog_rel
from book.model import Book

DIGEST_HEADER = "X-Translations-Digest"
DATE_FORMAT = "%Y-%m-%d %H:%M%z"


def report_to(book: Book) -> str:
    """Report-Msgid-Bugs-To: book.yaml's translation.report_to, else the publisher."""
    return book.contacts.report_to or book.publisher.text


def translations_digest(po: polib.POFile) -> str:
    """A fingerprint of what the translators wrote: every live entry's source,
    translation and fuzzy mark (not comments, order, wrapping or headers)."""
    digest = hashlib.sha256()
    rows = sorted((e.msgctxt or "", e.msgid, e.msgstr, sorted(e.msgstr_plural.items()), e.fuzzy) for e in po if not e.obsolete)
    for row in rows:
        digest.update(repr(row).encode("utf-8"))
    return digest.hexdigest()[:16]


def revision_date(path: Path, current: str) -> str:
    """PO-Revision-Date for translations changed since the last update: the
    sources' time (SOURCE_DATE_EPOCH) if set, else when the file was saved, but
    never earlier than the date already there (a translator's tool writes one)."""
    stamp = source_epoch() or datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.UTC)
    stamp = stamp.replace(second=0, microsecond=0)
    try:
        stamp = max(stamp, datetime.datetime.strptime(current, DATE_FORMAT))
    except ValueError:
        pass  # empty or the template's placeholder
    return stamp.astimezone(datetime.UTC).strftime(DATE_FORMAT)


def header_language(current: str, lang: str) -> str:
    """The catalog's Language header: kept when it is another accepted spelling
    of the language (Weblate writes zh_Hans), else gettext's code."""
    accepted = TABLE[lang].po_headers
    if current != accepted[0] and current != lang and current in accepted:
        return current
    return accepted[0]


def filled(value: str) -> bool:
    """A header field a person or their tool wrote (not empty, not the template's placeholder).

    >>> filled("Jane Doe <jane@example.org>"), filled("FULL NAME <EMAIL@ADDRESS>"), filled("")
    (True, False, False)
    """
    return bool(value.strip()) and "FULL NAME" not in value and "EMAIL@ADDRESS" not in value and "LANGUAGE <LL@li.org>" not in value


def catalog_header(book: Book, lang: str, metadata: dict[str, str]) -> dict[str, str]:
    """The header fields book writes from book.yaml; the others stay as they are."""
    contacts = book.contacts
    translator, team = metadata.get("Last-Translator", ""), metadata.get("Language-Team", "")
    return {
        "Report-Msgid-Bugs-To": report_to(book),
        # The translator's tool writes who last translated: book.yaml only fills a field left empty.
        "Last-Translator": translator if filled(translator) else contacts.translators.get(lang) or translator,
        "Language-Team": team if filled(team) and team != language_name(lang) else contacts.teams.get(lang) or team or language_name(lang),
        "Language": header_language(metadata.get("Language", ""), lang),
    }


def set_header(text: str, fields: dict[str, str]) -> str:
    """``text`` (a whole catalog) with these header fields set, each in place
    or added at the end; the entries are untouched."""
    head, sep, rest = text.partition("\n\n")
    header = polib.pofile(head + "\n", wrapwidth=WRAP)
    if header.metadata.get("Content-Type") is None:  # no header entry: msgmerge always writes one
        return text
    header.metadata.update(fields)
    return str(header).rstrip("\n") + "\n" + sep + rest


def revised_header(book: Book, lang: str, po: Path, merged: str) -> dict[str, str]:
    """Header fields for the merged catalog: the contacts from book.yaml, and a
    new PO-Revision-Date only if the translations changed since the last update
    (the digest recorded then); msgmerge's own changes are no revision."""
    found = parse_po(po, catalog_rel(lang))
    fields = catalog_header(book, lang, found.metadata)
    if found.metadata.get(DIGEST_HEADER) != translations_digest(found):
        fields["PO-Revision-Date"] = revision_date(po, found.metadata.get("PO-Revision-Date", ""))
    fields[DIGEST_HEADER] = translations_digest(polib.pofile(merged))
    return fields
