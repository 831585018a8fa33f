"""The photo credits as a list flowed down the columns of their frame
(`book.text.lists.flow_list`): by page, the figures flush right, the
position, then the credit; by photographer in one column, the credit and its
figures from one tab. A credit wider than its room wraps, its turnover an em
in (`credit_lines`), as in the table by photographer (`book.text.credit_table`):
a photographer's ordinary name at a small trim is no fault; only a name that
cannot fit (a word wider than the room, or more than ``NAME_ROWS`` lines) is
reported."""

from __future__ import annotations

from book.errors import on_page
from book.model import MM
from book.text.lists import (
    CREDITS_HEAD_GAP_MM,
    CREDITS_NAME_GAP_EMS,
    CREDITS_TAB_MM,
    CREDITS_TAB_SHARE,
    UNBROKEN_MM,
    Block,
)
from book.text.typeset import break_paragraph

NAME_ROWS = 2  # the lines a credit may take in its column before it is reported as too long
TURNOVER_EMS = 1.0  # a name's or a list of figures' second line stands this far in


def credit_blocks(setter, style_name: str, col_w: float, page: int = 0) -> tuple[list[Block], tuple | None]:
    """The column head (the page label, said once, over the figures), then one
    block per entry: by page, three tab columns: the figures flush right (so
    they align), the position on the page, then the credit, whole; by
    photographer, the credit, then its figures flush left from one tab, the
    same in every column, and their turnovers at that tab (`credits_tab`). A
    credit wider than its room wraps, its turnover an em in (`credit_lines`);
    one that cannot (a word wider than the room, or more than ``NAME_ROWS``
    lines) is reported. Returns the blocks and the head as a piece to set above
    each column (None without one)."""
    style = setter.style(style_name)
    entries = setter.words.credits
    refs = [setter.single_line(entry.reference, style, UNBROKEN_MM) for entry in entries]
    ref_w = max((line.width / MM for line in refs if line), default=0.0)
    by_name = setter.book.credits_by == "photographer"
    head = setter.single_line(setter.words.credits_head, style, UNBROKEN_MM) if setter.words.credits_head and entries else None
    up = -style.leading / MM - CREDITS_HEAD_GAP_MM  # the head's baseline a line and the gap above the first entry's
    if by_name:
        names = [setter.single_line(entry.name, style, UNBROKEN_MM) for entry in entries]
        tab = credits_tab([line.width / MM for line in names if line], style, col_w)
        blocks = [name_block(setter, style, entry, name, col_w, tab, page) for entry, name in zip(entries, names, strict=True)]
        return blocks, (tab, up, [head]) if head else None
    ref_w = max(ref_w, head.width / MM if head else 0.0)
    blocks = []
    spots = [setter.single_line(entry.position, style, UNBROKEN_MM) if entry.position else None for entry in entries]
    spot_w = max((line.width / MM for line in spots if line), default=0.0)
    name_x = ref_w + CREDITS_TAB_MM + (spot_w + CREDITS_TAB_MM if spot_w else 0.0)
    for entry, ref, spot in zip(entries, refs, spots, strict=True):
        names = credit_lines(setter, style, entry, col_w - name_x, page)
        lead = style.leading / MM
        pieces = [(name_x + (turnover_in(style, names, col_w - name_x) if row else 0.0), row * lead, [line])
                  for row, line in enumerate(names)]
        if ref:
            pieces.append((ref_w - ref.width / MM, 0.0, [ref]))
        if spot:
            pieces.append((ref_w + CREDITS_TAB_MM, 0.0, [spot]))
        blocks.append(Block(max(len(names), 1) * lead, 0.0, pieces))
    return blocks, (ref_w - head.width / MM, up, [head]) if head else None


def credits_tab(widths: list[float], style, col_w: float) -> float:
    """Where a list by photographer's figures start, mm from the column's left:
    the widest credit and the name gap (so no figure stands farther from its
    name than the widest name asks, never a 100 pt hole after a short one),
    of the credits within CREDITS_TAB_SHARE of the column, so the figures keep
    a measure; a wider credit (a body's long name) hangs its figures on the
    line below, at the tab."""
    gap, most = CREDITS_NAME_GAP_EMS * style.size / MM, col_w * CREDITS_TAB_SHARE
    return max((w + gap for w in widths if w + gap <= most), default=most)


def name_block(setter, style, entry, name, col_w: float, tab: float, page: int) -> Block:
    """A photographer's line: the credit (wrapped where it is wider than the
    column, `credit_lines`), and its figures flush left from the ``tab``; the figures that do not fit on the line run on at the same tab on
    the lines below, broken after a figure's separator only (a page and its
    position stay together: "20 bottom left")."""
    names = credit_lines(setter, style, entry, col_w, page) if name else []
    lead = style.leading / MM
    pieces = [(turnover_in(style, names, col_w) if row else 0.0, row * lead, [line]) for row, line in enumerate(names)]
    rows = max(len(names), 1)
    if entry.reference:  # beside the name's last line where there is room, else on the lines below
        room, last = col_w - tab, names[-1].width / MM if names else 0.0
        down = max(len(names) - 1, 0)
        lines = ref_lines(setter, style, entry.reference, room, room if last + CREDITS_NAME_GAP_EMS * style.size / MM <= tab + 0.01 else 0.0)
        rows = max(rows, down + len(lines))
        for row, line in enumerate(lines):
            if line is not None:
                pieces.append((tab, (down + row) * lead, [line]))
    return Block(rows * lead, 0.0, pieces)


