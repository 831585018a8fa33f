"""Time the review tools on the sample book and print the figures (wall and CPU
time): `book review` warm (fonts, thumbnails and the press profile
cached) and `book preview --lang en` from a built proof. Run from the
repository root after tools/setup.sh:

    .venv/bin/python benchmarks/review_times.py [--runs 3]

Works on a copy of the project in a temporary folder. Targets: a warm
`book review` under 5 s, `book preview --lang en` under 20 s.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from build_times import BOOK, copy_project, report, run, runs_argument

TARGETS = {"review": 5.0, "preview": 20.0}


def cpu_run(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and the processes it waited for).
    On a shared machine the CPU time is what the command would take alone
    (pdftoppm runs two at once, so preview's wall time is about half its CPU time)."""
    before = os.times()
    start = time.perf_counter()
    run(command, cwd)
    after = os.times()
    return time.perf_counter() - start, (after.children_user - before.children_user) + (after.children_system - before.children_system)

def main() -> None:
    runs = runs_argument(__doc__)
    with tempfile.TemporaryDirectory() as work:
        root = copy_project(work, ("fonts", "images", "thumbs"))  # whatever this machine has made already
        report("review, cold thumbnails and review fonts", [run(BOOK + ["review"], root)])
        review = [cpu_run(BOOK + ["review"], root) for _ in range(runs)]
        run(BOOK + ["build", "--lang", "en", "--profile", "proof"], root)
        preview = [cpu_run(BOOK + ["preview", "--lang", "en"], root) for _ in range(runs)]
        load = os.getloadavg()[0]
        for name, samples in (("review, warm", review), ("preview --lang en (68 pages, contact sheet)", preview)):
            wall, cpu = min(w for w, _ in samples), min(c for _, c in samples)
            target = TARGETS[name.split()[0].strip(",")]
            print(f"{name:<44} wall {wall:6.2f} s  CPU {cpu:6.2f} s  target {target:g} s  (load average {load:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
