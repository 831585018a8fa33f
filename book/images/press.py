"""The press profile photos are converted to: a printer's ICC file, or a
FOGRA39 (ISO Coated v2) profile built once from the free characterisation
data with an ink limit, and cached."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from book.errors import ImageError
from book.files import move_into_place

CHARACTERISATIONS = {"FOGRA39": "FOGRA39L.ti3", "FOGRA40": "FOGRA40L.ti3", "FOGRA29": "FOGRA29L.ti3"}
TI3_DIRS = [Path("/usr/share/color/icc"), Path("/usr/share/color/argyll/ref")]


def press_profile(root: Path, name: str, ink_limit: int, cache: Path) -> Path:
    """The ICC file for ``name``: a path to a printer's .icc (relative to the
    project), or a characterisation name built into a profile with ArgyllCMS."""
    if name.lower().endswith((".icc", ".icm")):
        path = Path(name) if Path(name).is_absolute() else root / name
        if not path.is_file():
            raise ImageError(f"content/book.yaml: colour.press_profile: {name} not found; put the printer's ICC file there")
        return path
    ti3_name = CHARACTERISATIONS.get(name.upper())
    if ti3_name is None:
        raise ImageError(f"content/book.yaml: colour.press_profile: unknown profile '{name}'; use {', '.join(CHARACTERISATIONS)} or a path to an .icc file")
    ti3 = next((d / ti3_name for d in TI3_DIRS if (d / ti3_name).is_file()), None)
    if ti3 is None:
        raise ImageError(f"{ti3_name} not found; install the Debian package icc-profiles-free")
    key = hashlib.sha256(ti3.read_bytes() + f"{ink_limit}".encode()).hexdigest()[:12]
    target = cache / f"{name.upper()}-{ink_limit}-{key}.icc"
    if target.is_file():
        return target
    colprof = shutil.which("colprof")
    if colprof is None:
        raise ImageError("colprof not found: building the press profile needs ArgyllCMS; install the Debian package argyll")
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as work:
        shutil.copy(ti3, Path(work) / ti3_name)
        stem = ti3_name.removesuffix(".ti3")
        # -kr: black generation for a photo press; -l/-L: total and black ink limits.
        command = [colprof, "-qm", "-kr", f"-l{ink_limit}", "-L95", "-D", f"{name.upper()} {ink_limit}% (book)", "-O", "out.icc", stem]
        result = subprocess.run(command, cwd=work, capture_output=True, text=True)
        if result.returncode != 0:
            raise ImageError(f"colprof could not build the {name} profile: {result.stderr.strip().splitlines()[-1:]}")
        move_into_place(Path(work) / "out.icc", target)
    return target


def output_condition(name: str, profile: Path | None) -> str:
    """The OutputConditionIdentifier for the PDF/X output intent: the standard
    name (FOGRA39) or the printer's profile's own description."""
    if profile is None or name.upper() in CHARACTERISATIONS:
        return name.upper()
    from PIL import ImageCms

    try:
        return ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(str(profile))).strip() or profile.stem
    except (OSError, ImageCms.PyCMSError):
        return profile.stem
