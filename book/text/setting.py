"""Set every text of one edition before anything is drawn: each frame's lines,
the contents, the credits, running heads and folios, positioned on their
pages and checked. Whatever does not fit is reported here, so the renderer
only draws what it is given."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from book.errors import Problems, on_page
from book.model import MM, Book, Style
from book.pages.folios import (
    RUNNING_HEAD_TOP_MM,
    folio_reversed,
    folio_tint,
    folio_top,
    outer_edge,
    shows_folio,
    shows_running_head,
)
from book.pages.paginate import Page, Pagination, Placed
from book.text.captions import caption_in_frame, line_fall, text_drop
from book.text.cards import Card, CardKey, card_box, card_key, pad_of, set_card_text, text_left, text_top
from book.text.flow import flows_on, measure_run_ons, run_on_frames, set_run_on
from book.text.fonts import EditionFonts
from book.text.frames import EditionWords, FrameText
from book.text.lists import flow_list, list_frames, measure_lists
from book.text.overset import report_loose, report_overset
from book.text.stack import drop_hung_chains, hang_item, hung_frames, stack_frames
from book.text.title_form import display_lines, title_forms
from book.text.typeset import Block, Line, break_paragraph, set_block

RUNNING_HEAD_MM = 120.0  # the widest a running head may be


@dataclass
class Placement:
    """Lines to draw with their first line's top at (``x``, ``top``), mm from the trim's top-left."""

    x: float
    top: float
    lines: list[Line]
    reversed: bool = False  # white, knocked out of a photo (a folio on a bleed page); otherwise 100 % K overprinting
    tint: bool = False  # on a paper-white patch knocked out of the photo (a folio neither ink reads on: book.pages.folios)


@dataclass
class FrameSetting:
    placements: list[Placement]
    box: tuple[float, float, float, float]  # the text area, for proof marks
    fits: bool = True
    fallback: bool = False  # shows the source text for want of a translation
    needed: int = 0  # lines the text needs at its smallest size (when it does not fit)
    available: int = 0  # lines the frame holds at that size
    card: tuple[float, float, float, float] | None = None  # the white card under the text (see `book.text.cards`)
    # A list's placements, one each: (the entry it belongs to, -1 for a column head; the page the entry
    # refers to, or None; the entry's whole text, as a link describes it)
    entries: list[tuple[int, int | None, str]] = field(default_factory=list)


@dataclass
class EditionText:
    """Everything one edition draws as text, keyed by (page number, frame name)."""

    lang: str
    frames: dict[tuple[int, str], FrameSetting] = field(default_factory=dict)
    running: dict[int, list[Placement]] = field(default_factory=dict)  # folio and running head per page
    info: dict[str, str] = field(default_factory=dict)
    outline: list[tuple[str, int]] = field(default_factory=list)


def describe(item: FrameText) -> str:
    ctx = item.messages[0].ctx
    if ctx.startswith("photo:"):
        return f"caption of photo {ctx.split(':')[1]}"
    return f"text {ctx}"


class Setter:
    """Sets one edition's texts with its fonts; problems go to ``out``."""

    def __init__(self, book: Book, pagination: Pagination, fonts: EditionFonts, words: EditionWords, where, out: Problems,
                 cards: dict[CardKey, Card] | None = None):
        self.book, self.pagination, self.fonts, self.words = book, pagination, fonts, words
        self.cards = cards or {}  # the caption cards' sizes, decided from all editions
        self.lang = words.lang
        self.where = where  # message -> where its text is edited
        self.out = out

    def style(self, name: str) -> Style:
        return self.book.style(name, self.lang)

    def on_foot(self, frame) -> bool:
        """Whether a chain of frames ending in ``frame`` stands on the foot margin (its style anchored at the bottom)."""
        return bool(frame.style) and self.style(frame.style).anchor == "bottom"

    def single_line(self, text: str, style: Style, width_mm: float) -> Line | None:
        lines = break_paragraph(self.fonts, text, style, self.lang, style.size, width_mm * MM, keep=self.words.keep)
        return lines[0] if lines else None

    def overflow(self, where, what: str, frame: str, page: int, needed: int, available: int) -> None:
        self.out.error("overflow", on_page(where, page), f"{self.lang}: {what} overflows frame '{frame}' on page {page}: "
                       f"needs {needed} lines, room for {available}; shorten it")

    def set_all(self) -> EditionText:
        text = EditionText(self.lang, info=dict(self.words.info), outline=list(self.words.outline))
        hung = {(page.number, name): (above, gap) for page in self.pagination.pages
                for name, above, gap in hung_frames({p.frame.name: p.frame for p in page.placed}, self.on_foot)}
        later = {}
        quiet = Setter(self.book, self.pagination, self.fonts, self.words, self.where, Problems(), self.cards)
        title = self.words.info.get("title", "")  # the half-title and title page in the title's display lines, as on the cover
        lines = lambda: display_lines(self.fonts, self.book, self.lang, title)  # noqa: E731
        for item in title_forms(self.words.frames, self.style, quiet.set_frame, title, lines):
            if (item.page.number, item.placed.frame.name) in hung:  # set once the frame it hangs under is
                later[(item.page.number, item.placed.frame.name)] = item
            else:
                text.frames.update(self.set_item(item))
        for (number, name), (above, gap) in hung.items():  # head first: an opener's title under its label, the intro under it
            if (number, name) in later:
                item = later[(number, name)]
                if item.placed.frame.style:
                    item = hang_item(item, text.frames.get((number, above)), self.style(item.placed.frame.style), gap)
                text.frames.update(self.set_item(item))
        stack_frames(self.pagination, text.frames, self.on_foot)  # a chain standing on its foot: moved up from its lowest frame
        grid, trim = self.book.grid, self.book.trim  # the openers' stacks down to the foot by whole rows, alike on every opener
        openers = {page.number for page in self.pagination.pages if any(p.frame.kind == "chapter-number" for p in page.placed)}
        drop_hung_chains(text.frames, {k: v for k, v in hung.items() if k[0] in openers},
                         trim[1] - self.book.margins["bottom"], grid.row(trim[1]) + grid.row_gutter)
        for frames in list_frames(self.pagination).values():
            text.frames.update(self.set_list(frames))
        for page in self.pagination.pages:
            text.running[page.number] = self.set_running(page) if not self.left_blank(page, text) else []
        self.check_running_heads()
        return text

    def set_item(self, item: FrameText) -> dict[tuple[int, str], FrameSetting]:
        """A frame's text set in its frame, or run on over its continuation pages (a long foreword)."""
        if item.page.list_key and flows_on(self.book, item.page, item.placed.frame.name) and run_on_frames(self.pagination, item):
            return self.set_run_on(item)
        return {(item.page.number, item.placed.frame.name): self.set_frame(item)}

    def set_frame(self, item: FrameText) -> FrameSetting:
        placed, card = item.placed, None
        if placed.frame.panel:
            size = self.cards.get(card_key(item.page, placed)) or Card(placed.frame.w, placed.frame.h, placed.frame.w - 2 * pad_of(placed), pad_of(placed))
            card = cx, cy, cw, ch = card_box(placed, size, self.book.trim, self.book, item.page)
            block = set_card_text(self.fonts, item.parts, self.lang, placed, size.measure_for(self.lang))
            box = (cx + size.pad, cy + size.pad, cw - 2 * size.pad, ch - 2 * size.pad)
            x = text_left(card, block, size.pad)
            y = text_top(self.fonts, block, card, size.pad)
        elif placed.frame.kind == "caption":
            x, y, w, h = box = placed.box
            block, drop = caption_in_frame(self.fonts, item.parts, self.lang, w, h)  # its type's top on the frame's edge
            y -= drop
            if block.fits and over_its_picture(self.book, item.page, placed):  # it stands on the picture, not under the head
                y = placed.box[1] + h - (foot_baseline(block) + line_fall(self.fonts, block.lines[-1])) / MM
        elif placed.frame.kind == "chapter-number":  # on an opener's line with the caption: its type's top there too
            x, y, w, h = box = placed.box
            block = set_block(self.fonts, item.parts, self.lang, w, h)
            y -= text_drop(self.fonts, block)
        else:
            x, y, w, h = box = placed.box
            block = set_block(self.fonts, item.parts, self.lang, w, h)
            if placed.frame.style and self.style(placed.frame.style).anchor == "bottom" and block.lines and block.fits:
                y += h - foot_baseline(block) / MM
        if block.wide or block.shrunk:
            self.report_manual_break(item, block)
        report_loose(self.out, self.where(item.messages[0]), self.lang, describe(item), item.page.number, block.lines)
        if block.overset and not block.wide:
            report_overset(self.out, self.where(item.messages[0]), self.lang, describe(item), placed.frame.name, item.page.number,
                           box[2], block.overset, block.size)
        elif not block.fits and not block.wide:
            self.overflow(self.where(item.messages[0]), describe(item), placed.frame.name, item.page.number, block.needed, block.available)
        return FrameSetting([Placement(x, y, block.lines)], box, block.fits, item.fallback, block.needed, block.available, card)

    def set_run_on(self, item: FrameText) -> dict[tuple[int, str], FrameSetting]:
        """A text that runs on over its continuation pages (see `book.text.flow`)."""
        frames = [(item.page, item.placed), *run_on_frames(self.pagination, item)]
        parts, fits = set_run_on(self, item, [placed.box for _, placed in frames], endless=False)
        if not fits:
            needed = sum(map(len, parts))
            self.out.error("overflow", on_page(self.where(item.messages[0]), frames[0][0].number),
                           f"{self.lang}: {describe(item)} overflows frame '{item.placed.frame.name}' on pages "
                           f"{frames[0][0].number}–{frames[-1][0].number}: it needs more than the "
                           f"{len(frames)} pages every edition shares ({needed} lines); shorten it")
        settings = {}
        for (page, _), lines in zip(frames, parts, strict=False):
            report_loose(self.out, self.where(item.messages[0]), self.lang, describe(item), page.number, lines)
        for (page, placed), lines in zip(frames, parts + [[]] * (len(frames) - len(parts)), strict=True):
            x, y, _, _ = placed.box
            settings[(page.number, placed.frame.name)] = FrameSetting([Placement(x, y, lines)], placed.box, fits, item.fallback)
        return settings

    def report_manual_break(self, item: FrameText, block: Block) -> None:
        """A title's manual line break leaves a line wider than its frame: shrunk
        within the style's limits (a warning), or still too wide (an overflow)."""
        message, frame, page = item.messages[0], item.placed.frame.name, item.page.number
        style = item.parts[0].style
        if block.wide:
            self.out.error("overflow", on_page(self.where(message), page), f"{self.lang}: {message.ctx}: the manual line break leaves "
                           f"'{block.wide[0]}' wider than frame '{frame}' on page {page}, even at {style.min_size:g} pt; "
                           "shorten that line or break it elsewhere")
        else:
            self.out.warn("display-shrunk", on_page(self.where(message), page), f"{self.lang}: {message.ctx}: display line shrunk to "
                          f"{block.size:g} pt (style '{style.name}': {style.size:g} pt) so that '{block.shrunk[0]}' fits "
                          f"frame '{frame}' on page {page} on one line, as its manual break asks")

    def set_list(self, frames: list[tuple[Page, Placed]]) -> dict[tuple[int, str], FrameSetting]:
        """A generated list flowed through its pages (see `book.text.lists`)."""
        blocks, flowed, _ = flow_list(self, frames, endless=False)
        settings = [FrameSetting([], placed.box) for _, placed in frames]
        targets = self.list_targets(frames[0][1].frame.kind)
        for number, (block, (index, x, top)) in enumerate(zip(blocks, flowed.spots, strict=True)):
            settings[index].placements += [Placement(x + dx, top + dy, lines) for dx, dy, lines in block.pieces]
            settings[index].entries += [(-1, None, "") if block.head and piece == len(block.pieces) - 1 else (number, *targets[number])
                                        for piece in range(len(block.pieces))]
        if not flowed.fits:
            page, placed = frames[-1]
            settings[-1].fits = False
            _, y, _, h = placed.box
            end = max((top + block.height for block, (_, _, top) in zip(blocks, flowed.spots, strict=True)), default=y)
            if placed.frame.kind == "toc":
                self.out.error("overflow", on_page(None, page.number),
                               f"{self.lang}: page {page.number}: the contents overflow frame '{placed.frame.name}' "
                               f"by {end - y - h:.1f} mm; shorten the chapter titles or give the contents layout more room "
                               "or a 'continued:' layout")
            else:
                self.out.error("overflow", on_page(None, page.number), f"{self.lang}: page {page.number}: the photo credits overflow frame "
                               f"'{placed.frame.name}'; give the credits layout more room, a smaller style or a 'continued:' layout")
        return {(page.number, placed.frame.name): setting for (page, placed), setting in zip(frames, settings, strict=True)}

    def list_targets(self, kind: str) -> list[tuple[int | None, str]]:
        """The page each entry of a list refers to (a chapter's first page, a
        credit's first page figure, none for the cover alone, an uncaptioned
        photo's page for its legend) and its text."""
        if kind == "toc":
            return [(entry.page, " ".join(p for p in (entry.label, entry.title, str(entry.page)) if p)) for entry in self.words.toc]
        return [(int(found.group()) if (found := re.search(r"\d+", entry.reference)) else None,
                 " ".join(p for p in (entry.name, entry.position, entry.reference) if p)) for entry in self.words.credits] + \
            list(zip(self.words.legend_pages, self.words.legends, strict=True))

    def left_blank(self, page: Page, text: EditionText) -> bool:
        """Whether the page prints nothing in this edition: text frames only, all
        empty (the colophon page behind a record in front), so it takes no folio."""
        frames = [text.frames.get((page.number, p.frame.name)) for p in page.placed]
        return bool(page.placed) and all(p.frame.kind == "text" for p in page.placed) and \
            not any(f and any(pl.lines for pl in f.placements) for f in frames)

    def set_running(self, page: Page) -> list[Placement]:
        outer_x = outer_edge(self.book, page)
        placements = []
        folio = self.single_line(str(page.number), self.style("folio"), 30) if shows_folio(self.book, page) else None
        if folio:
            fx = outer_x - folio.width / MM if page.recto else outer_x
            placements.append(Placement(fx, folio_top(self.book), [folio], reversed=folio_reversed(self.book, page),
                                        tint=folio_tint(self.book, page)))
        head = self.words.running_heads.get(page.number)
        if head and shows_running_head(self.book, page):
            line = self.single_line(head, self.style("running-head"), RUNNING_HEAD_MM)
            if line:
                hx = outer_x - line.width / MM if page.recto else outer_x
                placements.append(Placement(hx, RUNNING_HEAD_TOP_MM, [line]))
        return placements

    def check_running_heads(self) -> None:
        style = self.style("running-head")
        for chapter_id, title in self.words.chapter_titles.items():
            lines = break_paragraph(self.fonts, title, style, self.lang, style.size, RUNNING_HEAD_MM * MM)
            if len(lines) > 1:
                self.out.error("overflow", None, f"{self.lang}: chapter '{chapter_id}': its title is too long for the running head "
                               f"({RUNNING_HEAD_MM:g} mm); shorten it")


