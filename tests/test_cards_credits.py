"""Caption cards sized to their text, the photo-credits list, the credit label
kept with its name, and a page count in whole signatures: checked in the
built PDFs as a designer and a printer would look at them."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import LANGS, REPO
from PIL import Image

from book.errors import Problems
from book.i18n.catalog import read_catalog
from book.i18n.localise import Localiser
from book.model import MM
from book.pages.paginate import paginate
from book.sources import load_book
from book.text.cards import CARD_PAD
from book.text.fonts import EditionFonts
from book.text.frames import edition_words, texts_by_role
from book.text.typeset import break_paragraph

DPI = 100
PX = 25.4 / DPI  # mm per pixel

def interior(root: Path, lang: str) -> Path:
    return root / "output" / "print" / lang / f"hai-phong-70-nam-{lang}-interior.pdf"


def render(pdf: Path, page: int, folder: Path) -> Image.Image:
    folder.mkdir(parents=True, exist_ok=True)
    # PPM, the same pixels as PNG: compressing a page into PNG takes pdftoppm several times as long as drawing it.
    subprocess.run(["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(folder / "p")], check=True)
    return Image.open(folder / "p.ppm").convert("RGB")


def words(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, text) of every word on the page, in pt from the media box's top-left."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out)
    return [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in found]


def layout_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


# --- caption cards ---------------------------------------------------------------------------------------------

def white(pixel) -> bool:
    return min(pixel) >= 250


def find_card(image: Image.Image, frame_px: tuple[int, int, int, int], right: bool) -> tuple[int, int, int, int]:
    """The white card in its frame's bottom corner: (left, top, right, bottom) pixels, the edges inclusive.
    Found from the corner along the bottom and outer padding, where no text is."""
    x0, y0, x1, y1 = frame_px
    pixels = image.load()
    row = y1 - 3  # inside the bottom padding
    if right:
        edge = x1 - 3
        left = edge
        while left - 1 >= x0 - 2 and white(pixels[left - 1, row]):
            left -= 1
        column, right_edge = edge, edge
        while right_edge + 1 < image.width and white(pixels[right_edge + 1, row]):
            right_edge += 1
        left_edge = left
    else:
        edge = x0 + 3
        right_edge = edge
        while right_edge + 1 <= x1 + 2 and white(pixels[right_edge + 1, row]):
            right_edge += 1
        column, left_edge = edge, edge
        while left_edge - 1 >= 0 and white(pixels[left_edge - 1, row]):
            left_edge -= 1
    top = row
    while top - 1 >= y0 - 2 and white(pixels[column, top - 1]):
        top -= 1
    bottom = row
    while bottom + 1 < image.height and white(pixels[column, bottom + 1]):
        bottom += 1
    return left_edge, top, right_edge, bottom


def ink(image: Image.Image, card: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The bounding box of the text's ink inside the card."""
    left, top, right, bottom = card
    inner = image.crop((left, top, right + 1, bottom + 1)).convert("L").point(lambda v: 255 if v < 200 else 0)
    box = inner.getbbox()
    assert box is not None, card
    return left + box[0], top + box[1], left + box[2] - 1, top + box[3] - 1


def card_pages(root: Path):
    """(page number, frame box in mm, on the right-hand side) of every caption card of the sample."""
    book, _ = load_book(root)
    for page in paginate(book).pages:
        for placed in page.placed:
            if placed.frame.panel:
                x, y, w, h = placed.box
                yield page.number, (x, y, w, h), x + w / 2 > book.trim[0] / 2


