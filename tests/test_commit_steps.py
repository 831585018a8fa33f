"""The commit never leaves a listed output missing: a build killed (SIGKILL)
after each step of the commit's journal in turn, with no timing involved
(`book.pdf.commit.FAULT_ENV`), leaves every output the manifest lists in
place; the next build repairs, leaves no staging folder and gives the
outputs a clean build gives."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from book.pdf.commit import FAULT_ENV, move

CHAPTER = "content/chapters/01-cang.yaml"


def book(root: Path, fault: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, FAULT_ENV: str(fault or "")}
    return subprocess.run([sys.executable, "-m", "book", "--project", str(root), "build", "--profile", "proof", "--lang", "vi",
                           "--lang", "en", "--jobs", "1"], capture_output=True, text=True, env=env)


def listed(root: Path) -> dict[str, str]:
    manifest = json.loads((root / "output" / "manifest.json").read_text(encoding="utf-8"))
    return {f["path"]: f["sha256"] for f in manifest["files"]}


def present(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in (root / "output").glob("proof/*/*.pdf")}


def caption(root: Path, text: str) -> None:
    path = root / CHAPTER
    old = path.read_text(encoding="utf-8")
    start = old.index('caption: "Cầu')
    path.write_text(old[:start] + f'caption: "Cầu {text}"' + old[old.index("\n", start):], encoding="utf-8")


def test_a_build_killed_after_each_step_of_the_commit_leaves_every_listed_output(mini):
    assert book(mini).returncode == 0
    steps = 0
    while True:
        steps += 1
        caption(mini, f"số {steps}")  # every output changes, so that each is moved
        killed = book(mini, fault=steps)
        if killed.returncode == 0:  # no step left to be killed at
            break
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        files = listed(mini)
        assert files and all((mini / rel).is_file() for rel in files), (steps, files)  # nothing listed is missing
        repaired = book(mini)
        assert repaired.returncode == 0, repaired.stderr
        assert "Traceback" not in repaired.stderr
        assert listed(mini) == present(mini), steps
        assert [p.name for p in (mini / "output").iterdir() if p.name.startswith((".build-", ".commit"))] == [], steps
    # the journal, the moves of both editions, the removals, the manifest, the journal's end
    assert steps - 1 == 6
    clean = dict(present(mini))
    for pdf in (mini / "output").glob("proof/*/*.pdf"):
        pdf.unlink()
    (mini / "output" / ".record.json").unlink()
    assert book(mini).returncode == 0 and present(mini) == clean  # the repaired outputs are a clean build's


def test_an_output_stays_in_place_until_its_new_version_is(tmp_path, monkeypatch):
    """Killed as the rename is made, the old output is still there under its name."""
    old, new = tmp_path / "book.pdf", tmp_path / ".build-1" / "book.pdf"
    new.parent.mkdir()
    old.write_bytes(b"old")
    new.write_bytes(b"new")

    def killed(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    monkeypatch.setattr(os, "rename", killed)
    with pytest.raises(KeyboardInterrupt):
        move(new, old)
    assert old.read_bytes() == b"old"
