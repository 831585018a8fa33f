"""The sections of content/book.yaml that make a publication of the book: the
ISBN of each edition, the cover, and the imprint (the publishing data that
Vietnamese publishing law puts on every publication, printed in the
colophon). Checked here, before anything is built."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml
from PIL import Image

from book.errors import Problems
from book.model import Message
from book.publication import Cover, Imprint, ImprintField
from book.sources.chapters import follows_from
from book.sources.cover_design import design_keys
from book.sources.schema import Key, Section

COVER_KEYS = {"photo": Key(str), "back_text": Key(str, ""), "spine_direction": Key(str, "top-to-bottom",
              choices=("top-to-bottom", "bottom-to-top")), "board_mm": Key(float, 2.5, low=0, high=10),
              "wrap_mm": Key(float, 15.0, low=0, high=40), "square_mm": Key(float, 3.0, low=0, high=10),
              "hinge_mm": Key(float, 8.0, low=0, high=20), "board_width_mm": Key(float, 0.0, low=0, high=2000)}
COVER_KEYS.update(design_keys())  # the cover's design: book.sources.cover_design
# The imprint's fields in colophon order. Their labels ("Nhà xuất bản", "Publisher",
# "出版单位") are the toolchain's own words, in book/defaults/matter-texts.yaml under
# each language's ``labels``: the source language's are the catalogs' source texts,
# and the others fill a new catalog's entries (`book init`, `book i18n update`).
IMPRINT_FIELDS = ("publisher", "publisher_address", "publisher_phone", "publisher_website", "director", "content",
                  "partner", "partner_address", "editors", "translator", "designer", "proofreader", "format", "pages",
                  "print_run", "printer", "bindery", "registration", "decision", "cip", "isbn", "legal_deposit")
COMPUTED = ("format", "pages", "isbn")  # from the book itself, not typed in
# Values that name a body (the publishing house, the agency answering for the content,
# the printing house): translated through the catalogs, and printed in a foreign edition
# with the Vietnamese legal name in parentheses, as the publishing law wants the name.
NAMED_BODIES = ("publisher", "partner", "printer")
# The words of the copyright page and the colophon (book/defaults/matter-texts.yaml):
# their source text in the book's source language, translated in the catalogs.
MATTER_FILE = Path(__file__).resolve().parent.parent / "defaults" / "matter-texts.yaml"
MATTER_COMMENTS = {
    "copies": "The print run with its unit, in the colophon: {count} is the number in the edition's CLDR digits (1.000 / 1,000 / 1000).",
    "rights": "Rights statement on the copyright page, under the © line that names the holder: the holder is not named again.",
    "published": "Copyright page: who published the book and when. {publisher} is the publishing house's name (with its "
                 "Vietnamese legal name in parentheses in a foreign edition), {year} the year.",
    "impression": "The first printing's date as a field of its own, where the language's record keeps the edition and "
                  "the printing apart (printed in the Chinese record only: 印次); {date} as in 'published'.",
    "edition": "Copyright page: which edition this is, in its own language (\"English edition\").",
    "printed": "Copyright page, last line: where the book is printed; {country} is the country's name in the edition's language.",
    "not_for_sale": "Back cover, above the barcode: the book is given away, not sold (book.yaml not_for_sale: true).",
    "price": "Back cover, above the barcode: the price; {price} is book.yaml's price: as written.",
    "typeset": "Publishing record, specification: the typefaces; {typefaces} is their names joined as a list in the "
               "edition's language (\"Noto Serif and Noto Sans\").",
    "paper": "Publishing record, specification: the paper; {paper} is its name as translated (book:paper), "
             "with its weight and unit (\"170 g/m²\").",
    "case_binding": "Publishing record, specification: the binding of a hardcover (book.yaml binding style: case), "
                    "labelled as the language's records say it (\"Binding: hardcover, sewn\", \"装帧：精装\", "
                    "\"製本：上製本（糸かがり）\"); Vietnamese sets it after the format, unlabelled (\"bìa cứng, đóng chỉ\").",
    "original_title": "Copyright page and colophon of a translated edition: the original (Vietnamese) title, "
                      "{title}, in the language's title marks (『』, 《》, quotation marks).",
    "legends_head": "Photo credits, under the list: the small heading of the legends of the frontispiece and the cover; "
                    "{page} is the frontispiece's page.",
    "cover_legend": "Photo credits, under the list: the cover photo's legend; {legend} is its place and date.",
    "photo_rights": "Copyright page, under the © line: the photographs' rights stay with the photographers and "
                    "institutions the photo credits name; {page} is the credits' page. A full sentence.",
    "position_join": "Photo credits: between two positions of one page, said after its figures once "
                     "(\"20 top left and bottom right\", \"20 왼쪽 위·오른쪽 아래\"); spaces as the language writes them.",
}
IMPRINT_KEYS = {key: Key((str, int)) for key in IMPRINT_FIELDS if key not in COMPUTED} | {"final": Key(bool, False),
                                                                                              "country": Key(str, "")}
IMPRINT_KEYS["translator"] = Key((str, dict))  # one name, or one per language: each translated edition has its own
# Lines the colophon has room for that the publishing law does not ask of every book.
BY_CHOICE = ("bindery",)
PLACEHOLDER_NOTICE = ("Các bức ảnh trong ấn bản mẫu này là ảnh minh họa được tạo tự động, "
                      "tạm thay cho ảnh tư liệu sẽ được đưa vào bản in chính thức.")
PLACEHOLDER_MARK = "placeholder make_photos"  # what tools/make_photos.py writes into each file it paints


def isbn_check_digit(first12: str) -> str:
    """The ISBN-13 (EAN-13) check digit of the first twelve digits.

    >>> isbn_check_digit("978604000001")
    '9'
    >>> isbn_check_digit("978030640615")
    '7'
    """
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return str((10 - total % 10) % 10)


def isbn_problem(text: str) -> str | None:
    """What is wrong with an ISBN-13 as written (hyphens and spaces allowed), or None.

    >>> isbn_problem("978-604-00-0001-9") is None
    True
    >>> isbn_problem("978-604-00-0001-8")
    'check digit is 8, but the first twelve digits give 9; correct the ISBN'
    """
    digits = re.sub(r"[-\s]", "", text)
    if not re.fullmatch(r"97[89]\d{10}", digits):
        return "must be 13 digits starting 978 or 979 (hyphens allowed)"
    expected = isbn_check_digit(digits[:12])
    if digits[12] != expected:
        return f"check digit is {digits[12]}, but the first twelve digits give {expected}; correct the ISBN"
    return None


def isbn_digits(text: str) -> str:
    return re.sub(r"[-\s]", "", text)


def load_isbns(section: Section, editions: list[str], out: Problems) -> dict[str, str]:
    def missing(lang: str) -> None:
        out.warn("isbn-missing", replace(section.where(), lang=lang), f"isbn.{lang}: no ISBN for the {lang} edition; add one before printing")

    return checked_isbns(section, editions, {}, missing, lambda lang: f"the {lang} edition", "each edition needs its own")


def checked_isbns(section: Section, editions: list[str], seen: dict[str, str], missing, holder, advice: str) -> dict[str, str]:
    """Each edition's ISBN under ``section``, its check digit verified and none
    given twice: ``seen`` maps the digits already taken to their holder,
    ``holder(lang)`` names an edition's, ``missing(lang)`` reports an edition without one."""
    found: dict[str, str] = {}
    for lang in editions:
        value = section.get(lang, str, "")
        if not value:
            missing(lang)
            continue
        problem = isbn_problem(value)
        if problem:
            section.bad(lang, problem, code="isbn")
            continue
        if isbn_digits(value) in seen:
            section.bad(lang, f"{value} is already the ISBN of {seen[isbn_digits(value)]}; {advice}", code="isbn")
            continue
        seen[isbn_digits(value)] = holder(lang)
        found[lang] = value
    return found


