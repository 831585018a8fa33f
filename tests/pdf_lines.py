"""The text of a built PDF as a reader's eye groups it: every run of glyphs
with its font's name, size and position, read from the content streams
(the fonts' ToUnicode maps decode it), grouped into lines and paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf


@dataclass
class Run:
    page: int
    font: str  # the embedded font's name, subset tag removed ("NotoSans-Italic")
    size: float
    x: float
    y: float
    width: float
    text: str


@dataclass
class TextLine:
    page: int
    size: float
    x: float
    y: float
    end: float
    runs: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def width(self) -> float:
        return self.end - self.x


def unicode_map(font) -> dict[int, str]:
    """The font's ToUnicode CMap: code -> text (bfchar and bfrange entries)."""
    cmap: dict[int, str] = {}
    if "/ToUnicode" not in font:
        return cmap
    data = font.ToUnicode.read_bytes().decode("latin-1")

    def text(hexes: str) -> str:
        return bytes.fromhex(hexes).decode("utf-16-be")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            cmap[int(code, 16)] = text(uni)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start = int(uni, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                cmap[code] = chr(start + offset)
    return cmap


def pdf_runs(pdf_path: Path) -> list[Run]:
    """Every Tj of every page: its font, size, position, advance width and text."""
    runs: list[Run] = []
    with pikepdf.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            fonts = page.Resources.get("/Font", {})
            decoded = {}
            for key in fonts.keys():
                font = fonts[key]
                widths = [float(w) for w in font.get("/Widths", [])]
                decoded[key] = (str(font.BaseFont).split("+")[-1], unicode_map(font), int(font.get("/FirstChar", 0)), widths)
            name, size, x, y, char_space = "", 0.0, 0.0, 0.0, 0.0
            for operands, op in pikepdf.parse_content_stream(page):
                op = str(op)
                if op == "Tf":
                    name, size = str(operands[0]), float(operands[1])
                elif op == "Tm":
                    x, y = float(operands[4]), float(operands[5])
                elif op == "Tc":
                    char_space = float(operands[0])
                elif op == "BT":
                    char_space = 0.0
                elif op == "Tj" and name in decoded:
                    base, cmap, first, widths = decoded[name]
                    codes = bytes(operands[0])
                    advance = sum(widths[c - first] if 0 <= c - first < len(widths) else 0.0 for c in codes) / 1000 * size
                    runs.append(Run(number, base, size, x, y, advance + char_space * len(codes),
                                    "".join(cmap.get(c, "\ufffd") for c in codes)))
    return runs


def text_lines(runs: list[Run], gap: float = 12.0) -> list[TextLine]:
    """Runs on one baseline, at one size, each within ``gap`` pt of the one before, as a line."""
    lines: list[TextLine] = []
    for run in sorted(runs, key=lambda r: (r.page, -round(r.y, 1), r.size, r.x)):
        last = lines[-1] if lines else None
        if (last and last.page == run.page and abs(last.y - run.y) < 0.05 and last.size == run.size
                and -0.3 * run.size <= run.x - last.end <= gap):
            last.runs.append(run)
            last.end = max(last.end, run.x + run.width)
        else:
            lines.append(TextLine(run.page, run.size, run.x, run.y, run.x + run.width, [run]))
    return lines


def paragraphs(lines: list[TextLine], family: str, sizes: tuple[float, float]) -> list[list[TextLine]]:
    """Lines of one face family ("NotoSans") in the size range, stacked at
    one left edge with even leading: a paragraph ends where the gap to the
    next line grows (paragraph space) or the edge, size or face changes."""
    chosen = [line for line in lines if sizes[0] <= line.size <= sizes[1]
              and all(run.font.startswith(family + "-") for run in line.runs)]
    chosen.sort(key=lambda line: (line.page, round(line.x), -line.y))
    found: list[list[TextLine]] = []
    for line in chosen:
        current = found[-1] if found else None
        if current:
            prev = current[-1]
            step = prev.y - line.y
            leading = current[-2].y - prev.y if len(current) > 1 else step
            if (prev.page == line.page and abs(prev.x - line.x) < 1 and prev.size == line.size
                    and 0 < step < 2 * line.size and abs(step - leading) < 0.5):
                current.append(line)
                continue
        found.append([line])
    return found
