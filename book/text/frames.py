"""What an edition says on its pages: every frame's text localised and split
into styled parts, and the texts the book generates (contents, credits,
running heads, folios). Every lookup of the edition's words happens here,
before anything is set or drawn, so each missing translation is reported."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from book.errors import TranslationError
from book.i18n.cldr import format_partial_date
from book.i18n.glossary import read_glossary
from book.i18n.localise import Localiser
from book.languages import language
from book.model import COPYRIGHT_SLOT, IMPRINT_SLOT, PUBLISHERS_SLOT, Book, Message, PartialDate, Style
from book.pages.paginate import Page, Pagination, Placed
from book.text.cjk_names import catalog_names
from book.text.credits import LEGENDS_HEAD_STYLE, CreditEntry, credit_entries, credits_head
from book.text.italic import by_role
from book.text.matter import colophon_parts, copyright_parts, kept_names, publishers_parts
from book.text.opener_title import SUBTITLE_STYLE, TITLE_STYLE, split_subtitle
from book.text.typeset import Part


@dataclass
class FrameText:
    page: Page
    placed: Placed
    parts: list[Part]
    messages: list[Message]  # where the text comes from, for reports
    fallback: bool = False  # shows source text for want of a translation (proofs only)


@dataclass(frozen=True)
class TocEntry:
    label: str  # "Chapter 2"
    title: str
    page: int
    message: Message  # the chapter title, for reports


@dataclass
class EditionWords:
    """Every string one edition sets, and where each comes from."""

    lang: str
    frames: list[FrameText]
    toc: list[TocEntry]
    credits: list[CreditEntry]
    running_heads: dict[int, str]  # page number -> running head ('' for none)
    chapter_titles: dict[str, str]  # numbered chapter id -> title, for the running-head check
    info: dict[str, str] = field(default_factory=dict)  # the PDF's title, author, subject
    keep: tuple[str, ...] = ()  # names never broken across lines: photographers, the glossary's names
    outline: list[tuple[str, int]] = field(default_factory=list)  # (chapter title, first page): the PDF's bookmarks
    credits_head: str = ""  # the photo credits' page label said once, over the figures ("tr.", "第…页")
    legends: list[str] = field(default_factory=list)  # one line for each photo an uncaptioned layout shows: its page, place and date
    legend_pages: list[int | None] = field(default_factory=list)  # the page each legend describes, where its line links to (None: the cover)
    legends_head: str = ""  # the legends' own small heading ("Ảnh trang 2 và bìa")


def unbroken_names(book: Book, pagination: Pagination, loc: Localiser) -> tuple[str, ...]:
    """The edition's names that stay whole on a line: every photographer
    credited and every glossary term, longest first."""
    names = {loc.text(book.photos[pid].credit) for pid in sorted(pagination.photo_pages) if book.photos[pid].credit}
    try:
        terms = read_glossary(book.root, book.source_language)
    except TranslationError:
        terms = []  # reported by the catalog checks
    for term in terms:
        forms = term.targets.get(loc.lang, "") if loc.lang != book.source_language else term.source
        names.update(form.strip() for form in forms.split("|"))
    if language(loc.lang).script == "Latn":  # the publisher's and the bodies' names (`book.text.latin.is_body`)
        names.update((loc.text(book.publisher), *kept_names(book, loc)))
    if language(loc.lang).script != "Latn":  # zh, ja, ko: the book's names and terms, in running text too
        names.update(book.keep_together.get(loc.lang, ()))
    places = [(photo.place.text, loc.text(photo.place)) for photo in book.photos.values() if photo.place.text]
    glossary = [(term.source, term.targets.get(loc.lang, "")) for term in terms]
    names.update(catalog_names(places, glossary, loc.lang))  # zh, ja: `book.text.cjk_names`
    return tuple(sorted((n for n in names if len(n) > 1), key=lambda n: (-len(n), n)))


def photo_meta(book: Book, loc: Localiser, photo_id: str, lines: bool = False) -> str:
    """A photo's credit line: its place and date, then its photographer. In
    print (``lines``) always in two lines, place and date over "Photo: name",
    in every caption and card of every edition (`book.text.captions`); on one
    line, joined by the language's separator, in the EPUB and the review sheet."""
    photo = book.photos[photo_id]
    facts = language(loc.lang)
    where_when = [t for t in (loc.text(photo.place), format_partial_date(photo.date, loc.lang) if photo.date else "") if t]
    meta = facts.place_date_join.join(where_when)
    credit = loc.text(photo.credit)
    if credit:
        meta += (("\n" if lines else facts.meta_join) if meta else "") + loc.label("credit", credit=credit)
    return meta


