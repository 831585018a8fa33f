"""CJK punctuation (consecutive marks compressed, two-em dashes as one rule,
connectors kept inside a line) and display lines broken by sense, on the
sample book's own texts and in the PDF a reader gets; and a manual break
that leaves a title wider than its frame."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pikepdf
import pytest
import yaml
from conftest import LANGS, REPO
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from book.errors import Problems
from book.gather import gather
from book.languages import TABLE
from book.model import MM, Style
from book.outputs import OUTPUTS
from book.pdf.render import Renderer
from book.sources.fonts_file import load_fonts
from book.text.fonts import EditionFonts
from book.text.linebreak import DASHES, split_atoms
from book.text.sense import DETERMINERS
from book.text.setting import Placement
from book.text.shaping import hb_font, layout
from book.text.title_breaks import phrase_cuts
from book.text.typeset import Line, break_paragraph

# The sample book's own words a title never splits (content/book.yaml keep_together).
KEEP_TOGETHER = {lang: tuple(words) for lang, words in
                 yaml.safe_load((REPO / "content" / "book.yaml").read_text(encoding="utf-8"))["keep_together"].items()}
CJK_SERIF = {"zh": "serif-cjk-sc", "ja": "serif-cjk-jp"}



def text_of(line: Line) -> str:
    return "".join(piece.text for piece in line.pieces).strip()


@pytest.fixture(scope="module")
def fonts_for(tmp_path_factory):
    """The edition's faces subset to ``text`` (fast: no book is set)."""
    out = Problems()
    config = load_fonts(REPO, out, list(LANGS), {})
    assert not out.errors, out.errors
    cache = tmp_path_factory.mktemp("fonts")

    def make(lang: str, text: str, role: str = "serif") -> EditionFonts:
        fonts = EditionFonts(config, lang, cache)
        fonts.prepare({role: {text}})
        return fonts

    return make


def face(fonts: EditionFonts, lang: str) -> str:
    return fonts.registered[CJK_SERIF[lang]]


# --- consecutive punctuation ------------------------------------------------------------

@pytest.mark.parametrize("lang, pair, ems", [
    ("zh", "》，", 1.5),  # the first mark loses its empty right half
    ("zh", "。”", 1.5),
    ("ja", "。」", 1.5),
    ("ja", "」「", 1.5),  # half an em of space stays between them (the opening bracket's own)
    ("ja", "、「", 1.5),
    ("ja", "（「", 1.5),  # two opening brackets: the second loses its empty left half
    ("zh", "：」", 1.5),  # a Chinese colon sits at the left of its em ...
    ("ja", "：」", 2.0),  # ... a Japanese one in the middle: nothing to take off
    ("ja", "？」", 2.0),
])
def test_consecutive_marks_lose_the_empty_half_the_face_shows(fonts_for, lang, pair, ems):
    fonts = fonts_for(lang, pair)
    assert layout(fonts, pair, face(fonts, lang), compress=True).width == pytest.approx(ems)
    assert layout(fonts, pair, face(fonts, lang)).width == pytest.approx(2.0)  # not in vi, en, ko


def test_which_half_is_empty_is_read_from_the_glyph(fonts_for):
    """The decision follows the outlines: "：" has ink in its left half in the
    Simplified Chinese face and across the middle in the Japanese one."""
    for lang, left_only in (("zh", True), ("ja", False)):
        fonts = fonts_for(lang, "：")
        path, index = fonts.files[face(fonts, lang)]
        font = hb_font(path, index)
        glyph = font.get_nominal_glyph(ord("："))
        extents = font.get_glyph_extents(glyph)
        advance = font.get_glyph_h_advance(glyph)
        assert (extents.x_bearing + extents.width <= 0.52 * advance) is left_only


