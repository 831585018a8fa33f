"""The press profile is made once per machine, in $XDG_CACHE_HOME/book/colour,
and found there by every project; a printer's own ICC file stays the
project's. A stand-in colprof (a script on PATH that counts its runs) makes
these quick; the real one is the suite's `profile_cache`."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from book.caches import COLOUR, machine_folder
from book.errors import ImageError
from book.images import press
from book.images.press import press_profile

FAKE_COLPROF = """#!/bin/sh
[ $# -eq 0 ] && {{ echo "Create ICC profile, Version {version}"; exit 1; }}
echo run >> "{runs}"
sleep 0.5
printf 'icc for %s\\n' "$*" > out.icc
"""


@pytest.fixture
def fake_colprof(tmp_path, monkeypatch):
    """A colprof on PATH that writes a small file; returns a function giving how often it ran."""
    folder, runs = tmp_path / "bin", tmp_path / "runs.txt"

    def install(version: str = "9.9") -> None:
        folder.mkdir(exist_ok=True)
        script = folder / "colprof"
        script.write_text(FAKE_COLPROF.format(version=version, runs=runs))
        script.chmod(script.stat().st_mode | stat.S_IEXEC)
        press.tool_version.cache_clear()

    install()
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    yield lambda: len(runs.read_text().splitlines()) if runs.exists() else 0, install
    press.tool_version.cache_clear()


def test_the_machine_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert COLOUR.path(tmp_path / "project") == tmp_path / "x" / "book" / "colour"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/not/allowed")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert machine_folder() == tmp_path / "home" / ".cache" / "book"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert machine_folder() == tmp_path / "home" / ".cache" / "book"


@pytest.mark.needs("sh")
def test_made_once_and_found_by_every_project(fake_colprof, tmp_path):
    runs, _ = fake_colprof
    said = []
    first = press_profile(tmp_path / "one", "FOGRA39", 300, COLOUR.path(tmp_path / "one"), said.append)
    assert first.parent == tmp_path / "xdg" / "book" / "colour"
    assert first.name.startswith("FOGRA39-300-") and first.read_text().startswith("icc for -qm -kr -L95 -l300")
    assert said == ["making the press profile FOGRA39, 300 % ink (once per machine; about half a minute)"]
    again = press_profile(tmp_path / "two", "FOGRA39", 300, COLOUR.path(tmp_path / "two"), said.append)
    assert again == first and runs() == 1 and len(said) == 1
    assert not (tmp_path / "one").exists() and not (tmp_path / "two").exists()  # nothing in the projects
    assert sorted(p.name for p in first.parent.iterdir()) == sorted([first.name, first.with_suffix(".lock").name])


@pytest.mark.needs("sh")
def test_the_key_holds_the_ink_limit_and_the_tools_version(fake_colprof, tmp_path):
    runs, install = fake_colprof
    cache = COLOUR.path(tmp_path)
    a = press_profile(tmp_path, "FOGRA39", 300, cache)
    b = press_profile(tmp_path, "FOGRA39", 280, cache)
    install("10.0")
    c = press_profile(tmp_path, "FOGRA39", 300, cache)
    assert len({a, b, c}) == 3 and runs() == 3
    assert b.name.startswith("FOGRA39-280-") and c.name.startswith("FOGRA39-300-")


@pytest.mark.needs("sh")
def test_two_builds_at_once_make_it_once(fake_colprof, tmp_path):
    runs, _ = fake_colprof
    cache = COLOUR.path(tmp_path)
    got, said = [], []

    def build() -> None:
        got.append(press_profile(tmp_path, "FOGRA39", 300, cache, said.append))

    threads = [threading.Thread(target=build) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(got)) == 1 and len(got) == 3
    assert runs() == 1  # the others waited for it rather than making their own
    assert 1 <= len(said) <= 3 and set(said) == {press.making_line("FOGRA39", 300)}  # and said so while they waited
    assert not [p for p in cache.iterdir() if ".tmp-" in p.name]


def test_a_printers_profile_stays_the_projects(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    icc = tmp_path / "content" / "printer.icc"
    icc.parent.mkdir()
    icc.write_bytes(b"printer's profile")
    assert press_profile(tmp_path, "content/printer.icc", 300, COLOUR.path(tmp_path)) == icc
    with pytest.raises(ImageError, match=r"colour.press_profile: content/gone.icc not found; put the printer's ICC file there"):
        press_profile(tmp_path, "content/gone.icc", 300, COLOUR.path(tmp_path))
    assert not (tmp_path / "xdg").exists()


@pytest.mark.needs("sh")
def test_an_unwritable_machine_cache_says_what_to_do(fake_colprof, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(ImageError, match=r"cannot keep the press profile there .*set XDG_CACHE_HOME to one that is"):
        press_profile(tmp_path, "FOGRA39", 300, blocked / "colour")


def test_the_suite_keeps_the_profile_out_of_the_users_home(profile_cache):
    assert Path(os.environ["XDG_CACHE_HOME"]) in profile_cache.parents
    assert Path.home() / ".cache" not in profile_cache.parents
    assert list(profile_cache.glob("FOGRA39-300-*.icc"))


@pytest.mark.needs("sh")
def test_the_progress_line_says_while_the_profile_is_made(fake_colprof, mini):
    """A build on a machine without the profile says what it is doing, then
    goes back to its own stage (the stand-in profile is no real ICC: what the
    build makes of it afterwards is not this test's concern)."""
    from book.build import build
    from book.errors import BookError

    stages = []
    try:
        build(mini, ["vi"], report=lambda stage, done, total: stages.append(stage))
    except BookError:
        pass
    making = "making the press profile FOGRA39, 300 % ink (once per machine; about half a minute)"
    assert making in stages
    assert stages[stages.index(making) + 1] == "checking sources"
    assert fake_colprof[0]() == 1
