"""`book init DIR`: a new book project that builds at once, at the trim and
in the editions asked for, with the toolchain's default layouts, styles and
fonts and neutral placeholder content: a title page and the copyright page
behind it, one chapter, four placeholder photos (`book.placeholder_photos`), a
colophon, a cover, and captions that say what to replace.
The placeholder texts are written in the source language, and each target
edition's catalog is made from the template (`book.i18n.merge.create_catalog`)
and filled with the placeholders' own translation where there is one; the
title and the publisher the user gave are left to translate."""

from __future__ import annotations

import datetime
import math
import re
import shutil
import unicodedata
from pathlib import Path

import polib

from book.errors import ConfigError
from book.i18n.catalog import WRAP, gettext_layout
from book.i18n.header import DIGEST_HEADER, translations_digest
from book.i18n.tool_words import tool_translations
from book.placeholder_photos import write_placeholder
from book.scaffold_texts import LABELS, TEXTS, texts_for

DEFAULTS = Path(__file__).parent / "defaults"
# Each default file and where it goes in a project. The sample book's own files
# are their source: tools/sync_defaults.py copies them here, and a test fails
# when the two differ.
DEFAULT_FILES = {"layouts.yaml": "layouts/layouts.yaml", "styles.yaml": "layouts/styles.yaml", "fonts.yaml": "fonts/fonts.yaml"}
TRIM_RANGE_MM = (150, 350)  # what the default layouts are made to fit, on either side
BLEED_MM, MIN_PPI = 3, 300
SPINE_ROOM_MM = 20  # the cover photo is painted wide enough for a spine this thick: a few hundred pages
PHOTO_SIZE = (3600, 2400)
CHAPTER_REL = "content/chapters/01-chapter-1.yaml"
FRONT_REL = "content/chapters/00-front-matter.yaml"
BACK_REL = "content/chapters/99-back-matter.yaml"  # read last: chapters go in file-name order, so 02-, 03-… sort before it

# The starter's paper, and its name as a reader of each language knows such paper (the catalogs' book:paper).
PAPER = "Couché matt 157 g/m²"
PAPER_NAMES = {"vi": "giấy couché mờ 157 g/m²", "en": "matt coated 157 g/m²", "zh": "157克哑粉纸", "ko": "157g/m² 무광 아트지", "ja": "マットコート紙 157 g/m²"}

BOOK_YAML = """\
# The book: everything that is the same in all editions. See the README.
title: {title}
subtitle: {subtitle}
slug: {slug}
source_language: {source}
# Each edition needs translations/<lang>.po: after adding one here, run 'book i18n update'.
editions: [{editions}]
publisher: {publisher}
year: {year}   # of publication: the copyright line and the colophon print it
trim_mm: [{width}, {height}]
bleed_mm: {bleed}
margins_mm: {{outer: 15, bottom: 25}}   # where the folios sit: the layouts place everything else
binding: {{style: perfect, page_multiple: 4}}   # offset printing: {{style: perfect, signature: 16}}
paper: {{name: "{paper}", caliper_mm: 0.14}}   # ask the printer for the caliper of your paper
colour:
  press_profile: FOGRA39
  ink_limit: 300
  min_ppi: {min_ppi}
labels:
  chapter: {label_chapter}
  credit: {label_credit}
  page: {label_page}
  pages: {label_pages}
  cover: {label_cover}
  positions: {{{positions}}}
# isbn: {{{isbn}}}   # one per edition, from the publisher
cover:
  photo: p001   # a photo of the chapters, large enough for the whole spread
  back_text: {back_text}
"""

CHAPTER_YAML = """\
# One chapter: its photos, its texts, and its pages, each naming a layout
# (layouts/layouts.yaml) and filling its frames. Replace the placeholders.
id: chapter-1
title: {chapter_title}
texts:
  intro: {intro}
  credits_heading: {credits_heading}
photos:
{photos}
pages:
  - layout: chapter-opener
    slots: {{photo: p001, title: title, intro: intro, caption: p001}}
  - layout: photo-caption
    slots: {{photo: p002, caption: p002}}
  - layout: two-photos
    slots: {{photo-a: p003, caption-a: p003, photo-b: p004, caption-b: p004}}
  - layout: credits
    slots: {{heading: credits_heading}}
"""

