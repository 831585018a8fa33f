"""The paragraph composer on the character grid (Chinese, Japanese): what a
line costs when its gaps open (steeply past 0.05 em, all but refused past
``GAP_LIMIT``), when its marks close up (JLREQ 3.8.2 追い込み) and when a
paragraph ends on too few characters. `book.text.cjk` measures the items
and draws the lines."""

from __future__ import annotations

from book.text.compose import INFEASIBLE, Composer
from book.text.linebreak import NO_START

GAP_LIMIT = 0.1  # em: the most a gap between two CJK characters opens (a space: `book.text.cjk.SPACE_UNITS` times it)
UNIT_STRETCH = 0.05  # em per unit at badness 100
BEYOND_LIMIT = 1e5  # badness of a line that needs more than GAP_LIMIT
SQUEEZE_BADNESS = 25.0  # per em of marks' empty halves closed up in a line (a line spread by 0.05 em: 100)
# With full-width marks (``punctuation: full``) a line closes them only when nothing else fits: dearer
# than a line opened to GAP_LIMIT (and a katakana word broken), cheaper than one opened past it.
LAST_RESORT = 4e4
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


class GridComposer(Composer):
    """The paragraph composer with JLREQ's limits: a line that would open its
    CJK gaps past ``GAP_LIMIT`` is all but refused, one past half that costs
    steeply more (so earlier lines take a character more or less instead), a
    hanging mark hangs whole, and a last line keeps four characters or more.
    ``marks_first``: a tight line closes its marks' empty halves before its
    gaps (``punctuation: squeeze``); else after them, as a last resort."""

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
        if slack < -0.01 and not self.marks_first:
            return self.tight_badness(-slack, gaps, last, squeeze)
        if slack < -0.01:
            # First the marks' empty halves close up (cheap: punctuation set half-width, JLREQ 3.8.2).
            marks = min(-slack, squeeze)
            bad = SQUEEZE_BADNESS * marks / self.spacing.stretch * UNIT_STRETCH
            rest = -slack - marks
            if rest <= 0.01:
                return bad
            if last:
                return INFEASIBLE  # a paragraph's last line keeps its gaps solid: it breaks earlier rather than close up
            shrink = self.spacing.shrink * gaps
            if shrink <= 0 or rest > shrink + 0.01:
                return INFEASIBLE
            return bad + 100 * (rest / shrink) ** 3
        if not self.justify or last:
            return super().badness(natural, gaps, last)
        if slack <= 0.01:
            return 0.0
        ratio = slack / (self.spacing.stretch * max(gaps, 1))
        if not gaps or slack > GAP_LIMIT / UNIT_STRETCH * self.spacing.stretch * gaps + 0.01:
            return BEYOND_LIMIT * (1 + ratio - GAP_LIMIT / UNIT_STRETCH)  # the looser, the dearer still
        return 100 * ratio ** 3 * (1 + LOOSE_GROWTH * max(0.0, ratio - 1))

    def tight_badness(self, over: float, gaps: int, last: bool, squeeze: float) -> float:
        """A line ``over`` pt too long with full-width marks: its gaps close
        first (not on a paragraph's last line), then, as a last resort, its marks."""
        shrink = 0.0 if last else self.spacing.shrink * gaps
        closed = min(over, shrink)
        bad = 100 * (closed / shrink) ** 3 if shrink else 0.0
        rest = over - closed
        if rest <= 0.01:
            return bad
        if rest > squeeze + 0.01:
            return INFEASIBLE
        return bad + LAST_RESORT + SQUEEZE_BADNESS * rest / self.spacing.stretch * UNIT_STRETCH
