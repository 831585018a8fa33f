"""What a reader's tools and a designer read in the Latin text of the built
book: word spaces that are glyphs (search, copy and screen readers get
"Đỗ Mạnh Hùng", not "ĐỗMạnh Hùng"), the house rule for dashes, and last
lines that are no stubs."""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml
from conftest import LANGS, REPO
from pdf_lines import pdf_runs, text_lines
from test_latin import BODY, CAPTION, edition_pdf, running_text


def photographers() -> set[str]:
    """The credits that are personal names (an archive's name is translated)."""
    from book.text.latin import SURNAMES

    names = set()
    for path in sorted((REPO / "content" / "chapters").glob("*.yaml")):
        for photo in yaml.safe_load(path.read_text(encoding="utf-8")).get("photos", []):
            if photo.get("credit") and photo["credit"].split()[0] in SURNAMES:
                names.add(photo["credit"])
    return names


def run_together(text: str) -> set[str]:
    """Latin words a lower-case letter runs into a capital inside ("ĐỗMạnh"), brand names aside."""
    words = re.findall(r"[^\W\d_]+", text)
    return {w for w in words if all(ord(ch) < 0x2E80 for ch in w)
            and any(a.islower() and b.isupper() for a, b in zip(w, w[1:], strict=False))} - {"VinFast"}


@pytest.mark.parametrize("lang", LANGS)
def test_word_spaces_are_glyphs_in_every_edition(sample, lang):
    """Every photographer's name reads back from the glyphs drawn alone, with
    its spaces: a space set as a move (the CJK composer's gap) and not a
    glyph read "ĐỗMạnh Hùng" in MuPDF after a precomposed letter."""
    pdf = edition_pdf(sample, lang)
    # Runs within 8 pt join: a word space set as a move is a quarter em (2-3 pt at these sizes); the
    # record table's tab (11 pt after its longest label, "Publishing partner") parts two columns.
    drawn = "\n".join(line.text for line in text_lines(pdf_runs(pdf), gap=8.0))
    names = photographers()
    assert len(names) > 10
    assert "Đỗ Mạnh Hùng" in names
    missing = sorted(name for name in names if name not in drawn)
    assert not missing, f"{lang}: names without their spaces in the glyphs: {missing}"
    assert not run_together(drawn), sorted(run_together(drawn))
    extracted = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Đỗ Mạnh Hùng" in extracted
    assert not run_together(extracted), sorted(run_together(extracted))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_dashes_follow_the_house_rule(sample, lang):
    """README "Dashes": a range of single numbers is closed ("1904–1912",
    "10–11"); a range of full dates is spaced ("13/5/1955 – 13/5/2025");
    never a hyphen for a range of years."""
    pdf = edition_pdf(sample, lang)
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    spaced_numbers = re.findall(r"(?<![\d/,])\b\d{1,4} [–—] \d{1,4}\b(?![/\d])", text)
    closed_dates = re.findall(r"\d+/\d+/\d{4}[–—]\d", text)
    hyphened_years = re.findall(r"\b1[89]\d\d-(?:1[89]|20)\d\d\b|\b20\d\d-20\d\d\b", text)
    assert not spaced_numbers and not closed_dates and not hyphened_years, (spaced_numbers, closed_dates, hyphened_years)
    assert re.search(r"\d–\d", text)  # the closed form is there to read


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_caption_and_intro_last_lines_are_a_quarter_of_the_measure(sample, lang):
    """A last line of two short words at 20-24 % of the measure ("bất hợp
    pháp.", "for workers.") is a stub: the composer re-breaks (last lines
    under 30 % cost, more the shorter) before it leaves one."""
    lines = text_lines(pdf_runs(edition_pdf(sample, lang)))
    stubs = []
    for family, sizes in (CAPTION, BODY):
        for paragraph in running_text(lines, family, sizes):
            if len(paragraph) < 3:
                continue  # the measure is the widest line: read where three lines show it
            measure = max(line.width for line in paragraph)
            if paragraph[-1].width < 0.25 * measure:
                stubs.append(f"p{paragraph[0].page}: {paragraph[-1].text!r} ({paragraph[-1].width / measure:.0%})")
    assert not stubs, "\n".join(stubs)
