"""Caption cards sized to their text, the photo-credits list, the credit label
kept with its name, and a page count in whole signatures: checked in the
built PDFs as a designer and a printer would look at them."""

from __future__ import annotations

import html
import json
import re
import subprocess
import tempfile
from pathlib import Path

import pikepdf
import pytest
from conftest import LANGS, REPO
from PIL import Image
from test_captions import white_cards

from book.errors import Problems
from book.i18n.catalog import read_catalog
from book.i18n.localise import Localiser
from book.model import MM
from book.pages.paginate import paginate
from book.sources import load_book
from book.text.credit_table import GUTTER_LEAST_EMS
from book.text.fonts import EditionFonts
from book.text.frames import edition_words, texts_by_role
from book.text.typeset import break_paragraph


def interior(root: Path, lang: str) -> Path:
    return root / "output" / "print" / lang / f"hai-phong-70-nam-{lang}-interior.pdf"


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

CLOSING = "、。，．」』）］｝〕〉》】”’"  # CJK marks drawn in the left half of their em box


def ink_end(word: tuple[float, float, float, float, str]) -> float:
    """Where a word's ink ends, pt: its box's end, less the empty right half of
    a closing CJK mark that ends it (a line-end "。" set half-width, JLREQ 3.8.2,
    keeps its ink inside the measure while its em box reaches past it)."""
    return word[2] - (word[3] - word[1]) / 2 if word[4][-1:] in CLOSING else word[2]


def card_lines(pdf: Path, number: int, card_mm: tuple[float, float, float, float]) -> list[tuple[float, float, float, float, float]]:
    """(baseline, left, right, rise, fall) of every text line on the card, in pt from the media box's
    top-left: its start and end (pdftotext's word boxes, a closing CJK mark by its ink), how far its type rises above the baseline
    (the cap height of a Latin face, the em box's top in a CJK face, as the embedded fonts'
    descriptors give them) and how far its descenders reach below it, as a designer measures padding."""
    x, y, w, h = ((v + 3.0) * MM for v in card_mm)
    boxes = [word for word in words(pdf, number) if x - 1 <= word[0] and ink_end(word) <= x + w + 1 and y <= word[1] and word[3] <= y + h]
    # a number at the card's foot, flush with its measure's end, would be the page's folio, not its text
    folio = [word for word in boxes if word[4] == str(number) and word[2] > x + w / 2 and word[3] > y + h / 2]
    boxes = [word for word in boxes if word not in folio]
    metrics: dict[str, tuple[float, float]] = {}
    drawn: dict[float, list[tuple[float, float, float]]] = {}
    with pikepdf.open(pdf) as doc:
        page = doc.pages[number - 1]
        media_h = float(page.mediabox[3])
        for name, font in page.Resources.Font.items():
            descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
            top = descriptor.Ascent if "CJK" in str(font.BaseFont) else descriptor.CapHeight
            metrics[name] = (float(top) / 1000, -float(descriptor.Descent) / 1000)
        at = font = size = None
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "Tf":
                font, size = str(operands[0]), float(operands[1])
            elif op == "Tm":
                at = (float(operands[4]), media_h - float(operands[5]))
            elif op in ("Tj", "TJ") and at and x <= at[0] <= x + w and y <= at[1] <= y + h and \
                    not any(abs(at[0] - word[0]) < 0.5 and word[1] < at[1] < word[3] + 0.5 for word in folio):
                text = bytes(operands[0]) if op == "Tj" else b"".join(bytes(o) for o in operands[0] if isinstance(o, pikepdf.String))
                if text.strip():
                    key = next((k for k in drawn if abs(k - at[1]) < 0.3), at[1])
                    drawn.setdefault(key, []).append((metrics[font][0] * size, metrics[font][1] * size, at[0]))
    lines = []
    for base, pieces in sorted(drawn.items()):
        on_line = [word for word in boxes if word[1] < base < word[3] + 0.5]
        lines.append((base, min(word[0] for word in on_line), max(ink_end(word) for word in on_line),
                      max(rise for rise, _, _ in pieces), max(fall for _, fall, _ in pieces)))
    return lines


CJK_EM = 8.5  # pt: the Chinese and Japanese caption em


