"""Caption cards on photos, sized to their text and placed on the grid.

A card is a tinted panel under a caption on a full-bleed photo or spread
(a layout frame with ``panel: white``). The panel knocks the photo out of
every plate, C, M and Y included, so the card must be the same in all
editions: its size is decided once, from all editions' texts, and its place
from the photo (`book.text.places`), and each edition sets its text inside it.

The rule for a card's white: ONE inset, the frame's ``card_pad`` (14 pt,
about the grid's 5 mm gutter), on all four sides of the text of the edition
whose text is longest (the tallest; of two as tall, the wider): from the
card's top to its first line's cap height (the top of the em box in a
Chinese, Japanese or Korean face), from its last line's descender to the
card's foot, and from the card's sides to its text's start and to its
longest line's end. The card's anchored edge sits on the grid (its top on a
row line or the top margin, or its foot on the foot line; its outer edge on
the outer margin, mirrored like the grid on left- and right-hand pages,
`book.text.places`); its free edges follow that text, never
snapped to a module. Chinese and Japanese set their card text justified
to the card's full inner measure (the card less twice the inset) on their
character grid, as all their captions are, its paragraphs' last lines
ragged and no stop or comma hung past the measure, so their right inset is
the left one. Latin, Vietnamese and Korean cards are ragged like every other
caption of theirs (justified, a card's few words a line opened their spaces
to 2.5 times: the seventh proof): their right inset follows the rag (the
longest line of some edition reaches the inset, none passes it). The
measure is the longest edition's longest line as set ragged, widened to a
whole number of the Chinese and Japanese caption ems (`on_em_grid`), so
that those editions fill it too. A shorter edition's spare height is split
equally above and below its text, never a blank line at the foot: the
slack shows at the top and the foot alike, the sides keep one inset. The
measure is never wider than any edition's own caption measure (60 Latin
characters, 33 ems, 34 Korean syllables), so every edition can take it
whole. A frame without ``card_places`` keeps its card in its own corner
nearest the page's corner. The card is filled with `CARD_TINT`, a light
warm paper tone (half the cover band's), not white: it belongs to the page
rather than sitting on it like a label, and as C, M and Y alone it is the
same on every edition's plates.

The cap height, ascender and descender are the face's own (OS/2), the
figures a PDF reader shows for the embedded font, so the padding measures
the same in the PDF as here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from book.languages import language
from book.model import MESSAGE_KINDS, MM
from book.pages.paginate import Page, Pagination, Placed
from book.text.captions import caption_measure, line_fall, set_caption, text_drop
from book.text.fonts import EditionFonts
from book.text.places import choose_place
from book.text.typeset import Block, Part

CARD_TINT = (0.0, 2.0, 6.0, 0.0)  # % C, M, Y, K: the card's fill, half the cover band's warm paper tone, on every edition's plates
CARD_PAD_PT = 14.0  # pt: a card frame's padding when it names none (its ``card_pad``)
CARD_PAD = CARD_PAD_PT / MM  # mm
CARD_SQUEEZE = 0.92  # no edition's card text is set narrower than this share of its caption measure's longest line
RETRY_STEP = 1.0  # mm: how much narrower each new start is, when settling runs below a Latin edition's least measure
SETTLE = 8  # rounds of setting every edition to the longest one's line before the card's measure is taken as it is

CardKey = tuple[str, str, str]  # (layout, frame, slot value): the same text in the same frame


@dataclass(frozen=True)
class Card:
    """A card's size (mm), the measure its text is set to (mm) and the white
    between the card's edges and the longest edition's text (mm, the same on all four sides)."""

    w: float
    h: float
    measure: float
    pad: float = CARD_PAD


def pad_of(placed: Placed) -> float:
    """The card's padding, mm."""
    return placed.frame.card_pad / MM


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


def text_height(fonts: EditionFonts, block: Block) -> float:
    """From the first line's cap height to the last line's descender, mm."""
    if not block.lines:
        return 0.0
    baseline = block.lines[0].size + sum(line.gap + line.leading for line in block.lines[1:])
    return (baseline + line_fall(fonts, block.lines[-1])) / MM - text_drop(fonts, block)


