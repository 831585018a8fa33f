"""Vietnamese at a line's end (`book.text.latin`): words, dates and names.

Vietnamese writes each syllable apart, so a space does not say where a word
ends. A word of two syllables (``book/data/vi_compounds.yaml``: "Đổi mới",
"nhiệm vụ") breaks inside only where every other way leaves a line shorter
than about 65 % of the measure: a price, not a lock, for a lock in a narrow
caption leaves a notch. A lower-case generic noun stays with the short name
after it ("sông Bạch Đằng", "trang An Biên") unless a line would otherwise fall
under about 80 % of the measure; a region named by its quarter ("miền Bắc")
is one name, the country after it another ("miền Bắc / Việt Nam"); "ngày" and "tháng" stay with
the day or month they name, a century with its numeral ("thế kỷ XIX"), and
a date parts before its year only where nothing else sets ("tháng 5 / năm 1955"). The
generic head of a name (``vi_heads`` in ``book/data/latin_names.yaml``:
"Khu kinh tế", "Cảng hàng không quốc tế") breaks between its words at the
price of a line at about 80 % ("Nhà ga hành khách Cảng hàng không / quốc
tế Cát Bi" rather than a 45 % line before it), and parts from its name at a
higher one; the name itself, up to four syllables, stays whole ("Trường Đại
học / Hàng hải Việt Nam"), and a name of one syllable never leaves its head
("Nhà hát Lớn").
"""

from __future__ import annotations

from book.text.latin_names import name_words, vi_compounds, vi_heads, vi_triples
from book.text.linebreak import Atom, capitalised

LOCKED = float("inf")
COMPOUND_BREAK = 40000.0  # inside a word of two syllables ("trung / tâm"): dearer than a line at about 65 %
# In a title: only where no way of setting it whole fits its measure ("thành phố cảng xanh," is wider than an
# opener's four columns at a landscape trim): a title too wide for its frame is an error, a word parted a flaw.
DISPLAY_COMPOUND = 1e7
HEAD_INSIDE = 6000.0  # between the words of a generic head ("Cảng hàng không / quốc tế"): a line under 80 % costs more
DATE_BREAK = 2e5  # between a date's month and its year ("tháng 5 / năm 1955", circled in the seventh proof): only where the rag has no other way
GENERIC_BREAK = 6000.0  # between a lower-case generic noun and its name ("sông / Bạch Đằng"): a line under 80 % costs more
# A generic head and its name read as one name: "Khu kinh tế / Đình Vũ – Cát Hải" and "Khu công nghiệp /
# Tràng Duệ" were marked in the thirteenth vi proof, as "Lễ hội / Hoa Phượng Đỏ" in the seventh.
HEAD_BREAK = 20000.0  # between a generic head and a long name: a line at about 72 %
SHORT_HEAD_BREAK = 35000.0  # ... and a short one (a name of six syllables or fewer with its head): a line at about 66 %, under a word parted
WHOLE_NAME = 6  # syllables of a head and its name read as one name ("Vườn quốc gia Cát Bà": 5)
NAME_SYLLABLES = 4  # a name after its head of this many syllables or fewer never breaks ("Hàng hải Việt Nam")
SHORT_NAME = 3  # words of a capitalised run a lower-case generic noun stays with ("sông Bạch Đằng")
# Vietnamese month names after "tháng" ("tháng Năm", May).
# A quarter of the compass after a generic noun names a region ("miền Bắc"), a name of its own before another.
VI_QUARTERS = frozenset("Bắc Nam Trung Đông Tây".split())
# Words that name a day before its number ("ngày 13", "mùng 9": the first ten days of a lunar month).
VI_DAYS = frozenset("ngày mùng mồng".split())
VI_MONTHS = frozenset("Giêng Hai Ba Tư Bốn Năm Sáu Bảy Tám Chín Mười Chạp".split())


def bare(word: str) -> str:
    return word.strip(",.;:!?()“”‘’\"'")


