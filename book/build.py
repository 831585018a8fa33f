"""The build, in one visible line of stages: load → paginate → localise →
fonts → text → images → render → finish → manifest. Everything is gathered
and checked before the first PDF is written."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from book.colour import output_condition, press_profile
from book.compose import Pagination, paginate
from book.config import load_book
from book.content import all_texts_by_role, frame_texts
from book.errors import BookError, Problem, RenderError, TranslationError, Where
from book.files import sha256_file, write_atomic
from book.finish import finish_pdf
from book.fonts import EditionFonts
from book.images import ImageJob, ImageResult, placed_ppi, process_all
from book.localise import Localiser, read_catalog
from book.model import Book
from book.pocheck import check_catalog
from book.render import EditionText, Renderer, fixed_text_problems, set_edition_text


@dataclass(frozen=True)
class Profile:
    name: str
    colour: str  # 'cmyk' or 'rgb'
    ppi: int
    standard: str | None  # PDF/X flavour
    fallback: bool  # show the source text where a translation is missing
    part: str


PROFILES = {
    "print": Profile("print", "cmyk", 300, "x1a", False, "interior"),
    "screen": Profile("screen", "rgb", 150, None, False, "interior"),
    "proof": Profile("proof", "rgb", 150, None, True, "proof"),
}


@dataclass
class Edition:
    lang: str
    loc: Localiser
    fonts: EditionFonts
    text: EditionText


@dataclass
class Prepared:
    """Everything a build needs, gathered before anything is written."""

    book: Book
    pagination: Pagination
    editions: list[Edition]
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)


def cache_dir(root: Path) -> Path:
    return root / ".cache"


def prepare(root: Path, langs: list[str] | None, profile: Profile, strict: bool = False) -> Prepared:
    book, warnings = load_book(root)
    pagination = paginate(book)
    warnings = warnings + pagination.warnings
    chosen = langs or book.editions
    for lang in chosen:
        if lang not in book.editions:
            raise BookError(f"--lang {lang}: not an edition of this book; content/book.yaml lists {', '.join(book.editions)}")
    prepared = Prepared(book, pagination, [], warnings)
    check_resolution(prepared, profile)
    for lang in chosen:
        edition = prepare_edition(prepared, lang, profile)
        if edition is not None:
            prepared.editions.append(edition)
    if strict:
        prepared.errors += [Problem(p.where, p.message) for p in prepared.warnings]
    return prepared


def prepare_edition(prepared: Prepared, lang: str, profile: Profile) -> Edition | None:
    """Localise, check and set one edition's text; None when it cannot be set."""
    book, root = prepared.book, prepared.book.root

    def report(problem: Problem, soft: bool = False) -> None:
        # In a proof, what a translator has yet to do is a warning, not a stop.
        if problem.warning or soft:
            prepared.warnings.append(Problem(problem.where, problem.message, warning=True))
        else:
            prepared.errors.append(problem)

    catalog = None
    if lang != book.source_language:
        try:
            catalog = read_catalog(root, lang)
        except TranslationError as exc:
            report(Problem(None, exc.message))
            return None
        for problem in check_catalog(root, book, catalog):
            report(problem, soft=profile.fallback and "no catalog" in problem.message)
    loc = Localiser(book, lang, catalog, fallback=profile.fallback)
    items = frame_texts(book, prepared.pagination, loc)
    fonts = EditionFonts(book.fonts, lang, cache_dir(root) / "fonts")
    settable = True
    for item in items:
        for part in item.parts:
            bad = fonts.missing(part.text, part.style.font)
            if bad:
                settable = False
                chars = ", ".join(f"'{c}' U+{ord(c):04X}" for c in bad)
                report(Problem(loc.where(item.messages[0]), f"{lang}: no font has {chars} ({item.messages[0].ctx}); "
                                                           "add a face that covers it in fonts/fonts.yaml or change the text"))
    if not settable:
        return None
    fonts.prepare(all_texts_by_role(book, prepared.pagination, loc, items))
    text = set_edition_text(fonts, items, lang)
    for overflow in text.overflows:
        report(Problem(loc.where(overflow.message), f"{lang}: {overflow.what} overflows frame '{overflow.frame}' on page {overflow.page}: "
                                                    f"needs {overflow.needed} lines, room for {overflow.available}; shorten it"),
               soft=profile.fallback)
    for message in fixed_text_problems(fonts, book, prepared.pagination, loc):
        report(Problem(None, f"{lang}: {message}"), soft=profile.fallback)
    for problem in loc.missing:
        suffix = " (Vietnamese shown)" if profile.fallback else ""
        report(Problem(problem.where, f"{lang}: {problem.message}{suffix}"), soft=profile.fallback)
    return Edition(lang, loc, fonts, text)


def image_jobs(prepared: Prepared, profile: Profile, icc: Path | None) -> list[ImageJob]:
    book = prepared.book
    jobs: dict[tuple[str, str], ImageJob] = {}
    for page in prepared.pagination.pages:
        for placed in page.placed:
            if placed.frame.kind != "photo":
                continue
            photo = book.photos[placed.value]
            jobs.setdefault((placed.value, placed.frame.name), ImageJob(
                photo.id, placed.frame.name, photo.path, (placed.frame.w, placed.frame.h), placed.frame.fit, profile.colour,
                profile.ppi, icc, cache_dir(book.root) / "images"))
    return list(jobs.values())


