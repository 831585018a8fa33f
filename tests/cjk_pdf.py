"""Glyph positions read back from a built PDF's content streams, as a
typesetter checks a proof: every glyph's x, advance and size from the text
operators (Tm, Tf, Tc, Tj), the font's /Widths and its /ToUnicode map. No
text extractor is used: pdftotext and its kin do not place glyphs reliably
under character spacing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from book.text.linebreak import is_ideographic


@dataclass(frozen=True)
class Glyph:
    x: float
    y: float
    ch: str
    width: float  # pt: the font's advance at the size, without character spacing
    size: float
    tc: float  # the character spacing it was drawn with (pt)
    piece: int  # which text-showing operator drew it

    @property
    def right(self) -> float:
        return self.x + self.width


def to_unicode(font) -> dict[int, str]:
    """The font's code -> text map (the bfchar and bfrange entries reportlab writes)."""
    if "/ToUnicode" not in font:
        return {}
    data = font.ToUnicode.read_bytes().decode("latin-1")
    table: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int.from_bytes(bytes.fromhex(text), "big")
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                table[code] = chr(first + offset)
    return table


def page_glyphs(page) -> list[Glyph]:
    fonts = {}
    for name, font in (page.Resources.get("/Font") or {}).items():
        widths = [float(w) for w in font.get("/Widths", [])]
        fonts[name] = (to_unicode(font), int(font.get("/FirstChar", 0)), widths)
    glyphs: list[Glyph] = []
    x = y = size = tc = 0.0
    font = None
    piece = 0
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "BT":
            x = y = 0.0
        elif op == "Tm":
            x, y = float(operands[4]), float(operands[5])
        elif op == "Td":
            x, y = x + float(operands[0]), y + float(operands[1])
        elif op == "Tf":
            font, size = fonts.get(str(operands[0])), float(operands[1])
        elif op == "Tc":
            tc = float(operands[0])
        elif op == "Tj" and font is not None:
            piece += 1
            table, first, widths = font
            for code in bytes(operands[0]):
                width = widths[code - first] * size / 1000 if 0 <= code - first < len(widths) else 0.0
                glyphs.append(Glyph(x, y, table.get(code, "?"), width, size, tc, piece))
                x += width + tc
    return glyphs


def lines_of(glyphs: list[Glyph], gap_em: float = 0.75) -> list[list[Glyph]]:
    """Glyphs on one baseline, left to right, split where more than ``gap_em`` parts them (two columns)."""
    rows: dict[tuple[float, float], list[Glyph]] = {}
    for glyph in glyphs:
        rows.setdefault((round(glyph.y, 1), glyph.size), []).append(glyph)
    lines = []
    for key in sorted(rows, key=lambda k: (-k[0], k[1])):
        row = sorted(rows[key], key=lambda g: g.x)
        current = [row[0]]
        for glyph in row[1:]:
            if glyph.x - current[-1].right > gap_em * glyph.size:
                lines.append(current)
                current = []
            current.append(glyph)
        lines.append(current)
    return lines


def pdf_lines(path: Path, gap_em: float = 0.75) -> list[tuple[int, list[Glyph]]]:
    """(page number, line) for every line of text in the PDF."""
    out = []
    with pikepdf.open(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            out += [(number, line) for line in lines_of(page_glyphs(page), gap_em)]
    return out


def text(line: list[Glyph]) -> str:
    return "".join(g.ch for g in line)


def lettered_glyphs(line: list[Glyph]) -> set[int]:
    """The glyphs of the line's Latin runs that hold a letter ("B-52", "45-NQ/TW"), by index."""
    found: set[int] = set()
    run: list[int] = []
    for number, glyph in enumerate([*line, None]):
        if glyph is not None and not is_ideographic(glyph.ch):
            run.append(number)
            continue
        if any(line[n].ch.isalpha() for n in run):
            found.update(run)
        run = []
    return found