CARD_TIGHT = 1.5  # pt: how far the longest edition's side insets may stray from the pad (its foot is the pad too)
CARD_EMS = {"zh": 8.5, "ja": 8.5, "ko": 8.5}  # pt: the card text's em; another edition's sides stay within one of the pad
CARD_EM = 9.0  # pt: the Latin and Vietnamese caption size
CARD_RAG = 2.0  # pt more for a ragged edition (vi, en, ko): its longest line jumps between break points (ko p57: 27.4 pt)
CARD_CENTRED = 2.0  # pt: how far the left and right insets may differ
CARD_LEVEL = 3.0  # pt: how far the top and the foot inset may differ (the text centred in the card's height)


def ink_top(pdf: Path, number: int, card_mm: tuple[float, float, float, float], dpi: int = 200) -> float:
    """The top of the ink inside the card (pt from the media box's top): the
    first line's capitals, ascenders and Vietnamese stacked marks as a reader sees them."""
    x, y, w, h = (card_mm[0] + 3.0) * MM, (card_mm[1] + 3.0) * MM, card_mm[2] * MM, card_mm[3] * MM
    scale = dpi / 72
    left, top = int(x * scale) + 2, int(y * scale) + 2
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(["pdftoppm", "-png", "-gray", "-singlefile", "-r", str(dpi), "-f", str(number), "-l", str(number),
                        "-x", str(left), "-y", str(top), "-W", str(int(w * scale) - 4), "-H", str(int(h * scale) - 4),
                        str(pdf), f"{scratch}/card"], check=True)
        dark = Image.open(f"{scratch}/card.png").point(lambda v: 255 if v < 128 else 0)
    box = dark.getbbox()
    assert box, (pdf, number)
    return (top + box[1]) / scale


def test_caption_cards_have_one_inset_in_every_edition(sample):
    """Where the cards go is `tests/test_captions.py`'s; here, how their text sits in them (the rule of
    `book/text/card_fit.py`). The card is one rectangle in every edition (it knocks the photo out of the
    C/M/Y plates), an edge on a margin of the type area. Its insets are measured from the card's edges to
    the text's optical box (the first line's ink top: caps, ascenders, Vietnamese stacked marks, the
    ideographs' tops; the credit line's descender; the first character and the longest line's ink end).
    One inset, the frame's ``card_pad`` (17 pt, 6 mm), on every card: the edition with the longest text
    (the least white above and below) has its foot inset within CARD_TIGHT of it, and some edition (the
    longest where its measure allows) its sides; every
    other edition its sides within one em of it (never less than it, less a point); in every edition
    left and right within CARD_CENTRED and top and foot within CARD_LEVEL. Chinese and Japanese are
    justified: every caption line but its last ends on the block's right edge; Latin, Vietnamese and
    Korean are ragged (some line ends short)."""
    book, _ = load_book(sample)
    pagination = paginate(book)
    checked, ragged = 0, set()
    for page in pagination.pages:
        for placed in (p for p in page.placed if p.frame.panel):
            pad = placed.frame.card_pad
            assert pad == 17.0
            cards = {lang: white_cards(interior(sample, lang), page.number) for lang in LANGS}
            assert all(found == cards["vi"] and len(found) == 1 for found in cards.values()), (page.number, cards)
            card = cards["vi"][0]
            x, y, w, h = (card[0] + 3.0) * MM, (card[1] + 3.0) * MM, card[2] * MM, card[3] * MM
            # One of its sides on a margin of the type area: the outer one, or the inner one where the detail
            # map moved it off the subject (p26: the bottom inner corner, on water)
            left, right = (book.grid.outer, book.trim[0] - book.grid.inner) if not page.recto else \
                (book.grid.inner, book.trim[0] - book.grid.outer)
            assert min(abs(card[0] - left), abs(card[0] + card[2] - right)) < 0.01, (page.number, cards)
            insets, folios = {}, {}
            for lang in LANGS:
                pdf = interior(sample, lang)
                folios[lang] = [tuple(round(v, 1) for v in word[:4]) for word in words(pdf, page.number)
                                if word[4] == str(page.number) and x < word[0] and word[2] < x + w and y < word[1] and word[3] < y + h]
                lines = card_lines(pdf, page.number, card)
                assert len(lines) >= 3, (page.number, lang)
                inset = {"top": ink_top(pdf, page.number, card) - y, "bottom": y + h - lines[-1][0] - lines[-1][4],
                         "left": min(line[1] for line in lines) - x, "right": x + w - max(line[2] for line in lines)}
                insets[lang] = inset
                where = (page.number, lang, {k: round(v, 1) for k, v in inset.items()})
                em = CARD_EMS.get(lang, CARD_EM) + (CARD_RAG if lang not in ("zh", "ja") else 0.0)
                assert all(pad - 1.0 <= inset[side] <= pad + em for side in ("left", "right")), where
                assert abs(inset["left"] - inset["right"]) <= CARD_CENTRED, where
                assert abs(inset["top"] - inset["bottom"]) <= CARD_LEVEL, where
                caption = lines[:-2]  # the credit line's two lines close every card
                edge = max(line[2] for line in caption)
                short = [line for line in caption[:-1] if edge - line[2] > CJK_EM / 2 + 0.5]
                if lang in ("zh", "ja"):
                    assert not short, where  # justified: a line short of the edge by more than a kept mark's half em
                elif short:
                    ragged.add(lang)
            # No folio in a card (a number there read as part of the caption: the thirteenth and fourteenth
            # proofs); a bleed page goes without one (tests/test_matter.py)
            assert not any(folios.values()), (page.number, folios)
            least = min(inset["bottom"] for inset in insets.values())
            longest = [lang for lang, inset in insets.items() if inset["bottom"] <= least + 0.3]  # two may tie
            where = (page.number, {lang: {k: round(v, 1) for k, v in insets[lang].items()} for lang in longest})
            # The card is the editions' union plus one inset: its foot is the longest edition's pad, and its sides
            # some edition's pad (the longest's where its measure allows: a ragged one's widest line steps between
            # break points, en p14 19.6 pt beside vi's 17.0 at 96 mm).
            assert any(abs(insets[lang]["bottom"] - pad) <= CARD_TIGHT for lang in longest), where
            assert any(all(abs(inset[side] - pad) <= CARD_TIGHT for side in ("left", "right")) for inset in insets.values()), \
                (page.number, {lang: {k: round(v, 1) for k, v in inset.items()} for lang, inset in insets.items()})
            checked += 1
    assert checked >= 10
    assert ragged == {"vi", "en", "ko"}, ragged  # ragged like their captions, not justified


