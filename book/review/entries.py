"""What the review sheet says: every text of the book in book order (each
photo's caption, the chapter texts, the foreword, the cover and title texts),
with each edition's words, their status and where to edit them. Read from a
proof's prepared editions, so the statuses are the ones the build found."""

from __future__ import annotations

from dataclasses import dataclass

from book.errors import Problems
from book.i18n.localise import Localiser
from book.i18n.status import FUZZY, STALE, UNTRANSLATED, entry_state
from book.languages import catalog_rel, nfc
from book.model import GENERATED_SLOTS, Message, Photo
from book.text.frames import photo_meta

# The sheet's own statuses; a translation's other states (translated, fuzzy,
# stale) are book.i18n.status's, which the sheet calls 'missing' when untranslated.
SOURCE, MISSING, OVERFLOW = "source", "missing", "overflow"


@dataclass(frozen=True)
class Cell:
    """One edition's words for one text."""

    lang: str
    text: str  # what the edition says ('' when missing)
    meta: str  # a photo's place, date and credit line as the edition prints it
    statuses: tuple[str, ...]  # e.g. ('fuzzy',), ('missing', 'overflow')
    notes: tuple[str, ...]  # the previous source text of a fuzzy entry, the lines an overflow needs
    edit: str  # where to edit it: 'translations/en.po:123'


@dataclass(frozen=True)
class Row:
    ctx: str  # the text's id (msgctxt)
    label: str  # 'photo p012' or 'foreword'
    page: int | None
    photo: Photo | None
    cells: tuple[Cell, ...]


def entry_status(loc: Localiser, message: Message) -> tuple[str, str, str]:
    """(status, the edition's text or '', the previous source text or '')."""
    if loc.lang == loc.book.source_language:
        return SOURCE, message.text, ""
    entry = loc.catalog.entries.get(message.ctx) if loc.catalog else None
    state = entry_state(entry, message.text)
    if state == UNTRANSLATED:
        return MISSING, "", ""
    previous = {FUZZY: entry.previous_msgid or "", STALE: entry.msgid}.get(state, "")
    return state, nfc(entry.msgstr), nfc(previous)


def edit_place(loc: Localiser, message: Message) -> str:
    if loc.lang == loc.book.source_language:
        return str(message.where)
    entry = loc.catalog.entries.get(message.ctx) if loc.catalog else None
    if entry is None:
        return f"{catalog_rel(loc.lang)} (no entry: run 'book i18n update')"
    return f"{catalog_rel(loc.lang)}:{entry.linenum}"


def make_cell(loc: Localiser, message: Message, photo: Photo | None, meta: str, setting) -> Cell:
    status, text, previous = entry_status(loc, message)
    statuses, notes = [status], []
    if previous:
        notes.append(f"previous source: {previous}")
    if status == STALE:
        notes.append("the source changed since; run 'book i18n update'")
    if photo is not None and text:
        text = loc.fill(text, photo)
    if setting is not None and not setting.fits:
        statuses.append(OVERFLOW)
        notes.append(f"overflows: needs {setting.needed} lines, room for {setting.available}")
    return Cell(loc.lang, text, meta, tuple(statuses), tuple(notes), edit_place(loc, message))


def collect_rows(prepared) -> list[Row]:
    """Every text the book sets, in page order; then any text no page shows."""
    book, pagination = prepared.book, prepared.pagination
    locs = [Localiser(book, e.lang, e.catalog, Problems(), fallback=True) for e in prepared.editions]
    settings = {e.lang: e.text.frames for e in prepared.editions}
    captions = {}  # photo id -> (page, frame) of its caption
    for page in pagination.pages:
        for placed in page.placed:
            if placed.frame.kind == "caption" and placed.value:
                captions.setdefault(placed.value, (page.number, placed.frame.name))
    rows: list[Row] = []
    seen: set[str] = set()

    def add(message: Message, label: str, page: int | None, photo: Photo | None = None, key=None) -> None:
        if message.ctx in seen or not message.text:
            return
        seen.add(message.ctx)
        cells = tuple(make_cell(loc, message, photo, photo_meta(book, loc, photo.id) if photo else "",
                                settings[loc.lang].get(key) if key else None) for loc in locs)
        rows.append(Row(message.ctx, label, page, photo, cells))

    for page in pagination.pages:
        for placed in page.placed:
            kind, value = placed.frame.kind, placed.value
            if kind == "photo" and value in book.photos:
                photo = book.photos[value]
                add(photo.caption, f"photo {value}", page.number, photo, captions.get(value))
            elif kind == "text" and value and value not in GENERATED_SLOTS:  # the imprint's words come with the other texts
                message = book.slot_message(page.chapter, value)
                add(message, text_label(message.ctx), page.number, key=(page.number, placed.frame.name))
    for photo in book.photos.values():  # photos no page shows
        add(photo.caption, f"photo {photo.id}", None, photo)
    for message in book.messages():
        if message.ctx.startswith("photo:"):
            continue  # places and credits are shown with their photo
        add(message, text_label(message.ctx), None)
    return rows


def text_label(ctx: str) -> str:
    """A short name for a text id.

    >>> text_label("chapter:mo-dau:foreword"), text_label("book:title")
    ('mo-dau: foreword', 'book: title')
    """
    parts = ctx.split(":")
    return ": ".join(parts[1:] if parts[0] == "chapter" else parts).replace("_", " ")
