"""Chinese and Japanese running text on a character grid, justified in the
order of JIS X 4051 and W3C JLREQ (CLREQ follows it):

1. Punctuation: every mark inside a line is full-width (全角式, the style's
   ``punctuation: full``), so a page shows one texture; only consecutive
   marks are set closer (`book.text.shaping`), and a line-end 、，。．）」』
   is set one way throughout: half-width (JIS X 4051 行末二分), its empty
   half dropped and its ink flush with the measure; nothing hangs.
2. A quarter-em space wherever kana or Han meet Latin letters or digits
   (the language's ``latin_space``: JIS X 4051 四分アキ, CLREQ 3.2.2
   "1955 年", "VinFast 汽车"), one width on every line: it never opens.
3. A loose line opens its word spaces and its gaps between CJK characters
   together, a word space by an eighth of an em at most, the gaps by at most
   ``GAP_LIMIT`` (never inside a Latin word or a number). A tight line
   (JIS X 4051, JLREQ 3.8) closes its word spaces first (its 和欧間 only
   after its marks, and to 3/16 em at the least),
   then halves its brackets, then its commas and colons (、，：, shared
   alike); a mid-line 。 keeps its em, and no gap between two characters
   closes. The composer prices the ems a line closes by their cube, so it
   rather pushes a character to the next line and spreads a line by up to
   0.07 em than halve a mark (`book.text.cjk_grid`).

The measure is the largest whole number of characters at the text's size
inside the frame, aligned to its start: every full line of ideographs and
kana stands on one grid, the same in every line of the block.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics

from book.model import Style
from book.text.cjk_breaks import NAME_PENALTY, break_prices, soft_offsets, split_keep
from book.text.cjk_grid import FLAW, RETRY_BADNESS, THIN_LAST, UNIT_STRETCH, GridComposer, adjust, line_cost, line_text, tighten
from book.text.cjk_names import bound_words
from book.text.cjk_spaces import JAPANESE, LATIN_UNITS, Latin, boundary, is_han, latin_spaces, space_rooms  # noqa: F401 (is_han: callers')
from book.text.compose import Chosen, Item, Spacing
from book.text.linebreak import Atom, is_ideographic, split_atoms

SQUEEZABLE = frozenset("、，：；」』）］｝〕〉》】〙〗’”")  # marks whose right half is empty: closed up mid-line (never 。．)
COMMAS = frozenset("、，：；")  # ... of them, closed after the brackets
STOPS = frozenset("。．")  # closed mid-line only where a line would otherwise open past GAP_LIMIT
OPENING = frozenset("（［｛〔〈《「『【〘〖‘“")  # ... and whose left half is
MIDDLE_DOT = "・"
PARTED = 5e7  # a break inside a phrase kept whole (a name), tried only in a paragraph no other break sets within
#   `cjk_grid.RETRY_OPEN`: a line at about 0.085 em (the ninth zh proof's p13 set "…同年签订的" at 0.092 em to keep
#   《巴黎和平协定》 whole); a katakana run's hold (`cjk_breaks.NAME_HOLD`) keeps "ハイ|フォン" dearer than any line
EDGE_PARTED = 1e4  # ... times this one ideograph from the phrase's end
BOUND_PARTED = 20.0  # ... times this inside a Chinese idiom or a name with its suffix (`cjk_names.bound_words`): 1e9,
#   dearer than any line within GAP_LIMIT (0.1 em: about 3e8), so "基础|设施", "重情|重义" part only where nothing else sets
NAME_PARTED = 1e9  # a break this dear parts a name (`book.text.cjk_breaks.soft_offsets`): the next pass is tried
WORD_SPACES = frozenset(" \t\n")  # spaces between words; an ideographic space is a character


@dataclass(frozen=True)
class Glyph:
    ch: str
    font: str
    advance: float  # pt as set: kerning and a compressed mark's lost half included
    plain: float  # pt: the advance the PDF gives the glyph by itself


@lru_cache(maxsize=65536)
def unit_glyphs(fonts, text: str, after: str, role: str) -> tuple[tuple[tuple[str, str, float, float], ...], float, float]:
    """(character, face, advance as set, plain advance) of each glyph of ``text``
    at 1 pt, and its lead and trail (see `atom_glyphs`): measured once for
    every size a frame tries while it fits its text."""
    from book.text.typeset import run_layouts

    runs = fonts.runs(text, role)
    shaped = run_layouts(fonts, runs, after, True)
    glyphs: list[tuple[str, str, float, float]] = []
    for run, layout in zip(runs, shaped, strict=True):
        starts: list[tuple[float, str, float]] = []
        for offset, segment, _ in layout.segments:
            at = offset
            for ch in segment:
                plain = pdfmetrics.stringWidth(ch, run.font, 1)
                starts.append((at, ch, plain))
                at += plain
        if glyphs and starts and starts[0][0] > 0:  # a run opening on a centred glyph ("10—11"): its lead is the gap before
            ch, font, advance, plain = glyphs[-1]
            glyphs[-1] = (ch, font, advance + starts[0][0], plain)
        ends = [at for at, _, _ in starts[1:]] + [layout.width]
        glyphs += [(ch, run.font, end - at, plain) for (at, ch, plain), end in zip(starts, ends, strict=True)]
    if not shaped:
        return (), 0.0, 0.0
    return tuple(glyphs), shaped[0].lead, shaped[-1].trail


def atom_glyphs(fonts, atom: Atom, role: str, size: float, tracking: float) -> tuple[list[Glyph], float, float]:
    """The glyphs of ``atom`` as set (spaces included), and what a line start
    or end may take off it (an opening bracket's, a closing mark's empty half)."""
    glyphs, lead, trail = unit_glyphs(fonts, atom.text, atom.after, role)
    return [Glyph(ch, font, advance * size + tracking, plain * size) for ch, font, advance, plain in glyphs], lead * size, trail * size


def tokens(glyphs: list[Glyph], size: float, latin: Latin = JAPANESE) -> tuple[list[Glyph], list[tuple[float, float]]]:
    """The visible glyphs, and between each two the gap's natural width and units."""
    out: list[Glyph] = []
    spaces: list[float | None] = []
    space: float | None = None
    for glyph in glyphs:
        if glyph.ch in WORD_SPACES:  # an ideographic space (U+3000) is a character, set like one
            space = (space or 0.0) + glyph.advance
            continue
        out.append(glyph)
        spaces.append(space)
        space = None
    chars = "".join(glyph.ch for glyph in out)  # a Latin word is known by its whole run ("第45-NQ/TW号")
    return out, [boundary(chars[:n], chars[n:], spaces[n], size, latin) for n in range(1, len(out))]


