"""Write docs/config.md, the reference of a project's configuration files
(content/book.yaml, content/chapters/*.yaml, layouts/layouts.yaml,
layouts/styles.yaml, fonts/fonts.yaml), from the schema the code declares:
the `Key` tables of book/sources/ (type, default, range, allowed values)
and the fields of `book.model.Style`. Each key's one-line description is
its Key's ``doc``, or else the line in DOCS below.

    .venv/bin/python tools/config_reference.py            # write docs/config.md
    .venv/bin/python tools/config_reference.py --check    # exit 1 when it is out of date

The check also fails when a key table in book/sources/ is not in SECTIONS
or a key has no description, so a new key cannot go unexplained.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import importlib
import pkgutil
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from book.sources.schema import Key  # noqa: E402

OUT = REPO / "docs" / "config.md"


@dataclass(frozen=True)
class Table:
    """One mapping of a file, read through a `Key` table."""

    file: str
    path: str  # where the mapping is, as a key path ("" for the file's top)
    module: str
    name: str  # the table's name in its module
    intro: str


SECTIONS = (
    Table("content/book.yaml", "", "book.sources.book_file", "BOOK_KEYS",
          "The book: what is the same in every edition."),
    Table("content/book.yaml", "margins_mm", "book.sources.book_file", "MARGIN_KEYS",
          "The page grid's margins round the text block, in mm, for a right-hand page; the folios sit in the outer and bottom ones."),
    Table("content/book.yaml", "grid", "book.sources.book_file", "GRID_KEYS",
          "The page grid the layouts' frames are placed on: columns across the text block, rows down it."),
    Table("content/book.yaml", "binding", "book.sources.book_file", "BINDING_KEYS",
          "How the book is bound, and the multiple its page count is padded to."),
    Table("content/book.yaml", "paper", "book.sources.book_file", "PAPER_KEYS",
          "The interior paper; its caliper gives the spine width."),
    Table("content/book.yaml", "colour", "book.sources.book_file", "COLOUR_KEYS",
          "The press the print edition is made for."),
    Table("content/book.yaml", "safety_mm", "book.sources.book_file", "SAFETY_KEYS",
          "The text safety zone `book preflight` checks."),
    Table("content/book.yaml", "profiles.<output>", "book.presets.profiles", "PROFILE_KEYS",
          "Options of one output (`print`, `screen`, `proof`, or a name of your own with a `printer`), used when the command "
          "line does not give them. Any key of a printer preset (below) given here replaces the preset's value."),
    Table("content/book.yaml", "credits", "book.sources.book_file", "CREDITS_KEYS",
          "The photo-credits list at the back of the book."),
    Table("content/book.yaml", "cover", "book.sources.imprint", "COVER_KEYS",
          "The cover a print build writes beside each interior (front, spine, back, with the ISBN's barcode)."),
    Table("content/book.yaml", "imprint", "book.sources.imprint", "IMPRINT_KEYS",
          "The publishing data printed in the colophon. An empty field is a warning; `final: true` makes it an error."),
    Table("content/book.yaml", "translation.<lang>", "book.sources.contacts", "CONTACT_KEYS",
          "Who answers for one target language's catalog, written into its header by `book i18n update`."),
    Table("content/chapters/*.yaml", "", "book.sources.chapters", "CHAPTER_KEYS",
          "One chapter; the files are read in the order of their names."),
    Table("content/chapters/*.yaml", "photos[]", "book.sources.chapters", "PHOTO_KEYS",
          "One photo of the chapter."),
    Table("content/chapters/*.yaml", "pages[]", "book.sources.chapters", "PAGE_KEYS",
          "One page (or spread): a layout and what fills its frames."),
    Table("layouts/layouts.yaml", "<layout>", "book.sources.layouts", "LAYOUT_KEYS",
          "A page template, under its name."),
    Table("layouts/layouts.yaml", "<layout>.frames.<frame>", "book.sources.layouts", "FRAME_KEYS",
          "A frame of the template, under its name (the name a page's `slots` fill), placed on the page grid."),
    Table("layouts/layouts.yaml", "<layout>.frames.<frame>.mm", "book.sources.layouts", "MM_KEYS",
          "The escape hatch: one frame in millimetres from the trimmed page's top-left corner; it does not follow the trim."),
    Table("fonts/fonts.yaml", "faces.<face>", "book.sources.fonts_file", "FACE_KEYS",
          "A font face, under the name the `languages` chains use."),
    Table("presets/<name>.yaml", "", "book.presets", "PRESET_KEYS",
          "A printer preset: the project's own in presets/, or one of those in book/presets/ (see the README's Printers)."),
    Table("presets/<name>.yaml", "bleed_mm", "book.presets", "BLEED_KEYS", "The bleed on each side of an interior page."),
    Table("presets/<name>.yaml", "spine", "book.presets", "SPINE_KEYS", "The spine's width and its rule for text."),
    Table("presets/<name>.yaml", "cover", "book.presets", "COVER_KEYS", "The cover's wrap, squares, joint (hinge) and barcode area."),
)

# Descriptions of the keys whose Key has no ``doc``: "TABLE.key".
DOCS = {
    "BOOK_KEYS.title": "The book's title (source language): cover, half-title and title page; translated in the catalogs.",
    "BOOK_KEYS.subtitle": "The subtitle on the title page; translated in the catalogs.",
    "BOOK_KEYS.publisher": "The publisher's name on the title page and cover; translated in the catalogs.",
    "BOOK_KEYS.slug": "The book's short name in file names (`<slug>-<lang>-interior.pdf`): lowercase letters, digits, hyphens.",
    "BOOK_KEYS.source_language": "The language the sources are written in; one of `editions`.",
    "BOOK_KEYS.editions": "The languages built, as codes (vi, en, zh, ko, ja); all five when left out.",
    "BOOK_KEYS.year": "The year printed in the book; the publication date's year when left out.",
    "BOOK_KEYS.keep_together": "Per language, words and names a title's line never splits (zh, ja, ko: running text too, ja, ko at a price): the book's own.",
    "BOOK_KEYS.ignore": "Warning codes this book has acknowledged (e.g. `isbn-missing`, `no-cover`): not printed, and not "
                        "failing `--strict`; errors are never silenced. `--ignore CODE` does the same for one run.",
    "BOOK_KEYS.trim_mm": "The trimmed page size, `[width, height]` in mm.",
    "BOOK_KEYS.bleed_mm": "How far pictures run past the trim on every side, in mm.",
    "BOOK_KEYS.margins_mm": "The page grid's margins (see `margins_mm` below).",
    "BOOK_KEYS.grid": "The page grid: columns and rows (see `grid` below).",
    "BOOK_KEYS.binding": "The binding (see `binding` below).",
    "BOOK_KEYS.paper": "The interior paper (see `paper` below).",
    "BOOK_KEYS.colour": "The press's colour settings (see `colour` below).",
    "BOOK_KEYS.labels": "Short texts the book generates, with placeholders (see `labels` below); translated in the catalogs.",
    "BOOK_KEYS.publication_date": "The date the PDFs carry, YYYY-MM-DD (`SOURCE_DATE_EPOCH` overrides it).",
    "BOOK_KEYS.profiles": "Per-output options (see `profiles.<output>` below).",
    "BOOK_KEYS.safety_mm": "The text safety zone (see `safety_mm` below).",
    "BOOK_KEYS.photo_dirs": "Folders outside `content/photos/` that photos may come from (relative to the project); any other path is refused.",
    "BOOK_KEYS.isbn": "The ISBN-13 of each edition, by language code, and `epub`: its e-book's (see `isbn` below).",
    "BOOK_KEYS.cover": "The cover (see `cover` below); without it no cover is built.",
    "BOOK_KEYS.credits": "The photo-credits list (see `credits` below).",
    "CREDITS_KEYS.by": "`page`: one line per photo in page order (page, position, credit); `photographer`: one line per "
                       "credit in alphabetical order with all its pages. Both list the cover photo first (`labels.cover`).",
    "BOOK_KEYS.imprint": "The publishing data for the colophon (see `imprint` below).",
    "BOOK_KEYS.translation": "Who answers for each catalog, written into the `.po` headers (see `translation` below).",
    "MARGIN_KEYS.inner": "The margin on the spine side.",
    "MARGIN_KEYS.outer": "The margin on the fore-edge side; the folio sits in it.",
    "MARGIN_KEYS.top": "The margin at the head.",
    "MARGIN_KEYS.bottom": "The margin at the foot; the folio sits in it.",
    "GRID_KEYS.columns": "How many columns across the text block.",
    "GRID_KEYS.gutter_mm": "The space between two columns, in mm.",
    "GRID_KEYS.rows": "How many rows down the text block.",
    "GRID_KEYS.row_gutter_mm": "The space between two rows, in mm.",
    "BINDING_KEYS.style": "The binding: perfect (glued), case (hardcover) or saddle (stapled).",
    "BINDING_KEYS.page_multiple": "The page count is padded with blank pages to a multiple of this (4 for print on demand).",
    "BINDING_KEYS.signature": "Pages per folded press sheet for offset printing; pads to whole signatures, before the back matter.",
    "PAPER_KEYS.name": "The paper's name, printed in the colophon.",
    "PAPER_KEYS.caliper_mm": "The thickness of one leaf in mm; needed for the spine width (no cover without it).",
    "COLOUR_KEYS.press_profile": "FOGRA39, FOGRA40 or FOGRA29 (made once per machine from the free data), or the path of a printer's .icc file.",
    "COLOUR_KEYS.ink_limit": "The highest total ink (C+M+Y+K, in %) the photos may carry.",
    "COLOUR_KEYS.min_ppi": "The resolution a photo must have in its frame; below it a print build refuses the photo (a proof marks it on the page).",
    "SAFETY_KEYS.trim": "Text keeps this far (mm) from the trim edges.",
    "SAFETY_KEYS.gutter": "Text keeps this far (mm) from the gutter (the fold).",
    "PROFILE_KEYS.pdfx": "The PDF/X flavour of the print output: x1a (PDF/X-1a:2001) or x4 (PDF/X-4).",
    "PROFILE_KEYS.marks": "Crop marks outside the bleed.",
    "COVER_KEYS.photo": "The id of a chapter photo (best one placed on no page): a band across back, spine and front, listed in the credits.",
    "COVER_KEYS.back_text": "The back-cover text, above the barcode; translated in the catalogs.",
    "COVER_KEYS.spine_direction": "Which way the spine title reads (Chinese and Japanese are set vertically).",
    "COVER_KEYS.board_mm": "For a case binding: each board's thickness, in mm; the spine is the pages' block plus two boards.",
    "COVER_KEYS.wrap_mm": "For a case binding: the cover material wrapped around the boards, in mm (the PDF's margin beyond the trim).",
    "COVER_KEYS.square_mm": "For a case binding: the squares, how far the boards stand beyond the pages at head, tail and fore-edge, in mm; "
                            "each board is the trim plus two squares high (300 mm pages: 306 mm boards); its width is board_width_mm's.",
    "COVER_KEYS.hinge_mm": "For a case binding: the joint, the gap between each board and the spine board where the cover bends, in mm "
                           "(7–10 mm for 2–3 mm boards); the case is board + joint + spine + joint + board wide. A printer's preset may set its own.",
    "COVER_KEYS.board_width_mm": "For a case binding: each board's width, in mm, as the bindery gives it (a printer's preset may set its own). "
                                 "0, the default, follows the binderies' rule: the board hangs from the joint, not from the spine, so it is the "
                                 "pages' width plus the fore-edge square less the joint that the spine board's thickness does not take up: "
                                 "trim + square − (hinge − board); 240 mm pages, 3 mm square, 8 mm joint, 2.5 mm boards: 237.5 mm. "
                                 "The manifest gives the figure (board_width_mm) and how it was found.",
    "IMPRINT_KEYS.publisher": "The publishing house (Nhà xuất bản).",
    "IMPRINT_KEYS.country": "Where the book is printed, as an ISO 3166 code (`VN`): the copyright page names the country "
                            "in each edition's language.",
    "IMPRINT_KEYS.publisher_address": "The publishing house's postal address, printed under its name in the record.",
    "IMPRINT_KEYS.publisher_phone": "The publishing house's telephone number.",
    "IMPRINT_KEYS.publisher_website": "The publishing house's website.",
    "IMPRINT_KEYS.partner_address": "The co-publishing partner's postal address.",
    "IMPRINT_KEYS.translator": "Who translated the edition: printed in the translated editions only (ja 翻訳, ko 옮긴이). "
                                "One name for all, or one per language: `translator: {en: …, ja: …}`.",
    "IMPRINT_KEYS.bindery": "The bindery, beside the printing house (ja 製本所).",
    "IMPRINT_KEYS.cip": "The National Library of Vietnam's cataloguing-in-publication (CIP) data: printed in the "
                        "Vietnamese edition's record.",
    "IMPRINT_KEYS.director": "Responsible for publication: director and editor-in-chief.",
    "IMPRINT_KEYS.content": "Responsible for the content: a person's name.",
    "IMPRINT_KEYS.partner": "The co-publishing partner (Đơn vị liên kết xuất bản, \"Publishing partner\"): a body's name, "
                            "translated in the catalogs.",
    "IMPRINT_KEYS.editors": "The editors.",
    "IMPRINT_KEYS.designer": "The designer.",
    "IMPRINT_KEYS.proofreader": "The proofreader.",
    "IMPRINT_KEYS.print_run": "The number of copies printed.",
    "IMPRINT_KEYS.printer": "The printing house.",
    "IMPRINT_KEYS.registration": "The publication registration number.",
    "IMPRINT_KEYS.decision": "The publishing decision number.",
    "IMPRINT_KEYS.legal_deposit": "The month the copies are printed and deposited, YYYY-MM: the record's legal deposit line "
                                  "names it in each edition's CLDR form.",
    "IMPRINT_KEYS.final": "The data is final: an empty field stops a print build instead of warning.",
    "CONTACT_KEYS.translator": "The catalog's `Last-Translator`, one line, e.g. `Name <name@example.org>`.",
    "CONTACT_KEYS.team": "The catalog's `Language-Team`, one line.",
    "CHAPTER_KEYS.id": "The chapter's id: lowercase letters, digits, hyphens; used in the catalogs' entry ids.",
    "CHAPTER_KEYS.title": "The chapter's title (none for front or back matter).",
    "CHAPTER_KEYS.texts": "The chapter's texts by id (`intro: \"...\"`); a page's slot names one.",
    "CHAPTER_KEYS.photos": "The chapter's photos (see `photos[]` below).",
    "CHAPTER_KEYS.pages": "The chapter's pages in order (see `pages[]` below).",
    "PHOTO_KEYS.id": "The photo's id, unique in the book; a page's slot names it.",
    "PHOTO_KEYS.file": "The photo file, in `content/photos/` or a folder of `photo_dirs`.",
    "PHOTO_KEYS.caption": "The caption (source language); translated in the catalogs.",
    "PHOTO_KEYS.date": "When it was taken: YYYY-MM-DD, YYYY-MM or YYYY; printed in each language's form.",
    "PHOTO_KEYS.place": "Where it was taken; translated in the catalogs.",
    "PHOTO_KEYS.credit": "The photographer or archive, printed with the caption and in the photo credits.",
    "PHOTO_KEYS.card": "Where the caption card goes on this photo (one of its frame's `card_places`), instead of the quietest place the build finds.",
    "PHOTO_KEYS.focus": "`[x, y]`, each 0–1 from the top left: the point a cropping frame keeps in view (default the centre).",
    "PHOTO_KEYS.crop": "The share of the photo's area its frame may cut off, 0–0.9 (default 0.15); a heavier crop is a warning naming the photo and page.",
    "PAGE_KEYS.layout": "The name of a layout in layouts/layouts.yaml.",
    "PAGE_KEYS.slots": "What fills each frame: frame name → photo id (photo and caption frames) or text id (text frames).",
    "LAYOUT_KEYS.frames": "The template's frames, by name.",
    "LAYOUT_KEYS.side": "The page the layout must fall on: recto (right-hand) or verso (left-hand); a blank page is added when needed.",
    "LAYOUT_KEYS.folio": "Whether the page shows its page number.",
    "LAYOUT_KEYS.spread": "The layout spans two facing pages (and starts on a verso).",
    "LAYOUT_KEYS.continued": "The layout a list that does not fit continues on (contents, credits).",
    "LAYOUT_KEYS.variants": "Layouts with the same slots for photos of other shapes; each page takes the one that crops its photos least.",
    "FRAME_KEYS.kind": "What the frame holds: one of the frame kinds above.",
    "FRAME_KEYS.col": "The frame's first column, 1 being next to the spine (the inner margin).",
    "FRAME_KEYS.cols": "How many columns the frame spans; to the last column when left out.",
    "FRAME_KEYS.row": "The frame's first row, 1 being at the top margin.",
    "FRAME_KEYS.rows": "How many rows the frame spans; to the last row when left out.",
    "FRAME_KEYS.bleed": "The edges the frame runs past the trim to the bleed edge: a list of top, bottom, inner, outer, or `all`.",
    "FRAME_KEYS.mm": "The frame in millimetres instead of on the grid (see the next table); no default layout uses it.",
    "FRAME_KEYS.x": "Refused: frames are placed on the grid (`col`, `row`); `mm: {x, y, w, h}` is the escape hatch.",
    "FRAME_KEYS.y": "Refused, as `x`.",
    "FRAME_KEYS.w": "Refused, as `x`.",
    "FRAME_KEYS.h": "Refused, as `x`.",
    "MM_KEYS.x": "The frame's left edge, from the page's left trim edge.",
    "MM_KEYS.y": "The frame's top edge, from the page's top trim edge.",
    "MM_KEYS.w": "The frame's width.",
    "MM_KEYS.h": "The frame's height.",
    "FRAME_KEYS.style": "The text style (layouts/styles.yaml) of a text frame.",
    "FRAME_KEYS.fit": "How a photo fills the frame: cover (cropped to fill it, about its `focus`) or contain (whole, inside it).",
    "FRAME_KEYS.panel": "`white`: the caption sits on a white card over the photo, sized to its longest edition.",
    "FRAME_KEYS.card_places": ("With `panel: white`: the places the card may take on the photo (`bottom-outer`, `bottom-inner`, `top-outer`, "
                               "`top-inner`, `middle-outer`, `middle-inner`); the build takes the one over the least detail, never over "
                               "the photo's `focus`, unless the photo's `card:` names one."),
    "FRAME_KEYS.listed": "The frame's text is listed in the table of contents.",
    "FACE_KEYS.file": "The font file's name, looked for in `paths`.",
    "FACE_KEYS.index": "The face's index in a font collection (.ttc).",
    "FACE_KEYS.package": "The Debian package that installs the file, named when it is missing.",
    "Style.font": "The font role (`sans`, `serif`, ...) whose faces `fonts/fonts.yaml` lists per language.",
    "Style.size": "The font size in points.",
    "Style.leading": "The distance between baselines in points.",
    "Style.align": "left, center, right or justify.",
    "Style.min_size": "The smallest size a text too long for its frame may shrink to (default: `size`, no shrinking).",
    "Style.tracking": "Extra space after each character, in points.",
    "Style.space_before": "Space above the text, in points.",
    "Style.paragraph_space": "Space between paragraphs, in points.",
    "Style.first_indent": "First-line indent of each paragraph after the first, in em.",
    "Style.columns": "The number of columns the frame's text is set in.",
    "Style.measure_chars": ("The longest a line may be, in characters (Chinese and Japanese: ems; Korean: syllables); "
                            "the text block is the narrower of this and the frame (0: the frame's width). A caption counts "
                            "its own text's characters; a title (display) counts ems of its size, which keeps it inside its column."),
    "Style.hyphenate": "Break long words at hyphenation points (languages with a dictionary).",
    "Style.line_end": ("Chinese and Japanese: `keep` (the only value): a line-end 、，。．）」』 is set half-width "
                       "(JIS X 4051 行末二分), its box and ink ending on the measure; no mark hangs (ぶら下げ)."),
    "Style.punctuation": ("Chinese and Japanese: `full` sets every mark inside a line full-width (全角式), so a page shows "
                          "one punctuation texture; only two marks in a row (，《 。” ）、) and the line-end mark (`line_end`) "
                          "close up. `squeeze` lets a tight line close its marks by their empty half at no base cost (brackets "
                          "first, then every comma of the line alike); a mid-line 。 keeps its em "
                          "unless the paragraph has no other setting than a line spread past 0.1 em."),
    "Style.display": "A title: balanced lines, and breaks between phrases in Chinese and Japanese.",
    "Style.anchor": "Where the text sits in its frame: `top`, or `bottom` (its last baseline on the frame's foot, as a "
                    "colophon or a copyright page sits on the foot margin).",
}

KIND_NAMES = {str: "text", int: "integer", float: "number", bool: "true/false", list: "list", dict: "mapping",
              datetime.date: "date"}


def kind_name(kind) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(KIND_NAMES.get(k, k.__name__) for k in kinds)


def shown(value) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"`{value}`"


def allowed(key: Key) -> str:
    parts = []
    if key.choices:
        parts.append(", ".join(f"`{c}`" for c in key.choices))
    if key.low is not None and key.high is not None:
        parts.append(f"{key.low:g} – {key.high:g}")
    elif key.high is not None:
        parts.append(f"more than 0, at most {key.high:g}")
    elif key.low is not None:
        parts.append(f"at least {key.low:g}")
    return "; ".join(parts)


def description(table: str, name: str, key_doc: str, problems: list[str], where: str) -> str:
    text = key_doc or DOCS.get(f"{table}.{name}", "")
    if not text:
        problems.append(f"{where}: {table}.{name} has no description; add doc= to its Key or a line to DOCS in tools/config_reference.py")
    return text.replace("|", "\\|")


def row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def key_table(table: Table, problems: list[str]) -> list[str]:
    keys: dict[str, Key] = getattr(importlib.import_module(table.module), table.name)
    lines = [row(["key", "type", "default", "allowed", "what it does"]), row(["---"] * 5)]
    for name, key in keys.items():
        default = "required" if key.required else shown(key.default)
        text = description(table.name, name, key.doc, problems, f"{table.module}.{table.name}")
        lines.append(row([f"`{name}`", kind_name(key.kind), default, allowed(key), text]))
    return lines


def style_table(problems: list[str]) -> list[str]:
    from book.model import Style
    from book.sources.styles import ALIGNS

    lines = [row(["key", "type", "default", "allowed", "what it does"]), row(["---"] * 5)]
    for field in dataclasses.fields(Style):
        if field.name == "name":
            continue
        default = "required" if field.default is dataclasses.MISSING else shown(field.default)
        kind = {"str": "text", "float": "number", "int": "integer", "bool": "true/false"}.get(str(field.type), str(field.type))
        choices = ", ".join(f"`{a}`" for a in ALIGNS) if field.name == "align" else ""
        lines.append(row([f"`{field.name}`", kind, default, choices, description("Style", field.name, "", problems, "book.model.Style")]))
    return lines


def heading(table: Table) -> str:
    return f"### `{table.path}`" if table.path else "### top level"


def open_sections(file: str) -> list[str]:
    """The mappings whose keys are open (languages, outputs, roles): said in words, from the code's own lists."""
    from book.languages import known
    from book.model import FRAME_KINDS
    from book.outputs import OUTPUTS
    from book.sources.book_file import LABELS, POSITIONS

    langs = ", ".join(f"`{lang}`" for lang in known())
    if file == "content/book.yaml":
        labels = ", ".join(f"`{k}`" + (f" ({', '.join('{' + p + '}' for p in v)})" if v else "") for k, v in LABELS.items())
        return [
            "### `labels`", "",
            f"Texts the book generates, each with its placeholder: {labels}; `pages` may be left out (it falls back to "
            f"`page`), and so may `cover` (the cover photo's entry in the photo credits; without it the cover is not "
            f"credited), and so may `page_head` (the head of the photo credits' column of page numbers, a word: "
            f"\"Trang\", \"页码\"; without it the head is `page` without its {{page}}, or none when `page` has words "
            f"on both sides of it, as \"第{{page}}页\" has). `positions` names where a photo sits on a page of several, for the photo credits: "
            f"{', '.join(f'`{p}`' for p in POSITIONS)}.", "",
            "### `isbn`", "",
            f"One ISBN-13 per edition, by language code ({langs}): 13 digits starting 978 or 979, hyphens allowed; the "
            "check digit is checked, and two editions may not share one. A missing ISBN is a warning. The cover's "
            "barcode and the colophon are made from it.", "",
            "`isbn.epub`: the e-book's ISBN-13 of each edition, by language code, for the EPUB's metadata "
            "(`isbn: {vi: ..., epub: {vi: ..., en: ...}}`): the same rules, and none may be a print edition's ISBN "
            "or another edition's e-book ISBN. Without `epub` the book has no e-book ISBNs; with it, an edition left "
            "out is a warning (`isbn-epub-missing`), which a final screen build refuses.", "",
            "### `translation`", "",
            "`report_to`: who receives reports about the source texts (the catalogs' `Report-Msgid-Bugs-To`; the "
            "publisher when left out). Then one mapping per target language, with the keys of "
            "`translation.<lang>` below.", "",
            "### `profiles`", "",
            f"One mapping per output ({', '.join(f'`{o}`' for o in OUTPUTS)}), with the keys of `profiles.<output>` below.", "",
        ]
    if file == "layouts/layouts.yaml":
        kinds = ", ".join(f"`{k}`" for k in FRAME_KINDS)
        return ["The file maps each layout's name to its template. Positions and sizes are in mm, from the page's top "
                "left trim corner (a spread's frames from the left page's).", "",
                f"Frame kinds: {kinds}.", ""]
    if file == "layouts/styles.yaml":
        return ["`defaults`: keys every style starts from. `styles`: each style by name, with any of the keys below, and "
                f"`languages`: per language code ({langs}) the keys that differ in that language (sizes, leading, "
                "alignment).", ""]
    if file == "fonts/fonts.yaml":
        return ["`paths`: the folders font files are looked for in, in order (relative to the project; default "
                "`[fonts]`); system font folders are given as absolute paths.", "",
                "`languages`: per language code, each role a style names (`sans`, `serif`, ...) with the list of faces "
                "that serve it, the first that has a character drawing it. A language left out takes the faces of one "
                "with the same script.", ""]
    return []


