"""The build, in one visible line of stages: sources → pages → words →
fonts → text setting → images → render → finish → manifest. Everything is
gathered and checked before the first PDF is written. The photo stage runs
beside the others from the moment the pages are known: the text is set,
and the editions are rendered and written, while the photos are prepared
(see `book.pdf.editions`); nothing is put in place before all succeeded."""

from __future__ import annotations

import os
import shutil
import time
from concurrent.futures import CancelledError
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from book.digests import Digests
from book.errors import BookError, Problem, Problems, TranslationError
from book.files import DiskFull
from book.i18n.catalog import Catalog, read_catalog
from book.i18n.checks import check_catalog
from book.i18n.localise import Localiser
from book.images.cache import job_key
from book.images.placed import check_cover_resolution, check_focus, check_resolution, cover_job, image_jobs, planned_images, report_failures
from book.images.press import output_condition, press_profile
from book.images.process import ImageJob, ImageResult, Processing, photo_name
from book.languages import catalog_rel
from book.lock import project_lock, remove_leftovers, staging_folder
from book.measures import EditionMeasures, MeasuresMemo
from book.model import Book
from book.outputs import FINAL_REFUSES, OUTPUTS, PROOF_TOLERATES, Output, cache_dir, output_path, resolve_output
from book.pages.paginate import Pagination, paginate
from book.pages.spine import CoverGeometry, cover_entry, plan_cover
from book.pdf.commit import Staged, commit, recover
from book.pdf.editions import EditionJob, PhotoMissing, Splicing, prepare_shared, render_all
from book.pdf.finish import Press
from book.pdf.pdfx import DocMeta, source_date
from book.record import BuildRecord, build_key, build_options, code_digest, digest_of, quick_inputs, recorded_build, source_files
from book.sources import load_book
from book.sources.inputs import inputs_digest
from book.sources.photo_paths import shown
from book.summary import Written, summarise
from book.text.cards import Card, CardKey, CardTexts, card_frames, card_key, size_cards
from book.text.cover import CoverText, cover_roles, cover_strings, set_cover
from book.text.coverage import check_glyphs
from book.text.fonts import EditionFonts, file_digest
from book.text.frames import edition_words, texts_by_role
from book.text.setting import EditionText, measure_edition, set_edition

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff")


@dataclass
class Edition:
    lang: str
    fonts: EditionFonts | None  # None for an edition left as built (``kept``)
    text: EditionText | None
    cover: CoverText | None = None
    catalog: Catalog | None = None  # None for the source language
    problems: list[Problem] = field(default_factory=list)  # found while preparing it, before --strict or a proof's softening
    kept: dict | None = None  # an edition left as built: what its recorded build found ("problems", "marks")


@dataclass
class Prepared:
    """Everything a build needs, gathered and checked before anything is written."""

    book: Book
    pagination: Pagination
    editions: list[Edition]
    problems: Problems
    cover: CoverGeometry | None = None  # print builds make a cover beside each interior
    low_ppi: dict[tuple[str, str], float] = field(default_factory=dict)  # (photo, frame) -> print ppi, for proof marks
    cards: dict[CardKey, Card] = field(default_factory=dict)  # caption cards, sized from all editions


