"""One credit form per page in every edition, read from the built PDFs: the
credit line (place and date, then the photographer) takes the same form in
every caption of a page and in all five editions, and captions side by side
in a row share their top line, and each credit follows its own caption
directly, one distance below its caption's last line everywhere."""

from __future__ import annotations

from conftest import LANGS
from test_captions import BLEED, baselines, caption_lines, interior

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


def full(pdf, number: int, box, credits: list[float]) -> bool:
    """Whether a caption's frame has no room below its credit for a second credit line: its
    leading (10.5 pt) and its descenders (0.3 em of 7.5 pt)."""
    return credits[-1] + 10.5 + 0.3 * 7.5 > (box[1] + box[3] + BLEED) * MM


def test_one_credit_form_per_page_and_each_credit_under_its_own_caption(sample):
    book, _ = load_book(sample)
    pages = [(page.number, [p for p in page.placed if p.frame.kind == "caption" and not p.frame.panel and p.value])
             for page in paginate(book).pages]
    pages = [(number, captions) for number, captions in pages if captions]
    two_line_pages = rows_checked = 0
    drops: dict[str, list[tuple[float, int, str]]] = {}  # a credit's first baseline below its caption's last one, pt
    for number, captions in pages:
        forms: dict[str, dict[str, int]] = {}
        for lang in LANGS:
            pdf = interior(sample, lang)
            credits = {}
            for placed in captions:
                _, meta, _ = caption_lines(pdf, number, placed.box)
                found = credit_baselines(pdf, number, placed.box)
                assert meta and len(found) == len(meta), (lang, number, placed.frame.name, meta, found)
                credits[placed.frame.name] = (placed, found)
            forms[lang] = {name: min(len(found), 2) for name, (_, found) in credits.items()}
            # One form on the page: a one-line credit beside two-line ones only where its frame has no room for two.
            if len(set(forms[lang].values())) > 1:
                for placed, found in credits.values():
                    assert len(found) > 1 or full(pdf, number, placed.box, found), (lang, number, forms[lang])
            # Captions in a row share their top line; each credit follows its own caption's last line.
            rows: dict[float, list[float]] = {}
            for placed, found in credits.values():
                text = text_baselines(pdf, number, placed.box)
                rows.setdefault(round(placed.box[1], 1), []).append(text[0])
                drops.setdefault(lang, []).append((found[0] - text[-1], number, placed.frame.name))
            for top, firsts in rows.items():
                if len(firsts) > 1:
                    rows_checked += 1
                    assert max(firsts) - min(firsts) < ROW, (lang, number, top, firsts)
        # The same form in every edition.
        for name in forms["vi"]:
            seen = {lang: forms[lang][name] for lang in LANGS}
            if len(set(seen.values())) > 1:
                one = [lang for lang, lines in seen.items() if lines == 1]
                for lang in one:
                    placed, found = next((p, credit_baselines(interior(sample, lang), number, p.box)) for p in captions if p.frame.name == name)
                    assert full(interior(sample, lang), number, placed.box, found), (number, name, seen)
        two_line_pages += any(lines == 2 for lines in forms["en"].values())
    assert two_line_pages >= 5 and rows_checked >= 20, (two_line_pages, rows_checked)
    for lang, found in drops.items():  # never set down to a neighbour's credit, a blank line or two from its own caption
        least, most = min(found), max(found)
        assert most[0] - least[0] < ROW, (lang, least, most)
