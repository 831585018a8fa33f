"""A photo's focal point: kept in view by the crop, checked before print."""

from __future__ import annotations

from book.images.process import crop_box


def chapter_file(mini):
    return next((mini / "content" / "chapters").glob("*.yaml"))


def test_focus_outside_the_photo_is_one_line_and_exit_1(mini, run):
    path = chapter_file(mini)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('    credit: "Trần Văn Hải"\n', '    credit: "Trần Văn Hải"\n    focus: [1.5, 0.5]\n', 1), encoding="utf-8")
    result = run(mini, "check")
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if "focus" in line]
    assert len(lines) == 1 and lines[0].startswith(f"error: content/chapters/{path.name}:"), result.stderr
    assert "focus [1.5, 0.5] is not inside the photo" in lines[0]
    assert "Traceback" not in result.stderr


def test_crop_follows_the_focus_and_stays_inside_the_image():
    assert crop_box((3000, 2000), (100, 100), "cover", (0.9, 0.5)) == (1000, 0, 3000, 2000)
    assert crop_box((2000, 3000), (100, 100), "cover", (0.5, 0.1)) == (0, 0, 2000, 2000)
    assert crop_box((3000, 2000), (100, 100), "cover", (0.6, 0.5)) == (800, 0, 2800, 2000)
