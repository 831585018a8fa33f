"""Render and finish editions, one process per edition on all cores.

Each worker draws one edition with photo stand-ins and finishes it, streaming
the photos in from the image cache (see `book.pdf.photos`), so a
worker's memory does not grow with the photo count. Workers are forked: they
inherit the prepared book, its fonts (reportlab registers them per process)
and the set text, and send back only a file name or a one-line error.
"""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from book.errors import RenderError
from book.files import DiskFull, is_disk_full
from book.pdf.cover import CoverRenderer
from book.pdf.finish import Press, finish_pdf
from book.pdf.pdfx import DocMeta
from book.pdf.photos import write_standin, xobject_name
from book.pdf.render import Renderer


@dataclass(frozen=True)
class EditionJob:
    edition: object  # book.build.Edition
    meta: DocMeta
    raw: Path
    finished: Path
    target: Path  # where it goes, for messages
    cover: bool = False  # the edition's cover rather than its interior


@dataclass(frozen=True)
class Shared:
    """What every edition's render and finish read alike."""

    book: object
    pagination: object
    images: dict
    press: Press
    proof: bool
    low_ppi: dict
    standin: Path
    photos: dict[str, Path]  # stand-in resource name -> prepared photo
    cover: object = None  # book.pages.spine.CoverGeometry, for print
    cover_photo: object = None  # its prepared photo (an ImageResult)


_shared: list[Shared] = []  # set before the workers fork; they read it, never write it


def prepare_shared(work: Path, book, pagination, images: dict, press: Press, proof: bool, low_ppi: dict,
                   cover=None, cover_photo=None) -> Shared:
    """Write the stand-in once for all editions, and name the photos it stands for."""
    photos = sorted({Path(r.path) for r in images.values() if r.path is not None})
    return Shared(book, pagination, images, press, proof, low_ppi, write_standin(work / "standin.jpg"),
                  {xobject_name(photo.name): photo for photo in photos}, cover, cover_photo)


@dataclass(frozen=True)
class Rendered:
    seconds: float
    sha256: str | None = None  # of the finished file
    failure: tuple[str, str] | None = None  # ('disk-full' or 'error', message)


def render_one(job: EditionJob, shared: Shared | None = None) -> Rendered:
    """Render and finish one edition's interior or cover."""
    shared = shared or _shared[0]
    edition = job.edition
    begun = time.perf_counter()
    try:
        if job.cover:
            CoverRenderer(shared.book, shared.cover, edition.fonts, shared.cover_photo, edition.cover).render_cover(job.raw, edition.text.info)
            digest = finish_pdf(job.raw, job.finished, job.meta, shared.press)
        else:
            Renderer(shared.book, shared.pagination, edition.fonts, shared.images, edition.text, proof=shared.proof,
                     low_ppi=shared.low_ppi, standin=shared.standin).render(job.raw)
            digest = finish_pdf(job.raw, job.finished, job.meta, shared.press, shared.photos)
        job.raw.unlink()  # the raw file is as large as the finished one: keep the disk free
    except Exception as exc:  # pikepdf reports a full disk as its own error
        if is_disk_full(exc) or "No space left" in str(exc):
            return Rendered(0.0, failure=("disk-full", str(job.target)))
        if not isinstance(exc, (KeyError, ValueError, OSError)):
            raise
        return Rendered(0.0, failure=("error", f"{job.target.relative_to(shared.book.root)}: rendering failed ({exc}); "
                                               "run with --debug and report it"))
    return Rendered(time.perf_counter() - begun, digest)


def raise_failure(failure: tuple[str, str]) -> None:
    kind, message = failure
    if kind == "disk-full":
        raise DiskFull(Path(message))
    raise RenderError(message)


def render_all(jobs: list[EditionJob], shared: Shared, workers: int, progress) -> dict[Path, Rendered]:
    """Render ``jobs`` (the longest first) with up to ``workers``
    processes; returns each job's result by its finished file.
    ``progress(done, total)`` is called in this process only, so one bar
    shows all the workers."""
    progress(0, len(jobs))
    results: dict[Path, Rendered] = {}
    if workers <= 1 or len(jobs) <= 1:
        for done, job in enumerate(jobs, start=1):
            results[job.finished] = render_one(job, shared)
            if results[job.finished].failure:
                raise_failure(results[job.finished].failure)
            progress(done, len(jobs))
        return results
    _shared[:] = [shared]
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
            futures = {pool.submit(render_one, job): job.finished for job in jobs}
            for done, future in enumerate(as_completed(futures), start=1):
                results[futures[future]] = future.result()
                progress(done, len(jobs))
    finally:
        _shared.clear()
    failures = sorted(r.failure for r in results.values() if r.failure)
    if failures:
        raise_failure(failures[0])
    return results
