"""A problem's `lang` and `page` in --json come from what the code knew when
it found the problem (the edition being set, the page being laid out), not
from reading the message back (issue #29, item 6)."""

from __future__ import annotations

import json

from book.errors import Problem, Problems, Where, on_page

CAPTION = "The Tan Vu – Lach Huyen bridge, Vietnam's longest sea bridge when it opened in 2017."


def problems_of(result) -> list[dict]:
    assert "Traceback" not in result.stdout + result.stderr
    return json.loads(result.stdout)["problems"]


def test_an_overflow_names_its_edition_and_page(mini, run):
    po = mini / "translations/en.po"
    po.write_text(po.read_text(encoding="utf-8").replace(f'msgstr "{CAPTION}"', f'msgstr "{CAPTION * 30}"'), encoding="utf-8")
    result = run(mini, "check", "--lang", "vi", "--lang", "en", "--json")
    assert result.exit_code == 1
    (overflow,) = [p for p in problems_of(result) if p["code"] == "overflow"]
    assert overflow["lang"] == "en" and overflow["page"] == 2, overflow
    assert overflow["file"] == "translations/en.po" and overflow["key"] == "photo:p002:caption" and overflow["photo"] == "p002"
    # the human line is as it was: the place, then the message
    assert f"error: translations/en.po:{overflow['line']}: en: caption of photo p002 overflows" in run(mini, "check", "--lang", "en").stderr


def test_a_word_wider_than_its_frame_names_its_edition_and_page(mini, run):
    chapter = mini / "content/chapters/01-cang.yaml"
    url = "https://example.com/" + "a" * 120
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("Cầu Tân Vũ", url), encoding="utf-8")
    result = run(mini, "check", "--lang", "vi", "--json")
    (overset,) = [p for p in problems_of(result) if p["code"] == "overflow"]
    assert "is wider than frame" in overset["message"]
    assert overset["lang"] == "vi" and overset["page"] == 2 and overset["file"] == "content/chapters/01-cang.yaml", overset


def test_every_edition_problem_has_its_lang(mini, run):
    po = mini / "translations/en.po"
    po.write_text(po.read_text(encoding="utf-8").replace(f'msgstr "{CAPTION}"', 'msgstr ""'), encoding="utf-8")
    result = run(mini, "build", "--lang", "vi", "--lang", "en", "--profile", "proof", "--json")
    found = problems_of(result)
    (untranslated,) = [p for p in found if p["code"] == "untranslated"]
    assert untranslated["lang"] == "en" and untranslated["photo"] == "p002"
    isbn = [p for p in found if p["code"] == "isbn-missing"]
    assert {p["lang"] for p in isbn} >= {"en"} and all(p["lang"] for p in isbn), isbn
    edition_codes = {"overflow", "untranslated", "fuzzy", "missing-glyph", "display-shrunk", "credit-too-wide"}
    assert all(p["lang"] in ("vi", "en") for p in found if p["code"] in edition_codes), found


def test_lang_and_page_are_never_read_from_the_wording():
    """A message that merely begins like an edition's, or mentions a page, claims neither."""
    problem = Problem("schema", "en: see the note on page 4", Where("content/book.yaml", 3))
    assert problem.lang is None and problem.page is None
    assert Problem("untranslated", "x", Where("translations/ja.po", 9)).lang == "ja"  # a catalog is its language's
    placed = Problem("overflow", "x", on_page(Where("content/chapters/01.yaml", 5), 7)).of_edition("ko")
    assert (placed.lang, placed.page, str(placed)) == ("ko", 7, "content/chapters/01.yaml:5: x")
    alone = Problem("overflow", "ko: page 3: the contents overflow", on_page(None, 3)).of_edition("ko")
    assert alone.as_json()["file"] is None and (alone.lang, alone.page) == ("ko", 3) and str(alone) == alone.message
    assert Problem.from_json(alone.as_json()) == alone  # as recorded for an unchanged edition, and read back
    out = Problems()
    out.warn("isbn-missing", Where("content/book.yaml", lang="en"), "isbn.en: no ISBN")
    out.error("overflow", None, "ja: …")
    assert [p.lang for p in out.of_edition(0, "ja")] == ["en", "ja"]
