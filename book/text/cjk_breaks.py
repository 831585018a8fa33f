"""What may break in Chinese and Japanese running text beyond kinsoku, and
at what price (demerits; a justified line whose gaps open 0.04 em costs
about 3.7e3, 0.05 em 1.2e4, 0.06 em 7.6e5, 0.09 em 1e8, the limit of 0.1 em
2.8e8, a line past it 1e10 or more: `book.text.cjk_grid`).

Japanese breaks between any two characters (JIS X 4051), but a reader
keeps a katakana run whole: a loanword or a name ("ハイ|フォン",
"マン|グローブ", "フラ|ンス" were circled in the seventh ja proof; "アイ|リーン"
in a second book). A run that is no compound of known loanwords never
parts (`katakana_cuts`, up to ``WHOLE_RUN`` kana); a compound or a longer run
parts at ``KATAKANA_PENALTY``, the price of a line at the 0.1 em limit, so
the paragraph composer first pushes the word to the next line (追い出し,
opening the gaps of the lines before it up to 0.1 em, `book.text.cjk_grid`)
or pulls it back (追い込み, closing marks); a break inside a syllable,
before ン, ー or a small kana ("フラ|ンス", "バイ|ンダークア") or after ッ
("カッ|トバ"), costs as a glossary name's, and one leaving one kana is
closed like kinsoku. A compound of loanwords (`book.text.katakana_words`) parts at its
seam ("コンテナ|トレーラー", a line at about 0.03 em), never one or two kana
of an element away from it ("コンテナト|レーラー"). A name parts at its
middle dot ("レ・|チャン") at the price of a katakana word. A name or term
of the glossary (and of the book's ``keep_together``) adds ``NAME_PENALTY``
per term that holds the break, and ``NAME_HOLD`` times that where the
break parts a katakana run or a dot of the term (`soft_offsets`): 1.8e10,
as much as a line whose gaps would open to 0.117 em (the city's name was
split five times in the seventh proof): a name leaves its line at the
limit and short by up to about half an em rather than part, but parts
rather than leave a hole in a justified block.

A break inside a word costs about a line at 0.058 em in Japanese running
text (between two kanji of a BudouX phrase, "半|島") and a quarter of that
in captions and cards. One that leaves a character of a word alone, a
number's unit, a suffix kanji, a verb's last kana or a short quotation
cost more, alike in captions (`book.text.cjk_words`). Between a kanji and
its kana ("守|り") a break costs about a tight line; before a particle
("港|の") or between a katakana name and its kanji ("ドーソン|半島") less
still. A last line of ``SHORT_LAST`` characters or fewer that starts inside
a phrase ("家|庭も多い。") costs a line at about 0.09 em, one of
``SHORT_WORD`` or fewer (「惹きつけ|ている。」) a line at 0.064 em more.

Chinese protection is a price, not a lock (the seventh zh proof: 24 % of
the lines letter-spaced, p27 at 0.1 em and short, to keep compounds
whole): names of the glossary and number+unit groups stay whole; a break
inside a two-character word costs `book.text.cjk_words.ZH_WORD` (a line
at about 0.049 em: a word parts before a line opens visibly, and a line's
remainder spreads evenly over all its gaps, never at its marks), a long
compound's inner seam ``ZH_SEAM`` (0.035 em), alike in captions. No break is
forbidden: justification keeps every way it needs.
"""

from __future__ import annotations

from functools import lru_cache

from book.text.cjk_words import STRONG, ZH_SEAM, dictionary_prices, unit_cuts
from book.text.katakana_words import seams

