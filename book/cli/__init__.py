"""The `book` command line (typer): the global options and the build,
check, review, preview and init commands; `book.cli.preflight` and
`book.cli.i18n` hold the preflight command and the i18n group."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from book.cli.common import LANGS, app, check_langs, err, guarded, print_warnings, project_root, state, stdout_console, version_callback
from book.cli.report import UsageError, emit
from book.errors import BookError, ExitCode

__all__ = ["app", "main"]
IGNORE_HELP = ("Silence warnings with this code (repeatable; codes as --json prints them, e.g. isbn-missing); "
               "content/book.yaml's ignore: lists the book's own.")


@app.callback()
def main_options(
    project: Annotated[Optional[Path], typer.Option(
        "--project", metavar="DIR", help="The book project folder (default: the nearest folder upwards with content/book.yaml).")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    state["project"] = project
    state["debug"] = debug


@app.command()
@guarded
def build(
    lang: Annotated[Optional[list[str]], typer.Option("--lang", "-l", metavar=LANGS, help="Build only this language (repeatable).")] = None,
    profile: Annotated[str, typer.Option("--profile", metavar="[print|screen|proof]", help=(
        "print (CMYK, PDF/X-1a), screen (RGB), proof (RGB, marks what is missing), or a registered output."))] = "print",
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", "-j", min=1, metavar="N", help="Worker processes for photos and editions (default: all cores).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    pdfx: Annotated[Optional[str], typer.Option("--pdfx", metavar="[x1a|x4]", help="PDF/X flavour of the print output: x1a (default) or x4.")] = None,
    marks: Annotated[Optional[bool], typer.Option("--marks/--no-marks", help="Crop marks outside the bleed (default: the profile's, else none).")] = None,
    simulate_press: Annotated[Optional[bool], typer.Option(
        "--simulate-press/--no-simulate-press",
        help="Show the photos as the press will print them (soft proof; screen and proof profiles; on by default in proof).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems, no summary.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary and the problems as JSON (docs/json.md).")] = False,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", metavar="CODE", help=IGNORE_HELP)] = None,
) -> None:
    """Build the editions' PDFs into output/<profile>/<lang>/."""
    from book.gather import ignore_key
    from book.incremental import Incremental, build_key
    from book.outputs import OUTPUTS

    clock = time.perf_counter()
    check_profile(profile)
    if simulate_press and OUTPUTS[profile].colour == "cmyk":
        raise UsageError(f"--simulate-press: the {profile} profile is already made for the press; use it with --profile proof or screen")
    langs = check_langs(lang)
    root = project_root()
    # An unchanged build answers from its record before the toolchain is loaded.
    ignored = frozenset(ignore or ())
    manifest = Incremental(root, build_key(profile, langs, strict, pdfx, marks, simulate_press) + ignore_key(ignored), clock).manifest
    if manifest is None:
        manifest = full_build(root, langs, profile, jobs, strict, pdfx, marks, simulate_press, as_json, ignored)
    summary, removed = manifest.pop("summary"), manifest.pop("removed", [])
    if as_json:
        emit("build", True, summary.pop("problems"), None, **summary, removed=removed)
        return
    print_warnings(manifest["warnings"])
    for line in removed:  # outputs that left the book left output/
        err.print(line, markup=False, soft_wrap=True)
    if not quiet:
        from book.summary import summary_paths, summary_table

        stdout_console().print(summary_table(summary))
        for line in summary_paths(summary):
            print(line)
        for entry in manifest["files"]:
            if entry["profile"] == profile and entry.get("part") == "cover" and (not langs or entry["lang"] in langs):
                print(f"{entry['path']}  cover, spine {entry['spine_mm']:g} mm")


