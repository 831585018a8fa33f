"""The incremental build: one object each stage of `book.build` asks
whether its input changed since the recorded build (`book.record`).

- Before anything is read: has any file the build reads changed at all
  (a quick look at sizes and times)? If not, the recorded manifest is the
  answer (`Incremental.manifest`).
- Measuring what the editions share: was this edition's part measured
  before from the same inputs (`book.measures`)?
- Setting the text: which editions' outputs are all as recorded, so that
  their text need not be set again (`kept_editions`)?
- Rendering: which outputs' inputs changed (`to_render`); and, once the
  photo stage has read the photos, were they the ones the decision was
  made from (`check_photos`)?
- Committing: what the record learns (`remember`).

An output's inputs are the digests of everything it is made from: the
sources, the pages, the fonts, the prepared photos, the code and options
(shared), and its edition's catalog. A source caption edit changes every
edition's; a .po edit only its own edition's, unless it changes what all
editions share (a list's pages, a caption card's size). The photos enter
through the keys of their prepared files, from the digests remembered of
their sources (`book.digests`).

Light at import: the command line takes the quick look without loading the
toolchain.
"""

from __future__ import annotations

import os
import time
from functools import cached_property
from pathlib import Path

from book.digests import Digests
from book.errors import BookError
from book.files import settled, signature
from book.languages import catalog_rel
from book.record import BuildRecord, code_digest, digest_of, source_files

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff")


class Incremental:
    """The recorded build under ``key`` (`build_key`), asked by each stage (see the module's text)."""

    def __init__(self, root: Path, key: str, clock: float, strict: bool = False):
        self.root, self.key, self.strict = root, key, strict
        self.record, self.seen_files, self.quick, self.manifest = recorded_build(root, key, clock)
        self.options = build_options(key)
        self.photos: list[tuple[str, str, str]] | None = None  # the photos' keys the decisions were made from
        self.expected: dict[str, str] | None = None  # each output's inputs as decided before the photos were read
        self.inputs: dict[str, str] = {}  # each output's inputs as the photo stage read them

    @cached_property
    def digests(self) -> Digests:
        return Digests(self.root)

    @cached_property
    def memo(self):
        from book.measures import MeasuresMemo

        return MeasuresMemo(self.root)

    def measure_keys(self, book, first, cover: bool) -> dict[str, str]:
        """The digest of what each edition's part of the shared measures is measured from (`book.measures`)."""
        return measure_keys(book, first, cover, self.digests)

    def measured(self, name: str, key: str, measure):
        """Edition part ``name`` as remembered when it was measured from inputs ``key``, else None."""
        return self.memo.get(name, key, measure)

    def remember_measures(self, parts) -> None:
        self.memo.save(parts)

    def kept_editions(self, prepared, output) -> dict[str, dict]:
        """The editions whose every output's inputs are as recorded and whose
        files are intact, decided before their text is set: what their
        recorded build found of them ("problems", "marks"), by language."""
        if not self.record.outputs:
            return {}  # nothing recorded: a full build
        from book.images.pool import photo_jobs

        jobs = photo_jobs(prepared.book, prepared.pagination, prepared.cover, output)
        self.photos = photo_keys(jobs, lambda job: self.digests.get(job.source))
        has_cover = prepared.cover is not None
        inputs = output_inputs(prepared, output, self.strict, self.photos, self.digests, [(lang, has_cover) for lang in prepared.langs])
        kept = {}
        for lang in prepared.langs:
            found = [self.record.kept(rel, inputs[rel]) for _, rel in output.parts(prepared.book, lang, has_cover)]
            if all(entry is not None for entry in found):
                kept[lang] = found[0]
        return kept

    def to_render(self, prepared, output, jobs) -> set[str]:
        """The outputs (paths from the root) whose inputs changed, or are not recorded."""
        editions = [(e.lang, prepared.cover is not None) for e in prepared.editions]
        if not self.record.outputs:
            return {rel for lang, cover in editions for _, rel in output.parts(prepared.book, lang, cover)}
        photos = self.photos or photo_keys(jobs, lambda job: self.digests.get(job.source))
        self.expected = output_inputs(prepared, output, self.strict, photos, self.digests, editions)
        return {rel for rel, digest in self.expected.items() if self.record.unchanged(rel, digest) is None}

    def check_photos(self, prepared, output, results) -> None:
        """The outputs' inputs from the photos as the photo stage read them;
        stops the build if they are not those `to_render` decided from."""
        from book.images.cache import job_key

        by_frame = {(r.job.photo, r.job.frame): r for r in results}
        photos = sorted((r.job.photo, r.job.frame, job_key(r.job, r.source_digest)) for r in by_frame.values())
        editions = [(e.lang, prepared.cover is not None) for e in prepared.editions]
        self.inputs = output_inputs(prepared, output, self.strict, photos, self.digests, editions)
        if self.expected is not None and self.expected != self.inputs:
            raise BookError("a photo or source file changed while the build was reading it; run the build again")

    def placed(self, staged) -> dict[Path, str]:
        """The SHA-256 of each staged file's target in place, where the record knows it is intact."""
        return {item.target: digest for item in staged
                if (digest := self.record.intact(item.target.relative_to(self.root).as_posix())) is not None}

    def remember(self, prepared, output, todo: set[str], manifest: dict) -> None:
        """Record the outputs rendered (with what their build found of their
        edition) and the build itself, then save the record and the digests."""
        book = prepared.book
        found = {e.lang: {"problems": [p.as_json() for p in e.problems], "marks": line["marks"]}
                 for e, line in zip(prepared.editions, manifest["summary"]["editions"], strict=True)}
        after = {f["path"]: f["sha256"] for f in manifest["files"]}
        for edition in prepared.editions:
            for _, rel in output.parts(book, edition.lang, prepared.cover is not None):
                if rel in todo:
                    self.record.note_output(rel, self.inputs[rel], after.get(rel), found[edition.lang])
        # The files outside the project a build reads: fonts, and photos from photo_dirs.
        files = sorted({str(face.path) for face in book.fonts.faces.values()} | {str(p.path) for p in book.photos.values()})
        # Recorded only if no project file changed while this build read it.
        same = quick_inputs(self.root, self.seen_files, self.options) == self.quick
        settled = quick_inputs(self.root, files, self.options) if same else ""
        self.record.note_build(self.key, settled, sorted(self.inputs), manifest["warnings"], files, manifest["summary"])
        self.record.save()
        self.digests.save()


