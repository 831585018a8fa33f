"""Every fact the toolchain knows about a language, one record per language.

Adding a language is one record here, its catalog in translations/, and a
font entry in fonts/fonts.yaml when no language of its script has one."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # the book's code: file names, --lang, editions
    locale: str  # CLDR locale for babel (dates, language names, plural forms)
    tag: str  # BCP 47, for the PDF's /Lang and XMP
    script: str  # ISO 15924: fonts.yaml entries are shared by languages of one script
    breaking: str  # 'words' (at spaces) or 'characters' (between ideographs, with kinsoku)
    wide_faces: bool = False  # wide (East Asian) characters take the CJK face first
    pivot: bool = False  # catalog notes show the English translation beside the source
    em_per_character: float = 0.5  # rough width of a character, for the room notes
    po_languages: tuple[str, ...] = ()  # accepted values of the catalog's Language header, the one written first
    hyphenation: str | None = None  # pyphen dictionary a style may hyphenate with
    place_date_join: str = ", "  # between a photo's place and date
    meta_join: str = " · "  # between the place/date and the credit
    label_join: str = ": "  # between a label and its value ("ISBN: …"); full-width in Chinese and Japanese
    # Words (or, in CJK, characters) that stay on the line of the number beside them:
    # month names and date words, units ("May 13", "13 tháng 5", "120 km", "1975年").
    number_words: frozenset[str] = frozenset()
    phrase_model: str | None = None  # BudouX model that breaks display lines by phrase (ja, zh)
    vertical: bool = False  # a spine is set vertically: characters upright, Latin and digits turned
    # Display lines (titles) break by sense: never after these words, rather before them
    # ("Liberation / and the Historic Years"). The words a title never splits are the
    # book's own (book.yaml ``keep_together``), not the language's.
    function_words: frozenset[str] = frozenset()
    # A noun's modifiers follow it (vi "cảng xanh", "năm tháng lịch sử"): a title's line breaks
    # between two content words only where nothing better fits (`book.text.sense`).
    modifiers_follow: bool = False
    range_dash: str = "–"  # between the numbers of a range ("12–13"); CLDR's range pattern
    # Justified lines: how far (em) a word space may open beyond its width, then how far
    # apart the letters may go, before a line stays short (Korean, as KLREQ asks); None: no limit.
    direction: str = "ltr"  # the writing direction of running text: an EPUB's dir, 'rtl' for Arabic or Hebrew
    # The full publishing record stands in the colophon at the back (ja 奥付, ko 판권), not on the copyright page.
    imprint_at_back: bool = False
    # The middle dot's advance (em) in every CJK face, its glyph centred in it: Korean "·" is 0.33 em in
    # Noto Serif CJK KR but 0.56-0.59 em in the Sans, so one book had two (KLREQ 가운뎃점: one form); 0: the face's own.
    middle_dot: float = 0.0
    # A full date's LDML pattern where the language's running text writes it otherwise than CLDR's long date; None: CLDR's.
    full_date: str | None = None
    # Chinese and Japanese: the space (em) between Han or kana and Latin letters or digits. Japanese sets
    # the JIS X 4051 quarter em (四分アキ); Chinese sets digits solid, "1955年5月13日" (0: solid).
    latin_space: float = 0.0
    # ... and between Han or kana and a Latin *word* (a run with a letter: "VinFast 汽车", "包括 LG"), where
    # that differs: CLREQ 3.2.2 sets a quarter em there even where digits stand solid. None: ``latin_space``.
    word_space: float | None = None

    @property
    def po_headers(self) -> tuple[str, ...]:
        """The Language header values a catalog may carry; the first is the one
        book writes, gettext's ll_CC code (Poedit and msginit write zh_CN for
        Simplified Chinese; Weblate reads it as zh_Hans, the CLDR locale)."""
        return self.po_languages or (self.code,)


EN_NUMBER_WORDS = frozenset(
    "January February March April May June July August September October November December "
    "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. "
    "km m ha MW kW GW t tons tonnes hectares metres meters percent % million billion".split()
)
VI_NUMBER_WORDS = frozenset("tháng ngày năm km m ha MW tấn triệu tỷ nghìn ngàn mét héc-ta % TEU".split())
CJK_NUMBER_CHARS = frozenset("年月日号號时時分秒岁歳万萬亿億千百米吨噸台座艘个個名人周年回%％")
KO_NUMBER_WORDS = frozenset("km m ha MW % TEU 톤 만 억 명".split())
EN_FUNCTION_WORDS = frozenset(
    "a an the and or nor but of to in on at by for from with into onto as its their our his her".split())
VI_FUNCTION_WORDS = frozenset(
    "và của những các cho với trong là ở từ đến tới một hay hoặc mà để về theo tại trên dưới vì bởi do khi sự cuộc".split())
KO_FUNCTION_WORDS = frozenset("그리고 및 또는 그 이 저".split())


TABLE: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("vi", "vi", "vi", "Latn", "words", number_words=VI_NUMBER_WORDS, function_words=VI_FUNCTION_WORDS,
                 modifiers_follow=True,
                 full_date="'ngày' d 'tháng' M 'năm' y",  # CLDR's "13 tháng 5, 2025" is English order; prose writes this
                 imprint_at_back=True),  # the publishing record (Luật Xuất bản) closes a Vietnamese book
        Language("en", "en", "en", "Latn", "words", hyphenation="en_US", number_words=EN_NUMBER_WORDS,
                 function_words=EN_FUNCTION_WORDS),
        Language("zh", "zh_Hans", "zh-Hans", "Hans", "characters", wide_faces=True, pivot=True, em_per_character=1.0,
                 po_languages=("zh_CN", "zh", "zh_Hans", "zh-Hans", "zh_Hans_CN"), place_date_join="，", meta_join="　", label_join="：",
                 number_words=CJK_NUMBER_CHARS, phrase_model="zh-hans", vertical=True,
                 # GB/T 15834-2011 4.13 allows 一字线 or 浪纹线; the zh texts write "1904—1912年": one dash.
                 # CLREQ 3.2.2: at most a quarter em beside Latin words ("VinFast 汽车"); digits solid ("1955年"),
                 # as the credit lines, contents and copyright page set them: one rule (the ninth zh proof saw
                 # "1955 年" spaced beside "1972年" solid in one paragraph, p7).
                 range_dash="—", latin_space=0.0, word_space=0.25),
        Language("ko", "ko", "ko", "Kore", "words", wide_faces=True, pivot=True, em_per_character=0.9,
                 number_words=KO_NUMBER_WORDS, function_words=KO_FUNCTION_WORDS, range_dash="~",
                 imprint_at_back=True, middle_dot=1 / 3),
        Language("ja", "ja", "ja", "Jpan", "characters", wide_faces=True, pivot=True, em_per_character=1.0,
                 place_date_join="、", meta_join="　", label_join="：", number_words=CJK_NUMBER_CHARS, phrase_model="ja", vertical=True,
                 range_dash="〜", imprint_at_back=True, latin_space=0.25),  # JIS X 4051 / JLREQ: 波ダッシュ U+301C
    )
}


def language(code: str) -> Language:
    return TABLE[code]


def known() -> tuple[str, ...]:
    """The language codes, in table order.

    >>> known()[:2]
    ('vi', 'en')
    """
    return tuple(TABLE)


def nfc(text: str) -> str:
    """Text as the book keeps it everywhere: Unicode NFC.

    >>> nfc("Ha\u0309i") == "Hải"
    True
    """
    return unicodedata.normalize("NFC", text)


def catalog_rel(lang: str) -> str:
    """Where a language's catalog lives, relative to the project."""
    return f"translations/{lang}.po"


TEMPLATE_REL = "translations/messages.pot"
GLOSSARY_REL = "translations/glossary.csv"