def test_one_catalog_resizing_a_card_renders_every_edition(mini, run, tmp_path):
    """The card is on the C/M/Y plates: an edit in one language that makes it taller changes it in all."""
    edit(mini / "content" / "chapters" / "01-cang.yaml", "layout: photo-caption", "layout: full-bleed")

    def build_proof() -> dict[str, bool]:
        result = run(mini, "build", "--profile", "proof", "--json")
        assert result.exit_code == 0, result.stderr
        return {e["lang"]: e["written"] for e in json.loads(result.stdout)["editions"]}

    def cards() -> dict[str, tuple[float, float, float, float]]:
        return {lang: white_cards(mini / "output" / "proof" / lang / f"mini-{lang}-proof.pdf", 2)[0] for lang in ("vi", "en", "ja")}

    assert build_proof() == {"vi": True, "en": True, "ja": True}
    before = cards()
    assert len(set(before.values())) == 1, before
    longer = " ".join(["The bridge carries the expressway to Lach Huyen port across the sea."] * 3)
    edit(mini / "translations" / "en.po", "when it opened in 2017.", f"when it opened in 2017. {longer}")
    assert build_proof() == {"vi": True, "en": True, "ja": True}
    after = cards()
    assert len(set(after.values())) == 1, after
    assert after["vi"][3] > before["vi"][3]  # taller in every edition


# --- photo credits -------------------------------------------------------------------------------------------------

def credits_page(root: Path) -> tuple[int, tuple[float, float, float, float]]:
    book, _ = load_book(root)
    for page in paginate(book).pages:
        for placed in page.placed:
            if placed.frame.kind == "credits":
                return page.number, placed.box
    raise AssertionError("no credits page")


def credit_rows(pdf: Path, page: int, box: tuple[float, float, float, float]) -> list[list[list[tuple]]]:
    """The credits' two columns, each a list of rows (the words of one line, left to right);
    the legend under both columns (the last line, starting at the frame's left) stands in the first."""
    x, y, w, h = (v * MM for v in box)
    bleed = 3 * MM
    columns: list[dict[float, list]] = [{}, {}]
    for word in words(pdf, page):
        if not bleed + y - 1 < word[1] < bleed + y + h:
            continue  # the heading, the folio
        column = 0 if word[0] < bleed + x + w / 2 else 1
        rows = columns[column]
        middle = (word[1] + word[3]) / 2  # the faces' boxes differ in height, their middles agree
        key = next((k for k in rows if abs(k - middle) < 2.0), middle)
        rows.setdefault(key, []).append(word)
    return [[sorted(rows[k]) for k in sorted(rows)] for rows in columns]


