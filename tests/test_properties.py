"""Property tests (hypothesis, derandomised, bounded): open-ended captions,
and any sequence of source edits merged into a catalog."""

from __future__ import annotations

import subprocess
import tempfile
import unicodedata
from pathlib import Path

import polib
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from book.cli import app
from book.i18n.merge import msgmerge
from book.i18n.slots import keep_slots, made_for


def bounded(examples: int) -> settings:
    """A fixed seed, no example database, a bounded number of examples: the same run in CI as here."""
    return settings(derandomize=True, deadline=None, suppress_health_check=list(HealthCheck), database=None, max_examples=examples)
CHAPTER = "content/chapters/01-cang.yaml"


# Any Unicode caption: built and read back (NFC), or refused in one clear line.

@pytest.fixture(scope="module")
def caption_book(tmp_path_factory, profile_cache):
    from conftest import copy_mini

    return copy_mini(tmp_path_factory.mktemp("captions") / "mini", None, (600, 400))


def squash(text: str) -> str:
    return "".join(text.split())


@bounded(12)
@given(st.text(st.characters(codec="utf-8"), min_size=1, max_size=30))
def test_any_caption_builds_and_reads_back_or_is_refused(caption_book, caption):
    chapter = caption_book / CHAPTER
    data = yaml.safe_load(chapter.read_text(encoding="utf-8"))
    data["photos"][1]["caption"] = caption
    chapter.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["--project", str(caption_book), "build", "--lang", "vi", "--profile", "proof"], catch_exceptions=False)
    assert "Traceback" not in result.output and "internal error" not in result.stderr, result.stderr
    if result.exit_code == 0:
        pdf = caption_book / "output" / "proof" / "vi" / "mini-vi-proof.pdf"
        text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert squash(unicodedata.normalize("NFC", caption)) in squash(unicodedata.normalize("NFC", text))
    else:
        assert result.exit_code == 1
        lines = result.stderr.strip().splitlines()
        assert lines[-1].startswith("error: ") and all(line.startswith(("content/", "error: ", "warning: ")) for line in lines), lines


# Any sequence of source edits, then extract and update.

WORDS = ["cảng", "Hải Phòng", "cầu", "biển", "tàu", "đảo", "Cát Bà", "hoa phượng", "sông Cấm", "năm 1955", "thành phố", "nhà máy"]
text_st = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
edit_st = st.one_of(
    st.tuples(st.just("rewrite"), st.integers(0, 7), text_st),
    st.tuples(st.just("tweak"), st.integers(0, 7), st.sampled_from(WORDS)),
    st.tuples(st.just("delete"), st.integers(0, 7), st.just("")),
    st.tuples(st.just("add"), st.integers(0, 7), text_st),
    st.tuples(st.just("review"), st.integers(0, 7), st.just("")),
)
HEADER = {"Language": "en", "Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=2; plural=(n != 1);"}


def write_catalog(path: Path, entries: list[polib.POEntry], obsolete: bool = True) -> None:
    po = polib.POFile(wrapwidth=79)
    po.metadata = dict(HEADER)
    for entry in entries:
        po.append(entry)
    path.write_text(str(po) + "\n", encoding="utf-8")


def translate_new(po: polib.POFile, counter: list[int]) -> None:
    """The translator fills every untranslated live entry."""
    for entry in po:
        if not entry.obsolete and not entry.msgstr:
            counter[0] += 1
            entry.msgstr = f"T{counter[0]}"


@bounded(40)
@given(st.lists(text_st, min_size=3, max_size=8), st.lists(st.lists(edit_st, min_size=1, max_size=4), min_size=1, max_size=4))
def test_edits_never_lose_a_translation_and_change_only_what_changed(texts, rounds):
    sources = {f"photo:p{i:03d}:caption": text for i, text in enumerate(texts)}
    counter = [0]
    with tempfile.TemporaryDirectory() as work:
        po_path, pot_path = Path(work) / "en.po", Path(work) / "messages.pot"
        po = polib.POFile(wrapwidth=79)
        po.metadata = dict(HEADER)
        for ctx, text in sources.items():
            po.append(polib.POEntry(msgctxt=ctx, msgid=text, msgstr=""))
        translate_new(po, counter)
        po_path.write_text(str(po) + "\n", encoding="utf-8")
        for edits in rounds:
            old = polib.pofile(str(po_path))
            for kind, index, value in edits:
                ctx = sorted(sources)[index % len(sources)] if sources else None
                if kind == "rewrite" and ctx:
                    sources[ctx] = value
                elif kind == "tweak" and ctx:
                    sources[ctx] = f"{sources[ctx]} {value}"
                elif kind == "delete" and ctx and len(sources) > 1:
                    del sources[ctx]
                elif kind == "add":
                    sources[f"photo:n{len(sources) + index:03d}:caption"] = value
                elif kind == "review" and ctx:
                    entry = old.find(ctx, by="msgctxt")
                    if entry is not None and "fuzzy" in entry.flags:
                        entry.flags.remove("fuzzy")
                        entry.previous_msgid = entry.previous_msgctxt = None
            po_path.write_text(str(old) + "\n", encoding="utf-8")
            old = polib.pofile(str(po_path))
            write_catalog(pot_path, [polib.POEntry(msgctxt=c, msgid=t, msgstr="") for c, t in sources.items()])
            merged = polib.pofile(keep_slots(old, msgmerge(po_path, pot_path)))
            check_merge(old, merged, sources)
            translate_new(merged, counter)
            po_path.write_text(str(merged) + "\n", encoding="utf-8")


def check_merge(old: polib.POFile, merged: polib.POFile, sources: dict[str, str]) -> None:
    kept = {e.msgstr for e in merged if e.msgstr}
    lost = {e.msgstr for e in old if e.msgstr} - kept
    assert not lost, lost  # no translation is lost (live or #~)
    live = {e.msgctxt: e for e in merged if not e.obsolete}
    assert set(live) == set(sources) and all(live[c].msgid == t for c, t in sources.items())
    for entry in old:
        if entry.obsolete or not entry.msgstr or entry.msgctxt not in sources:
            continue
        now = live[entry.msgctxt]
        if entry.msgid == sources[entry.msgctxt]:  # unchanged source: untouched
            assert (now.msgstr, "fuzzy" in now.flags) == (entry.msgstr, "fuzzy" in entry.flags), entry.msgctxt
        else:  # changed source, same slot: its translation, fuzzy, with the text it was made for
            assert now.msgstr == entry.msgstr and "fuzzy" in now.flags, (entry.msgctxt, now)
            assert now.previous_msgid == made_for(entry), (entry.msgctxt, now.previous_msgid, made_for(entry))
