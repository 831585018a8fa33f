"""book.yaml's ``profiles``: each output's PDF/X flavour and crop marks, and
the printer preset it is made for, with the profile's own values over the
preset's. A profile that is not one of the registered outputs (``pod``) and
names a printer is a print output of its own: a copy of ``print`` written
to output/<name>/. The profile being built puts its printer's figures in
the book (`apply_printer`): bleed, ink limit, press profile, caliper; the
trim is checked against the ones the printer offers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from book.errors import ConfigError, Problems
from book.model import ProfileSettings
from book.presets import PRESET_KEYS, Preset, preset_files, read_preset, unknown_preset
from book.sources.schema import Key, Section, suggest

PROFILE_KEYS = {"pdfx": Key(str, None, choices=("x1a", "x4")), "marks": Key(bool),
                "printer": Key(str, None, doc="The printer preset this output is made for (book/presets/, or the project's "
                                              "presets/): its trims, bleed per side, ink limit, press profile, spine and cover "
                                              "rules. Any of the preset's keys given beside it replaces the preset's value.")}
OVERRIDES = {key: spec for key, spec in PRESET_KEYS.items() if key not in ("name", "pdfx")}


# The outputs registered from the book read last: reading another book replaces them,
# so that one project's profiles are never offered in another's.
FROM_BOOK: set[str] = set()


def register_profiles(root: Path, data: dict | None) -> list[str]:
    """Register a print output for each profile that names a printer and is
    not a registered output yet; returns their names."""
    from book.outputs import OUTPUTS, register, unregister
    from book.outputs.pdf import PRINT

    for name in sorted(FROM_BOOK):
        unregister(name)
    FROM_BOOK.clear()
    names = []
    for name, options in sorted((data or {}).items()):
        if not (isinstance(name, str) and isinstance(options, dict) and options.get("printer")) or name in OUTPUTS.builtin:
            continue
        known = OUTPUTS.outputs.get(name)
        if known is None or (type(known) is type(PRINT) and known.for_press):  # not another package's output of that name
            register(replace(PRINT, name=name))
            names.append(name)
    FROM_BOOK.update(names)
    return names


def register_project_profiles(root: Path) -> list[str]:
    """The same from the project's content/book.yaml, read for its profiles alone (the command line's --profile)."""
    from book.sources.yamlsrc import read_yaml

    path = root / "content" / "book.yaml"
    if not path.is_file():
        return []
    try:
        data = read_yaml(path, "content/book.yaml").data
    except ConfigError:
        return []  # the build reports it in its place
    return register_profiles(root, data.get("profiles") if isinstance(data, dict) else None)


def load_profiles(root: Path, section: Section, out: Problems) -> dict[str, ProfileSettings]:
    """``profiles.<output>``: its PDF/X flavour, crop marks and printer preset."""
    from book.outputs import OUTPUTS

    register_profiles(root, section.data)
    found = {}
    for name in sorted(section.data):
        if name not in OUTPUTS:
            section.out.warn("unknown-key", section.where(name), f"profiles.{name}: not an output; name a printer "
                             f"(printer: {next(iter(preset_files(root)), 'offset-fogra39')}) to make it a print output of its own"
                             f"{suggest(str(name), list(OUTPUTS))}")
            continue
        options = section.sub(name, {**PROFILE_KEYS, **OVERRIDES})
        pdfx, printer = options.read("pdfx"), None
        if (pdfx or options.read("printer")) and OUTPUTS[name].colour != "cmyk":
            options.bad("pdfx" if pdfx else "printer", f"the {name} output is RGB; PDF/X and printers apply to print outputs only")
            pdfx = None
        elif options.read("printer"):
            printer = read_printer(root, options, out)
        marks = options.read("marks")
        if marks and printer is not None and not printer.marks_allowed:
            options.bad("marks", f"the printer preset '{printer.name}' allows no crop marks; remove marks: true")
        found[name] = ProfileSettings(pdfx, marks, printer)
    return found


def read_printer(root: Path, options: Section, out: Problems) -> Preset | None:
    name = options.read("printer")
    if name not in preset_files(root):
        options.bad("printer", unknown_preset(name, root), code="unknown-printer")
        return None
    return read_preset(root, name, options, out)


def apply_printer(book, profile: str | None, out: Problems, where) -> None:
    """Put the printer's figures of the profile being built into ``book``:
    its bleed (the widest side; `book.pdf.finish` trims the others), ink
    limit, press profile and, when the preset gives one, caliper. A trim
    the printer does not offer is an error naming the nearest it does."""
    settings = book.profiles.get(profile) if profile else None
    printer = settings.printer if settings else None
    if printer is None:
        return
    book.printer = printer
    book.bleed = printer.bleed.widest
    book.ink_limit, book.press_profile = printer.ink_limit, printer.press_profile
    if printer.caliper_mm:
        book.paper = replace(book.paper, caliper_mm=printer.caliper_mm, name=book.paper.name or printer.title)
    if not printer.offers(book.trim):
        nearest = ", ".join(f"{w:g} × {h:g}" for w, h in printer.nearest_trims(book.trim))
        out.error("trim-not-offered", where, f"trim_mm: {book.trim[0]:g} × {book.trim[1]:g} mm is not a trim the printer "
                  f"'{printer.name}' offers; the nearest are {nearest} mm: choose one of them")
