"""Bad sources: each mistake gives exit 1, one line naming file:line and the
fix, no traceback, and no PDF."""

from __future__ import annotations

from pathlib import Path

import pytest


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHAPTER = "content/chapters/01-cang.yaml"


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (CHAPTER, "file: p002.jpg", "file: p099.jpg",
         "content/chapters/01-cang.yaml:13: photos[1].file: photo content/photos/p099.jpg not found; add the file or correct the name"),
        (CHAPTER, "layout: photo-caption", "layout: photo-captoin",
         "content/chapters/01-cang.yaml:21: pages[1].layout: unknown layout 'photo-captoin'; did you mean 'photo-caption'?"),
        (CHAPTER, "slots: {photo: p002, caption: p002}", "slots: {photo: p002, caption: p002, photo-b: p001}",
         "content/chapters/01-cang.yaml:22: pages[1].slots: layout 'photo-caption' has no frame 'photo-b'; its frames are photo, caption"),
        (CHAPTER, "slots: {photo: p002, caption: p002}", "slots: {photo: p002}",
         "content/chapters/01-cang.yaml:22: pages[1].slots: frame 'caption' of layout 'photo-caption' is not filled; add 'caption: …'"),
        (CHAPTER, 'date: "2017-09"', 'date: "2017-13"',
         "content/chapters/01-cang.yaml:15: photos[1].date: month must be in 1..12"),
        (CHAPTER, "  intro: \"Hải", "  intro: [\"Hải",
         "content/chapters/01-cang.yaml:5: YAML syntax error: expected ',' or ']', but got '<scalar>'; fix the indentation or quoting"),
        ("content/book.yaml", "editions: [vi, en, ja]", "editions: [vi, en, jp]",
         "content/book.yaml:5: editions[2]: unknown language 'jp'; use vi, en, zh, ko, ja"),
        ("content/book.yaml", 'credit: "Ảnh: {credit}"', 'credit: "Ảnh: {tac_gia}"',
         "content/book.yaml:16: labels.credit: must contain the placeholder {credit}"),
    ],
)
def test_bad_source_is_one_clear_line(mini, run, file, old, new, expected):
    edit(mini / file, old, new)
    result = run(mini, "build")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert f"error: {expected}" in lines  # every error of a failed build says so, as check does
    assert lines[-1].startswith("error: ")
    assert "Traceback" not in result.output + result.stderr
    assert not (mini / "output" / "print").exists()


def test_all_problems_reported_together(mini, run):
    edit(mini / CHAPTER, "file: p002.jpg", "file: p099.jpg")
    edit(mini / CHAPTER, "layout: chapter-opener", "layout: chapter-openr")
    result = run(mini, "check")
    assert result.exit_code == 1
    assert "p099.jpg not found" in result.stderr
    assert "unknown layout 'chapter-openr'" in result.stderr


def test_unknown_key_warns_and_strict_fails(mini, run):
    edit(mini / CHAPTER, "id: cang\n", "id: cang\ncolour: red\n")
    result = run(mini, "check", "--lang", "vi")
    assert result.exit_code == 0
    assert "content/chapters/01-cang.yaml:2: colour: unknown key 'colour' is ignored" in result.stderr
    strict = run(mini, "check", "--lang", "vi", "--strict")
    assert strict.exit_code == 1


def test_missing_font_names_the_package(mini, run):
    edit(mini / "fonts/fonts.yaml", "NotoSans-Bold.ttf", "NotoSans-Heavy.ttf")
    result = run(mini, "check")
    assert result.exit_code == 1
    assert "faces.sans-bold: font file NotoSans-Heavy.ttf not found" in result.stderr
    assert "apt-get install fonts-noto-core" in result.stderr


def test_spread_on_right_hand_page_is_refused(mini, run):
    edit(mini / CHAPTER, "  - layout: photo-caption\n    slots: {photo: p002, caption: p002}",
         "  - layout: full-bleed\n    slots: {photo: p002, caption: p002}\n  - layout: spread\n    slots: {photo: p001, caption: p001}")
    result = run(mini, "build")
    assert result.exit_code == 1
    assert "a spread must start on a left-hand (even) page" in result.stderr


def test_no_project_is_a_clear_error(tmp_path, run):
    result = run(tmp_path, "build")
    assert result.exit_code == 1
    assert "no content/book.yaml" in result.stderr


def test_unknown_language_is_usage_error(mini, run):
    result = run(mini, "build", "--lang", "fr")
    assert result.exit_code == 2
