"""One 和欧間 everywhere: wherever Han or kana meet Latin letters or digits
on any page of the built zh and ja books (body, captions, cards, titles,
matter, contents, credits, colophon, the cover's front and back), the gap
is a quarter em (JIS X 4051 四分アキ, CLREQ 3.2.2). The ninth proofs found
two rules side by side: zh "1955 年 5 月 13 日" spaced and "1972年12月" near
solid in one paragraph, ja 0.12 em beside 0.25, titles at a tenth.

Read from the PDF's glyph positions (`cjk_pdf`), a line being the glyphs of
one baseline and size; a gap over 3/4 em is a column (a contents line's page
number), a negative one the spine's rotated setting."""

from __future__ import annotations

from collections import defaultdict

import pikepdf
import pytest
from cjk_pdf import page_glyphs

from book.text.cjk_spaces import LATIN_TIGHT, QUARTER, is_han, is_western

TOLERANCE = 0.02  # em
COLUMN = 0.75  # em: a gap this wide is a tab to a column, not a space
LEAST_TIGHT = 3  # lines per book that close a 和欧間 toward LATIN_TIGHT (only after their marks, JLREQ 3.8.2)


def boundaries(path) -> list[tuple[int, float, str, str]]:
    """Every CJK-Latin meeting in the PDF: page, gap (em), the two characters, the line's text."""
    found = []
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            rows = defaultdict(list)
            for glyph in page_glyphs(page):
                rows[(round(glyph.y, 1), round(glyph.size, 2))].append(glyph)
            for (_, size), row in rows.items():
                row.sort(key=lambda g: g.x)
                shown = [g for g in row if not g.ch.isspace()]
                for a, b in zip(shown, shown[1:], strict=False):
                    if (is_han(a.ch) and is_western(b.ch)) or (is_western(a.ch) and is_han(b.ch)):
                        gap = (b.x - a.right) / size
                        if 0 <= gap <= COLUMN:
                            found.append((number, round(gap, 3), a.ch + b.ch, "".join(g.ch for g in row)))
    return found


@pytest.mark.parametrize("lang", ["zh", "ja"])
@pytest.mark.parametrize("part", ["interior", "cover"])
def test_every_cjk_latin_gap_is_one_quarter_em(sample, lang, part):
    """Every page, every text: a quarter em (±0.02); a justified line that
    had to close its marks' empty halves first may close it to
    ``LATIN_TIGHT``, in a few lines at most."""
    path = next((sample / "output" / "print" / lang).glob(f"*-{part}.pdf"))
    found = boundaries(path)
    assert len(found) >= (300 if part == "interior" else 3)
    wrong = [b for b in found if not LATIN_TIGHT - 0.005 <= b[1] <= QUARTER + TOLERANCE]
    tight = {(b[0], b[3]) for b in found if b[1] < QUARTER - TOLERANCE}
    assert not wrong, wrong[:10]
    assert len(tight) <= LEAST_TIGHT, sorted(tight)
