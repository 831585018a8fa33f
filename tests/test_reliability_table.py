"""docs/reliability.md names, for every bullet of issue #29's "Why", the tests
that hold it: each test it names must be one pytest collects, with each
parameter it names."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO

TABLE = (REPO / "docs" / "reliability.md").read_text(encoding="utf-8")
ROW = re.compile(r"^\| ([A-Z]\d+) \| .+? \| (.+) \|$", re.M)
NAMED = re.compile(r"`(?:(test_\w+\.py))?::(test_\w+)(?:\[([^\]]+)\])?`((?:, `\[[^\]]+\]`)*)")


def named_tests() -> list[tuple[str, str, str, list[str]]]:
    """(bullet, file, test, parameters) for every test the table names; a
    ``::name`` without a file is the previous one's file."""
    found = []
    for bullet, cell in ROW.findall(TABLE):
        current = None
        for file, test, param, more in NAMED.findall(cell):
            current = file or current
            params = ([param] if param else []) + re.findall(r"\[([^\]]+)\]", more)
            found.append((bullet, current, test, params))
    return found


def collected(files: set[str]) -> set[str]:
    """The node ids pytest collects from ``files`` (tests/…::test[param])."""
    listing = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-o", "addopts=", "-p", "no:cacheprovider",
                              *sorted(f"tests/{f}" for f in files)], cwd=REPO, capture_output=True, text=True)
    assert listing.returncode == 0, listing.stdout[-2000:] + listing.stderr[-2000:]
    return {line.strip() for line in listing.stdout.splitlines() if "::" in line}


def test_every_bullet_has_a_test_that_pytest_collects():
    found = named_tests()
    assert len({bullet for bullet, _ in ROW.findall(TABLE)}) == len({bullet for bullet, *_ in found}) == 42
    assert all(file for _, file, _, _ in found)
    ids = collected({file for _, file, _, _ in found})
    tests = {node.split("[")[0] for node in ids}
    for bullet, file, test, params in found:
        assert f"tests/{file}::{test}" in tests, f"{bullet}: {file}::{test} is not collected"
        for param in params:
            assert f"tests/{file}::{test}[{param}]" in ids, f"{bullet}: {file}::{test}[{param}] is not one of its cases"
