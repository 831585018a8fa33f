"""Set text into a frame: break lines, shrink within the style's limits, and
say whether it fits. Text is drawn as plain strings, never as markup, so a
translator's `<` or `&` prints as itself. What it sets (`Block`, `Line`,
`Piece`, `Part`) is in `book.text.blocks`, and is imported from here too."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics

from book.languages import TABLE
from book.model import MM, Style
from book.text.blocks import Block, Line, Part, Piece
from book.text.cjk import compose_cjk, draw_cjk_line
from book.text.cjk_grid import FLAW
from book.text.compose import Chosen, Composer, Item, Spacing
from book.text.fonts import EditionFonts, Run
from book.text.italic import mark as mark_italics
from book.text.italic import parse as parse_italics
from book.text.korean import compose_korean, soft_breaks
from book.text.korean_draw import draw_korean_line
from book.text.label_table import field_lines, table_tab
from book.text.latin import Rules, with_one_hyphen
from book.text.latin_hyphens import hyphen_options
from book.text.latin_vi import COMPOUND_BREAK, DISPLAY_COMPOUND
from book.text.linebreak import Atom, split_atoms
from book.text.memo import remembered
from book.text.overset import overset_lines, soft_hyphens
from book.text.sense import break_penalties, with_hair_spaces, without_end_dash
from book.text.shaping import Layout, inner_spread, layout

SHRINK_STEP = 0.25  # pt
EXTRACT_OVERLAP = 0.2  # em: glyphs set into each other by more than this break pdftotext's words
LATIN_STRETCH, LATIN_SHRINK = 0.16, 0.08  # em per space: a justified space may grow by 60 %, shrink by 30 %
CJK_STRETCH, CJK_SHRINK = 0.08, 0.03  # em per gap between characters: tightened or loosened a little


def run_layouts(fonts: EditionFonts, runs: list[Run], after: str, compress: bool, display: bool = False) -> list[Layout]:
    """Each run shaped, knowing the character that follows it (CJK punctuation pairs);
    ``display`` type in a CJK edition takes the face's proportional alternates."""
    return [layout(fonts, run.text, run.font, runs[k + 1].text[0] if k + 1 < len(runs) else after, compress, display)
            for k, run in enumerate(runs)]


def measure_text(fonts: EditionFonts, text: str, role: str, size: float, tracking: float, after: str = "",
                 compress: bool = False) -> tuple[list[Run], float]:
    runs = fonts.runs(text, role)
    return runs, sum(shaped.width for shaped in run_layouts(fonts, runs, after, compress)) * size + tracking * len(text)


def measure_atom(fonts: EditionFonts, atom: Atom, role: str, size: float, tracking: float,
                 compress: bool = False, display: bool = False) -> tuple[list[Run], float, float, float, float]:
    """An atom's runs, width and following space, and what a line start or end
    may take off it (an opening bracket's or a closing mark's empty half)."""
    runs = fonts.runs(atom.text, role)
    shaped = run_layouts(fonts, runs, atom.after, compress, display)
    width = sum(s.width for s in shaped) * size + tracking * len(atom.text)
    space = pdfmetrics.stringWidth(atom.space_after, runs[-1].font, size) if atom.space_after else 0.0  # " · " too
    return runs, width, space, shaped[0].lead * size, 0.0 if atom.space_after else shaped[-1].trail * size


