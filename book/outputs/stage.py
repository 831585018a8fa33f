"""The render stage: one output's files rendered into the staging folder
(`book.outputs.Output.render`) while the photo stage finishes; then the
photos' failures are reported, and the build stops, before anything is
moved into place (`book.pdf.commit`)."""

from __future__ import annotations

from concurrent.futures import CancelledError
from dataclasses import replace
from pathlib import Path

from book.digests import Digests
from book.images.placed import report_failures
from book.images.pool import PhotoMissing, Processing, press_for
from book.images.process import ImageJob, ImageResult, photo_name
from book.outputs import Output, RenderRequest
from book.pdf.commit import Staged
from book.sources.inputs import inputs_digest


def render_outputs(prepared, output: Output, jobs: list[ImageJob], processing: Processing, todo: set[str], work: Path,
                   workers: int, report, digests: Digests) -> tuple[list[Staged], list[ImageResult], dict[str, float]]:
    """Render the files in ``todo`` (the others are unchanged) while
    ``processing`` prepares the photos ``jobs``. Returns the staged files,
    the photos' results (their sources' digests noted in ``digests``) and
    each edition's rendering time; stops on a photo that could not be prepared."""
    book = prepared.book
    index: dict[str, int] = {}
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

    request = RenderRequest(prepared, frozenset(todo), work, jobs, photo, processing.busy, processing.close, press_for(book, output),
                            workers, report)
    rendering = None
    done = [0]

    def tick() -> None:
        done[0] += 1
        report("preparing photos", done[0], len(jobs))

    try:
        rendering = output.render(request)
        results = processing.results(tick)
        for result in results:
            if result.source_digest:
                digests.note(result.job.source, result.source_digest, result.source_seen)
        for item in rendering.staged:  # the photos' digests are those the workers took as they read them, not read again here
            if "sources" in item.entry:
                item.entry["sources"] = inputs_digest(book.root, item.entry["lang"], digests.get)
        report_failures(book, results, prepared.problems)
        prepared.problems.stop_if_errors("found; nothing was written")
        report("writing the PDFs", 0, 1)
        hashes = rendering.wait()
    except BaseException:
        processing.close()
        if rendering is not None:
            rendering.stop()
        raise
    report("done", len(prepared.editions), len(prepared.editions))
    return [replace(item, sha256=hashes.get(item.path, item.sha256)) for item in rendering.staged], results, rendering.seconds
