"""The lists the book generates (contents, photo credits) flowed through
their frames: the list's first page, then as many continuation pages (its
layout's ``continued:`` layout) as it needs.

The same flow serves twice. Before the final pagination, `measure_lists`
runs it on every edition against frames that continue without end and
returns how many continuation pages each list needs; pagination takes the
most any edition needs, so all editions keep the same pages. Setting then
flows each edition's entries through the pages it got; what still does not
fit is an overflow, reported, never cut."""

from __future__ import annotations

from dataclasses import dataclass

from book.model import LIST_KINDS, MM, Book
from book.pages.paginate import Page, Pagination, Placed
from book.text.credits import LEGENDS_HEAD_STYLE
from book.text.typeset import Line, Part, set_block

TOC_NUMBER_MM = 15.0  # the room kept at the end of a title's lines for its page number
TOC_LABEL_GAP_MM = 1.5
TOC_ENTRY_GAP_MM = 7.0
CREDITS_GUTTER_EMS = 1.0  # off the grid, a credits list's columns stand at least its gutter and this many ems apart
CREDITS_TAB_MM = 2.5  # between the credits' page, position and name columns
CREDITS_NAME_GAP_EMS = 1.5  # at least this white between a photographer's name and the figures beside it
CREDITS_HEAD_GAP_MM = 1.5  # between the figures' column head and the first entry's line
CREDITS_TAB_SHARE = 0.5  # a list by photographer's figures start at most this far across its column
UNBROKEN_MM = 10000.0  # a measure no entry reaches: the piece stays on one line


@dataclass
class Block:
    """One list entry: pieces of lines at offsets (mm) from its top-left, kept together."""

    height: float
    gap: float  # space after it, dropped at a column's end
    pieces: list[tuple[float, float, list[Line]]]
    fits: bool = True  # within its own limits (a contents title of at most its lines)
    head: bool = False  # its last piece is the column head `add_heads` put above it, not part of the entry


@dataclass
class Flowed:
    """Where each block went: (frame index, x, top) per block, and the frames used."""

    spots: list[tuple[int, float, float]]
    frames_used: int
    fits: bool


def toc_blocks(setter, width: float, page: int) -> list[Block]:
    style, small = setter.style("toc"), setter.style("chapter-number")
    blocks = []
    for entry in setter.words.toc:
        label = set_block(setter.fonts, [Part(entry.label, small)], setter.lang, width - TOC_NUMBER_MM, 20)
        title = set_block(setter.fonts, [Part(entry.title, style, keep=setter.words.keep)], setter.lang, width - TOC_NUMBER_MM, 40)
        below = label.height / MM + TOC_LABEL_GAP_MM
        pieces = [(0.0, 0.0, label.lines), (0.0, below, title.lines)]
        number = setter.single_line(str(entry.page), style, TOC_NUMBER_MM)
        if number and title.lines:
            # The number follows its title's last line after an em space, where the eye
            # ends reading the title (Latin and CJK alike), not at the far edge of the column.
            last = title.lines[-1]
            down = sum(line.gap + line.leading for line in title.lines[1:]) / MM
            pieces.append((last.width / MM + style.size / MM, below + down, [number]))
        block = Block(below + title.height / MM, TOC_ENTRY_GAP_MM, pieces, title.fits and label.fits)
        if not block.fits:
            setter.overflow(setter.where(entry.message), f"contents entry {entry.label or entry.title}", "contents", page, title.needed, title.available)
        blocks.append(block)
    return blocks


