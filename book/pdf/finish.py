"""Finish a rendered PDF for the press with pikepdf: PDF/X-1a output intent,
Info and XMP keys, document language; saved deterministically."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import pikepdf

from book import __version__
from book.languages import language
from book.pdf.photos import swap_photos

PDFX = {
    "x1a": ("PDF/X-1:2001", "PDF/X-1a:2001", "1.3"),
    "x4": ("PDF/X-4", None, "1.6"),
}


def finish_pdf(source: Path, target: Path, lang: str, title: str, press_icc: Path | None, condition: str, standard: str | None,
               photos: tuple[Path, dict[str, int]] | None = None) -> None:
    """Write ``source`` to ``target`` with the print keys; ``standard`` None for screen PDFs.
    ``photos`` is the photo library and its object numbers, when the renderer drew stand-ins."""
    with pikepdf.open(source) as pdf, (pikepdf.open(photos[0]) if photos else nullcontext()) as library:
        if library is not None:
            swap_photos(pdf, library, photos[1])
        pdf.Root.Lang = pikepdf.String(language(lang).tag)
        version = "1.4"
        if standard and press_icc is not None:
            x_version, conformance, version = PDFX[standard]
            icc = pikepdf.Stream(pdf, press_icc.read_bytes())
            icc.N = 4
            pdf.Root.OutputIntents = pikepdf.Array([pikepdf.Dictionary(
                Type=pikepdf.Name.OutputIntent,
                S=pikepdf.Name.GTS_PDFX,
                OutputConditionIdentifier=pikepdf.String(condition),
                OutputCondition=pikepdf.String(f"{condition} (book {__version__})"),
                RegistryName=pikepdf.String("http://www.color.org"),
                Info=pikepdf.String(condition),
                DestOutputProfile=icc,
            )])
            pdf.docinfo[pikepdf.Name.GTS_PDFXVersion] = pikepdf.String(x_version)
            if conformance:
                pdf.docinfo[pikepdf.Name.GTS_PDFXConformance] = pikepdf.String(conformance)
            pdf.docinfo[pikepdf.Name.Trapped] = pikepdf.Name.False_
            with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
                meta["dc:title"] = title
                meta["pdfx:GTS_PDFXVersion"] = x_version
                if conformance:
                    meta["pdfx:GTS_PDFXConformance"] = conformance
                meta["pdf:Trapped"] = "False"
        pdf.save(target, deterministic_id=True, force_version=version, compress_streams=True)
