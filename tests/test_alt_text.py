"""Alternative text and e-book ISBNs as sources (issue 27, item 1 and its bad
input): ``alt:`` goes to the translators with its own msgctxt and comment;
the sample book describes every photo it shows in all five languages; a
missing, over-long or caption-copying alt text, a missing alt translation
and a bad e-book ISBN each give one line naming the file, line and key, and
exit 1 where the book refuses them (a final screen build)."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from conftest import REPO

from book.checks.alt import ALT_LIMIT, same_text
from book.errors import WARNING
from book.gather import gather
from book.i18n.catalog import read_catalog
from book.i18n.localise import Localiser
from book.outputs import OUTPUTS
from book.sources import load_book

CHAPTER = "content/chapters/01-cang.yaml"
EN = "translations/en.po"
JA = "translations/ja.po"
ALT_VI = {"p001": "Một tàu container màu xanh cập cầu cảng, phía trên là hai cần cẩu bờ màu đỏ; mặt sông phẳng lặng.",
          "p002": "Cây cầu bê tông dài thẳng tắp vượt biển, nhìn từ trên cao; mặt biển xanh và vài chiếc tàu nhỏ."}
ALT_EN = {"p001": "A blue container ship at the quay under two red quay cranes; the river is calm.",
          "p002": "A long, straight concrete bridge over the sea, seen from above, with blue water and a few small boats."}
ALT_JA = {"p001": "岸壁に着いた青いコンテナ船と、その上の赤い岸壁クレーン2基。川面は穏やか。",
          "p002": "上空から見た、海の上をまっすぐに延びる長いコンクリートの橋。青い海に小さな船が数隻。"}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The line (from 1) where ``text`` begins in ``path``."""
    content = path.read_text(encoding="utf-8")
    return content[:content.index(text)].count("\n") + 1


def add_alt(mini: Path, vi: dict[str, str], translations: dict[str, dict[str, str]]) -> None:
    """Give the tiny book's photos alt text, and its catalogs their translations."""
    chapter = mini / CHAPTER
    for pid, text in vi.items():
        start = chapter.read_text(encoding="utf-8").index(f"- id: {pid}")
        caption = chapter.read_text(encoding="utf-8").index("    caption:", start)
        end = chapter.read_text(encoding="utf-8").index("\n", caption)
        content = chapter.read_text(encoding="utf-8")
        chapter.write_text(content[:end + 1] + f'    alt: "{text}"\n' + content[end + 1:], encoding="utf-8")
    for rel, texts in translations.items():
        po = mini / rel
        entries = "".join(f'\nmsgctxt "photo:{pid}:alt"\nmsgid "{vi[pid]}"\nmsgstr "{text}"\n' for pid, text in texts.items())
        po.write_text(po.read_text(encoding="utf-8") + entries, encoding="utf-8")


def lines(stderr: str, prefix: str, needle: str) -> list[str]:
    return [line.removeprefix(prefix) for line in stderr.splitlines() if line.startswith(prefix) and needle in line]


def make_final(mini: Path) -> None:
    book = mini / "content/book.yaml"
    book.write_text(book.read_text(encoding="utf-8") + "imprint:\n  publisher: \"Nhà xuất bản Thử nghiệm\"\n  final: true\n",
                    encoding="utf-8")


# Extraction ------------------------------------------------------------------

def test_extract_gives_each_alt_its_own_entry_and_comment(mini, run):
    add_alt(mini, ALT_VI, {})
    assert run(mini, "i18n", "extract").exit_code == 0
    pot = {e.msgctxt: e for e in polib.pofile(str(mini / "translations/messages.pot"))}
    entry = pot["photo:p001:alt"]
    assert entry.msgid == ALT_VI["p001"]
    comment = " ".join(entry.comment.split())  # the template wraps comments
    assert comment == ("Alternative text of photo p001: what the picture shows, for readers who cannot see it (screen "
                       "readers); not the caption. Keep it short, about 250 characters at most.")
    assert entry.occurrences == [(CHAPTER, str(line_of(mini / CHAPTER, "    alt:")))]
    assert pot["photo:p002:alt"].msgid == ALT_VI["p002"]


