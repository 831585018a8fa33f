"""Korean setting as KLREQ asks, checked as a typesetter would: lines set
by `book.text.korean` measured piece by piece, and the built Korean edition
read back glyph by glyph from its content streams (`cjk_pdf`)."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from cjk_pdf import Glyph, pdf_lines, text
from test_cjk_setting import blocks, edition, paragraph_ends

from book.errors import Problems
from book.model import MM, Style
from book.sources.fonts_file import load_fonts
from book.text.fonts import EditionFonts
from book.text.korean import SYLLABLE_FORCED, SYLLABLE_SHRINK, WORD_SPACE_HOLE, WORD_SPACE_MAX, is_hangul
from book.text.typeset import break_paragraph

REPO = Path(__file__).resolve().parent.parent
CAPTION_MEASURES = (184.3, 198.0, 233.9, 283.5)  # pt: the book's caption measures (round 7)
COLUMN_GAP = 1.5  # em: wider than any word space, narrower than the gutter between two captions
BODY = Style("body", "serif", 10, 17, align="justify", min_size=9)
CAPTION = Style("caption", "sans", 8.5, 14, min_size=7.75)
FOREWORD = ("오늘날 하이퐁은 친환경적이고 품격 있는 현대적 항구도시, 국제 교역의 관문이자 투자자들이 믿고 찾는 "
            "도시가 되기 위해 힘쓰고 있습니다. 2019년 베트남 공산당 정치국 결의 제45-NQ/TW호는 2030년까지, "
            "그리고 2045년을 내다보는 하이퐁의 건설·발전 방향을 제시하며 친환경적이고 품격 있는 현대적 "
            "항구도시를 목표로 삼았다. 1955년 5월 13일, 제네바 협정에 따른 300일간의 병력 집결 기간이 끝나면서 "
            "하이퐁은 완전히 해방되었다. VinFast 공장과 LG 전자 공장이 들어선 딘부–깟하이 경제구역은 "
            "하이퐁의 두드러진 강점이다.")
CAPTION_TEXT = ("1954년 제네바 협정에 따른 300일간의 집결 기간 중 하이퐁 시가지. 당시 하이퐁은 북부에 남은 "
                "프랑스군의 마지막 집결지였다. 노동자와 시민들은 기계와 공장 설비가 뜯겨 나가지 않도록 지키는 "
                "한편, 도시를 인수할 날을 준비했다.")


@pytest.fixture(scope="module")
def ko_fonts(tmp_path_factory) -> EditionFonts:
    out = Problems()
    config = load_fonts(REPO, out, ["ko"], {})
    assert not out.errors, out.errors
    fonts = EditionFonts(config, "ko", tmp_path_factory.mktemp("fonts"))
    fonts.prepare({"serif": {FOREWORD}, "sans": {CAPTION_TEXT}})
    return fonts


def piece_spacing(line, size: float) -> list[tuple[str, float]]:
    """Each piece's text and the spacing its glyphs carry, in em."""
    return [(piece.text, (line.tracking + piece.char_space) / size) for piece in line.pieces]


@pytest.mark.parametrize("width_mm", [90, 104, 117, 131, 140])
def test_a_justified_korean_paragraph_meets_its_measure_within_the_limits(ko_fonts, width_mm):
    """The book's Korean prose is justified: every line but the last ends on
    the measure, its word spaces doing it; Hangul syllables, Latin words and
    digit runs are never letter-spaced (the fourteenth proof)."""
    lines = break_paragraph(ko_fonts, FOREWORD, BODY, "ko", 10, width_mm * MM)
    assert "".join(p.text for line in lines for p in line.pieces).replace(" ", "") == FOREWORD.replace(" ", "")
    assert len(lines) > 3
    for line in lines[:-1]:
        assert abs(line.width - width_mm * MM) < 0.05, ["".join(p.text for p in line.pieces) for line in lines]
    for line in lines:
        for piece_text, spacing in piece_spacing(line, 10):
            assert -SYLLABLE_SHRINK - 1e-6 <= spacing <= SYLLABLE_FORCED + 1e-6, piece_text
            if spacing > 1e-6:  # only runs of Hangul syllables carry spacing
                assert all(is_hangul(ch) for ch in piece_text.strip()), piece_text
    assert lines[-1].width < width_mm * MM - 1  # the last line is ragged


