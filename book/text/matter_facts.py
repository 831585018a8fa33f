"""The facts of the publishing record that the book itself gives (the matter
texts fill the words round them): the day of issue, the period of legal
deposit, the typefaces the edition is set in, the paper, the print run, the
country of printing, each in the edition's language (CLDR where it has the
form, the language's own publishing convention where CLDR has none)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.lists import format_list
from fontTools.ttLib import TTFont

from book.i18n.cldr import format_partial_date
from book.i18n.localise import Localiser
from book.i18n.numbers import count_text
from book.languages import language
from book.model import Book, PartialDate

TYPEFACE_ROLES = ("serif", "sans")  # the roles whose faces the record names

# Where the record dates the edition by its month, as a Chinese 版次 / 印次 pair does
# ("2025年5月第1版", CLDR's yMMMM); the others give the day of issue.
ISSUE_BY_MONTH = {"zh"}

# Where the record names the legal deposit by quarter, as Vietnamese publishing does
# ("nộp lưu chiểu quý II năm 2025") and an English record of it says ("the second
# quarter of 2025"); the other languages name the month in CLDR form.
QUARTER_FORMS = {"vi": "quý {quarter} năm {year}", "en": "the {quarter} quarter of {year}"}
QUARTER_NAMES = {"vi": ("I", "II", "III", "IV"), "en": ("first", "second", "third", "fourth")}


def issue_date(book: Book, lang: str) -> str:
    """The day of issue in the edition's CLDR long form ("May 13, 2025", "2025年5月13日"),
    or its month where the language's record gives the month only ("2025年5月")."""
    day = book.date
    return format_partial_date(PartialDate(day.year, day.month, None if lang in ISSUE_BY_MONTH else day.day), lang)


