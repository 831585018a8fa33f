"""The EPUBs' photos: each photo whole (never cropped, as a reflowing page
has no frame to fill), upright, in sRGB, about `LONG_SIDE` pixels on its
long side (never upscaled), as a progressive JPEG. One file per photo serves
the five editions: it is kept in the image cache under a key of everything
that changes it (the source's bytes, the size, the quality, this code's
version), written atomically with its length and SHA-256 beside it, and
made again when it no longer matches them (`book.images.cache` does the
same for the pages' photos)."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from book.caches import IMAGES
from book.digests import read_digest
from book.files import write_atomic
from book.images.process import ImageJob, convert_colour, flatten, reduce_while_decoding, upright_size

LONG_SIDE = 1600  # pixels: sharp on a tablet held either way, and five EPUBs of the sample book stay under 40 MB
QUALITY = 55  # a reflowable page shows a photo at most a screen wide; 90 (the pages') would make each EPUB twice as large
CODE_VERSION = "1"


@dataclass(frozen=True)
class EpubPhoto:
    photo: str
    path: Path  # the prepared JPEG in the image cache
    pixels: tuple[int, int]


def photo_key(digest: str) -> str:
    """The cache key of a photo whose source has SHA-256 ``digest``."""
    text = f"epub {CODE_VERSION}|{digest}|{LONG_SIDE}|{QUALITY}|srgb progressive"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def target_size(size: tuple[int, int]) -> tuple[int, int]:
    """``size`` scaled to `LONG_SIDE` on its long side, never up.

    >>> target_size((3000, 2000)), target_size((1200, 900)), target_size((900, 2400))
    ((1600, 1067), (1200, 900), (600, 1600))
    """
    scale = min(1.0, LONG_SIDE / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def prepare_photo(photo: str, source: Path, cache: Path) -> EpubPhoto:
    """The EPUB's JPEG of ``photo`` from ``source``, from the cache or made into it."""
    data, digest, _ = read_digest(source)
    key = photo_key(digest)
    path, meta = cache / f"{key}.jpg", cache / f"{key}.txt"
    try:
        w, h, size, sha = meta.read_text(encoding="ascii").split()
        jpeg = path.read_bytes()
        if len(jpeg) == int(size) and hashlib.sha256(jpeg).hexdigest() == sha:
            return EpubPhoto(photo, path, (int(w), int(h)))
    except (OSError, ValueError):
        pass  # not there, half there or damaged: made again
    image = Image.open(io.BytesIO(data))
    icc = image.info.get("icc_profile")
    want = target_size(upright_size(image))
    reduce_while_decoding(image, want[0] / upright_size(image)[0] * 1.05)
    image.load()
    ImageOps.exif_transpose(image, in_place=True)
    image = flatten(image)
    if image.size != want:
        image = image.resize(want, Image.Resampling.LANCZOS, reducing_gap=3.0)
    # The pages' colour conversion, to sRGB: an untagged photo is taken as sRGB, a CMYK one through its profile.
    job = ImageJob(photo, "epub", source, (0.0, 0.0), "contain", "rgb", 0, None, cache)
    image = convert_colour(image, icc, job)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=QUALITY, optimize=True, progressive=True)
    jpeg = buffer.getvalue()
    cache.mkdir(parents=True, exist_ok=True)
    write_atomic(path, jpeg, durable=False)
    write_atomic(meta, f"{image.size[0]} {image.size[1]} {len(jpeg)} {hashlib.sha256(jpeg).hexdigest()}\n", durable=False)
    return EpubPhoto(photo, path, image.size)


def prepare_photos(book, photos: Iterable[str], workers: int) -> dict[str, EpubPhoto]:
    """The EPUB's JPEG of each photo id in ``photos``, made in ``workers``
    threads (Pillow lets go of the interpreter while it decodes, resamples
    and encodes)."""
    cache = IMAGES.path(book.root)
    wanted = sorted(set(photos))
    with ThreadPoolExecutor(max(1, workers)) as pool:
        made = list(pool.map(lambda pid: prepare_photo(pid, book.photos[pid].path, cache), wanted))
    return {item.photo: item for item in made}