def test_korean_breaks_at_spaces_only_and_never_inside_a_date(ko_fonts):
    """No break inside a word, and none inside "1955년 5월 13일", ragged or
    justified, at any measure from 60 to 150 mm (round 7 found "1955년 / 5월
    13일" on p. 7: a date broke where holding it opened a line too far)."""
    words = FOREWORD.split()
    for width_mm in range(60, 150, 3):
        for style in (BODY, CAPTION):
            rows = ["".join(p.text for p in line.pieces).strip() for line in
                    break_paragraph(ko_fonts, FOREWORD, style, "ko", style.size, width_mm * MM)]
            for row in rows:
                assert set(row.split()) <= set(words), row
                assert not row.endswith(("1955년", "5월")) and not row.startswith(("5월", "13일")), (width_mm, rows)


PAIRS = ("최근 몇 년간 하이퐁 사람들에게 가장 친숙한 음식인 바인다꾸어 한 그릇은 주택과 학교, 공원을 함께 "
         "체계적으로 계획한 한 신도시의 아침을 연다. 깟바는 2004년 유네스코 세계 생물권보전지역으로 지정되었고, "
         "누구나 이 섬을 찾을 수 있다. 항구와 공장, 학교 등이 들어섰다.")


def test_a_determiner_holds_its_noun_and_a_kept_name_or_bound_noun_is_a_price(ko_fonts):
    """KLREQ: "몇 / 년간", "한 / 그릇", "한 / 신도시" are never broken. A name
    of keep_together ("세계 / 생물권보전지역") and a bound noun starting a
    line ("할 / 수 있다", "학교 / 등이") cost, but are no lock (round 7: the
    lock made a staircase of the 184-pt captions): ragged at the measures
    from 60 to 150 mm they part in a quarter at most (round 11 asked the
    caption lines filled to within 2 em, phrase keeping a soft price)."""
    ko_fonts.prepare({"serif": {PAIRS}, "sans": {PAIRS}})
    keep = ("세계 생물권보전지역",)
    parted, measures = [], [(w, CAPTION) for w in range(60, 150, 2)] + [(w, BODY) for w in (98, 117.5, 124)]
    for width_mm, style in measures:
        rows = ["".join(p.text for p in line.pieces).strip() for line in
                break_paragraph(ko_fonts, PAIRS, style, "ko", style.size, width_mm * MM, keep=keep)]
        for row, nxt in zip(rows, rows[1:], strict=False):
            assert row.split()[-1] not in ("몇", "한", "이"), (width_mm, rows)
            if row.endswith("세계") or nxt.startswith(("수 ", "등이")):
                parted.append((width_mm, row.split()[-1], nxt.split()[0]))
    assert len(parted) <= len(measures) / 4, parted


OPENER = "깟하이섬 락후옌 심수항에서 하역 중인 대형 컨테이너선. 2018년 운영을 시작한 이 부두 덕분에 북부에서도 대형 선박이 곧바로 입항할 수 있게 되었다."


def test_a_bound_noun_yields_to_the_rag_of_a_narrow_caption(ko_fonts):
    """The 184-pt opener caption of p. 17 stepped down to 72 % because "입항할
    수 있게" was held together (round 7): now every line but the last fills
    three quarters of the measure and the last keeps six syllables."""
    ko_fonts.prepare({"sans": {OPENER}})
    lines = break_paragraph(ko_fonts, OPENER, CAPTION, "ko", 8.5, 184.3)
    fills = [round(line.width / 184.3, 2) for line in lines]
    assert all(fill >= 0.75 for fill in fills[:-1]), fills
    assert sum(ch.isalnum() for p in lines[-1].pieces for ch in p.text) >= 6, fills


def test_a_korean_caption_does_not_climb_in_a_staircase(ko_fonts):
    """Ragged captions: no line falls more than three em short of the line
    after it. A climb of two em is free: a shorter line before a full one
    often saves a line and a stub (p. 39's 184-pt caption: seven lines at
    79-90 % and a last of 28 % against six at 82-93 %)."""
    for chars in range(26, 40):
        width = chars * 8.5 * 0.9
        lines = break_paragraph(ko_fonts, CAPTION_TEXT, CAPTION, "ko", 8.5, width)
        widths = [line.width for line in lines]
        assert all(w <= width + 0.01 for w in widths)
        assert all(a >= b - 3 * 8.5 for a, b in zip(widths, widths[1:], strict=False)), (chars, widths)


# The built edition: every Korean line of the foreword, the intros and the captions.

