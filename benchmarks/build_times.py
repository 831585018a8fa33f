"""Time the editor's and translator's everyday commands on the sample book and
print the figures (wall time, peak memory). Run from the repository root after
tools/setup.sh:

    .venv/bin/python benchmarks/build_times.py [--runs 3]

Works on a copy of the project in a temporary folder, so the real output/ and
caches are left alone. Targets: a one-language proof after a .po edit in
seconds; a full five-edition print build in minutes; memory well under the
machine's 24 GB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BOOK = [sys.executable, "-m", "book"]


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """(seconds, peak RSS in MB of the command and its workers)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}: {process.stderr.read().decode()[-400:]}")
    return elapsed, usage.ru_maxrss / 1024


def report(name: str, samples: list[tuple[float, float]]) -> None:
    times = [s for s, _ in samples]
    peak = max(m for _, m in samples)
    print(f"{name:<44} min {min(times):6.2f} s  median {statistics.median(times):6.2f} s  max {max(times):6.2f} s  peak {peak:7.0f} MB")


def runs_argument(doc: str) -> int:
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    return parser.parse_args().runs


def copy_project(work: str, caches: tuple[str, ...] = ()) -> Path:
    """The sample book's sources in ``work``, with those of the repository's
    caches that exist (the press profile is the machine's, and found there)."""
    root = Path(work) / "book"
    for name in ("content", "layouts", "fonts", "translations"):
        shutil.copytree(REPO / name, root / name)
    for cache in caches:
        if (REPO / ".cache" / cache).is_dir():
            shutil.copytree(REPO / ".cache" / cache, root / ".cache" / cache)
    return root


def main() -> None:
    runs = runs_argument(__doc__)
    with tempfile.TemporaryDirectory() as work:
        root = copy_project(work)
        photos = [p for p in (root / 'content' / 'photos').iterdir() if p.suffix in ('.jpg', '.png')]
        print(f"sample book: {len(photos)} photos, 5 editions, {os.cpu_count()} cores")

        cold = []
        for _ in range(runs):
            for cache in ("images", "fonts"):
                shutil.rmtree(root / ".cache" / cache, ignore_errors=True)
            cold.append(run(BOOK + ["build"], root))
        report("build, 5 editions, print, cold caches", cold)
        report("build, 5 editions, print, warm caches", [run(BOOK + ["build"], root) for _ in range(runs)])
        report("check, 5 languages", [run(BOOK + ["check"], root) for _ in range(runs)])

        po = root / "translations" / "ja.po"
        original = po.read_text(encoding="utf-8")
        proof = []
        for index in range(runs):
            # A translator's edit: one caption changes, then a proof of that language.
            po.write_text(original.replace("カム川", f"カム川{'・' * (index + 1)}", 1), encoding="utf-8")
            proof.append(run(BOOK + ["build", "--lang", "ja", "--profile", "proof"], root))
        report("proof of one language after a .po edit", proof)
        report("i18n extract + update (4 catalogs)",
               [(a[0] + b[0], max(a[1], b[1])) for a, b in
                ((run(BOOK + ["i18n", "extract"], root), run(BOOK + ["i18n", "update"], root)) for _ in range(runs))])
        sizes = sorted(p.stat().st_size for p in (root / "output" / "print").rglob("*.pdf"))
        print(f"print PDFs: {len(sizes)} files, {sizes[0] / 1e6:.0f}–{sizes[-1] / 1e6:.0f} MB each")


if __name__ == "__main__":
    main()
