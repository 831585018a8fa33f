"""Photos enter an edition's PDF at finish time, streamed from the image
cache, so no process ever holds a whole edition's image data.

reportlab keeps every image's bytes in memory until ``save()`` (about three
times the PDF's size at the peak), so the renderer draws each photo as a
one-pixel stand-in named after the prepared file. The build writes the
prepared JPEGs once into a *photo library*, a minimal PDF whose objects are
the image XObjects, copying each file through a small buffer. Finishing an
edition replaces every stand-in by the library's object: qpdf copies foreign
streams lazily, reading their data from the library file while it writes,
so memory stays flat whatever the photo count, and each photo is embedded
once per file however many pages show it.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pikepdf
from PIL import Image

# PDF colour spaces of the JPEGs the image stage writes. Adobe CMYK JPEGs (as
# Pillow writes them) store inverted values, hence the Decode array.
COLOUR_SPACES = {"L": ("/DeviceGray", ""), "RGB": ("/DeviceRGB", ""), "CMYK": ("/DeviceCMYK", " /Decode [1 0 1 0 1 0 1 0]")}


def xobject_name(image_name: str) -> str:
    """The resource name reportlab gives an image drawn from a file whose
    ``str()`` is ``image_name`` (with no mask).

    >>> xobject_name("ab12.jpg")
    '/FormXob.3cf8dacae2b9667cf85cd26e86a99c5a'
    """
    return "/FormXob." + hashlib.md5(f"{image_name}None".encode(), usedforsecurity=False).hexdigest()


def write_standin(path: Path) -> Path:
    """The one-pixel JPEG every photo is drawn as before finishing."""
    Image.new("L", (1, 1), 255).save(path, format="JPEG", quality=50)
    return path


def write_library(path: Path, images: list[Path]) -> dict[str, int]:
    """Write ``images`` (prepared JPEGs) as image XObjects of a minimal PDF at
    ``path``; returns each stand-in's resource name -> its object number."""
    offsets: list[int] = []
    numbers: dict[str, int] = {}
    with open(path, "wb") as out:
        out.write(b"%PDF-1.3\n%\xe2\xe3\xcf\xd3\n")

        def begin(dictionary: str) -> None:
            offsets.append(out.tell())
            out.write(f"{len(offsets)} 0 obj\n{dictionary}\n".encode())

        begin("<< /Type /Catalog /Pages 2 0 R >>")
        out.write(b"endobj\n")
        begin("<< /Type /Pages /Kids [] /Count 0 >>")
        out.write(b"endobj\n")
        for image in images:
            with Image.open(image) as header:  # reads the header only
                (width, height), mode = header.size, header.mode
            space, decode = COLOUR_SPACES[mode]
            begin(f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace {space} "
                  f"/BitsPerComponent 8 /Filter /DCTDecode{decode} /Length {image.stat().st_size} >>")
            out.write(b"stream\n")
            with open(image, "rb") as source:
                shutil.copyfileobj(source, out, 1 << 20)
            out.write(b"\nendstream\nendobj\n")
            numbers[xobject_name(image.name)] = len(offsets)
        xref = out.tell()
        out.write(f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode())
        out.write("".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode())
        out.write(f"trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return numbers


def swap_photos(pdf: pikepdf.Pdf, library: pikepdf.Pdf, numbers: dict[str, int]) -> None:
    """Replace the stand-ins on ``pdf``'s pages by the library's photos, each
    copied once. ``library`` must stay open until ``pdf`` is saved."""
    copied: dict[int, pikepdf.Object] = {}
    for page in pdf.pages:
        xobjects = page.obj.get("/Resources", {}).get("/XObject")
        if xobjects is None:
            continue
        for name in sorted(xobjects.keys()):
            number = numbers.get(name)
            if number is not None:
                if number not in copied:
                    copied[number] = pdf.copy_foreign(library.get_object(number, 0))
                xobjects[name] = copied[number]