def is_body(block: list[list[Glyph]]) -> bool:
    """The foreword and chapter intros (serif running text, ragged), not captions or credit lines."""
    return block[0][0].size > 8.75 and len(block) >= 3


def inked_gaps(line: list[Glyph]) -> list[tuple[Glyph, Glyph, float]]:
    inked = [g for g in line if not g.ch.isspace()]
    return [(a, b, (b.x - a.right) / a.size) for a, b in zip(inked, inked[1:], strict=False)]


def test_korean_running_text_is_justified(sample):
    """The foreword and the intros are justified (the fourteenth proof called
    their rag of 3-4.5 em a word processor's): every line but a paragraph's
    last ends on the block's right edge."""
    short, lines = [], 0
    for block in blocks(sample, "ko", gap_em=COLUMN_GAP):
        if not is_body(block):
            continue
        right = max(line[-1].right for line in block)
        for line, last in zip(block, paragraph_ends(block), strict=True):
            if last:
                continue
            lines += 1
            if right - line[-1].right > 0.5:
                short.append((round(right - line[-1].right, 1), text(line)))
    assert lines > 30
    assert not short, short


def test_korean_word_spaces_are_natural_and_syllables_solid(sample):
    """Round 10 measured syllables closed by 0.05 em and word spaces at 0.18 em
    in the justified foreword, round 12 holes of 0.8-1.1 em: now no Korean
    line of the edition spaces or closes its Hangul syllables, a word space
    of running text stays between its natural 0.24 em and the two thirds of
    an em `book check` names as a hole, on average within half an em, and
    Latin words and numbers are never letter-spaced."""
    spacing, spaces, solid, words, total = [], [], [], 0, 0.0
    for block in blocks(sample, "ko", gap_em=COLUMN_GAP):
        body = is_body(block)
        for line in block:
            if line[0].size < 8.4:
                continue  # running heads and credit lines: tracked
            for _, _, gap in inked_gaps(line):
                if body and 0.1 < gap < 1.0:
                    words += 1
                    total += gap
                    if not 0.24 <= gap <= WORD_SPACE_HOLE:
                        spaces.append((round(gap, 3), text(line)))
            for a, b in zip(line, line[1:], strict=False):  # neighbours in a word, no space between
                gap = (b.x - a.right) / a.size
                if is_hangul(a.ch) and is_hangul(b.ch) and abs(gap) > 0.001:
                    spacing.append((a.ch + b.ch, round(gap, 3), text(line)))
                elif a.ch.isalnum() and b.ch.isalnum() and (0.001 < gap < 0.5 or abs(a.tc) > 1e-6):  # kerning closes, never opens
                    # (a gap of half an em or more is a tab: the credits' name and its pages, "Trang  23")
                    solid.append((a.ch + b.ch, round(gap, 3), text(line)))
    assert words > 300
    assert total / words < WORD_SPACE_MAX, total / words
    assert not spacing, spacing[:5]
    assert not spaces, spaces[:5]
    assert not solid, solid


def test_no_korean_date_breaks_across_lines(sample):
    """DESIGN.md: dates never break; round 7 found "1955년 / 5월 13일" (p. 7).
    No line of the Korean edition ends on a year or a month followed by a
    line starting with a month or a day."""
    import re

    lines = [text(line).strip() for _, line in pdf_lines(edition(sample, "ko"), gap_em=COLUMN_GAP)]
    split = [(a, b) for a, b in zip(lines, lines[1:], strict=False)
             if re.search(r"\d+[년월]$", a) and re.match(r"\d+[월일]", b)]
    assert not split, split


def test_korean_captions_end_on_a_line_of_some_length(sample):
    """Round 7: last lines of 15-21 % of the measure ("나갈 것이다.", p. 62).
    A caption's last line keeps a quarter of the measure or six syllables.
    The measure is the narrowest of the book's caption measures that holds
    the caption's longest line."""
    short, captions = [], 0
    for block in blocks(sample, "ko", gap_em=COLUMN_GAP):
        if not 8.4 < block[0][0].size < 8.6 or len(block) < 2 or not any(is_hangul(g.ch) for g in block[-1]):
            continue  # captions (8.5 pt), not the credits' lists of pages
        captions += 1
        longest = max(line[-1].right for line in block) - min(line[0].x for line in block)
        measure = min((m for m in CAPTION_MEASURES if m >= longest - 0.5), default=longest)
        last = block[-1]
        fill = (last[-1].right - last[0].x) / measure
        if fill < 0.25 and sum(g.ch.isalnum() for g in last) < 6:
            short.append((round(fill, 2), text(last)))
    assert captions > 30
    assert not short, short