def test_caption_cards_fit_their_text_with_equal_padding_the_same_in_every_edition(sample, tmp_path):
    cards = list(card_pages(sample))
    assert len(cards) >= 10
    bleed = 3.0
    smaller = 0
    for number, (x, y, w, h), right in cards:
        frame_px = tuple(round((v + bleed) / PX) for v in (x, y, x + w, y + h))
        found, pads = {}, {}
        for lang in LANGS:
            image = render(interior(sample, lang), number, tmp_path / f"{lang}-{number}")
            card = find_card(image, frame_px, right)
            text = ink(image, card)
            found[lang] = card
            pads[lang] = {"left": (text[0] - card[0]) * PX, "top": (text[1] - card[1]) * PX,
                          "right": (card[2] - text[2]) * PX, "bottom": (card[3] - text[3]) * PX}
        # One card on the shared plates: the same rectangle in all five editions, within a pixel.
        for lang in LANGS[1:]:
            assert all(abs(a - b) <= 1 for a, b in zip(found[lang], found["vi"], strict=True)), (number, lang, found)
        card = found["vi"]
        card_h = (card[3] - card[1] + 1) * PX
        smaller += card_h < h - 1
        for lang, pad in pads.items():
            assert abs(pad["left"] - CARD_PAD) < 0.6, (number, lang, pad)
            assert pad["right"] > CARD_PAD - 0.6, (number, lang, pad)
            # Centred in the card's height: the same white above and below (accents and descenders aside).
            assert abs(pad["top"] - pad["bottom"]) < 1.2, (number, lang, pad)
        # The edition with the most text decides the card: its padding is CARD_PAD all round.
        assert min(abs(p["top"] - CARD_PAD) for p in pads.values()) < 1.0, (number, pads)
        assert min(p["right"] for p in pads.values()) < CARD_PAD + 1.5 or card[2] - card[0] + 1 <= round(40 / PX), (number, pads)
    assert smaller >= len(cards) // 2  # cards follow their text rather than fill a fixed frame


def test_one_catalog_resizing_a_card_renders_every_edition(mini, run, tmp_path):
    """The card is on the C/M/Y plates: an edit in one language that makes it taller changes it in all."""
    edit(mini / "content" / "chapters" / "01-cang.yaml", "layout: photo-caption", "layout: full-bleed")

    def build_proof() -> dict[str, bool]:
        result = run(mini, "build", "--profile", "proof", "--json")
        assert result.exit_code == 0, result.stderr
        return {e["lang"]: e["written"] for e in json.loads(result.stdout)["editions"]}

    def cards() -> dict[str, tuple[int, int, int, int]]:
        frame = load_book(mini)[0].layouts["full-bleed"].frames["caption"]
        x = 240 - frame.x - frame.w  # full-bleed's caption frame on a left-hand page: mirrored
        frame_px = tuple(round((v + 3) / PX) for v in (x, frame.y, x + frame.w, frame.y + frame.h))
        found = {}
        for lang in ("vi", "en", "ja"):
            image = render(mini / "output" / "proof" / lang / f"mini-{lang}-proof.pdf", 2, tmp_path / f"{lang}-{len(found)}")
            found[lang] = find_card(image, frame_px, right=False)  # page 2 is a left-hand page: the card at its outer left
        return found

    assert build_proof() == {"vi": True, "en": True, "ja": True}
    before = cards()
    assert len(set(before.values())) == 1, before
    longer = " ".join(["The bridge carries the expressway to Lach Huyen port across the sea."] * 3)
    edit(mini / "translations" / "en.po", "when it opened in 2017.", f"when it opened in 2017. {longer}")
    assert build_proof() == {"vi": True, "en": True, "ja": True}
    after = cards()
    assert len(set(after.values())) == 1, after
    assert after["vi"][1] < before["vi"][1]  # taller: its top moved up, its bottom corner stayed


# --- photo credits -------------------------------------------------------------------------------------------------

def credits_page(root: Path) -> tuple[int, tuple[float, float, float, float]]:
    book, _ = load_book(root)
    for page in paginate(book).pages:
        for placed in page.placed:
            if placed.frame.kind == "credits":
                return page.number, placed.box
    raise AssertionError("no credits page")


def credit_rows(pdf: Path, page: int, box: tuple[float, float, float, float]) -> list[list[list[tuple]]]:
    """The credits' two columns, each a list of rows (the words of one line, left to right)."""
    x, y, w, h = (v * MM for v in box)
    bleed = 3 * MM
    col_w = (w - 5 * MM) / 2
    columns: list[dict[float, list]] = [{}, {}]
    for word in words(pdf, page):
        if not bleed + y - 1 < word[1] < bleed + y + h:
            continue  # the heading, the folio
        column = 0 if word[0] < bleed + x + col_w + 2.5 * MM else 1
        rows = columns[column]
        middle = (word[1] + word[3]) / 2  # the faces' boxes differ in height, their middles agree
        key = next((k for k in rows if abs(k - middle) < 2.0), middle)
        rows.setdefault(key, []).append(word)
    return [[sorted(rows[k]) for k in sorted(rows)] for rows in columns]


