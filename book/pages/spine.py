"""The cover's geometry: spine width from the page count and the paper, the
spread of back + spine + front with its bleed, or, case-bound, the case a
bindery makes: two boards larger than the book block by the squares, a joint
beside the spine board on each side and the wrap turned in round them; and
the cover's margins from the trim and the book's margins. Pure arithmetic,
shared by the build, the drawing and the tests."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from book.errors import Where

SAFE_MM = 6.0  # printers' safe zone: nothing to be read nearer a trim edge or a fold than this
SPINE_CLEAR = 1.6  # mm the spine text's ink keeps from each fold, when no printer says otherwise


@dataclass(frozen=True)
class CoverMargins:
    """Where the cover's texts and barcode may go, in mm."""

    side: float  # a panel's card from its outer trim edge and from the fold
    foot: float  # the cards from the foot trim
    head: float  # the spine text from the head and foot trims


def cover_margins(book) -> CoverMargins:
    """The cover's margins, from the book's trim and the page grid's outer
    and bottom margins (``book.margins``, book.yaml ``margins_mm``): the one
    place the cover reads the book's margins.

    The cards sit halfway between the pages' outer and foot margins from the
    trim, the spine text as far from head and foot as the folios from the
    outer edge; both shrink in proportion on a small trim, and neither comes
    nearer a trim edge than the printers' safe zone.

    >>> from types import SimpleNamespace as Book
    >>> cover_margins(Book(trim=(240, 300), margins={"outer": 15, "bottom": 25}))
    CoverMargins(side=20.0, foot=20.0, head=15.0)
    >>> cover_margins(Book(trim=(150, 150), margins={"outer": 15, "bottom": 25}))
    CoverMargins(side=12.5, foot=12.5, head=9.38)
    """
    outer, bottom, short = book.margins["outer"], book.margins["bottom"], min(book.trim)
    side = round(min(max((outer + bottom) / 2, SAFE_MM), max(short / 12, SAFE_MM)), 2)
    head = round(min(max(outer, SAFE_MM), max(short / 16, SAFE_MM)), 2)
    return CoverMargins(float(side), float(side), float(head))


@dataclass(frozen=True)
class CoverGeometry:
    """Millimetres, x from the spread's left edge (the back cover's trim edge)."""

    trim: tuple[float, float]  # one cover panel, the book's trim
    spine: float
    margin: float  # bleed for a soft cover; the wrap turned in round the boards for a case binding
    paper: str = ""  # the paper the spine is measured for (book.yaml's paper.name), told to the printer
    margins: CoverMargins = field(default_factory=lambda: CoverMargins(SAFE_MM, SAFE_MM, SAFE_MM))
    pages: int = 0  # the interior's page count the spine is measured for
    text: bool = True  # whether the spine may carry text (a printer's minimum page count for it)
    clearance: float = SPINE_CLEAR  # mm the spine text keeps from each fold
    hinge: float = 0.0  # a case binding's joint: mm between each board and the spine board, where the cover bends
    board: float = 0.0  # a case binding's board thickness, mm, each of the two in the spine (0: a soft cover)
    square: float = 0.0  # a case binding's squares: mm the boards stand beyond the book block at head, tail and fore-edge
    board_width: float = 0.0  # a case binding's board width, mm (`board_width`, or the book's or printer's figure); 0: a soft cover

    @property
    def panel(self) -> tuple[float, float]:
        """One panel the front's or the back's design is laid on: the trim of a
        soft cover; a case's board, ``board_width`` wide, a square more than
        the trim at head and tail."""
        if self.board_width:
            return (self.board_width, self.trim[1] + 2 * self.square)
        return (self.trim[0] + self.square, self.trim[1] + 2 * self.square) if self.square else self.trim

    @property
    def spread(self) -> tuple[float, float]:
        """The trimmed spread: back + spine + front; a case's board + joint + spine + joint + board."""
        return (2 * self.panel[0] + 2 * self.hinge + self.spine, self.panel[1])

    @property
    def front(self) -> float:
        """The front panel's (a case's front board's) left edge, from the spread's left trim edge."""
        return self.panel[0] + 2 * self.hinge + self.spine

    @property
    def media(self) -> tuple[float, float]:
        return (self.spread[0] + 2 * self.margin, self.spread[1] + 2 * self.margin)

    @property
    def folds(self) -> tuple[float, float]:
        """Where the spine meets the back and the front (a case's spine board's edges), from the spread's left trim edge."""
        edge = self.panel[0] + self.hinge if self.hinge else self.panel[0]
        return (edge, edge + self.spine)


