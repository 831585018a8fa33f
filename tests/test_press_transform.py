"""The press profile a colour transform converts to is held in memory: a
profile littleCMS opens from a file is read lazily, through a file position
that forked photo workers share, and one worker's read moves another's."""

from __future__ import annotations

import shutil

from PIL import Image

from book.images import process


def test_a_transform_does_not_read_the_press_profile_file_again(profile_cache, tmp_path, monkeypatch):
    icc = tmp_path / "press.icc"
    shutil.copy(next(profile_cache.glob("FOGRA39-*.icc")), icc)
    expected = process.ImageCms.ImageCmsProfile(str(next(profile_cache.glob("FOGRA39-*.icc")))).tobytes()
    monkeypatch.setattr(process, "_transforms", {})
    transform = process.transform_for(None, "RGB", "CMYK", icc)
    size = icc.stat().st_size
    with open(icc, "r+b") as f:  # the file changes under the transform, as a shared file position would make it seem
        f.write(bytes(size))
    converted = Image.new("RGB", (8, 8), (200, 30, 40)).convert("RGB")
    out = process.ImageCms.applyTransform(converted, transform)
    assert out.mode == "CMYK" and out.info["icc_profile"] == expected
