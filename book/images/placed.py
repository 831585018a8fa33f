"""The photos as placed on the pages: one preparation job per photo and frame,
and each photo's resolution in its frame, read from the file headers before
any pixel is decoded."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from book.caches import IMAGES, SIZES, notice_damaged
from book.errors import Problems, Where
from book.files import DiskFull, FileMemo, observe, seen, write_atomic
from book.images.colour import colour_fault
from book.images.process import ImageJob, ImageResult, crop_box, photo_name, placed_size
from book.model import Book
from book.outputs import Output
from book.pages.paginate import Pagination, Placed
from book.sources.photo_paths import shown


def image_cache(book: Book) -> Path:
    return IMAGES.path(book.root)


def placed_photos(pagination: Pagination):
    """(page, placed) for each photo frame, once per photo and frame."""
    seen = set()
    for page in pagination.pages:
        for placed in page.placed:
            if placed.frame.kind == "photo" and (placed.value, placed.frame.name) not in seen:
                seen.add((placed.value, placed.frame.name))
                yield page, placed


def image_jobs(book: Book, pagination: Pagination, output: Output, press_icc: Path | None, cache: Path) -> list[ImageJob]:
    return [ImageJob(placed.value, placed.frame.name, book.photos[placed.value].path, (placed.frame.w, placed.frame.h), placed.frame.fit,
                     output.colour, output.ppi, press_icc, cache, book.photos[placed.value].focus or (0.5, 0.5),
                     simulate=output.simulate_press and output.colour == "rgb", separation=separation(book, placed.value))
            for _, placed in placed_photos(pagination)]


def separation(book: Book, photo: str) -> str:
    """How photo ``photo`` prints if it is greyscale: as the chapter asks, else as the book does."""
    return book.photos[photo].separation or book.greyscale


def planned_images(book: Book, jobs: list[ImageJob]) -> dict[tuple[str, str], ImageResult]:
    """Each job's photo as the pages draw it, known from the file's header
    before the photo is prepared: its drawn size, and a name (`photo_name`)
    to draw it under until it is there."""
    plans = {}
    for job in jobs:
        _, drawn, want = placed_size(photo_size(job.source, image_cache(book), whole=False), job)
        plans[(job.photo, job.frame)] = ImageResult(job, Path(photo_name(job)), want, 0.0, drawn)
    return plans


SIZES_FILE = SIZES.leaf  # in the image cache: photos already decoded whole, by path and signature


def photo_size(path: Path, cache: Path | None = None, whole: bool = True) -> tuple[int, int]:
    """The upright size of a photo, after decoding it whole at a small scale
    (JPEG draft), so that a truncated or damaged file is found by ``book check``
    and not first by the build. A photo that decoded whole before and is the
    file it was then (`book.files.seen`) is not decoded again: its size is
    kept in ``cache``. ``whole`` False reads the header only, for a build:
    its image stage decodes every photo it has not prepared from these very
    bytes, and reports a damaged one before anything is written. Raises
    ValueError with what is wrong."""
    if path.stat().st_size == 0:
        raise ValueError("the file is empty (0 bytes)")
    sizes = known_sizes(cache) if cache is not None else {}
    name = str(path.resolve())
    known = sizes.get(name)
    if known is not None and seen(path, known[:4]):
        return known[4], known[5]
    if not whole:  # a build asks for each photo twice or more (its frames, the plans)
        return HEADER_SIZES(path)
    size, sig = observe(path, decode_size)
    if cache is not None and sig is not None:
        sizes[name] = [*sig, *size]
        UNSAVED.add(cache)
    return size


KNOWN_SIZES: dict[Path, dict[str, list[int]]] = {}  # sizes.json of each image cache, as read and added to
UNSAVED: set[Path] = set()


def header_size(path: Path) -> tuple[int, int]:
    return decode_size(path, whole=False)


HEADER_SIZES = FileMemo(header_size)  # this process's: sizes read from headers


def known_sizes(cache: Path) -> dict[str, list[int]]:
    if cache not in KNOWN_SIZES:
        try:
            sizes = json.loads((cache / SIZES_FILE).read_bytes())
        except FileNotFoundError:
            sizes = {}
        except (OSError, ValueError):
            sizes = None
        valid = isinstance(sizes, dict) and all(isinstance(v, list) and len(v) == 6 and all(type(n) is int for n in v)
                                                for v in sizes.values())
        if not valid:
            notice_damaged(SIZES.rel, "list of photo sizes")
        KNOWN_SIZES[cache] = sizes if valid else {}
    return KNOWN_SIZES[cache]


def save_sizes(cache: Path) -> None:
    """Keep the sizes decoded since the last save."""
    if cache not in UNSAVED:
        return
    UNSAVED.discard(cache)
    try:
        write_atomic(cache / SIZES_FILE, json.dumps(KNOWN_SIZES[cache], sort_keys=True))
    except (OSError, DiskFull):  # a cache that cannot be written costs time, never the check
        pass


def decode_size(path: Path, whole: bool = True) -> tuple[int, int]:
    try:
        with Image.open(path) as image:
            width, height = image.size
            sideways = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
            if whole:
                fault = colour_fault(image)
                if fault:
                    raise ValueError(fault)
                image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
                image.load()
    except Image.DecompressionBombError:
        raise ValueError(f"its header claims more than {2 * Image.MAX_IMAGE_PIXELS // 1_000_000} megapixels, "
                         "more than any print needs; the file is damaged or hostile") from None
    except Image.UnidentifiedImageError:
        raise ValueError("not an image Pillow can read (JPEG, PNG or TIFF)") from None
    except (OSError, SyntaxError) as exc:  # Pillow raises SyntaxError for some broken headers
        raise ValueError(f"damaged: {exc}") from None
    return (height, width) if sideways else (width, height)


def placed_ppi(path: Path, frame_mm: tuple[float, float], fit: str, cache: Path | None = None, whole: bool = True) -> float:
    """The resolution a photo reaches in its frame."""
    width, height = photo_size(path, cache, whole)
    box = crop_box((width, height), frame_mm, fit)
    crop_w, crop_h = box[2] - box[0], box[3] - box[1]
    drawn_w = frame_mm[0] if fit == "cover" else crop_w * min(frame_mm[0] / crop_w, frame_mm[1] / crop_h)
    return crop_w / (drawn_w / 25.4)


def check_resolution(book: Book, pagination: Pagination, output: Output, out: Problems,
                     whole: bool = True) -> dict[tuple[str, str], float]:
    """Below the book's minimum warns, below half of it fails (print); a proof
    warns, and marks them. Returns the print ppi of each photo and frame below
    the minimum. ``whole``: see `photo_size`."""
    low: dict[tuple[str, str], float] = {}
    for page, placed in placed_photos(pagination):
        photo = book.photos[placed.value]
        try:
            ppi = placed_ppi(photo.path, (placed.frame.w, placed.frame.h), placed.frame.fit, image_cache(book), whole)
        except (OSError, ValueError) as exc:
            unreadable(out, photo, exc)
            continue
        if ppi >= book.min_ppi - 0.5:
            continue
        low[(placed.value, placed.frame.name)] = ppi
        message = low_ppi_message(photo.id, ppi, page.number, (placed.frame.w, placed.frame.h), book.min_ppi)
        where = Where(photo.rel, page=page.number, photo=photo.id)
        if output.for_press:
            (out.warn if ppi >= error_floor(book.min_ppi) else out.error)("low-ppi", where, message)
        elif output.fallback:
            out.warn("low-ppi", where, message)
    save_sizes(image_cache(book))
    return low


def low_ppi_message(photo: str, ppi: float, page: int, frame_mm: tuple[float, float], min_ppi: int) -> str:
    """What the photo reaches, how large it can print, and the three ways out.

    >>> low_ppi_message("vt01", 60, 3, (216, 123), 300).split("; ")[1].split(":")[0]
    'at 300 ppi it fills at most 43 × 25 mm'
    """
    scale = ppi / min_ppi  # the frame's share the photo fills at the minimum resolution
    most = f"{frame_mm[0] * scale:.0f} × {frame_mm[1] * scale:.0f} mm"
    return (f"photo {photo} is {ppi:.0f} ppi in its frame on page {page} ({ppi_rule(min_ppi)}); at {min_ppi} ppi it fills "
            f"at most {most}: supply a larger original, place it in a smaller frame, or "
            "lower colour.min_ppi in content/book.yaml if the printer agrees")


def ppi_rule(min_ppi: int) -> str:
    """Both figures of the print rule, the warning's and the error's.

    >>> ppi_rule(300)
    'print needs 300 ppi (colour.min_ppi), and below 150 ppi, half of that, it is an error'
    """
    return f"print needs {min_ppi} ppi (colour.min_ppi), and below {error_floor(min_ppi):g} ppi, half of that, it is an error"


def error_floor(min_ppi: float) -> float:
    """The resolution below which a print build fails rather than warns: half the minimum."""
    return min_ppi / 2


def unreadable(out: Problems, photo, why) -> None:
    """A photo that cannot be read or converted: the one line `book check` and the build both say."""
    out.error("unreadable-image", Where(photo.rel, photo=photo.id), f"cannot read the image ({why}); replace the file with a good copy")


def report_failures(book: Book, results: list[ImageResult], out: Problems) -> None:
    for result in results:
        if result.disk_full:
            raise DiskFull(result.disk_full, shown=shown(book.root, result.disk_full))
        if result.error:
            unreadable(out, book.photos[result.job.photo], result.error)


SPINE_CLEARANCE_MM = 20.0  # a spread's subject kept this far from the fold


def check_focus(book: Book, pagination: Pagination, out: Problems, whole: bool = True) -> None:
    """A photo's ``focus`` must be something a crop can use, and on a spread
    it must stay clear of the fold. Both are warnings: the book still prints."""
    spine = book.trim[0]
    placed_by_photo: dict[str, list[Placed]] = {}
    for _, placed in placed_photos(pagination):
        placed_by_photo.setdefault(placed.value, []).append(placed)
    for pid, frames in sorted(placed_by_photo.items()):
        photo = book.photos[pid]
        if photo.focus is None:
            continue
        try:
            size = photo_size(photo.path, image_cache(book), whole)
        except (OSError, ValueError):
            continue  # reported with the resolution
        cropped = False
        for placed in frames:
            frame = placed.frame
            box = crop_box(size, (frame.w, frame.h), frame.fit, photo.focus)
            cropped = cropped or box != (0, 0, *size)
            if frame.x < spine < frame.x + frame.w:
                at = frame.x + (photo.focus[0] * size[0] - box[0]) / (box[2] - box[0]) * frame.w
                if abs(at - spine) < SPINE_CLEARANCE_MM:
                    out.warn("focus-in-fold", photo.where, f"photos.{pid}.focus: the subject lands {abs(at - spine):.0f} mm from the spine "
                             f"on the spread at page {pagination.photo_pages[pid]} (keep it {SPINE_CLEARANCE_MM:g} mm clear); "
                             "choose another photo for the spread or another focus")
        if not cropped:
            out.warn("focus-unused", photo.where, f"photos.{pid}.focus: photo {pid} is never cropped, so its focus has no effect; remove it")
    save_sizes(image_cache(book))


def cover_job(book: Book, frame_mm: tuple[float, float], output: Output, press_icc: Path | None, cache: Path) -> ImageJob | None:
    """The cover photo's job, for its band across the spread (`book.pages.cover_plan.photo_frame`), cropped about its focus."""
    photo = book.cover.photo if book.cover else None
    if photo is None:
        return None
    return ImageJob(photo.id, "cover", photo.path, frame_mm, "cover", output.colour, output.ppi, press_icc, cache,
                    photo.focus or (0.5, 0.5), separation=separation(book, photo.id))


def check_cover_resolution(book: Book, media_mm: tuple[float, float], out: Problems, whole: bool = True) -> None:
    """The cover photo spans the spread with its bleed, as a band: judged as an interior photo is."""
    photo = book.cover.photo if book.cover else None
    if photo is None:
        return
    try:
        ppi = placed_ppi(photo.path, media_mm, "cover", image_cache(book), whole)
    except (OSError, ValueError) as exc:
        unreadable(out, photo, exc)
        return
    save_sizes(image_cache(book))
    if ppi < book.min_ppi - 0.5:  # the interior's rule: a warning down to half the minimum, then an error
        (out.warn if ppi >= error_floor(book.min_ppi) else out.error)("low-ppi", Where("content/book.yaml", book.cover.where.line, "cover.photo"),
                  f"cover.photo: photo {photo.id} is {ppi:.0f} ppi in its {media_mm[0]:.0f} × {media_mm[1]:.0f} mm band across the cover "
                  f"({ppi_rule(book.min_ppi)}); name a larger photo")