def render() -> tuple[str, list[str]]:
    """The reference's text, and the problems found on the way."""
    problems: list[str] = []
    out = ["# Configuration reference", "",
           "Generated from the schema the code declares by `tools/config_reference.py`; do not edit by hand "
           "(run `.venv/bin/python tools/config_reference.py` after changing a key; a test fails while this file is "
           "out of date). A key left out takes its default; an unknown key is a warning (`--strict`: an error).", ""]
    files = list(dict.fromkeys([t.file for t in SECTIONS] + ["layouts/styles.yaml"]))
    files.sort(key=["content/book.yaml", "content/chapters/*.yaml", "layouts/layouts.yaml", "layouts/styles.yaml",
                    "fonts/fonts.yaml", "presets/<name>.yaml"].index)
    for file in files:
        out += [f"## `{file}`", ""]
        prose = open_sections(file)
        out += [] if file == "content/book.yaml" else prose  # the book's open mappings follow its tables
        if file == "layouts/styles.yaml":
            out += ["### a style", ""] + style_table(problems) + [""]
        for table in (t for t in SECTIONS if t.file == file):
            out += [heading(table), "", table.intro, ""] + key_table(table, problems) + [""]
        out += prose if file == "content/book.yaml" else []
    problems += unlisted_tables()
    return "\n".join(out).rstrip() + "\n", problems


def unlisted_tables() -> list[str]:
    """Key tables in book/sources/ that the reference does not show."""
    import book.sources

    listed = {id(getattr(importlib.import_module(t.module), t.name)) for t in SECTIONS}
    found = []
    for info in pkgutil.iter_modules(book.sources.__path__, "book.sources."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, dict) and value and all(isinstance(v, Key) for v in value.values()) \
                    and id(value) not in listed:
                found.append(f"{info.name}.{name}: a key table the reference does not show; add it to SECTIONS in tools/config_reference.py")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is out of date")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    text, problems = render()
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        return 1
    if args.check:
        if not args.out.is_file() or args.out.read_text(encoding="utf-8") != text:
            print(f"error: {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out} is out of date; "
                  "run .venv/bin/python tools/config_reference.py", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
