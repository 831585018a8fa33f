"""layouts/styles.yaml: text styles, with per-language variants."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

from book.errors import Problems
from book.languages import TABLE
from book.model import Style
from book.sources.schema import Section
from book.sources.yamlsrc import read_yaml

STYLE_FIELDS = {f.name for f in fields(Style)} - {"name"}
ALIGNS = ("left", "center", "right", "justify")


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
        styles[name] = {}
        for lang, values in variants.items():
            try:
                style = Style(name=name, **values)
                if style.align not in ALIGNS:
                    raise ValueError(f"align '{style.align}' must be left, center, right or justify")
                if style.line_end not in ("keep", "hang"):
                    raise ValueError(f"line_end '{style.line_end}' must be keep or hang")
                if style.size <= 0 or style.leading <= 0:
                    raise ValueError("size and leading must be positive")
            except (TypeError, ValueError) as exc:
                out.error("schema", section.where(), f"styles.{name}: {exc}")
                style = Style(name=name, font="sans", size=9, leading=12)
            styles[name][lang] = with_minimum(style)
    return styles


def with_minimum(style: Style) -> Style:
    # A style without a minimum cannot shrink.
    return style if style.min_size else replace(style, min_size=style.size)
