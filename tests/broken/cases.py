"""The broken-input cases: each one mistake made to the tiny book, the file and
line the one error line must name, and words of what to do."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

CHAPTER = "content/chapters/01-cang.yaml"
MARGINS = "margins_mm: {outer: 15, bottom: 25}"  # the tiny book keeps the old form: inner, top and the grid by default


@dataclass(frozen=True)
class Case:
    name: str
    mistake: Callable[[Path], None]
    where: str  # 'file:line' or 'file' the line starts with
    says: str  # words of the message (what is wrong and what to do)
    lang: str = "vi"  # the edition check and build are run for
    alone: bool = True  # False when the mistake has consequences reported after it


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


TWO_PHOTOS_B = "caption-b: {kind: caption, col: 8, cols: 5, row: 11,"  # the two-photos layout's lower caption (on caption-a's axis)
FULL_BLEED = "photo: {kind: photo, bleed: all, fit: cover}"  # the full-bleed layout's photo


LAYOUTS = Path(__file__).resolve().parents[2] / "layouts" / "layouts.yaml"


def frame_case(name: str, old: str, new: str, message: str) -> Case:
    """A case that rewrites one frame of layouts/layouts.yaml; the error names
    its line (that of ``old``'s first occurrence, which the case rewrites)."""
    line = LAYOUTS.read_text(encoding="utf-8").split(old, 1)[0].count("\n") + 1
    return Case(name, replace("layouts/layouts.yaml", old, new), f"layouts/layouts.yaml:{line}", message)


def write(rel: str, data: bytes) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        (root / rel).write_bytes(data)
    return edit


def truncated_jpeg(root: Path) -> None:
    path = root / "content/photos/p002.jpg"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def bomb(root: Path) -> None:
    """A small PNG whose header claims 40,000 × 40,000 pixels (1.6 gigapixels)."""
    raw = zlib.compress(b"\x00" * 4)
    ihdr = struct.pack(">IIBBBBB", 40000, 40000, 8, 0, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    (root / "content/photos/p002.jpg").write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def outside_photo(root: Path) -> None:
    elsewhere = root.parent / "archive"
    elsewhere.mkdir()
    Image.new("RGB", (1500, 1000), (90, 90, 90)).save(elsewhere / "x.jpg")
    replace(CHAPTER, "file: p002.jpg", "file: ../../../archive/x.jpg")(root)


def absolute_photo(root: Path) -> None:
    elsewhere = root.parent / "abs"
    elsewhere.mkdir()
    Image.new("RGB", (1500, 1000), (90, 90, 90)).save(elsewhere / "x.jpg")
    replace(CHAPTER, "file: p002.jpg", f"file: {elsewhere / 'x.jpg'}")(root)


def symlinked_photo(root: Path) -> None:
    elsewhere = root.parent / "linked"
    elsewhere.mkdir()
    Image.new("RGB", (1500, 1000), (90, 90, 90)).save(elsewhere / "x.jpg")
    (root / "content/photos/link.jpg").symlink_to(elsewhere / "x.jpg")
    replace(CHAPTER, "file: p002.jpg", "file: link.jpg")(root)


def no_pages(root: Path) -> None:
    path = root / CHAPTER
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("pages:")] + "pages: []\n", encoding="utf-8")


def utf16_po(root: Path) -> None:
    path = root / "translations/en.po"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))


def duplicate_msgctxt(root: Path) -> None:
    path = root / "translations/en.po"
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgctxt "photo:p002:place"\nmsgid "Cát Hải (cũ)"\nmsgstr "Cat Hai (old)"\n',
                    encoding="utf-8")


