"""The sample's hardcover (binding: {style: case}): its spread's boxes and
wrap, its lettered spine, the front's display title and the back's barcode
at the grid's foot by the spine, measured in the PDF a printer receives."""

from __future__ import annotations

import re

import pikepdf
import pytest
from pdf_ops import page_ops
from test_cover import black_rects, cover_alone, cover_problems, ink_box, text_lines

from book.pages.cover_plan import field_place

LANGS = ["vi", "en", "zh", "ko", "ja"]
PT = 25.4 / 72


def shown_sizes(pdf) -> list[tuple[float, float, float]]:
    """Each text object's font size as the PDF sets it (Tf scaled by the
    matrices in force), with where it starts: (size pt, x mm, y mm from the foot of the media)."""
    found, tm = [], [1.0, 0, 0, 1.0, 0, 0]
    for op, operands, ctm in page_ops(pdf):
        if op == "BT":
            tm = [1.0, 0, 0, 1.0, 0, 0]
        elif op == "Tm":
            tm = [float(v) for v in operands]
        elif op == "Tf":
            a, b, _, _, e, f = tm
            scale = (a * a + b * b) ** 0.5 * (ctm[0] ** 2 + ctm[1] ** 2) ** 0.5
            found.append((round(float(operands[1]) * scale, 2), (ctm[0] * e + ctm[2] * f + ctm[4]) * PT,
                          (ctm[1] * e + ctm[3] * f + ctm[5]) * PT))
    return found


def test_the_samples_case_is_boards_joints_and_spine_with_its_wrap_in_the_pdf(sample_copy, tmp_path):
    """64 pages of 0.155 mm leaves (4.96 mm) and two 2.5 mm boards: a 9.96 mm
    spine board. Each board is the 300 mm pages and the 3 mm squares at head
    and tail high, and by the bindery's rule 240 + 3 - (8 - 2.5) = 237.5 mm
    wide: 237.5 × 306 mm. The TrimBox is the finished case,
    board + 8 mm joint + spine + 8 mm joint + board = 500.96 × 306 mm; the
    15 mm wrap beyond it is the BleedBox and MediaBox (530.96 × 336 mm); the
    manifest's entry says so; the spine board's edges (solid) and the boards'
    inner edges (dashed) are marked in the wrap, never inside the trim."""
    from book.pages.spine import cover_entry

    pdf, _, geometry, problems, _ = cover_alone(sample_copy, (240, 300), 64, "vi", tmp_path, printer="offset-fogra39")
    assert cover_problems(problems) == []
    assert (geometry.spine, geometry.board, geometry.margin, geometry.hinge, geometry.square) == (9.96, 2.5, 15.0, 8.0, 3.0)
    assert geometry.panel == (237.5, 306)
    with pikepdf.open(pdf) as doc:
        page = doc.pages[0]
        trim = [float(v) * PT for v in page.TrimBox]
        media = [float(v) * PT for v in page.MediaBox]
        bleed = [float(v) * PT for v in page.BleedBox]
    assert trim == pytest.approx([15, 15, 15 + 237.5 + 8 + 9.96 + 8 + 237.5, 15 + 306], abs=0.01)
    assert media == pytest.approx([0, 0, 530.96, 336], abs=0.01) and bleed == media
    entry = cover_entry(geometry, 64)
    assert entry["binding"] == "case" and entry["spine_mm"] == 9.96 and entry["wrap_mm"] == 15 and entry["board_mm"] == 2.5
    assert entry["trim_mm"] == [500.96, 306] and entry["board_size_mm"] == [237.5, 306] and entry["square_mm"] == 3
    assert entry["hinge_mm"] == 8.0 and entry["folds_mm"] == [245.5, 255.46] and entry["boards_mm"] == [237.5, 263.46]
    assert "4.96 mm" in entry["note"] and "237.5 × 306 mm" in entry["note"] and "joint 8 mm" in entry["note"]
    head = ink_box(pdf, (200, -15, 310, -0.2), 15)  # the wrap above the head trim: the marks only
    assert head is not None and head[3] < 0
    for x in (237.5, 245.5, 255.46, 263.46):  # each mark stands where it says, in the wrap
        mark = ink_box(pdf, (x - 0.5, -15, x + 0.5, -0.2), 15)
        assert mark is not None and abs((mark[0] + mark[2]) / 2 - x) < 0.1, (x, mark)
    assert ink_box(pdf, (238.1, -15, 244.9, -0.2), 15) is None  # nothing else in the wrap over the joint