def grid_measure(width: float, size: float, style: Style) -> float:
    """The largest whole number of ems inside ``width``: the text block on the
    character grid, for left, justified and right-aligned text (a signature
    set right ends where the justified lines above it end, not past them at
    the frame's edge); a centred line centres on its frame.

    >>> from book.model import Style
    >>> grid_measure(184.3, 8.5, Style("caption", "sans", 8.5, 14.5, align="justify"))
    178.5
    >>> grid_measure(332.8, 10, Style("signature", "serif", 10, 17.5, align="right"))
    330
    """
    if style.align not in ("left", "justify", "right"):
        return width
    return math.floor(width / size + 1e-6) * size


def measure_items(fonts, atoms: list[Atom], style: Style, lang: str, size: float, text: str,
                  soft: tuple[str, ...], stops: bool = False, parted: tuple[str, ...] = (),
                  bound: tuple[str, ...] = ()) -> list[Item]:
    tracking = style.tracking / 1000 * size
    inside = soft_offsets(text, soft)
    never = soft_offsets(text, parted)  # phrases never broken, parted only where no other break fills a line
    for at in soft_offsets(text, tuple(w for w in bound if w in parted)).keys() & never.keys():
        never[at] *= BOUND_PARTED  # an idiom, a name with its suffix: only where no line sets within the limit
    for phrase in parted:  # ... never one ideograph from its end ("《巴|黎和平协定》"): the line stays loose instead
        at = text.find(phrase)
        while at >= 0:
            letters = [at + n for n, ch in enumerate(phrase) if ch.isalnum()]
            for edge in {*letters[1:2], *letters[-1:]} & never.keys():
                never[edge] *= EDGE_PARTED
            at = text.find(phrase, at + 1)
    prices = break_prices(text, lang, style.name)
    latin = latin_spaces(lang)
    items: list[Item] = []
    previous: Glyph | None = None  # the glyph the line sets before the atom, when it is not a line's first
    for number, atom in enumerate(atoms):
        glyphs, lead, trail = atom_glyphs(fonts, atom, style.font, size, tracking)
        visible, inner = tokens(glyphs, size, latin)
        width = sum(g.advance for g in visible) + sum(extra for extra, _ in inner)
        units = sum(u for _, u in inner)
        space = 0.0
        if number + 1 < len(atoms) and visible:
            between = pdfmetrics.stringWidth(" ", visible[-1].font, size) if atom.space_after else None
            space, after = boundary("".join(g.ch for g in visible), atoms[number + 1].text, between, size, latin)
            units += after
            tight_after = sum(space_rooms([(space, after)], size, latin, floor)[0] for floor in {False, stops})
        else:
            tight_after = 0.0
        tight = sum(sum(space_rooms(inner, size, latin, floor)) for floor in {False, stops})
        hang = line_end_room(style, atom, visible, trail)
        penalty = 0.0
        if number + 1 < len(atoms):
            at = atoms[number + 1].start
            penalty = NAME_PENALTY * inside.get(at, 0) + PARTED * never.get(at, 0) + prices.get(at, 0.0)
        before, brackets, commas, stop_rooms = gap_rooms(fonts, visible, size, previous)
        rooms = [a + b + (c if stops else 0.0) for a, b, c in zip(brackets, commas, stop_rooms, strict=True)]
        previous = visible[-1] if visible else previous
        items.append(Item(atom, width, space, [], lead, hang, penalty, units, tight + tight_after + before + sum(rooms),
                          tight + before + sum(rooms[:-1]), before))
    return items


