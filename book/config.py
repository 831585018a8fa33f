"""Load and validate a book project into one `Book`, collecting every problem
with its file, line and key path before anything is written."""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

from book import LANGUAGES
from book.errors import ConfigError, Problem, Where
from book.localise import PHOTO_PLACEHOLDERS, placeholders
from book.model import (
    Book,
    Chapter,
    Contacts,
    FontConfig,
    FontFace,
    Frame,
    Layout,
    Message,
    PageSpec,
    PartialDate,
    Photo,
    Style,
)
from book.yamlsrc import Located, read_yaml

FRAME_KINDS = {"photo", "caption", "text", "toc", "credits", "chapter-number", "emblem"}
SLOTLESS_KINDS = {"toc", "credits", "chapter-number", "emblem"}
BOOK_TEXTS = ("book.title", "book.subtitle", "book.publisher")
LABELS = {"chapter": ("number",), "credit": ("credit",), "page": ("page",)}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class Collector:
    """Gathers problems; warnings become errors under --strict."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, where: Where | None, message: str) -> None:
        self.problems.append(Problem(where, message))

    def warn(self, where: Where | None, message: str) -> None:
        self.problems.append(Problem(where, message, warning=True))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]


def suggest(name: str, choices) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def keypath(*keys: Any) -> str:
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


class Section:
    """Typed access to one mapping of a YAML file, reporting as it goes."""

    def __init__(self, doc: Located, keys: tuple, data: Any, out: Collector, known: set[str]):
        self.doc, self.keys, self.out = doc, keys, out
        if not isinstance(data, dict):
            if data is not None:
                out.error(doc.where(*keys), f"{keypath(*keys) or 'document'}: expected a mapping of keys")
            data = {}
        self.data = data
        for key in data:
            if key not in known:
                out.warn(doc.where(*keys, key), f"{keypath(*keys, key)}: unknown key '{key}' is ignored{suggest(str(key), known)}")

    def where(self, *keys: Any) -> Where:
        return self.doc.where(*self.keys, *keys)

    def bad(self, key: str, message: str) -> None:
        self.out.error(self.where(key), f"{keypath(*self.keys, key)}: {message}")

    def get(self, key: str, kind: type | tuple, default: Any = None, required: bool = False) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                self.out.error(self.where(), f"{keypath(*self.keys, key)}: missing; add it")
            return default
        value = self.data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            name = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            self.bad(key, f"expected {name}, got {type(value).__name__} {value!r}")
            return default
        return nfc(value) if isinstance(value, str) else value

    def number(self, key: str, default: float | None = None, low: float = 0, high: float = 1e6) -> float:
        value = self.get(key, float, default, required=default is None)
        if value is not None and not low <= value <= high:
            self.bad(key, f"{value} is out of range {low}–{high}")
        return value if value is not None else (default or 0.0)


def load_book(root: Path, check_files: bool = True) -> tuple[Book, list[Problem]]:
    """Read the whole project. Raises ConfigError listing every error found;
    returns the book and its warnings otherwise."""
    out = Collector()
    doc = read_yaml(root / "content" / "book.yaml", "content/book.yaml")
    top = Section(doc, (), doc.data, out, {
        "title", "subtitle", "slug", "source_language", "editions", "publisher", "year", "trim_mm",
        "bleed_mm", "margins_mm", "grid", "binding", "paper", "colour", "labels", "translation",
    })

    def book_message(key: str, ctx: str, comment: str) -> Message:
        return Message(ctx, top.get(key, str, "", required=True), top.where(key), comment)

    slug = top.get("slug", str, "book", required=True)
    if not ID_RE.match(slug):
        top.bad("slug", f"'{slug}' must be lowercase letters, digits and hyphens")
    source = top.get("source_language", str, "vi")
    editions = top.get("editions", list, list(LANGUAGES))
    for index, lang in enumerate(editions):
        if lang not in LANGUAGES:
            out.error(top.where("editions", index), f"editions[{index}]: unknown language '{lang}'; use {', '.join(LANGUAGES)}")
    if source not in editions:
        top.bad("source_language", f"'{source}' must be one of the editions")
    trim = top.get("trim_mm", list, [240, 300], required=True)
    if len(trim) != 2 or not all(isinstance(v, (int, float)) and 50 <= v <= 1000 for v in trim):
        top.bad("trim_mm", "give [width, height] in mm, e.g. [240, 300]")
        trim = [240, 300]
    margins = Section(doc, ("margins_mm",), top.data.get("margins_mm"), out, {"inner", "outer", "top", "bottom"})
    binding = Section(doc, ("binding",), top.data.get("binding"), out, {"style", "page_multiple"})
    paper = Section(doc, ("paper",), top.data.get("paper"), out, {"name", "caliper_mm"})
    colour = Section(doc, ("colour",), top.data.get("colour"), out, {"press_profile", "ink_limit", "min_ppi"})
    Section(doc, ("grid",), top.data.get("grid"), out, {"columns", "gutter_mm", "baseline_pt"})
    multiple = binding.get("page_multiple", int, 4)
    if multiple not in (1, 2, 4, 8, 16, 32):
        binding.bad("page_multiple", f"{multiple} is not a binding multiple; use 2, 4, 8, 16 or 32")

    labels_section = Section(doc, ("labels",), top.data.get("labels"), out, set(LABELS))
    labels = {}
    for key, fields in LABELS.items():
        text = labels_section.get(key, str, "", required=True)
        for name in fields:
            if text and "{" + name + "}" not in text:
                labels_section.bad(key, f"must contain the placeholder {{{name}}}")
        labels[key] = Message(f"label:{key}", text, labels_section.where(key), f"Placeholders: {', '.join('{' + f + '}' for f in fields)}")

    layouts = load_layouts(root, out)
    styles = load_styles(root, out)
    for layout in layouts.values():
        for frame in layout.frames.values():
            if frame.style and frame.style not in styles:
                out.error(layout.where, f"{layout.name}.frames.{frame.name}: unknown style '{frame.style}'{suggest(frame.style, styles)}")
    fonts = load_fonts(root, out, editions, styles)
    book = Book(
        root=root,
        slug=slug,
        source_language=source,
        editions=editions,
        title=book_message("title", "book:title", "The book's title: cover, half-title and title page."),
        subtitle=book_message("subtitle", "book:subtitle", "Subtitle on the title page."),
        publisher=book_message("publisher", "book:publisher", "The publisher's name on the title page."),
        year=top.get("year", int, datetime.date.today().year),
        trim=(float(trim[0]), float(trim[1])),
        bleed=top.number("bleed_mm", 3.0, 0, 10),
        margins={k: margins.number(k, d, 0, 100) for k, d in (("inner", 20.0), ("outer", 15.0), ("top", 15.0), ("bottom", 20.0))},
        binding_multiple=multiple,
        binding_style=binding.get("style", str, "perfect"),
        paper_caliper=paper.number("caliper_mm", 0.1, 0.03, 1.0),
        press_profile=colour.get("press_profile", str, "FOGRA39"),
        ink_limit=int(colour.number("ink_limit", 300, 200, 400)),
        min_ppi=int(colour.number("min_ppi", 300, 72, 1200)),
        labels=labels,
        chapters=[],
        layouts=layouts,
        styles=styles,
        fonts=fonts,
        contacts=load_contacts(doc, top.data.get("translation"), out, source),
    )
    load_chapters(book, out, check_files)
    if out.errors:
        count = len(out.errors)
        raise ConfigError(f"{count} problem{'s' if count > 1 else ''} in the book's sources; nothing was written", out.problems)
    return book, out.warnings


def load_contacts(doc: Located, data: Any, out: Collector, source: str) -> Contacts:
    """book.yaml ``translation:``: ``report_to`` and, per language, ``translator``
    and ``team``, written into the catalogs' headers by ``book i18n update``."""
    targets = [lang for lang in LANGUAGES if lang != source]
    section = Section(doc, ("translation",), data, out, {"report_to", *targets})

    def one_line(part: Section, key: str) -> str:
        value = part.get(key, str, "").strip()
        if "\n" in value:
            part.bad(key, "a catalog header field is one line, e.g. 'Name <name@example.org>'")
            return ""
        return value

    translators, teams = {}, {}
    for lang in targets:
        if lang in section.data:
            part = Section(doc, ("translation", lang), section.data[lang], out, {"translator", "team"})
            translators[lang], teams[lang] = one_line(part, "translator"), one_line(part, "team")
    return Contacts(one_line(section, "report_to"), {k: v for k, v in translators.items() if v}, {k: v for k, v in teams.items() if v})


