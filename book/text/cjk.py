"""Chinese and Japanese running text on a character grid, justified in the
order of JIS X 4051 and W3C JLREQ (CLREQ follows it):

1. Punctuation: every mark inside a line is full-width (全角式, the style's
   ``punctuation: full``), so a page shows one texture; only consecutive
   marks are set closer (`book.text.shaping`), and a line-end 、。，． is
   treated one way throughout, as the style's ``line_end`` says: ``keep``
   keeps it inside the measure, full-width, or half-width when the line
   needs the room; ``hang`` hangs it whole outside the measure.
2. In Japanese, a quarter-em space wherever kana or kanji meet Latin letters
   or digits (the language's ``latin_space``: Chinese sets them solid).
3. A loose line opens its spaces first, to half an em, then the gaps
   between CJK characters by at most ``GAP_LIMIT`` (never inside a Latin
   word or a number). A tight line (JIS X 4051, JLREQ 3.8) closes its
   spaces (the quarter to an eighth of an em), then halves its marks
   (、。，「」（）), the last first; never a gap between two characters. A
   line needing more breaks elsewhere; the composer prices a tight line
   above a solid one and below a loose one (``punctuation: squeeze``: as
   cheap as a solid one).

The measure is the largest whole number of characters at the text's size
inside the frame, aligned to its start: every full line of ideographs and
kana stands on one grid, the same in every line of the block.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics

from book.languages import TABLE
from book.model import Style
from book.text.cjk_breaks import NAME_PENALTY, break_prices, soft_offsets, split_keep
from book.text.cjk_grid import UNIT_STRETCH, GridComposer, adjust, tighten
from book.text.compose import Chosen, Item, Spacing
from book.text.linebreak import INSEPARABLE, Atom, is_ideographic, split_atoms

QUARTER = 0.25  # em: 四分アキ between Japanese and Latin or digits (a language's ``latin_space``)
SPACE_UNITS = 2.5  # a space between words or scripts adjusts this many times as much as a CJK gap
LATIN_TIGHT = 0.125  # em: the least a quarter-em space between Japanese and Latin closes to (JLREQ 3.8)
SPACE_TIGHT = 0.2  # of a word space's width: what a tight line may take off it
SQUEEZABLE = frozenset("、。，．：；」』）］｝〕〉》】〙〗’”")  # marks whose right half is empty: closed up mid-line
OPENING = frozenset("（［｛〔〈《「『【〘〖‘“")  # ... and whose left half is
MIDDLE_DOT = "・"
HANGING = frozenset("、。，．")  # the marks that may hang at a line end (ぶら下げ)
WORD_SPACES = frozenset(" \t\n")  # spaces between words; an ideographic space is a character


@dataclass(frozen=True)
class Glyph:
    ch: str
    font: str
    advance: float  # pt as set: kerning and a compressed mark's lost half included
    plain: float  # pt: the advance the PDF gives the glyph by itself


def is_han(ch: str) -> bool:
    """An ideograph, a kana or a full-width letter or digit (not punctuation)."""
    return is_ideographic(ch) and ch.isalnum()


def is_western(ch: str) -> bool:
    """A Latin letter, a digit or a Western sign ("B-52", "45-NQ/TW", "%")."""
    return not is_ideographic(ch) and not ch.isspace()


def boundary(a: str, b: str, space: float | None, size: float, latin: float = QUARTER) -> tuple[float, float]:
    """The natural width (pt) and the adjustable units of the gap between the
    characters ``a`` and ``b``; ``space`` is the width of a space between them,
    if any; ``latin`` the em between CJK and Latin or digits (0: set solid, a
    gap like any between two CJK characters).

    >>> boundary("年", "5", None, 10), boundary("の", "B", 2.6, 10)
    ((2.5, 2.5), (2.5, 2.5))
    >>> boundary("年", "5", None, 10, 0.0), boundary("5", "海", 2.6, 10, 0.0)
    ((0.0, 1), (2.6, 2.5))
    >>> boundary("海", "防", None, 10), boundary("2", "0", None, 10), boundary("—", "—", None, 10)
    ((0.0, 1), (0.0, 0), (0.0, 0))
    >>> boundary("Vũ", "Đức", 2.6, 10)
    (2.6, 2.5)
    """
    a, b = a[-1], b[0]
    if (is_han(a) and is_western(b)) or (is_western(a) and is_han(b)):
        if latin:
            return latin * size, SPACE_UNITS
        return (space, SPACE_UNITS) if space is not None else (0.0, 1)  # solid, or a space the text gives ("© 2025 海防")
    if space is not None:
        if is_ideographic(a) or is_ideographic(b):
            return 0.0, 1  # a stray space beside CJK punctuation: the mark has its own
        return space, SPACE_UNITS
    if is_ideographic(a) and is_ideographic(b):
        return 0.0, 0 if (a in INSEPARABLE and a == b) else 1
    if is_ideographic(a) or is_ideographic(b):
        return 0.0, 1  # a bracket beside a Latin word
    return 0.0, 0  # inside a Latin word or a number


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


def tokens(glyphs: list[Glyph], size: float, latin: float = QUARTER) -> tuple[list[Glyph], list[tuple[float, float]]]:
    """The visible glyphs, and between each two the gap's natural width and units."""
    out: list[Glyph] = []
    gaps: list[tuple[float, float]] = []
    space: float | None = None
    for glyph in glyphs:
        if glyph.ch in WORD_SPACES:  # an ideographic space (U+3000) is a character, set like one
            space = (space or 0.0) + glyph.advance
            continue
        if out:
            gaps.append(boundary(out[-1].ch, glyph.ch, space, size, latin))
        out.append(glyph)
        space = None
    return out, gaps