def test_line_widths_the_breaker_uses_are_the_widths_drawn(fonts_for):
    """A justified line fills the character grid's measure (the whole ems inside
    the frame) exactly; a line of marks that could only be spread further stays
    short of it rather than open its gaps past a tenth of an em, and then by
    less than a character: the slack is shared, never one hole."""
    text = "他说：“这就是《海防》，”然后（「笑」）离开了。「海」「港」、「城」。" * 3
    fonts = fonts_for("zh", text)
    style = Style("body", "serif", 10, 17.5, align="justify")
    for width_mm in range(30, 80, 7):
        lines = break_paragraph(fonts, text, style, "zh", 10, width_mm * MM)
        grid = int(width_mm * MM / 10) * 10
        for line in lines:
            assert line.width <= grid + 0.02
        assert "".join(text_of(line) for line in lines) == text
    prose = "海防是越南北部最大的港口城市，也是通往世界的门户。七十年来，这座城市在战火中重建，在改革中发展。" * 2
    fonts = fonts_for("zh", prose)
    for width_mm in range(30, 80, 7):
        lines = break_paragraph(fonts, prose, style, "zh", 10, width_mm * MM)
        grid = int(width_mm * MM / 10) * 10
        full = [line for line in lines[:-1] if line.width == pytest.approx(grid, abs=0.02)]
        assert len(full) >= len(lines) // 2, [text_of(line) for line in lines]
        assert all(line.width > grid - 10 for line in lines[:-1]), [(text_of(line), line.width) for line in lines]
        assert "".join(text_of(line) for line in lines) == prose


@pytest.mark.parametrize("ems, text", [
    (10.6, "海海海海海海海海海、海海海海。"),  # the line opens to fill the grid's ten ems
    (10.2, "海海海海海海海「海」、海海海海。"),  # 」、 both half-width: the pair closes, then the line end
])
def test_line_end_stop_is_half_width_and_flush(fonts_for, ems, text):
    """One rule for a line-end 、。」 (JIS X 4051 行末二分): set half-width,
    its box ending on the grid's measure, so its ink is flush with the lines
    around it; never hung past the measure, never kept whole inside it."""
    fonts = fonts_for("ja", text)
    style = Style("body", "serif", 10, 17.5, align="justify")
    first = break_paragraph(fonts, text, style, "ja", 10, ems * 10)[0]
    assert text_of(first) == text[:text.index("、") + 1]
    mark = first.pieces[-1]
    assert mark.text == "、" and mark.char_space == pytest.approx(-5.0, abs=0.01)  # drawn half-width
    assert mark.x + 5.0 == pytest.approx(100.0, abs=0.01) and first.width == pytest.approx(100.0, abs=0.01)


def test_line_start_opening_bracket_is_set_flush(fonts_for):
    text = "海海海海海海海海海「海海」海海"
    fonts = fonts_for("ja", text)
    style = Style("body", "serif", 10, 17.5, align="justify")
    lines = break_paragraph(fonts, text, style, "ja", 10, 9 * 10)
    assert text_of(lines[1]).startswith("「")
    assert lines[1].pieces[0].x == pytest.approx(-5.0, abs=0.5)  # its empty left half outside the measure


def drawn(edition, placement: Placement, tmp_path: Path, name: str) -> Path:
    """``placement`` drawn alone into a PDF as the renderer draws it."""
    pdf = tmp_path / name
    canvas = Canvas(str(pdf), pagesize=(600, 800), invariant=1, pageCompression=0, initialFontName=edition.fonts.base_font())
    host = SimpleNamespace(bleed=0, trim_h=800 / MM, k_text=lambda c: Renderer.k_text(None, c))
    Renderer.draw_lines(host, canvas, Placement(10, 10, placement.lines))
    canvas.save()
    return pdf


def placement_with(edition, needle: str) -> Placement:
    for setting in edition.text.frames.values():
        for placement in setting.placements:
            if any(needle in text_of(line) for line in placement.lines):
                return placement
    raise AssertionError(f"{edition.lang}: no text holds {needle!r}")


def glyph_positions(pdf: Path) -> list[tuple[float, bytes, float]]:
    """(x, glyph codes, character spacing) of every text object, in stream order."""
    found = []
    with pikepdf.open(pdf) as doc:
        for operands, operator in pikepdf.parse_content_stream(doc.pages[0]):
            name = str(operator)
            if name == "BT":
                tc = 0.0
            elif name == "Tm":
                x = float(operands[4])
            elif name == "Tc":
                tc = float(operands[0])
            elif name == "Tj":
                found.append((x, bytes(operands[0]), tc))
    return found


