"""The EPUB's fonts and its style sheet: the faces fonts/fonts.yaml gives the
edition (`book.text.fonts.EditionFonts` says which face draws which
character in which role, as it does for the pages), each subset to the
characters the EPUB shows in it, and one CSS family per role's kind (sans,
serif) whose @font-face rules name, by ``unicode-range``, the characters
each face serves: a CJK edition's wide characters come from its regional
CJK face, Latin letters from the Latin one, as on the pages. A reader
without the faces still shows every character, in the edition's own forms
(the Japanese 直, not the Chinese one)."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from book.errors import FontError
from book.files import write_atomic
from book.languages import language
from book.text.fonts import PLAIN_SPACE, EditionFonts, file_digest
from book.text.italic import italic_role, parse

SUBSET_VERSION = "1"


@dataclass(frozen=True)
class EmbeddedFont:
    name: str  # its file in the EPUB, under fonts/
    data: bytes
    media_type: str


def role_texts(book, lang: str, styled: list[tuple[str, str]]) -> dict[str, set[str]]:
    """The characters each font role shows, from (print style, text) pairs;
    the italic spans of a text go to the role's italic role."""
    roles: dict[str, set[str]] = {}
    for style, text in styled:
        role = book.style(style, lang).font
        shown, spans = parse(text)
        roles.setdefault(role, set()).update(shown)
        if spans:
            roles.setdefault(italic_role(role), set()).update("".join(shown[a:b] for a, b in spans))
    return roles


def unicode_range(codepoints: set[int]) -> str:
    """Code points as CSS ``unicode-range`` ranges.

    >>> unicode_range({65, 66, 67, 0x4E00})
    'U+41-43, U+4E00'
    """
    out, run = [], []
    for code in sorted(codepoints):
        if run and code == run[-1] + 1:
            run.append(code)
            continue
        if run:
            out.append(f"U+{run[0]:X}" + (f"-{run[-1]:X}" if len(run) > 1 else ""))
        run = [code]
    if run:
        out.append(f"U+{run[0]:X}" + (f"-{run[-1]:X}" if len(run) > 1 else ""))
    return ", ".join(out)


def family(role: str) -> tuple[str, int, str]:
    """(CSS family, weight, style) of a font role.

    >>> family("serif-bold-italic"), family("sans")
    (('book-serif', 700, 'italic'), ('book-sans', 400, 'normal'))
    """
    base = role.removesuffix("-italic").removesuffix("-bold")
    return f"book-{base}", 700 if "-bold" in role else 400, "italic" if role.endswith("-italic") else "normal"


def subset_face(face, codepoints: set[int], cff: bool, cache: Path) -> bytes:
    """``face`` subset to ``codepoints``, without hinting: from the cache
    (keyed by the font file's digest, the face, the code points and this
    code's version) or made into it."""
    codes = sorted(codepoints)
    key = hashlib.sha256(f"{SUBSET_VERSION}|{file_digest(face.path)}|{face.index}|{codes}".encode()).hexdigest()[:20]
    path = cache / f"{face.name}-{key}.{'otf' if cff else 'ttf'}"
    sums = path.with_suffix(".txt")
    try:
        data = path.read_bytes()
        if sums.read_text(encoding="ascii").strip() == hashlib.sha256(data).hexdigest():
            return data
    except OSError:
        pass  # not made yet, or damaged: made again
    try:
        font = TTFont(face.path, fontNumber=face.index, recalcTimestamp=False)
        options = subset.Options()
        options.hinting = False
        options.desubroutinize = True
        options.notdef_outline = True
        options.name_languages = ["*"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codes)
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.save(buffer)
    except Exception as exc:  # fontTools raises many kinds
        raise FontError(f"{face.path}: could not subset face {face.index} for the EPUB: {exc}") from exc
    data = buffer.getvalue()
    cache.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data, durable=False)
    write_atomic(sums, hashlib.sha256(data).hexdigest() + "\n", durable=False)
    return data


