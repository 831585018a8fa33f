"""Artwork files: the book's own marks (an emblem, a logo) that a page places
in a layout's artwork frame, named by their path under content/.

An artwork is an SVG of vector shapes, read here once into plain `Shape`s,
so `book check` finds its problems and the renderer only draws. What it may
hold is what an edition printed as PDF/X-1a may hold: paths (path, rect,
circle, ellipse, line, polyline, polygon, in groups, with transforms), each
filled or stroked with a CMYK ink written ``device-cmyk(c m y k)`` (or
black, or white). Text is drawn as outlines; pictures, gradients, patterns,
masks and any transparency are refused with the line of the file."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from xml.parsers import expat

from fontTools.misc.transform import Identity, Transform
from fontTools.pens.basePen import BasePen
from fontTools.pens.transformPen import TransformPen
from fontTools.svgLib.path import PathBuilder, parse_path

from book.errors import Problems, Where
from book.model import CMYK, FRAME_KINDS, Artwork, Book, Shape

SVG_NS = "http://www.w3.org/2000/svg"
SHAPES = ("path", "rect", "circle", "ellipse", "line", "polyline", "polygon")
GROUPS = ("g", "a")
SKIPPED = ("title", "desc", "metadata", "defs", "style")  # no drawing of their own (nothing may refer to defs: no url(), no use)
REFUSED = {
    "image": "is a raster picture; an artwork is vector only: draw it as paths, or place the picture as a photo",
    "text": "is text; convert it to outlines (paths) in the drawing program",
    "use": "repeats another element; unlink the clone in the drawing program",
}
INHERITED = ("fill", "stroke", "stroke-width", "fill-rule", "stroke-linecap", "stroke-linejoin")
NO_TRANSPARENCY = ("opacity", "fill-opacity", "stroke-opacity")
UNSUPPORTED = ("mask", "clip-path", "filter", "stroke-dasharray", "marker-start", "marker-mid", "marker-end")
CAPS, JOINS = {"butt": 0, "round": 1, "square": 2}, {"miter": 0, "round": 1, "bevel": 2}
BLACK, WHITE = (0.0, 0.0, 0.0, 1.0), (0.0, 0.0, 0.0, 0.0)
NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"


class ArtworkProblem(ValueError):
    """What is wrong with an artwork file, at a line of it (None: the whole file)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


@dataclass
class Node:
    tag: str  # local name; '' for an element of another namespace (an editor's own data)
    attrib: dict[str, str]
    line: int
    children: list[Node] = field(default_factory=list)


def read_tree(data: bytes) -> Node:
    """The file's elements with their lines (expat: no entities are fetched from outside)."""
    parser = expat.ParserCreate(namespace_separator="}")
    stack: list[Node] = []
    roots: list[Node] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        uri, _, local = name.rpartition("}")
        node = Node(local if uri in ("", SVG_NS) else "", {k: v for k, v in attrs.items() if "}" not in k}, parser.CurrentLineNumber)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: stack.pop()
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise ArtworkProblem(f"is not readable SVG ({expat.errors.messages[exc.code]})", exc.lineno) from None
    return roots[0]


def properties(node: Node) -> dict[str, str]:
    """The element's presentation attributes, its ``style`` overriding them."""
    found = dict(node.attrib)
    for item in node.attrib.get("style", "").split(";"):
        key, colon, value = item.partition(":")
        if colon:
            found[key.strip()] = value.strip()
    return found


def own_style(props: dict[str, str]) -> dict[str, str]:
    """The inherited properties an element sets itself ('inherit' sets none)."""
    return {k: props[k] for k in INHERITED if k in props and props[k].strip() != "inherit"}


def parse_colour(value: str, line: int) -> CMYK | None:
    """An ink: ``device-cmyk(c m y k)`` (fractions or percentages), black, white, or none.

    >>> parse_colour("device-cmyk(0 100% 0.85 0)", 1)
    (0.0, 1.0, 0.85, 0.0)
    >>> parse_colour("#000", 1), parse_colour("none", 1)
    ((0.0, 0.0, 0.0, 1.0), None)
    """
    text = value.strip().lower()
    if text == "none":
        return None
    if text in ("black", "#000", "#000000"):
        return BLACK
    if text in ("white", "#fff", "#ffffff"):
        return WHITE
    match = re.fullmatch(rf"device-cmyk\(\s*({NUMBER}%?)[\s,]+({NUMBER}%?)[\s,]+({NUMBER}%?)[\s,]+({NUMBER}%?)\s*\)", text)
    if match:
        inks = tuple(float(v[:-1]) / 100 if v.endswith("%") else float(v) for v in match.groups())
        if all(0 <= ink <= 1 for ink in inks):
            return inks
    if text.startswith("url("):
        raise ArtworkProblem(f"a gradient or pattern ({value}) cannot be printed as one ink; fill with device-cmyk(c m y k)", line)
    raise ArtworkProblem(f"colour '{value}' is not a CMYK ink; write it as device-cmyk(c m y k) with each ink from 0 to 1, "
                         "e.g. device-cmyk(0 1 0.85 0) (PDF/X-1a prints CMYK only)", line)


