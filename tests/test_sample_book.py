"""The sample book end to end: five editions built from the repository's own
sources and checked as a reader, a translator and a printer would."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import LANGS, REPO
from PIL import Image, ImageChops
from test_captions import white_cards

from book.i18n.catalog import read_catalog
from book.i18n.localise import Localiser
from book.model import MM
from book.pages.paginate import paginate
from book.sources import load_book
from book.text.italic import plain
from book.text.linebreak import NO_END, NO_START

REGIONAL = {"zh": "CJKsc", "ja": "CJKjp", "ko": "CJKkr"}

def edition(root: Path, lang: str) -> Path:
    return root / "output" / "print" / lang / f"hai-phong-70-nam-{lang}-interior.pdf"


def text_of(path: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_five_editions_same_pages_same_photos(sample):
    shapes = {}
    for lang in LANGS:
        with pikepdf.open(edition(sample, lang)) as pdf:
            assert len(pdf.pages) >= 64
        out = subprocess.run(["pdfimages", "-list", str(edition(sample, lang))], capture_output=True, text=True, check=True).stdout
        # page, size, colour, bytes and ppi of every placed image: the same in all editions
        shapes[lang] = [tuple(row.split()[i] for i in (0, 3, 4, 5, 12, 14)) for row in out.splitlines()[2:]]
        assert len(shapes[lang]) >= 60
    assert len({tuple(v) for v in shapes.values()}) == 1


def test_captions_whole_in_every_language(sample):
    """Each caption frame, cut out of the page, holds its whole caption."""
    book, _ = load_book(sample)
    pagination = paginate(book)
    frames = [(page.number, placed) for page in pagination.pages for placed in page.placed if placed.frame.kind == "caption"]
    assert len({placed.value for _, placed in frames}) >= 60
    for lang in LANGS:
        loc = Localiser(book, lang, read_catalog(sample, lang) if lang != "vi" else None)
        for number, placed in frames:
            box = placed.box
            if placed.frame.panel:  # a caption on a white card sits where the card is drawn, not at its frame
                box = white_cards(edition(sample, lang), number)[0]
            x, y, w, h = ((v + (book.bleed if i < 2 else 0)) * MM for i, v in enumerate(box))
            region = text_of(edition(sample, lang), "-f", str(number), "-l", str(number),
                             "-x", str(int(x)), "-y", str(int(y)), "-W", str(int(w) + 2), "-H", str(int(h) + 2))
            caption = plain(loc.fill(loc.text(book.photos[placed.value].caption), book.photos[placed.value]))  # no *italic* marks
            # Hyphens aside: a word hyphenated at a line end, a compound broken after its own hyphen ("call-and-/response").
            assert re.sub(r"[\s-]+", "", caption) in re.sub(r"[\s-]+", "", region), (lang, number, placed.value)
        assert not loc.problems.items, loc.problems.items[:3]


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_no_line_starts_with_forbidden_character(sample, lang):
    for line in text_of(edition(sample, lang), "-layout").splitlines():
        for column in re.split(r"\s{2,}", line.strip()):
            if column and column != "……":  # a record field's dotted blank, a table cell of its own: no line's start
                assert column[0] not in NO_START, line
                assert column[-1] not in NO_END, line


def test_fonts_embedded_regional_no_helvetica(sample):
    for lang in LANGS:
        out = subprocess.run(["pdffonts", str(edition(sample, lang))], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in out.splitlines()[2:]]
        assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in rows), (lang, out)
        names = " ".join(row[0] for row in rows)
        assert "Helvetica" not in names
        if lang in REGIONAL:
            assert REGIONAL[lang] in names, (lang, names)
            others = set(REGIONAL.values()) - {REGIONAL[lang]}
            assert not any(other in names for other in others), (lang, names)


def test_every_photo_reaches_300_ppi(sample):
    """The sample's one small original (p053, 2560 px) sits in a frame its
    pixels fill at print resolution (the quiet page before The Future, 205 mm
    wide, at 317 ppi: photo-caption's 223 mm would print it at 292 ppi)."""
    out = subprocess.run(["pdfimages", "-list", str(edition(sample, "vi"))], capture_output=True, text=True, check=True).stdout
    low = []
    for row in out.splitlines()[2:]:
        cols = row.split()
        colour, x_ppi = cols[5], int(cols[12])
        assert colour in ("cmyk", "gray"), row
        if x_ppi < 299:  # pdfimages rounds
            low.append((int(cols[0]), x_ppi))
    assert low == [], low


def plates(pdf: Path, page: int, folder: Path) -> dict[str, Image.Image]:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=tiffsep", "-r20", "-dOverprint=/enable",
                    f"-dFirstPage={page}", f"-dLastPage={page}", f"-sOutputFile={folder}/p.tif", str(pdf)], check=True)
    found = {}
    for colour in ("Cyan", "Magenta", "Yellow", "Black"):
        found[colour] = Image.open(folder / f"p({colour}).tif").convert("L")
    return found


