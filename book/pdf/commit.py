"""Putting a build's PDFs into place so that outputs and manifest agree.

The manifest is the commit record. Every staged PDF is hashed before it
moves; the new manifest and the list of moves are first written, atomically,
to a journal (output/.commit.json); then the PDFs are renamed into place,
then the files the book no longer makes are removed (see `stale`), then the
manifest is written atomically and the journal removed. Each PDF is
renamed over the one it replaces, so that a listed output is never
missing, whenever the build is killed. A build killed between those steps
leaves the journal, and the next build (under the project lock) finishes
the moves and removals that can still be made, writes a manifest that
lists exactly the files that are there and removes the killed build's
staging folder.

`FAULT_ENV` names a step of the commit at which the process kills itself
(SIGKILL, as a power cut would stop it): the tests kill a build at every
step, one after the other, with no timing involved."""

from __future__ import annotations

import json
import os
import shutil
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from book.caches import JOURNAL
from book.files import move_into_place, sha256_file, write_atomic

MANIFEST_REL = "output/manifest.json"
JOURNAL_REL = JOURNAL.rel
FAULT_ENV = "BOOK_COMMIT_FAULT"  # tests only: the number of the step to be killed after (see the module's text)


class Steps:
    """The steps of one commit, counted; the process is killed after step `FAULT_ENV`."""

    def __init__(self) -> None:
        self.done = 0
        self.fault = int(os.environ.get(FAULT_ENV) or 0)

    def __call__(self) -> None:
        self.done += 1
        if self.done == self.fault:
            os.kill(os.getpid(), signal.SIGKILL)


@dataclass(frozen=True)
class Staged:
    """One finished PDF waiting in the staging folder, with its manifest entry (sha256 aside)."""

    path: Path
    target: Path
    entry: dict
    sha256: str | None = None  # of ``path``, when the renderer hashed it as it wrote it


def read_manifest(root: Path) -> dict:
    path = root / MANIFEST_REL
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def commit(root: Path, slug: str, staged: list[Staged], warnings: list[str], placed: dict[Path, str] | None = None,
           made: dict[str, set[str]] | None = None, known: Callable[[str], str | None] = lambda rel: None,
           pages: list[dict] | None = None) -> tuple[dict, set[Path], list[str]]:
    """Move ``staged`` into place, remove what the book no longer makes and
    write the manifest; returns the manifest, the targets moved into place
    (an output whose bytes are those already there is left as it is) and
    what was removed or left (one line each). ``placed`` gives the SHA-256
    of files in place where the build knows it, so that they are not read
    to learn it; ``made`` and ``known`` are `stale`'s; ``pages``, each page's
    layout and variant (`book.pages.paginate.page_layouts`), go in as they are."""
    placed = placed or {}
    moved = set()
    fresh = []
    for item in staged:
        fresh.append({**item.entry, "path": item.target.relative_to(root).as_posix(), "sha256": item.sha256 or sha256_file(item.path)})
    paths = {f["path"] for f in fresh}
    old = [f for f in read_manifest(root).get("files", []) if isinstance(f, dict) and f.get("path") not in paths
           and isinstance(f.get("path"), str) and (root / f["path"]).is_file()]
    gone, left = stale(root, old, made, known)
    kept = [f for f in old if f["path"] not in gone and f["path"] not in left]
    manifest = {"book": slug, "files": sorted(kept + fresh, key=lambda f: f["path"]), "warnings": warnings}
    if pages is not None:
        manifest["pages"] = pages
    moves = [[item.path.relative_to(root).as_posix(), entry["path"], entry["sha256"]] for item, entry in zip(staged, fresh, strict=True)]
    step = Steps()
    write_atomic(root / JOURNAL_REL, dump({"manifest": manifest, "moves": moves, "removes": [[rel, gone[rel]] for rel in sorted(gone)]}))
    try:
        step()
        for item, entry in zip(staged, fresh, strict=True):
            if same_file(item.target, item.path, entry["sha256"], placed.get(item.target)):
                continue  # an unchanged output is not rewritten
            item.target.parent.mkdir(parents=True, exist_ok=True)
            move(item.path, item.target)
            moved.add(item.target)
            step()
        remove_outputs(root, gone, check=False)  # `stale` has just compared them, under the lock
        step()
        if (root / MANIFEST_REL).is_file() and (root / MANIFEST_REL).read_text(encoding="utf-8") == dump(manifest):
            pass  # an unchanged build rewrites nothing
        else:
            write_atomic(root / MANIFEST_REL, dump(manifest))
        step()
        (root / JOURNAL_REL).unlink()
        step()
    except BaseException:
        try:
            recover(root)
        except OSError:
            pass  # the journal stays; the next build repairs
        raise
    notes = [f"{rel}: removed, the book no longer makes it" for rel in sorted(gone)]
    notes += [f"{rel}: the book no longer makes it, but it is not the file a build wrote; it was left in place and "
              "out of the manifest: delete it if it is not yours" for rel in sorted(left)]
    return manifest, moved, notes


