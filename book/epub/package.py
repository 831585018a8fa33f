"""The EPUB's package document (content.opf) and the zip that holds it:
the ``mimetype`` entry first and stored, then every other entry in a fixed
order, deflated, each dated from the sources (`book.pdf.pdfx.source_date`),
so that the same sources give the same bytes."""

from __future__ import annotations

import datetime
import io
import uuid
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

from book.languages import language

OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
CONTAINER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
             '<rootfiles>\n<rootfile full-path="EPUB/content.opf" media-type="application/oebps-package+xml"/>\n'
             '</rootfiles>\n</container>\n')
FEATURES = ("alternativeText", "structuralNavigation", "tableOfContents", "readingOrder", "printPageNumbers",
            "displayTransformability")
# The accessibility summary, in the edition's language: what a reader who cannot see the photos is given.
SUMMARY = {
    "vi": "Sách ảnh có văn bản thay thế cho mọi ảnh, chú thích và nguồn ảnh, mục lục, danh sách trang tương ứng với bản in "
          "và thứ tự đọc theo logic; chữ có thể thay đổi cỡ và phông.",
    "en": "A photo book with alternative text for every photo, captions and credits, a table of contents, a page list "
          "matching the print edition and a logical reading order; the text can be resized and restyled.",
    "zh": "本画册为每张照片提供替代文本、图片说明和署名，并提供目录、与印刷版对应的页码列表和合乎逻辑的阅读顺序；文字的大小和字体可以调整。",
    "ko": "모든 사진에 대체 텍스트와 사진 설명, 출처를 제공하며, 목차와 인쇄본과 일치하는 쪽 목록, 논리적인 읽기 순서를 갖춘 사진집입니다. "
          "글자 크기와 글꼴을 바꿀 수 있습니다.",
    "ja": "すべての写真に代替テキスト、キャプション、クレジットを付け、目次、印刷版に対応するページリスト、論理的な読み順を備えた写真集です。"
          "文字の大きさや書体は変更できます。",
}
NAV_TITLES = {  # (contents, pages, landmarks) when the book's own contents heading is not there
    "vi": ("Mục lục", "Trang", "Mốc"), "en": ("Contents", "Pages", "Landmarks"), "zh": ("目录", "页码", "导航"),
    "ko": ("차례", "쪽", "길잡이"), "ja": ("目次", "ページ", "ランドマーク"),
}


@dataclass(frozen=True)
class Item:
    """One file of the publication, under EPUB/."""

    id: str
    href: str
    media_type: str
    data: bytes
    properties: str = ""
    spine: str = ""  # its place in the reading order: 'yes', 'no' (reached by links only) or '' (none)


def identifier(book, lang: str) -> str:
    """The e-book ISBN as a URN, or, without one, a name-based UUID of the book and edition (the same every build).

    >>> class B: slug, isbn_epub = "hai-phong", {"en": "978-604-00-0012-5"}
    >>> identifier(B, "en"), identifier(B, "vi")
    ('urn:isbn:9786040000125', 'urn:uuid:ee0f6eee-4cec-5da7-a68f-e5c32fba1c2f')
    """
    isbn = book.isbn_epub.get(lang, "") if isinstance(book.isbn_epub, dict) else ""
    if isbn:
        return "urn:isbn:" + isbn.replace("-", "").replace(" ", "")
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'book:{book.slug}:{lang}')}"


def opf(book, lang: str, title: str, subtitle: str, publisher: str, moment: datetime.datetime, items: list[Item]) -> str:
    """The package document: metadata (identification, dates, the print
    edition the page list follows, accessibility), manifest and spine."""
    tag = language(lang).tag
    meta = [f'<dc:identifier id="pub-id">{identifier(book, lang)}</dc:identifier>',
            f'<dc:title id="title">{escape(title)}</dc:title>', '<meta refines="#title" property="title-type">main</meta>',
            f"<dc:language>{tag}</dc:language>",
            f"<dc:publisher>{escape(publisher)}</dc:publisher>",
            f"<dc:date>{moment.date().isoformat()}</dc:date>",
            *([f'<dc:title id="subtitle">{escape(subtitle)}</dc:title>', '<meta refines="#subtitle" property="title-type">subtitle</meta>']
              if subtitle else []),
            f'<meta property="dcterms:modified">{moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}</meta>']
    isbn = book.isbn.get(lang, "")
    if isbn:  # the page list's numbers are this print edition's pages
        meta += [f'<dc:source id="print-source">urn:isbn:{isbn.replace("-", "")}</dc:source>',
                 '<meta refines="#print-source" property="source-of">pagination</meta>']
    meta += ['<meta property="schema:accessMode">textual</meta>', '<meta property="schema:accessMode">visual</meta>',
             '<meta property="schema:accessModeSufficient">textual,visual</meta>',
             '<meta property="schema:accessModeSufficient">textual</meta>']
    meta += [f'<meta property="schema:accessibilityFeature">{feature}</meta>' for feature in FEATURES]
    meta += ['<meta property="schema:accessibilityHazard">none</meta>',
             f'<meta property="schema:accessibilitySummary">{escape(SUMMARY.get(lang, SUMMARY["en"]))}</meta>']
    cover = next((i for i in items if "cover-image" in i.properties), None)
    if cover is not None:
        meta.append(f'<meta name="cover" content="{cover.id}"/>')
    manifest = [f'<item id="{i.id}" href="{i.href}" media-type="{i.media_type}"' + (f' properties="{i.properties}"' if i.properties else "")
                + "/>" for i in items]
    spine = [f'<itemref idref="{i.id}"' + (' linear="no"' if i.spine == "no" else "") + "/>" for i in items if i.spine]
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<package xmlns="{OPF_NS}" version="3.0" unique-identifier="pub-id" '
            f'xml:lang="{tag}" dir="{language(lang).direction}">\n<metadata xmlns:dc="{DC_NS}">\n' + "\n".join(meta)
            + "\n</metadata>\n<manifest>\n" + "\n".join(manifest) + "\n</manifest>\n<spine>\n" + "\n".join(spine)
            + "\n</spine>\n</package>\n")


def zip_epub(opf_text: str, items: list[Item], moment: datetime.datetime) -> bytes:
    """The EPUB's bytes: mimetype first and stored, then the container, the
    package document and the items in their order, all dated ``moment``."""
    stamp = max(moment.astimezone(datetime.UTC).timetuple()[:6], (1980, 1, 1, 0, 0, 0))  # zip dates begin in 1980
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        def put(name: str, data: bytes, stored: bool = False) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3  # unix, on every machine
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=None if stored else 9)

        put("mimetype", b"application/epub+zip", stored=True)
        put("META-INF/container.xml", CONTAINER.encode())
        put("EPUB/content.opf", opf_text.encode())
        for item in items:
            put(f"EPUB/{item.href}", item.data, stored=item.media_type == "image/jpeg")  # a JPEG does not deflate
    return buffer.getvalue()
