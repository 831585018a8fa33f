"""The rag of the Latin editions as a compositor judges it in the built book:
Vietnamese words of two syllables kept whole, no notch left by a name or a
word kept whole, one date form in Vietnamese running text, and no spaced
dash ending a line between two names."""

from __future__ import annotations

import re

import pytest
from pdf_lines import pdf_runs, text_lines
from test_latin import BODY, CAPTION, edition_pdf, lines_of, running_text

from book.text.latin_names import vi_compounds


def test_vietnamese_two_syllable_words_part_only_where_nothing_else_fits(sample):
    """"Đổi / mới", "nhiệm / vụ", "trung / tâm": a word of
    book/data/vi_compounds.yaml is one word written in two syllables. It is
    priced like a line at about 65 % of the measure, not locked (a lock left
    a 45 % line), so it parts only where every other way leaves a notch:
    the reviewer of round 5 circled 18 such breaks, of round 8 eleven more
    ("giám / sát", "Dữ / liệu", "hỗ / trợ", "châu / Âu"), the words they named
    never part. The list is general vocabulary (2,000 words and more), read
    as a reader does: "dãy núi / đá vôi" holds "dãy núi", not "núi đá"."""
    lines = text_lines(pdf_runs(edition_pdf(sample, "vi")))
    circled = {tuple(w.split()) for w in ("đồng hành", "nhiệm vụ", "quốc phòng", "ngư trường", "cảnh quan", "đất liền",
                                          "học trò", "tưởng niệm", "gìn giữ", "chào mừng", "đối đáp", "thẳng thắn",
                                          "đồng bộ", "trực tuyến", "kết nghĩa", "hàm lượng", "chất lượng", "thông tuyến",
                                          "giám sát", "dữ liệu", "hỗ trợ", "châu âu", "khảo cổ", "nhân cách",
                                          "hiếu học", "lợi ích", "cấp nước", "rau sống", "cây xanh", "góc nhìn",
                                          "ngoại ngữ", "nước dùng", "nước sâu", "đẩy mạnh", "sử dụng")}  # round 10
    assert circled <= vi_compounds() and len(vi_compounds()) > 2000
    parted, ends = [], 0
    for family, sizes in (CAPTION, BODY):
        for paragraph in running_text(lines, family, sizes):
            rows = lines_of(paragraph)
            for a, b in zip(rows, rows[1:], strict=False):
                ends += 1
                *before, last = a.split()
                first = b.split()[0]
                held = bool(before) and (before[-1].lower(), last.lower()) in vi_compounds()  # "dãy núi / đá"
                if last.isalpha() and (last.lower(), first.strip(",.;:").lower()) in vi_compounds() and not held:
                    parted.append(f"{a[-20:]} / {b[:20]}")
    assert ends > 200, "the edition's running text was read"
    assert len(parted) <= 1, parted
    assert not [p for p in parted if tuple(w.strip(",.;:").lower() for w in p.split(" / ")[0].split()[-1:] +
                                           p.split(" / ")[1].split()[:1]) in circled], parted


def test_a_syllable_no_later_word_claims_is_priced_at_both_joints():
    """"trong nước dùng" (in broth): "nước" may end "trong nước" or start
    "nước dùng", and no listed word starts at "dùng", so a break at either
    joint parts a word (the tenth vi proof's "trong nước / dùng"); "quy
    hoạch định hướng" still breaks between its two words."""
    from book.text.latin_vi import compound_joints
    from book.text.linebreak import Atom

    def joints(text: str) -> list[int]:
        return sorted(compound_joints([Atom(w, " ") for w in text.split()]))

    assert joints("sợi bánh đa trong nước dùng nấu từ cua") == [2, 4, 5]
    assert joints("Quy hoạch định hướng phát triển") == [1, 3, 5]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_line_is_notched_by_a_word_kept_whole(sample, lang):
    """A line that is not a paragraph's last fills 65 % of its paragraph's
    measure or more, and few fill less than 75 %: a name or a word kept
    whole costs a price the composer weighs against the rag, never a lock
    that leaves a 45 % line ("Nhà ga hành khách / Cảng hàng không quốc tế")."""
    lines = text_lines(pdf_runs(edition_pdf(sample, lang)))
    notched, short = [], []
    for family, sizes in (CAPTION, BODY):
        for paragraph in running_text(lines, family, sizes):
            if len(paragraph) < 3:
                continue  # the measure is the widest line: read where three lines show it
            measure = max(line.width for line in paragraph)
            for line in paragraph[:-1]:
                share = line.width / measure
                if share < 0.65:
                    notched.append(f"p{line.page}: {line.text!r} ({share:.0%})")
                elif share < 0.75:
                    short.append(f"p{line.page}: {line.text!r} ({share:.0%})")
    assert not notched, "\n".join(notched)
    assert len(short) <= 6, "\n".join(short)


def test_vietnamese_running_text_writes_dates_in_words(sample):
    """Captions, intros and the foreword write "ngày 13 tháng 5 năm 1955" as
    the credit lines do; the numeric form is only the title page's."""
    lines = text_lines(pdf_runs(edition_pdf(sample, "vi")))
    numeric = []
    for family, sizes in (CAPTION, BODY):
        for paragraph in running_text(lines, family, sizes):
            text = " ".join(lines_of(paragraph))
            numeric += [f"p{paragraph[0].page}: {m}" for m in re.findall(r"\b\d{1,2}/\d{1,2}(?:/\d{4})?\b|\b\d{1,2}/\d{4}\b", text)]
    assert not numeric, numeric


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_line_ends_on_a_dash_between_two_names(sample, lang):
    """"Vịnh Hạ Long – / quần đảo Cát Bà": the dash joins two names and ends
    no line; English closes it ("Hạ Long Bay–Cát Bà Archipelago")."""
    lines = text_lines(pdf_runs(edition_pdf(sample, lang)))
    dangling = []
    for family, sizes in (CAPTION, BODY):
        for paragraph in running_text(lines, family, sizes):
            rows = lines_of(paragraph)
            dangling += [f"p{paragraph[0].page}: {a!r} / {b!r}" for a, b in zip(rows, rows[1:], strict=False)
                         if a.endswith(" –")]
            if lang == "en":
                assert "Bay – Cát Bà" not in " ".join(rows)
    assert not dangling, dangling


@pytest.mark.parametrize(("text", "atoms"), [
    ("The passenger terminal of Cát Bi International Airport, located", "The:6000 | passenger | terminal | of | "
     "Cát Bi International Airport, | located"),
    ("in the Đình Vũ–Cát Hải Economic Zone. Right", "in | the:6000 | Đình Vũ–Cát Hải Economic Zone. | Right"),
    ("the Cát Bà Archipelago World Natural Heritage site", "the:6000 | Cát Bà:6000 | Archipelago:3000 | World Natural Heritage | site"),
])
def test_an_institution_keeps_its_name_whole(text, atoms):
    """An institution's name is one ("Cát Bi / International Airport" never);
    a line may break before it, after a place's head ("Archipelago"), and
    before a one-word head ("Cát Bà / Archipelago", 6000) only where a line
    would otherwise fall under 80 %. "the" holds its noun at a price (6000, `latin_sense.DETERMINER_END`)."""
    from book.text.linebreak import split_atoms

    got = " | ".join(a.text + (f":{a.penalty:.0f}" if a.penalty else "") for a in split_atoms(text, "en"))
    assert got == atoms
