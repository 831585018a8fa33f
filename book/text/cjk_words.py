"""Which Chinese and Japanese breaks part a word a reader keeps whole, and
at what price: the dictionary side of `book.text.cjk_breaks`.

A number never parts from its unit or measure word, nor the unit inside
("300|天", "20世|纪", "300日|間"): the units of ``book/data/cjk_words.yaml``
close those gaps like kinsoku. In Japanese, inside the run of kanji of a
BudouX phrase, a break that leaves one kanji alone ("船|舶", "総合病|院",
"未|来"), parts a word of the data file's ``binomes`` ("模|型", "物|流")
or parts a run at an odd place ("北岸都|市区") costs ``STRONG`` or ``ODD``,
far above a break at a kanji-kana seam or between phrases (0 to 3e3); so
does a break before a suffix kanji of the data file that ends its run
("都市|区", "博物|館") even where BudouX sees a seam. A Japanese verb
never leaves one or two kana of its ending alone ("再配布す|る"), and a
short quoted epithet stays whole ("「赤い|鳳凰木の花の街」"). A break
inside a word of the data file's ``words`` ("大|剧院") costs twice
``STRONG`` in either language.
The Japanese prices are running text's; captions and cards weigh ``ODD``
and the binomes' at `book.text.cjk_breaks.CAPTION_SHARE` and ``STRONG``
whole, as they weigh a katakana word's. A line at 0.04 em costs about
3.7e3, at 0.05 em 1.2e4, at 0.06 em 7.6e5, at 0.07 em 6e6, at 0.08 em
2.8e7 (`book.text.cjk_grid`).

Chinese prices stay below what a line opened to 0.05 em costs (the seventh
zh proof had 24 % of its lines letter-spaced, p27 at 0.1 em, to keep
compounds whole), alike in captions: a break leaving one ideograph of a
word alone, inside a two-character word of the data file's ``binomes``
("造|就", "考|古", "两|岸": general words BudouX parts) or inside a run of
four between marks ("重情重|义") costs ``ZH_WORD``, a line at about
0.049 em; a long compound's inner seam ("多式|联运", "星罗|棋布")
``ZH_SEAM``, 0.035 em. Only a number and its unit, the glossary's names
(`book.text.cjk.split_keep`) and the data file's ``words`` ("大|剧院", a
landmark) stay whole.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "cjk_words.yaml"
STRONG = 2e6  # leaves one ideograph of a word alone, before a suffix, a verb's ending, inside a short quote: ~0.064 em
ODD = 1e6  # inside a run of five ideographs or more at an odd place ("北岸都|市区"), in Chinese anywhere: ~0.062 em
ZH_WORD = 1e4  # Chinese: a word's lone character or a two-character word parted ("手|续", "国|际"): a soft price,
#   more than a line at 0.03 em (1e3) or 0.04 em (3.7e3), less than one at 0.05 em (1.2e4): a word parts before a
#   line opens visibly (at 5e3 the sample parted 40 words and set p27 at 0.1 em, at 1e4 38 and 0.089 at most; at
#   6e4, with the marks opened first, the eleventh zh proof left lines 1-2 em short and 182 quarter-em holes after
#   its marks: binome splits are legal in Chinese, holes are not)
ZH_SEAM = 2e3  # Chinese: a long compound's inner seam ("多式|联运", "星罗|棋布"): a line at about 0.035 em
IDIOM_RUN = 4  # ideographs: a Chinese run this short between marks is read as one word or idiom
QUOTE_MAX = 12  # characters inside 「」 or “” kept whole
QUOTES = {"「": "」", "『": "』", "“": "”"}
KANA_TAIL = 1  # a Japanese phrase's last kana (its verb ending) never left alone, up to this many
PARTICLES = frozenset("はがをにでとのもへやか")


@cache
def vocabulary() -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """(units longest first, suffix kanji, words kept whole) from ``book/data/cjk_words.yaml``."""
    data = word_data()
    units = tuple(sorted({str(u) for u in data.get("units", ())}, key=len, reverse=True))
    return units, frozenset(str(s) for s in data.get("suffixes", ())), tuple(str(w) for w in data.get("words", ()))


@cache
def word_data() -> dict:
    import yaml

    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")) or {}


@cache
def binomes() -> frozenset[str]:
    """The data file's two-character words (``binomes``), in simplified and Japanese forms alike.

    >>> {"造就", "两岸", "模型"} <= binomes()
    True
    """
    return frozenset(w for line in word_data().get("binomes", ()) for w in str(line).split() if len(w) == 2)


@cache
def terms() -> tuple[str, ...]:
    """The data file's general words of three characters or more (``terms``: "工程师"), parted as a binome.

    >>> "工程师" in terms()
    True
    """
    return tuple(w for line in word_data().get("terms", ()) for w in str(line).split() if len(w) >= 3)


def is_ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch == "々"


def ideograph_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of ideographs in ``text``.

    >>> ideograph_runs("欢迎、重情重义、热爱")
    [(0, 2), (3, 7), (8, 10)]
    """
    runs, start = [], None
    for index, ch in enumerate(text + " "):
        if index < len(text) and is_ideograph(ch):
            start = index if start is None else start
        elif start is not None:
            runs.append((start, index))
            start = None
    return runs


