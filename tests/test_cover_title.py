"""The sample's display title and spine as a reader sees them in the PDFs:
one set of title lines on the half-title, the title page and the front
cover; the spine in the front title's face, centred on the spine, its
publisher at the foot."""

from __future__ import annotations

import re

import pytest

LANGS = ("vi", "en", "zh", "ko", "ja")
TO_MM = 25.4 / 72
DASHES = "–—―"


def pdf_of(root, lang: str, part: str):
    return root / "output" / "print" / lang / f"hai-phong-70-nam-{lang}-{part}.pdf"


def face(font: str) -> str:
    """A font's name without its subset tag or suffix: 'NotoSerifCJKsc-Bold-1889' -> 'NotoSerifCJKsc-Bold'."""
    return re.sub(r"-[0-9A-F]{1,5}$", "", font.split("+")[-1])


def display_lines(page, size: float, x_from: float = 0.0) -> list[tuple[str, set[str]]]:
    """The horizontal lines of ``page`` set at ``size`` pt, left of nothing before ``x_from`` pt: (text, faces)."""
    found = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            spans = [s for s in line["spans"] if s["text"].strip()]
            if spans and line["dir"] == (1.0, 0.0) and abs(spans[0]["size"] - size) < 0.05 and line["bbox"][0] >= x_from:
                found.append(("".join("".join(s["text"] for s in spans).split()).replace("\u200a", ""),
                              {face(s["font"]) for s in spans}))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_half_title_title_page_and_cover_break_the_title_alike(sample, lang):
    """One display title per edition: the same lines on p. 1 (14 pt), p. 3
    (36 pt) and the front cover (36 pt), the name alone on the first line,
    the title's dash dropped at that line end."""
    import fitz

    book = fitz.open(pdf_of(sample, lang, "interior"))
    cover = fitz.open(pdf_of(sample, lang, "cover"))[0]
    half = [text for text, _ in display_lines(book[0], 14)]
    title = [text for text, _ in display_lines(book[2], 36)]
    front = [text for text, _ in display_lines(cover, 36, cover.rect.width / 2)]
    assert len(title) >= 2 and half == title == front, (half, title, front)
    assert not any(ch in DASHES for line in title for ch in line), title
    head = {"vi": "HảiPhòng", "en": "HảiPhòng", "zh": "海防", "ko": "하이퐁", "ja": "ハイフォン"}[lang]
    assert title[0] == head, title


@pytest.mark.parametrize("lang", LANGS)
def test_the_half_title_is_quieter_than_the_title_page_and_the_heads(sample, lang):
    """The half-title is set in the regular serif, 14 pt: smaller than the
    title page's 36 pt bold and apart from the 18 pt bold section heads."""
    import fitz

    half = display_lines(fitz.open(pdf_of(sample, lang, "interior"))[0], 14)
    assert half and all(not any("Bold" in f for f in faces) and any("Serif" in f for f in faces) for _, faces in half), half


def spine_chars(cover_page, folds_pt: tuple[float, float]):
    """The characters drawn between the spine's folds (pt), with their line's direction."""
    found = []
    for block in cover_page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                for ch in span["chars"]:
                    x = (ch["bbox"][0] + ch["bbox"][2]) / 2
                    if folds_pt[0] < x < folds_pt[1]:
                        found.append((ch["c"], ch["bbox"], span["size"], face(span["font"]), tuple(line["dir"])))
    return found


