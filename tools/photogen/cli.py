"""Paint deterministic placeholder photographs for the Hải Phòng photo book.

The department's real photographs are not available yet, so this tool paints
simple, photograph-like stand-ins at print resolution from a YAML spec
(content/photos/placeholders.yaml).  Each entry names a scene, a file variant
that exercises one colour-management or metadata case (sRGB, untagged,
Adobe RGB, CMYK, grayscale, PNG, EXIF-rotated) and a seed.  The same spec
always gives byte-identical files: all randomness comes from
numpy.random.default_rng(seed) and all drawing from Pillow.

    python tools/make_photos.py [--spec FILE] [--out DIR] [--jobs N] [--force]

Every file carries a short fingerprint in its comment (scene, variant, seed,
size, generator version).  A later run keeps files whose fingerprint still
matches the spec, remakes those that do not, and never replaces a file that
is not a placeholder (a real photograph dropped in under the same name) as
long as its size fits, unless --force is given.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from pathlib import Path

from book.files import DiskFull

from .spec import Entry, SpecError, load_spec
from .variants import ADOBE_RGB_ICC, cmyk_icc_path, is_current, write_photo

# tools/photogen/cli.py -> the repository
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SPEC = Path("content/photos/placeholders.yaml")
DEFAULT_OUT = Path("content/photos")


def _work(job: tuple[Entry, Path]) -> str:
    entry, out_dir = job
    write_photo(entry, out_dir)
    return entry.file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=None,
                        help=f"photo spec (default: {DEFAULT_SPEC})")
    parser.add_argument("--out", type=Path, default=None,
                        help=f"output folder (default: {DEFAULT_OUT})")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes (default: number of CPUs)")
    parser.add_argument("--force", action="store_true", help="remake every photo")
    args = parser.parse_args(argv)
    # Defaults are relative to the repository, so the tool works from anywhere.
    spec = args.spec or ROOT / DEFAULT_SPEC
    out = args.out or ROOT / DEFAULT_OUT
    shown_out = args.out or DEFAULT_OUT
    shown_spec = args.spec or DEFAULT_SPEC

    def fail(message: str) -> int:
        print(f"make_photos: {message}", file=sys.stderr)
        return 1

    try:
        entries = load_spec(spec)
    except SpecError as exc:
        return fail(str(exc).replace(str(spec), str(shown_spec), 1))
    variants = {e.variant for e in entries}
    if "adobe-rgb" in variants and not ADOBE_RGB_ICC.is_file():
        return fail(f"{ADOBE_RGB_ICC} is missing (Debian package icc-profiles-free)")
    if "cmyk" in variants and cmyk_icc_path() is None:
        return fail("no Ghostscript CMYK profile (default_cmyk.icc) found under /usr/share")
    try:
        out.mkdir(parents=True, exist_ok=True)
        todo = [e for e in entries if args.force or not is_current(e, out / e.file)]
        # Biggest first, so the pool does not end waiting on one large spread.
        todo.sort(key=lambda e: -e.size[0] * e.size[1])
        jobs = max(1, min(args.jobs, len(todo)))
        if jobs == 1:
            for entry in todo:
                write_photo(entry, out)
        else:
            with multiprocessing.Pool(jobs) as pool:
                for _ in pool.imap_unordered(_work, [(e, out) for e in todo]):
                    pass
    except OSError as exc:
        return fail(f"cannot write to {shown_out}: {exc}")
    except DiskFull as exc:
        return fail(f"cannot write to {shown_out}: {exc.path.name}: no space left on the device")
    print(f"made {len(todo)}, kept {len(entries) - len(todo)} photos in {shown_out}")
    return 0
