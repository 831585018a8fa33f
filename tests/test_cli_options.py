"""The command line as people expect it (issue #29, item 7): -h, the allowed
values in the help rather than Python types, --ignore CODE and ignore: in
book.yaml, a low-resolution message with the largest print size and the
remedies, and output paths an 80-column terminal does not cut."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from book.cli import app


@pytest.mark.parametrize("args", [[], ["build"], ["check"], ["i18n"], ["i18n", "status"], ["preflight"], ["review"], ["preview"]])
def test_dash_h_is_help_and_shows_values_not_types(args):
    result = CliRunner().invoke(app, [*args, "-h"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: ")
    options = result.output.split("Options:")[1]
    assert not re.search(r"<(bool|str|list\[str\]|int range|int|path)>", options), options


def test_help_lists_the_allowed_values():
    text = CliRunner().invoke(app, ["build", "-h"], env={"COLUMNS": "80"}).output
    assert "--profile [print|screen|proof]" in text and "--pdfx [x1a|x4]" in text
    assert "-l, --lang [vi|en|zh|ko|ja]" in text and "--ignore CODE" in text and "-j, --jobs N" in text
    assert max(len(line) for line in text.splitlines()) <= 80


def warnings_of(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning: ")]


def test_ignore_silences_a_known_warning(mini, run):
    said = run(mini, "check", "--lang", "vi")
    assert said.exit_code == 0 and any("no ISBN" in line for line in warnings_of(said.stderr))
    assert run(mini, "check", "--lang", "vi", "--strict").exit_code == 1
    quiet = run(mini, "check", "--lang", "vi", "--ignore", "isbn-missing", "--ignore", "no-cover")
    assert quiet.exit_code == 0
    assert not any("no ISBN" in line or "no cover" in line for line in warnings_of(quiet.stderr)), quiet.stderr
    silenced = [line for line in warnings_of(said.stderr) if "no ISBN" in line or "no cover" in line]
    assert len(silenced) >= 2 and len(warnings_of(quiet.stderr)) == len(warnings_of(said.stderr)) - len(silenced)
    book_yaml = mini / "content/book.yaml"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8") + "ignore: [isbn-missing, no-cover, page-padding, msgfmt, alt-missing]\n",
                         encoding="utf-8")
    strict = run(mini, "check", "--lang", "vi", "--strict")
    assert strict.exit_code == 0, strict.stderr
    assert not warnings_of(strict.stderr)
    built = run(mini, "build", "--lang", "vi", "--profile", "proof", "--strict", "--quiet")
    assert built.exit_code == 0, built.stderr
    assert "no ISBN" not in built.stderr


def test_ignore_in_book_yaml_is_checked(mini, run):
    book_yaml = mini / "content/book.yaml"
    lines = len(book_yaml.read_text(encoding="utf-8").splitlines())
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8") + "ignore: [isbn-missing, 12]\n", encoding="utf-8")
    result = run(mini, "check", "--lang", "vi")
    assert result.exit_code == 1
    assert f"error: content/book.yaml:{lines + 1}: ignore[1]: 12 is not a problem code" in result.stderr


def test_low_resolution_says_how_large_and_what_to_do(mini, run):
    book_yaml = mini / "content/book.yaml"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8").replace("min_ppi: 100", "min_ppi: 400"), encoding="utf-8")
    result = run(mini, "check", "--lang", "vi")
    line = next(line for line in result.stderr.splitlines() if "ppi in its frame" in line)
    assert re.search(r"\(print needs 400 ppi \(colour\.min_ppi\), and below 200 ppi, half of that, it is an error\); at 400 ppi it fills at most \d+ × \d+ mm: "
                     r"supply a larger original, place it in a smaller frame, or lower colour\.min_ppi", line), line


def test_paths_are_whole_on_80_columns(mini, run):
    result = CliRunner().invoke(app, ["--project", str(mini), "build", "--lang", "vi", "--profile", "proof"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "vi: output/proof/vi/mini-vi-proof.pdf (written)" in result.stdout.splitlines()