def measure_items(fonts: EditionFonts, atoms: list[Atom], style: Style, lang: str, size: float, tracking: float,
                  text: str = "") -> list[Item]:
    compress = TABLE[lang].breaking == "characters"
    penalties = [atom.penalty for atom in atoms]
    if style.display:  # a title's breaks by sense; inside a word only where no whole way fits (`latin_vi.DISPLAY_COMPOUND`)
        penalties = [max(sense, own) if own >= DISPLAY_COMPOUND else sense
                     for sense, own in zip(break_penalties(atoms, lang, text), penalties, strict=True)]
    items = []
    for number, atom in enumerate(atoms):
        atom, soft = soft_hyphens(atom)  # the author's breaks come before the dictionary's
        role = atom.role or style.font  # italic words: `book.text.italic`
        _, width, space, lead, trail = measure_atom(fonts, atom, role, size, tracking, compress, style.display)
        splits = []
        if soft or (style.hyphenate and number < len(atoms) - 1):  # never the paragraph's last word
            for first, rest in soft or hyphen_options(atom.text, lang):
                head, tail = Atom(first + "-", role=atom.role), Atom(rest, atom.space_after, role=atom.role)
                splits.append((head, tail, measure_text(fonts, head.text, role, size, tracking)[1],
                               measure_text(fonts, tail.text, role, size, tracking)[1]))
        items.append(Item(atom, width, space, splits, lead, trail, penalties[number]))
    if style.align == "justify" and not style.display and TABLE[lang].script == "Latn":
        # justified, a unit kept whole opens its inner spaces too ("May 13, 1955"), counted with the one before it
        for number, item in enumerate(items):
            item.units = (1 if item.space else 0) + (items[number + 1].atom.text.count(" ") if number + 1 < len(items) else 0)
    return items


def line_atoms(items: list[Item], chosen: Chosen) -> list[Atom]:
    start, end = chosen.start, chosen.end
    out = [items[start.index].splits[start.split][1]] if start.split is not None else []
    last_whole = end.index if end.split is None else end.index - 1
    out += [items[i].atom for i in range(start.index + 1, last_whole + 1)]
    if end.split is not None:
        out.append(items[end.index].splits[end.split][0])
    return out


def draw_line(fonts: EditionFonts, items: list[Item], chosen: Chosen, style: Style, size: float, width: float, indent: float,
              every_gap: bool) -> Line:
    """Pieces of one line: glyph segments at their offsets, gaps spread to justify."""
    atoms = line_atoms(items, chosen)
    tracking = style.tracking / 1000 * size
    leading = style.leading * size / style.size
    compress = every_gap  # Chinese and Japanese: consecutive punctuation set closer
    start = indent if chosen.start.index < 0 else -items[chosen.start.index + 1].trim_start if chosen.start.split is None else 0.0
    # A line too long gives up its closing mark's empty half first, then shrinks its gaps.
    trim = min(items[chosen.end.index].trim_end, max(0.0, chosen.natural - width)) if chosen.end.split is None else 0.0
    natural = chosen.natural - trim
    extra = 0.0
    inner = not every_gap and style.align == "justify" and any(" " in atom.text for atom in atoms)
    gaps = sum(atom.text.count(" ") for atom in atoms) + sum(1 for atom in atoms[:-1] if atom.space_after) if inner else chosen.gaps
    if gaps and (natural > width or (style.align == "justify" and not chosen.last)):
        extra = (width - natural) / gaps
    loosened = 0.0
    if every_gap and extra > 0:
        # Chinese and Japanese loosen between every two characters, also inside
        # a name kept whole and next to punctuation: spread over those few
        # gaps alone, a line holding a long name would open gaps of an em.
        boundaries = sum(len(atom.text) for atom in atoms) - 1
        if boundaries > chosen.gaps:
            loosened = extra * chosen.gaps / boundaries
            tracking += loosened
            extra = 0.0
    natural = min(natural, width)
    shift = {"center": (width - natural) / 2, "right": width - natural}.get(style.align, 0.0)
    x = max(0.0, shift) + start
    pieces: list[Piece] = []
    end_of_last = None
    for position, atom in enumerate(atoms):
        runs = fonts.runs(atom.text, atom.role or style.font)
        for run, shaped in zip(runs, run_layouts(fonts, runs, atom.after, compress, style.display), strict=True):
            before = 0
            for offset, text, squeeze in inner_spread(shaped.segments, run.font, size, extra if inner else 0.0):
                at = x + offset * size + tracking * before
                if (pieces and pieces[-1].font == run.font and not squeeze and not pieces[-1].char_space
                        and end_of_last is not None and abs(end_of_last - at) < 1e-6):
                    pieces[-1].text += text
                else:
                    pieces.append(Piece(at, text, run.font, squeeze * size))
                before += len(text)
                end_of_last = at + pdfmetrics.stringWidth(text, run.font, size) + (tracking + squeeze * size) * len(text)
            x += shaped.width * size + tracking * len(run.text) + (extra * run.text.count(" ") if inner else 0.0)
        if position < len(atoms) - 1:
            space = pdfmetrics.stringWidth(atom.space_after, runs[-1].font, size) if atom.space_after else 0.0
            if atom.space_after.strip():  # a separator (" · "), centred in its space however wide that grows
                pieces.append(Piece(x + extra / 2, atom.space_after, runs[-1].font))
                end_of_last = None
            elif atom.space_after and end_of_last is not None and not pieces[-1].char_space:  # kept for extraction
                pieces[-1].text += " "
                # The renderer's tracking (Tc) widens that space too, which the measure leaves out:
                # a tracked line starts each word as a piece of its own, at its measured place.
                end_of_last = None if tracking else end_of_last + space
            x += space + (extra if atom.space_after or every_gap else 0.0)
    x -= trim + loosened  # no loosening after the line's last character
    line = Line(bind_overlaps(pieces, size, tracking), x, size, leading, tracking, last=chosen.last)
    if not (every_gap or style.display or chosen.last) and chosen.end.split is None and chosen.end.index >= 0:
        # a break inside a word ("bến / cảng"), a date or a body's name flaws the text, as a parted name does in
        # Chinese: a caption card then takes a measure that needs none (`book.text.card_fit`)
        line.cost = FLAW if items[chosen.end.index].atom.penalty >= COMPOUND_BREAK else 0.0
    return line


