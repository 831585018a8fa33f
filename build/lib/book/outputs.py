"""The kinds of output a build makes (print, screen, proof) and where each
edition's files go."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from book.model import Book


@dataclass(frozen=True)
class Output:
    name: str  # the --profile a user names
    colour: str  # 'cmyk' or 'rgb'
    ppi: int
    standard: str | None  # PDF/X flavour
    fallback: bool  # show the source text where a translation is missing
    part: str
    marks: bool = False  # crop marks in a slug (many print-on-demand services forbid them)
    simulate_press: bool = False  # RGB photos shown as the press will print them (soft proof)


OUTPUTS = {
    "print": Output("print", "cmyk", 300, "x1a", False, "interior"),
    "screen": Output("screen", "rgb", 150, None, False, "interior"),
    "proof": Output("proof", "rgb", 150, None, True, "proof", simulate_press=True),
}
# What a proof shows and marks instead of refusing: a translator's work in progress.
PROOF_TOLERATES = frozenset({"untranslated", "fuzzy", "stale-translation", "no-catalog", "overflow"})
# What a print build that declares itself final (imprint.final: true) refuses rather than warns about.
FINAL_REFUSES = frozenset({"imprint-empty", "isbn-missing", "no-cover"})


def resolve_output(book: Book, name: str, pdfx: str | None = None, marks: bool | None = None) -> Output:
    """The output ``name`` with book.yaml's ``profiles.<name>`` applied, then the command line's choices."""
    output = OUTPUTS[name]
    settings = book.profiles.get(name)
    if settings is not None:
        output = replace(output, standard=settings.pdfx or output.standard,
                         marks=output.marks if settings.marks is None else settings.marks)
    if pdfx is not None:
        output = replace(output, standard=pdfx)
    if marks is not None:
        output = replace(output, marks=marks)
    return output


def output_path(root: Path, book: Book, output: Output, lang: str, part: str | None = None) -> Path:
    return root / "output" / output.name / lang / f"{book.slug}-{lang}-{part or output.part}.pdf"


def cache_dir(root: Path) -> Path:
    return root / ".cache"
