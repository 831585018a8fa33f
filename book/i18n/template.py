"""The template (translations/messages.pot) extracted from the sources, with
a note per entry saying what it is, where it sits and how much room it has."""

from __future__ import annotations

from pathlib import Path

import polib

from book import __version__
from book.files import write_atomic
from book.i18n.catalog import WRAP, gettext_layout
from book.i18n.header import report_to
from book.languages import TABLE, TEMPLATE_REL, nfc
from book.model import GENERATED_SLOTS, MESSAGE_KINDS, MM, Book
from book.pages.paginate import Pagination

# The template's room notes give one figure per script family, measured in
# the style of one language of each.
ROOM_SCRIPTS = (("en", "Latin scripts"), ("zh", "Chinese/Japanese"), ("ko", "Korean"))


def room_in(book: Book, frame, lang: str, reserve: float) -> tuple[int, int]:
    """(lines, characters) a frame holds in ``lang``'s style, roughly."""
    pad = 2 * frame.card_pad / MM if frame.panel else 0.0
    style = book.style(frame.style, lang)
    lines = max(1, int(((frame.h - pad) * MM - reserve) // style.leading))
    return lines, lines * int((frame.w - pad) * MM / (style.size * TABLE[lang].em_per_character))


def entry_notes(book: Book, pagination: Pagination, lang: str | None = None) -> dict[str, str]:
    """For each message: what it is, where it sits and how much room it has,
    in ``lang``'s style (or for each script when ``lang`` is None, for the template)."""
    notes = {m.ctx: m.comment for m in book.messages()}
    placed_once: set[str] = set()
    for page in pagination.pages:
        for placed in page.placed:
            frame = placed.frame
            if frame.kind not in MESSAGE_KINDS or not frame.style or placed.value in GENERATED_SLOTS:
                continue
            if frame.kind == "caption":
                ctx = f"photo:{placed.value}:caption"
                meta = book.style("caption-meta", "")
                reserve = meta.leading + meta.space_before
            else:
                ctx = book.slot_message(page.chapter, placed.value).ctx
                reserve = 0.0
            if ctx in placed_once:
                continue
            placed_once.add(ctx)
            chapter = f" in chapter '{page.chapter.id}'" if page.chapter else ""
            where = f"On page {page.number}{chapter}, frame '{frame.name}' of layout '{page.layout.name}'"
            if lang and lang in TABLE:
                lines, chars = room_in(book, frame, lang, reserve)
                room = f"{lines} lines, room for about {chars} characters"
            else:
                lines = room_in(book, frame, "en", reserve)[0]
                figures = [f"{room_in(book, frame, code, reserve)[1]} in {label}" for code, label in ROOM_SCRIPTS]
                room = f"{lines} lines, room for about {', '.join(figures)} characters"
            notes[ctx] = f"{notes.get(ctx, '')} {where}: {room}.".strip()
    return notes


def make_template(book: Book, pagination: Pagination) -> polib.POFile:
    pot = polib.POFile(wrapwidth=WRAP)
    pot.metadata = {
        "Project-Id-Version": f"{book.slug}",
        "Report-Msgid-Bugs-To": report_to(book),
        "POT-Creation-Date": f"{book.year}-01-01 00:00+0000",
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "",
        "Language-Team": "",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": book.source_language,
        "X-Generator": f"book {__version__}",
    }
    notes = entry_notes(book, pagination)
    for message in book.messages():
        if not message.text:
            continue
        comment = notes[message.ctx]
        entry = polib.POEntry(
            msgctxt=message.ctx,
            msgid=nfc(message.text),
            msgstr="",
            occurrences=[(message.where.path, str(message.where.line or 1))],
            comment=comment.strip(),
        )
        if "{" in message.text:
            entry.flags.append("python-brace-format")
        pot.append(entry)
    return pot


def extract(book: Book, pagination: Pagination) -> Path:
    path = book.root / TEMPLATE_REL
    write_atomic(path, gettext_layout(str(make_template(book, pagination)) + "\n"))
    return path