def prepare(root: Path, langs: list[str] | None, output: Output, strict: bool = False, whole_photos: bool = True,
            paged=None, keep=None, measures: tuple[MeasuresMemo, Digests] | None = None) -> Prepared:
    """Gather and check everything. ``whole_photos`` False reads the photos'
    headers only (a build's image stage decodes them); ``paged(book,
    pagination, geometry)``, when given, is called as soon as the photos'
    pages are known (before any text is measured, geometry None) and again
    with the final pages and the cover, so that a build can start on its
    photos while the text is set. ``keep(book, pagination, geometry, cards,
    lang)`` gives what was recorded of an edition that need not be set again
    (`KeptEditions`), or None; ``measures`` (a memo and the file digests)
    spares measuring again what editions share (`shared_measures`)."""
    problems = Problems()
    book, _ = load_book(root, problems=problems)
    for lang in langs or []:
        if lang not in book.editions:
            raise BookError(f"--lang {lang}: not an edition of this book; content/book.yaml lists {', '.join(book.editions)}")
    catalogs: dict[str, Catalog] = {}  # read once for the lists and the editions
    fonts: dict[str, EditionFonts] = {}  # made ready once per edition for the lists and the text
    first = paginate(book)
    if paged is not None:
        paged(book, first, None)  # the lists' continuation pages hold no photos
    continuations, cards = shared_measures(book, first, catalogs, fonts, output.name == "print", measures)
    pagination = paginate(book, problems, continuations)
    low_ppi = check_resolution(book, pagination, output, problems, whole_photos)
    check_focus(book, pagination, problems, whole_photos)
    geometry = plan_cover(book, len(pagination.pages), problems) if output.name == "print" else None
    if geometry is not None:
        check_cover_resolution(book, geometry.media, problems, whole_photos)
    if paged is not None:
        paged(book, pagination, geometry)
    editions = []
    for lang in langs or book.editions:
        recorded = keep(book, pagination, geometry, cards, lang) if keep else None
        if recorded is not None:
            found = [Problem.from_json(p) for p in recorded.get("problems", [])]
            editions.append(Edition(lang, None, None, catalog=None, problems=found, kept=recorded))
            problems.extend(found)
            continue
        before = len(problems.items)
        edition = prepare_edition(book, pagination, lang, output, problems, geometry, catalogs, cards, fonts)
        if edition is not None:
            edition.problems = problems.items[before:]
        editions.append(edition)
    if output.fallback:
        problems.soften(PROOF_TOLERATES)
    if strict:
        problems.promote()
    elif output.name == "print" and book.imprint and book.imprint.final:
        problems.promote(FINAL_REFUSES)
    return Prepared(book, pagination, [e for e in editions if e is not None], problems, geometry, low_ppi, cards)


def edition_catalog(book: Book, lang: str, catalogs: dict[str, Catalog]) -> Catalog:
    """``lang``'s catalog, read once per build (``catalogs``); raises TranslationError."""
    if lang not in catalogs:
        catalogs[lang] = read_catalog(book.root, lang)
    return catalogs[lang]


def shared_measures(book: Book, first: Pagination, catalogs: dict[str, Catalog], fonts_by_lang: dict[str, EditionFonts],
                    cover: bool, memo: tuple[MeasuresMemo, Digests] | None = None) -> tuple[dict[str, int], dict[CardKey, Card]]:
    """What all editions must share, decided from all of them (whichever are
    built), measured on the pages without continuations: how many
    continuation pages each generated list gets (the most any edition
    needs), and the size of each caption card (see `book.text.cards`).
    Each edition measured here has its fonts made ready for all its text,
    the ``cover``'s too, and kept in ``fonts_by_lang`` for setting it: a CJK
    face is converted once per edition, not once per stage. With ``memo``
    (the build's, and its file digests), an edition whose inputs are those
    of its remembered part is not measured again (`book.measures`)."""
    has_cards = next(card_frames(first), None) is not None
    if not any(page.list_key for page in first.pages) and not has_cards:
        return {}, {}
    keys = measure_keys(book, first, cover, memo[1]) if memo else {}
    parts = []
    for lang in book.editions:
        name = f"{lang} with cover" if cover else lang  # a proof's and a print's parts are kept side by side
        measure = partial(measure_part, book, first, lang, name, keys.get(lang, ""), catalogs, fonts_by_lang, cover)
        part = (memo[0].get(name, keys[lang], measure) if memo else None) or measure()
        if part is not None:  # None: its catalog or glyphs stop it, reported when the edition is prepared
            parts.append(part)
    needs: dict[str, int] = {}
    for part in parts:
        for key, count in part.needs.items():
            needs[key] = max(needs.get(key, 0), count)
    cards = size_cards(first, parts) if has_cards else {}
    if memo:
        memo[0].save(parts)
    return needs, cards


