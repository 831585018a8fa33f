"""The paragraph composer on the sample book's real texts, in all five
editions: the rules a book designer checks, line by line."""

from __future__ import annotations

import re
import subprocess
from types import SimpleNamespace

import pytest
import uharfbuzz as hb
from conftest import LANGS
from reportlab.pdfgen.canvas import Canvas

from book.i18n.localise import Localiser
from book.languages import TABLE
from book.model import Style
from book.pdf.render import Renderer
from book.text.cjk_breaks import soft_phrase
from book.text.frames import unbroken_names
from book.text.korean import hangul_word
from book.text.latin_names import generic, heads, name_words
from book.text.linebreak import DASHES, NO_START, hangul_after_unit
from book.text.setting import Placement
from book.text.shaping import layout
from book.text.typeset import Line, Part, break_paragraph, set_block


def text_of(line: Line) -> str:
    return "".join(piece.text for piece in line.pieces).strip()


def paragraphs(edition) -> list[list[str]]:
    """Every paragraph the edition sets in a frame, as its lines of text."""
    found = []
    for setting in edition.text.frames.values():
        for placement in setting.placements:
            current: list[str] = []
            for line in placement.lines:
                current.append(text_of(line))
                if line.last:
                    found.append(current)
                    current = []
            if current:
                found.append(current)
    return found


def last_token(text: str) -> str:
    return text.split(" ")[-1] if text else ""