def bind_overlaps(pieces: list[Piece], size: float, tracking: float) -> list[Piece]:
    """Glyphs set into the one before by more than pdftotext allows (0.2 em: it
    would start a new word, or a new line with -raw) are bound with the glyph
    after them into one span, which the renderer marks with /ActualText."""
    out: list[Piece] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if piece.char_space >= -EXTRACT_OVERLAP * size or index + 1 == len(pieces):
            out.append(piece)
            index += 1
            continue
        end = index + 1
        while end + 1 < len(pieces) and pieces[end].char_space < -EXTRACT_OVERLAP * size:
            end += 1
        group = pieces[index:end + 1]
        last = group[-1]
        rest = []
        if len(last.text) > 1 and not last.char_space:  # bind only its first glyph
            advance = pdfmetrics.stringWidth(last.text[0], last.font, size) + tracking
            group[-1] = Piece(last.x, last.text[0], last.font)
            rest = [Piece(last.x + advance, last.text[1:], last.font, space=last.space)]
        group[0] = replace(group[0], span=len(group) - 1)
        out += group + rest
        index = end + 1
    return out


@lru_cache(maxsize=8192)
def compose_paragraph(fonts: EditionFonts, text: str, style: Style, lang: str, size: float, width: float, indent: bool,
                      keep: tuple[str, ...], compounds: tuple[str, ...] = ()) -> tuple[list[Item], list[Chosen], float, bool]:
    """The composer's choice for one paragraph (kept: fitting a frame asks again at the end to draw it)."""
    tracking = style.tracking / 1000 * size
    cjk = TABLE[lang].breaking == "characters"
    if cjk and not style.display:  # running text on the character grid, justified as JLREQ asks
        return compose_cjk(fonts, text, style, lang, size, width, indent, keep)
    # Titles: never inside a compound (vi, en); in zh and ja between characters, but
    # inside a BudouX phrase only at a price (`book.text.sense`), so "発展の50年" stays whole.
    if cjk and style.display and TABLE[lang].latin_space:
        # the running text's space beside Latin, in titles too, drawn as a hair space (a tenth of an em): at
        # 36-44 pt the text's quarter em (ja) reads as a gap, "の 70 年" (sixth proof); zh's eighth alike
        text = with_hair_spaces(text)
    text, italics = parse_italics(text)  # "*hát đúm*": the words in italic
    atoms = split_atoms(text, lang, keep, phrases=style.display and not cjk, compounds=compounds,
                        units=tuple(t for t in (text[a:b] for a, b in italics) if 2 <= len(t.split()) <= 3))  # "*hát đúm*"
    mark_italics(atoms, italics, style.font)
    if korean(lang, style):
        atoms = soft_breaks(atoms)  # "1955년 | 5월 13일", "품격 | 있는" may break, at a price
    start = style.first_indent * size if indent else 0.0
    items = measure_items(fonts, atoms, style, lang, size, tracking, text)
    if not items:
        return items, [], start, cjk
    spacing = Spacing(CJK_STRETCH * size, CJK_SHRINK * size, True) if cjk else (
        Spacing(LATIN_STRETCH * size, LATIN_SHRINK * size if style.align == "justify" else 0.0, False))
    def compose(trial: list[Item]) -> tuple[list[Chosen], float]:
        composer = Composer(trial, width, start, spacing, style.align == "justify", cjk, balance=style.display)
        composer.rules = Rules(lang, style.align == "justify") if latin else None
        return composer.compose(), composer.total

    if korean(lang, style):  # breaks at word spaces, justified as KLREQ asks: `book.text.korean`
        return items, compose_korean(fonts, items, style, size, width, start), start, cjk
    latin = TABLE[lang].script == "Latn" and not style.display  # Latin rules: `book.text.latin`
    chosen = with_one_hyphen(items, compose) if latin else compose(items)[0]
    if style.display:
        items, chosen = drop_end_dashes(fonts, items, chosen, style, size, tracking, cjk)
    return items, chosen, start, cjk


