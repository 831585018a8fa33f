"""Latin and Vietnamese running text: a line ends where the sense allows,
and the last line is no stub (`book.text.latin`).

A word that belongs to the words after it does not end a line where another
break serves: in Vietnamese a preposition, a conjunction, a classifier or a
quantifier ("Lê Chân ở / trung tâm", "Giải phóng và / những năm", "hơn /
trăm năm"), and a numeral its noun ("hơn trăm / năm tuổi"); in English a
preposition before the date or number it governs ("On / May 13, 1955"),
and an article or a determiner its noun ("at a / shipyard", "the / city
center"), for less.
Each costs what a line at about 66 % of the measure costs, less than a word
of two syllables split in two (`book.text.latin_vi`): a price the
composer weighs against the rag, never a lock that leaves a notch. Titles
break by sense in `book.text.sense`.
"""

from __future__ import annotations

from book.text.linebreak import Atom

LEADS = 35000.0  # a line ending on a word that leads the next ones: a line at about 66 % costs as much
# (less than a word of two syllables split in two, 40000: "quốc / tế" is worse than "trong /")
# Vietnamese words that lead the words after them: prepositions, conjunctions, classifiers and
# determiners, quantifiers. "là" (is) and "năm" (five, and year) are not among them.
VI_LEADS = frozenset(
    "ở tại trong trên dưới từ đến tới với của cho về vào theo qua bằng giữa như để do bởi vì nhờ khi nơi "
    "và hoặc hay nhưng mà cùng "
    "các những mọi mỗi từng một mấy vài nhiều chiếc ngôi bức tòa cuộc sự con ven "
    "sau trước bao cả".split())  # "kinh tế sau / chiến tranh", "của bao / thế hệ", "của cả / vùng Bắc Bộ"
# Numerals stay with the noun they count ("hơn trăm / năm tuổi"); "năm" is also "year".
VI_NUMERALS = frozenset("hai ba bốn sáu bảy tám chín mười mươi trăm nghìn ngàn triệu tỷ vạn".split())
# Words that lead a number only ("hơn / trăm năm", but "tàu lớn hơn / và"): "than", "near", "about", "by the".
VI_QUANTIFIERS = frozenset("hơn gần khoảng hàng".split())
# Measures a comparative or an estimate binds to the number after it: "Dài / hơn 5 km" splits "dài hơn".
VI_MEASURES = frozenset("dài rộng cao sâu xa lớn nhỏ nặng nhiều ít lâu sớm muộn đông ngắn hẹp thấp".split())
# Set phrases of a war and its enemy: "kháng chiến / chống Mỹ" splits "kháng chiến chống Mỹ".
VI_PHRASE_JOINTS = frozenset({("chiến", "chống")})
# "sau" and "trước" lead a noun as prepositions ("sau / chiến tranh"), not as the adverb after a
# word of place ("Quảng trường phía trước / là").
VI_AROUND = frozenset("sau trước".split())
VI_PLACES = frozenset("phía mặt đằng bên hàng".split())
SENTENCE_OPENER = 12000.0  # a sentence's one-syllable opener alone at a line's end ("2017. Dài /"): a line at about 75 %
EN_PREPOSITIONS = frozenset("on in since by until till from before after during of to at around".split())
# English words that lead a noun phrase: an article left at a line's end ("at a / shipyard") reads as
# a phrase broken, a determiner ("the / Lạch Huyện terminal", "its / light") a little less so. A
# preposition at a line's end is common English setting: priced, it parts compounds ("sea / fish").
EN_ARTICLES = frozenset("a an".split())
EN_DETERMINERS = frozenset("the this these those its their our every each".split())
ARTICLE_END = 12000.0  # "a" or "an" at a line's end: what a ragged line at about 75 % of the measure costs
DETERMINER_END = 6000.0  # "the", "its": a line at about 80 %
EN_MONTHS = frozenset(
    "January February March April May June July August September October November December".split())


def bare(word: str) -> str:
    return word.strip(",.;:!?()“”‘’\"'")


def runs_on(atom: Atom) -> bool:
    """Whether a word runs on into the next one (no punctuation, a space)."""
    return atom.text == bare(atom.text) and atom.space_after == " "


def leads(prev: Atom, word: Atom, lang: str, before: Atom | None = None) -> bool:
    """Whether ``prev`` belongs to the words from ``word`` on, so that a line
    should not end between them.

    >>> vi = [Atom(w, " ") for w in "Lê Chân ở trung tâm hơn trăm năm, tàu lớn hơn và".split()]
    >>> [p.text for p, w in zip(vi, vi[1:]) if leads(p, w, "vi")]
    ['ở', 'hơn', 'trăm']
    >>> en = [Atom(w, " ") for w in "liberated. On May 13, 1955 the city of 2 million".split()]
    >>> [p.text for p, w in zip(en, en[1:]) if leads(p, w, "en")]
    ['On', 'of']
    """
    if not runs_on(prev) or not word.text[:1].isalnum():
        return False
    if lang == "vi":
        number = word.text[:1].isdigit() or bare(word.text).lower() in VI_NUMERALS | {"một"}
        if (prev.text.lower(), bare(word.text).lower()) in VI_PHRASE_JOINTS:
            return True
        if before is not None and before.text.lower() == "tháng" and prev.text.lower() in VI_NUMERALS:
            return False  # "tháng Tám / âm lịch": a month's name, not a numeral before its noun
        if prev.text.lower() in VI_AROUND and (before is not None and before.text.lower() in VI_PLACES
                                               or bare(word.text).lower() in VI_QUANTIFIERS):
            return False  # "phía trước / là"; "sau / hơn hai trăm ngày" rather than "sau hơn / hai trăm"
        return prev.text.lower() in VI_LEADS | VI_NUMERALS or (prev.text.lower() in VI_QUANTIFIERS and number)
    if lang == "en":
        first = bare(word.text.split()[0])
        return prev.text.lower() in EN_PREPOSITIONS and (first[:1].isdigit() or first in EN_MONTHS)
    return False


