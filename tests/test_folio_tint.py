"""A folio that neither ink reads on stands on a paper-white patch
(`book.pages.folios.folio_tint`): knocked out of the photo on every plate,
a mm and a half round its figures, and the figures black on it."""

from __future__ import annotations

import re

import pikepdf

import book.pages.folios as folios
from book.model import MM


def test_a_folio_neither_ink_reads_on_stands_on_a_paper_patch(mini, run, monkeypatch):
    chapter = mini / "content" / "chapters" / "01-cang.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("layout: photo-caption", "layout: full-bleed"), encoding="utf-8")
    monkeypatch.setattr(folios, "MIN_CONTRAST", 100.0)  # no ground reaches it: every folio on a photo takes the patch
    result = run(mini, "build", "--lang", "en")
    assert result.exit_code == 0, result
    pdf_path = next((mini / "output" / "print" / "en").glob("*-interior.pdf"))
    with pikepdf.open(pdf_path) as pdf:
        bleed = float(pdf.pages[0].trimbox[0])
        height = float(pdf.pages[0].mediabox[3])
        found = None
        for page in pdf.pages:
            stream = page.Contents.read_bytes().decode("latin-1") if not isinstance(page.Contents, pikepdf.Array) else \
                "".join(c.read_bytes().decode("latin-1") for c in page.Contents)
            patch = re.search(r"0 0 0 0 k\s+(?:\S+ )*?([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re f", stream)
            if patch:
                found = (stream, patch)
                break
        assert found, "no paper patch under a folio"
        stream, patch = found
        x, y, w, h = (float(v) for v in patch.groups())
        top_mm = (height - y - h - bleed) / MM
        assert 4 * MM < w < 20 * MM and 3 * MM < h < 8 * MM, (w, h)  # round the figures, not a panel
        assert top_mm > 250, top_mm  # at the folio's place in the foot margin
        after = stream[patch.end():]
        assert "0 0 0 1 k" in after[:400], after[:400]  # the figures set black over it
