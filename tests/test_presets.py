"""Printer presets (book/presets/): the sample book built for a print-on-demand
preset of the project's own (240 % ink, no gutter bleed, spine text from 80
pages), read back as a printer would; `book preflight --printer` on the
offset files; a preset name or trim the printer does not know."""

from __future__ import annotations

import io
import json
import re
import subprocess
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from conftest import copy_mini, copy_sample
from PIL import Image

from book.model import MM
from book.presets import read_preset

POD = """\
# A test printer: ink 240 %, bleed on top, bottom and outside only, spine text from 80 pages.
name: pod240
title: "Test print on demand"
kind: pod
trims_mm: any
bleed_mm: {top: 3.2, bottom: 3.2, outside: 3.2, gutter: 0}
ink_limit: 240
press_profile: FOGRA39
pdfx: x1a
marks_allowed: false
spine: {caliper_mm: 0.4, caliper_per: leaf, min_pages_for_text: 80, clearance_mm: 1.6}
cover: {barcode_mm: [50.8, 30.5]}
file_size_limit_mb: 650
"""


@pytest.fixture(autouse=True)
def own_outputs():
    """The outputs a book's profiles register (pod) go when the test ends: other tests list the registry."""
    from book.outputs import OUTPUTS, unregister

    before = set(OUTPUTS.outputs)
    yield
    for name in set(OUTPUTS.outputs) - before:
        unregister(name)