def gap_rooms(fonts, visible: list[Glyph], size: float,
              previous: Glyph | None = None) -> tuple[float, list[float], list[float], list[float]]:
    """What each gap may close when a line is tight: the gap before the first
    glyph, and the gap after each glyph, given by brackets and middle dots,
    by commas and colons (closed second) and by stops (last, `tighten`). A closing mark gives its empty
    right half, an opening bracket its empty left half, as the face draws
    them (a Japanese "：" has ink in the middle and gives nothing), a middle
    dot a quarter em either side (JLREQ 3.8.2; its table of reductions
    gives a full stop none: a 。 closes only as a last resort). ``previous``
    is the glyph set before ``visible`` on the line (the atom before's last,
    `measure_items`): an atom's opening bracket after a pair set closer by
    shaping ("了。|「海」", "「海」|「港」") gives nothing before it, as the
    line drawn whole (`draw_cjk_line`) finds it."""
    before, rooms, commas, stops = 0.0, [0.0] * len(visible), [0.0] * len(visible), [0.0] * len(visible)
    for number, glyph in enumerate(visible):
        if glyph.advance <= 0.75 * size or not (glyph.ch in SQUEEZABLE or glyph.ch in STOPS or glyph.ch in OPENING
                                                or glyph.ch == MIDDLE_DOT):
            continue
        left, right = face_halves(fonts, glyph.ch, glyph.font)
        if glyph.ch == MIDDLE_DOT:
            left = right = 0.25 * size
        else:
            left = glyph.advance - 0.5 * size if left and glyph.ch in OPENING else 0.0
            right = glyph.advance - 0.5 * size if right and (glyph.ch in SQUEEZABLE or glyph.ch in STOPS) else 0.0
        (commas if glyph.ch in COMMAS else stops if glyph.ch in STOPS else rooms)[number] += right
        prior = visible[number - 1] if number else previous
        if prior is not None and prior.advance <= 0.75 * size and not is_han(prior.ch):
            continue  # "。「": the pair is set closer already (`book.text.shaping`), never closer still
        if number:
            rooms[number - 1] += left
        else:
            before += left
    return before, rooms, commas, stops