def test_sample_zh_foreword_compresses_its_title_marks_in_the_pdf(sample_editions, tmp_path):
    """《海防——70年战斗、建设与发展》，: in the PDF the comma starts half an em
    after the closing bracket, and pdftotext reads both in order."""
    edition = sample_editions["zh"]
    placement = placement_with(edition, "》，")
    pdf = drawn(edition, placement, tmp_path, "zh.pdf")
    size = placement.lines[0].size
    positions = glyph_positions(pdf)
    # The bracket drawn with its lost half as negative character spacing (and a line's spread, at most 0.1 em).
    # A line-end 、，。 is set half-width the same way (JIS 行末二分), the next glyph on the next line:
    # the bracket is the first squeezed glyph that goes on along its line.
    squeezed = [i for i, (x, codes, tc) in enumerate(positions) if -0.5 * size - 0.03 * size <= tc <= -0.4 * size
                and (len(codes) > 1 or (i + 1 < len(positions) and positions[i + 1][0] > x))]
    assert squeezed, positions[:5]
    x_bracket, codes, tc = positions[squeezed[0]]
    x_comma = x_bracket + size + tc if len(codes) > 1 else positions[squeezed[0] + 1][0]
    assert 0.47 * size <= x_comma - x_bracket <= 0.6 * size
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "发展》，谨" in raw.replace("\n", "") and "》\n，" not in raw
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert any("》，" in word for word in re.findall(r">([^<]+)</word>", bbox))
    assert b"/ActualText" in pdf.read_bytes()
    assert drawn(edition, placement, tmp_path, "again.pdf").read_bytes() == pdf.read_bytes()


@pytest.mark.parametrize("lang, needle", [("zh", "——"), ("ja", "\u2015\u2015")])
def test_two_em_dash_is_one_rule_without_a_gap(sample_editions, tmp_path, lang, needle):
    edition = sample_editions[lang]
    placement = placement_with(edition, needle)
    pdf = drawn(edition, placement, tmp_path, f"{lang}.pdf")
    line = next(line for line in placement.lines if needle in text_of(line))
    pieces = line.pieces
    first = next(i for i, piece in enumerate(pieces) if piece.text == needle[0] and piece.char_space < 0)
    left, right = pieces[first], pieces[first + 1]
    assert right.text.startswith(needle[1])
    path, index = edition.fonts.files[left.font]
    font = hb_font(path, index)
    upem = font.face.upem
    glyph = font.get_nominal_glyph(ord(needle[0]))
    extents = font.get_glyph_extents(glyph)
    ink_end = left.x + (extents.x_bearing + extents.width) / upem * line.size
    ink_start = right.x + extents.x_bearing / upem * line.size
    assert ink_end >= ink_start  # the two strokes meet (they overlap a hair)
    assert ink_end - ink_start < 0.05 * line.size
    raw = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert needle in raw
    # As a reader sees it: the line alone at 600 dpi, ink in every column from one end of the rule to the other.
    alone = drawn(edition, Placement(0, 0, [line]), tmp_path, f"{lang}-line.pdf")
    subprocess.run(["pdftoppm", "-r", "600", "-gray", "-singlefile", str(alone), str(tmp_path / lang)], check=True)  # PGM: no PNG to compress
    image = Image.open(tmp_path / f"{lang}.pgm").convert("L")
    scale = 600 / 72
    baseline = (10 * MM + line.size) * scale
    band = image.crop((0, int(baseline - 0.8 * line.size * scale), image.width, int(baseline + 0.1 * line.size * scale)))
    first_x = (10 * MM + left.x + extents.x_bearing / upem * line.size) * scale
    last_x = (10 * MM + right.x + (extents.x_bearing + extents.width) / upem * line.size) * scale
    columns = [min(band.getpixel((x, y)) for y in range(band.height)) for x in range(int(first_x) + 2, int(last_x) - 2)]
    assert len(columns) > 0.9 * 1.7 * line.size * scale
    assert max(columns) < 128, "a light gap inside the two-em dash"


def test_single_character_two_em_dash_is_a_dash(fonts_for):
    assert [a.text for a in split_atoms("海防⸺吉婆群岛", "zh")][:2] == ["海", "防⸺吉"]
    assert "⸺" in DASHES


# --- connectors ----------------------------------------------------------------------

