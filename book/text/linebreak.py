"""Where a line may break, per script.

Text is cut into *atoms* that must stay on one line, each with whether a
space follows it. Chinese and Japanese break between characters, except
where kinsoku forbids it; Korean, Vietnamese and English break at spaces.
Some units never break: phrases the caller names (a photographer, a place
in the glossary), a number with its unit or month, a date, a range.
"""

from __future__ import annotations

from dataclasses import dataclass

from book.languages import language
from book.text.cjk_breaks import extra_cuts
from book.text.separators import fold_separators

# No line may start with these (closing brackets, stops, small kana, prolonged sound mark…).
NO_START = set(
    ")]}）］｝〕〉》」』】〙〗〟’”»›"
    "、。，．・：；？！‥…,.:;?!"
    "ーゝゞヽヾ々〻"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "％‰℃°′″゛゜"
)
# No line may end with these (opening brackets and quotes).
NO_END = set("([{（［｛〔〈《「『【〘〖〝‘“«‹")
# Never split between two of these ("……", "——").
INSEPARABLE = set("…‥—―⸺⸻")
# Dashes: no line starts with one; a single dash between two words or numbers
# (a connector, a range: "亭武—吉海", "13日～2025年") ends no line either.
# "⸺" and "⸻" are the two- and three-em dashes as one character.
DASHES = set("–—―⸺⸻〜～")


@dataclass
class Atom:
    text: str
    space_after: str = ""  # the space that follows, dropped at a line end
    start: int = 0  # offset of the atom's first character in the paragraph
    after: str = ""  # the character that follows with no space between (CJK punctuation pairs)
    penalty: float = 0.0  # demerits for a break after it (inside a long name: `book.text.latin`)
    role: str = ""  # the font role it is set in, when not its style's (italic: `book.text.italic`)


def is_ideographic(ch: str) -> bool:
    """Characters between which zh and ja text may break."""
    code = ord(ch)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, kana, CJK punctuation, ideographs
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF  # fullwidth forms
        or 0x20000 <= code <= 0x3FFFF
        or ch in INSEPARABLE
        or ch in "“”‘’"
    )


def split_words(text: str) -> list[Atom]:
    """Break at spaces only (vi, en, ko).

    >>> [a.text for a in split_words("Cảng  Đà Nẵng")]
    ['Cảng', 'Đà', 'Nẵng']
    """
    atoms: list[Atom] = []
    offset = 0
    for word in text.split(" "):
        if word == "":
            if atoms:
                atoms[-1].space_after = " "
        else:
            atoms.append(Atom(word, " ", offset))
        offset += len(word) + 1
    if atoms:
        atoms[-1].space_after = ""
    return atoms


def split_cjk(text: str) -> list[Atom]:
    """Break between ideographic characters, keeping Latin words and numbers
    whole and applying kinsoku.

    >>> [a.text for a in split_cjk("岘港市于1975年解放，")]
    ['岘', '港', '市', '于', '1975', '年', '解', '放，']
    >>> [a.text for a in split_cjk("「岘港」の港")]
    ['「岘', '港」', 'の', '港']
    >>> [a.text for a in split_cjk("VinFast工厂……")]
    ['VinFast', '工', '厂……']
    >>> [a.text for a in split_cjk("岘港—会安古城")]
    ['岘', '港—会', '安', '古', '城']
    """
    atoms: list[Atom] = []
    word, word_start = "", 0

    def flush() -> None:
        nonlocal word
        if word:
            atoms.append(Atom(word, "", word_start))
            word = ""

    for offset, ch in enumerate(text):
        if ch == " ":
            flush()
            if atoms:
                atoms[-1].space_after = " "
        elif is_ideographic(ch) or ch in NO_START or ch in NO_END or ch in DASHES:
            flush()
            atoms.append(Atom(ch, "", offset))
        else:
            if not word:
                word_start = offset
            word += ch
    flush()
    return apply_kinsoku(atoms)


def join(atoms: list[Atom], index: int) -> None:
    """Merge atom ``index + 1`` into atom ``index``, keeping the space between them."""
    atom, nxt = atoms[index], atoms.pop(index + 1)
    atom.text += atom.space_after + nxt.text
    atom.space_after = nxt.space_after


