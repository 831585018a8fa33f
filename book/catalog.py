"""Translation catalogs: the template extracted from the sources, the
per-language .po files merged with GNU msgmerge, and their status."""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import polib
from babel import Locale
from babel.messages.plurals import get_plural

from book import __version__
from book.compose import Pagination
from book.content import text_message
from book.errors import TranslationError
from book.files import write_atomic
from book.glossary import Term, read_glossary, terms_in
from book.localise import parse_po
from book.model import MM, Book
from book.pocheck import LANGUAGE_HEADERS, po_language

WRAP = 79  # the width msgmerge and msgcat use, so the files never churn
BABEL_IDS = {"vi": "vi", "en": "en", "zh": "zh_Hans", "ko": "ko", "ja": "ja"}
PIVOT_LANGS = ("zh", "ko", "ja")
DIGEST_HEADER = "X-Translations-Digest"
DATE_FORMAT = "%Y-%m-%d %H:%M%z"


def plural_forms(lang: str) -> str:
    plural = get_plural(BABEL_IDS[lang])
    return f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"


def language_name(lang: str) -> str:
    return Locale.parse(BABEL_IDS[lang]).get_display_name(BABEL_IDS[lang])


ROOM_SCRIPTS = (("en", "Latin scripts", 0.5), ("zh", "Chinese/Japanese", 1.0), ("ko", "Korean", 0.9))
EM_PER_CHARACTER = {"vi": 0.5, "en": 0.5, "zh": 1.0, "ja": 1.0, "ko": 0.9}


