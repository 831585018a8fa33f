"""The case wrap's calm foot zone (`book.pages.cover_plan`): the photo band
ends on a grid row's foot and the ground runs on under it across the whole
wrap; the spine's publisher stands there at its foot, the front's
publisher line on the grid's foot line at the title's left edge, the
barcode's field at the back's lower corner by the spine; the front's occasion line (book.yaml ``cover: occasion``) under the title in
each edition's language, smaller than the title; the spine's dash stroked
to the title's weight. Read from each edition's cover PDF."""

from __future__ import annotations

import re

import pikepdf
import pytest
from conftest import REPO
from test_cover import black_rects, cover_alone, ink_box, text_lines, union

from book.pages.cover_plan import FIELD_GAP, field_place

OCCASION = {"vi": "Sách ảnh kỷ niệm 70 năm Ngày giải phóng Hải Phòng", "en": "A photo book marking the 70th anniversary of the liberation of Hải Phòng",
            "zh": "海防解放70周年纪念画册", "ko": "하이퐁 해방 70주년 기념 사진집", "ja": "ハイフォン解放70周年記念写真集"}
PUBLISHER = {"vi": "TRUYỀN", "en": "PUBLISHING", "zh": "出", "ko": "출판", "ja": "出"}


def spans(pdf):
    """Each text showing's font size and its text, from the cover's content stream (sizes in pt)."""
    with pikepdf.open(pdf) as doc:
        page = doc.pages[0]
        stream = b"".join(c.read_bytes() for c in page.Contents) if isinstance(page.Contents, pikepdf.Array) else page.Contents.read_bytes()
    return stream.decode("latin-1")


@pytest.mark.parametrize("lang", ["vi", "en", "zh", "ko", "ja"])
def test_publisher_at_the_spine_foot_barcode_and_occasion_on_the_ground(lang, tmp_path):
    pdf, cover, geometry, problems, texts = cover_alone(REPO, (240, 300), 64, lang, tmp_path)
    plan, height = cover.plan, geometry.panel[1]
    band_top, band_foot = plan.photo[1], plan.photo[1] + plan.photo[3]
    assert band_foot == pytest.approx(plan.calm) and band_foot < height - 40, (band_foot, height)  # a calm zone of 40 mm and more
    lines = text_lines(pdf, geometry.margin)
    left, right = geometry.folds
    spine = [(line, box) for line, box in lines if left <= (box[0] + box[2]) / 2 <= right]
    publisher = [box for line, box in spine if PUBLISHER[lang] in line.replace(" ", "") or PUBLISHER[lang] in line]
    if lang in ("zh", "ja"):  # a column: its glyphs, one a line, below the photo
        publisher = [box for line, box in spine if box[1] > band_foot]
    assert publisher, (lang, spine)
    foot = union(publisher)
    assert foot[1] > band_foot + 3 and foot[3] <= height - geometry.margins.head + 0.5, (lang, foot, band_foot)  # on the ground, at the foot
    ink = ink_box(pdf, (left - 0.5, band_foot + 0.5, right + 0.5, height), geometry.margin)  # its ink, not its type's boxes
    pixel = 25.4 / 600
    assert ink[0] >= left + geometry.clearance - pixel and ink[2] <= right - geometry.clearance + pixel, (lang, ink)
    title = [box for line, box in spine if box[3] < band_top]
    assert title and union(title)[3] < band_top, lang  # the title above the photo, at the head
    field = cover.fields[0]  # the barcode's field at the back's lower corner by the spine: on the foot line, or clear of the photo's edge
    assert field[1] == pytest.approx(field_place(plan, field[3], height), abs=0.01) and field[1] > band_top, (lang, field, plan.foot)
    assert field[1] >= plan.calm + FIELD_GAP - 0.01 or field[1] + field[3] <= plan.calm + 0.01, (lang, field, plan.calm)  # never across it
    assert field[0] + field[2] == pytest.approx(plan.back[0] + plan.back[2], abs=0.01), (lang, field)
    assert field[0] + field[2] <= left - geometry.hinge - 1.67 and field[1] + field[3] <= height - 1.67, (lang, field)
    bars = black_rects(pdf, geometry.margin, geometry.media[1])
    assert bars[1] >= field[1] - 0.1 and bars[3] <= field[1] + field[3] + 0.1, (lang, bars, field)
    front = [(line, box) for line, box in lines if box[0] > right]
    occasion = [box for line, box in front if box[3] - box[1] < 7 and line.replace(" ", "") and line.replace(" ", "") in OCCASION[lang].replace(" ", "")]
    assert occasion, (lang, [line for line, _ in front])
    titles = [box for line, box in front if box[3] - box[1] > 9 and box[3] < union(occasion)[1]]  # the 36 pt title's lines
    assert titles and union(occasion)[1] > union(titles)[3], lang  # under the title
    assert union(occasion)[3] < band_top, lang  # above the photo
    assert (union(occasion)[3] - union(occasion)[1]) * 3 < (union(titles)[3] - union(titles)[1]), lang  # subordinate in size