def label_joins(labelled: str, name: str) -> tuple[str, ...]:
    """The phrases that keep a label with the name it introduces: the label and
    the name's first word (or the name's last word and a label after it), so
    that "Ảnh:" never ends a line with the name on the next.

    >>> label_joins("Ảnh: Nguyễn Thị Thu Trang", "Nguyễn Thị Thu Trang")
    ('Ảnh: Nguyễn',)
    >>> label_joins("写真：越通社资料", "越通社资料"), label_joins("Trần Văn Hải 摄", "Trần Văn Hải")
    (('写真：越通社资料',), ('Hải 摄',))
    """
    at = labelled.find(name) if name else -1
    if at < 0:
        return ()
    before, after = labelled[:at], labelled[at + len(name):]
    words = name.split()
    joins = []
    if before.strip():
        joins.append(before + (words[0] if " " in name.strip() else name))
    if after.strip():
        joins.append((words[-1] if " " in name.strip() else name) + after)
    return tuple(joins)


SIGNATURE = "_signature"  # a chapter's text "<key>_signature" signs its text "<key>" (a foreword by its publishing body)
PLACE = "_place"  # ... and "<key>_place" says where it was written, in the 'dateline' label under the signature


def dateline_of(book: Book, page: Page, value: str, loc: Localiser) -> tuple[str, Message] | None:
    """The closing line under a signed text: the 'dateline' label ("{place}, {date}")
    filled with the chapter text ``<key>_place`` and the month of publication in
    the edition's CLDR form ("Hải Phòng, tháng 5 năm 2025", "Hải Phòng, May 2025")."""
    place = page.chapter.texts.get(value + PLACE) if page.chapter is not None else None
    if place is None or "dateline" not in book.labels:
        return None
    month = format_partial_date(PartialDate(book.date.year, book.date.month), loc.lang)
    return loc.label("dateline", place=loc.text(place), date=month), place


def signature_of(book: Book, page: Page, value: str | None) -> Message | None:
    """The text that signs a chapter text shown in a frame: the chapter's text
    ``<key>_signature``, set after it in the ``signature`` style."""
    if not value or page.chapter is None or value.startswith("book.") or value.endswith(SIGNATURE):
        return None
    return page.chapter.texts.get(value + SIGNATURE)


def signature_style(book: Book, text_style: str | None, lang: str) -> Style:
    """The ``signature`` style of layouts/styles.yaml, or the text's own style set
    flush right a line space below it where the styles have none."""
    if "signature" in book.styles:
        return book.style("signature", lang)
    style = book.style(text_style, lang)
    return replace(style, name="signature", align="right", space_before=style.leading, first_indent=0.0)