def load_layouts(root: Path, out: Collector) -> dict[str, Layout]:
    layouts: dict[str, Layout] = {}
    path = root / "layouts" / "layouts.yaml"
    doc = read_yaml(path, "layouts/layouts.yaml")
    if not isinstance(doc.data, dict):
        out.error(doc.where(), "expected a mapping of layout names to layouts")
        return layouts
    for name, data in doc.data.items():
        section = Section(doc, (name,), data, out, {"frames", "side", "folio", "spread"})
        frames = {}
        for fname, fdata in (section.get("frames", dict, {}) or {}).items():
            fs = Section(doc, (name, "frames", fname), fdata, out, {"kind", "x", "y", "w", "h", "style", "fit", "panel"})
            kind = fs.get("kind", str, "photo", required=True)
            if kind not in FRAME_KINDS:
                fs.bad("kind", f"unknown frame kind '{kind}'{suggest(kind, FRAME_KINDS)}")
            fit = fs.get("fit", str, "cover")
            if fit not in ("cover", "contain"):
                fs.bad("fit", f"'{fit}' must be cover or contain")
            style = fs.get("style", str)
            if kind in {"caption", "text", "toc", "credits", "chapter-number"} and not style:
                fs.bad("style", "a text frame needs a style")
            frames[fname] = Frame(
                fname, kind, fs.number("x", 0.0, -20, 2000), fs.number("y", 0.0, -20, 2000),
                fs.number("w", None, 1, 2000), fs.number("h", None, 1, 2000), style, fit, fs.get("panel", str),
            )
        side = section.get("side", str)
        if side not in (None, "recto", "verso"):
            section.bad("side", f"'{side}' must be recto or verso")
        layouts[name] = Layout(name, frames, side, section.get("folio", bool, True), section.get("spread", bool, False), doc.where(name))
    return layouts


