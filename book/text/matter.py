"""The generated texts of the front and back matter: the colophon (the
imprint the publishing law asks for) and the copyright page behind the title
page, each one block in the edition's language.

Names of bodies (the publishing house, the agency answering for the content,
the printer) come from the catalogs; a foreign edition prints the translated
name with the Vietnamese legal name in parentheses, since the law asks for the
name as registered. The print run is a CLDR count with its unit."""

from __future__ import annotations

from babel import Locale

from book.i18n.localise import Localiser
from book.i18n.numbers import count_text
from book.languages import language
from book.model import Book, Message
from book.pages.paginate import Page, Pagination
from book.publication import ImprintField
from book.text.typeset import Part

TITLE_STYLE = "colophon-title"  # the book's title at the head of the colophon and the copyright page: capitals, tracked
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


def publisher_name(book: Book, loc: Localiser) -> str:
    """The publishing house (the imprint's publisher, or the book's publisher when it names none)."""
    item = next((f for f in book.imprint.fields if f.key == "publisher"), None) if book.imprint else None
    return body_name(book, item, loc) if item and item.value else loc.text(book.publisher)


def imprint_text(book: Book, pagination: Pagination, loc: Localiser) -> str:
    """The publishing data, one labelled line per filled field, and the placeholder
    notice while any photo of the book is still a painted placeholder."""
    values = {"format": f"{book.trim[0] / 10:g} × {book.trim[1] / 10:g} cm", "pages": str(len(pagination.pages)),
              "isbn": book.isbn.get(loc.lang, "")}
    lines = []
    for item in book.imprint.fields:
        value = values.get(item.key) or body_name(book, item, loc)
        if item.key == "publisher" and not value:
            value = loc.text(book.publisher)
        if item.key == "print_run" and value:
            value = print_run(book, value, loc)
        if value:
            lines.append(f"{loc.text(item.label)}{language(loc.lang).label_join}{value}")
    text = "\n".join(lines)
    if book.placeholder_files & {p.path.name for p in book.photos.values()}:
        text += "\n\n" + loc.text(book.imprint.placeholder_notice)
    return text


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
    """The colophon as one block: the title, the chapter's ``colophon`` text (who
    compiled the book, which edition), then the imprint."""
    def style(name: str):
        return book.style(name, loc.lang)

    parts = title_parts(book, loc, style)
    messages = [book.title, book.subtitle]
    chapter_text = page.chapter.texts.get("colophon") if page.chapter else None
    if chapter_text is not None and chapter_text.text:
        parts.append(Part(loc.text(chapter_text), style(style_name), space_before=GAP_PT,
                          keep=(loc.text(book.publisher), *kept_names(book, loc))))
        messages.append(chapter_text)
    if book.imprint:
        parts.append(Part(imprint_text(book, pagination, loc), style(style_name), space_before=GAP_PT, keep=kept_names(book, loc)))
        messages += [f.label for f in book.imprint.fields]
    return parts, messages


def copyright_parts(book: Book, loc: Localiser, style_name: str) -> tuple[list[Part], list[Message]]:
    """The copyright page: title, the © line and the rights, who published it and
    when, which edition, its ISBN, where it was printed."""
    def style(name: str):
        return book.style(name, loc.lang)

    texts = book.matter
    holder = loc.text(book.publisher)
    parts = title_parts(book, loc, style)
    rights = [f"© {book.year} {holder}"]
    if "rights" in texts:
        rights.append(loc.text(texts["rights"]).replace("{holder}", holder))
    parts.append(Part("\n".join(rights), style(style_name), space_before=GAP_PT, keep=(holder,)))
    facts = []
    if "published" in texts:
        facts.append(loc.text(texts["published"]).replace("{publisher}", publisher_name(book, loc)).replace("{year}", str(book.year)))
    if "edition" in texts:
        facts.append(loc.text(texts["edition"]))
    if book.isbn.get(loc.lang):
        facts.append(f"ISBN {book.isbn[loc.lang]}")
    country = book.imprint.country if book.imprint else ""
    if "printed" in texts and country:
        facts.append(loc.text(texts["printed"]).replace("{country}", country_name(country, loc.lang)))
    parts.append(Part("\n".join(facts), style(style_name), space_before=GAP_PT, keep=kept_names(book, loc)))
    return parts, [book.title, book.subtitle, book.publisher, *texts.values()]


def publishers_parts(book: Book, loc: Localiser, style_name: str) -> tuple[list[Part], list[Message]]:
    """The title page's foot: the book's publisher, then the publishing house when the imprint names another."""
    names = [loc.text(book.publisher)]
    item = next((f for f in book.imprint.fields if f.key == "publisher"), None) if book.imprint else None
    if item and item.value and item.value != book.publisher.text:
        names.append(loc.text(item.name) if item.name and loc.lang != book.source_language else item.value)
    return [Part("\n".join(names), book.style(style_name, loc.lang))], [book.publisher] + ([item.name] if item and item.name else [])
