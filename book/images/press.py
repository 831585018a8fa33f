"""The press profile photos are converted to: a printer's ICC file, or a
FOGRA39 (ISO Coated v2) profile built from the free characterisation data
with an ink limit. A built profile depends on no project, and building it
takes ArgyllCMS a long while, so it is made once per machine, in the
machine-wide cache (`book.caches.COLOUR`), and found there by every project."""

from __future__ import annotations

import fcntl
import hashlib
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from book.caches import notice_damaged
from book.errors import ImageError
from book.files import FileMemo, sha256_file, write_atomic
from book.images.icc import normalised, output_problem

CHARACTERISATIONS = {"FOGRA39": "FOGRA39L.ti3", "FOGRA40": "FOGRA40L.ti3", "FOGRA29": "FOGRA29L.ti3"}
TI3_DIRS = [Path("/usr/share/color/icc"), Path("/usr/share/color/argyll/ref")]
# What colprof is told besides the ink limit. -kr: black generation for a photo
# press; -L95: the black ink limit. A change here is a change of the key.
RECIPE = ("-qm", "-kr", "-L95")
FORMAT = "dated-2000"  # the header's date normalised (`book.images.icc`); in the key, so no profile stamped with its hour is used
characterisation_digest = FileMemo(sha256_file)


@cache
def tool_version(colprof: str) -> str:
    """ArgyllCMS's version, from the banner colprof prints when run bare: a
    new version may build another profile from the same data."""
    result = subprocess.run([colprof], capture_output=True, text=True, errors="replace")
    found = re.search(r"Version\s+(\S+)", result.stdout + result.stderr)
    return found[1] if found else "unknown"


def making_line(name: str, ink_limit: int | float) -> str:
    """What the progress line says while the profile is made.

    >>> making_line("fogra39", 300)
    'making the press profile FOGRA39, 300 % ink (once per machine; about half a minute)'
    """
    return f"making the press profile {name.upper()}, {ink_limit:g} % ink (once per machine; about half a minute)"


def press_profile(root: Path, name: str, ink_limit: int | float, cache_dir: Path,
                  making: Callable[[str], None] | None = None) -> Path:
    """The ICC file for ``name``: a path to a printer's .icc (relative to the
    project), or a characterisation name built into a profile with ArgyllCMS
    and kept in ``cache_dir`` under a key of everything that changes it (the
    characterisation's digest, the ink limit, the recipe, ArgyllCMS's
    version). ``making(line)`` is told before a profile is built."""
    if name.lower().endswith((".icc", ".icm")):
        path = Path(name) if Path(name).is_absolute() else root / name
        if not path.is_file():
            raise ImageError(f"content/book.yaml: colour.press_profile: {name} not found; put the printer's ICC file there")
        problem = output_problem(path.read_bytes())
        if problem:
            raise ImageError(f"content/book.yaml: colour.press_profile: {name}: {problem}; ask the printer for its CMYK .icc file")
        return path
    ti3_name = CHARACTERISATIONS.get(name.upper())
    if ti3_name is None:
        raise ImageError(f"content/book.yaml: colour.press_profile: unknown profile '{name}'; use {', '.join(CHARACTERISATIONS)} or a path to an .icc file")
    ti3 = next((d / ti3_name for d in TI3_DIRS if (d / ti3_name).is_file()), None)
    if ti3 is None:
        raise ImageError(f"{ti3_name} not found; install the Debian package icc-profiles-free")
    colprof = shutil.which("colprof")
    version = tool_version(colprof) if colprof else "none"
    key = hashlib.sha256(f"{characterisation_digest(ti3)} {ink_limit:g} {' '.join(RECIPE)} {version} {FORMAT}".encode()).hexdigest()[:12]
    target = cache_dir / f"{name.upper()}-{ink_limit:g}-{key}.icc"
    if intact(target):
        return target
    if colprof is None:
        raise ImageError("colprof not found: building the press profile needs ArgyllCMS; install the Debian package argyll")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        lock = open(target.with_suffix(".lock"), "a")
    except OSError as exc:
        raise ImageError(f"{cache_dir}: cannot keep the press profile there ({exc.strerror}); "
                         "make the folder writable or set XDG_CACHE_HOME to one that is") from None
    if making:  # said too by a build that waits for another's: the wait is as long
        making(making_line(name, ink_limit))
    with lock:
        # Two builds at once: the second waits here for the first's profile
        # rather than making its own.
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not intact(target):
            if target.exists():
                notice_damaged(target, "press profile")
            data = build_profile(colprof, ti3, name, ink_limit)
            write_atomic(target, data)
            write_atomic(target.with_suffix(".sha256"), hashlib.sha256(data).hexdigest() + "\n")
    return target


def intact(profile: Path) -> bool:
    """Whether the built ``profile`` is there, whole, the bytes its digest
    beside it (``.sha256``) names, and a CMYK output profile."""
    try:
        data, digest = profile.read_bytes(), profile.with_suffix(".sha256").read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return False
    return hashlib.sha256(data).hexdigest() == digest and output_problem(data) is None


def build_profile(colprof: str, ti3: Path, name: str, ink_limit: int | float) -> bytes:
    """The bytes of the profile colprof builds from ``ti3`` (in a folder of its own, then removed)."""
    with tempfile.TemporaryDirectory(prefix="book-press-") as work:
        shutil.copy(ti3, Path(work) / ti3.name)
        command = [colprof, *RECIPE, f"-l{ink_limit:g}", "-D", f"{name.upper()} {ink_limit:g}% (book)", "-O", "out.icc",
                   ti3.stem]
        result = subprocess.run(command, cwd=work, capture_output=True, text=True, errors="replace")
        if result.returncode != 0 or not (Path(work) / "out.icc").is_file():
            raise ImageError(f"colprof could not build the {name} profile: {result.stderr.strip().splitlines()[-1:]}")
        data = (Path(work) / "out.icc").read_bytes()
        if output_problem(data):
            raise ImageError(f"colprof built no usable {name} profile ({output_problem(data)}); check the ArgyllCMS installation")
        return normalised(data)


def grey_to_press(image, icc: bytes | None, press_icc: Path, transform_for: Callable):
    """A greyscale photo (mode L) as CMYK through the press profile: each grey
    as the neutral of equal R, G and B (or through the photo's own grey
    profile), so that the profile's grey balance gives the C, M and Y that
    print neutral beside the black, within the profile's ink limit. On the
    black plate alone a photo prints flat, with weak shadows.
    ``transform_for(icc, in_mode, out_mode, press_icc)`` gives a cached transform."""
    from PIL import ImageCms

    if icc is not None:
        try:
            return ImageCms.applyTransform(image, transform_for(icc, "L", "CMYK", press_icc))
        except ImageCms.PyCMSError:  # a profile that is not a grey one: read the greys as sRGB's
            pass
    return ImageCms.applyTransform(image.convert("RGB"), transform_for(None, "RGB", "CMYK", press_icc))


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
