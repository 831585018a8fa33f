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
        origin = Break(-1)
        # best[(break, hyphens in a row)] = (demerits, previous key)
        best: dict[tuple[Break, int], tuple[float, tuple[Break, int] | None]] = {(origin, 0): (0.0, None)}
        order = [origin]
        for index in range(n):
            for end in self.candidates(index):
                self.reach(end, order, best, last=end == Break(n - 1))
                order.append(end)
        finals = [(value[0], key) for key, value in best.items() if key[0] == Break(n - 1)]
        key = min(finals, key=lambda pair: (pair[0], pair[1][1]))[1]
        lines: list[Chosen] = []
        while best[key][1] is not None:
            previous = best[key][1]
            natural, gaps = self.measure(previous[0], key[0])
            lines.append(Chosen(previous[0], key[0], natural, gaps, key[0] == Break(n - 1)))
            key = previous
        return lines[::-1]

    def reach(self, end: Break, order: list[Break], best: dict, last: bool) -> None:
        hyphen = end.split is not None
        found = False
        for start in reversed(order):
            if start.index == end.index and (start.split is None or hyphen):
                continue  # no line, or a word split twice
            if last and start.split is not None:
                continue  # no hyphen on the penultimate line
            natural, gaps = self.measure(start, end)
            bad = self.badness(natural, gaps, last)
            single = start.index == end.index - 1 and start.split is None and not hyphen
            if bad == INFEASIBLE and not single:
                if natural - self.spacing.shrink * gaps > self.width and start.split is None and start.index < end.index - 1:
                    break  # every earlier start is wider still
                continue
            line = (10 + (bad if bad != INFEASIBLE else 0)) ** 2 + (OVERFULL_DEMERITS if bad == INFEASIBLE else 0)
            if hyphen:
                line += HYPHEN_DEMERITS
            if last:
                line += self.last_line_demerits(start)
            for run in range(MAX_HYPHENS_IN_A_ROW + 1):
                previous = best.get((start, run))
                if previous is None:
                    continue
                now = run + 1 if hyphen else 0
                if now > MAX_HYPHENS_IN_A_ROW:
                    continue
                cost = previous[0] + line + (DOUBLE_HYPHEN_DEMERITS if hyphen and run else 0)
                if cost < best.get((end, now), (INFEASIBLE,))[0]:
                    best[(end, now)] = (cost, (start, run))
                    found = True
        if not found and end.split is None and not best.get((end, 0)):
            # Nothing fits before this break (an overfull hyphen chain): fall back to the previous item.
            prior = Break(end.index - 1)
            runs = [(best[(prior, r)][0], r) for r in range(MAX_HYPHENS_IN_A_ROW + 1) if (prior, r) in best]
            if runs:
                cost, run = min(runs)
                best[(end, 0)] = (cost + OVERFULL_DEMERITS, (prior, run))
