"""The build, in one visible line of stages: sources → pages → words →
fonts → text setting → images → render → finish → manifest. Everything is
gathered and checked before the first PDF is written."""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from book.errors import BookError, Problems, RenderError, TranslationError
from book.files import sha256_file, write_atomic
from book.i18n.catalog import Catalog, read_catalog
from book.i18n.checks import check_catalog
from book.i18n.localise import Localiser
from book.images.placed import check_resolution, image_jobs, report_failures
from book.images.press import output_condition, press_profile
from book.images.process import ImageResult, process_all
from book.model import Book
from book.outputs import OUTPUTS, PROOF_TOLERATES, Output, cache_dir, output_path
from book.pages.paginate import Pagination, paginate
from book.pdf.finish import finish_pdf
from book.pdf.render import Renderer
from book.sources import load_book
from book.sources.inputs import inputs_digest
from book.summary import summarise
from book.text.coverage import check_glyphs
from book.text.fonts import EditionFonts
from book.text.frames import edition_words, texts_by_role
from book.text.setting import EditionText, set_edition


@dataclass
class Edition:
    lang: str
    fonts: EditionFonts
    text: EditionText
    catalog: Catalog | None = None  # None for the source language


@dataclass
class Prepared:
    """Everything a build needs, gathered and checked before anything is written."""

    book: Book
    pagination: Pagination
    editions: list[Edition]
    problems: Problems
    low_ppi: dict[tuple[str, str], float] = field(default_factory=dict)  # (photo, frame) -> print ppi, for proof marks


def prepare(root: Path, langs: list[str] | None, output: Output, strict: bool = False) -> Prepared:
    problems = Problems()
    book, _ = load_book(root, problems=problems)
    pagination = paginate(book, problems)
    for lang in langs or []:
        if lang not in book.editions:
            raise BookError(f"--lang {lang}: not an edition of this book; content/book.yaml lists {', '.join(book.editions)}")
    low_ppi = check_resolution(book, pagination, output, problems)
    editions = [prepare_edition(book, pagination, lang, output, problems) for lang in langs or book.editions]
    if output.fallback:
        problems.soften(PROOF_TOLERATES)
    if strict:
        problems.promote()
    return Prepared(book, pagination, [e for e in editions if e is not None], problems, low_ppi)


def prepare_edition(book: Book, pagination: Pagination, lang: str, output: Output, problems: Problems) -> Edition | None:
    """Localise, check and set one edition's text; None when it cannot be set."""
    catalog = None
    if lang != book.source_language:
        try:
            catalog = read_catalog(book.root, lang)
        except TranslationError as exc:
            problems.extend(exc.problems)
            return None
        problems.extend(check_catalog(book.root, book, catalog))
    loc = Localiser(book, lang, catalog, problems, fallback=output.fallback)
    words = edition_words(book, pagination, loc)
    fonts = EditionFonts(book.fonts, lang, cache_dir(book.root) / "fonts")
    if not check_glyphs(book, fonts, words, loc.where, problems):
        return None
    fonts.prepare(texts_by_role(book, words))
    return Edition(lang, fonts, set_edition(book, pagination, fonts, words, loc.where, problems), catalog)


def build(root: Path, langs: list[str] | None = None, profile_name: str = "print", jobs: int | None = None,
          strict: bool = False, report=None, simulate_press: bool | None = None) -> dict:
    """Build the editions; returns the manifest, with the build's ``summary``
    (see `book.summary`). ``report(stage, done, total)`` shows progress.
    ``simulate_press`` overrides the profile's soft-proof default."""
    started = time.perf_counter()
    output = OUTPUTS[profile_name]
    if simulate_press is not None:
        output = replace(output, simulate_press=simulate_press)
    report = report or (lambda *args: None)
    report("checking sources", 0, 1)
    (root / "output").mkdir(exist_ok=True)
    prepared = prepare(root, langs, output, strict)
    prepared.problems.stop_if_errors("found; nothing was written")
    book = prepared.book
    needs_press = output.colour == "cmyk" or output.simulate_press
    press_icc = press_profile(root, book.press_profile, book.ink_limit, cache_dir(root) / "colour") if needs_press else None
    images = prepare_images(prepared, output, press_icc, jobs or os.cpu_count() or 1, report)
    prepared.problems.stop_if_errors("found; nothing was written")
    written = render_editions(prepared, output, images, press_icc if output.colour == "cmyk" else None, report)
    manifest = write_manifest(prepared, output, [(w.lang, w.path) for w in written])
    manifest["summary"] = summarise(prepared, output, written, time.perf_counter() - started)
    return manifest


