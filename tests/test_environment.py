"""Problems of the machine, not of the book, each one clear line with exit 1
and no "internal error" (issue #29, item 5): an output/ that is a file or
cannot be written, init pointed at a file, a PDF cut short given to preflight."""

from __future__ import annotations

import errno

from book.cli.common import environment_line


def test_output_that_is_a_file_is_one_line(mini, run):
    (mini / "output").write_text("not a folder\n", encoding="utf-8")
    result = run(mini, "build", "--lang", "vi", "--profile", "proof")
    assert result.exit_code == 1
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("error: ") and line.endswith("output: is a file where book needs a folder; move or rename it and run "
                                                       "again; nothing was changed"), result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert (mini / "output").read_text(encoding="utf-8") == "not a folder\n"


def test_unwritable_places_are_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    denied = PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "output" / "print"))
    assert environment_line(denied) == ("output/print: permission denied; make it writable (chmod u+w) or work in a folder "
                                        "you can write to; nothing was changed")
    read_only = OSError(errno.EROFS, "Read-only file system", str(tmp_path / "output"))
    assert environment_line(read_only) == "output: is on a read-only file system; work on a copy in a writable folder; nothing was changed"
    assert environment_line(ValueError("a bug")) is None


def test_init_pointed_at_a_file(tmp_path, run):
    target = tmp_path / "notes.txt"
    target.write_text("notes\n", encoding="utf-8")
    result = run(tmp_path, "init", str(target))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {target}: is a file, not a folder; give the path of a new folder for the book"
    assert target.read_text(encoding="utf-8") == "notes\n"


def test_pdf_cut_short_in_preflight(mini, run, tmp_path):
    assert run(mini, "build", "--lang", "vi", "--profile", "proof").exit_code == 0
    whole = (mini / "output/proof/vi/mini-vi-proof.pdf").read_bytes()
    half = tmp_path / "half.pdf"
    half.write_bytes(whole[: len(whole) // 2])
    result = run(mini, "preflight", str(half))
    assert result.exit_code == 1
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.strip() == (f"error: {half}: the PDF is cut short (no end-of-file marker); build it again or ask for "
                                     "a complete copy")
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(whole[:2000] + b"\x00" * (len(whole) - 4000) + whole[-2000:])
    result = run(mini, "preflight", str(damaged))
    assert result.exit_code == 1
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert f"error: {damaged}: " in result.stderr
