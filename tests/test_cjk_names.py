"""Names and words a Chinese or Japanese line keeps whole beyond the glossary
(`book.text.cjk_names`), and the card measure that would part one losing to
one that does not (`book.text.card_fit`): synthetic paragraphs through the
composer at every caption measure, the data file checked against the book's
texts, and the built sample read back as a proofreader reads it."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from test_cjk_setting import split_terms
from test_cjk_word_prices import CAPTION, MEASURES, fonts_for

from book.i18n.glossary import read_glossary
from book.text.card_fit import FLAW, best_option, edition_options, fit_card
from book.text.cjk_grid import loosest_gap
from book.text.cjk_names import bound_words, catalog_names, idioms
from book.text.typeset import break_paragraph

REPO = Path(__file__).resolve().parent.parent
# The eighth zh proof's circles: a hospital, an island, a bridge, a term and two idioms.
ZH_TEXT = ("作为海防规模最大的综合医院之一的越捷医院收治来自全市各地的病人。连接亭武与吉海岛的跨海大桥和"
           "黄文树桥一样繁忙，拉县深水港的货物昼夜不停地运出。1955年5月13日，金星红旗插满了大街小巷，"
           "海湾里的石灰岩岛屿星罗棋布，当地人直率、重情重义、热爱足球。")
ZH_WORDS = ("越捷医院", "吉海岛", "黄文树桥", "拉县深水港", "金星红旗", "星罗棋布", "重情重义")
JA_TEXT = ("海へと長く延びる丘陵と、おなじみの海水浴場があるドーソン半島。20世紀初頭から名高い保養地として知られ、"
           "今も夏には市民や旅行者が訪れる。街に明かりがともっても、岸壁クレーンは稼働を続ける。ハイフォンの"
           "コンテナ港では昼夜を問わず荷役が行われ、カットハイ島とラックフェンの港も賑わう。")
JA_NAMES = ("ドーソン", "ハイフォン", "カットハイ", "ラックフェン")


def edition_names(lang: str) -> tuple[str, ...]:
    """The names `book.text.frames.unbroken_names` takes from the catalogs and the glossary."""
    po = {entry.msgctxt: entry for entry in polib.pofile(str(REPO / "translations" / f"{lang}.po"))}
    places = [(e.msgid, e.msgstr) for ctx, e in po.items() if ctx and ctx.endswith(":place")]
    glossary = [(term.source, term.targets.get(lang, "")) for term in read_glossary(REPO, "vi")]
    return catalog_names(places, glossary, lang)


def parted(lines, words) -> list[str]:
    rows = ["".join(piece.text for piece in line.pieces).strip() for line in lines]
    joined, out, at = "".join(rows), [], 0
    bounds = set()
    for row in rows[:-1]:
        at += len(row)
        bounds.add(at)
    for word in words:
        start = joined.find(word)
        while start >= 0:
            out += [word] if any(start < b < start + len(word) for b in bounds) else []
            start = joined.find(word, start + 1)
    return out


def test_the_catalogs_give_the_circled_names():
    zh, ja = edition_names("zh"), edition_names("ja")
    assert {"越捷", "吉海", "黄文树", "拉县", "亭武", "越捷友谊医院"} <= set(zh)
    assert {"ドーソン", "カットハイ", "ラックフェン", "ベトティエップ"} <= set(ja)
    assert not any(name.startswith("从") for name in zh)  # "Sông Cấm, nhìn từ Thủy Nguyên" is no name
    assert set(bound_words(ZH_TEXT, zh)) >= set(ZH_WORDS)


def test_idioms_are_the_books():
    """Every idiom that the book's Chinese texts hold is one of the data file's
    four-character entries; the list holds the circled ones."""
    texts = "".join(entry.msgstr for entry in polib.pofile(str(REPO / "translations" / "zh.po")))
    found = [word for word in idioms() if word in texts]
    assert {"星罗棋布", "重情重义", "金星红旗", "基础设施"} <= set(found)
    assert len(found) >= 25 and all(len(word) >= 3 for word in idioms())


@pytest.fixture(scope="module")
def zh_fonts(tmp_path_factory):
    return fonts_for("zh", tmp_path_factory.mktemp("zh-names"), ZH_TEXT)


@pytest.fixture(scope="module")
def ja_fonts(tmp_path_factory):
    return fonts_for("ja", tmp_path_factory.mktemp("ja-names"), JA_TEXT)


def set_at(fonts, text: str, lang: str, ems: int, keep: tuple[str, ...]):
    return break_paragraph(fonts, text, CAPTION, lang, CAPTION.size, ems * CAPTION.size + 0.01, indent=False, keep=keep)


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_names_move_whole_or_the_line_says_so(lang, zh_fonts, ja_fonts):
    """At every caption measure from 16 to 33 ems (each name falls at a line's
    end at some of them) a name or idiom moves to the next line whole, no
    line opened past 0.1 em; where it cannot (a phrase before it fills all
    but part of the line: "…海水浴場がある|ドーソン" at 27 ems), the
    paragraph's lines record a flaw's cost (`book.text.card_fit.FLAW`), so
    that a card's measure is chosen elsewhere (`test_a_card_measure_keeps_the_name`)."""
    fonts, text, words = (zh_fonts, ZH_TEXT, ZH_WORDS) if lang == "zh" else (ja_fonts, JA_TEXT, JA_NAMES)
    keep, whole = edition_names(lang), 0
    for ems in MEASURES:
        lines = set_at(fonts, text, lang, ems, keep)
        assert loosest_gap(lines) <= 0.1 + 1e-3, (ems, loosest_gap(lines))
        if parted(lines, words):
            assert sum(line.cost for line in lines) >= FLAW, (ems, parted(lines, words))
        else:
            whole += 1
    assert whole >= len(MEASURES) - 4


