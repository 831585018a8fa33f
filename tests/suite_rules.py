"""Rules the suite keeps about itself, as pytest hooks (tests/conftest.py
takes them in; tests/test_suite_rules.py runs them on small suites of its own):

- ``@pytest.mark.needs("tool", ..., reason=...)`` skips a test when a program
  it needs is not on PATH; in CI (``CI=true``) any other skip is a failure,
  so a test cannot stop running there unnoticed.
- No test writes inside the repository: the files below it that git does not
  track (caches, outputs, photos; the virtual environment, bytecode and
  pytest's own cache aside) are listed when the run starts and again when it
  ends, and the run fails if they differ. Tracked files are left out so that
  editing a source while the tests run is not taken for a test's write.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# Written by Python and the tools around the suite, not by a test.
NOT_WATCHED = {".git", ".venv", "__pycache__", ".pytest_cache", ".ruff_cache", "book.egg-info"}
WATCH = pytest.StashKey[dict]()


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs(*tools, reason=None): the test needs these programs on PATH and is skipped "
                                       "without them; the only skip CI accepts")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for marker in item.iter_markers("needs"):
            missing = [tool for tool in marker.args if shutil.which(tool) is None]
            if missing:
                reason = marker.kwargs.get("reason")
                item.add_marker(pytest.mark.skip(reason=f"needs {', '.join(missing)}" + (f" ({reason})" if reason else "")))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    report = yield
    if report.skipped and in_ci() and not hasattr(report, "wasxfail") and item.get_closest_marker("needs") is None:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        report.outcome = "failed"
        report.longrepr = f"skipped in CI ({reason}); a test may skip there only when marked @pytest.mark.needs(...)"
    return report


def tracked_files(root: Path) -> set[str]:
    """The files git tracks below ``root`` (none outside a checkout)."""
    try:
        listed = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return set()
    return {os.path.normpath(name) for name in listed.decode("utf-8", "surrogateescape").split("\0") if name}


def repository_files(root: Path = REPO) -> dict[str, tuple[int, int]]:
    """Every file below ``root`` that git does not track, with its size and
    modification time."""
    tracked = tracked_files(root)
    found = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in NOT_WATCHED]
        for name in files:
            path = os.path.join(folder, name)
            try:
                stat = os.lstat(path)
            except FileNotFoundError:
                continue
            name = os.path.relpath(path, root)
            if name not in tracked:
                found[name] = (stat.st_size, stat.st_mtime_ns)
    return found


def controller(config: pytest.Config) -> bool:
    return not hasattr(config, "workerinput")  # pytest-xdist's workers each run the session too


def pytest_sessionstart(session: pytest.Session) -> None:
    if controller(session.config):
        session.config.stash[WATCH] = repository_files()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    before = session.config.stash.get(WATCH, None)
    if before is None:
        return
    after = repository_files()
    changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    if changed:
        shown = ", ".join(changed[:10]) + (f" and {len(changed) - 10} more" if len(changed) > 10 else "")
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        line = f"the tests wrote inside the repository ({REPO}): {shown}; a test must work in a temporary copy"
        if reporter is not None:
            reporter.write_line(f"FAILED {line}", red=True)
        else:
            print(line)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
