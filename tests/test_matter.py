"""The front and back matter of the sample book as a reader and a publisher
check them in the built PDFs: the copyright page behind the title page, the
colophon in the edition's language with its print run, folios on every page
with text and on no bleed page, the contents' numbers beside their titles,
the cover photo in the credits."""

from __future__ import annotations

import csv
import re
import subprocess
from pathlib import Path

import pytest
from conftest import LANGS

from book.i18n.catalog import read_catalog
from book.i18n.localise import Localiser
from book.model import MM
from book.pages.folios import folio_top
from book.pages.paginate import paginate
from book.sources import load_book

FOREIGN = [lang for lang in LANGS if lang != "vi"]
BLEED_PT = 3 * MM
# Letters only Vietnamese writes (with its tone marks), in lower case.
VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")
# In zh and ja the grid sets a quarter em between the Latin digits and the counter word: a space in pdftotext.
PRINT_RUN = {"vi": "Số lượng in: 1.000 bản", "en": "Print run: 1,000 copies", "zh": "印数：1000 册", "ko": "발행 부수: 1,000부",
             "ja": "発行部数：1,000 部"}
COVER = {"vi": "bìa", "en": "cover", "zh": "封面", "ko": "표지", "ja": "表紙"}


def interior(root: Path, lang: str) -> Path:
    return root / "output" / "print" / lang / f"hai-phong-70-nam-{lang}-interior.pdf"


def text_of(pdf: Path, page: int, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def words(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, text) of every word on the page, in pt from the media box's top-left."""
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                       text_of(pdf, page, "-bbox"))
    return [(float(a), float(b), float(c), float(d), text.replace("&amp;", "&")) for a, b, c, d, text in found]


def outside_parentheses(text: str) -> str:
    """``text`` without what stands in parentheses, ASCII or full-width, across line ends too."""
    return re.sub(r"[(（][^)）]*[)）]", "", text)


def names_with_marks(root: Path, lang: str) -> list[str]:
    """The glossary's names that ``lang`` spells with their Vietnamese marks
    (English keeps "Hải Phòng"), lower case, longest first."""
    with open(root / "translations" / "glossary.csv", encoding="utf-8", newline="") as f:
        spelt = {name.strip() for row in csv.DictReader(f) for name in row[lang].split("|")}
    return sorted((n.lower() for n in spelt if VIETNAMESE.search(n.lower())), key=len, reverse=True)


def stray_vietnamese(root: Path, lang: str, text: str) -> list[str]:
    """Vietnamese letters in ``text`` outside parentheses and outside the names
    the edition's glossary spells with their marks: Vietnamese text left untranslated."""
    rest = " ".join(outside_parentheses(text).split()).lower()
    for name in names_with_marks(root, lang):
        rest = rest.replace(name, " ")
    return VIETNAMESE.findall(rest)


@pytest.mark.parametrize("lang", FOREIGN)
def test_foreign_colophon_has_no_vietnamese_outside_parentheses(sample, lang):
    book, _ = load_book(sample)
    last = len(paginate(book).pages)
    colophon = text_of(interior(sample, lang), last)
    assert "Nhà xuất bản Thông tin và Truyền thông" in colophon.replace("\n", " ")  # the legal name, in parentheses
    stray = stray_vietnamese(sample, lang, colophon)
    assert not stray, (lang, stray, outside_parentheses(colophon))


@pytest.mark.parametrize("lang", LANGS)
def test_print_run_is_a_cldr_count_with_its_unit(sample, lang):
    book, _ = load_book(sample)
    colophon = text_of(interior(sample, lang), len(paginate(book).pages))
    assert PRINT_RUN[lang] in colophon, colophon
    assert "1000\n" not in colophon and not colophon.rstrip().endswith(": 1000")


@pytest.mark.parametrize("lang", LANGS)
def test_copyright_page_behind_the_title_page(sample, lang):
    """Page 4, behind the title page: ©, the year and the holder, the edition's
    own ISBN, the publishing house, all in the edition's language."""
    book, _ = load_book(sample)
    pages = paginate(book).pages
    assert [pages[2].layout.name, pages[3].layout.name] == ["title-page", "copyright"]
    loc = Localiser(book, lang, read_catalog(sample, lang) if lang != "vi" else None)
    text = " ".join(text_of(interior(sample, lang), 4).split())
    assert f"© {book.year} {loc.text(book.publisher)}" in text, text
    assert f"ISBN {book.isbn[lang]}" in text
    for other in set(LANGS) - {lang}:
        assert book.isbn[other] not in text
    house = next(f for f in book.imprint.fields if f.key == "publisher")
    assert loc.text(house.name) in text
    if lang != "vi":
        assert not stray_vietnamese(sample, lang, text), text