@pytest.mark.parametrize("lang, text", [
    ("zh", "一路向南，穿过红树林和渔村……——吉婆群岛就在眼前，亭武—吉海经济区在北。" * 2),
    ("ja", "ハイフォンから南へ――カットバ諸島、ディンブー～カットハイ経済区を経て港へ向かう。" * 2),
    ("vi", "Tuyến phà Hải Phòng — Cát Bà nối đất liền với đảo, cao tốc Hà Nội – Hải Phòng dài 105 km."),
    ("en", "The ferry Hai Phong — Cat Ba links the mainland, and the Hanoi – Hai Phong expressway runs 105 km."),
])
def test_a_connector_never_starts_or_ends_a_line(fonts_for, lang, text):
    fonts = fonts_for(lang, text, "sans")
    style = Style("caption", "sans", 9, 13, align="justify" if TABLE[lang].breaking == "characters" else "left")
    for width_mm in range(25, 90, 3):
        lines = [text_of(line) for line in break_paragraph(fonts, text, style, lang, 9, width_mm * MM)]
        for line, nxt in zip(lines, lines[1:], strict=False):
            assert line and line[0] not in DASHES, (width_mm, lines)
            assert nxt[0] not in DASHES, (width_mm, lines)
            single = line[-1] in DASHES and line[-2:-1] not in DASHES and line[-2:-1] != " "
            spaced = line[-1] in DASHES and line[-2:-1] == " "
            assert not single and not spaced, (width_mm, lines)


@pytest.mark.parametrize("lang", LANGS)
def test_no_line_of_the_sample_book_starts_with_a_dash(sample_editions, lang):
    edition = sample_editions[lang]
    placements = [p for s in edition.text.frames.values() for p in s.placements]
    placements += [p for ps in edition.text.running.values() for p in ps]
    lines = [text_of(line) for p in placements for line in p.lines]
    assert len(lines) > 300
    assert not [line for line in lines if line[:1] in DASHES]


# --- display lines by sense ---------------------------------------------------------

TITLES = {
    "vi": [
        ["Hải Phòng", "70 năm chiến đấu,", "xây dựng và phát triển"],  # half-title, title page and cover alike: the dash a line end
        ["Sách ảnh kỷ niệm 70 năm Ngày giải phóng Hải Phòng", "(13/5/1955 – 13/5/2025)"],
        # on the opener's eight columns: before "và", as the other openers; never "những / năm tháng"
        ["Giải phóng", "và những năm tháng lịch sử"],
        ["Cảng biển,", "cửa ngõ giao thương phía Bắc"],  # after the comma, never "cửa ngõ / giao thương"
        ["Biển, đảo", "và những con người của biển"],
        ["Văn hóa, di sản", "và mùa Hoa Phượng Đỏ"],
        ["Thành phố hôm nay", "và con người Hải Phòng"],
        ["Tương lai:", "thành phố cảng xanh, hiện đại"],  # one title, no subtitle; "cảng xanh" kept whole
    ],
    "en": [
        ["A photo book marking the 70th anniversary of the liberation of Hải Phòng", "(May 13, 1955 – May 13, 2025)"],
        ["Hải Phòng", "70 Years of Struggle,", "Construction and Development"],  # the half-title and the title page alike: the dash's break carries it
        ["Liberation", "and the Historic Years"],  # within the intro's measure: before "and"
        ["The Seaport,", "Northern Vietnam’s", "Gateway to Trade"],  # after the comma, no runt "to Trade"
        ["The Sea, the Islands", "and the People of the Sea"],
        ["Culture, Heritage", "and the Season", "of Red Flamboyants"],  # before "of", within the measure
        ["Hải Phòng Today and Its People"],  # one line of the opener's eight columns
        ["The Future:", "A Green, Modern Port City"],  # one title in one style: the line breaks after the colon
    ],
    "ko": [["문화와 유산,", "그리고 붉은 봉황목 꽃의 계절"]],
    # A line that ends on the title's dash drops it; Japanese digits take the quarter em beside kana and Han
    # in the running text, and so do titles, drawn as a four-per-em space (U+2005): one width everywhere.
    "ja": [["ハイフォン", "闘い・建設・発展の\u200570\u2005年"], ["港湾", "ベトナム北部の交易の玄関口"], ["未来へ", "グリーンで近代的な港湾都市"]],
    "zh": [["海防", "70\u2005年战斗、建设与发展"], ["未来：绿色现代的港口城市"]],
}


def display_texts(edition) -> list[list[str]]:
    return [[text_of(line) for line in placement.lines]
            for setting in edition.text.frames.values() for placement in setting.placements
            if placement.lines and placement.lines[0].size >= 12]  # the subtitle (12 pt) and up


@pytest.mark.parametrize("lang", LANGS)
def test_sample_titles_break_where_a_reader_expects(sample_editions, lang):
    found = display_texts(sample_editions[lang])
    for title in TITLES[lang]:
        assert title in found, (title, [t for t in found if t[0][:6] == title[0][:6]])


