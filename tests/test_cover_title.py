"""The sample's display title and spine as a reader sees them in the PDFs:
one set of title lines on the half-title, the title page and the front
cover; the spine in the front title's face, centred on the spine, its
publisher at the foot."""

from __future__ import annotations

import re
import subprocess

import pytest

LANGS = ("vi", "en", "zh", "ko", "ja")
TO_MM = 25.4 / 72
DASHES = "–—―"


def pdf_of(root, lang: str, part: str):
    return root / "output" / "print" / lang / f"hai-phong-70-nam-{lang}-{part}.pdf"


def texts(pdf, page: int) -> list[dict]:
    """The text pieces poppler reads on ``page``: top, left, width, height (pt), size, family, bold, text."""
    import html

    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", "-zoom", "1", "-f", str(page), "-l", str(page), str(pdf)],
                         capture_output=True, text=True, check=True).stdout
    fonts = {m[0]: (float(m[1]), m[2].split("+")[-1]) for m in re.findall(r'<fontspec id="(\d+)" size="([\d.]+)" family="([^"]+)"', xml)}
    found = []
    for top, left, width, height, font, body in re.findall(
            r'<text top="([\d.-]+)" left="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)" font="(\d+)">(.*?)</text>', xml):
        size, family = fonts[font]
        found.append({"top": float(top), "left": float(left), "width": float(width), "height": float(height), "size": size,
                      "family": family, "bold": "<b>" in body, "text": html.unescape(re.sub(r"<[^>]+>", "", body))})
    return found


def display_lines(pdf, page: int, size: float, x_from: float = 0.0) -> list[dict]:
    """The horizontal lines of ``page`` set at ``size`` pt, none left of ``x_from`` pt, their
    pieces (poppler parts a line where its face changes: "発展の", "70", "年") joined."""
    pieces = [t for t in texts(pdf, page) if abs(t["size"] - size) < 1 and t["left"] >= x_from and t["width"] > 0]
    rows: dict[int, list[dict]] = {}
    for piece in pieces:
        rows.setdefault(round((piece["top"] + piece["height"] / 2) / 6), []).append(piece)
    return [{"text": "".join(p["text"] for p in sorted(row, key=lambda p: p["left"])), "families": {p["family"] for p in row},
             "bold": all(p["bold"] for p in row), "top": min(p["top"] for p in row)}
            for _, row in sorted(rows.items())]


def plain(text: str) -> str:
    return "".join(text.split()).replace("\u200a", "").replace("\u2005", "")


@pytest.mark.needs("pdftohtml", reason="Debian package poppler-utils")
@pytest.mark.parametrize("lang", LANGS)
def test_half_title_title_page_and_cover_break_the_title_alike(sample, lang):
    """One display title per edition: the same lines on p. 1 (14 pt), p. 3
    (30 pt) and the front cover (36 pt), the name alone on the first line,
    the title's dash dropped at that line end."""
    book, cover = pdf_of(sample, lang, "interior"), pdf_of(sample, lang, "cover")
    half = [plain(t["text"]) for t in display_lines(book, 1, 18)]
    title = [plain(t["text"]) for t in display_lines(book, 3, 30)]
    front = [plain(t["text"]) for t in display_lines(cover, 1, 36, 1473.9 / 2)]
    assert len(title) >= 2 and half == title == front, (half, title, front)
    assert not any(ch in DASHES for line in title for ch in line), title
    head = {"vi": "HảiPhòng", "en": "HảiPhòng", "zh": "海防", "ko": "하이퐁", "ja": "ハイフォン"}[lang]
    assert title[0] == head, title


