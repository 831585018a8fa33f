"""The paragraph composer: line breaks chosen for a whole paragraph at once
(total fit, after Knuth and Plass), not line by line.

Each candidate line gets a cost from how far its spacing departs from the
natural (uneven justification, ragged edges), plus penalties for hyphens and
a stub last line; the cheapest sequence of lines wins. Kinsoku and the units
that never break are settled before, in the atoms (``linebreak``); the
hyphen rules are hard: at least 3 letters either side, at most 2 hyphenated
lines in a row, none on the penultimate line and none in the last word. In
Chinese and Japanese the gaps between characters may tighten or loosen a
little (JLREQ 3.8) rather than leave one character alone on the last line.
"""

from __future__ import annotations

from dataclasses import dataclass

from book.text.linebreak import NO_START, Atom

INFEASIBLE = float("inf")
HYPHEN_DEMERITS = 3000.0
DOUBLE_HYPHEN_DEMERITS = 10000.0
OVERFULL_DEMERITS = 1e9  # a word wider than the line: the only way through
STUB_DEMERITS = 1e7  # one character alone on a CJK last line
SHORT_LAST_DEMERITS = 2e5  # two CJK characters, or one short Latin word, alone on the last line
SHORT_WORD = 6  # letters: a last line of one word shorter than this is a stub
MAX_HYPHENS_IN_A_ROW = 2
RAGGED_RANGE = 0.25  # a ragged line this much shorter than the measure has badness 100
LOOSE = 0.4  # a line filling less of the measure than this is never chosen when a fuller one exists


