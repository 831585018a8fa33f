"""Line breaking per script, as a reader of each language would check it."""

from __future__ import annotations

from pathlib import Path

import pytest

from book.errors import Problems
from book.model import MM, Style
from book.sources.fonts_file import load_fonts
from book.text.fonts import EditionFonts
from book.text.linebreak import NO_END, NO_START, split_atoms
from book.text.typeset import Part, break_paragraph, set_block

REPO = Path(__file__).resolve().parent.parent
CAPTION = Style("caption", "sans", 9, 13, align="justify", min_size=8)


@pytest.fixture(scope="module")
def fonts_for(tmp_path_factory):
    out = Problems()
    config = load_fonts(REPO, out, ["vi", "en", "zh", "ko", "ja"], {})
    assert not out.errors, out.errors
    cache = tmp_path_factory.mktemp("fonts")

    def make(lang: str, text: str) -> EditionFonts:
        fonts = EditionFonts(config, lang, cache)
        fonts.prepare({"sans": {text}})
        return fonts

    return make


def lines_of(fonts, text, lang, width_mm, style=CAPTION, keep=()) -> list[str]:
    return ["".join(p.text for p in line.pieces).strip()
            for line in break_paragraph(fonts, text, style, lang, style.size, width_mm * MM, keep=keep)]


JA = "ハイフォン港は、紅河デルタの玄関口として発展してきた。「海の道」の起点であり、港湾都市の歴史は千年を超える。"
ZH = "海防港是红河三角洲的门户，见证了这座城市的发展！今天，“海上之路”的起点依然繁忙：集装箱船昼夜进出。"


@pytest.mark.parametrize("lang,text", [("ja", JA), ("zh", ZH)])
def test_no_line_starts_with_closing_punctuation_at_any_width(fonts_for, lang, text):
    fonts = fonts_for(lang, text)
    for width in range(20, 90, 3):
        lines = lines_of(fonts, text, lang, width)
        assert "".join(lines) == text  # nothing lost, nothing added
        for line in lines:
            assert line[0] not in NO_START, (width, lines)
            assert line[-1] not in NO_END, (width, lines)


def test_break_moves_before_forbidden_start(fonts_for):
    # At this width the natural break falls right before "、"; kinsoku moves it.
    text = "海防港海防港海防港、海防港"
    fonts = fonts_for("ja", text)
    width_pt = 9 * 9  # nine ideographs at 9 pt
    lines = [
        "".join(p.text for p in line.pieces)
        for line in break_paragraph(fonts, text, Style("c", "sans", 9, 13), "ja", 9, width_pt + 0.5)
    ]
    # "、" never starts a line; BudouX's phrases ("海防港") price the break inside one, so it moves to the
    # phrase's start rather than leave "港、" on the next line.
    assert lines == ["海防港海防港", "海防港、海防港"]
    assert not any(line.startswith("、") for line in lines)


def test_latin_word_and_number_stay_whole_in_cjk():
    atoms = [a.text for a in split_atoms("越南VinFast工厂建于2017年。", "zh")]
    assert "VinFast" in atoms and "2017年。" in atoms  # the year stays with its 年


def test_korean_breaks_only_at_spaces(fonts_for):
    text = "하이퐁은 베트남 북부 최대의 항구 도시로, 홍강 삼각주의 관문 역할을 해 왔다."
    fonts = fonts_for("ko", text)
    words = set(text.split())
    for width in range(25, 80, 5):
        for line in lines_of(fonts, text, "ko", width, Style("c", "sans", 9, 13)):
            assert set(line.split()) <= words, line


def test_latin_run_in_japanese_caption_uses_latin_face(fonts_for):
    text = "VinFastの工場"
    fonts = fonts_for("ja", text)
    runs = fonts.runs(text, "sans")
    assert [(r.text, r.font.split("-")[0]) for r in runs] == [("VinFast", "sans"), ("の工場", "sans")]
    assert runs[0].font == "sans" and runs[1].font.startswith("sans-cjk-jp")


def test_overflow_is_reported_not_cut(fonts_for):
    text = "Cảng Hải Phòng " * 80
    fonts = fonts_for("vi", text)
    block = set_block(fonts, [Part(text, CAPTION)], "vi", 60, 20)
    assert not block.fits
    assert block.needed > block.available
    fitting = set_block(fonts, [Part("Cảng Hải Phòng", CAPTION)], "vi", 60, 20)
    assert fitting.fits and fitting.lines[0].size == 9