def apply_kinsoku(atoms: list[Atom]) -> list[Atom]:
    """Glue forbidden line starts to the atom before, forbidden line ends to the
    atom after, runs of ellipses or dashes together, and a lone connector dash
    ("岘港—会安") to both its neighbours."""
    glued: list[Atom] = []
    for atom in atoms:
        if glued and not glued[-1].space_after:
            prev = glued[-1]
            if (
                atom.text[0] in NO_START
                or prev.text[-1] in NO_END
                or (atom.text[0] in INSEPARABLE and prev.text[-1] == atom.text[0])
                or atom.text[0] in DASHES
            ):
                prev.text += atom.text
                prev.space_after = atom.space_after
                continue
        glued.append(Atom(atom.text, atom.space_after, atom.start))
    # A dash glued once is a connector unless it is a run ("——"): hold the next atom to it.
    out: list[Atom] = []
    for atom in glued:
        if out and not out[-1].space_after and is_connector(out[-1].text):
            out[-1].text += atom.text
            out[-1].space_after = atom.space_after
        else:
            out.append(atom)
    return out


def is_connector(text: str) -> bool:
    """A text ending with one dash (not a run of two) that joins what follows."""
    return len(text) >= 2 and text[-1] in DASHES and text[-2] not in DASHES


def names_joined(before: str, after: str) -> bool:
    """A dash between two names is a connector ("Huế – Hội An"), not a pause.

    >>> names_joined("Bay –", "Cat"), names_joined("city —", "the")
    (True, False)
    """
    words = before[:-1].split()
    return bool(words) and words[-1][:1].isupper() and after[:1].isupper()


def has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def number_word(text: str, words: frozenset[str]) -> bool:
    return text.strip(",.;:()") in words


def keeps_together(prev: Atom, atom: Atom, words: frozenset[str], cjk: bool) -> bool:
    """No break between ``prev`` and ``atom``: a dash may not start a line, a
    range may not break at its dash, a number stays with its unit or month.

    >>> en = frozenset({"May"})
    >>> keeps_together(Atom("May", " "), Atom("13,", " "), en, False)
    True
    >>> keeps_together(Atom("29/3/1975", " "), Atom("–", " "), en, False)
    True
    >>> keeps_together(Atom("harbour", " "), Atom("cranes", ""), en, False)
    False
    >>> keeps_together(Atom("2024", " "), Atom("·", " "), en, False)
    True
    """
    if atom.text[0] in DASHES or atom.text == "·":
        return True  # nor a separator ("Đà Nẵng, 2024 · Ảnh: …")
    if prev.text[-1] in DASHES and (len(prev.text) == 1 or has_digit(prev.text) or names_joined(prev.text, atom.text)):
        return True  # "1975 – 2025", "– 2025", "Hue – Hoi An"
    if cjk:
        if prev.text[-1].isdigit() and atom.text[0] in words:
            return True  # 1975年, 50周年
        return prev.text[-1] in words and has_digit(prev.text) and atom.text[0].isdigit()  # 年5月
    if has_digit(prev.text):
        if hangul_after_unit(prev.text):
            return False  # "제45호는 / 2030년까지": a word its particle ends, not a date running on
        return has_digit(atom.text) or number_word(atom.text, words)
    return number_word(prev.text, words) and has_digit(atom.text) and prev.text[-1] not in ".;:"


def hangul_after_unit(text: str) -> bool:
    """A Korean word that runs on past its number's unit ("45호는", "2030년까지,", "300일간의"): a
    word of its own, where "1955년" and "5월" are a date's parts that stay with the next number.

    >>> hangul_after_unit("2030년까지,"), hangul_after_unit("제45-NQ/TW호는"), hangul_after_unit("1955년")
    (True, True, False)
    >>> hangul_after_unit("13일,"), hangul_after_unit("May"), hangul_after_unit("70%")
    (False, False, False)
    """
    last = max(i for i, ch in enumerate(text) if ch.isdigit()) if has_digit(text) else -1
    tail = [ch for ch in text[last + 1:] if ch.isalpha()]
    return len(tail) > 1 and all(0xAC00 <= ord(ch) <= 0xD7A3 for ch in tail[-1:])


NAME_WORDS = 3  # a run of capitalised words kept on one line: "Thủy Nguyên", "Nguyễn Bỉnh Khiêm"
SENTENCE_END = ".!?:;"


def capitalised(word: str) -> bool:
    """A word that starts a name: a capital, then not all capitals (a heading set in capitals breaks as usual)."""
    letters = [ch for ch in word if ch.isalpha()]
    return bool(letters) and word[0].isupper() and not (len(letters) > 1 and all(ch.isupper() for ch in letters))


