"""Outputs and manifest agree whatever happens: a kill at any moment, two
builds at once, a full disk; and what killed builds left is cleaned up."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

CHAPTER = "content/chapters/01-cang.yaml"
BOOK = [sys.executable, "-m", "book"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def outputs(root: Path) -> dict[str, str]:
    # The outputs a reader sees: a killed build's staging folder (output/.build-*) is not one of them.
    found = sorted((root / "output").rglob("*.pdf"))
    return {p.relative_to(root).as_posix(): digest(p) for p in found if not any(part.startswith(".") for part in p.relative_to(root / "output").parts)}


def manifest_agrees(root: Path) -> bool:
    manifest = json.loads((root / "output" / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    return listed == outputs(root)


def edit_caption(root: Path, new: str) -> None:
    path = root / CHAPTER
    text = path.read_text(encoding="utf-8")
    start = text.index('caption: "Cầu')
    end = text.index("\n", start)
    path.write_text(text[:start] + f'caption: "Cầu {new}"' + text[end:], encoding="utf-8")


def leftovers(root: Path) -> list[str]:
    output = root / "output"
    found = [p.name for p in output.iterdir() if p.name.startswith((".build-", ".commit"))] if output.is_dir() else []
    return found + [p.name for p in root.rglob("*.tmp-*")]


# A build that prints its progress (the stages the CLI's progress bar shows) and
# stops still at the first report of the stage named on its command line, or, for
# "moving", as the commit renames its second PDF into place (the first is in place
# already): the test kills it there.
PAUSING_BUILD = """
import os, signal, sys
from pathlib import Path
from book.build import build

root, moment = Path(sys.argv[1]), sys.argv[2]

def pause(what):
    print(f"paused at {what}", flush=True)
    while True:
        signal.pause()

def report(stage, done, total):
    print(stage, flush=True)
    if stage.startswith(moment):
        pause(stage)

moved = []

def moving(rename):
    def move(src, dst, *args, **kwargs):
        dst = Path(dst)
        if moment == "moving" and dst.suffix == ".pdf" and not any(p.startswith(".") for p in dst.relative_to(root / "output").parts):
            moved.append(dst.name)
            if len(moved) == 2:
                pause(f"moving {dst.name} after {moved[0]}")
        return rename(src, dst, *args, **kwargs)
    return move

for name in ("rename", "replace"):  # whichever the commit renames with
    setattr(os, name, moving(getattr(os, name)))
