"""The spine's text (the cover's width formula is `book.pages.spine`), in the
front title's face: the book's full title where it fits at FULL_LEAST pt or
more (ja 「ハイフォン――闘い・建設・発展の70年」), else its head (book.yaml
``cover: spine``, translated), from the head down to just above the photo;
the publisher (``cover: spine_publisher``, translated, else the publishing
house's name) at the spine's foot, on the ground's calm zone under the
photo (`book.pages.cover_plan`), ending the spine's margin above the foot,
where a reader looks for it on a shelf, at PUBLISHER_SIZE: on one line, or
where the name is too long for that, in two lines across the spine
(`set_publisher`); on a cover without the calm zone, under the title above
the photo. The photo runs unbroken through the spine. Latin capitals are tracked as the
copyright page's (`spine_tracking`). Run along the spine (capitals in Latin) or set in
a vertical column (zh, ja), as large as the spine style allows with their
real ink, read from the glyphs of the actual strings, the printer's
clearance clear of each fold; a line run along it is centred on all its ink,
its stacked marks included, as a column is; none below the
printer's page count for spine text. On a spine too narrow for the title at
the style's smallest size there is no text, and a note and a warning say
from how many pages it fits."""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from dataclasses import replace

from reportlab.pdfbase import pdfmetrics

from book.errors import Where
from book.languages import language
from book.model import MM
from book.pages.spine import pages_for_spine
from book.text.ink import char_box, ink_across, ink_height
from book.text.vertical import LATIN_OFFSET, RULE, TWO_EM_DASHES, Glyphs, column_length, segments, set_column, vert_fit, vertical_text

SPINE_GAP = 12.0  # mm at the least between the title and the publisher under it
PUBLISHER_SIZE = 8.0  # pt: the publisher, well below the title's size, large enough to read on a shelf
CALM_GAP = 4.0  # mm at the least between the photo's foot and the publisher on the calm zone
PUBLISHER_LINES = 3  # the most lines across the spine a long name is broken into
PUBLISHER_LEADING = 1.2  # the publisher's two lines across the spine, baseline to baseline, in its size
CAPITALS_TRACKING = 80.0  # 1/1000 em: the spine's Latin capitals tracked +8 % (capitals want +5–10 %)
STEM_SHARE = 0.7  # of the lone stroke 丨/一 (the face's heaviest) a title's strokes carry at 14 pt: a dash drawn that heavy
SPINE_DASHES = frozenset("―—–")  # the dashes a title's line on the spine may hold
FULL_LEAST = 12.0  # pt: the full title takes the spine when it fits at this size or more


def spine_texts(texts: dict[str, str], vertical: bool, full: bool = False) -> dict[str, str]:
    """The spine's two texts: the title (its head, or the ``full`` title on one
    line), and the publisher's short form, in capitals along a Latin spine
    (mixed case would bring descenders, and a smaller size).

    >>> spine_texts({"spine": "HẢI PHÒNG 70", "title": "Hải Phòng – 70", "spine_publisher": "Nxb TT&TT"}, False)
    {'title': 'HẢI PHÒNG 70', 'publisher': 'NXB TT&TT'}
    >>> spine_texts({"spine": "海防70年", "title": "海防——70年战斗", "spine_publisher": "信息传媒出版社"}, True, True)
    {'title': '海防——70年战斗', 'publisher': '信息传媒出版社'}
    """
    title = " ".join(texts["title"].split()) if full else texts["spine"]
    short = texts["spine_publisher"]
    return {"title": title if vertical else title.upper(), "publisher": short if vertical else short.upper()}


def ink_reach(setter, texts: dict[str, str], keys: tuple[str, ...], role: str, vertical: bool) -> tuple[float, float]:
    """Em from the spine's middle to the farthest ink of the texts ``keys``, and
    where across the line that middle lies (em above the baseline; 0 in a
    column): the middle of all their ink, stacked marks included, so the
    line's ink stands centred between the folds as a ruler finds it (a
    Vietnamese title centred on its capitals alone sat 0.6 mm off, its marks
    to one side)."""
    if vertical:
        return max(column_reach(setter.fonts, [texts[k] for k in keys], role), 0.5), 0.0
    inks = [ink_height(setter.fonts, texts[key], role) for key in keys]
    low, high = min(i[0] for i in inks), max(i[1] for i in inks)
    middle = (low + high) / 2
    return max(high - middle, 0.3), middle


