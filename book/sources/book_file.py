"""content/book.yaml, and the whole project read into one `Book`, collecting
every problem with its file, line and key path before anything is written."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from book.errors import ConfigError, Problem, Problems
from book.grid import Grid
from book.languages import TABLE, known, nfc
from book.model import Book, Message, Safety
from book.publication import Paper
from book.sources.artwork import load_artworks
from book.sources.chapters import ID_RE, SEPARATIONS, load_chapters
from book.sources.contacts import load_contacts
from book.sources.cover_design import design_cover
from book.sources.fonts_file import load_fonts
from book.sources.imprint import COVER_KEYS, IMPRINT_KEYS, load_cover, load_epub_isbns, load_imprint, load_isbns, matter_texts, placeholder_files
from book.sources.layouts import load_layouts
from book.sources.photo_paths import photo_roots
from book.sources.press_file import check_press_file
from book.sources.references import check_slots
from book.sources.samples import check_samples
from book.sources.schema import Key, Section, suggest
from book.sources.styles import load_styles
from book.sources.yamlsrc import read_yaml

BOOK_KEYS = {
    "title": Key(str, "", required=True), "subtitle": Key(str, "", required=True), "publisher": Key(str, "", required=True),
    "slug": Key(str, "book", required=True), "source_language": Key(str, "vi"), "editions": Key(list),
    "year": Key(int), "trim_mm": Key(list, [240, 300], required=True), "bleed_mm": Key(float, 3.0, low=0, high=10),
    "margins_mm": Key(dict), "grid": Key(dict), "binding": Key(dict), "paper": Key(dict), "colour": Key(dict), "labels": Key(dict),
    "publication_date": Key((datetime.date, str)), "profiles": Key(dict), "safety_mm": Key(dict),
    "photo_dirs": Key(list, []),
    "isbn": Key(dict), "cover": Key(dict), "imprint": Key(dict),
    "translation": Key(dict), "keep_together": Key(dict), "credits": Key(dict), "ignore": Key(list, []),
}
CREDITS_KEYS = {"by": Key(str, "page", choices=("page", "photographer"))}
# The page grid: the margins round the text block (the folios and running heads sit in the
# outer and bottom ones), the columns and the rows the layouts' frames are placed on.
MARGIN_KEYS = {k: Key(float, getattr(Grid, k), high=100) for k in ("inner", "outer", "top", "bottom")}
GRID_KEYS = {"columns": Key(int, Grid.columns, high=48), "gutter_mm": Key(float, Grid.gutter, high=50),
             "rows": Key(int, Grid.rows, high=48), "row_gutter_mm": Key(float, Grid.row_gutter, high=50)}
TRIM_RANGE = (150, 350)  # mm, either side: the sizes the layouts are made for
BINDING_KEYS = {"style": Key(str, "perfect", choices=("perfect", "case", "saddle")), "page_multiple": Key(int, 4),
                "signature": Key(int)}
SIGNATURES = (4, 8, 12, 16, 24, 32)  # pages per folded press sheet that offset printers fold
PAPER_KEYS = {"name": Key(str, ""), "caliper_mm": Key(float, 0.0, low=0.03, high=1.0)}  # 0: unknown (no cover can be built)
COLOUR_KEYS = {"press_profile": Key(str, "FOGRA39"), "ink_limit": Key(float, 300, low=200, high=400),
               "min_ppi": Key(float, 300, low=72, high=1200),
               "greyscale": Key(str, "four-colour", choices=SEPARATIONS,
                                doc="How greyscale photos print: four-colour (a neutral of all four inks through the press profile, "
                                    "within the ink limit) or k-only (the black plate alone); a photo's `separation` overrides it.")}
SAFETY_KEYS = {"trim": Key(float, 5.0, low=0, high=50), "gutter": Key(float, 5.0, low=0, high=50)}
LABELS = {"chapter": ("number",), "credit": ("credit",), "page": ("page",), "pages": ("pages",), "cover": (),
          "legend": ("page", "legend"), "page_head": (), "dateline": ("place", "date")}
# 'pages' (a spread's range in the credits) falls back to 'page'; without 'cover' the cover photo is not credited;
# without 'legend' an uncaptioned photo's legend starts with the 'page' label
# without 'page_head' the credits' figures column is headed by the 'page' label without its {page} (when it has words on one side only)
# without 'dateline' a text's place (a chapter text "<key>_place") is not set under its signature
OPTIONAL_LABELS = {"pages", "cover", "legend", "page_head", "dateline"}
# Where a photo sits on a page of several, said in the photo credits (labels.positions).
POSITIONS = ("top", "bottom", "left", "right", "top_left", "top_right", "bottom_left", "bottom_right", "centre")
LABEL_COMMENTS = {
    "pages": "Page range in the photo-credits list, for a photo across a spread; {pages} is e.g. 12–13.",
    "cover": "The cover photo's entry in the photo-credits list, in place of a page number (a short word).",
    "legend": "After the photo credits, the one-line legend of a photo shown without a caption (the frontispiece): "
              "{legend} is its place and date.",
    "dateline": "The closing line under a signed text (the foreword): {place} is where it was written (the chapter "
                "text '<key>_place'), {date} the month of publication in CLDR form ('tháng 5 năm 2025', 'May 2025').",
    "page_head": "The head of the photo credits' column of page numbers, said once above the figures "
                 "(a word, not a pattern: 'Page', '页码').",
    "position": "Where a photo sits on its page, said in the photo-credits list when a page holds several photos "
                "(a short word or two, as in 'top left').",
}
BOOK_MESSAGES = (("title", "The book's title: cover, half-title and title page."), ("subtitle", "Subtitle on the title page."),
                 ("publisher", "The publisher's name on the title page."))


def load_book(root: Path, check_files: bool = True, problems: Problems | None = None,
              profile: str | None = None) -> tuple[Book, list[Problem]]:
    """Read the whole project. Raises ConfigError listing every error found;
    returns the book and its warnings otherwise (all are in ``problems`` too).
    ``profile``: the output being built, whose printer preset's figures
    (bleed, ink limit, press profile, caliper) replace book.yaml's."""
    from book.presets.profiles import apply_printer, load_profiles  # book.presets reads its files with book.sources

    out = problems if problems is not None else Problems()
    doc = read_yaml(root / "content" / "book.yaml", "content/book.yaml")
    top = Section(doc, (), doc.data, out, BOOK_KEYS)
    slug = top.read("slug")
    if not ID_RE.match(slug):
        top.bad("slug", f"'{slug}' must be lowercase letters, digits and hyphens")
    source = top.read("source_language")
    editions = top.read("editions") or list(known())
    for index, lang in enumerate(editions):
        if lang not in TABLE:
            out.error("unknown-language", top.where("editions", index), f"editions[{index}]: unknown language '{lang}'; use {', '.join(known())}")
    if source not in editions:
        top.bad("source_language", f"'{source}' must be one of the editions")
    trim = top.read("trim_mm")
    if len(trim) != 2 or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in trim):
        top.bad("trim_mm", "give [width, height] in mm, e.g. [240, 300]")
        trim = [240, 300]
    elif not all(TRIM_RANGE[0] <= v <= TRIM_RANGE[1] for v in trim):
        top.bad("trim_mm", f"{trim[0]:g} × {trim[1]:g} mm is outside the {TRIM_RANGE[0]}–{TRIM_RANGE[1]} mm the layouts are made for; "
                           f"choose each side within {TRIM_RANGE[0]}–{TRIM_RANGE[1]} mm", code="trim-range")
        trim = [240, 300]
    trim = (float(trim[0]), float(trim[1]))
    grid = read_grid(top, trim)
    binding = top.sub("binding", BINDING_KEYS)
    paper, colour = top.sub("paper", PAPER_KEYS), top.sub("colour", COLOUR_KEYS)
    multiple = read_multiple(binding)
    photo_dirs = top.read("photo_dirs") or []
    for index, folder in enumerate(photo_dirs):
        if not isinstance(folder, str) or not folder.strip():
            out.error("schema", top.where("photo_dirs", index), f"photo_dirs[{index}]: give a folder path as text, e.g. ../archive/photos")
        elif not photo_roots(root, [folder])[1].is_dir():
            out.error("missing-file", top.where("photo_dirs", index), f"photo_dirs[{index}]: folder {folder} not found; create it or correct the path")
    given = top.data.get("profiles")
    profiles = load_profiles(root, top.sub("profiles", set(given) if isinstance(given, dict) else set()), out)
    printer = profiles[profile].printer if profile in profiles else None
    bleed = printer.bleed.widest if printer is not None else top.read("bleed_mm")
    layouts = load_layouts(root, out, grid, trim, bleed)
    styles = load_styles(root, out)
    for layout in layouts.values():
        for frame in layout.frames.values():
            if frame.style and frame.style not in styles:
                out.error("unknown-style", layout.where, f"{layout.name}.frames.{frame.name}: unknown style '{frame.style}'{suggest(frame.style, styles)}")
    check_press_file(root, colour, out)
    published = read_date(top, "publication_date")
    safety = top.sub("safety_mm", SAFETY_KEYS)
    check_frames_on_page(layouts, trim, bleed, out)
    messages = {key: Message(f"book:{key}", top.read(key), top.where(key), comment) for key, comment in BOOK_MESSAGES}
    book = Book(
        root=root,
        slug=slug,
        source_language=source,
        editions=editions,
        title=messages["title"],
        subtitle=messages["subtitle"],
        publisher=messages["publisher"],
        year=top.read("year") or (published.year if published else datetime.date.today().year),
        trim=trim,
        bleed=bleed,
        margins={key: getattr(grid, key) for key in MARGIN_KEYS},
        binding_multiple=multiple,
        binding_style=binding.read("style"),
        paper=Paper(paper.read("name"), paper.read("caliper_mm")),
        press_profile=colour.read("press_profile"),
        ink_limit=int(colour.read("ink_limit")),
        min_ppi=int(colour.read("min_ppi")),
        greyscale=colour.read("greyscale"),
        labels=load_labels(top.sub("labels", set(LABELS) | {"positions"})),
        chapters=[],
        layouts=layouts,
        styles=styles,
        fonts=load_fonts(root, out, editions, styles),
        publication_date=published,
        profiles=profiles,
        safety=Safety(safety.read("trim"), safety.read("gutter")),
        photo_roots=photo_roots(root, [f for f in photo_dirs if isinstance(f, str) and f.strip()]),
        contacts=load_contacts(top.sub("translation", {"report_to"} | set(TABLE) - {source}), source),
        grid=grid,
        ignore=read_ignore(top, out),
    )
    apply_printer(book, profile, out, top.where("trim_mm"))
    book.keep_together = load_keep_together(top.sub("keep_together", set(editions)))
    book.credits_by = top.sub("credits", CREDITS_KEYS).read("by")
    book.matter = matter_texts(source, top.where(), book.paper.name, top.where("paper"))
    unread = load_chapters(book, out, check_files)
    isbns = top.sub("isbn", set(editions) | {"epub"})
    book.isbn = load_isbns(isbns, editions, out)
    book.isbn_epub = load_epub_isbns(isbns.sub("epub", set(editions)), editions, book.isbn, out)
    cover = top.sub("cover", COVER_KEYS)
    book.cover = load_cover(cover, book.photos, unread)
    design_cover(book, cover, check_files)
    book.imprint = load_imprint(top.sub("imprint", IMPRINT_KEYS), out, source) if top.data.get("imprint") is not None else None
    book.placeholder_files = placeholder_files(root) if check_files else frozenset()
    check_slots(book, out, unread)
    check_samples(book, out)
    if check_files:
        load_artworks(book, out)
    out.stop_if_errors("in the book's sources; nothing was written", ConfigError)
    return book, out.warnings


