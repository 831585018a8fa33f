"""The paragraph composer: line breaks chosen for a whole paragraph at once
(total fit, after Knuth and Plass), not line by line.

Each candidate line gets a cost from how far its spacing departs from the
natural (uneven justification, ragged edges), plus penalties for hyphens and
a stub last line; the cheapest sequence of lines wins. Kinsoku and the units
that never break are settled before, in the atoms (``linebreak``); the
hyphen rules are hard: at least 3 letters either side, at most 2 hyphenated
lines in a row (1 in Latin text, `book.text.latin`), none on the first or
the penultimate line and none in the last word. In
Chinese and Japanese the gaps between characters may tighten or loosen a
little (JLREQ 3.8) rather than leave one character alone on the last line.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from book.text.linebreak import NO_START, Atom
from book.text.sense import DISPLAY_FILL, PROSE_BALANCE, fragment_cost, is_prose, pause_cost, runt_cost

INFEASIBLE = float("inf")
HYPHEN_DEMERITS = 3000.0
DOUBLE_HYPHEN_DEMERITS = 10000.0
OVERFULL_DEMERITS = 1e9  # a word wider than the line: the only way through
STUB_DEMERITS = 1e7  # one character alone on a CJK last line
SHORT_LAST_DEMERITS = 2e5  # two CJK characters, or one short Latin word, alone on the last line
SHORT_WORD = 6  # letters: a last line of one word shorter than this is a stub
MAX_HYPHENS_IN_A_ROW = 2
RAGGED_RANGE = 0.25  # a ragged line this much shorter than the measure has badness 100
AWFUL_RATIO = 100 ** (1 / 3)  # stretch over what the gaps allow, where the badness reaches 10000
LOOSER = 500.0  # badness per unit of stretch ratio past it
LOOSE = 0.4  # a line filling less of the measure than this is never chosen when a fuller one exists
# Display lines (titles): sense first, then even lines, then as few as will do.
DISPLAY_LINE = 40.0  # each line: a title shrinks less often than it would take another
DISPLAY_BALANCE = 30.0  # times the square of the share a line falls short of the longest (of the measure, in the DP)
DISPLAY_ORPHAN = 500.0  # one word (or "50年") alone on the last line
DISPLAY_WAYS = 3000  # ways to break a title tried one by one; beyond, the paragraph DP


@dataclass
class Item:
    """A measured atom: its width, the space after it, and where it may hyphenate."""

    atom: Atom
    width: float
    space: float
    splits: list[tuple[Atom, Atom, float, float]]  # (head with hyphen, tail, head width, tail width)
    trim_start: float = 0.0  # taken off when a line starts with it (an opening bracket's empty half)
    trim_end: float = 0.0  # may be taken off when a line ends with it and is too long (a closing mark's empty half)
    penalty: float = 0.0  # display lines: the cost of a break after it (`book.text.sense`)
    units: float | None = None  # adjustable gaps it brings to a line, when not one per space (`book.text.cjk`)
    squeeze: float = 0.0  # CJK: what its marks' empty halves give a tight line mid-line (JLREQ 追い込み)
    squeeze_in: float = 0.0  # ... as a line's last item (its last mark gives ``trim_end`` instead)
    squeeze_lead: float = 0.0  # ... of that, what the gap before it gives (none at a line's start)


@dataclass(frozen=True)
class Spacing:
    """How much a gap between items may stretch and shrink (pt)."""

    stretch: float
    shrink: float
    every_gap: bool  # CJK: every gap between items adjusts, not only spaces


@dataclass(frozen=True)
class Break:
    """A line ends after item ``index`` (``split`` None) or inside it, at hyphen option ``split``."""

    index: int
    split: int | None = None


@dataclass
class Chosen:
    start: Break
    end: Break
    natural: float
    gaps: int
    last: bool


def letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


class Composer:
    rules = None  # Latin rules (stub last lines, hyphens: `book.text.latin.Rules`), set per paragraph

    def __init__(self, items: list[Item], width: float, indent: float, spacing: Spacing, justify: bool, cjk: bool,
                 balance: bool = False):
        self.items, self.width, self.indent = items, width, indent
        self.spacing, self.justify, self.cjk, self.balance = spacing, justify, cjk, balance
        self.prose = balance and is_prose([item.atom.text for item in items])  # a blurb: its lines run full
        self.widths, self.spaces = [0.0], [0.0]
        self.gaps = [0]
        self.squeezes = [0.0]
        for item in items:
            self.squeezes.append(self.squeezes[-1] + item.squeeze)
            self.widths.append(self.widths[-1] + item.width)
            self.spaces.append(self.spaces[-1] + item.space)
            self.gaps.append(self.gaps[-1] + (item.units if item.units is not None else
                                              1 if item.space or spacing.every_gap else 0))

    def measure(self, start: Break, end: Break) -> tuple[float, int]:
        """Natural width and adjustable gaps of the line from ``start`` to ``end``."""
        first = start.index if start.split is not None else start.index + 1
        last_whole = end.index if end.split is None else end.index - 1
        natural = self.indent if start.index < 0 else 0.0
        if start.split is not None:
            natural += self.items[start.index].splits[start.split][3]
        elif start.index >= 0:
            natural -= self.items[first].trim_start
        natural += self.widths[last_whole + 1] - self.widths[start.index + 1]
        natural += self.spaces[end.index] - self.spaces[first]
        if end.split is not None:
            natural += self.items[end.index].splits[end.split][2]
        return natural, self.gaps[end.index] - self.gaps[first]

    def trim(self, end: Break) -> float:
        """What the line ending at ``end`` may give up before its gaps shrink (JLREQ 3.8)."""
        return self.items[end.index].trim_end if end.split is None else 0.0

    def badness(self, natural: float, gaps: int, last: bool, trim: float = 0.0, squeeze: float = 0.0) -> float:
        slack = self.width - natural
        if slack < -0.01:
            shrink = self.spacing.shrink * gaps + trim + squeeze
            if shrink <= 0 or -slack > shrink + 0.01:
                return INFEASIBLE
            return 100 * (-slack / shrink) ** 3
        if last and not self.balance:
            return 0.0
        if self.justify and not last:
            stretch = self.spacing.stretch * gaps
            if self.spacing.stretch <= 0:
                return 10000.0
            ratio = slack / max(stretch, self.spacing.stretch)  # a line of one item stretches like one gap
            # Past 10000 ("awful") a looser line still costs more, so a long name kept whole
            # does not leave one line of six characters spread over the measure.
            return 100 * ratio ** 3 if ratio <= AWFUL_RATIO else 10000.0 + LOOSER * (ratio - AWFUL_RATIO)
        return 100 * (slack / (RAGGED_RANGE * self.width)) ** 2

    def last_line_demerits(self, start: Break, natural: float = 0.0) -> float:
        """A stub last line: one or two CJK characters, or one short Latin word."""
        if start.index < 0:
            return 0.0  # the paragraph is one line
        if self.rules is not None:
            return self.rules.last_line(self.items, start, natural, self.width)
        if self.cjk:
            tail = self.items[start.index].splits[start.split][1].text if start.split is not None else ""
            text = tail + "".join(item.atom.text for item in self.items[start.index + 1:])
            count = sum(1 for ch in text if ch not in NO_START and not ch.isspace())
            return STUB_DEMERITS if count <= 1 else SHORT_LAST_DEMERITS if count == 2 else 0.0
        if start.split is None and start.index == len(self.items) - 2:
            word = self.items[-1].atom.text
            if letters(word) < SHORT_WORD:
                return SHORT_LAST_DEMERITS
        return 0.0

    def fits(self, natural: float, gaps: int, trim: float = 0.0) -> bool:
        return natural <= self.width + self.spacing.shrink * gaps + trim + 0.01

    def fewest_lines(self) -> int | None:
        """The fewest lines the items fill (greedy is optimal for the count); None if an item is too wide."""
        count, start = 1, Break(-1)
        for index in range(len(self.items) - 1):
            if not self.fits(*self.measure(start, Break(index + 1)), self.trim(Break(index + 1))):
                if not self.fits(*self.measure(start, Break(index)), self.trim(Break(index))):
                    return None
                count, start = count + 1, Break(index)
        return count

    def compose_display(self) -> list[Chosen] | None:
        """A title's lines: every way to set it in the fewest lines, or one more,
        weighed by the sense of its breaks and how even its lines are (against the
        longest, which the paragraph DP cannot see). None when there are too many
        ways (a long text set in a display style): the DP sets it then."""
        n = len(self.items)
        fewest = self.fewest_lines()
        if fewest is None:
            return None
        best: tuple[float, tuple[int, ...]] | None = None
        for count in (fewest, fewest + 1):
            if count > n or math.comb(n - 1, count - 1) > DISPLAY_WAYS:
                continue
            for cuts in itertools.combinations(range(n - 1), count - 1):
                ends = (*cuts, n - 1)
                starts = (-1, *cuts)
                measured = [self.measure(Break(a), Break(b)) for a, b in zip(starts, ends, strict=True)]
                if not all(self.fits(*m, self.trim(Break(b))) for m, b in zip(measured, ends, strict=True)):
                    continue
                longest = max(natural for natural, _ in measured)
                cost = DISPLAY_LINE * count + sum(self.items[c].penalty for c in cuts)
                cost += (PROSE_BALANCE if self.prose else DISPLAY_BALANCE) * sum((1 - min(natural, longest) / longest) ** 2 for natural, _ in measured)
                cost += self.display_last_demerits(Break(cuts[-1])) if cuts else 0.0
                cost += runt_cost(measured[-1][0], longest, count, self.items[cuts[-1]].penalty if cuts else 0.0)
                cost += fragment_cost([natural for natural, _ in measured], [self.items[c].penalty for c in cuts])
                cost += sum(pause_cost([item.atom.text for item in self.items[a + 1:b + 1]], self.items[b].penalty, b == n - 1)
                            for a, b in zip(starts, ends, strict=True))
                cost += sum(self.badness(natural, gaps, False, self.trim(Break(b)))
                            for (natural, gaps), b in zip(measured, ends, strict=True) if natural > self.width)
                if best is None or cost < best[0] - 1e-9:
                    best = (cost, ends)
        if best is None:
            return None
        ends = best[1]
        lines = []
        for number, (a, b) in enumerate(zip((-1, *ends[:-1]), ends, strict=True)):
            natural, gaps = self.measure(Break(a), Break(b))
            lines.append(Chosen(Break(a), Break(b), natural, gaps, number == len(ends) - 1))
        return lines

    def display_demerits(self, natural: float, bad: float, last: bool = False) -> float:
        """A display line: each line costs, and so does the room it leaves (so
        lines come out even, in prose the last aside more so); the sense of the break weighs more (``penalty``)."""
        slack = max(0.0, self.width - natural) / self.width
        return DISPLAY_LINE + (DISPLAY_BALANCE + (DISPLAY_FILL if self.prose and not last else 0.0)) * slack ** 2 + (bad if natural > self.width else 0.0)

    def display_last_demerits(self, start: Break) -> float:
        """A title's last line of one word, or of a phrase of three characters or fewer ("50年")."""
        if start.index < 0:
            return 0.0
        rest = self.items[start.index + 1:]
        if self.cjk:
            count = sum(1 for item in rest for ch in item.atom.text if ch not in NO_START and not ch.isspace())
            return DISPLAY_ORPHAN if count <= 3 else 0.0
        words = sum(len(item.atom.text.split()) for item in rest)
        return DISPLAY_ORPHAN if words <= 1 else 0.0

    def candidates(self, index: int) -> list[Break]:
        """Break positions inside item ``index`` (hyphens), then after it."""
        return [Break(index, k) for k in range(len(self.items[index].splits))] + [Break(index)]

    def compose(self) -> list[Chosen]:
        n = len(self.items)
        final = Break(n - 1)
        self.total = 0.0
        whole, gaps = self.measure(Break(-1), final)
        if whole <= self.width + 0.01:
            return [Chosen(Break(-1), final, whole, gaps, True)]  # one line: nothing to choose
        if self.balance:
            lines = self.compose_display()
            if lines:
                return lines
        self.order = [Break(-1)]
        self.lo = 0
        # Per break position, its terms of a line's width and gap count when a line starts there.
        self.start_width, self.start_gaps, self.start_squeeze = [self.indent], [0], [0.0]
        # costs[p][run]: the least demerits to reach break ``order[p]`` with ``run`` hyphenated lines in a row
        self.costs: list[list[float]] = [[0.0] + [INFEASIBLE] * MAX_HYPHENS_IN_A_ROW]
        self.back: list[list[tuple[int, int] | None]] = [[None] * (MAX_HYPHENS_IN_A_ROW + 1)]
        for index in range(n):
            for end in self.candidates(index):
                self.reach(end, end == final)
                first = end.index if end.split is not None else end.index + 1
                tail = self.items[end.index].splits[end.split][3] if end.split is not None else (
                    -self.items[first].trim_start if first < n else 0.0)
                self.order.append(end)
                self.start_width.append(tail - self.widths[end.index + 1] - self.spaces[first])
                self.start_gaps.append(self.gaps[first])
                self.start_squeeze.append(self.squeezes[first] + (self.items[first].squeeze_lead if first < n else 0.0))
        position = len(self.order) - 1
        run = min(range(MAX_HYPHENS_IN_A_ROW + 1), key=lambda r: self.costs[position][r])
        self.total = self.costs[position][run]  # the chosen lines' demerits
        lines: list[Chosen] = []
        while self.back[position][run] is not None:
            previous, prev_run = self.back[position][run]
            natural, gaps = self.measure(self.order[previous], self.order[position])
            lines.append(Chosen(self.order[previous], self.order[position], natural, gaps, not lines))
            position, run = previous, prev_run
        return lines[::-1] or self.overfull()

    def overfull(self) -> list[Chosen]:
        """No feasible way through (a word wider than the measure, with hyphen
        options that leave no whole-word start): as many whole items as fit on
        each line, at least one, so no text is lost; `book.text.overset` reports
        the lines that overrun."""
        lines, start = [], Break(-1)
        for index in range(len(self.items)):
            end = Break(index)
            if index > start.index + 1 and not self.fits(*self.measure(start, end), self.trim(end)):
                lines.append(Chosen(start, Break(index - 1), *self.measure(start, Break(index - 1)), False))
                start = Break(index - 1)
        final = Break(len(self.items) - 1)
        return [*lines, Chosen(start, final, *self.measure(start, final), True)]

    def reach(self, end: Break, last: bool) -> None:
        """The cheapest ways to end a line at ``end``, from every start that fits."""
        hyphen = end.split is not None
        row = [INFEASIBLE] * (MAX_HYPHENS_IN_A_ROW + 1)
        links: list[tuple[int, int] | None] = [None] * (MAX_HYPHENS_IN_A_ROW + 1)
        last_whole = end.index if end.split is None else end.index - 1
        end_width = self.widths[last_whole + 1] + self.spaces[end.index]
        if hyphen:
            end_width += self.items[end.index].splits[end.split][2]
        trim = self.trim(end)
        item = self.items[end.index]  # ragged Latin: what the whole word adds, against its hyphenated head
        whole = item.width - item.trim_end - item.splits[end.split][2] if hyphen and not self.justify and self.rules else None
        end_gaps = self.gaps[end.index]
        end_squeeze = self.squeezes[end.index] + (self.items[end.index].squeeze_in if not hyphen else 0.0)
        width, shrink, order, costs = self.width, self.spacing.shrink, self.order, self.costs
        # Starts before ``lo`` give lines too wide for this end and every later one.
        while (self.lo < len(order) - 1
               and end_width - trim + self.start_width[self.lo] - shrink * (end_gaps - self.start_gaps[self.lo])
               - (end_squeeze - self.start_squeeze[self.lo]) > width + 0.01):
            self.lo += 1
        for position in range(self.lo, len(order)):
            start = order[position]
            if start.index == end.index and (start.split is None or hyphen):
                continue  # no line, or a word split twice
            if last and start.split is not None:
                continue  # no hyphen on the penultimate line
            if hyphen and start.index < 0:
                continue  # nor on the first
            natural = end_width + self.start_width[position]
            if whole is not None and natural + whole <= width + 0.01:
                continue  # ragged Latin: a hyphen only where the whole word does not fit the line
            gaps = end_gaps - self.start_gaps[position]
            if not last and natural < LOOSE * width and min(row) < INFEASIBLE and not self.balance:
                break  # looser lines still: never better than one already found
            bad = self.badness(natural, gaps, last, trim, end_squeeze - self.start_squeeze[position])
            if bad == INFEASIBLE:
                if start.index == end.index - 1 and start.split is None and not hyphen:
                    line = OVERFULL_DEMERITS  # one item wider than the line: the only way on
                else:
                    continue
            elif self.balance:
                line = self.display_demerits(natural, bad, last)
            else:
                line = (10 + bad) ** 2
            if hyphen:
                line += self.rules.hyphen if self.rules is not None else HYPHEN_DEMERITS
            if last:
                line += self.display_last_demerits(start) if self.balance else self.last_line_demerits(start, natural)
            elif not hyphen:
                line += self.items[end.index].penalty * (self.rules.price if self.rules is not None else 1.0)
            for run, previous in enumerate(costs[position]):
                if previous == INFEASIBLE:
                    continue
                now = run + 1 if hyphen else 0
                if now > (self.rules.hyphens_in_a_row if self.rules is not None else MAX_HYPHENS_IN_A_ROW):
                    continue
                cost = previous + line + (DOUBLE_HYPHEN_DEMERITS if hyphen and run else 0)
                if cost < row[now]:
                    row[now], links[now] = cost, (position, run)
        costs.append(row)
        self.back.append(links)