def is_hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u309f"


def unit_cuts(text: str) -> set[int]:
    """Offsets where no line may break: between a number and the units after
    it, and inside each unit.

    >>> sorted(unit_cuts("规定的300天集结期"))
    [6]
    >>> sorted(unit_cuts("早在20世纪初")), sorted(unit_cuts("300日間の"))
    ([4, 5], [3, 4])
    """
    units, _, _ = vocabulary()
    cuts: set[int] = set()
    for offset in range(1, len(text)):
        if not text[offset - 1].isdigit() or text[offset].isdigit():
            continue
        at = offset
        for _ in range(2):  # "20多年": a unit may follow a unit
            unit = next((u for u in units if text.startswith(u, at)), "")
            if not unit:
                break
            cuts.update(range(at, at + len(unit)))
            at += len(unit)
    return cuts


def run_prices(run: str, lang: str) -> dict[int, float]:
    """The price of a break inside a run of ideographs (offsets inside it).

    >>> run_prices("大剧院", "zh"), run_prices("星罗棋布", "zh")[2]
    ({1: 10000.0, 2: 10000.0}, 2000.0)
    >>> sorted(run_prices("北岸都市区", "ja").items())
    [(1, 2000000.0), (2, 400000.0), (3, 1000000.0), (4, 2000000.0)]
    """
    from book.text.cjk_breaks import WORD_PENALTY

    size = len(run)
    prices: dict[int, float] = {}
    for gap in range(1, size):
        if lang == "zh":
            prices[gap] = ZH_WORD if min(gap, size - gap) == 1 else ZH_SEAM
        elif min(gap, size - gap) == 1:
            prices[gap] = STRONG
        elif size == 4:
            prices[gap] = WORD_PENALTY
        else:  # BudouX may give a Chinese phrase a neighbour's character ("屿星罗棋布"): no parity to trust
            prices[gap] = ODD if gap % 2 or lang == "zh" else WORD_PENALTY
    return prices


def quote_inside(text: str) -> set[int]:
    """Offsets inside a short quotation (``QUOTE_MAX`` characters or fewer, no
    full stop), counted from its opening mark to its closing one.

    >>> sorted(quote_inside("「赤い鳳凰木の花の街」と"))[:3], len(quote_inside("「赤い鳳凰木の花の街」と"))
    ([1, 2, 3], 10)
    """
    inside: set[int] = set()
    for offset, ch in enumerate(text):
        close = QUOTES.get(ch)
        if not close:
            continue
        end = text.find(close, offset + 1)
        if 0 < end - offset - 1 <= QUOTE_MAX and "。" not in text[offset:end]:
            inside.update(range(offset + 1, end + 1))
    return inside


