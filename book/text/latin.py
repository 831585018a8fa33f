"""Latin and Vietnamese text: where a name may break, and at what price.

A long name is not locked on one line: it may break at a price the
paragraph composer weighs against the rag, and at its natural joint for
less: after a head ("Cát Bà Archipelago / World Natural Heritage"), after a title ("Trạng Trình /
Nguyễn Bỉnh Khiêm"), after Vietnamese generic words ("Cảng hàng không quốc
tế / Cát Bi"). What never breaks: a place of two or three words and its
single head ("Bạch Đằng River", "Bạch Long Vĩ Island"), an institution's
name and its generic part ("Cát Bi International Airport", "Đình Vũ–Cát Hải
Economic Zone": a line breaks before it), a generic part itself ("World
Biosphere Reserve"), a personal name, a name and the acronym
after it ("Hải Phòng FC"), an italic term of two or three words
(``*hát đúm*``), a Vietnamese generic noun and its name ("sông Bạch
Đằng"), and the names ``book/data/latin_names.yaml`` lists ("Ngày giải
phóng"). A body's own name (a publisher, an agency) breaks only where
nothing else fits. Dates in Vietnamese stay whole where a break would
separate "ngày" or "tháng" from what names the day or month ("Ngày
13/5/1955", "tháng Năm"); a Vietnamese word of two syllables ("Đổi mới",
listed in ``book/data/vi_compounds.yaml``) breaks only where nothing
else fits, and a name parts from its generic head only at a price
(`book.text.latin_vi`).
"""

from __future__ import annotations

import unicodedata

from book.text.latin_names import generic, heads, is_body, name_words
from book.text.latin_sense import Rules, sense_costs, with_one_hyphen  # noqa: F401 (the composer imports them here)
from book.text.latin_vi import vi_costs
from book.text.linebreak import SENTENCE_END, Atom, capitalised

NAME_BREAK = 15000.0  # demerits for a break inside a name: a line at about 70 % of the measure costs as much
NATURAL_BREAK = 3000.0  # ... at its natural point (after "Island", before "Cát Bi"): a line at about 80 %
SHORT_NAME_BREAK = 9000.0  # inside a place of two or three words, or leaving one word of a longer name alone
HEAD_ALONE = 6000.0  # before a place's generic head ("Điện Biên Phủ / Street"): only where a line would fall under 80 %
LOCKED = float("inf")
DASH_BREAK = 50000.0  # after a spaced dash before a lower-case name: dearer than a split word or a leading word at a line's end
BODY_BREAK = 1e6  # inside a body's own name (a publisher, an agency): dearer than a stub, only where nothing else fits
PERSON_WORDS = 4  # a surname and the names after it ("Nguyễn Thị Thu Trang"), never broken
SHORT_NAME = 3  # words of a capitalised name that never breaks
# Vietnamese surnames: a capitalised one starts a personal name (with or without its marks).
SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trịnh Đinh Lương Mạc Đào Cao Tô Hà "
    "Trương Lâm Triệu Quách Kiều Khúc".split())
# Without marks, only those no English place name starts with ("Do Son", "Ha Long" are places).
SURNAMES_PLAIN = frozenset("Nguyen Tran Le Pham Hoang Huynh Phan Vo Dang Bui Ngo Duong Trinh Luong".split())
# Lower-case words a name runs through ("Battle of Bach Dang").
LINKS = frozenset("of the and de".split())
# The conjunction between two names ("Thông tin / và Truyền thông"): a line breaks before it.
CONJUNCTIONS = frozenset(("and", "và"))
# A sentence's first word that is not part of the name after it.
NOT_NAMES = frozenset(
    "A An The In On At From For With By Since After Before During Every Each This These Its Their Our Today Here Now "
    "Along Across Near Around Over Under Inside Outside When While As Like Beyond Between "
    "Tại Trong Ở Từ Sau Trước Khi Với Các Những Năm Ngày Tháng Hôm Đến Giữa Bên Trên Dưới Cùng Nay Hiện".split())


def plain(word: str) -> str:
    return unicodedata.normalize("NFD", word).encode("ascii", "ignore").decode().replace("Đ", "D").replace("đ", "d")


def bare(word: str) -> str:
    return word.strip(",.;:!?()“”‘’\"'")


