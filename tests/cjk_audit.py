"""Where a built Chinese or Japanese book breaks its lines, read back from the
PDF (`cjk_pdf`) as a proofreader marks it: every join of two full lines of
one paragraph between CJK characters, and whether it parts a word (two
ideographs of a BudouX phrase, a kanji and its kana), a katakana word (a
compound's seam aside),
a name at its middle dot; every paragraph's short last line that starts
inside a phrase; every line whose CJK gaps open past 0.06 em.

    .venv/bin/python tests/cjk_audit.py output/print/zh/*-interior.pdf
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from cjk_pdf import Glyph, pdf_lines, text

from book.text.cjk_breaks import PARTICLES, SEAM_PENALTY, is_kanji, is_katakana, katakana_prices, phrase_inside

WINDOW = 12  # characters either side of a join the segmenter reads
LOOSE_EM = 0.06  # a line whose gaps open past this reads loose
PUNCTUATION = frozenset("、。，．：；！？」』）］〕〉》】・“”‘’「『（［〔〈《【 ")


@dataclass(frozen=True)
class Join:
    page: int
    before: str  # the first line's text
    after: str  # the next line's

    def label(self) -> str:
        return f"p{self.page} {self.before[-6:]}|{self.after[:6]}"


@dataclass
class Audit:
    joins: list[Join] = field(default_factory=list)
    in_word: list[Join] = field(default_factory=list)
    in_katakana: list[Join] = field(default_factory=list)
    at_dot: list[Join] = field(default_factory=list)
    short_last: list[Join] = field(default_factory=list)  # a last line of <= 5 characters starting inside a phrase
    loose: list[tuple[int, str, float]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"joins": len(self.joins), "in_word": len(self.in_word), "in_katakana": len(self.in_katakana),
                "at_dot": len(self.at_dot), "short_last": len(self.short_last), "loose": len(self.loose)}


def continues(upper: list[Glyph], lower: list[Glyph]) -> bool:
    """Whether ``lower`` is the next line of ``upper``'s paragraph: one size,
    one leading below, starting within an indent of it."""
    size = upper[0].size
    if abs(lower[0].size - size) > 0.01:
        return False
    step = upper[0].y - lower[0].y
    return 1.2 * size <= step <= 2.2 * size and abs(lower[0].x - upper[0].x) <= 2.1 * size


def paragraphs(lines: list[tuple[int, list[Glyph]]]) -> list[tuple[int, list[list[Glyph]]]]:
    """The lines grouped into paragraphs, page by page (a paragraph never crosses a page here)."""
    out: list[tuple[int, list[list[Glyph]]]] = []
    open_: list[tuple[int, list[list[Glyph]]]] = []
    page_now = None
    for page, line in lines:
        if not line or not text(line).strip():
            continue
        if page != page_now:
            open_, page_now = [], page
        for index in range(len(open_) - 1, -1, -1):
            last = open_[index][1][-1]
            if continues(last, line) and last[-1].y - line[0].y > 0:
                open_[index][1].append(line)
                open_.append(open_.pop(index))
                break
        else:
            entry = (page, [line])
            open_.append(entry)
            out.append(entry)
    return out


def parts_word(left: str, right: str, lang: str) -> bool:
    """Whether a line end between ``left`` and ``right`` parts a word: two
    ideographs of one BudouX phrase, or in Japanese a kanji and a kana of
    its phrase that is not a particle ("守|り抜いた", not "港|の")."""
    a, b = left[-1], right[0]
    if len(left) not in phrase_inside(left + right, lang) or not is_kanji(a):
        return False
    return is_kanji(b) or (lang == "ja" and b not in PARTICLES and not is_katakana(b) and ord(b) >= 0x3041)


def is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def line_spacing(line: list[Glyph]) -> float:
    """The widest spacing (em) between CJK glyphs of ``line``."""
    return max((g.tc / g.size for g in line[:-1] if g.size and ord(g.ch[0]) >= 0x2E80), default=0.0)


def audit(path: Path, lang: str) -> Audit:
    result = Audit()
    for page, block in paragraphs(pdf_lines(path)):
        texts = [text(line) for line in block]
        for line, words in zip(block[:-1], texts[:-1], strict=False):
            spread = line_spacing(line)
            if spread > LOOSE_EM + 1e-3:
                result.loose.append((page, words, round(spread, 3)))
        full = max(line[-1].right for line in block) - block[0][0].size
        for line, upper, lower in zip(block, texts, texts[1:], strict=False):
            a, b = upper.rstrip(), lower.lstrip()
            if not a or not b or line[-1].right < full or not (is_cjk(a[-1]) and is_cjk(b[0])):
                continue  # a list's item, or a join of Latin words
            join = Join(page, upper, lower)
            result.joins.append(join)
            left, right = a[-WINDOW:], b[:WINDOW]
            if is_katakana(a[-1]) and is_katakana(b[0]) and katakana_prices(left + right)[len(left)] > SEAM_PENALTY:
                result.in_katakana.append(join)
            if (a[-1] == "・" and is_katakana(b[0])) or (b[0] == "・" and is_katakana(a[-1])):
                result.at_dot.append(join)
            if parts_word(left, right, lang):
                result.in_word.append(join)
        if len(texts) > 1:
            last = texts[-1].strip()
            count = sum(1 for ch in last if ch not in PUNCTUATION)
            left = texts[-2].rstrip()[-WINDOW:]
            if count <= 5 and left and left[-1] not in PUNCTUATION and len(left) in phrase_inside(left + last, lang):
                result.short_last.append(Join(page, texts[-2], texts[-1]))
    return result


def main(argv: list[str]) -> None:
    for name in argv:
        path = Path(name)
        lang = "ja" if "-ja-" in path.name or "/ja/" in name else "zh"
        result = audit(path, lang)
        print(path.name, result.counts())
        for kind in ("in_word", "in_katakana", "at_dot", "short_last"):
            print(f"  {kind}:", "  ".join(join.label() for join in getattr(result, kind)))
        print("  loose:", "  ".join(f"p{page} {spread}" for page, _, spread in result.loose))


if __name__ == "__main__":
    main(sys.argv[1:])