@lru_cache(maxsize=4096)
def face_halves(fonts, ch: str, font: str) -> tuple[bool, bool]:
    """Whether the face leaves the left and the right half of ``ch`` empty (`book.text.shaping` reads the outline)."""
    from book.text.shaping import layout

    shaped = layout(fonts, ch, font, "", True)
    return shaped.lead > 0, shaped.trail > 0


def line_end_room(style: Style, atom: Atom, visible: list[Glyph], trail: float) -> float:
    """What a line ending with ``atom`` gives up: a closing mark's empty half
    (、，。．）」』, JIS X 4051 行末二分), whether or not the line is long, so
    every line-end mark's ink meets the measure and none hangs past it."""
    if atom.space_after or not visible:
        return 0.0
    return trail


def compose_cjk(fonts, text: str, style: Style, lang: str, size: float, width: float, indent: bool,
                keep: tuple[str, ...]) -> tuple[list[Item], list[Chosen], float, bool]:
    """The composer's choice for one Chinese or Japanese paragraph on the grid."""
    bound = bound_words(text, keep) if lang == "zh" else ()  # a name and its suffix ("越捷医院"), an idiom ("星罗棋布")
    keep = keep + bound
    hard, soft = split_keep(keep, lang)
    parted: tuple[str, ...] = ()
    atoms = split_atoms(text, lang, hard)
    start = style.first_indent * size if indent else 0.0
    spacing = Spacing(UNIT_STRETCH * size, 0.0, True)  # CJK gaps never close: spaces and marks give the room
    # A mid-line 。, a 和欧間's last sixteenth, then a kept phrase parted at a name's price: each tried only where a
    # line opens past `RETRY_OPEN` otherwise (a justified line is never left short while another break sets it).
    # A name parted (a katakana run or a dot of a glossary term, `NAME_PARTED`) asks the next pass too: p22's card
    #   parted "ハイ|フォン" (1.8e10) where closing a mid-line 。 pulled the word back whole (1e8). The cheapest wins.
    best: tuple[float, list[Item], list[Chosen]] | None = None
    for stops, loosen in ((False, False), (True, False), (True, True)):
        if loosen:
            if not hard:
                break
            parted, hard = hard, ()
            atoms = split_atoms(text, lang, hard)
        items = measure_items(fonts, atoms, style, lang, size, text, soft, stops, parted, bound)
        if not items:
            return items, [], start, True
        composer = GridComposer(items, grid_measure(width, size, style), start, spacing, style.align == "justify", True)
        composer.marks_first = style.punctuation == "squeeze"
        lines = composer.compose()
        if best is None or composer.total < best[0]:
            best = (composer.total, items, lines)
        if not any((composer.badness(line.natural, line.gaps, line.last, composer.trim(line.end)) >= RETRY_BADNESS
                    and line.natural - composer.trim(line.end) < composer.width)  # a loose line, not a tight one
                   or (not line.last and items[line.end.index].penalty >= NAME_PARTED) for line in lines):
            break
    _, items, lines = best
    return items, lines, start, True