def with_profiles(root: Path, profiles: str) -> None:
    """Replace content/book.yaml's profiles with ``profiles`` (YAML flow mapping)."""
    path = root / "content" / "book.yaml"
    text = re.sub(r"^profiles:.*\n(?:  .*\n)*", "", path.read_text(encoding="utf-8"), flags=re.M)
    path.write_text(text + f"profiles: {profiles}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory, sample_photos, profile_cache) -> dict:
    """The sample book's en edition built twice in one copy: for print
    (offset-fogra39, 300 %) and for the project's pod240 preset."""
    from book.build import build

    root = copy_sample(tmp_path_factory.mktemp("presets") / "sample", sample_photos, profile_cache)
    (root / "presets").mkdir()
    (root / "presets" / "pod240.yaml").write_text(POD, encoding="utf-8")
    with_profiles(root, "{print: {printer: offset-fogra39}, pod: {printer: pod240}}")
    path = root / "content" / "book.yaml"  # soft-bound, as a print-on-demand book is (the sample is a hardcover)
    path.write_text(path.read_text(encoding="utf-8").replace("binding: {style: case,", "binding: {style: perfect,"), encoding="utf-8")
    from book.outputs import OUTPUTS, unregister

    before = set(OUTPUTS.outputs)
    build(root, ["en"], "print", jobs=2)
    manifest = build(root, ["en"], "pod", jobs=2)
    for name in set(OUTPUTS.outputs) - before:  # as `own_outputs` does for each test
        unregister(name)
    return {"root": root, "manifest": manifest}


def pdf_of(built: dict, profile: str, part: str) -> Path:
    return built["root"] / "output" / profile / "en" / f"hai-phong-70-nam-en-{part}.pdf"


def max_ink(path: Path) -> float:
    """The highest C+M+Y+K of any pixel of the PDF's CMYK photos, in %, at full resolution."""
    worst = 0.0
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for image in (page.Resources.get("/XObject") or {}).values():
                if image.get("/Subtype") != "/Image" or image.get("/ColorSpace") != "/DeviceCMYK":
                    continue
                with Image.open(io.BytesIO(image.read_raw_bytes())) as picture:
                    pixels = np.asarray(picture.convert("CMYK"), dtype=np.uint16)
                worst = max(worst, float(pixels.sum(axis=2).max()) / 2.55)
    return worst


def test_ink_stays_within_the_presets_limit(built):
    assert max_ink(pdf_of(built, "print", "interior")) > 250  # the offset files do reach above 240 %
    assert max_ink(pdf_of(built, "pod", "interior")) <= 240.5  # one 8-bit step of rounding


def test_no_gutter_bleed_mirrors_the_media_box(built):
    with pikepdf.open(pdf_of(built, "pod", "interior")) as pdf:
        assert len(pdf.pages) == 64
        for number in (1, 2, 33, 64):
            page = pdf.pages[number - 1]
            media, trim = [float(v) for v in page.MediaBox], [float(v) for v in page.TrimBox]
            left, bottom, right, top = ((trim[0] - media[0]) / MM, (trim[1] - media[1]) / MM,
                                        (media[2] - trim[2]) / MM, (media[3] - trim[3]) / MM)
            assert ((trim[2] - trim[0]) / MM, (trim[3] - trim[1]) / MM) == pytest.approx((240, 300), abs=0.01)
            gutter, outside = (left, right) if number % 2 else (right, left)  # a right-hand page binds on its left
            assert gutter == pytest.approx(0, abs=0.01), number
            assert (outside, top, bottom) == pytest.approx((3.2, 3.2, 3.2), abs=0.01), number
            assert [float(v) for v in page.BleedBox] == media
    entry = next(f for f in built["manifest"]["files"] if f["profile"] == "pod" and f["part"] == "interior")
    assert entry["bleed_sides_mm"] == {"top": 3.2, "bottom": 3.2, "outside": 3.2, "gutter": 0.0}


@pytest.mark.needs("pdftotext", reason="reads the spine's text")
def test_spine_under_the_page_rule_has_no_text_and_one_warning(built):
    cover = next(f for f in built["manifest"]["files"] if f["profile"] == "pod" and f["part"] == "cover")
    assert cover["interior_pages"] == 64 and cover["spine_mm"] == pytest.approx(12.8)  # 32 leaves of 0.4 mm: room for text
    fold = cover["folds_mm"][0]
    x, width = (3.2 + fold) * MM, cover["spine_mm"] * MM  # the cover keeps its 3.2 mm bleed all round
    spine = subprocess.run(["pdftotext", "-r", "72", "-x", str(int(x)), "-y", "0", "-W", str(int(width)), "-H", "2000",
                            str(pdf_of(built, "pod", "cover")), "-"], capture_output=True, text=True, check=True).stdout
    assert spine.strip() == ""
    rule = [w for w in built["manifest"]["warnings"] if "allows spine text from 80 pages" in w]
    assert len(rule) == 1 and "pod240" in rule[0] and "64" in rule[0]
    assert not [w for w in built["manifest"]["warnings"] if "spine is left without text" in w and "needs" in w]


def test_preflight_printer_finds_the_ink_against_240_and_passes_offset(built, run):
    root, files = built["root"], [str(pdf_of(built, "print", part)) for part in ("interior", "cover")]
    strict = run(root, "preflight", "--printer", "pod240", "--json", *files)
    assert strict.exit_code == 1
    report = json.loads(strict.stdout)
    ink = [p for p in report["problems"] if p["code"] == "ink-limit"]
    assert len(ink) == 1 and "240 %" in ink[0]["message"] and "pod240" in ink[0]["message"]
    assert re.match(r"page \d+: total ink reaches \d+ %", ink[0]["message"])
    bleed = [p for p in report["problems"] if p["code"] == "printer-bleed"]
    assert bleed and bleed[0]["message"].startswith("page 1: left bleed 3.0 mm")  # page 1's gutter is on its left
    offset = run(root, "preflight", "--printer", "offset-fogra39", *files)
    assert offset.exit_code == 0, offset
    assert offset.stdout.count(": ok:") == 2
    pod = run(root, "preflight", "--printer", "pod240", str(pdf_of(built, "pod", "interior")))
    assert pod.exit_code == 0, pod


def test_unknown_preset_is_one_line(tmp_path, run):
    root = copy_mini(tmp_path / "mini", None)
    with_profiles(root, "{pod: {printer: nope}}")
    result = run(root, "build", "--profile", "pod", "--lang", "en")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "nope" in line]
    assert len(errors) == 1 and "unknown printer preset 'nope'" in errors[0] and "kdp-premium-colour" in errors[0]
    assert "Traceback" not in result.stderr
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    said = run(root, "preflight", "--printer", "nope", str(pdf))
    assert said.exit_code == 1 and said.stderr.strip().count("\n") == 0 and "unknown printer preset 'nope'" in said.stderr


