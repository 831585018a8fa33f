"""The one placeholder painter (book/placeholder_photos.py): the same seed
gives the same file, a photo's detail rather than flat fields, a label a
person sees, and a mark the build reads as "placeholder"."""

from __future__ import annotations

import random

from PIL import Image, ImageOps

from book.placeholder_photos import is_current, paint, write_placeholder
from book.sources.imprint import PLACEHOLDER_MARK


def test_same_seed_same_bytes_and_another_seed_another_picture(tmp_path):
    random.seed(5)
    state = random.getstate()
    first = write_placeholder(tmp_path / "a" / "p001.jpg", (900, 600), 7).read_bytes()
    again = write_placeholder(tmp_path / "b" / "p001.jpg", (900, 600), 7).read_bytes()
    other = write_placeholder(tmp_path / "c" / "p001.jpg", (900, 600), 8).read_bytes()
    assert first == again and first != other
    assert random.getstate() == state  # the painter draws on its own generator only


def test_a_camera_s_detail_not_flat_fields(tmp_path):
    path = write_placeholder(tmp_path / "p.jpg", (1200, 800), 3)
    assert path.stat().st_size > 0.2 * 1200 * 800  # as the scale benchmark asks of camera frames
    image = paint((1200, 800), 3).convert("L")
    lo, hi = image.getextrema()
    assert hi - lo > 100
    assert len(image.histogram()) == 256 and sum(1 for n in image.histogram() if n) > 150


def test_labelled_marked_and_kept_while_current(tmp_path):
    path = write_placeholder(tmp_path / "p002.jpg", (900, 600), 2, "exif-rotated")
    with Image.open(path) as image:
        comment = image.info["comment"].decode()
        assert comment.startswith(PLACEHOLDER_MARK)
        upright = ImageOps.exif_transpose(image)
        assert upright.size == (900, 600)
        corner = upright.convert("L").crop((10, 10, 60, 16))
        assert corner.getextrema()[1] > 180  # the label's white letters on its dark plate
    assert is_current(path, comment, (900, 600))
    assert not is_current(path, comment.replace("seed=2", "seed=3"), (900, 600))
    real = tmp_path / "real.jpg"
    Image.new("RGB", (900, 600), (90, 120, 150)).save(real)
    assert is_current(real, comment, (900, 600)) and not is_current(real, comment, (600, 900))  # a real photo stays if it fits