def load_epub_isbns(section: Section, editions: list[str], printed: dict[str, str], out: Problems) -> dict[str, str]:
    """``isbn.epub``: each edition's e-book ISBN, by the print ISBNs' rules (the
    check digit; one number per edition), and none the same as a print edition's
    (an e-book is a publication of its own). Without ``isbn.epub`` the book has no
    e-book ISBNs and nothing is said; with it, an edition left out is a warning."""
    if not section.data:
        return {}
    seen = {isbn_digits(value): f"the printed {lang} edition" for lang, value in printed.items()}

    def missing(lang: str) -> None:
        out.warn("isbn-epub-missing", section.where(), f"isbn.epub.{lang}: no e-book ISBN for the {lang} edition; "
                 "add one before publishing its EPUB")

    return checked_isbns(section, editions, seen, missing, lambda lang: f"the {lang} e-book",
                         "each edition's e-book needs its own ISBN, apart from the printed book's")


def load_cover(section: Section, photos: dict, unread: list[str] = ()) -> Cover | None:
    """The cover section; its photo names a photo of the chapters by id
    (``unread``: chapter files that could not be read, `chapters.load_chapters`)."""
    if not section.data:
        return None
    photo_id = section.read("photo")
    photo = photos.get(photo_id) if photo_id else None
    if photo_id and photo is None:
        section.bad("photo", f"no photo with id '{photo_id}' in the chapters; name one of their photos{follows_from(list(unread))}",
                    code="unknown-photo")
    back = Message("cover:back_text", section.read("back_text").strip(), section.where("back_text"), "The back-cover text, above the barcode.")
    return Cover(photo, back, section.read("spine_direction"), section.read("board_mm"), section.read("wrap_mm"), section.where(),
                 square_mm=section.read("square_mm"), hinge_mm=section.read("hinge_mm"),
                 board_width_mm=section.read("board_width_mm"))


