"""colour.press_profile given as the printer's own ICC file: checked as the
sources are, so that a wrong file is one line at its key, not a failure
blamed on every photo once the build converts them."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import ImageCms

from book.errors import Problems
from book.sources.schema import Section

CLASSES = {"mntr": "a display (monitor) profile", "scnr": "a scanner or camera profile", "link": "a device link",
           "spac": "a colour space profile", "abst": "an abstract profile", "nmcl": "a named colour profile"}


def check_press_file(root: Path, colour: Section, out: Problems) -> None:
    """A press profile named by its file must be a readable CMYK output (printer) profile."""
    name = colour.read("press_profile") or ""
    if not name.lower().endswith((".icc", ".icm")):
        return  # a characterisation name: made into a profile by `book.images.press`
    path = Path(name) if Path(name).is_absolute() else root / name
    if not path.is_file():
        colour.bad("press_profile", f"{name} not found; put the printer's ICC file there, or name a characterisation such as FOGRA39",
                   code="missing-file")
        return
    data = path.read_bytes()
    if len(data) < 132 or int.from_bytes(data[:4], "big") != len(data):  # an ICC header gives the profile's size
        colour.bad("press_profile", f"{name} is cut short or is not an ICC profile ({len(data)} bytes, its header says "
                   f"{int.from_bytes(data[:4], 'big')}); ask the printer for the file again", code="press-profile")
        return
    try:
        opened = ImageCms.ImageCmsProfile(io.BytesIO(data))
        profile = opened.profile
        if profile.xcolor_space.strip() == "CMYK":  # its tables read whole, as the photos' conversion will
            ImageCms.buildTransform(ImageCms.createProfile("sRGB"), opened, "RGB", "CMYK")
    except (OSError, ImageCms.PyCMSError):
        colour.bad("press_profile", f"{name} is not a readable ICC profile (damaged or cut short); ask the printer for the file again",
                   code="press-profile")
        return
    space, kind = profile.xcolor_space.strip(), profile.device_class
    if space != "CMYK" or kind != "prtr":
        what = CLASSES.get(kind, "an output profile") if kind != "prtr" else "an output profile"
        colour.bad("press_profile", f"{name} is {what} for {space}, not a CMYK press (output) profile; ask the printer for "
                   "their CMYK profile, or name a characterisation such as FOGRA39", code="press-profile")
