"""Output formats as plug-ins: a toy output made here, outside `book/` (a
one-page contact sheet of the book's photos per edition, drawn with
reportlab), registered by `book.outputs.register` or by an installed
package's entry point, and built by `book build --profile`."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from book.checks.preflight import Report
from book.images.process import photo_name
from book.outputs import OUTPUTS, Output, Rendering, RenderRequest, Staged, register, unregister

LANGS = ("vi", "en", "ja")


@dataclass(frozen=True)
class ContactSheet(Output):
    """Every photo of the book as the photo stage prepared it for this
    output, with its id under it, on one page per edition."""

    def render(self, request: RenderRequest) -> Rendering:
        book = request.prepared.book
        names: dict[str, str] = {}
        for job in request.jobs:
            names.setdefault(job.photo, photo_name(job))
        staged = []
        for edition in request.prepared.editions:
            target = self.path(book.root, book, edition.lang)
            if target.relative_to(book.root).as_posix() not in request.todo:
                continue
            path = request.work / f"{edition.lang}-contact.pdf"
            canvas = Canvas(str(path), pagesize=A4, invariant=1)
            canvas.setFont("Helvetica", 14)
            canvas.drawString(40, 800, f"Contact sheet {book.slug} {edition.lang}")
            for number, (photo, name) in enumerate(sorted(names.items())):
                x, y = 40 + number % 3 * 180, 640 - number // 3 * 180
                canvas.drawImage(str(request.photo(name)), x, y, width=160, height=120)
                canvas.drawString(x, y - 16, photo)
            canvas.showPage()
            canvas.save()
            staged.append(Staged(path, target, {"lang": edition.lang, "profile": self.name, "part": self.part, "pages": 1}))
        return Rendering(staged)

    def check(self, path: Path, **settings) -> Report:
        report = Report(str(path))
        with pikepdf.open(path) as pdf:
            report.pages = len(pdf.pages)
        if report.pages != 1:
            report.error("pages", f"{report.pages} pages; a contact sheet has one")
        report.facts["kind"] = "contact sheet"
        return report


def contact_sheet(name: str) -> ContactSheet:
    return ContactSheet(name, "rgb", 72, None, False, "contact", text=False)


def entry_point_outputs() -> list[Output]:
    """What the installed package of `test_an_installed_package_adds_an_output` offers."""
    return [contact_sheet("sheet")]


@pytest.fixture
def contact():
    output = register(contact_sheet("contact"))
    yield output
    unregister(output.name)


def sheet_path(root: Path, lang: str, name: str = "contact") -> Path:
    return root / "output" / name / lang / f"mini-{lang}-contact.pdf"


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_a_registered_output_is_built_listed_and_left_unchanged(mini, run, contact):
    result = run(mini, "build", "--profile", "contact", "--json")
    assert result.exit_code == 0, result.stderr
    manifest = json.loads((mini / "output" / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["path"]: f for f in manifest["files"]}
    for lang in LANGS:
        path = sheet_path(mini, lang)
        with pikepdf.open(path) as pdf:
            assert len(pdf.pages) == 1
            assert len(pdf.pages[0].get_images()) == 2  # p001 and p002, as prepared for this output
        text = pdftotext(path)
        assert f"Contact sheet mini {lang}" in text and "p001" in text and "p002" in text
        entry = listed[path.relative_to(mini).as_posix()]
        assert (entry["lang"], entry["profile"], entry["part"], entry["pages"]) == (lang, "contact", "contact", 1)
    assert not (mini / "output" / "print").exists()  # only what the output writes
    assert [e["written"] for e in json.loads(result.stdout)["editions"]] == [True, True, True]
    before = {lang: sheet_path(mini, lang).stat() for lang in LANGS}
    again = run(mini, "build", "--profile", "contact", "--json")
    assert again.exit_code == 0, again.stderr
    assert [e["written"] for e in json.loads(again.stdout)["editions"]] == [False, False, False]
    for lang in LANGS:
        after = sheet_path(mini, lang).stat()
        assert (after.st_ino, after.st_mtime_ns) == (before[lang].st_ino, before[lang].st_mtime_ns)


def test_preflight_checks_a_file_as_its_output_says(mini, run, contact):
    assert run(mini, "build", "--profile", "contact").exit_code == 0
    result = run(mini, "preflight", str(sheet_path(mini, "en")))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"{sheet_path(mini, 'en')}: ok: 1 pages, no trim, kind contact sheet")


def test_an_unknown_profile_is_a_usage_error_naming_the_known_ones(mini, run, contact):
    result = run(mini, "build", "--profile", "epub")
    assert result.exit_code == 2
    assert result.stderr == "error: --profile epub: unknown output; use one of print, screen, proof, contact\n"
    assert not (mini / "output").exists()


def test_an_installed_package_adds_an_output(mini, run, tmp_path, monkeypatch):
    """An entry point in the group ``book.outputs`` of an installed
    distribution (here one made in a folder on sys.path) is read when the
    registry is first asked, and its output builds."""
    site = tmp_path / "site"
    info = site / "toy_outputs-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: toy-outputs\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[book.outputs]\nsheet = {__name__}:entry_point_outputs\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(OUTPUTS, "loaded", False)  # as in a new process
    try:
        result = run(mini, "build", "--profile", "sheet", "--lang", "vi")
        assert result.exit_code == 0, result.stderr
        assert "Contact sheet mini vi" in pdftotext(sheet_path(mini, "vi", "sheet"))
        assert not sheet_path(mini, "en", "sheet").exists()
    finally:
        unregister("sheet")


def test_a_broken_plugin_is_one_line_naming_it(mini, run, tmp_path, monkeypatch):
    site = tmp_path / "site"
    info = site / "broken_outputs-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-outputs\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[book.outputs]\nbroken = no_such_module_here:outputs\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(OUTPUTS, "loaded", False)
    result = run(mini, "build", "--profile", "broken")
    assert result.exit_code == 1
    assert result.stderr == ("error: output plug-in 'broken' (no_such_module_here:outputs) could not be loaded: "
                             "No module named 'no_such_module_here'; reinstall or uninstall the package that provides it\n")
