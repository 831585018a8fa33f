"""Inputs that used to be silently ruined or misreported: deep greyscale and
transparent photos, catalogs from Windows editors, a text rewritten
wholesale, and converted fonts that carried the time they were made."""

from __future__ import annotations

import errno
import hashlib
import json
import re
import shutil
import time
from pathlib import Path

import polib
import pytest
from conftest import REPO, paint
from PIL import Image, ImageCms, ImageStat

from book.images.press import press_profile
from book.images.process import ImageJob, process

CHAPTER = "content/chapters/01-cang.yaml"


def lightness(grey: float) -> float:
    """CIE L* of an sRGB-encoded grey level (0–255)."""
    c = grey / 255
    y = c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 116 * (y ** (1 / 3) if y > 0.008856 else 7.787 * y + 16 / 116) - 16


def prepare(tmp_path: Path, source: Path, mode: str, press: Path | None = None, separation: str = "four-colour") -> Image.Image:
    job = ImageJob("p", "photo", source, (100.0, 66.0), "cover", mode, 150, press, tmp_path / "cache", separation=separation)
    result = process(job)
    assert result.error is None, result.error
    return Image.open(result.path)


def test_16_bit_grey_tiff_and_png_keep_their_grey(tmp_path, profile_cache):
    level = round(0.31 * 65535)
    for suffix in ("tif", "png"):
        source = tmp_path / f"scan.{suffix}"
        Image.new("I;16", (900, 600), level).save(source)
        press = press_profile(REPO, "FOGRA39", 300, profile_cache)
        out = prepare(tmp_path, source, "cmyk", press, separation="k-only")
        assert out.mode == "L"  # asked to, grey stays on the black plate
        got = ImageStat.Stat(out).mean[0]
        assert abs(lightness(got) - lightness(level / 257)) < 2, (suffix, got)
        out = prepare(tmp_path, source, "cmyk", press)  # by default, a neutral of four inks as light as the scan
        assert out.mode == "CMYK"
        back = ImageCms.applyTransform(out, ImageCms.buildTransform(ImageCms.ImageCmsProfile(str(press)), ImageCms.createProfile("sRGB"),
                                                                   "CMYK", "RGB"))
        got = ImageStat.Stat(back.convert("L")).mean[0]
        assert abs(lightness(got) - lightness(level / 257)) < 3, (suffix, got)