KATAKANA_EDGE = 2  # kana either side of a break inside a katakana word, at least
WHOLE_RUN = 12  # katakana a run that is no known compound holds whole: a name or a loanword, within any measure of
#   ours (a caption card is 14 em wide or more); a longer one parts at a price rather than overrun its frame
ELEMENT_EDGE = 3  # ... and of a loanword element of a compound, short of KATAKANA_SHORT
NAME_PENALTY = 3e7  # demerits for a Japanese line ending inside each name or term of the glossary holding the break:
#   a line at about 0.08 em (`book.text.cjk.FLAW`; at 2e6 p13 parted "パリ|和平協定" rather than open a line to 0.067)
NAME_HOLD = 600  # ... times this where it parts a katakana run or a dot of the term: 1.8e10, a line whose gaps
#   would open to 0.117 em (`book.text.cjk_grid.BEYOND_LIMIT`): a name keeps whole at the cost of a line at the limit
#   and up to about half an em short, never of a hole (at 1e11, p19 ended "タンブー・" 1.6 em short)
DOT_HOLD = 67  # ... and this after its middle dot ("タンブー・|ラックフェン橋"): 2e9, a line at about 0.105 em: where
#   a name cannot stay whole it parts where Japanese parts a long name, never inside a word ("ラック|フェン", p19)
KATAKANA_PENALTY = 3e8  # inside a katakana word, three kana or more each side: a line at the 0.1 em limit
#   (at 3.5e3, a line at 0.04 em, the seventh proof circled ten loanwords and names split at any mora)
KATAKANA_MORA = 1.8e10  # ... inside a syllable: before ン, ー or a small kana, after ッ ("フラ|ンス", "カッ|トバ"):
#   as a glossary name (NAME_HOLD), a line's head a proofreader circles at once
MORA_TAILS = frozenset("ンーァィゥェォッャュョヮヵヶ")  # kana that end a syllable begun before them
KATAKANA_SHORT = 1e11  # ... leaving one or two kana of a loanword element of a compound ("コンテナト|レーラー")
DOT_PENALTY = 1.5e9  # at the middle dot of a katakana name ("レ・|チャン"): near a glossary name's dot (NAME_PENALTY
#   times DOT_HOLD), a line at about 0.1 em: a name with ・ stays whole wherever a line under the limit sets it
#   (at 3e8, as inside a katakana word, the eleventh ja proof's p19 card broke "タンブー・|ラックフェン橋")
SEAM_PENALTY = 1e3  # at the seam of a katakana compound ("コンテナ|トレーラー"): a line at about 0.03 em
WORD_PENALTY = 4e5  # Japanese: inside a word in running text: a line at about 0.058 em
PARTICLE_PENALTY = 3e3  # Japanese: inside a phrase elsewhere (before a particle), as JIS lets any two characters part
OKURIGANA_PENALTY = 6e3  # Japanese: between a kanji and its kana ("守|り"): about a tight line's cost
ZH_OTHER = 1e3  # Chinese: inside a BudouX phrase beside a mark or a Latin letter
ZH_JOINT = 1e3  # Chinese: between two phrases of two ideographs or more, no function word at the seam ("多式|联运")
CAPTION_SHARE = 0.25  # what a Japanese word's price weighs in captions and cards against running text
RUNNING = frozenset({"body", "intro", "signature"})  # the styles of running text
SHORT_LAST = 5  # characters, punctuation aside: a last line this short starts at a phrase's start
SHORT_LAST_PENALTY = 1e8  # ... or costs a line at about 0.09 em
SHORT_WORD = 4  # ... and one this short that parts a word ("惹きつけ|ている。")
SHORT_WORD_PENALTY = 2e6  # ... costs a line at about 0.064 em on top (more, and p27's "惹きつけ|ている。" took three
#   lines at 0.083 em to end "惹|きつけている。", as much a parted verb)
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
    """Offsets inside katakana words where no line may break. A run of
    katakana and ー that is no compound of known loanwords
    (`book.text.katakana_words`) is one word, a name or a loanword
    ("アイ|リーン" never), whole up to ``WHOLE_RUN`` characters: Japanese
    marks a name's parts with ・ or a space, where it may break. A compound
    and a longer run close their first and last ``KATAKANA_EDGE - 1`` gaps,
    and part elsewhere at a price (`katakana_prices`).

    >>> sorted(katakana_cuts("のアイリーンさん"))
    [2, 3, 4, 5]
    >>> sorted(katakana_cuts("アイ・リーン")), sorted(katakana_cuts("コンテナトレーラー"))
    ([1, 4, 5], [1, 8])
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
            whole = end - start <= WHOLE_RUN and seams(text[start:end]) is None
            for gap in range(start + 1, end):
                if whole or gap - start < KATAKANA_EDGE or end - gap < KATAKANA_EDGE:
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
    [(1, 2000.0), (3, 10000.0), (6, 10000.0)]
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
                prices[offset] = ZH_SEAM if is_kanji(a) and is_kanji(b) else ZH_OTHER
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
            prices[at] = ZH_SEAM  # two one-character phrases BudouX may have parted wrongly ("史|前")
        elif lang == "zh" and compound_joint(phrase, following):
            prices[at] = ZH_JOINT  # two words of a compound ("多式|联运")
    for offset, price in dictionary_prices(text, lang, parts):
        prices[offset] = max(prices.get(offset, 0.0), price)  # `book.text.cjk_words`: "大|剧院", "博物|館"
    return prices


def compound_joint(phrase: str, following: str) -> bool:
    """Whether two BudouX phrases meet inside a Chinese compound: two
    ideographs each side of the seam, neither a function word.

    >>> compound_joint("多式", "联运"), compound_joint("成为少有的", "多式"), compound_joint("联运", "交通枢纽。")
    (True, False, True)
    """
    end, head = phrase[-2:], following[:2]
    return (len(end) == len(head) == 2 and all(is_kanji(ch) for ch in end + head)
            and end[-1] not in FUNCTION_HAN and head[0] not in FUNCTION_HAN)


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
                if text[gap] in MORA_TAILS or text[gap - 1] == "ッ":
                    prices[gap] = KATAKANA_MORA  # "フラ|ンス", "バイ|ンダークア", "カッ|トバ"
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
    >>> break_prices("港口城市的世界遗产和文化", "zh", "caption")[6]  # "世|界": a Chinese word weighs alike everywhere
    10000.0
    >>> break_prices("森が多くの旅行者を惹きつけている。", "ja", "caption")[13] >= SHORT_LAST_PENALTY + SHORT_WORD_PENALTY
    True
    """
    from book.text.linebreak import NO_START

    if lang not in PHRASE_MODELS:
        return {}
    share = 1.0 if role in RUNNING or lang == "zh" else CAPTION_SHARE  # a lone character weighs alike everywhere
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
            if lang == "zh":  # a Chinese phrase is no word: a stub costs a seam more
                prices[offset] = prices.get(offset, 0.0) + ZH_SEAM
                continue
            word = SHORT_WORD_PENALTY if count <= SHORT_WORD else 0.0
            prices[offset] = prices.get(offset, 0.0) + SHORT_LAST_PENALTY + word
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