def test_the_sample_template_carries_every_alt_text():
    pot = polib.pofile(str(REPO / "translations/messages.pot"))
    alts = [e for e in pot if e.msgctxt.endswith(":alt")]
    book, _ = load_book(REPO, check_files=False)
    assert len(alts) == len(book.photos) == 73
    assert all(e.comment.startswith(f"Alternative text of photo {e.msgctxt.split(':')[1]}:") for e in alts)


# The sample book ---------------------------------------------------------------

@pytest.mark.parametrize("lang", ["vi", "en", "zh", "ko", "ja"])
def test_every_sample_photo_has_alt_text_in_every_edition(lang):
    book, _ = load_book(REPO, check_files=False)
    catalog = read_catalog(REPO, lang) if lang != book.source_language else None
    loc = Localiser(book, lang, catalog)
    for photo in book.photos.values():
        alt = loc.text(photo.alt)
        caption = loc.fill(loc.text(photo.caption), photo)
        assert alt.strip(), f"{lang}: {photo.id} has no alt text"
        assert not same_text(alt, caption), f"{lang}: {photo.id}'s alt text is its caption"
        assert len(alt) <= ALT_LIMIT, f"{lang}: {photo.id}'s alt text is {len(alt)} characters"
        if lang == "vi":
            assert 80 <= len(alt) <= 200, f"{photo.id}: {len(alt)} characters"
            assert not alt.lower().startswith(("ảnh về", "hình ảnh", "bức ảnh")), photo.id
    assert not loc.problems.items, [str(p) for p in loc.problems.items]  # every one translated, none fuzzy
    assert len({loc.text(p.alt) for p in book.photos.values()}) == len(book.photos)  # each photo its own


def test_the_sample_book_has_five_distinct_valid_ebook_isbns():
    book, warnings = load_book(REPO, check_files=False)
    assert sorted(book.isbn_epub) == sorted(book.editions)
    assert book.isbn_epub["vi"] == "978-604-00-0006-4" and book.isbn_epub["ja"] == "978-604-00-0010-1"
    numbers = [v.replace("-", "") for v in [*book.isbn.values(), *book.isbn_epub.values()]]
    assert len(set(numbers)) == 10
    assert not [w for w in warnings if "isbn" in w.code]


# Bad input: alt text ------------------------------------------------------------

def test_a_missing_alt_is_a_warning_in_check_and_an_error_in_a_final_screen_build(mini, run):
    checked = run(mini, "check", "--lang", "vi")
    assert checked.exit_code == 0, checked.stderr
    said = lines(checked.stderr, "warning: ", ".alt: ")
    assert said == [
        f"{CHAPTER}:6: photos[0].alt: photo p001 has no alt text; add alt: with a short description of what the picture "
        "shows, for readers who cannot see it (screen readers)",
        f"{CHAPTER}:12: photos[1].alt: photo p002 has no alt text; add alt: with a short description of what the picture "
        "shows, for readers who cannot see it (screen readers)"]
    make_final(mini)
    built = run(mini, "build", "--profile", "screen", "--lang", "vi")
    assert built.exit_code == 1, built.stderr
    assert "Traceback" not in built.stderr + built.output
    assert lines(built.stderr, "error: ", ".alt: ") == said  # the same lines, now errors
    assert built.stderr.splitlines()[-1] == "error: 2 problems found; nothing was written"
    assert not (mini / "output/screen").exists()


def test_a_final_print_build_does_not_ask_for_alt_text(mini):
    """Print never reads alt text: a final book's print build neither refuses nor warns about it."""
    make_final(mini)
    prepared = gather(mini, ["vi"], OUTPUTS["print"])
    assert not [p for p in prepared.problems.items if p.code.startswith("alt-")]


