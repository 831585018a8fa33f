"""Count what a CJK proofreader circles in a built zh or ja PDF: lines whose
gaps between characters open 0.03 em or more (and their widest), and line
ends that part a word (two ideographs of one BudouX phrase, a kanji and its
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


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    for name in (a for a in argv if a != "-v"):
        path = Path(name)
        lang = "ja" if "-ja-" in path.name else "zh"
        spread = sorted(((round(line_spacing(line), 3), page, text(line)) for page, block in paragraphs(pdf_lines(path))
                         for line in block[:-1] if line_spacing(line) >= LOOSE - 1e-4), reverse=True)
        result = audit(path, lang)
        print(f"{path.name}: lines at {LOOSE} em or more {len(spread)} (widest {spread[0][0] if spread else 0.0}, "
              f"at 0.05 or more {sum(s[0] >= 0.05 for s in spread)}); words parted {len(result.in_word)} "
              f"of {len(result.joins)} joins; katakana runs parted {len(result.in_katakana)}")
        if verbose:
            for em, page, line in spread:
                print(f"  p{page} {em:.3f} {line}")
            for join in result.in_word:
                print(f"  {join.label()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