def spine_width(pages: int, caliper_mm: float, binding: str = "perfect", board_mm: float = 0.0) -> float:
    """The spine in mm: one leaf is two pages, each leaf ``caliper_mm`` thick;
    a case binding adds its two boards. Rounded to 0.01 mm.

    >>> spine_width(68, 0.14)
    4.76
    >>> spine_width(200, 0.1, "case", 2.5)
    15.0
    """
    leaves = (pages + 1) // 2
    width = leaves * caliper_mm + (2 * board_mm if binding == "case" else 0.0)
    return round(width, 2)


def pages_for_spine(width_mm: float, caliper_mm: float, binding: str = "perfect", board_mm: float = 0.0,
                    multiple: int = 2) -> int:
    """The fewest pages (a multiple of ``multiple``) whose spine is at least ``width_mm``.

    >>> pages_for_spine(5.8, 0.155)
    76
    >>> pages_for_spine(5.8, 0.155, multiple=16)
    80
    >>> spine_width(76, 0.155) >= 5.8 > spine_width(74, 0.155)
    True
    """
    boards = 2 * board_mm if binding == "case" else 0.0
    step = max(2, multiple)
    pages = max(step, (math.ceil(max(width_mm - boards, 0.0) / caliper_mm) * 2 // step - 1) * step)  # just below: rounding
    while spine_width(pages, caliper_mm, binding, board_mm) < width_mm - 1e-9:
        pages += step
    return pages


def board_width(trim_width: float, square_mm: float, hinge_mm: float, board_mm: float) -> float:
    """A case's board width by the bindery's rule: the board hangs from the
    joint, not from the spine, so it is the pages' width plus the fore-edge
    square less the joint that the spine board's thickness does not take up
    (closed, the joint runs round the board's edge and lies ``hinge_mm -
    board_mm`` along the pages' side): 240 mm pages, a 3 mm square, an 8 mm
    joint and 2.5 mm boards make a 237.5 mm board, its fore-edge 3 mm beyond
    the pages (a board of pages + square, 243 mm, would stand 8.5 mm proud).

    >>> board_width(240, 3, 8, 2.5), board_width(240, 3, 2, 2.5)
    (237.5, 243.0)
    """
    return round(trim_width + square_mm - max(hinge_mm - board_mm, 0.0), 2)


def cover_geometry(trim: tuple[float, float], pages: int, caliper_mm: float, bleed: float,
                   binding: str = "perfect", board_mm: float = 0.0, wrap_mm: float = 0.0,
                   square_mm: float = 0.0, hinge_mm: float = 0.0, board_width_mm: float = 0.0) -> CoverGeometry:
    """The cover spread of a book of ``pages`` pages; a case binding's boards
    stand ``square_mm`` beyond the pages at head, tail and fore-edge, a
    ``hinge_mm`` joint each side of the spine board, and it wraps ``wrap_mm``
    round them where a soft cover has its bleed; its boards are
    ``board_width_mm`` wide, or as wide as `board_width` makes them.

    >>> g = cover_geometry((240, 300), 68, 0.14, 3)
    >>> round(g.media[0], 2), g.media[1], g.folds
    (490.76, 306, (240, 244.76))
    >>> g = cover_geometry((240, 300), 64, 0.155, 3, "case", 2.5, 15, 3, 8)
    >>> g.panel, round(g.spread[0], 2), g.spread[1], g.folds, round(g.front, 2)
    ((237.5, 306), 500.96, 306, (245.5, 255.46), 263.46)
    >>> cover_geometry((240, 300), 64, 0.155, 3, "case", 2.5, 15, 3, 8, 243).panel
    (243, 306)
    """
    if binding != "case":
        return CoverGeometry(trim, spine_width(pages, caliper_mm, binding, board_mm), bleed)
    width = board_width_mm or board_width(trim[0], square_mm, hinge_mm, board_mm)
    return CoverGeometry(trim, spine_width(pages, caliper_mm, binding, board_mm), max(wrap_mm, bleed),
                         board=board_mm, square=square_mm, hinge=hinge_mm, board_width=width)


def plan_cover(book, pages: int, out) -> CoverGeometry | None:
    """The cover's geometry for a print build, or None (and why, in ``out``) when it cannot be made."""
    if book.cover is None:
        out.warn("no-cover", Where("content/book.yaml"), "no cover: section; add one (photo, back_text) to build the cover")
        return None
    if not book.paper.caliper_mm:
        out.error("caliper", Where("content/book.yaml", key="paper.caliper_mm"),
                  "paper.caliper_mm: missing or zero; the spine is leaves × caliper: give one leaf's thickness in mm (e.g. 0.14)")
        return None
    printer, cover = book.printer, book.cover

    def case_key(name: str) -> float:  # the printer's figure, or the book's when the printer gives none (0)
        own = getattr(printer, name, 0.0) if printer is not None else 0.0
        return own or getattr(cover, name)

    geometry = cover_geometry(book.trim, pages, book.paper.caliper_mm, book.bleed, book.binding_style, cover.board_mm,
                              case_key("wrap_mm"), case_key("square_mm"), case_key("hinge_mm"), case_key("board_width_mm"))
    geometry = replace(geometry, paper=book.paper.name, margins=cover_margins(book), pages=pages)
    if printer is None:
        return geometry
    geometry = replace(geometry, clearance=printer.clearance_mm)
    if not spine_text_allowed(pages, printer.min_pages_for_text):
        out.warn("spine-text-rule", Where(printer.source, key="spine.min_pages_for_text"),
                 f"the printer '{printer.name}' allows spine text from {printer.min_pages_for_text} pages; this book has {pages}, "
                 f"so its spine ({geometry.spine:g} mm) is left without text")
        geometry = replace(geometry, text=False)
    return geometry


def spine_text_allowed(pages: int, min_pages: int) -> bool:
    """A printer's page rule for spine text (0: none).

    >>> spine_text_allowed(64, 80), spine_text_allowed(80, 80), spine_text_allowed(64, 0)
    (False, True, True)
    """
    return not min_pages or pages >= min_pages


def cover_entry(geometry: CoverGeometry, pages: int) -> dict:
    """What the printer needs to know about a cover beyond its boxes: the spine
    is only right on the paper it was measured for, so that paper is named."""
    paper = f" (measured for {geometry.paper})" if geometry.paper else ""
    case, g = bool(geometry.board or geometry.square or geometry.hinge), geometry
    if case:
        board = f"{g.panel[0]:g} × {g.panel[1]:g} mm"
        note = (f"One case: back board {board} + joint {g.hinge:g} mm + spine board {g.spine:g} mm (book block "
                f"{g.spine - 2 * g.board:.2f} mm{paper} + two {g.board:g} mm boards) + joint {g.hinge:g} mm + front board "
                f"{board}; each board is the {g.trim[1]:g} mm pages' height plus {g.square:g} mm squares at head and tail, and "
                f"{board_rule(g)} wide. TrimBox is the finished case, the boards' outer edges; {g.margin:g} mm of wrap turns in "
                "round them (bleed_mm); the spine board's edges (folds_mm, solid) and the boards' inner edges (boards_mm, "
                "dashed) are marked outside the trim at head and foot, measured from the case's left trim edge.")
    else:
        note = (f"One spread: back {g.panel[0]:g} mm + spine {g.spine:g} mm{paper} + front {g.panel[0]:g} mm; TrimBox is "
                "the whole spread; the folds are marked outside the trim at head and foot, measured from the spread's "
                "left trim edge (folds_mm).")
    entry = {
        "part": "cover", "binding": "case" if case else "soft", "pages": 1, "interior_pages": pages,
        "trim_mm": [round(v, 2) for v in geometry.spread], "bleed_mm": geometry.margin, "spine_mm": geometry.spine,
        "folds_mm": [round(v, 2) for v in geometry.folds], "note": note,
    }
    if case:
        entry["wrap_mm"], entry["board_mm"] = geometry.margin, geometry.board
        entry["board_size_mm"], entry["square_mm"] = [round(v, 2) for v in g.panel], g.square
        entry["boards_mm"] = [round(g.panel[0], 2), round(g.front, 2)]  # each board's edge at a joint
        entry["board_width_mm"] = round(g.panel[0], 2)
        entry["board_width_rule"] = board_rule(g)
    if geometry.paper:
        entry["paper"] = geometry.paper
    if geometry.hinge:
        entry["hinge_mm"] = geometry.hinge
    return entry


def board_rule(g: CoverGeometry) -> str:
    """How a case's board width was found, for the printer's manifest."""
    rule = board_width(g.trim[0], g.square, g.hinge, g.board)
    if abs(g.panel[0] - rule) > 1e-6:
        return f"{g.panel[0]:g} mm as given (cover.board_width_mm; the rule would make {rule:g} mm)"
    return (f"{g.panel[0]:g} mm: pages {g.trim[0]:g} + square {g.square:g} − (joint {g.hinge:g} − board {g.board:g}) mm, "
            "so the board's fore-edge stands one square beyond the pages")