STYLE_FIELDS = {"font", "size", "leading", "align", "min_size", "tracking", "space_before", "paragraph_space", "first_indent", "columns",
                "hyphenate"}


def load_styles(root: Path, out: Collector) -> dict[str, dict[str, Style]]:
    doc = read_yaml(root / "layouts" / "styles.yaml", "layouts/styles.yaml")
    top = Section(doc, (), doc.data, out, {"defaults", "styles"})
    defaults = Section(doc, ("defaults",), top.data.get("defaults"), out, STYLE_FIELDS).data
    styles: dict[str, dict[str, Style]] = {}
    for name, data in (top.get("styles", dict, {}) or {}).items():
        section = Section(doc, ("styles", name), data, out, STYLE_FIELDS | {"languages"})
        base = {**defaults, **{k: v for k, v in section.data.items() if k != "languages"}}
        variants = {"": base}
        for lang, over in (section.get("languages", dict, {}) or {}).items():
            if lang not in LANGUAGES:
                out.error(section.where("languages", lang), f"styles.{name}.languages: unknown language '{lang}'")
                continue
            Section(doc, ("styles", name, "languages", lang), over, out, STYLE_FIELDS)
            variants[lang] = {**base, **(over or {})}
        styles[name] = {}
        for lang, fields in variants.items():
            try:
                style = Style(name=name, **fields)
                if style.align not in ("left", "center", "right", "justify"):
                    raise ValueError(f"align '{style.align}' must be left, center, right or justify")
                if style.size <= 0 or style.leading <= 0:
                    raise ValueError("size and leading must be positive")
            except (TypeError, ValueError) as exc:
                out.error(section.where(), f"styles.{name}: {exc}")
                style = Style(name=name, font="sans", size=9, leading=12)
            styles[name][lang] = replace_min(style)
    return styles


def replace_min(style: Style) -> Style:
    # A style without a minimum cannot shrink.
    return style if style.min_size else replace(style, min_size=style.size)


