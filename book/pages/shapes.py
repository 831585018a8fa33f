"""Pictures keep their shape: how much of a photo a frame cuts off, which of a
layout's variants (`Layout.variants`) a page's photos fit best, and the
warning for a photo cropped past its limit.

A frame that covers (``fit: cover``) a photo of another proportion cuts off
the share ``1 - min(f/p, p/f)`` of its area, for frame and photo aspects f
and p. A book allows `CROP_LIMIT` of each photo's area unless the photo's
``crop:`` in content/chapters allows more (or less). Pagination reads each
photo's size from its file's header, so the choice is the same in every
edition and follows the trim: a frame that suits a 3:2 photo at a tall trim
may crop it hard at a wide one, where another variant wins."""

from __future__ import annotations

from dataclasses import replace

from book.errors import Problems, on_page
from book.model import Book, Layout, Photo
from book.pages.rhythm import Rhythm, frames_of

CROP_LIMIT = 0.15  # the share of a photo's area a frame may cut off, unless its crop: says otherwise


def crop_share(size: tuple[int, int] | None, frame_mm: tuple[float, float], fit: str) -> float:
    """The share of the photo's area the frame cuts off (0 when it shows it whole).

    >>> round(crop_share((3000, 2000), (100, 100), "cover"), 3)
    0.333
    >>> crop_share((3000, 2000), (150, 100), "cover"), crop_share((3000, 2000), (100, 100), "contain")
    (0.0, 0.0)
    """
    if size is None or fit != "cover" or min(*size, *frame_mm) <= 0:
        return 0.0
    photo, frame = size[0] / size[1], frame_mm[0] / frame_mm[1]
    return max(0.0, 1 - min(frame / photo, photo / frame))


def limit(book: Book, photo: Photo) -> float:
    return photo.crop if photo.crop is not None else CROP_LIMIT


def photo_shape(book: Book, pid: str) -> tuple[int, int] | None:
    """The photo's upright size from its file's header, or None when it cannot
    be read (the check stage reports that)."""
    from book.images.placed import image_cache, photo_size  # placed imports the pagination: import it when it is asked

    photo = book.photos.get(pid)
    if photo is None:
        return None
    try:
        return photo_size(photo.path, image_cache(book), whole=False)
    except (OSError, ValueError):
        return None


def crops(book: Book, layout: Layout, slots: dict[str, str]) -> dict[str, float]:
    """Each photo frame's crop of the photo a page's ``slots`` put in it."""
    shares = {}
    for name, frame in layout.frames.items():
        pid = slots.get(name)
        if frame.kind == "photo" and pid in book.photos:
            shares[name] = crop_share(photo_shape(book, pid), (frame.w, frame.h), frame.fit)
    return shares


def family(layouts: dict[str, Layout], layout: Layout) -> list[Layout]:
    """The layout, its variants, theirs and so on, in the order they are named."""
    found = [layout]
    for member in found:
        found += [layouts[name] for name in member.variants if name in layouts and layouts[name] not in found]
    return found


def head_and_foot(book: Book, layout: Layout) -> tuple[float, float] | None:
    """The highest top and the lowest foot (mm) of a layout's pictures that stop
    inside the trim above and below; None when it has none."""
    spans = [(f.y, f.y + f.h) for f in layout.frames.values() if f.kind == "photo" and f.y >= 0 and f.y + f.h <= book.trim[1]]
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None


def misaligned(book: Book, layout: Layout, facing: Layout | None, lowest: bool = False) -> bool:
    """Whether the pictures of ``layout`` and of the ``facing`` page share
    neither a head line nor a foot line; with ``lowest``, whether the lowest
    picture of ``layout`` stands on another line than the facing page's
    lowest (pages whose pictures bleed off the head or the foot have nothing
    to line up)."""
    mine, theirs = head_and_foot(book, layout), head_and_foot(book, facing) if facing is not None else None
    if mine is None or theirs is None:
        return False
    if lowest:
        return abs(mine[1] - theirs[1]) > 0.01
    return abs(mine[0] - theirs[0]) > 0.01 and abs(mine[1] - theirs[1]) > 0.01


