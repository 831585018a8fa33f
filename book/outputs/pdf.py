"""The book's own PDF outputs: each edition's interior (and, for print, its
cover) as a PDF, drawn with reportlab and finished as PDF/X or for the
screen (`book.pdf`)."""

from __future__ import annotations

from dataclasses import dataclass

from book.outputs.base import Output, Rendering, RenderRequest


@dataclass(frozen=True)
class PdfOutput(Output):
    """The interiors and covers `book.pdf.write` renders, checked by the printer's preflight."""

    def render(self, request: RenderRequest) -> Rendering:
        from book.pdf.write import render_editions  # reportlab and pikepdf: loaded only to render

        return render_editions(self, request)


PRINT = PdfOutput("print", "cmyk", 300, "x1a", False, "interior", cover=True, for_press=True)
PROOF = PdfOutput("proof", "rgb", 150, None, True, "proof", simulate_press=True)
