"""A build stopped from outside: SIGTERM and SIGHUP to the build's own
process alone, or Ctrl-C (SIGINT to the whole process group, as a terminal
sends it). Each stops the photo and edition workers, removes the staging
folder, says one line with no traceback, exits 128 + the signal's number
and leaves the previous outputs as they were."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHAPTER = "content/chapters/01-cang.yaml"


def command(root: Path) -> list[str]:
    return [sys.executable, "-m", "book", "--project", str(root), "build", "--lang", "vi", "--lang", "en", "--lang", "ja",
            "--jobs", "2", "--profile", "proof"]


def outputs(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in (root / "output").rglob("*") if p.is_file() and ".build-" not in p.as_posix()}


def in_session(sid: int) -> list[int]:
    """The processes of session ``sid`` still alive (zombies aside)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def children(pid: int) -> list[int]:
    try:
        return [int(n) for n in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.parametrize(("signum", "group"), [(signal.SIGTERM, False), (signal.SIGHUP, False), (signal.SIGINT, True)])
def test_a_signalled_build_stops_its_workers_and_leaves_the_old_outputs(mini, signum, group):
    assert subprocess.run(command(mini), capture_output=True).returncode == 0
    before = outputs(mini)
    chapter = mini / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8").replace('caption: "Cầu', 'caption: "Cầu mới'), encoding="utf-8")
    child = subprocess.Popen(command(mini), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while len(children(child.pid)) < 2:  # the photo workers are running
            assert child.poll() is None and time.monotonic() < deadline, child.communicate()
            time.sleep(0.01)
        if group:
            os.killpg(child.pid, signum)
        else:
            os.kill(child.pid, signum)
        _, stderr = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
    assert child.returncode == 128 + signum, stderr
    assert stderr.strip().splitlines()[-1] == "interrupted; the previous outputs are as they were", stderr
    assert "Traceback" not in stderr and "Error" not in stderr, stderr
    deadline = time.monotonic() + 10
    while in_session(child.pid) and time.monotonic() < deadline:  # the workers are gone with it
        time.sleep(0.05)
    assert in_session(child.pid) == []
    assert not [p.name for p in (mini / "output").iterdir() if p.name.startswith(".build-")]
    assert outputs(mini) == before
