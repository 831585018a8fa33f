"""The build record: an unchanged build rewrites nothing, a .po edit
re-renders its edition only, and an incremental build gives the bytes a
full build from nothing gives."""

from __future__ import annotations

import hashlib
import json
import shutil


def state(root) -> dict[str, tuple[int, str]]:
    """Every output file's modification time and SHA-256."""
    return {str(p.relative_to(root)): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted((root / "output").rglob("*")) if p.is_file() and p.name != ".record.json"}


def written(result) -> dict[str, bool]:
    """Per edition, whether the build wrote its interior (from ``build --json``)."""
    assert result.exit_code == 0, result.stdout + result.stderr
    return {e["lang"]: e["written"] for e in json.loads(result.stdout)["editions"]}


def test_unchanged_build_rewrites_nothing(mini, run):
    assert run(mini, "build").exit_code == 0
    before = state(mini)
    assert written(run(mini, "build", "--json")) == {"vi": False, "en": False, "ja": False}
    assert state(mini) == before
    assert "(unchanged)" in run(mini, "build").stdout


def test_po_edit_renders_that_edition_only_and_matches_a_full_build(mini, run, tmp_path):
    assert run(mini, "build").exit_code == 0
    before = state(mini)
    po = mini / "translations" / "en.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Cat Hai"', 'msgstr "Cat Hai island"'), encoding="utf-8")
    assert written(run(mini, "build", "--json")) == {"vi": False, "en": True, "ja": False}
    after = state(mini)
    changed = {path for path in after if after[path] != before.get(path)}
    assert changed == {"output/print/en/mini-en-interior.pdf", "output/manifest.json"}, changed
    fresh = tmp_path / "fresh"
    shutil.copytree(mini, fresh, ignore=shutil.ignore_patterns("output", "images", "fonts", "measures.json"))
    shutil.copytree(mini / "fonts", fresh / "fonts")
    assert not (fresh / ".cache" / "images").exists()
    assert run(fresh, "build").exit_code == 0
    assert {p: h for p, (_, h) in state(fresh).items()} == {p: h for p, (_, h) in after.items()}


def test_po_edit_sets_the_text_of_that_edition_only_and_keeps_the_others_findings(mini, run, tmp_path, monkeypatch):
    import book.gather

    assert run(mini, "build").exit_code == 0
    full = json.loads(run(mini, "build", "--json").stdout)  # unchanged: the recorded summary
    po = mini / "translations" / "ja.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "試験用の小さな本"', 'msgstr "試験用の小さい本"'), encoding="utf-8")
    set_for = []
    real = book.gather.set_edition
    monkeypatch.setattr(book.gather, "set_edition", lambda b, p, fonts, *rest, **kw: set_for.append(fonts.lang) or real(b, p, fonts, *rest, **kw))
    again = run(mini, "build", "--json")
    assert set_for == ["ja"]
    assert written(again) == {"vi": False, "en": False, "ja": True}
    # What the build found of the editions left as they were is reported as a full build reports it.
    fresh = tmp_path / "fresh"
    shutil.copytree(mini, fresh, ignore=shutil.ignore_patterns("output", "images", "fonts", "measures.json"))
    shutil.copytree(mini / "fonts", fresh / "fonts")
    whole = run(fresh, "build", "--json")
    assert len(set_for) == 4  # all three editions set anew
    ours, theirs = json.loads(again.stdout), json.loads(whole.stdout)
    assert [(e["lang"], e["warnings"], e["errors"]) for e in ours["editions"]] == [(e["lang"], e["warnings"], e["errors"]) for e in theirs["editions"]]
    assert ours["problems"] == theirs["problems"]
    assert json.loads((mini / "output" / "manifest.json").read_text())["warnings"] == json.loads(
        (fresh / "output" / "manifest.json").read_text())["warnings"]
    assert [e["warnings"] for e in full["editions"]] != [0, 0, 0]  # the book has findings worth keeping


CAPTION = "Cầu Tân Vũ – Lạch Huyện, cây cầu vượt biển dài nhất Việt Nam khi khánh thành năm 2017."


