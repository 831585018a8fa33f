"""Prepare each photo for its frame: upright, cropped to the frame, at the
output's resolution (never upscaled), converted from its own ICC profile
(sRGB when untagged) to the press profile. Results are cached (see
`book.images.cache`); `book.images.pool` runs the jobs in a process pool."""

from __future__ import annotations

import hashlib
import io
import math
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from book.digests import read_digest
from book.files import DiskFull, FileMemo
from book.images.cache import QUALITY, profile_digest, read_cached, shown, store
from book.images.colour import colour_fault, source_profile
from book.images.press import grey_to_press

Image.MAX_IMAGE_PIXELS = 400_000_000  # big scans are normal here


@dataclass(frozen=True)
class ImageJob:
    photo: str
    frame: str  # the layout frame it is made for (not part of the cache key)
    source: Path
    frame_mm: tuple[float, float]
    fit: str
    mode: str  # 'cmyk' for print, 'rgb' for screen and proof
    ppi: int
    press_icc: Path | None  # the press profile CMYK output is made for (or simulated with)
    cache: Path
    focus: tuple[float, float] = (0.5, 0.5)  # the point a crop keeps in view
    simulate: bool = False  # soft proof: RGB output shows the colours the press will print
    separation: str = "four-colour"  # a greyscale photo in print: a neutral of all four inks, or 'k-only'


@dataclass(frozen=True)
class ImageResult:
    job: ImageJob
    path: Path | None
    pixels: tuple[int, int]  # of the placed image
    ppi: float  # effective resolution in the frame
    box_mm: tuple[float, float]  # drawn size (smaller than the frame for 'contain')
    error: str | None = None
    disk_full: Path | None = None  # the cache file that could not be written
    source_digest: str | None = None  # the SHA-256 of the source photo, read for the cache key
    source_seen: list[int] | None = None  # its signature, when the digest may be remembered (`book.digests`)
    damaged: str | None = None  # the prepared file found damaged and made again (`book.images.cache`), as a notice names it


_transforms: dict[tuple, ImageCms.ImageCmsTransform] = {}
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def transform_for(source_icc: bytes | None, in_mode: str, out_mode: str, press_icc: Path | None):
    key = (hashlib.sha256(source_icc or b"").hexdigest(), in_mode, out_mode, press_icc and profile_digest(press_icc))
    if key not in _transforms:
        source = ImageCms.ImageCmsProfile(io.BytesIO(source_icc)) if source_icc else SRGB
        # From its bytes, not its path: littleCMS reads a profile opened from a file lazily,
        # through a file position the forked photo workers would share.
        target = ImageCms.ImageCmsProfile(io.BytesIO(press_bytes(press_icc))) if out_mode == "CMYK" else SRGB
        _transforms[key] = ImageCms.buildTransform(
            source, target, in_mode, out_mode,
            renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
            flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
        )
    return _transforms[key]


def crop_box(size: tuple[int, int], frame_mm: tuple[float, float], fit: str,
             focus: tuple[float, float] = (0.5, 0.5)) -> tuple[int, int, int, int]:
    """The part of the image shown in the frame, centred on ``focus`` as far
    as the image allows.

    >>> crop_box((3000, 2000), (100, 100), "cover")
    (500, 0, 2500, 2000)
    >>> crop_box((3000, 2000), (100, 100), "cover", (0.2, 0.5))
    (0, 0, 2000, 2000)
    >>> crop_box((3000, 2000), (100, 100), "contain")
    (0, 0, 3000, 2000)
    """
    w, h = size
    if fit == "contain":
        return (0, 0, w, h)
    target = frame_mm[0] / frame_mm[1]
    if w / h > target:
        cw = round(h * target)
        x = min(max(round(focus[0] * w - cw / 2), 0), w - cw) if focus != (0.5, 0.5) else (w - cw) // 2
        return (x, 0, x + cw, h)
    ch = round(w / target)
    y = min(max(round(focus[1] * h - ch / 2), 0), h - ch) if focus != (0.5, 0.5) else (h - ch) // 2
    return (0, y, w, y + ch)