@pytest.mark.parametrize("lang", LANGS)
def test_composer_rules_hold_on_every_text_of_the_book(sample_editions, lang):
    facts = TABLE[lang]
    cjk = facts.breaking == "characters"
    problems = []
    for lines in paragraphs(sample_editions[lang]):
        hyphens_in_a_row = 0
        for number, line in enumerate(lines):
            where = f"{lang}: {' / '.join(lines)}"
            if line and line[0] in DASHES:
                problems.append(f"line starts with a dash: {line!r} in {where}")
            hyphenated = bool(re.search(r"[^\W\d_]-$", line))
            hyphens_in_a_row = hyphens_in_a_row + 1 if hyphenated else 0
            if hyphens_in_a_row > 2:
                problems.append(f"3 hyphenated lines in a row in {where}")
            if hyphenated:
                if number >= len(lines) - 2:
                    problems.append(f"hyphen on the last or penultimate line: {where}")
                head = re.sub(r"[^\w]", "", last_token(line[:-1]))
                tail = re.sub(r"[^\w]", "", lines[number + 1].split(" ")[0]) if number + 1 < len(lines) else ""
                if len(head) < 3 or len(tail) < 3:
                    problems.append(f"fewer than 3 letters beside a hyphen: {head}-/{tail} in {where}")
            if number + 1 < len(lines):
                nxt = lines[number + 1]
                before, after = (line[-1:], nxt[:1]) if cjk else (last_token(line), nxt.split(" ")[0])
                # Korean breaks at any space: a date may part after its year, at a price (`book.text.korean`)
                after_year = lang == "ko" and before.endswith("년") and before[:-1].isdigit()
                # ... and after a word its particle ends ("제45-NQ/TW호는 / 2030년까지,"): no date runs on
                after_year = after_year or (lang == "ko" and hangul_after_unit(before))
                if any(ch.isdigit() for ch in before) and any(ch.isdigit() for ch in after) and not after_year:
                    problems.append(f"a date or range split: {line!r} / {nxt!r}")
                if before.strip(",.") in facts.number_words and after[:1].isdigit():
                    problems.append(f"a date split from its number: {line!r} / {nxt!r}")
                dashed = line.split(" ")[-2:] if not cjk else [line[-2:]]
                long_names = not cjk and all(w[:1].isupper() for w in line.split(" ")[-3:-1] + nxt.split(" ")[:2])
                if before and before[-1] in DASHES and not long_names and (
                        any(ch.isdigit() for ch in "".join(dashed)) or after[:1].isupper() or (cjk and line[-2:-1] not in DASHES)):
                    problems.append(f"a range or connector split at its dash: {line!r} / {nxt!r}")
        if cjk and len(lines) > 1:
            stub = [ch for ch in lines[-1] if ch not in NO_START and not ch.isspace()]
            if len(stub) < 2:
                problems.append(f"{lang}: a one-character last line: {' / '.join(lines)}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("lang", LANGS)
def test_no_credit_name_is_split(sample_prepared, sample_editions, lang):
    edition = sample_editions[lang]
    book, pagination = sample_prepared.book, sample_prepared.pagination
    names = list(unbroken_names(book, pagination, Localiser(book, lang, edition.catalog)))
    assert names, "the edition knows which names stay whole"
    if lang == "ja":  # Japanese breaks a Japanese term only at a price (JIS X 4051): Latin names stay whole
        names = [name for name in names if not soft_phrase(name)]
    if lang == "ko":  # Korean breaks a phrase of Hangul words at a price, as at any space (KLREQ): Latin names stay whole
        names = [name for name in names if not all(hangul_word(word) for word in name.split())]
    for lines in paragraphs(edition):
        joined = " ".join(lines) if TABLE[lang].breaking == "words" else "".join(lines)
        for name in names:
            # Latin and Vietnamese: a long name (more than three words, some lower-case:
            # "Cảng hàng không quốc tế Cát Bi") may break at a price (`book.text.latin`).
            if TABLE[lang].breaking == "words" and not unbreakable(name):
                continue
            if name in joined:
                assert any(name in line for line in lines), (lang, name, lines)


def unbreakable(name: str) -> bool:
    """Two or three words ("Bạch Đằng River"), or four that end on a single head noun ("Bạch Long Vĩ Island"),
    but for the head itself, which may part where a line would otherwise fall under 80 % ("Bạch Đằng / River")."""
    words = name.split()
    head = words[-1] in heads() and words[-1] not in name_words()["generic"]  # generic() holds the heads too
    if len(words) >= 3 and (head or words[0] in name_words()["vi_before"]):
        return False  # its head ("River") or generic noun ("sông") may part: the name itself is checked as a name of its own
    return len(words) <= 3 or (len(words) == 4 and words[-1] in heads() and words[-2] not in generic())


def test_long_english_paragraph_keeps_hyphen_rules_at_every_width(fonts_en):
    fonts, style = fonts_en
    text = ("The regroupment period under the Geneva Accords ended in liberation, and the municipal "
            "administration organised reconstruction of the harbour, the shipyards and the community.")
    for width in range(30, 90, 4):
        lines = [text_of(line) for line in break_paragraph(fonts, text, style, "en", style.size, width * 2.8346)]
        hyphenated = [line.endswith("-") for line in lines]
        assert not hyphenated[-1] and not (len(lines) > 1 and hyphenated[-2]), lines
        assert "".join("x" if h else "." for h in hyphenated).find("xxx") < 0, lines


@pytest.fixture(scope="module")
def fonts_en(sample_editions):
    return sample_editions["en"].fonts, Style("caption", "sans", 9, 12.6, hyphenate=True)


def test_shaped_width_is_harfbuzz_width(sample_editions):
    fonts = sample_editions["en"].fonts
    name = fonts.registered["serif-bold"]
    path, index = fonts.files[name]
    font = hb.Font(hb.Face(hb.Blob.from_file_path(path), index))
    for pair in ("Ta", "Vo"):
        buffer = hb.Buffer()
        buffer.add_str(pair)
        buffer.guess_segment_properties()
        hb.shape(font, buffer, {"kern": True})
        expected = sum(p.x_advance for p in buffer.glyph_positions) / font.face.upem
        shaped = layout(fonts, pair, name)
        assert shaped.width == pytest.approx(expected)
        assert len(shaped.segments) == 2  # the second glyph is placed by the kern


def test_kerned_heading_is_positioned_in_the_pdf_and_reads_back(sample_editions, tmp_path):
    fonts = sample_editions["en"].fonts
    style = Style("heading", "serif-bold", 20, 26)
    block = set_block(fonts, [Part("Vo Ta", style)], "en", 150, 30)
    pdf = tmp_path / "kern.pdf"
    canvas = Canvas(str(pdf), pagesize=(400, 200), invariant=1, pageCompression=0, initialFontName=fonts.base_font())
    host = SimpleNamespace(bleed=0, trim_h=70, k_text=lambda c: Renderer.k_text(None, c))
    Renderer.draw_lines(host, canvas, Placement(10, 10, block.lines))
    canvas.save()
    stream = pdf.read_bytes()
    assert stream.count(b"BT") >= 3  # "V", "o T", "a": a kerned pair's second glyph at its own position
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert text.strip() == "Vo Ta"
