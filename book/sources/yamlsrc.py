"""Read YAML while remembering where each value came from, so that every
problem can be reported as ``file:line key.path``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from book.errors import ConfigError, Problem, Where

KeyPath = tuple[Any, ...]


class Located:
    """A loaded YAML document plus the line of every key path in it."""

    def __init__(self, path: str, data: Any, lines: dict[KeyPath, int]):
        self.path = path
        self.data = data
        self.lines = lines

    def where(self, *keys: Any) -> Where:
        """The nearest known line for ``keys`` (falls back to the parents)."""
        keys = tuple(keys)
        shown = keypath(*keys) or None
        while keys and keys not in self.lines:
            keys = keys[:-1]
        if not keys and shown:  # a whole section is missing: no line of the file is about it
            return Where(self.path, None, shown)
        return Where(self.path, self.lines.get(keys, 1), shown)


def keypath(*keys: Any) -> str:
    """``('pages', 3, 'layout')`` as ``pages[3].layout``."""
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def _walk(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            child = path + (key,)
            _walk(value_node, child, lines)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines)


class UniqueKeys:
    """A safe loader (no tags that construct objects) that also refuses a key
    given twice in one mapping, where plain YAML would let the last one win."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict = {}
            for key_node, _ in node.value:
                key = key_node.value
                if key_node.tag != "tag:yaml.org,2002:merge" and key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"key '{key}' appears twice (first on line {seen[key]}); keep one of them", key_node.start_mark)
                seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)


class UniqueKeyLoader(UniqueKeys, yaml.SafeLoader):
    pass


# libyaml's parser when PyYAML has it: the sample book's chapters load in a tenth of the time.
FAST_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FastUniqueKeyLoader = type("FastUniqueKeyLoader", (UniqueKeys, FAST_SAFE), {})


def parse(text: str):
    """The data and the node tree of ``text``. Any error is raised by the
    Python parser, whose messages are the ones the tests and users know."""
    try:
        return yaml.load(text, Loader=FastUniqueKeyLoader), yaml.compose(text, Loader=FAST_SAFE)  # noqa: S506 (safe loaders)
    except yaml.YAMLError:
        return yaml.load(text, Loader=UniqueKeyLoader), yaml.compose(text, Loader=yaml.SafeLoader)  # noqa: S506


def read_yaml(path: Path, shown_as: str) -> Located:
    """Load ``path``; a syntax error becomes one ConfigError naming file:line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{shown_as}: file not found", [Problem("missing-file", "file not found", Where(shown_as))]) from None
    except UnicodeDecodeError as exc:
        problem = Problem("encoding", f"not UTF-8 text ({exc.reason}); save it as UTF-8", Where(shown_as))
        raise ConfigError(str(problem), [problem]) from None
    try:
        data, node = parse(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or exc.context or "syntax error"
        if "appears twice" in what:
            problem = Problem("duplicate-key", what, Where(shown_as, line))
        elif isinstance(exc, yaml.constructor.ConstructorError):
            problem = Problem("yaml-tag", f"{what}; plain values only (no YAML tags such as !!python)", Where(shown_as, line))
        else:
            problem = Problem("yaml-syntax", f"YAML syntax error: {what}; fix the indentation or quoting", Where(shown_as, line))
        raise ConfigError(str(problem), [problem]) from None
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return Located(shown_as, data, lines)