def test_check_lists_an_overflowing_caption(mini, run):
    po = mini / "translations" / "ja.po"
    long = "。".join(["ハイフォン港は紅河デルタの玄関口として発展してきた"] * 40)
    po.write_text(po.read_text(encoding="utf-8").replace("VinFastの車もここを通る。", long), encoding="utf-8")
    result = run(mini, "check")
    assert result.exit_code == 1
    assert ("error: translations/ja.po:51: ja: caption of photo p002 overflows frame 'caption' on page 2: "
            "needs 36 lines, room for 8; shorten it") in result.stderr.splitlines()
    proof = run(mini, "build", "--lang", "ja", "--profile", "proof")
    assert proof.exit_code == 0
    assert "overflows frame 'caption'" in proof.stderr  # built, and still reported


def test_character_no_font_has_is_an_error_before_print(mini, run):
    po = mini / "translations" / "en.po"
    po.write_text(po.read_text(encoding="utf-8").replace("when it opened in 2017.", "when it opened in 2017 \U00013000."), encoding="utf-8")
    result = run(mini, "build", "--lang", "en")
    assert result.exit_code == 1
    assert ("translations/en.po:51: en: no font has '\U00013000' U+13000 (photo:p002:caption); "
            "add a face that covers it in fonts/fonts.yaml or change the text") in result.stderr
    assert not (mini / "output" / "print" / "en").exists()


def test_two_subsets_of_one_face_in_one_process_keep_their_glyphs(fonts_for):
    """Two editions in one build subset the same CJK face to different texts;
    each must draw with its own subset."""
    from reportlab.pdfbase import pdfmetrics

    first = fonts_for("zh", "海防港")
    second = fonts_for("zh", "吉婆岛的风景")
    name_a, name_b = first.runs("海防港", "sans")[0].font, second.runs("吉婆岛的风景", "sans")[0].font
    assert name_a != name_b
    font = pdfmetrics.getFont(name_b)
    assert all(ord(ch) in font.face.charToGlyph for ch in "吉婆岛的风景")


def test_running_head_too_long_is_reported(mini, run):
    po = mini / "translations" / "en.po"
    long_title = "The seaport " + "and its many long-standing wharves " * 6
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "The seaport"', f'msgstr "{long_title.strip()}"'), encoding="utf-8")
    result = run(mini, "check", "--lang", "en")
    assert result.exit_code == 1
    assert "error: en: chapter 'cang': its title is too long for the running head (120 mm); shorten it" in result.stderr.splitlines()


def test_english_hyphenates_only_where_the_style_asks(fonts_for):
    text = "The regroupment period under the Geneva Accords ended in liberation."
    fonts = fonts_for("en", text)
    plain = Style("c", "sans", 9, 13)
    hyphen = Style("c", "sans", 9, 13, hyphenate=True)
    width = 16  # narrower than "regroupment" and "liberation.": a hyphen only where a whole word does not fit
    assert not any(line.endswith("-") for line in lines_of(fonts, text, "en", width, plain))
    hyphenated = lines_of(fonts, text, "en", width, hyphen)
    assert any(line.endswith("-") for line in hyphenated), hyphenated
    assert "".join(line[:-1] if line.endswith("-") else line + " " for line in hyphenated).strip() == text
    assert lines_of(fonts, text, "vi", width, hyphen) == lines_of(fonts, text, "vi", width, plain)  # no Vietnamese dictionary


def test_a_club_an_italic_term_and_a_two_word_place_never_part(fonts_for):
    """"Hải Phòng / FC", "Hát / đúm" and "Thủy / Nguyên" at no width: a name
    and its acronym, an italic term and a place of two words are units."""
    text = ("Fans pack the stands at Lạch Tray Stadium for a Hải Phòng FC match. Folk artists from a "
            "*hát đúm* club in Thủy Nguyên sing to each other across the water at the Bạch Đằng River.")
    fonts = fonts_for("en", text.replace("*", ""))
    fonts.prepare({"sans-italic": {"hát đúm"}})
    seen = set()
    for width in range(28, 95, 1):
        lines = lines_of(fonts, text, "en", width)
        assert " ".join(lines) == text.replace("*", "")
        for line, nxt in zip(lines, lines[1:], strict=False):
            pair = (line.split()[-1], nxt.split()[0])
            seen.add(pair)
            assert pair not in {("Phòng", "FC"), ("hát", "đúm"), ("Thủy", "Nguyên"), ("Bạch", "Đằng")}, (width, lines)
    assert len(seen) > 20, "the sweep broke the text in many places"


