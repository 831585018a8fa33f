"""Printer presets: one small YAML record per printer (an offset press, a
print-on-demand service) saying what its files must be: the trims it
offers, the bleed on each side, the ink limit and press profile, the PDF/X
flavour, whether crop marks are allowed, the spine's caliper and text rule,
the cover's wrap, hinge and barcode area, and the largest file it takes.

The book's own presets live beside this module (``book/presets/*.yaml``); a
project's own in its ``presets/`` folder, which wins over a shipped one of
the same name. book.yaml's ``profiles.<name>.printer`` names one, and the
profile may override any of its values (`book.presets.profiles`)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from book.errors import ConfigError, Problems
from book.sources.schema import Key, Section
from book.sources.yamlsrc import Located, read_yaml

SHIPPED = Path(__file__).parent
PROJECT_DIR = "presets"
TRIM_TOLERANCE_MM = 0.5  # a trim given in inches and written in mm is "the same" within this
SIDES = ("top", "bottom", "outside", "gutter")

PRESET_KEYS = {
    "name": Key(str, "", required=True, doc="The preset's name, as book.yaml's profiles.<name>.printer gives it."),
    "title": Key(str, "", doc="The printer and product, in words."),
    "kind": Key(str, "offset", choices=("offset", "pod"), doc="offset (a press run) or pod (print on demand)."),
    "trims_mm": Key((list, str), "any", doc="The trims offered, as a list of [width, height] in mm, or 'any' (an offset press)."),
    "bleed_mm": Key(dict, doc="Bleed on each side in mm: top, bottom, outside and gutter (0: no bleed at the binding edge)."),
    "ink_limit": Key(float, 300, low=200, high=400, doc="The highest total of C+M+Y+K the printer takes, in %."),
    "press_profile": Key(str, "FOGRA39", doc="The press profile: FOGRA39, FOGRA40, FOGRA29, or a path to the printer's .icc."),
    "condition": Key(str, "", doc="The press condition in words, told to the printer (e.g. 'ISO coated v2, sheet-fed offset')."),
    "pdfx": Key(str, "x1a", choices=("x1a", "x4"), doc="The PDF/X flavour the printer asks for."),
    "marks_allowed": Key(bool, True, doc="Whether crop marks may be in the file (print-on-demand services refuse them)."),
    "spine": Key(dict, doc="The spine: caliper_mm (per leaf or per page), caliper_per, min_pages_for_text, clearance_mm."),
    "cover": Key(dict, doc="The cover: wrap_mm, square_mm and hinge_mm for a hardcover, barcode_mm [w, h] and barcode_at."),
    "file_size_limit_mb": Key(float, 0, low=0, high=100000, doc="The largest file the printer takes, in MB (0: no limit)."),
    "min_ppi": Key(float, 300, low=72, high=1200, doc="The lowest photo resolution the printer accepts, in ppi: `book preflight` "
                   "checks against it even where book.yaml's colour.min_ppi is lower."),
}
PRESS_MIN_PPI = 300  # a printer's floor when no preset names its own: offset and print on demand alike
BLEED_KEYS = {side: Key(float, 3.0, low=0, high=10, doc=doc) for side, doc in zip(SIDES, (
    "Bleed beyond the head, in mm.", "Bleed beyond the foot, in mm.", "Bleed beyond the fore-edge (the outer side), in mm.",
    "Bleed beyond the binding edge, in mm; 0 for print-on-demand services that want none: the page is then trim + "
    "outside bleed wide, its MediaBox mirrored on left and right pages."), strict=True)}
SPINE_KEYS = {
    "caliper_mm": Key(float, 0.0, low=0.0, high=1.0, doc="The paper's thickness the spine is measured with, in mm (0: the book's paper.caliper_mm)."),
    "caliper_per": Key(str, "leaf", choices=("leaf", "page"), doc="Whether caliper_mm is one leaf's (two pages) or one page's, as the printer gives it."),
    "min_pages_for_text": Key(int, 0, low=0, high=2000, doc="The fewest pages a book needs for text on its spine (0: no rule; the text is set when it fits)."),
    "clearance_mm": Key(float, 1.6, low=0, high=20, doc="How far the spine text keeps from each fold, in mm.")}
BARCODE_PLACES = ("back-bottom-right",)  # where the cover design puts the barcode: by the spine, at the foot of the back
COVER_KEYS = {
    "wrap_mm": Key(float, 0.0, low=0, high=50, doc="A case binding's cover turned in round the boards, in mm (0: the book's cover.wrap_mm)."),
    "square_mm": Key(float, 0.0, low=0, high=10, doc="A case binding's squares: the boards beyond the pages at head, tail and fore-edge, mm (0: the book's)."),
    "hinge_mm": Key(float, 0.0, low=0, high=50, doc="A case binding's joint: board to spine board, where the cover bends, mm (0: the book's)."),
    "board_width_mm": Key(float, 0.0, low=0, high=2000, doc="A case binding's board width, mm (0: the book's, else pages + square − (joint − board))."),
    "barcode_mm": Key(list, None, doc="The printer's barcode area [width, height] in mm, kept clear (white) on the back cover."),
    "barcode_at": Key(str, "back-bottom-right", choices=BARCODE_PLACES, doc="Where the barcode area is: at the foot of the back, by the spine.")}


@dataclass(frozen=True)
class Bleed:
    """Bleed in mm beyond each trim edge of an interior page; the outside and
    gutter sides swap between a right-hand and a left-hand page."""

    top: float = 3.0
    bottom: float = 3.0
    outside: float = 3.0
    gutter: float = 3.0

    @property
    def widest(self) -> float:
        return max(self.top, self.bottom, self.outside, self.gutter)

    @property
    def even(self) -> bool:
        return self.top == self.bottom == self.outside == self.gutter

    def page(self, recto: bool) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of a page: a right-hand page has its gutter on the left.

        >>> Bleed(3.2, 3.2, 3.2, 0).page(True), Bleed(3.2, 3.2, 3.2, 0).page(False)
        ((0, 3.2, 3.2, 3.2), (3.2, 3.2, 0, 3.2))
        """
        return (self.gutter, self.bottom, self.outside, self.top) if recto else (self.outside, self.bottom, self.gutter, self.top)