def ref_lines(setter, style, reference: str, col_w: float, first_w: float) -> list:
    """A photographer's figures as lines: as many as fit beside the name
    (``first_w`` mm; None when not one does), then as many as fit each full
    line below (``col_w``)."""
    join = next((j for j in ("、", ", ") if j in reference), None)
    refs = reference.split(join) if join else [reference]
    lines, start, room = [], 0, first_w
    while start < len(refs):
        end = start
        while end < len(refs):
            text = (join or "").join(refs[start:end + 1]) + (join.rstrip() if join and end + 1 < len(refs) else "")
            line = setter.single_line(text, style, UNBROKEN_MM)
            if line is None or line.width / MM > room + 0.01:
                break
            end += 1
        if end == start:
            if not lines and room < col_w:
                lines.append(None)  # not one figure beside the name: they start on the next line
                room = col_w
                continue
            end = start + 1  # one figure wider than the column: set whole all the same
        text = (join or "").join(refs[start:end]) + (join.rstrip() if join and end < len(refs) else "")
        lines.append(setter.single_line(text, style, UNBROKEN_MM))
        start, room = end, col_w
    return lines


def too_wide(setter, entry, name, room: float, page: int) -> None:
    setter.out.warn("credit-too-wide", on_page(setter.where(entry.message), page),
                    f"{setter.lang}: photo credits (page {page}): the credit of photo {entry.photo}, '{entry.name}', is "
                    f"{name.width / MM:.1f} mm wide and its column has room for {room:.1f} mm; "
                    "shorten it, or give the credits layout wider columns or a smaller style")


def name_lines(setter, style, name: str, width: float) -> list:
    """A credit's lines in a name column ``width`` mm wide: one, or a long name
    wrapped. Running text never parts a person's name ("Nguyễn Thị Thu
    Trang", `book.text.latin`); a credit that is the name alone parts between
    its words where nothing else fits (`split_name`)."""
    for keep in (setter.words.keep, ()):  # a name kept whole that is wider than the column breaks all the same
        lines = break_paragraph(setter.fonts, name, style, setter.lang, style.size, width * MM, keep=keep)
        if lines and max(line.width for line in lines) <= width * MM + 0.01:
            return lines
    return split_name(setter, style, name, width) or lines or []


def split_name(setter, style, name: str, width: float) -> list | None:
    """A name in two lines parted between its words, each within ``width`` mm,
    the two as even as they can be (the first the longer on a tie); None when
    no such parting fits.

    >>> class Setter:
    ...     def single_line(self, text, style, width):
    ...         return type("Line", (), {"width": len(text) * MM, "text": text})()
    >>> [line.text for line in split_name(Setter(), None, "Nguyễn Thị Thu Trang", 12)]
    ['Nguyễn Thị', 'Thu Trang']
    >>> split_name(Setter(), None, "Nguyễn Thị Thu Trang", 9) is None
    True
    """
    words = name.split()
    best = None
    for cut in range(1, len(words)):
        lines = [setter.single_line(" ".join(part), style, UNBROKEN_MM) for part in (words[:cut], words[cut:])]
        if None in lines or max(line.width for line in lines) > width * MM + 0.01:
            continue
        score = (max(line.width for line in lines), lines[0].width < lines[1].width)
        if best is None or score < best[0]:
            best = (score, lines)
    return best[1] if best else None


def credit_lines(setter, style, entry, room: float, page: int) -> list:
    """A credit's lines in ``room`` mm: one line, or the name wrapped (at most
    ``NAME_ROWS`` lines, each within the room); else reported (`too_wide`)
    and set as it comes, wrapped where it can be."""
    name = setter.single_line(entry.name, style, UNBROKEN_MM)
    if name is None or name.width / MM <= room + 0.01:
        return [name] if name else []
    lines = name_lines(setter, style, entry.name, room) or [name]
    widest = max(lines, key=lambda line: line.width)
    if len(lines) > NAME_ROWS or widest.width / MM > room + 0.01:
        too_wide(setter, entry, widest if widest.width / MM > room + 0.01 else name, room, page)
    return lines


def turnover_in(style, lines: list, room: float) -> float:
    """How far a credit's second and later lines stand in: an em, where they still fit the room."""
    indent = TURNOVER_EMS * style.size / MM
    return indent if all(line.width / MM <= room - indent + 0.01 for line in lines[1:]) else 0.0
