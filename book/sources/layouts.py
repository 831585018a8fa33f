"""layouts/layouts.yaml: the page templates, named frames in mm on the page."""

from __future__ import annotations

from pathlib import Path

from book.errors import Problems
from book.model import FRAME_KINDS, LIST_KINDS, TEXT_KINDS, Frame, Layout
from book.sources.schema import Key, Section, suggest
from book.sources.yamlsrc import read_yaml

LAYOUT_KEYS = {"frames": Key(dict, {}), "side": Key(str, None, choices=("recto", "verso")), "folio": Key(bool, True),
               "spread": Key(bool, False), "continued": Key(str)}
FRAME_KEYS = {"kind": Key(str, "photo", required=True), "x": Key(float, 0.0, low=-20, high=2000), "y": Key(float, 0.0, low=-20, high=2000),
              "w": Key(float, None, required=True, low=1, high=2000), "h": Key(float, None, required=True, low=1, high=2000),
              "style": Key(str), "fit": Key(str, "cover"), "panel": Key(str), "listed": Key(bool, False)}


def load_layouts(root: Path, out: Problems) -> dict[str, Layout]:
    layouts: dict[str, Layout] = {}
    doc = read_yaml(root / "layouts" / "layouts.yaml", "layouts/layouts.yaml")
    if not isinstance(doc.data, dict):
        out.error("schema", doc.where(), "expected a mapping of layout names to layouts")
        return layouts
    for name, data in doc.data.items():
        section = Section(doc, (name,), data, out, LAYOUT_KEYS)
        frames = {}
        for fname, fdata in (section.read("frames") or {}).items():
            fs = Section(doc, (name, "frames", fname), fdata, out, FRAME_KEYS)
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
            frames[fname] = Frame(fname, kind, fs.number("x", 0.0, -20, 2000), fs.number("y", 0.0, -20, 2000),
                                  fs.number("w", None, 1, 2000), fs.number("h", None, 1, 2000), style, fit, fs.read("panel"), listed)
        side = section.get("side", str)
        if side not in (None, "recto", "verso"):
            section.bad("side", f"'{side}' must be recto or verso")
        layouts[name] = Layout(name, frames, side, section.read("folio"), section.read("spread"), doc.where(name), section.read("continued"))
    check_continued(layouts, out)
    return layouts


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
        if not kinds or not kinds <= {f.kind for f in other.frames.values()} or other.spread or other.side:
            out.error("schema", layout.where, f"{layout.name}.continued: layout '{other.name}' must be a one-page layout without "
                      f"a side and with a {' and a '.join(sorted(kinds or LIST_KINDS))} frame to continue the list on")
