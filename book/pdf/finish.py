"""Finish a rendered PDF with pikepdf: document language, Info and XMP, and for
print the PDF/X output intent and keys and, on request, crop marks; saved
deterministically. Any PDF we draw (an interior, a cover) is finished here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pikepdf

from book.languages import language
from book.pdf.marked import Marks
from book.pdf.marks import add_crop_marks
from book.pdf.pdfx import PDFX, DocMeta, add_output_intent, instance_id, write_info
from book.pdf.photos import mark_photos
from book.pdf.tags import write_tags


@dataclass(frozen=True)
class Press:
    """How a PDF is finished for the press; ``standard`` None for screen PDFs."""

    icc: Path | None
    condition: str
    standard: str | None  # a key of PDFX: 'x1a' or 'x4'
    marks: bool = False
    bleed_mm: float = 3.0


def mark_pdf(source: Path, target: Path, marked: Path, meta: DocMeta, press: Press, photos: dict | None = None,
             tags: Marks | None = None) -> list:
    """Write ``source`` with its document keys and, for print, the PDF/X
    ones. ``photos`` maps the stand-ins' resource names to the photos they
    stand for, when the renderer drew stand-ins (see `book.pdf.photos`): the
    file is then saved to ``marked``, ready for `splice_photos`, and the
    photo of each mark is returned; a PDF without photos goes straight to
    ``target`` and the list is empty. ``tags``: the marked content the
    renderer recorded, for a tagged PDF/UA-1 file (`book.pdf.tags`)."""
    standard = press.standard if press.standard and press.icc is not None else None
    with pikepdf.open(source) as pdf:
        order = mark_photos(pdf, photos) if photos else []
        pdf.Root.Lang = pikepdf.String(language(meta.lang).tag)
        version = "1.4"
        if standard:
            version = PDFX[standard][2]
            add_output_intent(pdf, press.icc, press.condition)
        if press.marks:
            add_crop_marks(pdf, press.bleed_mm)
        if tags is not None:
            write_tags(pdf, tags, language(meta.lang).tag)
            version = "1.7"  # PDF/UA-1 is built on ISO 32000-1
        write_info(pdf, meta, standard, str(instance_id(source)), ua=tags is not None)
        if not order:
            pdf.save(target, deterministic_id=True, force_version=version, compress_streams=True)
        else:
            pdf.save(marked, deterministic_id=True, force_version=version, compress_streams=True,
                     object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return order