def roman(word: str) -> bool:
    """A Roman numeral, as Vietnamese numbers its centuries ("thế kỷ XIX").

    >>> roman("XIX,"), roman("XX"), roman("Xin")
    (True, True, False)
    """
    letters = bare(word)
    return bool(letters) and set(letters) <= set("IVXLC")


def open_after(atom: Atom) -> bool:
    """Whether a word runs on into the next one (no punctuation, a space)."""
    return atom.text == bare(atom.text) and atom.space_after == " "


def head_spans(words: list[Atom]) -> list[tuple[int, int]]:
    """Word spans [start, end) of the generic heads among ``words``, longest first, none inside another.

    >>> head_spans([Atom(w, " ") for w in "tại Trường Đại học Hàng hải".split()])
    [(1, 4)]
    """
    lowered = [bare(w.text).lower() for w in words]
    spans: list[tuple[int, int]] = []
    taken: set[int] = set()
    for head in sorted(vi_heads(), key=lambda h: -len(h.split())):
        parts = head.split()
        for first in range(len(words) - len(parts) + 1):
            stop = first + len(parts)
            if (lowered[first:stop] == parts and all(open_after(w) for w in words[first:stop - 1])
                    and not taken.intersection(range(first, stop))):
                spans.append((first, stop))
                taken.update(range(first, stop))
    return spans


def name_length(words: list[Atom], first: int) -> int:
    """Syllables of the name that starts at ``words[first]``: capitalised ones,
    and the lower-case second syllable of a word ("Hàng hải Việt Nam": 4)."""
    count = 0
    for index in range(first, len(words)):
        word = words[index].text
        pair = (bare(words[index - 1].text).lower(), bare(word).lower())
        if not (capitalised(word) or (count and pair in vi_compounds())):
            break
        count += 1
        if not open_after(words[index]):
            break
    return count


def compound_joints(words: list[Atom]) -> set[int]:
    """The indices of the words that end a word of two or three syllables
    (``book/data/vi_compounds.yaml``), read from left to right as a reader
    does: a syllable that ends one word does not start another, so "quy
    hoạch / định hướng" holds "quy hoạch" and "định hướng", not "hoạch định"
    (a listed word too), unless the three make a listed word ("bánh đa nem").
    Where no word follows to take it, the third syllable may end either
    word: "trong nước dùng" (in broth) breaks at neither joint (the tenth vi
    proof's "trong nước / dùng").

    >>> sorted(compound_joints([Atom(w, " ") for w in "Quy hoạch định hướng".split()]))
    [1, 3]
    >>> sorted(compound_joints([Atom(w, " ") for w in "bánh đa nem".split()]))
    [1, 2]
    >>> sorted(compound_joints([Atom(w, " ") for w in "trong nước dùng nấu".split()]))
    [1, 2]
    """
    lowered = [bare(w.text).lower() for w in words]
    joints: set[int] = set()
    for index in range(1, len(words)):
        prev = words[index - 1]
        if (lowered[index - 1], lowered[index]) not in vi_compounds() or prev.text != bare(prev.text):
            continue
        if (index - 1 in joints and tuple(lowered[index - 2:index + 1]) not in vi_triples()
                and tuple(lowered[index:index + 2]) in vi_compounds()):
            continue  # "quy hoạch | định hướng": "hoạch" belongs to the word before, "định" to the one after
        joints.add(index)
    return joints