SMALL_SHARE = 1 / 3  # a page whose one picture covers less of the text block than this is a small picture on white
SMALL_WIDTH = 0.6  # or whose one picture is narrower than this share of the text block's width


def small_on_white(book: Book, layout: Layout) -> bool:
    """Whether ``layout`` holds one picture, inside the margins, on less than `SMALL_SHARE` of the text
    block or narrower than `SMALL_WIDTH` of its width: a picture that reads as unfinished on any page,
    even the quiet one before a chapter's first page (the tenth proof's pp. 34, 42 and 52)."""
    photos = [f for f in layout.frames.values() if f.kind == "photo"]
    if len(photos) != 1 or layout.spread:
        return False
    frame = photos[0]
    width = book.trim[0] - book.margins["inner"] - book.margins["outer"]
    height = book.trim[1] - book.margins["top"] - book.margins["bottom"]
    inside = frame.x >= 0 and frame.y >= 0 and frame.x + frame.w <= book.trim[0] and frame.y + frame.h <= book.trim[1]
    return inside and (frame.w * frame.h < SMALL_SHARE * width * height or frame.w < SMALL_WIDTH * width - 0.01)


REPEATS = 2  # the most pages of one chapter that show one frame (a size in one place) for one picture
LOW_MODULES = 1.5  # the most white (in modules of two rows) an ordinary page leaves over its top picture
RHYTHM_PAGES = 6  # a layout shown on one of this many pages before is the eye's repeat: another frame of its family wins a tie
RHYTHM_FAR = 20  # and one shown within this many pages still is, if less so (the eighth proof's grid-3 on pp. 13, 32 and 50)


def module(book: Book) -> float:
    """The pictures' module (mm): two rows and their gutters, the step every picture edge takes."""
    return 2 * (book.grid.row(book.trim[1]) + book.grid.row_gutter)


def low(book: Book, layout: Layout) -> bool:
    """Whether ``layout``'s top picture inside the trim starts more than `LOW_MODULES` under
    the head margin with nothing above it (no caption or text over it): a picture hung low under
    a white head (the eighth proof's pp. 28-29 and 48, under 88 mm of white)."""
    tops = [f.y for f in layout.frames.values() if f.kind == "photo" and f.y >= 0 and f.y + f.h <= book.trim[1]]
    if not tops or len(tops) != sum(1 for f in layout.frames.values() if f.kind == "photo"):
        return False  # a picture bleeds off the head or the foot: nothing hangs under white
    top = min(tops)
    led = any(f.kind != "photo" and f.y + f.h <= top + 0.01 for f in layout.frames.values())
    return not led and top - book.grid.top > LOW_MODULES * module(book) + 0.01


def closeness(name, recent: list, reach: int = RHYTHM_PAGES) -> int:
    """How near the last of the ``recent`` pages (oldest first) that shows layout ``name``
    stands: ``reach`` for the page just before, down to 0 for none within reach.

    >>> closeness("band", ["band", "grid-3", "full-bleed"]), closeness("band", ["grid-3"])
    (4, 0)
    """
    for distance, other in enumerate(reversed(recent[-reach:]), 1):
        if other == name:
            return reach + 1 - distance
    return 0


ROOM = "caption-room:"  # a measures' needs key: ROOM + photo + ":" + a variant too small for its caption


def cramped_of(needs: dict[str, int]) -> frozenset[tuple[str, str]]:
    """The (photo, variant) pairs the measures found too small for the photo's caption (`book.text.caption_room`).

    >>> sorted(cramped_of({"caption-room:p003:photo-caption": 1, "credits:0": 2}))
    [('p003', 'photo-caption')]
    """
    return frozenset(tuple(key[len(ROOM):].split(":", 1)) for key, count in needs.items() if key.startswith(ROOM) and count)


def single_frame(layout: Layout) -> tuple | None:
    """The frame (`frames_of`) of a page with one picture that stops inside the trim, or None."""
    frames = frames_of(layout)
    return frames if len(frames) == 1 and not layout.spread else None


