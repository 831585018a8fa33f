"""The front and back matter of the sample book as a reader and a publisher
check them in the built PDFs: the copyright page behind the title page, the
colophon in the edition's language with its print run, folios on every page
with text and on no bleed page, the contents' numbers beside their titles,
the cover photo in the credits."""

from __future__ import annotations

import csv
import math
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import LANGS

from book.i18n.catalog import read_catalog
from book.i18n.localise import Localiser
from book.model import MM
from book.pages.folios import card_frame, folio_top, pictures_only
from book.pages.paginate import paginate
from book.sources import load_book
from book.text.opener_title import SUBTITLE_STYLE, TITLE_STYLE

FOREIGN = [lang for lang in LANGS if lang != "vi"]
BLEED_PT = 3 * MM
# Letters only Vietnamese writes (with its tone marks), in lower case.
VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")
# The grid sets a space between the Latin digits and the counter word (a quarter em): pdftotext reads a space.
PRINT_RUN = {"vi": "Số lượng in 1.000 bản", "en": "Print run 1,000 copies", "zh": "印数 1000 册", "ko": "발행 부수 1,000부",
             "ja": "発行部数 1,000 部"}
COVER = {"vi": "bìa", "en": "cover", "zh": "封面", "ko": "표지", "ja": "表紙"}


def interior(root: Path, lang: str) -> Path:
    return root / "output" / "print" / lang / f"hai-phong-70-nam-{lang}-interior.pdf"


def text_of(pdf: Path, page: int, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


LINE_END_MARKS = frozenset("、，。．）」』》〉】〕")  # set half-width at a line end, as in test_cjk_justify


def words(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, text) of every word on the page, in pt from the media box's top-left."""
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                       text_of(pdf, page, "-bbox"))
    return [(float(a), float(b), float(c), float(d), text.replace("&amp;", "&")) for a, b, c, d, text in found]


def outside_parentheses(text: str) -> str:
    """``text`` without what stands in parentheses, ASCII or full-width, across line ends too,
    nor in title marks (a translation's original title: “…”, 《…》, 『…』)."""
    return re.sub(r"[“《『][^”》』]*[”》』]", "", re.sub(r"[(（][^)）]*[)）]", "", text))


def names_with_marks(root: Path, lang: str) -> list[str]:
    """The glossary's names that ``lang`` spells with their Vietnamese marks
    (English keeps "Hải Phòng"), lower case, longest first."""
    with open(root / "translations" / "glossary.csv", encoding="utf-8", newline="") as f:
        spelt = {name.strip() for row in csv.DictReader(f) for name in row[lang].split("|")}
    return sorted((n.lower() for n in spelt if VIETNAMESE.search(n.lower())), key=len, reverse=True)


# The one place a foreign record sets the source title bare: the English original-title
# field, its value in the italic a title takes in English (test_latin_foreword), with
# neither quotation marks nor parentheses; zh, ko and ja set it in their title marks.
SOURCE_TITLE = "Hải Phòng – 70 năm chiến đấu, xây dựng và phát triển"
ORIGINAL_TITLE_LINE = {"en": f"Original title {SOURCE_TITLE}"}


def stray_vietnamese(root: Path, lang: str, text: str) -> list[str]:
    """Vietnamese letters in ``text`` outside parentheses and outside the names
    the edition's glossary spells with their marks: Vietnamese text left untranslated.
    The original-title line (once) is the source title's own place, not a stray."""
    text = " ".join(text.split())
    if lang in ORIGINAL_TITLE_LINE:
        assert text.count(ORIGINAL_TITLE_LINE[lang]) <= 1, text
        text = text.replace(ORIGINAL_TITLE_LINE[lang], " ")
    rest = " ".join(outside_parentheses(text).split()).lower()
    for name in names_with_marks(root, lang):
        rest = rest.replace(name, " ")
    return VIETNAMESE.findall(rest)


# The page that holds the full publishing record: the copyright page behind the
# title page (en, zh), the colophon at the back (vi, as the publishing law has it; ja 奥付, ko 판권).
RECORD_AT_BACK = {"vi", "ko", "ja"}
NOT_FOR_SALE = {"vi": "Sách không bán", "en": "Not for sale", "zh": "非卖品", "ko": "비매품", "ja": "非売品"}
PARTNER = {"vi": "Đơn vị liên kết xuất bản", "en": "Publishing partner", "zh": "合作出版单位", "ko": "공동 발행", "ja": "共同発行"}
ISSUED = {"vi": "ngày 13 tháng 5 năm 2025", "en": "May 13, 2025", "zh": "2025 年 5 月第 1 版", "ko": "2025년 5월 13일", "ja": "2025 年 5 月 13 日"}
# The legal deposit, a field of the record's table under the imprint's label, like every other fact.
DEPOSIT = {"vi": "Nộp lưu chiểu quý II năm 2025", "en": "Legal deposit the second quarter of 2025",
           "zh": "缴送样本日期 2025 年 5 月", "ko": "납본일 2025년 5월", "ja": "納本日 2025 年 5 月"}
# The specification lines of the record: the binding of the case, the paper with its weight's unit (the
# catalogs' book:paper, not the trade name, but in vi), and the gift's "not for sale", as on the back cover.
BINDING = {"vi": "Khổ sách 24 × 30 cm, bìa cứng, đóng chỉ", "en": "Binding hardcover, sewn", "zh": "装帧 精装", "ko": "제본 양장",
           "ja": "製本 上製本（糸かがり）"}
PAPER = {"vi": "Giấy in Couché matt 170 g/m²", "en": "Paper 170 g/m² matt coated art paper", "zh": "用纸 170 g/m² 亚光铜版纸",
         "ko": "용지 170 g/m² 무광 아트지", "ja": "用紙 マットコート紙 170 g/m²"}


