"""Draw the review sheet that `book.review.sheet` laid out: a screen PDF in
RGB, thumbnails at screen resolution, every line where the layout put it."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from book import __version__
from book.model import MM
from book.pdf.render import CachedImage, draw_pieces
from book.review.sheet import HEAD_MM, MARGIN_MM, PAGE_MM, ROW_PAD_MM, THUMB_MM, Fragment, Ink, Sheet


def y_pt(top_mm: float) -> float:
    return (PAGE_MM[1] - top_mm) * MM


def draw_inks(canvas: Canvas, inks: list[Ink], x_mm: float, top_mm: float) -> None:
    for ink in inks:
        canvas.setFillColorRGB(*ink.colour)
        draw_pieces(canvas, ink.line, x_mm * MM, y_pt(top_mm) - ink.dy)


def draw_fragment(canvas: Canvas, sheet: Sheet, fragment: Fragment) -> None:
    top = fragment.top + ROW_PAD_MM
    photo = fragment.row.photo
    if fragment.first:
        label_top = top
        thumb = sheet.thumbs.get(photo.id) if photo else None
        if thumb is not None:
            w, h = THUMB_MM, THUMB_MM * 0.75
            canvas.drawImage(CachedImage(thumb), MARGIN_MM * MM, y_pt(top + h), w * MM, h * MM, preserveAspectRatio=True)
            label_top = top + h + 1.5
        draw_inks(canvas, fragment.label, MARGIN_MM, label_top)
    for x, inks in zip(sheet.column_x, fragment.cells, strict=True):
        draw_inks(canvas, inks, x, top)
    canvas.setStrokeColorRGB(0.75, 0.75, 0.75)
    canvas.setLineWidth(0.4)
    bottom = y_pt(fragment.top + fragment.height)
    canvas.line(MARGIN_MM * MM, bottom, (PAGE_MM[0] - MARGIN_MM) * MM, bottom)


def draw_sheet(sheet: Sheet, title: str, path: Path) -> None:
    base = sheet.fonts[sheet.langs[0]].base_font()
    canvas = Canvas(str(path), pagesize=(PAGE_MM[0] * MM, PAGE_MM[1] * MM), invariant=1, pageCompression=1,
                    initialFontName=base, initialFontSize=8)
    canvas.setTitle(f"Review sheet: {title}")
    canvas.setCreator(f"book {__version__}")
    total = len(sheet.pages)
    for number, page in enumerate(sheet.pages, 1):
        canvas.setFillColorRGB(0.3, 0.3, 0.3)
        canvas.setFont(base, 7)
        canvas.drawString(MARGIN_MM * MM, y_pt(MARGIN_MM + 3), f"Review sheet · {title}")
        canvas.drawRightString((PAGE_MM[0] - MARGIN_MM) * MM, y_pt(MARGIN_MM + 3), f"{number} / {total}")
        for x, head in zip(sheet.column_x, sheet.heads, strict=True):
            draw_inks(canvas, [head], x, MARGIN_MM + HEAD_MM - 6)
        canvas.setStrokeColorRGB(0, 0, 0)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_MM * MM, y_pt(MARGIN_MM + HEAD_MM), (PAGE_MM[0] - MARGIN_MM) * MM, y_pt(MARGIN_MM + HEAD_MM))
        canvas.setFont(base, 7)
        canvas.setFillColorRGB(0.3, 0.3, 0.3)
        canvas.drawString(MARGIN_MM * MM, y_pt(MARGIN_MM + HEAD_MM - 6) - 6, "photo · id · page")
        for fragment in page.fragments:
            draw_fragment(canvas, sheet, fragment)
        canvas.showPage()
    canvas.save()

