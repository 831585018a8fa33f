"""The prepared-photo cache: each result is keyed by everything that changes
it (the source's bytes, the frame size, fit, colour mode, resolution, press
profile, JPEG quality and this code's version), never by "the file exists",
and written atomically so that two builds can share the cache. Each JPEG's
SHA-256 is kept beside it and compared whenever it is used: a prepared
photo cut short, garbled or emptied is made again, never embedded."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from book.caches import IMAGES
from book.files import FileMemo, sha256_file, write_atomic

CODE_VERSION = "4"  # 2: alpha onto white, 16-bit grey scaled; 3: JPEGs decoded at reduced scale; 4: greyscale in four colours
QUALITY = 90


def job_key(job, digest: str) -> str:
    """The cache key of an `ImageJob` whose source has SHA-256 ``digest``.
    The prepared file is named after it, and reportlab names the image in
    the PDF after that file name."""
    press = profile_digest(job.press_icc) if job.press_icc else "-"
    text = f"{CODE_VERSION}|{digest}|{job.frame_mm}|{job.fit}|{job.mode}|{job.ppi}|{press}|{QUALITY}"
    if job.focus != (0.5, 0.5):  # the default keeps the keys of photos cropped about their centre
        text += f"|focus {job.focus}"
    if job.separation == "k-only":
        text += "|grey k-only"
    if job.simulate:  # appended, so the keys of every other output stay as they were
        text += "|simulated-press"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


# The press profile's digest, taken once per process for each version of the file (`book.files.seen`).
profile_digest = FileMemo(sha256_file)


@dataclass(frozen=True)
class Cached:
    path: Path  # the prepared JPEG
    meta: Path  # its pixels, ppi and drawn size
    hit: bool
    damaged: bool = False  # there, but not the file its numbers describe: made again
    pixels: tuple[int, int] = (0, 0)
    ppi: float = 0.0
    box_mm: tuple[float, float] = (0.0, 0.0)


def read_cached(job, digest: str) -> Cached:
    """The cache entry of ``job`` whose source has SHA-256 ``digest``."""
    key = job_key(job, digest)
    path, meta = job.cache / f"{key}.jpg", job.cache / f"{key}.txt"
    try:
        numbers = meta.read_text(encoding="ascii").split()
        if len(numbers) == 6:  # written before the JPEG's digest was kept: made again, nothing damaged
            return Cached(path, meta, False)
        w, h, ppi, bw, bh, size, sha = numbers
        data = path.read_bytes()
        if len(data) == int(size) and hashlib.sha256(data).hexdigest() == sha:
            return Cached(path, meta, True, False, (int(w), int(h)), float(ppi), (float(bw), float(bh)))
    except FileNotFoundError:  # not there, or half there (see `store`): made
        return Cached(path, meta, False)
    except (OSError, ValueError):
        pass
    return Cached(path, meta, False, True)


def shown(cached: Cached) -> str:
    """The prepared file's path as a notice names it: from the project."""
    return f"{IMAGES.rel}/{cached.path.name}"


def store(cached: Cached, jpeg: bytes, pixels: tuple[int, int], ppi: float, box_mm: tuple[float, float]) -> None:
    """The JPEG first, its numbers and length second: a reader that finds the
    numbers finds a whole JPEG (a full disk raises `DiskFull` and leaves
    neither half). Neither is flushed to the disk: waiting for that costs the
    photo workers seconds while the editions are being written, and a file a
    power cut left empty or short does not match its length, so
    `read_cached` makes it again."""
    write_atomic(cached.path, jpeg, durable=False)
    write_atomic(cached.meta, f"{pixels[0]} {pixels[1]} {ppi:.2f} {box_mm[0]:.4f} {box_mm[1]:.4f} {len(jpeg)} "
                 f"{hashlib.sha256(jpeg).hexdigest()}\n", durable=False)