def test_too_long_and_caption_copies_are_named_at_their_line(mini, run):
    caption = "Cầu Tân Vũ – Lạch Huyện, cây cầu vượt biển dài nhất Việt Nam khi khánh thành năm 2017."
    long_vi = "Một tàu container màu xanh cập cầu cảng. " * 8
    add_alt(mini, {"p001": long_vi.strip(), "p002": f"  {caption.replace(', ', ',  ')}"}, {})
    checked = run(mini, "check", "--lang", "vi")
    assert checked.exit_code == 0, checked.stderr
    first, second = line_of(mini / CHAPTER, "    alt:"), line_of(mini / CHAPTER, '    alt: "  Cầu')
    assert lines(checked.stderr, "warning: ", ".alt: ") == [
        f"{CHAPTER}:{first}: photos[0].alt: photo p001: the alt text is {len(long_vi.strip())} characters; keep it under "
        f"{ALT_LIMIT}: say what the picture shows and leave the story to the caption",
        f"{CHAPTER}:{second}: photos[1].alt: photo p002: the alt text repeats the caption; describe what the picture shows "
        "instead (the reader hears the caption too)"]
    make_final(mini)
    built = run(mini, "build", "--profile", "screen", "--lang", "vi")
    assert built.exit_code == 1 and len(lines(built.stderr, "error: ", ".alt: photo p00")) == 2, built.stderr


def test_a_translation_too_long_or_equal_to_its_caption_is_named_at_its_po_line(mini, run):
    en_caption = "The Tan Vu – Lach Huyen bridge, Vietnam's longest sea bridge when it opened in 2017."
    long_en = ("A blue container ship. " * 12).strip()
    add_alt(mini, ALT_VI, {EN: {"p001": long_en, "p002": en_caption}, JA: ALT_JA})
    checked = run(mini, "check", "--lang", "en", "--json")
    assert checked.exit_code == 0, checked.stderr
    found = [p for p in json.loads(checked.stdout)["problems"] if p["code"].startswith("alt-")]
    too_long, copied = line_of(mini / EN, 'msgctxt "photo:p001:alt"'), line_of(mini / EN, 'msgctxt "photo:p002:alt"')
    assert [(p["code"], p["severity"], p["file"], p["line"], p["key"], p["message"]) for p in found] == [
        ("alt-too-long", WARNING, EN, too_long, "photo:p001:alt",
         f"en: photo:p001:alt: the alt text is {len(long_en)} characters; keep it under {ALT_LIMIT}: say what the picture "
         "shows and leave the story to the caption"),
        ("alt-is-caption", WARNING, EN, copied, "photo:p002:alt",
         "en: photo:p002:alt: the alt text repeats the caption; describe what the picture shows instead (the reader hears "
         "the caption too)")]
    ja = json.loads(run(mini, "check", "--lang", "ja", "--json").stdout)["problems"]
    assert not [p for p in ja if (p["key"] or "").endswith(":alt")]  # ja's are fine