def load_keep_together(section: Section) -> dict[str, tuple[str, ...]]:
    """``keep_together``: per edition, the words and names a title's line never
    splits ("xây dựng", "Night Market"): Vietnamese writes each syllable apart,
    so a space alone does not say where a word ends."""
    found = {}
    for lang in [key for key in section.data if key in section.schema]:
        words = section.get(lang, list, [])
        if not all(isinstance(w, str) and w.strip() for w in words):
            section.bad(lang, "give a list of words as text, e.g. [\"chiến đấu\", \"xây dựng\"]")
            continue
        found[lang] = tuple(nfc(w.strip()) for w in words)
    return found


def read_grid(top: Section, trim: tuple[float, float]) -> Grid:
    """book.yaml's ``margins_mm`` and ``grid``: every margin, gutter and count
    more than 0, and room left for the columns and rows at this trim."""
    margins, spec = top.sub("margins_mm", MARGIN_KEYS), top.sub("grid", GRID_KEYS)
    values = {}
    for section, key, field in [(margins, k, k) for k in MARGIN_KEYS] + [(spec, "columns", "columns"), (spec, "gutter_mm", "gutter"),
                                                                         (spec, "rows", "rows"), (spec, "row_gutter_mm", "row_gutter")]:
        spec = section.schema[key]
        value = section.get(key, spec.kind, spec.default)
        if not 0 < value <= spec.high:
            section.bad(key, f"{value:g} must be more than 0 and at most {spec.high:g}; write e.g. {key}: {spec.default:g}", code="grid")
            value = spec.default
        values[field] = value
    grid = Grid(**values)
    if grid.column(trim[0]) < 1:
        margins.bad("inner", f"inner {grid.inner:g} + outer {grid.outer:g} mm and {grid.columns - 1} gutters of {grid.gutter:g} mm "
                             f"leave no room for {grid.columns} columns on a {trim[0]:g} mm page; make them smaller", code="grid")
    elif grid.row(trim[1]) < 1:
        margins.bad("top", f"top {grid.top:g} + bottom {grid.bottom:g} mm and {grid.rows - 1} row gutters of {grid.row_gutter:g} mm "
                           f"leave no room for {grid.rows} rows on a {trim[1]:g} mm page; make them smaller", code="grid")
    else:
        return grid
    return Grid()


