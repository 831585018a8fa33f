"""`book init` makes a project an editor can build straight away."""

from __future__ import annotations

import subprocess
from pathlib import Path

from book.scaffold import DEFAULT_FILES, DEFAULTS

REPO = Path(__file__).resolve().parent.parent


def test_init_then_build(tmp_path, run, profile_cache):
    folder = tmp_path / "Sách ảnh mới"
    result = run(tmp_path, "init", str(folder))
    assert result.exit_code == 0, result.stderr
    assert (folder / "translations" / "messages.pot").is_file()
    built = run(folder, "build")
    assert built.exit_code == 0, built.stderr
    pdf = folder / "output" / "print" / "vi" / "sach-anh-moi-vi-interior.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Chương thứ nhất" in text


def test_init_refuses_a_folder_in_use(tmp_path, run):
    (tmp_path / "book" / "notes.txt").parent.mkdir()
    (tmp_path / "book" / "notes.txt").write_text("mine")
    result = run(tmp_path, "init", str(tmp_path / "book"))
    assert result.exit_code == 1
    assert "the folder is not empty; choose a new folder for the book" in result.stderr
    assert (tmp_path / "book" / "notes.txt").read_text() == "mine"


def test_defaults_are_the_sample_books_own_files(tmp_path, run):
    """`book init` hands out the sample's layouts, styles and fonts, byte for byte."""
    assert run(tmp_path, "init", str(tmp_path / "new")).exit_code == 0
    for name, rel in DEFAULT_FILES.items():
        sample = (REPO / rel).read_bytes()
        assert (DEFAULTS / name).read_bytes() == sample, f"book/defaults/{name} differs from {rel}; run 'python tools/sync_defaults.py'"
        assert (tmp_path / "new" / rel).read_bytes() == sample
