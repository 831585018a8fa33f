"""What a run keeps for the next one: paragraphs already set (.cache/setting)
and photos already decoded whole (.cache/images/sizes.json). Kept or not,
damaged or not, the PDF is the same, and a photo changed since is checked
again."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from book.model import Style
from book.text.memo import remembered
from book.text.typeset import Line


def book_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1747094400"}
    return subprocess.run([sys.executable, "-m", "book", "--project", str(root), *args], capture_output=True, text=True, env=env)


def proof_digest(root: Path) -> str:
    pdf = root / "output" / "proof" / "en" / "mini-en-proof.pdf"
    return hashlib.sha256(pdf.read_bytes()).hexdigest()


def fresh_build(root: Path) -> str:
    """Build the en proof from scratch (no build record, no outputs) and return its digest."""
    for leftover in (root / "output").glob("**/*"):
        if leftover.is_file():
            leftover.unlink()
    result = book_cli(root, "build", "--lang", "en", "--profile", "proof")
    assert result.returncode == 0, result.stdout + result.stderr
    return proof_digest(root)


def test_kept_paragraphs_give_the_same_pdf_and_a_damaged_table_is_ignored(mini: Path):
    tables = mini / ".cache" / "setting"
    cold = fresh_build(mini)
    kept = sorted(tables.glob("*.json"))
    assert kept, "a build keeps the paragraphs it set"
    assert fresh_build(mini) == cold  # every paragraph from the table
    for table in kept:
        table.write_bytes(b"not a table")
    assert fresh_build(mini) == cold  # damaged: set afresh, the same lines
    # and kept again: the tables this build set its paragraphs through (the cold build's shared measures
    # set some through fonts made ready for measuring, which a build that remembers its measures never reads)
    assert any(table.read_bytes() != b"not a table" for table in kept)


def test_lines_from_the_table_are_the_callers_own(tmp_path: Path):
    class Fonts:  # what `remembered` reads of EditionFonts
        registered: dict = {}
        lang = "en"
        cache = tmp_path / "fonts"

        class config:  # noqa: N801
            languages = {"en": {"serif": ["NotoSerif"]}}
            faces: dict = {}

    fonts = Fonts()
    style = Style("caption", "serif", 10, 12)
    made = []

    def make():
        made.append(1)
        return [Line([], 100.0, 10, 12)]

    key = ("text", style, "en", 10, 200.0, True, (), True)
    first = remembered(fonts, key, make)
    first[0].gap = 99.0
    again = remembered(fonts, key, make)
    assert len(made) == 1
    assert again[0].gap == 0.0


def test_a_photo_damaged_after_a_check_is_found_by_the_next(mini: Path, run, monkeypatch):
    from book import files

    monkeypatch.setattr(files, "SETTLED_NS", 0)  # the photos were painted a moment ago: remembered all the same
    assert run(mini, "check").exit_code == 0
    assert (mini / ".cache" / "images" / "sizes.json").is_file()
    photo = mini / "content" / "photos" / "p002.jpg"
    data = photo.read_bytes()
    photo.write_bytes(data[: len(data) // 3])
    result = run(mini, "check")
    assert result.exit_code == 1
    assert "p002.jpg" in result.output
    assert "cannot read the image" in result.output


def test_a_new_character_in_a_catalog_keeps_the_other_paragraphs(mini: Path):
    """A translator's edit that brings a character the edition did not use
    makes a new subset of its CJK face; the other paragraphs come from the
    same table all the same, and the PDF is the one a fresh build makes."""
    def build_ja() -> bytes:
        result = book_cli(mini, "build", "--lang", "ja", "--profile", "proof")
        assert result.returncode == 0, result.stdout + result.stderr
        return (mini / "output" / "proof" / "ja" / "mini-ja-proof.pdf").read_bytes()

    build_ja()
    tables = {p.name: len(p.read_bytes()) for p in (mini / ".cache" / "setting").glob("ja-*.json")}
    subsets = set((mini / ".cache" / "fonts").glob("*.ttf"))
    po = mini / "translations" / "ja.po"
    po.write_text(po.read_text(encoding="utf-8").replace("毎日入港する。", "毎日鯨と入港する。"), encoding="utf-8")
    edited = build_ja()
    assert set((mini / ".cache" / "fonts").glob("*.ttf")) - subsets, "the new character made a new subset"
    after = {p.name: len(p.read_bytes()) for p in (mini / ".cache" / "setting").glob("ja-*.json")}
    assert set(after) == set(tables), "the same tables, not new ones"
    assert sum(after.values()) > sum(tables.values())  # the edited paragraph added to them
    for leftover in [*(mini / "output").glob("**/*"), *(mini / ".cache" / "setting").glob("*")]:
        if leftover.is_file():
            leftover.unlink()
    assert build_ja() == edited


def test_a_photo_rewritten_with_its_length_and_time_kept_is_measured_again(mini: Path, run, monkeypatch):
    """The sizes a check decoded are trusted only while the photo is the file
    it was (`book.files.seen`): a smaller picture written over it in place,
    padded to the same length and with its modification time put back, is
    refused for its resolution, not planned at the old size."""
    import io

    from PIL import Image

    from book import files

    monkeypatch.setattr(files, "SETTLED_NS", 0)  # the photos were painted a moment ago
    assert run(mini, "check").exit_code == 0
    photo = mini / "content" / "photos" / "p002.jpg"
    sizes = (mini / ".cache" / "images" / "sizes.json").read_text(encoding="utf-8")
    assert str(photo.resolve()) in sizes
    st = photo.stat()
    small = io.BytesIO()
    Image.new("RGB", (60, 40), (160, 90, 40)).save(small, "JPEG")
    assert small.tell() < st.st_size
    with open(photo, "r+b") as handle:  # in place: the same inode
        handle.write(small.getvalue().ljust(st.st_size, b"\0"))
    os.utime(photo, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert photo.stat().st_size == st.st_size and photo.stat().st_mtime_ns == st.st_mtime_ns
    for command in ("build", "check"):
        result = run(mini, command)
        assert result.exit_code == 1, (command, result.output)
        assert "content/photos/p002.jpg" in result.stderr and "ppi in its frame" in result.stderr, (command, result.stderr)
