"""Fonts for one edition: find the faces, give each run of text a face that
has its glyphs, and make CFF faces embeddable by reportlab (subset to the
edition's characters, outlines converted to TrueType, cached)."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont as FTFont
from fontTools.ttLib import newTable
from fontTools.ttLib.tables._g_l_y_f import Glyph
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from book.caches import FONTS, notice_damaged
from book.errors import FontError
from book.files import DiskFull, FileMemo, atomic_path, is_disk_full, remove_stale_temps, sha256_file, write_atomic
from book.languages import language
from book.model import FontConfig, FontFace
from book.text.fontcache import CMAP_FORMAT, read_cmap, whole_font

CONVERTER_VERSION = "3"  # 3: no build time in head.modified
# Punctuation that belongs to the CJK face inside CJK text, though Latin faces have it too
# ("~" of a Korean range, "13일~2025년": the Latin face's sits high between Hangul).
CJK_AMBIGUOUS = set("“”‘’…‥—―·・~")
# Word spaces join the run before them; any other space (U+3000, no-break)
# is a character like the rest and needs a face that has it.
PLAIN_SPACE = " \n\t"


def is_wide(ch: str) -> bool:
    """Whether ``ch`` is set in the CJK face in a CJK edition.

    >>> is_wide("海"), is_wide("한"), is_wide("。"), is_wide("A"), is_wide("5")
    (True, True, True, False, False)
    """
    return unicodedata.east_asian_width(ch) in ("W", "F") or ch in CJK_AMBIGUOUS


def read_face_info(path: Path, index: int) -> tuple[frozenset[int], bool]:
    """The code points a face maps, and whether its outlines are CFF."""
    font = FTFont(str(path), fontNumber=index, lazy=True)
    cmap = frozenset(font.getBestCmap() or {})
    cff = "CFF " in font or "CFF2" in font
    font.close()
    return cmap, cff


file_digest = FileMemo(sha256_file)  # each font file hashed once per process while it is the file it was


def ranges_text(codepoints: frozenset[int]) -> str:
    """Code points as ``start end`` lines of consecutive runs.

    >>> ranges_text(frozenset({65, 66, 67, 90})).split()
    ['65', '67', '90', '90']
    """
    out, start, prev = [], None, None
    for code in sorted(codepoints):
        if start is None:
            start = prev = code
        elif code == prev + 1:
            prev = code
        else:
            out.append(f"{start} {prev}\n")
            start = prev = code
    if start is not None:
        out.append(f"{start} {prev}\n")
    return "".join(out)


def cached_face_info(path: Path, index: int, folder: Path) -> tuple[frozenset[int], bool]:
    """`read_face_info`, kept in ``folder`` by the font file's digest: a CJK
    face's cmap maps tens of thousands of characters and is slow to read; its
    cached ranges are one short text file."""
    return face_info_by_digest(file_digest(path), path, index, folder)


@cache
def face_info_by_digest(digest: str, path: Path, index: int, folder: Path) -> tuple[frozenset[int], bool]:
    target = folder / f"cmap-{digest[:20]}-{index}.txt"
    known = read_cmap(target)
    if known is not None:
        return known
    cmap, cff = read_face_info(path, index)
    body = ranges_text(cmap)
    try:
        write_atomic(target, f"{CMAP_FORMAT} {'cff' if cff else 'glyf'} {hashlib.sha256(body.encode()).hexdigest()}\n{body}", durable=False)
    except (OSError, DiskFull):  # a cache that cannot be written costs time, never the build
        pass
    return cmap, cff


# Tables the converted face does without: reportlab reads glyphs through the
# cmap and sets no OpenType features (vertical forms are chosen by code point).
DROPPED_TABLES = ("VORG", "vhea", "vmtx", "BASE", "GDEF", "GPOS", "GSUB", "DSIG")


def convert_to_truetype(face: FontFace, codepoints: set[int], target: Path, tag: str, middle_dot: float = 0.0) -> None:
    """Subset a CFF face to ``codepoints`` and rewrite its outlines as quadratic
    TrueType glyphs, which reportlab can embed. The PostScript name gets ``tag``:
    reportlab keeps one font per PostScript name per process, so two subsets of
    one face (two editions) must not share it, or one would draw with the
    other's glyphs.

    The CFF table is swapped for an empty glyf table before fontTools'
    subsetter runs, and only the glyphs it keeps are drawn from the CFF
    outlines: subsetting the CFF itself would interpret each kept charstring
    twice more (for its closure and its subroutines) before the drawing."""
    font = FTFont(str(face.path), fontNumber=face.index, lazy=True)
    for table in DROPPED_TABLES:  # before subsetting, which would otherwise read a CJK face's large layout tables first
        if table in font:
            del font[table]
    order = font.getGlyphOrder()
    outlines = font.getGlyphSet()  # the CFF charstrings, read as they are drawn
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {name: Glyph() for name in order}
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, attr, 1 if attr == "maxZones" else 0)
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    options = subset.Options()
    options.layout_features = []
    options.hinting = True  # keeps what there is; the drawn glyphs have no instructions
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.drop_tables += list(DROPPED_TABLES)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    for name in font.getGlyphOrder():
        pen = TTGlyphPen(None)
        # CFF contours run counter-clockwise, TrueType ones clockwise.
        outlines[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        font["glyf"].glyphs[name] = pen.glyph()
    if middle_dot:
        set_advance(font, 0xB7, middle_dot)
    font["post"].formatType = 3.0
    names = font["name"]
    postscript = names.getDebugName(6) or face.name
    names.removeNames(nameID=6)
    names.setName(f"{postscript}-{tag}"[:63], 6, 3, 1, 0x409)
    names.setName(f"{postscript}-{tag}"[:63], 6, 1, 0, 0)
    font.sfntVersion = "\x00\x01\x00\x00"
    # fontTools stamps head.modified with the time of saving unless told not
    # to; the source face's own date keeps a fresh cache giving the same PDF.
    font.recalcTimestamp = False
    write_font(font, target)


def set_advance(font: FTFont, code: int, em: float) -> None:
    """Give ``code``'s glyph an advance of ``em``, its outline centred in it as it was in its own."""
    name = (font.getBestCmap() or {}).get(code)
    if name is None:
        return
    advance, lsb = font["hmtx"][name]
    shift = round((em * font["head"].unitsPerEm - advance) / 2)
    glyph = font["glyf"][name]
    if glyph.numberOfContours > 0:
        glyph.coordinates.translate((shift, 0))
        glyph.recalcBounds(font["glyf"])
    font["hmtx"][name] = (advance + 2 * shift, lsb + shift)