def fitting_size(setter, texts: dict[str, str], keys: tuple[str, ...], role: str, vertical: bool, largest: float,
                 length: float) -> tuple[float, float, float]:
    """The largest size (tenths of a point, at most ``largest``) at which ``keys``
    keep their ink 1.6 mm from each fold and run within ``length`` mm; with the reach and middle,
    the ink centred on the spine (`ink_reach`)."""
    reach, middle = ink_reach(setter, texts, keys, role, vertical)
    size = min(largest, math.floor((setter.g.spine / 2 - setter.g.clearance) * MM / reach * 10 + 1e-6) / 10)
    if size <= 0:
        return 0.0, reach, middle
    need = spine_need(setter.fonts, texts, keys, role, size, vertical, spine_tracking(setter, texts[keys[0]], vertical))
    return min(size, math.floor(length / need * size * 10 + 1e-6) / 10), reach, middle


def set_spine(setter, cover, texts: dict[str, str]) -> None:
    """The spine's glyphs into ``cover.spine``, or its note and a warning when none fit."""
    if not setter.g.text:  # the printer's page rule, warned of once for the book (`book.pages.spine.plan_cover`)
        cover.note = "the printer allows no spine text at this page count"
        return
    style = setter.book.style("spine", setter.lang)
    vertical = language(setter.lang).vertical
    role = style.font
    end, foot = setter.g.margins.head, cover.plan.spine_foot  # from the head to just above the photo
    length = foot - end
    texts, short = spine_texts(texts, vertical, full=True), spine_texts(texts, vertical)
    tail = (cover.plan.calm + CALM_GAP, setter.g.panel[1] - end)  # the calm zone at the foot, when the cover has one
    calm = tail[1] - tail[0] > 0 and cover.plan.calm < setter.g.panel[1]
    under = 0.0 if calm else publisher_need(setter, texts["publisher"], role, vertical) + SPINE_GAP  # its room under the title
    size, reach, middle = fitting_size(setter, texts, ("title",), role, vertical, style.size, length - under)
    if size < max(FULL_LEAST, style.min_size):  # the full title is too long for the spine: its head
        texts = short
        size, reach, middle = fitting_size(setter, texts, ("title",), role, vertical, style.size, length - under)
        if size < style.min_size:  # the title alone, the publisher warned of
            size, reach, middle = fitting_size(setter, texts, ("title",), role, vertical, style.size, length)
    if size < style.min_size:
        across = math.floor((setter.g.spine / 2 - setter.g.clearance) * MM / reach * 10 + 1e-6) / 10
        if across < style.min_size:
            too_narrow(setter, cover, style.min_size, reach)
        else:
            need = spine_need(setter.fonts, texts, ("title",), role, style.min_size, vertical)
            setter.out.error("spine-overflow", setter.where(setter.book.cover.spine or setter.book.title),
                             f"{setter.lang}: the spine's title needs {need:.0f} mm at the spine style's {style.min_size:g} pt, the "
                             f"spine has {length:.0f} mm above the photo at the {setter.trim}; shorten it by {need - length:.0f} mm")
        return
    if vertical:  # the two-em dash drawn as a rule reads as the title's own dash (ja 「――」, zh 「——」)
        cover.rule_text = next((dash for dash in TWO_EM_DASHES if dash in texts["title"]), "")
    place(setter, cover, texts["title"], role, size, middle, (end, foot), True, vertical)
    tracking = spine_tracking(setter, texts["title"], vertical)
    if calm:
        set_publisher(setter, cover, texts["publisher"], role, tail, vertical)
        return
    room = foot - end - spine_need(setter.fonts, texts, ("title",), role, size, vertical, tracking) - SPINE_GAP
    set_publisher(setter, cover, texts["publisher"], role, (foot - room, foot), vertical)


def publisher_need(setter, text: str, role: str, vertical: bool) -> float:
    """Mm of spine the publisher takes at the least at PUBLISHER_SIZE: its column,
    or its longest line when broken into PUBLISHER_LINES lines across the spine."""
    if vertical:
        return column_length(setter.fonts, text, role, PUBLISHER_SIZE) / MM
    tracking = spine_tracking(setter, text, False)
    lines = publisher_lines(setter, text, role, PUBLISHER_SIZE, tracking, PUBLISHER_LINES)
    return max(line_width(setter.fonts, t, role, PUBLISHER_SIZE, tracking) for t in lines)


