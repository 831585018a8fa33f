"""Captions as a designer measures them in the built PDFs: two measures
(50-65 characters a line in Latin and Vietnamese, at most 35 in Chinese and
Japanese, about 40 Korean syllables), credit lines of 7.5 pt or more that
never end a line with their separator, and caption cards placed by the
picture: on the grid, the same in every edition, clear of the photo's most
detailed part and of its focus, or where the chapter's ``card:`` says."""

from __future__ import annotations

import dataclasses
import html
import re
import subprocess
import unicodedata
from pathlib import Path

import pikepdf
import pytest
from conftest import LANGS

from book.i18n.catalog import read_catalog
from book.i18n.localise import Localiser
from book.images.detail import busiest_cell, photo_detail, region_detail, subject_cells
from book.model import MM
from book.pages.paginate import paginate
from book.sources import load_book
from book.text.cards import CARD_TINT
from book.text.places import choose_place, fractions_of, overlaps, photo_frame, place_box, shown_part

BLEED = 3.0
LATIN = (50, 65)  # characters a line, spaces counted
CJK_MEASURE = 33  # ems a line: a caption's measure_chars in Chinese and Japanese
KOREAN_MOST = 40  # syllables a line
META_MIN = 7.5  # pt
SEPARATORS = ("·", "•", "|", "/", "–", "—", "　")


def interior(root: Path, lang: str) -> Path:
    return root / "output" / "print" / lang / f"hai-phong-70-nam-{lang}-interior.pdf"


def pdf_lines(pdf: Path, page: int) -> list[tuple[float, float, float, float, str, float]]:
    """(xMin, yMin, xMax, yMax, text, height) of every text line on the page, in pt from the media box's top-left;
    a line's words joined by one space (none between two wide characters)."""
    out = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    found = []
    for line in re.findall(r'<line (.*?)</line>', out, re.S):
        box = [float(v) for v in re.findall(r'[xy]M(?:in|ax)="([\d.]+)"', line.split(">", 1)[0])]
        text = ""
        for word in (html.unescape(w) for w in re.findall(r'<word [^>]*>(.*?)</word>', line)):
            if text and not (wide(text[-1]) and wide(word[0])):
                text += " "
            text += word
        found.append((*box, text, box[3] - box[1]))
    return found


def wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def caption_boxes(root: Path):
    """(page number, frame box in mm, photo id, on a card) of every caption of the sample."""
    book, _ = load_book(root)
    for page in paginate(book).pages:
        for placed in page.placed:
            if placed.frame.kind == "caption" and placed.value:
                yield page.number, placed.box, placed.value, bool(placed.frame.panel)


RISE = 4.5  # pt: how far a first line's box (its face's ascent) reaches above a frame its caps hang from

def in_box(line, box_mm, slack: float = 2.0) -> bool:
    """Whether a pdftotext line lies in the frame: a caption's type hangs its caps from the frame's
    top (`book.text.captions`), so its first line's box reaches a little above it."""
    x, y, w, h = (box_mm[0] + BLEED) * MM, (box_mm[1] + BLEED) * MM, box_mm[2] * MM, box_mm[3] * MM
    return x - slack <= line[0] and line[2] <= x + w + slack and y - slack - RISE <= line[1] and line[3] <= y + h + slack


def baselines(pdf: Path, page: int) -> list[tuple[float, float, float]]:
    """(x, baseline, font size) of every piece of text the page draws, in pt from the media box's top-left."""
    found = []
    with pikepdf.open(pdf) as doc:
        target = doc.pages[page - 1]
        media_h = float(target.mediabox[3])
        x = y = size = None
        for operands, operator in pikepdf.parse_content_stream(target):
            name = str(operator)
            if name == "Tm":
                x, y = float(operands[4]), float(operands[5])
            elif name == "Tf":
                size = float(operands[1])
            elif name in ("Tj", "TJ") and y is not None and size is not None:
                found.append((x, media_h - y, size))
    return found


