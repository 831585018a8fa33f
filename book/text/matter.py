"""The generated texts of the front and back matter: the book's publishing
record (the imprint the publishing law asks for) in one full block, on the
copyright page behind the title page (en, zh) or in the colophon at the
back (vi, ja 奥付, ko 판권), as each language's convention wants. Each line
of the record stands once, the specification (format, pages, binding, paper,
typefaces) in the one block: behind a record in front the last page is left
blank; in front of a record at the back the copyright page carries the ©
line and the rights (said there only), the edition and the ISBN. The groups
follow the language's order (a Korean 판권: title, 초판 1쇄 발행, 펴낸곳 and
its address, ISBN, then the specification) in one system: the title block,
the sentences, every fact a labelled field of one table (`TABLE_GROUPS`),
then the statements ("Printed in Vietnam"; a gift's "not for sale", as on
the back cover). A Chinese record adds 印张 and 字数 (`book.text.sheets`).

A field the publisher has not filled is left out of the print and screen
files (no "……" reaches a reader; the imprint-empty warning names it, and a
final book refuses it); a proof keeps its label and a dotted blank, so that
the editors see what is missing and where it will stand.

Names of bodies (the publishing house, the agency answering for the content,
the printer) come from the catalogs; a foreign edition prints the translated
name with the Vietnamese legal name in parentheses, since the law asks for the
name as registered. The print run is a CLDR count with its unit."""

from __future__ import annotations

from babel import Locale

from book.i18n.localise import Localiser
from book.languages import language
from book.model import Book, Message
from book.pages.paginate import Page, Pagination
from book.publication import ImprintField
from book.text.matter_facts import (
    binding_line,
    country_name,
    deposit_line,
    format_value,
    issue_date,
    labelled,
    note_lines,
    print_run,
    typefaces,
)
from book.text.sheets import sheet_rows
from book.text.typeset import Part

TITLE_STYLE = "colophon-title"  # the book's title at the head of the colophon and the copyright page: the title page's face
GAP_PT = 8.0  # between the groups of one block


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
    if item.by_lang:
        return item.by_lang.get(loc.lang, "")
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
    faces = tuple(sorted(typefaces(book, loc.lang), key=lambda n: (-len(n), n)))  # "Noto / Serif" parts a name (ja p64)
    return kept_names(book, loc) + language_names(book, loc.lang) + phrases + faces


# Phrases of the record's sentences a line never splits (a Japanese verb from its ending: 「再配布す|る」).
RECORD_PHRASES = {"ja": ("著作権者の", "書面による許諾なく", "再配布することを禁じます")}


def publisher_name(book: Book, loc: Localiser) -> str:
    """The publishing house (the imprint's publisher, or the book's publisher when it names none)."""
    item = next((f for f in book.imprint.fields if f.key == "publisher"), None) if book.imprint else None
    return body_name(book, item, loc) if item and item.value else loc.text(book.publisher)


# Who answers for the book, under the publishing house: its address, telephone
# and website first (the law names them with the house), then the people and bodies.
ROWS_CONTACT = ("publisher_address", "publisher_phone", "publisher_website")
ROWS_FIRST = ("director", "content", "partner", "partner_address", "editors", "translator", "designer", "proofreader")
ROWS_THEN = ("format", "pages", "print_run", "printer", "bindery", "registration", "decision")  # the print and the legal numbers
ROWS_CIP = ("cip",)  # the National Library's cataloguing block, last
SOURCE_ONLY = ("cip",)  # fields only the edition in the book's own language prints
FOREIGN_ONLY = ("translator",)  # fields only a translated edition prints

# The order of the record's groups: the Korean 판권 puts the first printing's
# date under the title, then the house and its address, the ISBN and 비매품,
# the specification after them; the others give the house its people, then
# the specification with the ISBN.
RECORD_ORDER = {"ko": ("title", "rights", "edition", "original", "published", "house", "sale", "facts", "closing", "cip", "notice")}
DEFAULT_ORDER = ("title", "rights", "edition", "original", "house", "facts", "closing", "cip", "notice")
IMPRESSION = {"zh"}  # the record gives the printing (印次) apart from the edition (版次)


# One system in every edition: the title block (the title in the title page's face,
# the subtitle), the sentences (the rights, the edition statement), then every fact
# as a "label: value" field of one table, labels in one column and values hanging at
# one tab (`book.text.label_table`): the house, its people, the dates, the
# specification, the ISBN; last the closing statements ("Printed in Vietnam", "Not
# for sale"), the CIP block and the notice, each a group of its own across the measure.
TABLE_GROUPS = ("original", "published", "house", "sale", "facts")

BLANK = "……"  # a field the publisher has not filled yet, on a proof


