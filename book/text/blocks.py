"""What `book.text.typeset` sets and every later stage reads: a block of lines,
each line's pieces of text, and the parts (paragraph groups) a block is set from."""

from __future__ import annotations

from dataclasses import dataclass, field

from book.model import Style


@dataclass
class Piece:
    """Text at an x offset (pt) from the line start; ``char_space`` (pt, added to
    the line's tracking) sets a glyph narrower than its advance (a compressed mark)."""

    x: float
    text: str
    font: str
    char_space: float = 0.0
    span: int = 0  # this piece and the next ``span`` read as one /ActualText (glyphs set into each other)
    space: bool = False  # a word space follows, set as a gap: drawn as a glyph after the text, for readers (not measured)


@dataclass
class Line:
    pieces: list[Piece]
    width: float
    size: float
    leading: float
    tracking: float = 0.0
    gap: float = 0.0  # extra space above the line (between paragraphs)
    last: bool = True  # ends its paragraph (or a row of it that a newline ends)
    cost: float = 0.0  # CJK running text: the composer's price for this line (its break, its spacing: `book.text.cjk.line_cost`)
    loose: float = 0.0  # a justified Korean line past its limits: its word space (em), which the check reports


@dataclass
class Block:
    """Lines ready to draw; ``fits`` is False when even the minimum size overflows."""

    lines: list[Line] = field(default_factory=list)
    height: float = 0.0
    fits: bool = True
    needed: int = 0  # lines needed at the smallest size
    available: int = 0  # lines the frame holds at that size
    wide: list[str] = field(default_factory=list)  # display lines a manual break leaves wider than the frame, at this size
    shrunk: list[str] = field(default_factory=list)  # such lines, which fit once the block shrank
    size: float = 0.0  # the first part's size as set
    overset: list[str] = field(default_factory=list)  # lines wider than the measure even at the smallest size (`book.text.overset`)


@dataclass
class Part:
    """One paragraph group of a block with its style (a caption and its credit line)."""

    text: str
    style: Style
    space_before: float = 0.0
    keep: tuple[str, ...] = ()  # phrases never broken (a photographer's name, a place)
    compounds: tuple[str, ...] = ()  # words a display line never splits (the book's keep_together for the language)
    table: bool = False  # "label: value" rows set as a table of labels and hanging values (`book.text.label_table`)
