"""Where a display line (a title, a chapter title, the half-title) should
break: by sense. A break after a colon or a dash costs nothing, after a comma
little, before "and" or "of" little more; a break after a function word
("Construction and / Development"), or in Chinese and Japanese inside a
BudouX phrase, costs so much that it is taken only when nothing else fits.
Compounds ("xây dựng", "Night Market") are never broken at all
(`book.text.linebreak.split_atoms`). The composer weighs these costs against
even lines and an orphan on the last line (`book.text.compose`)."""

from __future__ import annotations

from book.languages import language
from book.text.linebreak import DASHES, Atom
from book.text.title_breaks import phrase_cuts

STRONG = frozenset(":;：；") | DASHES  # a title's own pause: "Tương lai: / thành phố…", "Da Nang – / 50 Years"
COMMA = frozenset(",，、・")  # "・" joins the items of a Japanese list ("闘い・建設・発展")
AFTER_PAUSE = 0.0
AFTER_COMMA = 10.0
BEFORE_FUNCTION_WORD = 10.0  # "Liberation / and the Historic Years"
PLAIN = 60.0  # between two words, or two BudouX phrases
INSIDE_PHRASE = 400.0  # zh, ja: inside a BudouX phrase ("発展の / 50年" is one)
AFTER_FUNCTION_WORD = 1000.0  # "Construction and / Development"


def word_of(text: str) -> str:
    return text.strip("\"'“”‘’()[]").lower()


def break_penalty(prev: Atom, nxt: Atom, function_words: frozenset[str]) -> float:
    """The cost of a display line ending after ``prev`` (``nxt`` begins the next).

    >>> words = frozenset({"and", "of", "the"})
    >>> [break_penalty(Atom(a, " "), Atom(b), words) for a, b in
    ...  [("Future:", "A"), ("Seaport,", "Northern"), ("Liberation", "and"), ("and", "the"), ("Northern", "Vietnam")]]
    [0.0, 10.0, 10.0, 1000.0, 60.0]
    """
    last, first = prev.text.split()[-1] if prev.text.split() else prev.text, nxt.text.split()[0] if nxt.text.split() else nxt.text
    if last[-1] in STRONG or last[-1] == ")" or first[0] == "(":
        return AFTER_PAUSE
    if word_of(last) in function_words and last[-1] not in COMMA:
        return AFTER_FUNCTION_WORD
    if last[-1] in COMMA:
        return AFTER_COMMA
    if word_of(first) in function_words:
        return BEFORE_FUNCTION_WORD
    return PLAIN


def break_penalties(atoms: list[Atom], lang: str, text: str = "") -> list[float]:
    """Per atom, the cost of a display line ending after it (nothing after the last).
    In Chinese and Japanese ``text`` gives the phrases.

    >>> from book.text.linebreak import split_atoms
    >>> text = "ダナン――復興・建設・発展の50年"
    >>> atoms = split_atoms(text, "ja", ("ダナン",))
    >>> [(a.text, p) for a, p in zip(atoms, break_penalties(atoms, "ja", text), strict=True)][:3]
    [('ダナン――', 0.0), ('復', 400.0), ('興・', 10.0)]
    """
    facts = language(lang)
    penalties = [break_penalty(atom, nxt, facts.function_words) for atom, nxt in zip(atoms, atoms[1:], strict=False)] + [0.0]
    if facts.phrase_model and text:
        inside = phrase_cuts(text, facts.phrase_model)
        for index, nxt in enumerate(atoms[1:]):
            if nxt.start in inside and penalties[index] >= PLAIN:
                penalties[index] = INSIDE_PHRASE
    return penalties


SENSE_SHRINK = 0.9  # a title set smaller, to at most this share of its size, to end its lines at pauses


def against_sense(items, chosen) -> bool:
    """Whether a title's lines end anywhere but at a pause: between two plain
    words, or after a function word ("Cảng biển, cửa ngõ / giao thương")."""
    return any(items[line.end.index].penalty >= PLAIN for line in chosen if not line.last)


def sense_scale(compose, parts, width: float, scale: float, step: float) -> float:
    """The scale a title is set at: ``scale``, or a little smaller (down to
    SENSE_SHRINK of it) when that lets every line end at a pause, where at full
    size a line would fall a word short ("Cảng biển, / cửa ngõ giao thương
    phía Bắc" in a frame a few points narrower than its second line).
    ``compose(text, style, size, measure, keep, compounds)`` gives (items, chosen)."""
    trial = scale
    while trial >= scale * SENSE_SHRINK - 1e-9:
        sizes = [max(part.style.size * trial, part.style.min_size) for part in parts]
        if not any(against_sense(*compose(row.strip(), part.style, size, part.style.line_measure(size, width),
                                          part.keep, part.compounds))
                   for part, size in zip(parts, sizes, strict=True) for row in part.text.split("\n") if row.strip()):
            return trial
        trial -= step
    return scale