FRONT_YAML = """\
# The front matter: the title page and the copyright page behind it. Their texts
# are the book's (content/book.yaml: title, subtitle, publisher, isbn); a longer book
# puts a half-title and a blank page before them (layouts half-title and blank).
id: front-matter
pages:
  - layout: title-page
    slots: {{title: book.title, subtitle: book.subtitle, publisher: book.publishers}}
  - layout: copyright
    slots: {{body: book.copyright}}
"""

BACK_YAML = """\
# The back matter: the colophon, the book's last page. It sets the book's title, the
# text below, then the publishing data of an imprint: section in content/book.yaml.
id: back-matter
texts:
  colophon: {colophon}
photos: []
pages:
  - layout: colophon
    slots: {{imprint: book.imprint}}
"""

PHOTO_YAML = """\
  - id: {id}
    file: {id}.jpg
    caption: {caption}
    alt: {alt}
    date: "2025"
    place: {place}
    credit: {credit}
"""

PHOTOS = ("p001", "p002", "p003", "p004")
NAMES = ("book:title", "book:publisher")


def slugify(name: str) -> str:
    """An ascii slug for a folder name.

    >>> slugify("Sách ảnh Đà Lạt")
    'sach-anh-da-lat'
    """
    ascii_name = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "book"


def parse_trim(text: str) -> tuple[int, int]:
    """The trim ``WIDTHxHEIGHT`` in whole millimetres; ValueError says what is wrong.

    >>> parse_trim("210x210"), parse_trim("240 × 300")
    ((210, 210), (240, 300))
    >>> parse_trim("210x")
    Traceback (most recent call last):
    ValueError: --trim 210x: give the width and height in mm as WIDTHxHEIGHT, e.g. 210x210
    """
    found = re.fullmatch(r"\s*(\d+)\s*[x×X*]\s*(\d+)\s*", text)
    if not found:
        raise ValueError(f"--trim {text}: give the width and height in mm as WIDTHxHEIGHT, e.g. 210x210")
    width, height = int(found[1]), int(found[2])
    low, high = TRIM_RANGE_MM
    if not (low <= width <= high and low <= height <= high):
        raise ValueError(f"--trim {text}: each side must be from {low} to {high} mm, the sizes the default layouts fit")
    return width, height


