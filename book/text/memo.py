"""Paragraphs set by an earlier run, kept on disk: composing every paragraph of
five editions takes seconds, and most runs (a review sheet, a check, a
rebuild after one caption changed) set the same paragraphs again.

A paragraph's lines depend on its text and style, the frame's width, the
faces that set it and the code that sets it. The faces and the code name the
file (``.cache/setting/<lang>-<digest>.json``): a new font file or a new
version of `book` starts an empty table. The text, style, width and the
phrases kept whole are the key within it. A face is named by its source file,
not by the subset an edition embeds: a translator's edit that brings a new
character makes a new subset of a CJK face, with the same glyphs and widths
for every other paragraph, so the lines are kept with the faces' names and
given the names of this run's subsets when they are read.

A table is JSON with a schema version, never pickle: a project received
with its ``.cache`` must not run code when it is read. A damaged or
unreadable file is an empty table (with one notice line), never a wrong
line; tables of the older pickle format are deleted unread."""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import weakref
from copy import copy
from dataclasses import fields
from pathlib import Path

from book.caches import SETTING, notice_damaged
from book.files import DiskFull, remove_stale_temps, write_atomic
from book.record import code_digest
from book.text.fonts import EditionFonts, file_digest

KEEP_FILES = 24  # tables kept per folder, newest first: the editions, the review sheet's faces, a few edits back
TABLE_VERSION = 1


def line_data(line) -> list:
    """A `book.text.typeset.Line` as JSON data: its fields in order, its pieces' last."""
    return [*(getattr(line, f.name) for f in fields(line) if f.name != "pieces"),
            [[getattr(piece, f.name) for f in fields(piece)] for piece in line.pieces]]


def data_line(data: list):
    """The line `line_data` gave; a ValueError or TypeError for anything else."""
    from book.text.typeset import Line, Piece  # typeset imports this module

    names, piece_names = [f.name for f in fields(Line) if f.name != "pieces"], [f.name for f in fields(Piece)]
    *values, pieces = data
    if len(values) != len(names) or not all(len(p) == len(piece_names) for p in pieces):
        raise ValueError("another shape of line")
    return Line(pieces=[Piece(**dict(zip(piece_names, piece, strict=True))) for piece in pieces], **dict(zip(names, values, strict=True)))


class Table:
    """One file of set paragraphs: ``entries`` (key -> lines) set or read in
    this run, ``stored`` (key -> line data) as read from the file, turned
    into lines when first asked for."""

    def __init__(self, path: Path):
        self.path = path
        self.entries: dict[str, list] = {}
        self.stored: dict[str, list] = {}
        self.fresh = False  # holds lines not on disk yet
        try:
            data = json.loads(path.read_bytes())
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and data.get("version") == TABLE_VERSION and isinstance(data.get("paragraphs"), dict):
            self.stored = data["paragraphs"]
        else:
            notice_damaged(path, "table of set paragraphs")

    def get(self, key: str) -> list | None:
        lines = self.entries.get(key)
        if lines is None and key in self.stored:
            try:
                lines = self.entries[key] = [data_line(line) for line in self.stored.pop(key)]
            except (ValueError, TypeError):
                notice_damaged(self.path, "table of set paragraphs")
                self.fresh = True  # written again without the damaged entry
        return lines

    def save(self) -> None:
        if not self.fresh:
            return
        paragraphs = {**self.stored, **{key: [line_data(line) for line in lines] for key, lines in self.entries.items()}}
        text = json.dumps({"version": TABLE_VERSION, "paragraphs": paragraphs}, ensure_ascii=False, sort_keys=True)
        try:
            write_atomic(self.path, text + "\n")
        except (OSError, DiskFull):  # a cache that cannot be written costs time, never the build
            return
        self.fresh = False
        prune(self.path.parent)


def prune(folder: Path) -> None:
    """Keep the newest tables; drop the temporary files of runs that were
    killed (`book.files.remove_stale_temps`, the one rule for leftovers) and
    tables of the old pickle format, which are never read."""
    tables = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in tables[KEEP_FILES:] + list(folder.glob("*.pickle")):
        old.unlink(missing_ok=True)
    remove_stale_temps(folder)


TABLES: dict[Path, Table] = {}
CHOSEN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # fonts -> (faces registered, its table)
OWNER = os.getpid()


def table_for(fonts: EditionFonts) -> Table:
    """The table of the faces ``fonts`` has registered now."""
    known = CHOSEN.get(fonts)
    if known is not None and known[0] == len(fonts.registered):
        return known[1]
    faces = sorted((name, str(face.path), face.index, file_digest(face.path))
                   for name in fonts.registered for face in [fonts.config.faces[name]])
    chains = sorted((role, tuple(names)) for role, names in fonts.config.languages[fonts.lang].items())
    digest = hashlib.sha256(repr((code_digest()[:16], fonts.lang, faces, chains)).encode()).hexdigest()[:24]
    path = fonts.cache.parent / SETTING.leaf / f"{fonts.lang}-{digest}.json"
    if path not in TABLES:
        if not TABLES and os.getpid() == OWNER:
            atexit.register(save_all)
        TABLES[path] = Table(path)
    CHOSEN[fonts] = (len(fonts.registered), TABLES[path])
    return TABLES[path]


def save_all() -> None:
    if os.getpid() != OWNER:  # a forked worker leaves the table to the process that made it
        return
    for table in TABLES.values():
        table.save()


def renamed(lines: list, names: dict[str, str]) -> list:
    """Copies of ``lines`` with their pieces' fonts renamed by ``names``
    (the pieces a name leaves as it was are shared: nobody changes a piece)."""
    copies = []
    for line in lines:
        line = copy(line)
        if any(names.get(piece.font, piece.font) != piece.font for piece in line.pieces):
            line.pieces = [renamed_piece(piece, names[piece.font]) if names.get(piece.font, piece.font) != piece.font else piece
                           for piece in line.pieces]
        copies.append(line)
    return copies


def renamed_piece(piece, font: str):
    piece = copy(piece)
    piece.font = font
    return piece


def remembered(fonts: EditionFonts, key: tuple, make):
    """The lines of ``key`` from the table, or ``make()``'s, kept. Each caller
    gets its own copies of the lines (callers set a line's gap)."""
    table = table_for(fonts)
    name = repr(key)  # plain data: text, numbers, tuples and the style's frozen dataclass
    lines = table.get(name)
    if lines is None:
        made = make()
        table.entries[name] = renamed(made, {rl: face for face, rl in fonts.registered.items()})
        table.fresh = True
        return made
    return renamed(lines, fonts.registered)
