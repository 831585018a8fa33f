"""The suite's own rules (tests/suite_rules.py), run on small suites of their
own in a temporary folder that stands for the repository: in CI a skip fails
unless the test is marked as needing a program; a run that writes inside the
repository fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO

CONFTEST = "from suite_rules import *  # noqa: F403\n"

TESTS = '''
import pytest
from pathlib import Path

def test_passes():
    pass

@pytest.mark.needs("no-such-program-here", reason="a tool CI may lack")
def test_needs_a_missing_program():
    raise AssertionError("runs only where the program is")

@pytest.mark.skipif("{skip}" == "yes", reason="nothing painted")
def test_skipped_for_no_declared_reason():
    pass

def test_writes_into_the_repository():
    if "{write}" == "yes":
        (Path(__file__).resolve().parent.parent / ".cache" / "left.txt").write_text("x")
'''


def run_suite(tmp_path: Path, ci: str, skip: str = "no", write: str = "no") -> subprocess.CompletedProcess:
    repo = tmp_path / "repo"
    tests = repo / "tests"
    tests.mkdir(parents=True)
    (repo / ".cache").mkdir()
    (repo / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    shutil.copy(REPO / "tests" / "suite_rules.py", tests / "suite_rules.py")
    (tests / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (tests / "test_inner.py").write_text(TESTS.format(skip=skip, write=write), encoding="utf-8")
    env = {**os.environ, "CI": ci, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTEST_XDIST_WORKER", None)
    env.pop("PYTEST_ADDOPTS", None)
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist", "-rA",
                           f"--basetemp={tmp_path / 'inner-tmp'}", "tests"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=120)


def test_a_missing_program_skips_even_in_ci(tmp_path):
    result = run_suite(tmp_path, "true")
    assert result.returncode == 0, result.stdout
    assert "SKIPPED [1] tests/test_inner.py:8: needs no-such-program-here (a tool CI may lack)" in result.stdout


def test_in_ci_a_skip_without_a_needs_marker_fails(tmp_path):
    result = run_suite(tmp_path, "true", skip="yes")
    assert result.returncode == 1, result.stdout
    assert "ERROR tests/test_inner.py::test_skipped_for_no_declared_reason" in result.stdout  # skipped while set up
    assert "skipped in CI (nothing painted); a test may skip there only when marked @pytest.mark.needs(...)" in result.stdout
    outside = run_suite(tmp_path / "outside", "false", skip="yes")
    assert outside.returncode == 0 and "1 passed" not in outside.stdout and "2 skipped" in outside.stdout, outside.stdout


def test_a_run_that_writes_inside_the_repository_fails(tmp_path):
    result = run_suite(tmp_path, "false", write="yes")
    assert result.returncode == 1, result.stdout
    assert "3 passed" in result.stdout
    assert f"FAILED the tests wrote inside the repository ({tmp_path / 'repo'}): .cache/left.txt; a test must work in a temporary copy" \
        in result.stdout
