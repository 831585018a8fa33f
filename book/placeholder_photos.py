"""Placeholder photographs: the one painter behind `book init`'s two photos,
the tests' photos, the scale benchmark's camera frames, and the file side of
the sample book's painted stand-ins (tools/photogen paints their scenes).

A placeholder is painted from a seed alone (Python's own ``random.Random``,
no global state), so the same seed and size always give the same pixels; it
has a camera's detail (JPEGs of flat fields are a fraction of a real photo's
size and decode atypically fast). It is written as one of the file variants
a build must handle (sRGB, untagged, Adobe RGB, CMYK, grey, PNG, EXIF
rotated), with a comment that marks it as a placeholder
(`book.sources.imprint.PLACEHOLDER_MARK`), through `book.files.write_atomic`.
"""

from __future__ import annotations

import functools
import glob
import io
import random
import struct
from pathlib import Path

from PIL import Image, ImageChops, ImageCms, ImageDraw, ImageFont, PngImagePlugin

from book.files import write_atomic
from book.sources.imprint import PLACEHOLDER_MARK

JPEG_QUALITY = 90
ORIENTATION_TAG = 0x0112
VARIANTS = ("srgb", "untagged", "adobe-rgb", "cmyk", "gray", "png", "exif-rotated")

ADOBE_RGB_ICC = Path("/usr/share/color/icc/compatibleWithAdobeRGB1998.icc")
CMYK_ICC_PATTERNS = (
    "/usr/share/color/icc/ghostscript/default_cmyk.icc",
    "/usr/share/ghostscript/*/iccprofiles/default_cmyk.icc",
    "/usr/share/**/default_cmyk.icc",
    "/usr/share/color/icc/ghostscript/*cmyk*",
)