@pytest.mark.parametrize("lang", LANGS)
def test_credits_balanced_with_page_numbers_aligned(sample, lang):
    number, box = credits_page(sample)
    columns = credit_rows(interior(sample, lang), number, box)
    book, _ = load_book(sample)
    credited = sum(1 for photo in book.photos.values() if photo.credit.text)
    assert sum(len(rows) for rows in columns) == credited
    assert abs(len(columns[0]) - len(columns[1])) <= 2, [len(rows) for rows in columns]
    for rows in columns:
        # The page reference ends at the word with its number; those ends line up.
        ends = [next(word for word in row if re.search(r"\d", word[4]))[2] for row in rows]
        assert max(ends) - min(ends) < 0.5, (lang, sorted(ends)[:3], sorted(ends)[-3:])


# zh, ja: the quarter-em space beside digits
SPREAD = {"vi": "tr. {0}–{1}", "en": "pp. {0}–{1}", "zh": "第 {0}–{1} 页", "ko": "{0}~{1}쪽", "ja": "{0}～{1} ページ"}
POSITIONS = {"two-photos": [("photo-a", "top"), ("photo-b", "bottom")],
             "grid-3": [("photo-a", "top"), ("photo-b", "bottom left"), ("photo-c", "bottom right")],
             "grid-4": [("photo-a", "top left"), ("photo-b", "top right"), ("photo-c", "bottom left"), ("photo-d", "bottom right")]}
MIRRORED = {"bottom left": "bottom right", "bottom right": "bottom left", "top left": "top right", "top right": "top left"}


def test_credits_give_spread_ranges_and_positions(sample):
    book, _ = load_book(sample)
    pagination = paginate(book)
    number, _ = credits_page(sample)
    texts = {lang: layout_text(interior(sample, lang), number) for lang in LANGS}
    spreads = sorted({page.number for page in pagination.pages if page.layout.spread and page.number % 2 == 0})
    assert len(spreads) >= 5
    for lang, pattern in SPREAD.items():
        for first in spreads:
            assert pattern.format(first, first + 1) in texts[lang], (lang, first)
    lines = texts["en"].splitlines()
    catalog = read_catalog(sample, "en")
    checked = 0
    for page in pagination.pages:
        slots = {p.frame.name: p.value for p in page.placed}
        for slot, where in POSITIONS.get(page.layout.name, []):
            if not page.recto:
                where = MIRRORED.get(where, where)  # left-hand pages mirror the layout
            credit = catalog.entries[book.photos[slots[slot]].credit.ctx].msgstr
            entry = re.compile(rf"(^|\s)p\. {page.number}\s+{where}\s+{re.escape(credit)}(\s|$)")
            assert any(entry.search(line) for line in lines), (page.number, where, credit,
                                                                [line for line in lines if f"p. {page.number} " in line])
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("lang", LANGS)
def test_credit_names_are_never_split(sample, lang):
    book, _ = load_book(sample)
    loc = Localiser(book, lang, read_catalog(sample, lang) if lang != "vi" else None)
    number, _ = credits_page(sample)
    lines = layout_text(interior(sample, lang), number).splitlines()
    for photo in book.photos.values():
        name = loc.text(photo.credit)
        assert any(name in line for line in lines), (lang, photo.id, name)


