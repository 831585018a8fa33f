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
        catalog.entries[entry.msgctxt] = entry
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
