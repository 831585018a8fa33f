"""Time a new project's first build, as a new user meets it: `book init`
into a temporary folder, then `book build`, once with the press profile
already on the machine (this machine's own cache, made first if it has
none) and once on a machine without it (an empty XDG_CACHE_HOME), where the
build makes the profile itself. Run from the repository root:

    .venv/bin/python benchmarks/first_build.py [--runs 1]

Each run is a fresh project; the machine's own caches are only read, except
that a machine without the profile gets it made once, as any build would.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_times import BOOK, report, run, runs_argument  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def first_build(work: Path, env: dict[str, str]) -> tuple[float, float]:
    """`book init` a new project under ``work`` and time its first `book build`."""
    project = work / "new-book"
    subprocess.run(BOOK + ["init", str(project)], check=True, env=env, stdout=subprocess.DEVNULL)
    return run(BOOK + ["build"], project, env)


def main() -> None:
    runs = runs_argument(__doc__)
    sys.path.insert(0, str(REPO))
    from book.caches import COLOUR
    from book.images.press import press_profile

    # The profile the machine keeps: made now, untimed, when the machine has none yet.
    press_profile(REPO, "FOGRA39", 300, COLOUR.path(REPO), lambda line: print(line + " ..."))
    print(f"a new project from `book init`, first `book build`; {os.cpu_count()} cores; press profile: {COLOUR.path(REPO)}")
    warm = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as work:
            warm.append(first_build(Path(work), dict(os.environ)))
    report("first build, press profile on the machine", warm)
    cold = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as work:
            cold.append(first_build(Path(work), {**os.environ, "XDG_CACHE_HOME": str(Path(work) / "xdg-cache")}))
    report("first build, no press profile on the machine", cold)


if __name__ == "__main__":
    main()