@lru_cache(maxsize=4096)
def dictionary_prices(text: str, lang: str, parts: tuple[str, ...]) -> tuple[tuple[int, float], ...]:
    """Running-text prices for breaks inside the words of ``text`` (BudouX
    ``parts``), to be taken where higher than `book.text.cjk_breaks` own:
    (offset, price) pairs, kept per text as BudouX's phrases are.

    >>> prices = dict(dictionary_prices("欢迎四海宾朋", "zh", ("欢迎", "四", "海宾朋")))
    >>> prices[5], 3 in prices  # "宾|朋", not "四|海"
    (10000.0, False)
    >>> marked = dict(dictionary_prices("直率、重情重义、热爱", "zh", ("直率、", "重情", "重义、", "热爱")))
    >>> marked[6], marked[5]
    (10000.0, 2000.0)
    >>> dict(dictionary_prices("造就了一支", "zh", ("造", "就", "了", "一", "支")))[1]  # a word of ``binomes``
    10000.0
    >>> dict(dictionary_prices("海事工程师队伍", "zh", ("海事", "工程师队伍")))[4]  # a word of ``terms``
    10000.0
    >>> dict(dictionary_prices("再配布する", "ja", ("再配布する",)))[4], dict(dictionary_prices("たどる。", "ja", ("たどる。",)))[2]
    (2000000.0, 2000000.0)
    >>> dict(dictionary_prices("除了大剧院等", "zh", ("除了", "大剧院", "等")))[3]  # a word of the data file
    4000000.0
    """
    _, suffixes, words = vocabulary()
    prices: dict[int, float] = {}

    def put(offset: int, price: float) -> None:
        prices[offset] = max(prices.get(offset, 0.0), price)

    at = 0
    for phrase in parts:
        for start, index in ideograph_runs(phrase):
            for gap, price in run_prices(phrase[start:index], lang).items():
                put(at + start + gap, price)
            if (lang == "ja" and index == start + 1 and index < len(phrase) and is_hiragana(phrase[index])
                    and phrase[index:] not in PARTICLES):
                put(at + index, ODD)  # a one-kanji stem left alone at a line's end ("闘|いの", "守|り抜いた")
        if lang == "ja":
            word = phrase.rstrip("、。，．」』）！？")  # "たどる。": the verb ends before its stop
            tail = len(word) - len(word.rstrip("".join(c for c in word if is_hiragana(c))))
            for gap in range(max(1, len(word) - min(tail, KANA_TAIL)), len(word)):
                rest = word[gap:]
                if is_hiragana(phrase[gap - 1]) and not (len(rest) == 1 and rest in PARTICLES):
                    put(at + gap, STRONG)  # "再配布す|る", not "博物館|に"
        at += len(phrase)
    if lang == "zh":  # a run of up to four ideographs between marks is one word or idiom ("、重情重义、")
        for start, index in ideograph_runs(text):
            if index - start <= IDIOM_RUN:
                for gap, price in run_prices(text[start:index], lang).items():
                    put(start + gap, price)
    lone = ZH_WORD if lang == "zh" else STRONG
    pairs = binomes()
    for offset in range(1, len(text)):
        a, b, c = text[offset - 1], text[offset], text[offset + 1:offset + 2]
        if is_ideograph(a) and b in suffixes and not (c and is_ideograph(c)):
            put(offset, lone)  # "栖息|地。", "博物|館、"
        if a + b in pairs:
            put(offset, lone)  # "造|就", "模|型": a general word BudouX may part
    for word in terms():  # "工程|师": a general word BudouX keeps in a longer phrase
        at = text.find(word)
        while at >= 0:
            for gap in range(1, len(word)):
                put(at + gap, lone)
            at = text.find(word, at + 1)
    for word in words:  # "大|剧院": a word of the data file parts like "重情重|义"
        at = text.find(word)
        while at >= 0:
            for gap in range(1, len(word)):
                put(at + gap, 2 * STRONG)
            at = text.find(word, at + 1)
    for offset in quote_inside(text):
        if offset < len(text):
            put(offset, STRONG if lang == "ja" else ZH_WORD)
    return tuple(sorted(prices.items()))


def quote_breaks(rows: list[str]) -> int:
    """How many line ends of a block of ``rows`` (without spaces) fall inside
    a short quotation (the cover's blurb, `book.text.cover.break_cost`).

    >>> quote_breaks(["今日の「赤い", "鳳凰木の花の街」の文化"]), quote_breaks(["今日の", "「赤い鳳凰木の花の街」"])
    (1, 0)
    """
    inside, at, count = quote_inside("".join(rows)), 0, 0
    for row in rows[:-1]:
        at += len(row)
        count += at in inside
    return count