def fitting(book: Book, layout: Layout, slots: dict[str, str]) -> list[Layout]:
    """The layouts of ``layout``'s family that keep every photo of ``slots`` within its limit."""
    return [member for member in family(book.layouts, layout)
            if all(share <= limit(book, book.photos[slots[name]]) + 1e-9 for name, share in crops(book, member, slots).items())]


def choose(book: Book, layout: Layout, slots: dict[str, str], facing: Layout | None = None,
           chapter: list[Layout] | None = None, last: bool = True, rhythm: Rhythm | None = None, recto: bool = False,
           following: dict[str, str] | None = None, cramped: frozenset[tuple[str, str]] = frozenset()) -> Layout:
    """The layout a page of ``layout`` with ``slots`` takes: of its family
    (`family`), one whose caption frames hold its captions in every edition
    (none of the ``cramped`` (photo, variant) pairs the measures found:
    `book.text.caption_room`); then one that keeps every photo within its limit; on a quiet page,
    the frame of the book's first quiet page, even where a trim makes it small
    (`Rhythm.off_system`); then one that is no small picture on white (`small_on_white`: seventh proof, pp. 15, 45
    and 56 read as unfinished; the tenth, the quiet pages 34, 42 and 52) and,
    unless the page is its chapter's ``last`` (the quiet page before an
    opener), none hung low under a white head (`low`); then one whose
    picture frames differ from the ``facing`` page's; then one whose pictures
    share a head or a foot line with the facing page's; then one that makes
    with the facing page no spread the book showed before (on a left-hand
    page, with the layout asked for on the right-hand one), and one
    whose frames are on no more than the book's share of pages (`Rhythm`);
    then the one that crops least (within a percent: a tie); of those, one
    whose lowest picture stands on the facing page's lowest picture line (the
    seventh proof's 12-13 and 50-51 shared only a head line); then, for one
    picture, a frame the other pages of its ``chapter`` (those chosen, those
    asked for after it) show fewer than `REPEATS` times, so single pictures
    vary between the foot line (photo-caption) and the head line (band); then
    one whose frames the pages before it (``rhythm``) showed longest ago, or
    not within `RHYTHM_PAGES` (`closeness`), then within `RHYTHM_FAR`; then
    whose name they showed longest ago (photo-led after photo-caption); then
    the first named."""
    if not layout.variants:
        return layout
    rhythm = rhythm or Rhythm(quota=10**6)
    candidates = family(book.layouts, layout)
    others = [single_frame(other) for other in chapter or []]
    recent = [frames_of(shown) or shown.name for shown in rhythm.shown]
    names = [shown.name for shown in rhythm.shown]
    opposite = fitting(book, facing, following) if following is not None and facing is not None else []

    def rank(candidate: Layout) -> tuple:
        shares = crops(book, candidate, slots)
        tight = any((pid, candidate.name) in cramped for pid in slots.values())
        # past the limit, by how much (a 16:10 photo no frame of its family keeps within 15 %: the one
        # that crops it 18 %, not a portrait frame's 50 % for the rhythm's sake, the newcomer's p. 8)
        over = round(max((share - limit(book, book.photos[slots[name]]) for name, share in shares.items()), default=0.0), 2)
        over = over if over > 1e-9 else 0.0
        small = small_on_white(book, candidate) or not last and low(book, candidate)
        system = last and rhythm.off_system(candidate)
        same = facing is not None and bool(frames_of(candidate)) and frames_of(candidate) == frames_of(facing)
        apart = misaligned(book, candidate, facing)
        repeats = (recto and rhythm.spread_seen(facing, candidate), rhythm.overused(candidate))
        ahead = sum(rhythm.spread_seen(candidate, other) for other in opposite)  # a left-hand page: the spreads it may make
        mine = single_frame(candidate)
        repeated = mine is not None and others.count(mine) >= REPEATS
        seen = frames_of(candidate) or candidate.name
        return (tight, over, system, small, same, apart, *repeats, misaligned(book, candidate, facing, True), ahead, rhythm.in_chapter(candidate),
                round(max(shares.values(), default=0.0), 2), repeated, closeness(seen, recent), closeness(seen, recent, RHYTHM_FAR),
                closeness(candidate.name, names))

    return min(candidates, key=rank)