def measure_part(book: Book, first: Pagination, lang: str, name: str, key: str, catalogs: dict[str, Catalog],
                 fonts_by_lang: dict[str, EditionFonts], cover: bool) -> EditionMeasures | None:
    """One edition's part of the shared measures, measured, its fonts made
    ready and kept in ``fonts_by_lang``; None when its catalog or its glyphs stop it."""
    try:
        catalog = edition_catalog(book, lang, catalogs) if lang != book.source_language else None
    except TranslationError:
        return None
    loc = Localiser(book, lang, catalog, Problems(), fallback=True)
    words = edition_words(book, first, loc)
    fonts = EditionFonts(book.fonts, lang, cache_dir(book.root) / "fonts")
    if not check_glyphs(book, fonts, words, loc.where, Problems()):
        return None
    fonts.prepare(edition_roles(book, lang, words, cover_strings(book, loc) if cover else {}))
    fonts_by_lang[lang] = fonts
    texts = CardTexts(fonts, {card_key(item.page, item.placed): item.parts for item in words.frames if item.placed.frame.panel}, lang)
    return EditionMeasures(name, key, measure_edition(book, first, fonts, words, loc.where), {k: {} for k in texts.keys()}, texts=texts)


def measure_keys(book: Book, first: Pagination, cover: bool, digests: Digests) -> dict[str, str]:
    """The digest of what each edition's part of the shared measures is measured from (`book.measures`)."""
    common = digest_of({"code": code_digest(), "sources": source_digests(book, digests), "pages": page_list(first),
                        "fonts": font_digests(book), "cover": cover})
    return {lang: digest_of({"common": common, "lang": lang, "catalog": catalog_digest(book, lang, digests)}) for lang in book.editions}


def edition_roles(book: Book, lang: str, words, cover_texts: dict[str, str]) -> dict[str, set[str]]:
    """The texts each font role of an edition sets: its frames' and its cover's."""
    roles = texts_by_role(book, words)
    for role, texts in cover_roles(book, lang, cover_texts).items() if cover_texts else ():
        roles.setdefault(role, set()).update(texts)
    return roles


def prepare_edition(book: Book, pagination: Pagination, lang: str, output: Output, problems: Problems,
                    geometry: CoverGeometry | None, catalogs: dict[str, Catalog], cards: dict[CardKey, Card],
                    fonts_by_lang: dict[str, EditionFonts]) -> Edition | None:
    """Localise, check and set one edition's text; None when it cannot be set."""
    catalog = None
    if lang != book.source_language:
        try:
            catalog = edition_catalog(book, lang, catalogs)
        except TranslationError as exc:
            problems.extend(exc.problems)
            return None
        problems.extend(check_catalog(book.root, book, catalog))
    loc = Localiser(book, lang, catalog, problems, fallback=output.fallback)
    words = edition_words(book, pagination, loc)
    fonts = fonts_by_lang.get(lang) or EditionFonts(book.fonts, lang, cache_dir(book.root) / "fonts")
    if not check_glyphs(book, fonts, words, loc.where, problems):
        return None
    cover_texts = cover_strings(book, loc) if geometry else {}
    fonts.prepare(edition_roles(book, lang, words, cover_texts))
    edition = Edition(lang, fonts, set_edition(book, pagination, fonts, words, loc.where, problems, cards), catalog=catalog)
    if geometry:
        edition.cover = set_cover(book, geometry, fonts, lang, cover_texts, loc.where, problems)
    return edition