def prepare_images(prepared: Prepared, output: Output, press_icc: Path | None, workers: int, report) -> dict[tuple[str, str], ImageResult]:
    jobs = image_jobs(prepared.book, prepared.pagination, output, press_icc, cache_dir(prepared.book.root) / "images")
    done = [0]

    def tick() -> None:
        done[0] += 1
        report("preparing photos", done[0], len(jobs))

    results = process_all(jobs, workers, tick)
    report_failures(prepared.book, results, prepared.problems)
    return {(r.job.photo, r.job.frame): r for r in results}


@dataclass(frozen=True)
class Written:
    lang: str
    path: Path
    fresh: bool  # False when the PDF's bytes did not change and it was left as it was
    seconds: float  # rendering and finishing


def render_editions(prepared: Prepared, output: Output, images, press_icc: Path | None, report) -> list[Written]:
    """Render every edition to a temporary name first and move them into place
    only when all succeeded: a failed build leaves the previous PDFs intact.
    A PDF whose bytes did not change is left untouched (``fresh`` False)."""
    book, root = prepared.book, prepared.book.root
    condition = output_condition(book.press_profile, press_icc)
    staged: list[tuple[str, Path, Path]] = []
    with tempfile.TemporaryDirectory(dir=root / "output", prefix=".build-") as work:
        seconds = []
        for index, edition in enumerate(prepared.editions):
            report(f"rendering {edition.lang}", index, len(prepared.editions))
            begun = time.perf_counter()
            target = output_path(root, book, output, edition.lang)
            raw, finished = Path(work) / f"{edition.lang}-raw.pdf", Path(work) / f"{edition.lang}.pdf"
            try:
                Renderer(book, prepared.pagination, edition.fonts, images, edition.text, proof=output.fallback,
                         low_ppi=prepared.low_ppi).render(raw)
            except (KeyError, ValueError, OSError) as exc:
                raise RenderError(f"{target.relative_to(root)}: rendering failed ({exc}); run with --debug and report it") from exc
            finish_pdf(raw, finished, edition.lang, edition.text.info["title"], press_icc, condition, output.standard)
            staged.append((edition.lang, finished, target))
            seconds.append(time.perf_counter() - begun)
        changed = []
        for _, finished, target in staged:
            fresh = not target.is_file() or sha256_file(target) != sha256_file(finished)
            if fresh:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(finished, target)
            changed.append(fresh)
    report("done", len(prepared.editions), len(prepared.editions))
    return [Written(lang, target, fresh, took) for (lang, _, target), fresh, took in zip(staged, changed, seconds, strict=True)]


def write_manifest(prepared: Prepared, output: Output, written: list[tuple[str, Path]]) -> dict:
    book = prepared.book
    root = book.root
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
    digests: dict[str, str] = {}
    for lang, target in written:
        manifest["files"].append({
            "path": str(target.relative_to(root)),
            "lang": lang,
            "profile": output.name,
            "part": output.part,
            "pages": len(prepared.pagination.pages),
            "trim_mm": list(book.trim),
            "bleed_mm": book.bleed,
            "sha256": sha256_file(target),
            "sources": digests.setdefault(lang, inputs_digest(root, lang)),
        })
    manifest["files"].sort(key=lambda f: f["path"])
    manifest["warnings"] = [str(w) for w in prepared.problems.warnings]
    write_atomic(path, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return manifest
