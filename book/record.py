"""The build record: for every output, the digest of every input it was made
from (sources, the edition's catalog, fonts, prepared photos, the pages, the
code and the options), so that a build rewrites only what changed.

The record is ``output/.record.json``, apart from the manifest. It is
written atomically after the outputs are in place (`book.incremental`
asks it, stage by stage, what changed); a record that is
missing, damaged or from another version of this code counts as empty,
which means a full build, never a wrong one. An output counts as unchanged
only when its recorded inputs match and the file on disk is the one the
record describes (`book.files.seen`: size, modification and change times
and inode as written).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from book.caches import RECORD
from book.files import seen, sha256_file, signature, write_atomic

RECORD_REL = RECORD.rel
RECORD_VERSION = 2  # 2: each output keeps what its build found of its edition
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
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") == RECORD_VERSION:
                self.outputs = {k: v for k, v in data["outputs"].items() if isinstance(v, dict)}
                self.builds = {k: v for k, v in data["builds"].items() if isinstance(v, dict)}
                if data.get("code") != code_digest():
                    # Another version of the code: every output is built again, but what the
                    # record knows of the files in place (`intact`) still spares reading them.
                    self.outputs = {k: {"sha256": v.get("sha256"), "seen": v.get("seen")} for k, v in self.outputs.items()}
                    self.builds = {}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # no record, or a damaged one: everything is built

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
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        if not self.path.is_file() or self.path.read_text(encoding="utf-8") != text:
            write_atomic(self.path, text)


def source_files(root: Path) -> list[Path]:
    """Every file a build reads from the project (photos included), in a fixed order."""
    found = []
    for folder in ("content", "layouts", "fonts", "translations"):
        base = root / folder
        if base.is_dir():
            found += [p for p in base.rglob("*") if p.is_file() and not p.name.startswith(".")]
    return sorted(found)

