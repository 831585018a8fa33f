"""No text is lost or overset without a word: the checks that follow the composer.

A line is held to its measure as a block is held to its height: a word wider
than its frame (a web address in a narrow caption) is an overflow, reported
with the word, rather than ink running off the trim. A soft hyphen (U+00AD,
as word processors paste it) is where the author allows a break: it is a break
opportunity with a hyphen, and otherwise never drawn.
"""

from __future__ import annotations

from dataclasses import replace

from book.errors import Problems, on_page
from book.text.linebreak import Atom

SOFT_HYPHEN = "\u00ad"
MEASURE_SLACK = 0.1  # pt: a drawn line may pass its measure by rounding, never by more


def soft_hyphens(atom: Atom) -> tuple[Atom, list[tuple[str, str]]]:
    """``atom`` without its soft hyphens, and the (head, tail) splits they allow.

    >>> soft_hyphens(Atom("photo\\u00adgraph\\u00ader", " "))
    (Atom(text='photographer', space_after=' ', start=0, after='', penalty=0.0, role=''), [('photo', 'grapher'), ('photograph', 'er')])
    >>> soft_hyphens(Atom("port"))[1]
    []
    """
    if SOFT_HYPHEN not in atom.text:
        return atom, []
    parts = atom.text.split(SOFT_HYPHEN)
    clean = "".join(parts)
    splits, at = [], 0
    for part in parts[:-1]:
        at += len(part)
        if 0 < at < len(clean):
            splits.append((clean[:at], clean[at:]))
    return replace(atom, text=clean, after=atom.after.replace(SOFT_HYPHEN, "")), splits


def line_text(line) -> str:
    return "".join(piece.text for piece in line.pieces).strip()


def overset_lines(lines: list, width: float) -> list[tuple[str, float]]:
    """The drawn lines wider than ``width`` (pt): their text and width."""
    return [(line_text(line), line.width) for line in lines if line.width > width + MEASURE_SLACK]


def report_overset(out: Problems, where, lang: str, what: str, frame: str, page: int, width_mm: float,
                   overset: list[str], size: float) -> None:
    """One overflow per frame, naming the widest word that does not fit its measure."""
    word = max(overset, key=len) if overset else ""
    shown = word if len(word) <= 40 else word[:39] + "…"
    out.error("overflow", on_page(where, page), f"{lang}: {what}: '{shown}' is wider than frame '{frame}' ({width_mm:.0f} mm) on "
              f"page {page} even at {size:g} pt; shorten it, or mark where it may break (a space or a soft hyphen)")


def report_loose(out: Problems, where, lang: str, what: str, page: int, lines) -> None:
    """One warning per text whose justified lines open their word spaces past
    the script's limit (`book.text.korean`): no break of the paragraph kept
    them in, which only its wording can change. Names the loosest line."""
    loose = [(line.loose, k) for k, line in enumerate(lines) if line.loose]
    if not loose:
        return
    space, index = max(loose)
    start = "".join(piece.text for piece in lines[index].pieces).strip()
    shown = start if len(start) <= 24 else start[:23] + "…"
    out.warn("loose-line", on_page(where, page), f"{lang}: {what}: {len(loose)} justified line(s) on page {page} open their word "
             f"spaces past the limit, the widest to {space:.2f} em (line {index + 1}, '{shown}'); no break keeps them in: "
             "reword the paragraph so a word ends nearer the measure, or move a long word or date")
