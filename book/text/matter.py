"""The generated texts of the front and back matter: the book's publishing
record (the imprint the publishing law asks for) in one full block, on the
copyright page behind the title page (en, zh) or in the colophon at the
back (vi, ja 奥付, ko 판권), as each language's convention wants. Each line
of the record stands once, the specification (format, pages, binding, paper,
typefaces) in the one block: behind a record in front the last page is left
blank; in front of a record at the back the page behind the title page is
left blank, as a Japanese, Korean or Vietnamese book leaves it. A gift's
"not for sale" stands in the record as on the back cover.

A field the publisher has not filled is left out of the print and screen
files (no "……" reaches a reader; the imprint-empty warning names it, and a
final book refuses it); a proof keeps its label and a dotted blank, so that
the editors see what is missing and where it will stand.

Names of bodies (the publishing house, the agency answering for the content,
the printer) come from the catalogs; a foreign edition prints the translated
name with the Vietnamese legal name in parentheses, since the law asks for the
name as registered. The print run is a CLDR count with its unit."""

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
from book.model import Book, Message, PartialDate
from book.pages.paginate import Page, Pagination
from book.publication import ImprintField
from book.text.typeset import Part

TITLE_STYLE = "colophon-title"  # the book's title at the head of the colophon and the copyright page: capitals, tracked
HEADING_STYLE = "colophon-heading"  # the publishing house at the head of the people and bodies answering for the book
GAP_PT = 8.0  # between the groups of one block
TYPEFACE_ROLES = ("serif", "sans")  # the roles whose faces the record names


def with_original(translated: str, original: str, lang: str) -> str:
    """A translated name with the original after it in parentheses (full-width where
    the language's punctuation is, in Chinese and Japanese).

    >>> with_original("Information and Communications Publishing House", "Nhà xuất bản Thông tin và Truyền thông", "en")
    'Information and Communications Publishing House (Nhà xuất bản Thông tin và Truyền thông)'
    >>> with_original("信息传媒出版社", "Nhà xuất bản Thông tin và Truyền thông", "zh")
    '信息传媒出版社（Nhà xuất bản Thông tin và Truyền thông）'
    """
    if not original or translated == original:
        return translated
    return f"{translated}（{original}）" if language(lang).label_join == "：" else f"{translated} ({original})"


def body_name(book: Book, item: ImprintField, loc: Localiser) -> str:
    """An imprint value in the edition's language: a named body translated, with its original."""
    if item.name is None or not item.value or loc.lang == book.source_language:
        return item.value
    return with_original(loc.text(item.name), item.value, loc.lang)


def kept_names(book: Book, loc: Localiser) -> tuple[str, ...]:
    """The bodies' names, translated and original, each kept whole on a line (the
    original in its parentheses), so that a name never breaks in the middle."""
    names = set()
    for item in book.imprint.fields if book.imprint else []:
        if item.name is not None and item.value:
            names.add(item.value)
            if loc.lang != book.source_language:
                names.add(loc.text(item.name))
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def language_names(book: Book, lang: str) -> tuple[str, ...]:
    """The editions' languages named in ``lang`` (CLDR), also lower-case first: never "tiếng / Hàn"."""
    names = Locale.parse(language(lang).locale).languages
    found = {names[code.split("-")[0]] for code in book.editions if code.split("-")[0] in names}
    found |= {name[:1].lower() + name[1:] for name in found}
    return tuple(sorted((n for n in found if " " in n), key=lambda n: (-len(n), n)))


def record_keep(book: Book, loc: Localiser) -> tuple[str, ...]:
    """What a line of the record never splits: the bodies' names, the
    languages' names, and the phrases the matter texts list for the language."""
    phrases = tuple(RECORD_PHRASES.get(loc.lang, ()))
    return kept_names(book, loc) + language_names(book, loc.lang) + phrases


# Phrases of the record's sentences a line never splits (a Japanese verb from its ending: 「再配布す|る」).
RECORD_PHRASES = {"ja": ("書面による許諾なく", "再配布することを禁じます")}


def publisher_name(book: Book, loc: Localiser) -> str:
    """The publishing house (the imprint's publisher, or the book's publisher when it names none)."""
    item = next((f for f in book.imprint.fields if f.key == "publisher"), None) if book.imprint else None
    return body_name(book, item, loc) if item and item.value else loc.text(book.publisher)


ROWS_FIRST = ("director", "content", "partner", "editors", "designer", "proofreader")  # who answers for the book
ROWS_THEN = ("format", "pages", "print_run", "printer", "registration", "decision")  # the print and the legal numbers


BLANK = "……"  # a field the publisher has not filled yet, on a proof