def soft_offsets(text: str, phrases: tuple[str, ...]) -> dict[int, float]:
    """Offsets inside the occurrences of ``phrases`` in ``text``, each with
    its weight in ``NAME_PENALTY``: one per phrase that holds it (a name
    inside a longer term costs twice), ``NAME_HOLD`` per phrase where the
    break parts a katakana run ("ハイ|フォン"), ``DOT_HOLD`` after a name's dot.

    >>> sorted(soft_offsets("鳳凰木と鳳凰", ("鳳凰", "鳳凰木")).items())
    [(1, 2.0), (2, 1.0), (5, 1.0)]
    >>> weights = soft_offsets("ハイフォン大劇場", ("ハイフォン", "ハイフォン大劇場"))
    >>> weights[2] == 2 * NAME_HOLD, weights[5], weights[6]
    (True, 1.0, 1.0)
    """
    inside: dict[int, float] = {}
    for phrase in phrases:
        at = text.find(phrase)
        while at >= 0:
            for offset in range(at + 1, at + len(phrase)):
                a, b = text[offset - 1], text[offset]
                name = (is_katakana(a) or a == "・") and (is_katakana(b) or b == "・")
                inside[offset] = inside.get(offset, 0.0) + (DOT_HOLD if a == "・" else NAME_HOLD if name else 1.0)
            at = text.find(phrase, at + 1)
    return inside

