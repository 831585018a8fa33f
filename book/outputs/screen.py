"""The screen output: each edition's interior as an RGB PDF for reading on
screen (`book.pdf.write`), and beside it the edition's EPUB 3
(`book.epub`), at ``output/screen/<lang>/<slug>-<lang>.epub``. Both are
parts of the edition, so that the build record, the manifest and the
commit treat them alike: an unchanged EPUB is not rewritten, and neither
file is put in place unless both were made."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from book.outputs.base import SCREEN_FINAL_REFUSES, Rendering, RenderRequest
from book.outputs.pdf import PdfOutput
from book.pdf.commit import Staged

EPUB_PART = "epub"


@dataclass(frozen=True)
class ScreenOutput(PdfOutput):
    """The PDFs `PdfOutput` renders, and an EPUB per edition."""

    def path(self, root: Path, book, lang: str, part: str | None = None) -> Path:
        if part == EPUB_PART:
            return root / "output" / self.name / lang / f"{book.slug}-{lang}.epub"
        return super().path(root, book, lang, part)

    def parts(self, book, lang: str, has_cover: bool) -> list[tuple[str, str]]:
        return super().parts(book, lang, has_cover) + [(EPUB_PART, self.path(book.root, book, lang, EPUB_PART).relative_to(book.root).as_posix())]

    def render(self, request: RenderRequest) -> Rendering:
        """The PDFs as `PdfOutput` renders them; the EPUBs once the photo
        stage has finished (their photos are made from the sources, in
        threads of this process, and the pages' workers have the cores
        until then)."""
        prepared, work = request.prepared, request.work
        book, root = prepared.book, prepared.book.root
        epubs: list[tuple[object, Path]] = []
        staged = []
        for edition in prepared.editions:
            target = self.path(root, book, edition.lang, EPUB_PART)
            if target.relative_to(root).as_posix() in request.todo:
                epubs.append((edition, work / f"{edition.lang}.epub"))
                staged.append(Staged(work / f"{edition.lang}.epub", target, {
                    "lang": edition.lang, "profile": self.name, "part": EPUB_PART, "pages": len(prepared.pagination.pages),
                    "sources": None}))
        pdfs = super().render(request)
        seconds = dict(pdfs.seconds)

        def wait() -> dict[Path, str]:
            hashes = pdfs.wait()
            if epubs:
                hashes.update(write_epubs(prepared, epubs, request, seconds))
            return hashes

        return Rendering(pdfs.staged + staged, seconds, wait, pdfs.stop)

    def more_inputs(self, book, file_digest) -> list:
        """The cover's photo, which the EPUBs show and no screen page does: its digest."""
        photo = book.cover.photo if book.cover else None
        return [[photo.id, file_digest(photo.path)]] if photo is not None and photo.path.is_file() else []

    def check(self, path: Path, **settings):
        """An EPUB checked by epubcheck (`book.epub.check`); a PDF as `PdfOutput` checks it."""
        if path.suffix.lower() == ".epub":
            from book.epub.check import check_epub

            return check_epub(path)
        return super().check(path, **settings)


def write_epubs(prepared, epubs: list, request: RenderRequest, seconds: dict[str, float]) -> dict[Path, str]:
    """Write each edition's EPUB to its staging file; returns their SHA-256 by staged path."""
    from book.caches import EPUB_FONTS, FONTS
    from book.epub.make import make_epub, photos_wanted
    from book.epub.photos import prepare_photos
    from book.files import write_atomic
    from book.gather import edition_catalog
    from book.text.fonts import EditionFonts

    book = prepared.book
    request.report("preparing the EPUBs' photos", 0, 1)
    photos = prepare_photos(book, photos_wanted(book, prepared.pagination), request.workers)
    hashes = {}
    for done, (edition, staged) in enumerate(epubs):
        request.report("writing the EPUBs", done, len(epubs))
        clock = time.perf_counter()
        lang = edition.lang
        catalog = edition.catalog or (edition_catalog(book, lang, prepared.catalogs) if lang != book.source_language else None)
        fonts = edition.fonts or EditionFonts(book.fonts, lang, FONTS.path(book.root))
        data = make_epub(book, prepared.pagination, lang, catalog, photos, fonts, EPUB_FONTS.path(book.root))
        write_atomic(staged, data, durable=False)  # a full disk is the build's one line, naming the space it needs
        hashes[staged] = hashlib.sha256(data).hexdigest()
        seconds[lang] = seconds.get(lang, 0.0) + time.perf_counter() - clock
    return hashes


SCREEN = ScreenOutput("screen", "rgb", 150, None, False, "interior", alt_text=True, final_refuses=SCREEN_FINAL_REFUSES, tagged=True)