def record_pages(sample: Path, lang: str) -> tuple[str, str]:
    """(the full record's page text, the other page's), each on one line, read
    row by row as the eye reads the record's table (a label, then its value)."""
    book, _ = load_book(sample)
    last = len(paginate(book).pages)
    full, short = (last, 4) if lang in RECORD_AT_BACK else (4, last)
    pdf = interior(sample, lang)
    return " ".join(text_of(pdf, full, "-layout").split()), " ".join(text_of(pdf, short, "-layout").split())


@pytest.mark.parametrize("lang", FOREIGN)
def test_foreign_record_has_no_vietnamese_outside_parentheses(sample, lang):
    record, _ = record_pages(sample, lang)
    assert "Nhà xuất bản Thông tin và Truyền thông" in record  # the legal name, in parentheses
    assert lang not in ORIGINAL_TITLE_LINE or ORIGINAL_TITLE_LINE[lang] in record, record
    stray = stray_vietnamese(sample, lang, record)
    assert not stray, (lang, stray, outside_parentheses(record))


@pytest.mark.parametrize("lang", LANGS)
def test_print_run_is_a_cldr_count_with_its_unit(sample, lang):
    record, _ = record_pages(sample, lang)
    assert PRINT_RUN[lang] in record, record
    assert ": 1000 " not in record and not record.endswith(": 1000")


@pytest.mark.parametrize("lang", LANGS)
def test_one_full_record_and_no_line_of_it_twice(sample, lang):
    """The full record stands once, where the language's convention puts it; the
    page behind the title page in front of a record at the back is left blank
    (its © line and ISBN stand in the record), and so is the last page behind a
    record in front (the typefaces and the paper stand in the record).
    The publishing house is a field of the record's table, never 'Nhà xuất bản: Nhà xuất
    bản …'; the Sở is the co-publishing partner; the issue date is CLDR's; the
    legal deposit line is there."""
    book, _ = load_book(sample)
    loc = Localiser(book, lang, read_catalog(sample, lang) if lang != "vi" else None)
    record, short = record_pages(sample, lang)
    copyright_line = f"© {book.year} {loc.text(book.publisher)}"
    if lang in RECORD_AT_BACK:  # the © line and the rights on the copyright page in front, once
        assert copyright_line in short and copyright_line not in record and "©" not in record, (short, record)
    else:
        assert short == "", short  # the last page behind a record in front: nothing at all, no folio
        assert copyright_line in record and record.count(f"© {book.year}") == 1, record  # and the photographs' ©
    assert f"ISBN {book.isbn[lang]}" in record
    assert "Nhà xuất bản: Nhà xuất bản" not in record and ": Nhà xuất bản Thông tin" not in record
    assert record.count(f"ISBN {book.isbn[lang]}") == 1, record
    for field in book.imprint.fields:  # a label holding its own colon is never followed by a second one
        label = loc.text(field.label)
        if ":" in label or "：" in label:
            assert f"{label}:" not in record and f"{label}：" not in record, label
    assert PARTNER[lang] in record and ISSUED[lang] in record and DEPOSIT[lang] in record, record
    for other in set(LANGS) - {lang}:
        assert book.isbn[other] not in record + short


@pytest.mark.parametrize("lang", LANGS)
def test_no_line_of_the_matter_printed_twice(sample, lang):
    """No line of the copyright page stands again on the last page, or the other
    way round (the folio and the ISBN aside, which a copyright page in front of
    a record at the back gives as the record does): "Printed by" or the © line
    once per edition."""
    book, _ = load_book(sample)
    last = len(paginate(book).pages)
    pdf = interior(sample, lang)
    front = {" ".join(line.split()) for line in text_of(pdf, 4).splitlines() if line.strip()}
    back = {" ".join(line.split()) for line in text_of(pdf, last).splitlines() if line.strip()} - {str(last), f"ISBN {book.isbn[lang]}"}
    assert not front & back, (lang, front & back)
    assert not any(PRINTER[lang] in line for line in front) or not any(PRINTER[lang] in line for line in back)


@pytest.mark.parametrize("lang", LANGS)
def test_copyright_page_behind_the_title_page(sample, lang):
    """Page 4, behind the title page, is a copyright page in every edition: the
    ©, the year and the holder, and the edition's own ISBN, all in the
    edition's language; in en and zh the whole record (the publishing house
    too); where the record is at the back, those alone with the rights and the
    edition (no partner, no specification)."""
    book, _ = load_book(sample)
    pages = paginate(book).pages
    assert [pages[2].layout.name, pages[3].layout.name] == ["title-page", "copyright"]
    loc = Localiser(book, lang, read_catalog(sample, lang) if lang != "vi" else None)
    text = " ".join(text_of(interior(sample, lang), 4, "-layout").split())  # the record's table read row by row
    assert f"© {book.year} {loc.text(book.publisher)}" in text and f"ISBN {book.isbn[lang]}" in text, text
    assert loc.text(book.matter["edition"]) in text, text
    if lang in RECORD_AT_BACK:
        assert PARTNER[lang] not in text and PRINT_RUN[lang] not in text, text
        return
    house = next(f for f in book.imprint.fields if f.key == "publisher")
    assert loc.text(house.name) in text
    if lang != "vi":
        assert not stray_vietnamese(sample, lang, text), text


@pytest.mark.parametrize("lang", LANGS)
def test_back_cover_says_not_for_sale_by_the_barcode(sample, lang):
    cover = interior(sample, lang).with_name(f"hai-phong-70-nam-{lang}-cover.pdf")
    found = words(cover, 1)
    isbn = [w for w in found if w[4].startswith("978-604")]
    assert isbn, (lang, [w[4] for w in found][-12:])
    # the sale line's words on the barcode's field: the blurb may use the same words ("sách", "không") elsewhere
    sale = [w for w in found if w[4] in NOT_FOR_SALE[lang].split() and isbn[0][1] - 30 <= w[1] <= isbn[0][1] + 1]
    assert sale, (lang, [w[4] for w in found][-12:])
    assert sale[0][3] <= isbn[0][1] + 1 and abs(sale[0][0] - isbn[0][0]) < 60  # just above the ISBN, on its field


