"""fonts/fonts.yaml: the font faces, and which faces serve each language's roles."""

from __future__ import annotations

from pathlib import Path

from book.errors import Problems
from book.languages import TABLE
from book.model import FontConfig, FontFace
from book.sources.schema import Key, Section, suggest
from book.sources.yamlsrc import read_yaml

FACE_KEYS = {"file": Key(str, "", required=True), "index": Key(int, 0), "package": Key(str)}


def load_fonts(root: Path, out: Problems, editions: list[str], styles) -> FontConfig:
    doc = read_yaml(root / "fonts" / "fonts.yaml", "fonts/fonts.yaml")
    top = Section(doc, (), doc.data, out, {"paths", "faces", "languages"})
    paths = [Path(p) if Path(p).is_absolute() else root / p for p in top.get("paths", list, ["fonts"])]
    faces = {}
    for name, data in (top.get("faces", dict, {}) or {}).items():
        section = Section(doc, ("faces", name), data, out, FACE_KEYS)
        file = section.read("file")
        package = section.read("package")
        found = next((p / file for p in paths if (p / file).is_file()), None)
        if file and found is None:
            hint = f"install the Debian package {package} (apt-get install {package})" if package else "put the file in fonts/"
            out.error("missing-font", section.where("file"), f"faces.{name}: font file {file} not found in {', '.join(str(p) for p in paths)}; {hint}")
            found = Path(file)
        elif found is not None and not is_font(found):
            out.error("not-a-font", section.where("file"), f"faces.{name}: {found} is not a TrueType or OpenType font (.ttf, .otf, "
                      f".ttc); replace the file{' (reinstall ' + package + ')' if package else ''} or name another face")
        faces[name] = FontFace(name, found, section.read("index"), package)
    languages: dict[str, dict[str, list[str]]] = {}
    for lang, roles in (top.get("languages", dict, {}) or {}).items():
        section = Section(doc, ("languages", lang), roles, out, set(roles or {}))
        languages[lang] = {}
        for role, chain in section.data.items():
            if not isinstance(chain, list) or not chain:
                section.bad(role, "give a list of face names")
                continue
            for face in chain:
                if face not in faces:
                    section.bad(role, f"unknown face '{face}'{suggest(str(face), faces)}")
            languages[lang][role] = [f for f in chain if f in faces]
    roles_used = {s.font for variants in styles.values() for s in variants.values()}
    for lang in editions:
        if lang not in languages:
            shared = same_script(lang, languages)
            if shared is None:
                out.error("missing-font", doc.where("languages"), f"languages: no fonts for '{lang}'; add a languages.{lang} entry")
                continue
            languages[lang] = languages[shared]
        for role in sorted(roles_used - set(languages[lang])):
            out.error("missing-font", doc.where("languages", lang), f"languages.{lang}: no faces for role '{role}' used by the styles")
    return FontConfig(faces, languages)


FONT_SIGNATURES = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")


def is_font(path: Path) -> bool:
    """Whether ``path`` starts as a TrueType, OpenType or collection file does."""
    try:
        with path.open("rb") as handle:
            return handle.read(4) in FONT_SIGNATURES
    except OSError:
        return False


def same_script(lang: str, languages: dict) -> str | None:
    """A language with fonts listed whose script is ``lang``'s: French takes the
    faces of Vietnamese or English, which cover the Latin script."""
    script = TABLE[lang].script if lang in TABLE else None
    return next((other for other in languages if other in TABLE and TABLE[other].script == script), None)