def deposit_period(year: int, month: int, lang: str) -> str:
    """The period of legal deposit in the edition's form: the quarter where the
    language writes it so, else the month.

    >>> deposit_period(2025, 4, "vi"), deposit_period(2025, 4, "en"), deposit_period(2025, 12, "vi")
    ('quý II năm 2025', 'the second quarter of 2025', 'quý IV năm 2025')
    >>> deposit_period(2025, 5, "zh")
    '2025年5月'
    """
    form = QUARTER_FORMS.get(lang)
    if form:
        return form.format(quarter=QUARTER_NAMES[lang][(month - 1) // 3], year=year)
    return format_partial_date(PartialDate(year, month), lang)


def deposit_line(book: Book, loc: Localiser) -> str:
    """The legal deposit as a field of the record's table, under the imprint's
    ``legal_deposit`` label ("Nộp lưu chiểu: quý II năm 2025", "缴送样本日期：2025年5月"),
    its period from the imprint (YYYY-MM): the quarter in a Vietnamese or
    English record, the month in CLDR form in the others; empty while the
    publisher has not given it."""
    item = next((f for f in book.imprint.fields if f.key == "legal_deposit"), None) if book.imprint else None
    if item is None or not item.value:
        return ""
    year, month = (int(v) for v in item.value.split("-"))
    return labelled(loc.text(item.label), deposit_period(year, month, loc.lang), loc.lang)


def labelled(label: str, value: str, lang: str) -> str:
    """"label: value"; a label that holds its own colon (a function named after
    the duty) is followed by a space (none in Chinese and Japanese, where the
    value must not start a line), never by a second colon.

    >>> labelled("ISBN", "……", "en"), labelled("Responsible for publication: Director", "……", "en")
    ('ISBN: ……', 'Responsible for publication: Director ……')
    >>> labelled("出版責任者：社長兼編集長", "……", "ja")
    '出版責任者：社長兼編集長……'
    """
    if ":" in label or "：" in label:
        return f"{label}{'' if language(lang).label_join == '：' else ' '}{value}"
    return f"{label}{language(lang).label_join}{value}"


@lru_cache(maxsize=32)
def family_name(path: str, index: int) -> str:
    """A face's family as its name table gives it (the typographic family first: "Noto Serif", not "Noto Serif Bold")."""
    names = TTFont(path, fontNumber=index, lazy=True)["name"]
    found = names.getDebugName(16) or names.getDebugName(1)
    return found or Path(path).stem


def typefaces(book: Book, lang: str) -> list[str]:
    """The families an edition is set in, as its fonts embed them: the first face
    of its serif and sans chains, and in a Chinese, Japanese or Korean edition
    the CJK faces of those chains first (they set its text; the Latin faces its
    figures and names)."""
    chains = [book.fonts.languages.get(lang, {}).get(role, []) for role in TYPEFACE_ROLES] if book.fonts else []
    faces = [chain[0] for chain in chains if chain]
    if language(lang).wide_faces:
        faces = [face for chain in chains for face in chain[1:2]] + faces
    found = []
    for name in faces:
        face = book.fonts.faces.get(name)
        family = family_name(str(face.path), face.index) if face and Path(face.path).is_file() else ""
        if family and family not in found:
            found.append(family)
    return found


def note_lines(book: Book, loc: Localiser) -> list[str]:
    """The record's specification lines book.yaml and the fonts give: the paper
    (its name translated) and the typefaces the edition is set in."""
    texts, lines = book.matter, []
    paper = loc.text(texts["paper_name"]) if "paper_name" in texts else ""  # the paper's name, translated
    if paper and "paper" in texts:
        lines.append(loc.text(texts["paper"]).replace("{paper}", paper))
    families = typefaces(book, loc.lang)
    if families and "typeset" in texts:
        lines.append(loc.text(texts["typeset"]).replace("{typefaces}", format_list(families, locale=language(loc.lang).locale)))
    return lines


def print_run(book: Book, value: str, loc: Localiser) -> str:
    """'1.000 bản', '1,000 copies', '1000册': the count in CLDR digits with the catalog's unit."""
    count = count_text(value, loc.lang)
    unit = book.matter.get("copies")
    return loc.text(unit).replace("{count}", count) if unit and value.strip().isdigit() else count


def country_name(code: str, lang: str) -> str:
    """A country's name in ``lang`` (CLDR).

    >>> country_name("VN", "vi"), country_name("VN", "en"), country_name("VN", "ja")
    ('Việt Nam', 'Vietnam', 'ベトナム')
    """
    return Locale.parse(language(lang).locale).territories.get(code, code)


# Where the binding follows the format in its one line, as a Vietnamese record
# writes it ("Khổ sách: 24 × 30 cm, bìa cứng, đóng chỉ"); elsewhere it is a field
# of its own ("Binding: hardcover, sewn", "製本：上製本（糸かがり）").
BINDING_WITH_FORMAT = {"vi"}


def format_value(book: Book, loc: Localiser) -> str:
    """The format: the trim in cm (in mm in a Chinese, Japanese or Korean
    record, as their publishers give it: "240 × 300 mm"), with the binding
    after it in a hardcover where the language writes them together
    (`BINDING_WITH_FORMAT`)."""
    if language(loc.lang).wide_faces:  # a Chinese 开本, a Korean 판형, a Japanese 判型 in millimetres
        size = f"{book.trim[0]:g} × {book.trim[1]:g} mm"
    else:
        size = f"{book.trim[0] / 10:g} × {book.trim[1] / 10:g} cm"
    text = book.matter.get("case_binding")
    if book.binding_style == "case" and text is not None and loc.lang in BINDING_WITH_FORMAT:
        return f"{size}, {loc.text(text)}"
    return size


def binding_line(book: Book, loc: Localiser) -> str:
    """The binding as a labelled field of its own, unless the format line carries it (`format_value`)."""
    text = book.matter.get("case_binding")
    if book.binding_style != "case" or text is None or loc.lang in BINDING_WITH_FORMAT:
        return ""
    return loc.text(text)
