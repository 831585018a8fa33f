"""Where a Korean line may break (KLREQ): at word spaces, and at a price
inside what should stay whole (a date after its year, a phrase of the
glossary between its words) or, as a last resort, between two syllables of
a long word: never touching a verb's ending ("것입 / 니다", "버텼 / 으며"), a
particle left alone costing ten times more, a name of the glossary whole.
Determiners hold the word they qualify and bound nouns never start a line.
The composer that takes these breaks is `book.text.korean`."""

from __future__ import annotations

from dataclasses import replace

from book.text.linebreak import Atom

SYLLABLE_BREAK_DEMERITS = 1e8  # a compound broken between syllables: only where a line would open past its limit
COMPOUND = 4  # syllables: a shorter word never breaks; each part keeps two or more
ENDING_BREAK = 10.0  # times that, before a particle of two syllables ("시절 / 부터,"): still less than a line past 0.4 em
DATE_BREAK_DEMERITS = 2e11  # a date broken after its year: only when holding it opens a line far past its limits
PHRASE_BREAK_DEMERITS = 2e10  # a phrase of the glossary or keep_together broken: worse than a line just past its limits
HOLD_DEMERITS = 2e10  # a determiner left at a line's end ("몇 / 년간"), a bound noun starting one ("할 / 수")
# Determiners (관형사) that hold the word they qualify: numerals, demonstratives, "new", "every"…
DETERMINERS = frozenset("한 두 세 네 석 넉 서 너 댓 몇 여러 수십 수백 수천 수만 다섯 여섯 일곱 여덟 아홉 열 스무 "
                        "이 그 저 이런 그런 저런 어느 무슨 어떤 웬 새 헌 옛 첫 온 온갖 모든 각 매 약".split())
# Bound nouns (의존명사) that never start a line, bare or with a particle.
BOUND_NOUNS = ("수", "것", "줄", "데", "뿐", "등", "때문", "만큼", "채", "듯")
# Particles after one ("것은", "때문에"); not 도, 만, 로, which make other words ("수도", "수로").
PARTICLES = frozenset("이 가 을 를 은 는 에 과 와 이다 이며 에서 으로 이나 처럼 까지 부터 입니다 이었다".split())
# Endings and particles a compound's break never leaves on their own ("항구도시 / 에서", "계획 / 했다").
# Syllables of a verb's endings, which a break never follows or precedes ("것입 / 니다", "사람 / 이다", "이르기 / 까지").
ENDING_STARTS = frozenset("니다까요습입었였겠으")  # ... and 으 of "으며", "으로", "으나"
ENDINGS = PARTICLES | frozenset("에게 에는 에도 으로는 로는 이고 하고 하며 하는 하던 했다 한다 했고 하여 되어 되었다 "
                                "이라는 이었고 였다 입니다 습니다 했습니다 됩니다 되었습니다 이자 이다. 했다. 하게 합니다 합니다. 적인 적으로 이며".split())


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


def soft_breaks(atoms: list[Atom], names: tuple[str, ...] = ()) -> list[Atom]:
    """Where an atom kept whole may break after all, at a price: a date after
    its year ("1955년 / 5월 13일"), and a Korean phrase of the glossary between
    its words ("품격 / 있는"), which Korean breaks at any space. A whole phrase
    can be wider than a line can open its spaces to make room for. Numbers
    with their units and Latin names stay locked. A long word may break
    between syllables (`syllable_breaks`), never inside one of ``names``.

    >>> [(a.text, a.penalty) for a in soft_breaks([Atom("1955년 5월 13일,", " "), Atom("품격 있는")])]
    [('1955년', 200000000000.0), ('5월 13일,', 0.0), ('품격', 20000000000.0), ('있는', 0.0)]
    >>> [a.penalty for a in soft_breaks([Atom("몇", " "), Atom("년간", " "), Atom("할", " "), Atom("수", " "), Atom("있다")])]
    [20000000000.0, 0.0, 20000000000.0, 0.0, 0.0]
    """
    out: list[Atom] = []
    for atom in atoms:
        words = atom.text.split(" ")
        start = atom.start
        current = words[0]
        for word, nxt in zip(words, words[1:], strict=False):
            if word[:-1].isdigit() and word.endswith("년") and nxt[:1].isdigit():
                price = DATE_BREAK_DEMERITS
            elif hangul_word(word) and hangul_word(nxt):
                price = PHRASE_BREAK_DEMERITS
            else:
                current += " " + nxt
                continue
            out.append(Atom(current, " ", start, penalty=price, role=atom.role))
            start += len(current) + 1
            current = nxt
        out.append(replace(atom, text=current, start=start))
    for atom, nxt in zip(out, out[1:], strict=False):
        if atom.space_after == " " and (atom.text in DETERMINERS or bound_noun(nxt.text)):
            atom.penalty = max(atom.penalty, HOLD_DEMERITS)
    return [part for atom in out for part in syllable_breaks(atom, names)]


