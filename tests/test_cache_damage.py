"""A cache that cannot lie or run code: every kind of cached file, damaged
in each of three ways (cut to half, overwritten with garbage of the same
length, emptied), is found damaged when it is used, said in one notice
line, made again, and the build gives the clean build's bytes. A pickle
planted in the cache runs nothing. Each build is a process of its own, so
that no memo of an earlier build in this process hides the damage."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from book.files import SETTLED_NS

# kind: (the files it damages, from the project or the machine cache; the notice's words; the command that reads it)
KINDS = {
    "setting": (".cache/setting/*.json", "table of set paragraphs"),
    "images": (".cache/images/*.jpg", "prepared photo"),
    "image numbers": (".cache/images/*.txt", "prepared photo"),
    "fonts": (".cache/fonts/*.ttf", "converted font"),
    "cmaps": (".cache/fonts/cmap-*.txt", "cmap"),
    "digests": (".cache/digests.json", "list of file digests"),
    "record": ("output/.record.json", "build record"),
    "colour": ("xdg/book/colour/FOGRA39-*.icc", "press profile"),
}
MEASURING = {"setting", "fonts", "cmaps"}  # kinds the shared measures make files of (the faces made ready to measure)
DAMAGES = {
    "truncated": lambda data: data[: len(data) // 2],
    "garbage": lambda data: bytes(b ^ 0xA5 for b in data),
    "emptied": lambda data: b"",
}


def book(root: Path, xdg: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(xdg)}
    return subprocess.run([sys.executable, "-m", "book", "--project", str(root), *args], capture_output=True, text=True, env=env)


def pdfs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "output").rglob("*.pdf"))}


@pytest.fixture
def built(mini: Path, profile_cache: Path, tmp_path: Path):
    """The mini book built once for print in ja (a CJK face is converted)
    and en, with a machine cache of its own (this test damages the press
    profile); returns the root, that cache and the clean build's PDFs."""
    xdg = tmp_path / "xdg"
    (xdg / "book" / "colour").mkdir(parents=True)
    for kept in profile_cache.glob("FOGRA39-300-*"):
        shutil.copy(kept, xdg / "book" / "colour" / kept.name)
    time.sleep(SETTLED_NS / 1e9 + 0.1)  # files just copied are not yet settled: the digests would not be kept
    result = book(mini, xdg, "build", "--lang", "ja", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "notice:" not in result.stderr
    return mini, xdg, pdfs(mini)


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_cache_damaged_three_ways_is_made_again_with_the_clean_bytes(built, kind):
    root, xdg, clean = built
    pattern, words = KINDS[kind]
    base = root if not pattern.startswith("xdg/") else xdg.parent
    for how, damage in DAMAGES.items():
        files = [p for p in sorted(base.glob(pattern)) if p.suffix != ".icc" or p.with_suffix(".sha256").exists()]
        assert files, (kind, how)  # (of the press profiles, the one this version makes)
        for path in files:
            path.write_bytes(damage(path.read_bytes()))
        if kind != "record":  # a build with its record would not need the cache: the outputs are as recorded
            shutil.rmtree(root / "output")
        if kind in MEASURING:  # nor one that remembers the shared measures the files of measuring (`book.measures`)
            (root / ".cache" / "measures.json").unlink(missing_ok=True)
        result = book(root, xdg, "build", "--lang", "ja", "--lang", "en")
        assert result.returncode == 0, (kind, how, result.stderr)
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        notices = [line for line in result.stderr.splitlines() if line.startswith("notice:")]
        assert notices and all(line.endswith(f": the cached {words} was damaged; it is made again") for line in notices), \
            (kind, how, result.stderr)
        assert pdfs(root) == clean, (kind, how)
        assert all(p.stat().st_size > 0 for p in files if p.exists()), (kind, how)  # made again
    shutil.rmtree(root / "output")
    again = book(root, xdg, "build", "--lang", "ja", "--lang", "en")
    assert again.returncode == 0 and "notice:" not in again.stderr, (kind, again.stderr)


def test_a_damaged_memo_of_measures_is_an_empty_one(tmp_path, capsys):
    from book.measures import MEMO_VERSION, MeasuresMemo

    memo = tmp_path / ".cache" / "measures.json"
    memo.parent.mkdir()
    editions = {"en": {"key": "k", "needs": {}, "cards": []}}
    memo.write_text(json.dumps({"version": MEMO_VERSION - 1, "editions": editions}) + "\n")
    assert MeasuresMemo(tmp_path).entries == {} and not capsys.readouterr().err  # an older version's memo: quietly unused
    memo.write_text(json.dumps({"version": MEMO_VERSION, "editions": editions}) + "\n")
    assert MeasuresMemo(tmp_path).entries and not capsys.readouterr().err
    clean = memo.read_bytes()
    for how, damage in DAMAGES.items():
        memo.write_bytes(damage(clean))
        assert MeasuresMemo(tmp_path).entries == {}, how
        assert capsys.readouterr().err == "notice: .cache/measures.json: the cached memo of measures was damaged; it is made again\n"


def test_a_damaged_list_of_photo_sizes_is_read_again(built):
    root, xdg, _ = built
    assert book(root, xdg, "check").returncode == 0
    sizes = root / ".cache" / "images" / "sizes.json"
    for how, damage in DAMAGES.items():
        sizes.write_bytes(damage(sizes.read_bytes()))
        result = book(root, xdg, "check")
        assert result.returncode == 0, (how, result.stderr)
        assert "notice: .cache/images/sizes.json: the cached list of photo sizes was damaged; it is made again" in result.stderr
        assert "Traceback" not in result.stderr


class Planted:
    """What an attacker's pickle runs when it is loaded: it writes a file."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_pickle_runs_nothing(built, tmp_path):
    root, xdg, clean = built
    marker = tmp_path / "ran"
    payload = pickle.dumps({"x": Planted(marker)})
    pickle.loads(payload)  # the payload does run when unpickled
    assert marker.exists()
    marker.unlink()
    setting = root / ".cache" / "setting"
    for table in list(setting.glob("*.json")):
        (setting / f"{table.stem}.pickle").write_bytes(payload)  # where the older code read its tables
        table.write_bytes(payload)
    shutil.rmtree(root / "output")
    result = book(root, xdg, "build", "--lang", "ja", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert pdfs(root) == clean
    assert not list(setting.glob("*.pickle"))  # the old format's tables are deleted unread


def test_an_output_damaged_with_its_size_and_time_kept_is_built_again(built):
    """An output is unchanged only while it is the file the record
    describes (`book.files.seen`: its change time, which no program sets
    back, as well as its size and modification time)."""
    root, xdg, clean = built
    for rel in clean:
        path = root / rel
        st = path.stat()
        path.write_bytes(bytes(b ^ 0xA5 for b in path.read_bytes()))
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    result = book(root, xdg, "build", "--lang", "ja", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert pdfs(root) == clean