def process(job: ImageJob, digest: str | None = None) -> ImageResult:
    """Run one job; errors come back as a result, never as an exception.
    ``digest``: the source's SHA-256 as remembered (`book.digests`), so that
    a photo already prepared is not read again."""
    try:
        return _process(job, digest)
    except DiskFull as exc:  # the disk, not the photo
        return ImageResult(job, None, (0, 0), 0.0, job.frame_mm, "no space left on the device", exc.path)
    except (OSError, ValueError, ImageCms.PyCMSError, Image.DecompressionBombError) as exc:
        return ImageResult(job, None, (0, 0), 0.0, job.frame_mm, f"{exc}")


def _process(job: ImageJob, digest: str | None = None) -> ImageResult:
    data, seen = None, None
    if digest is None:
        data, digest, seen = read_digest(job.source)
    cached = read_cached(job, digest)
    if cached.hit:
        return ImageResult(job, cached.path, cached.pixels, cached.ppi, cached.box_mm, source_digest=digest, source_seen=seen)
    if data is None:  # the remembered digest is checked against the bytes decoded
        data, read, seen = read_digest(job.source)
        if read != digest:
            return _process(job, read)
    image = Image.open(io.BytesIO(data))
    fault = colour_fault(image)  # the words `book check` says for this photo
    if fault:
        raise ValueError(fault)
    icc = source_profile(image, image.info.get("icc_profile"))
    box, drawn, (want_w, want_h) = placed_size(upright_size(image), job)
    reduce_while_decoding(image, (want_w / (box[2] - box[0])) * DRAFT_MARGIN)
    image.load()
    ImageOps.exif_transpose(image, in_place=True)  # a 24 MP photo is 72 MB: no second copy of it
    image = flatten(image)
    box = crop_box(image.size, job.frame_mm, job.fit, job.focus)  # on the decoded size
    if box[2] - box[0] > want_w:  # downsample straight from the cropped region; never upscale
        image = image.resize((want_w, want_h), Image.Resampling.LANCZOS, box=box, reducing_gap=3.0)
    else:
        image = image.crop(box)
    image = convert_colour(image, icc, job)
    ppi = image.size[0] / (drawn[0] / 25.4)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=QUALITY, optimize=False, dpi=(round(ppi), round(ppi)))
    store(cached, buffer.getvalue(), image.size, ppi, drawn)
    return ImageResult(job, cached.path, image.size, ppi, drawn, source_digest=digest, source_seen=seen,
                       damaged=shown(cached) if cached.damaged else None)


DRAFT_MARGIN = 1.05  # a JPEG decoded at reduced scale keeps this much more than it needs, for the resampling


def photo_name(job: ImageJob) -> str:
    """The name a photo is drawn under before it is prepared: the same for
    two jobs that give the same prepared file (one photo in frames of one
    size), so that a PDF embeds it once.

    >>> photo_name(ImageJob("p1", "a", Path("p1.jpg"), (80.0, 60.0), "cover", "cmyk", 300, None, Path(".")))
    'photo-25310331364189f860f3.jpg'
    """
    text = f"{job.photo}|{job.frame_mm}|{job.fit}|{job.focus}|{job.mode}|{job.ppi}|{job.simulate}"
    return f"photo-{hashlib.sha256(text.encode()).hexdigest()[:20]}.jpg"


def upright_size(image: Image.Image) -> tuple[int, int]:
    """The size of ``image`` once turned upright by its EXIF orientation."""
    width, height = image.size
    return (height, width) if image.getexif().get(0x0112, 1) in (5, 6, 7, 8) else (width, height)


def placed_size(size: tuple[int, int], job: ImageJob) -> tuple[tuple[int, int, int, int], tuple[float, float], tuple[int, int]]:
    """(the part shown, drawn size in mm, pixels wanted at the job's resolution) for a photo of upright ``size``."""
    box = crop_box(size, job.frame_mm, job.fit, job.focus)
    crop_w, crop_h = box[2] - box[0], box[3] - box[1]
    if job.fit == "contain":
        scale = min(job.frame_mm[0] / crop_w, job.frame_mm[1] / crop_h)
        drawn = (crop_w * scale, crop_h * scale)
    else:
        drawn = job.frame_mm
    return box, drawn, (round(drawn[0] / 25.4 * job.ppi), round(drawn[1] / 25.4 * job.ppi))


