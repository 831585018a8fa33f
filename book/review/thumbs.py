"""Screen-resolution thumbnails of the photos for the review sheet, in sRGB,
upright, cached by the source's bytes (and this code's version)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from book.files import atomic_path
from book.images.process import SRGB

THUMB_PX = 320  # the long side: about 200 ppi at the sheet's 40 mm
THUMB_VERSION = "1"


def thumbnail(source: Path, cache: Path) -> Path:
    """The cached thumbnail of ``source``, made when missing."""
    data = source.read_bytes()
    key = hashlib.sha256(f"{THUMB_VERSION}|{THUMB_PX}|".encode() + hashlib.sha256(data).digest()).hexdigest()[:24]
    target = cache / f"{key}.jpg"
    if target.is_file():
        return target
    image = Image.open(io.BytesIO(data))
    image.draft("RGB", (THUMB_PX, THUMB_PX))  # JPEGs decode at a fraction of their size
    icc = image.info.get("icc_profile")
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "CMYK", "L"):
        image = image.convert("RGB")
    if icc and image.mode in ("RGB", "CMYK"):
        image = ImageCms.profileToProfile(image, ImageCms.ImageCmsProfile(io.BytesIO(icc)), SRGB, outputMode="RGB")
    elif image.mode == "CMYK":
        image = image.convert("RGB")
    image.thumbnail((THUMB_PX, THUMB_PX), Image.Resampling.LANCZOS)
    with atomic_path(target, durable=False) as tmp:
        image.save(tmp, "JPEG", quality=80)
    return target