@dataclass
class Item:
    """A measured atom: its width, the space after it, and where it may hyphenate."""

    atom: Atom
    width: float
    space: float
    splits: list[tuple[Atom, Atom, float, float]]  # (head with hyphen, tail, head width, tail width)


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
    def __init__(self, items: list[Item], width: float, indent: float, spacing: Spacing, justify: bool, cjk: bool,
                 balance: bool = False):
        self.items, self.width, self.indent = items, width, indent
        self.spacing, self.justify, self.cjk, self.balance = spacing, justify, cjk, balance
        self.widths = [0.0]
        self.spaces = [0.0]
        self.gaps = [0]
        for item in items:
            self.widths.append(self.widths[-1] + item.width)
            self.spaces.append(self.spaces[-1] + item.space)
            self.gaps.append(self.gaps[-1] + (1 if item.space or spacing.every_gap else 0))

    def measure(self, start: Break, end: Break) -> tuple[float, int]:
        """Natural width and adjustable gaps of the line from ``start`` to ``end``."""
        first = start.index if start.split is not None else start.index + 1
        last_whole = end.index if end.split is None else end.index - 1
        natural = self.indent if start.index < 0 else 0.0
        if start.split is not None:
            natural += self.items[start.index].splits[start.split][3]
        natural += self.widths[last_whole + 1] - self.widths[start.index + 1]
        natural += self.spaces[end.index] - self.spaces[first]
        if end.split is not None:
            natural += self.items[end.index].splits[end.split][2]
        return natural, self.gaps[end.index] - self.gaps[first]

    def badness(self, natural: float, gaps: int, last: bool) -> float:
        slack = self.width - natural
        if slack < -0.01:
            shrink = self.spacing.shrink * gaps
            if shrink <= 0 or -slack > shrink + 0.01:
                return INFEASIBLE
            return 100 * (-slack / shrink) ** 3
        if last and not self.balance:
            return 0.0
        if self.justify and not last:
            stretch = self.spacing.stretch * gaps
            return 10000.0 if stretch <= 0 else min(10000.0, 100 * (slack / stretch) ** 3)
        return 100 * (slack / (RAGGED_RANGE * self.width)) ** 2

    def last_line_demerits(self, start: Break) -> float:
        """A stub last line: one or two CJK characters, or one short Latin word."""
        if start.index < 0:
            return 0.0  # the paragraph is one line
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

    def candidates(self, index: int) -> list[Break]:
        """Break positions inside item ``index`` (hyphens), then after it."""
        return [Break(index, k) for k in range(len(self.items[index].splits))] + [Break(index)]

    def compose(self) -> list[Chosen]:
        n = len(self.items)
        final = Break(n - 1)
        whole, gaps = self.measure(Break(-1), final)
        if whole <= self.width + 0.01:
            return [Chosen(Break(-1), final, whole, gaps, True)]  # one line: nothing to choose
        self.order = [Break(-1)]
        self.lo = 0
        # Per break position, its terms of a line's width and gap count when a line starts there.
        self.start_width, self.start_gaps = [self.indent], [0]
        # costs[p][run]: the least demerits to reach break ``order[p]`` with ``run`` hyphenated lines in a row
        self.costs: list[list[float]] = [[0.0] + [INFEASIBLE] * MAX_HYPHENS_IN_A_ROW]
        self.back: list[list[tuple[int, int] | None]] = [[None] * (MAX_HYPHENS_IN_A_ROW + 1)]
        for index in range(n):
            for end in self.candidates(index):
                self.reach(end, end == final)
                first = end.index if end.split is not None else end.index + 1
                tail = self.items[end.index].splits[end.split][3] if end.split is not None else 0.0
                self.order.append(end)
                self.start_width.append(tail - self.widths[end.index + 1] - self.spaces[first])
                self.start_gaps.append(self.gaps[first])
        position = len(self.order) - 1
        run = min(range(MAX_HYPHENS_IN_A_ROW + 1), key=lambda r: self.costs[position][r])
        lines: list[Chosen] = []
        while self.back[position][run] is not None:
            previous, prev_run = self.back[position][run]
            natural, gaps = self.measure(self.order[previous], self.order[position])
            lines.append(Chosen(self.order[previous], self.order[position], natural, gaps, not lines))
            position, run = previous, prev_run
        return lines[::-1]

    def reach(self, end: Break, last: bool) -> None:
        """The cheapest ways to end a line at ``end``, from every start that fits."""
        hyphen = end.split is not None
        row = [INFEASIBLE] * (MAX_HYPHENS_IN_A_ROW + 1)
        links: list[tuple[int, int] | None] = [None] * (MAX_HYPHENS_IN_A_ROW + 1)
        last_whole = end.index if end.split is None else end.index - 1
        end_width = self.widths[last_whole + 1] + self.spaces[end.index]
        if hyphen:
            end_width += self.items[end.index].splits[end.split][2]
        end_gaps = self.gaps[end.index]
        width, shrink, order, costs = self.width, self.spacing.shrink, self.order, self.costs
        # Starts before ``lo`` give lines too wide for this end and every later one.
        while self.lo < len(order) - 1 and end_width + self.start_width[self.lo] - shrink * (end_gaps - self.start_gaps[self.lo]) > width + 0.01:
            self.lo += 1
        for position in range(self.lo, len(order)):
            start = order[position]
            if start.index == end.index and (start.split is None or hyphen):
                continue  # no line, or a word split twice
            if last and start.split is not None:
                continue  # no hyphen on the penultimate line
            natural = end_width + self.start_width[position]
            gaps = end_gaps - self.start_gaps[position]
            if not last and natural < LOOSE * width and min(row) < INFEASIBLE:
                break  # looser lines still: never better than one already found
            bad = self.badness(natural, gaps, last)
            if bad == INFEASIBLE:
                if start.index == end.index - 1 and start.split is None and not hyphen:
                    line = OVERFULL_DEMERITS  # one item wider than the line: the only way on
                else:
                    continue
            else:
                line = (10 + bad) ** 2
            if hyphen:
                line += HYPHEN_DEMERITS
            if last:
                line += self.last_line_demerits(start)
            for run, previous in enumerate(costs[position]):
                if previous == INFEASIBLE:
                    continue
                now = run + 1 if hyphen else 0
                if now > MAX_HYPHENS_IN_A_ROW:
                    continue
                cost = previous + line + (DOUBLE_HYPHEN_DEMERITS if hyphen and run else 0)
                if cost < row[now]:
                    row[now], links[now] = cost, (position, run)
        costs.append(row)
        self.back.append(links)
