"""Where a line may break, per script.

Text is cut into *atoms* that must stay on one line, each with whether a
space follows it. Chinese and Japanese break between characters, except
where kinsoku forbids it; Korean, Vietnamese and English break at spaces.
"""

from __future__ import annotations

from dataclasses import dataclass

from book.languages import language

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
INSEPARABLE = set("…‥—―")


@dataclass
class Atom:
    text: str
    space_after: str = ""  # the space that follows, dropped at a line end


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

    >>> [a.text for a in split_words("Cảng  Hải Phòng")]
    ['Cảng', 'Hải', 'Phòng']
    """
    atoms: list[Atom] = []
    for word in text.split(" "):
        if word == "":
            if atoms:
                atoms[-1].space_after = " "
            continue
        atoms.append(Atom(word, " "))
    if atoms:
        atoms[-1].space_after = ""
    return atoms


def split_cjk(text: str) -> list[Atom]:
    """Break between ideographic characters, keeping Latin words and numbers
    whole and applying kinsoku.

    >>> [a.text for a in split_cjk("海防港于1955年解放，")]
    ['海', '防', '港', '于', '1955', '年', '解', '放，']
    >>> [a.text for a in split_cjk("「海防」の港")]
    ['「海', '防」', 'の', '港']
    >>> [a.text for a in split_cjk("VinFast工厂……")]
    ['VinFast', '工', '厂……']
    """
    atoms: list[Atom] = []
    word = ""

    def flush() -> None:
        nonlocal word
        if word:
            atoms.append(Atom(word))
            word = ""

    for ch in text:
        if ch == " ":
            flush()
            if atoms:
                atoms[-1].space_after = " "
        elif is_ideographic(ch) or ch in NO_START or ch in NO_END:
            flush()
            atoms.append(Atom(ch))
        else:
            word += ch
    flush()
    return apply_kinsoku(atoms)


def apply_kinsoku(atoms: list[Atom]) -> list[Atom]:
    """Glue forbidden line starts to the atom before, forbidden line ends to the
    atom after, and runs of ellipses or dashes together."""
    glued: list[Atom] = []
    for atom in atoms:
        if glued and not glued[-1].space_after:
            prev = glued[-1]
            if (
                atom.text[0] in NO_START
                or prev.text[-1] in NO_END
                or (atom.text[0] in INSEPARABLE and prev.text[-1] == atom.text[0])
            ):
                prev.text += atom.text
                prev.space_after = atom.space_after
                continue
        glued.append(Atom(atom.text, atom.space_after))
    return glued


def split_atoms(text: str, lang: str) -> list[Atom]:
    return split_cjk(text) if language(lang).breaking == "characters" else split_words(text)