@dataclass(frozen=True)
class Preset:
    name: str
    title: str
    kind: str
    trims: tuple[tuple[float, float], ...] | None  # None: any trim
    bleed: Bleed
    ink_limit: int
    press_profile: str
    condition: str
    pdfx: str
    marks_allowed: bool
    caliper_mm: float  # per leaf; 0: the book's paper.caliper_mm
    min_pages_for_text: int  # 0: no rule
    clearance_mm: float  # the spine text's distance from each fold
    wrap_mm: float
    hinge_mm: float
    barcode_mm: tuple[float, float] | None
    barcode_at: str
    file_size_limit_mb: float
    source: str  # the file it was read from, as shown to the user
    square_mm: float = 0.0  # a case's squares; 0: the book's cover.square_mm
    board_width_mm: float = 0.0  # a case's board width; 0: the book's cover.board_width_mm, else the rule
    min_ppi: int = PRESS_MIN_PPI  # the lowest photo resolution the printer accepts

    def offers(self, trim: tuple[float, float]) -> bool:
        return self.trims is None or any(abs(w - trim[0]) <= TRIM_TOLERANCE_MM and abs(h - trim[1]) <= TRIM_TOLERANCE_MM
                                         for w, h in self.trims)

    def nearest_trims(self, trim: tuple[float, float], count: int = 3) -> list[tuple[float, float]]:
        """The offered trims closest to ``trim``, closest first.

        >>> p = Preset("p", "", "pod", ((152.4, 228.6), (215.9, 279.4), (203.2, 254.0)), Bleed(), 300, "FOGRA39", "", "x1a",
        ...            False, 0, 0, 1.6, 0, 0, None, "back-bottom-right", 0, "p.yaml")
        >>> p.nearest_trims((240, 300), 2)
        [(215.9, 279.4), (203.2, 254.0)]
        """
        return sorted(self.trims or (), key=lambda t: (math.hypot(t[0] - trim[0], t[1] - trim[1]), t))[:count]


def preset_files(root: Path | None) -> dict[str, Path]:
    """Every preset by name: the shipped ones, then the project's own, which win."""
    found = {path.stem: path for path in sorted(SHIPPED.glob("*.yaml"))}
    if root is not None and (root / PROJECT_DIR).is_dir():
        found.update({path.stem: path for path in sorted((root / PROJECT_DIR).glob("*.yaml"))})
    return found