def test_a_card_measure_keeps_the_name(ja_fonts):
    """The eighth proof's p31 card: at 27 ems "ドー|ソン" parts (the phrase
    before it leaves three ems no line can open to). Choosing the card's
    measure from the composer's cost, the card sets it whole, at an even
    inset as before."""
    keep = edition_names("ja")

    def size(measure: float):
        lines = set_at(ja_fonts, JA_TEXT, "ja", round(measure / CAPTION.size), keep)
        return (max(line.width for line in lines), len(lines) * CAPTION.leading, 999, 999,
                sum(line.cost for line in lines))

    options = edition_options(size, 33 * CAPTION.size, CAPTION.size, 16 / 33)
    assert any(o[3] >= FLAW for o in options)
    w, h, measures = fit_card({"ja": options}, 14.0, 1000.0, 1000.0)
    lines = set_at(ja_fonts, JA_TEXT, "ja", round(measures["ja"] / CAPTION.size), keep)
    assert not parted(lines, JA_NAMES)


def test_a_card_takes_the_sound_measure():
    """Of two measures whose side insets in the card differ by less than
    `card_fit.FLAW_MM` (3 pt), the one the composer sets without a flaw; a
    flawed one only where the sound one would sit more than that wider; and
    of two cards as tight and as even, the one no edition sets at a flaw."""
    sound, flawed_wide = (60.0, 60.0, 29.0, 1e4), (62.0, 61.5, 28.0, 2e10)  # insets 15 and 14.25 mm in a 90 mm card
    assert best_option([flawed_wide, sound], 90.0, 58.0, 14.0) == sound
    assert best_option([flawed_wide, sound[:3]], 90.0, 58.0, 14.0) == sound[:3]  # an option without a price is sound
    narrow = (58.0, 58.0, 30.0, 1e4)  # insets 16 mm: 1.75 mm wider than the flawed one's
    assert best_option([flawed_wide, narrow], 90.0, 58.0, 14.0) == flawed_wide
    assert best_option([(62.0, 61.5, 28.0, 1e4), sound], 90.0, 58.0, 14.0)[0] == 62.0  # unflawed, the nearer wins
    w, h, measures = fit_card({"ja": [flawed_wide, sound]}, 14.0, 200.0, 100.0)
    assert measures["ja"] == 60.0 and (w, h) == pytest.approx((60.0 + 28.0, 29.0 + 28.0))  # not the flawed one's 89.5


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_no_catalog_name_is_parted_in_the_book(sample, lang):
    """The built sample: no name of the catalogs or the glossary (nor in
    Chinese a name with its suffix, an idiom) is parted at a line's end."""
    names = edition_names(lang)
    terms = {n for n in names if len(n) >= (2 if lang == "zh" else 3)}
    if lang == "zh":
        texts = "".join(e.msgstr for e in polib.pofile(str(REPO / "translations" / "zh.po")))
        terms |= set(bound_words(texts, names))
    split, seen = split_terms(sample, lang, terms)
    assert len(seen) >= 10
    assert not split, split
