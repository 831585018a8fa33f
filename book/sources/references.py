"""The cross-references between the sources: every page's slots match its
layout's frames and point at photos and texts that exist."""

from __future__ import annotations

from book.errors import Problems, Where
from book.model import BOOK_SLOTS, FRAME_KINDS, UNFILLED_KINDS, Book
from book.sources.chapters import follows_from
from book.sources.schema import suggest


def check_slots(book: Book, out: Problems, unread: list[str] = ()) -> None:
    """``unread``: chapter files that could not be read, whose photos are unknown (`chapters.load_chapters`)."""
    placed: dict[str, Where] = {}
    for chapter in book.chapters:
        for index, page in enumerate(chapter.pages):
            layout = book.layouts.get(page.layout)
            if layout is None:
                continue
            at = f"pages[{index}]"
            for slot, value in page.slots.items():
                frame = layout.frames.get(slot)
                if frame is None:
                    out.error("unknown-frame", page.where,
                              f"{at}.slots: layout '{layout.name}' has no frame '{slot}'; its frames are {', '.join(layout.frames)}")
                    continue
                if FRAME_KINDS[frame.kind].slot == "photo":
                    if value not in book.photos:
                        out.error("unknown-photo", page.where, f"{at}.slots.{slot}: no photo with id '{value}'{suggest(value, book.photos)}"
                                  f"{follows_from(list(unread))}")
                    elif frame.kind == "photo":
                        if value in placed:
                            out.warn("placed-twice", page.where, f"{at}.slots.{slot}: photo '{value}' is placed a second time (first at {placed[value]})")
                        placed.setdefault(value, page.where)
                elif FRAME_KINDS[frame.kind].slot == "text":
                    known = set(chapter.texts) | {"title"} | set(BOOK_SLOTS)
                    if value not in known:
                        out.error("unknown-text", page.where, f"{at}.slots.{slot}: no text '{value}' in this chapter's texts{suggest(value, known)}")
                    elif value == "title" and chapter.title is None:
                        out.error("unknown-text", page.where, f"{at}.slots.{slot}: the chapter has no title; add 'title:'")
            for name, frame in layout.frames.items():
                if frame.kind not in UNFILLED_KINDS and name not in page.slots:
                    out.error("empty-frame", page.where, f"{at}.slots: frame '{name}' of layout '{layout.name}' is not filled; add '{name}: …'")
    cover = book.cover.photo.id if book.cover and book.cover.photo else None
    for pid, photo in book.photos.items():
        if pid not in placed and pid != cover:  # a photo of the cover alone is placed there
            out.warn("unplaced-photo", photo.where, f"photo '{pid}' is not placed on any page")