@pytest.mark.parametrize("lang", LANGS)
def test_credits_balanced_with_page_numbers_aligned(sample, lang):
    """The sample lists its credits by photographer: each credit once (the
    cover's among them), a table of two name/page column pairs, the figures
    flush left from one tab in each pair (their turnovers one em in, never
    right-aligned with a ragged left), 1.5 em after the pair's widest name in
    both, the pairs 3 em apart and on one baseline grid, the legends of the
    frontispiece and the cover under their own heading under both columns, on
    the list's full measure."""
    number, box = credits_page(sample)
    columns = credit_rows(interior(sample, lang), number, box)
    book, _ = load_book(sample)
    loc = Localiser(book, lang, read_catalog(sample, lang) if lang != "vi" else None)
    credited = {loc.text(photo.credit) for photo in book.photos.values() if photo.credit.text}
    words_ = edition_words(book, paginate(book), loc)
    legends = ["".join(text.split()) for text in words_.legends]
    assert len(legends) == 2 and words_.legends_head  # the frontispiece's, then the cover's
    flat = ["".join("".join(word[4] for word in row).split()) for row in columns[0]]
    assert flat[-3:] == ["".join(words_.legends_head.split()), *legends], flat[-3:]  # the last lines of all
    notes = columns[0][-3:]
    assert notes[0][0][1] > max(row[0][3] for rows in (columns[0][:-3], columns[1]) for row in rows) + 5, notes[0]
    columns[0] = columns[0][:-3]
    names = [row for rows in columns for row in rows if not re.match(r"^[\d、,～〜~–—\s]", row[0][4])]
    text = " ".join(" ".join(word[4] for word in row) for row in names)
    assert all(all(part in text for part in name.split()) for name in credited), [name for name in credited if name not in text]
    size = book.style("credits", lang).size

    def figures(row):  # the row's first figure (or the cover's label), where its page column starts
        return next((w for w in row if re.match(r"\d", w[4]) or w[4].startswith(COVER_LABEL[lang])), None)

    gaps = []
    for rows in columns:
        starts = [figures(row)[0] for row in rows if figures(row)]  # at the tab, a turnover one em in
        assert len(starts) >= 6 and all(min(abs(x - min(starts)), abs(x - min(starts) - size)) < 0.5 for x in starts), \
            (lang, sorted(starts)[:3], sorted(starts)[-3:])
        lefts = [row[0][0] for row in rows if row[0] is not figures(row)]
        assert all(min(abs(x - min(lefts)), abs(x - min(lefts) - size)) < 0.5 for x in lefts), (lang, lefts)  # a turnover 1 em in
        beside = [row for row in rows if figures(row) and row[0] is not figures(row)]  # a name and its figures on one line
        assert beside, lang
        widest = max(max(w[2] for w in row if figures(row) is None or w[0] < figures(row)[0])
                     for row in rows if row[0] is not figures(row))  # a long name's wrapped line too
        gaps.append(min(starts) - widest)
    # The same white after the widest name in both pairs, 1.5 em: no hole after a name, no name into its figures.
    assert all(1.5 * size - 0.5 <= gap <= 1.5 * size + 0.5 for gap in gaps), (lang, gaps)
    # The second pair's names clear of the first pair's longest line by the gutter: 3 em (twice the name gap), closing
    # to 2 em only where a page column needs the room for its widest figure (`credit_table.GUTTER_LEAST_EMS`).
    first, second = min(row[0][0] for row in columns[0]), min(row[0][0] for row in columns[1])
    assert second - max(row[-1][2] for row in columns[0]) >= GUTTER_LEAST_EMS * size - 0.5, (lang, second - max(row[-1][2] for row in columns[0]))
    # One baseline grid: every line of the second pair on the first pair's (each flows on its own, test_matter_table).
    leading, top = book.style("credits", lang).leading, columns[0][0][0][3]
    off = [round((row[0][3] - top) / leading - round((row[0][3] - top) / leading), 2) for row in columns[1]]
    assert all(abs(o) < 0.2 for o in off), (lang, off)  # a CJK name's box stands a little lower than a Latin one
    for note in notes:
        assert note[-1][2] - note[0][0] > 0 and note[0][0] == pytest.approx(first, abs=0.5)


COVER_LABEL = {"vi": "bìa", "en": "cover", "zh": "封面", "ko": "표지", "ja": "表紙"}  # labels.cover, translated


