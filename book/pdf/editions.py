"""Render and finish editions, one process per edition on all cores, while
the photo stage is still preparing the photos.

Each worker draws one edition with photo stand-ins named after the photos
(`photo_name`: no photo need be ready) and finishes it but for the photos;
then a thread of the build copies the photos in from the image cache as
the photo stage makes them (see `book.pdf.photos`), so no process's memory
grows with the photo count and the files are written while the photos are
made, not after. Workers are forked: they inherit the prepared book, its
fonts (reportlab registers them per process) and the set text, and send
back only file names or a one-line error.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from book.errors import RenderError
from book.files import DiskFull, is_disk_full, sha256_file
from book.images.pool import PhotoMissing
from book.pdf.cover import CoverRenderer
from book.pdf.finish import Press, mark_pdf
from book.pdf.marked import Marks, alt_texts, foreign_names
from book.pdf.pdfx import DocMeta
from book.pdf.photos import splice_photos, write_standin, xobject_name
from book.pdf.render import Renderer


@dataclass(frozen=True)
class EditionJob:
    edition: object  # book.gather.Edition
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
    images: dict  # (photo, frame) -> its planned ImageResult: the drawn size, and the photo's name (see `photo_name`)
    press: Press
    proof: bool
    low_ppi: dict
    standin: Path
    photos: dict[str, str]  # stand-in resource name -> the photo's name
    cover: object = None  # book.pages.spine.CoverGeometry, for print
    cover_photo: object = None  # its planned ImageResult
    tagged: bool = False  # interiors as tagged PDF/UA-1 (`book.pdf.tags`)


_shared: list[Shared] = []  # set before the workers fork; they read it, never write it


def prepare_shared(work: Path, book, pagination, images: dict, press: Press, proof: bool, low_ppi: dict,
                   cover=None, cover_photo=None, tagged: bool = False) -> Shared:
    """Write the stand-in once for all editions, and name the photos it stands for."""
    names = sorted({r.path.name for r in images.values()} | ({cover_photo.path.name} if cover_photo else set()))
    return Shared(book, pagination, images, press, proof, low_ppi, write_standin(work / "standin.jpg"),
                  {xobject_name(name): name for name in names}, cover, cover_photo, tagged)


@dataclass(frozen=True)
class Rendered:
    seconds: float
    marked: Path | None = None  # the finished file without its photos, for `splice_photos`
    order: tuple[str, ...] = ()  # the photo (its name) of each mark in it
    sha256: str | None = None  # of the finished file, when it has no photos
    failure: tuple[str, str] | None = None  # ('disk-full' or 'error', message)


def render_one(job: EditionJob, shared: Shared | None = None) -> Rendered:
    """Render one edition's interior or cover with photo stand-ins, and
    finish it but for the photos (see `book.pdf.photos`)."""
    shared = shared or _shared[0]
    edition = job.edition
    begun = time.perf_counter()
    marked = job.finished.with_name(f".{job.finished.name}.marked")
    tags = None
    try:
        if job.cover:
            CoverRenderer(shared.book, shared.cover, edition.fonts, shared.cover_photo, edition.cover,
                          standin=shared.standin).render_cover(job.raw, edition.text.info)
        else:
            marks = Marks(alt_texts(shared.book, edition.lang, edition.catalog),
                          foreign_names(shared.book, edition.lang, edition.catalog)) if shared.tagged else None
            tags = Renderer(shared.book, shared.pagination, edition.fonts, shared.images, edition.text, proof=shared.proof,
                            low_ppi=shared.low_ppi, standin=shared.standin, marks=marks).render(job.raw)
        order = mark_pdf(job.raw, job.finished, marked, job.meta, shared.press, shared.photos, tags, cover=job.cover)
        job.raw.unlink()  # the raw file is as large as the finished one: keep the disk free
    except Exception as exc:  # pikepdf reports a full disk as its own error
        return Rendered(0.0, failure=failure_of(exc, job.target, shared.book.root))
    seconds = time.perf_counter() - begun
    return Rendered(seconds, marked, tuple(order)) if order else Rendered(seconds, sha256=sha256_file(job.finished))


def failure_of(exc: Exception, target: Path, root: Path) -> tuple[str, str]:
    """What went wrong writing ``target``, as `Rendered.failure`; re-raises what is not ours to report."""
    if is_disk_full(exc) or "No space left" in str(exc):
        return ("disk-full", str(target))
    if not isinstance(exc, (KeyError, ValueError, OSError)):
        raise exc
    return ("error", f"{target.relative_to(root)}: rendering failed ({exc}); run with --debug and report it")


def raise_failure(failure: tuple[str, str]) -> None:
    kind, message = failure
    if kind == "disk-full":
        raise DiskFull(Path(message))
    raise RenderError(message)


def render_all(jobs: list[EditionJob], shared: Shared, workers: int, progress, rendered=None) -> dict[Path, Rendered]:
    """Render ``jobs`` (the longest first) with up to ``workers``
    processes; returns each job's result by its finished file, and hands
    each to ``rendered(job, result)`` as soon as it is there.
    ``progress(done, total)`` is called in this process only, so one bar
    shows all the workers."""
    progress(0, len(jobs))
    rendered = rendered or (lambda job, result: None)
    results: dict[Path, Rendered] = {}
    if workers <= 1 or len(jobs) <= 1:
        for done, job in enumerate(jobs, start=1):
            results[job.finished] = render_one(job, shared)
            if results[job.finished].failure:
                raise_failure(results[job.finished].failure)
            rendered(job, results[job.finished])
            progress(done, len(jobs))
        return results
    _shared[:] = [shared]
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context) as pool:
            futures = {pool.submit(render_one, job): job for job in jobs}
            for done, future in enumerate(as_completed(futures), start=1):
                job = futures[future]
                results[job.finished] = future.result()
                if not results[job.finished].failure:
                    rendered(job, results[job.finished])
                progress(done, len(jobs))
    finally:
        _shared.clear()
    failures = sorted(r.failure for r in results.values() if r.failure)
    if failures:
        raise_failure(failures[0])
    return results


class Splicing:
    """The rendered editions getting their photos, each in a thread of its
    own, while the photo stage is still preparing them: ``photo(name)``
    gives a photo's prepared file, waiting for it, or raises `PhotoMissing`
    (the build then reports why). Copying and hashing let other threads run."""

    def __init__(self, photo):
        self.photo = photo
        self.threads: list[threading.Thread] = []
        self.sha256: dict[Path, str] = {}
        self.failures: list[tuple[str, str]] = []
        self.stopped = threading.Event()

    def start(self, job: EditionJob, result: Rendered, root: Path) -> None:
        if result.sha256 is not None:
            self.sha256[job.finished] = result.sha256
            return
        thread = threading.Thread(target=self.splice, args=(job, result, root), name=f"splice {job.finished.name}", daemon=True)
        self.threads.append(thread)
        thread.start()

    def splice(self, job: EditionJob, result: Rendered, root: Path) -> None:
        def photo(number: int) -> Path:
            if self.stopped.is_set():
                raise PhotoMissing("the build stopped")
            return self.photo(result.order[number])

        try:
            self.sha256[job.finished] = splice_photos(result.marked, job.finished, photo)
        except PhotoMissing:
            pass  # the photo stage reports it
        except Exception as exc:
            try:
                self.failures.append(failure_of(exc, job.target, root))
            except Exception as other:  # not ours to report: the build raises it
                self.failures.append(("error", f"{job.target.relative_to(root)}: finishing failed ({other!r}); "
                                               "run with --debug and report it"))
        finally:
            result.marked.unlink(missing_ok=True)

    def stop(self) -> None:
        """Let the threads end (a build that stops); waits for them."""
        self.stopped.set()
        for thread in self.threads:
            thread.join()

    def wait(self) -> dict[Path, str]:
        """Each finished file's SHA-256, once all are written; raises the first failure."""
        for thread in self.threads:
            thread.join()
        if self.failures:
            raise_failure(sorted(self.failures)[0])
        return self.sha256
