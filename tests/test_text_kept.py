"""No text is dropped or overset silently (issue #29, item 1): a caption
whose words cannot fit its measure is set overfull and reported, a word wider
than its frame is an overflow, style sizes stay within sane limits, and soft
hyphens are break opportunities that are never drawn otherwise."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

EN_CAPTION = "The Tan Vu – Lach Huyen bridge, Vietnam's longest sea bridge when it opened in 2017."
# The photo page's caption (photo-caption and the variants that share its seven columns).
PHOTO_CAPTION = "caption: {kind: caption, col: 7, cols: 6, row: 11, rows: 2, style: caption}"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_caption_in_a_frame_too_narrow_for_its_words_is_an_overflow(mini, run):
    # An 8 mm caption frame: with hyphenation on (en) the composer found no way
    # through and returned no lines, so the caption vanished with exit 0.
    edit(mini / "layouts/layouts.yaml", PHOTO_CAPTION, "caption: {kind: caption, mm: {x: 20, y: 250, w: 8, h: 30}, style: caption}")
    # without its variants: with them the pagination takes one whose caption frame holds it (tests/test_caption_room.py)
    layouts = mini / "layouts/layouts.yaml"
    text, found = re.subn(r"(\nphoto-caption:[^\n]*\n)  variants: [^\n]*\n", r"\1", layouts.read_text(encoding="utf-8"), count=1)
    assert found == 1
    layouts.write_text(text, encoding="utf-8")
    for command in ("check", "build"):
        result = run(mini, command, "--lang", "en")
        assert result.exit_code == 1, result.stderr
        lines = [line for line in result.stderr.splitlines() if "caption of photo p002" in line]
        assert len(lines) == 1, result.stderr
        assert lines[0].removeprefix("error: ").startswith("translations/en.po:51: en: caption of photo p002: '"), result.stderr
        assert "is wider than frame 'caption' (8 mm) on page" in lines[0]
        assert "Traceback" not in result.stderr
    assert not (mini / "output").exists()


def test_word_wider_than_its_frame_is_named(mini, run):
    url = "https://haiphong.gov.vn/tin-tuc/cau-tan-vu-lach-huyen-cay-cau-vuot-bien-dai-nhat-viet-nam-khanh-thanh"
    edit(mini / "translations/en.po", EN_CAPTION, f"The bridge: {url}")
    result = run(mini, "check", "--lang", "en")
    assert result.exit_code == 1, result.stderr
    (line,) = [line for line in errors(result.stderr) if "p002" in line]
    assert line.startswith("error: translations/en.po:51: en: caption of photo p002: "
                           "'https://haiphong.gov.vn/tin-tuc/cau-tan…' is wider than frame 'caption' (100 mm) on page 2")
    assert "shorten it, or mark where it may break (a space or a soft hyphen)" in line


def test_soft_hyphens_break_and_are_never_drawn(mini, run):
    soft = "Vietnam's long\u00adest sea bridge when it opened in 2017, photo\u00adgraphed at dawn."
    edit(mini / "translations/en.po", EN_CAPTION, soft)
    result = run(mini, "build", "--lang", "en", "--profile", "proof")
    assert result.exit_code == 0, result.stderr
    text = pdf_text(mini / "output/proof/en/mini-en-proof.pdf")
    assert "longest sea bridge" in text and "photographed" in text
    assert "\u00ad" not in text and "long-est" not in text


def test_soft_hyphen_where_a_line_breaks_is_a_hyphen():
    from book.text.compose import Composer, Item, Spacing
    from book.text.linebreak import Atom
    from book.text.overset import soft_hyphens

    atom, splits = soft_hyphens(Atom("extra\u00adordinary"))
    assert atom.text == "extraordinary" and splits == [("extra", "ordinary")]
    atom.space_after = " "
    # No hyphen on a paragraph's first line (`book.text.compose`): the word comes second.
    items = [Item(Atom("we", " "), 10, 3, []), Item(Atom("saw", " "), 20, 3, []), Item(Atom("an", " "), 10, 3, []),
             Item(atom, 60, 3, [(Atom("extra-"), Atom("ordinary", " "), 28, 36)]),
             Item(Atom("quay", " "), 5, 3, []), Item(Atom("at", " "), 10, 3, []), Item(Atom("dawn"), 20, 0, [])]
    lines = Composer(items, 45, 0.0, Spacing(1, 0, False), False, False).compose()
    assert (lines[1].end.index, lines[1].end.split) == (3, 0)  # "we saw" / "an extra-" / "ordinary quay" / ...
    assert (lines[2].start.index, lines[2].start.split) == (3, 0)


def test_composer_with_no_feasible_break_sets_every_item():
    from book.text.compose import Composer, Item, Spacing
    from book.text.linebreak import Atom

    # Hyphen options that leave each piece wider than the line: nothing is feasible.
    items = [Item(Atom(word, " " if k < 2 else ""), 80, 3, [(Atom(word[:4] + "-"), Atom(word[4:], " "), 40, 40)])
             for k, word in enumerate(("harbourmaster", "lighthouses", "breakwaters"))]
    lines = Composer(items, 20, 0.0, Spacing(1, 0, False), False, False).compose()
    assert [(line.start.index, line.end.index) for line in lines] == [(-1, 0), (0, 1), (1, 2)]
    assert lines[-1].last


def test_style_sizes_have_sane_limits(mini, run):
    styles = mini / "layouts/styles.yaml"
    for size, says in (("1000", "size 1000 pt is larger than 300 pt"), ("0.01", "size 0.01 pt is smaller than 4 pt")):
        original = styles.read_text(encoding="utf-8")
        edit(styles, "Korean syllables.\n    font: sans\n    size: 9\n", f"Korean syllables.\n    font: sans\n    size: {size}\n")
        result = run(mini, "check", "--lang", "en")
        assert result.exit_code == 1, result.stderr
        (line,) = errors(result.stderr)[:1]
        assert line.startswith("error: layouts/styles.yaml:24: styles.caption: size "), line
        assert says in line
        assert "Traceback" not in result.stderr
        styles.write_text(original, encoding="utf-8")