def check_resolution(prepared: Prepared, profile: Profile) -> None:
    """Each placed photo's resolution in its frame, from the file headers: below the
    book's minimum warns, below half of it fails (print only)."""
    book = prepared.book
    seen = set()
    for page in prepared.pagination.pages:
        for placed in page.placed:
            if placed.frame.kind != "photo" or (placed.value, placed.frame.name) in seen:
                continue
            seen.add((placed.value, placed.frame.name))
            photo = book.photos[placed.value]
            try:
                ppi = placed_ppi(photo.path, (placed.frame.w, placed.frame.h), placed.frame.fit)
            except (OSError, ValueError) as exc:
                prepared.errors.append(Problem(Where(photo.rel), f"cannot read the image ({exc}); replace the file"))
                continue
            if profile.name == "print" and ppi < book.min_ppi - 0.5:
                problem = Problem(Where(photo.rel), f"photo {photo.id} is {ppi:.0f} ppi in its frame on page {page.number} "
                                  f"(print needs {book.min_ppi}); supply a larger original", warning=ppi >= book.min_ppi / 2)
                (prepared.warnings if problem.warning else prepared.errors).append(problem)


def check_images(prepared: Prepared, results: list[ImageResult]) -> None:
    for result in results:
        if result.error:
            photo = prepared.book.photos[result.job.photo]
            prepared.errors.append(Problem(Where(photo.rel), f"cannot read the image ({result.error}); replace the file"))


def output_path(root: Path, book: Book, profile: Profile, lang: str) -> Path:
    return root / "output" / profile.name / lang / f"{book.slug}-{lang}-{profile.part}.pdf"


def build(root: Path, langs: list[str] | None = None, profile_name: str = "print", jobs: int | None = None,
          strict: bool = False, report=None) -> dict:
    """Build the editions; returns the manifest. ``report(stage, done, total)`` shows progress."""
    profile = PROFILES[profile_name]
    report = report or (lambda *args: None)
    report("checking sources", 0, 1)
    (root / "output").mkdir(exist_ok=True)
    prepared = prepare(root, langs, profile, strict)
    book = prepared.book
    if prepared.errors:
        raise_problems(prepared.errors, "nothing was written")
    icc = press_profile(root, book.press_profile, book.ink_limit, cache_dir(root) / "colour") if profile.colour == "cmyk" else None
    jobs_list = image_jobs(prepared, profile, icc)
    done = [0]

    def tick() -> None:
        done[0] += 1
        report("preparing photos", done[0], len(jobs_list))

    results = process_all(jobs_list, jobs or os.cpu_count() or 1, tick)
    check_images(prepared, results)
    if prepared.errors:
        raise_problems(prepared.errors, "nothing was written")
    images = {(r.job.photo, r.job.frame): r for r in results}
    condition = output_condition(book.press_profile, icc)
    # Render every edition to a temporary name first and move them into place
    # only when all succeeded: a failed build leaves the previous PDFs intact.
    staged: list[tuple[str, Path, Path]] = []
    with tempfile.TemporaryDirectory(dir=root / "output", prefix=".build-") as work:
        for index, edition in enumerate(prepared.editions):
            report(f"rendering {edition.lang}", index, len(prepared.editions))
            target = output_path(root, book, profile, edition.lang)
            raw = Path(work) / f"{edition.lang}-raw.pdf"
            finished = Path(work) / f"{edition.lang}.pdf"
            try:
                Renderer(book, prepared.pagination, edition.loc, edition.fonts, images, edition.text, proof=profile.fallback).render(raw)
            except (KeyError, ValueError, OSError) as exc:
                raise RenderError(f"{target.relative_to(root)}: rendering failed ({exc}); run with --debug and report it") from exc
            finish_pdf(raw, finished, edition.lang, edition.loc.text(book.title), icc, condition, profile.standard)
            staged.append((edition.lang, finished, target))
        for _, finished, target in staged:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(finished, target)
    report("done", len(prepared.editions), len(prepared.editions))
    return write_manifest(root, book, prepared, profile, [(lang, target) for lang, _, target in staged])


def raise_problems(problems: list[Problem], what: str) -> None:
    count = len(problems)
    raise BookError(f"{count} problem{'s' if count > 1 else ''} found; {what}", problems)


def write_manifest(root: Path, book: Book, prepared: Prepared, profile: Profile, written: list[tuple[str, Path]]) -> dict:
    path = root / "output" / "manifest.json"
    manifest = {"book": book.slug, "files": [], "warnings": []}
    if path.is_file():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
            manifest["files"] = [f for f in old.get("files", []) if isinstance(f, dict)]
        except (ValueError, OSError):
            pass
    fresh = {str(target.relative_to(root)) for _, target in written}
    manifest["files"] = [f for f in manifest["files"] if f.get("path") not in fresh and (root / f.get("path", "")).is_file()]
    for lang, target in written:
        manifest["files"].append({
            "path": str(target.relative_to(root)),
            "lang": lang,
            "profile": profile.name,
            "part": profile.part,
            "pages": len(prepared.pagination.pages),
            "trim_mm": list(book.trim),
            "bleed_mm": book.bleed,
            "sha256": sha256_file(target),
        })
    manifest["files"].sort(key=lambda f: f["path"])
    manifest["warnings"] = [str(w) for w in prepared.warnings]
    write_atomic(path, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest
