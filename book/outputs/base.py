"""What an output format is to the build: a class with one interface.

An `Output` says which inputs it needs from the gathered book (the photos'
colour space and resolution, whether its editions' text is set, whether it
makes a cover beside each interior), what it writes (`parts`: each
edition's files and their paths), how it renders them (`render`, into the
build's staging folder, from which `book.pdf.commit` moves them into
place) and how a finished file is checked (`check`, run by `book
preflight`). The build knows nothing else of a format: adding one is a
subclass and a `book.outputs.register` call (or an entry point in the
``book.outputs`` group), never an edit of `book.build`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from book.pdf.commit import Staged  # what a render leaves in the staging folder; light: json and os

# What a proof shows and marks instead of refusing: a translator's work in progress.
PROOF_TOLERATES = frozenset({"untranslated", "fuzzy", "stale-translation", "no-catalog", "overflow"})
# What an output for the press refuses rather than warns about when the book declares itself final (imprint.final: true).
FINAL_REFUSES = frozenset({"imprint-empty", "isbn-missing", "no-cover", "placeholder-text"})
# What a screen output refuses in a final book: what a reader who cannot see the photos
# would miss (their alt text, in every edition's language) and the e-book's own ISBN.
SCREEN_FINAL_REFUSES = frozenset({"alt-missing", "alt-too-long", "alt-is-caption", "untranslated", "fuzzy", "stale-translation",
                                  "isbn-epub-missing", "placeholder-text"})


@dataclass(frozen=True)
class RenderRequest:
    """What the render stage hands an output: the gathered book, which of
    its files to render (the others are unchanged), where to write them,
    and the photos as the photo stage prepares them."""

    prepared: object  # book.gather.Prepared
    todo: frozenset[str]  # paths from the project root of the files to render
    work: Path  # the staging folder
    jobs: list  # the photo jobs (book.images.process.ImageJob), in the order the photo stage runs them
    photo: Callable[[str], Path]  # a prepared photo's file by its `photo_name`, waiting for it; raises PhotoMissing
    busy: Callable[[], bool]  # whether the photo workers still use every core
    close_photos: Callable[[], None]  # stop the photo stage (a build that stops): waiting for a photo then raises
    press_icc: Path | None  # the press profile the photos are made for or simulated with
    workers: int
    report: Callable[[str, int, int], None]  # progress: (stage, done, total)


@dataclass
class Rendering:
    """What an output's `render` leaves: the files staged with their manifest
    entries (``"sources"`` None: the render stage fills it in), each
    edition's rendering time, and how to wait for files still being written
    (their SHA-256 by staged path) or to stop that work when the build stops."""

    staged: list[Staged]
    seconds: dict[str, float] = field(default_factory=dict)
    wait: Callable[[], dict[Path, str]] = dict
    stop: Callable[[], None] = lambda: None


@dataclass(frozen=True)
class Output(ABC):
    """One output format, and its settings for one build (see the module's text).
    A subclass says how it renders (`render`); one that does not cannot be made."""

    name: str  # the --profile a user names
    colour: str  # the photos' colour: 'cmyk' or 'rgb'
    ppi: int  # the photos' resolution in their frames
    standard: str | None  # PDF/X flavour
    fallback: bool  # show the source text where a translation is missing
    part: str  # each edition's main file
    marks: bool = False  # crop marks in a slug (many print-on-demand services forbid them)
    simulate_press: bool = False  # RGB photos shown as the press will print them (soft proof)
    cover: bool = False  # a cover beside each interior: the cover is planned and its text set
    for_press: bool = False  # a final book (imprint.final) refuses FINAL_REFUSES
    text: bool = True  # each edition's text is measured and set
    alt_text: bool = False  # it gives each photo's alt text to readers: the alt checks run (book.checks.alt)
    final_refuses: frozenset[str] = frozenset()  # what it refuses in a final book (imprint.final), beside FINAL_REFUSES for the press
    tagged: bool = False  # a tagged, accessible PDF/UA-1: structure tree, alt texts, links (`book.pdf.tags`)
    suffix: str = ".pdf"

    def resolve(self, book, pdfx: str | None = None, marks: bool | None = None, simulate_press: bool | None = None) -> Output:
        """This output with book.yaml's ``profiles.<name>`` applied, then the command line's choices."""
        output = self
        settings = book.profiles.get(self.name)
        printer = settings.printer if settings is not None else None
        if settings is not None:
            output = replace(output, standard=settings.pdfx or (printer.pdfx if printer else None) or output.standard,
                             marks=output.marks if settings.marks is None else settings.marks)
        if pdfx is not None:
            output = replace(output, standard=pdfx)
        if marks is not None:
            if marks and printer is not None and not printer.marks_allowed:
                from book.errors import BookError

                raise BookError(f"--marks: the {self.name} output's printer '{printer.name}' allows no crop marks; build without --marks")
            output = replace(output, marks=marks)
        return output if simulate_press is None else replace(output, simulate_press=simulate_press)

    @property
    def refused_when_final(self) -> frozenset[str]:
        """The warning codes this output turns into errors when the book declares itself final."""
        return self.final_refuses | (FINAL_REFUSES if self.for_press else frozenset())

    def path(self, root: Path, book, lang: str, part: str | None = None) -> Path:
        """Where an edition's ``part`` (its main part when None) goes."""
        return root / "output" / self.name / lang / f"{book.slug}-{lang}-{part or self.part}{self.suffix}"

    def parts(self, book, lang: str, has_cover: bool) -> list[tuple[str, str]]:
        """(part, path from the project root) of each file of one edition."""
        names = [self.part] + (["cover"] if has_cover else [])
        return [(part, self.path(book.root, book, lang, part).relative_to(book.root).as_posix()) for part in names]

    @abstractmethod
    def render(self, request: RenderRequest) -> Rendering:
        """Write the files of ``request.todo`` into ``request.work``."""

    def more_inputs(self, book, file_digest: Callable[[Path], str]) -> list:
        """What this output's files are made from beyond the sources, the
        pages' photos and the fonts the build record already digests: plain
        data the record takes into their digests (``file_digest(path)`` gives
        a file's SHA-256), so that a change in it renders them again."""
        return []

    def check(self, path: Path, **settings):
        """A finished file checked as a printer would (`book.checks.preflight`);
        ``settings`` are the project's limits when known."""
        from book.checks.preflight import preflight

        if not self.for_press and "min_ppi" in settings:  # a screen or proof file's photos are made at the output's own resolution
            settings = {**settings, "min_ppi": min(settings["min_ppi"], self.ppi)}
        return preflight(path, tagged=self.tagged, **settings)

    def space_needed(self, prepared) -> int:
        """Roughly the free space a build needs, in bytes: each edition's file
        is staged before it moves and its raw form is as large again; without a
        previous build, the photos' size per edition stands in for it."""
        book = prepared.book
        sizes = [self.path(book.root, book, e.lang) for e in prepared.editions]
        known = [p.stat().st_size for p in sizes if p.is_file()]
        per_edition = max(known) if known else sum(p.path.stat().st_size for p in book.photos.values() if p.path.is_file())
        return per_edition * (len(prepared.editions) + 1)
