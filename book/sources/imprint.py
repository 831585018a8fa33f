"""The sections of content/book.yaml that make a publication of the book: the
ISBN of each edition, the cover, and the imprint (the publishing data that
Vietnamese publishing law puts on every publication, printed in the
colophon). Checked here, before anything is built."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from PIL import Image

from book.errors import Problems
from book.model import Cover, Imprint, ImprintField, Message
from book.sources.cover_design import design_keys
from book.sources.schema import Key, Section

COVER_KEYS = {"photo": Key(str), "back_text": Key(str, ""), "spine_direction": Key(str, "top-to-bottom",
              choices=("top-to-bottom", "bottom-to-top")), "board_mm": Key(float, 2.5, low=0, high=10),
              "wrap_mm": Key(float, 15.0, low=0, high=40)}
COVER_KEYS.update(design_keys())  # the cover's design: book.sources.cover_design
# The imprint in colophon order, with its Vietnamese labels (each translated in the catalogs).
IMPRINT_LABELS = (
    ("publisher", "Nhà xuất bản"),
    ("director", "Chịu trách nhiệm xuất bản: Giám đốc – Tổng biên tập"),
    ("content", "Chịu trách nhiệm nội dung"),
    ("editors", "Biên tập"),
    ("designer", "Trình bày"),
    ("proofreader", "Sửa bản in"),
    ("format", "Khổ sách"),
    ("pages", "Số trang"),
    ("print_run", "Số lượng in"),
    ("printer", "In tại"),
    ("registration", "Số xác nhận đăng ký xuất bản"),
    ("decision", "Quyết định xuất bản số"),
    ("isbn", "ISBN"),
    ("legal_deposit", "Nộp lưu chiểu"),
)
COMPUTED = ("format", "pages", "isbn")  # from the book itself, not typed in
IMPRINT_KEYS = {key: Key((str, int)) for key, _ in IMPRINT_LABELS if key not in COMPUTED} | {"final": Key(bool, False)}
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
    found: dict[str, str] = {}
    seen: dict[str, str] = {}
    for lang in editions:
        value = section.get(lang, str, "")
        if not value:
            out.warn("isbn-missing", section.where(), f"isbn.{lang}: no ISBN for the {lang} edition; add one before printing")
            continue
        problem = isbn_problem(value)
        if problem:
            section.bad(lang, problem, code="isbn")
            continue
        if isbn_digits(value) in seen:
            section.bad(lang, f"{value} is already the ISBN of the {seen[isbn_digits(value)]} edition; each edition needs its own",
                        code="isbn")
            continue
        seen[isbn_digits(value)] = lang
        found[lang] = value
    return found


def load_cover(section: Section, photos: dict) -> Cover | None:
    """The cover section; its photo names a photo of the chapters by id."""
    if not section.data:
        return None
    photo_id = section.read("photo")
    photo = photos.get(photo_id) if photo_id else None
    if photo_id and photo is None:
        section.bad("photo", f"no photo with id '{photo_id}' in the chapters; name one of their photos", code="unknown-photo")
    back = Message("cover:back_text", section.read("back_text").strip(), section.where("back_text"), "The back-cover text, above the barcode.")
    return Cover(photo, back, section.read("spine_direction"), section.read("board_mm"), section.read("wrap_mm"), section.where())


def load_imprint(section: Section, out: Problems) -> Imprint:
    fields = []
    for key, label in IMPRINT_LABELS:
        message = Message(f"imprint:{key}", label, section.where(), f"Colophon label of the imprint field '{key}'.")
        value = "" if key in COMPUTED else str(section.read(key) or "").strip()
        if key not in COMPUTED and not value:
            out.warn("imprint-empty", section.where(key) if key in section.data else section.where(),
                     f"imprint.{key}: empty; the law asks for it in the colophon ({label}), fill it in before printing")
        fields.append(ImprintField(key, message, value, section.where(key)))
    notice = Message("imprint:placeholder-photos", PLACEHOLDER_NOTICE, section.where(),
                     "Printed in the colophon only while some photos are still generated placeholders.")
    return Imprint(fields, bool(section.read("final")), notice, section.where())


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
