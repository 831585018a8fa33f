"""The words of the front and back matter as a reader of each edition reads
them: the zh 版次 line dated by its month and agreeing with the deposit line,
the paper named in the edition's own trade words, the credits' figures
column headed by a word (页码), one range dash in zh; and the back-cover
blurb broken between phrases. Checked in the built PDFs."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from test_cards_credits import credits_page

from book.text.cover import break_cost


def pdf_text(root: Path, lang: str, part: str = "interior", *crop: str) -> str:
    pdf = root / "output" / "print" / lang / f"hai-phong-70-nam-{lang}-{part}.pdf"
    return subprocess.run(["pdftotext", "-layout", *crop, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def solid(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_zh_edition_line_gives_the_month_and_agrees_with_the_deposit(sample):
    """Chinese 版次 gives the month only (CLDR yMMMM), the month the deposit line
    names; ja's 奥付 keeps the full day of issue, its deposit month the same. The
    fields are a label column and hanging values (no colon after a label), the
    deposit among them."""
    zh, ja = solid(pdf_text(sample, "zh")), solid(pdf_text(sample, "ja"))
    assert "版次2025年5月第1版印次2025年5月第1次印刷" in zh  # two fields, one line each
    assert "缴送样本日期2025年5月" in zh
    assert "5月13日第1版" not in zh
    assert "発行日2025年5月13日（初版第1刷）" in ja
    assert "納本日2025年5月" in ja


@pytest.mark.parametrize(("lang", "line"), [("zh", "用纸170g/m²亚光铜版纸"), ("en", "Paper170g/m²mattcoatedartpaper")])
def test_the_paper_is_named_in_the_editions_words(sample, lang, line):
    """The publishing record's specification (en, zh: the editions whose record
    is in front) names the paper in the edition's words, as the catalogs'
    book:paper and imprint:paper give it ("用纸 | 170 g/m² 亚光铜版纸", "Paper |
    170 g/m² matt coated art paper", label and value), not the printer's French trade name."""
    text = solid(pdf_text(sample, lang))
    assert line in text
    assert "Couché" not in text


@pytest.mark.parametrize(("lang", "head"), [("vi", "Trang"), ("en", "Page"), ("zh", "页码"), ("ko", "쪽"), ("ja", "ページ")])
def test_the_credits_figures_are_headed_by_a_word(sample, lang, head):
    """Over each column of figures the edition's word for them, never a pattern
    with its figures cut out ("第…页")."""
    number, _ = credits_page(sample)
    credits = pdf_text(sample, lang, "interior", "-f", str(number), "-l", str(number))
    heads = re.findall(rf"(?<!\d)(?<!\d )(?:^|(?<=\s)){re.escape(head)}(?!\s*\d)", credits, re.M)  # "2 ページ：…" is the legend
    assert len(heads) == 2, credits
    assert "…" not in credits


def test_zh_ranges_take_one_dash(sample):
    """GB/T 15834 allows — or ～ for a range; the zh edition uses the — its texts and cover use, everywhere."""
    text = pdf_text(sample, "zh") + pdf_text(sample, "zh", "cover")
    assert "～" not in text
    assert re.search(r"\d+—\d+", text)


def blurb_lines(root: Path, lang: str, blurb: str) -> list[str]:
    """The back text's lines as the cover prints them (the back panel's text
    from its head, left of the barcode's field)."""
    lines = [solid(line) for line in pdf_text(root, lang, "cover", "-x", "0", "-y", "0", "-W", "480", "-H", "500").splitlines()]
    found, read = [], ""
    for line in (line for line in lines if line):
        if not solid(blurb).startswith(read + line):
            break
        found.append(line)
        read += line
    assert read == solid(blurb), (found, blurb)
    return found


BLURBS = {"zh": "七十年前，1955年5月13日，海防全境解放。", "ja": "70年前の1955年5月13日、ハイフォンは完全に解放された。"}


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_the_blurb_breaks_between_phrases(sample, lang):
    """The blurb's measure is chosen among whole ems so that no break splits a
    word ("重走这|段历程", "解放され|た。"): in zh every break falls between BudouX
    phrases; in ja none leaves a kana of its phrase alone at a line's head."""
    from book.i18n.catalog import read_catalog

    catalog = read_catalog(sample, lang)
    blurb = catalog.entries["cover:back_text"].msgstr
    assert blurb.startswith(BLURBS[lang])
    lines = blurb_lines(sample, lang, blurb)
    assert len(lines) >= 3
    assert break_cost(lines, lang) <= (0.0 if lang == "zh" else 5.0), lines
    assert not any(re.match(r"^.[。、，]", line) for line in lines[1:]), lines