def legend_blocks(setter, style, col_w: float) -> list[Block]:
    """The legends of the photos shown without a caption (a frontispiece) and
    of the cover's photo, set on the list frame's full measure, to stand under
    all its columns (`place_legends`), a line's space above the first, under
    their own small heading ("Ảnh trang 2 và bìa") when the edition has one."""
    blocks = []
    head = setter.words.legends_head
    head_lines = set_block(setter.fonts, [Part(head, setter.style(LEGENDS_HEAD_STYLE), keep=setter.words.keep)],
                           setter.lang, col_w, 4).lines if head else []
    for number, legend in enumerate(setter.words.legends):
        block = set_block(setter.fonts, [Part(legend, style, keep=setter.words.keep)], setter.lang, col_w, 40)
        gap = style.leading / MM if number == 0 else 0.0
        lines, pieces = block.lines, []
        if number == 0 and head_lines:
            pieces.append((0.0, gap, head_lines))
            gap += sum(line.gap + line.leading for line in head_lines) / MM
        pieces.append((0.0, gap, lines))
        blocks.append(Block(gap + sum(line.gap + line.leading for line in lines) / MM, 0.0, pieces))
    return blocks


def add_heads(blocks: list[Block], flowed: Flowed, head) -> None:
    """The figures' column head over each column the list fills, on every page of
    it, in the space above the frame, so that the entries of all columns share their lines."""
    seen = set()
    for block, (frame, x, _) in zip(blocks, flowed.spots, strict=True):
        if (frame, x) not in seen:
            seen.add((frame, x))
            block.pieces.append(head)
            block.head = True


def column_share(blocks: list[Block], h: float, columns: int, slack: float) -> float:
    """How far down a column may fill: the whole frame, or on the page where
    the rest of the list ends, about its share, so the columns balance."""
    rest = sum(block.height + block.gap for block in blocks)
    return h if rest > h * columns else min(h, rest / columns + slack)


def credits_gutter(book: Book, style, width: float, columns: int) -> tuple[float, float]:
    """(the width of each of a credits list's ``columns``, the white between
    them), mm, in a frame ``width`` wide. On the page grid each column takes
    whole grid columns and the white between two is a grid column and its two
    gutters (63.7 pt at the sample's trim), so that one column's flush-right
    figures and the next column's names never read as one line ("20, 21, 51, 55
    Mai Xuân Trường"); a frame off the grid keeps its gutter and an em of the
    list's type, at least one grid column and gutter."""
    if columns < 2:
        return width, 0.0
    grid = book.grid
    pitch = grid.column(book.trim[0]) + grid.gutter
    spans = round((width + grid.gutter) / pitch)
    whole = (spans - (columns - 1)) // columns
    if whole >= 1 and abs(spans * pitch - grid.gutter - width) < 0.1:
        col_w = whole * pitch - grid.gutter
        return col_w, pitch + grid.gutter
    gap = max(grid.gutter + CREDITS_GUTTER_EMS * style.size / MM, pitch)
    return (width - gap * (columns - 1)) / columns, gap


def flow(blocks: list[Block], boxes: list[tuple[float, float, float, float]], columns: int, col_w: float,
         more: tuple[float, float, float, float] | None, slack: float = 0.0, gutter: float = 0.0) -> Flowed:
    """Place ``blocks`` down ``columns`` columns of each box in turn, ``gutter``
    mm apart; past the last box, on boxes like ``more`` (None: no more room,
    the rest overflows)."""
    spots, frame, column = [], 0, 0
    boxes = list(boxes)
    x, y, _, h = boxes[0]
    top, fits = y, True
    share = column_share(blocks, h, columns, slack)
    for index, block in enumerate(blocks):
        if top > y + 0.01 and top + block.height > y + share + 0.01:
            column += 1
            if column == columns:
                if frame + 1 == len(boxes) and more is not None:
                    boxes.append(more)
                if frame + 1 < len(boxes):
                    frame, column = frame + 1, 0
                    x, y, _, h = boxes[frame]
                    share = column_share(blocks[index:], h, columns, slack)
                else:
                    column -= 1  # no room left: the rest runs past the frame's end
                    fits = False
            if fits:
                top = y
        if top + block.height > y + h + 0.01:
            fits = False
        spots.append((frame, x + column * (col_w + gutter), top))
        top += block.height + block.gap
    return Flowed(spots, frame + 1, fits)