@pytest.mark.parametrize("lang", LANGS)
def test_the_64_page_hardcover_spine_carries_its_title(sample, lang):
    """The sample is case-bound: 4.96 mm of pages and two 2.5 mm boards make
    a 9.96 mm spine, which carries the edition's text (its short title and
    publisher) within the spine, drawn inside the 15 mm wrap (book.text.spine_text)."""
    from book.pages.spine import board_width, spine_width

    book, _ = load_book(sample)
    spine_mm = spine_width(64, book.paper.caliper_mm, book.binding_style, book.cover.board_mm)
    assert (book.binding_style, spine_mm) == ("case", 9.96)
    cover = interior(sample, lang).with_name(f"hai-phong-70-nam-{lang}-cover.pdf")
    # the back board (by the bindery's rule, `board_width`), then the joint, then the spine
    board = board_width(book.trim[0], book.cover.square_mm, book.cover.hinge_mm, book.cover.board_mm)
    centre = (book.cover.wrap_mm + board + book.cover.hinge_mm + spine_mm / 2) * MM
    on_spine = "".join(w[4] for w in words(cover, 1) if abs((w[0] + w[2]) / 2 - centre) < spine_mm * MM / 2)
    assert len(on_spine) >= 4, (lang, on_spine)


def folio_words(pdf: Path, number: int, page_h: float) -> list[tuple]:
    """The words in the foot margin that read as this page's number."""
    return [w for w in words(pdf, number) if w[4] == str(number) and w[1] > page_h * 0.9]


def white_text_spots(pdf: pikepdf.Pdf, number: int) -> list[tuple[float, float]]:
    """Where (x, y of the text matrix, pt) page ``number`` shows text filled
    white (CMYK 0 0 0 0) that knocks out (does not overprint)."""
    page = pdf.pages[number - 1]
    states = page.Resources.get("/ExtGState") or {}
    fill, overprint, stack, spots, at = (), False, [], [], (0.0, 0.0)
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "q":
            stack.append((fill, overprint))
        elif op == "Q" and stack:
            fill, overprint = stack.pop()
        elif op == "k":
            fill = tuple(float(v) for v in operands)
        elif op == "gs":
            state = states.get(str(operands[0]))
            if state is not None and "/op" in state:
                overprint = bool(state.op)
        elif op == "Tm":
            at = (float(operands[4]), float(operands[5]))
        elif op in ("Tj", "TJ") and fill == (0.0, 0.0, 0.0, 0.0) and not overprint:
            spots.append((round(at[0], 1), round(at[1], 1)))
    return spots


def test_folio_on_every_page_with_something_and_never_reversed_on_bleed(sample):
    """Every page with something on it shows its folio on the folio line, the
    display pages (folio: false) and a page an edition leaves blank aside. Where a
    photo covers the folio's place (a bleed page) no folio is knocked out of it in
    white: a page of pictures alone has none, and a bleed page with a card or a
    caption but no card has black digits only where 100 % K reads on the picture
    there, none elsewhere (a card page too); the picture decides, so the same pages in all
    five editions, the digits at the same place (`book.pages.folios`)."""
    book, _ = load_book(sample)
    pages = paginate(book).pages
    page_h = (book.trim[1] + 2 * book.bleed) * MM
    foot = (folio_top(book) + book.bleed) * MM
    found = {lang: {page.number: folio_words(interior(sample, lang), page.number, page_h) for page in pages} for lang in LANGS}
    bleed, on_pictures, with_folio, in_cards = [], [], [], []
    for page in pages:
        covered = any(placed.frame.kind == "photo" and placed.box[1] + placed.box[3] > folio_top(book) for placed in page.placed)
        if not (page.placed and page.layout.folio):
            assert not any(found[lang][page.number] for lang in LANGS), (page.number, page.layout.name)
            continue
        if covered:
            bleed.append(page.number)
            shown = {lang: bool(found[lang][page.number]) for lang in LANGS}
            assert len(set(shown.values())) == 1, (page.number, shown)  # the picture decides, not the edition
            if card_frame(page) is not None:  # a card page too goes without (tests/test_cards_credits.py)
                assert not shown["vi"], page.number
                in_cards.append(page.number)
                continue
            if not shown["vi"]:
                continue
            on_pictures.append(page.number)
            assert len({tuple(found[lang][page.number][0][:4]) for lang in LANGS}) == 1, page.number
        with_folio.append(page.number)
        for lang in LANGS:
            if page.layout.name == "colophon" and lang not in RECORD_AT_BACK:  # left blank: the record is in front
                assert not found[lang][page.number] and not text_of(interior(sample, lang), page.number).strip(), lang
                continue
            assert found[lang][page.number], (lang, page.number, page.layout.name, "no folio")
            assert abs(found[lang][page.number][0][1] - foot) < 3, (lang, page.number, found[lang][page.number], foot)
    for lang in LANGS:
        with pikepdf.open(interior(sample, lang)) as pdf:
            assert not any(white_text_spots(pdf, page.number) for page in pages), lang  # no white folio anywhere
    # p. 31, the one bleed page whose picture is light enough under its folio, has a card: it has none
    assert on_pictures == [] and 31 in in_cards and len(in_cards) >= 10, (on_pictures, in_cards)
    for number in on_pictures:
        assert not pictures_only(pages[number - 1])  # a card or a caption on it
    openers = [p.number for p in pages if p.layout.name == "chapter-opener"]
    assert set(openers) <= set(with_folio) and len(openers) == 6
    assert pages[-1].layout.name == "colophon" and len(pages) not in with_folio  # the colophon: no folio
    assert len(bleed) >= 16, bleed


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

    assert abs(last_line(1) - last_line(3)) < 8  # the bottoms of the 18 pt half-title and 30 pt title lines on one baseline


# --- openers and display type ---------------------------------------------------------

DISPLAY_ROLES = ("half-title", "title", "chapter-title", "cover-title")


