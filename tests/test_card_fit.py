"""How a caption card's white is shared among the editions (`book.text.card_fit`) and the warning for a
card one edition leaves half empty (`book.text.cards.loose_card`): the rules, on made-up measures."""

from __future__ import annotations

import pytest

from book.errors import Problems
from book.model import MM
from book.text.card_fit import balanced_option, fit_card, white, whites
from book.text.cards import CARD_WHITE_MOST, loose_card

PAD = 6.0  # mm


def test_a_short_text_takes_the_measure_that_evens_its_white():
    """In a card 100 x 40 mm, a text whose widest measure (88 mm, 2 lines, 16 mm) sits at the pad between
    the sides with 12 mm above and below takes the narrower measure that runs a third line (80 mm, 21 mm):
    10 mm at worst all round, not 12."""
    wide, narrow = (88.0, 88.0, 16.0), (80.0, 80.0, 21.0)
    assert white(100.0, 40.0, wide) == pytest.approx(12.0)
    assert white(100.0, 40.0, narrow) == pytest.approx(10.0)
    assert balanced_option([wide, narrow], 100.0, 40.0, PAD) == narrow
    # a measure that costs more at the sides than it saves above and below is not taken
    assert balanced_option([wide, (60.0, 60.0, 21.0)], 100.0, 40.0, PAD) == wide


def test_the_card_is_the_one_whose_worst_edition_is_most_even():
    """The tallest edition keeps the pad on its four sides; the shorter one balances inside the card."""
    tall = [(88.0, 88.0, 28.0)]
    short = [(88.0, 88.0, 16.0), (80.0, 80.0, 21.0)]
    w, h, measures = fit_card({"vi": tall, "zh": short}, PAD, 120.0, 100.0)
    assert (w, h) == pytest.approx((100.0, 40.0))
    assert measures == {"vi": 88.0, "zh": 80.0}
    found = whites({"vi": tall, "zh": short}, w, h, measures)
    assert found["vi"] == pytest.approx((PAD, PAD)) and found["zh"] == pytest.approx((9.5, 10.0))


class Named:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def test_a_loose_card_names_its_edition_and_the_one_to_shorten():
    page = Named(number=59)
    placed = Named(value="p068")
    problems = Problems()
    tight = CARD_WHITE_MOST / MM - 0.1
    loose_card(problems, page, placed, PAD, {"vi": (PAD, PAD), "zh": (tight, PAD)})
    assert not problems.warnings
    loose_card(problems, page, placed, PAD, {"vi": (PAD, PAD), "en": (PAD + 0.2, PAD), "zh": (10.0, PAD + 0.5)})
    (warning,) = problems.warnings
    assert warning.code == "card-loose" and warning.where.page == 59 and warning.where.lang == "zh"
    assert "the caption card on p. 59 (p068) leaves its zh text 28 pt of white above and below" in warning.message
    assert "the vi text sets the card's height" in warning.message and "shorten the vi text by a line" in warning.message
