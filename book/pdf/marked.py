"""Marked content for a tagged (accessible) PDF, recorded as the renderer draws.

Each thing drawn is wrapped in a marked-content sequence: what a reader
needs (a heading, a paragraph, a photo, a caption, an entry of a list) gets
a page-local MCID and joins the structure element it belongs to; what only
decorates or repeats (running heads, folios, cards, artwork, column heads)
is an /Artifact. The renderer draws through `Marks` only for a tagged
output: without one, the content streams are what they always were.
`book.pdf.tags` turns the recorded elements into the structure tree once
reportlab has written the file."""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field

from book.errors import Problems
from book.i18n.localise import Localiser

# Reading order of a page: its heading, its text, its lists, then each figure with its caption.
HEADING, TEXT, LIST, FIGURE = range(4)
# Text styles read as headings; every other text is a paragraph.
HEADING_STYLES = frozenset({"title", "chapter-title", "heading", "chapter-number"})
# The structure of the book's generated lists: (container, item, the item's link holder or None).
LIST_ROLES = {"toc": ("TOC", "TOCI", None), "credits": ("L", "LI", "LBody")}

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF user space


@dataclass
class Element:
    """One structure element: what it is, where it sits in the reading order,
    and the marked content (page index, MCID) it holds."""

    role: str
    key: tuple
    rank: int
    seq: int  # the order elements were met in, to break ties of (page, rank)
    parent: tuple | None = None  # a list's item belongs to its list
    parts: list[tuple[int, int]] = field(default_factory=list)
    alt: str = ""  # a figure's alternative text
    bbox: Rect | None = None  # a figure's box on its first page
    target: int | None = None  # a list entry's page index it links to
    rects: dict[int, Rect] = field(default_factory=dict)  # a list entry's area per page index, for its link
    label: str = ""  # a list entry's text, for its link's description

    @property
    def page(self) -> int:
        return self.parts[0][0] if self.parts else 0


def union(a: Rect | None, b: Rect) -> Rect:
    """The smallest rectangle holding both.

    >>> union((0, 0, 1, 1), (2, -1, 3, 0.5))
    (0, -1, 3, 1)
    """
    return b if a is None else (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


class Marks:
    """The marked content of one edition's pages, in the order drawn."""

    def __init__(self, alts: dict[str, str], foreign: dict[str, str] | None = None):
        self.alts = alts  # photo id -> its alternative text in the edition's language
        self.foreign = foreign or {}  # a line's whole text, without spaces -> the language it is in, where not the edition's
        self.elements: dict[tuple, Element] = {}
        self.page_numbers: list[int] = []  # the book's page number of each page index
        self.figures: dict[str, tuple] = {}  # photo id -> the key of its latest figure
        self.mcid = 0

    @property
    def page(self) -> int:
        return len(self.page_numbers) - 1

    def new_page(self, number: int) -> None:
        self.page_numbers.append(number)
        self.mcid = 0

    def element(self, role: str, key: tuple, rank: int, parent: tuple | None = None) -> Element:
        if key not in self.elements:
            self.elements[key] = Element(role, key, rank, len(self.elements), parent)
        return self.elements[key]

    @contextmanager
    def marked(self, canvas, what: Element | str):
        """Draw inside marked content for ``what`` (see `begin`)."""
        self.begin(canvas, what)
        try:
            yield
        finally:
            self.end(canvas)

    def begin(self, canvas, what: Element | str) -> None:
        """Open marked content for ``what``: an element, or "artifact" or "pagination" (see `artifact`)."""
        if isinstance(what, Element):
            what.parts.append((self.page, self.mcid))
            canvas.addLiteral(f"/{what.role} <</MCID {self.mcid}>> BDC")
            self.mcid += 1
        else:
            canvas.addLiteral("/Artifact <</Type /Pagination>> BDC" if what == "pagination" else "/Artifact BMC")

    def end(self, canvas) -> None:
        canvas.addLiteral("EMC")

    def note(self, what: Element | str, rect: Rect) -> None:
        """Where an element's line lies (a list entry's link covers its lines)."""
        if isinstance(what, Element):
            what.rects[self.page] = union(what.rects.get(self.page), rect)

    def figure(self, photo: str, box: Rect) -> Element:
        """The figure of a photo: the one of the page before when a spread runs on, else a new one."""
        key = self.figures.get(photo)
        if key is None or self.elements[key].parts[-1][0] < self.page - 1:
            key = self.figures[photo] = ("Figure", photo, self.page)
        element = self.element("Figure", key, FIGURE)
        element.alt = self.alts.get(photo) or photo
        if element.bbox is None:
            element.bbox = box
        return element

    def caption(self, photo: str) -> Element:
        figure = self.figures.get(photo)
        return self.element("Caption", ("Caption", figure or photo), FIGURE)

    def text(self, frame: str, style: str | None, number: int, paragraph: int) -> Element:
        """A frame's heading (one per page: a chapter's number and title read as one) or its paragraph."""
        if style in HEADING_STYLES:
            return self.element("H1", ("H1", number), HEADING)
        return self.element("P", ("P", number, frame, paragraph), TEXT)

    def entry(self, kind: str, list_id: str, index: int, target: int | None, label: str) -> Element:
        """An entry of a generated list (contents, credits), linking to the page it names; ``label``: its text."""
        container, item, _ = LIST_ROLES[kind]
        parent = self.element(container, (container, list_id), LIST).key
        element = self.element(item, (item, list_id, index), LIST, parent)
        element.target, element.label = target, label
        return element


def alt_texts(book, lang: str, catalog) -> dict[str, str]:
    """Each photo's alternative text in the edition's language; where a photo
    has none, its caption stands in, so that no figure is left without one."""
    loc = Localiser(book, lang, catalog, Problems(), fallback=True)
    found = {}
    for photo in book.photos.values():
        text = loc.text(photo.alt) if photo.alt is not None and photo.alt.text else ""
        found[photo.id] = one_line(text or loc.text(photo.caption) or loc.text(photo.place))
    return found


def foreign_names(book, lang: str, catalog) -> dict[str, str]:
    """The credits an edition keeps in the source language (a Vietnamese
    photographer's name in the English credits), each with that language's
    tag, so that a screen reader pronounces them as the source language does.
    Keyed without spaces: a line's pieces do not draw the spaces between them."""
    if lang == book.source_language:
        return {}
    from book.languages import language

    loc = Localiser(book, lang, catalog, Problems(), fallback=True)
    tag = language(book.source_language).tag
    return {"".join(photo.credit.text.split()): tag for photo in book.photos.values()
            if photo.credit is not None and photo.credit.text and loc.text(photo.credit) == photo.credit.text
            and any(ord(c) > 127 for c in photo.credit.text)}


def one_line(text: str) -> str:
    """Text as a screen reader should get it: one line, single spaces.

    >>> one_line("Cảng  Hải Phòng\\nvề đêm ")
    'Cảng Hải Phòng về đêm'
    """
    return re.sub(r"\s+", " ", text).strip()