def paint(size: tuple[int, int], seed: int) -> Image.Image:
    """A street at some hour, RGB: sky and ground that vary slowly, blocks of
    buildings with rows of windows, shapes and wires, grain that grows towards
    the foreground and sensor noise over all of it."""
    rng = random.Random(seed)
    width, height = size
    scale = width / 6000
    horizon = rng.uniform(0.35, 0.7)
    sky = [tuple(rng.randint(60, 200) for _ in range(3))]
    sky.append(tuple(min(255, c + rng.randint(20, 70)) for c in sky[0]))
    ground = [tuple(rng.randint(20, 150) for _ in range(3))]
    ground.append(tuple(max(0, c - rng.randint(0, 60)) for c in ground[0]))
    # Light and colour that vary slowly: a small blotchy picture scaled up.
    small = Image.new("RGB", (48, 32))
    pixels = small.load()
    line = int(horizon * 32)
    for y in range(32):
        (a, b), t = (sky, y / max(1, line)) if y < line else (ground, (y - line) / max(1, 32 - line))
        for x in range(48):
            jitter = rng.randint(-12, 12)
            pixels[x, y] = tuple(max(0, min(255, round(a[i] + (b[i] - a[i]) * t) + jitter)) for i in range(3))
    image = small.resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    base = int(horizon * height)
    x = 0
    while x < width:
        block_w, block_h = max(2, int(rng.uniform(150, 700) * scale)), int(rng.uniform(200, 1800) * scale)
        colour = tuple(rng.randint(30, 230) for _ in range(3))
        top = base - block_h
        draw.rectangle((x, top, x + block_w, base + int(40 * scale)), fill=colour)
        win_w, win_h = max(2, int(rng.uniform(20, 45) * scale)), max(2, int(rng.uniform(25, 60) * scale))
        gap = max(3, int(rng.uniform(1.4, 2.2) * win_w))
        lit = tuple(max(0, min(255, c + rng.choice((-60, 60)))) for c in colour)
        for wy in range(top + gap, base - gap, max(1, int(win_h * 1.8))):
            for wx in range(x + gap // 2, x + block_w - win_w, gap):
                draw.rectangle((wx, wy, wx + win_w, wy + win_h), fill=lit)
        x += block_w + int(rng.uniform(0, 120) * scale)
    for _ in range(40):
        cx, cy, r = rng.uniform(0, width), rng.uniform(base, height), rng.uniform(30, 400) * scale
        draw.ellipse((cx - r, cy - r * 0.6, cx + r, cy + r * 0.6), fill=tuple(rng.randint(10, 200) for _ in range(3)))
    for _ in range(25):
        ends = [(rng.uniform(0, width), rng.uniform(0, height)) for _ in range(2)]
        draw.line(ends, fill=tuple(rng.randint(0, 255) for _ in range(3)), width=max(1, int(rng.uniform(3, 20) * scale)))
    grain = noise((max(1, width // 3), max(1, height // 3)), rng, 69).resize(size, Image.Resampling.BILINEAR)
    towards_front = Image.linear_gradient("L").resize(size)
    image = Image.composite(ImageChops.add(image, Image.merge("RGB", [grain] * 3), 1, -128), image, towards_front)
    return ImageChops.add(image, Image.merge("RGB", [noise(size, rng, 10)] * 3), 1, -128)


def noise(size: tuple[int, int], rng: random.Random, spread: int) -> Image.Image:
    """Uniform noise around 128, ``spread`` either side, from ``rng`` alone
    (Pillow's effect_noise draws on the C library's unseeded generator)."""
    width, height = size
    raw = Image.frombytes("L", size, rng.randbytes(width * height))
    return raw.point([128 + (v - 128) * spread // 128 for v in range(256)])


def label(image: Image.Image, text: str) -> None:
    """A small tag (``PLACEHOLDER <name>``) in the top-left corner, on a
    darkened see-through plate, so nobody mistakes the picture for a photo."""
    w, h = image.size
    font = ImageFont.load_default(size=max(8, round(h * 0.015)))
    left, top, right, bottom = ImageDraw.Draw(image).textbbox((0, 0), text, font=font)
    pad = max(2, round((bottom - top) * 0.4))
    m = max(2, round(min(w, h) * 0.012))
    box = (m, m, m + right - left + 2 * pad, m + bottom - top + 2 * pad)
    plate = image.crop(box).point(lambda v: v * 0.45)
    ImageDraw.Draw(plate).text((pad - left, pad - top), text, font=font, fill=235 if image.mode == "L" else (235, 235, 235))
    image.paste(plate, box[:2])


@functools.cache
def srgb_icc() -> bytes:
    """LittleCMS's sRGB profile with its creation time pinned (and the profile
    ID, which hashes that time, cleared), so the files are reproducible."""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = struct.pack(">6H", 2024, 1, 1, 0, 0, 0)
    data[84:100] = bytes(16)
    return bytes(data)


def cmyk_icc_path() -> Path | None:
    """Ghostscript's default CMYK profile, wherever the distribution put it."""
    for pattern in CMYK_ICC_PATTERNS:
        found = sorted(glob.glob(pattern, recursive=True))
        if found:
            return Path(found[0])
    return None


@functools.cache
def icc_transform(target: str) -> tuple[ImageCms.ImageCmsTransform, bytes]:
    """sRGB → Adobe RGB or CMYK transform plus the target profile's bytes."""
    src = ImageCms.ImageCmsProfile(io.BytesIO(srgb_icc()))
    if target == "adobe-rgb":
        path, mode, intent = ADOBE_RGB_ICC, "RGB", ImageCms.Intent.RELATIVE_COLORIMETRIC
    else:
        path, mode, intent = cmyk_icc_path(), "CMYK", ImageCms.Intent.PERCEPTUAL
    data = Path(path).read_bytes()
    dst = ImageCms.ImageCmsProfile(io.BytesIO(data))
    return ImageCms.buildTransform(src, dst, "RGB", mode, renderingIntent=intent), data


def apply_variant(image: Image.Image, variant: str) -> tuple[Image.Image, dict]:
    """Pixels to store and Pillow save options for one variant."""
    jpeg = {"format": "JPEG", "quality": JPEG_QUALITY, "optimize": False}
    if variant == "srgb":
        return image, {**jpeg, "icc_profile": srgb_icc()}
    if variant == "untagged":
        return image, jpeg
    if variant in ("adobe-rgb", "cmyk"):
        transform, data = icc_transform(variant)
        return ImageCms.applyTransform(image, transform), {**jpeg, "icc_profile": data}
    if variant == "gray":
        return image.convert("L"), jpeg
    if variant == "png":
        return image, {"format": "PNG", "icc_profile": srgb_icc(), "compress_level": 6}
    if variant == "exif-rotated":
        # Stored turned 90° anticlockwise; Orientation 6 tells viewers to
        # turn it 90° clockwise, which shows it upright again.
        exif = Image.Exif()
        exif[ORIENTATION_TAG] = 6
        return image.transpose(Image.Transpose.ROTATE_90), {**jpeg, "icc_profile": srgb_icc(), "exif": exif.tobytes()}
    raise ValueError(f"unknown variant {variant}")


def encode(image: Image.Image, variant: str = "srgb", comment: str | None = None, **options) -> bytes:
    """The file's bytes: ``image`` stored as ``variant``, with ``comment``
    (a JPEG comment or a PNG text chunk) and any further save options."""
    stored, saving = apply_variant(image, variant)
    saving.update(options)
    if comment is not None and saving["format"] == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", comment)
        saving["pnginfo"] = info
    elif comment is not None:
        saving["comment"] = comment
    buffer = io.BytesIO()
    stored.save(buffer, **saving)
    return buffer.getvalue()


def save(path: Path, image: Image.Image, variant: str = "srgb", comment: str | None = None, **options) -> Path:
    """Write ``image`` to ``path`` as `encode` makes it, atomically: a stopped
    run never leaves half a photo under the name. Placeholders can be painted
    again, so they are not flushed to the disk."""
    write_atomic(path, encode(image, variant, comment, **options), durable=False)
    return path


def write_placeholder(path: Path, size: tuple[int, int], seed: int, variant: str = "srgb") -> Path:
    """Paint a labelled placeholder of ``size`` pixels and write it to ``path``."""
    image = paint(size, seed)
    label(image, f"PLACEHOLDER {path.stem}")
    return save(path, image, variant, f"{PLACEHOLDER_MARK} seed={seed} size={size[0]}x{size[1]}")


def displayed_size(image: Image.Image) -> tuple[int, int]:
    """Width and height as a viewer shows them, after the EXIF orientation."""
    w, h = image.size
    return (h, w) if image.getexif().get(ORIENTATION_TAG, 1) in (5, 6, 7, 8) else (w, h)


def is_current(path: Path, fingerprint: str, size: tuple[int, int]) -> bool:
    """Whether the file at ``path`` can stay: a placeholder with this
    ``fingerprint``, or a foreign image (a real photo dropped in under the
    name) of the right displayed ``size``."""
    try:
        with Image.open(path) as image:
            comment = image.info.get("comment") or image.info.get("Comment") or b""
            if isinstance(comment, bytes):
                comment = comment.decode("utf-8", "replace")
            if comment.startswith(PLACEHOLDER_MARK):
                return comment == fingerprint
            return displayed_size(image) == size
    except (OSError, SyntaxError, ValueError):
        return False