def test_the_korean_tilde_comes_from_the_korean_face(sample):
    """KLREQ: "~" of a range ("1904~1912년", "13일~2025년") is drawn from the
    CJK face, centred on the Hangul; the Latin face's sits high."""
    from pdf_lines import pdf_runs

    runs = [run for run in pdf_runs(edition(sample, "ko")) if "~" in run.text]
    assert runs
    assert all("CJK" in run.font for run in runs), {(run.font, run.text) for run in runs}


def hangul(word: str) -> str:
    """A word's Hangul alone ("『하이퐁" and "하이퐁』은" as the catalog spells their syllables)."""
    return "".join(ch for ch in word if is_hangul(ch))


def test_no_korean_line_breaks_inside_a_word(sample):
    """Every word at the start or end of a caption, foreword or intro line is
    a whole word of the Korean catalog: lines break at word spaces only. A
    credits line joins a page's positions with the catalog's 가운뎃점
    ("13 오른쪽 위·아래", `credits.grouped_references`): such a word is whole
    when each of its parts is a catalog word and it neither ends nor starts
    at the dot."""
    words = {hangul(word) for entry in polib.pofile(str(REPO / "translations" / "ko.po")) for word in entry.msgstr.split()}
    split, seen = [], 0
    for _, line in pdf_lines(edition(sample, "ko"), gap_em=COLUMN_GAP):
        if not 8.4 < line[0].size < 10.1 or len(text(line).split()) < 3:
            continue  # running text, not a label
        for token in {text(line).split()[0], text(line).split()[-1]}:
            word = hangul(token)
            if word:
                seen += 1
                parts = [hangul(part) for part in token.split("·")]
                joined = len(parts) > 1 and all(parts) and all(part in words for part in parts)
                if word not in words and not joined:
                    split.append((word, text(line)))
    assert seen > 200
    assert not split, split[:10]


def test_the_korean_middle_dot_has_one_width_in_every_face(ko_fonts):
    """KLREQ 가운뎃점: "·" is drawn from the face its line is set in, with one
    advance (1/3 em) in serif and sans, regular and bold, its ink centred in
    it (Noto's own are 0.33 em in the Serif, 0.56-0.59 em in the Sans)."""
    from fontTools.ttLib import TTFont
    from reportlab.pdfbase import pdfmetrics

    title = "투쟁·건설·발전"
    roles = ("sans", "serif", "sans-bold", "serif-bold")
    ko_fonts.prepare({role: {title} for role in roles})
    faces = set()
    for role in roles:
        run = next(r for r in ko_fonts.runs(title, role) if "·" in r.text)
        faces.add(run.font)
        assert pdfmetrics.stringWidth("·", run.font, 10) == pytest.approx(10 / 3, abs=0.02), role
        path, index = ko_fonts.files[run.font]
        font = TTFont(path, fontNumber=index)
        name = font.getBestCmap()[0xB7]
        advance, lsb = font["hmtx"][name]
        glyph = font["glyf"][name]
        glyph.recalcBounds(font["glyf"])
        centre = lsb + (glyph.xMax - glyph.xMin) / 2
        assert abs(centre - advance / 2) < 0.02 * font["head"].unitsPerEm, role
    assert len(faces) == 4  # each role its own face: the dot is not borrowed from another


def test_a_name_and_its_generic_head_part_at_a_price_like_a_glossary_name():
    """Round 8 (p7): "제네바 / 협정". A generic head written apart from its
    name (협정, 공항, 공원…) costs at a line end before it as a glossary name
    does; 섬 and 강 never stand apart from a foreign name (박롱비섬), so
    "석회암 / 섬과" is an ordinary break, and a caption keeps no one-word last line for it."""
    from book.text.korean import PHRASE_BREAK_DEMERITS, SHORT_LAST_DEMERITS, soft_breaks
    from book.text.linebreak import Atom

    atoms = soft_breaks([Atom(w, " ") for w in "1954년 제네바 협정에 따른 깟바 국립공원의 석회암 섬과".split()])
    priced = {a.text: a.penalty for a in atoms}
    assert priced["제네바"] == PHRASE_BREAK_DEMERITS and priced["깟바"] == PHRASE_BREAK_DEMERITS
    assert priced["석회암"] == 0.0 and priced["따른"] == 0.0
    assert SHORT_LAST_DEMERITS > 2 * PHRASE_BREAK_DEMERITS


