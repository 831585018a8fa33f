"""Merging the template into each language's catalog with GNU msgmerge
(fuzzy with the previous text, obsolete entries kept as #~), with each
language's own notes: its room, the English pivot, the glossary terms."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import polib

from book.errors import Problem, TranslationError, Where
from book.files import write_atomic
from book.i18n.catalog import BOM, WRAP, gettext_layout, parse_po, without_bom
from book.i18n.cldr import plural_forms
from book.i18n.glossary import Term, read_glossary, terms_in
from book.i18n.header import DIGEST_HEADER, catalog_header, revised_header, set_header, translations_digest
from book.i18n.slots import keep_slots
from book.i18n.template import entry_notes
from book.i18n.tool_words import fill_tool_words
from book.languages import TABLE, catalog_rel
from book.model import Book
from book.pages.paginate import Pagination


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
    path = root / catalog_rel("en")
    if not path.is_file():
        return {}
    po = parse_po(path, catalog_rel("en"))
    return {e.msgctxt: e.msgstr for e in po if e.msgctxt and e.msgstr and not e.obsolete and "fuzzy" not in e.flags}


def language_template(template: Path, lang: str, room: dict[str, str], terms: list[Term], pivot: dict[str, str]) -> polib.POFile:
    """The template with this language's notes on each entry: its room in this
    language's style, the English pivot (for zh, ko, ja), the glossary terms."""
    pot = polib.pofile(str(template), wrapwidth=WRAP)
    for entry in pot:
        comment = room.get(entry.msgctxt, entry.comment)
        notes = [comment] if comment else []
        if TABLE[lang].pivot and entry.msgctxt in pivot:
            notes.append(f"English: {pivot[entry.msgctxt]}")
        found = [t for t in terms_in(entry.msgid, terms) if t.targets.get(lang)]
        if found:
            notes.append("Glossary: " + "; ".join(f"{t.source} = {t.targets[lang]}" for t in found))
        entry.comment = "\n".join(notes)
    return pot


def update_catalog(book: Book, pagination: Pagination, lang: str, template: Path, po: Path | None = None) -> str:
    """The merged text of translations/<lang>.po (not yet written), or of
    ``po`` for it when given (a new catalog).

    msgmerge matches no text fuzzily: its guesses pair a new caption with an
    unrelated old one ("Chú thích ảnh 3" with "Chú thích ảnh 12"), a wrong
    translation a translator may not notice. A rewritten text keeps its own
    slot's translation, fuzzy (`book.i18n.slots.keep_slots`); a new text is
    untranslated; a removed one's translation stays as #~."""
    root = book.root
    po = po or root / catalog_rel(lang)
    lang_pot = language_template(template, lang, entry_notes(book, pagination, lang), read_glossary(root, book.source_language), pivot_texts(root))
    old = parse_po(po, catalog_rel(lang))
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / f"{lang}.pot"
        path.write_text(str(lang_pot) + "\n", encoding="utf-8")
        merged = keep_slots(old, msgmerge(without_bom(po, catalog_rel(lang), Path(work)), path, catalog_rel(lang), fuzzy=False))
    merged = fill_tool_words(book, lang, merged)  # the record's labels and phrases: the tool's own, translated
    return gettext_layout(set_header(merged, revised_header(book, lang, po, merged)))


def create_catalog(book: Book, pagination: Pagination, lang: str, template: Path) -> str:
    """The text of a declared edition's catalog that does not exist yet: the
    template as a new catalog (`new_catalog`), merged as `update_catalog`
    merges (each entry's room in this language, the pivot, the glossary)
    there being no earlier translations to match."""
    with tempfile.TemporaryDirectory() as work:
        new = Path(work) / f"{lang}.po"
        new.write_text(new_catalog(book, lang, template), encoding="utf-8")
        return update_catalog(book, pagination, lang, template, new)


def msgmerge(po: Path, template: Path, rel: str | None = None, fuzzy: bool = True) -> str:
    """GNU msgmerge --previous: fuzzy with the previous text (unless not
    ``fuzzy``: --no-fuzzy-matching), obsolete kept as #~."""
    tool = shutil.which("msgmerge")
    if tool is None:
        raise TranslationError("msgmerge not found: merging catalogs needs GNU gettext; install the Debian package gettext")
    matching = [] if fuzzy else ["--no-fuzzy-matching"]
    result = subprocess.run([tool, "--quiet", "--previous", *matching, "-w", str(WRAP), "-o", "-", str(po), str(template)],
                            capture_output=True, encoding="utf-8", errors="replace")
    if result.returncode != 0:
        rel = rel or catalog_rel(po.stem)
        # msgmerge names the file by its full path; report it as the translator knows it.
        found = re.search(rf"{re.escape(str(po))}:(\d+): (.*)", result.stderr)
        where, why = (Where(rel, int(found[1])), found[2]) if found else (Where(rel), result.stderr.strip().splitlines()[0] if result.stderr.strip() else "")
        problem = Problem("msgmerge", f"msgmerge failed: {why}; fix the entry, then run 'book i18n update' again (the file was not changed)", where)
        raise TranslationError(str(problem), [problem])
    return result.stdout


def as_saved(text: str, old: bytes) -> bytes:
    """``text`` with the line ends and byte-order mark the catalog had (a
    Windows editor's CRLF stays CRLF: an update is not a diff of every line).

    >>> as_saved("a\\nb\\n", b"\\xef\\xbb\\xbfx\\r\\n")
    b'\\xef\\xbb\\xbfa\\r\\nb\\r\\n'
    """
    data = text.replace("\n", "\r\n") if b"\r\n" in old else text
    return (BOM if old.startswith(BOM) else b"") + data.encode("utf-8")


def write_catalog(po: Path, rel: str, text: str) -> bool:
    """Write a merged catalog as the translator's tool saved it, through a
    symbolic link to the file it names; False when nothing changed. A file or
    folder that cannot be written is one line saying so."""
    target = po.resolve() if po.is_symlink() else po
    old = target.read_bytes() if target.is_file() else b""
    data = as_saved(text, old)
    if data == old:
        return False
    if target.exists() and not (target.stat().st_mode & stat.S_IWUSR and os.access(target, os.W_OK)):
        raise TranslationError(f"{rel}: the file is read-only; make it writable (chmod u+w {rel}) and run the update again "
                               "(nothing was changed)")
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise TranslationError(f"{rel}: cannot write the catalog ({exc.strerror}); make {target.parent} writable "
                               "and run the update again (nothing was changed)") from None
    return True
