"""Caption cards on photos, sized to their text and placed on the grid.

A card is a white panel under a caption on a full-bleed photo or spread
(a layout frame with ``panel: white``). The white knocks the photo out of
every plate, C, M and Y included, so the card must be the same in all
editions: its size is decided once, from all editions' texts, and its place
from the photo (`book.text.places`), and each edition sets its text inside it.

The frame is the most room a card may take. The card is a whole number of
grid columns wide, the fewest that hold, with at least `CARD_PAD` of white
each side, `CARD_SQUEEZE` of the widest line any edition sets at the
caption's measure (`book.text.captions`): rather than leave most of a column
empty, the card sets its text a little narrower, still within the caption's
range of characters a line. The edition whose text is longest (the tallest)
then decides the padding: the white each side of its widest line, the same
above its first line's cap height (the top of the ideographs in Chinese and
Japanese) and below its last line's baseline. Every edition is set to the
measure of that widest line, so none reaches further into the padding. Every
edition's text hangs from the same top-left corner at that padding, so its
first line stands on the same line in all five; a shorter edition leaves
the spare white at the card's foot and end, never above or before its text.
A frame without ``card_places`` keeps its card in its own corner nearest
the page's corner.
"""

from __future__ import annotations

from dataclasses import dataclass

import uharfbuzz as hb

from book.model import MESSAGE_KINDS, MM
from book.pages.paginate import Page, Pagination, Placed
from book.text.captions import set_caption
from book.text.fonts import EditionFonts, is_wide
from book.text.places import choose_place
from book.text.shaping import hb_font
from book.text.typeset import Block, Line, Part

CARD_PAD = 4.0  # mm: the least white round the text
CARD_MIN = (40.0, 16.0)  # mm: the smallest card (width, height)
CARD_SQUEEZE = 0.88  # a card may set its text this much narrower than the caption's measure, to end on a column
CAP_HEIGHT = 0.72  # em, for a face HarfBuzz cannot read

CardKey = tuple[str, str, str]  # (layout, frame, slot value): the same text in the same frame


@dataclass(frozen=True)
class Card:
    """A card's size (mm), the measure its text is set to (mm) and the white
    between the card's edges and the text (mm, the same on all four sides)."""

    w: float
    h: float
    measure: float
    pad: float = CARD_PAD


def card_key(page: Page, placed: Placed) -> CardKey:
    return (page.layout.name, placed.frame.name, placed.value or "")


def card_frames(pagination: Pagination):
    """(page, placed) of every frame with a card, once per card key."""
    seen: set[CardKey] = set()
    for page in pagination.pages:
        for placed in page.placed:
            if placed.frame.panel and placed.frame.kind in MESSAGE_KINDS and card_key(page, placed) not in seen:
                seen.add(card_key(page, placed))
                yield page, placed


def line_rise(fonts: EditionFonts, line: Line) -> float:
    """How far (pt) the line's letters rise above its baseline: the cap height
    of Latin letters (accents above it do not count), the glyph top of wide characters."""
    rise = 0.0
    for piece in line.pieces:
        path, index = fonts.files.get(piece.font, (None, 0))
        font = hb_font(path, index) if path else None
        upem = font.face.upem if font else 1000
        cap = font.get_metric_position_with_fallback(hb.OTMetricsTag.CAP_HEIGHT) / upem if font else CAP_HEIGHT
        for ch in piece.text:
            if ch.isspace():
                continue
            top = cap
            glyph = font.get_nominal_glyph(ord(ch)) if font else None
            extents = font.get_glyph_extents(glyph) if glyph else None
            if extents is not None:
                top = extents.y_bearing / upem
                if not is_wide(ch):
                    top = min(top, cap)
            rise = max(rise, top)
    return rise * line.size


def text_drop(fonts: EditionFonts, block: Block) -> float:
    """From the top a block is placed at to its first line's cap height, mm."""
    if not block.lines:
        return 0.0
    first = block.lines[0]
    return (first.size - line_rise(fonts, first)) / MM


def text_height(fonts: EditionFonts, block: Block) -> float:
    """From the first line's cap height to the last line's baseline, mm."""
    if not block.lines:
        return 0.0
    baseline = block.lines[0].size + sum(line.gap + line.leading for line in block.lines[1:])
    return baseline / MM - text_drop(fonts, block)


def text_top(fonts: EditionFonts, block: Block, box: tuple[float, float, float, float], pad: float = CARD_PAD) -> float:
    """Where a block in the card ``box`` is placed (mm from the trim's top): its
    first line's cap height ``pad`` below the card's top, in every edition."""
    return box[1] + pad - text_drop(fonts, block)


