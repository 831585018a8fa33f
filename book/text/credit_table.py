"""The photo credits by photographer as a table of two column pairs: in each,
a name column as wide as its widest name (up to `NAME_LIMIT_EMS`; a longer
name, a body's, wraps inside it) and a page column that takes the rest of the
frame, both page columns sharing it by what their lists need. Every entry's
figures start on its name's first baseline, one name gap (`CREDITS_NAME_GAP_EMS`)
after the name column in both pairs, and wrap balanced (never one figure alone
on a line: "… 50 top right, / 61"), a turnover one em in. The two columns
flow on their own: each entry takes the lines it needs in its column, on the
list's baselines, so that a wrap on one side leaves no blank line on the
other; the entries split between the columns where they come out most even.

One block per entry (the setter links each to its page), flowed page by page:
each page takes as many entries as its frame holds, the first half down the
left pair, the rest down the right one."""

from __future__ import annotations

from book.model import MM
from book.text.credit_list import TURNOVER_EMS, name_lines, ref_lines, too_wide
from book.text.lists import CREDITS_HEAD_GAP_MM, CREDITS_NAME_GAP_EMS, UNBROKEN_MM, Block, Flowed, legend_blocks, place_legends

NAME_LIMIT_EMS = 12.0  # the widest a name column grows; a longer name wraps inside it
PAIR_GUTTER_EMS = 3.0  # between the left pair's figures and the right pair's names: twice the name gap
GUTTER_LEAST_EMS = 2.0  # what that gutter may close to where a page column needs the room for its widest figure
PAGES_MIN_EMS = 10.0  # a page column never narrower than this (the name column gives way first)


def balanced_refs(setter, style, reference: str, width: float) -> list:
    """A credit's figures in as few lines of ``width`` mm as they need, the lines
    as even as those allow: the narrowest measure that keeps their count."""
    lines = ref_lines(setter, style, reference, width, width)
    if len(lines) < 2:
        return lines
    low, high = width / len(lines), width
    for _ in range(12):
        middle = (low + high) / 2
        if len(ref_lines(setter, style, reference, middle, middle)) == len(lines):
            high = middle
        else:
            low = middle
    return ref_lines(setter, style, reference, high, high)


def widths(setter, style, entries, halves: list[list[int]], frame_w: float) -> list[tuple[float, float, float]]:
    """Each pair's (x, name column, page column), mm from the frame's left. A page
    column is never narrower than its widest figure on a turnover line (one
    `TURNOVER_EMS` in): a figure is never parted ("13 top right and bottom", the
    fifteenth en proof's ran 11 pt past the margin in a column of 74 pt)."""
    em = style.size / MM
    gap, gutter = CREDITS_NAME_GAP_EMS * em, PAIR_GUTTER_EMS * em
    limit = NAME_LIMIT_EMS * em
    names, needs, leasts = [], [], []
    for half in halves:
        found = [setter.single_line(entries[i].name, style, UNBROKEN_MM) for i in half]
        inks = [line.width / MM if line.width / MM <= limit + 0.01 else  # a long name: its widest line, wrapped at the limit
                max((part.width / MM for part in name_lines(setter, style, entries[i].name, limit)), default=limit)
                for i, line in zip(half, found, strict=True) if line]
        names.append(min(max(inks, default=0.0), limit))
        refs = [setter.single_line(entries[i].reference, style, UNBROKEN_MM) for i in half if entries[i].reference]
        needs.append(max((line.width / MM for line in refs if line), default=0.0))
        figures = [setter.single_line(figure, style, UNBROKEN_MM) for i in half for figure in figure_texts(entries[i].reference)]
        leasts.append(max([PAGES_MIN_EMS * em] + [line.width / MM + TURNOVER_EMS * em for line in figures if line]))
    room = frame_w - gutter * (len(halves) - 1) - sum(names) - gap * len(halves)
    if room < sum(leasts) and len(halves) > 1:  # the gutter between the pairs gives way first, to GUTTER_LEAST_EMS
        give = min(gutter - GUTTER_LEAST_EMS * em, (sum(leasts) - room) / (len(halves) - 1))
        gutter, room = gutter - give, room + give * (len(halves) - 1)
    if room < sum(leasts):  # narrow frame: the names give way to the figures
        cut = (sum(leasts) - room) / len(halves)
        names = [max(em, n - cut) for n in names]
        room = sum(leasts)
    total = sum(needs)
    if total <= room:  # every list fits on one line: the spare room shared evenly
        pages = [need + (room - total) / len(halves) for need in needs]
    else:  # each its least, the rest by what each pair's lists need beyond it
        beyond = [max(0.0, need - least) for need, least in zip(needs, leasts, strict=True)]
        spare = room - sum(leasts)
        pages = [least + (spare * more / sum(beyond) if sum(beyond) else spare / len(halves))
                 for least, more in zip(leasts, beyond, strict=True)]
    found, x = [], 0.0
    for name_w, page_w in zip(names, pages, strict=True):
        found.append((x, name_w, page_w))
        x += name_w + gap + page_w + gutter
    return found