def test_a_missing_alt_translation_warns_in_check_spares_print_and_stops_a_final_screen_build(mini, run):
    add_alt(mini, ALT_VI, {JA: ALT_JA})  # en has none
    checked = run(mini, "check", "--lang", "en", "--json")
    assert checked.exit_code == 0, checked.stderr
    found = [p for p in json.loads(checked.stdout)["problems"] if p["key"] and p["key"].endswith(":alt")]
    assert [(p["code"], p["severity"], p["file"], p["key"]) for p in found] == [
        ("untranslated", WARNING, EN, "photo:p001:alt"), ("untranslated", WARNING, EN, "photo:p002:alt")]
    assert found[0]["message"].startswith("en: photo:p001:alt: ")
    screen = gather(mini, ["en"], OUTPUTS["screen"])  # a screen build of a book not final: warnings
    assert {(p.code, p.severity) for p in screen.problems.items if p.where and (p.where.key or "").endswith(":alt")} == {
        ("untranslated", WARNING)}
    printed = run(mini, "build", "--lang", "en", "--quiet")
    assert printed.exit_code == 0, printed.stderr
    assert ":alt" not in printed.stderr
    make_final(mini)
    built = run(mini, "build", "--profile", "screen", "--lang", "en")
    assert built.exit_code == 1, built.stderr
    assert [line.split(": ", 3)[2] for line in lines(built.stderr, "error: ", ":alt")] == ["photo:p001:alt", "photo:p002:alt"]
    assert all(line.startswith(f"{EN}: en: photo:") for line in lines(built.stderr, "error: ", ":alt")), built.stderr


# Bad input: e-book ISBNs ---------------------------------------------------------

ISBNS = """isbn:
  vi: "978-604-00-0001-9"
  en: "978-604-00-0002-6"
  ja: "978-604-00-0003-3"
  epub:
    vi: "{vi}"
    en: "{en}"
    ja: "{ja}"
"""


def with_isbns(mini: Path, vi="978-604-00-0006-4", en="978-604-00-0007-1", ja="978-604-00-0010-1") -> Path:
    book = mini / "content/book.yaml"
    book.write_text(book.read_text(encoding="utf-8") + ISBNS.format(vi=vi, en=en, ja=ja), encoding="utf-8")
    return book


def test_ebook_isbns_are_read_beside_the_print_ones(mini):
    with_isbns(mini)
    book, warnings = load_book(mini, check_files=False)
    assert book.isbn == {"vi": "978-604-00-0001-9", "en": "978-604-00-0002-6", "ja": "978-604-00-0003-3"}
    assert book.isbn_epub == {"vi": "978-604-00-0006-4", "en": "978-604-00-0007-1", "ja": "978-604-00-0010-1"}
    assert not [w for w in warnings if "isbn" in w.code]


@pytest.mark.parametrize(("values", "lang", "says"), [
    ({"vi": "978-604-00-0006-5"}, "vi", "check digit is 5, but the first twelve digits give 4; correct the ISBN"),
    ({"en": "978-604-00-0002-6"}, "en", "978-604-00-0002-6 is already the ISBN of the printed en edition; each edition's "
                                        "e-book needs its own ISBN, apart from the printed book's"),
    ({"ja": "978 604 00 0006 4"}, "ja", "978 604 00 0006 4 is already the ISBN of the vi e-book; each edition's e-book needs "
                                        "its own ISBN, apart from the printed book's"),
    ({"en": "979-604"}, "en", "must be 13 digits starting 978 or 979 (hyphens allowed)"),
], ids=["check-digit", "a-print-isbn", "another-ebook", "too-short"])
def test_a_bad_ebook_isbn_is_one_line_and_exit_1(mini, run, values, lang, says):
    book = with_isbns(mini, **values)
    result = run(mini, "check", "--lang", "vi")
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr + result.output
    line = line_of(book, f"    {lang}: \"{values[lang]}\"")
    assert lines(result.stderr, "error: ", "isbn") == [f"content/book.yaml:{line}: isbn.epub.{lang}: {says}"]


def test_an_edition_left_out_of_isbn_epub_is_a_warning(mini, run):
    book = mini / "content/book.yaml"
    book.write_text(book.read_text(encoding="utf-8") + 'isbn:\n  epub:\n    vi: "978-604-00-0006-4"\n', encoding="utf-8")
    result = run(mini, "check", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    epub = line_of(book, "  epub:")
    assert lines(result.stderr, "warning: ", "e-book ISBN") == [
        f"content/book.yaml:{epub}: isbn.epub.{lang}: no e-book ISBN for the {lang} edition; add one before publishing its EPUB"
        for lang in ("en", "ja")]