def full_build(root: Path, langs, profile: str, jobs, strict: bool, pdfx, marks, simulate_press, as_json: bool,
               ignore: frozenset[str] = frozenset()) -> dict:
    """`book.build.build` with a progress bar; the manifest, or exits on a problem."""
    from book.build import build as run_build
    from book.outputs import OUTPUTS
    from book.pdf.pdfx import PDFX

    if pdfx is not None and pdfx not in PDFX:
        raise UsageError(f"--pdfx {pdfx}: unknown PDF/X flavour; use one of {', '.join(PDFX)}")
    if pdfx is not None and OUTPUTS[profile].colour != "cmyk":
        raise UsageError(f"--pdfx {pdfx}: the {profile} profile is RGB; PDF/X applies to --profile print")
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal or as_json) as progress:
        task = progress.add_task("starting", total=1)

        def report(stage: str, done: int, total: int) -> None:
            progress.update(task, description=stage, completed=done, total=max(total, 1))

        return run_build(root, langs, profile, jobs, strict, report,
                         notify=lambda line: err.print(line, markup=False, soft_wrap=True), pdfx=pdfx, marks=marks,
                         simulate_press=simulate_press, ignore=ignore)


@app.command()
@guarded
def check(
    lang: Annotated[Optional[list[str]], typer.Option("--lang", "-l", metavar=LANGS, help="Check only this language (repeatable).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the problems as JSON (docs/json.md).")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems, no summary.")] = False,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", metavar="CODE", help=IGNORE_HELP)] = None,
) -> None:
    """Check the sources without writing PDFs."""
    from book.checks.sources import run_check

    langs = check_langs(lang)
    problems = run_check(project_root(), langs, strict, frozenset(ignore or ()))
    errors, warnings = [p for p in problems if not p.warning], [p for p in problems if p.warning]
    if as_json:
        failed = f"{len(errors)} problem{'s' if len(errors) != 1 else ''} found" if errors else None
        emit("check", not errors, problems, failed, langs=langs, errors=len(errors), warnings=len(warnings))
    else:
        for problem in errors:
            err.print(f"error: {problem}", markup=False, soft_wrap=True)
        print_warnings(warnings)
        if not errors and not quiet:
            print(f"ok: no errors, {len(warnings)} warning{'s' if len(warnings) != 1 else ''}")
    if errors:
        raise typer.Exit(int(ExitCode.PROBLEM))


@app.command()
@guarded
def review(as_json: Annotated[bool, typer.Option("--json", help="Print what was written as JSON (docs/json.md).")] = False) -> None:
    """Write the multilingual review sheet: every photo and text with its words in every edition and their status."""
    from book.review.make import make_review

    result = make_review(project_root())
    if as_json:
        emit("review", True, [], path=result.path.relative_to(project_root()).as_posix(), written=result.written, texts=result.rows,
             photos=result.photos, pages=result.pages, counts=dict(sorted(result.counts.items())))
        return
    counts = ", ".join(f"{n} {status}" for status, n in sorted(result.counts.items()))
    print(f"{result.path.relative_to(project_root())}: {result.rows} texts, {result.photos} photos, {result.pages} pages "
          f"({'written' if result.written else 'unchanged'}); {counts}")


@app.command()
@guarded
def preview(
    lang: Annotated[Optional[list[str]], typer.Option("--lang", "-l", metavar=LANGS, help="Preview only this edition (repeatable).")] = None,
    compare: Annotated[bool, typer.Option("--compare", help="Also one sheet per spread with every edition, one under the other.")] = False,
    profile: Annotated[Optional[str], typer.Option(
        "--profile", metavar="[print|screen|proof]", help="Preview this profile's build (default: each edition's newest).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was written as JSON (docs/json.md).")] = False,
) -> None:
    """PNG thumbnails of every page and a contact sheet of spreads per edition, in output/preview/."""
    from book.review.preview import make_previews

    langs = check_langs(lang)
    if profile is not None:
        check_profile(profile)
    root = project_root()
    result = make_previews(root, langs, compare, profile)
    if as_json:
        emit("preview", True, [], pages=dict(result.pages), sheets=[sheet.relative_to(root).as_posix() for sheet in result.sheets])
        return
    for code, count in result.pages.items():
        print(f"output/preview/{code}/: {count} page thumbnails")
    for sheet in result.sheets:
        print(sheet.relative_to(root))