def figure_texts(reference: str) -> list[str]:
    """A credit's figures as `credit_list.ref_lines` sets them, each with its separator.

    >>> figure_texts("9 bottom, 12, 13 top right and bottom")
    ['9 bottom,', '12,', '13 top right and bottom']
    """
    join = next((j for j in ("、", ", ") if j in reference), None)
    parts = reference.split(join) if join else [reference] if reference else []
    return [part + (join.rstrip() if join and k < len(parts) - 1 else "") for k, part in enumerate(parts)]


def entry_rows(setter, style, entry, name_w: float, page_w: float, page: int) -> tuple[list, list, float]:
    """An entry's name lines, figure lines and its name's turnover indent: a
    turnover stands one `TURNOVER_EMS` in, so that it reads as the entry's and
    not as the next (a name's only where its lines fit the column so)."""
    indent = TURNOVER_EMS * style.size / MM
    name = setter.single_line(entry.name, style, UNBROKEN_MM)
    names = [name] if name and name.width / MM <= name_w + 0.01 else name_lines(setter, style, entry.name, name_w)
    if len(names) > 1 and any(line.width / MM > name_w - indent + 0.01 for line in names[1:]):
        inset = name_lines(setter, style, entry.name, name_w - indent)  # turnovers one em in, as every other
        if len(inset) == len(names) and max(line.width / MM for line in inset) <= name_w - indent + 0.01:
            names = inset
    if names and max(line.width / MM for line in names) > name_w + 0.01:
        too_wide(setter, entry, max(names, key=lambda line: line.width), name_w, page)
    name_in = indent if all(line.width / MM <= name_w - indent + 0.01 for line in names[1:]) else 0.0  # in, where it fits
    refs = balanced_refs(setter, style, entry.reference, page_w - indent) if entry.reference else []
    if len(refs) == 2 and refs[0] is not None:  # two lines: the first as full as the column takes, unless
        full = ref_lines(setter, style, entry.reference, page_w - indent, page_w)  # that leaves one figure alone
        if len(full) == 2 and None not in full and any(j in piece_text(full[1]) for j in ("、", ", ")):
            refs = full
    return names, [line for line in refs if line is not None], name_in


def piece_text(line) -> str:
    return "".join(piece.text for piece in line.pieces)


def column_depth(rows: list[tuple[list, list, float]]) -> int:
    """The lines a column of entries takes, each entry as deep as its taller side."""
    return sum(max(len(names), len(refs), 1) for names, refs, _ in rows)


def lay_halves(setter, style, entries, halves: list[list[int]], frame_w: float, page: int) -> tuple:
    geometry = widths(setter, style, entries, halves, frame_w)
    rows = [[entry_rows(setter, style, entries[i], g[1], g[2], page) for i in half] for half, g in zip(halves, geometry, strict=True)]
    return geometry, rows


