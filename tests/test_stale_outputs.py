"""Outputs that left the book leave output/: after a slug change, a dropped
edition or a dropped cover, a build removes the PDFs it no longer makes
(only files a build wrote, never a user's own) and the manifest lists what
is on disk; `book clean` empties output/ and, with --caches, .cache/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from book.clean import size_text
from book.pdf.commit import JOURNAL_REL, recover


def on_disk(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "output").rglob("*.pdf") if ".build-" not in p.as_posix())


def listed(root: Path) -> list[str]:
    return sorted(f["path"] for f in json.loads((root / "output" / "manifest.json").read_text(encoding="utf-8"))["files"])


def set_line(root: Path, key: str, value: str) -> None:
    path = root / "content" / "book.yaml"
    lines = [f"{key}: {value}" if line.startswith(f"{key}:") else line for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_slug_change_leaves_only_the_new_books_files(mini, run):
    assert run(mini, "build", "--profile", "screen").exit_code == 0
    assert run(mini, "build", "--lang", "vi").exit_code == 0
    assert on_disk(mini) == ["output/print/vi/mini-vi-interior.pdf",
                             *(f"output/screen/{lang}/mini-{lang}-interior.pdf" for lang in ("en", "ja", "vi"))]
    mine = mini / "output" / "print" / "vi" / "notes-of-mine.pdf"
    mine.write_bytes(b"%PDF-1.4 not the tool's")
    set_line(mini, "slug", "so-tay")
    result = run(mini, "build", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    assert "output/print/vi/mini-vi-interior.pdf: removed, the book no longer makes it" in result.stderr
    # The screen files were made under the old slug too: the book no longer makes them either.
    assert on_disk(mini) == ["output/print/vi/notes-of-mine.pdf", "output/print/vi/so-tay-vi-interior.pdf"]
    assert listed(mini) == ["output/print/vi/so-tay-vi-interior.pdf"]
    assert not (mini / "output" / "screen").exists()
    assert mine.read_bytes() == b"%PDF-1.4 not the tool's"
    preflight = run(mini, "preflight", *map(str, sorted((mini / "output" / "print").glob("*/so-tay*.pdf"))))
    assert preflight.exit_code == 0, preflight.stdout


def test_dropped_edition_and_changed_file(mini, run):
    """A dropped edition's files go, other profiles' current files stay; a
    file a user replaced is left where it is and out of the manifest."""
    assert run(mini, "build", "--profile", "screen", "--lang", "vi").exit_code == 0
    assert run(mini, "build", "--profile", "screen").exit_code == 0
    edited = mini / "output" / "screen" / "en" / "mini-en-interior.pdf"
    edited.write_bytes(edited.read_bytes() + b"\n% annotated by hand\n")
    set_line(mini, "editions", "[vi]")
    result = run(mini, "build", "--profile", "proof")
    assert result.exit_code == 0, result.stderr
    assert "output/screen/ja/mini-ja-interior.pdf: removed" in result.stderr
    assert "output/screen/en/mini-en-interior.pdf: the book no longer makes it, but it is not the file a build wrote" in result.stderr
    assert on_disk(mini) == ["output/proof/vi/mini-vi-proof.pdf", "output/screen/en/mini-en-interior.pdf",
                             "output/screen/vi/mini-vi-interior.pdf"]
    assert listed(mini) == ["output/proof/vi/mini-vi-proof.pdf", "output/screen/vi/mini-vi-interior.pdf", "output/screen/vi/mini-vi.epub"]
    assert "output/screen/en/mini-en.epub: removed" in result.stderr  # the EPUB beside the edited PDF was the build's
    assert not (mini / "output" / "screen" / "ja").exists()


def test_clean_empties_output(mini, run):
    assert run(mini, "build", "--profile", "screen", "--lang", "vi").exit_code == 0
    (mini / "output" / "review").mkdir()
    (mini / "output" / "review" / "sheet.pdf").write_bytes(b"x" * 5000)
    files = [p for p in (mini / "output").rglob("*") if p.is_file()]
    assert {".record.json", "manifest.json", "mini-vi-interior.pdf", "sheet.pdf"} <= {p.name for p in files}
    size = sum(p.stat().st_size for p in files)
    result = run(mini, "clean")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == f"removed output/ ({len(files)} files, {size_text(size)} freed)"
    assert not any((mini / "output").iterdir())
    assert any((mini / ".cache" / "images").glob("*.jpg"))  # the caches stay without --caches
    assert run(mini, "build", "--profile", "screen", "--lang", "vi").exit_code == 0  # and the next build makes it again


def test_clean_caches(mini, run):
    assert run(mini, "build", "--profile", "screen", "--lang", "vi").exit_code == 0
    result = run(mini, "clean", "--caches")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("removed output/ and .cache/ (")
    assert not any((mini / "output").glob("*")) and not any(p.is_file() and p.name != "build.lock" for p in (mini / ".cache").rglob("*"))
    assert (mini / "content" / "book.yaml").is_file() and (mini / "translations" / "en.po").is_file()
    again = run(mini, "clean")
    assert again.exit_code == 0 and again.stdout.strip() == "nothing to remove: output/ is empty"


def test_clean_refuses_while_a_build_runs(mini):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from book.lock import project_lock\n"
        "with project_lock(Path(sys.argv[1])):\n    print('locked', flush=True); time.sleep(60)"), str(mini)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        (mini / "output").mkdir(exist_ok=True)
        (mini / "output" / "manifest.json").write_text("{}")
        result = subprocess.run([sys.executable, "-m", "book", "--project", str(mini), "clean"], capture_output=True, text=True)
        assert result.returncode == 1
        assert result.stderr.strip() == (f"error: a build of this project is running (process {holder.pid}); "
                                          "run 'book clean' when it has finished")
        assert (mini / "output" / "manifest.json").is_file()
    finally:
        holder.kill()
        holder.wait()


def test_a_killed_builds_removals_are_finished(mini, run):
    """The removals are in the commit journal: the next build finishes those
    whose files still hold the recorded bytes, and only those."""
    assert run(mini, "build", "--profile", "screen").exit_code == 0
    manifest = json.loads((mini / "output" / "manifest.json").read_text(encoding="utf-8"))
    entries = {f["lang"]: f for f in manifest["files"] if f["part"] == "interior"}
    changed = mini / entries["en"]["path"]
    changed.write_bytes(b"%PDF-1.4 mine now")
    journal = {"manifest": {**manifest, "files": [entries["vi"]]}, "moves": [],
               "removes": [[f["path"], f["sha256"]] for f in manifest["files"] if f["lang"] in ("en", "ja")]}  # PDFs and EPUBs
    (mini / JOURNAL_REL).write_text(json.dumps(journal), encoding="utf-8")
    assert recover(mini) == ["output/manifest.json: repaired after an interrupted build"]
    assert on_disk(mini) == ["output/screen/en/mini-en-interior.pdf", "output/screen/vi/mini-vi-interior.pdf"]
    assert changed.read_bytes() == b"%PDF-1.4 mine now" and not (mini / "output" / "screen" / "ja").exists()
    assert listed(mini) == ["output/screen/vi/mini-vi-interior.pdf"] and not (mini / JOURNAL_REL).exists()
