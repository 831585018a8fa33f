"""The build, in one visible line of stages: sources → pages → words →
fonts → text setting → images → render → finish → manifest. Everything is
gathered and checked before the first PDF is written."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from book.errors import BookError, Problems, TranslationError
from book.files import sha256_file, write_atomic
from book.i18n.catalog import read_catalog
from book.i18n.checks import check_catalog
from book.i18n.localise import Localiser
from book.images.placed import check_resolution, image_jobs, report_failures
from book.images.press import output_condition, press_profile
from book.images.process import ImageResult, process_all
from book.languages import catalog_rel
from book.model import Book
from book.outputs import OUTPUTS, PROOF_TOLERATES, Output, cache_dir, output_path
from book.pages.paginate import Pagination, paginate
from book.pdf.editions import EditionJob, prepare_shared, render_all
from book.record import BuildRecord, code_digest, digest_of, quick_inputs, source_files
from book.sources import load_book
from book.text.coverage import check_glyphs
from book.text.fonts import EditionFonts, file_digest
from book.text.frames import edition_words, texts_by_role
from book.text.setting import EditionText, measure_edition, set_edition


@dataclass
class Edition:
    lang: str
    fonts: EditionFonts
    text: EditionText


@dataclass
class Prepared:
    """Everything a build needs, gathered and checked before anything is written."""

    book: Book
    pagination: Pagination
    editions: list[Edition]
    problems: Problems


def prepare(root: Path, langs: list[str] | None, output: Output, strict: bool = False) -> Prepared:
    problems = Problems()
    book, _ = load_book(root, problems=problems)
    for lang in langs or []:
        if lang not in book.editions:
            raise BookError(f"--lang {lang}: not an edition of this book; content/book.yaml lists {', '.join(book.editions)}")
    pagination = paginate(book, problems, list_continuations(book, paginate(book)))
    check_resolution(book, pagination, output, problems)
    editions = [prepare_edition(book, pagination, lang, output, problems) for lang in langs or book.editions]
    if output.fallback:
        problems.soften(PROOF_TOLERATES)
    if strict:
        problems.promote()
    return Prepared(book, pagination, [e for e in editions if e is not None], problems)


def list_continuations(book: Book, first: Pagination) -> dict[str, int]:
    """How many continuation pages each generated list gets: the most any
    edition needs (all editions, whichever are built), so that every
    edition has the same pages. Measured on the pages without them."""
    if not any(page.list_key for page in first.pages):
        return {}
    needs: dict[str, int] = {}
    for lang in book.editions:
        try:
            catalog = read_catalog(book.root, lang) if lang != book.source_language else None
        except TranslationError:
            continue  # reported when the edition is prepared
        loc = Localiser(book, lang, catalog, Problems(), fallback=True)
        words = edition_words(book, first, loc)
        fonts = EditionFonts(book.fonts, lang, cache_dir(book.root) / "fonts")
        if not check_glyphs(book, fonts, words, loc.where, Problems()):
            continue
        fonts.prepare(texts_by_role(book, words))
        for key, count in measure_edition(book, first, fonts, words, loc.where).items():
            needs[key] = max(needs.get(key, 0), count)
    return needs


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
    return Edition(lang, fonts, set_edition(book, pagination, fonts, words, loc.where, problems))


def build(root: Path, langs: list[str] | None = None, profile_name: str = "print", jobs: int | None = None,
          strict: bool = False, report=None) -> dict:
    """Build the editions; returns the manifest, with ``unchanged`` listing the
    outputs left as they were. ``report(stage, done, total)`` shows progress."""
    output = OUTPUTS[profile_name]
    report = report or (lambda *args: None)
    workers = jobs or os.cpu_count() or 1
    report("checking sources", 0, 1)
    (root / "output").mkdir(exist_ok=True)
    record = BuildRecord(root)
    key = f"{profile_name}|{','.join(sorted(langs)) if langs else '*'}|{'strict' if strict else ''}"
    seen_fonts = record.builds.get(key, {}).get("fonts", [])
    quick = quick_inputs(root, seen_fonts, {"key": key})  # taken before reading anything
    same = record.build_unchanged(key, quick)
    if same is not None and (manifest := recorded_manifest(root, record, same)) is not None:
        report("done", 1, 1)
        return manifest
    prepared = prepare(root, langs, output, strict)
    prepared.problems.stop_if_errors("found; nothing was written")
    book = prepared.book
    press_icc = press_profile(root, book.press_profile, book.ink_limit, cache_dir(root) / "colour") if output.colour == "cmyk" else None
    images = prepare_images(prepared, output, press_icc, workers, report)
    prepared.problems.stop_if_errors("found; nothing was written")
    inputs = edition_inputs(prepared, output, strict, images)
    written, fresh = render_editions(prepared, output, images, press_icc, inputs, record, workers, report)
    manifest = write_manifest(prepared, output, written)
    fonts = sorted({str(face.path) for face in book.fonts.faces.values()})
    # Recorded only if no project file changed while this build read it.
    settled = quick_inputs(root, fonts, {"key": key}) if quick_inputs(root, seen_fonts, {"key": key}) == quick else ""
    record.note_build(key, settled, [str(t.relative_to(root)) for _, t, _ in written], manifest["warnings"], fonts)
    record.save()
    return {**manifest, "unchanged": sorted(str(t.relative_to(root)) for _, t, _ in written if t not in fresh)}


def edition_inputs(prepared: Prepared, output: Output, strict: bool, images: dict[tuple[str, str], ImageResult]) -> dict[str, str]:
    """Each edition's input digest: the sources, the pages, the fonts, the
    prepared photos, the code and options (shared), and its own catalog.
    A source caption edit changes every edition's; a .po edit only its own."""
    book, root = prepared.book, prepared.book.root
    sources = [(str(p.relative_to(root)), sha256_file(p)) for p in source_files(root)
               if p.suffix in (".yaml", ".yml") and "photos" not in p.relative_to(root).parts[:2]]
    pages = [(p.number, p.layout.name, p.chapter.id if p.chapter else None, [(pl.frame.name, pl.value) for pl in p.placed])
             for p in prepared.pagination.pages]
    photos = sorted((photo, frame, Path(r.path).name if r.path else None, r.box_mm) for (photo, frame), r in images.items())
    fonts = sorted((str(face.path), face.index, file_digest(face.path)) for face in book.fonts.faces.values() if face.path.is_file())
    common = digest_of({"code": code_digest(), "output": repr(output), "strict": strict, "sources": sources, "pages": pages,
                        "photos": photos, "fonts": fonts})
    inputs = {}
    for edition in prepared.editions:
        po = root / catalog_rel(edition.lang)
        catalog = sha256_file(po) if edition.lang != book.source_language and po.is_file() else None
        inputs[edition.lang] = digest_of({"common": common, "lang": edition.lang, "catalog": catalog})
    return inputs


