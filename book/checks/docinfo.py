"""Preflight of the document keys by their values: which PDF/X the file claims,
the Info dictionary (Trapped, dates, title), the XMP packet and whether it
agrees with Info, the output intent and the file's PDF version."""

from __future__ import annotations

import re

import pikepdf

# GTS_PDFXVersion -> (the conformance it needs or None, highest PDF version, short name)
STANDARDS = {
    "PDF/X-1:2001": ("PDF/X-1a:2001", "1.3", "x1a"),
    "PDF/X-4": (None, "1.6", "x4"),
}
# D:YYYY then optional MM DD HH mm SS and a zone (ISO 32000 7.9.4)
PDF_DATE = re.compile(r"^D:\d{4}(\d{2}(\d{2}(\d{2}(\d{2}(\d{2})?)?)?)?)?(Z|[+-]\d{2}'?(\d{2}'?)?)?$")
XMP_NS = {"dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/", "pdf": "http://ns.adobe.com/pdf/1.3/",
          "pdfx": "http://ns.adobe.com/pdfx/1.3/", "pdfxid": "http://www.npes.org/pdfx/ns/id/"}


def check_document(pdf: pikepdf.Pdf, report) -> str | None:
    """Check the document keys; returns the PDF/X flavour the file claims."""
    info = pdf.docinfo
    version = str(info.get("/GTS_PDFXVersion", ""))
    if not version:
        report.error("not-pdfx", "not PDF/X: no GTS_PDFXVersion in the document info")
        return None
    if version not in STANDARDS:
        report.error("pdfx-version", f"GTS_PDFXVersion '{version}' is not one we check; use {' or '.join(STANDARDS)}")
        return None
    conformance, highest, flavour = STANDARDS[version]
    report.facts["standard"] = conformance or version
    found = str(info.get("/GTS_PDFXConformance", "")) or None
    if conformance and found != conformance:
        report.error("pdfx-conformance", f"GTS_PDFXConformance is {found or 'missing'}; {version} needs '{conformance}'")
    if tuple(map(int, pdf.pdf_version.split("."))) > tuple(map(int, highest.split("."))):
        report.error("pdf-version", f"PDF {pdf.pdf_version}: {conformance or version} allows PDF {highest} at most")
    check_info(info, report)
    check_intent(pdf, report)
    check_xmp(pdf, report, flavour, version)
    return flavour


def check_info(info: pikepdf.Dictionary, report) -> None:
    trapped = info.get("/Trapped")
    if trapped is None:
        report.error("trapped", "the Trapped key is missing (PDF/X requires the name /True or /False)")
    elif not isinstance(trapped, pikepdf.Name) or str(trapped) not in ("/True", "/False"):
        shown = str(trapped) if isinstance(trapped, pikepdf.Name) else f"the string '{trapped}'"
        report.error("trapped", f"Trapped is {shown}; PDF/X requires the name /True or /False")
    for key in ("CreationDate", "ModDate"):
        value = info.get(f"/{key}")
        if value is None:
            report.error("pdf-date", f"{key} is missing from the document info; PDF/X requires it")
        elif not PDF_DATE.match(str(value)):
            report.error("pdf-date", f"{key} '{value}' is not a PDF date (D:YYYYMMDDHHmmSS+HH'mm')")
    if not str(info.get("/Title", "")).strip():
        report.error("no-title", "the document info has no Title; PDF/X requires one")


def check_intent(pdf: pikepdf.Pdf, report) -> None:
    intents = [i for i in pdf.Root.get("/OutputIntents") or [] if i.get("/S") == pikepdf.Name.GTS_PDFX]
    if not intents:
        report.error("output-intent", "no PDF/X output intent (OutputIntents with S /GTS_PDFX)")
        return
    intent = intents[0]
    identifier = str(intent.get("/OutputConditionIdentifier", "")).strip()
    if not identifier:
        report.error("output-intent", "the output intent has no OutputConditionIdentifier")
    profile = intent.get("/DestOutputProfile")
    if profile is None:
        report.error("output-intent", "no PDF/X output intent with a destination profile")
    elif int(profile.get("/N", 0)) != 4:
        report.error("output-intent", f"the output intent's profile has {int(profile.get('/N', 0))} channels; a CMYK press needs 4")
    else:
        damaged = intent_profile_problem(profile)
        if damaged:
            report.error("output-intent", f"the output intent's profile is no whole CMYK press profile ({damaged}); build the PDF again")
    report.facts["output_condition"] = identifier


def intent_profile_problem(profile: pikepdf.Stream) -> str | None:
    """Why the output intent's embedded ICC profile is not a whole CMYK output profile (a cut cache copy), or None."""
    from book.images.icc import output_problem

    try:
        data = profile.read_bytes()
    except pikepdf.PdfError as exc:
        return f"its stream does not decode: {exc}"
    return output_problem(data)


def check_xmp(pdf: pikepdf.Pdf, report, flavour: str, version: str) -> None:
    if "/Metadata" not in pdf.Root:
        if flavour == "x4":
            report.error("xmp", "no XMP metadata; PDF/X-4 requires it")
        return
    try:
        meta = pdf.open_metadata()
        values = {key: meta.get(f"{{{XMP_NS[key.split(':')[0]]}}}{key.split(':')[1]}") for key in
                  ("dc:title", "xmp:CreateDate", "xmp:ModifyDate", "pdf:Trapped", "pdfx:GTS_PDFXVersion", "pdfxid:GTS_PDFXVersion")}
    except Exception as exc:  # pikepdf raises several kinds on a broken packet
        report.error("xmp", f"the XMP metadata does not parse ({type(exc).__name__}); write it again")
        return
    info = pdf.docinfo
    if values["dc:title"] != str(info.get("/Title", "")):
        report.error("xmp", f"XMP dc:title '{values['dc:title']}' differs from the Info Title '{info.get('/Title', '')}'")
    trapped = str(info.get("/Trapped", ""))[1:]
    if values["pdf:Trapped"] is not None and values["pdf:Trapped"] != trapped:
        report.error("xmp", f"XMP pdf:Trapped '{values['pdf:Trapped']}' differs from the Info Trapped /{trapped}")
    if flavour == "x4":
        if values["pdfxid:GTS_PDFXVersion"] != version:
            report.error("xmp", f"XMP pdfxid:GTS_PDFXVersion is {values['pdfxid:GTS_PDFXVersion'] or 'missing'}; PDF/X-4 requires '{version}'")
        for key in ("xmp:CreateDate", "xmp:ModifyDate"):
            if not values[key]:
                report.error("xmp", f"XMP {key} is missing; PDF/X-4 requires it")