def shows_blanks(book: Book, loc: Localiser) -> bool:
    """Whether an unfilled field prints as its label and a dotted blank: on a
    proof (the output that shows what is missing instead of hiding it, its
    Localiser's ``fallback``) of a book that is not final; the print and
    screen files leave the line out."""
    return loc.fallback and not (book.imprint and book.imprint.final)


def field_rows(book: Book, pagination: Pagination, loc: Localiser, keys: tuple[str, ...]) -> list[str]:
    """One "label: value" line per imprint field of ``keys``, in imprint order.
    A field the publisher has not filled is left out, or on a proof printed as
    its label and a dotted blank ("Quyết định xuất bản số: ……"), so the editor
    sees the record's final shape and what is missing (`shows_blanks`; the
    imprint-empty warning names it, a final build refuses it)."""
    values = {"format": f"{book.trim[0] / 10:g} × {book.trim[1] / 10:g} cm", "pages": str(len(pagination.pages))}
    lines = []
    for item in book.imprint.fields if book.imprint else []:
        if item.key not in keys:
            continue
        value = values.get(item.key) or body_name(book, item, loc)
        if item.key == "print_run" and value:
            value = print_run(book, value, loc)
        if not value and shows_blanks(book, loc):
            value = BLANK
        if value:
            lines.append(labelled(loc.text(item.label), value, loc.lang))
    return lines


# Where the record dates the edition by its month, as a Chinese 版次 line does
# ("2025年5月第1版第1次印刷", CLDR's yMMMM); the others give the day of issue.
ISSUE_BY_MONTH = {"zh"}


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


def issue_date(book: Book, lang: str) -> str:
    """The day of issue in the edition's CLDR long form ("May 13, 2025", "2025年5月13日"),
    or its month where the language's record gives the month only ("2025年5月")."""
    day = book.date
    return format_partial_date(PartialDate(day.year, day.month, None if lang in ISSUE_BY_MONTH else day.day), lang)


# Where the record names the legal deposit by quarter, as Vietnamese publishing does
# ("nộp lưu chiểu quý II năm 2025"); other languages name the month in CLDR form.
QUARTER_FORMS = {"vi": "quý {quarter} năm {year}"}
ROMAN = ("I", "II", "III", "IV")


