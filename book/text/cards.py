"""Caption cards on photos, sized to their text and placed on the grid.

A card is a tinted panel under a caption on a full-bleed photo or spread
(a layout frame with ``panel: white``). The panel knocks the photo out of
every plate, C, M and Y included, so the card must be the same in all
editions: its size is decided once, from all editions' texts, and its place
from the photo (`book.text.places`), and each edition sets its text inside it.

The rule for a card's white (`book.text.card_fit`): one inset on every
card, the frame's ``card_pad`` (17 pt, 6 mm). The edition with the longest
text sets the card's width and height, its text the pad from all four
edges; every other edition sets its text to the measure whose longest line
comes nearest the card's sides (the pad within its em) and centres it in the
card's height, even white above and below. Insets are measured to the
text's optical box: from the card's top to the first line's optical top (cap
height, or the ink of a Vietnamese stacked mark or an ascender above it; the
em box's top in a Chinese, Japanese or Korean face), from the credit line's
descender to the card's foot, and from the card's sides to the block's
start and its longest line's ink end. Chinese
and Japanese set their card text justified to their measure, a whole number
of caption ems, on their character grid, its paragraphs' last lines ragged
and no stop or comma hung past the measure. Latin, Vietnamese and Korean
cards are ragged like every other caption of theirs (justified, a card's few
words a line opened their spaces to 2.5 times: the seventh proof); the block
is centred on its longest line. No edition's measure is wider than its own
caption measure (60 Latin characters, 33 ems, 34 Korean syllables). The
card's anchored edge sits on the grid (its top on a row line or the top
margin, or its foot on the foot line; its outer edge on the outer margin,
mirrored like the grid on left- and right-hand pages, `book.text.places`);
its free edges follow the texts, never snapped to a module. A frame without
``card_places`` keeps its card in its own corner nearest the page's corner.
The card is filled with `CARD_TINT`, a light warm paper tone (half the cover
band's), not white: it belongs to the page rather than sitting on it like a
label, and as C, M and Y alone it is the same on every edition's plates.

The cap height, ascender and descender are the face's own (OS/2), the
figures a PDF reader shows for the embedded font, so the padding measures
the same in the PDF as here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from book.errors import Problems, Where
from book.languages import language
from book.model import MESSAGE_KINDS, MM
from book.pages.paginate import Page, Pagination, Placed
from book.text.captions import caption_measure, line_fall, set_caption
from book.text.card_fit import LATIN_CHARS, LATIN_SHARE, MIN_SHARE, edition_options, fit_card, optical_drop, whites
from book.text.fonts import EditionFonts
from book.text.places import choose_place
from book.text.typeset import Block, Part

CARD_TINT = (0.0, 2.0, 6.0, 0.0)  # % C, M, Y, K: the card's fill, half the cover band's warm paper tone, on every edition's plates
CARD_PAD_PT = 17.0  # pt (6 mm): a card frame's padding when it names none (its ``card_pad``), the book's one card inset
CARD_PAD = CARD_PAD_PT / MM  # mm
# pt: the most white an edition's text may leave in a card, above and below or at the sides, before the build says
# which edition is the outlier (a text a line or more shorter, or longer, than the others: `loose_card`)
CARD_WHITE_MOST = 24.0

CardKey = tuple[str, str, str]  # (layout, frame, slot value): the same text in the same frame


@dataclass(frozen=True)
class Card:
    """A card's size (mm), the widest measure an edition sets in it (mm),
    the least white between its edges and an edition's text (mm) and each
    edition's own measure (``measures``: (language, mm) pairs)."""

    w: float
    h: float
    measure: float
    pad: float = CARD_PAD
    measures: tuple[tuple[str, float], ...] = ()

    def measure_for(self, lang: str) -> float:
        """The measure ``lang`` sets its text to in this card, mm."""
        return dict(self.measures).get(lang, self.measure)


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
    """From the first line's optical top (`book.text.card_fit`) to the last line's descender, mm."""
    if not block.lines:
        return 0.0
    baseline = block.lines[0].size + sum(line.gap + line.leading for line in block.lines[1:])
    return (baseline + line_fall(fonts, block.lines[-1])) / MM - optical_drop(fonts, block)


def text_top(fonts: EditionFonts, block: Block, box: tuple[float, float, float, float], pad: float = CARD_PAD) -> float:
    """Where a block in the card ``box`` is placed (mm from the trim's top):
    its text centred in the card's height, from its first line's optical top
    to its last line's descender, the white even above and below."""
    spare = max(0.0, box[3] - 2 * pad - text_height(fonts, block))
    return box[1] + pad + spare / 2 - optical_drop(fonts, block)


