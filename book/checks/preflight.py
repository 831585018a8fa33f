"""`book preflight`: check built PDFs as a printer's preflight would: boxes and
bleed, PDF/X keys and output intent, fonts embedded, colour spaces, image
resolution, total ink, transparency, page count."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from PIL import Image

from book.errors import WARNING, Problem, Problems, Where
from book.model import MM

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
        if media and (bleed[0] < media[0] - 0.01 or bleed[2] > media[2] + 0.01):
            report.error("bleed", f"page {number}: BleedBox reaches outside the MediaBox", number)
        trims.add((round((trim[2] - trim[0]) / MM, 1), round((trim[3] - trim[1]) / MM, 1)))
    if len(trims) > 1:
        report.error("trim", f"pages have different trim sizes: {sorted(trims)}")
    if trims:
        report.trim_mm = sorted(trims)[0]


def font_problems(resources: pikepdf.Dictionary, seen: set) -> list[str]:
    problems = []
    for font in (resources.get("/Font") or {}).values():
        if font.objgen in seen:
            continue
        seen.add(font.objgen)
        descriptors = [font] + list(font.get("/DescendantFonts") or [])
        embedded = any("/FontDescriptor" in d and any(k in d.FontDescriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                       for d in descriptors)
        if not embedded:
            problems.append(f"font {font.get('/BaseFont')} is not embedded")
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject and xobject.objgen not in seen:
            seen.add(xobject.objgen)
            problems += font_problems(xobject.Resources, seen)
    return problems


def check_content(pdf: pikepdf.Pdf, report: Report, standard: str | None) -> None:
    seen: set = set()
    rgb_pages, transparency = [], []
    for number, page in enumerate(pdf.pages, start=1):
        for problem in font_problems(page.Resources, seen):
            report.error("font-not-embedded", f"page {number}: {problem}", number)
        for _, operator in pikepdf.parse_content_stream(page):
            if str(operator) in ("rg", "RG") and number not in rgb_pages:
                rgb_pages.append(number)
        for state in (page.Resources.get("/ExtGState") or {}).values():
            if "/SMask" in state and state.SMask != pikepdf.Name.None_ or float(state.get("/CA", 1)) < 1 or float(state.get("/ca", 1)) < 1:
                transparency.append(number)
        if "/Group" in page.obj:
            transparency.append(number)
    if standard == "PDF/X-1a:2001":
        if rgb_pages:
            report.error("rgb", f"RGB colour on pages {short(rgb_pages)}: PDF/X-1a allows CMYK and gray only")
        if transparency:
            report.error("transparency", f"transparency on pages {short(sorted(set(transparency)))}: PDF/X-1a forbids it")


def short(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:8])) + (" …" if len(numbers) > 8 else "")


def check_images(path: Path, pdf: pikepdf.Pdf, report: Report, min_ppi: int, ink_limit: int, standard: str | None) -> None:
    tool = shutil.which("pdfimages")
    low, colours = [], set()
    if tool:
        listing = subprocess.run([tool, "-list", str(path)], capture_output=True, text=True).stdout.splitlines()[2:]
        for row in listing:
            cols = row.split()
            if len(cols) < 14 or cols[2] != "image":
                continue
            colours.add(cols[5])
            ppi = min(int(cols[12]), int(cols[13]))
            if ppi < min_ppi - 1:
                low.append(f"page {cols[0]} ({ppi} ppi)")
        report.facts["images"] = len(listing)
    for item in low:
        report.warn("low-ppi", f"image below {min_ppi} ppi on {item}")
    if standard == "PDF/X-1a:2001" and colours - {"cmyk", "gray"}:
        report.error("rgb", f"images in {', '.join(sorted(colours - {'cmyk', 'gray'}))}: PDF/X-1a allows CMYK and gray only")
    worst = 0.0
    seen: set = set()
    for page in pdf.pages:
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
                for y in range(0, h, 2):
                    for x in range(0, w, 2):
                        total = sum(band[x, y] for band in bands) / 2.55
                        worst = max(worst, total)
    if worst:
        report.facts["max_ink_percent"] = round(worst)
        if worst > ink_limit + 5:
            report.error("ink-limit", f"total ink reaches {worst:.0f} % in a photo; the limit is {ink_limit} %")


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

    >>> part_of(Path("output/print/en/hai-phong-en-cover.pdf")), part_of(Path("magenta.pdf"))
    ('cover', 'interior')
    """
    return "cover" if path.stem.endswith("-cover") else "interior"


def preflight(path: Path, min_ppi: int = 300, ink_limit: int = 300, page_multiple: int = 4) -> Report:
    report = Report(str(path))
    try:
        pdf = pikepdf.open(path)
    except (pikepdf.PdfError, OSError) as exc:
        report.error("unreadable-pdf", f"not a readable PDF: {exc}")
        return report
    with pdf:
        report.pages = len(pdf.pages)
        if report.pages % page_multiple and part_of(path) != "cover":  # a cover is one spread
            report.error("page-count", f"{report.pages} pages: not a multiple of {page_multiple} for the binding")
        standard = str(pdf.docinfo.get("/GTS_PDFXConformance", pdf.docinfo.get("/GTS_PDFXVersion", ""))) or None
        report.facts["standard"] = standard or "none"
        intents = pdf.Root.get("/OutputIntents")
        if not standard:
            report.error("not-pdfx", "not PDF/X: no GTS_PDFXVersion in the document info")
        elif not intents or "/DestOutputProfile" not in intents[0]:
            report.error("output-intent", "no PDF/X output intent with a destination profile")
        else:
            report.facts["output_condition"] = str(intents[0].get("/OutputConditionIdentifier", ""))
        if standard and "/Trapped" not in pdf.docinfo:
            report.error("trapped", "the Trapped key is missing (PDF/X requires True or False)")
        check_boxes(pdf, report)
        check_content(pdf, report, standard)
        check_images(path, pdf, report, min_ppi, ink_limit, standard)
    return report
