"""The sample's case in round 8: boards hung from the joint (their width by
the bindery's rule, in the manifest), the spine's foot band with no edge on
a fold and the publisher in it, a calmer back on the front's margin, and a
ja spine whose drawn rule reads as the title's dash; measured in the PDF."""

from __future__ import annotations

import statistics
import subprocess

import pikepdf
import pytest
from pdf_ops import page_ops
from test_cover import cover_alone, cover_problems, text_lines
from test_cover_case import shown_sizes

LANGS = ["vi", "en", "zh", "ko", "ja"]
PT = 25.4 / 72


def filled_rects(pdf) -> list[tuple[float, float, float, float]]:
    """Every rectangle the page fills (``re`` then ``f``), x0, y0, x1, y1 in mm
    from the media's bottom-left corner, through the matrices in force."""
    pending, found = [], []
    for op, operands, ctm in page_ops(pdf):
        if op == "re":
            x, y, w, h = (float(v) for v in operands)
            xs = sorted((ctm[0] * px + ctm[2] * py + ctm[4]) * PT for px, py in ((x, y), (x + w, y + h)))
            ys = sorted((ctm[1] * px + ctm[3] * py + ctm[5]) * PT for px, py in ((x, y), (x + w, y + h)))
            pending.append((xs[0], ys[0], xs[1], ys[1]))
        elif op in ("f", "f*", "B", "B*"):
            found += pending
            pending = []
        elif op in ("n", "S"):
            pending = []
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_no_panel_on_the_spine_below_the_cream_and_the_publisher_stands_in_it(sample_copy, lang, tmp_path):
    """No filled panel on the spine below its cream head zone: the photo runs
    unbroken through the spine's foot (a band there read as a sticker), and no
    panel has an edge within 2 mm of a fold. The title stands in the cream
    above the photo, the publisher at the spine's foot on the calm zone under
    it, their ink at least the printer's clearance from each fold."""
    from test_cover import ink_box

    from book.text.spine_text import CALM_GAP, PUBLISHER_SIZE

    pdf, cover, g, problems, texts = cover_alone(sample_copy, (240, 300), 64, lang, tmp_path)
    assert cover_problems(problems) == [] and cover.spine
    rects = filled_rects(pdf)
    assert len(rects) > 3
    folds = [f + g.margin for f in g.folds]  # in the media
    near = [r for r in rects for edge in (r[0], r[2]) for fold in folds if abs(edge - fold) < 2.0]
    assert not near, (near, folds)
    media_h = g.media[1]
    on_spine = [r for r in rects if r[0] < folds[1] and r[2] > folds[0] and media_h - r[1] > cover.plan.spine_foot + g.margin]
    assert all(r[2] - r[0] >= g.media[0] - 0.1 for r in on_spine), on_spine  # only the ground under the whole spread
    big = max(gl.size for gl in cover.spine)
    publisher = [gl for gl in cover.spine if gl.size < big - 1]
    title = [gl for gl in cover.spine if gl.size >= big - 1]
    assert publisher and title, cover.spine
    assert max(gl.y for gl in title) < cover.plan.spine_foot < cover.plan.photo[1] < cover.plan.calm + CALM_GAP - 0.01 <= min(
        gl.y for gl in publisher)  # the title above the photo, the publisher on the calm zone under it
    assert all(6 <= gl.size <= PUBLISHER_SIZE for gl in publisher), {gl.size for gl in publisher}
    assert "&" not in "".join(gl.text for gl in publisher)  # the house's name, never a truncated form with "&"
    pixel = 25.4 / 600
    ink = ink_box(pdf, (g.folds[0] - 0.5, 0, g.folds[1] + 0.5, cover.plan.photo[1] - 0.5), g.margin)
    assert ink[0] >= g.folds[0] + g.clearance - pixel and ink[2] <= g.folds[1] - g.clearance + pixel, (ink, g.folds)
    assert ink[3] <= cover.plan.spine_foot + pixel  # the title's ink ends in the cream above the photo
    ink = ink_box(pdf, (g.folds[0] - 0.5, cover.plan.calm + 0.5, g.folds[1] + 0.5, g.panel[1]), g.margin)
    assert ink[0] >= g.folds[0] + g.clearance - pixel and ink[2] <= g.folds[1] - g.clearance + pixel, (ink, g.folds)
    assert ink[1] >= cover.plan.calm + CALM_GAP - pixel and ink[3] <= g.panel[1] - g.margins.head + pixel, (ink, cover.plan.calm)


