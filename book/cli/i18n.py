"""`book i18n`: the translation catalogs' commands (extract, init, update, status)."""

from __future__ import annotations

import math
from typing import Annotated, Optional

import typer
from rich.console import Console

from book.cli.common import HELP, LANGS, app, check_langs, guarded, project_root
from book.cli.report import emit
from book.cli.usage import BookTyper
from book.errors import BookError
from book.languages import TEMPLATE_REL, catalog_rel

i18n = BookTyper(help="Translation catalogs: extract, init, update, status.", no_args_is_help=True, rich_markup_mode=None,
                   context_settings=HELP)
app.add_typer(i18n, name="i18n")


def load_for_i18n():
    from book.pages.paginate import paginate
    from book.sources import load_book

    book, _ = load_book(project_root(), check_files=False)
    return book, paginate(book)


@i18n.command("extract")
@guarded
def i18n_extract() -> None:
    """Write translations/messages.pot from the sources."""
    from book.i18n.template import extract

    book, pagination = load_for_i18n()
    path = extract(book, pagination)
    print(f"{path.relative_to(book.root)}: {len(book.messages())} texts")


@i18n.command("init")
@guarded
def i18n_init(lang: Annotated[str, typer.Argument(metavar="LANG", help="The new language (en, zh, ko, ja).")]) -> None:
    """Create translations/<lang>.po from the template."""
    from book.files import write_atomic
    from book.i18n.merge import new_catalog
    from book.i18n.template import extract

    check_langs([lang])
    book, pagination = load_for_i18n()
    target = book.root / catalog_rel(lang)
    if target.exists():
        raise BookError(f"{catalog_rel(lang)} already exists; use 'book i18n update' to merge new texts into it")
    template = extract(book, pagination)
    write_atomic(target, new_catalog(book, lang, template))
    print(f"{catalog_rel(lang)} created")


@i18n.command("update")
@guarded
def i18n_update(lang: Annotated[Optional[list[str]], typer.Option("--lang", "-l", metavar=LANGS, help="Only this language (repeatable).")] = None) -> None:
    """Merge the template into each .po (GNU msgmerge --previous); a declared edition's missing .po is made from the template."""
    from book.files import write_atomic
    from book.i18n.merge import create_catalog, update_catalog, write_catalog

    langs = check_langs(lang)
    book, pagination = load_for_i18n()
    template = book.root / TEMPLATE_REL
    if not template.is_file():
        raise BookError(f"{TEMPLATE_REL} not found; run 'book i18n extract' first")
    for code in langs or [e for e in book.editions if e != book.source_language]:
        po = book.root / catalog_rel(code)
        if not po.is_file():
            if code not in book.editions:
                raise BookError(f"--lang {code}: not an edition of this book; add it to editions in content/book.yaml first")
            write_atomic(po, create_catalog(book, pagination, code, template))
            print(f"{catalog_rel(code)} created from the template")
            continue
        merged = update_catalog(book, pagination, code, template)
        print(f"{catalog_rel(code)} {'updated' if write_catalog(po, catalog_rel(code), merged) else 'unchanged'}")


@i18n.command("status")
@guarded
def i18n_status(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Per language: translated, fuzzy, stale, untranslated, obsolete, words left (counted against the sources)."""
    from dataclasses import asdict

    from rich.table import Table

    from book.i18n.catalog import read_catalog
    from book.i18n.status import survey

    book, _ = load_for_i18n()
    found = [survey(book, read_catalog(book.root, code)) for code in book.editions
             if code != book.source_language and (book.root / catalog_rel(code)).is_file()]
    if as_json:  # each language's figures, and the entries left to do as problems
        emit("i18n status", True, [p for _, todo in found for p in todo],
             languages=[{**asdict(r), "percent": math.floor(r.percent * 10) / 10} for r, _ in found])
        return
    table = Table("language", "translated", "fuzzy", "stale", "untranslated", "obsolete", "done", "words\nleft",
                  show_edge=False, pad_edge=False)  # eight columns within 80 characters, every heading whole
    for r, _ in found:
        done = f"{math.floor(r.percent * 10) / 10:g} %"  # never rounds up to 100
        table.add_row(r.lang, str(r.translated), str(r.fuzzy), str(r.stale), str(r.untranslated), str(r.obsolete), done, str(r.words_left))
    Console().print(table)