def is_surname(word: str) -> bool:
    return bare(word) in SURNAMES or bare(word) in SURNAMES_PLAIN


def acronym(word: str) -> bool:
    """Two to four capitals, the end of a name ("Hải Phòng FC", "VinFast JSC").

    >>> acronym("FC"), acronym("FC."), acronym("UNESCO"), acronym("A")
    (True, True, False, False)
    """
    letters = bare(word)
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()


def generic_start(words: list[Atom], start: int, end: int) -> int:
    """Where the generic part of the name ``words[start:end]`` begins ("Cát Bi |
    International Airport"); a head inside a longer name closes the part
    before it ("Cát Bà Archipelago | World Natural Heritage")."""
    first = end
    while first - 1 > start and bare(words[first - 1].text) in generic() and (
            first == end or bare(words[first - 1].text) not in heads()):
        first -= 1
    return first


def name_runs(words: list[Atom], links: bool = True) -> list[tuple[int, int]]:
    """Spans [start, end) of the capitalised runs among ``words`` (a
    lower-case link inside one: "Battle of Bach Dang"), from a sentence's
    first word too unless it is a word like "The" or "In"."""
    runs = []
    index = 0
    while index < len(words):
        if not capitalised(words[index].text):
            index += 1
            continue
        end = index + 1
        while end < len(words) and words[end - 1].space_after == " " and words[end - 1].text[-1] not in SENTENCE_END + ",)":
            if capitalised(words[end].text) or acronym(words[end].text):
                end += 1
            elif (links and bare(words[end].text) in LINKS and end + 1 < len(words) and capitalised(words[end + 1].text)
                  and words[end].space_after == " " and words[end].text == bare(words[end].text)):
                end += 2
            else:
                break
        first_of_sentence = index == 0 or words[index - 1].text[-1] in SENTENCE_END
        linked = end > index + 1 and bare(words[index + 1].text) in LINKS  # "Artisans of Bảo Hà": "Artisans" is no name
        start = index + (2 if linked else 1) if first_of_sentence and (linked or bare(words[index].text) in NOT_NAMES) else index
        if end - start >= 2:
            runs.append((start, end))
        index = end
    return runs


def persons(words: list[Atom], start: int, end: int) -> list[tuple[int, int]]:
    """The personal names inside a run: a surname and up to two names after it."""
    out = []
    index = start
    while index < end - 1:
        if is_surname(words[index].text) and capitalised(words[index + 1].text):
            stop = min(end, index + PERSON_WORDS)
            while stop > index + 1 and not all(capitalised(w.text) for w in words[index:stop]):
                stop -= 1
            if stop - index > 2 and head_alone(words, index, stop, stop - 2):
                stop -= 1  # "Ngô Quyền District", "Hoàng Văn Thụ Bridge": a person's name, then a place's head
            out.append((index, stop))
            index = stop
        else:
            index += 1
    return out


def short_cost(words: list[Atom], start: int, end: int, k: int) -> float:
    """The price of a break after ``words[k]`` that leaves one word of the name
    ``words[start:end]`` alone, or parts a name of four words or fewer: only
    before a personal name; never a place of two or three words and its head
    ("Bạch Đằng / River"), the first word ("Bạch / Long Vĩ Island"), one of
    two ("Thủy / Nguyên") or an acronym ("Hải Phòng / FC"). A place of two
    words or more may leave its generic head ("Điện Biên Phủ / Street") where
    the line would otherwise fall under about 80 % of the measure."""
    if acronym(words[k + 1].text) or end - start == 2:
        return LOCKED
    if head_alone(words, start, end, k):
        return HEAD_ALONE
    if k > start and is_surname(words[k + 1].text) and not is_surname(words[k].text):
        return SHORT_NAME_BREAK
    return LOCKED


def head_alone(words: list[Atom], start: int, end: int, k: int) -> bool:
    """Whether a break after ``words[k]`` leaves only the head of a place of three words ("Bạch Đằng / River")."""
    head = bare(words[k + 1].text)  # an institution's ("Hải Phòng Museum") is its name's generic part: never alone
    return end - start >= 3 and k == end - 2 and head in heads() and head not in name_words()["generic"] and head[:1].isupper()


def settle(costs: dict[int, float], offset: int, cost: float) -> None:
    """A lock found by any rule stands; of two prices the lower."""
    old = costs.get(offset)
    costs[offset] = cost if old is None else LOCKED if LOCKED in (old, cost) else min(old, cost)


