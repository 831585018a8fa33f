"""The `book` command line (typer)."""

from __future__ import annotations

import functools
import json
import math
import sys
import time
import traceback
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from book import __version__
from book.errors import BookError, ExitCode, Problem
from book.files import is_disk_full
from book.languages import TEMPLATE_REL, catalog_rel, known
from book.project import find_project

app = typer.Typer(help="Lay out one set of photos and captions as print-ready editions in five languages.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True, highlight=False)
state = {"project": None, "debug": False}


def show_problems(exc: BookError) -> None:
    for problem in exc.problems:
        if not problem.warning and str(problem) != exc.message:
            err.print(str(problem), markup=False, soft_wrap=True)
    err.print(f"error: {exc.message}", markup=False, soft_wrap=True)


def guarded(command):
    """Turn our errors into one line each and exit 1; Ctrl-C into 130."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except BookError as exc:
            if state["debug"]:
                traceback.print_exc()
            show_problems(exc)
            raise typer.Exit(int(exc.exit_code)) from None
        except KeyboardInterrupt:
            err.print("interrupted; the previous outputs are as they were")
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # a bug of ours: say so in one line, details with --debug
            if state["debug"]:
                raise
            if is_disk_full(exc):
                err.print(f"error: {exc.filename or 'a file'}: could not be written: no space left on the device; free some space and run again",
                          markup=False, soft_wrap=True)
                raise typer.Exit(int(ExitCode.PROBLEM)) from None
            err.print(f"error: internal error ({type(exc).__name__}: {exc}); run again with --debug and report it", markup=False, soft_wrap=True)
            raise typer.Exit(int(ExitCode.PROBLEM)) from None
    return wrapper


def project_root() -> Path:
    return find_project(state["project"])


def version_callback(value: bool) -> None:
    if value:
        print(f"book {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    project: Annotated[Optional[Path], typer.Option(
        "--project", help="The book project folder (default: the nearest folder upwards with content/book.yaml).")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    state["project"] = project
    state["debug"] = debug


def check_langs(langs: list[str] | None) -> list[str] | None:
    for lang in langs or []:
        if lang not in known():
            err.print(f"error: --lang {lang}: unknown language; use one of {', '.join(known())}")
            raise typer.Exit(int(ExitCode.USAGE))
    return langs or None


def print_warnings(warnings) -> None:
    for warning in warnings:
        err.print(f"warning: {warning}", markup=False, soft_wrap=True)


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def fail_as_json(exc: BookError) -> None:
    """--json: a failure's problems as objects on stdout, and its exit code."""
    problems = exc.problems or [Problem("error", exc.message)]
    print_json({"ok": False, "message": exc.message, "problems": [p.as_json() for p in problems]})
    raise typer.Exit(int(exc.exit_code))


def stdout_console() -> Console:
    out = Console(highlight=False)
    return out if out.is_terminal else Console(highlight=False, width=160)


@app.command()
@guarded
def build(
    lang: Annotated[Optional[list[str]], typer.Option("--lang", "-l", help="Build only this language (repeatable).")] = None,
    profile: Annotated[str, typer.Option("--profile", help="print (CMYK, PDF/X-1a), screen (RGB) or proof (RGB, marks what is missing).")] = "print",
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes for photos and editions (default: all cores).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    pdfx: Annotated[Optional[str], typer.Option("--pdfx", help="PDF/X flavour of the print output: x1a (default) or x4.")] = None,
    marks: Annotated[Optional[bool], typer.Option("--marks/--no-marks", help="Crop marks outside the bleed (default: the profile's, else none).")] = None,
    simulate_press: Annotated[Optional[bool], typer.Option(
        "--simulate-press/--no-simulate-press",
        help="Show the photos as the press will print them (soft proof; screen and proof profiles; on by default in proof).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems, no summary.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary and the problems as JSON.")] = False,
) -> None:
    """Build the editions' PDFs into output/<profile>/<lang>/."""
    from book.outputs import OUTPUTS
    from book.record import build_key, recorded_build

    clock = time.perf_counter()
    if profile not in OUTPUTS:
        err.print(f"error: --profile {profile}: use one of {', '.join(OUTPUTS)}")
        raise typer.Exit(int(ExitCode.USAGE))
    if simulate_press and OUTPUTS[profile].colour == "cmyk":
        err.print(f"error: --simulate-press: the {profile} profile is already made for the press; use it with --profile proof or screen")
        raise typer.Exit(int(ExitCode.USAGE))
    langs = check_langs(lang)
    root = project_root()
    # An unchanged build answers from its record before the toolchain is loaded.
    manifest = recorded_build(root, build_key(profile, langs, strict, pdfx, marks, simulate_press), clock)[3]
    if manifest is None:
        manifest = full_build(root, langs, profile, jobs, strict, pdfx, marks, simulate_press, as_json)
    summary = manifest.pop("summary")
    if as_json:
        print_json({"ok": True, **summary})
        return
    print_warnings(manifest["warnings"])
    if not quiet:
        from book.summary import summary_table

        stdout_console().print(summary_table(summary))
        for entry in manifest["files"]:
            if entry["profile"] == profile and entry.get("part") == "cover" and (not langs or entry["lang"] in langs):
                print(f"{entry['path']}  cover, spine {entry['spine_mm']:g} mm")


def full_build(root: Path, langs, profile: str, jobs, strict: bool, pdfx, marks, simulate_press, as_json: bool) -> dict:
    """`book.build.build` with a progress bar; the manifest, or exits on a problem."""
    from book.build import build as run_build
    from book.outputs import OUTPUTS
    from book.pdf.pdfx import PDFX

    if pdfx is not None and pdfx not in PDFX:
        err.print(f"error: --pdfx {pdfx}: unknown PDF/X flavour; use one of {', '.join(PDFX)}")
        raise typer.Exit(int(ExitCode.USAGE))
    if pdfx is not None and OUTPUTS[profile].colour != "cmyk":
        err.print(f"error: --pdfx {pdfx}: the {profile} profile is RGB; PDF/X applies to --profile print")
        raise typer.Exit(int(ExitCode.USAGE))
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal or as_json) as progress:
        task = progress.add_task("starting", total=1)

        def report(stage: str, done: int, total: int) -> None:
            progress.update(task, description=stage, completed=done, total=max(total, 1))

        try:
            manifest = run_build(root, langs, profile, jobs, strict, report,
                                 notify=lambda line: err.print(line, markup=False, soft_wrap=True), pdfx=pdfx, marks=marks,
                                 simulate_press=simulate_press)
        except BookError as exc:
            if not as_json:
                raise
            fail_as_json(exc)
    return manifest


