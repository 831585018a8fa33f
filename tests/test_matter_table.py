"""The matter pages as tables, checked in the built PDFs of every edition: the
photo credits' two columns each on its own baselines (no empty line inside a
column, a page's figures said once per photographer), the publishing record's
labels in one column and its values hanging at one tab, and the photographs'
rights on the copyright page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import LANGS
from test_cards_credits import credits_page
from test_matter import RECORD_AT_BACK, interior, text_of, words

from book.i18n.catalog import read_catalog
from book.i18n.localise import Localiser
from book.model import MM
from book.pages.paginate import paginate
from book.sources import load_book
from book.text.label_table import split_field

BLEED_PT = 3 * MM
# The photographs' rights line on p. 4 (imprint:photo_rights), the credits' page after it.
PHOTO_RIGHTS = {"vi": "Bản quyền ảnh thuộc về các tác giả và cơ quan có tên tại trang {page}.",
                "en": "Photographs © the photographers and institutions named on page {page}.",
                "zh": "书中图片版权归第{page}页所列摄影者及机构所有。",
                "ko": "사진의 저작권은 {page}쪽에 밝힌 각 사진가와 소장처에 있습니다.",
                "ja": "写真の著作権は、{page}ページに記載の各撮影者および所蔵機関に帰属します。"}


def column_lines(pdf: Path, page: int, box) -> list[list[tuple[float, float, str]]]:
    """The credits' two columns as lines (their words by baseline), the legends under them left out."""
    x, y, w, h = (v * MM for v in box)
    found: list[dict[float, list]] = [{}, {}]
    for x0, y0, _, y1, text in words(pdf, page):
        if not BLEED_PT + y - 1 < y0 < BLEED_PT + y + h:
            continue
        column = found[0 if x0 < BLEED_PT + x + w / 2 else 1]
        key = next((k for k in column if abs(k - y1) < 2.5), y1)
        column.setdefault(key, []).append((x0, text))
    return [[(min(v[0] for v in col[k]), k, " ".join(t for _, t in sorted(col[k]))) for k in sorted(col)] for col in found]


@pytest.mark.parametrize("lang", LANGS)
def test_credits_columns_flow_each_on_its_own_baselines(sample, lang):
    """Inside each credits column one baseline follows the next by one line of
    the list's leading: a name or its figures that wrap take lines of their own
    column only, never a blank line in the other."""
    from book.text.frames import edition_words

    book, _ = load_book(sample)
    number, box = credits_page(sample)
    loc = Localiser(book, lang, read_catalog(sample, lang) if lang != "vi" else None)
    said = edition_words(book, paginate(book), loc)
    head, legends = "".join(said.credits_head.split()), "".join(said.legends_head.split())
    leading = book.style("credits", lang).leading
    columns = column_lines(interior(sample, lang), number, box)
    for column in columns:
        flat = ["".join(line[2].split()) for line in column]
        body = [line for line, text in zip(column, flat, strict=True) if text != head]
        if legends in flat:  # the legends under the first column, after a gap of their own
            body = body[:[ "".join(line[2].split()) for line in body].index(legends)]
        assert len(body) >= 8, (lang, flat)
        steps = [round(b[1] - a[1], 1) for a, b in zip(body, body[1:], strict=False)]
        assert all(abs(s - leading) < 2.0 for s in steps), (lang, steps)  # a CJK name's box sits a little apart: never a blank line


@pytest.mark.parametrize("lang", LANGS)
def test_credits_say_each_page_once_per_photographer(sample, lang):
    """A photographer with several photos on one page has that page's figures
    once, its positions joined after it ("20 trên trái và dưới phải", "20 왼쪽
    위·오른쪽 아래"), not "20 top left, 20 bottom right"."""
    from book.text.credits import by_page, credit_entries

    book, _ = load_book(sample)
    loc = Localiser(book, lang, read_catalog(sample, lang) if lang != "vi" else None)
    pagination = paginate(book)
    shared = {}
    for entry in by_page(book, pagination, loc):
        if entry.position:
            shared.setdefault((entry.name, entry.reference), []).append(entry.position)
    twice = {key: positions for key, positions in shared.items() if len(positions) > 1}
    assert twice, shared  # the sample has such pages (20, 38, 50, 13)
    join = loc.text(book.matter["position_join"])
    text = "".join(text_of(interior(sample, lang), credits_page(sample)[0]).split())
    listed = {entry.name: entry.reference for entry in credit_entries(book, pagination, loc)}
    for (name, page), positions in twice.items():
        refs = re.split(r"、|, ", listed[name])
        assert sum(1 for ref in refs if re.match(rf"{page}(\D|$)", ref)) == 1, (lang, name, listed[name])
        said = "".join((join.join(positions) if len(positions) == 2 else listed[name]).split())
        assert said in text, (lang, said)


