"""layouts/layouts.yaml: the page templates, named frames placed on the page
grid (book.model.Grid) and turned into millimetres at the book's trim."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from book.errors import Problems
from book.grid import SIDES, Grid, Place
from book.model import CARD_PLACES, FRAME_KINDS, LIST_KINDS, TEXT_KINDS, UNFILLED_KINDS, Frame, Layout
from book.sources.schema import Key, Section, suggest
from book.sources.yamlsrc import read_yaml

LAYOUT_KEYS = {"frames": Key(dict, {}), "side": Key(str, None, choices=("recto", "verso")), "folio": Key(bool, True),
               "spread": Key(bool, False), "continued": Key(str), "variants": Key(list, []),
               "uncaptioned": Key(bool, False, doc="Its photos carry no caption on the page (a frontispiece): "
                                  "the photo credits give each a one-line legend, its place and date.")}
FRAME_KEYS = {"kind": Key(str, "photo", required=True), "col": Key(int, 1), "cols": Key(int), "row": Key(int, 1), "rows": Key(int),
              "bleed": Key((list, str)), "mm": Key(dict), "style": Key(str), "fit": Key(str, "cover"), "panel": Key(str),
              "listed": Key(bool, False), **{old: Key((int, float)) for old in "xywh"}}  # x, y, w, h: the old keys, refused with advice
FRAME_KEYS["card_places"] = Key(list)  # book.text.places
FRAME_KEYS["card_pad"] = Key((int, float), 17.0, low=0, high=72,
                             doc="A caption card's inset in pt (panel: white frames; 17 pt, 6 mm, the book's one card inset): the "
                             "edition with the longest text sits this far from all four edges, the others keep it at their "
                             "sides (within an em) and centre their text in the card's height (book.text.card_fit).")
FRAME_KEYS["above"] = Key(str, None, doc="Another text frame of the layout that this one stands above (book.text.stack): its "
                          "last baseline `gap_lines` line spaces above that frame's first baseline, however many lines either "
                          "takes (an opener's chapter title above its intro). The chain hangs from its head (the frames below "
                          "set under it) unless its lowest frame's style is anchored at the bottom (then it stands on the foot).")
FRAME_KEYS["gap_lines"] = Key(float, 2.0, low=0.5, high=8, doc="With `above`: the distance from this frame's last baseline to the "
                              "first baseline of the frame below, in that frame's line spaces (leading).")
MM_KEYS = {"x": Key(float, 0.0, low=-20, high=2000), "y": Key(float, 0.0, low=-20, high=2000),
           "w": Key(float, None, required=True, low=1, high=2000), "h": Key(float, None, required=True, low=1, high=2000)}


def load_layouts(root: Path, out: Problems, grid: Grid, trim: tuple[float, float], bleed: float) -> dict[str, Layout]:
    """The layouts, each frame placed on ``grid`` at ``trim`` (its box in mm)."""
    layouts: dict[str, Layout] = {}
    doc = read_yaml(root / "layouts" / "layouts.yaml", "layouts/layouts.yaml")
    if not isinstance(doc.data, dict):
        out.error("schema", doc.where(), "expected a mapping of layout names to layouts")
        return layouts
    for name, data in doc.data.items():
        section = Section(doc, (name,), data, out, LAYOUT_KEYS)
        spread = section.read("spread")
        frames, sections = {}, {}
        for fname, fdata in (section.read("frames") or {}).items():
            fs = sections[fname] = Section(doc, (name, "frames", fname), fdata, out, FRAME_KEYS)
            kind = fs.read("kind")
            if kind not in FRAME_KINDS:
                fs.bad("kind", f"unknown frame kind '{kind}'{suggest(kind, FRAME_KINDS)}")
            fit = fs.get("fit", str, "cover")
            if fit not in ("cover", "contain"):
                fs.bad("fit", f"'{fit}' must be cover or contain")
            style = fs.read("style")
            if kind in TEXT_KINDS and not style:
                fs.bad("style", "a text frame needs a style")
            listed = fs.read("listed")
            if listed and kind != "text":
                fs.bad("listed", "only a text frame's text can be listed in the contents")
            place = read_place(fs, grid, spread)
            x, y, w, h = grid.box(place, trim, bleed, spread)
            above = fs.read("above")
            if above is not None and kind not in TEXT_KINDS:
                fs.bad("above", "only a text frame can stand above another")
                above = None
            frames[fname] = Frame(fname, kind, x, y, w, h, style, fit, fs.read("panel"), listed, fs.where(), read_card_places(fs),
                                  float(fs.read("card_pad")), above, float(fs.read("gap_lines")))
        check_stacks(sections, frames)
        side = section.get("side", str)
        if side not in (None, "recto", "verso"):
            section.bad("side", f"'{side}' must be recto or verso")
        variants = tuple(str(v) for v in section.read("variants") or ())
        uncaptioned = bool(section.read("uncaptioned"))
        if uncaptioned and any(frame.kind == "caption" for frame in frames.values()):
            section.bad("uncaptioned", "an uncaptioned layout has no caption frame; remove the caption frame or 'uncaptioned'")
        layouts[name] = Layout(name, frames, side, section.read("folio"), spread, doc.where(name), section.read("continued"), variants,
                               uncaptioned)
    check_continued(layouts, out)
    check_variants(layouts, out)
    return layouts


def check_stacks(sections: dict[str, Section], frames: dict[str, Frame]) -> None:
    """Each ``above:`` names another text frame of the layout, and the frames do not stand above each other in a ring."""
    for name, frame in frames.items():
        if frame.above is None:
            continue
        target = frames.get(frame.above)
        if target is None or target.kind not in TEXT_KINDS or frame.above == name:
            sections[name].bad("above", f"'{frame.above}' is not another text frame of this layout; name one of "
                               f"{', '.join(sorted(n for n, f in frames.items() if f.kind in TEXT_KINDS and n != name)) or 'none'}")
            frames[name] = replace(frame, above=None)
            continue
        seen, at = [name], frame.above
        while at is not None and at in frames:
            if at in seen:
                sections[name].bad("above", f"frames {', '.join(sorted(seen))} stand above each other in a ring; "
                                   "end the chain at one frame without above:")
                frames[name] = replace(frame, above=None)
                break
            seen.append(at)
            at = frames[at].above


def read_place(fs: Section, grid: Grid, spread: bool) -> Place:
    """A frame's place: columns and rows of ``grid`` (a spread has twice the
    columns), edges taken to the bleed, or ``mm`` for this one frame."""
    old = [key for key in "xywh" if key in fs.data]
    if old:
        given = ", ".join(f"{key}: {fs.data[key]}" for key in old)
        fs.bad(old[0], f"frames are placed on the page grid: write col:, cols:, row:, rows: (and bleed: [top, outer] "
                       f"for edges that run off the page), or keep millimetres as mm: {{{given}}}", code="old-key")
        return Place()
    if fs.data.get("mm") is not None:
        mm = fs.sub("mm", MM_KEYS)
        return Place(mm=(mm.read("x"), mm.read("y"), mm.read("w") or 1.0, mm.read("h") or 1.0))
    bleed = fs.read("bleed") or []
    sides = list(SIDES) if bleed == "all" else bleed if isinstance(bleed, list) else [bleed]
    for side in sides:
        if side not in SIDES:
            fs.bad("bleed", f"'{side}' is not an edge; write all, or a list of {', '.join(SIDES)}")
    columns = grid.columns * (2 if spread else 1)
    col, row = fs.read("col"), fs.read("row")
    cols, rows = fs.read("cols"), fs.read("rows")
    cols, rows = columns - col + 1 if cols is None else cols, grid.rows - row + 1 if rows is None else rows  # default: to the last
    for key, first, count, total, unit in (("col", col, cols, columns, "columns"), ("row", row, rows, grid.rows, "rows")):
        if first < 1 or count < 1:
            fs.bad(key if first < 1 else f"{key}s", f"{key}: {first}, {key}s: {count}: a frame starts at {unit[:-1]} 1 or "
                                                    f"later and takes at least one; place it within {unit} 1–{total}")
            return Place()
        if first + count - 1 > total:
            where = "across the spread's two pages" if spread and unit == "columns" else "on the page"
            fs.bad(key, f"{unit} {first}–{first + count - 1} end outside the page: the grid has {total} {unit} {where} "
                        f"(content/book.yaml grid.{unit}); place the frame within 1–{total}", code="frame-outside")
            return Place()
    return Place(col, cols, row, rows, frozenset(s for s in sides if s in SIDES))


def check_continued(layouts: dict[str, Layout], out: Problems) -> None:
    """A list continues on a layout that exists and has a frame of each list kind it has."""
    for layout in layouts.values():
        if layout.continued is None:
            continue
        other = layouts.get(layout.continued)
        if other is None:
            out.error("schema", layout.where, f"{layout.name}.continued: unknown layout '{layout.continued}'"
                      f"{suggest(layout.continued, set(layouts))}")
            continue
        kinds = {f.kind for f in layout.frames.values()} & LIST_KINDS
        runs = [f for f in layout.frames.values() if f.kind == "text" and getattr(other.frames.get(f.name), "kind", None) == "text"]
        if not (kinds or runs) or not kinds <= {f.kind for f in other.frames.values()} or other.spread or other.side:
            out.error("schema", layout.where, f"{layout.name}.continued: layout '{other.name}' must be a one-page layout without "
                      f"a side and with a {' and a '.join(sorted(kinds or LIST_KINDS))} frame to continue the list on, "
                      "or a text frame of the same name to run a text on")
        for frame in runs:
            if abs(other.frames[frame.name].w - frame.w) > 0.01:
                out.error("schema", other.frames[frame.name].where or other.where,
                          f"{other.name}.frames.{frame.name}: a text running on from layout '{layout.name}' needs the same "
                          f"width ({frame.w:g} mm, not {other.frames[frame.name].w:g}); give it the same cols")


def check_variants(layouts: dict[str, Layout], out: Problems) -> None:
    """A layout's variants exist, sit on the same side and span the same pages,
    and have the frames a page fills, so a page's slots fit whichever one
    pagination picks for its photos' shapes (`book.pages.shapes`)."""
    for layout in layouts.values():
        slots = {name for name, f in layout.frames.items() if f.kind not in UNFILLED_KINDS}
        for variant in layout.variants:
            other = layouts.get(variant)
            if other is None:
                out.error("schema", layout.where, f"{layout.name}.variants: unknown layout '{variant}'{suggest(variant, set(layouts))}")
                continue
            theirs = {name for name, f in other.frames.items() if f.kind not in UNFILLED_KINDS}
            kinds = {name: f.kind for name, f in layout.frames.items()}
            if other.spread != layout.spread or other.side != layout.side or theirs != slots or \
                    any(kinds.get(name) != other.frames[name].kind for name in theirs):
                out.error("schema", layout.where, f"{layout.name}.variants: layout '{variant}' must take the same slots "
                          f"({', '.join(sorted(slots)) or 'none'}) with frames of the same kinds, on the same side and "
                          f"{'as a spread' if layout.spread else 'on one page'}, to stand in for it")


def read_card_places(fs: Section) -> tuple[str, ...]:
    """A card frame's ``card_places``: the places of `book.text.places` its card may take."""
    places = fs.read("card_places") or []
    for place in places:
        if place not in CARD_PLACES:
            fs.bad("card_places", f"'{place}' is not a card place; use {', '.join(CARD_PLACES)}")
            return ()
    if places and not fs.data.get("panel"):
        fs.bad("card_places", "only a frame with 'panel: white' has a card to place")
    if "card_pad" in fs.data and not fs.data.get("panel"):
        fs.bad("card_pad", "only a frame with 'panel: white' has a card to pad")
    return tuple(places)