def parse_transform(value: str, line: int) -> Transform:
    """An SVG transform list as one matrix.

    >>> parse_transform("translate(10 5) scale(2)", 1).transformPoint((1, 1))
    (12.0, 7.0)
    """
    transform = Identity
    for name, args in re.findall(r"([a-zA-Z]+)\s*\(([^)]*)\)", value):
        numbers = [float(n) for n in re.findall(NUMBER, args)]
        if name == "matrix" and len(numbers) == 6:
            step = Transform(*numbers)
        elif name == "translate" and len(numbers) in (1, 2):
            step = Identity.translate(numbers[0], numbers[1] if len(numbers) == 2 else 0)
        elif name == "scale" and len(numbers) in (1, 2):
            step = Identity.scale(numbers[0], numbers[1] if len(numbers) == 2 else numbers[0])
        elif name == "rotate" and len(numbers) in (1, 3):
            cx, cy = numbers[1:] if len(numbers) == 3 else (0, 0)
            step = Identity.translate(cx, cy).rotate(math.radians(numbers[0])).translate(-cx, -cy)
        elif name in ("skewX", "skewY") and len(numbers) == 1:
            angle = math.radians(numbers[0])
            step = Identity.skew(angle, 0) if name == "skewX" else Identity.skew(0, angle)
        else:
            raise ArtworkProblem(f"transform '{value}' is not one SVG understands", line)
        transform = transform.transform(step)
    return transform


class Recorder(BasePen):
    """Pen operations as `Shape.path` holds them (quadratic curves made cubic)."""

    def __init__(self) -> None:
        super().__init__(None)
        self.ops: list[tuple[str, tuple[float, ...]]] = []

    def _moveTo(self, pt):
        self.ops.append(("M", tuple(pt)))

    def _lineTo(self, pt):
        self.ops.append(("L", tuple(pt)))

    def _curveToOne(self, pt1, pt2, pt3):
        self.ops.append(("C", (*pt1, *pt2, *pt3)))

    def _closePath(self):
        self.ops.append(("Z", ()))


def shape_of(node: Node, props: dict[str, str], transform: Transform) -> Shape | None:
    builder = PathBuilder()
    try:
        builder.add_path_from_element(SimpleNamespace(tag=node.tag, attrib={k: v for k, v in node.attrib.items() if k != "transform"}))
        recorder = Recorder()
        for d in builder.paths:
            parse_path(d, TransformPen(recorder, tuple(transform)))
    except (ValueError, TypeError, IndexError):
        raise ArtworkProblem(f"<{node.tag}> has a size or path that is not a plain number (give user units, no 'mm')", node.line) from None
    if not recorder.ops:
        return None
    if node.tag in ("circle", "ellipse"):
        recorder.ops.append(("Z", ()))  # fontTools draws them as two open arcs: a stroke joins round the whole shape
    fill = parse_colour(props.get("fill", "black"), node.line) if node.tag != "line" else None  # a line has no inside
    stroke = parse_colour(props.get("stroke", "none"), node.line)
    if fill is None and stroke is None:
        return None
    try:
        width = float(props.get("stroke-width", "1"))
    except ValueError:
        raise ArtworkProblem(f"stroke-width '{props['stroke-width']}' is not a plain number", node.line) from None
    scale = math.sqrt(abs(transform[0] * transform[3] - transform[1] * transform[2]))
    return Shape(tuple(recorder.ops), fill, stroke, width * scale, props.get("fill-rule") == "evenodd",
                 CAPS.get(props.get("stroke-linecap", "butt"), 0), JOINS.get(props.get("stroke-linejoin", "miter"), 0))


def walk(node: Node, inherited: dict[str, str], transform: Transform, shapes: list[Shape]) -> None:
    for child in node.children:
        if not child.tag or child.tag in SKIPPED:
            continue
        if child.tag not in SHAPES + GROUPS:
            raise ArtworkProblem(f"<{child.tag}> {REFUSED.get(child.tag, 'is not a shape an artwork may hold; draw it as paths')}", child.line)
        props = properties(child)
        if props.get("display") == "none" or props.get("visibility") == "hidden":
            continue
        for key in NO_TRANSPARENCY:
            if key in props and opacity(props[key], child.line) < 1:
                raise ArtworkProblem(f"{key}={props[key]} is transparency, which PDF/X-1a does not allow; "
                                     "give the shape a solid CMYK ink instead", child.line)
        for key in UNSUPPORTED:
            if props.get(key, "none") != "none":
                raise ArtworkProblem(f"{key} is not supported in an artwork; expand it into plain paths", child.line)
        here = {**inherited, **own_style(props)}
        moved = transform.transform(parse_transform(props["transform"], child.line)) if "transform" in props else transform
        if child.tag in SHAPES:
            shape = shape_of(child, here, moved)
            if shape is not None:
                shapes.append(shape)
        else:
            walk(child, here, moved, shapes)