def reduce_while_decoding(image: Image.Image, scale: float) -> None:
    """Let a JPEG decode at 1/2, 1/4 or 1/8 of its size when the frame needs
    ``scale`` of it or less: the DCT scaling libjpeg does is several times
    cheaper than decoding whole and resampling (the image is resampled to
    its exact size afterwards). Other formats decode whole."""
    if scale < 0.5 and image.format == "JPEG":
        width, height = image.size
        image.draft(image.mode, (math.ceil(width * scale), math.ceil(height * scale)))


def flatten(image: Image.Image) -> Image.Image:
    """Transparent areas onto white paper and deep greyscale (16-bit scans) to
    8 bits by scaling, before any colour conversion. Without this, transparency
    would print as rich black and a 16-bit grey would clip to paper white."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I"):
        # 16-bit samples (0–65535) to 8 bits, rounded.
        return image.convert("I").point(lambda v: v * (255 / 65535) + 0.5).convert("L")
    if image.mode == "F":
        high = image.getextrema()[1]
        scale = 255.0 if high <= 1.0 else (255 / 65535 if high > 255 else 1.0)
        return image.point(lambda v: v * scale + 0.5).convert("L")
    if image.mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    if image.mode in ("PA", "La"):
        image = image.convert("RGBA" if image.mode == "PA" else "LA")
    if image.mode in ("RGBA", "RGBa", "LA"):
        solid = "L" if image.mode == "LA" else "RGB"
        paper = Image.new(solid, image.size, 255 if solid == "L" else (255, 255, 255))
        paper.paste(image.convert(solid), mask=image.getchannel("A"))
        return paper
    return image


def convert_colour(image: Image.Image, icc: bytes | None, job: ImageJob) -> Image.Image:
    """To the press profile (print) or sRGB (screen). Greyscale prints as a
    neutral of all four inks (`book.images.press.grey_to_press`) unless the job
    asks for the black plate alone; on screen it stays grey."""
    image = flatten(image)
    if image.mode in ("1", "L"):
        if job.mode == "cmyk" and job.separation != "k-only" and job.press_icc is not None:
            return grey_to_press(image.convert("L"), icc, job.press_icc, transform_for)
        return image.convert("L")
    if image.mode == "CMYK":
        out = "CMYK" if job.mode == "cmyk" else "RGB"
        if icc is None and out == "CMYK":
            return image  # untagged CMYK is taken as already made for this press
        if out == "RGB" and job.simulate and job.press_icc:
            if icc is None:  # already press CMYK: shown as the press prints it
                return ImageCms.applyTransform(image, transform_for(press_bytes(job.press_icc), "CMYK", "RGB", None))
            return simulate_press(ImageCms.applyTransform(image, transform_for(icc, "CMYK", "RGB", None)), None, job.press_icc)
        if icc is None:
            return image.convert("RGB")
        return ImageCms.applyTransform(image, transform_for(icc, "CMYK", out, job.press_icc))
    if image.mode == "LAB":  # CIELAB pixels, through their Lab profile (`book.images.colour.source_profile`)
        out = "CMYK" if job.mode == "cmyk" else "RGB"
        if out == "RGB" and job.simulate and job.press_icc:
            return simulate_press(ImageCms.applyTransform(image, transform_for(icc, "LAB", "RGB", None)), None, job.press_icc)
        return ImageCms.applyTransform(image, transform_for(icc, "LAB", out, job.press_icc))
    if image.mode != "RGB":
        image = image.convert("RGB")
    out = "CMYK" if job.mode == "cmyk" else "RGB"
    if out == "RGB" and job.simulate and job.press_icc:
        return simulate_press(image, icc, job.press_icc)
    if out == "RGB" and icc is None:
        return image
    return ImageCms.applyTransform(image, transform_for(icc, "RGB", out, job.press_icc))


def simulate_press(image: Image.Image, icc: bytes | None, press_icc: Path) -> Image.Image:
    """A soft proof: the photo through the press profile and back to sRGB, as
    the print would have it (gamut and ink limit), like a layout program's
    proof colours. Same intent and black-point compensation as the print."""
    cmyk = ImageCms.applyTransform(image, transform_for(icc, "RGB", "CMYK", press_icc))
    return ImageCms.applyTransform(cmyk, transform_for(press_bytes(press_icc), "CMYK", "RGB", None))


press_bytes = FileMemo(Path.read_bytes)  # the press profile, read once per process while it is the file it was