def vi_costs(words: list[Atom], costs: dict[int, float], runs: dict[int, int], display: bool = False) -> None:
    """Lock or price the breaks of a Vietnamese text in ``costs`` (offset ->
    price); ``runs`` gives the length of the capitalised run at each offset.
    A title (``display``) breaks a word only where nothing else fits (`DISPLAY_COMPOUND`): its composer prices by sense."""
    compound = DISPLAY_COMPOUND if display else COMPOUND_BREAK
    joints = compound_joints(words)
    for index, (before, prev, word) in enumerate(zip([None, *words], words, words[1:], strict=False), 1):
        if before is not None and before.text.lower() == "tháng" and prev.text.isdigit() and word.text == "năm":
            costs[word.start] = DATE_BREAK  # "ngày 13 tháng 5 / năm 1955", only where the rag needs it
        elif before is not None and before.text.lower() in VI_DAYS and prev.text.isdigit() and word.text == "tháng":
            costs[word.start] = DATE_BREAK  # "ngày mùng 9 / tháng Tám": the day parts from its month as dearly
        elif (prev.text in name_words()["vi_before"] and word.text in VI_QUARTERS and runs.get(word.start, 1) >= 3
              and not display):
            costs[word.start] = LOCKED  # "miền / Bắc Việt Nam": the region stays whole
            following = words[words.index(word) + 1]
            if costs.get(following.start) is not None:  # "miền Bắc / Việt Nam" parts one place name (review 11, p. 17):
                costs[following.start] = COMPOUND_BREAK  # only where every other way leaves a line under about 65 %
        elif prev.text in name_words()["vi_before"] and capitalised(word.text) and runs.get(word.start, 1) <= SHORT_NAME:
            # "sông / Bạch Đằng", "miền / Bắc Việt Nam": only where a line would fall under 80 %; a title never
            # A name of one syllable never leaves its noun ("miền / Bắc."), as it never leaves a head ("Nhà hát / Lớn").
            lone = display or runs.get(word.start, 1) == 1
            costs[word.start] = LOCKED if lone else max(costs.get(word.start, 0.0), GENERIC_BREAK)
        elif prev.text.lower() in VI_DAYS | {"tháng"} and (word.text[:1].isdigit() or bare(word.text) in VI_MONTHS):
            costs[word.start] = LOCKED  # "Ngày 13/5/1955", "mùng 9", "tháng Năm"
        elif prev.text.lower() == "kỷ" and roman(word.text):
            costs[word.start] = LOCKED  # "thế kỷ XIX": a century and its numeral, like a number and its unit
        elif index in joints:
            if costs.get(word.start) != LOCKED:  # a name's or a phrase's lock stands ("Nhà hát Lớn")
                costs[word.start] = max(costs.get(word.start, 0.0), compound)  # "Đổi / mới": one word
    for start, end in head_spans(words):
        for k in range(start + 1, end):
            if costs.get(words[k].start) != LOCKED:  # a word of two syllables inside it keeps its price
                costs[words[k].start] = max(costs.get(words[k].start, 0.0), HEAD_INSIDE)  # "Cảng hàng không / quốc tế"
        length = name_length(words, end) if end < len(words) and open_after(words[end - 1]) else 0
        if length and costs.get(words[end].start) != LOCKED:
            whole = end - start + length <= WHOLE_NAME and not dash_after(words, end + length - 1)
            price = SHORT_HEAD_BREAK if whole else HEAD_BREAK  # "Vườn quốc gia / Cát Bà" only where the rag needs it
            costs[words[end].start] = LOCKED if length == 1 else max(costs.get(words[end].start, 0.0), price)
            for k in range(start + 1, end) if whole else ():  # nor "Vườn / quốc gia Cát Bà": one name of five syllables
                if costs.get(words[k].start) != LOCKED:
                    costs[words[k].start] = max(costs.get(words[k].start, 0.0), SHORT_HEAD_BREAK)
        if length <= NAME_SYLLABLES:
            for k in range(end + 1, end + length):
                costs[words[k].start] = LOCKED  # "Hàng hải / Việt Nam"


def dash_after(words: list[Atom], last: int) -> bool:
    """Whether the name that ends at ``words[last]`` runs on past a dash ("Đình Vũ – Cát Hải")."""
    return last + 1 < len(words) and words[last + 1].text[:1] in "–—" or words[last].text[-1:] in "–—"
