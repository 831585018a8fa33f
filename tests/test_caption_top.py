"""A caption hung from a frame's edge has its type's top on that edge, read
from the built PDFs: a side caption's first line's cap height (the em box's
top in a Chinese, Japanese or Korean face) is level with its picture's top,
and an opener's caption hangs from its frame's top under the photo, its
chapter label on that line or, in an edition whose stacks all drop by whole
grid modules to reach the foot (zh and ko in the sample: one), that many
modules under it."""

from __future__ import annotations

import pikepdf
from conftest import LANGS
from test_captions import BLEED, interior

from book.model import MM
from book.pages.paginate import paginate
from book.sources import load_book
from book.text.setting import over_its_picture

BLEED_PT = BLEED * MM


def drawn(pdf, number: int) -> tuple[list[tuple[float, float, float, float]], list[tuple[float, float, float, float]]]:
    """The page's pictures (x, top, right, foot) and its text pieces (x, baseline, size, rise), in pt
    from the trim's top-left; a piece's rise is its face's cap height, or its em box's top in a CJK face
    (as the embedded font's descriptor gives them), times its size."""
    pictures, pieces = [], []
    with pikepdf.open(pdf) as doc:
        page = doc.pages[number - 1]
        media_h = float(page.mediabox[3])
        rises = {}
        for name, font in page.Resources.Font.items():
            descriptor = font.get("/FontDescriptor") or font.DescendantFonts[0].FontDescriptor
            rises[name] = float(descriptor.Ascent if "CJK" in str(font.BaseFont) else descriptor.CapHeight) / 1000
        matrix = font = size = at = None
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "cm":
                matrix = [float(v) for v in operands]
            elif op == "Do" and matrix:
                a, _, _, d, e, f = matrix
                pictures.append((e - BLEED_PT, media_h - f - d - BLEED_PT, e + a - BLEED_PT, media_h - f - BLEED_PT))
            elif op == "Tf":
                font, size = str(operands[0]), float(operands[1])
            elif op == "Tm":
                at = (float(operands[4]) - BLEED_PT, media_h - float(operands[5]) - BLEED_PT)
            elif op in ("Tj", "TJ") and at and font:
                pieces.append((at[0], at[1], size, rises[font] * size))
    return pictures, pieces


def first_line(pieces, box_pt) -> tuple[float, float]:
    """(baseline, the highest rise on it) of the first line drawn inside ``box_pt`` (x, y, w, h)."""
    x, y, w, h = box_pt
    inside = [p for p in pieces if x - 6 <= p[0] <= x + w and y <= p[1] <= y + h + 2]
    top = min(p[1] for p in inside)
    return top, max(p[3] for p in inside if abs(p[1] - top) < 0.3)


def test_side_captions_start_level_with_their_pictures_top(sample):
    """A caption's type starts on its frame's top edge, beside its picture's top or under it; one that
    stands over its picture (photo-led) ends on its frame's foot (its descenders), a row gutter above the picture."""
    book, _ = load_book(sample)
    side = openers = over = 0
    module = (book.grid.row(book.trim[1]) + book.grid.row_gutter) * MM
    drops: dict[str, set[int]] = {}
    for page in paginate(book).pages:
        photos = [p for p in page.placed if p.frame.kind == "photo" and p.box[1] > 0]
        for placed in (p for p in page.placed if p.frame.kind == "caption" and not p.frame.panel and p.value):
            box_pt = tuple(v * MM for v in placed.box)
            beside = [p for p in photos if abs(p.box[1] - placed.box[1]) < 0.01]
            label = next((p for p in page.placed if p.frame.kind == "chapter-number"), None)
            for lang in LANGS:
                pictures, pieces = drawn(interior(sample, lang), page.number)
                base, rise = first_line(pieces, box_pt)
                for photo in beside:  # the picture as drawn: its top edge
                    top = next(pic[1] for pic in pictures if abs(pic[0] - photo.box[0] * MM) < 0.5 and abs(pic[1] - photo.box[1] * MM) < 0.5)
                    assert abs(base - rise - top) < 0.5, (lang, page.number, placed.frame.name, base, rise, top)
                    side += 1
                if label is not None and abs(label.box[1] - placed.box[1]) < 0.01:  # an opener: on the label's line
                    # The label's stack drops by the whole modules the edition's openers all have room for
                    # (`book.text.stack.drop_hung_chains`): its first line is the top one in its columns.
                    lx, ly, lw, _ = (v * MM for v in label.box)
                    label_base, label_rise = first_line(pieces, (lx, ly, lw, book.trim[1] * MM))
                    rows = (label_base - label_rise - (base - rise)) / module
                    assert rows > -0.02 and abs(rows - round(rows)) * module < 0.5, (lang, page.number, label_base, base)
                    drops.setdefault(lang, set()).add(round(rows))
                    assert abs(base - rise - box_pt[1]) < 0.5, (lang, page.number, base, rise, box_pt)
                    openers += 1
                if over_its_picture(book, page, placed):  # over its picture: its last line's descenders on the frame's foot
                    x, y, w, h = box_pt
                    last = max(p[1] for p in pieces if x - 6 <= p[0] <= x + w and y - 2 <= p[1] <= y + h + 2)
                    assert 0.0 < y + h - last < 3.0, (lang, page.number, placed.frame.name, last, y + h)
                    over += 1
                    continue
                # Every other caption's type starts on its frame's top edge, under a picture as beside one.
                assert abs(base - rise - box_pt[1]) < 0.5, (lang, page.number, placed.frame.name, base, rise, box_pt)
    assert side >= 5 * 8 and openers >= 5 * 5 and over >= 5 * 3, (side, openers, over)
    # One label height on every opener of an edition; where the tallest stacks reach the foot (vi, en, ja
    # in the sample) the label stands on the caption's line, in the others (zh, ko) whole modules under it.
    assert all(len(rows) == 1 for rows in drops.values()) and min(min(rows) for rows in drops.values()) == 0, drops
