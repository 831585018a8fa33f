"""Where each glyph of a run goes: widths measured from HarfBuzz-shaped glyphs,
so Latin and Vietnamese pairs such as "Ta" or "Vo" are kerned; a run of
dashes ("——") drawn as one continuous rule; and in Chinese and Japanese two
full-width punctuation marks in a row ("》，", "。」", "」「") set closer, the
first losing the empty half of its em (JLREQ 3.1.4, CLREQ 3.1.6). A run comes
back as segments, each drawn at its own offset, so the PDF positions the
glyphs and pdftotext still reads the text in order.

Chinese and Japanese display type takes the face's proportional alternates
(`palt`) for kana and letters but keeps its full-width marks ("海港：北部",
as the contents set it), and a lone "—" in a CJK face is a one-em 一字线,
its proportional glyph (0.89 em in Noto CJK) centred on a full em, as the
face's `fwid` form would set it (GB/T 15834 4.13: "1904—1912年")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics

from book.languages import TABLE
from book.text.linebreak import DASHES

DASH_OVERLAP = 0.02  # em by which joined dashes overlap, so no hairline gap shows
# Full-width punctuation that may be set in half its em. Which half is empty is
# read from the glyph in the face: "，" or "：" sit at the left in Simplified
# Chinese and in the middle in Japanese, so only the Chinese ones compress.
OPENING = frozenset("（［｛〔〈《「『【〘〖〝‘“")
CLOSING = frozenset("）］｝〕〉》」』】〙〗〟’”、。，．：；！？")
PUNCTUATION = OPENING | CLOSING | frozenset("・")
EMPTY_HALF = 0.48  # of the advance: no ink in this much of one side is an empty half
HALF = 0.5  # em taken from a compressed mark
# Korean sets book-title and quotation brackets half-width, kerned to the word (KLREQ): the face's `palt`.
HALF_WIDTH_MARKS = frozenset("『』「」")
# A CJK title keeps these full-width (`palt` for the rest): the middle dot too, a quarter em each side of its
# ink (JLREQ 3.1.5; the tenth ja proof: `palt`'s half-em ・ crushed 「闘い・建設・発展」 on the title and openers).
FULL_MARKS = OPENING | CLOSING | frozenset("・")
# ... but a Japanese title sets its 、 in half its em (the eighth ja proof: a full-width 、 left a hole
# in 24 pt chapter titles, beside the proportional kana around it).
DISPLAY_HALF = {"ja": frozenset("、")}
EM_DASH = "—"  # set one em wide when alone in a CJK face (``full_dash``)


@dataclass(frozen=True)
class Layout:
    """A run at 1 pt: its width and its segments (offset, text, character
    spacing: negative for a glyph set narrower than its advance). ``lead`` and
    ``trail`` are what may still be taken off at a line start (an opening
    bracket's empty half) or end (a closing mark's)."""

    width: float
    segments: tuple[tuple[float, str, float], ...]
    lead: float = 0.0
    trail: float = 0.0


@cache
def hb_font(path: str, index: int) -> hb.Font:
    return hb.Font(hb.Face(hb.Blob.from_file_path(path), index))


def empty_halves(font: hb.Font, glyph: int, advance: int) -> tuple[bool, bool]:
    """Whether the left and the right half of a full-width glyph hold no ink."""
    extents = font.get_glyph_extents(glyph)
    if not extents or advance < 0.9 * font.face.upem:
        return False, False
    left = extents.x_bearing
    right = advance - extents.x_bearing - extents.width
    return left >= EMPTY_HALF * advance, right >= EMPTY_HALF * advance


@cache
def layout_run(path: str, index: int, rl_name: str, text: str, after: str = "", compress: bool = False,
               proportional: str = "", full_dash: bool = False) -> Layout:
    """Shape ``text`` with the font at ``path``; each change from reportlab's own
    advance (a kern, a dash join, a compressed mark) starts a new segment.
    ``after`` is the character that follows the run on its line, if any.
    ``proportional`` is "all" (CJK display type: the face's proportional
    alternates, kerned, its brackets, stops and commas full-width), "all-ja"
    (the same with a proportional 、, `DISPLAY_HALF`) or "marks"
    (Korean: the brackets alone); ``full_dash`` sets a lone "—" one em wide."""
    font = hb_font(path, index)
    upem = font.face.upem
    buffer = hb.Buffer()
    buffer.add_codepoints([ord(ch) for ch in text])
    buffer.guess_segment_properties()
    features: dict = {"kern": True, "liga": False, "clig": False}
    if proportional:
        features["ccmp"] = False  # the face's own file joins "――" into one glyph; the subset drawn does not
    if proportional.startswith("all"):
        full = FULL_MARKS - DISPLAY_HALF.get(proportional[4:], frozenset())
        features["palt"] = [(0, len(text), 1)] + [(i, i + 1, 0) for i, ch in enumerate(text) if ch in full]
    elif proportional == "marks":
        features["palt"] = [(i, i + 1, 1) for i, ch in enumerate(text) if ch in HALF_WIDTH_MARKS]
    hb.shape(font, buffer, features)
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    plain = [pdfmetrics.stringWidth(ch, rl_name, 1) for ch in text]
    if len(infos) != len(text) or any(info.cluster != i for i, info in enumerate(infos)):
        return Layout(sum(plain), ((0.0, text, 0.0),))  # reordered or merged glyphs: draw unshaped
    advances = [pos.x_advance / upem for pos in positions]
    shifts = [pos.x_offset / upem for pos in positions]  # a proportional glyph set off its pen position
    squeezed = [bool(shift) for shift in shifts]  # glyphs set narrower than their advance: a dash joined, a mark compressed
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a in DASHES and b == a:
            left = font.get_glyph_extents(infos[i].codepoint)
            right = font.get_glyph_extents(infos[i + 1].codepoint)
            if left and right:
                gap = (advances[i] * upem - left.x_bearing - left.width) + right.x_bearing
                advances[i] -= gap / upem + DASH_OVERLAP
                squeezed[i] = True
    if full_dash:
        for i, ch in enumerate(text):
            if ch == EM_DASH and EM_DASH not in text[max(0, i - 1):i] + text[i + 1:i + 2] and advances[i] < 1.0:
                shifts[i] += (1.0 - advances[i]) / 2  # "1904—1912": the glyph centred on its em
                advances[i] = 1.0
                squeezed[i] = True
    lead = trail = 0.0
    if compress:
        halves = [empty_halves(font, info.codepoint, pos.x_advance) if ch in PUNCTUATION else (False, False)
                  for ch, info, pos in zip(text, infos, positions, strict=True)]
        for i, ch in enumerate(text):
            nxt = text[i + 1] if i + 1 < len(text) else after
            if nxt not in PUNCTUATION:
                continue
            if halves[i][1] or (ch in OPENING and i + 1 < len(text) and halves[i + 1][0]):
                # "》，": the first mark's empty right half goes; "（「": the second's empty left half.
                advances[i] -= HALF
                squeezed[i] = True
        if halves[0][0] and text[0] in OPENING:
            lead = HALF
        if halves[-1][1] and after not in PUNCTUATION:
            trail = HALF
    segments: list[tuple[float, str, float]] = []
    x, start, seg_x = 0.0, 0, 0.0
    for i in range(len(text)):
        if squeezed[i]:
            # A glyph of its own, drawn with negative character spacing: its box in the
            # PDF ends where the next glyph starts, so pdftotext reads one word in order.
            if start < i:
                segments.append((seg_x, text[start:i], 0.0))
            segments.append((x + shifts[i], text[i], advances[i] - shifts[i] - plain[i]))
            x += advances[i]
            start, seg_x = i + 1, x
            continue
        x += advances[i]
        if abs(advances[i] - plain[i]) > 1e-4 and i < len(text) - 1:
            segments.append((seg_x, text[start:i + 1], 0.0))
            start, seg_x = i + 1, x
    if start < len(text):
        segments.append((seg_x, text[start:], 0.0))
    return Layout(x, tuple(segments), lead, trail)


def layout(fonts, text: str, rl_name: str, after: str = "", compress: bool = False, display: bool = False) -> Layout:
    """The run ``text`` in the registered font ``rl_name``, at 1 pt; ``compress``
    sets consecutive CJK punctuation closer (zh, ja); ``display`` (titles in a
    CJK edition) sets it with the face's proportional alternates."""
    path, index = fonts.files.get(rl_name, (None, 0))
    if path is None:
        return Layout(pdfmetrics.stringWidth(text, rl_name, 1), ((0.0, text, 0.0),))
    proportional = ""
    if display and getattr(fonts, "cjk", False):
        proportional = "all-ja" if getattr(fonts, "lang", "") in DISPLAY_HALF else "all"
    elif getattr(fonts, "lang", "") == "ko" and not HALF_WIDTH_MARKS.isdisjoint(text):
        proportional = "marks"
    if proportional:  # measured on the face's own file: its subset has no layout features
        path, index = getattr(fonts, "sources", {}).get(rl_name, (path, index))
    lang = TABLE.get(getattr(fonts, "lang", ""))
    full_dash = EM_DASH in text and lang is not None and lang.breaking == "characters"  # zh, ja: the 一字线
    return layout_run(path, index, rl_name, text, after, compress, proportional, bool(full_dash))


def inner_spread(segments, font: str, size: float, extra: float):
    """Segments (em offset, text, squeeze) cut at spaces, moved ``extra`` pt per space before: a unit's inner gaps."""
    if not extra:
        yield from segments
        return
    opened = 0
    for offset, text, squeeze in segments:
        parts = text.split(" ")
        for k, part in enumerate(parts):
            word = part + (" " if k < len(parts) - 1 else "")
            if word:
                yield offset + opened * extra / size, word, squeeze
            offset += pdfmetrics.stringWidth(word, font, size) / size
            opened += k < len(parts) - 1