def korean(lang: str, style: Style) -> bool:
    """Korean running text (not titles), which `book.text.korean` composes."""
    return TABLE[lang].script == "Kore" and not style.display


def drop_end_dashes(fonts: EditionFonts, items: list[Item], chosen: list[Chosen], style: Style, size: float,
                    tracking: float, compress: bool) -> tuple[list[Item], list[Chosen]]:
    """A title's line that ends on its dash is set without it (`book.text.sense.without_end_dash`)."""
    items, lines = list(items), []
    for line in chosen:
        end = line.end.index
        rest = without_end_dash(items[end].atom.text) if line.end.split is None and end >= 0 else None
        if rest is None:
            lines.append(line)
            continue
        atom = replace(items[end].atom, text=rest)
        width = measure_atom(fonts, atom, atom.role or style.font, size, tracking, compress, True)[1] if rest else 0.0
        saved = items[end].width - width + (items[end - 1].space if not rest and end > line.start.index + 1 else 0.0)
        items[end] = replace(items[end], atom=atom, width=width, trim_end=0.0)
        lines.append(replace(line, natural=line.natural - saved))
    return items, lines


def break_paragraph(fonts: EditionFonts, text: str, style: Style, lang: str, size: float, width: float, indent: bool = True,
                    keep: tuple[str, ...] = (), draw: bool = True, compounds: tuple[str, ...] = ()) -> list[Line]:
    """Compose one paragraph at ``size``: the line breaks of the whole paragraph at once.
    Without ``draw`` the lines carry no pieces (enough to count them while fitting).
    Paragraphs set by an earlier run come from `book.text.memo`."""
    def make() -> list[Line]:
        items, chosen, start, cjk = compose_paragraph(fonts, text, style, lang, size, width, indent, keep, compounds)
        if not draw:
            leading = style.leading * size / style.size
            return [Line([], line.natural, size, leading, style.tracking / 1000 * size, last=line.last) for line in chosen]
        if cjk and not style.display:
            return [draw_cjk_line(fonts, items, line, style, size, width, start, lang) for line in chosen]
        if korean(lang, style):
            return [draw_korean_line(fonts, items, line, style, size, width, start) for line in chosen]
        return [draw_line(fonts, items, line, style, size, width, start, cjk) for line in chosen]

    return remembered(fonts, (text, style, lang, size, width, indent, keep, draw, compounds), make)


