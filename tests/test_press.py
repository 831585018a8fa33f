"""The press profile is made once per machine, in $XDG_CACHE_HOME/book/colour,
and found there by every project; a printer's own ICC file stays the
project's. A stand-in colprof (a script on PATH that counts its runs) makes
these quick; the real one is the suite's `profile_cache`."""

from __future__ import annotations

import hashlib
import os
import stat
import struct
import sys
import threading
from pathlib import Path

import pytest

from book.caches import COLOUR, machine_folder
from book.errors import ImageError
from book.images import press
from book.images.press import press_profile

FAKE_COLPROF = """#!{python}
import struct, sys, time
if len(sys.argv) == 1:
    print("Create ICC profile, Version {version}")
    sys.exit(1)
with open("{runs}", "a") as runs:
    runs.write("run\\n")
time.sleep(0.5)
text = ("icc for " + " ".join(sys.argv[1:]) + "\\n").encode()
now = time.gmtime()
header = (struct.pack(">I", 132 + len(text)) + b"argl" + bytes(4) + b"prtr" + b"CMYK" + b"Lab "
          + struct.pack(">6H", *now[:6]) + b"acsp" + bytes(128 - 40))
open("out.icc", "wb").write(header + bytes(4) + text)
"""


def fake_icc(kind: bytes = b"prtr", space: bytes = b"CMYK", text: bytes = b"printer's profile") -> bytes:
    """A small ICC file: a header, an empty tag table, then ``text``."""
    return (struct.pack(">I", 132 + len(text)) + b"argl" + bytes(4) + kind + space + b"Lab " + bytes(12) + b"acsp"
            + bytes(128 - 40) + bytes(4) + text)


@pytest.fixture
def fake_colprof(tmp_path, monkeypatch):
    """A colprof on PATH that writes a small file; returns a function giving how often it ran."""
    folder, runs = tmp_path / "bin", tmp_path / "runs.txt"

    def install(version: str = "9.9") -> None:
        folder.mkdir(exist_ok=True)
        script = folder / "colprof"
        script.write_text(FAKE_COLPROF.format(python=sys.executable, version=version, runs=runs))
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
    assert first.name.startswith("FOGRA39-300-") and b"icc for -qm -kr -L95 -l300" in first.read_bytes()
    assert said == ["making the press profile FOGRA39, 300 % ink (once per machine; about half a minute)"]
    again = press_profile(tmp_path / "two", "FOGRA39", 300, COLOUR.path(tmp_path / "two"), said.append)
    assert again == first and runs() == 1 and len(said) == 1
    assert not (tmp_path / "one").exists() and not (tmp_path / "two").exists()  # nothing in the projects
    assert sorted(p.name for p in first.parent.iterdir()) == sorted(first.with_suffix(s).name for s in (".icc", ".lock", ".sha256"))


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
    icc.write_bytes(fake_icc())
    assert press_profile(tmp_path, "content/printer.icc", 300, COLOUR.path(tmp_path)) == icc
    with pytest.raises(ImageError, match=r"colour.press_profile: content/gone.icc not found; put the printer's ICC file there"):
        press_profile(tmp_path, "content/gone.icc", 300, COLOUR.path(tmp_path))
    assert not (tmp_path / "xdg").exists()


@pytest.mark.needs("sh")
@pytest.mark.parametrize(("data", "why"), [
    (fake_icc(kind=b"mntr", space=b"RGB "), "it is a display profile for RGB, not a CMYK printer profile"),
    (fake_icc()[:100], "it is not an ICC profile"),
    (fake_icc()[:-3], "it is cut short or padded: its header says 149 bytes, the file has 146"),
    (b"", "it is empty"),
])
def test_a_printers_profile_that_is_no_cmyk_output_profile_is_refused_in_one_line(tmp_path, data, why):
    (tmp_path / "printer.icc").write_bytes(data)
    with pytest.raises(ImageError) as caught:
        press_profile(tmp_path, "printer.icc", 300, COLOUR.path(tmp_path))
    assert str(caught.value) == f"content/book.yaml: colour.press_profile: printer.icc: {why}; ask the printer for its CMYK .icc file"


@pytest.mark.needs("sh")
def test_the_built_profile_carries_a_fixed_date_and_is_checked_when_used(fake_colprof, tmp_path, capsys):
    """colprof stamps its hour into the header; the cached profile carries
    the fixed date instead, and a cached profile damaged in any way is
    made again, the same bytes, with one line saying so."""
    runs, _ = fake_colprof
    cache = COLOUR.path(tmp_path)
    first = press_profile(tmp_path, "FOGRA39", 300, cache)
    clean = first.read_bytes()
    assert struct.unpack(">6H", clean[24:36]) == (2000, 1, 1, 0, 0, 0)
    assert first.with_suffix(".sha256").read_text().strip() == hashlib.sha256(clean).hexdigest()
    damages = {"truncated": clean[: len(clean) // 2], "garbage": bytes(b ^ 0x5A for b in clean), "emptied": b""}
    for number, (how, damaged) in enumerate(damages.items(), start=2):
        first.write_bytes(damaged)
        assert press_profile(tmp_path, "FOGRA39", 300, cache) == first, how
        assert first.read_bytes() == clean and runs() == number, how
        assert capsys.readouterr().err.count(f"notice: {first}: the cached press profile was damaged; it is made again") == 1


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


@pytest.mark.needs("colprof", reason="the real press profile, made twice")
def test_two_builds_from_an_empty_cache_give_the_same_bytes(mini, tmp_path):
    """Everything a build caches thrown away between two builds, the press
    profile too (each made by colprof at its own moment): the same PDFs."""
    import shutil
    import subprocess

    def build(name: str) -> dict[str, bytes]:
        shutil.rmtree(mini / ".cache", ignore_errors=True)
        shutil.rmtree(mini / "output", ignore_errors=True)
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / name)}
        result = subprocess.run([sys.executable, "-m", "book", "--project", str(mini), "build", "--lang", "en"],
                                capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
        (profile,) = (tmp_path / name / "book" / "colour").glob("FOGRA39-300-*.icc")
        pdfs = {p.relative_to(mini).as_posix(): p.read_bytes() for p in (mini / "output").rglob("*.pdf")}
        return {"profile": profile.read_bytes(), **pdfs}

    first, second = build("first"), build("second")
    assert sorted(first) == sorted(second) and len(first) >= 2  # the profile and the interior
    assert [name for name in first if first[name] != second[name]] == []