@pytest.mark.parametrize("lang", LANGS)
def test_credits_by_photographer_say_where_on_a_shared_page(sample, lang):
    """Each photo on a page of several is listed with its position there ("20
    bottom left", "20左下"), beside the figures of its photographer's line; a
    second photo of theirs on that page by its position after the first's."""
    from book.text.credits import by_page, placed_reference

    book, _ = load_book(sample)
    loc = Localiser(book, lang, read_catalog(sample, lang) if lang != "vi" else None)
    number, box = credits_page(sample)
    text = "".join(layout_text(interior(sample, lang), number).split())
    placed = [entry for entry in by_page(book, paginate(book), loc) if entry.position]
    assert len(placed) >= 20
    join = "".join(loc.text(book.matter["position_join"]).split())
    for entry in placed:  # "20 top left", or its page's second position after the first ("… and bottom right")
        alone = "".join(placed_reference(entry, lang).split())
        assert alone in text or join + "".join(entry.position.split()) in text, (lang, entry.reference, entry.position, entry.name)


SPREAD = {"vi": "{0}–{1}", "en": "{0}–{1}", "zh": "{0}—{1}", "ko": "{0}~{1}", "ja": "{0}〜{1}"}
HEAD = {"vi": "Trang", "en": "Pages", "zh": "页码", "ko": "수록 쪽", "ja": "ページ"}  # labels.page_head, translated
POSITIONS = {"two-photos": [("photo-a", "top"), ("photo-b", "bottom")],
             "grid-3": [("photo-a", "bottom"), ("photo-b", "top left"), ("photo-c", "top right")],
             "grid-4": [("photo-a", "top left"), ("photo-b", "top right"), ("photo-c", "bottom left"), ("photo-d", "bottom right")]}
MIRRORED = {"bottom left": "bottom right", "bottom right": "bottom left", "top left": "top right", "top right": "top left"}



def credited(lines: list[str], number: int, where: str, credit: str) -> bool:
    """Whether a line of the list says ``number where credit``, the credit whole
    on it or wrapped onto the next line ("Vietnam News Agency / archives")."""
    words = credit.split()
    for i, line in enumerate(lines):
        found = re.search(rf"(^|\s){number}\s*{where}\s+(.*)$", line)  # pdftotext may close a narrow figure-to-position gap
        got = found.group(2).split() if found else []
        same = next((k for k, (a, b) in enumerate(zip(words, got + [""] * len(words), strict=False)) if a != b), len(words))
        if same == len(words) or (same and i + 1 < len(lines) and " ".join(words[same:]) in lines[i + 1]):
            return True
    return False