def add_credits(root: Path) -> None:
    (root / "content" / "chapters" / "09-cuoi.yaml").write_text(
        'id: cuoi\ntexts:\n  heading: "Ảnh trong sách"\npages:\n  - layout: credits\n    slots: {heading: heading}\n', encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_credit_wider_than_its_column_is_reported(mini, run):
    add_credits(mini)
    long = "Trung tâm Lưu trữ Ảnh và Tư liệu Lịch sử của Sở Thông tin và Truyền thông thành phố Hải Phòng"
    edit(mini / "translations" / "en.po", 'msgstr "Trần Văn Hải"', f'msgstr "{long}"')
    with (mini / "translations" / "en.po").open("a", encoding="utf-8") as po:
        po.write('\nmsgctxt "chapter:cuoi:heading"\nmsgid "Ảnh trong sách"\nmsgstr "Photo credits"\n')
    result = run(mini, "check", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    line = next(line for line in result.stderr.splitlines() if "credit-too-wide" in line or "the credit of photo" in line)
    assert line.startswith("warning: translations/en.po:47: en: photo credits (page 4): the credit of photo p001, "
                           f"'{long}', is "), line
    assert "wide and its column has room for" in line and "shorten it" in line
    listed = json.loads(run(mini, "check", "--lang", "en", "--json").stdout)
    problems = listed["problems"] if isinstance(listed, dict) else listed
    assert any(p["code"] == "credit-too-wide" and p["severity"] == "warning" for p in problems)
    assert "credit-too-wide" not in run(mini, "check", "--lang", "vi").stderr


# --- the credit label under a caption ----------------------------------------------------------------------

def test_credit_label_stays_with_the_name(tmp_path):
    """'Ảnh:' (and 'Photo:', '写真：') never ends a line with the name on the next, at any measure."""
    book, _ = load_book(REPO, check_files=False)
    pagination = paginate(book)
    for lang, label in (("vi", "Ảnh:"), ("en", "Photo:"), ("ja", "写真：")):
        loc = Localiser(book, lang, read_catalog(REPO, lang) if lang != "vi" else None, Problems())
        words_ = edition_words(book, pagination, loc)
        fonts = EditionFonts(book.fonts, lang, tmp_path / "fonts")
        fonts.prepare(texts_by_role(book, words_))
        metas = [item.parts[1] for item in words_.frames if item.placed.frame.kind == "caption"][:12]
        dangled = 0
        for part in metas:
            names_only = tuple(k for k in part.keep if not k.startswith(label))
            for tenth in range(300, 900, 15):
                width = tenth / 10 * MM
                lines = ["".join(p.text for p in line.pieces).rstrip()
                         for line in break_paragraph(fonts, part.text, part.style, lang, part.style.size, width, keep=part.keep)]
                assert not any(line.endswith(label) for line in lines), (lang, tenth / 10, lines)
                unjoined = break_paragraph(fonts, part.text, part.style, lang, part.style.size, width, keep=names_only)
                dangled += any("".join(p.text for p in line.pieces).rstrip().endswith(label) for line in unjoined)
        assert dangled, lang  # without the join the label would dangle somewhere: the test tests something


# --- signatures ------------------------------------------------------------------------------------------------

def test_blank_pages_for_a_signature_go_before_the_back_matter(mini, run):
    add_credits(mini)
    edit(mini / "content" / "book.yaml", "page_multiple: 4", "signature: 16")
    result = run(mini, "check", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    assert ("warning: 3 pages padded with 13 blank pages before the back matter (pages 3–15) to 16, "
            "a signature of 16 for perfect binding; to avoid blank pages, add or remove pages in content/chapters") in result.stderr
    assert run(mini, "build", "--lang", "vi", "--lang", "en", "--profile", "proof").exit_code == 0
    for lang in ("vi", "en"):
        pdf = mini / "output" / "proof" / lang / f"mini-{lang}-proof.pdf"
        assert len(pikepdf.open(pdf).pages) == 16
        pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
        assert all(not text.strip() for text in pages[2:15]), lang  # the blanks
        assert "Trần Văn Hải" in pages[15]  # the credits, last


def test_sample_book_is_four_signatures_without_blanks(sample):
    manifest = json.loads((sample / "output" / "manifest.json").read_text(encoding="utf-8"))
    interiors = [f for f in manifest["files"] if f["part"] == "interior"]
    assert len(interiors) == 5 and {f["pages"] for f in interiors} == {64}
    assert not any("blank page" in w for w in manifest["warnings"])
    book, _ = load_book(sample)
    assert book.binding_multiple == 16
    pagination = paginate(book)
    placed = {p.value for page in pagination.pages for p in page.placed if p.frame.kind == "photo"}
    assert placed == set(book.photos)  # every photo still in the book
    assert [page.layout.name for page in pagination.pages[-2:]] == ["credits", "colophon"]
