"""Drawing a Korean line the composer chose (`book.text.korean`): its word
spaces and the spacing between its Hangul syllables opened or closed so a
justified line meets its measure, Latin words and digit runs set solid."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics

from book.model import Style
from book.text.blocks import Line, Piece
from book.text.compose import Chosen, Item
from book.text.fonts import EditionFonts
from book.text.korean import WORD_SPACE_HOLE, WORD_SPACE_MAX, Limits, is_hangul, spread, syllable_gaps


def adjustment(chosen: Chosen, syllables: int, style: Style, limits: Limits, width: float) -> tuple[float, float]:
    """What each word space and each syllable gap of a line opens (or closes)
    so that a justified line meets its measure (`book.text.korean.spread`);
    a ragged line or a paragraph's last is set solid unless it is tight."""
    slack = width - chosen.natural
    if slack >= 0 and (style.align != "justify" or chosen.last):
        return 0.0, 0.0
    return spread(slack, chosen.gaps, syllables, limits)


def draw_korean_line(fonts: EditionFonts, items: list[Item], chosen: Chosen, style: Style, size: float, width: float,
                     indent: float) -> Line:
    """The pieces of one line: runs of Hangul syllables carry the syllable
    spacing as character spacing; Latin, digits and marks are set solid."""
    from book.text.typeset import bind_overlaps, line_atoms, run_layouts

    atoms = line_atoms(items, chosen)
    tracking = style.tracking / 1000 * size
    leading = style.leading * size / style.size
    limits = Limits.at(fonts, style.font, size, "".join(atom.text for atom in atoms))
    syllables = sum(syllable_gaps(atom.text) for atom in atoms)
    space_extra, syllable = adjustment(chosen, syllables, style, limits, width)
    start = indent if chosen.start.index < 0 else -items[chosen.start.index + 1].trim_start
    set_width = chosen.natural + space_extra * chosen.gaps + syllable * syllables
    shift = {"center": (width - set_width) / 2, "right": width - set_width}.get(style.align, 0.0)
    x = max(0.0, shift) + start
    pieces: list[Piece] = []
    end_of_last: float | None = None
    for position, atom in enumerate(atoms):
        runs = fonts.runs(atom.text, atom.role or style.font)
        opened = 0.0  # spacing so far inside the atom (syllables, word spaces of a name kept whole)
        index = 0  # the atom's character at hand
        for run, shaped in zip(runs, run_layouts(fonts, runs, atom.after, False, style.display), strict=True):
            before = 0
            for offset, text, squeeze in shaped.segments:
                at = x + offset * size + tracking * before + opened
                for part, spacing, between in spaced_parts(atom.text, index, len(text), syllable, space_extra):
                    step = squeeze * size + spacing
                    if (pieces and pieces[-1].font == run.font and not step and not pieces[-1].char_space
                            and end_of_last is not None and abs(end_of_last - at) < 1e-6):
                        pieces[-1].text += part
                    else:
                        pieces.append(Piece(at, part, run.font, step))
                    advance = pdfmetrics.stringWidth(part, run.font, size) + (tracking + squeeze * size) * len(part)
                    end_of_last = at + advance + spacing * (len(part) - 1)
                    at += advance + between
                    opened += between
                    index += len(part)
                before += len(text)
            x += shaped.width * size + tracking * len(run.text)
        x += opened
        if position < len(atoms) - 1:
            space = pdfmetrics.stringWidth(atom.space_after, runs[-1].font, size) if atom.space_after else 0.0
            if atom.space_after.strip():  # a separator (" · "), centred in its space however wide that grows
                pieces.append(Piece(x + space_extra / 2, atom.space_after, runs[-1].font))
                end_of_last = None
            elif atom.space_after and pieces:  # kept for extraction
                pieces[-1].text += " "
                end_of_last = None
            x += space + (space_extra if atom.space_after else 0.0)
    line = Line(bind_overlaps(pieces, size, tracking), x, size, leading, tracking, last=chosen.last)
    word_space = WORD_SPACE_MAX + (space_extra - limits.space_stretch) / size  # em
    if word_space > WORD_SPACE_HOLE:
        line.loose = word_space  # `book.text.overset.report_loose`
    return line


def spaced_parts(text: str, index: int, length: int, syllable: float, space: float) -> list[tuple[str, float, float]]:
    """``text[index:index + length]`` cut where the spacing after a character
    changes (``syllable`` between two Hangul syllables, ``space`` after a word
    space inside a name or date kept whole, none elsewhere): each part, the
    spacing between its glyphs, and all it opens including after its last.

    >>> spaced_parts("A하이퐁,", 0, 5, 1.0, 2.0)
    [('A하', 0.0, 1.0), ('이퐁', 1.0, 1.0), (',', 0.0, 0.0)]
    >>> spaced_parts("5월 13일", 0, 6, 1.0, 2.0)
    [('5월 ', 0.0, 2.0), ('13일', 0.0, 0.0)]
    """
    def after(k: int) -> float:
        if k + 1 >= len(text):
            return 0.0
        if text[k] == " ":
            return space
        return syllable if is_hangul(text[k]) and is_hangul(text[k + 1]) else 0.0

    parts: list[tuple[str, float, float]] = []
    k, stop = index, index + length
    while k < stop:
        step, end = after(k), k + 1
        while end < stop and after(end - 1) == step:
            end += 1
        parts.append((text[k:end], step if end - k > 1 else 0.0, sum(after(j) for j in range(k, end))))
        k = end
    return parts