def photo_keys(jobs, source_digest) -> list[tuple[str, str, str]]:
    """(photo, frame, prepared file's key) of each job, the key from
    ``source_digest(job)``: what the outputs' digests know of the photos."""
    from book.images.cache import job_key

    return sorted((job.photo, job.frame, job_key(job, source_digest(job))) for job in jobs)


def output_inputs(prepared, output, strict: bool, photos: list[tuple[str, str, str]], digests: Digests,
                  editions: list[tuple[str, bool]]) -> dict[str, str]:
    """Each output's input digest, by its path, for ``editions`` (language,
    whether it has a cover); see the module's text."""
    from book.pdf.pdfx import source_date

    book = prepared.book
    # A card sized from every edition's text: one catalog's edit can resize it in all of them.
    sizes = sorted((list(key), [round(card.w, 3), round(card.h, 3), round(card.measure, 3)]) for key, card in prepared.cards.items())
    fields = {"code": code_digest(), "output": repr(output), "strict": strict, "sources": source_digests(book, digests),
              "pages": page_list(prepared.pagination), "photos": photos, "fonts": font_digests(book), "cards": sizes,
              "date": str(source_date(book.date))}  # the date the PDFs carry
    more = output.more_inputs(book, digests.get)
    if more:  # only an output that reads more (the EPUBs' photos) has the key, so the others' digests stay as they were
        fields["more"] = more
    common = digest_of(fields)
    inputs = {}
    for lang, has_cover in editions:
        catalog = catalog_digest(book, lang, digests)
        for part, rel in output.parts(book, lang, has_cover):
            inputs[rel] = digest_of({"common": common, "lang": lang, "catalog": catalog, "part": part})
    return inputs


