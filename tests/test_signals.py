"""A command stopped from outside: SIGTERM and SIGHUP to its own process
alone, or Ctrl-C (SIGINT to the whole process group, as a terminal sends
it). A build stops its photo and edition workers, removes the staging
folder, says one line with no traceback, exits 128 + the signal's number
and leaves the previous outputs as they were; preflight --plates and preview
stop the Ghostscript and pdftoppm processes they run, and the processes
those started. Every wait is on a condition, with a generous deadline: the
machine may be busy."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHAPTER = "content/chapters/01-cang.yaml"
PATIENCE = 300  # seconds a condition may take on a busy machine before the test gives up


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


def named(pids: list[int], name: str) -> list[int]:
    """Those of ``pids`` whose command is ``name``."""
    found = []
    for pid in pids:
        try:
            if Path(f"/proc/{pid}/comm").read_text().strip() == name:
                found.append(pid)
        except OSError:
            pass
    return found


def commands(pids: list[int]) -> list[str]:
    found = []
    for pid in pids:
        try:
            found.append(Path(f"/proc/{pid}/comm").read_text().strip())
        except OSError:
            pass
    return found


def wait_for(condition, child: subprocess.Popen, what: str) -> None:
    """Wait until ``condition()`` holds, while ``child`` still runs."""
    deadline = time.monotonic() + PATIENCE
    while not condition():
        assert child.poll() is None, (f"ended before {what}", child.communicate())
        assert time.monotonic() < deadline, f"no {what} after {PATIENCE} s"
        time.sleep(0.01)


def stopped(child: subprocess.Popen, signum: int, group: bool = False) -> str:
    """Send ``signum`` to ``child`` (or its process group); its stderr once
    it has ended and every process of its session has gone."""
    try:
        if group:
            os.killpg(child.pid, signum)
        else:
            os.kill(child.pid, signum)
        _, stderr = child.communicate(timeout=PATIENCE)
        deadline = time.monotonic() + PATIENCE
        while in_session(child.pid) and time.monotonic() < deadline:  # the workers are gone with it
            time.sleep(0.05)
        assert in_session(child.pid) == [], f"left running: {commands(in_session(child.pid))}"
    finally:
        if child.poll() is None or in_session(child.pid):
            os.killpg(child.pid, signal.SIGKILL)
    return stderr


def assert_told_once(child: subprocess.Popen, signum: int, stderr: str) -> None:
    assert child.returncode == 128 + signum, stderr
    assert stderr.strip().splitlines()[-1] == "interrupted; the previous outputs are as they were", stderr
    assert "Traceback" not in stderr and "Error" not in stderr, stderr


@pytest.mark.parametrize(("signum", "group"), [(signal.SIGTERM, False), (signal.SIGHUP, False), (signal.SIGINT, True)],
                         ids=["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_signalled_build_stops_its_workers_and_leaves_the_old_outputs(mini, signum, group):
    assert subprocess.run(command(mini), capture_output=True).returncode == 0
    before = outputs(mini)
    chapter = mini / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8").replace('caption: "Cầu', 'caption: "Cầu mới'), encoding="utf-8")
    child = subprocess.Popen(command(mini), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    wait_for(lambda: len(children(child.pid)) >= 2, child, "workers")  # the photo or edition workers are running
    stderr = stopped(child, signum, group)
    assert_told_once(child, signum, stderr)
    assert not [p.name for p in (mini / "output").iterdir() if p.name.startswith(".build-")]
    assert outputs(mini) == before


def slow_tool(folder: Path, name: str) -> Path:
    """A folder for PATH whose ``name`` is the real tool, started after a
    long pause: the test can stop the command while it runs it, and the tool
    has a process of its own (the pause) below it."""
    real = shutil.which(name)
    assert real, f"{name} is needed"
    folder.mkdir(exist_ok=True)
    script = folder / name
    script.write_text(f'#!/bin/sh\nsleep {PATIENCE}\nexec {real} "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return folder


@pytest.mark.parametrize("tool", ["gs", "pdftoppm"])
def test_sigterm_to_the_command_alone_stops_the_tools_it_runs(mini, tool, tmp_path):
    """preflight --plates runs Ghostscript (two at once, in threads), preview
    runs pdftoppm (two at once): SIGTERM to the command alone stops them and
    what they started, leaves no temporary folder, and exits 143."""
    assert subprocess.run([*book(mini), "build", "--lang", "vi", "--lang", "en"], capture_output=True).returncode == 0
    before = outputs(mini)
    pdfs = [str(mini / f"output/print/{lang}/mini-{lang}-interior.pdf") for lang in ("vi", "en", "vi", "en")]
    args = ["preflight", "--plates", *pdfs] if tool == "gs" else ["preview", "--lang", "vi", "--lang", "en"]
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**os.environ, "PATH": f"{slow_tool(tmp_path / 'bin', tool)}:{os.environ['PATH']}", "TMPDIR": str(temporary)}
    child = subprocess.Popen([*book(mini), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True, env=env)
    wait_for(lambda: len(named(in_session(child.pid), "sleep")) >= 2, child, f"two {tool} running")  # both threads' tools
    stderr = stopped(child, signal.SIGTERM)
    assert_told_once(child, signal.SIGTERM, stderr)
    assert list(temporary.iterdir()) == []  # Ghostscript's separations folder went with it
    assert not [p for p in (mini / "output").rglob(".preview-*")]
    assert outputs(mini) == before


def book(root: Path) -> list[str]:
    return [sys.executable, "-m", "book", "--project", str(root)]