def emblem(name: str, data: bytes | None) -> Callable[[Path], None]:
    """A title page naming the artwork content/artwork/<name>, written with ``data`` (None: missing)."""
    def edit(root: Path) -> None:
        replace(CHAPTER, "pages:\n", "pages:\n  - layout: title-page\n"
                f"    slots: {{emblem: artwork/{name}, title: title, subtitle: intro, publisher: book.publisher}}\n")(root)
        if data is not None:
            (root / "content" / "artwork").mkdir()
            (root / "content" / "artwork" / name).write_bytes(data)
    return edit


RGB_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 40">\n  <rect width="60" height="40" fill="#e4002b"/>\n</svg>\n'
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32

CASES = [
    Case("yaml-syntax", replace(CHAPTER, 'title: "Cảng biển"', 'title: "Cảng biển\n  x: [1'), CHAPTER, "YAML syntax error"),
    Case("yaml-tag", replace(CHAPTER, 'place: "Cát Hải"', "place: !!python/object/apply:os.system [ls]"), f"{CHAPTER}:", "no YAML tags"),
    Case("duplicate-key", replace(CHAPTER, 'place: "Cát Hải"', 'caption: "Hai lần"'), f"{CHAPTER}:", "appears twice"),
    Case("wrong-type", replace("content/book.yaml", "year: 2025", "year: hai nghìn"), "content/book.yaml:7", "expected int"),
    Case("bad-signature", replace("content/book.yaml", "page_multiple: 4", "signature: 10"), "content/book.yaml:11",
         "binding.signature: 10 is not a signature size; use 4, 8, 12, 16, 24, 32 pages"),
    Case("unknown-layout", replace(CHAPTER, "layout: photo-caption", "layout: photo-captoin"), f"{CHAPTER}:", "did you mean 'photo-caption'"),
    Case("duplicate-photo-id", replace(CHAPTER, "id: p002", "id: p001"), f"{CHAPTER}:", "already used", alone=False),
    Case("missing-photo", replace(CHAPTER, "file: p002.jpg", "file: p003.jpg"), f"{CHAPTER}:", "not found; add the file"),
    Case("zero-byte-photo", write("content/photos/p002.jpg", b""), "content/photos/p002.jpg", "empty (0 bytes)); replace the file"),
    Case("not-an-image", write("content/photos/p002.jpg", b"this is a text file, not a photo\n"), "content/photos/p002.jpg",
         "not an image"),
    Case("truncated-jpeg", truncated_jpeg, "content/photos/p002.jpg", "truncated"),
    Case("decompression-bomb", bomb, "content/photos/p002.jpg", "megapixels"),
    Case("photo-outside", outside_photo, f"{CHAPTER}:", "declare its folder in content/book.yaml (photo_dirs"),
    Case("photo-absolute", absolute_photo, f"{CHAPTER}:", "photo_dirs"),
    Case("photo-symlink", symlinked_photo, f"{CHAPTER}:", "photo_dirs"),
    Case("blank-caption", replace(CHAPTER, '"Cầu Tân Vũ', '"   "\n    x_caption: "Cầu Tân Vũ'), f"{CHAPTER}:", "only spaces"),
    Case("long-caption", replace(CHAPTER, '"Cầu Tân Vũ', '"' + "Cầu cảng " * 1100 + 'Cầu Tân Vũ'), "content/chapters/01-cang.yaml",
         "overflow"),
    Case("no-font-covers", replace(CHAPTER, '"Cầu Tân Vũ', '"\U00010000 Cầu Tân Vũ'), f"{CHAPTER}:", "fonts/fonts.yaml"),
    frame_case("frame-outside", TWO_PHOTOS_B, "caption-b: {kind: caption, col: 9, cols: 6, row: 11,",
               "columns 9–14 end outside the page: the grid has 12 columns on the page (content/book.yaml grid.columns)"),
    frame_case("frame-no-columns", TWO_PHOTOS_B, "caption-b: {kind: caption, col: 9, cols: 0, row: 11,",
               "two-photos.frames.caption-b.cols: col: 9, cols: 0: a frame starts at column 1 or later and takes at least one"),
    frame_case("frame-outside-mm", FULL_BLEED, "photo: {kind: photo, mm: {x: 100, y: -3, w: 246, h: 306}, fit: cover}",
               "full-bleed.frames.photo: the frame (100, -3, 246 × 306 mm) ends outside the 240 × 300 mm page"),
    frame_case("frame-in-old-mm", FULL_BLEED, "photo: {kind: photo, x: -3, y: -3, w: 246, h: 306, fit: cover}",
               "full-bleed.frames.photo.x: frames are placed on the page grid: write col:, cols:, row:, rows:"),
    frame_case("bleed-edge", FULL_BLEED, "photo: {kind: photo, bleed: [top, left], fit: cover}",
               "'left' is not an edge; write all, or a list of top, bottom, inner, outer"),
    Case("grid-no-columns", replace("content/book.yaml", MARGINS, MARGINS + "\ngrid: {columns: 0}"), "content/book.yaml:11",
         "grid.columns: 0 must be more than 0"),
    Case("grid-negative-gutter", replace("content/book.yaml", MARGINS, MARGINS + "\ngrid: {gutter_mm: -5}"), "content/book.yaml:11",
         "grid.gutter_mm: -5 must be more than 0"),
    Case("grid-zero-margin", replace("content/book.yaml", MARGINS, "margins_mm: {top: 0, outer: 15, bottom: 25}"), "content/book.yaml:10",
         "margins_mm.top: 0 must be more than 0"),
    Case("grid-no-room", replace("content/book.yaml", MARGINS, "margins_mm: {inner: 100, outer: 100, bottom: 25}"), "content/book.yaml:10",
         "inner 100 + outer 100 mm and 11 gutters of 5 mm leave no room for 12 columns on a 240 mm page"),
    Case("trim-as-text", replace("content/book.yaml", "trim_mm: [240, 300]", "trim_mm: 200x250"), "content/book.yaml:8",
         "trim_mm: expected list, got str '200x250'; write it as a list: [200, 250]"),
    Case("trim-out-of-range", replace("content/book.yaml", "trim_mm: [240, 300]", "trim_mm: [240, 400]"), "content/book.yaml:8",
         "trim_mm: 240 × 400 mm is outside the 150–350 mm the layouts are made for"),
    Case("listed-photo", replace("layouts/layouts.yaml", "photo: {kind: photo, bleed: all, fit: cover}",
                                 "photo: {kind: photo, bleed: all, fit: cover, listed: true}"), "layouts/layouts.yaml:",
         "only a text frame's text can be listed in the contents"),
    Case("no-pages", no_pages, "content/chapters", "pages"),
    Case("po-syntax", replace("translations/en.po", 'msgstr "Chapter {number}"', 'msgstrr "Chapter {number}"'),
         "translations/en.po:21", "fix the entry", "en"),
    Case("po-duplicate-msgctxt", duplicate_msgctxt, "translations/en.po:", "msgctxt used twice", "en"),
    Case("po-utf16", utf16_po, "translations/en.po:1", "save it again as UTF-8", "en"),
    Case("po-placeholder", replace("translations/en.po", 'msgstr "Chapter {number}"', 'msgstr "Chapter {numero}"'), "translations/en.po:19",
         "placeholders differ", "en"),
]
CASES += [
    Case("artwork-missing", emblem("emblem.svg", None), f"{CHAPTER}:20: pages[0].slots.emblem",
         "artwork content/artwork/emblem.svg not found; add the file or correct the name"),
    Case("artwork-not-vector", emblem("emblem.png", PNG), f"{CHAPTER}:20: pages[0].slots.emblem",
         "content/artwork/emblem.png is not a vector file; give an SVG drawing"),
    Case("artwork-outside", emblem("../../layouts/layouts.yaml", None), f"{CHAPTER}:20: pages[0].slots.emblem",
         "artwork artwork/../../layouts/layouts.yaml is outside content/; move it into content/"),
    Case("artwork-rgb", emblem("emblem.svg", RGB_SVG), f"{CHAPTER}:20: pages[0].slots.emblem",
         "content/artwork/emblem.svg line 2: colour '#e4002b' is not a CMYK ink; write it as device-cmyk(c m y k)"),
]
CASES.append(Case("empty-chapter", write("content/chapters/02-trong.yaml", 'id: trong\ntitle: "Trống"\n'.encode()),
                  "content/chapters/02-trong.yaml:1", "has no pages"))