@pytest.mark.needs("pdftohtml", reason="Debian package poppler-utils")
@pytest.mark.parametrize("lang", LANGS)
def test_the_half_title_is_quieter_than_the_title_page_and_the_heads(sample, lang):
    """The half-title is set in the regular serif at the scale's 18 pt (14 pt
    looked unfinished): one hierarchy with the title page's 30 pt bold, and
    apart from the 18 pt section heads by its weight."""
    half = texts(pdf_of(sample, lang, "interior"), 1)
    assert half and all(17.5 < t["size"] < 18.5 and not t["bold"] and "Serif" in t["family"] for t in half), half
    title = display_lines(pdf_of(sample, lang, "interior"), 3, 30)
    assert title and all(t["bold"] and all("Serif" in f for f in t["families"]) for t in title), title


@pytest.mark.needs("pdftohtml", "pdftotext", "pdftoppm", reason="Debian package poppler-utils")
@pytest.mark.parametrize("lang", LANGS)
def test_spine_in_the_title_face_centred_with_the_publisher_at_the_foot(sample, lang, tmp_path):
    """The spine's text in the front title's face (serif bold); its title's
    letters' ink centred across the spine within 0.3 mm (the capitals, not
    their marks); the publisher's ink under the title, ending in the cream
    above the photo; the full title on the spine where
    it fits (zh, ja, ko)."""
    from test_cover import ink_box
    from test_matter import words

    from book.errors import Problems
    from book.pages.cover_plan import plan_design
    from book.pages.spine import plan_cover
    from book.sources import load_book

    book, _ = load_book(sample)
    g = plan_cover(book, 64, Problems())
    plan = plan_design(book.grid, g)
    pdf = pdf_of(sample, lang, "cover")
    folds = tuple((g.margin + f) / TO_MM for f in g.folds)  # pt, in the media box
    on_spine = [t for t in texts(pdf, 1) if folds[0] - 1 < t["left"] < folds[1] + 1]
    front = {f for t in display_lines(pdf, 1, 36, 1473.9 / 2) for f in t["families"]}
    assert on_spine and all(t["bold"] and t["family"] in front for t in on_spine), (on_spine, front)
    band_top = (plan.spine_foot + g.margin) / TO_MM
    spine_words = [w for w in words(pdf, 1) if folds[0] - 1 < (w[0] + w[2]) / 2 < folds[1] + 1]
    title = "".join(w[4] for w in spine_words if w[3] < band_top)
    if lang in ("zh", "ja", "ko"):  # the full title
        assert "70" in title and len(title) >= 12, title
    # the publisher stands under the title in the cream: its ink ends above the photo
    ink = ink_box(pdf, (g.folds[0] + 0.2, 0, g.folds[1] - 0.2, plan.photo[1] - 0.5), g.margin)
    assert ink is not None and ink[3] <= plan.spine_foot + 0.1, (lang, ink)
    # centred: all the title's ink across the spine, the marks over Vietnamese capitals too, as a ruler finds it
    boxes = [w for w in spine_words if w[3] < band_top]
    top, bottom = min(w[1] for w in boxes) * TO_MM - g.margin, max(w[3] for w in boxes) * TO_MM - g.margin
    ink = ink_box(pdf, (g.folds[0] + 0.2, top, g.folds[1] - 0.2, bottom), g.margin)
    centre = (g.folds[0] + g.folds[1]) / 2
    assert ink is not None and abs((ink[0] + ink[2]) / 2 - centre) <= 0.15, (lang, ink, centre)


@pytest.mark.needs("pdftohtml", reason="Debian package poppler-utils")
@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_display_titles_set_digits_beside_han_with_a_quarter_em(sample, lang):
    """At display size the space between Han or kana and the digits of "70"
    is the running text's quarter em, a four-per-em space (9 pt at 36 pt):
    on the half-title, the title page and the cover (the ninth proofs: a
    tenth in titles beside a quarter in text, two rules)."""
    for pdf, page, size in ((pdf_of(sample, lang, "interior"), 1, 18), (pdf_of(sample, lang, "interior"), 3, 30),
                            (pdf_of(sample, lang, "cover"), 1, 36)):
        rows = [t["text"] for t in display_lines(pdf, page, size) if "70" in t["text"]]
        assert rows and all("70\u2005年" in row.replace(" ", "") for row in rows), (page, rows)
