"""Italic markup: ``*hát đúm*`` sets the words between the stars in italic.

The markup is light, so a translator can type it in any catalog editor: a
pair of stars around one or more words; ``\\*`` prints a star. A star left
open is an error the catalog check reports at its file and line.

Which face "italic" is comes from fonts/fonts.yaml: each role has an
``-italic`` role (``serif`` -> ``serif-italic``). In Chinese, Japanese and
Korean editions the italic roles fall back to the upright CJK faces, so
there a marked Latin word is set in italic and a marked CJK word stays
upright: no CJK face has a true italic, and slanting ideographs is not how
these scripts emphasise (they use emphasis dots or brackets, which the
translation writes in its own words).
"""

from __future__ import annotations

from book.text.linebreak import Atom

STAR = "*"
ESCAPED = "\\*"


def italic_role(role: str) -> str:
    """The role an italic span of ``role`` is set in.

    >>> italic_role("serif"), italic_role("sans-bold"), italic_role("serif-italic")
    ('serif-italic', 'sans-bold-italic', 'serif-italic')
    """
    return role if role.endswith("-italic") else f"{role}-italic"


def parse(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text without markup, and its italic spans as (start, end) offsets in it.

    >>> parse("Folk artists of a *hát đúm* club")
    ('Folk artists of a hát đúm club', ((18, 25),))
    >>> parse(r"5 \\* 3 and *Tết*.")
    ('5 * 3 and Tết.', ((10, 13),))
    """
    if STAR not in text:
        return text, ()
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    index = 0
    length = 0
    while index < len(text):
        if text.startswith(ESCAPED, index):
            out.append(STAR)
            length += 1
            index += 2
            continue
        ch = text[index]
        if ch == STAR:
            if opened is None:
                opened = length
            else:
                if length > opened:
                    spans.append((opened, length))
                opened = None
        else:
            out.append(ch)
            length += 1
        index += 1
    if opened is not None and length > opened:
        spans.append((opened, length))  # reported by the catalog check; set to the end meanwhile
    return "".join(out), tuple(spans)


def plain(text: str) -> str:
    """``text`` as it reads, without markup (for PDF metadata, searches, counts)."""
    return parse(text)[0]


def unclosed(text: str) -> int | None:
    """The offset of a star that opens italic and is never closed, or None.

    >>> unclosed("a *hát đúm* club"), unclosed("a *hát đúm club"), unclosed(r"5 \\* 3")
    (None, 2, None)
    """
    opened = None
    index = 0
    while index < len(text):
        if text.startswith(ESCAPED, index):
            index += 2
            continue
        if text[index] == STAR:
            opened = index if opened is None else None
        index += 1
    return opened


def mark(atoms: list[Atom], spans: tuple[tuple[int, int], ...], role: str) -> None:
    """Set the atoms whose letters lie mostly inside an italic span in the italic
    role; the punctuation an atom carries outside its span ("*rối cạn*,",
    "(*Đổi Mới*)") becomes an atom of its own, in roman, that no line may
    start or end at."""
    if not spans:
        return
    inside = set()
    for start, end in spans:
        inside.update(range(start, end))
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        offsets = [atom.start + k for k, ch in enumerate(atom.text) if ch.isalnum()]
        if offsets and 2 * sum(1 for o in offsets if o in inside) > len(offsets):
            atom.role = italic_role(role)
            pieces = roman_edges(atom, inside)
            atoms[index:index + 1] = pieces
            index += len(pieces) - 1
        index += 1


GLUED = 1e9  # a break between a word and its own punctuation: only where nothing else fits


def roman_edges(atom: Atom, inside: set[int]) -> list[Atom]:
    """``atom`` (italic), with its leading and trailing characters outside the
    italic spans split off as roman atoms glued to it.

    >>> [(a.text, a.role) for a in roman_edges(Atom("cạn,", " ", 10, role="serif-italic"), {10, 11, 12})]
    [('cạn', 'serif-italic'), (',', '')]
    """
    text = atom.text
    lead = 0
    while lead < len(text) and atom.start + lead not in inside and not text[lead].isalnum():
        lead += 1
    trail = len(text)
    while trail > lead and atom.start + trail - 1 not in inside and not text[trail - 1].isalnum():
        trail -= 1
    if lead == 0 and trail == len(text):
        return [atom]
    middle = Atom(text[lead:trail], "" if trail < len(text) else atom.space_after, atom.start + lead,
                  penalty=GLUED if trail < len(text) else atom.penalty, role=atom.role)
    out = [middle]
    if lead:
        out.insert(0, Atom(text[:lead], "", atom.start, after=middle.text[:1], penalty=GLUED))
    if trail < len(text):
        middle.after = text[trail]
        out.append(Atom(text[trail:], atom.space_after, atom.start + trail, atom.after, atom.penalty))
    return out


def by_role(text: str, role: str) -> dict[str, str]:
    """The characters ``text`` sets in each role (its italic spans in the italic one), for font subsetting."""
    shown, spans = parse(text)
    if not spans:
        return {role: shown}
    return {role: shown, italic_role(role): "".join(shown[a:b] for a, b in spans) + " "}


def loose_ends(text: str) -> list[str]:
    """The italic spans of ``text`` that take in a space or the punctuation
    after their words ("*rối cạn,* "): the comma belongs to the sentence, and
    is set roman.

    >>> loose_ends("perform *rối cạn,* a rare form"), loose_ends("perform *rối cạn*, a rare form")
    (['rối cạn,'], [])
    >>> loose_ends("the * hát đúm* club"), loose_ends("*Đổi Mới* (Renewal)")
    ([' hát đúm'], [])
    """
    shown, spans = parse(text)
    return [shown[a:b] for a, b in spans if shown[a:b] != shown[a:b].strip() or shown[b - 1] in LOOSE]


LOOSE = ",.;:!?"  # punctuation an italic span ends before, not with ("*Tết*." not "*Tết.*")
LOOSE_MARK = "an italic span takes in {}; close the stars around the words alone ('*rối cạn*, ')"
OPEN_MARK = "an italic mark '*' opens and never closes; close it ('*hát đúm*') or write \\* for a star"


def check_sources(messages, out) -> None:
    """Report each source text (content/…yaml) with a star left open, or an
    italic span that takes in its punctuation, at its file and line."""
    for message in messages:
        if unclosed(message.text) is not None:
            out.error("italic-markup", message.where, f"{message.ctx}: {OPEN_MARK}")
            continue
        for span in loose_ends(message.text):
            out.warn("italic-punctuation", message.where, f"{message.ctx}: " + LOOSE_MARK.format(f"'*{span}*'"))
