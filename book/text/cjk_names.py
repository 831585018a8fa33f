"""Names and words a Chinese or Japanese line keeps whole beyond the
glossary: the eighth zh proof circled "越|捷医院", "吉|海岛", "黄文树|桥",
"金星红|旗" and "星罗|棋布", the ja proof "ドー|ソン" and "ハイ|フォン";
only the glossary's forms were known.

1. Names from the catalogs (`catalog_names`): every glossary form, and the
   translation of every photo's place whose Vietnamese source is a name
   (`is_name_source`: each comma part proper words, after an optional
   generic head of ``book/data/latin_names.yaml``, "Đảo Cát Hải"), split at
   the data file's ``separators`` ("亭武—吉海": 亭武, 吉海). In Chinese a
   name's stem, its ``generic`` words and ``suffixes`` taken off
   ("越捷友谊医院": 越捷), is a name too; in Japanese every katakana run of
   three kana or more of a name ("ドーソン（ハイフォン）": ドーソン).
2. In a Chinese paragraph (`bound_words`), a name followed by generic words
   and a suffix ("越捷" + "医院", "拉县" + "深水" + "港") is one word, and
   so is every ``idioms`` entry of ``book/data/zh_words.yaml`` it holds.

They join the edition's names (`book.text.frames.unbroken_names`): a
Chinese line parts a name only where the paragraph would otherwise open a
line past about 0.085 em (`book.text.cjk.PARTED`), and a word of 2. only
where no line of it sets within 0.1 em (`book.text.cjk.BOUND_PARTED`); a
Japanese one parts them at a name's price (`book.text.cjk_breaks.soft_offsets`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "zh_words.yaml"
KANA_NAME = 3  # katakana: a run this long or longer of a Japanese name is a name
PROPER = re.compile(r"^[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ0-9]")
KATAKANA_RUN = re.compile(rf"[\u30a1-\u30fa\u30fc]{{{KANA_NAME},}}")


@cache
def zh_words() -> dict:
    """``book/data/zh_words.yaml``: idioms, name suffixes, generic words, separators."""
    import yaml

    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8")) or {}


@cache
def idioms() -> tuple[str, ...]:
    return tuple(str(w) for w in zh_words().get("idioms", ()))


@cache
def suffixes() -> tuple[str, ...]:
    """Name suffixes, longest first."""
    return tuple(sorted({str(s) for s in zh_words().get("suffixes", ())}, key=len, reverse=True))


@cache
def generic() -> tuple[str, ...]:
    return tuple(sorted({str(s) for s in zh_words().get("generic", ())}, key=len, reverse=True))


def is_name_source(source: str) -> bool:
    """Whether a Vietnamese place is a name: each comma part proper words
    after an optional generic head ("Vườn quốc gia Cát Bà").

    >>> is_name_source("Đảo Long Châu, Cát Hải"), is_name_source("Sông Cấm, nhìn từ Thủy Nguyên")
    (True, False)
    >>> is_name_source("Khu kinh tế Đình Vũ – Cát Hải"), is_name_source("Ven biển Hải Phòng")
    (True, False)
    """
    from book.text.latin_names import name_words

    words = name_words()
    heads = sorted({h.lower() for h in (*words["vi_heads"], *words["vi_before"])}, key=len, reverse=True)
    for part in source.split(","):
        part = part.strip()
        head = next((h for h in heads if part.lower().startswith(h + " ")), "")
        rest = [w for w in part[len(head):].split() if w not in "–-"]
        if not rest or not all(PROPER.match(w) for w in rest):
            return False
    return True


def stem(name: str) -> str:
    """A Chinese name without its trailing suffixes and generic words ("越捷友谊医院": "越捷").

    >>> stem("越捷友谊医院"), stem("吉婆国家公园"), stem("吉海岛"), stem("海防")
    ('越捷', '吉婆', '吉海', '海防')
    """
    ends = suffixes() + generic()
    while True:
        end = next((e for e in ends if name.endswith(e) and len(name) - len(e) >= 2), "")
        if not end:
            return name
        name = name[:-len(end)]


def name_parts(target: str, lang: str) -> set[str]:
    """The names in one name's translation: its parts between separators;
    in Chinese their stems too, in Japanese their katakana runs.

    >>> sorted(name_parts("亭武—吉海经济区", "zh"))
    ['亭武', '吉海', '吉海经济区']
    >>> sorted(name_parts("ドーソン（ハイフォン）", "ja"))
    ['ドーソン', 'ハイフォン']
    """
    marks = re.escape(str(zh_words().get("separators", "—、（）・ ")))
    parts = {p for p in re.split(f"[{marks}]", target) if len(p) >= 2}
    if lang == "zh":
        return parts | {stem(p) for p in parts}
    return {run for part in parts for run in KATAKANA_RUN.findall(part)}


def catalog_names(places: Iterable[tuple[str, str]], glossary: Iterable[tuple[str, str]], lang: str) -> tuple[str, ...]:
    """The names of an edition in ``lang`` (zh, ja): from each glossary
    (source, form) pair and each photo place's (source, translation) whose
    source is a name; longest first.

    >>> catalog_names([("Đình Vũ – Cát Hải", "亭武—吉海"), ("Sông Cấm, nhìn từ Thủy Nguyên", "从水源眺望禁江")],
    ...               [("Bệnh viện Hữu nghị Việt Tiệp", "越捷友谊医院")], "zh")
    ('越捷友谊医院', '亭武', '吉海', '越捷')
    """
    if lang not in ("zh", "ja"):
        return ()
    names: set[str] = set()
    for _, form in glossary:
        for one in form.split("|"):
            names |= name_parts(one.strip(), lang) | ({one.strip()} if lang == "zh" else set())
    for source, target in places:
        if target and is_name_source(source):
            names |= name_parts(target, lang)
    return tuple(sorted((n for n in names if len(n) >= 2), key=lambda n: (-len(n), n)))


@lru_cache(maxsize=4096)
def bound_words(text: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The words a Chinese paragraph holds beyond ``names``: each name
    followed by generic words and a suffix, and each idiom of the data file.

    >>> bound_words("越捷医院收治来自吉海岛拉县深水港的病人，星罗棋布", ("越捷", "吉海", "拉县"))
    ('拉县深水港', '星罗棋布', '越捷医院', '吉海岛', '深水港')
    """
    found: set[str] = {w for w in idioms() if w in text}
    ends, between = suffixes(), generic()
    for name in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            while (more := next((g for g in between if text.startswith(g, end)), "")):
                end += len(more)
            tail = next((s for s in ends if text.startswith(s, end)), "")
            if tail:
                found.add(text[at:end + len(tail)])
            at = text.find(name, at + 1)
    return tuple(sorted(found, key=lambda w: (-len(w), w)))