# Issue #29: sources that would take the machine's memory or stack, or slip a
# non-number past every range check.
ALIAS_BOMB = "lol0: &l0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"lol{k}: &l{k} [{', '.join([f'*l{k - 1}'] * 9)}]\n" for k in range(1, 9))
CASES += [
    Case("yaml-alias-bomb", replace(CHAPTER, "pages:\n", ALIAS_BOMB + "pages:\n"), f"{CHAPTER}:",
         "expand to more than 1,000,000 values"),
    Case("yaml-deep", replace(CHAPTER, "pages:\n", "deep: " + "[" * 5000 + "]" * 5000 + "\npages:\n"), f"{CHAPTER}:18",
         "nested more than 64 levels deep; flatten it"),
    Case("yaml-nan", replace("content/book.yaml", "ink_limit: 300", "ink_limit: .nan"), "content/book.yaml:13",
         "colour.ink_limit: .nan is not a finite number; give a number"),
    Case("yaml-inf", replace("content/book.yaml", "trim_mm: [240, 300]", "trim_mm: [240, .inf]"), "content/book.yaml:8",
         "trim_mm[1]: .inf is not a finite number"),
]


def tagged_photo(icc: Callable[[Path], bytes]) -> Callable[[Path], None]:
    """p002 as an RGB photo carrying the embedded profile ``icc(root)``."""
    def edit(root: Path) -> None:
        Image.new("RGB", (1500, 1000), (200, 30, 30)).save(root / "content/photos/p002.jpg", icc_profile=icc(root))
    return edit


