"""What a photo's own colour is, read the same way by `book check` (whole
decode, `book.images.placed`) and by the build's image stage
(`book.images.process`): both refuse the same photos with the same words.

A photo's pixels are RGB, CMYK, grey or CIELAB (a Lab TIFF). An embedded
profile must be readable and made for those pixels; a Lab photo's pixels
are CIELAB (D50) by definition, so it converts through the Lab profile it
carries, or the standard one."""

from __future__ import annotations

import io

from PIL import Image, ImageCms

# The colour space a photo's embedded profile must describe, by Pillow mode; grey is converted without one.
PROFILE_SPACES = {"RGB": "RGB", "RGBA": "RGB", "RGBX": "RGB", "P": "RGB", "PA": "RGB", "CMYK": "CMYK", "LAB": "Lab"}
LAB_ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB", 5000)).tobytes()  # CIELAB D50, as TIFF defines it


def colour_fault(image: Image.Image) -> str | None:
    """What the colour conversion would refuse in this photo: an embedded
    profile that cannot be read, or one made for other pixels than the
    photo's (a CMYK profile on RGB pixels, an RGB one on Lab pixels)."""
    icc = image.info.get("icc_profile")
    space = PROFILE_SPACES.get(image.mode)
    if not icc or space is None:
        return None  # untagged (sRGB, or CIELAB), or grey: converted without a profile
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (OSError, ImageCms.PyCMSError):
        return "its embedded colour profile is damaged; export the photo again with its profile, or without one for sRGB"
    tagged = profile.profile.xcolor_space.strip()
    if tagged != space:
        return (f"its embedded colour profile is for {tagged} but its pixels are {space}; export the photo again "
                "with the profile of its own colours")
    return None


def source_profile(image: Image.Image, icc: bytes | None) -> bytes | None:
    """The profile a photo converts from: its own, or for Lab pixels without one the standard Lab profile."""
    return icc or (LAB_ICC if image.mode == "LAB" else None)
