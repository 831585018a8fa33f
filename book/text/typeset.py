"""Set text into a frame: break lines, shrink within the style's limits, and
say whether it fits. Text is drawn as plain strings, never as markup, so a
translator's `<` or `&` prints as itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from reportlab.pdfbase import pdfmetrics

from book.languages import TABLE
from book.model import MM, Style
from book.text.fonts import EditionFonts, Run
from book.text.linebreak import Atom, split_atoms

SHRINK_STEP = 0.25  # pt


@dataclass
class Piece:
    """Text at an x offset (pt) from the line start."""

    x: float
    text: str
    font: str


@dataclass
class Line:
    pieces: list[Piece]
    width: float
    size: float
    leading: float
    tracking: float = 0.0
    gap: float = 0.0  # extra space above the line (between paragraphs)


@dataclass
class Block:
    """Lines ready to draw; ``fits`` is False when even the minimum size overflows."""

    lines: list[Line] = field(default_factory=list)
    height: float = 0.0
    fits: bool = True
    needed: int = 0  # lines needed at the smallest size
    available: int = 0  # lines the frame holds at that size


@dataclass
class Part:
    """One paragraph group of a block with its style (a caption and its credit line)."""

    text: str
    style: Style
    space_before: float = 0.0


def measure_atom(fonts: EditionFonts, atom: Atom, role: str, size: float, tracking: float) -> tuple[list[Run], float, float]:
    runs = fonts.runs(atom.text, role)
    w = sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in runs)
    w += tracking * len(atom.text)
    space = pdfmetrics.stringWidth(" ", runs[-1].font, size) if atom.space_after else 0.0
    return runs, w, space


@cache
def hyphenator(lang: str):
    import pyphen

    code = TABLE[lang].hyphenation if lang in TABLE else None
    return pyphen.Pyphen(lang=code) if code and code in pyphen.LANGUAGES else None


def hyphenate(fonts: EditionFonts, atom: Atom, style: Style, lang: str, size: float, tracking: float, room: float) -> list[Atom] | None:
    """Split a word so that its first part and a hyphen fill ``room``; None when
    no hyphenation point fits. Names (capitalised words), words with digits and
    words that have a hyphen stay whole."""
    word = atom.text
    dictionary = hyphenator(lang)
    if dictionary is None or len(word) < 6 or "-" in word or any(ch.isdigit() for ch in word) or not word[0].islower():
        return None
    for first, rest in dictionary.iterate(word):  # longest first part first
        head = Atom(first + "-")
        if measure_atom(fonts, head, style.font, size, tracking)[1] <= room + 0.01:
            return [head, Atom(rest, atom.space_after)]
    return None


def break_paragraph(fonts: EditionFonts, text: str, style: Style, lang: str, size: float, width: float, indent: bool = True) -> list[Line]:
    """Greedy line breaking of one paragraph at ``size``; justified lines spread
    the spare room over the gaps between atoms."""
    tracking = style.tracking / 1000 * size
    leading = style.leading * size / style.size
    atoms = split_atoms(text, lang)
    measured = [measure_atom(fonts, a, style.font, size, tracking) for a in atoms]
    lines: list[list[int]] = []
    current: list[int] = []
    used = style.first_indent * size if indent else 0.0
    indent = used
    index = 0
    while index < len(atoms):
        w = measured[index][1]
        gap = measured[current[-1]][2] if current else 0.0
        if current and used + gap + w > width + 0.01:
            split = hyphenate(fonts, atoms[index], style, lang, size, tracking, width - used - gap) if style.hyphenate else None
            if split:  # the word's first part ends this line, the rest starts the next
                atoms[index:index + 1] = split
                measured[index:index + 1] = [measure_atom(fonts, a, style.font, size, tracking) for a in split]
                current.append(index)
                index += 1
            lines.append(current)
            current, used = [], 0.0
            continue
        current.append(index)
        used += gap + w
        index += 1
    if current:
        lines.append(current)
    out: list[Line] = []
    for number, indices in enumerate(lines):
        start = indent if number == 0 else 0.0
        natural = start + sum(measured[i][1] for i in indices) + sum(measured[i][2] for i in indices[:-1])
        extra = 0.0
        last = number == len(lines) - 1
        if style.align == "justify" and not last and len(indices) > 1:
            extra = max(0.0, (width - natural) / (len(indices) - 1))
        shift = {"center": (width - natural) / 2, "right": width - natural}.get(style.align, 0.0)
        x = start + max(0.0, shift)
        pieces: list[Piece] = []
        for position, i in enumerate(indices):
            runs, w, space = measured[i]
            for run in runs:
                if pieces and pieces[-1].font == run.font and not extra and not tracking:
                    pieces[-1].text += run.text
                else:
                    pieces.append(Piece(x, run.text, run.font))
                x += pdfmetrics.stringWidth(run.text, run.font, size) + tracking * len(run.text)
            if position < len(indices) - 1:
                if atoms[i].space_after:
                    pieces[-1].text += " " if not extra and not tracking else ""
                x += space + extra
        out.append(Line(pieces, x, size, leading, tracking))
    return out


def set_parts(fonts: EditionFonts, parts: list[Part], lang: str, width: float, scale: float) -> tuple[list[Line], float]:
    lines: list[Line] = []
    total = 0.0
    for part in parts:
        style = part.style
        size = max(style.size * scale, style.min_size)
        paragraphs = [p.strip() for p in part.text.replace("\r", "").split("\n\n") if p.strip()]
        for p_index, paragraph in enumerate(paragraphs):
            gap = 0.0
            if lines and p_index == 0:
                gap = part.space_before or style.space_before
            elif p_index > 0:
                gap = style.paragraph_space
            # A single newline inside a paragraph is a line break (colophons, addresses).
            broken = [line for n, row in enumerate(paragraph.split("\n")) if row.strip()
                      for line in break_paragraph(fonts, row.strip(), style, lang, size, width, indent=n == 0)]
            for l_index, line in enumerate(broken):
                line.gap = gap if l_index == 0 and lines else 0.0
                total += line.gap + (line.leading if lines else line.size)
                lines.append(line)
    if lines:
        total += lines[-1].size * 0.3  # room for descenders
    return lines, total


def set_block(fonts: EditionFonts, parts: list[Part], lang: str, width_mm: float, height_mm: float) -> Block:
    """Set ``parts`` in a frame of ``width_mm`` × ``height_mm``, shrinking step by
    step down to each style's minimum before declaring an overflow."""
    width, height = width_mm * MM, height_mm * MM
    largest = max((p.style.size for p in parts), default=1.0)
    scale = 1.0
    while True:
        lines, total = set_parts(fonts, parts, lang, width, scale)
        at_minimum = all(p.style.size * scale <= p.style.min_size + 1e-6 for p in parts)
        if total <= height + 0.01 or at_minimum:
            break
        scale -= SHRINK_STEP / largest
    block = Block(lines, total, total <= height + 0.01)
    if not block.fits:
        # Report in lines of the main text at its smallest size.
        leading = lines[0].leading if lines else 1.0
        block.needed = len(lines)
        block.available = max(0, int((height - (lines[0].size if lines else 0)) // leading) + 1)
    return block