def set_parts(fonts: EditionFonts, parts: list[Part], lang: str, width: float, scale: float, draw: bool = True,
              wide: list[str] | None = None) -> tuple[list[Line], float]:
    """Lines of ``parts`` at ``scale``; a display text's rows that a manual break
    made (titles keep them one line each) and that need more go to ``wide``."""
    lines: list[Line] = []
    total = 0.0
    tab = table_tab(fonts, parts, lang, scale, width, break_paragraph) if any(part.table for part in parts) else 0.0
    for part in parts:
        style = part.style
        size = max(style.size * scale, style.min_size)
        measure = style.line_measure(size, width)  # a caption's measure_chars: `book.text.captions`
        paragraphs = [p.strip() for p in part.text.replace("\r", "").split("\n\n") if p.strip()]
        for p_index, paragraph in enumerate(paragraphs):
            gap = 0.0
            if lines and p_index == 0:
                gap = part.space_before or style.space_before
            elif p_index > 0:
                gap = style.paragraph_space
            # A single newline inside a paragraph is a line break (colophons, addresses).
            rows = [row.strip() for row in paragraph.split("\n") if row.strip()]
            broken = []
            for n, row in enumerate(rows):
                fielded = field_lines(fonts, row, part, lang, size, measure, tab, draw, break_paragraph) if part.table else None
                if fielded is not None:  # a field of a record: its label, its value hanging at the tab
                    broken += fielded
                    continue
                row_lines = break_paragraph(fonts, row, style, lang, size, measure, indent=n == 0, keep=part.keep, draw=draw,
                                            compounds=part.compounds)
                if style.display and len(rows) > 1 and len(row_lines) > 1 and wide is not None:
                    wide.append(row)
                broken += row_lines
            for l_index, line in enumerate(broken):
                line.gap = gap if l_index == 0 and lines else 0.0
                total += line.gap + (line.leading if lines else line.size)
                lines.append(line)
    if lines:
        total += lines[-1].size * 0.3  # room for descenders
    return lines, total


def set_block(fonts: EditionFonts, parts: list[Part], lang: str, width_mm: float, height_mm: float) -> Block:
    """Set ``parts`` in a frame of ``width_mm`` × ``height_mm``, shrinking step by
    step down to each style's minimum before declaring an overflow."""
    width, height = width_mm * MM, height_mm * MM
    largest = max((p.style.size for p in parts), default=1.0)
    scale = 1.0
    first_wide: list[str] | None = None
    while True:
        wide: list[str] = []
        lines, total = set_parts(fonts, parts, lang, width, scale, draw=False, wide=wide)
        first_wide = wide if first_wide is None else first_wide
        at_minimum = all(p.style.size * scale <= p.style.min_size + 1e-6 for p in parts)
        if (total <= height + 0.01 and not wide) or at_minimum:
            break
        scale -= SHRINK_STEP / largest
    lines, total = set_parts(fonts, parts, lang, width, scale)
    overset = overset_lines(lines, width)
    if overset and any(p.keep or p.compounds for p in parts):
        # A name or compound kept whole that is wider than the measure breaks between its words.
        return set_block(fonts, [replace(p, keep=(), compounds=()) for p in parts], lang, width_mm, height_mm)
    while overset and not at_minimum:  # a word wider than the measure: smaller, down to the minimum
        scale = max(min(scale * width / max(w for _, w in overset), scale - SHRINK_STEP / largest),
                    min(p.style.min_size / p.style.size for p in parts))
        at_minimum = all(p.style.size * scale <= p.style.min_size + 1e-6 for p in parts)
        lines, total = set_parts(fonts, parts, lang, width, scale)
        overset = overset_lines(lines, width)
    block = Block(lines, total, total <= height + 0.01 and not wide and not overset, wide=wide,
                  shrunk=[row for row in first_wide if row not in wide],
                  size=max(parts[0].style.size * scale, parts[0].style.min_size) if parts else 0.0,
                  overset=[text for text, _ in overset])
    if not block.fits:
        # Report in lines of the main text at its smallest size.
        leading = lines[0].leading if lines else 1.0
        block.needed = len(lines)
        block.available = max(0, int((height - (lines[0].size if lines else 0)) // leading) + 1)
    return block