@pytest.mark.needs("pdftoppm", reason="Debian package poppler-utils")
@pytest.mark.parametrize("lang", LANGS)
def test_spine_in_the_title_face_centred_with_the_publisher_at_the_foot(sample, lang, tmp_path):
    """The spine's title in the front title's face (serif bold), its letters'
    ink centred across the spine within 0.3 mm (the capitals, not their
    marks); the publisher's last letter 10 to 14 mm above the tail, in the
    ground's band at the spine's foot; the full title on the spine where it
    fits (zh, ja, ko)."""
    import fitz
    from test_cover import ink_box

    from book.errors import Problems
    from book.pages.cover_plan import SPINE_TAIL, plan_design
    from book.pages.spine import plan_cover
    from book.sources import load_book

    book, _ = load_book(sample)
    g = plan_cover(book, 64, Problems())
    plan = plan_design(book.grid, g)
    pdf = pdf_of(sample, lang, "cover")
    page = fitz.open(pdf)[0]
    margin_pt = g.margin / TO_MM
    folds = tuple(margin_pt + f / TO_MM for f in g.folds)
    chars = [c for c in spine_chars(page, folds) if c[0].strip()]
    front = {f for _, faces in display_lines(page, 36, page.rect.width / 2) for f in faces}
    assert chars and {c[3] for c in chars} <= front | {"NotoSerif-Bold"}, ({c[3] for c in chars}, front)
    assert all("Serif" in c[3] and "Bold" in c[3] for c in chars)
    # the publisher stands in the band at the foot: its last letter SPINE_TAIL above the spine's tail
    band_top = (plan.spine_band[1] + g.margin) / TO_MM
    publisher = [c for c in chars if c[1][1] > band_top]
    assert publisher, chars
    foot = (g.panel[1] + g.margin - max(c[1][3] for c in publisher) * TO_MM)
    assert 10 <= foot <= 14 and SPINE_TAIL == 12, foot
    drawn = "".join(c[0] for c in chars if c[1][1] < band_top)
    if lang in ("zh", "ja", "ko"):  # the full title
        assert "70" in drawn and len(drawn) >= 12, drawn
    # centred: the ink across the spine of letters without stacked marks ("70", Hangul, or an ideograph)
    pick = {"vi": "70", "en": "70", "ko": "70", "zh": "建", "ja": "建"}[lang]
    boxes = [c[1] for c in chars if c[0] in pick and c[1][1] < band_top]
    top, bottom = min(b[1] for b in boxes) * TO_MM - g.margin, max(b[3] for b in boxes) * TO_MM - g.margin
    area = (g.folds[0] + 0.2, top, g.folds[1] - 0.2, bottom)
    ink = ink_box(pdf, area, g.margin)
    assert ink is not None
    centre = (g.folds[0] + g.folds[1]) / 2
    assert abs((ink[0] + ink[2]) / 2 - centre) <= 0.3, (lang, ink, centre)


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_display_titles_set_digits_beside_han_with_a_hair_space(sample, lang):
    """At display size the space between Han or kana and the digits of "70"
    is a hair space (a tenth of an em, 3.6 pt at 36 pt), not the running
    text's quarter em (9 pt): on the half-title, the title page and the cover."""
    import fitz

    pages = [fitz.open(pdf_of(sample, lang, "interior"))[0], fitz.open(pdf_of(sample, lang, "interior"))[2],
             fitz.open(pdf_of(sample, lang, "cover"))[0]]
    for page in pages:
        rows = ["".join(s["text"] for s in line["spans"]) for block in page.get_text("dict")["blocks"]
                for line in block.get("lines", []) if line["spans"] and line["spans"][0]["size"] >= 14]
        row = next(r for r in rows if "70" in r and "年" in r and "\u200a" in r)
        assert "70\u200a年" in row and "70 年" not in row, row
        gaps = []
        for block in page.get_text("rawdict")["blocks"]:
            for line in block.get("lines", []):
                chars = [(c["c"], c["bbox"], s["size"]) for s in line["spans"] for c in s["chars"]]
                for (a, box_a, size), (b, box_b, _) in zip(chars, chars[2:], strict=False):
                    if a == "0" and b == "年":
                        gaps.append((box_b[0] - box_a[2]) / size)
        assert gaps and max(gaps) <= 0.15, gaps  # em between the 0's and 年's boxes: a hair, never a quarter
