"""The prices of Chinese and Japanese word breaks (`book.text.cjk_breaks`,
`book.text.cjk_words`) as the paragraph composer spends them: synthetic
paragraphs set at every measure of a caption's range, read as a
proofreader reads the lines (a katakana word, a name, a syllable, a
Chinese binome, a number and its unit, a line's spacing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from book.errors import Problems
from book.model import Style
from book.sources.fonts_file import load_fonts
from book.text.cjk_breaks import KATAKANA_PENALTY, MORA_TAILS, break_prices, is_katakana
from book.text.cjk_grid import loosest_gap
from book.text.cjk_words import ZH_SEAM, ZH_WORD
from book.text.fonts import EditionFonts
from book.text.typeset import break_paragraph

REPO = Path(__file__).resolve().parent.parent
CAPTION = Style("caption", "sans", 8.5, 14.5, align="justify", min_size=7.75)
MEASURES = range(16, 34)  # ems: the captions' 21, 27 and 33 and every measure between
JA_TEXT = ("港の朝は早く、岸壁では大型のクレーンが静かに動き始める。海沿いの町ハイフォンの人々は、"
           "市場やレストランで朝食をとり、それぞれの職場へ向かう。コンテナトレーラーが行き交う道の先には、"
           "マングローブの林とフランス風の古い建物が並ぶ。")
JA_NAMES = ("ハイフォン",)
ZH_TEXT = ("清晨的港口早早醒来，码头上的大型起重机缓缓转动。沿海城市的居民在市场和餐厅吃过早饭，"
           "便赶往各自的工作岗位。这座城市的工业、物流和旅游业共同发展，吸引了来自世界各地的投资者，"
           "也造就了一代又一代技术娴熟的工人。两岸的新建筑拔地而起，传统街区依旧保留着古老的风貌。")
ZH_NAMES = ("海防",)
ZH_NUMBERS = "海防港始建于1874年，经过150年的发展，海防已成为越南北部最大的港口城市，每年吞吐货物超过1亿吨。"


def fonts_for(lang: str, folder: Path, text: str) -> EditionFonts:
    out = Problems()
    config = load_fonts(REPO, out, [lang], {})
    assert not out.errors, out.errors
    fonts = EditionFonts(config, lang, folder)
    fonts.prepare({"sans": {text}})
    return fonts


@pytest.fixture(scope="module")
def ja_fonts(tmp_path_factory) -> EditionFonts:
    return fonts_for("ja", tmp_path_factory.mktemp("ja-fonts"), JA_TEXT)


@pytest.fixture(scope="module")
def zh_fonts(tmp_path_factory) -> EditionFonts:
    return fonts_for("zh", tmp_path_factory.mktemp("zh-fonts"), ZH_TEXT + ZH_NUMBERS)


def set_lines(fonts, text: str, lang: str, ems: int, keep: tuple[str, ...]):
    lines = break_paragraph(fonts, text, CAPTION, lang, CAPTION.size, ems * CAPTION.size + 0.01, indent=False, keep=keep)
    return lines, ["".join(piece.text for piece in line.pieces).strip() for line in lines]


def joins(rows: list[str]) -> list[tuple[str, str]]:
    return [(upper, lower) for upper, lower in zip(rows, rows[1:], strict=False) if upper and lower]


def test_a_katakana_word_or_name_stays_whole_within_the_limit(ja_fonts):
    """ハイフォン (a name of the book) never parts at any measure from 20 to
    33 em, nor does any katakana word at the captions' 21, 27 and 33 em:
    the composer opens the lines before up to the 0.1 em limit (追い出し)
    rather than pay ``KATAKANA_PENALTY``; the compound コンテナトレーラー may
    part at its seam. Elsewhere a word parts in at most three of the
    fourteen measures (24 em "マング|ローブ", 25 and 26 em "レスト|ラン",
    where each other way is a line past the limit: on a grid of whole
    characters, two characters short of a 25-em line is 0.083 em, three
    0.125), and never before ン, ー or a small kana."""
    parted = []
    for ems in range(20, 34):
        lines, rows = set_lines(ja_fonts, JA_TEXT, "ja", ems, JA_NAMES)
        assert loosest_gap(lines) <= 0.1 + 1e-6, (ems, rows)
        for upper, lower in joins(rows):
            assert lower[0] not in MORA_TAILS, (ems, upper, lower)
            assert not (upper.endswith("ハイ") and lower.startswith("フォン")), (ems, rows)
            if is_katakana(upper[-1]) and is_katakana(lower[0]) and not upper.endswith("コンテナ"):
                parted.append((ems, upper[-4:] + "|" + lower[:5]))
    assert not [ems for ems, _ in parted if ems in (21, 27, 33)], parted
    assert len({ems for ems, _ in parted}) <= 3, parted


def test_a_katakana_break_costs_a_line_at_the_limit():
    """The prices behind it: inside a word as much as a line at 0.1 em, at the seam of a compound next to nothing."""
    prices = break_prices(JA_TEXT, "ja", "caption")
    inside = JA_TEXT.index("レストラン") + 3
    seam = JA_TEXT.index("トレーラー")
    assert prices[inside] >= KATAKANA_PENALTY
    assert prices[seam] < 1e4


@pytest.mark.parametrize("ems", [21, 27, 33])
def test_chinese_words_are_a_price_not_a_lock(zh_fonts, ems):
    """In a Chinese paragraph with no name or number, no line is spread to
    keep a word whole (the seventh zh proof: 24 % of the lines
    letter-spaced, to 0.1 em): a word parts instead. A line is at most one
    character short, 0.053 em in 21 em, where the paragraph's last line
    would otherwise keep two characters (`book.text.cjk_grid.SHORT_LAST`)."""
    lines, rows = set_lines(zh_fonts, ZH_TEXT, "zh", ems, ZH_NAMES)
    assert loosest_gap(lines) <= 1 / (ems - 2) + 1e-6, rows  # one em over the gaps of a line a character short
    assert "".join(rows) == ZH_TEXT.replace(" ", "")


def test_chinese_prices_sit_under_a_line_at_six_hundredths():
    """A two-character word ("造|就", "两|岸") costs more than a compound's
    seam and more than a line opened to 0.03 em (1e3), less than one at 0.05
    em (1.2e4): a soft price, so a line never opens visibly to keep a word
    (the eleventh zh proof, at 6e4: lines 1-2 em short, 182 holes)."""
    prices = break_prices(ZH_TEXT, "zh", "caption")
    assert prices[ZH_TEXT.index("造就") + 1] == ZH_WORD
    assert prices[ZH_TEXT.index("两岸") + 1] == ZH_WORD
    assert 1e3 < ZH_SEAM < ZH_WORD < 1.2e4
    assert max(prices.values()) < 7.6e5


def test_a_number_and_a_name_never_part_in_chinese(zh_fonts):
    """A number and its unit, and a name of the book, stay whole at every measure."""
    for ems in MEASURES:
        _, rows = set_lines(zh_fonts, ZH_NUMBERS, "zh", ems, ZH_NAMES)
        for upper, lower in joins(rows):
            assert not (upper.endswith("海") and lower.startswith("防")), (ems, rows)
            assert not (upper[-1].isdigit() and lower[0] in "年吨亿"), (ems, rows)


def test_a_short_last_line_that_parts_a_verb_costs_more():
    """「惹きつけ|ている。」: a last line of four characters or fewer that starts inside a phrase costs more than one of five."""
    text = "森を抜けるコースは、自然を愛する旅行者を惹きつけている。"
    prices = break_prices(text, "ja", "caption")
    assert prices[text.index("ている")] > prices[text.index("つけている")] > 0


CARD_TEXT = ("街に明かりがともっても、岸壁クレーンは稼働を続ける。ハイフォンのコンテナ港では昼夜を問わず荷役が"
             "行われ、ベトナム北部全域と多くの海外取引先の輸出入貨物を支えている。")


def test_a_name_is_pulled_back_whole_by_closing_a_stop(tmp_path):
    """The eighth ja proof's p22 card (30 em) parted "ハイ|フォン" (1.8e10)
    although closing the line's mid-line 。 and 、 pulled the name back whole
    (demerits 1e8): a parted name asks the stops pass too
    (`book.text.cjk.NAME_PARTED`), and the cheaper composition wins."""
    fonts = fonts_for("ja", tmp_path, CARD_TEXT)
    _, rows = set_lines(fonts, CARD_TEXT, "ja", 30, ("ハイフォン", "ベトナム"))
    assert rows[0].endswith("ハイフォン"), rows
    assert not any(upper.endswith("ハイ") for upper, _ in joins(rows)), rows


def test_a_name_parts_at_its_dot_before_inside_a_run():
    """Where a name cannot stay whole, its middle dot is the cheaper place
    ("タンブー・|ラックフェン橋", not "タンブー・ラック|フェン橋"), still dearer
    than a line at the 0.1 em limit."""
    from book.text.cjk_breaks import NAME_PENALTY, soft_offsets

    text = "結ぶタンブー・ラックフェン橋。"
    weights = soft_offsets(text, ("タンブー・ラックフェン",))
    prices = break_prices(text, "ja", "caption")
    at_dot, inside = text.index("・") + 1, text.index("フェン")
    dot = NAME_PENALTY * weights[at_dot] + prices.get(at_dot, 0.0)
    run = NAME_PENALTY * weights[inside] + prices.get(inside, 0.0)
    assert KATAKANA_PENALTY < dot < run / 5, (dot, run)