def text_top(fonts: EditionFonts, block: Block, box: tuple[float, float, float, float], pad: float = CARD_PAD) -> float:
    """Where a block in the card ``box`` is placed (mm from the trim's top): the
    longest edition's first line's cap height ``pad`` below the card's top; a
    shorter edition's text centred in the same room, so that the white the
    shared card leaves it is even above and below, not a blank line at the foot."""
    spare = max(0.0, box[3] - 2 * pad - text_height(fonts, block))
    return box[1] + pad + spare / 2 - text_drop(fonts, block)


def text_left(box: tuple[float, float, float, float], pad: float = CARD_PAD) -> float:
    """Where a block in the card ``box`` starts (mm from the trim's left): at
    ``pad`` from the card's left side, flush, in every edition."""
    return box[0] + pad


CLOSING_MARKS = frozenset("、。，．」』）】〕》〉")


def widest(block: Block) -> float:
    """The block's longest line, mm, to its ink: a CJK closing mark at a line's
    end inks only the first half of its em, the rest is white."""
    def ink(line) -> float:
        text = "".join(piece.text for piece in line.pieces).rstrip()
        halved = line.pieces and line.pieces[-1].char_space < 0  # a mark already set to its half
        return line.width - (line.size / 2 if text[-1:] in CLOSING_MARKS and not halved else 0.0)
    return max((ink(line) for line in block.lines), default=0.0) / MM


def justified(parts: list[Part]) -> list[Part]:
    """``parts`` justified, the last line of each paragraph flush left, a
    line-end stop or comma kept inside the measure (never hung past the
    card's inset): every edition's lines but its last fill the card's measure."""
    return [replace(part, style=replace(part.style, align="justify", line_end="keep")) for part in parts]


def set_card_text(fonts: EditionFonts, parts: list[Part], lang: str, placed: Placed, measure: float,
                  justify: bool = True) -> Block:
    """The card's text set to the card's whole measure ``measure`` (mm; whole
    ems in Chinese and Japanese), in at most the frame's height less the
    padding: justified (``justify``) where the edition breaks between
    characters (zh, ja), so their right inset is the left one (the card's
    height is measured so, `card_measure`); ragged in the others, and where
    the justified text cannot fit the frame."""
    height = placed.frame.h - 2 * pad_of(placed)
    if justify and language(lang).breaking == "characters":  # Latin, Vietnamese, Korean: ragged like their captions
        block = set_caption(fonts, justified(parts), lang, measure, height, exact=True)
        if block.fits:
            return block
    return set_caption(fonts, parts, lang, measure, height, exact=True)


class CardTexts:
    """One edition's card texts (their parts by card key), measured at the widths asked for."""

    def __init__(self, fonts: EditionFonts, parts: dict[CardKey, list[Part]], lang: str):
        self.fonts, self.parts, self.lang = fonts, parts, lang

    def keys(self):
        return self.parts.keys()

    def size(self, key: CardKey, placed: Placed, measure: float, justify: bool = False) -> tuple[float, float]:
        """(widest line, text height) of the card's text set at ``measure``,
        mm: ragged while the measure is sought, justified as it is set."""
        block = set_card_text(self.fonts, self.parts[key], self.lang, placed, measure, justify)
        return widest(block), text_height(self.fonts, block)

    def most(self, key: CardKey, placed: Placed) -> float:
        """The widest measure (mm) this edition's caption takes in the card's frame: its caption measure."""
        return caption_measure(self.fonts, self.parts[key], self.lang, placed.frame.w - 2 * pad_of(placed))


def longest_text(texts: list, key: CardKey, placed: Placed, measure: float) -> tuple[float, float]:
    """(widest line, height) of the edition whose text is longest (the
    tallest; of two as tall, the wider), every edition set at ``measure``."""
    return tallest([edition.size(key, placed, measure) for edition in texts])


def tallest(sizes: list[tuple[float, float]]) -> tuple[float, float]:
    """The (widest line, height) of the tallest of ``sizes``; of two as tall, the wider."""
    return max(sizes, key=lambda size: (round(size[1], 3), size[0]))


def edition_lang(edition) -> str:
    """The language of a `CardTexts` or of what answers as one (its name starts with it)."""
    return getattr(edition, "lang", None) or edition.name.split()[0]