def caption_lines(pdf: Path, page: int, box_mm, card: bool = False) -> tuple[list[str], list[str], list[float]]:
    """The caption's text lines, its credit lines (the smaller type) and the credit
    lines' sizes (pt), in its frame or on its card, top to bottom."""
    if card:
        box_mm = white_cards(pdf, page)[0]
    drawn = baselines(pdf, page)
    rows: dict[float, list] = {}  # pdftotext may split one line at a wide gap: joined again by baseline
    for line in (line for line in pdf_lines(pdf, page) if in_box(line, box_mm)):
        pieces = [(base, size) for x, base, size in drawn if line[1] <= base <= line[3] and line[0] - 1 <= x <= line[2]]
        if pieces:
            base = max(b for b, _ in pieces)  # its own: the line above may reach into its box, never the line below
            key = next((k for k in rows if abs(k - base) < 0.5), base)
            rows.setdefault(key, []).append((line[0], line[4], max(size for b, size in pieces if abs(b - base) < 0.5)))
    sized = [(" ".join(text for _, text, _ in sorted(rows[k])), max(size for *_, size in rows[k])) for k in sorted(rows)]
    if not sized:
        return [], [], []
    if card:  # a card page's folio is set in its card, flush with the measure's end, on the baseline
        # the longest edition's credit line ends on: on this edition's last line, or on a line of its own
        sized = [(line.rpartition(" ")[0] if line.rpartition(" ")[2] == str(page) else line, size) for line, size in sized]
        sized = [(line, size) for line, size in sized if line.strip()]
    largest = max(size for _, size in sized)
    text = [line for line, size in sized if size > largest - 0.3]
    meta = [(line, size) for line, size in sized if size <= largest - 0.3]
    return text, [line for line, _ in meta], [size for _, size in meta]


CLOSING = "、。，．」』）］｝〕〉》】”’"  # CJK marks drawn in the left half of their em box


def cjk_ems(pdf: Path, page: int, box_mm, card: bool = False) -> list[tuple[str, float]]:
    """(text, width in ems) of each line of a Chinese or Japanese caption's text (its largest type), as
    set: from its start to its last glyph's ink (a line-end closing mark set half-width, JLREQ 3.8.2,
    reaches half an em less far than its em box). Marks set half-width mid-line let a line at
    the measure hold more characters than the measure has ems."""
    if card:
        box_mm = white_cards(pdf, page)[0]
    rows: dict[float, list] = {}  # pdftotext splits a line where a mark set half-width overlaps the next glyph's box
    for line in (line for line in pdf_lines(pdf, page) if in_box(line, box_mm)):
        rows.setdefault(next((k for k in rows if abs(k - line[3]) < 0.5), line[3]), []).append(line)
    largest = max((line[5] for row in rows.values() for line in row), default=0.0)
    found = []
    for _, row in sorted(rows.items()):
        row.sort()
        size, last = max(line[5] for line in row), max(row, key=lambda line: line[2])
        if size > largest - 0.3:
            end = last[2] - (size / 2 if last[4][-1:] in CLOSING else 0.0)
            found.append(("".join(line[4] for line in row), (end - row[0][0]) / size))
    return found


def count(text: str, lang: str) -> float:
    """A line's length as the measure counts it (`book.text.captions`)."""
    if lang in ("zh", "ja"):
        return sum(1 if wide(ch) else 0.5 for ch in text if not ch.isspace())
    if lang == "ko":
        return sum(1 for ch in text if "\uac00" <= ch <= "\ud7a3")
    return len(text)


