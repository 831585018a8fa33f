"""Checks of one language's catalog, as a translator's tools would make them:
syntax, header, placeholders, NFC, duplicates, msgfmt -c, glossary terms."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

from book.errors import Problem, Where
from book.glossary import missing_terms, read_glossary
from book.localise import Catalog, placeholders
from book.model import Book

LANGUAGE_HEADERS = {"zh": ("zh", "zh_CN", "zh_Hans", "zh-Hans", "zh_Hans_CN")}
# The Language header book writes, as gettext names locales (ll_CC): Poedit and
# msginit write zh_CN for Simplified Chinese, Weblate reads it as zh_Hans, the
# CLDR locale the edition's dates are formatted with (localise.BABEL_LOCALES).
PO_LANGUAGES = {"zh": "zh_CN"}


def po_language(lang: str) -> str:
    """The Language header value for one of the book's languages.

    >>> po_language("zh"), po_language("ja")
    ('zh_CN', 'ja')
    """
    return PO_LANGUAGES.get(lang, lang)


MSGFMT_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<message>.*)$")


def run_msgfmt(path: Path, rel: str) -> list[Problem]:
    tool = shutil.which("msgfmt")
    if tool is None:
        return [Problem(Where(rel), "msgfmt not found; install the Debian package gettext to check catalogs", warning=True)]
    result = subprocess.run([tool, "-c", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    problems = []
    for line in result.stderr.splitlines():
        match = MSGFMT_LINE.match(line)
        if not match or "found" in match["message"] and "fatal error" in match["message"]:
            continue
        message = match["message"]
        warning = "warning:" in message and result.returncode == 0
        problems.append(Problem(Where(rel, int(match["line"])), f"msgfmt: {message}", warning=warning))
    if result.returncode != 0 and not any(not p.warning for p in problems):
        problems.append(Problem(Where(rel), f"msgfmt -c rejects the file: {result.stderr.strip().splitlines()[-1:]}"))
    return problems


def check_catalog(root: Path, book: Book, catalog: Catalog) -> list[Problem]:
    lang = catalog.lang
    rel = f"translations/{lang}.po"
    if catalog.po is None or catalog.path is None:
        return [Problem(Where(rel), f"no catalog for {lang}; create it with 'book i18n init {lang}'")]
    po, path = catalog.po, catalog.path
    problems: list[Problem] = []
    header = po.metadata.get("Language", "")
    if header not in LANGUAGE_HEADERS.get(lang, (lang,)):
        problems.append(Problem(Where(rel, 1), f"header Language is '{header}' but the file is for '{lang}'; set \"Language: {po_language(lang)}\\n\""))
    sources = {m.ctx: m.text for m in book.messages()}
    terms = read_glossary(root)
    seen: dict[tuple[str | None, str], int] = {}
    for entry in po:
        if entry.obsolete:
            continue
        where = Where(rel, entry.linenum)
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            problems.append(Problem(where, f"{entry.msgctxt}: duplicate entry (first at line {seen[key]}); delete one of them"))
        seen.setdefault(key, entry.linenum)
        for field, text in (("msgid", entry.msgid), ("msgstr", entry.msgstr)):
            if text != unicodedata.normalize("NFC", text):
                problems.append(Problem(where, f"{entry.msgctxt}: {field} is not in Unicode NFC (decomposed accents); "
                                        "re-type it or convert the file to NFC"))
        if entry.msgstr and placeholders(entry.msgid) != placeholders(entry.msgstr):
            want = " ".join("{" + p + "}" for p in placeholders(entry.msgid)) or "none"
            have = " ".join("{" + p + "}" for p in placeholders(entry.msgstr)) or "none"
            problems.append(Problem(where, f"{entry.msgctxt}: placeholders differ: the source has {want}, the translation {have}"))
        if entry.msgstr and "fuzzy" not in entry.flags and entry.msgctxt in sources:
            for term in missing_terms(sources[entry.msgctxt], entry.msgstr, lang, terms):
                problems.append(Problem(where, f"{entry.msgctxt}: glossary term '{term.source}' is '{term.targets[lang]}' "
                                        "in translations/glossary.csv but the translation does not use it", warning=True))
    problems += run_msgfmt(path, rel)
    return problems