def recorded_manifest(root: Path, record: BuildRecord, same: dict) -> dict | None:
    """The manifest of a build whose inputs and outputs are all as recorded, or None."""
    try:
        manifest = json.loads((root / "output" / "manifest.json").read_text(encoding="utf-8"))
        listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if any(listed.get(rel) != record.intact(rel) for rel in same["outputs"]):
        return None
    return {**manifest, "warnings": same["warnings"], "unchanged": same["outputs"]}


def prepare_images(prepared: Prepared, output: Output, press_icc: Path | None, workers: int, report) -> dict[tuple[str, str], ImageResult]:
    jobs = image_jobs(prepared.book, prepared.pagination, output, press_icc, cache_dir(prepared.book.root) / "images")
    done = [0]

    def tick() -> None:
        done[0] += 1
        report("preparing photos", done[0], len(jobs))

    results = process_all(jobs, workers, tick)
    report_failures(prepared.book, results, prepared.problems)
    return {(r.job.photo, r.job.frame): r for r in results}


def render_editions(prepared: Prepared, output: Output, images, press_icc: Path | None, inputs: dict[str, str], record: BuildRecord,
                    workers: int, report) -> tuple[list[tuple[str, Path, str]], set[Path]]:
    """Render the editions whose inputs changed, in parallel, to a temporary
    folder, and move them into place only when all succeeded: a failed build
    leaves the previous PDFs intact. Returns (lang, target, sha256) for every
    edition and the set of targets written."""
    book, root = prepared.book, prepared.book.root
    targets = {e.lang: output_path(root, book, output, e.lang) for e in prepared.editions}
    kept = {e.lang: record.unchanged(str(targets[e.lang].relative_to(root)), inputs[e.lang]) for e in prepared.editions}
    todo = [e for e in prepared.editions if kept[e.lang] is None]
    if todo:
        with tempfile.TemporaryDirectory(dir=root / "output", prefix=".build-") as work:
            shared = prepare_shared(Path(work), book, prepared.pagination, images, press_icc,
                                    output_condition(book.press_profile, press_icc), output)
            jobs = [EditionJob(e, Path(work) / f"{e.lang}-raw.pdf", Path(work) / f"{e.lang}.pdf", str(targets[e.lang].relative_to(root)))
                    for e in todo]
            names = ", ".join(e.lang for e in todo)
            render_all(jobs, shared, workers, lambda done, total: report(f"rendering {names}", done, total))
            for job in jobs:
                target = targets[job.edition.lang]
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(job.finished, target)
                kept[job.edition.lang] = record.note_output(str(target.relative_to(root)), inputs[job.edition.lang])
    report("done", len(prepared.editions), len(prepared.editions))
    return [(e.lang, targets[e.lang], kept[e.lang]) for e in prepared.editions], {targets[e.lang] for e in todo}


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
    fresh = {str(target.relative_to(root)) for _, target, _ in written}
    manifest["files"] = [f for f in manifest["files"] if f.get("path") not in fresh and (root / f.get("path", "")).is_file()]
    for lang, target, sha256 in written:
        manifest["files"].append({
            "path": str(target.relative_to(root)),
            "lang": lang,
            "profile": output.name,
            "part": output.part,
            "pages": len(prepared.pagination.pages),
            "trim_mm": list(book.trim),
            "bleed_mm": book.bleed,
            "sha256": sha256,
        })
    manifest["files"].sort(key=lambda f: f["path"])
    manifest["warnings"] = [str(w) for w in prepared.problems.warnings]
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:  # an unchanged build rewrites nothing
        write_atomic(path, text)
    return manifest