@pytest.mark.parametrize("lang", LANGS)
def test_captions_keep_their_scripts_measure(sample, lang):
    pdf = interior(sample, lang)
    book, _ = load_book(sample)
    checked = 0
    for number, box, pid, card in caption_boxes(sample):
        text, _, _ = caption_lines(pdf, number, box, card)
        assert text, (lang, number, pid)
        body = text[:-1]  # the last line of a caption ends where its text ends
        for line in text:
            n = count(line, lang)
            if lang in ("vi", "en"):
                assert n <= LATIN[1], (lang, number, pid, line, n)
            elif lang == "ko":
                assert n <= KOREAN_MOST, (lang, number, pid, line, n)
        if lang in ("zh", "ja"):  # the measure counts ems, a Latin letter or digit half an em
            for line, ems in cjk_ems(pdf, number, box, card):
                assert ems <= CJK_MEASURE + 0.05, (lang, number, pid, line, round(ems, 2))
                checked += 1
        wide_enough = card or box[2] >= 100.0  # a frame wider than the measure: the measure, not the frame, sets the lines
        if wide_enough and len(body) >= 2 and lang in ("vi", "en"):
            # The measure lets a line reach LATIN[0]; the Latin rules (names whole, no runt,
            # one hyphen, a last line of a quarter measure: `book.text.latin`) may even the rag a few characters below it.
            lengths = sorted(count(line, lang) for line in body)
            assert lengths[-1] >= LATIN[0] - 3 and lengths[len(lengths) // 2] >= LATIN[0] - 5, (lang, number, pid, body)
            checked += 1
    if lang != "ko":  # Korean lines are counted above, not checked here
        assert checked >= 10


@pytest.mark.parametrize("lang", LANGS)
def test_credit_lines_are_large_enough_and_never_end_on_a_separator(sample, lang):
    pdf = interior(sample, lang)
    book, _ = load_book(sample)
    loc = Localiser(book, lang, read_catalog(sample, lang) if lang != book.source_language else None)
    two_lines = 0
    for number, box, pid, card in caption_boxes(sample):
        _, meta, sizes = caption_lines(pdf, number, box, card)
        assert meta, (lang, number, pid)
        assert min(sizes) >= META_MIN, (lang, number, pid, sizes)
        for line in meta:
            assert not line.rstrip().endswith(SEPARATORS), (lang, number, pid, meta)
        # one form everywhere: place and date, then the photographer; a place too long for a narrow
        # measure runs over a second line ("ディエンビエンフー通り（ホンバン区）、/ 2024 年 5 月")
        assert 2 <= len(meta) <= 3, (lang, number, pid, meta)
        if len(meta) > 1:
            credit = loc.text(book.photos[pid].credit)
            # (pdftotext joins two wide characters without their space: Korean words are compared without spaces)
            assert "".join(meta[-1].split()) == "".join(loc.label("credit", credit=credit).split()), (lang, number, pid, meta)
            two_lines += 1
    assert two_lines >= 60


# --- caption cards placed by the picture ---------------------------------------------------------------------------

def white_cards(pdf: Path, number: int) -> list[tuple[float, float, float, float]]:
    """The rectangles the page fills in the cards' paper tint (its caption cards; white before the
    tint), in mm from the trim's top-left (x, y, w, h)."""
    tint = tuple(round(share / 100, 4) for share in CARD_TINT)
    found = []
    with pikepdf.open(pdf) as doc:
        page = doc.pages[number - 1]
        media_h = float(page.mediabox[3])
        fill_white = False
        for operands, operator in pikepdf.parse_content_stream(page):
            name = str(operator)
            if name == "k":
                fill_white = tuple(round(float(v), 4) for v in operands) == tint
            elif name in ("g", "rg", "sc", "scn", "cs"):
                fill_white = False
            elif name == "re" and fill_white:
                x, y, w, h = (float(v) for v in operands)
                found.append((round(x / MM - BLEED, 2), round((media_h - y - h) / MM - BLEED, 2), round(w / MM, 2), round(h / MM, 2)))
            elif name == "Q":
                fill_white = False
    return found


SUBJECT_MARGIN = 5.0  # mm of photo a card keeps clear round the subject's cells


def touches(box, shown, subject, margin: float = SUBJECT_MARGIN) -> int:
    """How many of the subject's cells the card ``box`` (mm), ``margin`` round it, comes over."""
    grown = fractions_of((box[0] - margin, box[1] - margin, box[2] + 2 * margin, box[3] + 2 * margin), shown)
    return sum(1 for cell in subject if overlaps(grown, cell))


def test_cards_sit_on_the_grid_clear_of_the_subject_and_the_same_in_every_edition(sample):
    book, _ = load_book(sample)
    grid, (trim_w, trim_h) = book.grid, book.trim
    row_pitch = grid.row(trim_h) + grid.row_gutter
    pagination = paginate(book)
    places = set()
    checked = 0
    for page in pagination.pages:
        for placed in page.placed:
            if not placed.frame.panel:
                continue
            cards = {lang: white_cards(interior(sample, lang), page.number) for lang in LANGS}
            assert all(len(found) == 1 for found in cards.values()), (page.number, cards)
            card = cards["vi"][0]
            for lang in LANGS[1:]:  # one card on the shared plates
                assert all(abs(a - b) < 0.01 for a, b in zip(cards[lang][0], card, strict=True)), (page.number, lang, cards)
            x, y, w, h = card
            left = grid.inner if page.recto else grid.outer
            right = trim_w - (grid.outer if page.recto else grid.inner)
            # One side edge on the margin (the inner edge follows the texts, `book.text.card_fit`), its
            # top or its bottom on a row line (the margins included).
            assert abs(x - left) < 0.01 or abs(x + w - right) < 0.01, (page.number, card)
            row_lines = [grid.top + k * row_pitch for k in range(grid.rows)] + [trim_h - grid.bottom]
            assert min(abs(y - line) for line in row_lines) < 0.01 or abs(y + h - (trim_h - grid.bottom)) < 0.01, (page.number, card)
            assert w <= placed.frame.w + 0.01
            # Clear of the photo's most detailed cell and of its focus.
            photo = book.photos[placed.value]
            under = photo_frame(page, placed)
            shown = shown_part(book, under.box, photo, under.frame.fit)
            part = fractions_of(card, shown)
            peak = busiest_cell(photo_detail(book.root, photo.path), *shown[:4])
            assert not overlaps(part, peak), (page.number, placed.value, part, peak)
            if photo.focus:
                assert not (part[0] <= photo.focus[0] <= part[2] and part[1] <= photo.focus[1] <= part[3]), (page.number, placed.value)
            # Clear of the whole subject by a margin, not only of its busiest cell: where some outer
            # place's card, 5 mm round it, touches none of the subject's cells, the card touches none.
            subject = subject_cells(photo_detail(book.root, photo.path), *shown[:4])
            outer = [place_box(book, page.recto, name, w, h) for name in placed.frame.card_places or () if not name.endswith("-inner")]
            if not photo.card and any(touches(box, shown, subject) == 0 for box in outer):
                assert touches(card, shown, subject) == 0, (page.number, placed.value, card)
            places.add((round(x), round(y)) if page.recto else (round(trim_w - x - w), round(y)))
            checked += 1
    assert checked >= 10
    assert len(places) >= 3  # placed by the picture, not always in one corner


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_photos_card_key_puts_its_card_there_in_every_edition(mini, run):
    chapter = mini / "content" / "chapters" / "01-cang.yaml"
    edit(chapter, "layout: photo-caption", "layout: full-bleed")
    edit(chapter, '    credit: "Lê Minh"', '    credit: "Lê Minh"\n    card: top-inner')
    result = run(mini, "build", "--profile", "proof", "--json")
    assert result.exit_code == 0, result.stderr
    book, _ = load_book(mini)
    cards = {lang: white_cards(mini / "output" / "proof" / lang / f"mini-{lang}-proof.pdf", 2) for lang in ("vi", "en", "ja")}
    assert all(found == cards["vi"] and len(found) == 1 for found in cards.values()), cards
    x, y, w, h = cards["vi"][0]
    # Page 2 is a left-hand page: its inner margin, at the spine, is on the right.
    assert abs(y - book.grid.top) < 0.01, cards
    assert abs(x + w - (book.trim[0] - book.grid.inner)) < 0.01, cards


def test_an_unknown_card_place_is_one_clear_line(mini, run):
    chapter = mini / "content" / "chapters" / "01-cang.yaml"
    edit(chapter, '    credit: "Lê Minh"', '    credit: "Lê Minh"\n    card: top-left')
    result = run(mini, "build", "--profile", "proof")
    assert result.exit_code == 1
    said = [line for line in result.stderr.splitlines() if "top-left" in line]
    assert len(said) == 1 and "01-cang.yaml" in said[0] and "bottom-outer" in said[0], result.stderr
    assert "Traceback" not in result.stderr


def test_a_card_never_covers_the_focus_nor_the_busiest_part(mini):
    """The quietest corner of the photo takes the card, unless the photo's focus is there."""
    chapter = mini / "content" / "chapters" / "01-cang.yaml"
    edit(chapter, "layout: photo-caption", "layout: full-bleed")
    book, _ = load_book(mini)
    page = next(page for page in paginate(book).pages if page.layout.name == "full-bleed")
    placed = next(placed for placed in page.placed if placed.frame.panel)
    w, h = 100.0, 30.0
    place, box = choose_place(book, page, placed, w, h)
    under = photo_frame(page, placed)
    photo = book.photos[placed.value]
    shown = shown_part(book, under.box, photo, under.frame.fit)
    detail = photo_detail(book.root, photo.path)
    scores = {name: region_detail(detail, *fractions_of(place_box(book, page.recto, name, w, h), shown))
              for name in placed.frame.card_places}
    assert not overlaps(fractions_of(box, shown), busiest_cell(detail, *shown[:4]))
    # The focus in the middle of the chosen place sends the card elsewhere.
    part = fractions_of(box, shown)
    focused = dataclasses.replace(photo, focus=((part[0] + part[2]) / 2, (part[1] + part[3]) / 2))
    book.photos[photo.id] = focused
    again, other = choose_place(book, page, placed, w, h)
    assert again != place, (place, scores)
    moved = fractions_of(other, shown_part(book, under.box, focused, under.frame.fit))
    assert not (moved[0] <= focused.focus[0] <= moved[2] and moved[1] <= focused.focus[1] <= moved[3])


OPENING = "「『（［｛〔〈《【“‘(["  # a line may start with its empty half outside the measure


def test_every_caption_starts_on_a_column_line_in_every_edition(sample):
    """A caption's text starts on a column line of its page, read from the PDF:
    left-aligned from its frame's first column on either page side, ragged
    towards the right, in every edition; never pushed right so that its
    longest line ends on an edge and its left edge falls anywhere."""
    book, _ = load_book(sample)
    grid, trim_w = book.grid, book.trim[0]
    pitch = grid.column(trim_w) + grid.gutter
    checked = {True: 0, False: 0}
    for page in paginate(book).pages:
        columns = [((grid.inner if page.recto else grid.outer) + k * pitch + BLEED) * MM for k in range(grid.columns)]
        for placed in page.placed:
            if placed.frame.kind != "caption" or placed.frame.panel or not placed.value:
                continue
            for lang in LANGS:
                lines = [line for line in pdf_lines(interior(sample, lang), page.number) if in_box(line, placed.box)]
                starts = [line[0] for line in lines if line[4][:1] not in OPENING]
                assert starts, (lang, page.number, placed.frame.name)
                left = min(starts)
                assert min(abs(left - column) for column in columns) < 0.5, (lang, page.number, placed.frame.name, left, columns)
            checked[page.recto] += 1
    assert checked[True] >= 10 and checked[False] >= 10, checked
