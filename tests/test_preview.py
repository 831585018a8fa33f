"""Page previews and compare sheets from the built PDFs, the soft proof of the
press, and what `book preview` says when it cannot work."""

from __future__ import annotations

import math
from pathlib import Path

import pikepdf
from PIL import Image, ImageChops, ImageCms

SATURATED = (0, 255, 40)  # far outside an offset press's gamut


def lab(rgb: tuple[int, int, int]) -> tuple[float, float, float]:
    srgb = ImageCms.createProfile("sRGB")
    to_lab = ImageCms.buildTransform(srgb, ImageCms.createProfile("LAB"), "RGB", "LAB")
    L, a, b = ImageCms.applyTransform(Image.new("RGB", (1, 1), rgb), to_lab).getpixel((0, 0))
    return L / 2.55, a - 128, b - 128


def delta_e(one, two) -> float:
    """CIE76 ΔE between two sRGB colours."""
    return sum((x - y) ** 2 for x, y in zip(lab(one), lab(two), strict=True)) ** 0.5


def littlecms_round_trip(rgb, press: Path) -> tuple[int, int, int]:
    """sRGB → press CMYK → sRGB, straight through littleCMS."""
    srgb = ImageCms.createProfile("sRGB")
    flags = ImageCms.Flags.BLACKPOINTCOMPENSATION
    intent = ImageCms.Intent.RELATIVE_COLORIMETRIC
    out = ImageCms.buildTransform(srgb, str(press), "RGB", "CMYK", renderingIntent=intent, flags=flags)
    back = ImageCms.buildTransform(str(press), srgb, "CMYK", "RGB", renderingIntent=intent, flags=flags)
    cmyk = ImageCms.applyTransform(Image.new("RGB", (1, 1), rgb), out)
    return ImageCms.applyTransform(cmyk, back).getpixel((0, 0))


def page_photo_pixel(pdf: Path, page: int) -> tuple[int, int, int]:
    with pikepdf.open(pdf) as doc:
        (image,) = [pikepdf.PdfImage(x) for x in doc.pages[page].get_images().values()]
        picture = image.as_pil_image().convert("RGB")
    return picture.getpixel((picture.width // 2, picture.height // 2))


def test_soft_proof_shows_the_press(mini, run, profile_cache):
    Image.new("RGB", (1500, 1000), SATURATED).save(mini / "content" / "photos" / "p002.jpg", quality=95)
    assert run(mini, "build", "--lang", "en", "--profile", "screen").exit_code == 0
    proof = run(mini, "build", "--lang", "en", "--profile", "proof")
    assert proof.exit_code == 0, proof.stderr
    screen_px = page_photo_pixel(mini / "output" / "screen" / "en" / "mini-en-interior.pdf", 1)
    proof_px = page_photo_pixel(mini / "output" / "proof" / "en" / "mini-en-proof.pdf", 1)
    (press,) = profile_cache.glob("FOGRA39-300-*.icc")
    expected = littlecms_round_trip(SATURATED, press)
    assert delta_e(proof_px, expected) < 3  # the proof is littleCMS's round trip (JPEG aside)
    assert delta_e(screen_px, SATURATED) < 3  # the screen edition keeps the camera's colour
    assert delta_e(screen_px, proof_px) > 15  # visibly duller
    assert math.hypot(*lab(proof_px)[1:]) < 0.7 * math.hypot(*lab(screen_px)[1:])  # far less chroma
    off = run(mini, "build", "--lang", "en", "--profile", "proof", "--no-simulate-press")
    assert off.exit_code == 0
    assert delta_e(page_photo_pixel(mini / "output" / "proof" / "en" / "mini-en-proof.pdf", 1), SATURATED) < 3
    assert run(mini, "build", "--simulate-press").exit_code == 2  # print is made for the press already


def test_preview_before_any_build(mini, run):
    result = run(mini, "preview", "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: en: no built edition to preview; run 'book build --lang en --profile proof' first",
        "error: 1 problem found; no preview was made",
    ]


def test_preview_of_an_edition_not_in_the_book(mini, run):
    result = run(mini, "preview", "--lang", "ko")
    assert result.exit_code == 1
    assert "content/book.yaml: --lang ko: not an edition of this book; it lists vi, en, ja" in result.stderr


def test_preview_without_a_renderer(mini, run, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    result = run(mini, "preview")
    assert result.exit_code == 1
    assert "pdftoppm not found: book preview renders pages with poppler; install the Debian package poppler-utils" in result.stderr


def test_previews_compare_and_stale_builds(mini, run):
    assert run(mini, "build", "--profile", "proof", "--quiet").exit_code == 0
    result = run(mini, "preview", "--compare")
    assert result.exit_code == 0, result.stderr
    folder = mini / "output" / "preview"
    for lang in ("vi", "en", "ja"):
        pages = sorted((folder / lang).glob("page-*.png"))
        assert [p.name for p in pages] == ["page-001.png", "page-002.png", "page-003.png", "page-004.png"]
        with Image.open(pages[0]) as page:
            width, height = page.size  # the trim, at 36 dpi, the bleed cut off
            assert abs(width - 240 / 25.4 * 36) <= 1.5 and abs(height - 300 / 25.4 * 36) <= 1.5
        assert (folder / lang / f"mini-{lang}-spreads.png").is_file()
    sheets = sorted(p.name for p in (folder / "compare").glob("*.png"))
    assert sheets == ["spread-001.png", "spread-002-003.png", "spread-004.png"]
    # The photo on page 2 sits in the same place in every edition: identical pixels below the running head.
    crops = []
    for lang in ("vi", "en", "ja"):
        with Image.open(folder / lang / "page-002.png") as page:
            crops.append(page.crop((0, round(15 / 25.4 * 36), page.width, page.height // 2)).convert("RGB"))
    assert all(ImageChops.difference(crops[0], c).getbbox() is None for c in crops[1:])
    # A source edited since the build: the preview refuses and says what to run.
    chapter = mini / "content" / "chapters" / "01-cang.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("mỗi ngày", "hằng ngày"), encoding="utf-8")
    stale = run(mini, "preview", "--lang", "en")
    assert stale.exit_code == 1
    assert ("output/proof/en/mini-en-proof.pdf: older than its sources (they changed since it was built); "
            "run 'book build --lang en --profile proof'") in stale.stderr

