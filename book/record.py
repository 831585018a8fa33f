"""The build record: for every output, the digest of every input it was made
from (sources, the edition's catalog, fonts, prepared photos, the pages, the
code and the options), so that a build rewrites only what changed.

The record is ``output/.record.json``, apart from the manifest. It is
written atomically after the outputs are in place (`book.incremental`
asks it, stage by stage, what changed); a record that is
missing, damaged or from another version of this code counts as empty,
which means a full build, never a wrong one (a damaged one says so in one
line, and is written afresh by that build). An output counts as unchanged
only when its recorded inputs match and the file on disk is the one the
record describes (`book.files.seen`: size, modification and change times
and inode as written).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from book.caches import RECORD, notice_damaged
from book.files import is_signature, seen, sha256_file, signature, write_atomic

RECORD_REL = RECORD.rel
RECORD_VERSION = 3  # 2: each output keeps what its build found of its edition; 3: its own digest
PACKAGE = Path(__file__).resolve().parent


@cache
def code_digest() -> str:
    """A digest of this toolchain's own code and default files: any change
    to them rebuilds everything."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml"):
            digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def digest_of(value) -> str:
    """A stable digest of plain data (dicts, lists, strings, numbers).

    >>> digest_of({"b": 1, "a": [2, "x"]}) == digest_of({"a": [2, "x"], "b": 1})
    True
    """
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


class BuildRecord:
    def __init__(self, root: Path):
        self.root = root
        self.path = root / RECORD_REL
        self.outputs: dict[str, dict] = {}
        self.builds: dict[str, dict] = {}
        try:
            data = json.loads(self.path.read_bytes())
        except FileNotFoundError:
            return  # no record: everything is built
        except (OSError, ValueError):
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("version"), int):
            notice_damaged(RECORD_REL, "build record")  # everything is built, and the record written afresh
            return
        if data["version"] != RECORD_VERSION:
            return
        outputs, builds = data.get("outputs"), data.get("builds")
        if not (data.pop("check", None) == record_check(data) and isinstance(outputs, dict) and all(map(good_output, outputs.values()))
                and isinstance(builds, dict) and all(map(good_build, builds.values()))):
            notice_damaged(RECORD_REL, "build record")
            return
        self.outputs, self.builds = outputs, builds
        if data.get("code") != code_digest():
            # Another version of the code: every output is built again, but what the
            # record knows of the files in place (`intact`) still spares reading them.
            self.outputs = {k: {"sha256": v.get("sha256"), "seen": v.get("seen")} for k, v in self.outputs.items()}
            self.builds = {}

    def intact(self, rel: str) -> str | None:
        """The SHA-256 of output ``rel`` if it is still the file this record
        wrote (`book.files.seen`). The signature was taken as the build left
        the file, under the project lock: no other build writes there, so the
        settle time that guards the sources' memos does not apply."""
        entry = self.outputs.get(rel)
        return entry.get("sha256") if entry and seen(self.root / rel, entry.get("seen")) else None

    def unchanged(self, rel: str, inputs: str) -> str | None:
        """The SHA-256 of ``rel`` when its inputs are ``inputs`` as recorded and the file is intact."""
        entry = self.outputs.get(rel)
        return self.intact(rel) if entry and entry.get("inputs") == inputs else None

    def kept(self, rel: str, inputs: str) -> dict | None:
        """What the build of ``rel`` found of its edition (its problems and
        proof marks) when ``rel`` is unchanged (`unchanged`), else None."""
        edition = self.outputs.get(rel, {}).get("edition")
        return edition if isinstance(edition, dict) and self.unchanged(rel, inputs) is not None else None

    def note_output(self, rel: str, inputs: str, sha256: str | None = None, edition: dict | None = None) -> str:
        """Record output ``rel`` as built from ``inputs``, with what its
        build found of its ``edition`` (see `kept`)."""
        path = self.root / rel
        sha256 = sha256 or sha256_file(path)
        self.outputs[rel] = {"inputs": inputs, "sha256": sha256, "seen": signature(path)}
        if edition is not None:
            self.outputs[rel]["edition"] = edition
        return sha256

    def build_unchanged(self, key: str, inputs: str) -> dict | None:
        """The recorded build ``key`` (its outputs and warnings) when every
        input file looks as it did and every output is intact."""
        entry = self.builds.get(key)
        if not entry or entry.get("inputs") != inputs:
            return None
        if not all(self.intact(rel) for rel in entry.get("outputs", [])):
            return None
        return entry

    def note_build(self, key: str, inputs: str, outputs: list[str], warnings: list[str], files: list[str], summary: dict) -> None:
        """``files``: what the build read outside the project, checked by the next build's quick look."""
        self.builds[key] = {"inputs": inputs, "outputs": sorted(outputs), "warnings": warnings, "fonts": files, "summary": summary}

    def save(self) -> None:
        data = {"version": RECORD_VERSION, "code": code_digest(), "outputs": self.outputs, "builds": self.builds}
        text = json.dumps({**data, "check": record_check(data)}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        try:
            same = self.path.read_bytes() == text.encode("utf-8")
        except OSError:
            same = False
        if not same:
            write_atomic(self.path, text)


def record_check(data: dict) -> str:
    """The digest a record carries of the rest of itself: a record edited or
    garbled into other valid JSON does not match it."""
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def good_output(entry) -> bool:
    """Whether ``entry`` is an output's record as `BuildRecord.note_output` writes it."""
    return (isinstance(entry, dict) and isinstance(entry.get("sha256"), str) and isinstance(entry.get("inputs", ""), str)
            and (entry.get("seen") is None or is_signature(entry["seen"])) and good_edition(entry.get("edition", {"problems": []})))


def good_edition(found) -> bool:
    """Whether ``found`` is what a build found of an edition (`BuildRecord.kept`)."""
    problems = found.get("problems") if isinstance(found, dict) else None
    return isinstance(problems, list) and all(isinstance(p, dict) and isinstance(p.get("code"), str)
                                              and isinstance(p.get("message"), str) for p in problems)


def good_build(entry) -> bool:
    """Whether ``entry`` is a build's record as `BuildRecord.note_build` writes it."""
    lists = [entry.get(name) for name in ("outputs", "warnings", "fonts")] if isinstance(entry, dict) else [None]
    return (all(isinstance(value, list) and all(isinstance(item, str) for item in value) for value in lists)
            and isinstance(entry.get("inputs"), str) and isinstance(entry.get("summary"), dict)
            and isinstance(entry["summary"].get("editions"), list) and all(isinstance(e, dict) for e in entry["summary"]["editions"]))


def source_files(root: Path) -> list[Path]:
    """Every file a build reads from the project (photos included), in a fixed order."""
    found = []
    for folder in ("content", "layouts", "fonts", "translations", "presets"):  # presets/: the project's printer presets
        base = root / folder
        if base.is_dir():
            found += [p for p in base.rglob("*") if p.is_file() and not p.name.startswith(".")]
    return sorted(found)

