"""How Chinese and Japanese lines justify, read back from the built print
PDFs as a typesetter measures a proof (`cjk_pdf`): a mid-line 。 keeps its
em, the space between CJK and Latin stays between an eighth and three
eighths of an em, Chinese spaces Latin words and sets digits solid, a lone
一字线 is one em, and a title sets its colon as the contents do."""

from __future__ import annotations

import pytest
from cjk_pdf import Glyph, pdf_lines, text
from test_cjk_setting import blocks, closed_stops, edition, gaps, usual_gap, western

from book.text.cjk import is_han
from book.text.linebreak import is_ideographic


def western_run(line: list[Glyph], at: int, step: int) -> str:
    """The Latin letters, digits and signs from glyph ``at`` on, going ``step`` ("B-52"), to a word space."""
    run = ""
    while 0 <= at < len(line) and line[at].ch.strip() and not is_ideographic(line[at].ch):
        run += line[at].ch
        nxt = at + step
        if 0 <= nxt < len(line) and abs(line[max(at, nxt)].x - line[min(at, nxt)].right) > 0.2 * line[at].size:
            break  # a word space: the next word is another run
        at = nxt
    return run


def meetings(line: list[Glyph]) -> list[tuple[str, float]]:
    """Each place where a CJK character meets a Latin run: the run and the gap (em)."""
    out = []
    for number, (a, b, gap) in enumerate(gaps(line)):
        if is_han(a.ch) and western(b.ch):
            out.append((western_run(line, number + 1, 1), gap))
        elif western(a.ch) and is_han(b.ch):
            out.append((western_run(line, number, -1)[::-1], gap))
    return out


@pytest.mark.parametrize("lang, most", [("zh", 1), ("ja", 3)])
def test_a_mid_line_stop_keeps_its_em(sample, lang, most):
    """JLREQ's table of reductions gives a full stop none: "值班。炮火",
    "パネル。ハイフォン" keep the 。's whole em (the fifth proof: 15 zh and 9
    ja lines at half an em). Only a paragraph that could not be justified
    otherwise (a name that stays whole after a short line) closes one, in
    so few lines."""
    stops, closed = 0, []
    for block in blocks(sample, lang):
        for line in block:
            stops += sum(1 for a, b in zip(line, line[1:], strict=False) if a.ch == "。" and is_han(b.ch))
            if closed_stops(line):
                closed.append((closed_stops(line), text(line)))
    assert stops > 100
    assert len(closed) <= most, closed
    assert all(advance >= 0.49 for advances, _ in closed for advance in advances), closed


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_commas_close_alike_after_brackets_and_few(sample, lang):
    """A tight line takes its room from brackets first, then from all its
    commas alike: never a half "，" beside a whole one in one line (p22
    "华灯初上，" full, "装卸," half), and in few lines (the fifth proof: 21 zh, 17 ja)."""
    uneven, tight = [], 0
    for block in blocks(sample, lang):
        for line in block:
            usual = usual_gap(line)
            commas = [round((b.x - a.x) / a.size - usual, 2) for a, b in zip(line, line[1:], strict=False)
                      if a.ch in "，、" and is_han(b.ch)]
            if commas and min(commas) < 0.98:
                tight += 1
                if max(commas) - min(commas) > 0.02:
                    uneven.append((commas, text(line)))
    assert not uneven, uneven
    assert tight <= 10


def test_japanese_latin_space_is_an_eighth_to_three_eighths(sample):
    """和欧間: a quarter em, opening to 3/8 em at most (the rest of a loose
    line goes to the gaps between kana and kanji), closing to an eighth (the
    fifth proof: 38 at half an em, "70 年前の 1955 年 5 月 13 日、" at 0.42)."""
    found, wrong = 0, []
    for block in blocks(sample, "ja"):
        for line in block:
            if closed_stops(line):
                continue  # the last resort that closes a mid-line 。 may close a space's last eighth
            for run, gap in meetings(line):
                found += 1
                if not 0.12 <= gap <= 0.38:
                    wrong.append((run, round(gap, 3), text(line)))
    assert found > 300
    assert not wrong, wrong[:10]
    foreword = next(line for _, line in pdf_lines(edition(sample, "ja")) if text(line).startswith("70年前の1955年"))
    assert all(0.24 <= gap <= 0.38 for _, gap in meetings(foreword)), meetings(foreword)


def test_chinese_spaces_latin_words_a_quarter_and_digits_an_eighth(sample):
    """CLREQ 3.2.2: "VinFast 汽车", "包括 LG", "Noto Serif 和 Noto Sans" take a
    quarter em (to 3/8 on a loose line); "1955 年 5 月 13 日" an eighth."""
    words, digits, wrong = 0, 0, []
    for block in blocks(sample, "zh"):
        for line in block:
            if line[0].ch == "©" or closed_stops(line):
                continue  # "© 2025 海防市…" as written; a line closing its 。 may close its spaces too
            for run, gap in meetings(line):
                if any(ch.isalpha() for ch in run):
                    words += 1
                    if not 0.12 <= gap <= 0.38:
                        wrong.append((run, round(gap, 3), text(line)))
                else:
                    digits += 1
                    if not 0.06 <= gap <= 0.38:
                        wrong.append((run, round(gap, 3), text(line)))
    assert words >= 4 and digits > 200
    assert not wrong, wrong[:10]


def test_a_lone_chinese_dash_is_one_em(sample):
    """The 一字线 of "亭武—吉海", "1904—1912年", "10—11" is one em, its glyph
    centred (the fifth proof: Noto CJK's proportional 0.89 em)."""
    boxes = []
    for _, line in pdf_lines(edition(sample, "zh")):
        for number in range(1, len(line) - 1):
            before, dash, after = line[number - 1:number + 2]
            if dash.ch == "—" and "—" not in before.ch + after.ch:
                boxes.append((round((dash.x - before.right) / dash.size, 3), round((after.x - dash.right) / dash.size, 3),
                              round((after.x - before.right) / dash.size, 3), text(line)))
    assert len(boxes) > 10
    assert all(abs(left - right) < 0.01 and 0.99 <= box <= 1.2 for left, right, box, _ in boxes), boxes


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_a_title_keeps_its_full_width_colon_as_the_contents_do(sample, lang):
    """"海港：北部商贸门户" at 24 pt on the opener sets its colon one em, as the
    contents do at 12 pt (the fifth proof: half an em on p17, whole on p6)."""
    colons = []
    for _, line in pdf_lines(edition(sample, lang)):
        if line[0].size >= 11:
            colons += [round((b.x - a.x) / a.size, 3) for a, b in zip(line, line[1:], strict=False)
                       if a.ch == "：" and is_han(b.ch)]
    if lang == "zh":
        assert len(colons) >= 4
    assert all(abs(colon - 1.0) < 0.01 for colon in colons), colons
