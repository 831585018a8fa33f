"""Preflight of the safety zone: no text within a set distance of the trim,
nor of the gutter, where trimming and binding would cut into it. The words'
boxes come from poppler's ``pdftotext -bbox``, as a reader's software sees them."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf

from book.model import MM, Safety

XHTML = "{http://www.w3.org/1999/xhtml}"


def word_boxes(path: Path) -> list[list[tuple[str, tuple[float, float, float, float]]]] | None:
    """Per page, each word and its box (x0, top, x1, bottom) in points from the MediaBox's top-left."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    result = subprocess.run([tool, "-bbox", str(path), "-"], capture_output=True)
    if result.returncode != 0:
        return None
    try:
        root = ET.fromstring(result.stdout)
    except ET.ParseError:
        return None
    pages = []
    for page in root.iter(f"{XHTML}page"):
        pages.append([(word.text or "", tuple(float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
                      for word in page.iter(f"{XHTML}word")])
    return pages


def safe_area(trim: list[float], number: int, safety: Safety, bound: bool) -> list[float]:
    """The part of the trim text may use: in from every edge, further from the gutter
    (left on a right-hand page, right on a left-hand one) in a bound book.

    >>> safe_area([0, 0, 300, 600], 1, Safety(5, 10), True)  # mm, on a page in points
    [28.346, 14.173, 285.827, 585.827]
    >>> safe_area([0, 0, 300, 600], 2, Safety(5, 10), True)
    [14.173, 14.173, 271.654, 585.827]
    """
    edge, gutter = safety.trim_mm * MM, (safety.gutter_mm if bound else safety.trim_mm) * MM
    left, right = (gutter, edge) if number % 2 else (edge, gutter)
    return [round(v, 3) for v in (trim[0] + left, trim[1] + edge, trim[2] - right, trim[3] - edge)]


def check_safety(path: Path, pdf: pikepdf.Pdf, report, safety: Safety) -> None:
    """One error per page with text in the safety zone, naming its first word there."""
    pages = word_boxes(path)
    if pages is None:
        report.warn("safety-unchecked", "pdftotext not found or failed: the safety zone was not checked (Debian: poppler-utils)")
        return
    bound = len(pdf.pages) > 1  # a single sheet (a cover spread) has no gutter
    for number, (page, words) in enumerate(zip(pdf.pages, pages, strict=False), start=1):
        media = [float(v) for v in page.obj.MediaBox]
        trim = [float(v) for v in page.obj.get("/TrimBox", page.obj.MediaBox)]
        bleed = [float(v) for v in page.obj.get("/BleedBox", page.obj.MediaBox)]
        area = safe_area(trim, number, safety, bound)
        for text, (x0, top, x1, bottom) in words:
            # From poppler's top-left origin to PDF space.
            left, right, low, high = media[0] + x0, media[0] + x1, media[3] - bottom, media[3] - top
            outside_bleed = right < bleed[0] or left > bleed[2] or high < bleed[1] or low > bleed[3]
            if outside_bleed:  # slug text (a printer's note beside the marks) is trimmed away by design
                continue
            gap = min(left - trim[0], trim[2] - right, low - trim[1], trim[3] - high)
            if left < area[0] - 0.01 or right > area[2] + 0.01 or low < area[1] - 0.01 or high > area[3] + 0.01:
                report.error("safety-zone", f"page {number}: text '{text}' is {max(gap, 0) / MM:.1f} mm from the trim, inside the "
                             f"safety zone ({safety.trim_mm:g} mm from the trim, {safety.gutter_mm:g} mm from the gutter); move it inwards",
                             number)
                break