def test_transparent_png_prints_as_paper_not_rich_black(tmp_path, profile_cache):
    source = tmp_path / "logo.png"
    image = Image.new("RGBA", (900, 600), (0, 0, 0, 0))
    image.paste((200, 30, 30, 255), (0, 0, 300, 600))
    image.save(source)
    out = prepare(tmp_path, source, "cmyk", press_profile(REPO, "FOGRA39", 300, profile_cache))
    assert out.mode == "CMYK"
    clear = out.crop((out.size[0] // 2, 0, out.size[0], out.size[1]))
    highest = max(high for _, high in clear.getextrema())
    assert highest <= 3  # no ink where the photo is transparent (it was C78 M70 Y51 K93)
    red = out.getpixel((10, 10))
    assert red[1] > 150  # the opaque part keeps its colour


def test_catalog_with_bom_and_crlf_is_accepted_and_written_as_it_was(mini, run):
    po = mini / "translations" / "en.po"
    po.write_bytes(b"\xef\xbb\xbf" + po.read_bytes().replace(b"\n", b"\r\n"))
    result = run(mini, "check", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert run(mini, "i18n", "extract").exit_code == 0
    assert run(mini, "i18n", "update", "--lang", "en").exit_code == 0
    data = po.read_bytes()  # the Windows editor's form is kept: an update is not a diff of every line
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == data.count(b"\n")
    assert polib.pofile(data[3:].decode("utf-8")).find("Cát Hải", msgctxt="photo:p002:place").msgstr == "Cat Hai"


def test_utf16_catalog_is_one_line_in_status_and_update(mini, run):
    po = mini / "translations" / "en.po"
    po.write_bytes(po.read_text(encoding="utf-8").encode("utf-16"))
    before = po.read_bytes()
    assert run(mini, "i18n", "extract").exit_code == 0
    for args in (("i18n", "status"), ("i18n", "update", "--lang", "en")):
        result = run(mini, *args)
        assert result.exit_code == 1
        assert result.stderr.strip().splitlines()[-1].startswith("error: translations/en.po:1: saved as UTF-16; save it again as UTF-8"), result.stderr
        assert "Traceback" not in result.stderr
    assert po.read_bytes() == before


def test_rewritten_text_keeps_its_translation_as_fuzzy(mini, run):
    assert run(mini, "i18n", "extract").exit_code == 0
    assert run(mini, "i18n", "update").exit_code == 0
    po = mini / "translations" / "en.po"
    old = polib.pofile(str(po)).find("photo:p002:place", by="msgctxt")
    chapter = mini / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8").replace('place: "Cát Hải"', 'place: "Một hòn đảo ngoài khơi vịnh Bắc Bộ"'),
                       encoding="utf-8")
    assert run(mini, "i18n", "extract").exit_code == 0
    assert run(mini, "i18n", "update", "--lang", "en").exit_code == 0
    merged = polib.pofile(str(po))
    entry = [e for e in merged if e.msgctxt == "photo:p002:place" and not e.obsolete]
    assert len(entry) == 1 and entry[0].msgid == "Một hòn đảo ngoài khơi vịnh Bắc Bộ"
    assert entry[0].msgstr == old.msgstr and "fuzzy" in entry[0].flags
    assert entry[0].previous_msgid == "Cát Hải"
    assert not [e for e in merged if e.obsolete and e.msgctxt == "photo:p002:place"]
    assert '#| msgid "Cát Hải"' in po.read_text(encoding="utf-8")
    assert run(mini, "check", "--lang", "en").exit_code == 1  # fuzzy: print refuses until reviewed


def test_fresh_font_cache_gives_the_same_pdf(mini, run):
    result = run(mini, "build", "--lang", "ja", "--profile", "proof")
    assert result.exit_code == 0, result.stderr
    pdf = mini / "output" / "proof" / "ja" / "mini-ja-proof.pdf"
    first = hashlib.sha256(pdf.read_bytes()).hexdigest()
    shutil.rmtree(mini / ".cache" / "fonts")
    time.sleep(1.1)  # head.modified counts seconds
    result = run(mini, "build", "--lang", "ja", "--profile", "proof")
    assert result.exit_code == 0, result.stderr
    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == first


def test_prepared_photo_cut_short_is_made_again(tmp_path):
    """The photo cache is not flushed to the disk (the workers would wait for
    the editions' gigabytes); a JPEG a power cut left short or empty under its
    name must not reach a PDF."""
    source = tmp_path / "photo.jpg"
    Image.new("RGB", (900, 600), (180, 90, 40)).save(source, quality=95)
    job = ImageJob("p", "photo", source, (100.0, 66.0), "cover", "rgb", 150, None, tmp_path / "cache")
    first = process(job)
    whole = first.path.read_bytes()
    for damaged in (whole[: len(whole) // 2], b""):
        first.path.write_bytes(damaged)
        again = process(job)
        assert again.error is None, again.error
        assert again.path == first.path and again.path.read_bytes() == whole
        assert again.pixels == first.pixels


def lab_tiff(root: Path, icc: bytes | None) -> Image.Image:
    """p002 as a CIELAB TIFF of red, green and blue bands (its colour
    profile ``icc``, or none); the sRGB picture it was made from."""
    picture = Image.new("RGB", (1500, 1000), (200, 40, 40))
    picture.paste((40, 160, 60), (500, 0, 1000, 1000))
    picture.paste((50, 70, 190), (1000, 0, 1500, 1000))
    lab = ImageCms.applyTransform(picture, ImageCms.buildTransform(ImageCms.createProfile("sRGB"), ImageCms.createProfile("LAB", 5000),
                                                                   "RGB", "LAB"))
    lab.info.pop("icc_profile", None)
    lab.save(root / "content/photos/p002.tif", **({"icc_profile": icc} if icc else {}))
    chapter = root / CHAPTER
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("file: p002.jpg", "file: p002.tif"), encoding="utf-8")
    return picture


def printed_photo(pdf: Path, press: Path) -> Image.Image:
    """The largest photo of page 2 of ``pdf``, as the press prints it, in sRGB."""
    import pikepdf
    from pikepdf import PdfImage

    with pikepdf.open(pdf) as doc:
        images = [PdfImage(x).as_pil_image() for x in doc.pages[1].get_images().values()]
    photo = max(images, key=lambda im: im.size[0] * im.size[1])
    assert photo.mode == "CMYK"
    return ImageCms.applyTransform(photo, ImageCms.buildTransform(ImageCms.ImageCmsProfile(str(press)), ImageCms.createProfile("sRGB"),
                                                                  "CMYK", "RGB"))


def test_lab_tiff_is_read_alike_by_check_and_build(mini, run, profile_cache):
    """A Lab TIFF (untagged, or with its Lab profile) is accepted by both and
    prints its own colours; one tagged with an RGB profile is refused by both
    with the same line (issue #29: check passed where build refused)."""
    press = sorted(profile_cache.glob("FOGRA39-*.icc"))[0]
    lab_profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB", 5000)).tobytes()
    for icc in (None, lab_profile):
        picture = lab_tiff(mini, icc)
        # The mini book has no alt texts (tests/test_alt_text.py relies on it): that warning names p002 too.
        checked = run(mini, "check", "--lang", "vi", "--ignore", "alt-missing")
        assert checked.exit_code == 0 and "p002" not in checked.stderr, checked.stderr
        built = run(mini, "build", "--lang", "vi")
        assert built.exit_code == 0, built.stderr
        printed = printed_photo(mini / "output/print/vi/mini-vi-interior.pdf", press)
        for band in range(3):  # each band's colour as the press prints it, within the press's gamut
            got = printed.crop((printed.width * band // 3 + 5, 5, printed.width * (band + 1) // 3 - 5, printed.height - 5))
            want = picture.getpixel((500 * band + 250, 500))
            assert all(abs(g - w) < 40 for g, w in zip(ImageStat.Stat(got).mean, want, strict=True)), (band, ImageStat.Stat(got).mean, want)
    lab_tiff(mini, ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    before = hashlib.sha256((mini / "output/print/vi/mini-vi-interior.pdf").read_bytes()).hexdigest()
    checked, built = run(mini, "check", "--lang", "vi"), run(mini, "build", "--lang", "vi")
    assert checked.exit_code == built.exit_code == 1
    line = ("content/photos/p002.tif: cannot read the image (its embedded colour profile is for RGB but its pixels are Lab; "
            "export the photo again with the profile of its own colours); replace the file with a good copy")
    assert f"error: {line}" in checked.stderr.splitlines() and f"error: {line}" in built.stderr.splitlines(), (checked.stderr, built.stderr)
    assert "Traceback" not in checked.stderr + built.stderr
    assert hashlib.sha256((mini / "output/print/vi/mini-vi-interior.pdf").read_bytes()).hexdigest() == before


def test_cover_photo_below_the_minimum_warns_down_to_half_of_it(mini, run):
    """The cover photo follows the interior's rule (0f64b27): at 300 ppi asked,
    about 200 ppi across the cover's band is a warning and the print builds;
    below 150 it is an error in check and build alike."""
    book_yaml = mini / "content/book.yaml"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8").replace("min_ppi: 100", "min_ppi: 300")
                         + 'isbn: {vi: "978-604-00-0001-9", en: "978-604-00-0002-6", ja: "978-604-00-0005-7"}\n'
                         + 'cover: {photo: p001, back_text: "Lời giới thiệu ở bìa sau."}\n', encoding="utf-8")
    photo = mini / "content/photos/ảnh-cảng.jpg"
    paint(photo, (3900, 2500), 1)
    paint(mini / "content/photos/p002.jpg", (3300, 2200), 2)  # the interior's photo holds 300 ppi: only the cover is short
    checked = run(mini, "check", "--lang", "vi", "--json")
    data = json.loads(checked.stdout)
    (cover,) = [p for p in data["problems"] if p["key"] == "cover.photo"]
    assert (cover["code"], cover["severity"], cover["file"]) == ("low-ppi", "warning", "content/book.yaml"), cover
    ppi = int(re.search(r"photo p001 is (\d+) ppi in its", cover["message"])[1])
    assert 150 <= ppi < 300 and "(print needs 300 ppi (colour.min_ppi), and below 150 ppi, half of that, it is an error)" in cover["message"], cover["message"]
    assert checked.exit_code == 0 and data["errors"] == 0, data["problems"]
    built = run(mini, "build", "--lang", "vi")
    assert built.exit_code == 0, built.stderr
    assert f"warning: content/book.yaml:{cover['line']}: {cover['message']}" in built.stderr.splitlines()
    cover_pdf = mini / "output/print/vi/mini-vi-cover.pdf"
    assert cover_pdf.is_file()
    before = hashlib.sha256(cover_pdf.read_bytes()).hexdigest()

    paint(photo, (2400, 1600), 1)  # about 125 ppi: below half the minimum
    for args in (("check", "--lang", "vi"), ("build", "--lang", "vi")):
        result = run(mini, *args)
        assert result.exit_code == 1, result.stderr
        assert any(re.search(r"content/book\.yaml:\d+: cover\.photo: photo p001 is 1[0-4]\d ppi in its", line) for line in result.stderr.splitlines()), \
            result.stderr
        assert "Traceback" not in result.stderr
    assert hashlib.sha256(cover_pdf.read_bytes()).hexdigest() == before


def prepared(tmp_path: Path, source: Path, mode: str = "rgb", press: Path | None = None, fit: str = "contain") -> Image.Image:
    """``source`` as the image stage prepares it for a 100 × 66 mm frame at 150 ppi."""
    result = process(ImageJob("p", "photo", source, (100.0, 66.0), fit, mode, 150, press, tmp_path / "cache"))
    assert result.error is None, result.error
    return Image.open(result.path)


def mean_of(image: Image.Image, box: tuple[float, float, float, float]) -> list[float]:
    """The mean colour of the part of ``image`` at fractions ``box`` (left, top, right, bottom)."""
    w, h = image.size
    return ImageStat.Stat(image.crop((round(box[0] * w), round(box[1] * h), round(box[2] * w), round(box[3] * h)))).mean


def close(got, want, tolerance: float = 12) -> bool:
    return all(abs(g - w) <= tolerance for g, w in zip(got, want, strict=True))


def test_untagged_cmyk_goes_to_the_press_as_it_is_and_to_screen_through_the_press(tmp_path, profile_cache):
    source = tmp_path / "cmyk.jpg"
    Image.new("CMYK", (900, 600), (20, 200, 180, 10)).save(source, quality=100)
    press = press_profile(REPO, "FOGRA39", 300, profile_cache)
    assert close(mean_of(prepared(tmp_path, source, "cmyk", press), (0, 0, 1, 1)), (20, 200, 180, 10), 3)
    screen = prepared(tmp_path, source, "rgb", press)
    assert screen.mode == "RGB"
    red, green, blue = mean_of(screen, (0, 0, 1, 1))
    assert red > 180 and green < 110 and blue < 120, (red, green, blue)  # magenta and yellow ink: a red


def test_palette_and_one_bit_photos_keep_their_colours(tmp_path):
    palette = tmp_path / "palette.png"
    picture = Image.new("RGB", (900, 600), (30, 90, 200))
    picture.paste((240, 200, 20), (450, 0, 900, 600))
    picture.quantize(4).save(palette)
    out = prepared(tmp_path, palette)
    assert close(mean_of(out, (0.05, 0.05, 0.45, 0.95)), (30, 90, 200)) and close(mean_of(out, (0.55, 0.05, 0.95, 0.95)), (240, 200, 20))
    line_art = tmp_path / "line-art.tif"
    drawing = Image.new("1", (900, 600), 1)
    drawing.paste(0, (0, 0, 450, 600))
    drawing.save(line_art)
    out = prepared(tmp_path, line_art)
    assert out.mode == "L"
    assert mean_of(out, (0.05, 0.05, 0.45, 0.95))[0] < 10 and mean_of(out, (0.55, 0.05, 0.95, 0.95))[0] > 245


def test_a_multipage_tiff_prints_its_first_page(tmp_path):
    source = tmp_path / "pages.tif"
    first, second = Image.new("RGB", (900, 600), (200, 40, 40)), Image.new("RGB", (900, 600), (40, 40, 200))
    first.save(source, save_all=True, append_images=[second])
    assert Image.open(source).n_frames == 2
    assert close(mean_of(prepared(tmp_path, source), (0, 0, 1, 1)), (200, 40, 40))


# EXIF orientation -> how the stored pixels are turned from the upright picture (the inverse of what a viewer does)
STORED = {5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_90, 7: Image.Transpose.TRANSVERSE, 8: Image.Transpose.ROTATE_270}


@pytest.mark.parametrize("orientation", sorted(STORED))
def test_exif_orientations_5_to_8_print_upright(tmp_path, orientation):
    upright = Image.new("RGB", (600, 900), (235, 235, 235))  # a portrait, its top-left quarter red
    upright.paste((220, 20, 20), (0, 0, 300, 450))
    source = tmp_path / f"turned-{orientation}.jpg"
    exif = Image.Exif()
    exif[0x0112] = orientation
    upright.transpose(STORED[orientation]).save(source, quality=95, exif=exif)
    assert Image.open(source).size == (900, 600)  # stored sideways
    out = prepared(tmp_path, source)
    assert out.height > out.width  # upright again: a portrait in the frame
    assert close(mean_of(out, (0.05, 0.05, 0.45, 0.45)), (220, 20, 20), 20)
    assert close(mean_of(out, (0.55, 0.55, 0.95, 0.95)), (235, 235, 235), 20)


def test_a_60_megapixel_photo_is_read_and_printed(tmp_path):
    from book.images.placed import photo_size

    source = tmp_path / "large.jpg"
    Image.new("RGB", (9500, 6320), (60, 140, 90)).save(source, quality=85)  # 60.0 MP, under the bomb limit
    assert photo_size(source) == (9500, 6320)  # what `book check` decodes
    out = prepared(tmp_path, source, fit="cover")
    assert out.size == (591, 390) and close(mean_of(out, (0, 0, 1, 1)), (60, 140, 90))


def test_preflight_refuses_a_pdf_whose_output_intent_profile_is_cut(mini, run, tmp_path):
    """A press profile cut in half in the cache once went into the PDF/X output
    intent and preflight said ok (the build now verifies the cache; preflight
    reads the embedded profile too)."""
    import pikepdf

    assert run(mini, "build", "--lang", "vi").exit_code == 0
    good = mini / "output/print/vi/mini-vi-interior.pdf"
    assert run(mini, "preflight", str(good)).exit_code == 0
    cut = tmp_path / "cut.pdf"
    with pikepdf.open(good) as pdf:
        profile = pdf.Root.OutputIntents[0].DestOutputProfile
        profile.write(profile.read_bytes()[: len(profile.read_bytes()) // 2])
        pdf.save(cut)
    result = run(mini, "preflight", str(cut))
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert (f"error: {cut}: the output intent's profile is no whole CMYK press profile (it is cut short or padded: its header says"
            in result.stderr), result.stderr


def test_a_read_only_output_folder_is_one_line_and_nothing_changes(mini, run, monkeypatch):
    """output/ that cannot be written (a read-only mount, another user's
    folder): one line naming it, exit 1, no "internal error", the previous
    outputs as they were. The suite may run as root, whom permissions do not
    stop, so the refusal is the file system's answer to a new entry there."""
    import os

    assert run(mini, "build", "--lang", "vi", "--profile", "proof").exit_code == 0
    before = {p: p.read_bytes() for p in (mini / "output").rglob("*") if p.is_file()}
    edit = mini / CHAPTER
    edit.write_text(edit.read_text(encoding="utf-8").replace('caption: "Cầu', 'caption: "Cầu mới'), encoding="utf-8")
    output = (mini / "output").resolve()
    real_mkdir, real_open = os.mkdir, os.open

    def refuse(path) -> None:
        if Path(os.fsdecode(path)).resolve().parent == output or output in Path(os.fsdecode(path)).resolve().parents:
            raise OSError(errno.EROFS, "Read-only file system", os.fsdecode(path))

    def mkdir(path, *args, **kwargs):
        refuse(path)
        return real_mkdir(path, *args, **kwargs)

    def opened(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            refuse(path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", mkdir)
    monkeypatch.setattr(os, "open", opened)
    result = run(mini, "build", "--lang", "vi", "--profile", "proof")
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last == "error: output: is on a read-only file system; work on a copy in a writable folder; nothing was changed", result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    monkeypatch.undo()
    assert {p: p.read_bytes() for p in (mini / "output").rglob("*") if p.is_file()} == before
