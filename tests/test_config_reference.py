"""docs/config.md is generated from the declared schema (tools/config_reference.py):
it is up to date, it shows every key table in book/sources/, and a key
without a description cannot slip in."""

from __future__ import annotations

from conftest import REPO, load_script

from book.sources import book_file
from book.sources.schema import Key

reference = load_script(REPO / "tools" / "config_reference.py", "config_reference")


def test_docs_config_is_up_to_date(capsys):
    assert reference.main(["--check"]) == 0, capsys.readouterr().err


def test_the_reference_shows_keys_with_their_types_defaults_and_ranges():
    text, problems = reference.render()
    assert problems == []
    assert "| `ink_limit` | number | `300` | 200 – 400 | The highest total ink (C+M+Y+K, in %) the photos may carry. |" in text
    assert "| `style` | text | `perfect` | `perfect`, `case`, `saddle` |" in text
    assert "| `focus` | list |" in text and "### `cover`" in text and "### `imprint`" in text
    for file in ("content/book.yaml", "layouts/layouts.yaml", "layouts/styles.yaml", "fonts/fonts.yaml"):
        assert f"## `{file}`" in text


def test_an_edited_file_is_out_of_date(tmp_path, capsys):
    stale = tmp_path / "config.md"
    stale.write_text((REPO / "docs" / "config.md").read_text(encoding="utf-8").replace("200 – 400", "200 – 500"))
    assert reference.main(["--check", "--out", str(stale)]) == 1
    assert "config.md is out of date; run .venv/bin/python tools/config_reference.py" in capsys.readouterr().err


def test_a_new_key_needs_a_description(monkeypatch):
    monkeypatch.setitem(book_file.COLOUR_KEYS, "dot_gain", Key(float, 12.0))
    _, problems = reference.render()
    assert problems == ["book.sources.book_file.COLOUR_KEYS: COLOUR_KEYS.dot_gain has no description; add doc= to its Key "
                        "or a line to DOCS in tools/config_reference.py"]
    monkeypatch.setitem(book_file.COLOUR_KEYS, "dot_gain", Key(float, 12.0, doc="The press's dot gain, in %."))
    text, problems = reference.render()
    assert problems == [] and "| `dot_gain` | number | `12` |  | The press's dot gain, in %. |" in text


def test_a_new_key_table_must_be_shown(monkeypatch):
    monkeypatch.setattr(book_file, "FOLD_KEYS", {"panels": Key(int, 2, doc="Panels.")}, raising=False)
    _, problems = reference.render()
    assert problems == ["book.sources.book_file.FOLD_KEYS: a key table the reference does not show; "
                        "add it to SECTIONS in tools/config_reference.py"]
