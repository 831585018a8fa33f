"""A publishing record's labelled fields as a table of two columns: the labels
("Khổ sách", "판형", "用紙") in one column, the values in a second at one tab,
a value that wraps hanging under its own first word (a Korean 판권's "공동
발행 | 하이퐁시 정보통신국 / (Sở Thông tin …)", never back at the margin).

A row of a `Part` marked ``table`` is a field when it reads "label: value"
(the language's colon, ": " or "："), its label no sentence; the colon goes,
the column says it. A label wider than `LABEL_LIMIT_EMS` does not widen the
column: it wraps in it ("Chịu trách nhiệm / xuất bản"), its value at the tab on
its first line (the thirteenth vi proof's record, its unfilled fields shown:
a long label running in read as its value). Every other row (the title, a sentence, "ISBN …") stands at
the margin across the whole measure. The tab is one for the whole block: the
widest short label of its fields and `LABEL_GAP_EMS` after it."""

from __future__ import annotations

import math
import re
from copy import copy
from dataclasses import replace

from book.languages import language
from book.text.blocks import Line, Part

# A label wider than this wraps in the column ("印刷完成及缴送样本日期"), widening it no further: eight
# characters of a CJK edition, about twenty-eight letters of a Latin one ("Số xác nhận đăng ký xuất bản").
LABEL_LIMIT_EMS = {True: 10.0, False: 14.0}  # CJK: Korean labels write their spaces ("출판 등록 확인 번호")
LABEL_GAP_EMS = 1.5  # white between the labels' column and the values'
SENTENCE = re.compile(r"[.!?]\s|[。！？]")  # a label holds no sentence (an abbreviation's point may end it: "Publication registration no.")
COLON = re.compile(r":\s+|：")


def split_field(row: str) -> tuple[str, str] | None:
    """A row's label and value, or None when it is no "label: value" field.

    >>> split_field("Khổ sách: 24 × 30 cm, bìa cứng"), split_field("用紙：170 g/m² 無光沢アート紙")
    (('Khổ sách', '24 × 30 cm, bìa cứng'), ('用紙', '170 g/m² 無光沢アート紙'))
    >>> split_field("ISBN 978-604-00-0001-9"), split_field("Printed in Vietnam")
    (None, None)
    """
    match = COLON.search(row)
    if not match:
        return None
    label, value = row[:match.start()].strip(), row[match.end():].strip()
    if not label or not value or SENTENCE.search(label) or "(" in label or "（" in label:
        return None
    return label, value


def table_tab(fonts, parts: list[Part], lang: str, scale: float, width: float, break_paragraph) -> float:
    """The values' tab, pt from the block's left: the widest short label of the
    block's table parts and the gap after it; 0 when none has a field."""
    widest, size = 0.0, 0.0
    for part in parts:
        if not part.table:
            continue
        size = max(part.style.size * scale, part.style.min_size)
        for row in part.text.split("\n"):
            field = split_field(row.strip())
            if field is None:
                continue
            lines = break_paragraph(fonts, field[0], part.style, lang, size, 100000.0, indent=False, draw=False)
            label_w = max((line.width for line in lines), default=0.0)
            if label_w <= LABEL_LIMIT_EMS[language(lang).wide_faces] * size:
                widest = max(widest, label_w)
    return widest + LABEL_GAP_EMS * size if widest else 0.0


def field_lines(fonts, row: str, part: Part, lang: str, size: float, measure: float, tab: float, draw: bool,
                break_paragraph) -> list[Line] | None:
    """A field's lines: its label at the margin, its value from ``tab`` on the
    same baseline, the value's turnovers at ``tab``; None when the row is no
    field that fits the tab (it is set as a plain row)."""
    field = split_field(row)
    if field is None or tab <= 0:
        return None
    label, value = field
    if language(lang).wide_faces:  # a CJK block is whole ems wide: a value ends within it (JLREQ, CLREQ)
        measure = math.floor(measure / size + 1e-6) * size
    labels = break_paragraph(fonts, label, part.style, lang, size, 100000.0, indent=False, keep=part.keep, draw=draw)
    if not labels or len(labels) > 1:
        return None
    if labels[0].width > tab - LABEL_GAP_EMS * size + 0.01:  # a long label wraps in its column, its value at the tab
        # set as a title is: its lines balanced, never a word parted where a whole way fits ("Số xác nhận / đăng ký xuất bản")
        labels = break_paragraph(fonts, label, replace(part.style, display=True), lang, size, tab - LABEL_GAP_EMS * size,
                                 indent=False, keep=part.keep, draw=draw, compounds=part.compounds)
        if not labels or max(line.width for line in labels) > tab - LABEL_GAP_EMS * size + 0.01:
            return None  # a word of it wider than the column: the row as written
    values = break_paragraph(fonts, value, part.style, lang, size, measure - tab, indent=False, keep=part.keep, draw=draw,
                             compounds=part.compounds)
    found = [shifted(line, tab) for line in values]
    for number, line in enumerate(labels):  # each label line on a value line's baseline, or on one of its own
        if number < len(found):
            found[number].pieces = [copy(piece) for piece in line.pieces] + found[number].pieces
        else:
            found.append(shifted(line, 0.0))
    return found


def shifted(line: Line, tab: float) -> Line:
    """A copy of ``line`` (the composer's lines are remembered: never changed in place) moved ``tab`` pt right."""
    moved = copy(line)
    moved.pieces = [copy(piece) for piece in line.pieces]
    for piece in moved.pieces:
        piece.x += tab
    moved.width = line.width + tab
    return moved
