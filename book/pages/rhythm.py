"""The book's rhythm as the pagination goes: what the pages laid out so far
show, so that a page's variant (`book.pages.shapes.choose`) is priced for
repeating them. A layout is what a reader sees of it, its picture frames
(`frames_of`): photo-caption and photo-led show one picture in one place.

Three repeats are priced, after a photo's crop limit and before the crop:
a spread whose two pages show the frames of an earlier spread (the tenth
proof's pp. 20-21 were pp. 38-39 again), a layout on more than `SHARE` of
the book's pages, and the quiet pages before the openers, which all take
the frame of the book's first quiet page (they read as a system, like a
book's chapter endings). Pages of their own kind are left out: an opener
and the pages forced to a side (a system by design), a picture across the
fold (one frame), a full bleed (the picture is the page), a page without
pictures. What the pricing cannot avoid,
because the book's layouts have too few variants, `check_spreads` warns of."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from math import ceil

from book.errors import Problems
from book.model import Book, Layout

SHARE = 0.25  # the most of the book's pages one layout (its picture frames) may show


def frames_of(layout: Layout) -> tuple:
    """What a reader sees of a layout's pictures: its photo frames' boxes."""
    return tuple(sorted((round(f.x, 1), round(f.y, 1), round(f.w, 1), round(f.h, 1)) for f in layout.frames.values() if f.kind == "photo"))


def ordinary(layout: Layout) -> bool:
    """Whether a page of ``layout`` counts in the rhythm: it shows pictures on its own page, none of
    them the page itself (a full bleed, off the head and the spine: the picture is what the eye sees),
    and is no opener (nor any page forced to a side)."""
    photos = [f for f in layout.frames.values() if f.kind == "photo"]
    bled = any(f.x < 0 and f.y < 0 for f in photos)
    return bool(photos) and not bled and not layout.spread and layout.side is None


def planned_pages(book: Book) -> int:
    """The pages the chapters ask for (a spread two), before continuations and blanks."""
    return sum(2 if book.layouts[spec.layout].spread else 1 for chapter in book.chapters for spec in chapter.pages
               if spec.layout in book.layouts)


@dataclass
class Rhythm:
    """The pages laid out so far: each page's layout in order, the frames of the book's quiet page."""

    quota: int
    shown: list[Layout] = field(default_factory=list)
    quiet: tuple | None = None
    chapter_from: int = 0  # the first of ``shown`` in the chapter being laid out

    @classmethod
    def of(cls, book: Book) -> Rhythm:
        return cls(max(2, ceil(SHARE * planned_pages(book))))

    def spread_seen(self, left: Layout | None, right: Layout | None) -> bool:
        """Whether the pages of ``left`` and ``right`` facing each other repeat an earlier spread's frames."""
        if left is None or right is None or not ordinary(left) or not ordinary(right):
            return False
        return (frames_of(left), frames_of(right)) in self.spreads()

    def spreads(self) -> set[tuple]:
        pages = self.shown
        return {(frames_of(a), frames_of(b)) for a, b in zip(pages[1::2], pages[2::2], strict=False) if ordinary(a) and ordinary(b)}

    def overused(self, candidate: Layout) -> bool:
        """Whether one more page of ``candidate``'s frames would take it past the book's `SHARE`."""
        if not ordinary(candidate):
            return False
        mine = frames_of(candidate)
        return sum(1 for layout in self.shown if ordinary(layout) and frames_of(layout) == mine) + 1 > self.quota

    def in_chapter(self, candidate: Layout) -> bool:
        """Whether a page of several pictures in ``candidate``'s frames repeats a page of its chapter (the tenth
        proof's pp. 21 and 23: one pair of frames twice in four pages); single pictures have their own rule (`REPEATS`)."""
        mine = frames_of(candidate)
        return len(mine) > 1 and ordinary(candidate) and any(frames_of(shown) == mine for shown in self.shown[self.chapter_from:])

    def off_system(self, candidate: Layout) -> bool:
        """Whether a quiet page of ``candidate`` leaves the frame the book's first quiet page took."""
        return self.quiet is not None and frames_of(candidate) != self.quiet


def check_spreads(pages, out: Problems) -> None:
    """A spread whose two pages show the frames of an earlier one is a warning naming both:
    the pricing found no variant that differs (the book has too few layouts for its pictures)."""
    first: dict[tuple, tuple[int, str, str]] = {}
    for left, right in zip(pages[1::2], pages[2::2], strict=False):
        if not (ordinary(left.layout) and ordinary(right.layout)):
            continue
        pair = (frames_of(left.layout), frames_of(right.layout))
        if pair not in first:
            first[pair] = (left.number, left.layout.name, right.layout.name)
            continue
        number, a, b = first[pair]
        out.warn("repeated-spread", None, f"pages {left.number}–{right.number} ({left.layout.name}, {right.layout.name}) show the "
                 f"frames of pages {number}–{number + 1} ({a}, {b}); give one of the pages another layout in content/chapters, "
                 "or the layout a variant in layouts/layouts.yaml")


def counts(pages) -> Counter:
    """How many pages show each layout's frames, by the first layout name that showed them."""
    names: dict[tuple, str] = {}
    found: Counter = Counter()
    for page in pages:
        if ordinary(page.layout):
            found[names.setdefault(frames_of(page.layout), page.layout.name)] += 1
    return found
