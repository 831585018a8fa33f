"""What may break in Chinese and Japanese running text beyond kinsoku, and
at what price (demerits; a justified line whose gaps open 0.05 em costs
about 1.2e4, 0.06 em 7.6e5, the limit of 0.1 em 2.8e8).

Japanese breaks between any two characters (JIS X 4051), except that a
katakana word never leaves one kana alone on either line ("プ|ロジェクト"):
the first and the last gap of a katakana run are closed, and a break
leaving two ("バイ|ンダークア") costs about a line at 0.05 em, less than a
line opened to the limit and left short before a word that cannot part
(the sixth ja proof, "料理、|バインダークア"). Further inside, a katakana word or a name parts
before any line opens its gaps past about 0.04 em (JLREQ would rather
break a loanword than spread a line or leave it short; the sixth ja proof
had ten lines at the 0.1 em limit, some 3 em short, kept for a name): a
compound of loanwords (`book.text.katakana_words`) first at its seam
("コンテナ|トレーラー", a line at about 0.03 em), a word elsewhere (0.04 em);
a name at its middle dot ("レ・|チャン") only for a line at about 0.07 em; a
break leaving one or two kana of an element ("コンテナト|レーラー") costs more
than a line at the limit. A name or term of the glossary (and of the book's
``keep_together``) parts at about the price of a line at 0.07 em on top of
its word's price (the city's name is in every caption: "ハイ|フォン" five
times in the seventh proof read worse than a line a character short).

A break inside a word costs about a line at 0.058 em in running text
(body, intros, the foreword) and a quarter of that in captions and cards:
Chinese, between two ideographs of one BudouX phrase ("世|界", "濒|危");
Japanese, between two kanji of a phrase ("半|島"). One that leaves a
character of a word alone, a number's unit, a suffix kanji, a verb's last
kana or a short quotation cost more, alike in captions (`book.text.cjk_words`). Between a kanji and
its kana ("守|り") a break costs about a tight line, so no mark is halved
for it; before a particle ("港|の") or between a katakana name and its
kanji ("ドーソン|半島") less still. A last
line of ``SHORT_LAST`` characters or fewer never starts inside a phrase
("家|庭も多い。") while the paragraph can break elsewhere with its lines
under 0.09 em. No break is forbidden: justification keeps every way it needs.
Chinese names and terms stay whole.
"""

from __future__ import annotations

from functools import lru_cache

from book.text.cjk_words import STRONG, dictionary_prices, unit_cuts
from book.text.katakana_words import seams

KATAKANA_EDGE = 2  # kana either side of a break inside a katakana word, at least
ELEMENT_EDGE = 3  # ... and of a loanword element of a compound, short of KATAKANA_SHORT
NAME_PENALTY = 2e6  # demerits for a Japanese line ending inside a name or term of the glossary: a line at about 0.07 em
#   (at 1e5, a line at 0.055 em, the seventh proof circled ハイ|フォン five times; most that remain have no other way)
KATAKANA_PENALTY = 3.5e3  # inside a katakana word, three kana or more each side: a line at about 0.04 em
KATAKANA_NEAR = 1e4  # ... two kana on one side ("バイ|ンダークア"): a line at about 0.05 em
KATAKANA_SHORT = 1e11  # ... leaving one or two kana of a loanword element of a compound ("コンテナト|レーラー")
DOT_PENALTY = 2e6  # at the middle dot of a katakana name: a line at about 0.07 em (the seventh proof circled レ・|チャン)
SEAM_PENALTY = 1e3  # at the seam of a katakana compound ("コンテナ|トレーラー"): a line at about 0.03 em
WORD_PENALTY = 4e5  # inside a word in running text: a line at about 0.058 em
PARTICLE_PENALTY = 3e3  # Japanese: inside a phrase elsewhere (before a particle), as JIS lets any two characters part
OKURIGANA_PENALTY = 6e3  # Japanese: between a kanji and its kana ("守|り"): about a tight line's cost
CAPTION_SHARE = 0.25  # what a word's price weighs in captions and cards against running text
RUNNING = frozenset({"body", "intro", "signature"})  # the styles of running text
SHORT_LAST = 5  # characters, punctuation aside: a last line this short starts at a phrase's start
SHORT_LAST_PENALTY = 1e8  # ... or costs a line at about 0.09 em
PARTICLES = frozenset("はがをにでとのもへやか")  # one-kana particles: a break before one is cheap
FUNCTION_HAN = frozenset("的了是在和与及或也就都而之其为于以把被从向对")  # Chinese one-character words BudouX rightly parts
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
    [2, 6]
    >>> sorted(katakana_cuts("ユネスコ"))
    [1, 3]
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
def phrases(text: str, lang: str) -> tuple[str, ...]:
    """The BudouX phrases of ``text`` (ja, zh); the text whole for other languages."""
    model = PHRASE_MODELS.get(lang)
    if not model:
        return (text,)
    from book.text.title_breaks import phrase_parser

    return tuple(phrase_parser(model).parse(text))


def phrase_inside(text: str, lang: str) -> frozenset[int]:
    """Offsets inside the BudouX phrases of ``text`` (ja, zh), where a break
    splits a word from its particle or a word in two.

    >>> sorted(phrase_inside("港口的前身。", "zh"))
    [1, 4, 5]
    """
    if lang not in PHRASE_MODELS:
        return frozenset()
    inside: set[int] = set()
    at = 0
    for phrase in phrases(text, lang):
        inside.update(range(at + 1, at + len(phrase)))
        at += len(phrase)
    return frozenset(inside)


