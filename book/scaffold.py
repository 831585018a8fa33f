"""`book init DIR`: a new, buildable book project with the toolchain's default
layouts, styles and fonts, one chapter and two placeholder photos."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

from book.errors import ConfigError
from book.placeholder_photos import write_placeholder

DEFAULTS = Path(__file__).parent / "defaults"
# Each default file and where it goes in a project. The sample book's own files
# are their source: tools/sync_defaults.py copies them here, and a test fails
# when the two differ.
DEFAULT_FILES = {"layouts.yaml": "layouts/layouts.yaml", "styles.yaml": "layouts/styles.yaml", "fonts.yaml": "fonts/fonts.yaml"}

BOOK_YAML = """\
# The book: everything that is the same in all editions. See the README.
title: "{title}"
subtitle: "Sách ảnh"
slug: {slug}
source_language: vi
# Add a language here after `book i18n init <lang>` and translating it.
editions: [vi]
publisher: "Nhà xuất bản"
year: 2025
trim_mm: [240, 300]
bleed_mm: 3
margins_mm: {{outer: 15, bottom: 25}}   # where the folios sit: the layouts place everything else
binding: {{style: perfect, page_multiple: 4}}   # offset printing: {{style: perfect, signature: 16}}
paper: {{name: "Couché matt 157 g/m²", caliper_mm: 0.14}}
colour:
  press_profile: FOGRA39
  ink_limit: 300
  min_ppi: 300
labels:
  chapter: "Chương {{number}}"
  credit: "Ảnh: {{credit}}"
  page: "tr. {{page}}"
  pages: "tr. {{pages}}"
  positions: {{top: "trên", bottom: "dưới", left: "trái", right: "phải", top_left: "trên trái", top_right: "trên phải",
              bottom_left: "dưới trái", bottom_right: "dưới phải", centre: "giữa"}}
"""

CHAPTER_YAML = """\
id: chuong-1
title: "Chương thứ nhất"
texts:
  intro: "Lời dẫn của chương: vài câu giới thiệu những bức ảnh tiếp theo."
photos:
  - id: p001
    file: p001.jpg
    caption: "Chú thích ảnh mở chương."
    date: "2025-05-13"
    place: "Nơi chụp"
    credit: "Tên tác giả"
  - id: p002
    file: p002.jpg
    caption: "Chú thích ảnh: ảnh chụp gì, ở đâu, vì sao quan trọng."
    date: "2025"
    place: "Nơi chụp"
    credit: "Tên tác giả"
pages:
  - layout: chapter-opener
    slots: {photo: p001, title: title, intro: intro, caption: p001}
  - layout: photo-caption
    slots: {photo: p002, caption: p002}
"""


def slugify(name: str) -> str:
    """An ascii slug for a folder name.

    >>> slugify("Sách ảnh Đà Lạt")
    'sach-anh-da-lat'
    """
    ascii_name = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "book"


def scaffold(target: Path) -> list[Path]:
    if target.exists() and any(target.iterdir()):
        raise ConfigError(f"{target}: the folder is not empty; choose a new folder for the book")
    for folder in ("content/chapters", "content/photos", "layouts", "fonts", "translations"):
        (target / folder).mkdir(parents=True, exist_ok=True)
    (target / "content" / "book.yaml").write_text(BOOK_YAML.format(title=target.name, slug=slugify(target.name)), encoding="utf-8")
    (target / "content" / "chapters" / "01-chuong-1.yaml").write_text(CHAPTER_YAML, encoding="utf-8")
    for name, rel in DEFAULT_FILES.items():
        shutil.copy(DEFAULTS / name, target / rel)
    (target / ".gitignore").write_text("output/\n.cache/\n", encoding="utf-8")
    for seed, name in enumerate(("p001.jpg", "p002.jpg"), 1):
        write_placeholder(target / "content" / "photos" / name, (3600, 2400), seed)
    return sorted(p for p in target.rglob("*") if p.is_file())