def test_the_squares_and_joint_come_from_the_book_or_the_printer(sample_copy):
    """book.yaml's cover.square_mm and cover.hinge_mm size the case; a
    printer's preset that gives its own joint (offset-fogra39: 8 mm) wins,
    one that gives none (square_mm: 0) leaves the book's. A soft cover has
    neither, whatever the book says: its panels are the trim."""
    from dataclasses import replace

    from book.errors import Problems
    from book.pages.spine import plan_cover
    from book.presets import read_preset
    from book.sources import load_book

    book, _ = load_book(sample_copy, check_files=False)
    book = replace(book, cover=replace(book.cover, square_mm=4.0, hinge_mm=7.0))
    own = plan_cover(book, 64, Problems())
    assert (own.panel, own.hinge, own.square) == ((239.5, 308), 7.0, 4.0)  # 240 + 4 - (7 - 2.5)
    assert own.spread == pytest.approx((2 * 239.5 + 2 * 7 + 9.96, 308)) and own.folds == pytest.approx((246.5, 256.46))
    book.printer = read_preset(sample_copy, "offset-fogra39")
    printed = plan_cover(book, 64, Problems())
    assert (printed.panel, printed.hinge, printed.square) == ((238.5, 308), 8.0, 4.0)
    soft = replace(book, binding_style="perfect")
    soft.printer = read_preset(sample_copy, "offset-fogra39")
    g = plan_cover(soft, 64, Problems())
    assert (g.panel, g.hinge, g.square, g.board) == ((240, 300), 0.0, 0.0, 0.0)
    assert g.spread == pytest.approx((2 * 240 + 4.96, 300)) and g.folds == pytest.approx((240, 244.96)) and g.margin == 3


@pytest.mark.needs("pdftoppm", reason="Debian package poppler-utils")
@pytest.mark.parametrize("lang", ["vi", "zh"])
def test_the_boards_carry_the_design_clear_of_the_joints_and_the_turn_in(sample_copy, lang, tmp_path):
    """The front's mark and title stand on the front board, their ink at least
    the safe zone (6 mm) from the board's edge at the joint and from its head
    and fore-edge (where the wrap turns in); the back's text and barcode the
    same on the back board; the spine's lettering is centred on the spine
    board (a Vietnamese line on its capitals, as the head letter's ink shows:
    its stacked marks put the line's whole ink 0.65 mm to the front); the photo band runs unbroken across both joints and the spine."""
    from book.pages.spine import SAFE_MM

    pdf, cover, g, problems, _ = cover_alone(sample_copy, (240, 300), 64, lang, tmp_path, printer="offset-fogra39")
    assert cover_problems(problems) == []
    above = cover.plan.photo[1] - 0.5  # the type above the band
    front = ink_box(pdf, (g.front - 2, 0, g.spread[0], above), g.margin)
    assert front is not None and front[0] >= g.front + SAFE_MM and front[2] <= g.spread[0] - SAFE_MM, (front, g.front)
    assert front[1] >= SAFE_MM
    back = ink_box(pdf, (0, 0, g.panel[0] + 2, g.panel[1]), g.margin)  # the back's text, and its barcode on the band
    assert back is not None and back[2] <= g.panel[0] - SAFE_MM and back[0] >= SAFE_MM, (back, g.panel)
    spine = ink_box(pdf, (g.folds[0], 0, g.folds[1], above), g.margin)
    assert spine is not None and spine[0] > g.folds[0] and spine[2] < g.folds[1], (spine, g.folds)
    # all the spine's ink above the photo, the marks over Vietnamese capitals too, centred between the folds
    assert spine is not None and abs((spine[0] + spine[2]) / 2 - sum(g.folds) / 2) < 0.3, (spine, g.folds)
    band = cover.plan.photo
    assert band[0] <= -g.margin and band[0] + band[2] >= g.spread[0] + g.margin  # one band, wrap to wrap


