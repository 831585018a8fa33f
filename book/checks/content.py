"""Preflight of what each page draws, read from its content stream (and the
forms it calls): fonts embedded, RGB colour and images, black text in more
than the K ink (rich black), white text that overprints, lines too thin to
print, transparency. Language text is 100 % K overprinting; the one white
text a book sets is a reversed folio on a bleed photo (`book.pages.folios`),
figures the same in every edition, which must knock out: a white that
overprints leaves every plate as it was and vanishes in print.

A small interpreter follows the graphics state (q/Q, cm, w, the fill and
stroke colours) so that a line's printed width and place, and the colour a
text is shown in, are what a RIP would see."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import pikepdf

from book.model import MM

HAIRLINE_MM = 0.1
RGB_SPACES = {"/DeviceRGB", "/CalRGB"}
STROKES = {"S", "s", "B", "B*", "b", "b*"}
PAINTS = STROKES | {"f", "F", "f*", "n"}
SHOWS = {"Tj", "TJ", "'", '"'}
Matrix = tuple[float, float, float, float, float, float]


@dataclass(frozen=True)
class State:
    ctm: Matrix = (1, 0, 0, 1, 0, 0)
    width: float = 1.0
    fill: tuple = ("/DeviceGray", (0.0,))
    stroke: tuple = ("/DeviceGray", (0.0,))
    overprint: bool = False  # the fill's overprint (ExtGState /op)


@dataclass
class Findings:
    """What one page draws that a preflight cares about."""

    rgb: bool = False
    rich_black_text: bool = False
    white_overprint_text: bool = False  # white text set to overprint: it would not print
    thinnest_mm: float | None = None  # of the lines reaching into the TrimBox
    fonts: list[str] = field(default_factory=list)  # unembedded
    transparency: bool = False


def multiply(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def colour_space(resources, name) -> str:
    """The family of a colour space operand: '/DeviceCMYK', '/DeviceRGB', … (ICC by its channel count)."""
    space = name
    if str(name) not in ("/DeviceGray", "/DeviceRGB", "/DeviceCMYK", "/Pattern"):
        space = (resources.get("/ColorSpace") or {}).get(str(name), name)
    if isinstance(space, pikepdf.Array) and len(space):
        kind = str(space[0])
        if kind == "/ICCBased":
            return {1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK"}.get(int(space[1].get("/N", 0)), kind)
        if kind == "/Indexed":
            return colour_space(resources, space[1])
        return kind
    return str(space)


def is_rich_black(colour: tuple) -> bool:
    """Text in K plus any of C, M, Y: black text that would not stay on the black plate."""
    space, values = colour
    return space == "/DeviceCMYK" and len(values) == 4 and values[3] > 0 and any(v > 0 for v in values[:3])


def is_white(colour: tuple) -> bool:
    """No ink at all: CMYK 0 0 0 0 or gray 1 (a knockout when it does not overprint)."""
    space, values = colour
    return (space == "/DeviceCMYK" and len(values) == 4 and not any(values)) or (space == "/DeviceGray" and values == (1.0,))


def inside(points: list[tuple[float, float]], area: list[float]) -> bool:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return max(xs) >= area[0] and min(xs) <= area[2] and max(ys) >= area[1] and min(ys) <= area[3]


def walk(stream_owner, resources, state: State, area: list[float], found: Findings, seen: set) -> None:
    """Follow one content stream (a page or a form) and note what it draws."""
    stack: list[State] = []
    path: list[tuple[float, float]] = []
    for operands, operator in pikepdf.parse_content_stream(stream_owner):
        op = str(operator)
        if op == "q":
            stack.append(state)
        elif op == "Q" and stack:
            state = stack.pop()
        elif op == "cm" and len(operands) == 6:
            state = replace(state, ctm=multiply(tuple(float(v) for v in operands), state.ctm))
        elif op == "w" and operands:
            state = replace(state, width=float(operands[0]))
        elif op == "gs" and operands:
            extg = (resources.get("/ExtGState") or {}).get(str(operands[0]))
            if extg is not None and "/LW" in extg:
                state = replace(state, width=float(extg.LW))
            if extg is not None and ("/op" in extg or "/OP" in extg):  # /op for the fill, /OP for both when /op is absent
                state = replace(state, overprint=bool(extg.get("/op", extg.get("/OP"))))
        elif op in ("k", "K", "g", "G", "rg", "RG"):
            space = {"k": "/DeviceCMYK", "g": "/DeviceGray", "rg": "/DeviceRGB"}[op.lower()]
            colour = (space, tuple(float(v) for v in operands))
            state = replace(state, **{"fill" if op.islower() else "stroke": colour})
            found.rgb |= space in RGB_SPACES
        elif op in ("cs", "CS") and operands:
            colour = (colour_space(resources, operands[0]), ())
            state = replace(state, **{"fill" if op == "cs" else "stroke": colour})
            found.rgb |= colour[0] in RGB_SPACES
        elif op in ("sc", "scn", "SC", "SCN"):
            target = "fill" if op.islower() else "stroke"
            space = getattr(state, target)[0]
            state = replace(state, **{target: (space, tuple(float(v) for v in operands if isinstance(v, (int, float))))})
        elif op in ("m", "l") and len(operands) == 2:
            path.append(apply(state.ctm, float(operands[0]), float(operands[1])))
        elif op in ("c", "v", "y"):
            values = [float(v) for v in operands]
            path += [apply(state.ctm, values[i], values[i + 1]) for i in range(0, len(values) - 1, 2)]
        elif op == "re" and len(operands) == 4:
            x, y, w, h = (float(v) for v in operands)
            path += [apply(state.ctm, x, y), apply(state.ctm, x + w, y + h), apply(state.ctm, x + w, y), apply(state.ctm, x, y + h)]
        elif op in PAINTS:
            if op in STROKES and path and inside(path, area):
                scale = math.sqrt(abs(state.ctm[0] * state.ctm[3] - state.ctm[1] * state.ctm[2]))
                printed = state.width * scale / MM
                found.thinnest_mm = printed if found.thinnest_mm is None else min(found.thinnest_mm, printed)
            path = []
        elif op in SHOWS and is_rich_black(state.fill):
            found.rich_black_text = True
        elif op in SHOWS and state.overprint and is_white(state.fill):
            found.white_overprint_text = True
        elif op == "Do" and operands:
            xobject = (resources.get("/XObject") or {}).get(str(operands[0]))
            if xobject is None:
                continue
            if xobject.get("/Subtype") == "/Image":
                space = "/DeviceGray" if xobject.get("/ImageMask") else colour_space(resources, xobject.get("/ColorSpace"))
                found.rgb |= space in RGB_SPACES
                found.transparency |= "/SMask" in xobject
            elif xobject.get("/Subtype") == "/Form" and xobject.objgen not in seen:
                seen.add(xobject.objgen)  # a form drawn twice is checked once
                matrix = tuple(float(v) for v in xobject.get("/Matrix", [1, 0, 0, 1, 0, 0]))
                found.transparency |= "/Group" in xobject
                walk(xobject, xobject.get("/Resources") or resources, replace(state, ctm=multiply(matrix, state.ctm)), area, found, seen)


def unembedded_fonts(resources, seen: set) -> list[str]:
    names = []
    for font in (resources.get("/Font") or {}).values():
        if font.objgen in seen:
            continue
        seen.add(font.objgen)
        descriptors = [font] + list(font.get("/DescendantFonts") or [])
        if not any("/FontDescriptor" in d and any(k in d.FontDescriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                   for d in descriptors):
            names.append(str(font.get("/BaseFont")))
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject and xobject.objgen not in seen:
            seen.add(xobject.objgen)
            names += unembedded_fonts(xobject.Resources, seen)
    return names


def read_page(page: pikepdf.Page, fonts_seen: set) -> Findings:
    found = Findings(fonts=unembedded_fonts(page.Resources, fonts_seen))
    # Only lines reaching into the trim count: marks in the bleed or the slug are cut away.
    area = [float(v) for v in page.obj.get("/TrimBox", page.obj.MediaBox)]
    walk(page, page.Resources, State(), area, found, set())
    for state in (page.Resources.get("/ExtGState") or {}).values():
        soft = "/SMask" in state and state.SMask != pikepdf.Name.None_
        if soft or float(state.get("/CA", 1)) < 1 or float(state.get("/ca", 1)) < 1:
            found.transparency = True
    found.transparency |= "/Group" in page.obj
    return found


def check_content(pdf: pikepdf.Pdf, report, flavour: str | None) -> None:
    """Every page's drawing; each problem named with its page."""
    fonts_seen: set = set()
    rgb, transparency = [], []
    for number, page in enumerate(pdf.pages, start=1):
        found = read_page(page, fonts_seen)
        for name in found.fonts:
            report.error("font-not-embedded", f"page {number}: font {name} is not embedded", number)
        if found.rich_black_text:
            report.error("rich-black-text", f"page {number}: black text in more inks than K (rich black); "
                         "set language text in 100 % K only", number)
        if found.white_overprint_text:
            report.error("white-text-overprints", f"page {number}: white text (a reversed folio) set to overprint "
                         "vanishes in print; white must knock out", number)
        if found.thinnest_mm is not None and found.thinnest_mm < HAIRLINE_MM - 1e-6:
            report.error("hairline", f"page {number}: a line {found.thinnest_mm:.3f} mm wide; "
                         f"lines under {HAIRLINE_MM} mm may not print", number)
        if found.rgb:
            rgb.append(number)
        if found.transparency:
            transparency.append(number)
    if flavour == "x1a" and rgb:
        report.error("rgb", f"RGB colour on pages {short(rgb)}: PDF/X-1a allows CMYK and gray only", rgb[0])
    elif flavour == "x4" and rgb:
        report.error("rgb", f"RGB colour on pages {short(rgb)}: this PDF/X-4 print file must be CMYK for its press", rgb[0])
    if flavour == "x1a" and transparency:
        report.error("transparency", f"transparency on pages {short(transparency)}: PDF/X-1a forbids it", transparency[0])


def short(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:8])) + (" …" if len(numbers) > 8 else "")
