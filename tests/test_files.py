"""The file rules every stage shares: one test for "is this the file seen
before", one atomic write that leaves nothing behind when it fails, and one
rule for the leftovers of killed writers, the same in every cache folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from book import files
from book.files import FileMemo, atomic_path, observe, remove_stale_temps, seen, temp_path, write_atomic
from book.text.memo import prune


def dead_pid() -> int:
    """The process number of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_file_rewritten_in_place_with_its_size_and_time_kept_is_not_the_one_seen(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "SETTLED_NS", 0)
    path = tmp_path / "a.txt"
    path.write_bytes(b"one")
    value, sig = observe(path, Path.read_bytes)
    assert value == b"one" and seen(path, sig)
    st = path.stat()
    path.write_bytes(b"two")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert not seen(path, sig)
    assert not seen(tmp_path / "gone.txt", sig) and not seen(path, None)


def test_a_file_changed_just_before_it_was_read_is_not_remembered(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"fresh")
    reads = []
    memo = FileMemo(lambda p: reads.append(p) or p.read_bytes())
    assert memo(path) == b"fresh" and memo(path) == b"fresh"
    assert len(reads) == 2 and observe(path, Path.read_bytes)[1] is None


def test_a_file_memo_reads_a_file_again_once_it_changes(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "SETTLED_NS", 0)
    path = tmp_path / "font.otf"
    path.write_bytes(b"one")
    memo = FileMemo(Path.read_bytes)
    assert memo(path) == b"one"
    path.write_bytes(b"two")
    assert memo(path) == b"two"


def test_a_failed_atomic_write_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "sub" / "a.png"
    write_atomic(path, "old")
    with pytest.raises(RuntimeError), atomic_path(path) as tmp:
        tmp.write_text("half")
        raise RuntimeError("the writer failed")
    assert path.read_text() == "old"
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.png"]


def test_leftovers_are_removed_by_one_rule_in_every_folder(tmp_path):
    """A temporary file whose writer has died is removed, however new; one
    whose writer is alive is left, however old; the setting tables' folder
    follows the same rule as the others."""
    dead = dead_pid()
    for folder in (tmp_path / "fonts", tmp_path / "setting"):
        folder.mkdir()
        (folder / f".t.json.tmp-{dead}").write_bytes(b"killed")
        live = temp_path(folder / "t.json")
        live.write_bytes(b"being written")
        os.utime(live, (0, 0))  # old, but its writer (this process) is alive
        (folder / "t.json").write_bytes(b"kept")
    assert remove_stale_temps(tmp_path / "fonts") == 1
    prune(tmp_path / "setting")
    for folder in (tmp_path / "fonts", tmp_path / "setting"):
        assert sorted(p.name for p in folder.iterdir()) == sorted([temp_path(folder / "t.json").name, "t.json"])