def load_fonts(root: Path, out: Collector, editions: list[str], styles) -> FontConfig:
    doc = read_yaml(root / "fonts" / "fonts.yaml", "fonts/fonts.yaml")
    top = Section(doc, (), doc.data, out, {"paths", "faces", "languages"})
    paths = [Path(p) if Path(p).is_absolute() else root / p for p in top.get("paths", list, ["fonts"])]
    faces = {}
    for name, data in (top.get("faces", dict, {}) or {}).items():
        section = Section(doc, ("faces", name), data, out, {"file", "index", "package"})
        file = section.get("file", str, "", required=True)
        package = section.get("package", str)
        found = next((p / file for p in paths if (p / file).is_file()), None)
        if file and found is None:
            hint = f"install the Debian package {package} (apt-get install {package})" if package else "put the file in fonts/"
            out.error(section.where("file"), f"faces.{name}: font file {file} not found in {', '.join(str(p) for p in paths)}; {hint}")
            found = Path(file)
        faces[name] = FontFace(name, found, section.get("index", int, 0), package)
    languages: dict[str, dict[str, list[str]]] = {}
    for lang, roles in (top.get("languages", dict, {}) or {}).items():
        section = Section(doc, ("languages", lang), roles, out, set(roles or {}))
        languages[lang] = {}
        for role, chain in section.data.items():
            if not isinstance(chain, list) or not chain:
                section.bad(role, "give a list of face names")
                continue
            for face in chain:
                if face not in faces:
                    section.bad(role, f"unknown face '{face}'{suggest(str(face), faces)}")
            languages[lang][role] = [f for f in chain if f in faces]
    roles_used = {s.font for variants in styles.values() for s in variants.values()}
    for lang in editions:
        if lang not in languages:
            out.error(doc.where("languages"), f"languages: no fonts for '{lang}'; add a languages.{lang} entry")
            continue
        for role in sorted(roles_used - set(languages[lang])):
            out.error(doc.where("languages", lang), f"languages.{lang}: no faces for role '{role}' used by the styles")
    return FontConfig(faces, languages)


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


def load_chapters(book: Book, out: Collector, check_files: bool = True) -> None:
    folder = book.root / "content" / "chapters"
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        out.error(Where("content/chapters"), "no chapter files (*.yaml); add at least one")
    seen_chapters: dict[str, Where] = {}
    number = 0
    for path in files:
        rel = f"content/chapters/{path.name}"
        try:
            doc = read_yaml(path, rel)
        except ConfigError as exc:
            out.error(None, exc.message)
            continue
        chapter = load_chapter(book, doc, out, check_files)
        if chapter is None:
            continue
        if chapter.id in seen_chapters:
            out.error(chapter.where, f"id: chapter id '{chapter.id}' is used by {seen_chapters[chapter.id]} too; make it unique")
        seen_chapters[chapter.id] = chapter.where
        if any(book.layouts.get(p.layout) and "chapter-number" in {f.kind for f in book.layouts[p.layout].frames.values()} for p in chapter.pages):
            number += 1
            chapter.number = number
        book.chapters.append(chapter)
    check_slots(book, out)