def shows_blanks(book: Book, loc: Localiser) -> bool:
    """Whether an unfilled field prints as its label and a dotted blank: in
    every file of a book that is not final (imprint.final), so whoever signs
    off a proof or a print file sees the record's final shape and what is
    missing, not a record that looks complete (the thirteenth proofs' en, ja and
    ko designers: the licence lines were left out without a trace). A final
    book's press files refuse an unfilled field (`book.outputs.base`), and its
    screen files leave the line out."""
    return not (book.imprint and book.imprint.final)


def field_rows(book: Book, pagination: Pagination, loc: Localiser, keys: tuple[str, ...]) -> list[str]:
    """One "label: value" line per imprint field of ``keys``, in imprint order.
    A field the publisher has not filled is printed as its label and a dotted
    blank ("Quyết định xuất bản số: ……") until the book is final, so the editor
    sees the record's final shape and what is missing (`shows_blanks`; the
    imprint-empty warning names it, a final build refuses it)."""
    values = {"format": format_value(book, loc), "pages": str(len(pagination.pages))}
    source = loc.lang == book.source_language
    lines = []
    for item in book.imprint.fields if book.imprint else []:
        if item.key not in keys or (source and item.key in FOREIGN_ONLY) or (not source and item.key in SOURCE_ONLY):
            continue
        value = values.get(item.key) or body_name(book, item, loc)
        if item.key == "print_run" and value:
            value = print_run(book, value, loc)
        if not value and shows_blanks(book, loc):
            value = BLANK
        if value:
            lines.append(labelled(loc.text(item.label), value, loc.lang))
    return lines


def credits_page(pagination: Pagination) -> int | None:
    """The first page of the photo credits, or None in a book without them."""
    return next((page.number for page in pagination.pages
                 if any(placed.frame.kind == "credits" for placed in page.placed)), None)


def rights_lines(book: Book, loc: Localiser, pagination: Pagination) -> list[str]:
    """The © line, the photographs' rights (theirs, not the holder's: the
    photographers and bodies the credits page names) and the rights statement
    (which names no holder twice)."""
    holder = loc.text(book.publisher)
    lines = [f"© {book.year} {holder}"]
    page = credits_page(pagination)
    if "photo_rights" in book.matter and page is not None and loc.text(book.matter["photo_rights"]):
        lines.append(loc.text(book.matter["photo_rights"]).replace("{page}", str(page)))
    if "rights" in book.matter:
        lines.append(loc.text(book.matter["rights"]).replace("{holder}", holder))
    return lines


def isbn_line(book: Book, loc: Localiser) -> str:
    return f"ISBN {book.isbn[loc.lang]}" if book.isbn.get(loc.lang) else ""


def isbn_field(book: Book, loc: Localiser) -> str:
    """The ISBN as a field of the record's table: "ISBN: 978-…", or under the
    language's own label with the number's prefix ("书号：ISBN 978-…")."""
    item = next((f for f in book.imprint.fields if f.key == "isbn"), None) if book.imprint else None
    number = book.isbn.get(loc.lang)
    if not number or item is None:
        return isbn_line(book, loc)
    label = loc.text(item.label)
    return labelled(label, number if label.strip().upper() == "ISBN" else f"ISBN {number}", loc.lang)


def original_title(book: Book, loc: Localiser) -> str:
    """A translated edition's original title in the language's title marks
    (『…』, 《…》, “…”), as the catalog's ``original_title`` form gives them."""
    text = book.matter.get("original_title")
    if text is None or loc.lang == book.source_language:
        return ""
    return loc.text(text).replace("{title}", " ".join(book.title.text.split()))


