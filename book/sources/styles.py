"""layouts/styles.yaml: text styles, with per-language variants."""

from __future__ import annotations

import math
from dataclasses import fields, replace
from pathlib import Path

from book.errors import Problems
from book.languages import TABLE
from book.model import Style
from book.sources.schema import Section
from book.sources.yamlsrc import read_yaml

STYLE_FIELDS = {f.name for f in fields(Style)} - {"name"}
ALIGNS = ("left", "center", "right", "justify")
MIN_PT, MAX_PT = 4.0, 300.0  # the sizes a style may give (pt)
ANCHORS = ("top", "bottom")


def load_styles(root: Path, out: Problems) -> dict[str, dict[str, Style]]:
    doc = read_yaml(root / "layouts" / "styles.yaml", "layouts/styles.yaml")
    top = Section(doc, (), doc.data, out, {"defaults", "styles"})
    defaults = top.sub("defaults", STYLE_FIELDS).data
    styles: dict[str, dict[str, Style]] = {}
    for name, data in (top.get("styles", dict, {}) or {}).items():
        section = Section(doc, ("styles", name), data, out, STYLE_FIELDS | {"languages"})
        base = {**defaults, **{k: v for k, v in section.data.items() if k != "languages"}}
        variants = {"": base}
        for lang, over in (section.get("languages", dict, {}) or {}).items():
            if lang not in TABLE:
                out.error("unknown-language", section.where("languages", lang), f"styles.{name}.languages: unknown language '{lang}'")
                continue
            Section(doc, ("styles", name, "languages", lang), over, out, STYLE_FIELDS)
            variants[lang] = {**base, **(over or {})}
            if "min_size" not in (over or {}) and isinstance(variants[lang].get("size"), (int, float)) and \
                    isinstance(variants[lang].get("min_size"), (int, float)) and variants[lang]["min_size"] > variants[lang]["size"]:
                variants[lang]["min_size"] = variants[lang]["size"]  # a smaller size for one language brings the inherited minimum down
        styles[name] = {}
        told: set[str] = set()  # one line per mistake, not one per language that inherits it
        for lang, values in variants.items():
            try:
                style = Style(name=name, **values)
                if style.align not in ALIGNS:
                    raise StyleError("align", f"align '{style.align}' must be left, center, right or justify")
                limits(style)
                if style.anchor not in ANCHORS:
                    raise StyleError("anchor", f"anchor '{style.anchor}' must be top or bottom")
                if style.line_end != "keep":
                    raise StyleError("line_end", f"line_end '{style.line_end}' must be keep (a line-end mark never hangs)")
                if style.punctuation not in ("full", "squeeze"):
                    raise StyleError("punctuation", f"punctuation '{style.punctuation}' must be full or squeeze")
            except (TypeError, ValueError) as exc:
                key = exc.key if isinstance(exc, StyleError) else None
                keys = ("languages", lang, key) if lang and key in (section.data.get("languages") or {}).get(lang, {}) else (key,)
                if str(exc) not in told:
                    told.add(str(exc))
                    out.error("schema", section.where(*keys) if key in values else section.where(),
                              f"styles.{name}{'.languages.' + lang if len(keys) > 1 else ''}: {exc}")
                style = Style(name=name, font="sans", size=9, leading=12)
            styles[name][lang] = with_minimum(style)
    return styles


class StyleError(ValueError):
    """A style's value out of its limits, with the key it is given under."""

    def __init__(self, key: str, message: str):
        super().__init__(message)
        self.key = key


def limits(style: Style) -> None:
    """Sizes a page can carry: below 4 pt a text cannot be read, past 300 pt one
    letter is wider than most frames (the composer then finds no line at all)."""
    for key in ("size", "min_size", "leading"):
        value = getattr(style, key)
        if key == "min_size" and not value:
            continue
        if not math.isfinite(value) or value <= 0:
            raise StyleError(key, f"{key} must be a positive number of points")
        if key != "leading" and value < MIN_PT:
            raise StyleError(key, f"{key} {value:g} pt is smaller than {MIN_PT:g} pt, too small to read; give at least {MIN_PT:g}")
        if value > MAX_PT:
            raise StyleError(key, f"{key} {value:g} pt is larger than {MAX_PT:g} pt; give at most {MAX_PT:g}")
    if style.min_size > style.size:
        raise StyleError("min_size", f"min_size {style.min_size:g} pt is larger than size {style.size:g} pt; make it at most the size")


def with_minimum(style: Style) -> Style:
    # A style without a minimum cannot shrink.
    return style if style.min_size else replace(style, min_size=style.size)