@pytest.mark.parametrize("lang", ["ja", "ko"])
def test_the_spine_dash_is_stroked_to_the_titles_weight(lang, tmp_path):
    pdf, cover, *_ = cover_alone(REPO, (240, 300), 64, lang, tmp_path)
    weights = [g.weight for g in cover.spine if g.weight]
    assert weights and all(0.5 < w < 2.0 for w in weights), weights  # about 1.1 pt at 14 pt: the rule as heavy as 丨's 0.7
    stream = spans(pdf)
    assert re.search(r"[\d.]+ w 1 j 2 Tr", stream), lang
    assert all(g.weight == 0 for g in cover.spine if not set(g.text) <= set("―—–│")), lang


@pytest.mark.parametrize("lang", ["vi", "en", "zh", "ko", "ja"])
def test_the_fronts_calm_foot_carries_the_publisher_on_the_grid(lang, tmp_path):
    pdf, cover, geometry, problems, texts = cover_alone(REPO, (240, 300), 64, lang, tmp_path)
    plan = cover.plan
    front = [(line, box) for line, box in text_lines(pdf, geometry.margin) if box[0] > geometry.folds[1] and box[1] > plan.calm]
    names = [name.upper() for name in texts["publishers"].split("\n")[:2]]  # the publisher, then the house (the vi proof: NXB on the front)
    assert front and "".join(line for line, _ in front).replace(" ", "") == "".join(names).replace(" ", ""), (lang, front, names)
    if len(names) == 2 and names[0] != names[1]:
        assert len(front) == 2 and front[0][1][1] < front[1][1][1], (lang, front)  # one name a line, the house under
    least = 3.17 if lang in ("zh", "ko", "ja") else 4.0  # 9 pt, not 7.5 (the ko proof): Latin type boxes 4.4 mm tall, not 3.7; CJK the em, 3.175
    assert all(box[3] - box[1] >= least for _, box in front), (lang, front)
    foot = union([box for _, box in front])
    assert foot[0] == pytest.approx(plan.front[0], abs=0.6), (lang, foot, plan.front)  # the title's left edge
    assert plan.calm + 3 < foot[1] and foot[3] <= plan.foot + 2.5, (lang, foot, plan.calm, plan.foot)  # on the ground, on the foot line
    assert not [p for p in problems.items if p.code == "cover-foot"], lang


@pytest.mark.parametrize("lang", ["vi", "en", "zh", "ko", "ja"])
def test_the_spine_title_is_centred_on_its_ink(lang, tmp_path):
    pdf, cover, geometry, *_ = cover_alone(REPO, (240, 300), 64, lang, tmp_path)
    left, right = geometry.folds
    ink = ink_box(pdf, (left - 0.5, geometry.margins.head - 1, right + 0.5, cover.plan.spine_foot), geometry.margin)
    assert abs((ink[0] + ink[2]) / 2 - (left + right) / 2) < 0.15, (lang, ink, left, right)  # vi's marks once put it 0.58 mm off


@pytest.mark.parametrize("lang", ["vi", "en", "zh", "ko", "ja"])
def test_no_blurb_line_but_the_last_is_broken_short(lang, tmp_path):
    """ja's blurb, broken by sense as titles are, once ended its first line at a comma on half the measure."""
    _, cover, geometry, *_ = cover_alone(REPO, (240, 300), 64, lang, tmp_path)
    blurb = max((p for p in cover.placements if p.x + 1 < geometry.folds[0]), key=lambda p: len(p.lines))
    widths = [line.width for line in blurb.lines]
    assert len(widths) >= 3 and min(widths[:-1]) > 0.65 * max(widths), (lang, [round(w / 2.835, 1) for w in widths])