def test_the_boards_follow_the_binderys_rule_and_the_manifest_says_so(sample_copy, tmp_path):
    """240 mm pages, 3 mm squares, an 8 mm joint and 2.5 mm boards: each board
    is 240 + 3 - (8 - 2.5) = 237.5 mm wide (it hangs from the joint, not
    from the spine), 306 mm high; the PDF's TrimBox is the case, 2 x 237.5 +
    2 x 8 + 9.96 = 500.96 mm; the manifest gives the width and its rule;
    cover.board_width_mm overrides the rule."""
    from dataclasses import replace

    from book.errors import Problems
    from book.pages.spine import board_width, cover_entry, plan_cover
    from book.sources import load_book

    pdf, _, g, problems, _ = cover_alone(sample_copy, (240, 300), 64, "en", tmp_path, printer="offset-fogra39")
    assert cover_problems(problems) == []
    assert g.panel == (237.5, 306) and board_width(240, 3, 8, 2.5) == 237.5
    with pikepdf.open(pdf) as doc:
        trim = [float(v) * PT for v in doc.pages[0].TrimBox]
    assert trim[2] - trim[0] == pytest.approx(2 * 237.5 + 2 * 8 + 9.96, abs=0.01)
    entry = cover_entry(g, 64)
    assert entry["board_width_mm"] == 237.5 and entry["board_size_mm"] == [237.5, 306]
    assert "240 + square 3 − (joint 8 − board 2.5)" in entry["board_width_rule"], entry["board_width_rule"]
    assert "237.5 × 306 mm" in entry["note"]
    book, _ = load_book(sample_copy, check_files=False)
    given = plan_cover(replace(book, cover=replace(book.cover, board_width_mm=241.0)), 64, Problems())
    assert given.panel == (241.0, 306) and "as given" in cover_entry(given, 64)["board_width_rule"]


@pytest.mark.needs("pdftotext", reason="Debian package poppler-utils")
@pytest.mark.parametrize(("lang", "size"), [("vi", 12), ("en", 12), ("zh", 11.5), ("ko", 11.5), ("ja", 11.5)])
def test_the_back_is_calmer_and_on_the_fronts_margin(sample_copy, lang, size, tmp_path):
    """The blurb is set at 12 pt (CJK 11.5), not 14, the largest type on the
    back; its block stands as far from the back board's outer edge as the
    front's title from its board's edge at the joint (within 1 mm)."""
    pdf, cover, g, problems, texts = cover_alone(sample_copy, (240, 300), 64, lang, tmp_path)
    assert cover_problems(problems) == []
    back = [s for s, x, _ in shown_sizes(pdf) if x - g.margin < g.folds[0] - 1]
    assert max(back) == pytest.approx(size, abs=0.01), back
    lines = text_lines(pdf, g.margin)
    blurb = [box for text, box in lines if box[2] < g.folds[0] - 5 and box[1] < cover.plan.photo[1] - 20]
    title = [box for text, box in lines if box[0] > g.front and box[3] - box[1] > 10]
    assert blurb and title
    left = statistics.mode(round(b[0], 1) for b in blurb)  # the block's edge (a ja line-start bracket hangs in its margin)
    assert left == pytest.approx(min(t[0] for t in title) - g.front, abs=1.0), (blurb, title)


@pytest.mark.needs("pdftotext", reason="Debian package poppler-utils")
def test_the_ja_spines_rule_reads_as_its_two_em_dash(sample_copy, tmp_path):
    """ja: the spine's two-em dash is drawn as a continuous rule (two U+2502
    glyphs), but a reader's software reads the title's 「――」 (U+2015), never
    「││」, at the dash's place in the column."""
    pdf, cover, _, problems, texts = cover_alone(sample_copy, (240, 300), 64, "ja", tmp_path)
    assert cover_problems(problems) == [] and "――" in texts["title"] and "—" not in texts["title"]
    assert cover.rule_text == "――" and any(gl.text == "│" for gl in cover.spine)
    read = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "ハイフォン――闘い" in read and "│" not in read, read