def list_frames(pagination: Pagination) -> dict[str, list[tuple[Page, Placed]]]:
    """Each generated list's frames in page order, keyed by the list."""
    found: dict[str, list[tuple[Page, Placed]]] = {}
    for page in pagination.pages:
        for placed in page.placed:
            if placed.frame.kind in LIST_KINDS:
                key = page.list_key or f"page {page.number}"
                found.setdefault(f"{key}|{placed.frame.kind}", []).append((page, placed))
    return found


def continuation_box(book: Book, page: Page, kind: str) -> tuple[float, float, float, float] | None:
    """The list frame of the layout ``page``'s list continues on, as designed."""
    name = page.layout.continued if page.part == 0 else None
    if name is None:
        return None
    frame = next(f for f in book.layouts[name].frames.values() if f.kind == kind)
    return (frame.x, frame.y, frame.w, frame.h)


def flow_list(setter, frames: list[tuple[Page, Placed]], endless: bool) -> tuple[list[Block], Flowed, float]:
    """Flow one list through ``frames`` (and, if ``endless``, continuation frames past them)."""
    first_page, first = frames[0]
    kind, width = first.frame.kind, first.box[2]
    if kind != "toc" and setter.book.credits_by == "photographer" and setter.style(first.frame.style).columns > 1:
        from book.text.credit_table import table_list  # a table of name and page columns, each flowing on its own
        return table_list(setter, frames, endless, continuation_box(setter.book, first_page, kind) if endless else None)
    slack = gutter = 0.0
    if kind == "toc":
        columns, col_w, blocks = 1, width, toc_blocks(setter, width, first_page.number)
    else:
        style = setter.style(first.frame.style)
        columns = max(1, style.columns)
        col_w, gutter = credits_gutter(setter.book, style, width, columns)
        from book.text.credit_list import credit_blocks  # the credits' own module, which builds on this one's blocks

        blocks, head = credit_blocks(setter, first.frame.style, col_w, first_page.number)
        slack = style.leading / MM / 2  # half a line, so that a balanced column takes its last line
    more = continuation_box(setter.book, first_page, kind) if endless else None
    boxes = [placed.box for _, placed in frames]
    flowed = flow(blocks, boxes, columns, col_w, more, slack, gutter)
    if kind != "toc":
        if head:
            add_heads(blocks, flowed, head)
        legends = legend_blocks(setter, setter.style(first.frame.style), width)
        place_legends(blocks, flowed, legends, boxes, more)
    return blocks, flowed, col_w


def place_legends(blocks: list[Block], flowed: Flowed, legends: list[Block], boxes: list, more) -> None:
    """The legends (`legend_blocks`) under the list's last frame's columns, on
    the frame's full measure, below the longest column: a note on the whole
    list, never read as one more entry of its last column. On the next frame
    (``more``) when the last has no room; past its end, an overflow."""
    if not legends:
        return
    frame = flowed.spots[-1][0] if flowed.spots else 0
    box = boxes[frame] if frame < len(boxes) else more
    top = max((t + b.height for b, (f, _, t) in zip(blocks, flowed.spots, strict=False) if f == frame), default=box[1])
    after = boxes[frame + 1] if frame + 1 < len(boxes) else more  # the list's next page, as paginated or as it would run on
    if top + sum(b.height for b in legends) > box[1] + box[3] + 0.01 and after is not None:
        frame, box = frame + 1, after
        top = box[1] - legends[0].pieces[0][1]  # at the new frame's top, without the space above the first
        flowed.frames_used = max(flowed.frames_used, frame + 1)
    for block in legends:
        flowed.spots.append((frame, box[0], top))
        top += block.height
        blocks.append(block)
    if top > box[1] + box[3] + 0.01:
        flowed.fits = False


def measure_lists(setter) -> dict[str, int]:
    """How many continuation pages each list of this edition needs."""
    needs = {}
    for frames in list_frames(setter.pagination).values():
        page = frames[0][0]
        if page.list_key is not None:
            _, flowed, _ = flow_list(setter, frames, endless=True)
            needs[page.list_key] = max(needs.get(page.list_key, 0), flowed.frames_used - 1)
    return needs
