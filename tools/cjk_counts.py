"""Count what a CJK proofreader circles in a built zh or ja PDF: lines whose
gaps between characters open 0.03 em or more (and their widest), lines
where a mark's white opens past the line's gaps (a hole after ，、。 or
beside 《》「」, `book.text.cjk_spaces.MARK_OPEN`), and line ends that part a word (two ideographs of one BudouX phrase, a kanji and its
kana), read from the glyphs' positions (`tests/cjk_audit.py`).

    .venv/bin/python tools/cjk_counts.py output/proof/ja/*-ja-proof.pdf [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from cjk_audit import audit, line_spacing, paragraphs  # noqa: E402
from cjk_pdf import pdf_lines, text  # noqa: E402

LOOSE = 0.03  # em
HOLE = 0.1  # em: a mark's white opened this much more than the line's gaps between characters


def mark_holes(line) -> int:
    """How many marks of ``line`` open their white by ``HOLE`` em or more
    beyond the line's usual gap between two characters."""
    from book.text.cjk_spaces import MARK_AFTER, MARK_BEFORE, is_han

    spread = sorted(a.tc / a.size for a, b in zip(line, line[1:], strict=False) if is_han(a.ch) and is_han(b.ch))
    usual = spread[len(spread) // 2] if spread else 0.0
    count = 0
    for a, b in zip(line, line[1:], strict=False):
        opened = (b.x - a.x) / a.size - a.width / a.size - usual
        count += (a.ch in MARK_AFTER or b.ch in MARK_BEFORE) and opened >= HOLE
    return count


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    for name in (a for a in argv if a != "-v"):
        path = Path(name)
        lang = "ja" if "-ja-" in path.name else "zh"
        spread = sorted(((round(line_spacing(line), 3), page, text(line)) for page, block in paragraphs(pdf_lines(path))
                         for line in block[:-1] if line_spacing(line) >= LOOSE - 1e-4), reverse=True)
        result = audit(path, lang)
        holes = [(page, hole, text(line)) for page, block in paragraphs(pdf_lines(path)) for line in block[:-1]
                 if (hole := mark_holes(line))]
        print(f"{path.name}: lines at {LOOSE} em or more {len(spread)} (widest {spread[0][0] if spread else 0.0}, "
              f"at 0.05 or more {sum(s[0] >= 0.05 for s in spread)}, over 0.06 {sum(s[0] > 0.06 for s in spread)}); "
              f"lines with an opened mark {len(holes)} ({sum(h[1] for h in holes)} marks); words parted {len(result.in_word)} "
              f"of {len(result.joins)} joins; katakana runs parted {len(result.in_katakana)}")
        if verbose:
            for em, page, line in spread:
                print(f"  p{page} {em:.3f} {line}")
            for page, hole, line in holes:
                print(f"  p{page} {hole} open: {line}")
            for join in result.in_word:
                print(f"  {join.label()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
