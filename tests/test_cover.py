"""The cover: spread geometry, ISBN rules, and the bad inputs a cover refuses."""

from __future__ import annotations

import subprocess

import pytest

from book.pages.spine import cover_geometry, spine_width
from book.sources.imprint import isbn_check_digit, isbn_problem


@pytest.mark.parametrize("pages", [68, 200])
@pytest.mark.parametrize("caliper", [0.1, 0.14])
def test_cover_width_is_two_trims_plus_spine_plus_bleed(pages, caliper):
    g = cover_geometry((240, 300), pages, caliper, 3)
    assert g.spine == pytest.approx(pages / 2 * caliper)
    assert g.media[0] == pytest.approx(2 * 240 + pages / 2 * caliper + 2 * 3)
    assert g.media[1] == pytest.approx(300 + 2 * 3)
    assert g.folds == pytest.approx((240, 240 + g.spine))


def test_case_binding_adds_boards_and_wraps():
    g = cover_geometry((240, 300), 200, 0.1, 3, "case", 2.5, 15)
    assert g.spine == spine_width(200, 0.1) + 5.0 == 15.0
    assert g.margin == 15


def test_isbn_check_digit_rule():
    assert isbn_check_digit("978030640615") == "7"  # 978-0-306-40615-7
    assert isbn_problem("978-0-306-40615-7") is None
    assert "check digit is 3" in isbn_problem("978-0-306-40615-3")
    assert "13 digits" in isbn_problem("978-0-306-4061")


def add_cover(root, isbn_en="978-604-00-0002-6", extra="", back='back_text: "Lời giới thiệu ở bìa sau."'):
    with (root / "content" / "book.yaml").open("a", encoding="utf-8") as f:
        f.write(f'isbn: {{vi: "978-604-00-0001-9", en: "{isbn_en}", ja: "978-604-00-0005-7"}}\n'
                f'cover: {{photo: p002, {back}}}\n{extra}')


@pytest.mark.parametrize(("isbn", "extra", "expected"), [
    ("978-604-00-0002-7", "", "content/book.yaml:18: isbn.en: check digit is 7, but the first twelve digits give 6; correct the ISBN"),
    ("978-604-00-0001-9", "", "content/book.yaml:18: isbn.en: 978-604-00-0001-9 is already the ISBN of the vi edition; each edition needs its own"),
    ("978-604-00-0002-6", "", "cover.photo: photo p002 is"),
])
def test_bad_cover_input_is_one_line(mini, run, isbn, extra, expected):
    add_cover(mini, isbn, extra)
    result = run(mini, "check")
    assert result.exit_code == 1
    assert any(expected in line for line in result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_zero_caliper_is_refused(mini, run):
    add_cover(mini)
    path = mini / "content" / "book.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("caliper_mm: 0.14", "caliper_mm: 0"), encoding="utf-8")
    result = run(mini, "check")
    assert result.exit_code == 1
    assert "content/book.yaml:12: paper.caliper_mm: 0.0 is out of range" in result.stderr


@pytest.mark.needs("zbarimg", "gs", reason="Debian packages zbar-tools and ghostscript")
def test_barcode_decodes_to_the_editions_isbn(mini, run, tmp_path):
    from conftest import paint
    from PIL import Image

    paint(mini / "content" / "photos" / "p002.jpg", (2000, 1250), 2)  # 100 ppi across the spread
    add_cover(mini, back="spine_direction: top-to-bottom")  # no back text: the mini catalogs do not translate one
    result = run(mini, "build", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    cover = mini / "output" / "print" / "en" / "mini-en-cover.pdf"
    png = tmp_path / "cover.png"
    subprocess.run(["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pnggray", "-r300", f"-sOutputFile={png}", str(cover)], check=True)
    with Image.open(png) as image:
        image.crop((0, image.height // 2, image.width // 2, image.height)).save(tmp_path / "back.png")
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "back.png")], capture_output=True, text=True).stdout.split()
    assert decoded == ["9786040000026"]


def test_manifest_tells_the_printer_the_paper_the_spine_is_for(mini, run):
    import json

    from conftest import paint

    paint(mini / "content" / "photos" / "p002.jpg", (2000, 1250), 2)  # 100 ppi across the spread
    path = mini / "content" / "book.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("paper: {caliper_mm: 0.14}",
                                                             'paper: {name: "Couché matt 157 g/m²", caliper_mm: 0.14}'), encoding="utf-8")
    add_cover(mini, back="spine_direction: top-to-bottom")
    result = run(mini, "build", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    manifest = json.loads((mini / "output" / "manifest.json").read_text(encoding="utf-8"))
    cover = next(f for f in manifest["files"] if f["part"] == "cover")
    assert cover["paper"] == "Couché matt 157 g/m²"
    assert f"spine {cover['spine_mm']:g} mm (measured for Couché matt 157 g/m²)" in cover["note"]
