"""The paragraph composer on the character grid (Chinese, Japanese), and how
a set line moves its gaps: what a line costs when its gaps open (steeply
past 0.05 em, all but refused past ``GAP_LIMIT``), when its spaces and marks
close up (JLREQ 3.8.2 追い込み) and when a paragraph ends on too few
characters. `book.text.cjk` measures the items
and draws the lines."""

from __future__ import annotations

from book.text.compose import INFEASIBLE, Composer
from book.text.linebreak import NO_START

SPACE_OPEN = 0.125  # em a space opens at most beside CJK gaps (a quarter-em 和欧間 becomes 3/8 em, JLREQ)
LONE_OPEN = 0.25  # ... in a line with no CJK gap to share with (a Latin name alone)
GAP_LIMIT = 0.1  # em: the most a gap between two CJK characters opens (a space: `book.text.cjk.SPACE_UNITS` times it)
UNIT_STRETCH = 0.05  # em per unit at badness 100
BEYOND_LIMIT = 1e5  # badness of a line that needs more than GAP_LIMIT
# A tight line (its marks halved, then its spaces closed, JLREQ 3.8) costs TIGHT_BASE and TIGHT_CUBE times
# the cube of the ems it closes: an eighth of an em off a 和欧間 costs 14, a whole mark's half 900, as much as
# a line spread by 0.06 em (864), so the composer rather pushes a character over and spreads a line by less.
TIGHT_BASE = {"full": 40.0, "squeeze": 0.0}
TIGHT_CUBE = 7200.0
LOOSE_GROWTH = 20.0  # past 0.05 em a gap (UNIT_STRETCH), badness grows this many times faster per 0.05 em
# A paragraph's last line of so few characters (punctuation aside), or shorter than LAST_SHARE of the measure.
SHORT_LAST = {1: 1e8, 2: 5e6, 3: 5e5}
LAST_SHARE, SHORT_SHARE_DEMERITS = 0.2, 5e4
EVEN_ENOUGH = 0.06  # em: a block whose gaps open no further reads even; a looser one tries a narrower grid


def loosest_gap(lines) -> float:
    """The widest a gap between CJK characters opens (em) in the lines of a
    block that do not end a paragraph: the spacing its pieces are drawn with.

    >>> from book.text.blocks import Line, Piece
    >>> round(loosest_gap([Line([Piece(0, "海防", "f", 0.85)], 100, 8.5, 12, last=False), Line([], 0, 8.5, 12)]), 3)
    0.1
    """
    return max((piece.char_space / line.size for line in lines if not line.last and line.size
                for piece in line.pieces), default=0.0)


def adjust(gaps: list[tuple[float, float]], delta: float, size: float) -> list[float]:
    """What each gap adds (pt) so a loose line grows by ``delta``: every gap
    by its units (a space ``SPACE_UNITS`` times a CJK gap), a space no more
    than ``SPACE_OPEN`` (3/8 em in all), the CJK gaps the rest up to
    ``GAP_LIMIT``; what is left stays at the line's end (a line kinsoku left
    no better way to fill).

    >>> [round(a, 3) for a in adjust([(2.5, 2.5), (0.0, 1), (0.0, 0)], 0.7, 10)]
    [0.5, 0.2, 0.0]
    >>> adjust([(2.5, 2.5), (0.0, 1), (0.0, 1)], 3.25, 10)
    [1.25, 1.0, 1.0]
    """
    spaces = [u for _, u in gaps if u > 1]
    cjk = sum(1 for _, u in gaps if u == 1)
    if not spaces and not cjk:
        return [0.0] * len(gaps)
    per_unit = delta / (sum(spaces) + cjk)
    cap = (SPACE_OPEN if cjk else LONE_OPEN) * size
    to_space = {u: min(per_unit * u, cap) for u in spaces}
    to_cjk = min(delta - sum(to_space[u] for u in spaces), GAP_LIMIT * size * cjk) / cjk if cjk else 0.0
    return [to_space[u] if u > 1 else to_cjk if u == 1 else 0.0 for _, u in gaps]


def share(rooms: list[float], over: float) -> tuple[list[float], float]:
    """``over`` (pt) taken from ``rooms`` in proportion to each, and what is left."""
    total = sum(rooms)
    take = min(over, total)
    return [-take * room / total if take else 0.0 for room in rooms], over - take


def tighten(spaces: list[float], brackets: list[float], commas: list[float], over: float,
            stops: list[float] | None = None, floors: list[float] | None = None) -> list[float]:
    """What each gap takes off (pt, negative) so a tight line loses ``over``
    (JLREQ 3.8.2): first the empty halves of its brackets and middle dots,
    then of its commas and colons, shared alike so no mark stands half beside
    a whole one; then its spaces (a 和欧間 down to an eighth of an em); its
    mid-line 。 (``stops``) and then a space's last eighth (``floors``) only
    in a paragraph that has no other way than a line spread past
    ``GAP_LIMIT`` (`book.text.cjk.compose_cjk`).
    A gap between two CJK characters never closes.

    >>> tighten([1.25, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 5.0, 5.0], 7.0)
    [0.0, -3.5, -3.5]
    >>> tighten([1.25, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 5.0, 5.0], 10.5)
    [-0.5, -5.0, -5.0]
    >>> tighten([1.25, 0.0], [0.0, 5.0], [5.0, 0.0], 2.0)
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
    hanging mark hangs whole, and a last line keeps four characters or more.
    A tight line closes its spaces, then its marks' empty halves, never the
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

    def badness(self, natural: float, gaps: int, last: bool, trim: float = 0.0, squeeze: float = 0.0) -> float:
        if trim and natural > self.width + 0.01:
            natural -= trim  # the mark hangs outside the measure
        slack = self.width - natural
        if slack < -0.01:
            # Only the spaces and the marks' empty halves close (``squeeze``): a line needing more breaks elsewhere.
            if -slack > squeeze + 0.01:
                return INFEASIBLE
            size = self.spacing.stretch / UNIT_STRETCH
            return TIGHT_BASE["squeeze" if self.marks_first else "full"] + TIGHT_CUBE * (-slack / size) ** 3
        if not self.justify or last:
            return super().badness(natural, gaps, last)
        if slack <= 0.01:
            return 0.0
        ratio = slack / (self.spacing.stretch * max(gaps, 1))
        if not gaps or slack > GAP_LIMIT / UNIT_STRETCH * self.spacing.stretch * gaps + 0.01:
            return BEYOND_LIMIT * (1 + ratio - GAP_LIMIT / UNIT_STRETCH)  # the looser, the dearer still
        return 100 * ratio ** 3 * (1 + LOOSE_GROWTH * max(0.0, ratio - 1))
