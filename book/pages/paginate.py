"""Paginate the book once, from the sources, for every edition alike: the
same pages, the same photos in the same places whatever the language.
A generated list (contents, credits), or a long text that runs on, takes the
continuation pages the text stage measured for its longest edition, so they
too are the same in all. Frames arrive in mm, placed on the book's grid at
its trim (`book.grid`); a left-hand page mirrors them. A page takes the
variant of its layout that its photos' shapes fit (`book.pages.shapes`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from book.errors import ConfigError, Problems
from book.model import Book, Chapter, Frame, Layout
from book.pages.rhythm import Rhythm, check_spreads, frames_of
from book.pages.shapes import choose, cramped_of, single_frame

BLANK = Layout("blank", {}, None, False, False, None)


@dataclass(frozen=True)
class Placed:
    """A frame on one page: ``box`` in mm from the page's trim top-left;
    ``source`` is the frame as designed (a spread photo spans both pages)."""

    frame: Frame
    box: tuple[float, float, float, float]
    value: str | None


@dataclass
class Page:
    number: int
    layout: Layout
    chapter: Chapter | None
    placed: list[Placed] = field(default_factory=list)
    list_key: str | None = None  # the generated list this page shows part of ('<chapter>:<page index>')
    part: int = 0  # which of the list's pages: 0 its first, then its continuation pages
    asked: str | None = None  # the layout its chapter names (``layout`` is the variant it got); None: a blank the pagination added

    @property
    def recto(self) -> bool:
        return self.number % 2 == 1

    @property
    def folio(self) -> bool:
        return self.layout.folio


@dataclass
class Pagination:
    pages: list[Page]
    chapter_starts: dict[str, int]  # chapter id -> first page number
    photo_pages: dict[str, int]  # photo id -> page number (first page for spreads)


def paginate(book: Book, out: Problems | None = None, continuations: dict[str, int] | None = None) -> Pagination:
    """The book's pages. Problems go to ``out`` (a spread on the wrong side
    stops here, with every such problem listed). ``continuations`` gives the
    number of continuation pages each list needs (see `book.text.lists`).
    Blank pages that make up the binding's multiple (a signature) go before
    the back matter, so the colophon stays the last page, or at the end."""
    continuations = continuations or {}
    pagination, problems = lay_out(book, continuations, 0)
    added = -len(pagination.pages) % book.binding_multiple
    if added:
        padded, problems = lay_out(book, continuations, added)
        back = back_matter_start(book, padded)
        if len(padded.pages) % book.binding_multiple == 0 and back is not None:
            pagination, where = padded, f"before the back matter (pages {back - added}–{back - 1})" if added > 1 else \
                f"before the back matter (page {back - 1})"
        else:
            pagination, problems = lay_out(book, continuations, 0)
            for _ in range(added):
                pagination.pages.append(Page(len(pagination.pages) + 1, BLANK, None))
            where = "at the end"
        total = len(pagination.pages)
        unit = "signature" if book.binding_multiple >= 8 else "multiple"
        problems.warn("page-padding", None, f"{total - added} pages padded with {added} blank page{'s' if added > 1 else ''} {where} "
                      f"to {total}, a {unit} of {book.binding_multiple} for {book.binding_style} binding; "
                      "to avoid blank pages, add or remove pages in content/chapters")
    colophon_order(book, problems)
    if out is not None:
        out.extend(problems.items)
    return pagination


def colophon_order(book: Book, problems: Problems) -> None:
    """The colophon (a page whose slot is ``book.imprint``) belongs to the back matter, the
    unnumbered chapters after the last numbered one. Chapters are read in file-name order,
    so a new chapter's file that sorts after the back matter's puts the colophon mid-book
    (a newcomer's 02-cay-la.yaml after init's 02-back-matter.yaml): a warning naming both."""
    back = {chapter.id for chapter in back_matter_chapters(book)}
    for index, chapter in enumerate(book.chapters):
        spec = next((s for s in chapter.pages if "book.imprint" in s.slots.values()), None)
        later = next((c for c in book.chapters[index + 1:] if c.number), None)
        if spec is None or chapter.id in back or later is None:
            continue
        name = Path(chapter.file).name
        problems.warn("colophon-order", spec.where, f"the colophon in {name} comes before chapter '{later.id}' ({Path(later.file).name}): "
                      f"chapters are read in file-name order; rename {name} so it sorts after the last chapter "
                      f"(e.g. 99-{name.split('-', 1)[-1]})")


def page_layouts(pagination: Pagination) -> list[dict]:
    """Each page's layout as its chapter names it and the variant the pagination gave it
    (the manifest's ``pages``: which variant a page got, and why it looks as it does)."""
    return [{"page": page.number, "chapter": page.chapter.id if page.chapter else None, "layout": page.asked or page.layout.name,
             "variant": page.layout.name} for page in pagination.pages]


def back_matter_chapters(book: Book) -> list[Chapter]:
    """The unnumbered chapters after the last numbered one (credits, colophon)."""
    numbered = [i for i, chapter in enumerate(book.chapters) if chapter.number]
    return book.chapters[numbered[-1] + 1:] if numbered else []


def back_matter_start(book: Book, pagination: Pagination) -> int | None:
    back = back_matter_chapters(book)
    return pagination.chapter_starts.get(back[0].id) if back else None


def lay_out(book: Book, continuations: dict[str, int], padding: int) -> tuple[Pagination, Problems]:
    """The pages in chapter order, with ``padding`` blank pages before the back matter."""
    pages: list[Page] = []
    starts: dict[str, int] = {}
    photo_pages: dict[str, int] = {}
    problems = Problems()
    back = back_matter_chapters(book)
    chosen: dict[str, list[Layout]] = {chapter.id: [] for chapter in book.chapters}  # each chapter's pages as chosen so far
    rhythm = Rhythm.of(book)
    cramped = cramped_of(continuations)  # variants too small for a page's caption in some edition
    for chapter in book.chapters:
        if padding and back and chapter is back[0]:
            for _ in range(padding):
                pages.append(Page(len(pages) + 1, BLANK, None))
        rhythm.chapter_from = len(pages)
        for index, spec in enumerate(chapter.pages):
            layout = book.layouts[spec.layout]
            number = len(pages) + 1
            if layout.side == "recto" and number % 2 == 0 or layout.side == "verso" and number % 2 == 1:
                pages.append(Page(number, BLANK, chapter))  # an opener starts on the right
                number += 1
            if layout.spread and number % 2 == 1:
                problems.error("spread-side", spec.where, f"layout '{layout.name}' would start on right-hand page {number}; "
                               "a spread must start on a left-hand (even) page: add or remove one page before it")
            starts.setdefault(chapter.id, number)
            facing = facing_layout(book, pages, chapter, index, number)
            ahead = [book.layouts[s.layout] for s in chapter.pages[index + 1:]]
            last = index == len(chapter.pages) - 1  # the page before the next chapter's first (an opener, the credits)
            rhythm.shown = [page.layout for page in pages]
            following = chapter.pages[index + 1].slots if number % 2 == 0 and index + 1 < len(chapter.pages) else None
            layout = choose(book, layout, spec.slots, facing, chosen[chapter.id] + ahead, last, rhythm, number % 2 == 1, following,
                            cramped)
            if last and rhythm.quiet is None and quiet_page(book, layout):
                rhythm.quiet = frames_of(layout)  # the quiet pages' frame: every later one takes it if its family has it
            chosen[chapter.id].append(layout)
            key = f"{chapter.id}:{index}" if layout.continued else None
            add_pages(book, pages, layout, chapter, spec.slots, photo_pages, key, 0)
            pages[-1].asked = spec.layout
            if layout.spread:
                pages[-2].asked = spec.layout
            for part in range(1, continuations.get(key, 0) + 1):
                add_pages(book, pages, book.layouts[layout.continued], chapter, spec.slots, photo_pages, key, part)
                pages[-1].asked = layout.continued
    check_spreads(pages, problems)
    if problems.errors:
        if padding:
            return lay_out(book, continuations, 0)  # the blanks would put a spread of the back matter on the wrong side
        raise ConfigError("the pages do not fit the book's sides; nothing was written", problems.items)
    return Pagination(pages, starts, photo_pages), problems


def quiet_page(book: Book, layout: Layout) -> bool:
    """Whether a chapter's last page of ``layout`` is a quiet page: one picture inside the trim."""
    frames = single_frame(layout)
    return frames is not None and layout.side is None and all(x >= 0 and y >= 0 and x + w <= book.trim[0] and y + h <= book.trim[1]
                                                             for x, y, w, h in frames)


def facing_layout(book: Book, pages: list[Page], chapter: Chapter, index: int, number: int) -> Layout | None:
    """The layout of the page that faces page ``number``: a right-hand page faces the left-hand one
    already laid out, a left-hand one the layout its chapter asks for next (its variant is chosen after)."""
    if number % 2 == 1:
        return pages[-1].layout if pages and not pages[-1].layout.spread else None
    if index + 1 < len(chapter.pages):
        following = book.layouts[chapter.pages[index + 1].layout]
        return None if following.spread or following.side == "verso" else following
    return None


def add_pages(book: Book, pages: list[Page], layout: Layout, chapter: Chapter, slots: dict[str, str], photo_pages: dict[str, int],
              key: str | None, part: int) -> None:
    """Append the page (two for a spread) of ``layout`` with its frames placed."""
    trim_w = book.trim[0]
    halves = (0.0, trim_w) if layout.spread else (0.0,)
    for offset in halves:
        page = Page(len(pages) + 1, layout, chapter, list_key=key, part=part)
        for name, frame in layout.frames.items():
            x = frame.x - offset
            if layout.spread and (x + frame.w <= -book.bleed or x >= trim_w + book.bleed):
                continue  # this frame lies on the other half of the spread
            if not layout.spread and not page.recto:
                x = trim_w - frame.x - frame.w  # left pages mirror the design
            value = slots.get(name)
            page.placed.append(Placed(frame, (x, frame.y, frame.w, frame.h), value))
            if frame.kind == "photo" and value:
                photo_pages.setdefault(value, page.number)
        pages.append(page)