def stale(root: Path, old: list[dict], made: dict[str, set[str]] | None,
          known: Callable[[str], str | None]) -> tuple[dict[str, str], set[str]]:
    """Of the previous manifest's entries ``old`` (their files there), those
    the book no longer makes: of an output in ``made`` (each output's paths
    from the root, as the book stands now) but not among its paths, after a
    slug change, a dropped edition or cover. Returns them (path -> SHA-256)
    for removal, and those left in place because they are not the files a
    build wrote (a user's own files now): only what this tool made is ever
    removed. ``known(path)`` gives a file's SHA-256 where the
    build record knows it unchanged, so that it is not read."""
    gone, left = {}, set()
    output = (root / "output").resolve()
    for entry in old:
        rel = entry["path"]
        if made is None or entry.get("profile") not in made or rel in made[entry["profile"]]:
            continue
        path = root / rel
        inside = not path.is_symlink() and path.resolve().is_relative_to(output)
        if inside and (known(rel) or sha256_file(path)) == entry.get("sha256"):
            gone[rel] = entry["sha256"]
        else:
            left.add(rel)
    return gone, left


def remove_outputs(root: Path, gone: dict[str, str], check: bool = True) -> None:
    """Delete the files ``gone`` (path -> SHA-256) that still hold those
    bytes (unless ``check`` is False), and the output folders they leave empty."""
    output = root / "output"
    for rel, sha in sorted(gone.items()):
        path = root / rel
        if path.is_file() and not path.is_symlink() and (not check or sha256_file(path) == sha):
            path.unlink()
        folder = path.parent
        while folder != output and folder.is_relative_to(output) and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def move(staged: Path, placed: Path) -> None:
    """Rename ``staged`` over ``placed``: the old file stays under its name
    until the new one is there (`book.files.move_into_place`). A build
    killed before it leaves the journal, and `recover` makes the move."""
    move_into_place(staged, placed)


def same_file(placed: Path, staged: Path, sha256: str, known: str | None = None) -> bool:
    """Whether ``placed`` already holds the bytes of ``staged`` (SHA-256
    ``sha256``); a file of another length is not read, nor one whose digest
    is ``known``."""
    try:
        if placed.stat().st_size != staged.stat().st_size:
            return False
    except OSError:
        return False
    return (known or sha256_file(placed)) == sha256


def recover(root: Path) -> list[str]:
    """Finish or repair a commit a killed build left; returns what was repaired."""
    journal = root / JOURNAL_REL
    if not journal.is_file():
        return []
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        manifest, moves = record["manifest"], record["moves"]
    except (OSError, ValueError, KeyError, TypeError):
        journal.unlink()
        return ["output/.commit.json: an unreadable commit record was removed"]
    for source, target, sha in moves:
        staged, placed = root / source, root / target
        if staged.is_file() and not (placed.is_file() and sha256_file(placed) == sha):
            placed.parent.mkdir(parents=True, exist_ok=True)
            move_into_place(staged, placed)
    remove_outputs(root, {rel: sha for rel, sha in record.get("removes", [])})
    old = {f.get("path"): f for f in read_manifest(root).get("files", []) if isinstance(f, dict)}
    files, notes = [], []
    for entry in manifest["files"]:
        path = root / entry["path"]
        actual = sha256_file(path) if path.is_file() else None
        if actual == entry["sha256"]:
            files.append(entry)
        elif actual is not None and old.get(entry["path"], {}).get("sha256") == actual:
            files.append(old[entry["path"]])
        elif actual is not None:
            notes.append(f"{entry['path']}: matches no recorded build; it was left out of the manifest, build it again")
    write_atomic(root / MANIFEST_REL, dump({**manifest, "files": files}))
    for folder in {(root / source).parent for source, _, _ in moves}:
        if folder.name.startswith(".build-"):  # the killed build's staging folder: the moves above made it look new
            shutil.rmtree(folder, ignore_errors=True)
    journal.unlink()
    return notes + ["output/manifest.json: repaired after an interrupted build"]