def deposit_period(year: int, month: int, lang: str) -> str:
    """The period of legal deposit in the edition's form: the quarter where the
    language writes it so, else the month.

    >>> deposit_period(2025, 4, "vi"), deposit_period(2025, 4, "en"), deposit_period(2025, 12, "vi")
    ('quý II năm 2025', 'April 2025', 'quý IV năm 2025')
    """
    form = QUARTER_FORMS.get(lang)
    if form:
        return form.format(quarter=ROMAN[(month - 1) // 3], year=year)
    return format_partial_date(PartialDate(year, month), lang)


def deposit_line(book: Book, loc: Localiser) -> str:
    """The legal deposit line ("In xong và nộp lưu chiểu quý II năm 2025."), its
    period from the imprint's ``legal_deposit`` (YYYY-MM): the quarter in a
    Vietnamese record, the month in CLDR form in the others; empty while the
    publisher has not given it."""
    item = next((f for f in book.imprint.fields if f.key == "legal_deposit"), None) if book.imprint else None
    text = book.matter.get("deposit")
    if item is None or not item.value or text is None:
        return ""
    year, month = (int(v) for v in item.value.split("-"))
    return loc.text(text).replace("{period}", deposit_period(year, month, loc.lang))


def full_parts(book: Book, pagination: Pagination, loc: Localiser, style_name: str,
               statement: str = "") -> list[Part]:
    """The whole publishing record as one block: the title, the © line and the
    rights, the edition (``statement``, the colophon chapter's own words, or the
    standard one), the publishing house as the heading of the people and bodies
    answering for the book, the issue date, the print and the legal numbers,
    the ISBN, where it is printed, and the placeholder notice of a sample."""
    def style(name: str):
        return book.style(name, loc.lang)

    texts, keep = book.matter, record_keep(book, loc)
    holder = loc.text(book.publisher)
    parts = title_parts(book, loc, style)
    rights = [f"© {book.year} {holder}"]
    if "rights" in texts:
        rights.append(loc.text(texts["rights"]).replace("{holder}", holder))
    parts.append(Part("\n".join(rights), style(style_name), space_before=GAP_PT, keep=(holder, *keep)))
    edition = statement or (loc.text(texts["edition"]) if "edition" in texts else "")
    if edition:
        parts.append(Part(edition, style(style_name), space_before=GAP_PT, keep=keep))
    house = [publisher_name(book, loc), *field_rows(book, pagination, loc, ROWS_FIRST)]
    if "published" in texts:
        house.append(loc.text(texts["published"]).replace("{date}", issue_date(book, loc.lang)).replace("{year}", str(book.year)))
    parts.append(Part(house[0], style(HEADING_STYLE), space_before=GAP_PT, keep=keep))
    parts.append(Part("\n".join(house[1:]), style(style_name), keep=keep))
    facts = field_rows(book, pagination, loc, ROWS_THEN[:2])
    if book.binding_style == "case" and "case_binding" in texts:  # the binding, by the format it is
        facts.append(loc.text(texts["case_binding"]))
    facts += note_lines(book, loc)  # the paper and the typefaces: the specification in one block
    facts += field_rows(book, pagination, loc, ROWS_THEN[2:])
    deposit = deposit_line(book, loc)
    facts += [deposit] if deposit else []
    if book.isbn.get(loc.lang):
        facts.append(f"ISBN {book.isbn[loc.lang]}")
    country = book.imprint.country if book.imprint else ""
    if "printed" in texts and country:
        facts.append(loc.text(texts["printed"]).replace("{country}", country_name(country, loc.lang)))
    if book.cover and book.cover.not_for_sale and "not_for_sale" in texts:  # a gift: said in the record, as on the back cover
        facts.append(loc.text(texts["not_for_sale"]))
    parts.append(Part("\n".join(facts), style(style_name), space_before=GAP_PT, keep=keep))
    if book.imprint and book.placeholder_files & {p.path.name for p in book.photos.values()}:
        parts.append(Part(loc.text(book.imprint.placeholder_notice), style(style_name), space_before=GAP_PT))
    return parts


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


def matter_messages(book: Book) -> list[Message]:
    """Every catalog entry the copyright page and the colophon may print."""
    fields = book.imprint.fields if book.imprint else []
    names = [f.name for f in fields if f.name is not None]
    notice = [book.imprint.placeholder_notice] if book.imprint else []
    return [book.title, book.subtitle, book.publisher, *book.matter.values(), *(f.label for f in fields), *names, *notice]


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


def title_parts(book: Book, loc: Localiser, style) -> list[Part]:
    """The book's title in tracked capitals (a no-op in CJK), and its subtitle."""
    title = " ".join(loc.text(book.title).split())
    parts = [Part(title.upper(), style(TITLE_STYLE))]
    subtitle = " ".join(loc.text(book.subtitle).split())
    if subtitle:
        parts.append(Part(subtitle, style("colophon")))
    return parts


def colophon_parts(book: Book, page: Page, pagination: Pagination, loc: Localiser, style_name: str) -> tuple[list[Part], list[Message]]:
    """The colophon at the back: the full record where the edition's language
    keeps it there (奥付, 판권), with the colophon chapter's ``colophon`` text as
    its edition statement; else nothing: the record in front holds every line
    of it, the paper and the typefaces too (one block), and the last page is
    left blank."""
    chapter_text = page.chapter.texts.get("colophon") if page.chapter else None
    messages = matter_messages(book) + ([chapter_text] if chapter_text is not None else [])
    if not language(loc.lang).imprint_at_back:
        return [], messages
    statement = loc.text(chapter_text) if chapter_text is not None and chapter_text.text else ""
    return full_parts(book, pagination, loc, style_name, statement), messages


def copyright_parts(book: Book, pagination: Pagination, loc: Localiser, style_name: str) -> tuple[list[Part], list[Message]]:
    """The copyright page behind the title page: the full record where the
    edition's language keeps it in front (en, zh); nothing where the record
    stands at the back (vi, ko, ja), whose © line and ISBN stand there, once."""
    if language(loc.lang).imprint_at_back:
        return [], matter_messages(book)
    statement = ""
    for chapter in book.chapters:  # the colophon chapter's edition statement, wherever the book keeps it
        text = chapter.texts.get("colophon")
        if text is not None and text.text:
            statement = loc.text(text)
    return full_parts(book, pagination, loc, style_name, statement), matter_messages(book)


def publishers_parts(book: Book, loc: Localiser, style_name: str) -> tuple[list[Part], list[Message]]:
    """The title page's foot: the book's publisher, then the publishing house when the imprint names another."""
    names = [loc.text(book.publisher)]
    item = next((f for f in book.imprint.fields if f.key == "publisher"), None) if book.imprint else None
    if item and item.value and item.value != book.publisher.text:
        names.append(loc.text(item.name) if item.name and loc.lang != book.source_language else item.value)
    return [Part("\n".join(names), book.style(style_name, loc.lang))], [book.publisher] + ([item.name] if item and item.name else [])
