"""Photos copied into a finished PDF (`book.pdf.photos.splice_photos`): the
JPEG bytes land whole in one image object per photo, the file is a valid
PDF, the returned SHA-256 is that of the file written, and where the kernel
cannot copy between the files the slow path writes the same bytes."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess

import pikepdf
import pytest
from PIL import Image

from book.pdf.photos import MARK, splice_photos


def marked_pdf(path, marks: int) -> None:
    """A PDF of ``marks`` pages, each showing a placeholder marked as photo n, saved as finishing saves it."""
    pdf = pikepdf.Pdf.new()
    for number in range(marks):
        stand = pikepdf.Stream(pdf, b" ")
        stand[MARK] = number
        page = pdf.add_blank_page(page_size=(200, 200))
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary({"/Im0": pdf.make_indirect(stand)}))
        page.obj.Contents = pdf.make_stream(b"q 100 0 0 100 50 50 cm /Im0 Do Q")
    pdf.save(path, object_stream_mode=pikepdf.ObjectStreamMode.disable, deterministic_id=True)


@pytest.fixture
def photos(tmp_path):
    """Prepared photos as the image stage writes them: press CMYK, gray, and RGB for the screen."""
    made = []
    for number, mode in enumerate(["CMYK", "L", "RGB"]):
        path = tmp_path / f"photo{number}.jpg"
        Image.effect_noise((300 + 40 * number, 200), 60).convert(mode).save(path, quality=90)
        made.append(path)
    return made


def test_photos_land_whole_and_the_digest_is_the_files(tmp_path, photos):
    source, target = tmp_path / "marked.pdf", tmp_path / "finished.pdf"
    marked_pdf(source, len(photos))
    digest = splice_photos(source, target, lambda number: photos[number])
    assert digest == hashlib.sha256(target.read_bytes()).hexdigest()
    check = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    with pikepdf.open(target) as pdf:
        for page, photo in zip(pdf.pages, photos, strict=True):
            image = page.obj.Resources.XObject["/Im0"]
            assert image.read_raw_bytes() == photo.read_bytes()
            with Image.open(photo) as jpeg:
                assert (int(image.Width), int(image.Height)) == jpeg.size
            assert image.ColorSpace == {"CMYK": "/DeviceCMYK", "L": "/DeviceGray", "RGB": "/DeviceRGB"}[jpeg.mode]


def test_without_the_kernels_copy_the_same_bytes_are_written(tmp_path, photos, monkeypatch):
    source = tmp_path / "marked.pdf"
    marked_pdf(source, len(photos))
    fast = splice_photos(source, tmp_path / "fast.pdf", lambda number: photos[number])

    def refuse(*args):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", refuse)
    slow = splice_photos(source, tmp_path / "slow.pdf", lambda number: photos[number])
    assert slow == fast
    assert (tmp_path / "slow.pdf").read_bytes() == (tmp_path / "fast.pdf").read_bytes()


def test_a_full_disk_is_not_taken_for_a_missing_copy(tmp_path, photos, monkeypatch):
    source = tmp_path / "marked.pdf"
    marked_pdf(source, len(photos))

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "copy_file_range", full)
    with pytest.raises(OSError) as caught:
        splice_photos(source, tmp_path / "finished.pdf", lambda number: photos[number])
    assert caught.value.errno == errno.ENOSPC