def per_language(section: Section, key: str, raw: dict) -> dict[str, str]:
    """A field given per language (``translator: {en: …, ja: …}``): each
    language code with its text; a value that is not text is reported."""
    values = {}
    for lang, text in raw.items():
        if not isinstance(text, (str, int)) or isinstance(text, bool):
            section.bad(key, f"{lang}: expected the text for that edition, got {type(text).__name__} {text!r}")
        elif str(text).strip():
            values[str(lang)] = str(text).strip()
    return values


def tool_words(lang: str) -> dict:
    """The toolchain's own words of the record in ``lang`` (book/defaults/matter-texts.yaml), or {}."""
    return yaml.safe_load(MATTER_FILE.read_text(encoding="utf-8")).get(lang, {})


def imprint_labels(source: str) -> dict[str, str]:
    """Each imprint field's label in the book's source language (English when the table has none)."""
    return (tool_words(source) or tool_words("en"))["labels"]


def load_imprint(section: Section, out: Problems, source: str = "vi") -> Imprint:
    fields = []
    labels = imprint_labels(source)
    for key in IMPRINT_FIELDS:
        label = labels[key]
        message = Message(f"imprint:{key}", label, section.where(), f"Colophon label of the imprint field '{key}'.")
        raw = None if key in COMPUTED else section.read(key)
        by_lang = per_language(section, key, raw) if isinstance(raw, dict) else {}
        value = "" if key in COMPUTED or by_lang or isinstance(raw, dict) else str(raw or "").strip()
        if key not in COMPUTED and not value and not by_lang:
            why = "the colophon has a line for it" if key in BY_CHOICE else "the law asks for it in the colophon"
            out.warn("imprint-empty", section.where(key) if key in section.data else section.where(),
                     f"imprint.{key}: empty; {why} ({label}), fill it in before printing")
        name = Message(f"imprint:name:{key}", value, section.where(key),
                       f"The name of the body in the colophon's '{key}' line ({label}); the edition prints it with the "
                       "Vietnamese name in parentheses. Use the body's official name in your language.") if key in NAMED_BODIES else None
        fields.append(ImprintField(key, message, value, section.where(key), name, by_lang))
    notice = Message("imprint:placeholder-photos", PLACEHOLDER_NOTICE, section.where(),
                     "Printed in the colophon only while some photos are still generated placeholders.")
    deposit = next((f for f in fields if f.key == "legal_deposit"), None)
    if deposit is not None and deposit.value and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", deposit.value):
        section.bad("legal_deposit", f"'{deposit.value}' is not a month; write it as YYYY-MM (2025-05): each edition "
                    "names it in its own language")
    country = section.read("country").strip().upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        section.bad("country", f"'{country}' is not a country code; give the two letters of ISO 3166 (VN, DE, ...)", code="schema")
    return Imprint(fields, bool(section.read("final")), notice, section.where(), country)


PAPER_COMMENT = ("Colophon note: the paper the book is printed on (book.yaml paper.name, the printer's trade name). "
                 "Write it as a reader of your language knows such paper, its weight kept: \"matt coated 170 g/m²\", "
                 "\"170克哑粉纸\", \"170g/m² 무광 아트지\", \"マットコート紙 170 g/m²\".")


def matter_texts(source: str, where, paper: str = "", paper_where=None) -> dict[str, Message]:
    """The copyright page's and the colophon's own words, in the source language
    (English when the table has none), and the paper's name (``paper_name``) as a
    catalog message: a trade name ("Couché matt 170 g/m²") is no word of the
    other editions' languages, so each translates it into its own."""
    texts = tool_words(source) or tool_words("en")
    found = {key: Message(f"imprint:{key}", texts[key], where, comment) for key, comment in MATTER_COMMENTS.items()}
    if paper.strip():
        found["paper_name"] = Message("book:paper", paper.strip(), paper_where or where, PAPER_COMMENT)
    return found


def placeholder_files(root: Path) -> frozenset[str]:
    """Photo files that are still the painted placeholders of content/photos/placeholders.yaml:
    listed there and carrying the painter's mark. A real photo put in their place drops out."""
    spec = root / "content" / "photos" / "placeholders.yaml"
    if not spec.is_file():
        return frozenset()
    try:
        entries = yaml.safe_load(spec.read_text(encoding="utf-8")) or []
    except (yaml.YAMLError, UnicodeDecodeError):
        return frozenset()
    found = set()
    for entry in entries if isinstance(entries, list) else []:
        name = entry.get("file") if isinstance(entry, dict) else None
        path = spec.parent / str(name)
        if not name or not path.is_file():
            continue
        try:
            with Image.open(path) as image:
                comment = image.info.get("comment") or image.info.get("Comment") or b""
        except OSError:
            continue
        if isinstance(comment, bytes):
            comment = comment.decode("utf-8", "replace")
        if comment.startswith(PLACEHOLDER_MARK):
            found.add(name)
    return frozenset(found)