@pytest.mark.parametrize("lang", LANGS)
def test_copyright_page_gives_the_photographs_rights(sample, lang):
    """p. 4 says whose the photographs are, under the © line, naming the credits' page."""
    number, _ = credits_page(sample)
    text = "".join(text_of(interior(sample, lang), 4).split())
    line = "".join(PHOTO_RIGHTS[lang].replace("{page}", str(number)).split())
    assert line in text, (lang, text[:200])
    assert text.index("©2025") < text.index(line), text[:200]


@pytest.mark.parametrize("lang", LANGS)
def test_record_labels_in_one_column_values_at_one_tab(sample, lang):
    """The publishing record's fields: each short label at the block's edge, its
    value on the same baseline at one tab shared by every field, a value that
    wraps hanging at that tab (ko 공동 발행, ja 共同発行: the Vietnamese original
    under the value, not back at the margin)."""
    book, _ = load_book(sample)
    page = len(paginate(book).pages) if lang in RECORD_AT_BACK else 4
    found = list(words_by_line(interior(sample, lang), page))
    edge = min(row[0][0] for row, _, _ in found)
    runs = list(split_lines(found))
    tabs = [parts[1][0] for parts in runs if len(parts) == 2 and abs(parts[0][0] - edge) < 0.6]
    assert len(tabs) >= 6, (lang, [text for _, _, text in found])
    tab = max(set(round(t, 1) for t in tabs), key=lambda t: sum(abs(u - t) < 0.6 for u in tabs))
    assert sum(abs(t - tab) < 0.6 for t in tabs) >= 6, (lang, sorted(tabs))
    partner = next((row for row, _, text in found if "Sở Thông tin" in text and ("(" in text or "（" in text)), None)
    if lang != "vi":  # the partner's Vietnamese name under its translation, in the value column
        assert partner and partner[0][0] > edge + 20 and abs(partner[0][0] - tab) < 5, (lang, partner, tab)  # a bracket hangs


def words_by_line(pdf: Path, page: int):
    rows: dict[float, list] = {}
    for x0, _, x1, y1, text in words(pdf, page):
        key = next((k for k in rows if abs(k - y1) < 2.0), y1)
        rows.setdefault(key, []).append((x0, x1, text))
    for key in sorted(rows):
        yield sorted(rows[key]), key, " ".join(t for _, _, t in sorted(rows[key]))


def split_lines(found):
    """Each line's runs of words: a gap of more than 7 pt between two words starts a new run."""
    for row, _, _ in found:
        runs = [[row[0]]]
        for prev, word in zip(row, row[1:], strict=False):
            if word[0] - prev[1] > 7.0:
                runs.append([word])
            else:
                runs[-1].append(word)
        yield [(run[0][0], run[-1][1]) for run in runs]


def test_a_field_splits_only_at_a_short_label():
    """What counts as a field: "label: value" with no sentence in the label."""
    assert split_field("펴낸곳: 정보통신출판사") == ("펴낸곳", "정보통신출판사")
    assert split_field("Printing and legal deposit completed in the second quarter of 2025") is None
    assert split_field("All rights reserved. No part: of it") is None


@pytest.mark.parametrize("lang", LANGS)
def test_credits_stay_inside_their_frame(sample, lang):
    """The fifteenth en proof: "13 top right and bottom" ran 11 pt past the outer
    margin in a page column of 74 pt. A figure is never parted, so each page
    column is at least as wide as its widest figure on a turnover line: every
    word of the credits ends inside the frame."""
    number, box = credits_page(sample)
    x, y, w, h = (v * MM for v in box)
    pdf = interior(sample, lang)
    inside = [(x1, text) for x0, y0, x1, _, text in words(pdf, number) if BLEED_PT + y - 1 < y0 < BLEED_PT + y + h]
    assert len(inside) > 40, lang
    past = [(round(x1 - BLEED_PT - x - w, 1), text) for x1, text in inside if x1 > BLEED_PT + x + w + 0.5]
    assert not past, (lang, past)