def dash_dropped(lang: str, line: str) -> bool:
    """Whether a title of the catalog has a dash right after ``line``: a line end that dropped it."""
    import polib

    from book.text.linebreak import DASHES

    texts = [entry.msgstr for entry in polib.pofile(str(REPO / "translations" / f"{lang}.po")) if entry.msgstr]
    return any(line.replace("\u2005", "").replace("\u200a", "") + dash in text for text in texts for dash in DASHES)


@pytest.mark.parametrize("lang", LANGS)
def test_no_display_line_ends_on_a_function_word_or_splits_a_compound(sample_editions, lang):
    facts = TABLE[lang]
    for lines in display_texts(sample_editions[lang]):
        if len(lines) < 2:
            continue
        joined = " ".join(lines)
        for number, line in enumerate(lines[:-1]):
            last = line.split(" ")[-1].lower()
            # A conjunction may end the line before the last where that line opens on a determiner and
            # holds its noun phrase whole ("Giải phóng và / những năm tháng lịch sử", the phrase too long for
            # "Giải phóng / và những…"): "những / năm tháng" and "năm tháng / lịch sử" are worse.
            determiner = lines[number + 1].split(" ")[0].lower() in DETERMINERS.get(lang, ()) and number == len(lines) - 2
            assert last not in facts.function_words or determiner, lines
            if facts.phrase_model and not dash_dropped(lang, line):
                # a break only between BudouX phrases (or after a colon, or a dash the line end dropped)
                offset = len("".join(lines[:number + 1]))
                assert offset not in phrase_cuts("".join(lines), facts.phrase_model), lines
        for compound in KEEP_TOGETHER.get(lang, ()):
            if compound.lower() in joined.lower():
                assert any(compound.lower() in line.lower() for line in lines), (compound, lines)
        if facts.breaking == "words":
            assert len(lines[-1].split(" ")) > 1, f"one word alone on the last line: {lines}"


@pytest.mark.parametrize("lang, text, width_mm, expected", [
    ("en", "Construction and Development", 90, ["Construction", "and Development"]),
    ("en", "Culture, Heritage and the Red Flamboyant Season", 150, ["Culture, Heritage", "and the Red Flamboyant Season"]),
    ("vi", "Hải Phòng – 70 năm chiến đấu, xây dựng và phát triển", 150, ["Hải Phòng – 70 năm chiến đấu,", "xây dựng và phát triển"]),
    ("vi", "Lễ hội Hoa Phượng Đỏ", 60, ["Lễ hội", "Hoa Phượng Đỏ"]),
    ("ja", "ハイフォン――闘い・建設・発展の70年", 120, ["ハイフォン", "闘い・建設・発展の\u200570\u2005年"]),
    ("ja", "闘い・建設・発展の70年", 58, ["闘い・建設・", "発展の\u200570\u2005年"]),
    ("ko", "문화와 유산, 그리고 붉은 봉황목 꽃의 계절", 150, ["문화와 유산,", "그리고 붉은 봉황목 꽃의 계절"]),
    ("en", "Hai Phong –\nConstruction and Development", 200, ["Hai Phong", "Construction and Development"]),
    ("en", "The Seaport, Northern Vietnam’s Gateway to Trade", 150, ["The Seaport,", "Northern Vietnam’s", "Gateway to Trade"]),
])
def test_display_lines_by_sense(fonts_for, lang, text, width_mm, expected):
    fonts = fonts_for(lang, text, "serif-bold")
    style = Style("chapter-title", "serif-bold", 26, 32, min_size=18, display=True)
    lines = [text_of(line) for row in text.split("\n")
             for line in break_paragraph(fonts, row, style, lang, 26, width_mm * MM, compounds=KEEP_TOGETHER.get(lang, ()))]
    assert lines == expected


def test_a_title_keeps_the_words_the_book_lists_whole(fonts_for):
    """A title never splits the tool's Vietnamese words, nor the book's (keep_together in book.yaml)."""
    text = "Thành phố cảng hôm nay và tương lai"
    fonts = fonts_for("vi", text, "serif-bold")
    style = Style("chapter-title", "serif-bold", 26, 32, min_size=18, display=True)

    def lines(compounds: tuple[str, ...]) -> list[str]:
        return [text_of(line) for line in break_paragraph(fonts, text, style, "vi", 26, 110 * MM, compounds=compounds)]

    assert lines(()) == ["Thành phố cảng", "hôm nay và tương lai"]  # the tool's own two-syllable words (book/data)
    assert lines(KEEP_TOGETHER["vi"]) == ["Thành phố cảng", "hôm nay và tương lai"]