def frame_texts(book: Book, pagination: Pagination, loc: Localiser, keep: tuple[str, ...] = ()) -> list[FrameText]:
    """Every text frame of the book with its parts in ``loc``'s language."""
    found: list[FrameText] = []
    for page in pagination.pages:
        for placed in page.placed:
            frame = placed.frame
            if frame.kind == "caption":
                photo = book.photos[placed.value]
                credit = loc.text(photo.credit)
                joins = label_joins(loc.label("credit", credit=credit), credit) if credit else ()
                parts = [Part(loc.fill(loc.text(photo.caption), photo), book.style(frame.style, loc.lang), keep=keep),
                         Part(photo_meta(book, loc, placed.value, lines=True), book.style("caption-meta", loc.lang), keep=keep + joins)]
                found.append(FrameText(page, placed, parts, [photo.caption, photo.place, photo.credit]))
            elif frame.kind == "text" and placed.value == IMPRINT_SLOT:
                found.append(FrameText(page, placed, *colophon_parts(book, page, pagination, loc, frame.style)))
            elif frame.kind == "text" and placed.value == COPYRIGHT_SLOT:
                found.append(FrameText(page, placed, *copyright_parts(book, pagination, loc, frame.style)))
            elif frame.kind == "text" and placed.value == PUBLISHERS_SLOT:
                found.append(FrameText(page, placed, *publishers_parts(book, loc, frame.style)))
            elif frame.kind == "text" and page.part and placed.value:
                continue  # the text of the list's first page runs on here (`book.text.flow`)
            elif frame.kind == "text":
                message = book.slot_message(page.chapter, placed.value)
                parts = [Part(loc.text(message), book.style(frame.style, loc.lang), keep=keep, compounds=book.keep_together.get(loc.lang, ()))]
                if frame.style == TITLE_STYLE and SUBTITLE_STYLE in book.styles:  # a chapter title's subtitle on a line of its own
                    head, rest = split_subtitle(parts[0].text)
                    if rest:
                        parts = [replace(parts[0], text=head), replace(parts[0], text=rest, style=book.style(SUBTITLE_STYLE, loc.lang))]
                signed = signature_of(book, page, placed.value)
                if signed is not None:  # runs on with the text, so it ends the text's last page
                    parts.append(Part(loc.text(signed), signature_style(book, frame.style, loc.lang), keep=keep + (loc.text(signed),)))
                dated = dateline_of(book, page, placed.value, loc) if signed is not None else None
                if dated is not None:  # the line under the signature, set as it is, with no space between
                    style = replace(signature_style(book, frame.style, loc.lang), space_before=0.0)
                    parts.append(Part(dated[0], style, keep=keep + (dated[0],)))
                found.append(FrameText(page, placed, parts, [message] + ([signed] if signed else []) + ([dated[1]] if dated else [])))
            elif frame.kind == "chapter-number" and page.chapter and page.chapter.number:
                text = loc.label("chapter", number=str(page.chapter.number))
                found.append(FrameText(page, placed, [Part(text, book.style(frame.style, loc.lang))], [book.labels["chapter"]]))
    return found


def uncaptioned_photos(book: Book, pagination: Pagination) -> list[tuple[int, str]]:
    """(page number, photo id) of each photo an uncaptioned page (a frontispiece)
    shows, in page order: the photos the credits give a legend, when the book
    has a 'page' label to say where they are."""
    if "page" not in book.labels:
        return []
    return [(page.number, placed.value) for page in pagination.pages if page.layout.uncaptioned
            for placed in page.placed if placed.frame.kind == "photo" and placed.value]


def legend_text(book: Book, pid: str, loc: Localiser) -> str:
    """A photo's place and date ("Quảng trường Nhà hát Lớn, tháng 5 năm 2024"), or its caption's first line without them."""
    photo = book.photos[pid]
    where_when = [t for t in (loc.text(photo.place), format_partial_date(photo.date, loc.lang) if photo.date else "") if t]
    return language(loc.lang).place_date_join.join(where_when) or one_line(loc.text(photo.caption))


def legends(book: Book, pagination: Pagination, loc: Localiser) -> list[str]:
    """A legend for each photo on an uncaptioned page (a frontispiece), in
    place of its caption: its page, then its place and date ("tr. 2: Quảng
    trường Nhà hát Lớn, 5/2024"), for the end of the photo credits; then the
    cover photo's, whose caption is printed nowhere ("Bìa: Sông Cấm, …"),
    when the matter texts have its form."""
    found = []
    facts = language(loc.lang)
    for number, pid in uncaptioned_photos(book, pagination):
        shown = legend_text(book, pid, loc)
        if "legend" in book.labels:
            found.append(loc.label("legend", page=str(number), legend=shown))
        else:
            found.append(loc.label("page", page=str(number)) + facts.label_join + shown)
    cover = book.cover.photo if book.cover else None
    if cover is not None and found and "cover_legend" in book.matter:
        found.append(loc.text(book.matter["cover_legend"]).replace("{legend}", legend_text(book, cover.id, loc)))
    return found