def carded(mini):
    """The mini book with photo p002 full bleed under a caption card, its caption short in every edition."""
    chapter = mini / "content" / "chapters" / "01-cang.yaml"
    text = chapter.read_text(encoding="utf-8").replace(CAPTION, "Cầu Tân Vũ.")
    chapter.write_text(text.replace("layout: photo-caption", "layout: full-bleed"), encoding="utf-8")
    for lang, short in (("en", "Tan Vu bridge."), ("ja", "タンヴー橋。")):
        po = mini / "translations" / f"{lang}.po"
        lines = po.read_text(encoding="utf-8").split("\n")
        at = lines.index(f'msgid "{CAPTION}"')
        lines[at:at + 2] = ['msgid "Cầu Tân Vũ."', f'msgstr "{short}"']
        po.write_text("\n".join(lines), encoding="utf-8")
    return mini


def edit_msgstr(mini, lang: str, old: str, new: str) -> None:
    po = mini / "translations" / f"{lang}.po"
    text = po.read_text(encoding="utf-8")
    assert f'msgstr "{old}"' in text
    po.write_text(text.replace(f'msgstr "{old}"', f'msgstr "{new}"'), encoding="utf-8")


def full_build_of(mini, run, fresh) -> dict[str, str]:
    """The outputs' digests of a build of ``mini``'s copy from no outputs, no prepared photos and no memo."""
    shutil.copytree(mini, fresh, ignore=shutil.ignore_patterns("output", "images", "fonts", "measures.json"))
    shutil.copytree(mini / "fonts", fresh / "fonts")
    assert run(fresh, "build").exit_code == 0
    return {p: h for p, (_, h) in state(fresh).items()}


def test_a_po_edit_reads_and_measures_that_edition_only(mini, run, monkeypatch):
    """What the editions share (the caption card's size) is remembered per
    edition: a .po edit that leaves the card as it was measures its own
    edition and reads its own catalog only."""
    import book.gather

    carded(mini)
    assert run(mini, "build").exit_code == 0
    read, measured = [], []
    real_read, real_measure = book.gather.read_catalog, book.gather.measure_part
    monkeypatch.setattr(book.gather, "read_catalog", lambda root, lang: read.append(lang) or real_read(root, lang))
    monkeypatch.setattr(book.gather, "measure_part", lambda b, first, lang, *rest: measured.append(lang) or real_measure(b, first, lang, *rest))
    edit_msgstr(mini, "ja", "試験用の小さな本", "試験用の小さい本")
    assert written(run(mini, "build", "--json")) == {"vi": False, "en": False, "ja": True}
    assert read == ["ja"] and measured == ["ja"]


def test_a_po_edit_that_widens_a_card_rebuilds_every_edition_as_a_full_build_would(mini, run, tmp_path):
    """A longer English caption widens the card of all three editions: the
    other two are set again in it, from their remembered measures (each
    edition's measures are its own caption's, whatever the other editions
    say: `book.text.card_fit`), as a full build would set them."""
    carded(mini)
    assert run(mini, "build").exit_code == 0
    before = state(mini)
    memo = json.loads((mini / ".cache" / "measures.json").read_text(encoding="utf-8"))
    edit_msgstr(mini, "en", "Tan Vu bridge.", "The Tan Vu – Lach Huyen sea bridge, opened in 2017.")
    assert written(run(mini, "build", "--json")) == {"vi": True, "en": True, "ja": True}
    after = state(mini)
    assert all(after[p][1] != before[p][1] for p in after if p.endswith("-interior.pdf"))  # a new card on every edition's page
    again = json.loads((mini / ".cache" / "measures.json").read_text(encoding="utf-8"))
    assert again["editions"]["vi with cover"]["key"] == memo["editions"]["vi with cover"]["key"]
    widths = lambda data, lang: set(data["editions"][f"{lang} with cover"]["cards"][0][3])  # noqa: E731
    assert widths(again, "vi") == widths(memo, "vi")  # its own measures: nothing to measure again
    assert full_build_of(mini, run, tmp_path / "fresh") == {p: h for p, (_, h) in after.items()}


