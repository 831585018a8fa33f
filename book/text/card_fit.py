"""Even insets in every edition: each edition's measure inside the shared card.

A caption card knocks the photo out of the C, M and Y plates, so it is one
rectangle in all five editions (`book.text.cards`). Its texts are not one
length: the eighth proof's Chinese card on p. 14 ran four lines where the
English ran seven, and in a card sized to the English the Chinese sat with
32 pt above and below against 14 pt at the sides ("reads as a fixed box").

The rule (the ninth proof: side insets ran 16.5 to 27.6 pt from card to
card, because each card balanced its side white against its vertical white):
one inset for every card, the frame's ``card_pad`` (17 pt, 6 mm). An
edition's *inset* is measured to its text's optical box: from the card's top
to the first line's ink top (the cap height, or higher where a Vietnamese
stacked mark or an ascender rises above it: the glyphs' own outlines; the em
box's top in a Chinese, Japanese or Korean face), from the credit line's
descender to the card's foot, and from the card's sides to the block's
first character and to its longest line's ink end (a line-end 。 or ， kept
inside the measure inks only the first half of its em: its white is counted
in the inset, so the ink insets are even). The edition with the longest
text sets the card: its width is that edition's longest line and two pads
(within `TIGHT`), its height that edition's block and two pads, so its four
insets are the pad. How the shorter editions sit: each takes, of its
measures, the one that leaves the least white on its worst side
(`balanced_option`: the wider of its side inset and its top and foot
inset), of two within half a `BUCKET` the one whose longest line comes
nearest the card's sides (a Chinese or Japanese measure is the card's width
less two pads, rounded down to whole ems; a ragged one the widest that
fits), and its block is centred in the card's height. A text a line short
of the card so runs a narrower measure and one more line where that
brings its white nearer the pad all round (the tenth proof: zh p. 37 sat
at the pad between its sides with 28 pt above and below, 23.5 pt now on
its worst side). Of the widths that keep the longest edition at the pad,
the card that parts no name (`NAME_PRICE`), then whose worst edition's
white passes the pad least (by `BUCKET`), then with fewer flawed measures,
then the more even (`EVEN`), then the wider. Where an edition's
white still passes `book.text.cards.CARD_WHITE_MOST` the build says which
text is the outlier (`book.text.cards.loose_card`). The card's free edges (its width,
and its top where its foot sits on the grid's foot line) follow the text:
what the grid would round goes there, never into the inset.

The measures tried: Chinese and Japanese every whole em of their caption
size (their text justified to it, on the character grid), the others every
`STEP` mm (their text ragged, like their captions); none narrower than
`MIN_SHARE` of the widest a card may set (the frame, or the edition's own
caption measure; about 20 ems), and no Latin or Vietnamese measure
narrower than `LATIN_SHARE` of its caption measure, nor one whose composed
caption lines fall short of `LATIN_CHARS`, so that a card keeps the 50-65
characters of every Latin caption (DESIGN.md).
The card's height is free (never snapped to a module); where its place puts
its foot on the grid's foot line, its top follows (`book.text.places`).

A measure is also judged by what its text costs the composer there
(`book.text.cjk.line_cost`, the sum over its lines): a Chinese or Japanese
measure whose lines part a name ("ハイ|フォン", 1.8e10), a katakana word
(3e8), open past about 0.077 em or end on four characters (`FLAW`) is
*flawed*, and its side insets count ``FLAW_MM`` wider than they are (its
longest line twice that shorter) in the edition's choice, and a card that
sets one ranks after every card as tight and as even that does not: a sound
measure wins where its insets stay within about 3 pt of the best (the eighth ja proof split ハイフォン on p. 22 and ドーソン on p. 31,
each in a card whose measure the composer could only set that way)."""

from __future__ import annotations

import math

from book.model import MM
from book.text.captions import piece_metrics
from book.text.cjk_grid import FLAW
from book.text.fonts import EditionFonts
from book.text.ink import char_box
from book.text.typeset import Block

MIN_SHARE = 0.6  # no edition's card text is set narrower than this share of the widest measure the card may take
LATIN_SHARE = 0.87  # nor a Latin or Vietnamese one narrower than this share of its caption measure: 52 of its 60 characters
LATIN_CHARS = (47, 45)  # and none whose caption lines (its last aside) fall short of these characters, longest and median:
# the 50-65 characters of a Latin caption (DESIGN.md), less what its rag rules (names whole, no runt) may take
STEP = 1.0  # mm between the Latin and Korean measures tried
TIGHT = 1.5 / MM  # mm: how far the longest edition's side insets may pass the pad (its top and foot are the pad)
EM = 9.0 / MM  # mm: how far another edition's side insets may pass the pad when its em is not given (the Latin caption size)
BUCKET = 1.0  # mm: cards whose shortest edition's white passes the pad by this little more are as good, and the wider is taken
EVEN = 0.2  # mm: cards whose worst edition's white differs by less are as even, and the one with fewer flaws, then the wider, is taken
NAME_PRICE = 1e9  # the composer's price of a name parted at a line's end (1.8e10): a card whose measures do that ranks last
FLAW_MM = 1.0  # mm (3 pt): a measure set only at a flaw's price (a name parted, a line spread past the limit) counts its side insets this much wider

