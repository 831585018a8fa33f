"""Where a display line (a title, a chapter title, the half-title) should
break: by sense. A break after a colon or a dash costs nothing, after a comma
little, before "and" or "of" little more; a break after a function word
("Construction and / Development"), in Chinese and Japanese inside a BudouX
phrase, or in Vietnamese between a noun and the words that modify it ("năm
tháng / lịch sử"), costs so much that it is taken only when nothing else fits;
after a determiner ("những / năm tháng", "the / Historic Years") costs most.
Compounds ("xây dựng", "Night Market") are never broken at all
(`book.text.linebreak.split_atoms`, `book.text.latin_vi`). The composer weighs these costs against
even lines, an orphan or a runt on the last line (`book.text.compose`);
display type never shrinks to break better. A line that ends on a title's
dash drops it (`without_end_dash`): the break itself separates."""

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
INSIDE_PHRASE = 400.0  # zh, ja: inside a BudouX phrase ("発展の / 50年" is one); vi: inside a noun phrase
AFTER_FUNCTION_WORD = 2500.0  # "Construction and / Development", "Giải phóng và / …": dearer than a noun parted from its modifier
LONE_PAUSE = 1000.0  # ko: a title's first word (어절) alone on its line before its colon or dash
BETWEEN_WORDS = 1500.0  # vi: between two words of two syllables, a noun and its modifier ("năm tháng / lịch sử")
AFTER_DETERMINER = 3000.0  # a determiner parted from its noun ("những / năm tháng", "the / Historic Years")
# Determiners and plural markers bind forward to their noun: a title breaks before
# the conjunction that leads their phrase, or after it, never between them and the noun.
DETERMINERS = {"vi": frozenset("những các mọi mỗi từng một mấy".split()),
               "en": frozenset("the a an its their our this these those every each".split())}


def word_of(text: str) -> str:
    return text.strip("\"'“”‘’()[]").lower()


