"""Checks of the photos' alternative text (``alt:`` in a chapter's photo entry):
what a screen reader says of a picture to a reader who cannot see it. Each
photo the book shows (on a page, or on the cover) should have one, short,
and saying what the picture shows rather than repeating its caption; each
edition's catalog should translate it. The checks run for an output that
gives alt text to its readers (`Output.alt_text`) and in `book check`; all
are warnings, which a final screen build refuses (`Output.final_refuses`)."""

from __future__ import annotations

from collections.abc import Iterator

from book.errors import Problems
from book.i18n.localise import Localiser
from book.languages import nfc
from book.model import Book, Photo

ALT_LIMIT = 250  # characters: what a screen reader's user hears in one go without losing the thread


def same_text(a: str, b: str) -> bool:
    """Whether two texts are the same once their spacing is normalised.

    >>> same_text("Cảng  Hoàng Diệu\\n nhìn từ sông Cấm.", "Cảng Hoàng Diệu nhìn từ sông Cấm.")
    True
    >>> same_text("Cảng Hoàng Diệu.", "Cảng Hoàng Diệu")
    False
    """
    return " ".join(nfc(a).split()) == " ".join(nfc(b).split())


def shown_photos(book: Book, placed: dict[str, int]) -> Iterator[Photo]:
    """The photos the book shows, in book order: those on a page (``placed``:
    photo id -> page) and the cover's."""
    cover = book.cover.photo.id if book.cover and book.cover.photo else None
    for chapter in book.chapters:
        for photo in chapter.photos:
            if photo.id in placed or photo.id == cover:
                yield photo


def check_alt_sources(book: Book, placed: dict[str, int], problems: Problems) -> None:
    """The source language's alt texts: there, not too long, not the caption."""
    source = Localiser(book, book.source_language, None, Problems())
    for photo in shown_photos(book, placed):
        alt = photo.alt
        key = alt.where.key if alt is not None else None
        if alt is None or not alt.text:
            problems.warn("alt-missing", alt.where if alt is not None else photo.where,
                          f"{key or 'alt'}: photo {photo.id} has no alt text; add alt: with a short description of what the "
                          "picture shows, for readers who cannot see it (screen readers)")
            continue
        judge(alt.text, source.fill(photo.caption.text, photo), alt.where, f"{key}: photo {photo.id}", problems)


def check_alt_edition(book: Book, placed: dict[str, int], loc: Localiser, problems: Problems) -> None:
    """One edition's alt texts, as its catalog translates them: a missing
    translation is reported by ``loc`` (a warning for an alt text); a
    translated one is checked as the source's is, at its catalog entry."""
    if loc.lang == book.source_language:
        return
    for photo in shown_photos(book, placed):
        alt = photo.alt
        if alt is None or not alt.text:
            continue  # said once, at the source
        text = loc.text(alt)
        if alt.ctx in loc.missing_ctx:
            continue
        caption = loc.fill(loc.text(photo.caption), photo)
        judge(text, caption, loc.where(alt), f"{loc.lang}: {alt.ctx}", problems)


def judge(text: str, caption: str, where, named: str, problems: Problems) -> None:
    """An alt text too long, or the same as its photo's caption."""
    if len(text) > ALT_LIMIT:
        problems.warn("alt-too-long", where, f"{named}: the alt text is {len(text)} characters; keep it under {ALT_LIMIT}: "
                      "say what the picture shows and leave the story to the caption")
    if caption and same_text(text, caption):
        problems.warn("alt-is-caption", where, f"{named}: the alt text repeats the caption; describe what the picture shows "
                      "instead (the reader hears the caption too)")
