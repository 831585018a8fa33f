"""Caption cards on photos, sized to their text.

A card is a white panel under a caption on a full-bleed photo or spread
(a layout frame with ``panel: white``). The white knocks the photo out of
every plate, C, M and Y included, so the card must be the same in all
editions: its size is decided once, from the edition whose text needs the
most room, and each edition sets its text inside that card.

The frame is the most room a card may take. The card sits in the frame's
corner nearest the page's corner, at least `CARD_MIN` big, with `CARD_PAD`
of white on every side of the text of the edition that decided it: from
the card's edge to the cap height of the first line (the top of the
ideographs in Chinese and Japanese), to the last line's baseline, and to
the start and end of the widest line. A shorter edition's text keeps the
side padding and sits in the middle of the card's height, so that its
padding above and below stays equal too.
"""

from __future__ import annotations

from dataclasses import dataclass

import uharfbuzz as hb

from book.model import MESSAGE_KINDS, MM
from book.pages.paginate import Page, Pagination, Placed
from book.text.fonts import EditionFonts, is_wide
from book.text.shaping import hb_font
from book.text.typeset import Block, Line, Part, set_block

CARD_PAD = 4.0  # mm of white round the text, equal on all sides
CARD_MIN = (40.0, 16.0)  # mm: the smallest card (width, height)
CAP_HEIGHT = 0.72  # em, for a face HarfBuzz cannot read

CardKey = tuple[str, str, str]  # (layout, frame, slot value): the same text in the same frame


@dataclass(frozen=True)
class Card:
    """A card's size (mm) and the measure its text is set to (mm)."""

    w: float
    h: float
    measure: float


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


def text_top(fonts: EditionFonts, block: Block, box: tuple[float, float, float, float]) -> float:
    """Where a block in the card ``box`` is placed (mm from the trim's top):
    its cap-height-to-baseline extent in the middle of the card's height."""
    _, y, _, h = box
    room = h - 2 * CARD_PAD
    return y + CARD_PAD + max(0.0, (room - text_height(fonts, block)) / 2) - text_drop(fonts, block)


def widest(block: Block) -> float:
    return max((line.width for line in block.lines), default=0.0) / MM


def set_card_text(fonts: EditionFonts, parts: list[Part], lang: str, placed: Placed, measure: float) -> Block:
    """The card's text at ``measure`` (mm), in at most the frame's height."""
    return set_block(fonts, parts, lang, measure, placed.frame.h - 2 * CARD_PAD)


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


def size_cards(pagination: Pagination, editions: list) -> dict[CardKey, Card]:
    """Each card's size from all ``editions`` (each a `CardTexts`, or what
    answers as one): as wide as the widest line any edition sets at the
    frame's measure, as tall as the tallest text at that width."""
    cards = {}
    for page, placed in card_frames(pagination):
        key = card_key(page, placed)
        texts = [edition for edition in editions if key in edition.keys()]
        full = placed.frame.w - 2 * CARD_PAD
        if not texts:
            cards[key] = Card(placed.frame.w, placed.frame.h, full)
            continue
        sizes = [edition.size(key, placed, full) for edition in texts]
        measure = min(full, max(CARD_MIN[0] - 2 * CARD_PAD, max(width for width, _ in sizes)))
        for attempt in range(4):  # set again at the narrower measure, which may break lines shorter still (a CJK grid, a rag)
            if measure >= full - 0.01:
                break
            sizes = [edition.size(key, placed, measure) for edition in texts]
            widest = max(CARD_MIN[0] - 2 * CARD_PAD, max(width for width, _ in sizes))
            if widest >= measure - 0.01 or attempt == 3:
                break
            measure = widest
        height = max(height for _, height in sizes)
        cards[key] = Card(min(placed.frame.w, max(CARD_MIN[0], measure + 2 * CARD_PAD)),
                          min(placed.frame.h, max(CARD_MIN[1], height + 2 * CARD_PAD)), measure)
    return cards


def card_box(placed: Placed, card: Card, trim: tuple[float, float]) -> tuple[float, float, float, float]:
    """The card in its frame's corner nearest the page's corner (x, y, w, h in mm)."""
    x, y, w, h = placed.box
    cx = x + w - card.w if x + w / 2 > trim[0] / 2 else x
    cy = y + h - card.h if y + h / 2 > trim[1] / 2 else y
    return (cx, cy, card.w, card.h)
