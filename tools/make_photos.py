"""Paint deterministic placeholder photographs for the Hải Phòng photo book.

    python tools/make_photos.py [--spec FILE] [--out DIR] [--jobs N] [--force]

A thin entry point: the painter lives in the package tools/photogen (see its
__init__ for the layout, and photogen/cli.py for what the options do).  The
names below stay importable from this file for the tests.
"""

import sys
from pathlib import Path

TOOLS = str(Path(__file__).resolve().parent)
if TOOLS not in sys.path:  # run as a script, tools/ is on the path already; imported by path, it is not
    sys.path.insert(0, TOOLS)

from photogen.cli import main  # noqa: E402
from photogen.render import PAINT_SCALE, SCENES, paint_scene, render_photo  # noqa: E402
from photogen.spec import Entry, SpecError, load_spec  # noqa: E402
from photogen.variants import ADOBE_RGB_ICC, apply_variant, cmyk_icc_path, is_current, srgb_icc, write_photo  # noqa: E402

__all__ = [
    "ADOBE_RGB_ICC", "PAINT_SCALE", "SCENES", "Entry", "SpecError", "apply_variant", "cmyk_icc_path",
    "is_current", "load_spec", "main", "paint_scene", "render_photo", "srgb_icc", "write_photo",
]

if __name__ == "__main__":
    sys.exit(main())