def break_penalty(prev: Atom, nxt: Atom, function_words: frozenset[str], determiners: frozenset[str] = frozenset()) -> float:
    """The cost of a display line ending after ``prev`` (``nxt`` begins the next).

    >>> words = frozenset({"and", "of", "the"})
    >>> [break_penalty(Atom(a, " "), Atom(b), words, DETERMINERS["en"]) for a, b in
    ...  [("Future:", "A"), ("Seaport,", "Northern"), ("Liberation", "and"), ("and", "the"), ("Northern", "Vietnam"),
    ...   ("the", "Historic")]]
    [0.0, 10.0, 10.0, 2500.0, 60.0, 3000.0]
    """
    last, first = prev.text.split()[-1] if prev.text.split() else prev.text, nxt.text.split()[0] if nxt.text.split() else nxt.text
    if last[-1] in STRONG or last[-1] == ")" or first[0] == "(":
        return AFTER_PAUSE
    if word_of(last) in determiners and last[-1] not in COMMA:
        return AFTER_DETERMINER
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
    >>> break_penalties(split_atoms("미래: 친환경적이고 현대적인 항구도시", "ko"), "ko")
    [1000.0, 60.0, 60.0, 0.0]
    """
    facts = language(lang)
    determiners = DETERMINERS.get(lang, frozenset())
    penalties = [break_penalty(atom, nxt, facts.function_words, determiners)
                 for atom, nxt in zip(atoms, atoms[1:], strict=False)] + [0.0]
    if facts.modifiers_follow:  # "thành phố cảng / xanh": a noun and its modifier are one phrase
        penalties = [INSIDE_PHRASE if p == PLAIN else p for p in penalties]
        for index in between_words(atoms):
            if penalties[index] == INSIDE_PHRASE:
                penalties[index] = BETWEEN_WORDS  # "năm tháng / lịch sử": a noun of two syllables and its modifier
    if facts.script == "Kore" and len(atoms) > 2 and atoms[0].text[-1:] in STRONG:
        penalties[0] = LONE_PAUSE  # "미래: / 친환경적이고 / …": the colon's word opens the first line, not alone
    if facts.phrase_model and text:
        inside = phrase_cuts(text, facts.phrase_model)
        for index, nxt in enumerate(atoms[1:]):
            if nxt.start in inside and penalties[index] >= PLAIN:
                penalties[index] = INSIDE_PHRASE
    return penalties


def between_words(atoms: list[Atom]) -> list[int]:
    """The atoms after which a Vietnamese display line would part two words
    of two syllables (``book/data/vi_compounds.yaml``) that follow each other,
    a noun and the word that modifies it ("năm tháng / lịch sử"); a pause
    between them (a comma) is no such break.

    >>> from book.text.linebreak import split_words
    >>> between_words(split_words("Giải phóng và những năm tháng lịch sử"))
    [5]
    """
    from book.text.latin_names import vi_compounds

    syllables = [atom.text.split() for atom in atoms]
    words = [word for group in syllables for word in group]
    ends, count = [], 0
    for index, group in enumerate(syllables):
        count += len(group)
        before, after = words[max(count - 2, 0):count], words[count:count + 2]
        if (len(before) == 2 and len(after) == 2 and before[-1] == before[-1].rstrip(",.;:")
                and tuple(w.lower() for w in before) in vi_compounds()
                and tuple(w.strip(",.;:").lower() for w in after) in vi_compounds()):
            ends.append(index)
    return ends


DISPLAY_FILL = 400.0  # the DP's weight (`compose.DISPLAY_BALANCE`'s) on a prose line's shortfall, the last line aside
PROSE_BALANCE = 1000.0  # DISPLAY_BALANCE for prose set line by line: never a line broken short at a comma for sense
# alone (ja "70年前の1955年5月13日、", ko "다시 살아난 항구, 바다와 섬," on half the measure)
SENTENCE_ENDS = frozenset("。.!?！？")


def is_prose(atoms: list[str]) -> bool:
    """Whether a text set in a display style is prose (a back-cover blurb), not
    a title: a sentence ends before its end. Its lines run nearly full, as
    running text's do, where a title's lines balance by sense.

    >>> is_prose(["Hải", "Phòng", "–", "70", "năm"]), is_prose(["解放された。", "この", "写真集は"])
    (False, True)
    """
    return any(text.rstrip()[-1:] in SENTENCE_ENDS for text in atoms[:-1])


RUNT_SHARE = 0.5  # a title's last line shorter than this share of its longest is a runt ("… Gateway / to Trade")
RUNT = 100.0  # a runt last line costs more than a plain break ("Northern Vietnam's / Gateway to Trade")


def runt_cost(last: float, longest: float, lines: int, before: float = PLAIN) -> float:
    """The cost of a title's last line by its width against the longest line:
    display type keeps its size and breaks by sense, so a short tail is weighed
    here rather than shrunk away. A tail after a pause (a colon, a dash, a
    parenthesis: ``before`` is the cost of the break before it) is no runt.

    >>> runt_cost(100.0, 300.0, 3), runt_cost(200.0, 300.0, 3), runt_cost(100.0, 300.0, 1)
    (100.0, 0.0, 0.0)
    >>> runt_cost(100.0, 300.0, 2, AFTER_PAUSE)
    0.0
    """
    return RUNT if lines > 1 and last < RUNT_SHARE * longest and before > AFTER_PAUSE else 0.0


def fragment_cost(widths: list[float], ends: list[float]) -> float:
    """What a title's middle lines cost when short and ended inside a phrase
    (``widths`` its lines', ``ends`` the costs of the breaks after each):
    "Cảng biển, / cửa ngõ / giao thương phía Bắc" strands a fragment where
    "Cảng biển, cửa ngõ / giao thương phía Bắc" breaks the same phrase once.

    >>> fragment_cost([126.9, 96.1, 257.6], [AFTER_COMMA, INSIDE_PHRASE]), fragment_cost([126.9, 200.0, 257.6], [10.0, 400.0])
    (100.0, 0.0)
    """
    longest = max(widths)
    return sum((RUNT for width, end in zip(widths[1:-1], ends[1:], strict=False)
               if width < RUNT_SHARE * longest and end >= PLAIN), 0.0)


UNUSED_PAUSE = 30.0  # a colon or a title's dash inside a line of a title that takes more than one
CROSSED_PAUSE = 80.0  # a line that runs past a pause to end between two plain words ("The Seaport, Northern Vietnam's / …")


def pause_cost(words: list[str], end_penalty: float, last: bool) -> float:
    """What a title's line costs for the pauses it runs through (``words`` its
    atoms' texts in order, ``end_penalty`` the cost of the break that ends it):
    a title that takes several lines breaks at its colon or dash ("Tương lai: /
    thành phố cảng xanh, hiện đại"), and a line does not run past a comma only
    to break its next phrase ("The Seaport, / Northern Vietnam's / Gateway to Trade").

    >>> pause_cost(["Tương", "lai:", "thành", "phố"], PLAIN, False)
    110.0
    >>> pause_cost(["Culture,", "Heritage"], BEFORE_FUNCTION_WORD, False), pause_cost(["Tương", "lai:"], AFTER_PAUSE, False)
    (0.0, 0.0)
    """
    inner = [w.rstrip()[-1:] for w in words[:-1]]
    cost = UNUSED_PAUSE * sum(1 for ch in inner if ch in STRONG)
    if not last and end_penalty >= PLAIN and any(ch in STRONG or ch in COMMA for ch in inner):
        cost += CROSSED_PAUSE
    return cost


def without_end_dash(text: str) -> str | None:
    """A display line's last word without the dash it ends on (the line break
    carries the separation: "海防—— / 70年…" is set "海防 / 70年…"), or None
    when it does not end on a dash. A word that is only a dash becomes empty.

    >>> without_end_dash("海防——"), without_end_dash("–"), without_end_dash("Phòng")
    ('海防', '', None)
    """
    stripped = text.rstrip()
    if not stripped or stripped[-1] not in DASHES:
        return None
    return stripped.rstrip("".join(DASHES)).rstrip()


HAIR_SPACE = "\u2005"  # FOUR-PER-EM SPACE: a quarter em in the Latin faces (the CJK faces hold none), the
#   running text's 和欧間 (`book.text.cjk_spaces.QUARTER`): one width in titles, matter and text


def with_hair_spaces(text: str) -> str:
    """A Chinese or Japanese title with a quarter-em space wherever Han or kana
    meet Latin or digits: the running text's composer (`book.text.cjk`) sets
    a quarter em there, and one rule and one width hold for display and text
    ("70 年", never "70年"; the ninth proofs measured a tenth in titles beside
    a quarter in text). Only for a language whose ``latin_space`` is not 0.

    >>> with_hair_spaces("海防——70年战斗") == "海防——70" + HAIR_SPACE + "年战斗"
    True
    >>> with_hair_spaces("（1955年）") == "（1955" + HAIR_SPACE + "年）" == with_hair_spaces("（1955 年）")
    True
    """
    from book.text.cjk import is_han  # cjk builds on the composer, which prices titles here
    from book.text.linebreak import is_ideographic

    def latin(ch: str) -> bool:
        return ch.isalnum() and not is_ideographic(ch)

    def meet(a: str, b: str) -> bool:
        return (is_han(a) and latin(b)) or (latin(a) and is_han(b))

    out = []
    for index, ch in enumerate(text):
        if ch == " " and 0 < index < len(text) - 1 and meet(text[index - 1], text[index + 1]):
            continue  # the copy's own space ("70 年"): the rule sets the one width
        if out and meet(out[-1], ch):
            out.append(HAIR_SPACE)
        out.append(ch)
    return "".join(out)