def is_kanji(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch == "々"


def word_prices(text: str, lang: str) -> dict[int, float]:
    """Running-text demerits for a break inside a word (see the module's note).

    >>> sorted(word_prices("史前公园的森林", "zh").items())
    [(1, 200000.0), (3, 2000000.0), (6, 2000000.0)]
    >>> sorted(word_prices("半島を守り抜いた", "ja").items())
    [(1, 2000000.0), (2, 3000.0), (4, 1000000.0), (5, 3000.0), (6, 1000000.0), (7, 2000000.0)]
    """
    prices: dict[int, float] = {}
    at = 0
    parts = phrases(text, lang)
    for number, phrase in enumerate(parts):
        for offset in range(at + 1, at + len(phrase)):
            a, b = text[offset - 1], text[offset]
            if lang == "zh":
                prices[offset] = WORD_PENALTY if is_kanji(a) and is_kanji(b) else PARTICLE_PENALTY
            elif is_kanji(a) and is_kanji(b):
                prices[offset] = WORD_PENALTY
            elif is_kanji(a) and b not in PARTICLES and not is_katakana(b):
                prices[offset] = OKURIGANA_PENALTY  # okurigana ("守|り")
            else:
                prices[offset] = PARTICLE_PENALTY
        at += len(phrase)
        following = parts[number + 1] if number + 1 < len(parts) else ""
        if (lang == "zh" and len(phrase) == 1 and len(following) == 1 and is_kanji(phrase) and is_kanji(following)
                and phrase not in FUNCTION_HAN and following not in FUNCTION_HAN):
            prices[at] = WORD_PENALTY / 2  # two one-character phrases BudouX may have parted wrongly ("史|前")
    for offset, price in dictionary_prices(text, lang, parts):
        prices[offset] = max(prices.get(offset, 0.0), price)  # `book.text.cjk_words`: "大|剧院", "博物|館"
    return prices


def katakana_prices(text: str) -> dict[int, float]:
    """Demerits for a break inside a katakana run: at a compound's seam, one
    or two kana of an element away from it, elsewhere; at a name's middle dot.

    >>> [f"{price:.0e}" for _, price in sorted(katakana_prices("コンテナトレーラー").items())]
    ['1e+11', '1e+11', '1e+11', '1e+03', '1e+11', '1e+11', '1e+11', '1e+11']
    >>> katakana_prices("タンブー・ラックフェン")[5] == DOT_PENALTY
    True
    """
    prices = dict.fromkeys(katakana_inside(text), KATAKANA_PENALTY)
    start = None
    for offset, ch in enumerate(text + " "):
        if is_katakana(ch) and offset < len(text):
            start = offset if start is None else start
            continue
        if start is not None:
            cuts = seams(text[start:offset]) or ()
            bounds = (0, *cuts, offset - start)
            for seam in cuts:
                prices[start + seam] = SEAM_PENALTY
            for gap in range(start + 1, offset):
                if KATAKANA_EDGE in (gap - start, offset - gap):
                    prices[gap] = KATAKANA_NEAR
            for low, high in zip(bounds, bounds[1:], strict=False):
                for gap in range(low + 1, high):
                    if len(bounds) > 2 and (gap - low < ELEMENT_EDGE or high - gap < ELEMENT_EDGE):
                        prices[start + gap] = KATAKANA_SHORT
            start = None
        if ch == "・" and 0 < offset < len(text) - 1 and is_katakana(text[offset - 1]) and is_katakana(text[offset + 1]):
            prices[offset] = prices[offset + 1] = DOT_PENALTY
    return prices


def break_prices(text: str, lang: str, role: str = "body") -> dict[int, float]:
    """Demerits for a line break before each offset of ``text`` in a style
    ``role``: inside a word (a quarter in captions and cards), inside a
    katakana run or at a name's dot, before a short last line that starts
    inside a phrase (the prices add).

    >>> prices = break_prices("コンテナトレーラーの港に着く", "ja")  # "の港に着く": a short last line
    >>> prices[5] == KATAKANA_SHORT, prices[4] == SEAM_PENALTY, prices[9], prices.get(12, 0.0)
    (True, True, 100003000.0, 0.0)
    >>> break_prices("港口城市的世界遗产和文化", "zh", "caption")[6]  # "世|界": a character left alone weighs whole
    2000000.0
    """
    from book.text.linebreak import NO_START

    if lang not in PHRASE_MODELS:
        return {}
    share = 1.0 if role in RUNNING else CAPTION_SHARE  # a word's single character left alone weighs alike everywhere
    prices = {at: price * (1.0 if price >= STRONG else share) for at, price in word_prices(text, lang).items()}
    if lang == "ja":
        prices.update(katakana_prices(text))
    inside = phrase_inside(text, lang)
    count = 0
    for offset in range(len(text) - 1, 0, -1):
        count += text[offset] not in NO_START and not text[offset].isspace()
        if count > SHORT_LAST:
            break
        if offset in inside:
            prices[offset] = prices.get(offset, 0.0) + SHORT_LAST_PENALTY
    return prices


def extra_cuts(text: str, lang: str) -> set[int]:
    """The closed gaps a language adds to kinsoku: a number and its unit
    ("300|天", `book.text.cjk_words`), and in Japanese katakana words."""
    return unit_cuts(text) | (katakana_cuts(text) if lang == "ja" else set())


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