def test_each_display_role_has_one_size_in_every_edition(sample_prepared, sample_editions):
    """Titles never shrink to fit an edition: a role's lines are set at its size,
    the same in all five editions (title page 30 pt, chapter titles 24 pt; a
    subtitle a dash parts off a chapter title is set under it in its own role)."""
    book, pages = sample_prepared.book, sample_prepared.pagination.pages
    for role in DISPLAY_ROLES:
        sizes = {book.style(role, lang).size for lang in LANGS}
        assert len(sizes) == 1 and book.style(role, "vi").min_size == book.style(role, "vi").size, (role, sizes)
    for lang, edition in sample_editions.items():
        for (page, frame), setting in edition.text.frames.items():
            placed = next(p for p in pages[page - 1].placed if p.frame.name == frame)
            style = book.style(placed.frame.style, lang) if placed.frame.style else None
            if style is not None and style.display:
                sizes = [line.size for p in setting.placements for line in p.lines]
                if placed.frame.style == TITLE_STYLE:  # a dash parts a subtitle off: its own role, under the title
                    sub = book.style(SUBTITLE_STYLE, lang).size
                    head = [size for size in sizes if size != sub]
                    assert head and sizes[:len(head)] == head, (lang, page, sizes)
                    sizes = head
                assert set(sizes) <= {style.size}, (lang, page, frame, sizes)


def opener_stacks(prepared, edition) -> list[dict]:
    """Each opener's label, title, intro and caption placements and its photo's box."""
    openers = [p for p in prepared.pagination.pages if p.layout.name.startswith("chapter-opener")]
    stacks = []
    for page in openers:
        stack = {name: edition.text.frames[(page.number, name)].placements[0] for name in ("number", "title", "intro", "caption")}
        stack["page"], stack["photo"] = page.number, next(p.box for p in page.placed if p.frame.kind == "photo")
        stack["measure"] = next(p.box for p in page.placed if p.frame.name == "intro")[2]
        stack["title_measure"] = next(p.box for p in page.placed if p.frame.name == "title")[2]  # a column wider (the round-11 vi proof)
        stacks.append(stack)
    return stacks


@pytest.mark.parametrize("lang", LANGS)
def test_opener_texts_hang_from_one_line_under_the_photo(sample_prepared, sample_editions, lang):
    """On every opener of an edition the chapter label and the title's first
    baseline stand at one height; the title's first baseline is one title line
    space under the label, the intro's first two intro line spaces under the
    title's last, whether the title takes one line or three; the intro ends on
    or above the foot line; no title line is wider than its frame (a column wider than the intro's measure) and
    the caption's column starts clear of the title."""
    from book.text.stack import first_baseline, last_baseline_offset

    book = sample_prepared.book
    foot = book.trim[1] - book.margins["bottom"]
    stacks = opener_stacks(sample_prepared, sample_editions[lang])
    labels, titles, counts = set(), set(), set()
    for stack in stacks:
        label, title, intro, caption = stack["number"], stack["title"], stack["intro"], stack["caption"]
        labels.add(round(first_baseline(label), 2))
        titles.add(round(first_baseline(title), 2))
        assert first_baseline(title) - first_baseline(label) == pytest.approx(title.lines[0].leading / MM, abs=0.01), stack["page"]
        title_last = title.top + last_baseline_offset(title)
        assert first_baseline(intro) - title_last == pytest.approx(2 * intro.lines[0].leading / MM, abs=0.01), stack["page"]
        assert intro.top + last_baseline_offset(intro) <= foot + 0.01, (stack["page"], intro.top + last_baseline_offset(intro))
        widest = max(line.width for line in title.lines) / MM
        assert widest <= stack["title_measure"] + 0.01, (stack["page"], widest, stack["title_measure"])
        assert caption.x > title.x + widest + 3, (stack["page"], caption.x, title.x + widest)
        counts.add(len(title.lines))
    assert len(stacks) == 6 and len(labels) == 1 and len(titles) == 1, (labels, titles)
    assert lang != "en" or counts >= {2, 3}, counts


def test_opener_photo_comes_down_to_the_line_above_the_label(sample_prepared, sample_editions):
    """The opener's photo, the same frame in every edition (it is on the shared
    colour plates), is sized for the tallest editions' stacks: in them (vi, en,
    ko, ja in the sample) it ends within one grid module above the chapter
    label and the longest intro ends within a module of the foot line, so a
    photo a row taller would push it past the foot. An edition whose stacks
    are all shorter (zh; ko too in the print build) drops them by the same whole modules on every opener
    (one in the sample), so its label is that many modules further under the
    photo and its longest intro too ends within a module of the foot: no
    opener of any edition has a module of white under its stack."""
    from book.text.stack import last_baseline_offset

    book = sample_prepared.book
    module = book.grid.row(book.trim[1]) + book.grid.row_gutter
    foot = book.trim[1] - book.margins["bottom"]
    drops = {}
    for lang in LANGS:
        lowest, rows = 0.0, set()
        for stack in opener_stacks(sample_prepared, sample_editions[lang]):
            _, y, _, h = stack["photo"]
            gap = stack["number"].top - (y + h)
            dropped = max(0, math.ceil(gap / module) - 1)
            assert 0 < gap - dropped * module <= module, (lang, stack["page"], y + h, stack["number"].top)
            rows.add(dropped)
            lowest = max(lowest, stack["intro"].top + last_baseline_offset(stack["intro"]))
        assert len(rows) == 1, (lang, rows)  # one label height on every opener of the edition
        drops[lang] = rows.pop()
        assert foot - module < lowest <= foot + 0.01, (lang, lowest, foot, module)
    assert min(drops.values()) == 0, drops  # the photo fits the tallest edition's stack