# --- a manual break too wide for its frame -------------------------------------------

CHAPTER = "content/chapters/01-cang.yaml"


def retitle(root: Path, title: str) -> None:
    path = root / CHAPTER
    text = path.read_text(encoding="utf-8")
    assert 'title: "Cảng biển"' in text
    path.write_text(text.replace('title: "Cảng biển"', f'title: "{title}"', 1), encoding="utf-8")


def test_display_type_never_shrinks_to_fit_a_manual_break(mini, run):
    """A title keeps its one size in every edition: a manual break that leaves a
    line wider than the frame is an error naming the line, never a smaller title."""
    retitle(mini, "Cảng biển Hải Phòng\\nmột dòng tiêu đề dài hơn khung của nó")
    result = run(mini, "check", "--lang", "vi")
    assert result.exit_code == 1, result.output
    assert not [line for line in result.stderr.splitlines() if "display line shrunk" in line], result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "'một dòng tiêu đề dài hơn khung của nó'" in errors[0] and "even at 24 pt" in errors[0], errors
    assert "Traceback" not in result.output + result.stderr


def test_manual_break_too_wide_even_at_the_smallest_size_is_an_error(mini, run):
    retitle(mini, "Cảng biển\\nmột dòng tiêu đề dài hơn rất nhiều so với khung của nó ở đây")
    said = f"{CHAPTER}:2: vi: chapter:cang:title: the manual line break leaves "
    checked = run(mini, "check", "--lang", "vi")
    assert checked.exit_code == 1, checked.output
    errors = [line for line in checked.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {said}"), errors
    assert "wider than frame 'title' on page 1, even at 24 pt" in errors[0]
    built = run(mini, "build", "--lang", "vi")
    assert built.exit_code == 1, built.output
    assert len([line for line in built.stderr.splitlines() if said in line]) == 1, built.stderr
    assert built.stderr.splitlines()[-1].startswith("error: ")
    assert "Traceback" not in checked.output + checked.stderr + built.output + built.stderr


def test_a_title_with_a_manual_break_is_one_line_in_running_heads(mini):
    retitle(mini, "Cảng biển\\nHải Phòng")
    edition = gather(mini, ["vi"], OUTPUTS["proof"]).editions[0]
    title = next(s for (page, name), s in edition.text.frames.items() if name == "title")
    assert [text_of(line) for line in title.placements[0].lines] == ["Cảng biển", "Hải Phòng"]
    heads = [text_of(line) for placements in edition.text.running.values() for p in placements for line in p.lines]
    assert "Cảng biển Hải Phòng" in heads
    assert edition.text.outline[0][0] == "Cảng biển Hải Phòng"


def test_a_cjk_title_keeps_to_its_measure_in_characters(fonts_for):
    """One key, ``measure_chars``, caps a line in characters for captions and
    titles alike: the zh, ja and ko chapter titles of layouts/styles.yaml run
    to their ``measure_chars`` ems of their size however wide the frame is.
    The styles are read as the build reads them, so a language's override
    inherits the size it does not give."""
    from book.sources.styles import load_styles
    from book.text.typeset import Part, set_block

    raw = yaml.safe_load((REPO / "layouts" / "styles.yaml").read_text(encoding="utf-8"))
    assert all("measure" not in raw["styles"]["chapter-title"]["languages"][lang] for lang in ("zh", "ja", "ko"))
    problems = Problems()
    styles = load_styles(REPO, problems)
    assert not problems.errors, problems.errors
    texts = {"zh": "海防港——越南北部通往世界的门户与海上贸易的起点", "ja": "港湾――ベトナム北部の玄関口と海上交易の起点となる港",
             "ko": "항구 ― 베트남 북부의 관문이자 바닷길 교역의 출발점이 된 항구도시"}
    for lang, text in texts.items():
        style = styles["chapter-title"][lang]
        assert style.measure_chars and style.display, (lang, style)
        fonts = fonts_for(lang, text, "serif-bold")
        block = set_block(fonts, [Part(text, style)], lang, 220, 120)
        assert len(block.lines) >= 2, (lang, [text_of(line) for line in block.lines])
        assert all(line.width <= style.measure_chars * line.size + 0.5 for line in block.lines), lang