@app.command()
@guarded
def check(
    lang: Annotated[Optional[list[str]], typer.Option("--lang", "-l", help="Check only this language (repeatable).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the problems as JSON.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
) -> None:
    """Check the sources without writing PDFs."""
    from book.checks.sources import run_check

    langs = check_langs(lang)
    problems = run_check(project_root(), langs, strict)
    errors, warnings = [p for p in problems if not p.warning], [p for p in problems if p.warning]
    if as_json:
        print(json.dumps([p.as_json() for p in problems], ensure_ascii=False, indent=2))
    else:
        for problem in errors:
            err.print(f"error: {problem}", markup=False, soft_wrap=True)
        print_warnings(warnings)
        if not errors:
            print(f"ok: no errors, {len(warnings)} warning{'s' if len(warnings) != 1 else ''}")
    if errors:
        raise typer.Exit(int(ExitCode.PROBLEM))


@app.command()
@guarded
def preflight(
    pdfs: Annotated[list[Path], typer.Argument(help="The PDFs to check.", exists=True, dir_okay=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the reports as JSON.")] = False,
    plates: Annotated[bool, typer.Option("--plates", help="Also compare the editions' C, M and Y plates (co-edition printing).")] = False,
) -> None:
    """Check built PDFs as a printer's preflight would."""
    from book.checks.preflight import preflight as run_preflight
    from book.sources import load_book

    settings = {}
    try:  # the project's own limits when run inside one
        book, _ = load_book(project_root(), check_files=False)
        settings = {"min_ppi": book.min_ppi, "ink_limit": book.ink_limit, "page_multiple": book.binding_multiple, "safety": book.safety}
    except BookError:
        pass
    reports = [run_preflight(path, **settings) for path in pdfs]
    plate_problems = []
    if plates:
        from book.checks.preflight import part_of
        from book.checks.separations import compare_parts

        plate_problems = compare_parts(pdfs, part_of)
    if as_json:
        out = [r.as_json() for r in reports]
        print(json.dumps({"files": out, "plates": [p.as_json() for p in plate_problems]} if plates else out, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            trim = f"{report.trim_mm[0]:g} × {report.trim_mm[1]:g} mm" if report.trim_mm else "no trim"
            facts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in report.facts.items())
            print(f"{report.path}: {'ok' if report.ok else 'FAILED'}: {report.pages} pages, {trim}, {facts}")
            for problem in report.errors:
                err.print(f"error: {report.path}: {problem}", markup=False, soft_wrap=True)
            for problem in report.warnings:
                err.print(f"warning: {report.path}: {problem}", markup=False, soft_wrap=True)
        if plates:
            print(f"C, M and Y plates: {'shared by all ' + str(len(pdfs)) + ' files' if not plate_problems else 'DIFFER'}")
            for problem in plate_problems:
                err.print(f"error: {problem}", markup=False, soft_wrap=True)
    if not all(r.ok for r in reports) or plate_problems:
        raise typer.Exit(int(ExitCode.PROBLEM))


@app.command()
@guarded
def review() -> None:
    """Write the multilingual review sheet: every photo and text with its words in every edition and their status."""
    from book.review.make import make_review

    result = make_review(project_root())
    counts = ", ".join(f"{n} {status}" for status, n in sorted(result.counts.items()))
    print(f"{result.path.relative_to(project_root())}: {result.rows} texts, {result.photos} photos, {result.pages} pages "
          f"({'written' if result.written else 'unchanged'}); {counts}")


@app.command()
@guarded
def preview(
    lang: Annotated[Optional[list[str]], typer.Option("--lang", "-l", help="Preview only this edition (repeatable).")] = None,
    compare: Annotated[bool, typer.Option("--compare", help="Also one sheet per spread with every edition, one under the other.")] = False,
    profile: Annotated[Optional[str], typer.Option("--profile", help="Preview this profile's build (default: each edition's newest).")] = None,
) -> None:
    """PNG thumbnails of every page and a contact sheet of spreads per edition, in output/preview/."""
    from book.outputs import OUTPUTS
    from book.review.preview import make_previews

    if profile is not None and profile not in OUTPUTS:
        err.print(f"error: --profile {profile}: use one of {', '.join(OUTPUTS)}")
        raise typer.Exit(int(ExitCode.USAGE))
    root = project_root()
    result = make_previews(root, lang, compare, profile)
    for code, count in result.pages.items():
        print(f"output/preview/{code}/: {count} page thumbnails")
    for sheet in result.sheets:
        print(sheet.relative_to(root))


@app.command()
@guarded
def init(folder: Annotated[Path, typer.Argument(help="The new book's folder (new or empty).")]) -> None:
    """Scaffold a new, buildable book project."""
    from book.i18n.template import extract
    from book.pages.paginate import paginate
    from book.scaffold import scaffold
    from book.sources import load_book

    files = scaffold(folder)
    book, _ = load_book(folder.resolve())
    extract(book, paginate(book))
    print(f"{folder}: a new book with {len(files)} files; build it with: book --project {folder} build")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(int(ExitCode.INTERRUPTED))


i18n = typer.Typer(help="Translation catalogs: extract, init, update, status.", no_args_is_help=True)
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
def i18n_init(lang: Annotated[str, typer.Argument(help="The new language (en, zh, ko, ja).")]) -> None:
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
def i18n_update(lang: Annotated[Optional[list[str]], typer.Option("--lang", "-l", help="Only this language (repeatable).")] = None) -> None:
    """Merge the template into each .po (GNU msgmerge --previous)."""
    from book.files import write_atomic
    from book.i18n.merge import update_catalog

    langs = check_langs(lang)
    book, pagination = load_for_i18n()
    template = book.root / TEMPLATE_REL
    if not template.is_file():
        raise BookError(f"{TEMPLATE_REL} not found; run 'book i18n extract' first")
    for code in langs or [e for e in book.editions if e != book.source_language]:
        po = book.root / catalog_rel(code)
        if not po.is_file():
            raise BookError(f"{catalog_rel(code)} not found; create it with 'book i18n init {code}'")
        merged = update_catalog(book, pagination, code, template)
        if merged == po.read_text(encoding="utf-8"):
            print(f"{catalog_rel(code)} unchanged")
            continue
        write_atomic(po, merged)
        print(f"{catalog_rel(code)} updated")


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
        print_json([{**asdict(r), "percent": round(r.percent, 1), "problems": [p.as_json() for p in todo]} for r, todo in found])
        return
    table = Table("language", "translated", "fuzzy", "stale", "untranslated", "obsolete", "done", "words\nleft",
                  show_edge=False, pad_edge=False)  # eight columns within 80 characters, every heading whole
    for r, _ in found:
        done = f"{math.floor(r.percent * 10) / 10:g} %"  # never rounds up to 100
        table.add_row(r.lang, str(r.translated), str(r.fuzzy), str(r.stale), str(r.untranslated), str(r.obsolete), done, str(r.words_left))
    Console().print(table)