build(root, ["vi", "en"], "proof", 1, report=report)
"""


def stream_lines(stream) -> queue.Queue:
    """The lines of a child's ``stream`` as they come (None at its end), read
    by a thread, so that a test can wait for one with a time limit."""
    lines: queue.Queue = queue.Queue()

    def read() -> None:
        for line in stream:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def kill_at(root: Path, moment: str) -> list[str]:
    """Run a build of ``root`` and kill it (SIGKILL, with its photo workers)
    where it reports ``moment``; the progress lines it printed."""
    child = subprocess.Popen([sys.executable, "-c", PAUSING_BUILD, str(root), moment], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    lines, seen = stream_lines(child.stdout), []
    try:
        while not seen or not seen[-1].startswith("paused at"):
            line = lines.get(timeout=300)
            assert line is not None, f"the build ended (exit {child.wait()}) before {moment!r}: {seen}"
            seen.append(line)
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
    return seen


@pytest.mark.parametrize("moment", ["checking sources", "rendering", "preparing photos", "writing the PDFs", "done", "moving"])
def test_kill_at_a_moment_of_the_build_keeps_old_outputs_and_the_next_build_recovers(mini, moment):
    args = [*BOOK, "--project", str(mini), "build", "--profile", "proof", "--lang", "vi", "--lang", "en", "--jobs", "1"]
    assert subprocess.run(args, capture_output=True).returncode == 0
    old, old_manifest = outputs(mini), (mini / "output" / "manifest.json").read_bytes()
    edit_caption(mini, "mới")
    seen = kill_at(mini, moment)
    if moment == "moving":  # killed inside the commit, one edition in place: the journal says what to finish
        assert re.fullmatch(r"paused at moving mini-(vi|en)-proof\.pdf after mini-(vi|en)-proof\.pdf", seen[-1]), seen
        assert (mini / "output" / ".commit.json").is_file()
        assert len(set(outputs(mini).items()) - set(old.items())) == 1  # the first moved, the second not yet
    else:  # killed before the commit: the outputs and the manifest are those of the last build
        assert seen[-1].startswith(f"paused at {moment}") and not (mini / "output" / ".commit.json").exists(), seen
        assert outputs(mini) == old and (mini / "output" / "manifest.json").read_bytes() == old_manifest
    result = subprocess.run(args, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert manifest_agrees(mini) and outputs(mini) != old  # the new caption is in place
    assert leftovers(mini) == []


def test_stale_temporary_files_of_killed_builds_are_removed(mini, run):
    stale = mini / "output" / ".build-12345-1"
    stale.mkdir(parents=True)
    (stale / "vi-raw.pdf").write_bytes(b"%PDF-1.3 half")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    dead = 2 ** 22 + 17  # above pid_max: no such process
    (mini / ".cache" / "fonts").mkdir(parents=True, exist_ok=True)
    (mini / ".cache" / "fonts" / f"x.ttf.tmp-{dead}").write_bytes(b"")
    (mini / "translations" / f".en.po.tmp-{dead}").write_bytes(b"")
    result = run(mini, "build", "--lang", "vi", "--profile", "proof")
    assert result.exit_code == 0, result.stderr
    assert leftovers(mini) == []


def test_two_builds_at_once_both_succeed_and_the_manifest_lists_both(mini):
    base = [*BOOK, "--project", str(mini), "build", "--profile", "proof", "--jobs", "1"]
    first = subprocess.Popen([*base, "--lang", "vi"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen([*base, "--lang", "en"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    results = [p.communicate(timeout=300) + (p.returncode,) for p in (first, second)]
    assert [r[2] for r in results] == [0, 0], results
    assert manifest_agrees(mini)
    langs = {f["lang"] for f in json.loads((mini / "output" / "manifest.json").read_text())["files"]}
    assert langs == {"vi", "en"}
    for _, stderr, _ in results:  # a waiting build says so in one line, nothing else
        assert all("waiting for it to finish" in line for line in stderr.splitlines() if "another build" in line)


def test_second_build_waits_for_the_lock_with_one_line(mini):
    from book.lock import project_lock

    with project_lock(mini):
        child = subprocess.Popen([*BOOK, "--project", str(mini), "build", "--profile", "proof", "--lang", "vi", "--jobs", "1"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        first = stream_lines(child.stderr).get(timeout=300)  # the lock is let go as soon as the child says it waits
        assert child.poll() is None and not (mini / "output").exists()  # waiting, and has written nothing
    stdout = child.stdout.read()
    assert child.wait(timeout=300) == 0, (first, stdout)
    assert first.startswith("another build of this project is running (process ") and first.endswith("waiting for it to finish")
    assert (mini / "output" / "proof" / "vi" / "mini-vi-proof.pdf").is_file()


@pytest.fixture
def built(mini, run):
    assert run(mini, "build", "--lang", "vi", "--profile", "proof").exit_code == 0
    return mini


def test_full_disk_while_writing_a_pdf_names_it_and_keeps_the_old_outputs(built, run, monkeypatch):
    import book.pdf.editions

    before, manifest = outputs(built), (built / "output" / "manifest.json").read_bytes()
    edit_caption(built, "mới")

    def full(raw, target, *args, **keywords):  # mark_pdf's own keywords (tags, cover) pass through
        Path(target).write_bytes(b"%PDF-1.3 partial")
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(book.pdf.editions, "mark_pdf", full)  # editions are finished there
    result = run(built, "build", "--lang", "vi", "--profile", "proof")
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: output/proof/vi/mini-vi-proof.pdf: could not be written: no space left on the device; "
                           "the build needs about "), last
    assert "MB free there" in last and "Traceback" not in result.stderr
    assert outputs(built) == before and (built / "output" / "manifest.json").read_bytes() == manifest
    assert leftovers(built) == []


def test_full_disk_in_the_photo_cache_blames_the_disk_not_the_photo(mini, run, monkeypatch):
    import book.files

    class Full(io.FileIO):
        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    def opened(path, mode="r", *args, **kwargs):  # the cache's files are written through write_atomic
        return Full(path, "w") if "w" in mode else open(path, mode, *args, **kwargs)

    monkeypatch.setattr(book.files, "open", opened, raising=False)
    result = run(mini, "build", "--lang", "vi", "--profile", "proof", "--jobs", "1")
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: .cache/images/") and "no space left on the device" in last, last
    assert "cannot read the image" not in result.stderr
    assert leftovers(mini) == [] and not (mini / "output" / "manifest.json").exists()


def test_a_photo_damaged_past_its_header_stops_the_build_while_the_editions_wait_for_it(built, run):
    # The editions are rendered while the photos are prepared, and wait for them to be written.
    before, manifest = outputs(built), (built / "output" / "manifest.json").read_bytes()
    photo = built / "content" / "photos" / "p002.jpg"
    photo.write_bytes(photo.read_bytes()[:6000])  # the header reads, the picture does not
    result = run(built, "build", "--lang", "vi", "--profile", "proof", "--jobs", "2")
    assert result.exit_code == 1
    assert "content/photos/p002.jpg: cannot read the image (" in result.stderr and "Traceback" not in result.stderr
    assert outputs(built) == before and (built / "output" / "manifest.json").read_bytes() == manifest
    assert leftovers(built) == []


def test_full_disk_while_the_photos_go_in_names_the_pdf_and_keeps_the_old_outputs(built, run, monkeypatch):
    import book.pdf.editions

    before, manifest = outputs(built), (built / "output" / "manifest.json").read_bytes()
    edit_caption(built, "đầy")

    def full(source, target, photo):
        photo(0)  # waits for the first photo, as the real one does
        Path(target).write_bytes(b"%PDF-1.3 partial")
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(book.pdf.editions, "splice_photos", full)
    result = run(built, "build", "--lang", "vi", "--profile", "proof", "--jobs", "2")
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error: output/proof/vi/mini-vi-proof.pdf: could not be written: no space left on the device"), last
    assert outputs(built) == before and (built / "output" / "manifest.json").read_bytes() == manifest
    assert leftovers(built) == []
