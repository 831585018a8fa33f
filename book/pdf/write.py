"""The print, screen and proof outputs' rendering (`book.outputs.pdf`):
each edition's interior, and its cover where the build planned one, drawn
into the staging folder, the interiors in parallel, while the photo stage
prepares the photos; each rendered file gets its photos as they are made
(`book.pdf.editions.Splicing`)."""

from __future__ import annotations

from book.images.placed import planned_images
from book.images.press import output_condition
from book.outputs import Output, Rendering, RenderRequest
from book.pages.spine import cover_entry
from book.pdf.commit import Staged
from book.pdf.editions import EditionJob, Splicing, prepare_shared, render_all
from book.pdf.finish import Press
from book.pdf.pdfx import DocMeta, source_date


def render_editions(output: Output, request: RenderRequest) -> Rendering:
    """Render the files in ``request.todo`` (the others are unchanged) and
    start putting their photos in; the returned `Rendering` waits for that.
    Nothing is moved into place here (`book.pdf.commit`)."""
    prepared, work = request.prepared, request.work
    book, root = prepared.book, prepared.book.root
    press_icc = request.press_icc if output.colour == "cmyk" else None
    sides = book.printer.bleed if book.printer is not None and not book.printer.bleed.even else None
    press = Press(press_icc, output_condition(book.press_profile, press_icc), output.standard, output.marks, book.bleed, sides)
    staged: list[Staged] = []
    edition_jobs: list[EditionJob] = []
    for edition in prepared.editions:
        target = output.path(root, book, edition.lang)
        if target.relative_to(root).as_posix() in request.todo:
            meta = doc_meta(book, edition.lang, edition.text.info, output.part)
            edition_jobs.append(EditionJob(edition, meta, work / f"{edition.lang}-raw.pdf", work / f"{edition.lang}.pdf", target))
            staged.append(Staged(work / f"{edition.lang}.pdf", target, {
                "lang": edition.lang, "profile": output.name, "part": output.part, "pages": len(prepared.pagination.pages),
                "trim_mm": list(book.trim), "bleed_mm": book.bleed, **bleed_sides(sides), "sources": None}))  # once the workers have read the photos
    for edition in prepared.editions:
        target = output.path(root, book, edition.lang, "cover")
        if edition.cover is not None and target.relative_to(root).as_posix() in request.todo:
            meta = doc_meta(book, edition.lang, edition.text.info, "cover")
            edition_jobs.append(EditionJob(edition, meta, work / f"{edition.lang}-cover-raw.pdf", work / f"{edition.lang}-cover.pdf",
                                           target, cover=True))
            staged.append(Staged(work / f"{edition.lang}-cover.pdf", target, {
                "lang": edition.lang, "profile": output.name, **cover_entry(prepared.cover, len(prepared.pagination.pages))}))
    splicing = Splicing(request.photo)
    seconds: dict[str, float] = {}
    try:
        if edition_jobs:
            planned = planned_images(book, request.jobs)
            cover_photo = planned.get((book.cover.photo.id, "cover")) if book.cover and book.cover.photo else None
            shared = prepare_shared(work, book, prepared.pagination, planned, press, output.fallback, prepared.low_ppi,
                                    prepared.cover, cover_photo, output.tagged)
            names = ", ".join(sorted({job.edition.lang for job in edition_jobs}, key=[e.lang for e in prepared.editions].index))
            # While the photo workers have every core, the editions are rendered here, one after the other:
            # processes of their own would only share those cores and hold an edition's memory each beside the workers.
            rendered = render_all(edition_jobs, shared, 1 if request.busy() else request.workers,
                                  lambda done, total: request.report(f"rendering {names}", done, total),
                                  lambda job, result: splicing.start(job, result, root))
            for job in edition_jobs:
                seconds[job.edition.lang] = seconds.get(job.edition.lang, 0.0) + rendered[job.finished].seconds
    except BaseException:
        request.close_photos()  # first, so that no splicing thread waits for a photo
        splicing.stop()
        raise
    return Rendering(staged, seconds, splicing.wait, splicing.stop)


def doc_meta(book, lang: str, info: dict[str, str], part: str) -> DocMeta:
    """What one finished PDF says about itself, dated from the sources."""
    return DocMeta(lang, info["title"], source_date(book.date), f"{book.slug}-{lang}-{part}", info["author"], info["subject"],
                   f"{book.slug} {lang}")


def bleed_sides(sides) -> dict:
    """The manifest's word on a bleed that differs by side (none when it is the same all round)."""
    if sides is None:
        return {}
    return {"bleed_sides_mm": {"top": sides.top, "bottom": sides.bottom, "outside": sides.outside, "gutter": sides.gutter}}