def widest(block: Block) -> float:
    return max((line.width for line in block.lines), default=0.0) / MM


def set_card_text(fonts: EditionFonts, parts: list[Part], lang: str, placed: Placed, measure: float) -> Block:
    """The card's text at ``measure`` (mm) or the caption's own narrower
    measure, in at most the frame's height."""
    return set_caption(fonts, parts, lang, measure, placed.frame.h - 2 * CARD_PAD)


class CardTexts:
    """One edition's card texts (their parts by card key), measured at the widths asked for."""

    def __init__(self, fonts: EditionFonts, parts: dict[CardKey, list[Part]], lang: str):
        self.fonts, self.parts, self.lang = fonts, parts, lang

    def keys(self):
        return self.parts.keys()

    def size(self, key: CardKey, placed: Placed, measure: float) -> tuple[float, float]:
        """(widest line, text height) of the card's text set at ``measure``, mm."""
        block = set_card_text(self.fonts, self.parts[key], self.lang, placed, measure)
        return widest(block), text_height(self.fonts, block)


def column_span(width: float, column: float, gutter: float, most: float) -> float:
    """The width of the fewest grid columns at least ``width`` wide (mm), at most ``most``.

    >>> column_span(60, 12.5, 5, 200), column_span(300, 12.5, 5, 200)
    (65.0, 200)
    """
    count = 1
    while count * column + (count - 1) * gutter < width - 1e-6:
        count += 1
    return min(most, count * column + (count - 1) * gutter)


def longest_line(texts: list, key: CardKey, placed: Placed, measure: float) -> float:
    """The widest line of the edition whose text is longest (the tallest), all set at ``measure``."""
    sizes = [edition.size(key, placed, measure) for edition in texts]
    return max(sizes, key=lambda size: size[1])[0]


def size_cards(pagination: Pagination, editions: list, grid=None, trim: tuple[float, float] | None = None) -> dict[CardKey, Card]:
    """Each card's size from all ``editions`` (each a `CardTexts`, or what
    answers as one): the fewest columns of ``grid`` (at ``trim``) that hold
    the longest edition's widest line with `CARD_PAD` each side, and even
    padding round that line and the tallest text; without a grid, exactly
    that wide."""
    column = grid.column(trim[0]) if grid is not None else 0.0

    def span(width: float, most: float) -> float:
        return column_span(width, column, grid.gutter, most) if column > 0 else min(most, width)

    cards = {}
    for page, placed in card_frames(pagination):
        key = card_key(page, placed)
        texts = [edition for edition in editions if key in edition.keys()]
        full = placed.frame.w - 2 * CARD_PAD
        if not texts:
            cards[key] = Card(placed.frame.w, placed.frame.h, full)
            continue

        least = CARD_MIN[0] - 2 * CARD_PAD
        widest = max(max(edition.size(key, placed, full)[0] for edition in texts), least)  # each at its caption measure
        narrowest = CARD_SQUEEZE * widest  # no edition's text is squeezed narrower
        card_w = span(narrowest + 2 * CARD_PAD, placed.frame.w)
        measure = max(narrowest, longest_line(texts, key, placed, min(full, card_w - 2 * CARD_PAD)))
        # Narrowed to the fewest columns that hold that line; a line just too
        # wide for one column fewer is set a little narrower rather than leave
        # most of a column white.
        card_w = span(measure + 2 * CARD_PAD, card_w)
        fewer = card_w - column - grid.gutter if column > 0 else 0.0
        if fewer - 2 * CARD_PAD >= narrowest:
            card_w = fewer
            measure = max(narrowest, longest_line(texts, key, placed, fewer - 2 * CARD_PAD))
        sizes = [edition.size(key, placed, measure) for edition in texts]
        pad = (card_w - measure) / 2
        height = max(height for _, height in sizes)
        cards[key] = Card(card_w, min(placed.frame.h, max(CARD_MIN[1], height + 2 * pad)), measure, round(pad, 3))
    return cards


def card_box(placed: Placed, card: Card, trim: tuple[float, float], book=None, page: Page | None = None) -> tuple[float, float, float, float]:
    """The card's box (x, y, w, h in mm): at the place `book.text.places`
    chooses from the photo, or in its frame's corner nearest the page's corner."""
    if book is not None and page is not None:
        chosen = choose_place(book, page, placed, card.w, card.h)
        if chosen is not None:
            return chosen[1]
    x, y, w, h = placed.box
    cx = x + w - card.w if x + w / 2 > trim[0] / 2 else x
    cy = y + h - card.h if y + h / 2 > trim[1] / 2 else y
    return (cx, cy, card.w, card.h)