@pytest.mark.parametrize("lang", LANGS)
def test_no_display_line_ends_on_its_dash(sample_editions, lang):
    """A stacked title breaks without its dash ("海防 / 70 年…"): the break carries the pause."""
    from book.text.linebreak import DASHES

    for setting in sample_editions[lang].text.frames.values():
        for placement in setting.placements:
            lines = ["".join(p.text for p in line.pieces).strip() for line in placement.lines]
            if placement.lines and placement.lines[0].size >= 13 and len(lines) > 1:
                assert not [line for line in lines if line[-1:] in DASHES], lines


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_titles_space_digits_as_the_running_text_does(sample, lang):
    """One rule for display and text: in ja a quarter em between kana or kanji
    and digits on the title page (U+2005, which pdftotext reads as a space) as
    in the captions ("70 年", never "70年"); zh the same."""
    title_page = text_of(interior(sample, lang), 3)
    wanted, unwanted = ("70 年", "70年")
    assert wanted in title_page and unwanted not in title_page, title_page


@pytest.mark.parametrize(("above", "said"), [
    ("nowhere", "chapter-opener.frames.title.above: 'nowhere' is not another text frame of this layout; name one of caption, "
                "intro, number"),
    ("number", "frames number, title stand above each other in a ring; end the chain at one frame without above:"),
])
def test_a_frame_above_no_frame_is_one_line(mini, run, above, said):
    """``above:`` names another text frame of the layout, and a chain of them ends."""
    layouts = mini / "layouts" / "layouts.yaml"
    text = layouts.read_text(encoding="utf-8")
    old = "style: chapter-title, above: intro}"
    assert text.count(old) == 3  # the opener and its two variants
    layouts.write_text(text.replace(old, f"style: chapter-title, above: {above}}}", 1), encoding="utf-8")
    result = run(mini, "check", "--lang", "vi")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith("error: layouts/layouts.yaml:") and said in errors[0], errors
    assert "Traceback" not in result.output + result.stderr


def test_title_page_subtitle_stands_a_grid_row_below_the_title(sample_prepared, sample_editions):
    """The subtitle hangs a whole grid row (and its gutter) below the title's last
    baseline in every edition, so the 30 pt title's descenders stay clear of its
    accents."""
    book = sample_prepared.book
    row = book.grid.row(book.trim[1]) + book.grid.row_gutter
    page = next(p for p in sample_prepared.pagination.pages if p.layout.name == "title-page")
    title_foot = next(placed.box for placed in page.placed if placed.frame.name == "title")
    for lang, edition in sample_editions.items():
        title = edition.text.frames[(page.number, "title")].placements[-1]
        subtitle = edition.text.frames[(page.number, "subtitle")].placements[0]
        assert title.lines and subtitle.lines, lang
        baseline = title_foot[1] + title_foot[3]  # the title's style anchors its last baseline to its frame's foot
        assert subtitle.top - baseline >= row - 0.05, (lang, subtitle.top - baseline, row)


TYPESET = {"vi": "Kiểu chữ ", "en": "Typefaces ", "zh": "字体 ", "ko": "서체 ", "ja": "書体 "}  # a label, then its value at the tab
PRINTER = {"vi": "In tại", "en": "Printed by", "zh": "印刷单位", "ko": "인쇄처", "ja": "印刷所"}