NAMES_EN = ("The passenger terminal of Cát Bi International Airport is close to the city. Warehouses in the "
            "Đình Vũ–Cát Hải Economic Zone and the Tràng Duệ Industrial Park serve the port. Readers travel from the "
            "historic Bạch Đằng River to Bạch Long Vĩ Island, a World Biosphere Reserve, with the scholar Trạng Trình "
            "Nguyễn Bỉnh Khiêm and the Information and Communications Publishing House.")
# Where each name may part: nowhere (an institution's name is one), before a person's name, or before
# a place's one-word head where a line would otherwise fall under 80 % ("Bạch Đằng / River").
JOINTS_EN = {"Cát Bi International Airport": (), "Đình Vũ–Cát Hải Economic Zone": (),
             "Tràng Duệ Industrial Park": (), "Bạch Đằng River": ("River",), "Bạch Long Vĩ Island": ("Island",),
             "World Biosphere Reserve": (), "Trạng Trình Nguyễn Bỉnh Khiêm": ("Nguyễn",), "Nguyễn Bỉnh Khiêm": ()}
NAMES_VI = ("Lễ kỷ niệm Ngày giải phóng trên sông Bạch Đằng, gần Cảng hàng không quốc tế Cát Bi và đảo Cát Bà, "
            "do Nhà xuất bản Thông tin và Truyền thông giới thiệu.")
JOINTS_VI = {"Ngày giải phóng": (), "sông Bạch Đằng": ("Bạch Đằng",), "đảo Cát Bà": ("Cát Bà",), "Cát Bi": (),
             "Nhà xuất bản Thông tin và Truyền thông": ()}

RAGGED = Style("caption", "sans", 9, 12.6, align="left", min_size=8)  # the book's Latin captions
BODIES = ("Nhà xuất bản Thông tin và Truyền thông", "Information and Communications Publishing House")


def parted(lines: list[str], names: dict[str, tuple[str, ...]]) -> list[str]:
    """Each name split across two lines other than before one of its joints."""
    found = []
    for line, nxt in zip(lines, lines[1:], strict=False):
        joined = f"{line} {nxt}"
        for name, joints in names.items():
            at = joined.find(name)
            if 0 <= at < len(line) < at + len(name) and not any(nxt.startswith(j) for j in joints):
                found.append(f"{name}: {line} / {nxt}")
    return found


@pytest.mark.parametrize("lang, text, names", [("en", NAMES_EN, JOINTS_EN), ("vi", NAMES_VI, JOINTS_VI)])
def test_names_part_only_at_their_joints_at_any_width(fonts_for, lang, text, names):
    """A place of two or three words and its head, a personal name and a
    body's name never part, nor an institution's name before its generic
    part ("Cát Bi / International Airport"); a title parts only before the
    person's name ("Trạng Trình / Nguyễn Bỉnh Khiêm")."""
    fonts = fonts_for(lang, text)
    found, joints = [], 0
    for width in range(64, 124, 2):  # from where the longest name fits to a wide caption
        lines = lines_of(fonts, text, lang, width, RAGGED, keep=BODIES)  # the book's bodies: `book.text.frames.unbroken_names`
        assert " ".join(lines) == text
        found += [f"{width} mm: {p}" for p in parted(lines, names)]
        joints += sum(1 for line in lines if line.startswith(("International", "Economic", "Industrial")))
    assert not found, "\n".join(found)
    assert joints == 0, "an institution's name never parts from its generic part"


def test_a_comma_after_an_italic_term_is_set_roman(fonts_for):
    text = "Artisans perform *rối cạn*, a rare form of puppetry, and *hát đúm*."
    fonts = fonts_for("en", text.replace("*", ""))
    fonts.prepare({"sans-italic": {"rối cạn hát đúm"}})
    lines = break_paragraph(fonts, text, CAPTION, "en", CAPTION.size, 120 * MM)
    pieces = [(p.text, p.font.endswith("-italic")) for line in lines for p in line.pieces]
    italic = "".join(t for t, slanted in pieces if slanted)
    assert italic.replace(" ", "") == "rốicạnhátđúm", pieces
    assert "".join(t for t, _ in pieces).strip() == text.replace("*", "")