def test_a_damaged_measures_memo_means_measuring_again(mini, run):
    carded(mini)
    assert run(mini, "build").exit_code == 0
    before = state(mini)
    memo = mini / ".cache" / "measures.json"
    key = json.loads(memo.read_text(encoding="utf-8"))["editions"]["vi with cover"]["key"]
    for damage in ('{"version": 1, "editions": {"vi with cover": {"key"', '{"version": 1, "editions": {"vi": {"key": 3, "cards": 7}}}',
                   json.dumps({"version": 1, "editions": {"vi with cover": {"key": key, "needs": {}, "cards": 7}}}), ""):
        memo.write_text(damage, encoding="utf-8")
        edit_msgstr(mini, "en", "Tan Vu bridge.", "Tan Vu bridge!")
        assert run(mini, "build").exit_code == 0
        edit_msgstr(mini, "en", "Tan Vu bridge!", "Tan Vu bridge.")
        assert run(mini, "build").exit_code == 0
        assert {p: h for p, (_, h) in state(mini).items()} == {p: h for p, (_, h) in before.items()}
        assert json.loads(memo.read_text(encoding="utf-8"))["editions"].keys() >= {"vi with cover", "en with cover", "ja with cover"}


def test_source_caption_edit_renders_every_edition(mini, run):
    assert run(mini, "build").exit_code == 0
    before = state(mini)
    chapter = mini / "content" / "chapters" / "01-cang.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("mỗi ngày.", "mỗi ngày!"), encoding="utf-8")
    # The catalogs now lag behind: a proof shows it, every edition rendered anew.
    assert written(run(mini, "build", "--profile", "proof", "--json")) == {"vi": True, "en": True, "ja": True}
    assert run(mini, "build").exit_code == 1  # print refuses the stale translations, and writes nothing
    assert {p: v for p, v in state(mini).items() if "/print/" in p} == {p: v for p, v in before.items() if "/print/" in p}


def test_damaged_or_missing_record_means_a_full_build(mini, run):
    assert run(mini, "build").exit_code == 0
    record = mini / "output" / ".record.json"
    record.write_text('{"version": 1, "outp', encoding="utf-8")
    rebuilt = {"vi": False, "en": False, "ja": False}  # rendered anew, and the same bytes as before
    before = state(mini)
    assert written(run(mini, "build", "--json")) == rebuilt
    assert {p: h for p, (_, h) in state(mini).items()} == {p: h for p, (_, h) in before.items()}
    assert "version" in record.read_text(encoding="utf-8") and json.loads(record.read_text(encoding="utf-8"))
    record.unlink()
    assert written(run(mini, "build", "--json")) == rebuilt
    assert record.is_file()


def test_a_replaced_output_is_rebuilt(mini, run):
    assert run(mini, "build").exit_code == 0
    target = mini / "output" / "print" / "ja" / "mini-ja-interior.pdf"
    good = target.read_bytes()
    target.write_bytes(b"%PDF-1.3 not the book\n")
    assert written(run(mini, "build", "--json")) == {"vi": False, "en": False, "ja": True}
    assert target.read_bytes() == good


def test_after_a_new_version_of_the_code_every_output_is_rendered_but_not_read_again(mini, run, monkeypatch):
    """The record of another version of the code means building every output
    again; the files in place are still known, so one that comes out the same
    is neither rewritten nor read to learn it."""
    import book.gather
    import book.incremental
    import book.pdf.commit
    import book.record

    assert run(mini, "build").exit_code == 0
    before = state(mini)
    for module in (book.incremental, book.record):
        monkeypatch.setattr(module, "code_digest", lambda: "another version")
    read = []
    real = book.pdf.commit.sha256_file
    monkeypatch.setattr(book.pdf.commit, "sha256_file", lambda path: read.append(path.name) or real(path))
    set_for = []
    real_set = book.gather.set_edition
    monkeypatch.setattr(book.gather, "set_edition", lambda b, p, fonts, *rest, **kw: set_for.append(fonts.lang) or real_set(b, p, fonts, *rest, **kw))
    assert written(run(mini, "build", "--json")) == {"vi": False, "en": False, "ja": False}
    assert sorted(set_for) == ["en", "ja", "vi"]
    assert not [name for name in read if name.endswith(".pdf")]
    assert state(mini) == before