def run_costs(words: list[Atom], start: int, end: int, costs: dict[int, float]) -> None:
    """The price of a break after each word of the name ``words[start:end]``.
    A long name is read as the names it strings together, cut at its natural
    points ("Cát Bà Archipelago / World Natural Heritage"): each of those of
    three words or fewer stays whole."""
    count = end - start
    cuts = [start]
    tail = generic_start(words, start, end)
    for k in range(start, end - 1):
        before, after = k + 1 - start, end - k - 1
        if bare(words[k + 1].text) in CONJUNCTIONS and after >= 2:
            cost = NATURAL_BREAK  # two names, or a title's two words: "Struggle, Construction / and Development"
        elif count <= SHORT_NAME or before < 2 or after < 2:
            cost = short_cost(words, start, end, k)
        elif words[k + 1].text[:1] in "–—(" or words[k].text[-1:] in "–—":
            cost = LOCKED  # the dash rules decide ("Hue – Hoi An" stays whole)
        elif bare(words[k].text) in LINKS or bare(words[k + 1].text) in LINKS:
            cost = NAME_BREAK * 2
        elif k + 1 == tail and end - tail >= 2 and bare(words[k].text) not in heads():
            cost = LOCKED  # an institution's name is one: "Cát Bi / International Airport" never
        elif bare(words[k].text) in heads() or is_surname(words[k + 1].text):
            cost = NATURAL_BREAK  # "… Island / …", "Trạng Trình / Nguyễn …"
        elif not capitalised(words[k].text) and capitalised(words[k + 1].text):
            cost = NATURAL_BREAK  # "Cảng hàng không quốc tế / Cát Bi"
        else:
            cost = NAME_BREAK
        if cost == NATURAL_BREAK or (cost == LOCKED and k + 1 == tail):
            cuts.append(k + 1)
        elif CONJUNCTIONS & {bare(words[k].text), bare(words[k + 1].text)}:
            cuts.append(k + 1)  # two names: "Cát Bà Archipelago and / Bạch Long Vĩ Island"
        settle(costs, words[k + 1].start, cost)
    for first, stop in zip(cuts, [*cuts[1:], end], strict=True):
        for k in range(first, stop - 1):
            if stop - first <= SHORT_NAME + 1 or k == first:  # "Bạch Long Vĩ / Island" at most
                settle(costs, words[k + 1].start, short_cost(words, first, stop, k))
    for first, stop in persons(words, start, end):
        for k in range(first, stop - 1):
            costs[words[k + 1].start] = LOCKED
        if first > start and stop - first >= 2 and costs.get(words[first].start, LOCKED) != LOCKED:
            costs[words[first].start] = min(costs[words[first].start], NATURAL_BREAK)