@pytest.mark.needs("pdftoppm", reason="Debian package poppler-utils")
@pytest.mark.parametrize("lang", LANGS)
def test_the_hardcover_spine_is_lettered_large_and_clear_of_both_folds(sample_copy, lang, tmp_path):
    """On the 9.96 mm spine the title is set at one size, at least 12 pt (the
    soft cover's was 6–7 pt; the sample's is 14 pt), from the head; the
    publisher's name stands under it in the cream, above the photo, at 6–7
    pt, on as many lines across the spine as it needs; both
    run down the spine in vi, en and ko, in an upright column in zh and ja;
    the title's ink, as rendered, keeps at least 1.6 mm from each fold."""
    from book.text.spine_text import PUBLISHER_SIZE

    pdf, cover, geometry, problems, texts = cover_alone(sample_copy, (240, 300), 64, lang, tmp_path)
    assert cover_problems(problems) == [] and cover.spine
    big = max(g.size for g in cover.spine)
    title = {g.size for g in cover.spine if g.text != "ォ" and g.size > PUBLISHER_SIZE}
    publisher = {g.size for g in cover.spine if g.text != "ォ" and g.size <= PUBLISHER_SIZE}
    assert len(title) == 1 and min(title) >= 12 and big in title, title
    assert len(publisher) == 1 and 6 <= min(publisher) <= PUBLISHER_SIZE < min(title), (title, publisher)
    from book.text.spine_text import CALM_GAP

    foot = [g for g in cover.spine if g.text != "ォ" and g.size <= PUBLISHER_SIZE]
    assert all(g.y < cover.plan.spine_foot for g in cover.spine if g not in foot)  # the title in the cream, above the photo
    assert all(cover.plan.calm + CALM_GAP - 0.01 <= g.y < geometry.panel[1] - geometry.margins.head for g in foot), (
        [g.y for g in foot], cover.plan.calm)  # the publisher on the calm zone under the photo, at the spine's foot
    assert {g.angle for g in cover.spine} == ({0} if lang in ("zh", "ja") else {-90})
    drawn = "".join(g.text for g in sorted(cover.spine, key=lambda g: g.y)).replace(" ", "")
    assert drawn.startswith(texts["spine"].replace(" ", "")[:2]) and len(drawn) > len(texts["spine"].replace(" ", ""))
    shown = [s for s, x, _ in shown_sizes(pdf) if geometry.folds[0] < x - 15 < geometry.folds[1]]
    sizes = {round(s, 1) for s in shown}  # the PDF's own sizes: the title's and the publisher's (a ja small kana a hair less)
    assert {round(s, 1) for s in title | publisher} <= sizes and min(publisher) <= min(sizes) <= max(sizes) <= max(title), shown
    fold_back, fold_front = geometry.folds
    ink = ink_box(pdf, (fold_back - 0.5, 0, fold_front + 0.5, cover.plan.photo[1] - 1), geometry.margin)
    pixel = 25.4 / 600
    assert ink is not None
    assert ink[0] >= fold_back + 1.6 - pixel and ink[2] <= fold_front - 1.6 + pixel, (ink, geometry.folds)
    assert ink[2] - ink[0] > 4.0  # the type fills the spine, not a thread of 6 pt down its middle
    low = ink_box(pdf, (fold_back - 0.5, cover.plan.calm + 0.5, fold_front + 0.5, geometry.panel[1]), geometry.margin)
    assert low is not None and low[0] >= fold_back + 1.6 - pixel and low[2] <= fold_front - 1.6 + pixel, (low, geometry.folds)