def room_in(book: Book, frame, lang: str, reserve: float) -> tuple[int, int]:
    """(lines, characters) a frame holds in ``lang``'s style, roughly."""
    pad = 8.0 if frame.panel else 0.0
    style = book.style(frame.style, lang)
    lines = max(1, int(((frame.h - pad) * MM - reserve) // style.leading))
    return lines, lines * int((frame.w - pad) * MM / (style.size * EM_PER_CHARACTER[lang]))


def entry_notes(book: Book, pagination: Pagination, lang: str | None = None) -> dict[str, str]:
    """For each message: what it is, where it sits and how much room it has,
    in ``lang``'s style (or for each script when ``lang`` is None, for the template)."""
    notes = {m.ctx: m.comment for m in book.messages()}
    placed_once: set[str] = set()
    for page in pagination.pages:
        for placed in page.placed:
            frame = placed.frame
            if frame.kind not in ("caption", "text") or not frame.style:
                continue
            if frame.kind == "caption":
                ctx = f"photo:{placed.value}:caption"
                meta = book.style("caption-meta", "")
                reserve = meta.leading + meta.space_before
            else:
                ctx = text_message(book, page, placed.value).ctx
                reserve = 0.0
            if ctx in placed_once:
                continue
            placed_once.add(ctx)
            chapter = f" in chapter '{page.chapter.id}'" if page.chapter else ""
            where = f"On page {page.number}{chapter}, frame '{frame.name}' of layout '{page.layout.name}'"
            if lang and lang in EM_PER_CHARACTER:
                lines, chars = room_in(book, frame, lang, reserve)
                room = f"{lines} lines, room for about {chars} characters"
            else:
                lines = room_in(book, frame, "en", reserve)[0]
                figures = [f"{room_in(book, frame, code, reserve)[1]} in {label}" for code, label, _ in ROOM_SCRIPTS]
                room = f"{lines} lines, room for about {', '.join(figures)} characters"
            notes[ctx] = f"{notes.get(ctx, '')} {where}: {room}.".strip()
    return notes


def make_template(book: Book, pagination: Pagination) -> polib.POFile:
    pot = polib.POFile(wrapwidth=WRAP)
    pot.metadata = {
        "Project-Id-Version": f"{book.slug}",
        "Report-Msgid-Bugs-To": report_to(book),
        "POT-Creation-Date": f"{book.year}-01-01 00:00+0000",
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "",
        "Language-Team": "",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": book.source_language,
        "X-Generator": f"book {__version__}",
    }
    notes = entry_notes(book, pagination)
    for message in book.messages():
        if not message.text:
            continue
        comment = notes[message.ctx]
        entry = polib.POEntry(
            msgctxt=message.ctx,
            msgid=unicodedata.normalize("NFC", message.text),
            msgstr="",
            occurrences=[(message.where.path, str(message.where.line or 1))],
            comment=comment.strip(),
        )
        if "{" in message.text:
            entry.flags.append("python-brace-format")
        pot.append(entry)
    return pot


def extract(book: Book, pagination: Pagination) -> Path:
    path = book.root / "translations" / "messages.pot"
    write_atomic(path, gettext_layout(str(make_template(book, pagination)) + "\n"))
    return path


def gettext_layout(text: str) -> str:
    """The catalog text as GNU gettext's own tools write it (msgcat's wrapping
    of long and CJK lines), so that msgcat, msgmerge or Poedit change nothing."""
    tool = shutil.which("msgcat")
    if tool is None:
        raise TranslationError("msgcat not found: writing catalogs needs GNU gettext; install the Debian package gettext")
    result = subprocess.run([tool, "-w", str(WRAP), "-o", "-", "-"], input=text, capture_output=True, encoding="utf-8")
    if result.returncode != 0:
        why = (result.stderr.strip().splitlines() or ["no message"])[0]
        raise TranslationError(f"translations: msgcat rejects a catalog book wrote ({why}); run again with --debug and report it")
    return result.stdout


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
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise TranslationError(f"SOURCE_DATE_EPOCH is '{epoch}'; set it to a number of seconds since 1970, or unset it")
        stamp = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    else:
        stamp = datetime.datetime.fromtimestamp(path.stat().st_mtime, datetime.UTC)
    stamp = stamp.replace(second=0, microsecond=0)
    try:
        stamp = max(stamp, datetime.datetime.strptime(current, DATE_FORMAT))
    except ValueError:
        pass  # empty or the template's placeholder
    return stamp.astimezone(datetime.UTC).strftime(DATE_FORMAT)


def header_language(current: str, lang: str) -> str:
    """The catalog's Language header: kept when it is another accepted spelling
    of the language (Weblate writes zh_Hans), else gettext's code."""
    wanted = po_language(lang)
    if current != wanted and current != lang and current in LANGUAGE_HEADERS.get(lang, ()):
        return current
    return wanted


def catalog_header(book: Book, lang: str, metadata: dict[str, str]) -> dict[str, str]:
    """The header fields book writes from book.yaml; the others stay as they are."""
    contacts = book.contacts
    return {
        "Report-Msgid-Bugs-To": report_to(book),
        "Last-Translator": contacts.translators.get(lang) or metadata.get("Last-Translator", ""),
        "Language-Team": contacts.teams.get(lang) or metadata.get("Language-Team") or language_name(lang),
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


def new_catalog(book: Book, lang: str, template: Path) -> str:
    """A new language's .po text from the template (what msginit would give)."""
    po = polib.pofile(str(template), wrapwidth=WRAP)
    po.metadata.update(catalog_header(book, lang, {}))
    po.metadata["Plural-Forms"] = plural_forms(lang)
    po.metadata["PO-Revision-Date"] = po.metadata["POT-Creation-Date"]
    po.metadata[DIGEST_HEADER] = translations_digest(po)
    return gettext_layout(str(po) + "\n")


def pivot_texts(root: Path) -> dict[str, str]:
    """Current, reviewed English translations by msgctxt (the pivot many translators use)."""
    path = root / "translations" / "en.po"
    if not path.is_file():
        return {}
    po = polib.pofile(str(path))
    return {e.msgctxt: e.msgstr for e in po if e.msgctxt and e.msgstr and not e.obsolete and "fuzzy" not in e.flags}


def language_template(template: Path, lang: str, room: dict[str, str], terms: list[Term], pivot: dict[str, str]) -> polib.POFile:
    """The template with this language's notes on each entry: its room in this
    language's style, the English pivot (for zh, ko, ja), the glossary terms."""
    pot = polib.pofile(str(template), wrapwidth=WRAP)
    for entry in pot:
        comment = room.get(entry.msgctxt, entry.comment)
        notes = [comment] if comment else []
        if lang in PIVOT_LANGS and entry.msgctxt in pivot:
            notes.append(f"English: {pivot[entry.msgctxt]}")
        found = [t for t in terms_in(entry.msgid, terms) if t.targets.get(lang)]
        if found:
            notes.append("Glossary: " + "; ".join(f"{t.source} = {t.targets[lang]}" for t in found))
        entry.comment = "\n".join(notes)
    return pot


def update_catalog(book: Book, pagination: Pagination, lang: str, template: Path) -> str:
    """The merged text of translations/<lang>.po (not yet written)."""
    root = book.root
    po = root / "translations" / f"{lang}.po"
    lang_pot = language_template(template, lang, entry_notes(book, pagination, lang), read_glossary(root), pivot_texts(root))
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / f"{lang}.pot"
        path.write_text(str(lang_pot) + "\n", encoding="utf-8")
        merged = msgmerge(po, path)
    return gettext_layout(set_header(merged, revised_header(book, lang, po, merged)))


def revised_header(book: Book, lang: str, po: Path, merged: str) -> dict[str, str]:
    """Header fields for the merged catalog: the contacts from book.yaml, and a
    new PO-Revision-Date only if the translations changed since the last update
    (the digest recorded then); msgmerge's own changes are no revision."""
    found = parse_po(po, f"translations/{po.name}")
    fields = catalog_header(book, lang, found.metadata)
    if found.metadata.get(DIGEST_HEADER) != translations_digest(found):
        fields["PO-Revision-Date"] = revision_date(po, found.metadata.get("PO-Revision-Date", ""))
    fields[DIGEST_HEADER] = translations_digest(polib.pofile(merged))
    return fields


def msgmerge(po: Path, template: Path) -> str:
    """GNU msgmerge --previous: fuzzy with the previous text, obsolete kept as #~."""
    tool = shutil.which("msgmerge")
    if tool is None:
        raise TranslationError("msgmerge not found: merging catalogs needs GNU gettext; install the Debian package gettext")
    result = subprocess.run([tool, "--quiet", "--previous", "-w", str(WRAP), "-o", "-", str(po), str(template)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        rel = f"translations/{po.name}"
        # msgmerge names the file by its full path; report it as the translator knows it.
        found = re.search(rf"{re.escape(str(po))}:(\d+): (.*)", result.stderr)
        where, why = (f"{rel}:{found[1]}", found[2]) if found else (rel, result.stderr.strip().splitlines()[0] if result.stderr.strip() else "")
        raise TranslationError(f"{where}: msgmerge failed: {why}; fix the entry, then run 'book i18n update' again (the file was not changed)")
    return result.stdout


@dataclass
class Status:
    lang: str
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int
    words_left: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def status(path: Path, lang: str) -> Status:
    po = polib.pofile(str(path))
    live = [e for e in po if not e.obsolete]
    fuzzy = [e for e in live if "fuzzy" in e.flags]
    untranslated = [e for e in live if not e.msgstr and "fuzzy" not in e.flags]
    translated = [e for e in live if e.msgstr and "fuzzy" not in e.flags]
    words = sum(len(e.msgid.split()) for e in fuzzy + untranslated)
    return Status(lang, len(translated), len(fuzzy), len(untranslated), len([e for e in po if e.obsolete]), words)

