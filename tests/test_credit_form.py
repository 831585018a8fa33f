"""One credit form in the whole book, read from the built PDFs: the credit
line takes two lines, place and date over the photographer, in every caption
and every card of all five editions, however much room the measure leaves;
captions side by side in a row share their top line, and each credit follows
its own caption directly, one distance below its caption's last line everywhere."""

from __future__ import annotations

from conftest import LANGS
from test_captions import BLEED, baselines, caption_lines, interior, white_cards

from book.model import MM
from book.pages.paginate import paginate
from book.sources import load_book

ROW = 0.3  # pt: two baselines closer than this are on one line


def credit_baselines(pdf, number: int, box) -> list[float]:
    """The baselines (pt from the media box's top) of the caption's credit lines, its smallest type, in its frame."""
    x, y, w, h = (box[0] + BLEED) * MM, (box[1] + BLEED) * MM, box[2] * MM, box[3] * MM
    pieces = [(base, size) for px, base, size in baselines(pdf, number) if x - 1 <= px <= x + w + 1 and y <= base <= y + h + 2]
    if not pieces:
        return []
    least = min(size for _, size in pieces)
    found: list[float] = []
    for base, size in sorted(pieces):
        if size < least + 0.05 and not any(abs(base - b) < ROW for b in found):
            found.append(base)
    return found


def text_baselines(pdf, number: int, box) -> list[float]:
    """The baselines (pt from the media box's top) of the caption's own text, its largest type, in its frame
    (a line may start with an opening bracket's empty half-em outside it)."""
    x, y, w, h = (box[0] + BLEED) * MM, (box[1] + BLEED) * MM, box[2] * MM, box[3] * MM
    pieces = [(base, size) for px, base, size in baselines(pdf, number) if x - 6 <= px <= x + w + 1 and y <= base <= y + h + 2]
    most = max(size for _, size in pieces)
    return sorted({round(base, 1) for base, size in pieces if size > most - 0.05})


def test_every_credit_is_on_two_lines_and_under_its_own_caption(sample):
    book, _ = load_book(sample)
    pagination = paginate(book)
    rows_checked = credits_checked = 0
    drops: dict[str, list[tuple[float, int, str]]] = {}  # a credit's first baseline below its caption's last one, pt
    for page in pagination.pages:
        captions = [p for p in page.placed if p.frame.kind == "caption" and p.value]
        for lang in LANGS:
            pdf = interior(sample, lang)
            rows: dict[float, list[float]] = {}
            for placed in captions:
                box = white_cards(pdf, page.number)[0] if placed.frame.panel else placed.box
                _, meta, _ = caption_lines(pdf, page.number, box, card=bool(placed.frame.panel))
                found = credit_baselines(pdf, page.number, box)
                if placed.frame.panel and len(found) == len(meta) + 1:
                    found = found[:-1]  # the page's folio, set in a card at the page's foot on a baseline of its own
                # Place and date, then the photographer: two lines, never one run together (a place too
                # long for a narrow measure runs over a second line).
                assert 2 <= len(meta) <= 3 and len(found) == len(meta), (lang, page.number, placed.frame.name, meta)
                credits_checked += 1
                if placed.frame.panel:
                    continue
                text = text_baselines(pdf, page.number, placed.box)
                rows.setdefault(round(placed.box[1], 1), []).append(text[0])
                drops.setdefault(lang, []).append((found[0] - text[-1], page.number, placed.frame.name))
            for top, firsts in rows.items():  # captions in a row share their top line
                if len(firsts) > 1:
                    rows_checked += 1
                    assert max(firsts) - min(firsts) < ROW, (lang, page.number, top, firsts)
    assert credits_checked >= 5 * 60 and rows_checked >= 20, (credits_checked, rows_checked)
    for lang, found in drops.items():  # never set down to a neighbour's credit, a blank line or two from its own caption
        least, most = min(found), max(found)
        assert most[0] - least[0] < ROW, (lang, least, most)
