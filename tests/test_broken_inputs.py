"""The broken-input suite: one mistake per case (tests/broken/cases.py). Each
must fail `book check` and `book build` with exit 1, one error line naming
the file (and line) and what to do, no traceback, and nothing written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.broken.cases import CASES


def snapshot(root: Path) -> dict[str, str]:
    """Every file of the project but the cache, with its digest."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and ".cache" not in p.relative_to(root).parts}


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_input(case, mini, run):
    case.mistake(mini)
    before = snapshot(mini)

    checked = run(mini, "check", "--lang", case.lang)
    assert checked.exit_code == 1, checked.output
    lines = error_lines(checked.stderr)
    assert len(lines) == 1 or not case.alone and lines, checked.stderr
    assert lines[0].startswith(f"error: {case.where}"), lines[0]
    assert case.says in lines[0], lines[0]
    assert "Traceback" not in checked.output + checked.stderr

    built = run(mini, "build", "--lang", case.lang)
    assert built.exit_code == 1, built.output
    assert "Traceback" not in built.output + built.stderr
    assert any(line.removeprefix("error: ").startswith(case.where) and case.says in line for line in built.stderr.splitlines()), built.stderr
    assert built.stderr.splitlines()[-1].startswith("error: ")
    assert snapshot(mini) == before


def test_unknown_key_warns_and_fails_under_strict(mini, run):
    chapter = mini / "content/chapters/01-cang.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace('place: "Cát Hải"', 'place: "Cát Hải"\n    plaec: "x"'), encoding="utf-8")
    relaxed = run(mini, "check", "--lang", "vi")
    assert relaxed.exit_code == 0
    assert "unknown key 'plaec' is ignored; did you mean 'place'?" in relaxed.stderr
    strict = run(mini, "check", "--lang", "vi", "--strict")
    assert strict.exit_code == 1
    assert [line for line in error_lines(strict.stderr) if "plaec" in line][0].startswith("error: content/chapters/01-cang.yaml:17: ")
    quiet = run(mini, "check", "--lang", "vi", "--quiet")  # the same option as build's: problems, no summary
    assert quiet.exit_code == 0, quiet.stderr
    assert "plaec" in quiet.stderr and "ok:" not in quiet.output
    assert "ok: no errors, " in relaxed.output


def test_photo_placed_twice_fails_under_strict(mini, run):
    chapter = mini / "content/chapters/01-cang.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("slots: {photo: p002, caption: p002}", "slots: {photo: p001, caption: p001}"),
                       encoding="utf-8")
    strict = run(mini, "check", "--lang", "vi", "--strict")
    assert strict.exit_code == 1
    assert any("photo 'p001' is placed a second time" in line for line in error_lines(strict.stderr))


def test_declared_photo_folder_is_accepted(mini, run):
    from PIL import Image

    archive = mini.parent / "archive"
    archive.mkdir()
    Image.new("RGB", (1500, 1000), (90, 90, 90)).save(archive / "x.jpg")
    chapter = mini / "content/chapters/01-cang.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("file: p002.jpg", "file: ../../../archive/x.jpg"), encoding="utf-8")
    book = mini / "content/book.yaml"
    book.write_text(book.read_text(encoding="utf-8") + "photo_dirs: [../archive]\n", encoding="utf-8")
    result = run(mini, "check", "--lang", "vi")
    assert result.exit_code == 0, result.stderr


def test_missing_section_names_the_file_not_an_unrelated_line(mini, run):
    result = run(mini, "check", "--lang", "vi")  # the mini book has no isbn: section
    assert "warning: content/book.yaml: isbn.vi: no ISBN for the vi edition; add one before printing" in result.stderr.splitlines()