def test_trim_not_offered_lists_the_nearest(tmp_path, run):
    root = copy_mini(tmp_path / "mini", None)
    with_profiles(root, "{pod: {printer: kdp-premium-colour}}")
    result = run(root, "build", "--profile", "pod", "--lang", "en")
    assert result.exit_code == 1
    assert "content/book.yaml:8: trim_mm: 240 × 300 mm is not a trim the printer 'kdp-premium-colour' offers; " \
           "the nearest are 210 × 297, 215.9 × 279.4, 203.2 × 254 mm: choose one of them" in result.stderr
    assert not (root / "output" / "pod").exists()


def test_profile_overrides_a_preset_value(tmp_path):
    root = copy_mini(tmp_path / "mini", None)
    with_profiles(root, "{pod: {printer: kdp-premium-colour, ink_limit: 260, bleed_mm: {gutter: 1}}}")
    from book.sources import load_book

    book, _ = load_book(root, check_files=False)
    preset = book.profiles["pod"].printer
    assert preset.ink_limit == 260 and preset.bleed.gutter == 1 and preset.bleed.outside == 3.2
    assert read_preset(None, "kdp-premium-colour").ink_limit == 300


def test_shipped_presets_say_where_each_figure_comes_from():
    folder = Path(__file__).resolve().parent.parent / "book" / "presets"
    for path in sorted(folder.glob("*.yaml")):
        preset = read_preset(None, path.stem)
        assert preset.name == path.stem
        text = path.read_text(encoding="utf-8")
        assert "source:" in text and re.search(r"20\d\d", text), path.name
    assert read_preset(None, "ingramspark-colour").ink_limit == 240
    kdp = read_preset(None, "kdp-premium-colour")
    assert kdp.bleed.gutter == 0 and kdp.min_pages_for_text == 80 and not kdp.marks_allowed
    assert round(64 / 2 * kdp.caliper_mm, 1) == 3.8  # KDP: about 3.8 mm for 64 premium-colour pages


def test_the_readmes_own_preset_reads(tmp_path):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(# presets/(\S+)\.yaml.*?)```", readme, flags=re.S)
    (tmp_path / "presets").mkdir()
    (tmp_path / "presets" / f"{block[2]}.yaml").write_text(block[1], encoding="utf-8")
    preset = read_preset(tmp_path, block[2])
    assert (preset.kind, preset.trims, preset.pdfx, preset.ink_limit) == ("offset", None, "x4", 320)
    assert (preset.bleed.gutter, preset.caliper_mm, preset.hinge_mm, preset.barcode_mm) == (5, 0.16, 8, (40, 25))


def test_marks_where_the_printer_refuses_them(tmp_path, run):
    root = copy_mini(tmp_path / "mini", None)
    with_profiles(root, "{pod: {printer: kdp-premium-colour, trims_mm: any}}")  # the profile opens the trims
    result = run(root, "build", "--profile", "pod", "--lang", "en", "--marks")
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: --marks: the pod output's printer 'kdp-premium-colour' allows no crop marks; " \
                                    "build without --marks"
    with_profiles(root, "{pod: {printer: kdp-premium-colour, trims_mm: any, marks: true}}")
    said = run(root, "build", "--profile", "pod", "--lang", "en")
    assert said.exit_code == 1
    assert "profiles.pod.marks: the printer preset 'kdp-premium-colour' allows no crop marks; remove marks: true" in said.stderr