def test_colour_plates_identical_across_editions(sample, tmp_path):
    """Co-edition printing: C, M and Y plates are the same in all five editions;
    only black changes. Checked on pages with captions over photos and text."""
    for page in (7, 8, 11, 19):
        reference = plates(edition(sample, "vi"), page, tmp_path / "vi")
        for lang in LANGS[1:]:
            other = plates(edition(sample, lang), page, tmp_path / lang)
            for colour in ("Cyan", "Magenta", "Yellow"):
                assert ImageChops.difference(reference[colour], other[colour]).getbbox() is None, (page, lang, colour)
            assert ImageChops.difference(reference["Black"], other["Black"]).getbbox() is not None


def test_sample_catalogs_pass_msgfmt(sample):
    for lang in LANGS[1:]:
        result = subprocess.run(["msgfmt", "-c", "--check-format", "-o", "/dev/null", str(REPO / "translations" / f"{lang}.po")],
                                capture_output=True, text=True)
        assert result.returncode == 0 and not result.stderr, result.stderr


@pytest.mark.parametrize("lang, label", [("vi", "Khổ sách"), ("en", "Format"), ("zh", "开本"), ("ja", "判型")])
def test_colophon_states_the_format_once(sample, lang, label):
    """The publishing record gives the format once (on the copyright page, or in
    the Vietnamese and Japanese colophon at the back), as a row of its label
    table: the label in its column, the value at the tab on the same line, and
    no colon between them (the tab does its work; in Chinese and Japanese no
    full-width colon either)."""
    pages = len(pikepdf.open(edition(sample, lang)).pages)
    page = pages if lang in ("vi", "ja") else 4
    colophon = text_of(edition(sample, lang), "-layout", "-f", str(page), "-l", str(page))
    assert colophon.count(label) == 1, colophon
    row = next(line for line in colophon.splitlines() if label in line)
    assert re.fullmatch(rf"\s*{label} {{2,}}(24 × 30 cm|240 × 300 mm)\b.*", row), row
    assert f"{label}:" not in colophon and f"{label}：" not in colophon


def test_cjk_spines_hold_their_vertical_punctuation(sample, tmp_path):
    """The zh and ja spines set their title (its head, or the full title) and
    the publisher's short form (``spine_publisher``) in a vertical column: the subsets made for the cover hold every glyph drawn there (the
    vertical forms of punctuation too), so none draws as an empty box."""
    from reportlab.pdfbase import pdfmetrics

    from book.errors import Problems
    from book.text.cover import cover_roles, cover_strings
    from book.text.fonts import EditionFonts
    from book.text.spine_text import spine_texts
    from book.text.vertical import vertical_text

    book, _ = load_book(sample)
    for lang in ("zh", "ja"):
        texts = cover_strings(book, Localiser(book, lang, read_catalog(sample, lang), Problems()))
        fonts = EditionFonts(book.fonts, lang, tmp_path / lang)
        fonts.prepare(cover_roles(book, lang, texts))
        role = book.style("spine", lang).font
        spine = [spine_texts(texts, True), spine_texts(texts, True, full=True)]  # the head or the full title
        for text in {shown[key] for shown in spine for key in ("title", "publisher")}:
            drawn = vertical_text(fonts, text, role)
            for run in fonts.runs(drawn, role):
                face = pdfmetrics.getFont(run.font).face
                assert all(ord(ch) in face.charToGlyph for ch in run.text if not ch.isspace()), (lang, run.text)


def test_title_page_shows_the_books_emblem(sample, tmp_path):
    """The emblem is the book's content (content/artwork/emblem-70.svg), drawn
    in its red inside its frame on the title page of every edition."""
    from tests.test_artwork import red_pixels

    for lang in LANGS:
        (tmp_path / lang).mkdir()
        inside, outside = red_pixels(edition(sample, lang), 3, tmp_path / lang)
        assert inside > 300 and outside == 0, (lang, inside, outside)