def syllable_breaks(atom: Atom, names: tuple[str, ...] = ()) -> list[Atom]:
    """A long Hangul word cut where a line may break between two of its
    syllables, at `SYLLABLE_BREAK_DEMERITS`: each part keeps two syllables or
    more, no break touches a verb ending's syllable ("것입 / 니다"), a tail
    that is only a particle costs ten times more ("항구 / 도시에서" before
    "항구도시 / 에서"), and a name of ``names`` (the
    glossary's: "하이퐁은") stays whole.

    >>> [(a.text, a.space_after, a.penalty) for a in syllable_breaks(Atom("문화유산", " "))]
    [('문화', '', 100000000.0), ('유산', ' ', 0.0)]
    >>> [a.text for a in syllable_breaks(Atom("도시,"))], [a.text for a in syllable_breaks(Atom("하이퐁항구"), ("하이퐁",))]
    (['도시,'], ['하이퐁', '항구'])
    """
    text = atom.text
    core = text.strip(",.;:!?()「」『』‘’“”")
    if not core or not all(is_hangul(ch) for ch in core):  # a name with a dash or a dot ("딘부–깟하이") stays whole
        return [atom]
    places = [k for k in range(1, len(text)) if is_hangul(text[k - 1]) and is_hangul(text[k])]
    syllables = sum(1 for ch in text if is_hangul(ch))
    if syllables < COMPOUND:
        return [atom]
    inside = {at + k for name in names for word in name.split() for at in occurrences(text, word) for k in range(1, len(word))}
    cuts = []
    for k in places:
        if k in inside:
            continue
        head = sum(1 for ch in text[:k] if is_hangul(ch))
        tail = text[k:].rstrip(",.;:!?)」』’”")
        if (head >= 2 and syllables - head >= 2 and tail[0] not in ENDING_STARTS and text[k - 1] not in ENDING_STARTS
                and not past_tense(text[k - 1])):
            cuts.append((k, ENDING_BREAK if tail in ENDINGS else 1.0))
    parts, at = [], 0
    for k, price in cuts:
        head = sum(1 for ch in text[at:k] if is_hangul(ch))  # Sino-Korean words pair syllables: "무형문화 / 유산"
        parts.append(replace(atom, text=text[at:k], space_after="", start=atom.start + at, after=text[k],
                             penalty=SYLLABLE_BREAK_DEMERITS * price * (1 if head % 2 == 0 else 3)))
        at = k
    parts.append(replace(atom, text=text[at:], start=atom.start + at))
    return parts


def past_tense(ch: str) -> bool:
    """A syllable closed by ㅆ, a verb's past tense ("버텼", "했", "됐"): a break never follows it ("버텼 / 으며").

    >>> past_tense("텼"), past_tense("했"), past_tense("항")
    (True, True, False)
    """
    return 0xAC00 <= ord(ch) <= 0xD7A3 and (ord(ch) - 0xAC00) % 28 == 20


def occurrences(text: str, name: str) -> list[int]:
    found, at = [], text.find(name)
    while name and at >= 0:
        found.append(at)
        at = text.find(name, at + 1)
    return found


def bound_noun(word: str) -> bool:
    """A bound noun (의존명사), bare or with its particle: "수", "것을", "때문에", "등,".

    >>> bound_noun("수"), bound_noun("것은"), bound_noun("등,"), bound_noun("수도권"), bound_noun("바다")
    (True, True, True, False, False)
    """
    word = word.rstrip(",.;:!?)」』’”")
    return any(word == noun or (word.startswith(noun) and word[len(noun):] in PARTICLES) for noun in BOUND_NOUNS)