def quoted(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def scaffold(target: Path, trim: tuple[int, int] = (240, 300), editions: tuple[str, ...] = ("vi",), title: str | None = None,
             publisher: str | None = None, source: str = "vi") -> list[Path]:
    """Write the new project's sources into ``target`` (new or empty); returns its files.
    The catalogs come after, from the template (`write_catalogs`)."""
    if target.exists() and not target.is_dir():
        raise ConfigError(f"{target}: is a file, not a folder; give the path of a new folder for the book")
    if any(parent.exists() and not parent.is_dir() for parent in target.parents):
        raise ConfigError(f"{target}: a part of the path is a file, not a folder; give the path of a new folder for the book")
    if target.exists() and any(target.iterdir()):
        raise ConfigError(f"{target}: the folder is not empty; choose a new folder for the book")
    texts = texts_for(source)
    title = title or target.name
    for folder in ("content/chapters", "content/photos", "layouts", "fonts", "translations"):
        (target / folder).mkdir(parents=True, exist_ok=True)
    labels = texts["labels"]
    (target / "content" / "book.yaml").write_text(BOOK_YAML.format(
        title=quoted(title), subtitle=quoted(texts["subtitle"]), slug=slugify(title), source=source, editions=", ".join(editions),
        publisher=quoted(publisher or texts["publisher"]), year=datetime.date.today().year, width=trim[0], height=trim[1], bleed=BLEED_MM,
        paper=PAPER, min_ppi=MIN_PPI,
        label_chapter=quoted(labels["chapter"]), label_credit=quoted(labels["credit"]), label_page=quoted(labels["page"]),
        label_pages=quoted(labels["pages"]), label_cover=quoted(labels["cover"]),
        positions=", ".join(f"{k}: {quoted(v)}" for k, v in labels["positions"].items()),
        isbn=", ".join(f'{lang}: "978-…"' for lang in editions), back_text=quoted(texts["back_text"])), encoding="utf-8")
    photos = "".join(PHOTO_YAML.format(id=pid, caption=quoted(texts["caption"].format(n=n, file=f"{pid}.jpg")),
                                       alt=quoted(texts["alt"].format(n=n)), place=quoted(texts["place"]),
                                       credit=quoted(texts["credit"])) for n, pid in enumerate(PHOTOS, 1))
    (target / CHAPTER_REL).write_text(CHAPTER_YAML.format(chapter_title=quoted(texts["chapter_title"]), intro=quoted(texts["intro"]),
                                                          credits_heading=quoted(texts["credits_heading"]), photos=photos), encoding="utf-8")
    (target / FRONT_REL).write_text(FRONT_YAML.format(), encoding="utf-8")
    (target / BACK_REL).write_text(BACK_YAML.format(colophon=quoted(texts["colophon"])), encoding="utf-8")
    for name, rel in DEFAULT_FILES.items():
        shutil.copy(DEFAULTS / name, target / rel)
    (target / ".gitignore").write_text("output/\n.cache/\n", encoding="utf-8")
    for seed, pid in enumerate(PHOTOS, 1):
        write_placeholder(target / "content" / "photos" / f"{pid}.jpg", cover_size(trim) if pid == "p001" else PHOTO_SIZE, seed)
    return sorted(p for p in target.rglob("*") if p.is_file())


def cover_size(trim: tuple[int, int]) -> tuple[int, int]:
    """Pixels of a 3:2 photo that covers the whole cover spread (back, spine,
    front and the bleed) at the minimum resolution.

    >>> cover_size((210, 210))
    (5268, 3512)
    """
    width_mm = 2 * trim[0] + SPINE_ROOM_MM + 2 * BLEED_MM
    width = math.ceil(width_mm / 25.4 * MIN_PPI)
    return width, max(math.ceil(width * 2 / 3), math.ceil((trim[1] + 2 * BLEED_MM) / 25.4 * MIN_PPI))


def write_catalogs(book, pagination, template: Path) -> tuple[list[str], list[str]]:
    """Each target edition's catalog made from the template, its entries
    filled with the placeholders' translation where there is one for that
    language; returns the catalogs' paths from the root, and those of them
    left untranslated."""
    from book.files import write_atomic
    from book.i18n.merge import create_catalog
    from book.languages import catalog_rel

    written, untranslated = [], []
    source = texts_for(book.source_language)
    for lang in book.editions:
        if lang == book.source_language:
            continue
        po = polib.pofile(create_catalog(book, pagination, lang, template), wrapwidth=WRAP)
        # The copyright page's and the colophon's standard words, in every language the table has.
        words = tool_translations(book, lang)
        for entry in po:
            entry.msgstr = words.get((entry.msgctxt, entry.msgid), entry.msgstr)
            if entry.msgctxt == "book:paper" and entry.msgid == PAPER:
                entry.msgstr = PAPER_NAMES.get(lang, entry.msgstr)
        target = TEXTS.get(lang) or LABELS.get(lang)
        if target:
            translation = translations(source, target)
            for entry in po:  # the title and the publisher a user gave stay to translate: no placeholder knows them
                if entry.msgctxt not in NAMES:
                    entry.msgstr = translation.get(entry.msgid, entry.msgstr)
        if target or words:
            # Written with the catalog, not revised since: the next 'book i18n update' finds nothing to do.
            po.metadata[DIGEST_HEADER] = translations_digest(po)
        if any(not entry.msgstr for entry in po if not entry.obsolete):
            untranslated.append(catalog_rel(lang))
        write_atomic(book.root / catalog_rel(lang), gettext_layout(str(po) + "\n"))
        written.append(catalog_rel(lang))
    return written, untranslated


def translations(source: dict, target: dict) -> dict[str, str]:
    """Each placeholder text of ``source`` and its counterpart in ``target``,
    the captions for every photo (the names a user gives stay as they are)."""
    pairs = {}
    for key, text in source.items():
        if key not in target:  # a table of the page labels alone (`LABELS`)
            continue
        if key == "labels":
            pairs.update(translations(text, target[key]))
        elif key == "positions":
            pairs.update(zip(text.values(), target[key].values(), strict=True))
        elif key in ("caption", "alt"):
            pairs.update((text.format(n=n, file=f"{pid}.jpg"), target[key].format(n=n, file=f"{pid}.jpg")) for n, pid in enumerate(PHOTOS, 1))
        else:
            pairs[text] = target[key]
    return pairs