def spine_tracking(setter, text: str, vertical: bool) -> float:
    """The spine's letterspacing, 1/1000 em: Latin capitals tracked
    (`CAPITALS_TRACKING`); none in a column or in Hangul or Han."""
    if vertical or any(unicodedata.name(ch, "").startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA")) for ch in text):
        return 0.0
    return CAPITALS_TRACKING


def publisher_lines(setter, text: str, role: str, size: float, tracking: float, count: int) -> list[str]:
    """The publisher's name in ``count`` lines broken between words, the longest line as short as can be."""
    words = text.split()
    if count <= 1 or len(words) < count:
        return [text]
    splits = [(0, *cut, len(words)) for cut in itertools.combinations(range(1, len(words)), count - 1)]
    best = min(splits, key=lambda c: max(line_width(setter.fonts, " ".join(words[i:j]), role, size, tracking)
                                         for i, j in itertools.pairwise(c)))
    return [" ".join(words[i:j]) for i, j in itertools.pairwise(best)]


def set_publisher(setter, cover, text: str, role: str, span: tuple[float, float], vertical: bool) -> None:
    """The publisher in the spine's ground under the title, ending at ``span``'s
    foot: PUBLISHER_SIZE pt, on the fewest lines across the spine (up to
    PUBLISHER_LINES) that fit, a half point smaller, to the style's smallest,
    where they would come nearer a fold than the printer's clearance); a warning where it fits neither way."""
    room, style = span[1] - span[0], setter.book.style("spine", setter.lang)
    where = setter.where(setter.book.cover.spine_publisher or setter.book.publisher)
    if vertical:  # its column's ink the printer's clearance from each fold, as the title's
        reach = column_reach(setter.fonts, [text], role)
        size = next((s for s in sizes(PUBLISHER_SIZE, style.min_size)
                     if setter.g.spine / 2 - s * reach / MM >= setter.g.clearance - 1e-6), style.min_size)
        if column_length(setter.fonts, text, role, size) / MM > room or setter.g.spine / 2 - size * reach / MM < setter.g.clearance - 1e-6:
            setter.out.warn("spine-title-only", where, f"{setter.lang}: the spine's publisher '{text}' does not fit the "
                            f"{room:.0f} mm under the title at {size:g} pt; give cover: spine_publisher a shorter form")
            return
        place(setter, cover, text, role, size, 0.0, span, False, True)
        return
    tracking = spine_tracking(setter, text, False)
    for size, count in ((s, n) for s in sizes(PUBLISHER_SIZE, style.min_size) for n in range(1, PUBLISHER_LINES + 1)):
        lines = publisher_lines(setter, text, role, size, tracking, count)
        fits = all(line_width(setter.fonts, t, role, size, tracking) <= room for t in lines)
        reach, middles = lines_reach(setter.fonts, lines, role, size)
        if fits and setter.g.spine / 2 - reach >= setter.g.clearance - 1e-6:
            break
    else:
        setter.out.warn("spine-title-only", where, f"{setter.lang}: the spine's publisher '{text}' fits in no more than "
                        f"{PUBLISHER_LINES} lines in the {room:.0f} mm under the title; give cover: spine_publisher a shorter form")
        return
    for line, middle in zip(lines, middles, strict=True):
        place(setter, cover, line, role, size, middle / size, span, False, False, tracking)


def sizes(largest: float, smallest: float) -> list[float]:
    """The publisher's sizes to try, half a point apart.

    >>> sizes(7, 6)
    [7.0, 6.5, 6.0]
    """
    return [largest - 0.5 * i for i in range(int((largest - smallest) / 0.5 + 1e-6) + 1)]


def lines_reach(fonts, lines: list[str], role: str, size: float) -> tuple[float, list[float]]:
    """Mm from the spine's middle to the farthest ink of ``lines`` set across it
    PUBLISHER_LEADING apart, and each line's middle (pt above its baseline,
    as `place` takes it): the block centred on all its ink, marks included."""
    pitch = PUBLISHER_LEADING * size
    rises = [pitch * (len(lines) - 1 - i) for i in range(len(lines))]  # the first line read is the top one
    inks = [ink_height(fonts, t, role) for t in lines]
    low = min(r + i[0] * size for r, i in zip(rises, inks, strict=True))
    high = max(r + i[1] * size for r, i in zip(rises, inks, strict=True))
    middle = (low + high) / 2
    return (high - middle) / MM, [middle - r for r in rises]


def line_width(fonts, text: str, role: str, size: float, tracking: float) -> float:
    """Mm a line run along the spine takes, letterspaced ``tracking`` (1/1000 em) between its letters."""
    plain = sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in fonts.runs(text, role))
    return (plain + tracking / 1000 * size * max(len(text) - 1, 0)) / MM