def test_credits_by_page_give_spread_ranges_and_positions(sample_copy, run):
    """credits.by: page lists one line per photo: the cover first, bare figures
    under the page label said once per column, the position on a shared page."""
    edit(sample_copy / "content" / "book.yaml", "credits: {by: photographer}", "credits: {by: page}")
    assert run(sample_copy, "build", "--profile", "proof", "--lang", "en", "--lang", "zh").exit_code == 0
    book, _ = load_book(sample_copy)
    pagination = paginate(book)
    pdfs = {lang: sample_copy / "output" / "proof" / lang / f"hai-phong-70-nam-{lang}-proof.pdf" for lang in ("en", "zh")}
    # A list by page is longer than the sample's list by photographer: from the matter pages' sinkage it runs on
    # (the legends on a page of their own), and the signatures' blank pages come before the back matter.
    with pikepdf.open(pdfs["en"]) as doc:
        count = len(doc.pages)
    number = next(n for n in range(count, 0, -1) if "Photo Credits" in layout_text(pdfs["en"], n))
    texts = {lang: layout_text(pdf, number) for lang, pdf in pdfs.items()}
    rest = {lang: "".join(layout_text(pdf, n) for n in range(number + 1, count)) for lang, pdf in pdfs.items()}  # its run-on
    spreads = sorted({page.number for page in pagination.pages if page.layout.spread and page.number % 2 == 0
                      and any(p.frame.kind == "photo" and p.box[0] + p.box[2] > book.trim[0] for p in page.placed)})  # a photo across the fold
    assert len(spreads) >= 5
    for lang, text in texts.items():
        bare = re.sub(r"\([^)]*\)|（[^）]*）", "", text)  # the legend's page, "(p. 2)" / "（第2页）", aside
        assert len(re.findall(rf"{re.escape(HEAD[lang])}(?!\s*\d)", bare)) == 2, text  # once over each column's figures
        assert "…" not in text  # no pattern with its figures cut out ("第…页")
        assert not re.search(r"p\. \d|第\d+页", bare)  # the entries carry bare figures
        for first in spreads:
            assert SPREAD[lang].format(first, first + 1) in text + rest[lang], (lang, first)
    lines = (texts["en"] + rest["en"]).splitlines()
    catalog = read_catalog(sample_copy, "en")
    cover = catalog.entries[book.cover.photo.credit.ctx].msgstr
    assert any(re.search(rf"(^|\s)cover\s+{re.escape(cover)}(\s|$)", line) for line in lines)
    checked = 0
    for page in pagination.pages:
        slots = {p.frame.name: p.value for p in page.placed}
        for slot, where in POSITIONS.get(page.layout.name, []):
            if not page.recto:
                where = MIRRORED.get(where, where)  # left-hand pages mirror the layout
            credit = catalog.entries[book.photos[slots[slot]].credit.ctx].msgstr
            assert credited(lines, page.number, where, credit), (page.number, where, credit)
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("lang", LANGS)
def test_credit_names_are_never_split(sample, lang):
    book, _ = load_book(sample)
    loc = Localiser(book, lang, read_catalog(sample, lang) if lang != "vi" else None)
    number, _ = credits_page(sample)
    lines = layout_text(interior(sample, lang), number).splitlines()
    # A body's name wider than the name column (12 em) wraps inside it, on the next line.
    for photo in book.photos.values():
        name = loc.text(photo.credit)
        if any(name in line for line in lines):
            continue
        at = next((i for i, line in enumerate(lines) if name.split()[0] in line), None)
        assert at is not None and " ".join(name.split()[1:]).split()[-1] in lines[at + 1], (lang, photo.id, name)



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
    problems = listed["problems"]
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
            for tenth in range(150, 900, 15):  # from 15 mm: a label and a whole name wider than the line
                width = tenth / 10 * MM
                rows = part.text.split("\n")  # place and date, then the photographer: each row broken on its own
                lines = ["".join(p.text for p in line.pieces).rstrip() for row in rows
                         for line in break_paragraph(fonts, row, part.style, lang, part.style.size, width, keep=part.keep)]
                assert not any(line.endswith(label) for line in lines), (lang, tenth / 10, lines)
                unjoined = [line for row in rows for line in break_paragraph(fonts, row, part.style, lang, part.style.size, width, keep=names_only)]
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
    assert book.cover.photo.id not in placed  # the cover's own photo (p073) is on the cover, on no page
    assert placed | {book.cover.photo.id} == set(book.photos)  # every other photo still in the book
    assert [page.layout.name for page in pagination.pages[-2:]] == ["credits", "colophon"]


# --- an uncaptioned frontispiece -------------------------------------------------------------------------------

FRONTISPIECE_LEGENDS = {"vi": "Ảnh trang 2: Quảng trường Nhà hát Lớn, tháng 5 năm 2024",
                        "en": "Frontispiece (p. 2): Opera House Square, May 2024",
                        "zh": "卷首图（第 2 页）：大剧院广场，2024 年 5 月", "ko": "권두 사진(2쪽): 대극장 광장, 2024년 5월",
                        "ja": "口絵（2 ページ）：大劇場前広場、2024 年 5 月"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_frontispiece_is_quiet_and_its_legend_is_in_the_credits(sample, lang):
    """The photo facing the title page carries no caption card and no text; the
    photo credits end with its one-line legend, its page, place and date."""
    pdf = interior(sample, lang)
    assert white_cards(pdf, 2) == []
    assert layout_text(pdf, 2).strip() == ""
    book, _ = load_book(sample)
    assert paginate(book).pages[1].layout.uncaptioned
    credits = [line.strip() for line in layout_text(pdf, 63).splitlines() if line.strip()]
    assert any(FRONTISPIECE_LEGENDS[lang] in line for line in credits), credits


def test_an_uncaptioned_layout_with_a_caption_frame_is_one_clear_line(mini, run):
    layouts = mini / "layouts" / "layouts.yaml"
    text = layouts.read_text(encoding="utf-8")
    layouts.write_text(text + "\nodd:\n  uncaptioned: true\n  frames:\n    photo: {kind: photo}\n"
                       "    caption: {kind: caption, style: caption}\n", encoding="utf-8")
    result = run(mini, "build", "--profile", "proof")
    assert result.exit_code == 1
    said = [line for line in result.stderr.splitlines() if "uncaptioned" in line]
    assert len(said) == 1 and "layouts.yaml" in said[0] and "odd" in said[0], result.stderr
    assert "Traceback" not in result.stderr
