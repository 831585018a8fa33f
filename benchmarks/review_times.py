"""Time the review tools on the sample book and print the figures (wall time,
peak memory): `book review` warm (fonts, thumbnails and the press profile
cached) and `book preview --lang en` from a built proof. Run from the
repository root after tools/setup.sh:

    .venv/bin/python benchmarks/review_times.py [--runs 3]

Works on a copy of the project in a temporary folder. Targets: a warm
`book review` under 5 s, `book preview --lang en` under 20 s.
"""

from __future__ import annotations

import tempfile

from build_times import BOOK, copy_project, report, run, runs_argument

TARGETS = {"review": 5.0, "preview": 20.0}


def main() -> None:
    runs = runs_argument(__doc__)
    with tempfile.TemporaryDirectory() as work:
        root = copy_project(work, ("colour", "fonts", "images", "thumbs"))  # whatever this machine has made already
        report("review, cold thumbnails and review fonts", [run(BOOK + ["review"], root)])
        review = [run(BOOK + ["review"], root) for _ in range(runs)]
        report("review, warm", review)
        run(BOOK + ["build", "--lang", "en", "--profile", "proof"], root)
        preview = [run(BOOK + ["preview", "--lang", "en"], root) for _ in range(runs)]
        report("preview --lang en (68 pages, contact sheet)", preview)
        for name, samples in (("review", review), ("preview", preview)):
            best = min(s for s, _ in samples)
            print(f"{name}: best {best:.2f} s, target {TARGETS[name]:g} s: {'met' if best < TARGETS[name] else 'MISSED'}")


if __name__ == "__main__":
    main()
