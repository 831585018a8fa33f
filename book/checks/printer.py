"""`book preflight --printer NAME`: a PDF held against a printer preset
(`book.presets`): the trim among those offered, the bleed on each side
(an interior's gutter side alternating with the page), crop marks where the
printer refuses them, the PDF/X flavour and the file's size. The ink limit
is the preset's, measured by `book.checks.preflight`. Each finding names the
page where it has one and the preset's rule."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from book.model import MM

TOLERANCE_MM = 0.1  # boxes are written to 0.001 pt; a bleed within this is the bleed asked for
FLAVOURS = {"x1a": "PDF/X-1a", "x4": "PDF/X-4"}


def check_printer(path: Path, pdf: pikepdf.Pdf, report, printer, flavour: str | None, cover: bool) -> None:
    rule = f"printer '{printer.name}'"
    check_trim(pdf, report, printer, rule, cover)
    check_sides(pdf, report, printer, rule, cover)
    if flavour is not None and flavour != printer.pdfx:
        report.error("printer-pdfx", f"the file is {FLAVOURS.get(flavour, flavour)}; {rule} asks for "
                                     f"{FLAVOURS[printer.pdfx]} (pdfx: {printer.pdfx})")
    size = path.stat().st_size / 1e6
    report.facts["size_mb"] = round(size, 1)
    if printer.file_size_limit_mb and size > printer.file_size_limit_mb:
        report.error("printer-file-size", f"the file is {size:.0f} MB; {rule} takes {printer.file_size_limit_mb:g} MB at most "
                                          "(file_size_limit_mb)")


def boxes(page: pikepdf.Page) -> tuple[list[float], list[float]] | None:
    media = page.obj.get("/MediaBox")
    trim = page.obj.get("/TrimBox")
    if media is None or trim is None:
        return None
    return [float(v) for v in media], [float(v) for v in trim]


def beyond(outer: list[float], trim: list[float]) -> tuple[float, ...]:
    """How far ``outer`` reaches past ``trim`` on the left, bottom, right and top, in mm."""
    return ((trim[0] - outer[0]) / MM, (trim[1] - outer[1]) / MM, (outer[2] - trim[2]) / MM, (outer[3] - trim[3]) / MM)


def check_trim(pdf: pikepdf.Pdf, report, printer, rule: str, cover: bool) -> None:
    """An interior's trim is one the printer offers (a cover's spread is its own size)."""
    found = boxes(pdf.pages[0]) if len(pdf.pages) else None
    if found is None:
        return
    if cover or printer.trims is None:
        report.trim_mm = (round((found[1][2] - found[1][0]) / MM, 1), round((found[1][3] - found[1][1]) / MM, 1))
        return
    trim = ((found[1][2] - found[1][0]) / MM, (found[1][3] - found[1][1]) / MM)
    report.trim_mm = (round(trim[0], 1), round(trim[1], 1))
    if not printer.offers(trim):
        nearest = ", ".join(f"{w:g} × {h:g}" for w, h in printer.nearest_trims(trim))
        report.error("printer-trim", f"page 1: trim {trim[0]:.1f} × {trim[1]:.1f} mm is not offered by {rule} (trims_mm); "
                                     f"the nearest are {nearest} mm", 1)


def check_sides(pdf: pikepdf.Pdf, report, printer, rule: str, cover: bool) -> None:
    """Each page's MediaBox and BleedBox beyond its TrimBox, side by side, against the
    preset's bleed: less is too little bleed; more, where the printer takes
    no marks, is a slug (crop marks) or bleed it does not want. One finding
    per kind, naming the first page and how many pages have it."""
    found: dict[str, list[int]] = {}
    first: dict[str, str] = {}
    for number, page in enumerate(pdf.pages, start=1):
        pair = boxes(page)
        if pair is None:
            found.setdefault("no-trimbox", []).append(number)
            first.setdefault("no-trimbox", "no TrimBox: the printer cannot find the trim")
            continue
        media, trim = pair
        bleed = [float(v) for v in page.obj.get("/BleedBox", page.obj.MediaBox)]
        have = beyond(media, trim)
        within = beyond(bleed, trim)  # the bleed as the BleedBox gives it (crop marks grow the MediaBox alone)
        b = printer.bleed
        want = (b.widest,) * 4 if cover else b.page(number % 2 == 1)
        for side, got, inside, asked in zip(("left", "bottom", "right", "top"), have, within, want, strict=True):
            if min(got, inside) < asked - TOLERANCE_MM:
                got = min(got, inside)
                kind = "printer-bleed"
                message = f"{side} bleed {got:.1f} mm, {rule} asks for {asked:g} mm (bleed_mm)"
            elif got > asked + TOLERANCE_MM and not printer.marks_allowed:
                kind = "printer-marks" if got - asked > 3 else "printer-bleed"
                message = (f"the page reaches {got:.1f} mm beyond the trim on the {side}: a slug with crop marks, which {rule} "
                           "refuses (marks_allowed: false)" if kind == "printer-marks" else
                           f"{side} bleed {got:.1f} mm, {rule} asks for {asked:g} mm (bleed_mm: "
                           f"{'no gutter bleed' if asked == 0 else 'exactly this'})")
            else:
                continue
            found.setdefault(kind, []).append(number)
            first.setdefault(kind, message)
    for kind, pages in found.items():
        pages = sorted(set(pages))
        more = f" (and {len(pages) - 1} more pages)" if len(pages) > 1 else ""
        report.error(kind, f"page {pages[0]}: {first[kind]}{more}", pages[0])