def join_names(atoms: list[Atom]) -> None:
    """Keep a place or person's name on one line: two or three capitalised
    words in a row, not counting a sentence's first word, are joined (a
    longer run breaks between its words, so a long name does not leave a
    short line before it).

    >>> atoms = split_words("Rice terraces in Mù Cang Chải and Sa Pa. In Da Nang the Dragon Bridge Night Market")
    >>> join_names(atoms); [a.text for a in atoms if " " in a.text]
    ['Mù Cang Chải', 'Sa Pa.', 'Da Nang']
    """
    index = 0
    while index < len(atoms):
        if not capitalised(atoms[index].text) or " " in atoms[index].text:
            index += 1
            continue
        end = index + 1  # the run of capitalised words from here
        while end < len(atoms) and capitalised(atoms[end].text) and continues(atoms[end - 1]):
            end += 1
        first = index + 1 if index == 0 or atoms[index - 1].text[-1] in SENTENCE_END else index  # not a sentence's first word
        if 2 <= end - first <= NAME_WORDS:
            for _ in range(end - first - 1):
                join(atoms, first)
            index = first + 1
        else:
            index = end


def continues(atom: Atom) -> bool:
    """Whether a name may go on after ``atom`` (a space, no punctuation)."""
    return atom.space_after == " " and atom.text[-1] not in SENTENCE_END + ",)"


def protect(atoms: list[Atom], text: str, keep: tuple[str, ...], cuts: set[int]) -> list[Atom]:
    """Merge the atoms inside each occurrence of a ``keep`` phrase, and across ``cuts``."""
    for phrase in keep:
        if not phrase or phrase not in text:
            continue
        at = text.find(phrase)
        while at >= 0:
            cuts.update(range(at + 1, at + len(phrase)))
            at = text.find(phrase, at + 1)
    index = 0
    while index < len(atoms) - 1:
        if atoms[index + 1].start in cuts:
            join(atoms, index)
        else:
            index += 1
    return atoms


def split_atoms(text: str, lang: str, keep: tuple[str, ...] = (), phrases: bool = False,
                compounds: tuple[str, ...] = (), units: tuple[str, ...] = ()) -> list[Atom]:
    """The unbreakable pieces of ``text``; ``keep`` names phrases never broken;
    ``phrases`` (titles) breaks Chinese and Japanese only between BudouX
    phrases, and other languages never inside ``compounds`` (the words the
    book lists in its ``keep_together``, matched in any case); ``units``
    (italic terms) never break in Latin text.

    >>> [a.text for a in split_atoms("Ảnh: Nguyễn Thị Thu Trang", "vi", ("Nguyễn Thị Thu Trang",))]
    ['Ảnh:', 'Nguyễn Thị Thu Trang']
    >>> [a.text for a in split_atoms("reunification (30/4/1975 – 30/4/2025) on April 30, 2025", "en")]
    ['reunification', '(30/4/1975 – 30/4/2025)', 'on', 'April 30, 2025']
    """
    facts = language(lang)
    cjk = facts.breaking == "characters"
    atoms = split_cjk(text) if cjk else fold_separators(split_words(text))
    cuts: set[int] = set()
    if phrases:  # a title: `book.text.title_breaks`
        from book.text.title_breaks import compound_cuts, phrase_cuts

        cuts = phrase_cuts(text, facts.phrase_model) if facts.phrase_model else compound_cuts(text, compounds)
    if cjk:
        cuts |= extra_cuts(text, lang)  # Japanese: no katakana word leaves one or two kana alone
    penalties: dict[int, float] = {}
    latin = facts.script == "Latn"
    if latin:  # names: some never break, long ones at a price (`book.text.latin`)
        from book.text.latin import name_breaks

        locked, penalties = name_breaks(atoms, text, keep, lang, display=phrases, units=units)
        cuts, keep = cuts | locked, ()
    atoms = protect(atoms, text, keep, cuts)
    if not cjk and not latin:
        join_names(atoms)
    index = 0
    while index < len(atoms) - 1:
        # A dash between two long names, a Vietnamese date's year ("tháng 5 / năm 1955"): priced, not joined.
        priced = atoms[index + 1].start in penalties and (atoms[index].text[-1] in DASHES or atoms[index + 1].text == "năm")
        if keeps_together(atoms[index], atoms[index + 1], facts.number_words, cjk) and not priced:
            join(atoms, index)
        else:
            index += 1
    for atom, nxt in zip(atoms, atoms[1:], strict=False):
        if not atom.space_after:
            atom.after = nxt.text[0]
        atom.penalty = penalties.get(nxt.start, 0.0)
    return atoms
