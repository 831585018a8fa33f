"""Time the review tools on the sample book and print the figures (wall time,
peak memory): `book review` warm (fonts, thumbnails and the press profile
cached) and `book preview --lang en` from a built proof. Run from the
repository root after tools/setup.sh:

    .venv/bin/python benchmarks/review_times.py [--runs 3]

Works on a copy of the project in a temporary folder. Targets: a warm
`book review` under 5 s, `book preview --lang en` under 20 s.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from build_times import BOOK, REPO, report, run

TARGETS = {"review": 5.0, "preview": 20.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        root = Path(work) / "book"
        for name in ("content", "layouts", "fonts", "translations"):
            shutil.copytree(REPO / name, root / name)
        for cache in ("colour", "fonts", "images", "thumbs"):  # whatever this machine has made already
            if (REPO / ".cache" / cache).is_dir():
                shutil.copytree(REPO / ".cache" / cache, root / ".cache" / cache)
        report("review, cold thumbnails and review fonts", [run(BOOK + ["review"], root)])
        review = [run(BOOK + ["review"], root) for _ in range(args.runs)]
        report("review, warm", review)
        run(BOOK + ["build", "--lang", "en", "--profile", "proof"], root)
        preview = [run(BOOK + ["preview", "--lang", "en"], root) for _ in range(args.runs)]
        report("preview --lang en (68 pages, contact sheet)", preview)
        for name, samples in (("review", review), ("preview", preview)):
            best = min(s for s, _ in samples)
            print(f"{name}: best {best:.2f} s, target {TARGETS[name]:g} s: {'met' if best < TARGETS[name] else 'MISSED'}")


if __name__ == "__main__":
    main()
