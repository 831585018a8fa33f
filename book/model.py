"""The book as plain data: what the loader builds and every later stage reads."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from book.errors import Where
from book.grid import Grid

if TYPE_CHECKING:  # book.publication builds on this module's Message and Photo
    from book.publication import Cover, Imprint, Paper

MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True)
class Message:
    """A translatable text: ``ctx`` is its stable id (the .po msgctxt)."""
    ctx: str
    text: str
    where: Where
    comment: str = ""


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


@dataclass(frozen=True)
class Photo:
    id: str
    path: Path
    rel: str  # path relative to the project, for messages
    caption: Message
    place: Message
    credit: Message
    date: PartialDate | None
    chapter: str
    where: Where
    focus: tuple[float, float] | None = None  # the subject, as fractions of width and height; None: the centre
    crop: float | None = None  # the share of its area a frame may cut off; None: the book's limit (book.pages.shapes)
    card: str | None = None  # where its caption card goes (a place of book.text.places), overriding the quietest one
    separation: str | None = None  # a greyscale photo's inks: 'four-colour' or 'k-only'; None: the book's colour.greyscale
    alt: Message | None = None  # what the picture shows, for readers who cannot see it (screen editions); text "" when not given


@dataclass(frozen=True)
class FrameKind:
    """What a layout frame of one kind holds, as every stage reads it."""

    name: str
    text: bool = False  # the build sets text in it, so it needs a style
    slot: str | None = None  # what a page's slot of the frame's name gives: a "photo" id, a "text" key, an "artwork" file; None: the book fills it
    optional: bool = False  # a page may leave its slot empty, and the frame stays empty
    message: bool = False  # it holds one text of the sources (a caption, a text slot): a card, a template room note
    listing: bool = False  # a list the book generates; it may flow onto continuation pages
    marked: bool = False  # a proof outlines it when its text overflows or awaits translation


FRAME_KINDS = {kind.name: kind for kind in (
    FrameKind("photo", slot="photo"),
    FrameKind("caption", text=True, slot="photo", message=True, marked=True),
    FrameKind("text", text=True, slot="text", message=True, marked=True),
    FrameKind("toc", text=True, listing=True),
    FrameKind("credits", text=True, listing=True),
    FrameKind("chapter-number", text=True, marked=True),
    FrameKind("artwork", slot="artwork", optional=True),
)}
TEXT_KINDS = frozenset(k.name for k in FRAME_KINDS.values() if k.text)
MESSAGE_KINDS = frozenset(k.name for k in FRAME_KINDS.values() if k.message)
LIST_KINDS = frozenset(k.name for k in FRAME_KINDS.values() if k.listing)
UNFILLED_KINDS = frozenset(k.name for k in FRAME_KINDS.values() if k.slot is None or k.optional)  # a page need not fill these
MARKED_KINDS = frozenset(k.name for k in FRAME_KINDS.values() if k.marked)
# The text slots a page of any chapter may name: the book's own texts. The imprint is
# set from its labels and fields (text.frames), not from one message.
IMPRINT_SLOT = "book.imprint"
COPYRIGHT_SLOT = "book.copyright"  # the copyright page: set from the imprint and the ISBN (text.matter)
PUBLISHERS_SLOT = "book.publishers"  # the title page's foot: the book's publisher, then the publishing house of the imprint
GENERATED_SLOTS = (IMPRINT_SLOT, COPYRIGHT_SLOT, PUBLISHERS_SLOT)
BOOK_SLOTS = ("book.title", "book.subtitle", "book.publisher", *GENERATED_SLOTS)


# Where a caption card may sit on its photo (a frame's ``card_places``, a photo's ``card``; book.text.places).
CARD_PLACES = ("bottom-outer", "bottom-inner", "top-outer", "top-inner", "middle-outer", "middle-inner")


@dataclass(frozen=True)
class Frame:
    name: str
    kind: str  # a key of FRAME_KINDS
    x: float  # mm from the top-left of a right-hand page's trim (of a spread's left page), at this book's grid and trim
    y: float
    w: float
    h: float
    style: str | None = None
    fit: str = "cover"
    panel: str | None = None
    listed: bool = False  # its text is an entry of the contents (the heading of a foreword or of the credits)
    where: Where | None = field(default=None, compare=False)  # its line in layouts/layouts.yaml
    card_places: tuple[str, ...] = ()  # where a caption card may go on its photo (book.text.places); () the frame's corner
    card_pad: float = 17.0  # pt (6 mm) of white round a caption card's text, on all four sides (book.text.cards)
    above: str | None = None  # a text frame of the layout this one stands above (book.text.stack)
    gap_lines: float = 2.0  # its last baseline this many of that frame's line spaces above that frame's first baseline


@dataclass(frozen=True)
class Layout:
    name: str
    frames: dict[str, Frame]
    side: str | None  # 'recto', 'verso' or None
    folio: bool
    spread: bool
    where: Where
    continued: str | None = None  # the layout a generated list (contents, credits) or a long text (book.text.flow) continues on
    variants: tuple[str, ...] = ()  # layouts of the same slots for photos of other shapes: pagination picks the one that crops least
    uncaptioned: bool = False  # its photos carry no caption on the page: a one-line legend in the photo credits says what they show


@dataclass(frozen=True)
class Style:
    name: str
    font: str
    size: float
    leading: float
    align: str = "left"
    min_size: float = 0.0
    tracking: float = 0.0
    space_before: float = 0.0
    paragraph_space: float = 0.0
    first_indent: float = 0.0  # in em
    columns: int = 1
    hyphenate: bool = False  # break long words at hyphenation points (English)
    display: bool = False  # titles: balanced lines, phrase-aware breaks in ja and zh
    # The longest line in characters (CJK: ems; Korean: syllables); 0: the frame's width. A caption's comes
    # from its text's own characters (book.text.captions); a title's counts ems of its size (`line_measure`).
    measure_chars: float = 0.0
    anchor: str = "top"  # 'bottom': the text's last baseline sits on the frame's foot (a colophon, a copyright page)
    line_end: str = "keep"  # zh, ja: a line-end 、，。．）」』 kept inside the measure, half-width, its ink flush (行末二分)
    punctuation: str = "full"  # zh, ja: 'full' keeps mid-line marks full-width unless a line must shrink; 'squeeze' closes them sooner

    def line_measure(self, size: float, width: float) -> float:
        """The widest a display line of this style may be at ``size`` in a
        frame ``width`` wide (pt): ``measure_chars`` ems, since a title's
        characters (ideographs, kana, Hangul syllables) are an em each.

        >>> Style("title", "serif", 24, 32, display=True, measure_chars=15.5).line_measure(20, 400)
        310.0
        """
        return min(width, self.measure_chars * size) if self.measure_chars and self.display else width


CMYK = tuple[float, float, float, float]


@dataclass(frozen=True)
class Shape:
    """One filled or stroked path of an artwork, in the artwork's own units
    (y down, as SVG has it): ``path`` is its pen operations, each a letter
    (M, L, C, Z) with its points."""

    path: tuple[tuple[str, tuple[float, ...]], ...]
    fill: CMYK | None
    stroke: CMYK | None
    stroke_width: float = 1.0
    even_odd: bool = False
    cap: int = 0  # PDF line cap: 0 butt, 1 round, 2 square
    join: int = 0  # PDF line join: 0 miter, 1 round, 2 bevel


@dataclass(frozen=True)
class Artwork:
    """A vector file of the book's own (an emblem, a logo), read for an artwork frame.
    The renderer fits ``view`` (x, y, w, h in the file's units) whole into the
    frame, placed in the room left over as ``align`` says (the file's
    preserveAspectRatio: 0 left or top, 0.5 centre, 1 right or bottom), or
    stretched to the frame when ``align`` is None."""

    rel: str  # path relative to the project, for messages
    view: tuple[float, float, float, float]
    shapes: tuple[Shape, ...]
    align: tuple[float, float] | None = (0.5, 0.5)


@dataclass(frozen=True)
class PageSpec:
    layout: str
    slots: dict[str, str]
    where: Where


@dataclass
class Chapter:
    id: str
    file: str
    title: Message | None
    texts: dict[str, Message]
    photos: list[Photo]
    pages: list[PageSpec]
    number: int | None = None  # numbered chapters only; front and back matter have none
    where: Where | None = None


@dataclass(frozen=True)
class ProfileSettings:
    """What book.yaml's ``profiles.<name>`` asks of one output; None keeps the output's default."""

    pdfx: str | None = None  # 'x1a' or 'x4'
    marks: bool | None = None  # crop marks in a slug around the bleed
    printer: object | None = None  # the printer preset (book.presets.Preset) the output is made for


@dataclass(frozen=True)
class Safety:
    """How far text must keep from the trim and from the gutter (preflight)."""

    trim_mm: float = 5.0
    gutter_mm: float = 5.0


@dataclass(frozen=True)
class FontFace:
    name: str
    path: Path
    index: int
    package: str | None


@dataclass
class FontConfig:
    faces: dict[str, FontFace]
    languages: dict[str, dict[str, list[str]]]


@dataclass(frozen=True)
class Contacts:
    """Who answers for the catalogs (book.yaml ``translation:``): the .po header
    fields Poedit and Weblate show. Empty means: keep what the file has."""

    report_to: str = ""  # Report-Msgid-Bugs-To, of the template and every catalog
    translators: dict[str, str] = field(default_factory=dict)  # Last-Translator per language
    teams: dict[str, str] = field(default_factory=dict)  # Language-Team per language


@dataclass
class Book:
    root: Path
    slug: str
    source_language: str
    editions: list[str]
    title: Message
    subtitle: Message
    publisher: Message
    year: int
    trim: tuple[float, float]
    bleed: float
    margins: dict[str, float]  # the grid's: 'outer' and 'bottom' place the folios and running heads too
    binding_multiple: int
    binding_style: str
    paper: Paper
    press_profile: str
    ink_limit: int
    min_ppi: int
    labels: dict[str, Message]
    chapters: list[Chapter]
    layouts: dict[str, Layout]
    styles: dict[str, dict[str, Style]]  # style name -> language ('' for base) -> style
    fonts: FontConfig
    photos: dict[str, Photo] = field(default_factory=dict)
    publication_date: datetime.date | None = None  # the PDFs' date unless SOURCE_DATE_EPOCH says otherwise
    profiles: dict[str, ProfileSettings] = field(default_factory=dict)
    safety: Safety = field(default_factory=Safety)
    photo_roots: list[Path] = field(default_factory=list)  # content/photos/ and the declared photo_dirs
    isbn: dict[str, str] = field(default_factory=dict)  # edition -> ISBN-13 as written, hyphens kept
    isbn_epub: dict[str, str] = field(default_factory=dict)  # edition -> its e-book's ISBN-13 (book.yaml isbn.epub)
    cover: Cover | None = None
    imprint: Imprint | None = None
    placeholder_files: frozenset[str] = frozenset()  # photo files still the generated placeholders
    contacts: Contacts = field(default_factory=Contacts)
    artworks: dict[str, Artwork] = field(default_factory=dict)  # an artwork slot's value -> the file read
    keep_together: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> words a title's line never splits
    credits_by: str = "page"  # the photo credits listed by 'page' or by 'photographer' (book.yaml credits.by)
    matter: dict[str, Message] = field(default_factory=dict)  # the copyright page's and the colophon's own words
    grid: Grid = field(default_factory=Grid)
    ignore: frozenset[str] = frozenset()  # warning codes content/book.yaml silences (ignore:)
    greyscale: str = "four-colour"  # how greyscale photos print: a neutral through the press profile, or 'k-only'
    printer: object | None = None  # the printer preset (book.presets.Preset) of the profile being built, if it names one

    @property
    def date(self) -> datetime.date:
        """The date the finished PDFs carry: the publication date, else 1 January of the year."""
        return self.publication_date or datetime.date(self.year, 1, 1)

    def style(self, name: str, lang: str) -> Style:
        variants = self.styles[name]
        return variants.get(lang, variants[""])

    def slot_message(self, chapter: Chapter | None, value: str) -> Message:
        """The text a page's text slot names: a book text, the chapter's title or one of its texts."""
        if value.startswith("book."):
            return {"book.title": self.title, "book.subtitle": self.subtitle, "book.publisher": self.publisher}[value]
        if value == "title":
            return chapter.title
        return chapter.texts[value]

    def matter_messages(self) -> list[Message]:
        """The copyright page's and the colophon's own words the book uses: the print run's unit
        with an imprint, the copyright page's words when a page shows it."""
        used = {value for chapter in self.chapters for page in chapter.pages for value in page.slots.values()}
        cover = self.cover
        wanted = {"not_for_sale": bool(cover and cover.not_for_sale), "price": bool(cover and cover.price)}
        return [message for key, message in self.matter.items()
                if wanted.get(key, (key == "copies" and self.imprint) or (key not in ("copies", *wanted) and COPYRIGHT_SLOT in used))]

    def messages(self) -> list[Message]:
        """Every translatable text in book order."""
        found = [self.title, self.subtitle, self.publisher]
        found += [self.labels[k] for k in sorted(self.labels)]
        if self.cover:
            found.append(self.cover.back_text)
            found += [m for m in (self.cover.spine, self.cover.spine_publisher, self.cover.occasion) if m is not None]
        if self.imprint:
            found += [f.label for f in self.imprint.fields] + [self.imprint.placeholder_notice]
            found += [f.name for f in self.imprint.fields if f.name and f.name.text]
        found += self.matter_messages()
        for chapter in self.chapters:
            if chapter.title:
                found.append(chapter.title)
            found += chapter.texts.values()
            for photo in chapter.photos:
                found += [photo.caption, photo.place, photo.credit]
                if photo.alt is not None:
                    found.append(photo.alt)
        return found
