"""Reading one language's .po catalog into a `Catalog` keyed by msgctxt."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import polib

from book.errors import Problem, TranslationError, Where
from book.languages import catalog_rel

WRAP = 79  # the width msgmerge and msgcat use, so the files never churn
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", "a": "\a", "\\": "\\", '"': '"', "?": "?", "'": "'"}
ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]+|[0-7]{1,3}|.)", re.DOTALL)


def gettext_unescape(text: str) -> str:
    r"""A catalog string's escapes read as GNU gettext reads them (C's: hex and
    octal codes too, which polib alone leaves as printed backslashes).

    >>> gettext_unescape(r"\x41\101 \"q\" a\\x41\tb")
    'AA "q" a\\x41\tb'
    """
    def one(match: re.Match) -> str:
        code = match.group(1)
        if code[0] == "x":
            return chr(int(code[1:], 16) & 0xFF)
        if code[0] in "01234567":
            return chr(int(code, 8) & 0xFF)
        return ESCAPES.get(code, "\\" + code)
    return ESCAPE.sub(one, text) if "\\" in text else text


# polib's parser reads every catalog of the process through this one function:
# with gettext's reading, the PDF prints what msgfmt and Poedit show.
polib.unescape = gettext_unescape


@dataclass
class Catalog:
    """One language's translations keyed by msgctxt, with the source text each was made for."""

    lang: str
    path: Path | None
    entries: dict[str, polib.POEntry] = field(default_factory=dict)
    po: polib.POFile | None = None  # the whole file, obsolete entries included


BOM = b"\xef\xbb\xbf"


def check_encoding(path: Path, rel: str) -> bytes:
    """The catalog's bytes, refused with one line when they are not UTF-8
    (UTF-16 is what some Windows editors save). A UTF-8 byte-order mark is
    accepted: it is stripped whenever the file is written again."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problem = Problem("catalog-syntax", f"cannot read the catalog ({exc.strerror})", Where(rel))
        raise TranslationError(str(problem), [problem]) from None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:200]:
        problem = Problem("catalog-encoding", "saved as UTF-16; save it again as UTF-8 (Poedit does; in a text editor choose "
                          "'UTF-8' as the encoding), then run the command again", Where(rel, 1))
        raise TranslationError(str(problem), [problem])
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        problem = Problem("catalog-encoding", f"not UTF-8 text ({exc.reason}); save the file as UTF-8", Where(rel, line))
        raise TranslationError(str(problem), [problem]) from None
    return data


def without_bom(path: Path, rel: str, folder: Path) -> Path:
    """``path`` itself, or a copy in ``folder`` without the byte-order mark
    that GNU gettext's tools refuse."""
    data = check_encoding(path, rel)
    if not data.startswith(BOM):
        return path
    copy = folder / path.name
    copy.write_bytes(data[len(BOM):])
    return copy


def parse_po(path: Path, rel: str) -> polib.POFile:
    """polib's parse, its errors turned into one line with file:line."""
    check_encoding(path, rel)
    try:
        return polib.pofile(str(path), encoding="utf-8", wrapwidth=WRAP)
    except (OSError, ValueError) as exc:
        match = re.search(r"\(line (\d+)\)", str(exc))
        where = Where(rel, int(match.group(1)) if match else None)
        reason = re.sub(r"\s*\(line \d+\)", "", str(exc)).strip()
        problem = Problem("catalog-syntax", f"{reason}; fix the entry (msgfmt -c {rel} shows the details)", where)
        raise TranslationError(str(problem), [problem]) from None


def read_catalog(root: Path, lang: str) -> Catalog:
    """The catalog of ``lang``; an empty one (``path`` None) when the file is missing."""
    path = root / catalog_rel(lang)
    if not path.is_file():
        return Catalog(lang, None)
    po = parse_po(path, catalog_rel(lang))
    catalog = Catalog(lang, path, po=po)
    for entry in po:
        if entry.obsolete or entry.msgctxt is None:
            continue
        catalog.entries.setdefault(entry.msgctxt, entry)  # a duplicate is reported by the checks
    return catalog


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