def check_frames_on_page(layouts, trim: tuple[float, float], bleed: float, out: Problems) -> None:
    """Every frame lies on its page (two pages for a spread), bleed included, at this trim."""
    for layout in layouts.values():
        width = trim[0] * (2 if layout.spread else 1)
        for frame in layout.frames.values():
            if frame.x < -bleed - 0.01 or frame.y < -bleed - 0.01 or frame.x + frame.w > width + bleed + 0.01 \
                    or frame.y + frame.h > trim[1] + bleed + 0.01:
                out.error("frame-outside", frame.where or layout.where,
                          f"{layout.name}.frames.{frame.name}: the frame ({frame.x:g}, {frame.y:g}, {frame.w:g} × {frame.h:g} mm) ends "
                          f"outside the {width:g} × {trim[1]:g} mm page and its {bleed:g} mm bleed at this book's trim; "
                          "place it on the grid (col, cols, row, rows) or move or shrink it")


def read_multiple(binding: Section) -> int:
    """The page count's multiple: ``signature`` (pages per folded sheet, for
    offset binding) when given, else ``page_multiple``."""
    multiple = binding.read("page_multiple")
    if multiple not in (1, 2, 4, 8, 16, 32):
        binding.bad("page_multiple", f"{multiple} is not a binding multiple; use 2, 4, 8, 16 or 32")
    signature = binding.read("signature")
    if signature is None:
        return multiple
    if signature not in SIGNATURES:
        binding.bad("signature", f"{signature} is not a signature size; use {', '.join(map(str, SIGNATURES))} pages")
        return multiple
    if "page_multiple" in binding.data and signature % multiple:
        binding.bad("signature", f"a signature of {signature} pages is not a multiple of page_multiple {multiple}; drop page_multiple")
    return signature


