"""`book check`: everything a build would refuse or warn about, without writing PDFs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from book.errors import BookError, Problem
from book.gather import gather
from book.i18n.checks import missing_catalogs
from book.languages import catalog_rel
from book.outputs import OUTPUTS


def run_check(root: Path, langs: list[str] | None, strict: bool = False, ignore: frozenset[str] = frozenset()) -> list[Problem]:
    """Every problem a print build would report, and the photos' alt texts as
    a screen build checks them; one for all the editions that have no catalog yet."""
    try:
        prepared = gather(root, langs, replace(OUTPUTS["print"], alt_text=True), strict, ignore=ignore)
    except BookError as exc:
        return exc.problems or [Problem("error", exc.message)]
    missing = missing_catalogs(prepared.book, prepared.langs)
    if missing is None:
        return prepared.problems.items
    # An edition without a catalog has every text untranslated: one line says what to run instead.
    files = {catalog_rel(lang) for lang in prepared.langs if not (root / catalog_rel(lang)).is_file()}
    return [missing] + [p for p in prepared.problems.items if not (p.where and p.where.path in files)]