Option = tuple[float, ...]  # (measure, widest line, text height), mm, and the composer's price of the text set so


def glyph_top(path: str, index: int, char: str) -> float:
    """How far ``char``'s outline rises above the baseline in the face, em (0 for none): `book.text.ink.char_box`."""
    box = char_box(path, index, char)
    return box[3] if box else 0.0


def optical_rise(fonts: EditionFonts, block: Block) -> float:
    """How far the block's first line rises above its baseline, pt: the em
    box's top in a CJK face; in a Latin face its cap height or its glyphs' ink
    top, whichever is higher (a Vietnamese stacked mark, an ascender)."""
    if not block.lines:
        return 0.0
    first, tops = block.lines[0], []
    for piece in first.pieces:
        if not piece.text.strip():
            continue
        metrics = piece_metrics(fonts, piece.font)
        if metrics.cjk:
            tops.append(metrics.ascender)
            continue
        path, index = fonts.files.get(piece.font, (None, 0))
        ink = max((glyph_top(path, index, ch) for ch in piece.text if not ch.isspace()), default=0.0) if path else 0.0
        tops.append(max(metrics.cap, ink))
    return max(tops, default=0.72) * first.size


def optical_drop(fonts: EditionFonts, block: Block) -> float:
    """From the top a block is placed at to its first line's optical top, mm."""
    return (block.lines[0].size - optical_rise(fonts, block)) / MM if block.lines else 0.0


def measures_tried(full: float, em: float | None, share: float = MIN_SHARE) -> list[float]:
    """The measures an edition's card text is set to, widest first, down to ``share`` of ``full``, mm."""
    least = share * full
    if em:
        return [k * em for k in range(int(math.floor(full / em + 1e-6)), int(math.ceil(least / em - 1e-6)) - 1, -1)]
    count = int((full - least) / STEP + 1e-6)
    return [full - k * STEP for k in range(count + 1)]


def edition_options(size, full: float, em: float | None, share: float = MIN_SHARE,
                    chars: tuple[int, int] | None = None) -> list[Option]:
    """(measure, widest, height) at each measure tried (``size(measure)`` sets
    the text), one for each distinct block: a ragged text is the same at
    measures a little apart, and the widest of them is kept. With ``chars``
    (a Latin edition's `LATIN_CHARS`), a measure narrower than the widest is
    tried only where the block as composed keeps its caption lines that long
    (``size`` gives the longest and the median line's characters after the
    widest and the height): the rag's prices can set a measure's lines well
    short of it."""
    found, seen = [], set()
    for measure in measures_tried(full, em, share):
        widest, height, *rest = size(measure)
        reach, cost = rest[:2], (rest[2] if len(rest) > 2 else 0.0)
        if chars and reach and found and (reach[0] < chars[0] or reach[1] < chars[1]):
            continue
        mark = (round(widest, 2), round(height, 2), flawed((0.0, 0.0, 0.0, cost)))
        if widest > 0 and mark not in seen:
            seen.add(mark)
            found.append((measure, widest, height, cost))
    return found


def flawed(option: Option) -> bool:
    """Whether the composer sets the option's text only at a flaw's price (`FLAW`)."""
    return len(option) > 3 and option[3] >= FLAW


def side_excess(w: float, option: Option, pad: float) -> float:
    """How far an edition's side inset in a card ``w`` wide passes ``pad``, mm, its longest line centred."""
    return (w - option[1]) / 2 - pad


def best_option(options: list[Option], w: float, most_h: float, pad: float) -> Option | None:
    """The option whose longest line comes nearest the card's sides (``w``
    less twice ``pad``; a `flawed` one's insets count ``FLAW_MM`` wider), of two as
    near the shorter block, then the wider measure; None when none fits in
    ``w`` × ``most_h``."""
    fitting = [o for o in options if o[1] + 2 * pad <= w + 1e-6 and o[2] + 2 * pad <= most_h + 1e-6]
    return max(fitting, key=lambda o: (round(o[1] - 2 * FLAW_MM * flawed(o), 1), -round(o[2], 2), o[0]), default=None)


