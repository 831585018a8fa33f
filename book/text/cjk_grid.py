"""The paragraph composer on the character grid (Chinese, Japanese), and how
a set line moves its gaps: what a line costs when its gaps open (steeply
past 0.05 em, all but refused past ``GAP_LIMIT``), when its spaces and marks
close up (JLREQ 3.8.2 追い込み) and when a paragraph ends on too few
characters. `book.text.cjk` measures the items
and draws the lines."""

from __future__ import annotations

from book.text.compose import INFEASIBLE, Composer
from book.text.linebreak import NO_START

SPACE_OPEN = 0.25  # em a space opens before the CJK gaps do (a quarter-em space becomes half an em, JLREQ)
GAP_LIMIT = 0.1  # em: the most a gap between two CJK characters opens (a space: `book.text.cjk.SPACE_UNITS` times it)
UNIT_STRETCH = 0.05  # em per unit at badness 100
BEYOND_LIMIT = 1e5  # badness of a line that needs more than GAP_LIMIT
# A tight line (its spaces closed, then its marks halved, JLREQ 3.8) costs more than a solid one and less
# than a loose one (a line spread by 0.05 em: 100): TIGHT_BASE, and TIGHT_PER_EM per em it closes.
TIGHT_BASE = {"full": 40.0, "squeeze": 0.0}
TIGHT_PER_EM = 60.0
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
    """What each gap adds (pt) so a loose line grows by ``delta``: spaces first
    up to half an em (``SPACE_OPEN`` more), then CJK gaps up to ``GAP_LIMIT``;
    what is left stays at the line's end (a line kinsoku left no better way to fill).

    >>> adjust([(2.5, 2.5), (0.0, 1), (0.0, 0)], 3.0, 10)
    [2.5, 0.5, 0.0]
    """
    spaces = [u for _, u in gaps if u > 1]
    cjk = [u for _, u in gaps if u == 1]
    to_spaces = min(delta, SPACE_OPEN * size * len(spaces))
    to_cjk = min(delta - to_spaces, GAP_LIMIT * size * len(cjk))
    return [to_spaces * u / sum(spaces) if u > 1 else to_cjk / len(cjk) if u == 1 else 0.0 for _, u in gaps]


def tighten(gaps: list[float], marks: list[float], over: float) -> list[float]:
    """What each gap takes off (pt, negative) so a tight line loses ``over``:
    its spaces first, in proportion to their room (``gaps``), then its marks'
    empty halves, the last mark first, each whole but the final one taken
    (JLREQ 3.8.2). A gap between CJK characters never closes.

    >>> tighten([1.25, 0.0, 0.0], [0.0, 5.0, 5.0], 7.0)
    [-1.25, -0.75, -5.0]
    """
    from_spaces = min(over, sum(gaps))
    out = [-from_spaces * g / sum(gaps) if from_spaces else 0.0 for g in gaps]
    rest = over - from_spaces
    for number in range(len(marks) - 1, -1, -1):
        take = min(rest, marks[number])
        out[number] -= take
        rest -= take
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
            return TIGHT_BASE["squeeze" if self.marks_first else "full"] + TIGHT_PER_EM * -slack / size
        if not self.justify or last:
            return super().badness(natural, gaps, last)
        if slack <= 0.01:
            return 0.0
        ratio = slack / (self.spacing.stretch * max(gaps, 1))
        if not gaps or slack > GAP_LIMIT / UNIT_STRETCH * self.spacing.stretch * gaps + 0.01:
            return BEYOND_LIMIT * (1 + ratio - GAP_LIMIT / UNIT_STRETCH)  # the looser, the dearer still
        return 100 * ratio ** 3 * (1 + LOOSE_GROWTH * max(0.0, ratio - 1))
