"""Checks of one language's catalog, as a translator's tools would make them:
syntax, header, placeholders, NFC, duplicates, italic markup left open,
typewriter quotes in a Latin-script translation,
Vietnamese names without their marks, msgfmt -c, glossary terms."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from book.errors import ERROR, WARNING, Problem, TranslationError, Where
from book.i18n.catalog import Catalog, without_bom
from book.i18n.diacritics import known_names, marked_names, stripped
from book.i18n.glossary import missing_terms, read_glossary
from book.languages import TABLE, catalog_rel, nfc
from book.model import Book
from book.placeholders import placeholders
from book.text.italic import LOOSE_MARK, OPEN_MARK, loose_ends, unclosed

# A typewriter apostrophe or quote in running words ("Partner's", "the 'Đổi Mới'"), as a word processor
# leaves it when its smart quotes are off: the fifteenth en proof found one among 54 typographic ones.
TYPEWRITER = re.compile(r"\w'|'\w|\"")
MSGFMT_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<message>.*)$")


def run_msgfmt(path: Path, rel: str) -> list[Problem]:
    tool = shutil.which("msgfmt")
    if tool is None:
        return [Problem("no-msgfmt", "msgfmt not found; install the Debian package gettext to check catalogs", Where(rel), WARNING)]
    result = subprocess.run([tool, "-c", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, encoding="utf-8",
                            errors="replace", env={**os.environ, "LC_ALL": "C.UTF-8"})
    problems = []
    for line in result.stderr.splitlines():
        match = MSGFMT_LINE.match(line)
        if not match or "found" in match["message"] and "fatal error" in match["message"]:
            continue
        message = match["message"]
        warning = "warning:" in message  # a header field msgfmt misses stays a warning when another entry fails
        problems.append(Problem("msgfmt", f"msgfmt: {message}", Where(rel, int(match["line"])), WARNING if warning else ERROR))
    if result.returncode != 0 and not any(not p.warning for p in problems):
        problems.append(Problem("msgfmt", f"msgfmt -c rejects the file: {result.stderr.strip().splitlines()[-1:]}", Where(rel)))
    return problems


def check_catalog(root: Path, book: Book, catalog: Catalog) -> list[Problem]:
    lang = catalog.lang
    rel = catalog_rel(lang)
    if catalog.po is None or catalog.path is None:
        return [Problem("no-catalog", f"no catalog for {lang}; run 'book i18n update' to make it from the template", Where(rel))]
    po, path = catalog.po, catalog.path
    problems: list[Problem] = []
    header = po.metadata.get("Language", "")
    if header not in TABLE[lang].po_headers:
        wanted = TABLE[lang].po_headers[0]
        problems.append(Problem("catalog-language", f"header Language is '{header}' but the file is for '{lang}'; set \"Language: {wanted}\\n\"",
                                Where(rel, 1)))
    problems += saved_form(path, rel, po.metadata.get("Content-Type", ""))
    sources = {m.ctx: m.text for m in book.messages()}
    terms = read_glossary(root, book.source_language)
    # A Latin-script edition spells Vietnamese names with their marks (`book.i18n.diacritics`).
    marks = TABLE[lang].script == "Latn" and TABLE[book.source_language].script == "Latn"
    own = {ctx: marked_names(text) for ctx, text in sources.items()} if marks else {}
    known = known_names(list(sources.values()) + [t.source for t in terms], own.values()) if marks else {}
    seen: dict[str | None, int] = {}
    for entry in po:
        if entry.obsolete:
            continue
        where = Where(rel, entry.linenum, entry.msgctxt)
        # One msgctxt is one slot of the book, whatever its msgid says.
        if entry.msgctxt in seen:
            problems.append(Problem("duplicate-entry", f"{entry.msgctxt}: msgctxt used twice (first at line {seen[entry.msgctxt]}); "
                                    "delete one of the two entries", where))
            continue
        seen[entry.msgctxt] = entry.linenum
        for field, text in (("msgid", entry.msgid), ("msgstr", entry.msgstr)):
            if text != nfc(text):
                problems.append(Problem("not-nfc", f"{entry.msgctxt}: {field} is not in Unicode NFC (decomposed accents); "
                                        "re-type it or convert the file to NFC", where))
        if entry.msgstr and not entry.msgstr.strip() and entry.msgid.strip():
            problems.append(Problem("blank-translation", f"{entry.msgctxt}: the translation is only spaces; translate the text, "
                                    "or leave msgstr empty (\"\") to mark it untranslated", where))
        if entry.msgstr and placeholders(entry.msgid) != placeholders(entry.msgstr):
            want = " ".join("{" + p + "}" for p in placeholders(entry.msgid)) or "none"
            have = " ".join("{" + p + "}" for p in placeholders(entry.msgstr)) or "none"
            problems.append(Problem("placeholder", f"{entry.msgctxt}: placeholders differ: the source has {want}, the translation {have}", where))
        if marks and entry.msgstr and entry.msgctxt in sources:
            for wrong, right in stripped(sources[entry.msgctxt], entry.msgstr, known, own[entry.msgctxt]):
                problems.append(Problem("diacritics", f"{entry.msgctxt}: '{wrong}' is written without its marks; "
                                        f"write '{right}' (names keep them, as the source and the glossary do)", where, WARNING))
        if entry.msgstr and unclosed(entry.msgstr) is not None:
            problems.append(Problem("italic-markup", f"{entry.msgctxt}: {OPEN_MARK}", where))
        elif entry.msgstr:
            for span in loose_ends(entry.msgstr):
                problems.append(Problem("italic-punctuation", f"{entry.msgctxt}: "
                                        + LOOSE_MARK.format(f"'*{span}*'"), where, WARNING))
        if entry.msgstr and TABLE[lang].script == "Latn" and TYPEWRITER.search(entry.msgstr):
            problems.append(Problem("typewriter-quote", f"{entry.msgctxt}: a typewriter quote ({TYPEWRITER.search(entry.msgstr)[0]!r}) "
                                    "in the translation; write the typographic ’ (apostrophe) or “ ” ‘ ’, as the book's "
                                    "other texts do", where, WARNING))
        if entry.msgstr and "fuzzy" not in entry.flags and entry.msgctxt in sources:
            for term in missing_terms(sources[entry.msgctxt], entry.msgstr, lang, terms):
                problems.append(Problem("glossary", f"{entry.msgctxt}: glossary term '{term.source}' is '{term.targets[lang]}' "
                                        "in translations/glossary.csv but the translation does not use it", where, WARNING))
    with tempfile.TemporaryDirectory() as work:
        found = run_msgfmt(without_bom(path, rel, Path(work)), rel)
    if any(p.code == "placeholder" for p in problems):  # said once, in book's words ({番号} is no brace format to msgfmt)
        found = [p for p in found if "brace format" not in p.message]
    problems += found
    return problems


def saved_form(path: Path, rel: str, content_type: str) -> list[Problem]:
    """A word on how the file is saved, where the translator's tools may read it
    otherwise than book does: a charset that is not the UTF-8 the file is in,
    a byte-order mark (which GNU gettext's own tools refuse)."""
    problems = []
    charset = re.search(r"charset=([\w.-]+)", content_type)
    if charset and charset[1].lower().replace("_", "-") not in ("utf-8", "utf8"):
        problems.append(Problem("catalog-charset", f"the header says charset={charset[1]} but the file is UTF-8 text; "
                                "set \"Content-Type: text/plain; charset=UTF-8\\n\"", Where(rel, 1), WARNING))
    if path.read_bytes()[:3] == b"\xef\xbb\xbf":
        problems.append(Problem("catalog-bom", "the file starts with a byte-order mark: book reads it and keeps it, but msgfmt "
                                "and msgmerge refuse it; save it as UTF-8 without BOM in your editor", Where(rel, 1), WARNING))
    return problems


def missing_catalogs(book: Book, langs: list[str]) -> Problem | None:
    """One problem for the editions of ``langs`` that have no catalog yet,
    saying how to make them, rather than one per text left untranslated."""
    missing = [lang for lang in langs if lang != book.source_language and not (book.root / catalog_rel(lang)).is_file()]
    if not missing:
        return None
    files = ", ".join(catalog_rel(lang) for lang in missing)
    which = f"edition {missing[0]} has no catalog" if len(missing) == 1 else f"editions {', '.join(missing)} have no catalogs"
    them = "it" if len(missing) == 1 else "them"
    return Problem("no-catalog", f"{which} ({files}); run 'book i18n update' to make {them} from the template",
                   Where("content/book.yaml", key="editions"))


def stop_without_catalogs(book: Book, langs: list[str]) -> None:
    """Raise `missing_catalogs`'s problem as the one line a build or check says."""
    problem = missing_catalogs(book, langs)
    if problem is not None:
        raise TranslationError(str(problem), [problem])