def press_icc(root: Path) -> bytes:
    from book.caches import COLOUR
    return sorted(COLOUR.path(root).glob("FOGRA39-*.icc"))[0].read_bytes()


def press_file(make: Callable[[Path], bytes]) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        (root / "printer.icc").write_bytes(make(root))
        replace("content/book.yaml", "press_profile: FOGRA39", "press_profile: printer.icc")(root)
    return edit


def srgb_icc(root: Path) -> bytes:
    from PIL import ImageCms
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def not_a_font(root: Path) -> None:
    (root / "fonts" / "NotoSans-Regular.ttf").write_text("<html>404 Not Found</html>\n", encoding="utf-8")


# Issue #29: what the build refuses, `check` says too, at the file or the key.
CASES += [
    Case("photo-broken-icc", tagged_photo(lambda root: b"not a profile" * 40), "content/photos/p002.jpg", "cannot read the image ("),
    Case("photo-rgb-tagged-cmyk", tagged_photo(press_icc), "content/photos/p002.jpg", "cannot read the image ("),
    Case("press-profile-rgb", press_file(srgb_icc), "content/book.yaml:13",
         "colour.press_profile: printer.icc is a display (monitor) profile for RGB, not a CMYK press (output) profile"),
    Case("press-profile-cut", press_file(lambda root: press_icc(root)[:50000]), "content/book.yaml:13",
         "colour.press_profile: printer.icc is cut short or is not an ICC profile"),
    Case("press-profile-missing", replace("content/book.yaml", "press_profile: FOGRA39", "press_profile: printer.icc"),
         "content/book.yaml:13", "printer.icc not found; put the printer's ICC file there"),
    Case("not-a-font", not_a_font, "fonts/fonts.yaml:12", "is not a TrueType or OpenType font (.ttf, .otf, .ttc); replace the file"),
]