def over_its_picture(book: Book, page: Page, placed: Placed) -> bool:
    """Whether a caption frame stands over its own picture, a row gutter above its
    top (photo-led): the caption's last descenders then sit on the frame's foot,
    so it reads with its picture, not hung from the head line under the running
    head (the fifteenth zh proof: 21 mm of white between such a caption and its picture)."""
    x, y, w, h = placed.box
    own = [other.box for other in page.placed if other.frame.kind == "photo" and other.value == placed.value]
    return any(px < x + w and x < px + pw and 0.0 <= top - (y + h) <= book.grid.row_gutter + 0.5 for px, top, pw, _ in own)


def foot_baseline(block: Block) -> float:
    """How far (pt) below a block's top its last baseline falls."""
    return sum(line.gap + (line.leading if index else line.size) for index, line in enumerate(block.lines))


def set_edition(book: Book, pagination: Pagination, fonts: EditionFonts, words: EditionWords, where, out: Problems,
                cards: dict[CardKey, Card] | None = None) -> EditionText:
    return Setter(book, pagination, fonts, words, where, out, cards).set_all()


def measure_edition(book: Book, pagination: Pagination, fonts: EditionFonts, words: EditionWords, where) -> dict[str, int]:
    """The continuation pages each generated list and running-on text of this edition needs (its problems are the final setting's to report)."""
    setter = Setter(book, pagination, fonts, words, where, Problems())
    needs = measure_lists(setter)
    for key, count in measure_run_ons(setter).items():
        needs[key] = max(needs.get(key, 0), count)
    return needs