def write_font(font: FTFont, target: Path) -> None:
    """Save atomically; a failed save (a full disk) leaves no partial file."""
    with atomic_path(target, durable=False) as tmp:
        font.save(str(tmp))


@dataclass(frozen=True)
class Run:
    text: str
    font: str  # a registered reportlab font name


class EditionFonts:
    """The faces of one edition, registered with reportlab."""

    def __init__(self, config: FontConfig, lang: str, cache: Path):
        self.config = config
        self.lang = lang
        self.cache = cache
        self.cjk = language(lang).wide_faces
        self.middle_dot = language(lang).middle_dot  # em: "·" in every converted (CJK) face
        self.registered: dict[str, str] = {}  # face name -> reportlab name
        self.subsets: dict[str, frozenset[int]] = {}  # face name -> the code points its converted subset holds
        self.files: dict[str, tuple[str, int]] = {}  # reportlab name -> the file it was registered from, for shaping
        # reportlab name -> the face's own file: a subset drops the layout features (palt) that display type reads
        self.sources: dict[str, tuple[str, int]] = {}
        self.known_runs: dict[tuple[str, str], list[Run]] = {}
        self.known_faces: dict[tuple[str, str], FontFace | None] = {}

    def face_info(self, face: FontFace) -> tuple[frozenset[int], bool]:
        return cached_face_info(face.path, face.index, self.cache)

    def chain(self, role: str) -> list[FontFace]:
        return [self.config.faces[n] for n in self.config.languages[self.lang][role]]

    def face_for(self, ch: str, role: str) -> FontFace | None:
        key = (ch, role)
        if key not in self.known_faces:
            self.known_faces[key] = self.find_face(ch, role)
        return self.known_faces[key]

    def find_face(self, ch: str, role: str) -> FontFace | None:
        chain = self.chain(role)
        if self.cjk and is_wide(ch):
            wide = [f for f in chain if self.face_info(f)[1]] or chain
            chain = wide + [f for f in chain if f not in wide]
        for face in chain:
            if ord(ch) in self.face_info(face)[0]:
                return face
        return None

    def missing(self, text: str, role: str) -> list[str]:
        """Characters of ``text`` that no face of ``role`` can show."""
        return sorted(ch for ch in set(text) if ch not in PLAIN_SPACE and self.face_for(ch, role) is None)

    def prepare(self, texts_by_role: dict[str, set[str]], exact: bool = False) -> None:
        """Register every face the edition's texts need; subset CFF faces to
        them. ``exact``: to just these characters, whatever an earlier call
        added, so the fonts an edition embeds (their subset tags) do not
        depend on whether its measures were taken again or remembered."""
        needed: dict[str, set[int]] = {}
        for role, texts in sorted(texts_by_role.items()):
            for ch in set().union(*texts):
                face = self.face_for(ch, role) if ch not in PLAIN_SPACE else self.chain(role)[0]
                if face is not None:
                    needed.setdefault(face.name, set()).add(ord(ch))
            needed.setdefault(self.chain(role)[0].name, set()).add(32)
        for name in sorted(needed):
            self.register(self.config.faces[name], needed[name], exact)

    def register(self, face: FontFace, codepoints: set[int], exact: bool = False) -> str:
        """The reportlab name of ``face`` ready to draw ``codepoints``. A CFF
        face registered before for fewer characters is converted again for
        all of them (texts measured with the smaller subset measure the same)."""
        _, cff = self.face_info(face)
        if face.name in self.registered:
            had = self.subsets.get(face.name, codepoints)
            if codepoints <= had and not (exact and cff and set(codepoints) | {32} != had):
                return self.registered[face.name]
        if cff:
            if not exact:
                codepoints = codepoints | self.subsets.get(face.name, frozenset())
            codes = sorted(codepoints | {32})
            key = hashlib.sha256(
                f"{file_digest(face.path)}:{face.index}:{CONVERTER_VERSION}:{self.middle_dot}:{codes}".encode()
            ).hexdigest()[:20]
            target = self.cache / f"{face.name}-{key}.ttf"
            if not whole_font(target):
                if target.exists():
                    notice_damaged(f"{FONTS.rel}/{target.name}", "converted font")
                self.cache.mkdir(parents=True, exist_ok=True)
                remove_stale_temps(self.cache)
                try:
                    convert_to_truetype(face, set(codes), target, key[:6].upper(), self.middle_dot)
                except DiskFull:
                    raise
                except OSError as exc:
                    if is_disk_full(exc):
                        raise DiskFull(target, exc) from exc
                    raise FontError(f"{face.path}: could not convert face {face.index} for embedding: {exc}") from exc
                except Exception as exc:  # fontTools raises many kinds
                    raise FontError(f"{face.path}: could not convert face {face.index} for embedding: {exc}") from exc
            rl_name = f"{face.name}-{key[:8]}"
            path, index = target, 0
        else:
            rl_name, path, index = face.name, face.path, face.index
        if rl_name not in pdfmetrics.getRegisteredFontNames():
            try:
                pdfmetrics.registerFont(TTFont(rl_name, str(path), subfontIndex=index))
            except Exception as exc:
                raise FontError(f"{path}: reportlab cannot use this font ({exc}); pick a TrueType face in fonts/fonts.yaml") from exc
        # Guard against drawing with another font's glyphs (tofu in print).
        lost = {c for c in codepoints if c > 32} - set(pdfmetrics.getFont(rl_name).face.charToGlyph)
        if lost:
            sample = "".join(chr(c) for c in sorted(lost)[:10])
            raise FontError(f"{face.path}: the font registered as {rl_name} lacks {len(lost)} characters it was made for ({sample}…); "
                            "delete .cache/fonts and build again")
        self.registered[face.name] = rl_name
        if cff:
            self.subsets[face.name] = frozenset(codes)
        self.files[rl_name] = (str(path), index)
        self.sources[rl_name] = (str(face.path), face.index)
        self.known_runs.clear()  # a new face may serve characters another one did
        return rl_name

    def runs(self, text: str, role: str) -> list[Run]:
        """Split ``text`` into runs of one face each; spaces join the run before them."""
        key = (text, role)
        if key not in self.known_runs:
            self.known_runs[key] = self.split_runs(text, role)
        return self.known_runs[key]

    def split_runs(self, text: str, role: str) -> list[Run]:
        runs: list[Run] = []
        current_face: str | None = None
        buffer = ""
        for ch in text:
            if ch in PLAIN_SPACE and current_face is not None:
                buffer += ch
                continue
            face = self.face_for(ch, role) if ch not in PLAIN_SPACE else self.chain(role)[0]
            name = self.registered.get(face.name) if face else None
            if name is None:
                raise FontError(f"no font for {ch!r} (U+{ord(ch):04X}) in role '{role}' for {self.lang}; add a face to fonts/fonts.yaml")
            if name != current_face and buffer:
                runs.append(Run(buffer, current_face))
                buffer = ""
            current_face = name
            buffer += ch
        if buffer:
            runs.append(Run(buffer, current_face))
        return runs

    def base_font(self) -> str:
        return self.registered[self.chain("sans")[0].name]