def text_left(box: tuple[float, float, float, float], block: Block | None = None, pad: float = CARD_PAD) -> float:
    """Where a block in the card ``box`` starts (mm from the trim's left): its
    longest line centred in the card's width, never nearer its side than ``pad``."""
    width = widest(block) if block is not None else box[2] - 2 * pad
    return box[0] + max(pad, (box[2] - width) / 2)


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
    """The card's text set to the edition's measure ``measure`` (mm; whole
    ems in Chinese and Japanese), in at most the frame's height less the
    padding: justified (``justify``) where the edition breaks between
    characters (zh, ja), so their right inset is the left one; ragged in the
    others, and where the justified text cannot fit the frame."""
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

    def size(self, key: CardKey, placed: Placed, measure: float, justify: bool = False) -> tuple[float, float, int, int, float]:
        """(widest line, text height) of the card's text set at ``measure``,
        mm: justified (``justify``) as it is set in the card; then its caption
        lines' reach (`caption_reach`) and the composer's price of its lines
        (`book.text.cjk.line_cost`; a Latin line parting a word: `book.text.typeset.draw_line`)."""
        block = set_card_text(self.fonts, self.parts[key], self.lang, placed, measure, justify)
        return (widest(block), text_height(self.fonts, block)) + caption_reach(block) + (sum(line.cost for line in block.lines),)

    def most(self, key: CardKey, placed: Placed) -> float:
        """The widest measure (mm) this edition's caption takes in the card's frame: its caption measure."""
        return caption_measure(self.fonts, self.parts[key], self.lang, placed.frame.w - 2 * pad_of(placed))


def caption_reach(block: Block) -> tuple[int, int]:
    """The characters (spaces counted) of the longest and the median line of
    the block's caption, its last line and the credit line aside; (999, 999)
    where the caption has fewer than two such lines (nothing to judge)."""
    if not block.lines:
        return (999, 999)
    size = block.lines[0].size
    caption = []
    for line in block.lines:
        if line.size != size:
            break
        caption.append(line)
        if line.last:
            break
    body = sorted(len("".join(p.text + (" " if p.space else "") for p in line.pieces).strip()) for line in caption[:-1])
    if len(body) < 2:
        return (999, 999)
    return (body[-1], body[len(body) // 2])


def edition_lang(edition) -> str:
    """The language of a `CardTexts` or of what answers as one (its name starts with it)."""
    return getattr(edition, "lang", None) or edition.name.split()[0]


def size_cards(pagination: Pagination, editions: list, grid=None, trim: tuple[float, float] | None = None,
               style=None, problems: Problems | None = None) -> dict[CardKey, Card]:
    """Each card's size from all ``editions`` (each a `CardTexts`, or what
    answers as one) and each edition's measure in it, its insets even
    (`book.text.card_fit`): within the frame, no edition's measure wider
    than its own caption measure, Chinese and Japanese measures whole ems of
    their size in the frame's style (``style(name, lang)``, the book's).
    A card where some edition's white passes `CARD_WHITE_MOST` is warned of
    in ``problems`` (`loose_card`). (``grid`` and ``trim`` are the cards'
    places' concern, `book.text.places`.)"""
    cards = {}
    for page, placed in card_frames(pagination):
        key = card_key(page, placed)
        texts = [edition for edition in editions if key in edition.keys()]
        pad = pad_of(placed)
        full = placed.frame.w - 2 * pad
        options, ems = {}, {}
        for edition in texts:
            lang = edition_lang(edition)
            size = style(placed.frame.style, lang).size / MM if style is not None and placed.frame.style else None
            em = size if language(lang).breaking == "characters" else None
            if size:
                ems[lang] = size
            most = min(full, edition.most(key, placed))
            latin = language(lang).script == "Latn"
            share = LATIN_SHARE if latin else MIN_SHARE
            found = edition_options(lambda m, e=edition, k=key, p=placed: e.size(k, p, m, True), most, em, share,
                                    LATIN_CHARS if latin else None)
            if found:
                options[lang] = found
        if not options:
            cards[key] = Card(placed.frame.w, placed.frame.h, full, pad)
            continue
        w, h, measures = fit_card(options, pad, placed.frame.w, placed.frame.h, ems)
        if problems is not None:
            loose_card(problems, page, placed, pad, whites(options, w, h, measures))
        cards[key] = Card(round(w, 3), round(h, 3), round(max(measures.values()), 3), pad,
                          tuple(sorted(measures.items())))
    return cards


def loose_card(problems: Problems, page: Page, placed: Placed, pad: float, white: dict[str, tuple[float, float]]) -> None:
    """Warn (``card-loose``) where an edition's text leaves more than
    `CARD_WHITE_MOST` of white in its card: the card is one rectangle in
    every edition, sized by the edition whose text is tallest, and a text
    much shorter than that one sits half empty in it. The warning names the
    loosest edition and the one that sets the card's height, so an editor can
    shorten the one or lengthen the other."""
    if not white:
        return
    most = CARD_WHITE_MOST / MM
    loose = max(white, key=lambda lang: (max(white[lang]), lang))
    if max(white[loose]) <= most + 1e-6:
        return
    tall = min(white, key=lambda lang: (white[lang][0], lang))
    above, side = (v * MM for v in white[loose])
    where = f"{above:.0f} pt of white above and below" if above >= side else f"{side:.0f} pt of white at the sides"
    if above >= side:
        taller = (white[loose][0] - white[tall][0]) * 2 * MM
        fix = (f"the {tall} text sets the card's height, {taller:.0f} pt taller than the {loose}: "
               f"shorten the {tall} text by a line")
    else:
        fix = "its lines fall short of the card's width, which a longer text sets: shorten that one"
    problems.warn("card-loose", Where(None, page=page.number, lang=loose, photo=placed.value),
                  f"the caption card on p. {page.number} ({placed.value}) leaves its {loose} text {where} "
                  f"(the pad is {pad * MM:.0f} pt; at most {CARD_WHITE_MOST:.0f} pt reads even): {fix}")


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