def check_crops(book: Book, pages, out: Problems) -> None:
    """A photo its frame crops past its limit is a warning naming the photo,
    the page and what to do; the book still prints."""
    seen = set()
    for page in pages:
        for placed in page.placed:
            pid = placed.value
            if placed.frame.kind != "photo" or pid not in book.photos or (pid, placed.frame.name) in seen:
                continue
            seen.add((pid, placed.frame.name))
            photo = book.photos[pid]
            share = crop_share(photo_shape(book, pid), (placed.frame.w, placed.frame.h), placed.frame.fit)
            allowed = limit(book, photo)
            if share > allowed + 1e-9:
                where = on_page(replace(photo.where, photo=pid), page.number)
                kept = keeping_shape(book, page, pid)
                why = (f"the page asked for '{page.asked}', whose variants that keep its shape ({', '.join(kept)}) have no room for "
                       f"photo {pid}'s caption in some edition: shorten that caption (book check names the edition)"
                       if kept else "give the page a layout with a variant of its shape (variants: in layouts/layouts.yaml)")
                out.warn("crop", where, f"photo {pid} loses {share:.0%} of its area in frame '{placed.frame.name}' of layout "
                         f"'{page.layout.name}' on page {page.number} (limit {allowed:.0%}); {why}, or allow the crop with "
                         f"crop: {min(0.9, share + 0.005):.2f} under photo {pid}")


def keeping_shape(book: Book, page, pid: str) -> list[str]:
    """The other variants of the layout ``page`` asked for that keep photo ``pid`` within its limit:
    passed over only because their caption frames were too small for a caption (`choose`'s first rank)."""
    asked = book.layouts.get(page.asked) if page.asked else None
    if asked is None:
        return []
    slots = {placed.frame.name: placed.value for placed in page.placed if placed.value}
    return [member.name for member in family(book.layouts, asked) if member.name != page.layout.name
            and all(share <= limit(book, book.photos[slots[name]]) + 1e-9 for name, share in crops(book, member, slots).items())
            and any(slots.get(name) == pid for name in member.frames)]


FOLD_CLEARANCE = 20.0  # mm: the least distance between a spread photo's subject and the fold


def fold_distance(book: Book, placed, recto: bool) -> float | None:
    """How far (mm) the photo's focus (its centre when it names none) falls
    from the fold, for a photo frame that crosses it; None for one that does not."""
    from book.images.process import crop_box  # images imports the pagination: import it when it is asked

    x, _, w, h = placed.box
    fold = 0.0 if recto else book.trim[0]
    size = photo_shape(book, placed.value)
    if size is None or not x < fold < x + w:
        return None
    focus = book.photos[placed.value].focus or (0.5, 0.5)
    x0, _, x1, _ = crop_box(size, (w, h), placed.frame.fit, focus)
    if x1 <= x0:
        return None
    at = x + (focus[0] * size[0] - x0) / (x1 - x0) * w
    return abs(at - fold)


def check_fold(book: Book, pages, out: Problems) -> None:
    """A photo across the fold whose subject (its ``focus``) falls within
    `FOLD_CLEARANCE` of it is a warning naming the photo and the pages: the
    binding swallows what sits in the gutter."""
    seen = set()
    for page in pages:
        if not page.layout.spread:
            continue
        for placed in page.placed:
            pid = placed.value
            if placed.frame.kind != "photo" or pid not in book.photos or pid in seen or not book.photos[pid].focus:
                continue
            distance = fold_distance(book, placed, page.recto)
            if distance is None:
                continue
            seen.add(pid)
            if distance < FOLD_CLEARANCE:
                first = page.number if not page.recto else page.number - 1
                out.warn("fold", book.photos[pid].where, f"photo {pid} on pages {first}–{first + 1}: its focus falls {distance:.0f} mm "
                         f"from the fold (keep {FOLD_CLEARANCE:.0f} mm); move its focus: if the crop allows, or give it a layout "
                         "that keeps its subject on one page (spread-offset, or a single-page one)")
