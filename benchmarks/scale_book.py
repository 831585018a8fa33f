"""Build a book at full size and print what it costs: a synthetic photo book of
camera-sized JPEGs in five languages, timed cold, unchanged, after a .po edit
and after a source edit, with the peak memory of a cold build and its workers
(in a run of its own: sampling costs CPU) and the image floor measured on the
same photos just before the cold build and just after the rebuilds that follow
it. Run from the repository root:

    .venv/bin/python benchmarks/scale_book.py [--photos 400] [--megapixels 24] [--jobs N] [--keep DIR]
    .venv/bin/python benchmarks/scale_book.py --quick        # a smoke run: 16 photos at 1 MP

The project is generated in a temporary folder (or DIR with --keep): the
repository's layouts, fonts and book settings; chapters paged with the sample
book's layouts; Vietnamese captions with complete en, zh, ko and ja catalogs,
made by `book i18n extract` and `book i18n init` and filled from the sample
book's reviewed translations. Each caption keeps the kind of frame it has in the
sample book, so every text fits in every language. The painted photos are
cached in .cache/bench-photos/ by size, so a second run does not repaint them.

Targets of issue 9 (printed, not asserted): cold build wall x cores <= 1.3 x
the image floor; a rebuild with no change <= 2 s; one .po edit <= 10 % of the
cold build; peak memory <= 1 GB.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import polib
import yaml
from PIL import Image, ImageCms

from book.placeholder_photos import paint, save
from book.sources import load_book

REPO = Path(__file__).resolve().parent.parent
BOOK = [sys.executable, "-m", "book"]
TARGETS = ("en", "zh", "ko", "ja")
PAINTER_VERSION = "2"  # bump when the painting changes, so cached photos are repainted
CAMERA_QUALITY = 92
PO_WRAP = 79  # book.catalog.WRAP: the width msgmerge uses, so saving does not rewrap
LOWEST_PPI = 72  # the lowest colour.min_ppi the book accepts
FLOOR_QUALITY = 90  # the JPEG quality the build encodes prepared photos at


class BenchError(Exception):
    """A step failed; the message is the line to print."""


# --- Photos -----------------------------------------------------------------

def photo_size(megapixels: float) -> tuple[int, int]:
    """A 3:2 camera frame of about ``megapixels``.

    >>> photo_size(24)
    (6000, 4000)
    """
    width = round(math.sqrt(megapixels * 1e6 * 1.5))
    return width, round(width / 1.5)


def photo_folder(cache: Path, megapixels: float) -> Path:
    return cache / f"{megapixels:g}mp-v{PAINTER_VERSION}"


def make_photo(task: tuple[int, tuple[int, int], Path]) -> Path:
    index, size, target = task
    image = paint(size, index)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Bench", "Synthetic 24"  # Make, Model
    exif[0x0132] = f"2024:{index % 12 + 1:02d}:{index % 28 + 1:02d} 10:{index % 60:02d}:00"  # DateTime
    return save(target, image, "srgb", quality=CAMERA_QUALITY, exif=exif)  # atomic: a stopped run leaves no half photo


def ensure_photos(count: int, megapixels: float, cache: Path, jobs: int) -> tuple[list[Path], int]:
    """The ``count`` photos at ``megapixels``, painted where the cache lacks them;
    (paths, how many were painted)."""
    folder = photo_folder(cache, megapixels)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"p{i:04d}.jpg" for i in range(1, count + 1)]
    size = photo_size(megapixels)
    missing = [(i, size, p) for i, p in enumerate(paths, 1) if not p.is_file()]
    if jobs <= 1 or len(missing) <= 1:
        for task in missing:
            make_photo(task)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(make_photo, missing, chunksize=1))
    return paths, len(missing)


def ensure_cover_photo(size: tuple[int, int], megapixels: float, cache: Path) -> Path:
    """The cover's photo, painted large enough for the cover spread (a camera
    frame is a little short of 300 ppi across back, spine and front)."""
    target = photo_folder(cache, megapixels) / f"cover-{size[0]}x{size[1]}.jpg"
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        make_photo((0, size, target))
    return target


# --- The sample book, as material ---------------------------------------------

@dataclass
class SamplePage:
    chapter: str  # the sample chapter it comes from
    layout: str
    slots: dict[str, str]
    photos: list[str]  # photo ids in its photo frames, in frame order


@dataclass
class Sample:
    layouts: dict
    chapters: list[dict]  # the sample's chapter files, in order
    photos: dict[str, dict]  # id -> record
    openers: list[SamplePage]
    body: list[SamplePage]  # every other page of the body chapters, in book order
    translations: dict[str, dict[str, str]]  # lang -> msgctxt -> msgstr
    placed: dict = field(default_factory=dict)  # the layouts as the book loads them: frames in mm on the sample's grid and trim

    def photo_frames(self, layout: str) -> list[str]:
        return [name for name, frame in self.layouts[layout]["frames"].items() if frame.get("kind") == "photo"]

    def opens_chapter(self, layout: str) -> bool:
        return any(f.get("kind") == "chapter-number" for f in self.layouts[layout]["frames"].values())

    def is_opener(self, chapter: dict) -> bool:
        """A chapter of the body: one with a numbered opener (front and back matter have none)."""
        return any(self.opens_chapter(p["layout"]) for p in chapter.get("pages") or [])


def read_sample(repo: Path) -> Sample:
    layouts = yaml.safe_load((repo / "layouts" / "layouts.yaml").read_text(encoding="utf-8"))
    chapters = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((repo / "content" / "chapters").glob("*.yaml"))]
    sample = Sample(layouts, chapters, {}, [], [], {}, load_book(repo, check_files=False)[0].layouts)
    for chapter in chapters:
        for photo in chapter.get("photos") or []:
            sample.photos[photo["id"]] = photo
        if not sample.is_opener(chapter):
            continue
        for spec in chapter["pages"]:
            page = SamplePage(chapter["id"], spec["layout"], dict(spec.get("slots") or {}),
                              [spec["slots"][name] for name in sample.photo_frames(spec["layout"])])
            (sample.openers if sample.opens_chapter(spec["layout"]) else sample.body).append(page)
    for lang in TARGETS:
        po = polib.pofile(str(repo / "translations" / f"{lang}.po"))
        sample.translations[lang] = {e.msgctxt: e.msgstr for e in po if e.msgstr and not e.obsolete and "fuzzy" not in e.flags}
    return sample


# --- The synthetic book -------------------------------------------------------

@dataclass
class Generated:
    root: Path
    photos: int
    chapters: int
    pages: int  # before padding to the binding
    min_ppi: int
    sources: dict[str, str] = field(default_factory=dict)  # msgctxt -> the sample's msgctxt
    chapter_files: dict[str, Path] = field(default_factory=dict)  # photo id -> its chapter file


class Sides:
    """Counts pages the way the paginator does, to keep spreads on left-hand pages."""

    def __init__(self, layouts: dict):
        self.layouts, self.count = layouts, 0

    def next_is_left(self) -> bool:
        return (self.count + 1) % 2 == 0

    def add(self, layout: str) -> None:
        spec = self.layouts[layout]
        if spec.get("side") == "recto" and self.next_is_left() or spec.get("side") == "verso" and not self.next_is_left():
            self.count += 1  # the blank page the paginator puts before it
        self.count += 2 if spec.get("spread") else 1


def chapter_sizes(photos: int, per_chapter: int) -> list[int]:
    """Photos per chapter, as even as possible.

    >>> chapter_sizes(399, 40)
    [40, 40, 40, 40, 40, 40, 40, 40, 40, 39]
    >>> chapter_sizes(11, 40)
    [11]
    """
    count = max(1, round(photos / per_chapter))
    return [photos // count + (1 if i < photos % count else 0) for i in range(count)]


def worst_ppi(layouts: dict, size: tuple[int, int]) -> float:
    """The lowest resolution a photo of ``size`` pixels reaches in any photo frame
    (``layouts`` as the book loads them, frames in mm)."""
    worst = math.inf
    for layout in layouts.values():
        for frame in layout.frames.values():
            if frame.kind == "photo":
                across, down = size[0] / frame.w, size[1] / frame.h
                per_mm = min(across, down) if frame.fit == "cover" else max(across, down)
                worst = min(worst, per_mm * 25.4)
    return worst


def cover_size(settings: dict, pages: int, ppi: int) -> tuple[int, int]:
    """Pixels for a cover photo at ``ppi`` across the cover spread of a book of
    ``pages`` pages (3:2, cropped to the spread), with room for the book to grow
    by a tenth before the spine outgrows it.

    >>> cover_size({"trim_mm": [240, 300], "bleed_mm": 3, "paper": {"caliper_mm": 0.14}}, 68, 300)
    (5803, 3869)
    """
    trim_w, trim_h = settings["trim_mm"]
    bleed = settings.get("bleed_mm", 3)
    caliper = (settings.get("paper") or {}).get("caliper_mm", 0.1)
    binding = settings.get("binding") or {}
    multiple = binding.get("signature") or binding.get("page_multiple", 4)  # a signature decides when given
    padded = math.ceil(pages * 1.1 / multiple) * multiple
    cover = settings.get("cover") or {}
    case = binding.get("style") == "case"
    spine = math.ceil(padded / 2) * caliper + (2 * (cover.get("board_mm", 2.5) or 0) if case else 0)
    if case:  # boards larger than the pages by the squares, joints beside the spine, the wrap round them
        square, joint, edge = cover.get("square_mm", 3), cover.get("hinge_mm", 8), cover.get("wrap_mm", 15)
        trim_w, trim_h, spine, bleed = trim_w + square, trim_h + 2 * square, spine + 2 * joint, edge
    wide, high = (2 * trim_w + spine + 2 * bleed) / 25.4 * ppi, (trim_h + 2 * bleed) / 25.4 * ppi
    width = math.ceil(max(wide, high * 1.5))
    return width, math.ceil(width / 1.5)


def set_cover_photo(settings: str, old: str, new: str) -> str:
    """book.yaml's text with cover.photo naming ``new``, the rest as it was."""
    lines = settings.splitlines(keepends=True)
    inside = False
    for index, text in enumerate(lines):
        if re.match(r"\S", text):
            inside = text.startswith("cover:")
        elif inside and re.match(rf"\s+photo:\s*['\"]?{re.escape(old)}\b", text):
            lines[index] = text.replace(old, new, 1)
            return "".join(lines)
    raise BenchError(f"content/book.yaml: cover.photo {old} not found")


