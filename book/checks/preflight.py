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


def check_images(path: Path, pdf: pikepdf.Pdf, report: Report, min_ppi: int, ink_limit: int, rule: str = "") -> None:
    """Resolution by pdfimages, and the highest total ink of the CMYK photos
    (sampled), with the page it is on; ``rule`` names where the limit comes from."""
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
        report.warn("low-ppi", f"image below {min_ppi} ppi on {item}")
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


def preflight(path: Path, min_ppi: int = 300, ink_limit: int = 300, page_multiple: int = 4, safety: Safety | None = None,
              tagged: bool = False, printer=None) -> Report:
    """``path`` checked as a printer's preflight would; against a printer
    preset (`book.presets.Preset`) when ``printer`` is given: its boxes,
    ink limit, PDF/X, marks and file size (`book.checks.printer`).
    ``tagged``: the file is a tagged screen PDF (its output says so), checked
    as PDF/UA-1 rather than PDF/X; a file that says it is tagged has its structure checked too."""
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
            read_all(path, pdf, report, min_ppi, ink_limit, page_multiple, safety, tagged, printer)
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


def read_all(path: Path, pdf, report: Report, min_ppi: int, ink_limit: int, page_multiple: int, safety: Safety | None,
             tagged: bool = False, printer=None) -> None:
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
    check_images(path, pdf, report, min_ppi, ink_limit, rule)
    check_safety(path, pdf, report, safety or Safety())
