"""Separators between the parts of a line of words (a credit line set on one
line, " · " between place and date and the photographer, as the review sheet
sets it; in print the credit takes two lines, `book.text.captions`): part of the space they stand in, so a
separator is drawn between two words on one line and goes where the line
breaks, as KLREQ and any careful setting ask. No line ends or starts with one."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from book.text.linebreak import Atom

SEPARATORS = frozenset("·•")  # between a caption's place and date and its credit: " · "


def fold_separators(atoms: list[Atom]) -> list[Atom]:
    """A separator between spaces becomes part of the space before it, so it
    is drawn between two words on a line and dropped where the line breaks:
    no line ends or starts with "·".

    >>> from book.text.linebreak import split_words
    >>> [(a.text, a.space_after) for a in fold_separators(split_words("2024년 3월 · 사진: Vũ"))]
    [('2024년', ' '), ('3월', ' · '), ('사진:', ' '), ('Vũ', '')]
    """
    out: list[Atom] = []
    for atom in atoms:
        if atom.text in SEPARATORS and out and out[-1].space_after and atom.space_after:
            out[-1].space_after += atom.text + atom.space_after
            continue
        out.append(atom)
    return out