def build(root: Path, langs: list[str] | None = None, profile_name: str = "print", jobs: int | None = None,
          strict: bool = False, report=None, notify=None, pdfx: str | None = None, marks: bool | None = None,
          simulate_press: bool | None = None) -> dict:
    """Build the editions; returns the manifest, with the build's ``summary``
    (see `book.summary`). Outputs whose inputs did not change since the
    recorded build (`book.record`) are left as they are. ``report(stage,
    done, total)`` shows progress, ``notify(line)`` says when the build waits
    for another; ``pdfx``, ``marks`` and ``simulate_press`` override the
    profile's (book.yaml ``profiles``; the soft proof is on in proof) when given."""
    output = OUTPUTS[profile_name]
    clock = time.perf_counter()
    report = report or (lambda *args: None)
    workers = jobs or os.cpu_count() or 1
    report("checking sources", 0, 1)
    started = time.time()
    key = build_key(profile_name, langs, strict, pdfx, marks, simulate_press)
    record, seen_files, quick, manifest = recorded_build(root, key, clock)
    if manifest is not None:
        report("done", 1, 1)
        return manifest
    options = build_options(key)
    digests = Digests(root)
    output_for = lambda book: build_output(book, profile_name, pdfx, marks, simulate_press)  # noqa: E731
    early = EarlyPhotos(output_for, workers, digests)
    keep = KeptEditions(record, digests, output_for, strict)
    try:
        prepared = prepare(root, langs, output, strict, whole_photos=False, paged=early, keep=keep,
                           measures=(MeasuresMemo(root), digests))
        prepared.problems.stop_if_errors("found; nothing was written")
    except BaseException:
        early.close()
        raise
    book = prepared.book
    output = build_output(book, profile_name, pdfx, marks, simulate_press)
    source_date(book.date)  # a bad SOURCE_DATE_EPOCH stops here, before reportlab trips over it
    with project_lock(root, notify), early:
        for note in recover(root):
            prepared.problems.warn("repaired", None, note)
        remove_leftovers(root, started)
        try:
            press_icc = press_for(book, output)
            jobs = photo_jobs(book, prepared.pagination, prepared.cover, output, press_icc)
            processing = early.take(jobs) or Processing(jobs, workers, digests.known)
            editions = [(e.lang, prepared.cover is not None) for e in prepared.editions]
            expected = None  # the outputs' inputs as the remembered digests of the photos give them
            if record.outputs:
                photos = keep.photos or photo_keys(jobs, lambda job: digests.get(job.source))
                expected = output_inputs(book, prepared.pagination, prepared.cards, output, strict, photos, digests, editions)
            todo = ({rel for rel, digest in expected.items() if record.unchanged(rel, digest) is None} if expected is not None
                    else {rel for lang, cover in editions for _, rel in edition_outputs(book, output, lang, cover)})
            work = staging_folder(root)
            try:
                seconds: dict[str, float] = {}
                staged, images = render_editions(prepared, output, jobs, processing, press_icc if output.colour == "cmyk" else None,
                                                 work, report, seconds, todo, workers, digests)
                photos = sorted((r.job.photo, r.job.frame, job_key(r.job, r.source_digest)) for r in images.values())
                inputs = output_inputs(book, prepared.pagination, prepared.cards, output, strict, photos, digests, editions)
                if expected is not None and expected != inputs:
                    raise BookError("a photo or source file changed while the build was reading it; run the build again")
                # A rendered output whose bytes are those already in place is left there; the
                # record's digest of the file in place spares reading it to learn that.
                known = {item.target: digest for item in staged
                         if (digest := record.intact(item.target.relative_to(root).as_posix())) is not None}
                manifest, moved = commit(root, book.slug, staged, [str(w) for w in prepared.problems.warnings], known)
                after = {f["path"]: f["sha256"] for f in manifest["files"]}
                written = []
                for edition in prepared.editions:
                    target = output_path(root, book, output, edition.lang)
                    written.append(Written(edition.lang, target, target in moved, seconds.get(edition.lang, 0.0)))
                manifest["summary"] = summarise(prepared, output, written, time.perf_counter() - clock)
            finally:
                shutil.rmtree(work, ignore_errors=True)
        except DiskFull as exc:
            raise DiskFull(exc.path, needed=space_needed(prepared, output), shown=shown(root, exc.path)) from None
        found = {e.lang: {"problems": [p.as_json() for p in e.problems], "marks": line["marks"]}
                 for e, line in zip(prepared.editions, manifest["summary"]["editions"], strict=True)}
        for edition in prepared.editions:
            for _, rel in edition_outputs(book, output, edition.lang, prepared.cover is not None):
                if rel in todo:
                    record.note_output(rel, inputs[rel], after.get(rel), found[edition.lang])
        # The files outside the project a build reads: fonts, and photos from photo_dirs.
        files = sorted({str(face.path) for face in book.fonts.faces.values()} | {str(p.path) for p in book.photos.values()})
        # Recorded only if no project file changed while this build read it.
        settled = quick_inputs(root, files, options) if quick_inputs(root, seen_files, options) == quick else ""
        record.note_build(key, settled, sorted(inputs), manifest["warnings"], files, manifest["summary"])
        record.save()
        digests.save()
    return manifest