def space_rooms(gaps: list[tuple[float, float]], size: float, latin: float) -> list[float]:
    """What each gap may close on a tight line before any mark does: a
    Japanese-Latin quarter space down to an eighth, a word space by a fifth,
    a gap between CJK characters nothing (JIS X 4051 never sets them closer).

    >>> space_rooms([(2.5, 2.5), (2.6, 2.5), (0.0, 1)], 10, QUARTER)
    [1.25, 0.52, 0.0]
    """
    rooms = []
    for width, units in gaps:
        if units <= 1:
            rooms.append(0.0)
        elif latin and abs(width - latin * size) < 1e-6:
            rooms.append(max(0.0, width - LATIN_TIGHT * size))
        else:
            rooms.append(SPACE_TIGHT * width)
    return rooms


def grid_measure(width: float, size: float, style: Style) -> float:
    """The largest whole number of ems inside ``width``: the text block on the
    character grid, for left, justified and right-aligned text (a signature
    set right ends where the justified lines above it end, not past them at
    the frame's edge); a centred line centres on its frame.

    >>> from book.model import Style
    >>> grid_measure(184.3, 8.5, Style("caption", "sans", 8.5, 14.5, align="justify"))
    178.5
    >>> grid_measure(332.8, 10, Style("signature", "serif", 10, 17.5, align="right"))
    330.0
    """
    if style.align not in ("left", "justify", "right"):
        return width
    return math.floor(width / size + 1e-6) * size


def measure_items(fonts, atoms: list[Atom], style: Style, lang: str, size: float, text: str,
                  soft: tuple[str, ...]) -> list[Item]:
    tracking = style.tracking / 1000 * size
    inside = soft_offsets(text, soft)
    prices = break_prices(text, lang)
    latin = TABLE[lang].latin_space
    items: list[Item] = []
    for number, atom in enumerate(atoms):
        glyphs, lead, trail = atom_glyphs(fonts, atom, style.font, size, tracking)
        visible, inner = tokens(glyphs, size, latin)
        width = sum(g.advance for g in visible) + sum(extra for extra, _ in inner)
        units = sum(u for _, u in inner)
        space = 0.0
        if number + 1 < len(atoms) and visible:
            between = pdfmetrics.stringWidth(" ", visible[-1].font, size) if atom.space_after else None
            space, after = boundary(visible[-1].ch, atoms[number + 1].text, between, size, latin)
            units += after
            tight_after = space_rooms([(space, after)], size, latin)[0]
        else:
            tight_after = 0.0
        tight = sum(space_rooms(inner, size, latin))
        hang = line_end_room(style, atom, visible, trail)
        penalty = 0.0
        if number + 1 < len(atoms):
            at = atoms[number + 1].start
            penalty = NAME_PENALTY * inside.get(at, 0) + prices.get(at, 0.0)
        before, rooms = gap_rooms(fonts, visible, size)
        items.append(Item(atom, width, space, [], lead, hang, penalty, units, tight + tight_after + before + sum(rooms),
                          tight + before + sum(rooms[:-1]), before))
    return items


