"""The two figures of a Chinese 版权页 that the book itself gives beside its
开本 and 页数: the printed sheets (印张) and the word count (字数).

印张: one 印张 is one side of a full press sheet. The sheet is the 大度 full
sheet, 889 × 1194 mm (GB/T 788), folded in halves across its longer side
until one more fold would make the leaf smaller than the trim (turned either
way): the number of leaves on a side is the 开数 (a 240 × 300 mm book is 8开,
298 × 444 mm leaves; 210 × 210 mm and 170 × 240 mm are 16开), and
印张 = pages ÷ 开数, in quarter sheets ("8", "8.25").

字数: the characters the edition sets in its chapters (every chapter's
title and texts, every photo's caption, place and credit, as the edition's
catalog gives them), spaces left out, counted as GB practice states it, in
thousands rounded up ("29千字"); the front and back matter's record is not
counted."""

from __future__ import annotations

import math

from book.i18n.localise import Localiser
from book.model import Book
from book.pages.paginate import Pagination
from book.text.matter_facts import labelled

SHEET_MM = (889.0, 1194.0)  # the 大度 full sheet (GB/T 788)
SHEET_LANGS = {"zh"}  # the records that give the printed sheets and the word count
LABELS = {"zh": ("印张", "字数", "{count}千字")}


def folds(trim: tuple[float, float], sheet: tuple[float, float] = SHEET_MM) -> int:
    """The 开数: the leaves a side of ``sheet`` is cut into, halving its longer
    side while the half still holds the trim (either way round); at least 1.

    >>> folds((240, 300)), folds((210, 210)), folds((170, 240)), folds((1000, 1300))
    (8, 16, 16, 1)
    """
    def holds(a: float, b: float) -> bool:
        return (a >= trim[0] and b >= trim[1]) or (a >= trim[1] and b >= trim[0])

    short, long, leaves = min(sheet), max(sheet), 1
    while holds(min(short, long / 2), max(short, long / 2)):
        short, long, leaves = min(short, long / 2), max(short, long / 2), leaves * 2
    return leaves


def printed_sheets(pages: int, trim: tuple[float, float]) -> str:
    """印张 = pages ÷ 开数, to the quarter sheet above.

    >>> printed_sheets(64, (240, 300)), printed_sheets(70, (240, 300)), printed_sheets(64, (210, 210))
    ('8', '8.75', '4')
    """
    sheets = math.ceil(pages / folds(trim) * 4) / 4
    return f"{sheets:g}"


def set_characters(book: Book, loc: Localiser) -> int:
    """The characters of the edition's chapters: titles, texts, captions, places and credits, spaces left out."""
    texts = []
    for chapter in book.chapters:
        texts += [loc.text(chapter.title)] if chapter.title else []
        texts += [loc.text(message) for message in chapter.texts.values()]
        for photo in chapter.photos:
            texts += [loc.fill(loc.text(photo.caption), photo), loc.text(photo.place), loc.text(photo.credit)]
    return sum(1 for text in texts for ch in text if not ch.isspace())


def sheet_rows(book: Book, pagination: Pagination, loc: Localiser) -> list[str]:
    """The 印张 and 字数 fields of a record whose language gives them (`SHEET_LANGS`), else none."""
    if loc.lang not in SHEET_LANGS:
        return []
    sheets_label, words_label, words_form = LABELS[loc.lang]
    thousands = max(1, math.ceil(set_characters(book, loc) / 1000))
    return [labelled(sheets_label, printed_sheets(len(pagination.pages), book.trim), loc.lang),
            labelled(words_label, words_form.format(count=thousands), loc.lang)]
