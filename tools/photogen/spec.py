"""Reading and checking the YAML photo spec."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from book.placeholder_photos import VARIANTS
from book.sources.imprint import PLACEHOLDER_MARK

from .render import SCENES

# Bump when the painting changes so that existing placeholders get remade.
GENERATION = 1


class SpecError(Exception):
    """A problem with the spec file; the message is one line for the user."""


@dataclass(frozen=True)
class Entry:
    file: str
    size: tuple[int, int]  # displayed width, height
    scene: str
    variant: str
    seed: int

    @property
    def stem(self) -> str:
        return Path(self.file).stem

    def fingerprint(self) -> str:
        w, h = self.size
        return (f"{PLACEHOLDER_MARK}/{GENERATION} scene={self.scene} variant={self.variant} "
                f"seed={self.seed} size={w}x{h}")


def load_spec(path: Path) -> list[Entry]:
    """Read and validate the spec; raise SpecError naming the file and entry."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecError(f"{path}: cannot read spec: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise SpecError(f"{path}: spec is not UTF-8 ({exc.reason})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SpecError(f"{path}: YAML error{where}: {problem}") from None
    # Accept a bare list or a mapping that wraps it, whichever the spec's
    # author settles on.
    if isinstance(data, dict):
        for key in ("photos", "placeholders"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if not isinstance(data, list):
        raise SpecError(f"{path}: expected a list of photo entries")
    entries = [parse_entry(path, i, raw) for i, raw in enumerate(data, start=1)]
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries, start=1):
        if entry.file in seen:
            raise SpecError(f"{path}: entry {i} ({entry.file}): same file as entry "
                            f"{seen[entry.file]}")
        seen[entry.file] = i
    return entries


def parse_entry(path: Path, index: int, raw: object) -> Entry:
    name = raw.get("file") if isinstance(raw, dict) else None
    label = f"{path}: entry {index}" + (f" ({name})" if isinstance(name, str) else "")

    def fail(problem: str) -> SpecError:
        return SpecError(f"{label}: {problem}")

    if not isinstance(raw, dict):
        raise fail("expected a mapping with file, size, scene, variant, seed")
    for key in ("file", "size", "scene", "variant", "seed"):
        if key not in raw:
            raise fail(f"missing '{key}'")
    if not isinstance(name, str) or not name or name != os.path.basename(name) \
            or name.startswith("."):
        raise fail("'file' must be a plain file name")
    size = raw["size"]
    if (not isinstance(size, list) or len(size) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in size)
            or not all(16 <= v <= 30000 for v in size)):
        raise fail(f"'size' must be [width, height] in pixels (16..30000), got {size!r}")
    scene = raw["scene"]
    if scene not in SCENES:
        raise fail(f"unknown scene {scene!r}; expected one of {', '.join(sorted(SCENES))}")
    variant = raw["variant"]
    if variant not in VARIANTS:
        raise fail(f"unknown variant {variant!r}; expected one of {', '.join(VARIANTS)}")
    seed = raw["seed"]
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise fail(f"'seed' must be a whole number >= 0, got {seed!r}")
    suffix = Path(name).suffix.lower()
    wanted = (".png",) if variant == "png" else (".jpg", ".jpeg")
    if suffix not in wanted:
        raise fail(f"variant {variant} needs a {' or '.join(wanted)} file name")
    return Entry(name, (size[0], size[1]), scene, variant, seed)