def legends_head(book: Book, pagination: Pagination, loc: Localiser) -> str:
    """The small heading over the legends ("Ảnh trang 2 và bìa"): which pages they describe."""
    pages = [str(number) for number, _ in uncaptioned_photos(book, pagination)]
    if not pages or "legends_head" not in book.matter:
        return ""
    return loc.text(book.matter["legends_head"]).replace("{page}", ", ".join(pages))


def running_head(page: Page, loc: Localiser) -> str:
    if not page.folio or page.chapter is None or page.chapter.number is None or page.chapter.title is None:
        return ""
    return one_line(loc.text(page.chapter.title))


def one_line(text: str) -> str:
    r"""A title with its manual line breaks as spaces: a running head, an entry of
    the contents, a bookmark.

    >>> one_line("Đà Nẵng –\n50 năm")
    'Đà Nẵng – 50 năm'
    """
    return " ".join(row.strip() for row in text.split("\n") if row.strip())


def toc_entries(book: Book, pagination: Pagination, loc: Localiser) -> list[TocEntry]:
    """Chapter label, title and first page of each numbered chapter, and the
    texts of the frames a layout marks ``listed`` (the headings of the foreword
    and of the photo credits), in page order."""
    entries = [TocEntry(loc.label("chapter", number=str(chapter.number)), one_line(loc.text(chapter.title)), pagination.chapter_starts[chapter.id],
                        chapter.title)
               for chapter in book.chapters if chapter.number and chapter.title]
    listed: set[str] = set()
    for page in pagination.pages:
        for placed in page.placed:
            if placed.frame.listed:
                message = book.slot_message(page.chapter, placed.value)
                if message.ctx not in listed:  # a continuation page repeats its heading
                    listed.add(message.ctx)
                    entries.append(TocEntry("", one_line(loc.text(message)), page.number, message))
    return sorted(entries, key=lambda entry: entry.page)


def edition_words(book: Book, pagination: Pagination, loc: Localiser) -> EditionWords:
    keep = unbroken_names(book, pagination, loc)
    words = EditionWords(
        loc.lang,
        frame_texts(book, pagination, loc, keep),
        toc_entries(book, pagination, loc),
        credit_entries(book, pagination, loc),
        {page.number: running_head(page, loc) for page in pagination.pages},
        {c.id: one_line(loc.text(c.title)) for c in book.chapters if c.number and c.title},
        {"title": one_line(loc.text(book.title)), "author": loc.text(book.publisher), "subject": one_line(loc.text(book.subtitle))},
        # Every chapter with a title, front and back matter too, is a bookmark.
        outline=[(one_line(loc.text(c.title)), pagination.chapter_starts[c.id]) for c in book.chapters if c.title and c.id in pagination.chapter_starts],
        keep=keep,
        credits_head=credits_head(book, loc),
        legends=legends(book, pagination, loc),
        legends_head=legends_head(book, pagination, loc),
    )
    words.legend_pages = [number for number, _ in uncaptioned_photos(book, pagination)]
    words.legend_pages += [None] * (len(words.legends) - len(words.legend_pages))  # the cover's: no page to link to
    for item in words.frames:
        item.fallback = any(m.ctx in loc.missing_ctx for m in item.messages)
    return words


def texts_by_role(book: Book, words: EditionWords) -> dict[str, set[str]]:
    """Every string the edition will set, grouped by font role, for font subsetting."""
    lang = words.lang
    roles: dict[str, set[str]] = {}

    def add(style_name: str, text: str) -> None:
        for role, shown in by_role(text, book.style(style_name, lang).font).items():
            roles.setdefault(role, set()).add(shown)

    for item in words.frames:
        for part in item.parts:
            for role, shown in by_role(part.text, part.style.font).items():  # italic spans in the italic role
                roles.setdefault(role, set()).add(shown)
    for number, head in words.running_heads.items():
        add("running-head", head)
        add("folio", str(number))
    for entry in words.toc:
        add("toc", f"{entry.label} {entry.title} {entry.page}")
    for entry in words.credits:
        add("credits", f"{entry.reference} {entry.position} {entry.name}")
    add("credits", words.credits_head)
    for legend in words.legends:
        add("credits", legend)
    add(LEGENDS_HEAD_STYLE, words.legends_head)
    add("chapter-number", "0123456789–— ")
    return roles