def gap_rooms(fonts, visible: list[Glyph], size: float) -> tuple[float, list[float]]:
    """What each gap may close when a line is tight: the gap before the first
    glyph, and the gap after each glyph. A closing mark gives its empty right
    half, an opening bracket its empty left half, as the face draws them (a
    Japanese "：" has ink in the middle and gives nothing), a middle dot a
    quarter em either side (JLREQ 3.8.2)."""
    before, rooms = 0.0, [0.0] * len(visible)
    for number, glyph in enumerate(visible):
        if glyph.advance <= 0.75 * size or not (glyph.ch in SQUEEZABLE or glyph.ch in OPENING or glyph.ch == MIDDLE_DOT):
            continue
        left, right = face_halves(fonts, glyph.ch, glyph.font)
        if glyph.ch == MIDDLE_DOT:
            left = right = 0.25 * size
        else:
            left = glyph.advance - 0.5 * size if left and glyph.ch in OPENING else 0.0
            right = glyph.advance - 0.5 * size if right and glyph.ch in SQUEEZABLE else 0.0
        rooms[number] += right
        if number:
            rooms[number - 1] += left
        else:
            before += left
    return before, rooms


@lru_cache(maxsize=4096)
def face_halves(fonts, ch: str, font: str) -> tuple[bool, bool]:
    """Whether the face leaves the left and the right half of ``ch`` empty (`book.text.shaping` reads the outline)."""
    from book.text.shaping import layout

    shaped = layout(fonts, ch, font, "", True)
    return shaped.lead > 0, shaped.trail > 0


def line_end_room(style: Style, atom: Atom, visible: list[Glyph], trail: float) -> float:
    """What a line ending with ``atom`` may give up when it is too long, taken
    whole or not at all: with ``hang`` a stop or comma hangs outside the
    measure; with ``keep`` a closing mark loses its empty half, its ink still
    inside the measure (JLREQ's first step in tightening a line)."""
    if atom.space_after or not visible:
        return 0.0
    if style.line_end == "hang" and visible[-1].ch in HANGING:
        return visible[-1].advance
    return trail


def compose_cjk(fonts, text: str, style: Style, lang: str, size: float, width: float, indent: bool,
                keep: tuple[str, ...]) -> tuple[list[Item], list[Chosen], float, bool]:
    """The composer's choice for one Chinese or Japanese paragraph on the grid."""
    hard, soft = split_keep(keep, lang)
    atoms = split_atoms(text, lang, hard)
    start = style.first_indent * size if indent else 0.0
    items = measure_items(fonts, atoms, style, lang, size, text, soft)
    if not items:
        return items, [], start, True
    spacing = Spacing(UNIT_STRETCH * size, 0.0, True)  # CJK gaps never close: spaces and marks give the room
    composer = GridComposer(items, grid_measure(width, size, style), start, spacing, style.align == "justify", True)
    composer.marks_first = style.punctuation == "squeeze"
    return items, composer.compose(), start, True


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
    visible, gaps = tokens(glyphs, size, TABLE[lang].latin_space)
    if not visible:
        return Line([], 0.0, size, leading, 0.0, last=chosen.last)
    natural = start + sum(g.advance for g in visible) + sum(extra for extra, _ in gaps)
    hang = 0.0
    if natural > measure + 0.01:  # the line-end mark gives its room whole, or not at all
        hang = line_end_room(style, atoms[-1], [g for g in atom_set if g.ch not in WORD_SPACES], trail)
    delta = measure - (natural - hang)
    if delta >= 0 and (style.align != "justify" or chosen.last):
        delta = 0.0  # a tight line closes up in every alignment; only a justified one opens
    if delta < 0:  # a tight line closes its spaces, then its marks' empty halves: never a gap between CJK characters
        added = tighten(space_rooms(gaps, size, TABLE[lang].latin_space), gap_rooms(fonts, visible, size)[1][:-1],
                        -delta)
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
    pieces: list[Piece] = []
    first = 0
    while first < len(visible):
        glyph = visible[first]
        spread = is_ideographic(glyph.ch)  # only CJK glyphs carry character spacing: a Latin run is set solid
        end = first  # a piece runs on while its glyphs (bar the last) step alike, in one face and script
        alone = abs(glyph.advance - glyph.plain) > 1e-6  # a compressed mark is a piece of its own, as pdftotext needs
        while (not alone and end + 1 < len(visible) and visible[end + 1].font == glyph.font
               and is_ideographic(visible[end + 1].ch) == spread
               and abs(visible[end + 1].advance - visible[end + 1].plain) < 1e-6  # a compressed mark starts its own
               and abs(spacing[end] - (spacing[first] if spread else 0.0)) < 1e-6):
            end += 1
        squeezed = alone or (spread and end > first)
        pieces.append(Piece(places[first], "".join(g.ch for g in visible[first:end + 1]), glyph.font,
                            spacing[first] if spread and squeezed else 0.0))
        first = end + 1
    return Line(bind_overlaps(pieces, size, 0.0), x - hang, size, leading, 0.0, last=chosen.last)

