"""The photo stage's workers: the jobs run in a process pool started as
soon as the pages are known, so that the photos are prepared while the
build sets the text and renders the editions; a plain serial path for
``--jobs 1``. Results are asked for by job and may be waited for from
several threads."""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image

from book.caches import COLOUR, IMAGES, notice_damaged
from book.errors import BookError
from book.images.placed import cover_job, image_jobs
from book.images.press import press_profile
from book.images.process import ImageJob, ImageResult, process
from book.outputs import Output
from book.pages.cover_plan import photo_frame

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
MAP_FROM = 1 << 20
PILLOW_BLOCKS = 8  # Pillow image blocks (16 MiB each) a worker keeps for the next image, at most


class PhotoMissing(Exception):
    """A photo the photo stage could not prepare (or the build stopped)."""


def photo_worker_memory() -> None:
    """In a photo worker: memory that does not grow with the photos done,
    and no page faults for each new image.

    Every allocation of 1 MiB or more is mapped on its own and given back
    to the system when freed: glibc otherwise raises that threshold to the
    largest block freed (up to 32 MiB) and keeps later image blocks in a
    heap that fragments, growing with each photo. Pillow's own image blocks
    are kept for reuse instead (up to ``PILLOW_BLOCKS``; never more than
    one photo had in use at once): without that, every decoded, resampled
    and converted image is mapped afresh and the kernel zeroes each page,
    which costs system time for every photo. No mallopt where the C
    library has none."""
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)  # the C library this process already has loaded
    if mallopt is not None:
        mallopt(M_MMAP_THRESHOLD, MAP_FROM)
    Image.core.set_blocks_max(PILLOW_BLOCKS)


class Processing:
    """Jobs started in a process pool now and collected later, so that the
    photos are prepared while the build sets the text. The workers are
    forked at once, by the thread that starts them. ``workers`` 1 runs each
    job in this process when its result is first asked for. ``known(path)``
    gives a source's remembered digest (`book.digests`), or None. Results
    may be asked for from several threads."""

    def __init__(self, jobs: list[ImageJob], workers: int, known=None):
        self.jobs: list[ImageJob] = []
        self.known = known or (lambda path: None)
        self.pool: ProcessPoolExecutor | None = None
        self.futures = []
        self.done: dict[int, ImageResult] = {}  # without a pool
        self.lock = threading.Lock()
        if workers > 1 and jobs:
            self.pool = ProcessPoolExecutor(max_workers=min(workers, len(jobs)), initializer=photo_worker_memory)
        self.extend(jobs)

    def extend(self, jobs: list[ImageJob]) -> None:
        """More jobs, started after the others."""
        self.jobs = self.jobs + jobs
        if self.pool is not None:
            futures = [self.pool.submit(process, job, self.known(job.source)) for job in jobs]
            for future in futures:
                future.add_done_callback(tell_done)
            self.futures += futures

    def result(self, index: int) -> ImageResult:
        """Job ``index``'s result, waiting for it; raises CancelledError if the processing was closed first."""
        if self.futures:
            return self.futures[index].result()
        with self.lock:
            if index not in self.done:
                job = self.jobs[index]
                self.done[index] = tell(process(job, self.known(job.source)))
            return self.done[index]

    def busy(self) -> bool:
        """Whether the workers still have photos to prepare (they use every core then)."""
        return any(not future.done() for future in self.futures)

    def results(self, progress=None) -> list[ImageResult]:
        """The results in the jobs' order; ``progress()`` is called after each."""
        results: list[ImageResult] = []
        try:
            for index in range(len(self.jobs)):
                results.append(self.result(index))
                if progress:
                    progress()
        finally:
            self.close()
        return results

    def close(self) -> None:
        """Stop the workers; jobs not begun are dropped."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def tell(result: ImageResult) -> ImageResult:
    """``result``, its damaged cache file said here, in the build's process (a worker's stderr may be no one's)."""
    if result.damaged:
        notice_damaged(result.damaged, "prepared photo")
    return result


def tell_done(future) -> None:
    if not future.cancelled() and future.exception() is None:
        tell(future.result())


def press_for(book, output: Output, making: Callable[[str], None] | None = None) -> Path | None:
    """The press profile the output's photos are made for (or simulated with);
    ``making(line)`` is told when it has to be made first."""
    if output.colour == "cmyk" or output.simulate_press:
        return press_profile(book.root, book.press_profile, book.ink_limit, COLOUR.path(book.root), making)
    return None


def photo_jobs(book, pagination, cover, output: Output, making: Callable[[str], None] | None = None) -> list[ImageJob]:
    """One job per photo and frame of the pages, and the cover's photo when ``cover`` (its geometry) is planned."""
    press_icc = press_for(book, output, making)
    jobs = image_jobs(book, pagination, output, press_icc, IMAGES.path(book.root))
    job = cover_job(book, photo_frame(book, cover), output, press_icc, IMAGES.path(book.root)) if cover else None
    return jobs + ([job] if job else [])


class EarlyPhotos:
    """The photo stage begun as soon as the pages are known: the workers
    prepare the photos while this process sets the text. Nothing it does is
    final: the results are used only for the very jobs the build then asks
    for (`take`), and a build that stops first closes it."""

    def __init__(self, workers: int, known=None):
        self.workers = workers
        self.known = known
        self.processing: Processing | None = None

    def start(self, book, pagination, cover, output: Output, making: Callable[[str], None] | None = None) -> None:
        """Start (or add to) the jobs of ``pagination`` and the ``cover``;
        ``making(line)`` is told when the press profile has to be made first."""
        try:
            jobs = photo_jobs(book, pagination, cover, output, making)
        except BookError:
            return  # reported where the build needs it, after the sources' problems
        if self.processing is None:
            self.processing = Processing(jobs, self.workers, self.known)
            return
        started = set(self.processing.jobs)
        self.processing.extend([job for job in jobs if job not in started])

    def take(self, jobs: list[ImageJob]) -> Processing:
        """The started processing when it is for ``jobs``, else a new one."""
        if self.processing is not None and set(self.processing.jobs) != set(jobs):
            self.close()
        processing, self.processing = self.processing, None
        return processing or Processing(jobs, self.workers, self.known)

    def close(self) -> None:
        if self.processing is not None:
            self.processing.close()
            self.processing = None

    def __enter__(self) -> EarlyPhotos:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
