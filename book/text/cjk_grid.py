"""The paragraph composer on the character grid (Chinese, Japanese), and how
a set line moves its gaps: what a line costs when its gaps open (steeply
past 0.05 em, all but refused past ``GAP_LIMIT``), when its spaces and marks
close up (JLREQ 3.8.2 追い込み) and when a paragraph ends on too few
characters. `book.text.cjk` measures the items
and draws the lines."""

from __future__ import annotations

from book.text.cjk_spaces import LATIN_UNITS, ROOM_UNITS
from book.text.compose import INFEASIBLE, LOOSE, OVERFULL_DEMERITS, Composer
from book.text.linebreak import NO_START

SPACE_OPEN = 0.125  # em a word space opens at most beside CJK gaps
# A 和欧間 opens first, before any gap between characters (JLREQ 3.8.3 allows it half an em), to its language's
#   most (`book.text.cjk_spaces.LATIN_MOST`: zh a quarter, ja 5/16): the seventh proofs marked 0.375 as gaps.
LATIN_EASE = 40.0  # badness of a line whose 和欧間 all open to their most (its CJK gaps solid)
LONE_OPEN = 0.25  # ... in a line with no CJK gap to share with (a Latin name alone)
GAP_LIMIT = 0.1  # em: the most a gap between two CJK characters opens (a space: `book.text.cjk.SPACE_UNITS` times it)
UNIT_STRETCH = 0.05  # em per unit at badness 100
BEYOND_LIMIT = 1e6  # badness of a line that needs more than GAP_LIMIT: its demerits (1e12) top every break's price
#   (`book.text.cjk_breaks`, to KATAKANA_SHORT's 1e11), so a justified line is left short only where nothing else sets
# A tight line (its spaces closed, then its marks halved, JLREQ 3.8) costs TIGHT_BASE and TIGHT_CUBE times
# the cube of the ems it closes: an eighth of an em off a 和欧間 costs 60, a quarter 200, a mark's half 1290
# (demerits 1.7e6: more than a line spread by 0.06 em or a word parted, less than a name or a strong word
# parted, `book.text.cjk_breaks`), a whole em more than a line at the limit: mid-line 、（）・ close only
# to pull a character back (追い込み) where the paragraph has no better way; a line-end mark set half-width
# asks a line 0.5 em more, and at 20000 the eighth build parted 3 more words in zh (高|速公路, 船|舶) instead.
# ``punctuation: squeeze`` closes marks at the old price.
TIGHT_BASE = {"full": 40.0, "squeeze": 0.0}
TIGHT_CUBE = {"full": 10000.0, "squeeze": 7200.0}
LOOSE_GROWTH = 20.0  # past 0.05 em a gap (UNIT_STRETCH), badness grows this many times faster per 0.05 em
RETRY_OPEN = 0.06  # em: a paragraph with a line whose CJK gaps open past this tries the composer's next passes
#   (a mid-line 。 closed, a kept phrase parted; `book.text.cjk.compose_cjk`), the cheapest set kept: the ninth zh
#   proof's p13 (0.092), p27 (0.100) and p31 (0.087) stopped at the first pass, under the 0.1 em limit.
RETRY_BADNESS = 100 * (RETRY_OPEN / UNIT_STRETCH) ** 3 * (1 + LOOSE_GROWTH * (RETRY_OPEN / UNIT_STRETCH - 1))
# A paragraph's last line of so few characters (punctuation aside), or shorter than LAST_SHARE of the measure.
SHORT_LAST = {1: 1e8, 2: 5e6, 3: 5e5}
LAST_SHARE, SHORT_SHARE_DEMERITS = 0.2, 5e4
# Two neighbouring lines of one paragraph in classes this far apart (0 tight: a space or mark closes; 1 solid or
# barely open; 2 loose: its gaps past LOOSE_CLASS or its 和欧間 past half their room) cost this much more: the
# seventh ja proof's p53 set a line at 0.082 em over one with its 和欧間 closed to 0.176 em (JLREQ 3.8: adjust
# the paragraph, not the line). A jump from tight to loose costs as much as a line at about 0.055 em.
SMOOTH = (0.0, 2e3, 1e5)
LOOSE_CLASS = 0.03  # em
THIN_LAST = 4  # characters (marks aside) of a last line under full ones that flaws its paragraph (「祝う。」, 「ている。」, 「献了力量。」)
FLAW = 3e7  # a set text's price (`line_cost`) that flaws it: a line at about 0.08 em, a katakana word or a name parted


