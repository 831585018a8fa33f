"""`book preview`: PNG thumbnails of every page of the built editions, drawn by
poppler's pdftoppm from the PDFs the manifest lists, after checking that the
build is there and not older than its sources."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from book.digests import Digests
from book.errors import Problems, Where
from book.files import atomic_path
from book.model import Book
from book.pdf.commit import read_manifest
from book.sources.inputs import inputs_digest

PREVIEW_DPI = 36  # a 240 mm page is about 340 px wide
PNG_LEVEL = 3  # zlib level: a fast compression; previews are thrown away often


@dataclass(frozen=True)
class Built:
    lang: str
    profile: str
    pdf: Path
    pages: int


def build_command(lang: str, profile: str) -> str:
    return f"book build --lang {lang} --profile {profile}"


def find_builds(book: Book, langs: list[str], profile: str | None, out: Problems) -> list[Built]:
    """The built PDF of each edition, newest first when no profile is named;
    a missing, changed or stale build is reported with the command that makes it."""
    root = book.root
    for lang in langs:
        if lang not in book.editions:
            out.error("not-an-edition", Where("content/book.yaml"),
                      f"--lang {lang}: not an edition of this book; it lists {', '.join(book.editions)}")
    if out.errors:
        return []
    files = read_manifest(root).get("files")
    files = files if isinstance(files, list) else []
    found = []
    digests = Digests(root)  # a full-size book's photos and PDFs are gigabytes: read once, not at every preview
    for lang in langs:
        entries = [f for f in files if isinstance(f, dict) and f.get("lang") == lang and f.get("part") in ("interior", "proof")
                   and (profile is None or f.get("profile") == profile) and (root / f.get("path", "")).is_file()]
        if not entries:
            what = f"{profile} edition" if profile else "edition"
            out.error("no-build", Where(None, lang=lang), f"{lang}: no built {what} to preview; run '{build_command(lang, profile or 'proof')}' first")
            continue
        entry = max(entries, key=lambda f: (root / f["path"]).stat().st_mtime_ns)
        pdf = root / entry["path"]
        rerun = build_command(lang, entry["profile"])
        if entry.get("sources") != inputs_digest(root, lang, digests.get) or digests.get(pdf) != entry.get("sha256"):
            out.error("stale-build", Where(entry["path"], lang=lang), f"older than its sources (they changed since it was built); run '{rerun}'")
            continue
        found.append(Built(lang, entry["profile"], pdf, int(entry.get("pages", 0))))
    digests.save()
    return found


def renderer(out: Problems) -> str | None:
    found = shutil.which("pdftoppm")
    if found is None:
        out.error("no-renderer", None, "pdftoppm not found: book preview renders pages with poppler; install the Debian package poppler-utils")
    return found


def render_pages(pdftoppm: str, built: Built, trim_mm: tuple[float, float], bleed_mm: float, target: Path) -> list[Path]:
    """Every page as ``page-NNN.png`` in ``target``, cut to the trim. Two
    pdftoppm processes share the pages (one per core of a small machine)."""
    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("page-*.png"):
        old.unlink()
    pages = built.pages
    halves = [(1, (pages + 1) // 2), ((pages + 1) // 2 + 1, pages)] if pages > 1 else [(1, max(pages, 1))]
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".preview-") as work:
        def run(span: tuple[int, int]) -> None:
            first, last = span
            # Plain PPM: poppler's own PNG encoding would only be decoded again here.
            command = [pdftoppm, "-r", str(PREVIEW_DPI), "-f", str(first), "-l", str(last), str(built.pdf), str(Path(work) / "p")]
            subprocess.run(command, check=True, capture_output=True)

        with ThreadPoolExecutor(max_workers=len(halves)) as pool:
            list(pool.map(run, [h for h in halves if h[0] <= h[1]]))
        out = []
        for index, rendered in enumerate(sorted(Path(work).glob("p-*.ppm"), key=page_number), 1):
            with Image.open(rendered) as image:
                sx, sy = image.width / (trim_mm[0] + 2 * bleed_mm), image.height / (trim_mm[1] + 2 * bleed_mm)  # px per mm
                trim = (round(bleed_mm * sx), round(bleed_mm * sy), round((bleed_mm + trim_mm[0]) * sx), round((bleed_mm + trim_mm[1]) * sy))
                page = image.convert("RGB").crop(trim)
            path = target / f"page-{index:03d}.png"
            with atomic_path(path, durable=False) as tmp:
                page.save(tmp, "PNG", compress_level=PNG_LEVEL)
            out.append(path)
    return out


def page_number(path: Path) -> int:
    """pdftoppm's page number from its file name.

    >>> page_number(Path("p-07.ppm"))
    7
    """
    return int(path.stem.rsplit("-", 1)[1])


@dataclass(frozen=True)
class Previews:
    pages: dict[str, int]  # edition -> page thumbnails written
    sheets: list[Path]  # the contact sheets, then the compare sheets


def make_previews(root: Path, langs: list[str] | None, compare: bool, profile: str | None) -> Previews:
    from book.review.contact import compare_sheets, contact_sheet
    from book.sources import load_book

    book, _ = load_book(root, check_files=False)
    problems = Problems()
    pdftoppm = renderer(problems)
    wanted = list(book.editions) if compare else (langs or list(book.editions))
    if compare and langs:
        wanted = [lang for lang in langs if lang not in book.editions] + wanted
    builds = find_builds(book, wanted, profile, problems)
    problems.stop_if_errors("found; no preview was made")
    font = book.fonts.faces[book.fonts.languages[book.source_language]["sans"][0]].path
    folder = root / "output" / "preview"
    rendered, sheets = {}, []
    for built in builds:
        pages = render_pages(pdftoppm, built, book.trim, book.bleed, folder / built.lang)
        rendered[built.lang] = pages
        title = f"{book.slug} · {built.lang} · {built.profile} · {len(pages)} pages"
        sheets.append(contact_sheet(pages, font, folder / built.lang / f"{book.slug}-{built.lang}-spreads.png", title))
    if compare:
        sheets += compare_sheets(rendered, font, folder / "compare")
    return Previews({lang: len(pages) for lang, pages in rendered.items()}, sheets)