def place(setter, cover, text: str, role: str, size: float, middle: float, span: tuple[float, float], head: bool,
          vertical: bool, tracking: float | None = None) -> None:
    """``text``'s glyphs on the spine's centre line within ``span`` (mm from the
    head trim), from its head end or up to its foot end; a line run along it
    reads from the head (top-to-bottom) or from the foot, ``middle`` (em) on the centre."""
    centre = (setter.g.folds[0] + setter.g.folds[1]) / 2
    first, last = span
    if vertical:
        top = first if head else last - column_length(setter.fonts, text, role, size) / MM
        cover.spine += [replace(g, weight=dash_weight(setter.fonts, g.text, role, size, True)) if set(g.text) == {RULE} else g
                        for g in set_column(setter.fonts, text, role, size, centre, top)]
        return
    downwards = not setter.book.cover or setter.book.cover.spine_direction == "top-to-bottom"
    angle, offset = (-90, -middle) if downwards else (90, middle)  # a turned line's ascenders point to the front, or the back
    x = centre + offset * size / MM
    runs = setter.fonts.runs(text, role)
    tracking = spine_tracking(setter, text, False) if tracking is None else tracking
    space = tracking / 1000 * size  # pt after each letter but the last
    width = line_width(setter.fonts, text, role, size, tracking)
    start = first if head else last - width  # the line's head end
    y = start if downwards else start + width
    wide = not spine_tracking(setter, text, False)  # a Han or Hangul line: its dash weighed against 一
    for run in runs:
        for piece in dash_pieces(run.text):
            weight = dash_weight(setter.fonts, piece, role, size, False) if wide else 0.0
            cover.spine.append(Glyphs(x, y, piece, run.font, size, angle, space, weight))
            step = (pdfmetrics.stringWidth(piece, run.font, size) + space * len(piece)) / MM
            y += step if downwards else -step


def dash_pieces(text: str) -> list[str]:
    """``text`` parted into runs of dashes and runs of anything else.

    >>> dash_pieces("하이퐁 ― 투쟁"), dash_pieces("70")
    (['하이퐁 ', '―', ' 투쟁'], ['70'])
    """
    return [piece for piece in re.split(f"([{''.join(SPINE_DASHES)}]+)", text) if piece]


def dash_weight(fonts, text: str, role: str, size: float, upright: bool) -> float:
    """Pt of stroke that makes ``text``'s dashes (a column's rule, upright; a
    line's dash, run along it) as thick as the face's own stroke in the same
    direction (丨 across a column, 一 along a line): a two-em dash of the
    box-drawing face or a bar of a bold face is a hairline beside the bold type."""
    if not text or not set(text) <= SPINE_DASHES | {RULE}:
        return 0.0
    run = fonts.runs(text[0], role)[0]
    path, index = fonts.sources.get(run.font) or fonts.files[run.font]  # the whole face, not the edition's subset
    # the face's own stroke in the dash's direction
    boxes = [char_box(path, index, ch) for ch in (text[0], "丨" if upright else "一")]
    if None in boxes:
        return 0.0
    axis = (0, 2) if upright else (1, 3)
    own, stem = (box[axis[1]] - box[axis[0]] for box in boxes)
    return round(max(0.0, STEM_SHARE * stem - own) * size, 3)


def spine_need(fonts, texts: dict[str, str], keys: tuple[str, ...], role: str, size: float, vertical: bool,
               tracking: float = 0.0) -> float:
    """Mm of spine the texts ``keys`` take at ``size``, with the gap between them."""
    if vertical:
        need = sum(column_length(fonts, texts[key], role, size) for key in keys) / MM
    else:
        need = sum(line_width(fonts, texts[key], role, size, tracking) for key in keys)
    return need + SPINE_GAP * (len(keys) - 1)


def column_reach(fonts, strings: list[str], role: str) -> float:
    """The em from a vertical column's centre to its farthest ink: upright
    characters (and numbers set across) are centred by their advance, a small
    kana's ink where its vertical form puts it, turned Latin runs as
    `set_column` turns them."""
    reach = 0.0
    for text in strings:
        for is_upright, chunk in segments(vertical_text(fonts, text, role)):
            if is_upright:
                run = fonts.runs(chunk, role)[0]
                fit = vert_fit(*fonts.sources[run.font], chunk) if len(chunk) == 1 and run.font in fonts.sources else None
                left, right = (fit.left, fit.right) if fit else ink_across(fonts, chunk, role)
                reach = max(reach, -left, right)
            elif chunk.strip():
                low, high = ink_height(fonts, chunk.strip(), role)
                reach = max(reach, LATIN_OFFSET - low, high - LATIN_OFFSET)
    return reach


def too_narrow(setter, cover, smallest: float, reach: float) -> None:
    """No spine text, and a warning naming the page count from which it fits."""
    book, need = setter.book, 2 * (setter.g.clearance + smallest * reach / MM)
    board = book.cover.board_mm if book.cover else 0.0
    pages = pages_for_spine(need, book.paper.caliper_mm, book.binding_style, board, book.binding_multiple)
    cover.note = (f"the spine is {setter.g.spine:g} mm wide ({setter.g.pages} pages); its title's ink at the spine style's "
                  f"{smallest:g} pt needs {need:.2f} mm to keep {setter.g.clearance:g} mm from each fold, so the spine is left without "
                  f"text; spine text becomes possible from {pages} pages on this paper (caliper {book.paper.caliper_mm:g} mm)")
    setter.out.warn("spine-narrow", Where("content/book.yaml", key="paper.caliper_mm"), f"{setter.lang}: {cover.note}")