def measured(prev: Atom, word: Atom, after: Atom | None) -> bool:
    """Whether ``word`` is a comparative or an estimate of the measure ``prev``
    before a number ("Dài hơn 5 km", "rộng gần 300 ha"): one phrase.

    >>> vi = [Atom(w, " ") for w in "Dài hơn 5 km".split()]
    >>> measured(vi[0], vi[1], vi[2]), measured(vi[1], vi[2], vi[3])
    (True, False)
    """
    number = after is not None and (after.text[:1].isdigit() or bare(after.text).lower() in VI_NUMERALS | {"một"})
    return (runs_on(prev) and bare(prev.text).lower() in VI_MEASURES and word.text.lower() in VI_QUANTIFIERS
            and runs_on(word) and number)


def opener(before: Atom | None, prev: Atom) -> bool:
    """Whether ``prev`` is a sentence's first word, left alone at a line's end
    ("năm 2017. Dài / hơn 5 km", "Đây / cũng là"); a name's head ("Cảng hàng không") is priced as a name."""
    return runs_on(prev) and prev.text[:1].isupper() and before is not None and before.text[-1:] in ".!?"


def sense_costs(words: list[Atom], costs: dict[int, float], lang: str) -> None:
    """Price, in ``costs`` (offset -> price), a break after a word that leads the next ones."""
    for index, (prev, word) in enumerate(zip(words, words[1:], strict=False), 1):
        if costs.get(word.start) == float("inf"):
            continue
        after = words[index + 1] if index + 1 < len(words) else None
        before = words[index - 2] if index >= 2 else None
        if leads(prev, word, lang, before) or (lang == "vi" and measured(prev, word, after)):
            costs[word.start] = max(costs.get(word.start, 0.0), LEADS)
        elif lang == "vi" and opener(words[index - 2] if index >= 2 else None, prev) and not word.text[:1].isupper():
            costs[word.start] = max(costs.get(word.start, 0.0), SENTENCE_OPENER)
        elif lang == "en" and runs_on(prev) and word.text[:1].isalnum():
            lead = prev.text.lower()
            price = ARTICLE_END if lead in EN_ARTICLES else DETERMINER_END if lead in EN_DETERMINERS else 0.0
            if price:
                costs[word.start] = max(costs.get(word.start, 0.0), price)


def last_line_words(items, start) -> list[str]:
    """The words of the last line when it starts after break ``start``."""
    tail = items[start.index].splits[start.split][1].text if start.split is not None else ""
    return (tail + " " + " ".join(item.atom.text for item in items[start.index + 1:])).split()


RUNT_DEMERITS = 4e5  # a last line of one word (in Vietnamese, of two syllables or fewer)
SHORT_LAST = 0.33  # of the measure: a last line shorter than this is a stub ("bất hợp pháp." at 23 %, "và quốc tế." at 25 %) ...
SHORT_DEMERITS = 1.5e5  # ... and costs up to this much, by how much shorter: at 25 %, what a line at about 66 % costs
JUSTIFIED_PRICE = 4.0  # justified: "hoàn / toàn" costs what spaces at about half an em cost, not a quarter more
RAGGED_HYPHEN = 12000.0  # a hyphen costs what a ragged line at about 75 % of the measure costs: only where the rag needs it


class Rules:
    """The composer's Latin rules for one paragraph: stub last lines, hyphens."""

    hyphen = RAGGED_HYPHEN
    hyphens_in_a_row = 1

    def __init__(self, lang: str, justified: bool = False):
        self.stub_words = 2 if lang == "vi" else 1  # Vietnamese words are syllables: "năng lượng." is one word
        # The prices of breaks (a word of two syllables, a name, a leading word) are set against a ragged
        # line's demerits; a justified line pays for its room in wider spaces, which cost more per point.
        self.price = JUSTIFIED_PRICE if justified else 1.0

    def last_line(self, items, start, natural: float, width: float) -> float:
        words = last_line_words(items, start)
        if len(words) <= self.stub_words:
            return RUNT_DEMERITS * self.price ** 2  # justified: dearer than a line at +0.4 em ("to its / readers.")
        short = SHORT_LAST * width - natural  # graded: a last line at 28 % does not squeeze a whole paragraph
        return SHORT_DEMERITS * self.price * short / (SHORT_LAST * width) if short > 0 else 0.0


def with_one_hyphen(items: list, compose) -> list:
    """The best lines with at most one hyphen in the paragraph: ``compose(items)``
    gives (lines, demerits); a paragraph the composer sets with two hyphens is
    set again with only one of them allowed at a time, and without any."""
    from dataclasses import replace

    lines, cost = compose(items)
    used = [line.end.index for line in lines if line.end.split is not None]
    if len(used) <= 1:
        return lines
    bare_items = [replace(item, splits=[]) for item in items]
    best_lines, best = compose(bare_items)
    for index in used:
        trial = list(bare_items)
        trial[index] = items[index]
        trial_lines, trial_cost = compose(trial)
        if trial_cost < best - 1e-9:
            best_lines, best = trial_lines, trial_cost
    return best_lines
