"""Chinese, Japanese and Korean setting as a typesetter checks it in the
built print PDFs: glyph positions read back from the content streams
(`cjk_pdf`), every body, intro and caption line of the sample book."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from cjk_pdf import Glyph, lettered_glyphs, pdf_lines, text
from conftest import REPO

from book.i18n.glossary import read_glossary
from book.text.cjk import is_han
from book.text.cjk_breaks import is_kanji, is_katakana, phrase_inside
from book.text.linebreak import is_ideographic

TEXT_SIZES = (6.0, 12.0)  # pt: running text, captions and credit lines; titles and labels are larger


def edition(root: Path, lang: str) -> Path:
    return root / "output" / "print" / lang / f"hai-phong-70-nam-{lang}-interior.pdf"


def western(ch: str) -> bool:
    return ch.isalnum() and not is_ideographic(ch)


def gaps(line: list[Glyph]) -> list[tuple[Glyph, Glyph, float]]:
    """Each two neighbouring glyphs and the white between them, in em."""
    return [(a, b, (b.x - a.right) / a.size) for a, b in zip(line, line[1:], strict=False)]


def usual_gap(line: list[Glyph]) -> float:
    """The line's gap between two CJK characters (its spread), in em."""
    spread = sorted(gap for a, b, gap in gaps(line) if is_han(a.ch) and is_han(b.ch))
    return spread[len(spread) // 2] if spread else 0.0


def closed_stops(line: list[Glyph]) -> list[float]:
    """The advance (em, the line's spread taken off) of each 。 followed by a character on the line, when under an em."""
    usual = usual_gap(line)
    return [round((b.x - a.x) / a.size - usual, 3) for a, b in zip(line, line[1:], strict=False)
            if a.ch == "。" and b.ch.strip() and (b.x - a.x) / a.size - usual < 0.98]


def blocks(root: Path, lang: str, gap_em: float = 0.75) -> list[list[list[Glyph]]]:
    """The text blocks of running text: lines of one size starting at one x,
    each baseline one leading under the one before, on one page."""
    found: list[list[list[Glyph]]] = []
    open_blocks: list[tuple[int, float, list[list[Glyph]]]] = []  # page, left edge, lines (frames interleave by height)
    for page, line in pdf_lines(edition(root, lang), gap_em):
        size, x, y = line[0].size, line[0].x, line[0].y
        if not TEXT_SIZES[0] < size < TEXT_SIZES[1]:
            continue
        for at, (block_page, left, lines) in enumerate(open_blocks):
            previous = lines[-1][0]
            if (block_page == page and previous.size == size and abs(left - x) < 2.1 * size
                    and 0 < previous.y - y < 2.5 * size):
                lines.append(line)
                open_blocks[at] = (page, min(left, x), lines)
                break
        else:
            found.append([line])
            open_blocks.append((page, x, found[-1]))
    return found



def line_end(line: list[Glyph]) -> float:
    """Where a line's last glyph ends, pt."""
    return line[-1].x + line[-1].width + line[-1].tc

def paragraph_ends(block: list[list[Glyph]]) -> list[bool]:
    """Which lines end a paragraph: the block's last, one followed by a wider
    baseline step (paragraph space), or one followed by an indented line."""
    steps = [a[0].y - b[0].y for a, b in zip(block, block[1:], strict=False)]
    leading = min(steps, default=0.0)
    left = min(line[0].x for line in block)
    ends = []
    for number in range(len(block)):
        if number + 1 == len(block):
            ends.append(True)
            continue
        nxt = block[number + 1]
        ends.append(steps[number] > leading + 0.5 or nxt[0].x > left + 0.5 * nxt[0].size)
    return ends


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_cjk_gaps_stay_within_a_tenth_of_an_em_and_closed_on_last_lines(sample, lang):
    """JLREQ: a justified line opens its CJK gaps by at most about 0.1 em; a
    paragraph's last line is set solid."""
    wide, loose_last, lines = [], [], 0
    for block in blocks(sample, lang):
        for line, last in zip(block, paragraph_ends(block), strict=True):
            lines += 1
            cjk = [gap for a, b, gap in gaps(line) if is_han(a.ch) and is_han(b.ch)]
            if any(abs(gap) > 0.101 for gap in cjk):
                wide.append((max(cjk, key=abs), text(line)))
            if last and any(abs(gap) > 0.005 for gap in cjk):
                loose_last.append((max(cjk, key=abs), text(line)))
    assert lines > 400, "the edition's running text was read"
    assert not wide, wide[:10]
    assert not loose_last, loose_last[:10]


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_latin_words_and_numbers_are_never_letter_spaced(sample, lang):
    """Justification never spreads "2045" or "45-NQ/TW": Latin letters and
    digits stand solid (kerned at most), or a word space apart."""
    spaced = []
    for _, line in pdf_lines(edition(sample, lang)):
        for a, b, gap in gaps(line):
            if western(a.ch) and western(b.ch):
                if (a.piece == b.piece and abs(a.tc) > 1e-3) or 0.02 < gap < 0.15:
                    spaced.append((a.ch + b.ch, round(gap, 3), text(line)))
    assert not spaced, spaced[:10]


@pytest.mark.parametrize("lang, least, most", [("ja", 0.23, 0.27), ("zh", 0.23, 0.27)])
def test_a_space_stands_wherever_cjk_meets_latin_or_digits(sample, lang, least, most):
    """四分アキ in Japanese: "1955 年 5 月", "ビンファスト（VinFast）" keeps its
    brackets; Chinese the same quarter em between Han and digits, "1955 年 5 月 13 日", "第 1 版"
    (CLREQ 3.2.2), one width on every line (a Latin word's: `test_cjk_justify`)."""
    meetings, missing = 0, []
    for block in blocks(sample, lang):
        for line in block:
            if (lang == "zh" and line[0].ch == "©") or closed_stops(line):
                continue  # "© 2025 海防市…" as written; a line that had to close its 。 closes its spaces too
            lettered = lettered_glyphs(line)
            for number, (a, b, gap) in enumerate(gaps(line)):
                if (is_han(a.ch) and western(b.ch)) or (western(a.ch) and is_han(b.ch)):
                    if lang == "zh" and {number, number + 1} & lettered:
                        continue  # "B-52轰炸机": a Latin word's quarter em (`test_cjk_justify`)
                    meetings += 1
                    if not least <= gap <= most:
                        missing.append((a.ch + b.ch, round(gap, 3), text(line)))
    assert meetings > 50
    assert not missing, missing[:10]


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_display_and_copyright_lines_space_digits_as_the_running_text(sample, lang):
    """The title on the cover and the title page, and the copyright lines, as
    the running text: a quarter em, zh "海防——70 年", "第 1 版", ja "の 70 年", "第 1 刷" (the ninth
    proofs: titles at a tenth of an em beside text at a quarter read as two rules)."""
    found = []
    for pdf in (edition(sample, lang), edition(sample, lang).with_name(f"hai-phong-70-nam-{lang}-cover.pdf")):
        for _, line in pdf_lines(pdf):
            if len({round(glyph.x) for glyph in line}) < len(line) / 2:
                continue  # the vertical spine: its glyphs stand one under the other
            # A title draws its space as a four-per-em glyph of its own ("70\u2005年", `book.text.typeset`):
            # the white between the digit and 年 is measured ink to ink, over that glyph.
            ink = [glyph for glyph in line if glyph.ch.strip()]
            hair = {id(a) for a, b in zip(line, line[1:], strict=False) if a.ch.isdigit() and not b.ch.strip()}
            found += [(gap, line[0].size, text(line), id(a) in hair)  # a justified line opens its Han gaps, never this space;
                      for a, b, gap in gaps(ink)  # a title's space is a quarter em whatever its kana's set widths
                      if a.ch.isdigit() and b.ch in "年版刷" and not closed_stops(line)]
    assert len(found) > 10
    assert any(size >= 12 and hair for _, size, _, hair in found), "a title was read"
    assert all(0.23 <= gap <= 0.27 for gap, _, _, _ in found), [f for f in found if not 0.23 <= f[0] <= 0.27][:5]


MID_MARKS = "。，、"


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_no_gap_between_two_cjk_characters_ever_closes(sample, lang):
    """JIS X 4051 / JLREQ 3.8: a tight line closes its spaces around Latin
    and halves its marks; the gap between two ideographs or kana never goes
    below solid (the fourth proof: 18 zh and 41 ja lines, down to -0.046 em,
    kana touching)."""
    closed, lines = [], 0
    for block in blocks(sample, lang):
        for line in block:
            lines += 1
            cjk = [gap for a, b, gap in gaps(line) if is_han(a.ch) and is_han(b.ch)]
            if cjk and min(cjk) < -0.002:
                closed.append((round(min(cjk), 3), text(line)))
    assert lines > 400
    assert not closed, closed[:10]


MID_MARKS = "。，、"


@pytest.mark.parametrize("lang, most", [("zh", 32), ("ja", 32)])
def test_every_mark_inside_a_line_is_full_width_unless_the_line_is_tight(sample, lang, most):
    """全角式: every 。，、 inside a line takes its whole em (besides the line's
    own spread), and on a loose line up to ``MARK_OPEN`` more, opened before
    the gaps between characters (JLREQ 3.8.3; the tenth proofs); only two
    marks in a row close up, and a tight line, its gaps solid, halves a mark
    or two (JLREQ 3.8.2) rather than break a word or leave a hole: never by
    another amount, and in few lines (the sample: 28 of 414 zh lines, 19 of
    506 ja; 30 and 29 once a break inside a word is priced, `book.text.cjk_breaks`)."""
    from book.text.cjk_spaces import MARK_OPEN

    marks, narrow, halved = 0, [], set()
    for block in blocks(sample, lang):
        for line in block:
            spread = sorted(gap for a, b, gap in gaps(line) if is_han(a.ch) and is_han(b.ch))
            usual = spread[len(spread) // 2] if spread else 0.0  # the line's gap between two characters
            for a, b in zip(line, line[1:], strict=False):
                if a.ch in MID_MARKS and is_han(b.ch):
                    marks += 1
                    advance = (b.x - a.x) / a.size - usual
                    if 1.0 - 0.02 <= advance <= 1.0 + MARK_OPEN.get(lang, 0.0) + 0.02:
                        continue
                    if 0.48 <= advance < 1.0 and (not spread or spread[-1] <= 0.002):
                        halved.add(text(line))
                    else:
                        narrow.append((a.ch, round(advance, 3), text(line)))
    assert marks > 300
    assert not narrow, narrow[:10]
    assert len(halved) <= most, sorted(halved)


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_paragraphs_are_marked_by_the_indent_alone(sample, lang):
    """Chinese and Japanese running text marks a new paragraph by its indent
    (zh two characters, ja one) and no space: every baseline of the foreword
    one leading below the last."""
    indent = {"zh": 2, "ja": 1}[lang]
    foreword = [block for block in blocks(sample, lang) if block[0][0].size >= 9.5 and len(block) > 8]
    assert foreword, "the foreword was read"
    indented = 0
    for block in foreword:
        steps = {round(a[0].y - b[0].y, 1) for a, b in zip(block, block[1:], strict=False)}
        assert len(steps) == 1, (steps, text(block[0]))
        left = min(line[0].x for line in block)
        indented += sum(1 for line in block if abs(line[0].x - left - indent * line[0].size) < 0.3)
    assert indented >= 3


def kana_run(text_: str, from_end: bool) -> int:
    chars = reversed(text_) if from_end else iter(text_)
    count = 0
    for ch in chars:
        if not is_katakana(ch):
            break
        count += 1
    return count


def test_no_katakana_word_leaves_one_kana_on_a_line(sample):
    """"プ|ロジェクト", "ユ|ネスコ" never happen: a loanword split across
    lines keeps two kana or more on each line ("ハイ|フォン", "バイ|ンダークア"
    rather than a line spread to 0.1 em and left short, as JLREQ would)."""
    splits, torn = 0, []
    for block in blocks(sample, "ja"):
        for line, nxt in zip(block, block[1:], strict=False):
            before, after = kana_run(text(line), True), kana_run(text(nxt), False)
            if before and after:
                splits += 1
                if before < 2 or after < 2:
                    torn.append(f"{text(line)[-6:]}|{text(nxt)[:6]}")
    assert not torn, torn


def split_terms(sample, lang: str, terms: set[str]) -> tuple[list, set]:
    """The ``terms`` a line break splits in ``lang``'s text blocks (each with its
    context), and the terms found at all."""
    split, seen = [], set()
    for block in blocks(sample, lang):
        texts = [text(line) for line in block]
        joined = "".join(texts)
        bounds = {sum(len(piece) for piece in texts[:n]) for n in range(1, len(texts))}
        for term in terms:
            start = joined.find(term)
            while start >= 0:
                seen.add(term)
                if any(start < b < start + len(term) for b in bounds):
                    split.append((term, joined[max(0, start - 8):start + len(term) + 8]))
                start = joined.find(term, start + 1)
    return split, seen


def test_chinese_names_and_glossary_terms_stay_whole(sample):
    """黎桓, 巴黎和平协定, 凤凰 and every term of the glossary are never split across lines."""
    terms = {form.strip() for term in read_glossary(sample, "vi") for form in term.targets.get("zh", "").split("|")}
    book = yaml.safe_load((REPO / "content" / "book.yaml").read_text(encoding="utf-8"))
    terms |= set(book["keep_together"]["zh"])
    terms = {t for t in terms if len(t) > 1}
    assert {"黎桓", "巴黎和平协定", "凤凰", "海防"} <= terms
    split, seen = split_terms(sample, "zh", terms)
    assert {"黎桓", "巴黎和平协定", "凤凰"} <= seen, "the sample's names were read"
    assert not split, split


def test_korean_credit_takes_a_line_of_its_own(sample):
    """"하이퐁 도심, 2024년 3월 / 사진: …": the credit line's two parts on two
    lines, so no separator is set between them (the one-line form drew a .notdef there)."""
    lines = [text(line).strip() for _, line in pdf_lines(edition(sample, "ko"))]
    credits = [content for content in lines if "사진:" in content]
    assert len(credits) >= 60, len(credits)
    assert all(content.startswith("사진:") for content in credits), [c for c in credits if not c.startswith("사진:")][:5]
    before = [lines[k - 1] for k, content in enumerate(lines) if content.startswith("사진:") and k]
    assert not any("·" in content.split(",")[-1] for content in before), before[:5]  # no separator after the date


@pytest.mark.parametrize("lang, credit", [("zh", "图片："), ("ja", "写真：")])
def test_a_credit_starts_its_own_line(sample, lang, credit):
    """"2024年3月 / 写真：…": the photographer's credit on a line of its own under
    the place and date, in every caption and card; never squeezed onto their line."""
    lines = [text(line) for _, line in pdf_lines(edition(sample, lang))]
    credits = [t for t in lines if credit in t]
    assert len(credits) >= 60, len(credits)
    assert all(t.lstrip().startswith(credit) for t in credits), [t for t in credits if not t.lstrip().startswith(credit)][:5]


def body_count(line: list[Glyph]) -> int:
    """Characters of a line besides punctuation and spaces: ideographs, kana, Latin letters and digits."""
    return sum(1 for g in line if is_han(g.ch) or western(g.ch))


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_no_paragraph_ends_on_fewer_than_four_characters(sample, lang):
    """"即今日海防的 / 前身。", "短縮さ / れた。": a paragraph's last line keeps four
    characters or more besides its punctuation (the sample had 14 and 13), or three
    that make a whole phrase ("基盤 / である。", not "基 / 盤である。"). With every
    caption at its frame's measure, a caption whose text is a character too long
    for two full lines of its 21-em grid has no other way (zh p7 "…的 / 前身。",
    p43 "…紧密 / 相连。"): two at most, where a narrower grid per caption was tried before."""
    short, paragraphs = [], 0
    for block in blocks(sample, lang):
        ends = paragraph_ends(block)
        for number, (line, last) in enumerate(zip(block, ends, strict=True)):
            if not last or number == 0 or ends[number - 1] or not any(is_han(g.ch) for g in line):
                continue  # a paragraph of one line, or a list's figures
            if line_end(block[number - 1]) - block[number - 1][0].x < 0.8 * max(line_end(row) - row[0].x for row in block):
                continue  # the line before is no full line: a table's labels ("版次 / 印次"), not a paragraph run on
            paragraphs += 1
            before = text(block[number - 1])[-8:]
            whole_phrase = len(before) not in phrase_inside(before + text(line), lang)  # "基盤 / である。"
            if body_count(line) < 4 and not (body_count(line) == 3 and (whole_phrase or not is_kanji(line[0].ch))):
                short.append(f"{before} / {text(line)}")
    assert paragraphs > 40
    assert len(short) <= 2, short


@pytest.mark.parametrize("lang, share", [("zh", 0.021), ("ja", 0.045)])
def test_lines_spread_past_six_hundredths_of_an_em_are_rare(sample, lang, share):
    """The composer shares a paragraph's slack between lines rather than open
    one line's gaps past 0.06 em (a line of a twenty-em caption a character
    short opens 1/19 em); what remains is a caption whose text fits its
    frame's measure no other way, now that a caption no longer takes a
    narrower grid of its own (zh 3 of 278 lines, ja 12 of 359: p39
    "状元グエン・ビン・キエム /（チャン・チン）", p20 "コンテナ / トレーラー"),
    or, in ja, a katakana word or name kept whole at the price of a line at
    the limit (`book.text.cjk_breaks.KATAKANA_PENALTY`: ja 17 of 384, p9
    "…通りにあふれる / ハイフォンの", p59 "ハイフォンが / ベトナム北部"). Round 10: zh 6 of 302, at most
    0.08 em (the tenth proof 0.089), as dearer Chinese words moved some captions' measures."""
    loose, lines = [], 0
    for block in blocks(sample, lang):
        for line, last in zip(block, paragraph_ends(block), strict=True):
            if last:
                continue
            lines += 1
            cjk = [gap for a, b, gap in gaps(line) if is_han(a.ch) and is_han(b.ch)]
            if cjk and max(cjk) > 0.061:
                loose.append((round(max(cjk), 3), text(line)))
    assert lines > 150
    assert len(loose) <= share * lines, sorted(loose, reverse=True)


def test_japanese_glossary_names_part_rarely(sample):
    """A name or term of the glossary (and of the book's keep_together) parts
    in the Japanese edition only where the paragraph has no way but a line
    spread past 0.055 em (`book.text.cjk_breaks.NAME_PENALTY`): kept whole at
    any price, the sixth proof had ten lines at the 0.1 em limit, some 3 em
    short; priced, 17 of 44 names in the sample part, with every caption at
    its frame's measure (`book.text.captions`)."""
    terms = {form.strip() for term in read_glossary(sample, "vi") for form in term.targets.get("ja", "").split("|")}
    book = yaml.safe_load((REPO / "content" / "book.yaml").read_text(encoding="utf-8"))
    terms = {t for t in terms | set(book["keep_together"]["ja"]) if len(t) > 1}
    split, seen = split_terms(sample, "ja", terms)
    assert {"レ・チャン", "ラックフェン", "鳳凰木"} <= seen, "the sample's names were read"
    assert len(split) <= 18, split
