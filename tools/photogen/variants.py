"""File variants (ICC profiles, EXIF orientation) and writing files."""

from __future__ import annotations

import functools
import glob
import io
import os
import struct
from pathlib import Path

from PIL import Image, ImageCms, PngImagePlugin

from .render import render_photo
from .spec import Entry

JPEG_QUALITY = 90
ORIENTATION_TAG = 0x0112

ADOBE_RGB_ICC = Path("/usr/share/color/icc/compatibleWithAdobeRGB1998.icc")
CMYK_ICC_PATTERNS = (
    "/usr/share/color/icc/ghostscript/default_cmyk.icc",
    "/usr/share/ghostscript/*/iccprofiles/default_cmyk.icc",
    "/usr/share/**/default_cmyk.icc",
    "/usr/share/color/icc/ghostscript/*cmyk*",
)


@functools.cache
def srgb_icc() -> bytes:
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    # LittleCMS stamps the current time into the header; pin it (and clear
    # the profile ID, which would hash the time) so files are reproducible.
    data[24:36] = struct.pack(">6H", 2024, 1, 1, 0, 0, 0)
    data[84:100] = bytes(16)
    return bytes(data)


def cmyk_icc_path() -> Path | None:
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


def apply_variant(img: Image.Image, variant: str) -> tuple[Image.Image, dict]:
    """Pixels to store and Pillow save options for one variant."""
    jpeg = {"format": "JPEG", "quality": JPEG_QUALITY, "optimize": False}
    if variant == "srgb":
        return img, {**jpeg, "icc_profile": srgb_icc()}
    if variant == "untagged":
        return img, jpeg
    if variant in ("adobe-rgb", "cmyk"):
        transform, data = icc_transform(variant)
        return ImageCms.applyTransform(img, transform), {**jpeg, "icc_profile": data}
    if variant == "gray":
        return img.convert("L"), jpeg
    if variant == "png":
        return img, {"format": "PNG", "icc_profile": srgb_icc(), "compress_level": 6}
    if variant == "exif-rotated":
        # Stored turned 90° anticlockwise; Orientation 6 tells viewers to
        # turn it 90° clockwise, which shows it upright again.
        exif = Image.Exif()
        exif[ORIENTATION_TAG] = 6
        return img.transpose(Image.Transpose.ROTATE_90), {
            **jpeg, "icc_profile": srgb_icc(), "exif": exif.tobytes()}
    raise ValueError(f"unknown variant {variant}")


def write_photo(entry: Entry, out_dir: Path) -> Path:
    """Render one entry and move it into place atomically."""
    img, options = apply_variant(render_photo(entry), entry.variant)
    if options["format"] == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", entry.fingerprint())
        options["pnginfo"] = info
    else:
        options["comment"] = entry.fingerprint()
    final = out_dir / entry.file
    tmp = out_dir / f"{entry.file}.tmp-{os.getpid()}"
    try:
        img.save(tmp, **options)
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    return final


def displayed_size(im: Image.Image) -> tuple[int, int]:
    w, h = im.size
    return (h, w) if im.getexif().get(ORIENTATION_TAG, 1) in (5, 6, 7, 8) else (w, h)


def is_current(entry: Entry, path: Path) -> bool:
    """Whether an existing file can stay: a placeholder made from the same
    entry, or a foreign image (a real photo) of the right displayed size."""
    try:
        with Image.open(path) as im:
            comment = im.info.get("comment") or im.info.get("Comment") or b""
            if isinstance(comment, bytes):
                comment = comment.decode("utf-8", "replace")
            if comment.startswith("placeholder make_photos"):
                return comment == entry.fingerprint()
            return displayed_size(im) == entry.size
    except (OSError, SyntaxError, ValueError):
        return False