@pytest.mark.needs("pdftotext", reason="Debian package poppler-utils")
@pytest.mark.parametrize("lang", LANGS)
def test_the_front_title_is_larger_than_the_title_pages_and_the_barcode_stands_at_the_foot(sample_copy, lang, tmp_path):
    """The front's title is set at 36 pt, above the title page's 30 pt, in
    its own block under the mark; the back's barcode stands at its lower
    corner by the spine, its field's foot on the grid's foot line, and the
    blurb starts in the back's top third."""
    from book.sources import load_book
    from book.text.cover import FIELD_PAD

    book, _ = load_book(sample_copy, check_files=False)
    pdf, cover, geometry, problems, texts = cover_alone(sample_copy, (240, 300), 64, lang, tmp_path)
    assert cover_problems(problems) == []
    title_page = book.style("title", lang).size
    front = [s for s, x, _ in shown_sizes(pdf) if x - 15 > geometry.folds[1]]
    assert max(front) == 36 > title_page == 30, front
    lines = text_lines(pdf, geometry.margin)
    first_word = re.split(r"[\s–—―]", texts["title"])[0][:2]
    title = [box for text, box in lines if box[0] > geometry.folds[1] and box[3] - box[1] > 10]  # lines of display type
    assert title and any(text.startswith(first_word) for text, box in lines if box in title), (first_word, lines)
    assert min(box[1] for box in title) > cover.plan.mark[1] + cover.plan.mark[3]  # under the mark
    assert max(box[3] for box in title) < cover.plan.photo[1]  # above the photo
    bars = black_rects(pdf, geometry.margin, geometry.media[1])
    back_inner = geometry.folds[0] - (cover.plan.back[0])  # the back's inner margin, mirrored: the back is a left page
    field = cover.fields[0]  # on the grid's foot line, or moved off the photo's foot edge (`cover_plan.field_place`)
    assert field[1] == pytest.approx(field_place(cover.plan, field[3], geometry.panel[1]), abs=0.01), field
    assert bars[3] == pytest.approx(field[1] + field[3] - FIELD_PAD, abs=0.6), (bars, field)  # its bars at the field's foot
    assert geometry.folds[0] - bars[2] < 35 and bars[0] > geometry.folds[0] / 2, (bars, back_inner)  # by the spine
    assert bars[1] > cover.plan.photo[1] and bars[3] < geometry.panel[1] - 1.67  # at the foot, clear of the trim
    blurb = [box for text, box in lines if box[2] < geometry.folds[0] and box[3] - box[1] > 4]
    assert blurb and min(box[1] for box in blurb) < 300 / 3, blurb


def test_the_zh_blurb_is_justified_on_whole_ems(sample_copy, tmp_path):
    """zh: every full line of the back text ends in ink at one edge, a
    whole number of ems from its start (a squeezed line-end comma keeps its
    ink inside it: the last ideograph's ink stops short of its em), no line
    reaching past the one above it."""
    pdf, cover, geometry, problems, _ = cover_alone(sample_copy, (240, 300), 64, "zh", tmp_path)
    assert cover_problems(problems) == []
    back = next(p for p in cover.placements if p.lines and p.lines[0].size == 11.5)
    assert len(back.lines) >= 3
    ends = []
    for line_index in range(len(back.lines) - 1):
        if "".join(piece.text for piece in back.lines[line_index].pieces).rstrip()[-1:] in "，、。：；":
            continue  # a line-end mark's ink stands at the left of its em (JLREQ: the line is full to its em's edge)
        top = back.top + sum((line.gap + (line.leading if i else line.size)) for i, line in enumerate(back.lines[:line_index + 1])) * PT
        ink = ink_box(pdf, (back.x - 1, top - 5, back.x + 150, top + 1), geometry.margin)
        ends.append(ink[2])
    ems = (max(ends) - back.x) / (11.5 * PT)  # the widest line's ink: within one em of a whole number of ems
    assert ends and ems - int(ems) > 0.5 and max(ends) - min(ends) < 1.5, (ends, ems)
    assert all(later <= earlier + 0.1 for earlier, later in zip(ends, ends[1:], strict=False)), ends