def photo_keys(jobs: list[ImageJob], source_digest) -> list[tuple[str, str, str]]:
    """(photo, frame, prepared file's key) of each job, the key from
    ``source_digest(job)``: what the outputs' digests know of the photos."""
    return sorted((job.photo, job.frame, job_key(job, source_digest(job))) for job in jobs)


def output_inputs(book: Book, pagination: Pagination, cards: dict[CardKey, Card], output: Output, strict: bool,
                  photos: list[tuple[str, str, str]], digests: Digests, editions: list[tuple[str, bool]]) -> dict[str, str]:
    """Each output's input digest, by its path, for ``editions`` (language,
    whether it has a cover): the sources, the pages, the fonts, the prepared
    photos (`photo_keys`), the code and options (shared), and its edition's
    catalog. A source caption edit changes every edition's; a .po edit only
    its own edition's interior and cover, unless it changes what all
    editions share (a list's pages, a caption card's size)."""
    # A card sized from every edition's text: one catalog's edit can resize it in all of them.
    sizes = sorted((list(key), [round(card.w, 3), round(card.h, 3), round(card.measure, 3)]) for key, card in cards.items())
    common = digest_of({"code": code_digest(), "output": repr(output), "strict": strict, "sources": source_digests(book, digests),
                        "pages": page_list(pagination), "photos": photos, "fonts": font_digests(book), "cards": sizes,
                        "date": str(source_date(book.date))})  # the date the PDFs carry
    inputs = {}
    for lang, has_cover in editions:
        catalog = catalog_digest(book, lang, digests)
        for part, rel in edition_outputs(book, output, lang, has_cover):
            inputs[rel] = digest_of({"common": common, "lang": lang, "catalog": catalog, "part": part})
    return inputs


def source_digests(book: Book, digests: Digests) -> list[tuple[str, str]]:
    """The project's sources and their digests; the photos enter through their prepared files, the catalogs per edition."""
    return [(p.relative_to(book.root).as_posix(), digests.get(p)) for p in source_files(book.root)
            if p.suffix.lower() not in PHOTO_SUFFIXES + (".po", ".pot")]


def page_list(pagination: Pagination) -> list:
    return [(p.number, p.layout.name, p.chapter.id if p.chapter else None, [(pl.frame.name, pl.value) for pl in p.placed])
            for p in pagination.pages]


def font_digests(book: Book) -> list[tuple[str, int, str]]:
    return sorted((str(face.path), face.index, file_digest(face.path)) for face in book.fonts.faces.values() if face.path.is_file())


def catalog_digest(book: Book, lang: str, digests: Digests) -> str | None:
    po = book.root / catalog_rel(lang)
    return digests.get(po) if lang != book.source_language and po.is_file() else None


def edition_outputs(book: Book, output: Output, lang: str, has_cover: bool) -> list[tuple[str, str]]:
    """(part, path from the project root) of each output of one edition."""
    parts = [output.part] + (["cover"] if has_cover else [])
    return [(part, output_path(book.root, book, output, lang, part if part == "cover" else None).relative_to(book.root).as_posix())
            for part in parts]


class KeptEditions:
    """Which editions a build can leave as they are, decided before their
    text is set (`prepare`'s ``keep``): those whose every output's inputs
    are as recorded and whose files are intact. Their problems and proof
    marks are the recorded ones. The photos enter through the keys of their
    prepared files, from the digests remembered of the sources (`book.digests`);
    the build checks these against the photo stage's and stops if a photo
    changed meanwhile."""

    def __init__(self, record: BuildRecord, digests: Digests, output_for, strict: bool):
        self.record, self.digests, self.output_for, self.strict = record, digests, output_for, strict
        self.photos: list[tuple[str, str, str]] | None = None
        self.inputs: dict[str, str] = {}
        self.kept: set[str] = set()

    def __call__(self, book: Book, pagination: Pagination, geometry: CoverGeometry | None, cards: dict[CardKey, Card],
                 lang: str) -> dict | None:
        if not self.record.outputs:
            return None  # nothing recorded: a full build
        output = self.output_for(book)
        if self.photos is None:
            jobs = photo_jobs(book, pagination, geometry, output, press_for(book, output))
            self.photos = photo_keys(jobs, lambda job: self.digests.get(job.source))
        inputs = output_inputs(book, pagination, cards, output, self.strict, self.photos, self.digests, [(lang, geometry is not None)])
        kept = [self.record.kept(rel, digest) for rel, digest in inputs.items()]
        if any(entry is None for entry in kept):
            return None
        self.inputs.update(inputs)
        self.kept.add(lang)
        return kept[0]