def loosest_gap(lines) -> float:
    """The widest a gap between CJK characters opens (em) in the lines of a
    block that do not end a paragraph: the spacing its pieces are drawn with.

    >>> from book.text.blocks import Line, Piece
    >>> round(loosest_gap([Line([Piece(0, "海防", "f", 0.85)], 100, 8.5, 12, last=False), Line([], 0, 8.5, 12)]), 3)
    0.1
    """
    return max((piece.char_space / line.size for line in lines if not line.last and line.size
                for piece in line.pieces), default=0.0)


def split_units(units: float) -> tuple[int, float, float]:
    """A line's units: how many 和欧間 it holds, the ems they may open by
    together (`book.text.cjk_spaces.latin_units`), and the units of its other gaps.

    >>> split_units(2 * LATIN_UNITS + 3 * ROOM_UNITS + 12.5)
    (2, 0.1875, 12.5)
    """
    latin = int(units // LATIN_UNITS + 1e-9)
    rest = units - latin * LATIN_UNITS
    room = int(rest // ROOM_UNITS + 1e-9)
    return latin, room / 16, rest - room * ROOM_UNITS


def latin_room(units: float, size: float) -> float:
    """What one 和欧間 of ``units`` may open by (pt)."""
    return round((units - LATIN_UNITS) / ROOM_UNITS) / 16 * size


def fill_latin(gaps: list[tuple[float, float]], delta: float, size: float) -> list[float]:
    """What each 和欧間 of a loose line opens by (pt): the narrowest first, so
    they open to one width (an eighth-em "1955 年" beside a quarter-em "LG"),
    each to its most, together by no more than ``delta``; the same on both
    sides of a Latin run.

    >>> [round(a, 3) for a in fill_latin([(1.25, LATIN_UNITS + 2 * ROOM_UNITS), (2.5, LATIN_UNITS), (0, 1)], 1.0, 10)]
    [1.0, 0.0, 0.0]
    >>> [round(a, 3) for a in fill_latin([(2.5, LATIN_UNITS + ROOM_UNITS)] * 2, 0.5, 10)]
    [0.25, 0.25]
    """
    tops = {n: width + latin_room(u, size) for n, (width, u) in enumerate(gaps) if u >= LATIN_UNITS}
    if not tops:
        return [0.0] * len(gaps)
    low, high = min(gaps[n][0] for n in tops), max(tops.values())
    for _ in range(40):  # the level the narrowest gaps rise to
        level = (low + high) / 2
        if sum(max(0.0, min(level, tops[n]) - gaps[n][0]) for n in tops) > delta:
            high = level
        else:
            low = level
    return [max(0.0, min(low, tops[n]) - gaps[n][0]) if n in tops else 0.0 for n in range(len(gaps))]


def adjust(gaps: list[tuple[float, float]], delta: float, size: float) -> list[float]:
    """What each gap adds (pt) so a loose line grows by ``delta`` (JLREQ
    3.8.3): first its 和欧間 (`fill_latin`); then every other
    gap by its units (a word space ``SPACE_UNITS`` times a CJK gap), a word
    space no more than ``SPACE_OPEN``, the CJK gaps the rest up to
    ``GAP_LIMIT``; what is left stays at the line's end (only where no break
    sets the paragraph otherwise: `GridComposer.badness` prices such a line
    over every break's price).

    >>> [round(a, 3) for a in adjust([(2.5, LATIN_UNITS + ROOM_UNITS), (0.0, 1), (0.0, 0)], 0.825, 10)]
    [0.625, 0.2, 0.0]
    >>> [round(a, 3) for a in adjust([(2.6, 2.5), (0.0, 1), (0.0, 0)], 0.7, 10)]
    [0.5, 0.2, 0.0]
    >>> adjust([(2.5, LATIN_UNITS), (0.0, 1), (0.0, 1)], 2.0, 10)
    [0.0, 1.0, 1.0]
    """
    latin = fill_latin(gaps, delta, size)
    delta -= sum(latin)
    spaces = [u for _, u in gaps if 1 < u < LATIN_UNITS]
    cjk = sum(1 for _, u in gaps if u == 1)
    if delta <= 1e-9 or (not spaces and not cjk):
        return latin
    per_unit = delta / (sum(spaces) + cjk)
    cap = (SPACE_OPEN if cjk else LONE_OPEN) * size
    to_space = {u: min(per_unit * u, cap) for u in spaces}
    to_cjk = min(delta - sum(to_space[u] for u in spaces), GAP_LIMIT * size * cjk) / cjk if cjk else 0.0
    return [a if u >= LATIN_UNITS else to_space[u] if u > 1 else to_cjk if u == 1 else 0.0
            for a, (_, u) in zip(latin, gaps, strict=True)]


def share(rooms: list[float], over: float) -> tuple[list[float], float]:
    """``over`` (pt) taken from ``rooms`` in proportion to each, and what is left."""
    total = sum(rooms)
    take = min(over, total)
    return [-take * room / total if take else 0.0 for room in rooms], over - take


def tighten(spaces: list[float], brackets: list[float], commas: list[float], over: float,
            stops: list[float] | None = None, floors: list[float] | None = None) -> list[float]:
    """What each gap takes off (pt, negative) so a tight line loses ``over``
    (JLREQ 3.8.2): first its word spaces (a 和欧間 keeps its quarter em);
    then the empty halves of its brackets and middle dots,
    then of its commas and colons, shared alike so no mark stands half beside
    a whole one; its mid-line 。 (``stops``) and then a 和欧間's last sixteenth
    (``floors``) only in a paragraph that has no other way than a line
    spread past ``GAP_LIMIT`` (`book.text.cjk.compose_cjk`). A gap between
    two CJK characters never closes.

    >>> tighten([1.25, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 5.0, 5.0], 1.0)
    [0.0, -0.5, -0.5]
    >>> tighten([1.25, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 5.0, 5.0], 10.5)
    [-0.5, -5.0, -5.0]
    >>> tighten([0.0, 0.0], [0.0, 5.0], [5.0, 0.0], 2.0)
    [0.0, -2.0]
    """
    out = [0.0] * len(spaces)
    for rooms in (brackets, commas, spaces, stops or [0.0] * len(spaces), floors or [0.0] * len(spaces)):
        taken, over = share(rooms, over)
        out = [a + b for a, b in zip(out, taken, strict=True)]
    return out


class GridComposer(Composer):
    """The paragraph composer with JLREQ's limits: a line that would open its
    CJK gaps past ``GAP_LIMIT`` is all but refused, one past half that costs
    steeply more (so earlier lines take a character more or less instead), a
    line-end mark is half-width, and a last line keeps four characters or more.
    A loose line opens its 和欧間 first (to its language's most), then its other gaps.
    A tight line closes its marks' empty halves, then its spaces, never the
    gaps between characters; ``marks_first`` (``punctuation: squeeze``)
    prices that as cheap as a solid line."""

    marks_first = True

    def last_line_demerits(self, start, natural: float = 0.0) -> float:
        """A last line of fewer than four characters besides its punctuation
        ("前身。"), or shorter than a fifth of the measure."""
        if start.index < 0:
            return 0.0
        text = "".join(item.atom.text for item in self.items[start.index + 1:])
        count = sum(1 for ch in text if ch not in NO_START and not ch.isspace())
        return SHORT_LAST.get(count, 0.0) + (SHORT_SHARE_DEMERITS if natural < LAST_SHARE * self.width else 0.0)

    def fitness(self, natural: float, gaps: float, last: bool, trim: float) -> int:
        """The line's class for `SMOOTH`: 0 tight, 1 solid or barely open, 2 loose."""
        slack = self.width - natural + trim
        if slack < -0.01:
            return 0
        if last or not self.justify:
            return 1
        _, room, units = split_units(gaps)
        size = self.spacing.stretch / UNIT_STRETCH
        spread = max(0.0, slack - room * size) / (size * max(units, 1))
        return 2 if spread > LOOSE_CLASS or (room and slack > 0.5 * room * size) else 1

    def reach(self, end, last: bool) -> None:
        """The cheapest ways to end a line at ``end`` (never inside an item), one
        per class of the line (`fitness`), each from every start that fits, a
        line priced by its class beside the line before (`SMOOTH`)."""
        row: list[float] = [INFEASIBLE] * len(SMOOTH)
        links: list[tuple[int, int] | None] = [None] * len(SMOOTH)
        end_width = self.widths[end.index + 1] + self.spaces[end.index]
        trim = self.trim(end)
        end_gaps = self.gaps[end.index]
        end_squeeze = self.squeezes[end.index] + self.items[end.index].squeeze_in
        width, order, costs = self.width, self.order, self.costs
        while (self.lo < len(order) - 1 and end_width - trim + self.start_width[self.lo]
               - (end_squeeze - self.start_squeeze[self.lo]) > width + 0.01):
            self.lo += 1  # starts before ``lo`` give lines too wide for this end and every later one
        for position in range(self.lo, len(order)):
            start = order[position]
            if start.index == end.index:
                continue
            natural = end_width + self.start_width[position]
            if not last and natural < LOOSE * width and min(row) < INFEASIBLE:
                break  # looser lines still: never better than one already found
            gaps = end_gaps - self.start_gaps[position]
            bad = self.badness(natural, gaps, last, trim, end_squeeze - self.start_squeeze[position])
            if bad == INFEASIBLE:
                if start.index != end.index - 1:
                    continue
                line = OVERFULL_DEMERITS  # one item wider than the line: the only way on
            else:
                line = (10 + bad) ** 2
            line += self.last_line_demerits(start, natural) if last else self.items[end.index].penalty
            now = self.fitness(natural, gaps, last, trim)
            for before, previous in enumerate(costs[position]):
                if previous == INFEASIBLE:
                    continue
                cost = previous + line + (0.0 if last or start.index < 0 else SMOOTH[abs(before - now)])
                if cost < row[now]:
                    row[now], links[now] = cost, (position, before)
        costs.append(row)
        self.back.append(links)

    def badness(self, natural: float, gaps: int, last: bool, trim: float = 0.0, squeeze: float = 0.0) -> float:
        natural -= trim  # a line-end mark is set half-width, its ink flush with the measure (JIS X 4051 行末二分)
        slack = self.width - natural
        if slack < -0.01:
            # Only the spaces and the marks' empty halves close (``squeeze``): a line needing more breaks elsewhere.
            if -slack > squeeze + 0.01:
                return INFEASIBLE
            size = self.spacing.stretch / UNIT_STRETCH
            mode = "squeeze" if self.marks_first else "full"
            return TIGHT_BASE[mode] + TIGHT_CUBE[mode] * (-slack / size) ** 3
        if not self.justify or last:
            return super().badness(natural, gaps, last)
        if slack <= 0.01:
            return 0.0
        _, room, units = split_units(gaps)
        room *= self.spacing.stretch / UNIT_STRETCH
        opened = min(slack, room)
        ease = LATIN_EASE * (opened / room) ** 3 if room else 0.0  # the 和欧間 open first
        slack -= opened
        if slack <= 0.01:
            return ease
        ratio = slack / (self.spacing.stretch * max(units, 1))
        if not units or slack > GAP_LIMIT / UNIT_STRETCH * self.spacing.stretch * units + 0.01:
            return BEYOND_LIMIT * (1 + ratio - GAP_LIMIT / UNIT_STRETCH)  # the looser, the dearer still
        return ease + 100 * ratio ** 3 * (1 + LOOSE_GROWTH * max(0.0, ratio - 1))


def line_text(line) -> str:
    return "".join(piece.text for piece in line.pieces)


def line_cost(line, penalty: float) -> float:
    """What a set line costs as the grid composer prices it: the price of
    its break (a word or a name parted, `book.text.cjk_breaks`) and its
    widest gap between characters (a line at 0.06 em about 7.6e5, at 0.087
    em 7e7); `book.text.cjk.draw_cjk_line` prices a paragraph's last line
    of ``THIN_LAST`` characters or fewer (「祝う。」) at ``FLAW``. What a
    card's measure and a caption's are judged by (`book.text.card_fit`,
    `book.text.captions.set_caption`).

    >>> from book.text.blocks import Line, Piece
    >>> round(line_cost(Line([Piece(0, "海防", "f", 0.06 * 8.5)], 100, 8.5, 12, last=False), 0.0), -4)
    760000.0
    """
    spread = max((piece.char_space / line.size for piece in line.pieces if piece.char_space > 0), default=0.0)
    ratio = spread / UNIT_STRETCH
    return penalty + (10 + 100 * ratio ** 3 * (1 + LOOSE_GROWTH * max(0.0, ratio - 1))) ** 2 if not line.last else penalty