def lay_page(setter, style, entries, start: int, count: int, frame_w: float, page: int) -> tuple:
    """``count`` entries from ``start`` laid as two columns on one page: their
    blocks, each one's (pair, top offset), the table's height and each pair's
    figures tab, mm. Each column flows on its own baselines (an entry that
    wraps on one side leaves no blank line on the other), the entries split
    between them where the columns come out most even, the left one never the
    shorter."""
    lead = style.leading / MM
    indent = TURNOVER_EMS * style.size / MM
    best = None
    middle = (count + 1) // 2
    for first in sorted({max(1, min(count, middle + d)) for d in (-2, -1, 0, 1, 2)} if count > 1 else {count}):
        halves = [list(range(start, start + first)), list(range(start + first, start + count))]
        halves = [half for half in halves if half]
        geometry, rows = lay_halves(setter, style, entries, halves, frame_w, page)
        depths = [column_depth(pair) for pair in rows]
        score = (max(depths), depths[0] < depths[-1], abs(first - middle))
        if best is None or score < best[0]:
            best = (score, halves, geometry, rows)
    _, halves, geometry, rows = best
    em_gap = CREDITS_NAME_GAP_EMS * style.size / MM
    blocks: dict[int, Block] = {}
    spots: dict[int, tuple[int, float]] = {}
    height = 0.0
    for pair, (half, (x, name_w, _)) in enumerate(zip(halves, geometry, strict=True)):
        top = 0.0
        for index, (names, refs, name_in) in zip(half, rows[pair], strict=True):
            depth = max(len(names), len(refs), 1) * lead
            pieces = [(x + (name_in if k else 0.0), k * lead, [line]) for k, line in enumerate(names)]
            pieces += [(x + name_w + em_gap + (indent if k else 0.0), k * lead, [line]) for k, line in enumerate(refs)]
            blocks[index] = Block(depth, 0.0, pieces)
            spots[index] = (pair, top)
            top += depth
        height = max(height, top)
    order = range(start, start + count)
    return [blocks[i] for i in order], [spots[i] for i in order], height, [x + name_w + em_gap for x, name_w, _ in geometry]


def table_list(setter, frames, endless: bool, more) -> tuple[list[Block], Flowed, float]:
    """The credits by photographer through ``frames`` (and, if ``endless``, pages
    like ``more`` past them): as many entries on each page as its frame holds."""
    first_page, first = frames[0]
    style = setter.style(first.frame.style)
    entries = setter.words.credits
    boxes = [placed.box for _, placed in frames]
    frame_w = boxes[0][2]
    blocks, spots, fits, start, frame = [], [], True, 0, 0
    head_line = setter.single_line(setter.words.credits_head, style, UNBROKEN_MM) if setter.words.credits_head and entries else None
    while start < len(entries):
        if frame == len(boxes):
            if endless and more is not None:
                boxes.append(more)
            else:
                frame, fits = frame - 1, False
        x, y, _, h = boxes[frame]
        count = len(entries) - start
        laid = lay_page(setter, style, entries, start, count, frame_w, first_page.number)
        while laid[2] > h + 0.01 and count > 1 and fits:
            count -= 1
            laid = lay_page(setter, style, entries, start, count, frame_w, first_page.number)
        page_blocks, page_spots, height, tabs = laid
        fits = fits and height <= h + 0.01
        if head_line:  # the figures' head over each pair's page column, above its first entry
            for pair, tab in enumerate(tabs):
                index = next(i for i, (p, _) in enumerate(page_spots) if p == pair)
                page_blocks[index].pieces.append((tab, -style.leading / MM - CREDITS_HEAD_GAP_MM, [head_line]))
                page_blocks[index].head = True
        blocks += page_blocks
        spots += [(frame, x, y + top) for _, top in page_spots]
        start += count
        frame += 1
    flowed = Flowed(spots, max(frame, 1), fits)
    legends = legend_blocks(setter, style, frame_w)
    place_legends(blocks, flowed, legends, boxes, more)
    return blocks, flowed, frame_w
