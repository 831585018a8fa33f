"""Read YAML while remembering where each value came from, so that every
problem can be reported as ``file:line key.path``."""

from __future__ import annotations

import math
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


MAX_DEPTH = 64  # nesting levels: a book's sources use fewer than ten
MAX_VALUES = 1_000_000  # values once aliases are expanded: the sample's largest file has a few thousand
MAX_BYTES = 16 * 1024 * 1024
NON_FINITE = {".nan", ".inf", "+.inf", "-.inf"}


class TooLarge(Exception):
    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line, self.message = line, message


def check_size(text: str) -> None:
    """Refuse, before any document is built, a file that would take the
    machine's memory or stack: too large, nested too deep, or aliases that
    expand past `MAX_VALUES` values (a "billion laughs")."""
    if len(text) > MAX_BYTES:
        raise TooLarge(None, f"the file is larger than {MAX_BYTES // 1024 // 1024} MB; a book's sources are far smaller")
    depth, stack, anchors = 0, [[0]], {}
    for event in events_of(text):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise TooLarge(event.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep; flatten it")
            stack.append([1, event.anchor])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
            count, anchor = stack.pop()
            anchors[anchor] = count
            stack[-1][0] += count
        elif isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)):
            count = anchors.get(event.anchor, 1) if isinstance(event, yaml.AliasEvent) else 1
            if isinstance(event, yaml.ScalarEvent) and event.anchor:
                anchors[event.anchor] = 1
            stack[-1][0] += count
        if stack[-1][0] > MAX_VALUES or sum(level[0] for level in stack) > MAX_VALUES:
            raise TooLarge(event.start_mark.line + 1, f"its aliases (*name) expand to more than {MAX_VALUES:,} values; "
                           "write the values out instead of repeating aliases of aliases")


def events_of(text: str):
    """The parser's events (libyaml's when it can: it stops at 1,000 levels, the
    Python parser does not, and neither recurses). A syntax error ends them:
    the parse that follows reports it."""
    try:
        events = list(yaml.parse(text, Loader=FAST_SAFE))
    except yaml.YAMLError:
        events = yaml.parse(text, Loader=yaml.SafeLoader)
    try:
        yield from events
    except yaml.YAMLError:
        return


def finite(node: yaml.ScalarNode) -> bool:
    """Whether a YAML number is finite: `.nan` and `.inf` pass every range check."""
    if node.tag != "tag:yaml.org,2002:float":
        return True
    value = node.value.lower().replace("_", "")
    if value in NON_FINITE:
        return False
    try:
        return math.isfinite(float(value))
    except ValueError:  # a base-60 number
        return True


def _walk(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode) and not finite(node):
        raise TooLarge(node.start_mark.line + 1, f"{keypath(*path) or 'value'}: {node.value} is not a finite number; give a number")
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
        check_size(text)
        data, node = parse(text)
        lines: dict[KeyPath, int] = {}
        if node is not None:
            _walk(node, (), lines)
    except TooLarge as exc:
        code = "not-finite" if "finite" in exc.message else "yaml-size"
        problem = Problem(code, exc.message, Where(shown_as, exc.line))
        raise ConfigError(str(problem), [problem]) from None
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
    return Located(shown_as, data, lines)
