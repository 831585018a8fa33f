"""What may break in Chinese and Japanese running text beyond kinsoku.

Japanese breaks between any two characters (JIS X 4051), except that a
katakana word never leaves one or two kana alone on either line
("プ|ロジェクト", "パ|レード"): the first two and the last two gaps of a
katakana run are closed, and a break further inside costs more than a line
opened to the limit, so it is taken only where nothing else fits
("コンテナト|レーラー"). A break inside a BudouX
phrase (a word and its particles: "世|界", "港|口") costs about as much as a
line spread by 0.05 em. A Japanese name or term of the glossary never
breaks while any other way through the paragraph exists, even a line spread
past the limit; Chinese names and terms stay whole.
"""

from __future__ import annotations

from functools import lru_cache

KATAKANA_EDGE = 3  # kana either side of a break inside a katakana word
NAME_PENALTY = 1e12  # demerits for a Japanese line ending inside a name or term: above a line spread past the limit
KATAKANA_PENALTY = 1e9  # inside a katakana word, three kana or more each side: above a line spread to the limit
# Inside a BudouX phrase: in Chinese (a word: "港|口") about one line spread by 0.05 em; in
# Japanese (a word with its particles, longer) less, as JIS lets any two characters part.
PHRASE_PENALTY = {"zh": 1.5e4, "ja": 3e3}
PHRASE_MODELS = {"ja": "ja", "zh": "zh-hans"}


def is_katakana(ch: str) -> bool:
    """Katakana letters and the prolonged sound mark, not the middle dot that parts words.

    >>> [is_katakana(ch) for ch in "パー・ク"]
    [True, True, False, True]
    """
    code = ord(ch)
    return (0x30A1 <= code <= 0x30FA or 0x30FC <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF
            or 0xFF66 <= code <= 0xFF9F)


def katakana_cuts(text: str) -> set[int]:
    """Offsets inside katakana words where no line may break: each run's
    first and last ``KATAKANA_EDGE - 1`` gaps.

    >>> sorted(katakana_cuts("のプロジェクト"))
    [2, 3, 5, 6]
    >>> sorted(katakana_cuts("ユネスコ"))
    [1, 2, 3]
    """
    cuts: set[int] = set()
    start = None
    for offset, ch in enumerate(text + " "):
        if is_katakana(ch) and offset < len(text):
            if start is None:
                start = offset
            continue
        if start is not None:
            end = offset
            for gap in range(start + 1, end):
                if gap - start < KATAKANA_EDGE or end - gap < KATAKANA_EDGE:
                    cuts.add(gap)
            start = None
    return cuts


def katakana_inside(text: str) -> set[int]:
    """Offsets strictly inside katakana runs (a word or a compound of loanwords).

    >>> sorted(katakana_inside("のクレーン"))
    [2, 3, 4]
    """
    inside: set[int] = set()
    for offset in range(1, len(text)):
        if is_katakana(text[offset - 1]) and is_katakana(text[offset]):
            inside.add(offset)
    return inside


@lru_cache(maxsize=4096)
def phrase_inside(text: str, lang: str) -> frozenset[int]:
    """Offsets inside the BudouX phrases of ``text`` (ja, zh), where a break
    splits a word from its particle or a word in two.

    >>> sorted(phrase_inside("港口的前身。", "zh"))
    [1, 4, 5]
    """
    model = PHRASE_MODELS.get(lang)
    if not model:
        return frozenset()
    from book.text.title_breaks import phrase_parser

    inside: set[int] = set()
    at = 0
    for phrase in phrase_parser(model).parse(text):
        inside.update(range(at + 1, at + len(phrase)))
        at += len(phrase)
    return frozenset(inside)


def break_prices(text: str, lang: str) -> dict[int, float]:
    """Demerits for a line break before each offset of ``text``: inside a
    katakana word, inside a BudouX phrase (the larger counts).

    >>> prices = break_prices("コンテナトレーラーの港に着く", "ja")
    >>> prices[5] == KATAKANA_PENALTY, prices[9], prices.get(12, 0.0)
    (True, 3000.0, 0.0)
    """
    prices = dict.fromkeys(phrase_inside(text, lang), PHRASE_PENALTY.get(lang, 0.0))
    if lang == "ja":
        prices.update(dict.fromkeys(katakana_inside(text), KATAKANA_PENALTY))
    return prices


def extra_cuts(text: str, lang: str) -> set[int]:
    """The closed gaps a language adds to kinsoku (Japanese: katakana words)."""
    return katakana_cuts(text) if lang == "ja" else set()


def soft_phrase(phrase: str) -> bool:
    """A Japanese phrase that may break at a price: all Japanese characters
    (a term of the glossary). A Latin name, or a label with its name (the
    credit "写真：…", the label never left at a line's end), stays whole.

    >>> soft_phrase("カットバラングール"), soft_phrase("写真：Vũ Đức"), soft_phrase("パリ和平協定")
    (True, False, True)
    >>> soft_phrase("写真：ベトナム通信社資料")
    False
    """
    return (bool(phrase) and "：" not in phrase
            and all(not ch.isascii() and not ch.isspace() and ord(ch) >= 0x2E80 for ch in phrase))


def split_keep(keep: tuple[str, ...], lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(phrases never broken, phrases broken at a price) for ``lang``."""
    if lang != "ja":
        return keep, ()
    return tuple(p for p in keep if not soft_phrase(p)), tuple(p for p in keep if soft_phrase(p))


def soft_offsets(text: str, phrases: tuple[str, ...]) -> dict[int, int]:
    """Offsets inside the occurrences of ``phrases`` in ``text``, with how
    many phrases hold each (a name inside a longer term costs twice).

    >>> sorted(soft_offsets("鳳凰木と鳳凰", ("鳳凰", "鳳凰木")).items())
    [(1, 2), (2, 1), (5, 1)]
    """
    inside: dict[int, int] = {}
    for phrase in phrases:
        at = text.find(phrase)
        while at >= 0:
            for offset in range(at + 1, at + len(phrase)):
                inside[offset] = inside.get(offset, 0) + 1
            at = text.find(phrase, at + 1)
    return inside