def load_labels(section: Section) -> dict[str, Message]:
    labels = {}
    for key, names in LABELS.items():
        text = section.get(key, str, "", required=key not in OPTIONAL_LABELS)
        if key in OPTIONAL_LABELS and not text:
            continue
        for name in names:
            if text and "{" + name + "}" not in text:
                section.bad(key, f"must contain the placeholder {{{name}}}", code="placeholder")
        listed = f" Placeholders: {', '.join('{' + f + '}' for f in names)}" if names else ""
        comment = f"{LABEL_COMMENTS.get(key, '')}{listed}".strip()
        labels[key] = Message(f"label:{key}", text, section.where(key), comment)
    positions = section.sub("positions", set(POSITIONS))
    for key in POSITIONS:
        text = positions.get(key, str, "")
        if text:
            labels[f"position:{key}"] = Message(f"label:position:{key}", text, positions.where(key), LABEL_COMMENTS["position"])
    return labels


def read_date(section: Section, key: str) -> datetime.date | None:
    value = section.read(key)
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            section.bad(key, f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2025-05-13")
            return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value


CODE_RE = r"[a-z][a-z0-9-]*"


def read_ignore(top: Section, out: Problems) -> frozenset[str]:
    """ignore: the warning codes this book has acknowledged (isbn-missing, no-cover…): not printed, not failing --strict."""
    codes = set()
    for index, code in enumerate(top.read("ignore") or []):
        if not isinstance(code, str) or not re.fullmatch(CODE_RE, code):
            out.error("schema", top.where("ignore", index), f"ignore[{index}]: {code!r} is not a problem code; give codes as "
                      "printed in --json, e.g. isbn-missing")
            continue
        codes.add(code)
    return frozenset(codes)