def build_output(book: Book, profile_name: str, pdfx: str | None, marks: bool | None, simulate_press: bool | None) -> Output:
    """The profile's output as the book and the command line settle it."""
    output = resolve_output(book, profile_name, pdfx, marks)
    return output if simulate_press is None else replace(output, simulate_press=simulate_press)


def press_for(book: Book, output: Output) -> Path | None:
    """The press profile the output's photos are made for (or simulated with)."""
    if output.colour == "cmyk" or output.simulate_press:
        return press_profile(book.root, book.press_profile, book.ink_limit, cache_dir(book.root) / "colour")
    return None


def photo_jobs(book: Book, pagination: Pagination, cover: CoverGeometry | None, output: Output, press_icc: Path | None) -> list[ImageJob]:
    jobs = image_jobs(book, pagination, output, press_icc, cache_dir(book.root) / "images")
    job = cover_job(book, cover.media, output, press_icc, cache_dir(book.root) / "images") if cover else None
    return jobs + ([job] if job else [])


class EarlyPhotos:
    """The photo stage begun as soon as the pages are known (`prepare`'s
    ``paged``): the workers prepare the photos while this process sets the
    text. Nothing it does is final: the results are used only for the very
    jobs the build then asks for, and a build that stops first closes it."""

    def __init__(self, output_for, workers: int, digests: Digests | None = None):
        self.output_for = output_for
        self.workers = workers
        self.known = digests.known if digests else None
        self.processing: Processing | None = None

    def __call__(self, book: Book, pagination: Pagination, cover: CoverGeometry | None) -> None:
        try:
            output = self.output_for(book)
            jobs = photo_jobs(book, pagination, cover, output, press_for(book, output))
        except BookError:
            return  # reported where the build needs it, after the sources' problems
        if self.processing is None:
            self.processing = Processing(jobs, self.workers, self.known)
            return
        started = set(self.processing.jobs)
        self.processing.extend([job for job in jobs if job not in started])

    def take(self, jobs: list[ImageJob]) -> Processing | None:
        """The started processing when it is for ``jobs``."""
        if self.processing is not None and set(self.processing.jobs) != set(jobs):
            self.close()
        processing, self.processing = self.processing, None
        return processing

    def close(self) -> None:
        if self.processing is not None:
            self.processing.close()
            self.processing = None

    def __enter__(self) -> EarlyPhotos:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def render_editions(prepared: Prepared, output: Output, jobs: list[ImageJob], processing: Processing, press_icc: Path | None,
                    work: Path, report, seconds: dict[str, float], todo: set[str], workers: int,
                    digests: Digests) -> tuple[list[Staged], dict[tuple[str, str], ImageResult]]:
    """Render the outputs in ``todo`` (the others are unchanged) into the
    staging folder ``work``, the interiors in parallel, while ``processing``
    prepares the photos ``jobs``; each rendered file gets its photos as they
    are made (`book.pdf.editions.Splicing`). `book.pdf.commit` moves them into
    place only when all succeeded, so a failed build leaves the previous PDFs
    intact. Returns the staged files and the prepared photos by (photo,
    frame); stops on a photo that could not be prepared. ``seconds`` gets
    each edition's rendering time."""
    book, root = prepared.book, prepared.book.root
    press = Press(press_icc, output_condition(book.press_profile, press_icc), output.standard, output.marks, book.bleed)
    staged: list[Staged] = []
    edition_jobs: list[EditionJob] = []
    for edition in prepared.editions:
        target = output_path(root, book, output, edition.lang)
        if target.relative_to(root).as_posix() in todo:
            meta = doc_meta(book, edition.lang, edition.text.info, output.part)
            edition_jobs.append(EditionJob(edition, meta, work / f"{edition.lang}-raw.pdf", work / f"{edition.lang}.pdf", target))
            staged.append(Staged(work / f"{edition.lang}.pdf", target, {
                "lang": edition.lang, "profile": output.name, "part": output.part, "pages": len(prepared.pagination.pages),
                "trim_mm": list(book.trim), "bleed_mm": book.bleed, "sources": None}))  # once the workers have read the photos
    for edition in prepared.editions:
        target = output_path(root, book, output, edition.lang, "cover")
        if edition.cover is not None and target.relative_to(root).as_posix() in todo:
            meta = doc_meta(book, edition.lang, edition.text.info, "cover")
            edition_jobs.append(EditionJob(edition, meta, work / f"{edition.lang}-cover-raw.pdf", work / f"{edition.lang}-cover.pdf",
                                           target, cover=True))
            staged.append(Staged(work / f"{edition.lang}-cover.pdf", target, {
                "lang": edition.lang, "profile": output.name, **cover_entry(prepared.cover, len(prepared.pagination.pages))}))
    index = {}
    for number, job in enumerate(jobs):
        index.setdefault(photo_name(job), number)

    def photo(name: str) -> Path:
        try:
            result = processing.result(index[name])
        except CancelledError:
            raise PhotoMissing(name) from None
        if result.path is None:
            raise PhotoMissing(name)
        return result.path

    splicing = Splicing(photo)
    try:
        if edition_jobs:
            planned = planned_images(book, jobs)
            cover_photo = planned.get((book.cover.photo.id, "cover")) if book.cover and book.cover.photo else None
            shared = prepare_shared(work, book, prepared.pagination, planned, press, output.fallback, prepared.low_ppi,
                                    prepared.cover, cover_photo)
            names = ", ".join(sorted({job.edition.lang for job in edition_jobs}, key=[e.lang for e in prepared.editions].index))
            # While the photo workers have every core, the editions are rendered here, one after the other:
            # processes of their own would only share those cores and hold 150 MB each beside the workers.
            rendered = render_all(edition_jobs, shared, 1 if processing.busy() else workers, lambda done, total: report(f"rendering {names}", done, total),
                                  lambda job, result: splicing.start(job, result, root))
            for job in edition_jobs:
                seconds[job.edition.lang] = seconds.get(job.edition.lang, 0.0) + rendered[job.finished].seconds
        done = [0]

        def tick() -> None:
            done[0] += 1
            report("preparing photos", done[0], len(jobs))

        results = processing.results(tick)
        for result in results:
            if result.source_digest:
                digests.note(result.job.source, result.source_digest, result.source_seen)
        for item in staged:  # the photos' digests are those the workers took as they read them, not read again here
            if "sources" in item.entry:
                item.entry["sources"] = inputs_digest(root, item.entry["lang"], digests.get)
        report_failures(book, results, prepared.problems)
        prepared.problems.stop_if_errors("found; nothing was written")
        report("writing the PDFs", 0, 1)
        hashes = splicing.wait()
    except BaseException:
        processing.close()
        splicing.stop()
        raise
    report("done", len(prepared.editions), len(prepared.editions))
    return [replace(item, sha256=hashes[item.path]) for item in staged], {(r.job.photo, r.job.frame): r for r in results}


def space_needed(prepared: Prepared, output: Output) -> int:
    """Roughly the free space a build needs, in bytes: each edition's PDF is
    staged before it moves and its raw form is as large again; without a
    previous build, the photos' size per edition stands in for it."""
    root = prepared.book.root
    sizes = [output_path(root, prepared.book, output, e.lang) for e in prepared.editions]
    known = [p.stat().st_size for p in sizes if p.is_file()]
    per_edition = max(known) if known else sum(p.path.stat().st_size for p in prepared.book.photos.values() if p.path.is_file())
    return per_edition * (len(prepared.editions) + 1)


def doc_meta(book: Book, lang: str, info: dict[str, str], part: str) -> DocMeta:
    """What one finished PDF says about itself, dated from the sources."""
    return DocMeta(lang, info["title"], source_date(book.date), f"{book.slug}-{lang}-{part}", info["author"], info["subject"],
                   f"{book.slug} {lang}")
