"""Preflight of the glyphs each page draws: none may be .notdef. A code shown
in a font that its embedded subset does not map, that maps to glyph 0, or
that lies outside the font's /FirstChar../LastChar prints as an empty box (or
nothing) on the press; a ToUnicode entry of U+0000 is the same fault seen from
the text side. Each fault names its page, the font and how many times.

Read from the content streams (and the forms they call) with pikepdf, and
from the embedded font programs with fontTools.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass

import pikepdf
from fontTools.ttLib import TTFont, TTLibError

SHOWS = {"Tj", "TJ", "'", '"'}


@dataclass(frozen=True)
class FontFacts:
    """What a font resource can draw: the codes that reach a real glyph."""

    name: str
    two_byte: bool  # Type0: two-byte codes (CIDs)
    drawn: frozenset[int] | None  # codes that reach a glyph other than .notdef; None: unknown (not checked)
    blank: frozenset[int]  # codes whose ToUnicode is U+0000


def font_name(font: pikepdf.Dictionary) -> str:
    """The font's name without its subset tag: 'AAAAAB+NotoSansCJKkr-Regular-C7' -> 'NotoSansCJKkr-Regular-C7'."""
    base = str(font.get("/BaseFont", "?")).lstrip("/")
    return base.split("+", 1)[1] if "+" in base[:7] else base


def null_codes(font: pikepdf.Dictionary) -> frozenset[int]:
    """Codes the font's ToUnicode CMap maps to U+0000."""
    stream = font.get("/ToUnicode")
    if not isinstance(stream, pikepdf.Stream):
        return frozenset()
    try:
        text = stream.read_bytes().decode("latin-1")
    except pikepdf.PdfError:
        return frozenset()
    out: set[int] = set()
    for section, rows in ((part.split("endbfchar")[0], "char") for part in text.split("beginbfchar")[1:]):
        del rows
        for line in section.splitlines():
            cells = [c.strip("<> ") for c in line.split("<") if c.strip("<> ")]
            if len(cells) == 2 and int(cells[1] or "1", 16) == 0:
                out.add(int(cells[0], 16))
    for part in text.split("beginbfrange")[1:]:
        for line in part.split("endbfrange")[0].splitlines():
            cells = [c.strip("<> ") for c in line.split("<") if c.strip("<> ")]
            if len(cells) == 3 and int(cells[2] or "1", 16) == 0:
                out.add(int(cells[0], 16))
    return frozenset(out)


def embedded(font: pikepdf.Dictionary) -> TTFont | None:
    descriptor = font.get("/FontDescriptor")
    program = descriptor.get("/FontFile2") if descriptor is not None else None
    if not isinstance(program, pikepdf.Stream):
        return None
    try:
        return TTFont(io.BytesIO(program.read_bytes()), lazy=True)
    except (TTLibError, pikepdf.PdfError, AssertionError, ValueError):
        return None


def simple_codes(font: pikepdf.Dictionary) -> frozenset[int] | None:
    """A simple TrueType font with no /Differences: codes reach glyphs through its (3,0), (1,0) or (3,1) cmap."""
    program = embedded(font)
    if program is None or isinstance(font.get("/Encoding"), pikepdf.Dictionary):
        return None
    first, last = int(font.get("/FirstChar", 0)), int(font.get("/LastChar", 255))
    order = program.getGlyphOrder()
    for platform, encoding in ((3, 0), (1, 0), (3, 1)):
        table = program["cmap"].getcmap(platform, encoding)
        if table is None:
            continue
        codes = set()
        for code, glyph in table.cmap.items():
            code = code - 0xF000 if platform == 3 and encoding == 0 and code >= 0xF000 else code
            if first <= code <= last and glyph in order and order.index(glyph) != 0:
                codes.add(code)
        return frozenset(codes)
    return None


def type0_codes(font: pikepdf.Dictionary) -> frozenset[int] | None:
    """A Type0 font with Identity-H and an embedded TrueType: codes are CIDs, mapped to glyphs by /CIDToGIDMap."""
    if str(font.get("/Encoding")) != "/Identity-H":
        return None
    descendant = font.DescendantFonts[0]
    program = embedded(descendant)
    if program is None:
        return None
    count = program["maxp"].numGlyphs
    mapping = descendant.get("/CIDToGIDMap")
    if isinstance(mapping, pikepdf.Stream):
        data = mapping.read_bytes()
        gids = [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]
        return frozenset(cid for cid, gid in enumerate(gids) if 0 < gid < count)
    return frozenset(range(1, count))


def facts_of(font: pikepdf.Dictionary) -> FontFacts:
    two_byte = font.get("/Subtype") == "/Type0"
    drawn = type0_codes(font) if two_byte else (simple_codes(font) if font.get("/Subtype") == "/TrueType" else None)
    return FontFacts(font_name(font), two_byte, drawn, null_codes(font))


def shown_codes(operands, two_byte: bool) -> list[int]:
    strings = []
    for operand in operands:
        if isinstance(operand, pikepdf.String):
            strings.append(bytes(operand))
        elif isinstance(operand, pikepdf.Array):
            strings.extend(bytes(item) for item in operand if isinstance(item, pikepdf.String))
    codes = []
    for data in strings:
        codes.extend(int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data) - 1, 2)) if two_byte else codes.extend(data)
    return codes


class GlyphCheck:
    """Counts, per page and font, the shown codes that draw .notdef."""

    def __init__(self) -> None:
        self.known: dict[tuple[int, int], FontFacts] = {}
        self.shown = 0  # codes checked

    def facts(self, font: pikepdf.Dictionary) -> FontFacts:
        key = font.objgen
        if key == (0, 0) or key not in self.known:
            facts = facts_of(font)
            if key == (0, 0):
                return facts
            self.known[key] = facts
        return self.known[key]

    def walk(self, stream, resources, missing: Counter, seen: set) -> None:
        fonts = resources.get("/Font") if resources is not None else None
        current: FontFacts | None = None
        for operands, operator in pikepdf.parse_content_stream(stream):
            op = str(operator)
            if op == "Tf" and fonts is not None:
                font = fonts.get(str(operands[0]))
                current = self.facts(font) if isinstance(font, pikepdf.Dictionary) else None
            elif op in SHOWS and current is not None:
                codes = shown_codes(operands, current.two_byte)
                self.shown += len(codes)
                for code in codes:
                    if code in current.blank or (current.drawn is not None and code not in current.drawn):
                        missing[current.name] += 1
            elif op == "Do" and resources is not None:
                xobject = (resources.get("/XObject") or {}).get(str(operands[0]))
                if isinstance(xobject, pikepdf.Stream) and xobject.get("/Subtype") == "/Form" and xobject.objgen not in seen:
                    seen.add(xobject.objgen)
                    self.walk(xobject, xobject.get("/Resources", resources), missing, seen)

    def page(self, page: pikepdf.Page) -> Counter:
        missing: Counter = Counter()
        self.walk(page, page.obj.get("/Resources"), missing, set())
        return missing


def check_glyphs(pdf: pikepdf.Pdf, report) -> None:
    """An error for each page that draws a .notdef glyph, naming the font."""
    check = GlyphCheck()
    total = 0
    for number, page in enumerate(pdf.pages, start=1):
        for name, count in sorted(check.page(page).items()):
            total += count
            report.error("notdef-glyph", f"page {number}: {count} glyph{'s' if count > 1 else ''} in {name} "
                         "draw .notdef (no glyph in the embedded font): an empty box in print", number)
    report.facts["notdef_glyphs"] = total
    report.facts["glyphs_checked"] = check.shown