def load_chapter(book: Book, doc: Located, out: Collector, check_files: bool = True) -> Chapter | None:
    top = Section(doc, (), doc.data, out, {"id", "title", "texts", "photos", "pages"})
    cid = top.get("id", str, "", required=True)
    if cid and not ID_RE.match(cid):
        top.bad("id", f"'{cid}' must be lowercase letters, digits and hyphens")
    title_text = top.get("title", str)
    title = Message(f"chapter:{cid}:title", title_text, top.where("title"), f"Title of chapter '{cid}'.") if title_text else None
    texts = {}
    texts_section = Section(doc, ("texts",), top.data.get("texts"), out, set(top.data.get("texts") or {}))
    for key in texts_section.data:
        text = texts_section.get(key, str, "")
        texts[key] = Message(f"chapter:{cid}:{key}", text.strip(), texts_section.where(key), f"Text '{key}' of chapter '{cid}'.")
    photos = []
    for index, data in enumerate(top.get("photos", list, []) or []):
        section = Section(doc, ("photos", index), data, out, {"id", "file", "caption", "date", "place", "credit"})
        pid = section.get("id", str, "", required=True)
        file = section.get("file", str, "", required=True)
        where = section.where()
        if pid in book.photos:
            out.error(section.where("id"), f"photos[{index}].id: photo id '{pid}' is already used at {book.photos[pid].where}; give it another id")
        path = book.root / "content" / "photos" / file
        if file and check_files and not path.is_file():
            out.error(section.where("file"), f"photos[{index}].file: photo content/photos/{file} not found; add the file or correct the name")
        date = None
        if section.data.get("date") is not None:
            try:
                date = parse_date(section.data["date"])
            except ValueError as exc:
                section.bad("date", str(exc))

        photo = Photo(
            pid, path, f"content/photos/{file}",
            photo_message(section, pid, "caption", f"Caption of photo {pid} ({file})."),
            photo_message(section, pid, "place", f"Where photo {pid} was taken."),
            photo_message(section, pid, "credit", f"Photographer or archive of photo {pid}."),
            date, cid, where,
        )
        book.photos.setdefault(pid, photo)
        photos.append(photo)
    pages = []
    for index, data in enumerate(top.get("pages", list, []) or []):
        section = Section(doc, ("pages", index), data, out, {"layout", "slots"})
        layout = section.get("layout", str, "", required=True)
        if layout and layout not in book.layouts:
            section.bad("layout", f"unknown layout '{layout}'{suggest(layout, book.layouts)}")
        slots = section.get("slots", dict, {}) or {}
        where = section.where("slots") if "slots" in section.data else section.where()
        pages.append(PageSpec(layout, {str(k): str(v) for k, v in slots.items()}, where))
    return Chapter(cid, doc.path, title, texts, photos, pages, where=top.where("id"))


def photo_message(section: Section, pid: str, field: str, comment: str) -> Message:
    text = section.get(field, str, "", required=field == "caption").strip()
    unknown = [name for name in placeholders(text) if field != "caption" or name not in PHOTO_PLACEHOLDERS]
    if unknown:
        known = ", ".join("{" + n + "}" for n in PHOTO_PLACEHOLDERS) if field == "caption" else "none"
        section.bad(field, f"unknown placeholder {{{unknown[0]}}}; placeholders allowed here: {known}")
    if field == "caption" and placeholders(text):
        comment += " Placeholders are filled per edition: " + ", ".join("{" + n + "}" for n in placeholders(text)) + "."
    return Message(f"photo:{pid}:{field}", text, section.where(field), comment)


def check_slots(book: Book, out: Collector) -> None:
    """Every page's slots must match its layout's frames and point at real things."""
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
                    out.error(page.where, f"{at}.slots: layout '{layout.name}' has no frame '{slot}'; its frames are {', '.join(layout.frames)}")
                    continue
                if frame.kind in ("photo", "caption"):
                    if value not in book.photos:
                        out.error(page.where, f"{at}.slots.{slot}: no photo with id '{value}'{suggest(value, book.photos)}")
                    elif frame.kind == "photo":
                        if value in placed:
                            out.warn(page.where, f"{at}.slots.{slot}: photo '{value}' is placed a second time (first at {placed[value]})")
                        placed.setdefault(value, page.where)
                elif frame.kind == "text":
                    known = set(chapter.texts) | {"title"} | set(BOOK_TEXTS)
                    if value not in known:
                        out.error(page.where, f"{at}.slots.{slot}: no text '{value}' in this chapter's texts{suggest(value, known)}")
                    elif value == "title" and chapter.title is None:
                        out.error(page.where, f"{at}.slots.{slot}: the chapter has no title; add 'title:'")
            for name, frame in layout.frames.items():
                if frame.kind not in SLOTLESS_KINDS and name not in page.slots:
                    out.error(page.where, f"{at}.slots: frame '{name}' of layout '{layout.name}' is not filled; add '{name}: …'")
    for pid, photo in book.photos.items():
        if pid not in placed:
            out.warn(photo.where, f"photo '{pid}' is not placed on any page")
