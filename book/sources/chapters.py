"""content/chapters/*.yaml: the chapters in order, their texts, photos and pages."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from typing import Any

from book.errors import ConfigError, Problems, Where
from book.model import CARD_PLACES, Book, Chapter, Message, PageSpec, PartialDate, Photo
from book.placeholders import PHOTO_PLACEHOLDERS, placeholders
from book.sources.photo_paths import other_normal_form, resolve_photo
from book.sources.schema import Key, Section, suggest
from book.sources.yamlsrc import Located, read_yaml

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CHAPTER_KEYS = {"id": Key(str, "", required=True), "title": Key(str), "texts": Key(dict), "photos": Key(list, []), "pages": Key(list, [])}
PHOTO_KEYS = {"id": Key(str, "", required=True), "file": Key(str, "", required=True), "caption": Key(str, "", required=True),
              "date": Key((str, int, datetime.date)), "place": Key(str, ""), "credit": Key(str, ""),
              "focus": Key(list), "crop": Key((int, float), None, low=0, high=0.9)}
PHOTO_KEYS["card"] = Key(str)  # where its caption card goes (book.text.places)
SEPARATIONS = ("four-colour", "k-only")  # how a greyscale photo prints: a neutral of the four inks, or black alone
PHOTO_KEYS["separation"] = Key(str, None, choices=SEPARATIONS, doc="A greyscale photo's inks: four-colour (a neutral through the "
                               "press profile) or k-only (the black plate alone); default: `colour.greyscale`.")
PHOTO_KEYS["alt"] = Key(str, "", doc="What the picture shows, for readers who cannot see it: a short description, not the caption. "
                        "Screen editions give it to screen readers (the PDF's Figure /Alt, the EPUB's alt). `book check` warns "
                        "when a photo shown has none, when it (or a translation) is over 250 characters or the same as the "
                        "caption; a final screen build refuses these.")
PAGE_KEYS = {"layout": Key(str, "", required=True), "slots": Key(dict, {})}


def parse_date(value: Any) -> PartialDate:
    if isinstance(value, datetime.date):
        return PartialDate(value.year, value.month, value.day)
    text = str(value)
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not match:
        raise ValueError(f"'{text}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(g) if g else None for g in match.groups())
    datetime.date(year, month or 1, day or 1)  # raises on 2025-13-40
    return PartialDate(year, month, day)


def load_chapters(book: Book, out: Problems, check_files: bool = True) -> list[str]:
    """Every chapter file into ``book.chapters``; returns the files that could
    not be read (their error is in ``out``), whose photos are then unknown."""
    unread = []
    folder = book.root / "content" / "chapters"
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        out.error("no-chapters", Where("content/chapters"), "no chapter files (*.yaml); add at least one")
    seen_chapters: dict[str, Where] = {}
    number = 0
    for path in files:
        rel = f"content/chapters/{path.name}"
        try:
            doc = read_yaml(path, rel)
        except ConfigError as exc:
            out.extend(exc.problems)
            unread.append(rel)
            continue
        chapter = load_chapter(book, doc, out, check_files)
        if chapter.id in seen_chapters:
            out.error("duplicate-id", chapter.where, f"id: chapter id '{chapter.id}' is used by {seen_chapters[chapter.id]} too; make it unique")
        seen_chapters[chapter.id] = chapter.where
        if any(book.layouts.get(p.layout) and "chapter-number" in {f.kind for f in book.layouts[p.layout].frames.values()} for p in chapter.pages):
            number += 1
            chapter.number = number
        book.chapters.append(chapter)
    return unread


def follows_from(unread: list[str]) -> str:
    """What a reference to an unknown photo adds when a chapter file could not be read.

    >>> follows_from([]), follows_from(["content/chapters/02.yaml"])
    ('', '; this follows from the error in content/chapters/02.yaml, which could not be read: fix that first')
    """
    if not unread:
        return ""
    return f"; this follows from the error in {', '.join(unread)}, which could not be read: fix that first"


def load_chapter(book: Book, doc: Located, out: Problems, check_files: bool = True) -> Chapter:
    top = Section(doc, (), doc.data, out, CHAPTER_KEYS)
    cid = top.read("id")
    if cid and not ID_RE.match(cid):
        top.bad("id", f"'{cid}' must be lowercase letters, digits and hyphens")
    title_text = top.read("title")
    title = Message(f"chapter:{cid}:title", title_text, top.where("title"), f"Title of chapter '{cid}'.") if title_text else None
    texts = {}
    texts_section = top.sub("texts", set(top.data.get("texts") or {}))
    for key in texts_section.data:
        text = texts_section.get(key, str, "")
        texts[key] = Message(f"chapter:{cid}:{key}", text.strip(), texts_section.where(key), f"Text '{key}' of chapter '{cid}'.")
    photos = [load_photo(book, doc, index, data, out, cid, check_files)
              for index, data in enumerate(top.read("photos") or [])]
    pages = []
    for index, data in enumerate(top.read("pages") or []):
        section = Section(doc, ("pages", index), data, out, PAGE_KEYS)
        layout = section.read("layout")
        if layout and layout not in book.layouts:
            section.bad("layout", f"unknown layout '{layout}'{suggest(layout, book.layouts)}")
        slots = section.read("slots") or {}
        where = section.where("slots") if "slots" in section.data else section.where()
        pages.append(PageSpec(layout, {str(k): str(v) for k, v in slots.items()}, where))
    if not pages and not out.errors:
        out.error("empty-chapter", top.where("pages") if "pages" in top.data else top.where(),
                  f"chapter '{cid}' has no pages; add pages (see the README) or delete the file")
    return Chapter(cid, doc.path, title, texts, photos, pages, where=top.where("id"))


def load_photo(book: Book, doc: Located, index: int, data: Any, out: Problems, cid: str, check_files: bool) -> Photo:
    section = Section(doc, ("photos", index), data, out, PHOTO_KEYS)
    pid = section.read("id")
    file = section.read("file")
    if pid in book.photos:
        out.error("duplicate-id", section.where("id"),
                  f"photos[{index}].id: photo id '{pid}' is already used at {book.photos[pid].where}; give it another id")
    path, rel, outside = resolve_photo(book.root, file, book.photo_roots)
    if file and outside:
        out.error("photo-outside", section.where("file"), f"photos[{index}].file: {outside}")
    elif file and check_files and not path.is_file():
        hint = other_normal_form(path)
        out.error("missing-file", section.where("file"), f"photos[{index}].file: photo {rel} not found" +
                  (hint or "; add the file or correct the name"))
    date = None
    if section.data.get("date") is not None:
        try:
            date = parse_date(section.data["date"])
        except ValueError as exc:
            section.bad("date", str(exc))
    focus = None
    if section.data.get("focus") is not None:
        value = section.data["focus"]
        if (not isinstance(value, list) or len(value) != 2 or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
                or not all(0 <= v <= 1 for v in value)):
            section.bad("focus", f"focus {value!r} is not inside the photo; write [x, y] with both between 0 and 1, e.g. [0.3, 0.5]")
        else:
            focus = (float(value[0]), float(value[1]))
    photo = Photo(
        pid, path, rel,
        photo_message(section, pid, "caption", f"Caption of photo {pid} ({file})."),
        photo_message(section, pid, "place", f"Where photo {pid} was taken."),
        photo_message(section, pid, "credit", f"Photographer or archive of photo {pid}."),
        date, cid, section.where(), focus, section.read("crop"), card_place(section),
    )
    if section.data.get("separation") is not None:
        photo = replace(photo, separation=section.read("separation"))
    photo = replace(photo, alt=photo_message(
        section, pid, "alt", f"Alternative text of photo {pid}: what the picture shows, for readers who cannot see it "
        "(screen readers); not the caption. Keep it short, about 250 characters at most."))
    book.photos.setdefault(pid, photo)
    return photo


def photo_message(section: Section, pid: str, field: str, comment: str) -> Message:
    raw = section.get(field, str, "", required=field == "caption")
    text = raw.strip()
    if field == "caption" and raw and not text:
        section.bad(field, "the caption is only spaces; write the caption or remove the photo", code="empty-caption")
    unknown = [name for name in placeholders(text) if field != "caption" or name not in PHOTO_PLACEHOLDERS]
    if unknown:
        known = ", ".join("{" + n + "}" for n in PHOTO_PLACEHOLDERS) if field == "caption" else "none"
        section.bad(field, f"unknown placeholder {{{unknown[0]}}}; placeholders allowed here: {known}", code="placeholder")
    if field == "caption" and placeholders(text):
        comment += " Placeholders are filled per edition: " + ", ".join("{" + n + "}" for n in placeholders(text)) + "."
    return Message(f"photo:{pid}:{field}", text, section.where(field), comment)


def card_place(section: Section) -> str | None:
    """A photo's ``card``: the place of `book.text.places` its caption card takes."""
    value = section.data.get("card")
    if value is None:
        return None
    if value not in CARD_PLACES:
        section.bad("card", f"card '{value}' is not a card place; use {', '.join(CARD_PLACES)}")
        return None
    return value