def phrase_spans(words: list[Atom], text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """Word spans of each occurrence of the glossary's long names (more than three words)."""
    starts = {w.start + len(w.text) - len(w.text.lstrip("(“‘\"'")): i for i, w in enumerate(words)}  # "(Nhà xuất bản …)"
    spans = []
    for phrase in phrases:
        at = text.find(phrase)
        while at >= 0:
            if at in starts:
                first = starts[at]
                last = first
                while last + 1 < len(words) and words[last + 1].start < at + len(phrase):
                    last += 1
                spans.append((first, last + 1))
            at = text.find(phrase, at + 1)
    return spans


def name_breaks(words: list[Atom], text: str, keep: tuple[str, ...], lang: str,
                display: bool = False, units: tuple[str, ...] = ()) -> tuple[set[int], dict[int, float]]:
    """Offsets where no line may start (inside names that never break, dates)
    and the price of starting one at the other offsets inside names.
    ``words`` are the text's words; ``keep`` the names of the edition (a
    photographer's, the glossary's): a long one breaks at a price, as a run
    of capitalised words does. In a ``display`` text (a title, in Title Case)
    a name is a run of capitals alone: "Construction and Development" is no name.
    ``units`` (italic terms) never break."""
    costs: dict[int, float] = {}
    # A title in Title Case capitalises every word, so its runs of capitals are no
    # names: the book's keep_together keeps its names whole (`book.text.title_breaks`).
    for start, end in [] if display and title_case(words) else name_runs(words, links=not display):
        run_costs(words, start, end, costs)
    long_phrases = tuple(p for p in keep if len(p.split()) > SHORT_NAME)  # a photographer's name: see `persons`
    for start, end in phrase_spans(words, text, long_phrases):
        run_costs(words, start, end, costs)
    for start, end in phrase_spans(words, text, tuple(p for p in keep if p not in long_phrases)):
        # A person's name, a lower-case phrase, or a label and the name it introduces ("Ảnh: Vũ"):
        # the label's price would let it end a line with the name on the next.
        # A person's or a place's name of two or three words, a label and its name: never broken.
        for k in range(start + 1, end):
            settle(costs, words[k].start, HEAD_ALONE if head_alone(words, start, end, k - 1) else LOCKED)
    for start, end in phrase_spans(words, text, units + tuple(name_words()["phrases"].get(lang, ()))):
        for k in range(start + 1, end):
            costs[words[k].start] = LOCKED  # "*hát đúm*", "Ngày giải phóng"
    bodies = [(a, b) for a, b in name_runs(words) if is_body(" ".join(w.text for w in words[a:b]))]
    for start, end in bodies + phrase_spans(words, text, tuple(p for p in long_phrases if is_body(p))):
        for k in range(start + 1, end):
            if costs.get(words[k].start) != LOCKED:
                costs[words[k].start] = max(costs.get(words[k].start, 0.0), BODY_BREAK)
    for k in range(1, len(words) - 2):
        beside = names_beside(words, k)
        if words[k].text in ("–", "—") and min(beside) >= 2 and max(beside) >= SHORT_NAME and words[k + 1].start not in costs:
            costs[words[k + 1].start] = NAME_BREAK  # "Hạ Long Bay – / Cát Bà Archipelago", where the rag needs it
        elif (words[k].text == "–" and beside[0] >= 1 and not capitalised(words[k + 1].text) and name_follows(words, k + 1)
              and words[k + 1].start not in costs):
            costs[words[k + 1].start] = DASH_BREAK  # "Vịnh Hạ Long – / quần đảo Cát Bà": only where nothing else fits
    if lang == "vi":  # words of two syllables, dates, names after their heads: `book.text.latin_vi`
        vi_costs(words, costs, {words[a].start: b - a for a, b in name_runs(words)}, display)
    if not display:  # "Lê Chân ở / trung tâm", "On / May 13, 1955": `book.text.latin_sense`
        sense_costs(words, costs, lang)
    locked = {offset for offset, cost in costs.items() if cost == LOCKED}
    return locked, {offset: cost for offset, cost in costs.items() if cost != LOCKED}


def title_case(words: list[Atom]) -> bool:
    """Whether a display text capitalises its words as English titles do
    (all but its function words), rather than its names alone.

    >>> title_case([Atom(w) for w in "The Seaport, Northern Vietnam's Gateway to Trade".split()])
    True
    >>> title_case([Atom(w) for w in "Tương lai: thành phố cảng xanh, hiện đại".split()])
    False
    """
    lettered = [w for w in words if any(ch.isalpha() for ch in w.text) and len(bare(w.text)) > 3]
    return len(lettered) >= 3 and sum(capitalised(w.text) for w in lettered) >= 0.75 * len(lettered)


def name_follows(words: list[Atom], first: int) -> bool:
    """Whether a name starts at ``words[first]``, or after a lower-case generic
    noun of one or two words ("quần đảo Cát Bà", "đảo Cát Bà"). A dash
    between two capitalised names is the dash rules' (`book.text.linebreak.names_joined`)."""
    before = tuple(name_words()["vi_before"])
    for lead in range(3):
        if first + lead >= len(words):
            return False
        if capitalised(words[first + lead].text):
            return lead == 0 or " ".join(bare(w.text) for w in words[first:first + lead]) in before
    return False


def names_beside(words: list[Atom], k: int) -> tuple[int, int]:
    """How many capitalised words stand right before and right after the dash ``words[k]``."""
    before = 0
    while k - before - 1 >= 0 and capitalised(words[k - before - 1].text) and words[k - before - 1].space_after:
        before += 1
    after = 0
    while k + after + 1 < len(words) and capitalised(words[k + after + 1].text):
        after += 1
        if words[k + after].space_after != " ":
            break
    return before, after
