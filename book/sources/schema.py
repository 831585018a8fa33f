"""The declared schema of the YAML sources: each key with its type, default and
range, read through one `Section` that reports every problem with its file,
line and key path. The keys a section accepts are the keys it declares, so
what is accepted and what is read cannot drift apart."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from book.errors import Problems, Where
from book.languages import nfc
from book.sources.yamlsrc import Located, keypath


@dataclass(frozen=True)
class Key:
    """One declared key: its type, default, range or allowed values, and a
    one-line ``doc`` for the configuration reference (docs/config.md, written
    by tools/config_reference.py, which also holds the lines not given here)."""

    kind: type | tuple[type, ...]
    default: Any = None
    required: bool = False
    low: float | None = None
    high: float | None = None
    choices: tuple | None = None
    doc: str = ""


def suggest(name: str, choices) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


class Section:
    """Typed access to one mapping of a YAML file, reporting as it goes.
    ``schema`` declares the keys (a dict of `Key`), or names them (a set) when
    the section's keys are open (texts, per-language entries)."""

    def __init__(self, doc: Located, keys: tuple, data: Any, out: Problems, schema: dict[str, Key] | set[str]):
        self.doc, self.keys, self.out, self.schema = doc, keys, out, schema
        if not isinstance(data, dict):
            if data is not None:
                out.error("schema", doc.where(*keys), f"{keypath(*keys) or 'document'}: expected a mapping of keys")
            data = {}
        self.data = data
        for key in data:
            if key not in schema:
                out.warn("unknown-key", doc.where(*keys, key), f"{keypath(*keys, key)}: unknown key '{key}' is ignored{suggest(str(key), schema)}")

    def where(self, *keys: Any) -> Where:
        return self.doc.where(*self.keys, *keys)

    def bad(self, key: str, message: str, code: str = "schema") -> None:
        self.out.error(code, self.where(key), f"{keypath(*self.keys, key)}: {message}")

    def sub(self, key: str, schema: dict[str, Key] | set[str]) -> Section:
        return Section(self.doc, (*self.keys, key), self.data.get(key), self.out, schema)

    def read(self, key: str) -> Any:
        """The value of a declared key, checked against its declaration."""
        spec = self.schema[key]
        value = self.get(key, spec.kind, spec.default, spec.required)
        if value is None or value is spec.default:
            return value
        if (spec.low is not None and value < spec.low) or (spec.high is not None and value > spec.high):
            self.bad(key, f"{value} is out of range {spec.low:g}–{spec.high:g}")
            return spec.default
        if spec.choices is not None and value not in spec.choices:
            self.bad(key, f"'{value}' must be one of {', '.join(map(str, spec.choices))}")
            return spec.default
        return value

    def get(self, key: str, kind: type | tuple, default: Any = None, required: bool = False) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                self.out.error("missing-key", self.where(), f"{keypath(*self.keys, key)}: missing; add it")
            return default
        value = self.data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            name = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            numbers = re.findall(r"\d+(?:\.\d+)?", value) if kind is list and isinstance(value, str) else []
            hint = f"; write it as a list: [{', '.join(numbers)}]" if len(numbers) >= 2 else ""  # trim_mm: 200x250
            self.bad(key, f"expected {name}, got {type(value).__name__} {value!r}{hint}")
            return default
        if isinstance(value, str):
            control = next((ch for ch in value if unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\n\t"), None)
            if control is not None:
                self.bad(key, f"contains the invisible control character U+{ord(control):04X}; delete it", code="control-character")
                return default
            return nfc(value)
        return value

    def number(self, key: str, default: float | None = None, low: float = 0, high: float = 1e6) -> float:
        value = self.get(key, float, default, required=default is None)
        if value is not None and not low <= value <= high:
            self.bad(key, f"{value} is out of range {low}–{high}")
        return value if value is not None else (default or 0.0)