def folio_words(pdf: Path, number: int, page_h: float) -> list[tuple]:
    """The words in the foot margin that read as this page's number."""
    return [w for w in words(pdf, number) if w[4] == str(number) and w[1] > page_h * 0.9]


@pytest.mark.parametrize("lang", ["vi", "zh"])
def test_folio_on_every_page_with_text_and_none_on_bleed(sample, lang):
    book, _ = load_book(sample)
    pdf = interior(sample, lang)
    page_h = (book.trim[1] + 2 * book.bleed) * MM
    foot = (folio_top(book) + book.bleed) * MM
    with_folio, bleed = [], []
    for page in paginate(book).pages:
        found = folio_words(pdf, page.number, page_h)
        covered = any(placed.frame.kind == "photo" and placed.box[1] + placed.box[3] > folio_top(book) for placed in page.placed)
        has_text = any(placed.frame.kind not in ("photo", "artwork") for placed in page.placed)
        if covered:
            bleed.append(page.number)
            assert not found, (lang, page.number, page.layout.name, "a folio over a bleed photo")
        elif has_text and page.layout.folio:
            with_folio.append(page.number)
            assert found, (lang, page.number, page.layout.name, "no folio")
            assert abs(found[0][1] - foot) < 3, (found, foot)  # on the folio line
    openers = [p.number for p in paginate(book).pages if p.layout.name == "chapter-opener"]
    assert set(openers) <= set(with_folio) and len(openers) == 6
    assert len(paginate(book).pages) in with_folio  # the colophon
    assert len(bleed) >= 10 and len(with_folio) >= 35, (bleed, with_folio)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_contents_numbers_sit_beside_their_titles(sample, lang):
    """Each page number of the contents follows the end of its title's line by
    about an em, not at the far side of the column."""
    book, _ = load_book(sample)
    pagination = paginate(book)
    toc = next(p.number for p in pagination.pages if p.layout.name == "toc")
    found = words(interior(sample, lang), toc)
    numbers = {str(n) for n in pagination.chapter_starts.values()}
    rows: dict[float, list] = {}
    for word in found:
        middle = (word[1] + word[3]) / 2  # the faces' boxes differ in height, their middles agree
        key = next((k for k in rows if abs(k - middle) < 2), middle)
        rows.setdefault(key, []).append(word)
    checked = 0
    for row in rows.values():
        row.sort()
        label = row[-1][3] - row[-1][1] < 14  # a chapter's 9 pt label ("Chapter 1"), not a 12 pt entry
        if len(row) > 1 and not label and row[-1][4] in numbers | {str(p.number) for p in pagination.pages}:
            gap = row[-1][0] - row[-2][2]
            assert 6 < gap < 20, (lang, [w[4] for w in row], gap)
            checked += 1
    assert checked >= 7, checked  # six chapters, the foreword and the credits


@pytest.mark.parametrize("lang", LANGS)
def test_cover_photo_is_credited(sample, lang):
    book, _ = load_book(sample)
    loc = Localiser(book, lang, read_catalog(sample, lang) if lang != "vi" else None)
    pagination = paginate(book)
    credits = next(p.number for p in pagination.pages if p.layout.name == "credits")
    lines = text_of(interior(sample, lang), credits, "-layout").splitlines()
    name = loc.text(book.cover.photo.credit)
    assert any(name in line and COVER[lang] in line for line in lines), (lang, name)


def test_half_title_and_title_end_on_one_line(sample):
    """The half-title's and the title page's titles end on the same baseline of the grid."""
    pdf = interior(sample, "en")

    def last_line(page: int) -> float:
        return max(w[3] for w in words(pdf, page) if w[4] in ("Development", "Phát", "triển"))

    assert abs(last_line(1) - last_line(3)) < 8  # the bottoms of 18 and 36 pt lines on one baseline
