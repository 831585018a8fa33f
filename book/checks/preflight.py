"""`book preflight`: check built PDFs as a printer's preflight would: boxes and
bleed, page count, image resolution and total ink here; the PDF/X keys by
their values (`docinfo`), what the pages draw (`content`) and the text's
safety zone (`safety`) and the glyphs drawn (`glyphs`: no .notdef) in their own modules."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from PIL import Image

from book.checks.content import check_content
from book.checks.docinfo import check_document
from book.checks.glyphs import check_glyphs
from book.checks.safety import check_safety
from book.checks.structure import check_structure
from book.errors import WARNING, Problem, Problems, Where
from book.model import MM, Safety
from book.presets import PRESS_MIN_PPI

MIN_BLEED_MM = 3.0


@dataclass
class Report:
    path: str
    pages: int = 0
    trim_mm: tuple[float, float] | None = None
    problems: Problems = field(default_factory=Problems)
    facts: dict[str, object] = field(default_factory=dict)

    def error(self, code: str, message: str, page: int | None = None) -> None:
        self.problems.add(Problem(code, message, Where(self.path, page=page)))

    def warn(self, code: str, message: str, page: int | None = None) -> None:
        self.problems.add(Problem(code, message, Where(self.path, page=page), WARNING))

    @property
    def errors(self) -> list[str]:
        return [p.message for p in self.problems.errors]

    @property
    def warnings(self) -> list[str]:
        return [p.message for p in self.problems.warnings]

    @property
    def ok(self) -> bool:
        return not self.problems.errors

    def as_json(self) -> dict:
        return {"path": self.path, "pages": self.pages, "trim_mm": self.trim_mm, "ok": self.ok, "facts": self.facts,
                "errors": self.errors, "warnings": self.warnings, "problems": [p.as_json() for p in self.problems.items]}


def box(page: pikepdf.Page, name: str) -> list[float] | None:
    value = page.obj.get(name)
    return [float(v) for v in value] if value is not None else None


def check_boxes(pdf: pikepdf.Pdf, report: Report) -> None:
    trims = set()
    for number, page in enumerate(pdf.pages, start=1):
        media, trim, bleed = box(page, "/MediaBox"), box(page, "/TrimBox"), box(page, "/BleedBox")
        if trim is None or bleed is None:
            report.error("no-trimbox", f"page {number}: no {'TrimBox' if trim is None else 'BleedBox'}; the printer cannot find the trim", number)
            continue
        margins = [trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3]]
        if min(margins) < MIN_BLEED_MM * MM - 0.01:
            report.error("bleed", f"page {number}: bleed {min(margins) / MM:.1f} mm, needs {MIN_BLEED_MM:.0f} mm on every side", number)
        if media and (bleed[0] < media[0] - 0.01 or bleed[1] < media[1] - 0.01 or bleed[2] > media[2] + 0.01 or bleed[3] > media[3] + 0.01):
            report.error("bleed", f"page {number}: BleedBox reaches outside the MediaBox", number)
        if min(margins) < -0.01:
            report.error("trim", f"page {number}: TrimBox reaches outside the BleedBox", number)
        trims.add((round((trim[2] - trim[0]) / MM, 1), round((trim[3] - trim[1]) / MM, 1)))
    if len(trims) > 1:
        report.error("trim", f"pages have different trim sizes: {sorted(trims)}")
    if trims:
        report.trim_mm = sorted(trims)[0]


def check_images(path: Path, pdf: pikepdf.Pdf, report: Report, min_ppi: int, ink_limit: int, rule: str = "",
                 floor: str = "") -> None:
    """Resolution by pdfimages, and the highest total ink of the CMYK photos
    (sampled), with the page it is on; ``rule`` names where the ink limit
    comes from, ``floor`` where the resolution's does."""
    tool = shutil.which("pdfimages")
    low = []
    if tool:
        listing = subprocess.run([tool, "-list", str(path)], capture_output=True, encoding="utf-8", errors="replace").stdout.splitlines()[2:]
        for row in listing:
            cols = row.split()
            if len(cols) < 14 or cols[2] != "image":
                continue
            ppi = min(int(cols[12]), int(cols[13]))
            if ppi < min_ppi - 1:
                low.append(f"page {cols[0]} ({ppi} ppi)")
        report.facts["images"] = len(listing)
    for item in low:
        report.warn("low-ppi", f"image below {min_ppi} ppi{floor} on {item}")
    worst, worst_page = 0.0, None
    seen: set = set()
    for number, page in enumerate(pdf.pages, start=1):
        for image in images_of(page.Resources, seen):
            filters = image.get("/Filter")
            filters = list(filters) if isinstance(filters, pikepdf.Array) else [filters]
            if image.get("/ColorSpace") != "/DeviceCMYK" or filters != ["/DCTDecode"]:
                continue
            with Image.open(io.BytesIO(image.read_raw_bytes())) as picture:
                picture.draft("CMYK", (picture.width // 8, picture.height // 8))
                small = picture.convert("CMYK")
                # Adobe CMYK JPEGs are stored inverted; Pillow undoes that on decode.
                bands = [b.load() for b in small.split()]
                w, h = small.size
                most = max(sum(band[x, y] for band in bands) / 2.55 for y in range(0, h, 2) for x in range(0, w, 2))
                if most > worst:
                    worst, worst_page = most, number
    if worst:
        report.facts["max_ink_percent"] = round(worst)
        if worst > ink_limit + 5:
            report.error("ink-limit", f"page {worst_page}: total ink reaches {worst:.0f} % in a photo; the limit is {ink_limit} %"
                         f"{rule}", worst_page)


def images_of(resources, seen: set):
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.objgen in seen:
            continue
        seen.add(xobject.objgen)
        if xobject.get("/Subtype") == "/Image":
            yield xobject
        elif xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            yield from images_of(xobject.Resources, seen)


def part_of(path: Path) -> str:
    """The part a built PDF is, from its name (``<slug>-<lang>-cover.pdf``); any other PDF is an interior.

    >>> part_of(Path("output/print/en/da-nang-en-cover.pdf")), part_of(Path("magenta.pdf"))
    ('cover', 'interior')
    """
    return "cover" if path.stem.endswith("-cover") else "interior"


def preflight(path: Path, min_ppi: int = PRESS_MIN_PPI, ink_limit: int = 300, page_multiple: int = 4, safety: Safety | None = None,
              tagged: bool = False, printer=None, book_min_ppi: int | None = None) -> Report:
    """``path`` checked as a printer's preflight would; against a printer
    preset (`book.presets.Preset`) when ``printer`` is given: its boxes,
    ink limit, PDF/X, marks and file size (`book.checks.printer`).
    ``tagged``: the file is a tagged screen PDF (its output says so), checked
    as PDF/UA-1 rather than PDF/X; a file that says it is tagged has its structure checked too.
    ``book_min_ppi``: book.yaml's colour.min_ppi, named where it is lower
    than the printer's floor the photos are checked against (`resolution_floor`)."""
    report = Report(str(path))
    if cut_short(path):
        report.error("damaged-pdf", "the PDF is cut short (no end-of-file marker); build it again or ask for a complete copy")
        return report
    try:
        pdf = pikepdf.open(path)
    except (pikepdf.PdfError, OSError) as exc:
        report.error("unreadable-pdf", f"not a readable PDF: {exc}")
        return report
    with pdf:
        try:
            read_all(path, pdf, report, min_ppi, ink_limit, page_multiple, safety, tagged, printer, book_min_ppi)
            if tagged or "/StructTreeRoot" in pdf.Root or "/MarkInfo" in pdf.Root:
                check_structure(pdf, report)
        except (pikepdf.PdfError, AttributeError, KeyError, TypeError, ValueError) as exc:
            report.error("damaged-pdf", f"the PDF is damaged ({type(exc).__name__}: {exc}); build it again or ask for a complete copy")
    return report


def cut_short(path: Path) -> bool:
    """A PDF ends with %%EOF: one that does not was cut short (a copy or download that stopped)."""
    with path.open("rb") as handle:
        if handle.read(5) != b"%PDF-":
            return False  # not a PDF at all: pikepdf says so
        handle.seek(max(0, path.stat().st_size - 1024))
        return b"%%EOF" not in handle.read()


def resolution_floor(min_ppi: int, printer, book_min_ppi: int | None) -> tuple[int, str]:
    """The resolution a printer's preflight holds the photos to, and the words
    saying whose it is: a preset's own floor, else ``min_ppi`` (the press's
    300, or book.yaml's when higher); book.yaml's lower one is named, never obeyed.

    >>> resolution_floor(300, None, 200)
    (300, " (the printer's floor; content/book.yaml lowers colour.min_ppi to 200: ask the printer first)")
    >>> resolution_floor(300, None, 300), resolution_floor(150, None, 200)
    ((300, ''), (150, ''))
    """
    floor, whose = min_ppi, "the printer's floor"
    if printer is not None:
        floor, whose = max(printer.min_ppi, book_min_ppi or 0), f"printer '{printer.name}': min_ppi"
    if book_min_ppi is not None and book_min_ppi < floor:
        return floor, f" ({whose}; content/book.yaml lowers colour.min_ppi to {book_min_ppi}: ask the printer first)"
    return floor, ""


def read_all(path: Path, pdf, report: Report, min_ppi: int, ink_limit: int, page_multiple: int, safety: Safety | None,
             tagged: bool = False, printer=None, book_min_ppi: int | None = None) -> None:
    report.pages = len(pdf.pages)
    if report.pages % page_multiple and part_of(path) != "cover":  # a cover is one spread
        report.error("page-count", f"{report.pages} pages: not a multiple of {page_multiple} for the binding")
    report.facts["standard"] = "none"
    flavour = None if tagged else check_document(pdf, report)  # a tagged file is for the screen: PDF/UA, not PDF/X
    rule = ""
    if printer is None:
        check_boxes(pdf, report)
    else:
        from book.checks.printer import check_printer

        check_printer(path, pdf, report, printer, flavour, part_of(path) == "cover")
        ink_limit, rule = printer.ink_limit, f" (printer '{printer.name}': ink_limit)"
    check_content(pdf, report, flavour)
    check_glyphs(pdf, report)  # no .notdef drawn: an empty box in print
    min_ppi, floor = resolution_floor(min_ppi, printer, book_min_ppi)
    check_images(path, pdf, report, min_ppi, ink_limit, rule, floor)
    check_safety(path, pdf, report, safety or Safety())
