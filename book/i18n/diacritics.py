"""Vietnamese names in a Latin-script edition keep their marks.

The rule for English (and any edition written in Latin letters): a
Vietnamese name is spelled as the Vietnamese source spells it, "Ngô Quyền
District", "Hải Phòng", "Đổi Mới", never "Ngo Quyen District"; only an
English name of its own ("Hanoi", "Vietnam", "Gulf of Tonkin") differs. The
check finds a name the translation writes without its marks by comparing it
with the source's words letter for letter, marks aside, and says what to
write instead; `tools/restore_diacritics.py` writes it into the catalog.
"""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
LONGEST = 4  # words in a name looked for at once
SHORTEST = 3  # letters in a one-word name (shorter ones are too often English: "Le", "Do")
# English names of their own, never "corrected": Chinese dynasties are written in pinyin.
ENGLISH = frozenset("Han Song Yuan Ming Qing Tang Hanoi Vietnam Saigon Mekong Tonkin".split())


# Each accented Latin letter (Latin-1 to Latin Extended Additional, where
# Vietnamese letters are) to its base letter; Đ is a letter of its own in Unicode.
BASE = {code: unicodedata.normalize("NFD", chr(code))[0] for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))
        if unicodedata.normalize("NFD", chr(code))[0] != chr(code)} | {ord("Đ"): "D", ord("đ"): "d"}


def unmarked(text: str) -> str:
    """``text`` without Vietnamese marks, letter for letter.

    >>> unmarked("Ngô Quyền, Đổi mới")
    'Ngo Quyen, Doi moi'
    """
    return text.translate(BASE)


def marked_names(source: str) -> dict[str, str]:
    """The source's names that carry marks (runs of one to four words from a
    capital), by their unmarked lower-case form."""
    words = list(WORD.finditer(source))
    names: dict[str, str] = {}
    for first in range(len(words)):
        for count in range(1, LONGEST + 1):
            if first + count > len(words):
                break
            span = words[first:first + count]
            gaps = [source[a.end():b.start()] for a, b in zip(span, span[1:], strict=False)]
            if any(gap not in (" ", " – ") for gap in gaps):
                break
            text = source[span[0].start():span[-1].end()]
            if unmarked(text) == text or not text[0].isupper() or (count == 1 and len(text) < SHORTEST):
                continue  # a name starts with a capital
            if count == 1 and source[:span[0].start()].rstrip()[-1:] in ("", ".", "!", "?", ":", "\n"):
                continue  # one word starting a sentence may be any word ("Thế hệ" is not "The")
            names.setdefault(unmarked(text).lower(), text)
    return names


def stripped(source: str, translation: str, known: dict[str, str] | None = None,
             own: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(as written, as it should be) for each name in ``translation`` spelled
    without the marks ``source`` (or the ``known`` names of the book) gives it.
    A name is matched when it starts with a capital in the translation; its
    capitals stay as the translation has them ("Doi Moi" -> "Đổi Mới").

    >>> stripped("quận Ngô Quyền và thời kỳ Đổi mới", "Ngo Quyen District and the Doi Moi era")
    [('Ngo Quyen', 'Ngô Quyền'), ('Doi Moi', 'Đổi Mới')]
    >>> stripped("Hà Nội – Hải Phòng", "Hanoi – Hải Phòng"), stripped("quân Nam Hán", "the Southern Han army")
    ([], [])
    """
    own = marked_names(source) if own is None else own
    known = known or {}  # the book's names: of two words or more
    words = list(WORD.finditer(translation))
    found: list[tuple[str, str]] = []
    index = 0
    while index < len(words):
        for count in range(LONGEST, 0, -1):
            span = words[index:index + count]
            if len(span) < count:
                continue
            text = translation[span[0].start():span[-1].end()]
            key = text.lower()
            right = own.get(key) or (known.get(key) if count > 1 else None)
            if (right is None or not text[0].isupper() or len(right) != len(text) or right == text
                    or text in ENGLISH or f" {text} " in f" {source} "):
                continue  # as the source writes it ("Nguyễn Quang Minh": no marks on "Quang")
            fixed = "".join(r.upper() if t.isupper() else r for t, r in zip(text, right, strict=True))
            if fixed != text and unmarked(fixed) == text:
                found.append((text, fixed))
                index += count
                break
        else:
            index += 1
    return found


def restore(source: str, translation: str, known: dict[str, str] | None = None) -> str:
    """``translation`` with each name `stripped` finds spelled with its marks."""
    for wrong, right in sorted(set(stripped(source, translation, known)), key=lambda pair: -len(pair[0])):
        translation = re.sub(rf"(?<!\w){re.escape(wrong)}(?!\w)", right, translation)
    return translation


def known_names(sources: list[str], found=()) -> dict[str, str]:
    """The names of two words or more in the sources, each as it is most
    often spelled (its capitals matter not: `stripped` keeps the
    translation's); ``found`` holds `marked_names` of the first sources, when
    the caller has them already."""
    seen: dict[str, dict[str, int]] = {}
    found = list(found)
    for number, source in enumerate(sources):
        for key, name in (found[number] if number < len(found) else marked_names(source)).items():
            if " " in key:
                forms = seen.setdefault(key, {})
                forms[name] = forms.get(name, 0) + 1
    return {key: max(sorted(forms), key=lambda f: (f != f.upper(), forms[f])) for key, forms in seen.items()}