def test_a_justified_korean_line_avoids_a_name_break_when_another_fits(ko_fonts):
    """The same paragraph set at measures from 90 to 140 mm: wherever some
    set of breaks keeps "제네바 협정" whole within the word-space limits, it is kept."""
    text = ("1955년 5월 13일, 제네바 협정에 따른 300일간의 병력 집결 기간이 끝나면서 하이퐁은 완전히 해방되었다. "
            "이후 하이퐁은 건설과 전투를 병행하는 세월을 보냈고, 1972년 12월의 폐허를 딛고 다시 일어섰다.")
    kept = 0
    for width_mm in range(90, 141, 5):
        rows = ["".join(p.text for p in line.pieces).strip() for line in
                break_paragraph(ko_fonts, text, BODY, "ko", 10, width_mm * MM)]
        kept += not any(row.endswith("제네바") for row in rows)
    assert kept >= 9


THANKS = ("하이퐁시 정보통신국은 귀중한 자료를 제공해 주신 여러 기관과 박물관, 사진작가 여러분께 깊이 감사드리며, "
          "이 책을 독자 여러분께 정중히 선보입니다.")


def test_running_prose_fills_its_lines_and_breaks_early_only_to_spare_a_stub(ko_fonts):
    """The foreword's last paragraph (round 13: lines stopped 6.4 and 8.8 em short while "박물관," and
    "여러분께" fitted): a ragged line of running prose ends before a word that fits only where filling
    it would leave the paragraph a last line of one short word; a last line of two words is no stub."""
    ko_fonts.prepare({"serif": {THANKS}})
    width = 117.5 * MM
    ragged = Style("body", "serif", 10, 17, align="left", min_size=9)  # Korean prose a book sets ragged (the sample justifies it)
    lines = break_paragraph(ko_fonts, THANKS, ragged, "ko", ragged.size, width)
    rows = ["".join(p.text for p in line.pieces).strip() for line in lines]
    assert rows[0].endswith("박물관,"), rows  # filled: "박물관," fits after "기관과"
    assert len(rows[-1].split()) >= 2, rows  # "정중히 선보입니다.", not "선보입니다." alone
    # the one early break: the line before the last stops short only because its next word would leave a stub
    assert width - lines[-2].width > 0 and rows[-1].split()[0] == "정중히", rows


def test_a_line_no_break_keeps_in_its_limits_is_named_by_the_check(ko_fonts):
    """A date that never breaks after a short sentence: the line before it opens its
    word spaces past two thirds of an em, and the check names the text, its page,
    the space and the line, so the translator can reword it."""
    from book.errors import Where
    from book.text.overset import report_loose

    text = ("여장군 레쩐이 안비엔 마을을 세우고 박당강에서 수전(水戰)이 벌어지던 시절부터, 바다 어귀의 이 땅은 "
            "나라를 지키는 역사와 함께했다. 1955년 5월 13일, 제네바 협정에 따른 300일간의 병력 집결 기간이 "
            "끝나면서 하이퐁은 완전히 해방되었다.")  # the eleventh ko intro of p7, before its translator reworded it
    ko_fonts.prepare({"serif": {text}})
    lines = break_paragraph(ko_fonts, text, BODY, "ko", 10, 117.5 * MM)
    assert [line.last for line in lines].count(True) == 1
    loose = [line for line in lines if line.loose]
    assert loose and all(line.loose > WORD_SPACE_HOLE for line in loose)
    out = Problems()
    report_loose(out, Where("translations/ko.po", line=808), "ko", "text chapter:lich-su:intro", 7, lines)
    (warning,) = out.warnings
    assert warning.code == "loose-line"
    assert "translations/ko.po:808" in str(warning) and "page 7" in str(warning) and f"{max(line.loose for line in loose):.2f} em" in str(warning)
    reworded = ("해방 70년을 맞은 하이퐁은 신도시와 푸른 공원, 날로 현대화되는 인프라를 갖춘 도시로 몰라보게 달라졌다. "
                "그러나 도시의 정체성을 이루는 것은 역시 사람이다. 솔직하고 정이 많으며, 축구를 사랑하고 고향에 대한 "
                "자부심을 지닌 사람들이다.")
    ko_fonts.prepare({"serif": {reworded}})
    fitting = break_paragraph(ko_fonts, reworded, BODY, "ko", 10, 117.5 * MM)
    report_loose(out, None, "ko", "text", 5, fitting)
    assert len(out.warnings) == 1
