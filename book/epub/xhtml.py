"""One edition's EPUB documents as XHTML text: a file per chapter, the cover
page and the navigation document (contents, page list, landmarks), from
`book.epub.content`. Italic markup (``*...*``, `book.text.italic`) becomes
``<i>``, with ``lang="vi"`` when the words marked are Vietnamese in another
edition (a name, a song), so that a screen reader says them as such."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from book.epub.content import Block, Content, Section
from book.languages import language
from book.text.italic import parse

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
STYLESHEET = "style.css"
# Letters only Vietnamese writes among the Latin scripts the editions use.
VIETNAMESE = frozenset("ăâđêôơưĂÂĐÊÔƠƯ" "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
                       "ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ")
LETTERS = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
LATIN_RUN = re.compile(f"[{LETTERS}]+(?: [{LETTERS}]+)*")  # words in Latin letters, in a CJK edition's text
WORD = re.compile(f"[{LETTERS}]+")
# A Vietnamese syllable written without marks ("Minh", "Long", "Thu"): onset, one to three vowels, coda.
# English words are seldom shaped so ("River", "Today", "Museum", "Center" are not).
SYLLABLE = re.compile(r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?", re.I)
ENGLISH = frozenset("The And Of In On At For From With By Hanoi".split())  # capitalised, yet English


def html_attrs(lang: str) -> str:
    tag = language(lang).tag
    return f'xmlns="{XHTML_NS}" xmlns:epub="{EPUB_NS}" xml:lang="{tag}" lang="{tag}" dir="{language(lang).direction}"'


def document(lang: str, title: str, body: str, body_type: str = "") -> str:
    """A whole XHTML content document."""
    kind = f' epub:type="{body_type}"' if body_type else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html {html_attrs(lang)}>\n<head>\n'
            f'<meta charset="UTF-8"/>\n<title>{escape(title)}</title>\n'
            f'<link rel="stylesheet" type="text/css" href="{STYLESHEET}"/>\n</head>\n<body{kind}>\n{body}</body>\n</html>\n')


def vietnamese(text: str, lang: str) -> str:
    """``text`` escaped, with the Vietnamese names in another edition's text
    marked as Vietnamese: a run of Latin words in a CJK edition, and in a
    Latin one a run of whole Vietnamese words (`vi_word`) with a letter only
    Vietnamese writes, never an English word beside them ("Cấm River") nor
    part of a word.

    >>> vietnamese("Photo: Vũ Đức Thắng, Hải Phòng & Hanoi", "en")
    'Photo: <span lang="vi" xml:lang="vi">Vũ Đức Thắng</span>, <span lang="vi" xml:lang="vi">Hải Phòng</span> &amp; Hanoi'
    >>> vietnamese("the Cấm River by Lê Minh Đức", "en")
    'the <span lang="vi" xml:lang="vi">Cấm</span> River by <span lang="vi" xml:lang="vi">Lê Minh Đức</span>'
    >>> vietnamese("Photo: Nguyễn Thị Thu Trang", "en")
    'Photo: <span lang="vi" xml:lang="vi">Nguyễn Thị Thu Trang</span>'
    >>> vietnamese("(Nhà xuất bản Thông tin)", "en")
    '(<span lang="vi" xml:lang="vi">Nhà xuất bản Thông</span> tin)'
    >>> vietnamese("写真：Hoàng Anh Tuấn", "ja"), vietnamese("Ảnh: Vũ Đức Thắng", "vi")
    ('写真：<span lang="vi" xml:lang="vi">Hoàng Anh Tuấn</span>', 'Ảnh: Vũ Đức Thắng')
    """
    if lang == "vi":
        return escape(text)
    if language(lang).wide_faces:
        spans = [(found.start(), found.end()) for found in LATIN_RUN.finditer(text) if any(ch in VIETNAMESE for ch in found.group())]
    else:
        spans = name_spans(text)
    out, at = [], 0
    for start, end in spans:
        out += [escape(text[at:start]), f'<span lang="vi" xml:lang="vi">{escape(text[start:end])}</span>']
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def vi_word(word: str) -> bool:
    """A Vietnamese word in English text: one with a letter only Vietnamese writes, or a
    capitalised syllable of Vietnamese shape next to such words (the "Minh" of "Lê Minh Đức")."""
    return any(ch in VIETNAMESE for ch in word) or word[0].isupper() and word not in ENGLISH and bool(SYLLABLE.fullmatch(word))


def wholly_vietnamese(words: str) -> bool:
    """Whether an italic span is Vietnamese words alone ("hát đúm", "ca trù"), not an English
    title that names a Vietnamese place ("Hải Phòng – 70 Years of …")."""
    found = WORD.findall(words)
    return any(ch in VIETNAMESE for ch in words) and all(any(ch in VIETNAMESE for ch in w) or SYLLABLE.fullmatch(w) for w in found)


def name_spans(text: str) -> list[tuple[int, int]]:
    """Where the runs of Vietnamese words (one space apart) with a Vietnamese letter stand in ``text``."""
    spans: list[tuple[int, int]] = []
    run: list[re.Match] = []
    for found in [*WORD.finditer(text), None]:
        if found is not None and vi_word(found.group()) and (not run or text[run[-1].end():found.start()] == " "):
            run.append(found)
            continue
        if any(ch in VIETNAMESE for word in run for ch in word.group()):
            spans.append((run[0].start(), run[-1].end()))
        run = [found] if found is not None and vi_word(found.group()) else []
    return spans


def marked(text: str, lang: str) -> str:
    """``text`` escaped, its italic spans as ``<i>``, its Vietnamese names
    marked (`vietnamese`) and its lines kept.

    >>> marked("Folk artists of a *hát đúm* club & <friends>", "en")
    'Folk artists of a <i lang="vi" xml:lang="vi">hát đúm</i> club &amp; &lt;friends&gt;'
    >>> marked("a *Tết* b", "vi"), marked("*ca trù*", "en")
    ('a <i>Tết</i> b', '<i lang="vi" xml:lang="vi">ca trù</i>')
    >>> marked("*Hải Phòng – 70 Years*", "en")
    '<i><span lang="vi" xml:lang="vi">Hải Phòng</span> – 70 Years</i>'
    """
    shown, spans = parse(text)
    out, at = [], 0
    for start, end in spans:
        out.append(vietnamese(shown[at:start], lang))
        words = shown[start:end]
        if lang != "vi" and wholly_vietnamese(words):
            out.append(f'<i lang="vi" xml:lang="vi">{escape(words)}</i>')
        else:  # an English title in italics holds its names as the roman text does
            out.append(f"<i>{vietnamese(words, lang)}</i>")
        at = end
    out.append(vietnamese(shown[at:], lang))
    return "".join(out).replace("\n", "<br/>")


def block_html(block: Block, content: Content, images: dict[str, tuple[str, tuple[int, int]]]) -> str:
    lang = content.lang
    if block.kind == "page":
        return f'<span epub:type="pagebreak" id="page-{block.text}" role="doc-pagebreak" aria-label="{block.text}"></span>\n'
    if block.kind in ("h1", "h2"):
        return f'<{block.kind} class="{block.style}">{marked(block.text, lang)}</{block.kind}>\n'
    if block.kind == "p":
        return f'<p class="{block.style}">{marked(block.text, lang)}</p>\n'
    if block.kind == "list":
        rows = []
        for text, anchor in block.items:
            page = anchor.removeprefix("page-")
            inner = (f'<a href="{content.pages[int(page)]}#{anchor}">{vietnamese(text, lang)}</a>'
                     if anchor and page.isdigit() and int(page) in content.pages else vietnamese(text, lang))
            rows.append(f"<li>{inner}</li>")
        return f'<ol class="{block.style}">\n' + "\n".join(rows) + "\n</ol>\n"
    name, (width, height) = images[block.photo]
    meta = f'\n<p class="caption-meta">{vietnamese(block.meta, lang)}</p>' if block.meta else ""
    return (f'<figure id="{block.photo}">\n<img src="{name}" alt={quoteattr(block.alt)} width="{width}" height="{height}"/>\n'
            f'<figcaption>\n<p class="caption">{marked(block.text, lang)}</p>{meta}\n</figcaption>\n</figure>\n')


def section_xhtml(section: Section, content: Content, images: dict[str, tuple[str, tuple[int, int]]]) -> str:
    """A chapter's XHTML: its blocks in a ``section`` of its landmark's kind."""
    body = "".join(block_html(block, content, images) for block in section.blocks)
    title = section.title or next((b.text for b in section.blocks if b.kind in ("h1", "h2")), "") or content.title
    label = f' aria-label={quoteattr(section.title)}' if section.title else ""
    chapter = ' epub:type="chapter" role="doc-chapter"' if section.role == "bodymatter" else ""
    return document(content.lang, one_line_plain(title), f'<section id="{section.id}"{chapter}{label}>\n{body}</section>\n',
                    section.role)


def one_line_plain(text: str) -> str:
    return " ".join(parse(text)[0].split())


def cover_xhtml(content: Content, image: tuple[str, tuple[int, int]], alt: str) -> str:
    name, (width, height) = image
    return document(content.lang, content.title,
                    f'<section id="cover" epub:type="cover" class="cover">\n<img src="{name}" alt={quoteattr(alt)} '
                    f'width="{width}" height="{height}" role="doc-cover"/>\n</section>\n')


def nav_xhtml(content: Content, toc_title: str, pages_title: str, landmarks_title: str, cover_file: str | None) -> str:
    """The navigation document: the chapters, a page list of every print page, and the landmarks."""
    toc = "\n".join(f'<li><a href="{s.file}">{escape(s.title)}</a></li>' for s in content.sections if s.title)
    pages = "\n".join(f'<li><a href="{file}#page-{n}">{n}</a></li>' for n, file in sorted(content.pages.items()))
    marks = []
    if cover_file:
        marks.append(f'<li><a epub:type="cover" href="{cover_file}">{escape(content.title)}</a></li>')
    marks.append(f'<li><a epub:type="toc" href="nav.xhtml#toc">{escape(toc_title)}</a></li>')
    body = next((s for s in content.sections if s.role == "bodymatter"), None)
    if body is not None:
        marks.append(f'<li><a epub:type="bodymatter" href="{body.file}">{escape(body.title)}</a></li>')
    return document(content.lang, toc_title,
                    f'<nav epub:type="toc" id="toc" role="doc-toc">\n<h1>{escape(toc_title)}</h1>\n<ol>\n{toc}\n</ol>\n</nav>\n'
                    f'<nav epub:type="page-list" id="page-list" role="doc-pagelist" hidden="hidden">\n<h2>{escape(pages_title)}</h2>\n'
                    f'<ol>\n{pages}\n</ol>\n</nav>\n'
                    f'<nav epub:type="landmarks" id="landmarks" hidden="hidden">\n<h2>{escape(landmarks_title)}</h2>\n'
                    f'<ol>\n' + "\n".join(marks) + '\n</ol>\n</nav>\n')