@app.command()
@guarded
def init(
    folder: Annotated[Path, typer.Argument(metavar="FOLDER", help="The new book's folder (new or empty).")],
    trim: Annotated[str, typer.Option("--trim", metavar="WIDTHxHEIGHT", help="The trimmed page, WIDTHxHEIGHT in mm (each side 150 to 350).")] = "240x300",
    editions: Annotated[str, typer.Option("--editions", metavar="LANG,LANG…", help="The editions' languages, comma-separated (e.g. vi,en).")] = "",
    title: Annotated[Optional[str], typer.Option("--title", metavar="TEXT", help="The book's title (default: the folder's name).")] = None,
    publisher: Annotated[Optional[str], typer.Option("--publisher", metavar="TEXT", help="The publisher's name.")] = None,
    source_language: Annotated[str, typer.Option("--source-language", metavar=LANGS, help="The language the book is written in.")] = "vi",
) -> None:
    """Scaffold a new book project that builds at once: placeholder photos and texts to replace."""
    from book.i18n.template import extract
    from book.languages import known
    from book.pages.paginate import paginate
    from book.scaffold import parse_trim, scaffold, write_catalogs
    from book.sources import load_book

    size = usage_checked(parse_trim, trim)
    langs = [code.strip() for code in editions.split(",") if code.strip()] or [source_language]
    for option, value, code in [("--source-language", source_language, source_language)] + [("--editions", editions, c) for c in langs]:
        if code not in known():
            usage_error(f"{option} {value}: unknown language '{code}'; use {', '.join(known())}")
    if source_language not in langs:
        usage_error(f"--editions {editions}: include the source language {source_language} (--source-language)")
    if len(set(langs)) != len(langs):
        usage_error(f"--editions {editions}: name each language once")
    files = scaffold(folder, size, tuple(langs), title, publisher, source_language)
    book, _ = load_book(folder.resolve())
    pagination = paginate(book)
    catalogs, untranslated = write_catalogs(book, pagination, extract(book, pagination))
    print(f"{folder}: a new {size[0]} × {size[1]} mm book in {', '.join(langs)} with {len(files) + len(catalogs) + 1} files; "
          + (f"build it with: book --project {folder} build" if not untranslated else
             f"translate {', '.join(untranslated)} to build it for print; see it now with: book --project {folder} build --profile proof"))


def usage_checked(parse, value):
    """``parse(value)``, its ValueError a usage error (exit 2)."""
    try:
        return parse(value)
    except ValueError as exc:
        usage_error(str(exc))


def usage_error(message: str) -> None:
    raise UsageError(message)


@app.command()
@guarded
def clean(caches: Annotated[bool, typer.Option("--caches", help="Also empty .cache/ (the next build makes it again, more slowly).")] = False) -> None:
    """Empty output/ (every PDF, review sheet and preview) and, with --caches, .cache/."""
    from book.clean import clean as run_clean

    print(run_clean(project_root(), caches).line())


def check_profile(profile: str) -> None:
    """Exit with a usage error unless ``profile`` names a registered output (`book.outputs`)."""
    from book.outputs import OUTPUTS

    if profile not in OUTPUTS:  # perhaps one of the book's own: a profile of book.yaml that names a printer
        from book.presets.profiles import register_project_profiles

        try:
            register_project_profiles(project_root())
        except BookError:
            pass
    if profile not in OUTPUTS:
        raise UsageError(f"--profile {profile}: unknown output; use one of {', '.join(OUTPUTS)}")


def main() -> None:
    from book.cli.signals import Interrupted, install

    install()
    try:
        app()
    except Interrupted as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(int(ExitCode.INTERRUPTED))


from book.cli import i18n, preflight  # noqa: E402, F401  (they add their commands to the app)