def write_yaml(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


@dataclass
class Plan:
    """The synthetic book's chapter files, before anything is written."""

    chapters: list[dict]
    sources: dict[str, str]  # msgctxt -> the sample's msgctxt it takes its translations from
    body_chapters: int
    pages: int  # as the paginator will count them, before padding to the binding
    first_opener: str = ""  # the photo that opens the first chapter


def plan_book(sample: Sample, photos: int, per_chapter: int) -> Plan:
    """Front matter, ``photos`` photos in chapters of about ``per_chapter``, back
    matter. The body repeats the sample book's pages in order with new photos;
    each caption stays in the kind of frame it has there, so it fits in every
    language. A chapter ends with a page that holds exactly its last photos. A
    spread that would open on a right-hand page gets a one-photo page before it,
    or, as a chapter's last photo, becomes a full-bleed page (the same photo and
    caption frames on one page)."""
    first_body = next(i for i, c in enumerate(sample.chapters) if sample.is_opener(c))
    front = sample.chapters[:first_body]
    back = [c for c in sample.chapters[first_body:] if not sample.is_opener(c)]
    fixed = sum(len(c.get("photos") or []) for c in front + back)
    if photos < fixed + 1:
        raise BenchError(f"--photos {photos}: the book needs at least {fixed + 1} (front and back matter hold {fixed})")
    plan = Plan([], {}, 0, 0)
    sides = Sides(sample.layouts)
    numbers = iter(range(1, photos + 1))

    def renumber(old: str, chapter_photos: list[dict]) -> str:
        """The sample's photo ``old`` as the book's next photo, its texts from the sample's."""
        pid = f"p{next(numbers):04d}"
        record = {k: v for k, v in sample.photos[old].items() if k not in ("id", "file")}
        chapter_photos.append({"id": pid, "file": f"{pid}.jpg", **record})
        for key in ("caption", "alt", "place", "credit"):
            plan.sources[f"photo:{pid}:{key}"] = f"photo:{old}:{key}"
        return pid

    def place(page: SamplePage, chapter_photos: list[dict], layout: str | None = None) -> dict:
        ids = {old: renumber(old, chapter_photos) for old in page.photos}
        layout = layout or page.layout
        sides.add(layout)
        return {"layout": layout, "slots": {k: ids.get(v, v) for k, v in page.slots.items()}}

    def add_chapter(cid: str, source: dict, chapter_photos: list[dict], pages: list[dict]) -> None:
        texts = dict(source.get("texts") or {})
        for key in list(texts) + (["title"] if source.get("title") else []):
            plan.sources[f"chapter:{cid}:{key}"] = f"chapter:{source['id']}:{key}"
        title = {"title": source["title"]} if source.get("title") else {}
        plan.chapters.append({"id": cid, **title, "texts": texts, "photos": chapter_photos, "pages": pages})

    def copy_chapter(source: dict) -> None:
        """A front or back matter chapter as it is, with its photos renumbered:
        those on its pages, then any on none (the cover's own photo)."""
        chapter_photos: list[dict] = []
        copied = [SamplePage(source["id"], spec["layout"], dict(spec.get("slots") or {}),
                             [spec["slots"][n] for n in sample.photo_frames(spec["layout"])]) for spec in source.get("pages") or []]
        pages = [place(page, chapter_photos) for page in copied]
        on_pages = {old for page in copied for old in page.photos}
        for photo in source.get("photos") or []:
            if photo["id"] not in on_pages:
                renumber(photo["id"], chapter_photos)
        add_chapter(source["id"], source, chapter_photos, pages)

    for source in front:
        copy_chapter(source)
    body_cursor = 0
    fillers = {n: [p for p in sample.body if len(p.photos) == n and not sample.layouts[p.layout].get("spread")] for n in (1, 2, 3)}
    filler_cursor = dict.fromkeys(fillers, 0)
    for number, count in enumerate(chapter_sizes(photos - fixed, per_chapter), 1):
        opener = sample.openers[(number - 1) % len(sample.openers)]
        source = next(c for c in sample.chapters if c["id"] == opener.chapter)
        chapter_photos: list[dict] = []
        pages = [place(opener, chapter_photos)]
        plan.first_opener = plan.first_opener or chapter_photos[0]["id"]
        left = count - 1

        def filler(count: int) -> SamplePage:
            filler_cursor[count] += 1
            return fillers[count][(filler_cursor[count] - 1) % len(fillers[count])]

        while left > 0:
            page = sample.body[body_cursor % len(sample.body)]
            body_cursor += 1
            if len(page.photos) > left:
                page = filler(left)
            layout = None
            if sample.layouts[page.layout].get("spread") and not sides.next_is_left():
                if left >= 2:  # one more page first, so the spread opens on a left-hand page
                    pages.append(place(filler(1), chapter_photos))
                    left -= 1
                else:
                    layout = "full-bleed"
            pages.append(place(page, chapter_photos, layout))
            left -= len(page.photos)
        add_chapter(f"{source['id']}-{number}", source, chapter_photos, pages)
        plan.body_chapters += 1
    for source in back:
        copy_chapter(source)
    assert next(numbers, None) is None, "every photo is placed once"
    plan.pages = sides.count
    return plan


@dataclass
class Settings:
    text: str  # content/book.yaml
    min_ppi: int
    cover_photo: str | None  # its id
    cover_pixels: tuple[int, int]


def book_settings(repo: Path, sample: Sample, plan: Plan, megapixels: float) -> Settings:
    """The sample's book.yaml with the resolution bar the photos can meet and a
    cover photo of this book."""
    text = (repo / "content" / "book.yaml").read_text(encoding="utf-8")
    worst = worst_ppi(sample.placed, photo_size(megapixels))
    if worst < LOWEST_PPI / 2:
        raise BenchError(f"--megapixels {megapixels:g}: photos would reach only {worst:.0f} ppi in a full-page frame; "
                         "the build refuses photos under half the lowest minimum (72 ppi); use 0.5 MP or more")
    book_ppi = int(re.search(r"min_ppi:\s*(\d+)", text)[1])
    min_ppi = min(book_ppi, max(LOWEST_PPI, math.floor(worst)))
    # Small test photos would fail the print build's resolution check; the
    # image work is the same (photos are never upscaled), so the bar is lowered.
    text = re.sub(r"min_ppi:\s*\d+", f"min_ppi: {min_ppi}", text)
    settings = Settings(text, min_ppi, None, (0, 0))
    cover = yaml.safe_load(text).get("cover") or {}
    if cover.get("photo"):
        # The photo that stands for the sample's cover photo, or the first chapter's opener.
        settings.cover_photo = next((ctx.split(":")[1] for ctx, source in plan.sources.items()
                                     if source == f"photo:{cover['photo']}:caption"), plan.first_opener)
        settings.text = set_cover_photo(text, cover["photo"], settings.cover_photo)
        settings.cover_pixels = cover_size(yaml.safe_load(settings.text), plan.pages, min_ppi)
    return settings


def generate(root: Path, photos: int, megapixels: float, photo_cache: Path, jobs: int = 1,
             per_chapter: int = 40, repo: Path = REPO) -> Generated:
    """Write a buildable project of ``photos`` photos into ``root`` (new or empty),
    with complete catalogs."""
    sample = read_sample(repo)
    plan = plan_book(sample, photos, per_chapter)
    settings = book_settings(repo, sample, plan, megapixels)
    files, _ = ensure_photos(photos, megapixels, photo_cache, jobs)
    if settings.cover_photo:
        files[int(settings.cover_photo[1:]) - 1] = ensure_cover_photo(settings.cover_pixels, megapixels, photo_cache)

    for name in ("layouts", "fonts", "content/artwork"):  # the artwork: the sample's emblem, which its pages name
        shutil.copytree(repo / name, root / name)
    for folder in ("translations", "content/chapters", "content/photos"):
        (root / folder).mkdir(parents=True)
    if (repo / "translations" / "glossary.csv").is_file():
        shutil.copy(repo / "translations" / "glossary.csv", root / "translations" / "glossary.csv")
    (root / "content" / "book.yaml").write_text(settings.text, encoding="utf-8")
    for index, source in enumerate(files, 1):
        target = root / "content" / "photos" / f"p{index:04d}.jpg"
        try:
            os.link(source, target)  # the cache and the project share one disk, usually
        except OSError:
            shutil.copyfile(source, target)
    generated = Generated(root, photos, plan.body_chapters, plan.pages, settings.min_ppi, plan.sources)
    width = max(2, len(str(len(plan.chapters))))
    for index, chapter in enumerate(plan.chapters):
        path = root / "content" / "chapters" / f"{index:0{width}d}-{chapter['id']}.yaml"
        write_yaml(path, chapter)
        for photo in chapter["photos"]:
            generated.chapter_files[photo["id"]] = path
    write_catalogs(generated, sample)
    return generated


def book_command(root: Path, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(BOOK + ["--project", str(root), *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchError(f"book {' '.join(args)} failed (exit {result.returncode}):\n{tail(result.stderr)}")
    return result


def write_catalogs(generated: Generated, sample: Sample) -> None:
    """The translators' workflow: the template from the sources, a new catalog per
    language, every entry translated (from the sample book's catalogs)."""
    root = generated.root
    book_command(root, "i18n", "extract")
    for lang in TARGETS:
        book_command(root, "i18n", "init", lang)
        path = root / "translations" / f"{lang}.po"
        po = polib.pofile(str(path), wrapwidth=PO_WRAP)
        for entry in po:
            source = generated.sources.get(entry.msgctxt, entry.msgctxt)
            text = sample.translations[lang].get(source)
            if text is None:
                raise BenchError(f"translations/{lang}.po: the sample book has no translation of {source} for {entry.msgctxt}")
            entry.msgstr = text
        po.save(str(path))
    # As after any translator's session: gettext's own layout and a current header.
    book_command(root, "i18n", "update")


# --- Edits ----------------------------------------------------------------------

def from_start(pid: str, start: int) -> tuple[bool, int]:
    """Sort key: photos from number ``start`` on first, then the earlier ones."""
    number = int(pid[1:])
    return number < start, number


def edit_translation(root: Path, lang: str, start: int) -> str:
    """A translator's one-character fix in one caption (a comma for a
    Japanese enumeration comma), in the first caption from photo ``start`` on
    that has one. Returns the entry's msgctxt."""
    path = root / "translations" / f"{lang}.po"
    po = polib.pofile(str(path), wrapwidth=PO_WRAP)
    marks = {"ja": ("、", "，"), "zh": ("，", "、"), "ko": (", ", "; "), "en": (", ", "; ")}[lang]
    captions = sorted((e for e in po if e.msgctxt and e.msgctxt.startswith("photo:") and e.msgctxt.endswith(":caption")),
                      key=lambda e: from_start(e.msgctxt.split(":")[1], start))
    entry = next((e for e in captions if marks[0] in e.msgstr), None)
    if entry is None:
        raise BenchError(f"translations/{lang}.po: no caption with '{marks[0]}' to edit")
    entry.msgstr = entry.msgstr.replace(*marks, 1)
    po.save(str(path))
    return entry.msgctxt


def edit_source_caption(generated: Generated, start: int) -> str:
    """An editor's one-character fix in one Vietnamese caption, then the
    catalogs brought up to date the usual way (extract, update) and the
    translators' review: each edited entry confirmed, so all stay translated.
    Returns the photo id."""
    root = generated.root
    for pid, path in sorted(generated.chapter_files.items(), key=lambda item: from_start(item[0], start)):
        chapter = yaml.safe_load(path.read_text(encoding="utf-8"))
        photo = next(p for p in chapter["photos"] if p["id"] == pid)
        if ", " in photo["caption"]:
            photo["caption"] = photo["caption"].replace(", ", "; ", 1)
            write_yaml(path, chapter)
            break
    else:
        raise BenchError("no Vietnamese caption with a comma to edit")
    ctx = f"photo:{pid}:caption"
    kept = {lang: next(e.msgstr for e in polib.pofile(str(root / "translations" / f"{lang}.po")) if e.msgctxt == ctx)
            for lang in TARGETS}
    book_command(root, "i18n", "extract")
    book_command(root, "i18n", "update")
    for lang in TARGETS:
        path = root / "translations" / f"{lang}.po"
        po = polib.pofile(str(path), wrapwidth=PO_WRAP)
        entry = next(e for e in po if e.msgctxt == ctx and not e.obsolete)
        # The translator checks the fuzzy entry: a comma changed, the translation stands.
        entry.msgstr = kept[lang]
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgctxt = entry.previous_msgid = None
        po.save(str(path))
    return pid


# --- Measuring ------------------------------------------------------------------

def tree_memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in bytes of ``pid`` and all its descendants (the build's
    workers). RSS counts pages a worker shares with its parent once per process;
    PSS splits them among the sharers, so it is what the machine really holds."""
    rss = pss = 0
    stack, seen = [pid], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            with open(f"/proc/{current}/smaps_rollup") as f:
                for row in f:
                    if row.startswith(("Rss:", "Pss:")):
                        kib = int(row.split()[1]) * 1024
                        rss, pss = (rss + kib, pss) if row.startswith("Rss:") else (rss, pss + kib)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    stack.extend(int(child) for child in f.read().split())
        except (OSError, ValueError):
            continue  # it ended between two reads
    return rss, pss


class PeakMemory(threading.Thread):
    """Samples the process tree's memory every 0.1 s until stopped."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.rss, self.pss, self.done = pid, 0, 0, threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            rss, pss = tree_memory(self.pid)
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self.done.wait(0.1)


@dataclass
class Run:
    seconds: float
    cpu: float  # user + system seconds of the build and its workers
    rss_mb: float  # peaks of the whole process tree, when sampled
    pss_mb: float
    stdout: str

    @property
    def peak(self) -> str:
        return f"CPU {self.cpu:.1f} s" + (f"; peak {self.rss_mb:.0f} MB RSS, {self.pss_mb:.0f} MB PSS" if self.pss_mb else "")


def tail(text: str, lines: int = 12) -> str:
    return "\n".join("    " + line for line in text.strip().splitlines()[-lines:])


def timed_build(root: Path, what: str, jobs: int | None, sample: bool = False) -> Run:
    """``book build`` (five editions, print) as a user runs it; with
    ``sample``, the peak memory of its process tree too. Reading a process's
    PSS walks its page tables: sampling ten times a second costs the build
    about a sixth of a core (measured: 30 CPU seconds of 190 at 400 × 24 MP),
    so the timed builds are not sampled and the memory has its own run."""
    command = BOOK + ["--project", str(root), "build"] + (["--jobs", str(jobs)] if jobs else [])
    # What the step before wrote (the generated photos, the last build's PDFs: gigabytes) is
    # flushed first, so that this build is not timed writing it back, only its own.
    os.sync()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, text=True)
        watcher = PeakMemory(process.pid)
        if sample:
            watcher.start()
        # wait4 also gives the CPU time of the workers the build has reaped.
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = code = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        watcher.done.set()
        if sample:
            watcher.join()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if code != 0:
        raise BenchError(f"{what} failed (exit {code}) after {seconds:.1f} s; the build said:\n{tail(stderr)}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, watcher.rss / 2**20, watcher.pss / 2**20, stdout)


def pdf_states(root: Path) -> dict[Path, tuple[int, int, int]]:
    return {p: (s.st_mtime_ns, s.st_ino, s.st_size) for p in (root / "output").rglob("*.pdf") for s in [p.stat()]}


def rewritten(before: dict, after: dict) -> str:
    changed = sum(1 for p, state in after.items() if before.get(p) != state)
    return f"{changed} of {len(after)} PDFs rewritten"


def image_floor(root: Path) -> tuple[float, float, int]:
    """One core doing only the photo work the print build cannot avoid: each
    placed photo decoded at reduced scale, resampled to its frame at 300 ppi,
    converted to the press profile and encoded once. (CPU seconds, wall
    seconds, photos): on a shared machine the CPU time is the floor."""
    # The build's own list of placements (every photo frame, and the cover),
    # so the floor does the same photos at the same sizes.
    from book.caches import COLOUR
    from book.errors import Problems
    from book.images.placed import cover_job, image_jobs
    from book.images.press import press_profile
    from book.images.process import placed_size
    from book.outputs import OUTPUTS
    from book.pages.paginate import paginate
    from book.pages.spine import plan_cover
    from book.sources import load_book

    problems = Problems()
    book, _ = load_book(root, problems=problems)
    pagination = paginate(book, problems)
    output, cache = OUTPUTS["print"], root / ".cache" / "images"  # the jobs' cache is not used here
    icc = press_profile(root, book.press_profile, book.ink_limit, COLOUR.path(root))
    press = ImageCms.ImageCmsProfile(str(icc))
    jobs = image_jobs(book, pagination, output, icc, cache)
    geometry = plan_cover(book, len(pagination.pages), problems)
    cover = cover_job(book, geometry.media, output, icc, cache) if geometry else None
    jobs += [cover] if cover else []
    transforms: dict[bytes, ImageCms.ImageCmsTransform] = {}
    start, cpu = time.perf_counter(), time.process_time()
    for job in jobs:
        with Image.open(job.source) as image:
            full = image.size
            box, _, want = placed_size(full, job)  # the build's own geometry: the same part at the same size
            crop_w, crop_h = box[2] - box[0], box[3] - box[1]
            if crop_w > want[0]:
                image.draft("RGB", (math.ceil(want[0] * full[0] / crop_w), math.ceil(want[1] * full[1] / crop_h)))
            k = image.size[0] / full[0]
            picture = image.crop(tuple(round(v * k) for v in box))
            if picture.size[0] > want[0]:
                picture = picture.resize(want, Image.Resampling.LANCZOS)
            source = image.info.get("icc_profile") or b""
            if source not in transforms:
                transforms[source] = ImageCms.buildTransform(
                    ImageCms.ImageCmsProfile(io.BytesIO(source)) if source else ImageCms.createProfile("sRGB"),
                    press, "RGB", "CMYK", renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
                    flags=ImageCms.Flags.BLACKPOINTCOMPENSATION)
            picture = ImageCms.applyTransform(picture.convert("RGB"), transforms[source])
            picture.save(io.BytesIO(), "JPEG", quality=FLOOR_QUALITY)
    return time.process_time() - cpu, time.perf_counter() - start, len(jobs)


# --- The run --------------------------------------------------------------------

def make_cold(root: Path) -> None:
    """No prepared photos, no converted fonts, no outputs (the press profile is made once per machine)."""
    for cache in (root / ".cache").iterdir() if (root / ".cache").is_dir() else ():
        if cache.name != "colour":
            shutil.rmtree(cache) if cache.is_dir() else cache.unlink()
    shutil.rmtree(root / "output", ignore_errors=True)


def line(name: str, figure: str, note: str = "") -> None:
    print(f"{name:<46} {figure:>12}  {note}".rstrip(), flush=True)


def bench(root: Path, args: argparse.Namespace) -> None:
    cores = args.jobs or os.cpu_count() or 1
    load = os.getloadavg()[0]
    start = time.perf_counter()
    photo_cache = REPO / ".cache" / "bench-photos"
    _, painted = ensure_photos(args.photos, args.megapixels, photo_cache, cores)
    painting = time.perf_counter() - start
    generated = generate(root, args.photos, args.megapixels, photo_cache, cores, args.chapter_photos)
    files = sorted((root / "content" / "photos").glob("*.jpg"))
    average = sum(p.stat().st_size for p in files) / len(files) / 1e6
    width, height = photo_size(args.megapixels)
    print(f"synthetic book: {args.photos} photos of {width}×{height} ({average:.1f} MB JPEGs), {generated.chapters} "
          f"chapter{'s' if generated.chapters > 1 else ''}, {generated.pages} pages, 5 editions, {cores} cores; in {root}")
    print(f"photos: {painted} painted, {args.photos - painted} from {photo_folder(photo_cache, args.megapixels).relative_to(REPO)}; "
          f"project made in {time.perf_counter() - start:.0f} s (painting {painting:.0f} s)")
    if generated.min_ppi < 300:
        print(f"note: min_ppi lowered to {generated.min_ppi} for {args.megapixels:g} MP photos (photos are never upscaled)")

    # The floor is measured just before the cold build and just after the
    # rebuilds that follow it (half a minute), and the build compared with
    # their mean: a shared machine's speed drifts by 10 % or more over
    # minutes, and a floor taken ten minutes later would compare the build
    # with another machine. The rebuilds follow the cold build as a user's do:
    # the floor's pass over the sources in between would push the prepared
    # photos out of a small page cache (seen: 3 GB on a 24 GB machine), and
    # a .po edit would be timed reading an edition's photos back from disk.
    before = image_floor(root)
    make_cold(root)
    cold = timed_build(root, "cold build", args.jobs)
    interiors = sorted(p.stat().st_size for p in (root / "output").rglob("*-interior.pdf"))
    covers = len(list((root / "output").rglob("*-cover.pdf")))
    manifest = json.loads((root / "output" / "manifest.json").read_text(encoding="utf-8"))
    counts = sorted({f["pages"] for f in manifest["files"] if f.get("part") == "interior"})
    line("build, 5 editions, print, cold", f"{cold.seconds:.1f} s",
         f"{cold.peak}; {len(interiors)} interiors of {'/'.join(map(str, counts))} pages, "
         f"{interiors[0] / 1e6:.0f}–{interiors[-1] / 1e6:.0f} MB each, {covers} covers")

    def rebuild(name: str, what: str, note: str) -> Run:
        before = pdf_states(root)
        run = timed_build(root, what, args.jobs)
        line(name, f"{run.seconds:.1f} s", f"{100 * run.seconds / cold.seconds:.0f} % of cold{note}; {run.peak}; "
             f"{rewritten(before, pdf_states(root))}")
        return run

    rebuild("rebuild, no change", "rebuild with no change", " (target ≤ 2 s)")
    middle = args.photos // 2
    ctx = edit_translation(root, "ja", middle)
    rebuild("rebuild, one caption edited in ja.po", "rebuild after a .po edit", f" (target ≤ 10 %; {ctx})")
    pid = edit_source_caption(generated, middle)
    rebuild("rebuild, one Vietnamese caption edited", "rebuild after a source caption edit", f" (photo {pid}, catalogs updated)")
    after = image_floor(root)
    make_cold(root)
    sampled = timed_build(root, "cold build, memory sampled", args.jobs, sample=True)
    line("peak memory, cold build and its workers", f"{sampled.pss_mb:.0f} MB",
         f"PSS summed over the process tree every 0.1 s, in a cold build of its own ({sampled.seconds:.1f} s sampled); "
         f"{sampled.rss_mb:.0f} MB RSS (target ≤ 1024 MB)")

    floor, count = (before[0] + after[0]) / 2, before[2]
    line("image floor, 1 core", f"{floor:.1f} s",
         f"CPU, the mean of {before[0]:.1f} s just before the cold build and {after[0]:.1f} s after its rebuilds "
         f"({before[1]:.1f} and {after[1]:.1f} s wall); {count} placements (photo frames and the cover), "
         f"{floor / count:.2f} s each: draft decode, resample to 300 ppi, press CMYK, JPEG q90")
    line("cold build: wall × cores / floor", f"{cold.seconds * cores / floor:.2f} ×",
         f"{cold.seconds:.1f} s × {cores} / {floor:.1f} s (target ≤ 1.3)")
    line("cold build: CPU / floor", f"{cold.cpu / floor:.2f} ×",
         f"{cold.cpu:.1f} s / {floor:.1f} s: the machine's other work left out (wall × cores is at least this)")
    print(f"load average {os.getloadavg()[0]:.1f} at the end, {load:.1f} at the start: other work on the machine lengthens the wall times")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=400, help="photos in the book (default 400)")
    parser.add_argument("--megapixels", type=float, default=24.0, help="size of each camera JPEG (default 24)")
    parser.add_argument("--jobs", type=int, default=None, help="workers for the build and the painting (default: all cores)")
    parser.add_argument("--chapter-photos", type=int, default=40, help="photos per chapter, about (default 40)")
    parser.add_argument("--keep", type=Path, default=None, help="make the project in DIR (new or empty) and leave it there")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 16 photos at 1 MP")
    args = parser.parse_args()
    if args.quick:
        args.photos, args.megapixels = 16, 1.0
    if args.photos < 1 or args.megapixels <= 0 or args.chapter_photos < 2 or (args.jobs is not None and args.jobs < 1):
        parser.error("--photos, --megapixels, --jobs must be positive and --chapter-photos at least 2")
    try:
        if args.keep:
            root = args.keep.resolve()
            if root.exists() and any(root.iterdir()):
                raise BenchError(f"--keep {args.keep}: the folder is not empty; give a new or empty one")
            bench(root, args)
        else:
            with tempfile.TemporaryDirectory(prefix="scale-book-") as work:
                bench(Path(work) / "book", args)
    except BenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if not args.keep:
            print("(run with --keep DIR to look at the generated project)", file=sys.stderr)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