def up(mm: float) -> float:
    """``mm`` rounded up to the micrometre (a card's sizes are kept to three places)."""
    return math.ceil(mm * 1000 - 1e-6) / 1000


def white(w: float, h: float, option: Option) -> float:
    """An edition's worst white in a card ``w`` × ``h``: the wider of its side
    inset (its longest line centred; a `flawed` option's counted ``FLAW_MM``
    wider) and its top and foot inset (its block centred), mm."""
    return max((w - option[1]) / 2 + FLAW_MM * flawed(option), (h - option[2]) / 2)


def balanced_option(options: list[Option], w: float, h: float, pad: float) -> Option | None:
    """The option that, of those fitting ``w`` × ``h`` inside ``pad``, leaves
    the least `white` on its worst side: a short text takes a narrower
    measure and runs more lines, so that its side and its top and foot white
    meet, rather than sitting at the pad between the sides with twice the
    pad above and below. Of two within `BUCKET` of each other, the one whose
    sides come nearest the pad (`best_option`)."""
    fitting = [o for o in options if o[1] + 2 * pad <= w + 1e-6 and o[2] + 2 * pad <= h + 1e-6]
    if not fitting:
        return None
    least = min(white(w, h, o) for o in fitting)
    return best_option([o for o in fitting if white(w, h, o) <= least + BUCKET / 2], w, h, pad)


def whites(options: dict[str, list[Option]], w: float, h: float, measures: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Each edition's (top and foot, side) white in the card ``w`` × ``h`` at its measure, mm."""
    found = {}
    for lang, opts in options.items():
        option = next((o for o in opts if abs(o[0] - measures[lang]) < 1e-6), None)
        if option is not None:
            found[lang] = ((h - option[2]) / 2, (w - option[1]) / 2)
    return found


def fit_card(options: dict[str, list[Option]], pad: float, most_w: float, most_h: float,
             ems: dict[str, float] | None = None) -> tuple[float, float, dict[str, float]]:
    """The card (w, h, mm) and each edition's measure in it, at most
    ``most_w`` × ``most_h`` (the frame): the longest edition's insets are
    ``pad`` on all four sides (within `TIGHT`), and every other edition takes
    the measure that leaves the least white on its worst side
    (`balanced_option`), its block centred in the card. Of the cards that
    keep those, the one whose worst edition's white passes the pad least
    (by `BUCKET`), then the one with fewer flawed measures, then the more
    even (to `EVEN`), then the wider; a card where some edition's measure
    parts a name (`NAME_PRICE`) ranks after every card that parts none.
    (``ems`` is kept for callers that give it: a balanced measure may pass
    the pad at the sides by more than an em, where that brings its top and
    foot nearer.)"""
    widths = sorted({min(up(o[1] + 2 * pad), most_w) for opts in options.values() for o in opts if o[1] + 2 * pad <= most_w + 1e-6}, reverse=True)
    best, best_score = None, None
    for w in widths:
        nearest = {lang: best_option(opts, w, most_h, pad) for lang, opts in options.items()}
        if any(o is None for o in nearest.values()):
            continue
        tall = max(o[2] for o in nearest.values())
        h = min(most_h, up(tall + 2 * pad))
        longest = [lang for lang, o in nearest.items() if o[2] >= tall - 0.05]
        # how far the longest edition's sides pass the pad beyond `TIGHT` (0 when within it), to the tenth of a mm:
        # where no card keeps it within (a ragged edition's widest line steps past the others'), the nearest wins
        tight = round(max(0.0, max(side_excess(w, nearest[lang], pad) for lang in longest) - TIGHT), 1)
        chosen = {lang: (nearest[lang] if lang in longest else balanced_option(options[lang], w, h, pad) or nearest[lang])
                  for lang in options}
        worst = max(white(w, h, o) for o in chosen.values()) - pad
        flaws = sum(flawed(o) for o in chosen.values())
        names = sum(len(o) > 3 and o[3] >= NAME_PRICE for o in chosen.values())
        score = (tight, names, round(worst / BUCKET), flaws, round(worst / EVEN), -w)
        if best_score is None or score < best_score:
            best, best_score = (w, h, {lang: o[0] for lang, o in chosen.items()}), score
    if best is None:  # no card fits every edition inside the frame: the widest measures, as tall as the tallest
        w = max(opts[0][1] for opts in options.values()) + 2 * pad
        h = min(most_h, max(opts[0][2] for opts in options.values()) + 2 * pad)
        return w, h, {lang: opts[0][0] for lang, opts in options.items()}
    return best