def shown_path(root: Path | None, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix() if root is not None else f"book/presets/{path.name}"
    except ValueError:
        return f"book/presets/{path.name}"


def unknown_preset(name: str, root: Path | None) -> str:
    """What to say of a preset name no file gives."""
    return f"unknown printer preset '{name}'; use one of {', '.join(preset_files(root))}, or write {PROJECT_DIR}/{name}.yaml"


def read_preset(root: Path | None, name: str, overrides: Section | None = None, out: Problems | None = None) -> Preset:
    """The preset ``name`` with the profile's ``overrides`` (a book.yaml
    section whose keys replace the preset's; a mapping such as ``bleed_mm``
    replaces key by key). Problems go to ``out``; without ``out`` the first
    error is raised as one ConfigError line."""
    files = preset_files(root)
    if name not in files:
        raise ConfigError(unknown_preset(name, root))
    own = Problems() if out is None else out
    doc = read_yaml(files[name], shown_path(root, files[name]))
    preset = parse(doc, own, overrides)
    if doc.data and doc.data.get("name") != name:
        own.error("schema", doc.where("name"), f"name: '{doc.data.get('name')}' must be the file's name, '{name}'")
    if out is None:
        own.stop_if_errors(f"in printer preset '{name}'", ConfigError)
    return preset


def parse(doc: Located, out: Problems, overrides: Section | None) -> Preset:
    top = Section(doc, (), doc.data, out, PRESET_KEYS)
    if overrides is not None:  # the profile's own values, read at their lines in book.yaml
        top = merged(top, overrides)
    bleed, spine, cover = top.sub("bleed_mm", BLEED_KEYS), top.sub("spine", SPINE_KEYS), top.sub("cover", COVER_KEYS)
    caliper = spine.read("caliper_mm")
    if spine.read("caliper_per") == "page":
        caliper *= 2  # a leaf is two pages
    return Preset(
        name=top.read("name"), title=top.read("title"), kind=top.read("kind"), trims=read_trims(top),
        bleed=Bleed(*(bleed.read(side) for side in SIDES)), ink_limit=int(top.read("ink_limit")),
        press_profile=top.read("press_profile"), condition=top.read("condition"), pdfx=top.read("pdfx"),
        marks_allowed=top.read("marks_allowed"), caliper_mm=round(caliper, 5),
        min_pages_for_text=spine.read("min_pages_for_text"), clearance_mm=spine.read("clearance_mm"),
        wrap_mm=cover.read("wrap_mm"), hinge_mm=cover.read("hinge_mm"), barcode_mm=read_pair(cover, "barcode_mm"),
        barcode_at=cover.read("barcode_at"), file_size_limit_mb=top.read("file_size_limit_mb"), source=doc.path,
        square_mm=cover.read("square_mm"), board_width_mm=cover.read("board_width_mm"), min_ppi=int(top.read("min_ppi")))


class Merged(Section):
    """A preset's section with a profile's overrides on top: a key the profile
    gives is read (and reported) at its line in book.yaml."""

    def __init__(self, base: Section, over: Section):
        self.base, self.over = base, over
        self.doc, self.keys, self.out, self.schema = base.doc, base.keys, base.out, base.schema
        self.data = {**base.data, **over.data}

    def owner(self, key: str) -> Section:
        return self.over if key in self.over.data else self.base

    def where(self, *keys):
        return self.owner(keys[0]).where(*keys) if keys else self.base.where()

    def bad(self, key: str, message: str, code: str = "schema") -> None:
        self.owner(key).bad(key, message, code)

    def sub(self, key: str, schema) -> Section:
        base = self.base.sub(key, schema)
        return merged(base, self.over.sub(key, schema)) if isinstance(self.over.data.get(key), dict) else base


def merged(base: Section, over: Section) -> Section:
    return Merged(base, over)


def read_pair(section: Section, key: str) -> tuple[float, float] | None:
    value = section.read(key)
    if value is None:
        return None
    if len(value) != 2 or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0 for v in value):
        section.bad(key, "give [width, height] in mm, e.g. [50.8, 30.5]")
        return None
    return (float(value[0]), float(value[1]))


def read_trims(top: Section) -> tuple[tuple[float, float], ...] | None:
    value = top.read("trims_mm")
    if value == "any":
        return None
    if isinstance(value, str) or not value:
        top.bad("trims_mm", "give a list of [width, height] in mm, e.g. [[152.4, 228.6], [215.9, 279.4]], or 'any'")
        return None
    trims = []
    for index, pair in enumerate(value):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in pair)):
            top.out.error("schema", top.where("trims_mm", index), f"trims_mm[{index}]: give [width, height] in mm, e.g. [152.4, 228.6]")
            continue
        trims.append((float(pair[0]), float(pair[1])))
    return tuple(trims)
