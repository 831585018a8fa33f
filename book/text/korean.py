"""Korean running text as KLREQ asks: lines break at word spaces only. The
book justifies its prose (the foreword, the intros: the fourteenth proof
called the rag a word processor's) and keeps its captions ragged. A justified
line opens its word spaces only, to half an em, never its Hangul syllables
(the tenth proof circled 0.03 em between them, the fourteenth asked for none);
a line no break keeps in that opens its spaces further, and `book check`
names the paragraph when a space passes two thirds of an em, which only its
wording can mend.

The breaks are chosen for the whole paragraph at once (total fit): each line
costs by how far its spacing departs from the natural, so no single line
carries the holes, and a line that its limits cannot justify is taken only
when no other break exists. A ragged paragraph (a caption) is balanced: a
line much shorter than the one after it costs, so lines do not climb in a
staircase. The last line is ragged and keeps a few syllables.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.pdfbase import pdfmetrics

from book.errors import FontError
from book.model import Style
from book.text.compose import Break, Chosen, Item
from book.text.fonts import EditionFonts
from book.text.linebreak import Atom

WORD_SPACE_MAX = 0.5  # em: a justified word space opens to at most this, its natural width (~0.256) included
# A line past its limits is reported (`book check`) when its word spaces open past this: the twelfth proof circled
# holes of 0.8-1.1 em; up to about two thirds of an em a reader sees a loose line, not a hole.
WORD_SPACE_HOLE = 0.7
WORD_SPACE_FORCED = 0.5  # em: a line no break keeps in its limits opens its word spaces to this, then its syllables
WORD_SPACE_SHRINK = 0.0  # a word space never closes (the tenth proof circled spaces narrowed to 0.18 em)
SYLLABLE_MAX = 0.0  # em: a justified line opens its word spaces only (the tenth proof circled 0.03 em between syllables)
SYLLABLE_FORCED = 0.0  # em: nor a line no break keeps in its limits (the fourteenth proof: never letter-space Hangul); its word spaces take it
SYLLABLE_SHRINK = 0.0  # em: nor closes its syllables (the tenth proof's foreword: squeezed by 0.05 em to fit)
NEIGHBOUR = 0.1  # em: two justified lines whose word spaces differ by more than this cost
NEIGHBOUR_DEMERITS = 4e4  # times the square of the further difference, in tenths of an em
RAGGED_RANGE = 0.25  # a ragged line this much shorter than the measure has badness 100
RAG_ALLOWANCE = 2.0  # em: a ragged line may fall this much short of the measure at the base price
RAG_DEMERITS = 3e4  # times the square of the further shortfall (em): a rag of 3 em outprices a name's break (round 11)
LAST_SHARE = 0.4  # of the measure: a caption's last line shorter than this costs when the lines can share out better
LAST_DEMERITS = 3e4  # times the square of the shortfall in tenths of the measure: a last line of 30 % costs as a 3 em rag
# A ragged line fills as a reader expects: it ends before a word that fits only to spare a stub or a name's
# break (the thirteenth proof's foreword and intros broke 6-9 em short to balance the rag): above a 6 em rag.
EARLY_DEMERITS = 1e6
FILLED = frozenset({"body", "intro"})  # the styles of running prose it holds for; a caption keeps its balanced rag
STAIR_ALLOWANCE = 2.0  # em: a ragged line may fall this much short of the next before it costs
STAIR_DEMERITS = 1e7  # times the square of the further shortfall, as a share of the measure
FORCED_DEMERITS = 1e10  # a justified line past its limits: only when no other break exists
OVERFULL_DEMERITS = 1e12  # one word wider than the measure
SHORT_LAST = 6  # syllables (letters, digits): a last line of fewer is a stub
SHORT_LAST_SHARE = 0.25  # of the measure: a last line of one word shorter is a stub too
SHORT_LAST_DEMERITS = 1e7  # above a name's price, a 68 % line and a 4 em rag: a caption's last line of one word (round 7)
PHRASE_BREAK_DEMERITS = 2e4  # a name of keep_together or the glossary broken ("짱주에 / 산업단지"): a moderate price
HOLD_DEMERITS = 2e10  # a determiner left at a line's end ("몇 / 년간"): only when no other break exists
BOUND_DEMERITS = 5e3  # a bound noun starting a line ("할 / 수 있게"): a price a ragged line of 75 % beats
# Generic heads written apart from their name: "제네바 / 협정", "깟비 / 공항" part a name as a break inside a
# glossary name does. A foreign name takes 섬, 강, 만, 항 solid (박롱비섬, 껌강), so those never stand apart.
HEADS = ("협정", "조약", "공항", "대교", "국립공원", "광장", "경제구역", "산업단지", "박물관", "극장")
# Determiners (관형사) that hold the word they qualify: numerals, demonstratives, "new", "every"…
DETERMINERS = frozenset("한 두 세 네 석 넉 서 너 댓 몇 여러 수십 수백 수천 수만 다섯 여섯 일곱 여덟 아홉 열 스무 "
                        "이 그 저 이런 그런 저런 어느 무슨 어떤 웬 새 헌 옛 첫 온 온갖 모든 각 매 약".split())
# Bound nouns (의존명사) that never start a line, bare or with a particle.
BOUND_NOUNS = ("수", "것", "줄", "데", "뿐", "등", "때문", "만큼", "채", "듯")
# Particles after one ("것은", "때문에"); not 도, 만, 로, which make other words ("수도", "수로").
PARTICLES = frozenset("이 가 을 를 은 는 에 과 와 이다 이며 에서 으로 이나 처럼 까지 부터 입니다 이었다".split())
# A word ending on one of these is a phrase of its own, not a name before its head: "여러 기관과 / 박물관" (a
# list: the eleventh ko proof's foreword left a line at 81 % for it). A name seldom ends on a particle's syllable.
LINKING_ENDS = frozenset("과 와 을 를 는 의 에 며".split())
HEAD_PARTICLES = PARTICLES | {"의", "도", "로", "에는", "에도", "이었다"}  # after a head ("국립공원의") none makes a new word


def is_hangul(ch: str) -> bool:
    """A Hangul syllable (or jamo), between which a justified line may open.

    >>> is_hangul("한"), is_hangul("A"), is_hangul("1")
    (True, False, False)
    """
    code = ord(ch)
    return 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F


def syllable_gaps(text: str) -> int:
    """Places between two Hangul syllables in ``text``.

    >>> syllable_gaps("하이퐁은"), syllable_gaps("1955년,"), syllable_gaps("(水戰)이")
    (3, 0, 0)
    """
    return sum(1 for a, b in zip(text, text[1:], strict=False) if is_hangul(a) and is_hangul(b))


def body_count(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def hangul_word(word: str) -> bool:
    """A word of Hangul (and punctuation): no digits, no Latin letters."""
    return any(is_hangul(ch) for ch in word) and all(is_hangul(ch) or not ch.isalnum() for ch in word)


def soft_breaks(atoms: list[Atom]) -> list[Atom]:
    """Where an atom kept whole may break after all, at a price: a Korean
    phrase of the glossary or keep_together between its words ("품격 /
    있는"), which Korean breaks at any space. A date ("1955년 5월 13일"),
    a number with its unit and a Latin name stay locked. A determiner holds
    the word after it; a bound noun ("수", "것") starting a line costs.

    >>> [(a.text, a.penalty) for a in soft_breaks([Atom("1955년 5월 13일,", " "), Atom("품격 있는")])]
    [('1955년 5월 13일,', 0.0), ('품격', 20000.0), ('있는', 0.0)]
    >>> [a.penalty for a in soft_breaks([Atom("몇", " "), Atom("년간", " "), Atom("할", " "), Atom("수", " "), Atom("있다")])]
    [20000000000.0, 0.0, 5000.0, 0.0, 0.0]
    """
    out: list[Atom] = []
    for atom in atoms:
        words = atom.text.split(" ")
        start = atom.start
        current = words[0]
        for word, nxt in zip(words, words[1:], strict=False):
            if not (hangul_word(word) and hangul_word(nxt)):
                current += " " + nxt
                continue
            out.append(Atom(current, " ", start, penalty=PHRASE_BREAK_DEMERITS, role=atom.role))
            start += len(current) + 1
            current = nxt
        out.append(replace(atom, text=current, start=start))
    for atom, nxt in zip(out, out[1:], strict=False):
        if atom.space_after == " " and atom.text in DETERMINERS:
            atom.penalty = max(atom.penalty, HOLD_DEMERITS)
        elif atom.space_after == " " and bound_noun(nxt.text):
            atom.penalty = max(atom.penalty, BOUND_DEMERITS)
        elif (atom.space_after == " " and hangul_word(atom.text) and atom.text[-1:].isalnum() and name_head(nxt.text)
              and atom.text[-1] not in LINKING_ENDS):
            atom.penalty = max(atom.penalty, PHRASE_BREAK_DEMERITS)
    return out


def bound_noun(word: str) -> bool:
    """A bound noun (의존명사), bare or with its particle: "수", "것을", "때문에", "등,".

    >>> bound_noun("수"), bound_noun("것은"), bound_noun("등,"), bound_noun("수도권"), bound_noun("바다")
    (True, True, True, False, False)
    """
    word = word.rstrip(",.;:!?)」』’”")
    return any(word == noun or (word.startswith(noun) and word[len(noun):] in PARTICLES) for noun in BOUND_NOUNS)


def name_head(word: str) -> bool:
    """A name's generic head (협정, 공항, 국립공원…), bare or with its particle: "협정에", "섬과". A bare
    공원 is a common noun ("거리와 공원": the tenth ko proof's p37 card parted early for it, 34.5 pt insets).

    >>> name_head("협정에"), name_head("국립공원과"), name_head("공항"), name_head("공항철도"), name_head("바다")
    (True, True, True, False, False)
    """
    word = word.rstrip(",.;:!?)」』’”")
    return any(word == head or (word.startswith(head) and word[len(head):] in HEAD_PARTICLES) for head in HEADS)


@dataclass(frozen=True)
class Limits:
    """What one word space and one syllable gap may give or take (pt) at a size."""

    space_stretch: float
    space_shrink: float
    syllable: float
    syllable_shrink: float
    space_forced: float = 0.0  # a line past its limits: the word space's stretch before its syllables open further
    syllable_forced: float = 0.0

    @classmethod
    def at(cls, fonts: EditionFonts, role: str, size: float, text: str = "") -> Limits:
        """At ``size`` in ``role``, a word space as wide as the Hangul face's; where no Hangul is set in the
        role yet (an untranslated catalog sets Vietnamese: a newcomer's first Korean build), the face of ``text``."""
        try:
            face = fonts.runs("가", role)[0].font
        except FontError:
            face = fonts.runs(next((ch for ch in text if not ch.isspace()), " "), role)[0].font
        space = pdfmetrics.stringWidth(" ", face, size)
        return cls(max(0.0, WORD_SPACE_MAX * size - space), WORD_SPACE_SHRINK * space, SYLLABLE_MAX * size,
                   SYLLABLE_SHRINK * size, max(0.0, WORD_SPACE_FORCED * size - space), SYLLABLE_FORCED * size)


def spread(slack: float, spaces: int, syllables: int, limits: Limits) -> tuple[float, float]:
    """What each word space and each syllable gap of a justified line opens
    (pt, negative to close) to take up ``slack``: both in proportion to their
    limits. A line its limits cannot justify (no other break existed) opens
    its word spaces to their forced limit, then its syllables up to theirs,
    then its word spaces take the rest (KLREQ: word spaces first, then the
    letter spacing).

    >>> limits = Limits(1.0, 0.5, 0.3, 0.4, 1.2, 0.8)
    >>> [tuple(round(v, 3) for v in spread(s, 4, 10, limits)) for s in (5.0, -2.0)]
    [(0.714, 0.214), (-0.167, -0.133)]
    >>> spread(10.0, 4, 10, limits), spread(30.0, 4, 10, limits)
    ((1.2, 0.52), (5.5, 0.8))
    """
    if slack < 0:
        room = spaces * limits.space_shrink + syllables * limits.syllable_shrink
        ratio = max(-1.0, slack / room) if room > 0 else 0.0  # a word wider than the measure stays overset
        return ratio * limits.space_shrink, ratio * limits.syllable_shrink
    room = spaces * limits.space_stretch + syllables * limits.syllable
    if room <= 0:
        return (slack / spaces if spaces else 0.0), 0.0
    if slack <= room:
        return slack / room * limits.space_stretch, slack / room * limits.syllable
    if not spaces:
        return 0.0, min(limits.syllable_forced, slack / syllables)
    rest = slack - spaces * limits.space_forced - syllables * limits.syllable
    if rest <= 0 or not syllables:
        return (slack - syllables * limits.syllable) / spaces, limits.syllable
    syllable = min(limits.syllable_forced, limits.syllable + rest / syllables)
    return (slack - syllables * syllable) / spaces, syllable


class KoreanComposer:
    """Total-fit line breaking over a paragraph's word spaces. For a ragged
    paragraph a line's cost also depends on the line before it, so the search
    runs over pairs of breaks (a caption has few words, a paragraph few
    breaks per line)."""

    def __init__(self, items: list[Item], width: float, indent: float, limits: Limits, justify: bool):
        self.items, self.width, self.indent, self.limits, self.justify = items, width, indent, limits, justify
        self.size = 10.0  # pt: the type's size, an em (`compose` sets it)
        self.fill = False  # running prose: a ragged line ends before a word that fits only at a price (`EARLY_DEMERITS`)
        self.opened: dict[tuple[int, int], float] = {}
        self.widths, self.spaces, self.gaps, self.inner, self.syllables = [0.0], [0.0], [0], [0], [0]
        for item in items:
            self.widths.append(self.widths[-1] + item.width)
            self.spaces.append(self.spaces[-1] + item.space)
            self.gaps.append(self.gaps[-1] + (1 if item.space else 0))
            self.inner.append(self.inner[-1] + item.atom.text.count(" "))  # a date or name kept whole opens too
            self.syllables.append(self.syllables[-1] + syllable_gaps(item.atom.text))

    def measure(self, start: int, end: int) -> tuple[float, int, int]:
        """Natural width, word spaces and syllable gaps of the line of items ``start + 1 .. end``."""
        natural = self.indent if start < 0 else -self.items[start + 1].trim_start
        natural += self.widths[end + 1] - self.widths[start + 1] + self.spaces[end] - self.spaces[start + 1]
        spaces = self.gaps[end] - self.gaps[start + 1] + self.inner[end + 1] - self.inner[start + 1]
        return natural, spaces, self.syllables[end + 1] - self.syllables[start + 1]

    def line_cost(self, start: int, end: int, last: bool) -> float | None:
        """A line's demerits, None when it cannot be set (too long)."""
        natural, spaces, syllables = self.measure(start, end)
        slack = self.width - natural
        one = end == start + 1
        if slack < -0.01:
            shrink = spaces * self.limits.space_shrink + syllables * self.limits.syllable_shrink if self.justify else 0.0
            if -slack <= shrink + 0.01:
                return (10 + 100 * (-slack / shrink) ** 3) ** 2 + (0.0 if last else self.items[end].penalty)
            return OVERFULL_DEMERITS if one else None
        if last:
            if start < 0:
                return 0.0
            short = body_count("".join(item.atom.text for item in self.items[start + 1:end + 1]))
            lone = end == start + 1 or not self.fill  # in prose, a last line of two words at a quarter of the measure is a paragraph's end
            stub = short < SHORT_LAST or (lone and natural < SHORT_LAST_SHARE * self.width)
            share = 0.0 if self.justify else max(0.0, LAST_SHARE - natural / self.width)
            return (SHORT_LAST_DEMERITS if stub else 0.0) + LAST_DEMERITS * (share / 0.1) ** 2
        if not self.justify:  # filled to within about two em of the measure: the eleventh proof's rags of 3-5 em
            rag = max(0.0, slack / self.size - RAG_ALLOWANCE)
            return ((10 + 100 * (slack / (RAGGED_RANGE * self.width)) ** 2) ** 2 + RAG_DEMERITS * rag ** 2
                    + self.items[end].penalty + (EARLY_DEMERITS if self.early(start, end) else 0.0))
        room = spaces * self.limits.space_stretch + syllables * self.limits.syllable
        ratio = slack / room if room > 0 else (0.0 if slack <= 0.01 else float("inf"))
        if ratio > 1.0 + 1e-9:
            # two lines a little past, rather than one far; a date or a pair held even then
            return FORCED_DEMERITS * min(ratio, 1e3) ** 3 + self.items[end].penalty
        return (10 + 100 * ratio ** 3) ** 2 + self.items[end].penalty

    def early(self, start: int, end: int) -> bool:
        """Whether a ragged line ending at ``end`` stops before a word that fits on it, at a free break:
        the thirteenth proof's foreword stopped 8.8 em short with "여러분께" fitting (`EARLY_DEMERITS`)."""
        if not self.fill:
            return False
        ahead = end + 1
        while ahead < len(self.items) and self.measure(start, ahead)[0] <= self.width + 0.01:
            if not self.items[ahead].penalty or ahead == len(self.items) - 1:
                return True  # the line could end at a free break further on ("여러 / 기관과" is none)
            ahead += 1
        return False

    def word_space(self, start: int, end: int) -> float:
        """What a justified line's word spaces open (pt; negative when tight)."""
        key = (start, end)
        if key not in self.opened:
            natural, spaces, syllables = self.measure(start, end)
            self.opened[key] = spread(self.width - natural, spaces, syllables, self.limits)[0]
        return self.opened[key]

    def stair_cost(self, before: tuple[int, int], after: tuple[int, int], size: float) -> float:
        """A ragged line much shorter than the one after it; two justified
        lines whose word spaces differ by more than a tenth of an em."""
        if self.justify:
            if after[1] == len(self.items) - 1:
                return 0.0  # the last line is set solid
            excess = abs(self.word_space(*before) - self.word_space(*after)) / size - NEIGHBOUR
            return NEIGHBOUR_DEMERITS * (excess / 0.1) ** 2 if excess > 0 else 0.0
        shortfall = self.measure(*after)[0] - self.measure(*before)[0] - STAIR_ALLOWANCE * size
        return STAIR_DEMERITS * (shortfall / self.width) ** 2 if shortfall > 0 else 0.0

    def compose(self, size: float) -> list[Chosen]:
        self.size = size
        n = len(self.items)
        natural, _, _ = self.measure(-1, n - 1)
        if natural <= self.width + 0.01:
            return [self.chosen(-1, n - 1, True)]
        # best[(s, e)]: the least demerits of lines up to a line of items s+1..e, and the line before it.
        best: dict[tuple[int, int], tuple[float, tuple[int, int] | None]] = {}
        ends_at: dict[int, list[int]] = {}  # e -> the starts s of lines ending at e that were reached
        for end in range(n):
            last = end == n - 1
            for start in range(end - 1, -2, -1):
                if start >= 0 and start not in ends_at:
                    continue
                cost = self.line_cost(start, end, last)
                if cost is None:
                    break  # a longer line is longer still
                if start < 0:
                    best[(start, end)] = (cost, None)
                else:
                    best[(start, end)] = min(
                        ((best[(p, start)][0] + cost + self.stair_cost((p, start), (start, end), size), (p, start))
                         for p in ends_at[start]), key=lambda option: option[0])
                ends_at.setdefault(end, []).append(start)
        finals = [(best[(s, n - 1)][0], s) for s in ends_at.get(n - 1, [])]
        lines: list[Chosen] = []
        key: tuple[int, int] | None = (min(finals)[1], n - 1)
        while key is not None:
            lines.append(self.chosen(*key, not lines))
            key = best[key][1]
        return lines[::-1]

    def chosen(self, start: int, end: int, last: bool) -> Chosen:
        natural, spaces, _ = self.measure(start, end)
        return Chosen(Break(start), Break(end), natural, spaces, last)


def compose_korean(fonts: EditionFonts, items: list[Item], style: Style, size: float, width: float,
                   start: float) -> list[Chosen]:
    """The lines of a Korean paragraph of measured ``items``."""
    if not items:
        return []
    limits = Limits.at(fonts, style.font, size, items[0].atom.text)
    composer = KoreanComposer(items, width, start, limits, style.align == "justify")
    composer.fill = style.name in FILLED
    return composer.compose(size)