def record_groups(book: Book, pagination: Pagination, loc: Localiser, statement: str, with_rights: bool) -> dict[str, list[str]]:
    """The record's groups of lines, by name (`RECORD_ORDER`)."""
    texts, lang = book.matter, loc.lang
    published = []
    if "published" in texts:
        published = [loc.text(texts[key]).replace("{date}", issue_date(book, lang)).replace("{year}", str(book.year))
                     for key in ("published", "impression") if key in texts and (key == "published" or lang in IMPRESSION)]
    house_item = next((f for f in book.imprint.fields if f.key == "publisher"), None) if book.imprint else None
    house = publisher_name(book, loc)
    if house_item is not None:
        house = labelled(loc.text(house_item.label), house, lang)
    people = field_rows(book, pagination, loc, ROWS_CONTACT + ROWS_FIRST)
    facts = field_rows(book, pagination, loc, ROWS_THEN[:2]) + sheet_rows(book, pagination, loc)
    facts += [line for line in [binding_line(book, loc)] if line]
    facts += note_lines(book, loc)  # the paper and the typefaces: the specification in one block
    facts += field_rows(book, pagination, loc, ROWS_THEN[2:])
    facts += [line for line in [deposit_line(book, loc)] if line]
    closing = []
    country = book.imprint.country if book.imprint else ""
    if "printed" in texts and country:
        closing.append(loc.text(texts["printed"]).replace("{country}", country_name(country, lang)))
    sale = [line for line in [isbn_field(book, loc)] if line]
    if book.cover and book.cover.price and "price" in texts:
        sale.append(loc.text(texts["price"]).replace("{price}", book.cover.price))
    if book.cover and book.cover.not_for_sale and "not_for_sale" in texts:  # a gift: said in the record, as on the back cover
        closing.append(loc.text(texts["not_for_sale"]))
    notice = []
    if book.imprint and book.placeholder_files & {p.path.name for p in book.photos.values()}:
        notice.append(loc.text(book.imprint.placeholder_notice))
    edition = statement or (loc.text(texts["edition"]) if "edition" in texts else "")
    groups = {"rights": rights_lines(book, loc, pagination) if with_rights else [], "edition": [edition] if edition else [],
              "original": [line for line in [original_title(book, loc)] if line],
              "published": published, "house": [house, *people], "sale": sale, "facts": facts, "closing": closing,
              "cip": field_rows(book, pagination, loc, ROWS_CIP), "notice": notice}
    if lang not in RECORD_ORDER:  # the date with the house, the ISBN and "not for sale" closing the facts
        groups["house"] += published
        groups["facts"] += sale
    return groups


def full_parts(book: Book, pagination: Pagination, loc: Localiser, style_name: str,
               statement: str = "", with_rights: bool = True) -> list[Part]:
    """The whole publishing record as one block, its groups in the language's
    order (`RECORD_ORDER`): the title; the © line and the rights (unless the
    copyright page in front carries them, ``with_rights``); the edition
    (``statement``, the colophon chapter's own words, or the standard one); the
    publishing house heading the people and bodies answering for the book and
    the issue date; the specification, the print and the legal numbers, the
    ISBN; the National Library's CIP; the placeholder notice of a sample."""
    def style(name: str):
        return book.style(name, loc.lang)

    keep = record_keep(book, loc)
    holder = loc.text(book.publisher)
    parts = title_parts(book, loc, style)
    groups = record_groups(book, pagination, loc, statement, with_rights)
    for name in RECORD_ORDER.get(loc.lang, DEFAULT_ORDER):
        lines = groups.get(name, [])
        if not lines:
            continue
        parts.append(Part("\n".join(lines), style(style_name), space_before=GAP_PT,
                          keep=(holder, *keep) if name == "rights" else keep, table=name in TABLE_GROUPS))
    return parts


def short_parts(book: Book, pagination: Pagination, loc: Localiser, style_name: str) -> list[Part]:
    """The copyright page in front of a record kept at the back (vi, ko, ja):
    the © line and the rights, the edition and the ISBN, the © and the rights
    said once in the book (the colophon leaves them to this page)."""
    style = book.style(style_name, loc.lang)
    keep = record_keep(book, loc)
    edition = loc.text(book.matter["edition"]) if "edition" in book.matter else ""
    groups = [rights_lines(book, loc, pagination), [edition] if edition else [], [line for line in [isbn_line(book, loc)] if line]]
    holder = loc.text(book.publisher)
    return [Part("\n".join(lines), style, space_before=GAP_PT if number else 0.0, keep=(holder, *keep))
            for number, lines in enumerate(groups) if lines]


def matter_messages(book: Book) -> list[Message]:
    """Every catalog entry the copyright page and the colophon may print."""
    fields = book.imprint.fields if book.imprint else []
    names = [f.name for f in fields if f.name is not None]
    notice = [book.imprint.placeholder_notice] if book.imprint else []
    return [book.title, book.subtitle, book.publisher, *book.matter.values(), *(f.label for f in fields), *names, *notice]


def title_parts(book: Book, loc: Localiser, style) -> list[Part]:
    """The book's title in the title page's face (serif bold, as written), and its subtitle."""
    title = " ".join(loc.text(book.title).split())
    parts = [Part(title, style(TITLE_STYLE))]
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
    return full_parts(book, pagination, loc, style_name, statement, with_rights=False), messages


def copyright_parts(book: Book, pagination: Pagination, loc: Localiser, style_name: str) -> tuple[list[Part], list[Message]]:
    """The copyright page behind the title page: the full record where the
    edition's language keeps it in front (en, zh); nothing where the record
    stands at the back (vi, ko, ja), whose © line and ISBN stand there, once."""
    if language(loc.lang).imprint_at_back:
        return short_parts(book, pagination, loc, style_name), matter_messages(book)
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