def on_em_grid(measure: float, full: float, ems: list[float]) -> float:
    """``measure`` (mm) widened to the next whole number of the Chinese and
    Japanese editions' ems (``ems``, mm), so that they fill it as every other
    edition's justified text does; narrowed to the last whole em when the
    wider one would pass ``full``.

    >>> on_em_grid(80.0, 100.0, [3.0]), on_em_grid(80.0, 80.5, [3.0]), on_em_grid(80.0, 90.0, [])
    (81.0, 78.0, 80.0)
    """
    if not ems:
        return measure
    em = max(ems)
    wider = math.ceil(measure / em - 1e-6) * em
    return wider if wider <= full + 1e-6 else math.floor(measure / em + 1e-6) * em


def card_measure(texts: list, key: CardKey, placed: Placed, full: float, ems: list[float] | None = None) -> tuple[float, float]:
    """The measure (mm) every edition's text is set to, and the longest
    edition's height there: the longest line of the longest edition, each
    edition set to it in turn until the longest edition's longest line is the
    measure (a narrower measure may make another edition the longest), never
    wider than any edition's own caption measure (``most``). No
    Latin or Vietnamese edition is set narrower than `CARD_SQUEEZE` of its
    caption measure's longest line, which keeps it within its 50-65
    characters (Chinese, Japanese and Korean captions have only a most): when
    settling from the frame's width runs below that, it starts again from a
    step narrower, until the longest edition's line and the measure agree."""
    latin = [edition for edition in texts if language(edition_lang(edition)).script == "Latn"]
    full = min([full, *(edition.most(key, placed) for edition in texts)])
    narrowest = min(full, CARD_SQUEEZE * max((edition.size(key, placed, full)[0] for edition in latin), default=0.0))

    def settle(measure: float) -> tuple[float, bool]:
        for _ in range(SETTLE):
            line = longest_text(texts, key, placed, measure)[0]
            if line <= 0 or abs(line - measure) < 0.005:
                return measure, True
            if line < narrowest - 0.005:
                return measure, False
            measure = line
        return measure, False

    start = full
    measure, settled = settle(start)
    while not settled and start - RETRY_STEP >= narrowest:
        start -= RETRY_STEP
        measure, settled = settle(start)
    if not settled:
        # No measure from there agrees: the longest edition's line at the least measure, once.
        measure = longest_text(texts, key, placed, max(narrowest, min(full, measure)))[0]
    # A word or a date no edition may break ("September 2017") wider than the measure the longest
    # edition settled on widens it: every edition's text fits the shared card.
    sizes = [edition.size(key, placed, measure) for edition in texts]
    widest_word = max(width for width, _ in sizes)
    if widest_word > measure + 0.005:
        measure = min(full, widest_word)
    # On the Chinese and Japanese ems' grid: every edition's text then fills the same measure.
    measure = on_em_grid(measure, full, ems or [])
    sizes = [edition.size(key, placed, measure, True) for edition in texts]  # as set: justified
    return measure, tallest(sizes)[1]


def size_cards(pagination: Pagination, editions: list, grid=None, trim: tuple[float, float] | None = None,
               style=None) -> dict[CardKey, Card]:
    """Each card's size from all ``editions`` (each a `CardTexts`, or what
    answers as one): the longest edition's text with the frame's padding on
    all four sides, within the frame, its measure a whole number of the
    Chinese and Japanese editions' ems (their size in the frame's style,
    ``style(name, lang)``, the book's). (``grid`` and ``trim`` are the cards'
    places' concern, `book.text.places`.)"""
    cards = {}
    for page, placed in card_frames(pagination):
        key = card_key(page, placed)
        texts = [edition for edition in editions if key in edition.keys()]
        pad = pad_of(placed)
        full = placed.frame.w - 2 * pad
        if not texts:
            cards[key] = Card(placed.frame.w, placed.frame.h, full, pad)
            continue
        ems = [style(placed.frame.style, lang).size / MM for lang in map(edition_lang, texts)
               if style is not None and placed.frame.style and language(lang).breaking == "characters"]
        measure, height = card_measure(texts, key, placed, full, ems)
        cards[key] = Card(round(measure + 2 * pad, 3), round(min(placed.frame.h, height + 2 * pad), 3), measure, pad)
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