def measure_keys(book, first, cover: bool, digests: Digests) -> dict[str, str]:
    """The digest of what each edition's part of the shared measures is measured from (`book.measures`)."""
    common = digest_of({"code": code_digest(), "sources": source_digests(book, digests), "pages": page_list(first),
                        "fonts": font_digests(book), "cover": cover})
    return {lang: digest_of({"common": common, "lang": lang, "catalog": catalog_digest(book, lang, digests)}) for lang in book.editions}


def source_digests(book, digests: Digests) -> list[tuple[str, str]]:
    """The project's sources and their digests; the photos enter through their prepared files, the catalogs per edition."""
    return [(p.relative_to(book.root).as_posix(), digests.get(p)) for p in source_files(book.root)
            if p.suffix.lower() not in PHOTO_SUFFIXES + (".po", ".pot")]


def page_list(pagination) -> list:
    return [(p.number, p.layout.name, p.chapter.id if p.chapter else None, [(pl.frame.name, pl.value) for pl in p.placed])
            for p in pagination.pages]


def font_digests(book) -> list[tuple[str, int, str]]:
    from book.text.fonts import file_digest

    return sorted((str(face.path), face.index, file_digest(face.path)) for face in book.fonts.faces.values() if face.path.is_file())


def catalog_digest(book, lang: str, digests: Digests) -> str | None:
    po = book.root / catalog_rel(lang)
    return digests.get(po) if lang != book.source_language and po.is_file() else None


def quick_inputs(root: Path, font_files: list[Path], options: dict) -> str:
    """The fast check: every project file's and font file's size,
    modification and change times and inode (`book.files.signature`: a file
    rewritten in place with its size and modification time kept still
    differs), with the code and options. Equal means nothing the build
    reads has changed since the recorded build. A file changed within the
    settle time (`book.files.settled`) makes a digest equal to no other, so
    that the quick look is not trusted for it."""
    files = [[str(p), signature(p)] for p in source_files(root) + [Path(f) for f in sorted(set(map(str, font_files)))]]
    now = time.time_ns()
    if any(sig is not None and settled(sig, now) is None for _, sig in files):
        return f"unsettled {now} {os.getpid()}"
    return digest_of({"files": files, "options": options, "code": code_digest(), "root": os.fspath(root)})


def build_key(profile: str, langs: list[str] | None, strict: bool, pdfx: str | None, marks: bool | None,
              simulate_press: bool | None) -> str:
    """The name a build is recorded under: its profile, languages and options."""
    return f"{profile}|{','.join(sorted(langs)) if langs else '*'}|{'strict' if strict else ''}|{pdfx}|{marks}|{simulate_press}"


def build_options(key: str) -> dict:
    return {"key": key, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH")}


def recorded_build(root: Path, key: str, clock: float) -> tuple[BuildRecord, list, str, dict | None]:
    """The quick look a build takes first, before reading anything: (the
    record, the files outside the project the recorded build read, their and
    the project's quick digest, and the manifest of the recorded build when
    nothing changed since, else None). ``clock`` is when the build began (perf_counter)."""
    from book.pdf.commit import JOURNAL_REL  # light: json and os

    record = BuildRecord(root)
    seen_files = record.builds.get(key, {}).get("fonts", [])
    quick = quick_inputs(root, seen_files, build_options(key))
    same = record.build_unchanged(key, quick) if not (root / JOURNAL_REL).exists() else None
    manifest = recorded_manifest(root, record, same, time.perf_counter() - clock) if same is not None else None
    return record, seen_files, quick, manifest


def recorded_manifest(root: Path, record: BuildRecord, same: dict, seconds: float) -> dict | None:
    """The manifest of a build whose inputs and outputs are all as recorded,
    with its summary saying every edition is unchanged; None if it cannot be trusted."""
    from book.pdf.commit import read_manifest

    manifest = read_manifest(root)
    try:
        listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    except (KeyError, TypeError):
        return None
    if not same.get("summary") or any(listed.get(rel) != record.intact(rel) for rel in same["outputs"]):
        return None
    editions = [{**e, "written": False, "seconds": 0.0} for e in same["summary"]["editions"]]
    summary = {**same["summary"], "editions": editions, "seconds": round(seconds, 2)}
    return {**manifest, "warnings": same["warnings"], "summary": summary}
