"""The PDF/X document keys: the output intent, the Info dictionary and an XMP
packet that says the same things. Dates come from the sources
(SOURCE_DATE_EPOCH, else the book's publication date), never from the clock,
so the same sources give the same bytes."""

from __future__ import annotations

import datetime
import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf

from book import __version__
from book.epoch import source_epoch
from book.languages import language

# flavour -> (GTS_PDFXVersion, GTS_PDFXConformance or None, PDF version)
PDFX = {
    "x1a": ("PDF/X-1:2001", "PDF/X-1a:2001", "1.3"),
    "x4": ("PDF/X-4", None, "1.6"),
}
UTC = datetime.UTC
# A namespace of our own for the stable document ids (uuid5).
ID_SPACE = uuid.UUID("6f1c4f8e-3b0a-5d7e-9a52-6b6f6f6b2d70")


@dataclass(frozen=True)
class DocMeta:
    """What a finished PDF says about itself, in its edition's language."""

    lang: str
    title: str
    date: datetime.datetime
    ident: str  # stable across builds, e.g. 'my-book-en-interior'
    author: str = ""
    subject: str = ""
    keywords: str = ""


def source_date(declared: datetime.date) -> datetime.datetime:
    """The documents' date: SOURCE_DATE_EPOCH when set, else ``declared`` at midnight UTC."""
    return source_epoch() or datetime.datetime(declared.year, declared.month, declared.day, tzinfo=UTC)


def pdf_date(moment: datetime.datetime) -> str:
    """A date in PDF's format (ISO 32000 7.9.4), always in UTC.

    >>> pdf_date(datetime.datetime(2025, 5, 13, 8, 30, tzinfo=UTC))
    "D:20250513083000+00'00'"
    """
    return moment.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'")


def xmp_date(moment: datetime.datetime) -> str:
    """The same moment as XMP writes it.

    >>> xmp_date(datetime.datetime(2025, 5, 13, 8, 30, tzinfo=UTC))
    '2025-05-13T08:30:00+00:00'
    """
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def add_output_intent(pdf: pikepdf.Pdf, press_icc: Path, condition: str) -> None:
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


def write_info(pdf: pikepdf.Pdf, meta: DocMeta, standard: str | None, instance: str, ua: bool = False) -> None:
    """Replace the Info dictionary and the XMP packet with matching ones;
    ``ua``: the packet says the file is PDF/UA-1 (a tagged screen PDF)."""
    date = pdf_date(meta.date)
    info = {"/Title": meta.title, "/Author": meta.author, "/Subject": meta.subject, "/Keywords": meta.keywords,
            "/Creator": f"book {__version__}", "/Producer": f"book {__version__} (reportlab, pikepdf)",
            "/CreationDate": date, "/ModDate": date}
    docinfo = pikepdf.Dictionary({key: pikepdf.String(value) for key, value in info.items() if value})
    # Trapped is a name, /True or /False; pikepdf.Name.False_ would be the name /False_.
    docinfo.Trapped = pikepdf.Name("/False")
    if standard:
        x_version, conformance, _ = PDFX[standard]
        docinfo.GTS_PDFXVersion = pikepdf.String(x_version)
        if conformance:
            docinfo.GTS_PDFXConformance = pikepdf.String(conformance)
    pdf.trailer.Info = pdf.make_indirect(docinfo)
    packet = xmp_packet(meta, standard, instance, ua).encode("utf-8")
    pdf.Root.Metadata = pdf.make_stream(packet, Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML)


def xmp_packet(meta: DocMeta, standard: str | None, instance: str, ua: bool = False) -> str:
    """The XMP packet, written out in full so that it is the same byte for byte."""
    tag = language(meta.lang).tag
    title = escape(meta.title)
    when = xmp_date(meta.date)
    document = uuid.uuid5(ID_SPACE, meta.ident)
    fields = [
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li><rdf:li xml:lang="{tag}">{title}</rdf:li></rdf:Alt></dc:title>',
        f"<dc:language><rdf:Bag><rdf:li>{tag}</rdf:li></rdf:Bag></dc:language>",
        "<dc:format>application/pdf</dc:format>",
        f"<xmp:CreateDate>{when}</xmp:CreateDate>", f"<xmp:ModifyDate>{when}</xmp:ModifyDate>",
        f"<xmp:MetadataDate>{when}</xmp:MetadataDate>", f"<xmp:CreatorTool>book {__version__}</xmp:CreatorTool>",
        f"<pdf:Producer>book {__version__} (reportlab, pikepdf)</pdf:Producer>", "<pdf:Trapped>False</pdf:Trapped>",
        f"<xmpMM:DocumentID>uuid:{document}</xmpMM:DocumentID>", f"<xmpMM:InstanceID>uuid:{instance}</xmpMM:InstanceID>",
        "<xmpMM:VersionID>1</xmpMM:VersionID>", "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>",
    ]
    if meta.author:
        fields.insert(1, f"<dc:creator><rdf:Seq><rdf:li>{escape(meta.author)}</rdf:li></rdf:Seq></dc:creator>")
    if meta.subject:
        subject = escape(meta.subject)
        fields.insert(1, f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li>'
                         f'<rdf:li xml:lang="{tag}">{subject}</rdf:li></rdf:Alt></dc:description>')
    if meta.keywords:
        fields.append(f"<pdf:Keywords>{escape(meta.keywords)}</pdf:Keywords>")
    if standard:
        x_version, conformance, _ = PDFX[standard]
        if standard == "x4":
            fields.append(f"<pdfxid:GTS_PDFXVersion>{x_version}</pdfxid:GTS_PDFXVersion>")
        else:
            fields.append(f"<pdfx:GTS_PDFXVersion>{x_version}</pdfx:GTS_PDFXVersion>")
            fields.append(f"<pdfx:GTS_PDFXConformance>{conformance}</pdfx:GTS_PDFXConformance>")
    if ua:
        fields.append("<pdfuaid:part>1</pdfuaid:part>")
    body = "\n   ".join(fields)
    return ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
            ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
            '  <rdf:Description rdf:about=""\n'
            '    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
            '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"\n'
            '    xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"'
            + ('\n    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n' if ua else ">\n")
            + f"   {body}\n"
            "  </rdf:Description>\n"
            " </rdf:RDF>\n"
            "</x:xmpmeta>\n"
            + (" " * 99 + "\n") * 20  # room to edit the packet in place, as XMP recommends
            + '<?xpacket end="w"?>')


def instance_id(source: Path) -> uuid.UUID:
    """An id for this rendition: it changes when the content does, and only then."""
    return uuid.uuid5(ID_SPACE, hashlib.sha256(source.read_bytes()).hexdigest())
