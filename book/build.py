"""The build, in one visible line of stages: load the sources, paginate,
measure what the editions share, lay out the pages, set each edition,
prepare the photos, render the output, commit. Everything is gathered and
checked (`book.gather`) before the first file is written. The photo stage
runs beside the others from the moment the pages are known
(`book.images.pool`): the text is set, and the editions are rendered and
written, while the photos are prepared (`book.outputs.stage`); nothing is put in
place before all succeeded (`book.pdf.commit`). At each stage the build
record (`book.incremental`) says whether that stage's input changed."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from book.files import DiskFull
from book.gather import Prepared, ignore_key, lay_out, load_sources, measure_shared, set_editions, settle_problems
from book.i18n.checks import stop_without_catalogs
from book.images.pool import EarlyPhotos, photo_jobs
from book.incremental import Incremental, build_key
from book.lock import project_lock, remove_leftovers, staging_folder
from book.outputs import OUTPUTS, Output
from book.outputs.stage import render_outputs
from book.pages.paginate import page_layouts, paginate
from book.pdf.commit import Staged, commit, recover
from book.pdf.pdfx import source_date
from book.sources.photo_paths import shown
from book.summary import Written, summarise


def build(root: Path, langs: list[str] | None = None, profile_name: str = "print", jobs: int | None = None,
          strict: bool = False, report=None, notify=None, pdfx: str | None = None, marks: bool | None = None,
          simulate_press: bool | None = None, ignore: frozenset[str] = frozenset()) -> dict:
    """Build the editions; returns the manifest, with the build's ``summary``
    (see `book.summary`) and ``removed``: a line for each output the book no
    longer makes, removed from output/ (`book.pdf.commit.stale`). Outputs
    whose inputs did not change since the recorded build are left as they
    are. ``report(stage, done, total)``
    shows progress, ``notify(line)`` says when the build waits for another;
    ``pdfx``, ``marks`` and ``simulate_press`` override the profile's
    (book.yaml ``profiles``; the soft proof is on in proof) when given."""
    clock, started, workers = time.perf_counter(), time.time(), jobs or os.cpu_count() or 1
    report = report or (lambda *args: None)
    report("checking sources", 0, 1)
    key = build_key(profile_name, langs, strict, pdfx, marks, simulate_press) + ignore_key(ignore)
    incremental = Incremental(root, key, clock, strict)
    if incremental.manifest is not None:  # nothing the build reads changed since the recorded build
        report("done", 1, 1)
        return incremental.manifest
    with EarlyPhotos(workers, incremental.digests.known) as photos:
        prepared = load_sources(root, langs, profile_name)
        output = OUTPUTS[profile_name].resolve(prepared.book, pdfx, marks, simulate_press)
        if not output.fallback:  # a proof shows the source text; any other output says in one line to make the catalogs
            stop_without_catalogs(prepared.book, prepared.langs)
        first = paginate(prepared.book)
        # The lists' continuation pages hold no photos. A machine without the
        # press profile makes it here first, and the progress line says so.
        photos.start(prepared.book, first, None, output, making=lambda line: report(line, 0, 1))
        report("checking sources", 0, 1)
        needs = measure_shared(prepared, first, output, incremental)
        lay_out(prepared, output, needs, whole_photos=False)
        photos.start(prepared.book, prepared.pagination, prepared.cover, output)
        set_editions(prepared, output, incremental.kept_editions(prepared, output))
        settle_problems(prepared, output, strict, ignore)
        prepared.problems.stop_if_errors("found; nothing was written")
        source_date(prepared.book.date)  # a bad SOURCE_DATE_EPOCH stops here, before reportlab trips over it
        with project_lock(root, notify):
            for note in recover(root):
                prepared.problems.warn("repaired", None, note)
            remove_leftovers(root, started)
            with staging(prepared, output) as work:
                wanted = photo_jobs(prepared.book, prepared.pagination, prepared.cover, output)  # one per photo and frame
                processing = photos.take(wanted)
                todo = incremental.to_render(prepared, output, wanted)
                staged, results, seconds = render_outputs(prepared, output, wanted, processing, todo, work, workers, report,
                                                          incremental.digests)
                incremental.check_photos(prepared, output, results)
                manifest = commit_outputs(prepared, output, staged, incremental, seconds, clock)
            incremental.remember(prepared, output, todo, manifest)
    return manifest


@contextmanager
def staging(prepared: Prepared, output: Output) -> Iterator[Path]:
    """The staging folder the outputs are rendered into, removed afterwards;
    a full disk is reported with the space the build needs."""
    root = prepared.book.root
    try:
        work = staging_folder(root)
        try:
            yield work
        finally:
            shutil.rmtree(work, ignore_errors=True)
    except DiskFull as exc:
        raise DiskFull(exc.path, needed=output.space_needed(prepared), shown=shown(root, exc.path)) from None


def commit_outputs(prepared: Prepared, output: Output, staged: list[Staged], incremental: Incremental,
                   seconds: dict[str, float], clock: float) -> dict:
    """Move the staged files into place (those whose bytes are the ones in
    place, by the digests the record knows, stay), remove those the book no
    longer makes and write the manifest; returns it with the build's
    summary and ``removed``, a line for each file removed or left."""
    book, root = prepared.book, prepared.book.root
    manifest, moved, removed = commit(root, book.slug, staged, [str(w) for w in prepared.problems.warnings],
                                      incremental.placed(staged), made_outputs(prepared, output), incremental.record.intact,
                                      page_layouts(prepared.pagination) if prepared.pagination else None)
    written = [Written(e.lang, output.path(root, book, e.lang), output.path(root, book, e.lang) in moved, seconds.get(e.lang, 0.0))
               for e in prepared.editions]
    manifest["summary"] = summarise(prepared, output, written, time.perf_counter() - clock)
    manifest["removed"] = removed
    return manifest


def made_outputs(prepared: Prepared, output: Output) -> dict[str, set[str]]:
    """Every file the book makes as it stands now, by output (paths from the
    root): this build's as planned, each other registered output's from the book."""
    book, made = prepared.book, {}
    for name, other in OUTPUTS.items():
        cover = prepared.cover is not None if name == output.name else other.cover and book.cover is not None
        made[name] = {rel for lang in book.editions for _, rel in other.parts(book, lang, cover)}
    return made
