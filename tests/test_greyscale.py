"""Greyscale archive photos print as a neutral of all four inks through the
press profile by default; black alone when a chapter asks it of one photo
(`separation: k-only`) or book.yaml of every one (`colour: {greyscale: k-only}`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from book.images.process import ImageJob, process
from book.placeholder_photos import write_placeholder


def grey_job(tmp_path: Path, icc: Path, separation: str) -> ImageJob:
    source = tmp_path / "grey.jpg"
    if not source.exists():
        Image.linear_gradient("L").resize((600, 300)).save(source)  # black at the top, white at the foot
    return ImageJob("g", "f", source, (50.8, 25.4), "cover", "cmyk", 300, icc, tmp_path / "cache", separation=separation)


def press_icc(profile_cache: Path) -> Path:
    return sorted(profile_cache.glob("FOGRA39-300-*.icc"))[-1]


def test_a_grey_photo_is_a_neutral_of_four_inks_within_the_ink_limit(tmp_path, profile_cache):
    result = process(grey_job(tmp_path, press_icc(profile_cache), "four-colour"))
    assert result.error is None
    with Image.open(result.path) as image:
        assert image.mode == "CMYK"
        shadow = [v / 255 * 100 for v in image.getpixel((300, 5))]
        middle = [v / 255 * 100 for v in image.getpixel((300, 150))]
        paper = [v / 255 * 100 for v in image.getpixel((300, 296))]
    c, m, y, k = shadow
    assert min(c, m, y) > 40 and k > 80, shadow  # a rich black, not K alone
    assert sum(shadow) <= 300 + 2, shadow  # within the press profile's ink limit (JPEG rounding aside)
    assert max(middle[:3]) - min(middle[:3]) < 6 and min(middle[:3]) > 5, middle  # grey balance: C, M, Y close together
    assert max(paper) < 3, paper


def test_k_only_stays_on_the_black_plate(tmp_path, profile_cache):
    result = process(grey_job(tmp_path, press_icc(profile_cache), "k-only"))
    with Image.open(result.path) as image:
        assert image.mode == "L"


def test_the_two_separations_are_cached_apart(tmp_path, profile_cache):
    four = process(grey_job(tmp_path, press_icc(profile_cache), "four-colour"))
    black = process(grey_job(tmp_path, press_icc(profile_cache), "k-only"))
    assert four.path != black.path


def plates(pdf: Path, page: int, folder: Path) -> dict[str, float]:
    """Each ink's mean coverage on ``page``, in %, from Ghostscript's separations."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "page.tif"
    subprocess.run(["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=tiffsep", "-r30", f"-dFirstPage={page}",
                    f"-dLastPage={page}", f"-sOutputFile={out}", str(pdf)], check=True)
    found = {}
    for ink in ("Cyan", "Magenta", "Yellow", "Black"):
        with Image.open(folder / f"page({ink}).tif") as plate:
            found[ink] = 100 - ImageStat.Stat(plate.convert("L")).mean[0] / 255 * 100  # a plate is white where it has no ink
    return found


@pytest.mark.needs("gs", "pdfimages", reason="Debian packages ghostscript and poppler-utils")
@pytest.mark.parametrize(("where", "expect_colour"), [("", True), ("photo", False), ("book", False)])
def test_the_built_page_carries_cmy_unless_k_only_is_asked(mini, run, tmp_path, where, expect_colour):
    """The mini book's second photo, painted grey, on page 2 of the vi interior:
    C, M and Y carry ink by default; with `separation: k-only` on the photo or
    `greyscale: k-only` in book.yaml's colour they carry none."""
    write_placeholder(mini / "content" / "photos" / "p002.jpg", (1500, 1000), 2, "gray")
    chapter = mini / "content" / "chapters" / "01-cang.yaml"
    if where == "photo":
        chapter.write_text(chapter.read_text(encoding="utf-8").replace("    file: p002.jpg\n", "    file: p002.jpg\n    separation: k-only\n"),
                           encoding="utf-8")
    if where == "book":
        book = mini / "content" / "book.yaml"
        book.write_text(book.read_text(encoding="utf-8").replace("min_ppi: 100}", "min_ppi: 100, greyscale: k-only}"), encoding="utf-8")
    result = run(mini, "build", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    pdf = mini / "output" / "print" / "vi" / "mini-vi-interior.pdf"
    listing = subprocess.run(["pdfimages", "-f", "2", "-l", "2", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert listing.splitlines()[2].split()[5] == ("cmyk" if expect_colour else "gray"), listing
    ink = plates(pdf, 2, tmp_path / "plates")
    assert ink["Black"] > 5, ink
    for colour in ("Cyan", "Magenta", "Yellow"):
        assert (ink[colour] > 2) == expect_colour, ink


def test_a_wrong_separation_is_one_line(mini, run):
    chapter = mini / "content" / "chapters" / "01-cang.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("    file: p002.jpg\n", "    file: p002.jpg\n    separation: black\n"),
                       encoding="utf-8")
    result = run(mini, "check", "--lang", "vi")
    assert result.exit_code == 1
    assert "separation: 'black' must be one of four-colour, k-only" in result.stderr, result.stderr