def edition_fonts(book, lang: str, styled: list[tuple[str, str]], fonts: EditionFonts,
                  cache: Path) -> tuple[list[EmbeddedFont], str]:
    """The edition's faces subset to what it shows, and the @font-face rules that name them."""
    served: dict[tuple[str, str], set[int]] = {}  # (role, face) -> the characters that role takes from it
    for role, chars in sorted(role_texts(book, lang, styled).items()):
        first = fonts.chain(role)[0]
        served.setdefault((role, first.name), set()).add(32)
        for ch in chars:
            if ch in PLAIN_SPACE:
                continue
            face = fonts.face_for(ch, role)
            if face is not None:  # a character no face has is the glyph check's error, reported by the pages
                served.setdefault((role, face.name), set()).add(ord(ch))
    by_face: dict[str, set[int]] = {}
    for (_, name), codes in served.items():
        by_face.setdefault(name, set()).update(codes)
    embedded, files = [], {}
    for name in sorted(by_face):
        face = book.fonts.faces[name]
        cff = fonts.face_info(face)[1]
        files[name] = f"{name}.{'otf' if cff else 'ttf'}"
        embedded.append(EmbeddedFont(files[name], subset_face(face, by_face[name], cff, cache), "font/otf" if cff else "font/ttf"))
    rules = []
    for (role, name), codes in sorted(served.items()):
        css_family, weight, style = family(role)
        kind = "opentype" if files[name].endswith(".otf") else "truetype"
        rules.append(f'@font-face {{\n  font-family: "{css_family}";\n  font-weight: {weight};\n  font-style: {style};\n'
                     f'  src: url("fonts/{files[name]}") format("{kind}");\n  unicode-range: {unicode_range(codes)};\n}}\n')
    return embedded, "".join(rules)


def style_sheet(book, lang: str, styles: list[str], faces: str) -> str:
    """The EPUB's CSS: the faces, then a rule per print style the EPUB uses,
    in its family and weight; in CJK editions the strict line-breaking
    rules (kinsoku), and in Korean breaks between words only, as on the pages."""
    facts = language(lang)
    body = book.style("body", lang).font
    breaking = "  line-break: strict;\n" if facts.wide_faces else ""
    if facts.breaking == "words" and facts.wide_faces:  # Korean: spaces between words, never a break inside one
        breaking += "  word-break: keep-all;\n"
    rules = [faces, f'body {{\n  font-family: "{family(body)[0]}", {generic(body)};\n  line-height: 1.6;\n  margin: 0 4%;\n{breaking}}}\n']
    for name in styles:
        role = book.style(name, lang).font
        css_family, weight, _ = family(role)
        rules.append(f'.{name} {{\n  font-family: "{css_family}", {generic(role)};\n  font-weight: {weight};\n}}\n')
    rules.append(BASE_CSS)
    return "\n".join(rules)


def generic(role: str) -> str:
    return "sans-serif" if role.startswith("sans") else "serif"


BASE_CSS = """h1 { font-size: 1.7em; line-height: 1.3; margin: 1.2em 0 0.6em; }
h2 { font-size: 1.3em; line-height: 1.3; margin: 1.2em 0 0.5em; }
p { margin: 0 0 0.8em; }
p.chapter-number { font-size: 0.9em; letter-spacing: 0.05em; margin-top: 2em; }
p.subtitle { font-size: 1.15em; }
figure { margin: 1.6em 0; break-inside: avoid; page-break-inside: avoid; }
figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-size: 0.85em; line-height: 1.45; margin-top: 0.5em; }
figcaption p { margin: 0 0 0.3em; }
p.caption-meta { color: #555; font-size: 0.9em; }
ol.toc, ol.credits { list-style: none; padding: 0; }
ol.toc li, ol.credits li { margin: 0 0 0.4em; }
section.cover { text-align: center; }
section.cover img { max-width: 100%; height: auto; }
"""