def embedded_families(pdf: Path) -> set[str]:
    """The embedded fonts' families as pdffonts names them ("NotoSerif", "NotoSansCJKsc"), subset tags and styles aside."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return {re.sub(r"-.*$", "", line.split()[0].split("+")[-1]) for line in out if line.strip()}


@pytest.mark.parametrize("lang", LANGS)
def test_the_record_gives_the_whole_specification_in_one_block(sample, lang):
    """The record's specification, a line each in one group: the binding of the
    case, the paper with its unit, the typefaces the edition embeds (every one
    of them, and none it does not); after the ISBN, "not for sale", as on the
    back cover (in a Korean 판권 the ISBN and 비매품 come before the specification).
    The last page behind a record in front is blank."""
    book, _ = load_book(sample)
    last = len(paginate(book).pages)
    pdf = interior(sample, lang)
    lines = [" ".join(line.split()) for line in text_of(pdf, last if lang in RECORD_AT_BACK else 4, "-layout").splitlines()]
    flat = ["".join(line.split()) for line in lines]  # a label and its value at the tab on one line
    binding = flat.index("".join(BINDING[lang].split()))  # vi: on the format's line, the pages' line after it
    paper = flat.index("".join(PAPER[lang].split()))
    assert paper - binding == (2 if lang == "vi" else 1), lines[binding:binding + 3]
    typeset = lines[paper + 1]
    if re.match(r"(和|및|and|và)\s|Noto\s", lines[paper + 2]):  # the typefaces' value wrapped at its tab ("… Noto Serif / 和 Noto Sans")
        typeset += " " + lines[paper + 2]
    assert typeset.startswith(TYPESET[lang]), typeset
    families = typeset[len(TYPESET[lang]):]
    named = {re.sub(r"\s+", "", name).replace("CJKSC", "CJKsc").replace("CJKJP", "CJKjp").replace("CJKKR", "CJKkr")
             for name in re.split(r"、| and | và |\s*和\s*| 및 |, ", families) if name.strip()}
    assert named == {name for name in embedded_families(pdf) if "Italic" not in name}, (named, embedded_families(pdf))
    isbn = next(i for i, line in enumerate(flat) if "ISBN" in line)  # zh: 书号 ISBN …
    assert "".join(NOT_FOR_SALE[lang].split()) in flat[isbn:], lines[isbn:]
    assert all(flat[binding - (0 if lang == "vi" else 2):(isbn if isbn > binding else paper + 1) + 1]), lines  # one group
    assert lang == "vi" or "Couché" not in "".join(lines), lines
    if lang not in RECORD_AT_BACK:
        assert text_of(pdf, last).strip() == ""


STATUTORY = ("director", "content", "editors", "designer", "proofreader", "printer", "registration", "decision")


@pytest.mark.parametrize("lang", LANGS)
def test_the_print_file_of_a_book_not_final_shows_each_unfilled_field(sample, lang):
    """The print PDF of a book not yet final (the sample's imprint has no
    final: true) shows each statutory field the publisher has not filled as its
    label and a dotted blank, as the proof does: whoever signs off the print file
    sees the lines the law asks for and that they are missing, never a record that
    looks complete (the thirteenth proofs' en, ja and ko designers). A final
    book's print build refuses them (test_a_final_book_refuses_…)."""
    book, _ = load_book(sample)
    record, short = record_pages(sample, lang)
    empty = [f for f in book.imprint.fields if not f.value and f.key not in ("format", "pages", "isbn", "legal_deposit")]
    assert {f.key for f in empty} >= set(STATUTORY)
    flat = "".join((record + short).split())
    statutory = [f for f in empty if f.key in STATUTORY]
    assert flat.count("……") >= len(statutory), (lang, flat.count("……"), record)  # one blank a field
    assert "".join(PRINTER[lang].split()) in flat, (lang, record)  # the printer's line, its blank beside it


@pytest.mark.parametrize("lang", LANGS)
def test_a_proof_shows_each_unfilled_field_as_a_dotted_blank(sample_prepared, sample_editions, lang):
    """The proof keeps every unfilled field as its label and a dotted blank, in
    the edition's language, so the editors see the record's final shape and
    what is missing; never a space between a CJK label and its blank."""
    book, pages = sample_prepared.book, sample_prepared.pagination.pages
    number = len(pages) if lang in RECORD_AT_BACK else 4
    setting = next(s for (page, _), s in sample_editions[lang].text.frames.items() if page == number)
    lines = ["".join(piece.text for piece in line.pieces) for p in setting.placements for line in p.lines]
    flat = "".join("".join(lines).split())
    catalog = sample_editions[lang].catalog
    loc = Localiser(book, lang, catalog)
    statutory = [f for f in book.imprint.fields if f.key in STATUTORY]
    assert flat.count("……") >= len(statutory), (lang, flat.count("……"), lines)
    bare = re.sub("[:：]", "", flat.replace("……", ""))  # a field's colon: the label column; a long label wraps round its blank
    for field in statutory:
        label = loc.text(field.label)  # a label holding its own colon ("…: Giám đốc – Tổng biên tập") takes no second one
        assert re.sub("[:：]", "", "".join(label.split())) in bare, (lang, field.key, lines)
    if lang in ("zh", "ja"):
        assert not [line for line in lines if re.search(r"[\s\u3000]……", line)], lines


def test_a_final_book_refuses_to_build_without_its_statutory_fields(mini, run):
    """imprint.final: true: an unfilled field stops the print build with one line naming it."""
    book = mini / "content/book.yaml"
    book.write_text(book.read_text(encoding="utf-8") + "imprint:\n  publisher: \"Nhà xuất bản Thử nghiệm\"\n  final: true\n",
                    encoding="utf-8")
    result = run(mini, "build", "--lang", "vi")
    assert result.exit_code == 1
    assert "imprint.decision: empty" in result.output and "Traceback" not in result.output


# --- the foreword ---------------------------------------------------------------------

SIGNATURE = {"vi": "Sở Thông tin và Truyền thông thành phố Hải Phòng", "en": "Hải Phòng Department of Information and Communications",
             "zh": "海防市信息传媒厅", "ko": "하이퐁시 정보통신국", "ja": "ハイフォン市情報通信局"}
DATELINE = {"vi": "Hải Phòng, tháng 5 năm 2025", "en": "Hải Phòng, May 2025", "zh": "海防，2025年5月", "ko": "하이퐁, 2025년 5월",
            "ja": "ハイフォン、2025年5月"}  # the place, then the month of publication (CLDR yMMMM)


def line_text(line) -> str:
    return "".join(piece.text for piece in line.pieces).strip()


@pytest.mark.parametrize("lang", LANGS)
def test_foreword_is_one_block_on_a_sink_signed_by_its_publisher(sample_prepared, sample_editions, lang):
    """The foreword's heading starts on the top of the fourth grid row (a sink
    about a quarter down the page), its text hangs two line spaces under it and
    ends on or above the foot line, and its last two lines are the publishing
    body's name in the edition's language and the dateline (the place, the month
    of publication), both set right."""
    from book.text.stack import first_baseline, last_baseline_offset

    book, pages = sample_prepared.book, sample_prepared.pagination.pages
    page = next(p for p in pages if p.layout.name == "text")
    assert pages[page.number].layout.name != "text-continued"  # one page at the sample's trim
    frames = sample_editions[lang].text.frames
    heading, body = frames[(page.number, "heading")].placements[0], frames[(page.number, "body")].placements[0]
    row4 = book.margins["top"] + 3 * (book.grid.row(book.trim[1]) + book.grid.row_gutter)
    assert heading.top == pytest.approx(row4, abs=0.01)
    heading_last = heading.top + last_baseline_offset(heading)
    assert first_baseline(body) - heading_last == pytest.approx(2 * body.lines[0].leading / MM, abs=0.01)
    assert body.top + last_baseline_offset(body) <= book.trim[1] - book.margins["bottom"] + 0.01
    signed, last, box = body.lines[-2], body.lines[-1], frames[(page.number, "body")].box
    assert line_text(signed) == SIGNATURE[lang] and signed.size == book.style("signature", lang).size, line_text(signed)
    assert line_text(last) == DATELINE[lang], line_text(last)  # the dateline closes it, under the signature
    for line in (signed, last):
        assert 1 < line.pieces[0].x / MM < box[2], line.pieces[0].x  # set right: moved in from the left edge


MATTER_TEXT = {"toc": "contents", "text": "body", "credits": "list"}  # each matter page's text under its heading


@pytest.mark.parametrize("lang", LANGS)
def test_matter_pages_share_one_sinkage_and_one_column_line(sample_prepared, sample_editions, lang):
    """The contents, the foreword and the photo credits: the heading's baseline
    on one line (a module line, the top of row 4), the text's left edge on the
    same column of its page, the third from the text block's left edge on a
    recto (the foreword, the credits) and a verso (the contents) alike, the
    text hung under the heading, the credits as the others."""
    from book.text.stack import first_baseline

    book, pages = sample_prepared.book, sample_prepared.pagination.pages
    frames = sample_editions[lang].text.frames
    found = {}
    for page in pages:
        if page.layout.name in MATTER_TEXT:
            heading = frames[(page.number, "heading")].placements[0]
            text = frames[(page.number, MATTER_TEXT[page.layout.name])]
            x, _, w, _ = text.box
            edge = book.margins["inner"] if page.recto else book.margins["outer"]  # the text block's left edge
            found[page.layout.name] = (page.recto, first_baseline(heading), heading.x, x - edge, min(p.top for p in text.placements))
    assert set(found) == set(MATTER_TEXT) and {recto for recto, *_ in found.values()} == {True, False}, found
    assert max(v[1] for v in found.values()) - min(v[1] for v in found.values()) < 0.01, found  # one sinkage
    row4 = book.margins["top"] + 3 * (book.grid.row(book.trim[1]) + book.grid.row_gutter)
    assert all(row4 < v[1] < row4 + book.grid.row(book.trim[1]) for v in found.values()), found
    assert max(v[3] for v in found.values()) - min(v[3] for v in found.values()) < 0.01, found  # one column line
    assert all(v[3] > 0 for v in found.values()), found  # one column in from the block's edge, on either side
    for name, (_, _, heading_x, _, _) in found.items():
        box = frames[(next(p.number for p in pages if p.layout.name == name), MATTER_TEXT[name])].box
        assert heading_x == pytest.approx(box[0], abs=0.01), (name, heading_x, box)  # the heading on the text's edge
    assert found["credits"][4] > found["credits"][1], found  # the list under its heading, not beside it


@pytest.mark.parametrize("lang", LANGS)
def test_no_line_of_the_matter_is_wider_than_its_measure(sample, lang):
    """On the foreword page, the copyright page and the colophon no word ends
    past the measure: the signature set right ends where the justified lines
    end (zh, ja: the whole-em block inside the frame, 330 pt of 332.8), not 3 pt
    past them at the frame's edge."""
    import math

    book, _ = load_book(sample)
    pagination = paginate(book)
    pdf = interior(sample, lang)
    checked = 0
    for page in pagination.pages:
        if page.layout.name not in ("text", "copyright", "colophon"):
            continue
        measures = []  # (left, top, bottom, the measure's right end) of each text frame, pt on the media box
        for placed in page.placed:
            if placed.frame.kind != "text" or not placed.frame.style:
                continue
            x, y, w, h = placed.box
            style = book.style(placed.frame.style, lang)
            measure = w * MM
            if lang in ("zh", "ja") and style.align in ("left", "justify"):
                measure = math.floor(measure / style.size + 1e-6) * style.size
            measures.append(((3 + x) * MM, (3 + y) * MM, (3 + y + h) * MM, (3 + x) * MM + measure, style.size))
        for word in words(pdf, page.number):
            frames = [m for m in measures if m[0] - 1 < word[0] < m[3]]
            if frames:  # a text hangs under its heading, over its frame's top: the widest measure of its column
                widest, right = max(frames, key=lambda m: m[3]), word[2]
                if lang in ("zh", "ja") and word[4][-1:] in LINE_END_MARKS:
                    # JIS 行末二分: a line-end mark is drawn with Tc = -0.5 em, its box ending on the
                    # measure; pdftotext's xMax counts the glyph's whole em advance, not the Tc.
                    right -= 0.5 * widest[4]
                assert right <= widest[3] + 0.3, (lang, page.number, word[4], word[2], frames)
                checked += 1
    assert checked > 40, checked


def test_a_longer_foreword_runs_on_and_ends_with_its_signature(sample_copy, run):
    """A foreword twice as long runs on over `text-continued`: the heading and
    the start stay on the sink page, the text goes on at the next page's top
    margin, and the signature and the dateline close the text on the last page,
    flush right."""
    chapter = sample_copy / "content" / "chapters" / "00-mo-dau.yaml"
    text = chapter.read_text(encoding="utf-8")
    start, end = text.index("  foreword: |\n") + len("  foreword: |\n"), text.index("  foreword_signature:")
    chapter.write_text(text[:end] + text[start:end] + text[end:], encoding="utf-8")
    built = run(sample_copy, "build", "--lang", "vi")
    assert built.exit_code == 0, built.stderr
    assert "overflow" not in built.stderr, built.stderr
    pdf = interior(sample_copy, "vi")
    first, second, after = (text_of(pdf, n) for n in (5, 6, 7))  # the foreword on the recto, the contents after it
    assert "Lời giới thiệu" in first and [line for line in first.splitlines() if line.strip()][-2] != SIGNATURE["vi"], first
    assert "cùng phát triển." in second and "Mục lục" in after, second
    lines = [line.strip() for line in second.splitlines() if line.strip()]
    assert lines[-3:] == [SIGNATURE["vi"], DATELINE["vi"], "6"], lines[-4:]  # the signature, the dateline, the folio
    found = words(pdf, 6)
    foot = max(w[1] for w in found)  # the folio, the lowest word on the page
    found = [w for w in found if w[1] < foot - 1]
    rows = sorted({round(w[1]) for w in found})  # the text's lines
    body_right = max(w[2] for w in found if round(w[1]) < rows[-2] - 1)
    for row in rows[-2:]:  # the signature's line, then the dateline's
        closing = [w for w in found if abs(round(w[1]) - row) < 1]
        assert max(s[2] for s in closing) >= body_right - 3.0, (max(s[2] for s in closing), body_right)  # flush right
        assert min(s[0] for s in closing) > min(w[0] for w in found) + 20, closing  # not flush left


KO_ORDER = ("초판 1쇄 발행 2025년 5월 13일", "펴낸곳 정보통신출판사", "공동 발행 하이퐁시 정보통신국", "ISBN 978-604-00-0004-0",
            "판형 240 × 300 mm", "제본 양장", "납본일 2025년 5월", "베트남에서 인쇄", "비매품")


def test_korean_colophon_in_pankwon_order(sample):
    """The Korean 판권: the title, the first printing's date in the 초판 1쇄 발행
    form, 펴낸곳 and 공동 발행, the ISBN, then the specification, every field
    labelled in the label column ("제본 | 양장", "납본일 | 2025년 5월") and none
    ending in a full stop, then the statements: "베트남에서 인쇄" (printed in
    Vietnam, not the Vietnamese sentence's word order) and 비매품."""
    record, _ = record_pages(sample, "ko")
    places = [record.find(line) for line in KO_ORDER]
    assert -1 not in places and places == sorted(places), list(zip(KO_ORDER, places, strict=True))
    assert record.index("하이퐁 ― 투쟁") < places[0], record
    assert "인쇄 완료 및 납본" not in record and "발행일:" not in record
    assert record.find("베트남에서 인쇄") > places[-3], record  # the statements close it, in Korean word order


def test_chinese_record_gives_edition_and_printing_apart(sample):
    """版次 and 印次 are two fields, and the deposit is a dated field, not a sentence."""
    record, _ = record_pages(sample, "zh")
    assert "版次 2025 年 5 月第 1 版 印次 2025 年 5 月第 1 次印刷" in record, record
    assert "第 1 版第 1 次印刷" not in record and "缴送样本日期 2025 年 5 月" in record


def test_japanese_okuzuke_names_the_original_and_the_binding(sample):
    """The 奥付 gives the binding as a field, the Vietnamese original title in 『』, once in the book."""
    record, short = record_pages(sample, "ja")
    assert "製本 上製本（糸かがり）" in record and "原書名 『Hải Phòng – 70 năm chiến đấu, xây dựng và phát triển』" in record
    assert "原書名" not in short


@pytest.mark.parametrize("lang", LANGS)
def test_foreword_on_the_recto_after_the_copyright_page(sample, lang):
    """p4 the copyright page, p5 (a recto) the foreword, p6 the contents facing
    the first opener; the contents give the foreword's page as 5."""
    book, _ = load_book(sample)
    pages = paginate(book).pages
    assert [p.layout.name for p in pages[3:7]] == ["copyright", "text", "toc", "chapter-opener"], [p.layout.name for p in pages[:8]]
    loc = Localiser(book, lang, read_catalog(sample, lang) if lang != "vi" else None)
    heading = loc.text(book.chapters[0].texts["foreword_heading"])
    pdf = interior(sample, lang)
    assert text_of(pdf, 5).split("\n")[0].strip() == heading, text_of(pdf, 5)[:80]
    toc = [w for w in words(pdf, 6)]
    row = [w for w in toc if w[4] in heading.split() or w[4] == heading][:1]
    assert row and any(w[4] == "5" and abs(w[1] - row[0][1]) < 6 for w in toc), (lang, [w[4] for w in toc][:12])


@pytest.mark.parametrize("lang", LANGS)
def test_credits_names_never_run_into_their_figures(sample_prepared, sample_editions, lang):
    """The credits by photographer as a table: no name's ink reaches its page
    column (a long name wraps inside the name column), every entry's figures
    start on its name's first baseline, the white between the widest name and
    the figures is the same in both column pairs, the entries of the right pair
    stand on the left one's baseline grid, and no line of figures is a lone figure."""
    pages = sample_prepared.pagination.pages
    number = next(p.number for p in pages if p.layout.name == "credits")
    setting = sample_editions[lang].text.frames[(number, "list")]
    entries: dict[int, list] = {}
    for placement, (entry, _, _) in zip(setting.placements, setting.entries, strict=True):
        if entry >= 0:
            entries.setdefault(entry, []).append(placement)
    pairs: dict[float, list] = {}
    for entry, placements in entries.items():
        left = min(p.x for p in placements)
        first = [p for p in placements if abs(p.top - min(q.top for q in placements)) < 0.01]
        if len(first) < 2:
            continue  # a legend under the list
        tab = max(p.x for p in first)  # the figures beside the name's first line
        names = [p for p in placements if p.x < tab - 0.01]  # a name's turnover one em in
        figures = [p for p in placements if p.x >= tab - 0.01]
        em = sample_prepared.book.style("credits", lang).size / MM
        assert all(abs(p.x - tab) < 0.01 or abs(p.x - tab - em) < 0.01 for p in figures), (lang, entry)  # turnovers 1 em in
        ink = max(p.x + p.lines[0].width / MM for p in names)
        assert ink < tab - 2.0, (lang, entry, ink, tab)  # at least the name gap: never into the figures
        assert abs(min(p.top for p in names) - min(p.top for p in figures)) < 0.01, (lang, entry)
        if len(figures) > 1:
            texts = ["".join(piece.text for piece in p.lines[0].pieces) for p in figures]
            assert all(re.search(r"[,、]", text.strip(" ,、")) for text in texts[-1:]) or len(texts[-1]) > 4, (lang, texts)
        pairs.setdefault(round(left, 2), []).append((ink, tab, min(p.top for p in names)))
    assert len(pairs) == 2, (lang, list(pairs))
    left_pair, right_pair = (pairs[key] for key in sorted(pairs))
    gaps = [min(tab for _, tab, _ in pair) - max(ink for ink, _, _ in pair) for pair in (left_pair, right_pair)]
    assert abs(gaps[0] - gaps[1]) < 0.3, (lang, gaps)
    lead, top0 = sample_prepared.book.style("credits", lang).leading / MM, min(top for _, _, top in left_pair)
    steps = [(top - top0) / lead for _, _, top in left_pair + right_pair]  # each column on its own, one baseline grid
    assert all(abs(step - round(step)) < 0.01 for step in steps), (lang, steps)