def draw_cjk_line(fonts, items: list[Item], chosen: Chosen, style: Style, size: float, width: float, indent: float,
                  lang: str):
    """The pieces of one line: runs of glyphs that advance alike, each at its place."""
    from book.text.typeset import Line, Piece, bind_overlaps, line_atoms

    atoms = line_atoms(items, chosen)
    tracking = style.tracking / 1000 * size
    leading = style.leading * size / style.size
    measure = grid_measure(width, size, style)
    glyphs: list[Glyph] = []
    start = indent if chosen.start.index < 0 else 0.0
    for position, atom in enumerate(atoms):
        atom_set, lead, trail = atom_glyphs(fonts, atom, style.font, size, tracking)
        if position == 0 and chosen.start.index >= 0:
            start = -lead
        glyphs += atom_set
        if atom.space_after and position < len(atoms) - 1 and atom_set:
            glyphs.append(Glyph(" ", atom_set[-1].font, pdfmetrics.stringWidth(" ", atom_set[-1].font, size), 0.0))
    visible, gaps = tokens(glyphs, size, latin_spaces(lang))
    # A word space set as a gap is drawn as a glyph after the piece before it (`Piece.space`), the next piece at its
    # place: as a gap alone, a reader joins the words ("ĐỗMạnh" in MuPDF, where a font subset changes after "ỗ").
    seen, spaced = 0, set()
    for glyph in glyphs:
        if glyph.ch in WORD_SPACES:
            spaced.add(seen)
        else:
            seen += 1
    if not visible:
        return Line([], 0.0, size, leading, 0.0, last=chosen.last)
    hang = line_end_room(style, atoms[-1], [g for g in atom_set if g.ch not in WORD_SPACES], trail)
    if hang:  # the line-end mark set half-width: drawn with its advance cut (a piece of its own), its box inside
        mark = visible[-1]
        visible[-1] = Glyph(mark.ch, mark.font, mark.advance - hang, mark.plain)
    natural = start + sum(g.advance for g in visible) + sum(extra for extra, _ in gaps)
    delta = measure - natural
    if delta >= 0 and (style.align != "justify" or chosen.last):
        delta = 0.0  # a tight line closes up in every alignment; only a justified one opens
    if delta < 0:  # a tight line closes its marks' empty halves, then its spaces: never a gap between CJK characters
        _, brackets, commas, stops = gap_rooms(fonts, visible, size)
        latin = latin_spaces(lang)
        added = tighten(space_rooms(gaps, size, latin), brackets[:-1], commas[:-1], -delta, stops[:-1],
                        space_rooms(gaps, size, latin, floor=True))
    else:
        added = adjust(gaps, delta, size) if delta > 1e-9 else [0.0] * len(gaps)
    shift = {"center": (width - natural) / 2, "right": measure - natural}.get(style.align, 0.0)
    x = max(0.0, shift) + start
    places = []
    for number, glyph in enumerate(visible):
        places.append(x)
        x += glyph.advance + (gaps[number][0] + added[number] if number < len(gaps) else 0.0)
    # Each glyph's character spacing: what its step to the next adds to its own advance.
    spacing = [(places[n + 1] - places[n] if n + 1 < len(visible) else g.advance) - g.plain for n, g in enumerate(visible)]
    # A gap that opened at a mark or a 和欧間 (`cjk_spaces.MARK_OPEN`) ends its piece: the white is the next piece's
    # place, never character spacing read as the glyph's own (a Tc on "き（" reads as the kana spaced out).
    opened = [n < len(gaps) and gaps[n][1] >= LATIN_UNITS and added[n] > 1e-6 for n in range(len(visible))]
    pieces: list[Piece] = []
    first = 0
    while first < len(visible):
        glyph = visible[first]
        spread = is_ideographic(glyph.ch)  # only CJK glyphs carry character spacing: a Latin run is set solid
        end = first  # a piece runs on while its glyphs (bar the last) step alike, in one face and script
        alone = abs(glyph.advance - glyph.plain) > 1e-6  # a compressed mark is a piece of its own, as pdftotext needs
        while (not alone and not opened[end] and end + 1 < len(visible) and visible[end + 1].font == glyph.font
               and is_ideographic(visible[end + 1].ch) == spread
               and abs(visible[end + 1].advance - visible[end + 1].plain) < 1e-6  # a compressed mark starts its own
               and abs(spacing[end] - (spacing[first] if spread else 0.0)) < 1e-6):
            end += 1
        squeezed = alone or (spread and end > first)
        pieces.append(Piece(places[first], "".join(g.ch for g in visible[first:end + 1]), glyph.font,
                            spacing[first] if spread and squeezed else 0.0, space=end + 1 in spaced and end + 1 < len(visible)))
        first = end + 1
    line = Line(bind_overlaps(pieces, size, 0.0), x, size, leading, 0.0, last=chosen.last)
    thin = chosen.last and chosen.start.index >= 0 and sum(ch.isalnum() for ch in line_text(line)) <= THIN_LAST
    line.cost = line_cost(line, items[chosen.end.index].penalty if not chosen.last else FLAW if thin else 0.0)
    return line