def opacity(value: str, line: int) -> float:
    """An opacity as a fraction (``0.5`` or ``50%``).

    >>> opacity("50%", 1), opacity("1", 1)
    (0.5, 1.0)
    """
    match = re.fullmatch(rf"\s*({NUMBER})(%?)\s*", value)
    if not match:
        raise ArtworkProblem(f"opacity '{value}' is not a number", line)
    return float(match.group(1)) / (100 if match.group(2) else 1)


def view_box(root: Node) -> tuple[float, float, float, float]:
    """The drawing's area: its viewBox, else its width and height."""
    numbers = [float(n) for n in re.findall(NUMBER, root.attrib.get("viewBox", ""))]
    if len(numbers) != 4:
        sizes = [re.match(NUMBER, root.attrib.get(key, "")) for key in ("width", "height")]
        if not all(sizes):
            raise ArtworkProblem("the drawing has no viewBox (nor width and height); save it with a viewBox", root.line)
        numbers = [0.0, 0.0, float(sizes[0].group()), float(sizes[1].group())]
    if numbers[2] <= 0 or numbers[3] <= 0:
        raise ArtworkProblem(f"viewBox '{root.attrib.get('viewBox')}' has no area; give a width and height above 0", root.line)
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def alignment(root: Node) -> tuple[float, float] | None:
    """Where the drawing sits in a frame of another shape (preserveAspectRatio;
    SVG's default centres it); None: stretched to fill it.

    >>> alignment(Node("svg", {"preserveAspectRatio": "xMinYMax meet"}, 1)), alignment(Node("svg", {}, 1))
    ((0.0, 1.0), (0.5, 0.5))
    """
    value = root.attrib.get("preserveAspectRatio", "xMidYMid").split()
    if value[:1] == ["none"]:
        return None
    match = re.fullmatch(r"x(Min|Mid|Max)Y(Min|Mid|Max)", value[0] if value else "")
    if not match or value[1:] not in ([], ["meet"]):
        raise ArtworkProblem(f"preserveAspectRatio '{' '.join(value)}' is not one an artwork frame can follow; "
                             "use e.g. 'xMinYMax' (the drawing is fitted whole, never cropped)", root.line)
    place = {"Min": 0.0, "Mid": 0.5, "Max": 1.0}
    return place[match.group(1)], place[match.group(2)]


def read_artwork(path: Path, rel: str) -> Artwork:
    """The shapes of the SVG at ``path``; raises ArtworkProblem saying what to change."""
    data = path.read_bytes().lstrip(b"\xef\xbb\xbf \t\r\n")
    if data.startswith(b"%PDF"):
        raise ArtworkProblem("is a PDF; export the drawing as SVG (paths in CMYK), which is what an artwork frame reads")
    if not data.startswith(b"<"):
        raise ArtworkProblem("is not a vector file; give an SVG drawing (a picture goes in a photo frame)")
    root = read_tree(data)
    if root.tag != "svg":
        raise ArtworkProblem(f"is not an SVG drawing (its first element is <{root.tag or 'other'}>); give an SVG file", root.line)
    view = view_box(root)
    shapes: list[Shape] = []
    walk(root, own_style(properties(root)), Identity, shapes)
    if not shapes:
        raise ArtworkProblem("draws nothing; give a drawing with at least one filled or stroked shape")
    return Artwork(rel, view, tuple(shapes), alignment(root))


def load_artworks(book: Book, out: Problems) -> None:
    """Read every artwork a page names into ``book.artworks``, reporting each
    missing or unusable file at the page's slot."""
    content = book.root / "content"
    for chapter in book.chapters:
        for index, page in enumerate(chapter.pages):
            layout = book.layouts.get(page.layout)
            for slot, value in page.slots.items():
                frame = layout.frames.get(slot) if layout else None
                if frame is None or FRAME_KINDS[frame.kind].slot != "artwork" or value in book.artworks:
                    continue
                at, rel = f"pages[{index}].slots.{slot}", f"content/{value}"
                where = Where(page.where.path, page.where.line, at)
                path = (content / value).resolve()
                if not path.is_relative_to(content.resolve()):
                    out.error("artwork-outside", where, f"{at}: artwork {value} is outside content/; move it into content/ (e.g. content/artwork/)")
                elif not path.is_file():
                    out.error("missing-file", where, f"{at}: artwork {rel} not found; add the file or correct the name (relative to content/)")
                else:
                    try:
                        book.artworks[value] = read_artwork(path, rel)
                    except ArtworkProblem as exc:
                        place = f"{rel} line {exc.line}:" if exc.line else rel
                        out.error("bad-artwork", where, f"{at}: {place} {exc}")
