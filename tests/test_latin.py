"""Latin and Vietnamese typesetting as a designer checks it in the built
book: no one-word last lines, few and sound hyphens, names kept whole, the
Vietnamese terms of the English edition in italic, dates in CLDR's forms,
Vietnamese names with their marks."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import polib
import pytest
import yaml
from conftest import LANGS, REPO
from pdf_lines import paragraphs, pdf_runs, text_lines

from book.i18n.cldr import format_partial_date
from book.i18n.diacritics import known_names, stripped
from book.model import PartialDate
from book.text.italic import parse, unclosed
from book.text.latin_hyphens import checked
from book.text.latin_names import vi_compounds
from book.text.linebreak import split_atoms

CAPTION = ("NotoSans", (8.0, 9.0))  # the caption style and how far it may shrink
BODY = ("NotoSerif", (9.0, 10.5))  # the foreword's and the chapter intros' text
HYPHENATED = re.compile(r"[^\W\d_]-$")


def edition_pdf(sample: Path, lang: str) -> Path:
    return next((sample / "output" / "print" / lang).glob("*-interior.pdf"))


@pytest.fixture(scope="module")
def english(sample):
    return text_lines(pdf_runs(edition_pdf(sample, "en")))


def running_text(lines, family: str, sizes: tuple[float, float]):
    """The paragraphs of running text: not the lists of the last two pages (credits, colophon)."""
    last = max(line.page for line in lines)
    return [p for p in paragraphs(lines, family, sizes) if p[0].page < last - 1]


def texts(paragraph) -> list[str]:
    return [line.text.strip() for line in paragraph]


def test_english_text_has_no_one_word_last_line(english):
    runts = []
    for family, sizes in (CAPTION, BODY):
        for paragraph in running_text(english, family, sizes):
            if len(paragraph) > 1 and len(paragraph[-1].text.split()) < 2:
                runts.append(f"p{paragraph[0].page}: …{' / '.join(texts(paragraph)[-2:])}")
    assert not runts, "\n".join(runts)


def test_english_caption_last_lines_are_a_fifth_of_the_measure_or_more(english):
    short = []
    for paragraph in running_text(english, *CAPTION):
        measure = max(line.width for line in paragraph)
        if len(paragraph) > 2 and paragraph[-1].width < measure / 5:
            short.append(f"p{paragraph[0].page}: {paragraph[-1].text!r} ({paragraph[-1].width / measure:.0%})")
    assert not short, "\n".join(short)


def test_english_captions_hyphenate_at_most_once_never_first_line(english):
    problems, total = [], 0
    for paragraph in running_text(english, *CAPTION):
        lines = texts(paragraph)
        hyphens = [n for n, line in enumerate(lines[:-1]) if HYPHENATED.search(line)]
        total += len(hyphens)
        where = f"p{paragraph[0].page}: {' / '.join(lines)}"
        if len(hyphens) > 1:
            problems.append(f"{len(hyphens)} hyphens in {where}")
        if 0 in hyphens and len(lines) > 1:
            problems.append(f"a hyphen in the first line of {where}")
        for n in hyphens:
            head = re.sub(r"\W", "", lines[n].split()[-1].split("-")[-2])
            tail = re.sub(r"\W", "", lines[n + 1].split()[0])
            if len(head) < 3 or len(tail) < 3:
                problems.append(f"{head}-/{tail} in {where}")
    assert not problems, "\n".join(problems)
    assert total <= 8, f"{total} hyphenated caption lines: only where the rag needs one"


def test_misleading_breaks_are_not_taken():
    assert checked("cooperation", [("coop", "eration"), ("cooper", "ation"), ("coopera", "tion")]) == [
        ("cooper", "ation"), ("coopera", "tion")]
    assert checked("coincides.", [("coin", "cides.")]) == []
    assert checked("harbour", [("har", "bour")]) == [("har", "bour")]  # not listed: the patterns decide


def marked_words(lang: str = "en") -> list[str]:
    po = polib.pofile(str(REPO / "translations" / f"{lang}.po"))
    words = []
    for entry in po:
        shown, spans = parse(entry.msgstr)
        words += [shown[a:b] for a, b in spans]
    return words


def test_marked_words_are_set_in_italic_in_the_english_pdf(sample):
    marked = marked_words()
    assert {"hát đúm", "bánh đa cua", "rối cạn"} <= {w.lower() for w in marked}
    runs = pdf_runs(edition_pdf(sample, "en"))
    italic = " ".join(run.text for run in runs if "Italic" in run.font)
    flat = re.sub(r"\s+", "", italic)
    for word in marked:
        if "{" not in word:  # "*{title}*": the original title, filled in (tests/test_latin_foreword.py)
            assert re.sub(r"\s+", "", word) in flat, (word, italic[:200])
    # Nothing else slants: every italic glyph belongs to a marked word, or to the
    # Vietnamese original title that fills "*{title}*" on the copyright page (p. 4).
    title = yaml.safe_load((REPO / "content" / "book.yaml").read_text(encoding="utf-8"))["title"]
    assert re.sub(r"\s+", "", title) in flat, italic[:200]
    allowed = set("".join(marked)) | set(title) | {" "}  # the comma after "*rối cạn*" is roman
    assert set(italic) <= allowed, set(italic) - allowed
    roman = " ".join(run.text for run in runs if "Italic" not in run.font)
    assert "*" not in roman and "*" not in italic  # the markup never prints
    fonts = subprocess.run(["pdffonts", str(edition_pdf(sample, "en"))], capture_output=True, text=True, check=True).stdout
    italic_rows = [row.split() for row in fonts.splitlines() if "Italic" in row]
    assert italic_rows and all(row[-5:-2] == ["yes", "yes", "yes"] for row in italic_rows), fonts  # embedded, subset


def test_an_italic_mark_left_open_is_reported_at_its_line(mini, run):
    path = mini / "translations" / "en.po"
    text = path.read_text(encoding="utf-8")
    assert 'msgstr "The seaport"' in text
    path.write_text(text.replace('msgstr "The seaport"', 'msgstr "The *seaport"', 1), encoding="utf-8")
    entry = next(e for e in polib.pofile(str(path)) if e.msgstr == "The *seaport")
    result = run(mini, "check")
    assert result.exit_code == 1
    assert (f"translations/en.po:{entry.linenum}: {entry.msgctxt}: an italic mark '*' opens and never closes; "
            "close it ('*hát đúm*') or write \\* for a star") in result.stderr


def test_every_catalog_closes_its_italic_marks():
    for lang in ("en", "zh", "ko", "ja"):
        for entry in polib.pofile(str(REPO / "translations" / f"{lang}.po")):
            assert unclosed(entry.msgstr) is None, (lang, entry.msgctxt)


YEAR = {"vi": "1957", "en": "1957", "zh": "1957年", "ko": "1957년", "ja": "1957年"}


@pytest.mark.parametrize("lang", LANGS)
def test_year_only_dates_use_the_cldr_year_pattern(sample, lang):
    assert format_partial_date(PartialDate(1957), lang) == YEAR[lang]
    text = subprocess.run(["pdftotext", str(edition_pdf(sample, lang)), "-"], capture_output=True, text=True, check=True).stdout
    # zh, ja: the character grid sets a quarter-em space between the year and
    # its 年, which pdftotext reads as a space ("1957 年").
    drawn = re.escape(YEAR[lang]).replace("年", " ?年")
    assert re.search(drawn, text), YEAR[lang]
    if lang in ("zh", "ko", "ja"):
        bare = re.findall(r"(?<![\d/])19[5-9]\d(?![\d/]| ?[年년])", text)
        assert not bare, f"{lang}: bare years {bare[:5]}"


def lines_of(paragraph) -> list[str]:
    return texts(paragraph)


@pytest.mark.parametrize("lang, names", [
    ("en", ["Nguyễn Bỉnh Khiêm", "Trạng Trình", "Cát Bà", "Bạch Đằng River", "Bạch Long Vĩ Island", "Battle of Bạch Đằng",
            "Opera House", "Hải Phòng FC", "Hát đúm", "hát đúm", "Hải Phòng", "World Biosphere Reserve",
            "Cát Bi International Airport", "Đình Vũ–Cát Hải Economic Zone", "Cát Bà National Park",
            "Tràng Duệ Industrial Park", "Việt Tiệp Friendship Hospital"]),
    ("vi", ["Nguyễn Bỉnh Khiêm", "Cát Bi", "Hoa Phượng Đỏ", "ngày 13 tháng 5", "tháng Năm", "Hải Phòng", "Ngày giải phóng",
            "sông Bạch Đằng", "thế kỷ XIX", "trang An Biên", "Nhà hát Lớn"]),
])
def test_short_names_and_dates_are_never_split(sample, lang, names):
    """Never split, but a place from its one-word generic head ("Bạch Đằng /
    River") or a Vietnamese generic noun from its name ("sông / Bạch Đằng"),
    which the composer allows where a line would otherwise fall under 80 %."""
    joints = {"Bạch Đằng River": "River", "Bạch Long Vĩ Island": "Island", "sông Bạch Đằng": "Bạch Đằng",
              "trang An Biên": "An Biên"}
    lines = text_lines(pdf_runs(edition_pdf(sample, lang)))
    found = set()
    for family, sizes in (CAPTION, BODY):
        for paragraph in running_text(lines, family, sizes):
            rows = lines_of(paragraph)
            for a, b in zip(rows, rows[1:], strict=False):
                joined = f"{a} {b}"
                for name in names:
                    at = joined.find(name)
                    if 0 <= at < len(a) < at + len(name) and not (name in joints and b.startswith(joints[name])):
                        found.add(f"{name}: {a!r} / {b!r}")
    assert not found, "\n".join(sorted(found))


def test_vietnamese_paragraphs_end_on_more_than_two_syllables(sample):
    lines = text_lines(pdf_runs(edition_pdf(sample, "vi")))
    stubs = []
    for family, sizes in (CAPTION, BODY):
        for paragraph in running_text(lines, family, sizes):
            if len(paragraph) > 1 and len(paragraph[-1].text.split()) <= 2:
                stubs.append(f"p{paragraph[0].page}: {' / '.join(lines_of(paragraph)[-2:])}")
    assert not stubs, "\n".join(stubs)


def test_english_keeps_the_marks_of_vietnamese_names():
    po = polib.pofile(str(REPO / "translations" / "en.po"))
    known = known_names([entry.msgid for entry in po])
    found = [(entry.msgctxt, wrong, right) for entry in po for wrong, right in stripped(entry.msgid, entry.msgstr, known)]
    assert not found, found[:10]
    text = " ".join(entry.msgstr for entry in po)
    assert "Ngô Quyền District" in text and "Ngo Quyen" not in text and "Hai Phong" not in text


def test_the_check_warns_about_a_name_without_its_marks(sample_copy, run):
    path = sample_copy / "translations" / "en.po"
    text = path.read_text(encoding="utf-8")
    assert text.count("Ngô Quyền District") >= 1
    path.write_text(text.replace("Ngô Quyền District", "Ngo Quyen District", 1), encoding="utf-8")
    result = run(sample_copy, "check")
    assert result.exit_code == 0
    assert "'Ngo Quyen' is written without its marks; write 'Ngô Quyền'" in result.stderr


def test_an_italic_mark_left_open_in_a_source_is_reported_at_its_line(mini, run):
    chapter = next((mini / "content" / "chapters").glob("*.yaml"))
    text = chapter.read_text(encoding="utf-8")
    lines = text.splitlines()
    number = next(n for n, line in enumerate(lines, 1) if line.strip().startswith("caption:"))
    head, value = lines[number - 1].split("caption: ", 1)
    words = value.split(" ", 1)
    lines[number - 1] = f"{head}caption: {words[0]} *{words[1]}"  # a star inside the text, never closed
    chapter.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(mini, "check")
    assert result.exit_code == 1
    rel = chapter.relative_to(mini).as_posix()
    assert re.search(rf"{re.escape(rel)}:{number}: .*an italic mark '\*' opens and never closes", result.stderr), result.stderr


@pytest.mark.parametrize(("text", "atoms"), [
    ("như Nhà hát Lớn là các ngôi đình", "như:35000 | Nhà hát Lớn | là | các:35000 | ngôi:35000 | đình"),
    ("tại Trường Đại học Hàng hải Việt Nam.", "tại:35000 | Trường Đại:40000 | học:20000 | Hàng hải Việt Nam."),
    ("công cuộc Đổi mới từ năm 1986", "công:40000 | cuộc:35000 | Đổi:40000 | mới | từ:35000 | năm 1986"),
    ("trong Lễ hội Hoa Phượng Đỏ trên phố", "trong:35000 | Lễ:40000 | hội:35000 | Hoa Phượng Đỏ | trên:35000 | phố"),
    ("Cảng hàng không quốc tế Cát Bi nằm", "Cảng:6000 | hàng:40000 | không:6000 | quốc:40000 | tế:20000 | Cát Bi | nằm"),
    ("những năm không quân Mỹ đánh phá", "những:35000 | năm | không:40000 | quân Mỹ | đánh:40000 | phá"),
    ("vào cuối thế kỷ XIX, Hải Phòng", "vào:35000 | cuối | thế:40000 | kỷ XIX, | Hải Phòng"),
    ("ngày 13 tháng 5 năm 1955. Cờ", "ngày 13 tháng 5:200000 | năm 1955. | Cờ"),
    ("Di sản Vịnh Hạ Long – quần đảo Cát Bà.", "Di:40000 | sản | Vịnh Hạ Long –:50000 | quần:40000 | đảo:6000 | Cát Bà."),
])
def test_vietnamese_names_part_only_from_their_generic_head(text, atoms):
    """A Vietnamese name never breaks inside a name of four syllables or
    fewer, nor a name of one syllable from its head ("Nhà hát / Lớn" reads
    "big" on the next line), nor a century from its numeral ("thế kỷ /
    XIX"). What may break does so at a price (after the colon): a word of two
    syllables like a line at 65 %, a name from its head like one at 72 % (20000), a
    generic head's words ("Cảng hàng không / quốc tế") or a generic noun from
    its name ("quần đảo / Cát Bà", 6000) like one under 80 %, a short name from
    its head ("Lễ hội / Hoa Phượng Đỏ", 35000) and a word that leads the next
    ("trong /", 35000, `book.text.latin_sense`) like one at about 66 %, and a spaced dash
    or a date's year ("tháng 5 / năm 1955", 2e5 since the 7th proof) only where nothing else fits."""
    got = " | ".join(a.text + (f":{a.penalty:.0f}" if a.penalty else "") for a in split_atoms(text, "vi"))
    assert got == atoms


def test_vietnamese_opener_titles_break_between_phrases(sample):
    """24 pt titles on an 8-column measure: never inside a word, between a
    noun and its modifier ("năm tháng / lịch sử", "cảng / xanh") or after a
    determiner ("những / năm tháng"), and no
    short middle line stranded inside a phrase ("Cảng biển, / cửa ngõ / …")."""
    lines = text_lines(pdf_runs(edition_pdf(sample, "vi")))
    titles: dict[int, list[str]] = {}
    for line in lines:
        if line.size == 24.0:
            titles.setdefault(line.page, []).append(line.text)
    # before "và", as the other openers: never "và /", "những / năm tháng" or "năm tháng / lịch sử"
    assert ["Giải phóng", "và những năm tháng lịch sử"] in titles.values()
    assert ["Cảng biển,", "cửa ngõ giao thương phía Bắc"] in titles.values()  # never "cửa ngõ / giao thương"
    assert ["Tương lai:", "thành phố cảng xanh, hiện đại"] in titles.values()


def glossary_names(lang: str) -> dict[str, tuple[str, ...]]:
    """The edition's names of two words or more from translations/glossary.csv and
    book/data/latin_names.yaml, each with the words a line may start at inside
    it: none for a name of two or three words (or one with a one-word head:
    "Bạch Long Vĩ Island"); in English the generic part of two words or more
    ("Cát Bi / International Airport"), in Vietnamese the proper name after
    its generic words ("Cảng hàng không quốc tế / Cát Bi")."""
    from book.i18n.glossary import read_glossary
    from book.text.latin import generic_start
    from book.text.latin_names import heads, name_words
    from book.text.linebreak import split_words

    forms = set(name_words()["phrases"].get(lang, ()))
    for term in read_glossary(REPO, "vi"):
        forms.update(f.strip() for f in (term.source if lang == "vi" else term.targets.get(lang, "")).split("|"))
    names = {}
    for form in forms:
        words = split_words(form)
        if len(words) < 2 or not form[:1].isupper():
            continue
        if lang == "en":
            tail = generic_start(words, 0, len(words))
            names[form] = (words[tail].text,) if len(words) > 3 and len(words) - tail >= 2 else ()
            if len(words) >= 3 and words[-1].text in heads() and words[-1].text not in name_words()["generic"]:
                names[form] += (words[-1].text,)  # "Bạch Đằng / River", where a line would fall under 80 %
        else:  # between the words of the generic part too, not inside a word of two syllables
            proper = next((i for i in range(1, len(words)) if words[i].text[:1].isupper()), len(words) - 1)
            names[form] = tuple(words[i].text for i in range(1, proper + 1) if len(words) > 3
                                and (words[i - 1].text.lower(), words[i].text.lower()) not in vi_compounds())
            if words[0].text in name_words()["vi_before"] and len(words) >= 3:
                names[form] += (words[1].text,)  # "sông / Bạch Đằng", where a line would fall under 80 %
    return names


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_names_break_only_at_their_joints_in_every_text(sample, lang):
    """Captions, intros, foreword, copyright page and colophon: no glossary
    name splits but at its joint, and the publisher's name never."""
    lines = text_lines(pdf_runs(edition_pdf(sample, lang)))
    names = glossary_names(lang)
    names["Nhà xuất bản Thông tin và Truyền thông"] = ()
    found = []
    for paragraph in paragraphs_of_every_text(lines):
        rows = lines_of(paragraph)
        for a, b in zip(rows, rows[1:], strict=False):
            joined = f"{a} {b}"
            for name, joints in names.items():
                at = joined.find(name)
                if 0 <= at < len(a) < at + len(name) and not any(b.startswith(j) for j in joints):
                    found.append(f"p{paragraph[0].page} {name}: {a!r} / {b!r}")
    assert len(names) > 20
    assert not found, "\n".join(found)


def paragraphs_of_every_text(lines):
    """The paragraphs of every Latin text face and size the book sets, bold too."""
    found = []
    for family in ("NotoSans", "NotoSerif"):
        found += paragraphs(lines, family, (7.0, 11.0))
    return found


def test_no_caption_opens_on_a_short_line_before_a_name(english):
    """A caption's first line, where the next starts with a name, fills 70 %
    of the measure or more: a long name breaks at its joint, not before itself."""
    short = []
    for paragraph in running_text(english, *CAPTION):
        if len(paragraph) < 3:
            continue  # the measure is the widest line: read where three lines show it
        measure = max(line.width for line in paragraph)
        first, nxt = paragraph[0], paragraph[1].text.split()
        if nxt and nxt[0][:1].isupper() and first.width < 0.7 * measure:
            short.append(f"p{first.page}: {first.text!r} ({first.width / measure:.0%}) / {paragraph[1].text!r}")
    assert not short, "\n".join(short)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_body_text_ends_on_a_fifth_of_the_measure(sample, lang):
    """The foreword's and the intros' last lines fill a fifth of the measure or
    more: a last line of 21 % no longer squeezes a whole paragraph to 83 % of
    its measure, as the round-5 reviewer saw in the foreword's paragraph 4."""
    lines = text_lines(pdf_runs(edition_pdf(sample, lang)))
    stubs = []
    for paragraph in running_text(lines, *BODY):
        if len(paragraph) < 3:
            continue
        measure = max(line.width for line in paragraph)
        if paragraph[-1].width < measure / 5:
            stubs.append(f"p{paragraph[0].page}: {paragraph[-1].text!r} ({paragraph[-1].width / measure:.0%})")
    assert not stubs, "\n".join(stubs)


def test_the_check_warns_about_punctuation_inside_an_italic_span(mini, run):
    path = mini / "translations" / "en.po"
    text = path.read_text(encoding="utf-8")
    assert 'msgstr "The seaport"' in text
    path.write_text(text.replace('msgstr "The seaport"', 'msgstr "The *seaport,* "', 1), encoding="utf-8")
    entry = next(e for e in polib.pofile(str(path)) if e.msgstr == "The *seaport,* ")
    result = run(mini, "check")
    assert result.exit_code == 0
    assert (f"translations/en.po:{entry.linenum}: {entry.msgctxt}: an italic span takes in '*seaport,*'; "
            "close the stars around the words alone ('*rối cạn*, ')") in result.stderr


def test_no_catalog_sets_punctuation_in_italic():
    from book.text.italic import loose_ends

    for lang in ("en", "zh", "ko", "ja"):
        for entry in polib.pofile(str(REPO / "translations" / f"{lang}.po")):
            assert not loose_ends(entry.msgstr), (lang, entry.msgctxt)
