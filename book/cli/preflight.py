"""`book preflight`: each PDF checked as its output says (`book.outputs`;
a file of no registered output as a printer's preflight would), each EPUB
by epubcheck (`book.epub.check`), and the reports printed as lines or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from book.cli.common import app, err, guarded, project_root
from book.cli.report import emit
from book.errors import BookError, ExitCode


@app.command()
@guarded
def preflight(
    pdfs: Annotated[list[Path], typer.Argument(metavar="FILE...", help="The PDFs and EPUBs to check.", exists=True, dir_okay=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the reports as JSON.")] = False,
    plates: Annotated[bool, typer.Option("--plates", help="Also compare the editions' C, M and Y plates (co-edition printing).")] = False,
    printer: Annotated[Optional[str], typer.Option("--printer", metavar="NAME", help=(
        "Check against this printer preset (book/presets/ or the project's presets/): trim, bleed per side, ink limit, "
        "PDF/X, marks, file size."))] = None,
) -> None:
    """Check built PDFs as a printer's preflight would (or as their output says, or as a printer preset asks), and EPUBs with epubcheck."""
    root, settings = project_settings()
    if printer is not None:
        from book.checks.preflight import preflight as run_preflight
        from book.presets import read_preset

        preset = read_preset(root, printer)
        own = {key: value for key, value in settings.items() if key != "printers"}
        reports = [check_epub_file(path) if is_epub(path) else run_preflight(path, **own, printer=preset) for path in pdfs]
    else:
        reports = [check_file(path, root, settings) for path in pdfs]
    plate_problems = []
    if plates:
        from book.checks.preflight import part_of
        from book.checks.separations import compare_parts

        plate_problems = compare_parts(pdfs, part_of)
    failed = not all(r.ok for r in reports) or bool(plate_problems)
    if as_json:  # one document with or without --plates: "plates" is null when they were not compared
        problems = [p for r in reports for p in r.problems.items] + plate_problems
        emit("preflight", not failed, problems, f"{sum(not r.ok for r in reports) + bool(plate_problems)} failed" if failed else None,
             files=[r.as_json() for r in reports],
             plates={"shared": not plate_problems, "compared": len(pdfs)} if plates else None)
    else:
        print_reports(reports, plate_problems if plates else None, len(pdfs))
    if failed:
        raise typer.Exit(int(ExitCode.PROBLEM))


def project_settings() -> tuple[Path | None, dict]:
    """The project's folder and its own limits when run inside one, else (None, {})."""
    from book.presets import PRESS_MIN_PPI
    from book.sources import load_book

    try:
        book, _ = load_book(project_root(), check_files=False)
    except BookError:
        return None, {}
    printers = {name: p.printer for name, p in book.profiles.items() if p.printer is not None}
    # the printer's floor, not a lowered colour.min_ppi (named in the warnings: `book.checks.preflight.resolution_floor`)
    return book.root, {"min_ppi": max(PRESS_MIN_PPI, book.min_ppi), "book_min_ppi": book.min_ppi, "ink_limit": book.ink_limit,
                       "page_multiple": book.binding_multiple, "safety": book.safety,
                       "printers": printers}


def check_file(path: Path, root: Path | None, settings: dict):
    """``path`` checked by the output that made it (`book.outputs.Output.check`), an EPUB by
    epubcheck, against the printer preset its profile names if it names one, or by the printer's preflight."""
    from book.checks.preflight import preflight as run_preflight
    from book.outputs import output_of

    if is_epub(path):
        return check_epub_file(path)
    settings = dict(settings)
    printers = settings.pop("printers", {})
    output = output_of(root, path) if root is not None else None
    if output is not None and output.name in printers:
        return run_preflight(path, **settings, printer=printers[output.name])
    return output.check(path, **settings) if output is not None else run_preflight(path, **settings)


def is_epub(path: Path) -> bool:
    return path.suffix.lower() == ".epub"


def check_epub_file(path: Path):
    """An EPUB checked by epubcheck (`book.epub.check`)."""
    from book.epub.check import check_epub

    return check_epub(path)


def print_reports(reports, plate_problems, count: int) -> None:
    """One line per file, its problems on stderr; the plates' verdict when compared (``plate_problems`` not None)."""
    for report in reports:
        trim = f"{report.trim_mm[0]:g} × {report.trim_mm[1]:g} mm" if report.trim_mm else "no trim"
        facts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in report.facts.items())
        size = f"{report.pages} documents" if report.path.lower().endswith(".epub") else f"{report.pages} pages, {trim}"
        print(f"{report.path}: {'ok' if report.ok else 'FAILED'}: {size}, {facts}")
        for problem in report.errors:
            err.print(f"error: {report.path}: {problem}", markup=False, soft_wrap=True)
        for problem in report.warnings:
            err.print(f"warning: {report.path}: {problem}", markup=False, soft_wrap=True)
    if plate_problems is not None:
        print(f"C, M and Y plates: {'shared by all ' + str(count) + ' files' if not plate_problems else 'DIFFER'}")
        for problem in plate_problems:
            err.print(f"error: {problem}", markup=False, soft_wrap=True)
