"""Photos copied into a finished PDF (`book.pdf.photos.splice_photos`): the
JPEG bytes land whole in one image object per photo, the file is a valid
PDF, the returned SHA-256 is that of the file written, and where the file
system refuses direct writes (or their alignment) the ordinary writes give the
same bytes."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import subprocess

import pikepdf
import pytest
from PIL import Image

from book.pdf.photos import MARK, Writing, splice_photos


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


def refuse_direct_open(monkeypatch):
    """os.open as on tmpfs: direct I/O refused."""
    real = os.open

    def open_(path, flags, *args):
        if flags & getattr(os, "O_DIRECT", 0):
            raise OSError(errno.EINVAL, "Invalid argument")
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", open_)


def refuse_direct_write(monkeypatch):
    """os.write as where the file system takes direct I/O at open but refuses the writes' alignment."""
    real = os.write

    def write(fd, data):
        if fcntl.fcntl(fd, fcntl.F_GETFL) & getattr(os, "O_DIRECT", 0):
            raise OSError(errno.EINVAL, "Invalid argument")
        return real(fd, data)

    monkeypatch.setattr(os, "write", write)


@pytest.mark.parametrize("refuse", [refuse_direct_open, refuse_direct_write])
def test_where_direct_writes_are_refused_the_same_bytes_are_written(tmp_path, photos, monkeypatch, refuse):
    source = tmp_path / "marked.pdf"
    marked_pdf(source, len(photos))
    first = splice_photos(source, tmp_path / "first.pdf", lambda number: photos[number])
    refuse(monkeypatch)
    again = splice_photos(source, tmp_path / "again.pdf", lambda number: photos[number])
    assert again == first == hashlib.sha256((tmp_path / "first.pdf").read_bytes()).hexdigest()
    assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "first.pdf").read_bytes()


def test_photos_larger_than_the_buffer_and_odd_lengths(tmp_path, monkeypatch):
    """Every length around the buffer's and the blocks' edges comes out whole."""
    monkeypatch.setattr(Writing, "SIZE", 2 * Writing.BLOCK)
    made = []
    for number, side in enumerate([1, 37, 90, 160]):
        path = tmp_path / f"photo{number}.jpg"
        Image.effect_noise((side, side), 80).convert("RGB").save(path, quality=95)
        made.append(path)
    assert max(p.stat().st_size for p in made) > 2 * Writing.SIZE
    source = tmp_path / "marked.pdf"
    marked_pdf(source, len(made))
    digest = splice_photos(source, tmp_path / "finished.pdf", lambda number: made[number])
    assert digest == hashlib.sha256((tmp_path / "finished.pdf").read_bytes()).hexdigest()
    check = subprocess.run(["qpdf", "--check", str(tmp_path / "finished.pdf")], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    with pikepdf.open(tmp_path / "finished.pdf") as pdf:
        assert [p.obj.Resources.XObject["/Im0"].read_raw_bytes() for p in pdf.pages] == [p.read_bytes() for p in made]


def test_a_full_disk_is_reported(tmp_path, photos, monkeypatch):
    source = tmp_path / "marked.pdf"
    marked_pdf(source, len(photos))

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(OSError) as caught:
        splice_photos(source, tmp_path / "finished.pdf", lambda number: photos[number])
    assert caught.value.errno == errno.ENOSPC
