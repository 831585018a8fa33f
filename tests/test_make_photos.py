"""Tests for tools/make_photos.py, the painter of the sample book's
placeholder photographs (its files are written by book.placeholder_photos).

Images are kept small (about 400 x 300) so the whole module runs in seconds.
"""

import errno
import io
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml
from conftest import REPO, load_script
from PIL import Image, ImageCms, ImageOps

TOOL = REPO / "tools" / "make_photos.py"
mp = load_script(TOOL, "make_photos")

ENTRIES = [
    {"file": "p001-harbour.jpg", "size": [400, 300], "scene": "harbour", "variant": "srgb", "seed": 1},
    {"file": "p002-street.jpg", "size": [400, 300], "scene": "street", "variant": "untagged", "seed": 2},
    {"file": "p003-bridge.jpg", "size": [400, 300], "scene": "bridge", "variant": "adobe-rgb", "seed": 3},
    {"file": "p004-flowers.jpg", "size": [300, 400], "scene": "flowers", "variant": "cmyk", "seed": 4},
    {"file": "p005-temple.jpg", "size": [400, 300], "scene": "temple", "variant": "gray", "seed": 5},
    {"file": "p006-market.png", "size": [400, 300], "scene": "market", "variant": "png", "seed": 6, "note": "ignored"},
    {"file": "p007-people.jpg", "size": [400, 300], "scene": "people", "variant": "exif-rotated", "seed": 7},
]


def write_spec(path: Path, entries) -> Path:
    path.write_text(yaml.safe_dump(entries, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = mp.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def digests(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def profile_description(im: Image.Image) -> str:
    return ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(im.info["icc_profile"]))).strip()


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """One generated set shared by the read-only tests."""
    base = tmp_path_factory.mktemp("photos")
    spec = write_spec(base / "spec.yaml", ENTRIES)
    out = base / "out"
    code = mp.main(["--spec", str(spec), "--out", str(out), "--jobs", "1"])
    assert code == 0
    return spec, out


# --------------------------------------------------------------------- variants


def test_summary_line_and_files(tmp_path, capsys):
    spec = write_spec(tmp_path / "spec.yaml", ENTRIES[:2])
    code, out, err = run(capsys, "--spec", spec, "--out", tmp_path / "out", "--jobs", "1")
    assert code == 0 and err == ""
    assert out == f"made 2, kept 0 photos in {tmp_path / 'out'}\n"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["p001-harbour.jpg", "p002-street.jpg"]


def test_srgb(made):
    with Image.open(made[1] / "p001-harbour.jpg") as im:
        assert (im.format, im.mode, im.size) == ("JPEG", "RGB", (400, 300))
        assert im.info["icc_profile"] == mp.srgb_icc()
        assert "sRGB" in profile_description(im)


def test_untagged(made):
    with Image.open(made[1] / "p002-street.jpg") as im:
        assert (im.format, im.mode, im.size) == ("JPEG", "RGB", (400, 300))
        assert not im.info.get("icc_profile")


def test_adobe_rgb(made):
    with Image.open(made[1] / "p003-bridge.jpg") as im:
        assert (im.format, im.mode, im.size) == ("JPEG", "RGB", (400, 300))
        assert profile_description(im) == "Compatible with Adobe RGB (1998)"
        assert im.info["icc_profile"] == mp.ADOBE_RGB_ICC.read_bytes()


def test_cmyk(made):
    with Image.open(made[1] / "p004-flowers.jpg") as im:
        assert (im.format, im.mode, im.size) == ("JPEG", "CMYK", (300, 400))
        profile = ImageCms.ImageCmsProfile(io.BytesIO(im.info["icc_profile"]))
        assert profile.profile.xcolor_space.strip() == "CMYK"
        assert im.info["icc_profile"] == mp.cmyk_icc_path().read_bytes()


def test_gray(made):
    with Image.open(made[1] / "p005-temple.jpg") as im:
        assert (im.format, im.mode, im.size) == ("JPEG", "L", (400, 300))


def test_png(made):
    with Image.open(made[1] / "p006-market.png") as im:
        assert (im.format, im.mode, im.size) == ("PNG", "RGB", (400, 300))
        assert im.info["icc_profile"] == mp.srgb_icc()


def test_exif_rotated(made):
    with Image.open(made[1] / "p007-people.jpg") as im:
        assert (im.format, im.mode) == ("JPEG", "RGB")
        assert im.size == (300, 400)  # stored on its side
        assert im.getexif()[0x0112] == 6
        upright = ImageOps.exif_transpose(im)
        assert upright.size == (400, 300)


def test_exif_rotated_shows_the_painting_upright():
    """Orientation 6 must undo exactly the rotation applied when saving."""
    entry = mp.Entry("p.jpg", (400, 300), "harbour", "exif-rotated", 3)
    displayed = mp.render_photo(entry)
    stored, options = mp.apply_variant(displayed, entry.variant)
    buf = io.BytesIO()
    stored.save(buf, **options)
    with Image.open(buf) as im:
        upright = ImageOps.exif_transpose(im).convert("L")
    a = np.asarray(upright.resize((40, 30)), dtype=float)
    b = np.asarray(displayed.convert("L").resize((40, 30)), dtype=float)
    assert np.abs(a - b).mean() < 6  # only JPEG loss, not a turned or mirrored picture


def test_label_in_corner(made):
    """The top-left corner carries the darkened PLACEHOLDER plate."""
    with Image.open(made[1] / "p002-street.jpg") as im:
        plate = np.asarray(im.convert("L").crop((6, 6, 40, 10)))
        assert plate.max() > 180  # white letters
        assert np.percentile(plate, 25) < 100  # on a dark plate


# ----------------------------------------------------------------- determinism


def test_same_spec_gives_identical_bytes(made, tmp_path, capsys):
    spec, first = made
    code, _, _ = run(capsys, "--spec", spec, "--out", tmp_path, "--jobs", "1")
    assert code == 0
    assert digests(tmp_path) == digests(first)


def test_parallel_cli_matches_serial_run(made, tmp_path):
    """Through the real command line, with a worker pool."""
    spec, first = made
    result = subprocess.run(
        [sys.executable, str(TOOL), "--spec", str(spec), "--out", str(tmp_path), "--jobs", "2"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"made {len(ENTRIES)}, kept 0 photos in {tmp_path}\n"
    assert digests(tmp_path) == digests(first)


def test_seed_changes_the_picture():
    a = mp.paint_scene("city", (400, 300), 1)
    b = mp.paint_scene("city", (400, 300), 2)
    assert a.tobytes() != b.tobytes()


def test_python_random_is_not_used():
    random.seed(1234)
    state = random.getstate()
    mp.render_photo(mp.Entry("p.jpg", (200, 150), "festival", "srgb", 9))
    assert random.getstate() == state


def test_every_scene_paints_in_every_shape():
    """Each scene, in landscape, portrait and panorama (which has a calm corner
    for the caption card), paints a picture, not a flat fill; a broken scene
    is named with its shape."""
    broken = []
    for scene in sorted(mp.SCENES):
        for size in ((400, 300), (300, 400), (580, 365)):
            try:
                img = mp.paint_scene(scene, size, 11)
            except Exception as exc:  # noqa: BLE001 (every scene is tried, the failures listed together)
                broken.append((scene, size, repr(exc)))
                continue
            lo, hi = img.convert("L").getextrema()
            if img.mode != "RGB" or img.size != (size[0] // mp.PAINT_SCALE, size[1] // mp.PAINT_SCALE) or hi - lo <= 40:
                broken.append((scene, size, img.mode, img.size, hi - lo))
    assert len(mp.SCENES) == 20 and broken == []


# ------------------------------------------------------------ write and keep


def test_second_run_keeps_files_untouched(tmp_path, capsys):
    spec = write_spec(tmp_path / "spec.yaml", ENTRIES[:3])
    out = tmp_path / "out"
    assert run(capsys, "--spec", spec, "--out", out, "--jobs", "1")[0] == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    code, text, _ = run(capsys, "--spec", spec, "--out", out, "--jobs", "1")
    assert code == 0 and text == f"made 0, kept 3 photos in {out}\n"
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    code, text, _ = run(capsys, "--spec", spec, "--out", out, "--jobs", "1", "--force")
    assert text == f"made 3, kept 0 photos in {out}\n"


def test_changed_entry_is_remade(tmp_path, capsys):
    entries = [dict(e) for e in ENTRIES[:2]]
    spec = write_spec(tmp_path / "spec.yaml", entries)
    out = tmp_path / "out"
    run(capsys, "--spec", spec, "--out", out, "--jobs", "1")
    entries[1]["seed"] = 99
    write_spec(spec, entries)
    code, text, _ = run(capsys, "--spec", spec, "--out", out, "--jobs", "1")
    assert text == f"made 1, kept 1 photos in {out}\n"
    with Image.open(out / "p002-street.jpg") as im:
        assert b"seed=99" in im.info["comment"]


def test_foreign_photo_of_right_size_is_kept(tmp_path, capsys):
    """A real photograph dropped in under the same name is not overwritten."""
    spec = write_spec(tmp_path / "spec.yaml", ENTRIES[:2])
    out = tmp_path / "out"
    out.mkdir()
    Image.new("RGB", (400, 300), (10, 20, 30)).save(out / "p001-harbour.jpg")
    Image.new("RGB", (64, 48), (10, 20, 30)).save(out / "p002-street.jpg")  # wrong size: remade
    real = (out / "p001-harbour.jpg").read_bytes()
    code, text, _ = run(capsys, "--spec", spec, "--out", out, "--jobs", "1")
    assert text == f"made 1, kept 1 photos in {out}\n"
    assert (out / "p001-harbour.jpg").read_bytes() == real
    with Image.open(out / "p002-street.jpg") as im:
        assert im.size == (400, 300)


def test_write_goes_through_the_atomic_write(tmp_path, monkeypatch):
    """The photo is written whole by book.files.write_atomic (a temporary name
    renamed into place, tested with the build's own files), and nothing else is
    left in the folder."""
    import book.placeholder_photos

    writes = []
    real = book.placeholder_photos.write_atomic

    def spy(path, data, durable=True):
        writes.append((Path(path).name, durable))
        real(path, data, durable)

    monkeypatch.setattr(book.placeholder_photos, "write_atomic", spy)
    entry = mp.Entry("p001-harbour.jpg", (400, 300), "harbour", "srgb", 1)
    mp.write_photo(entry, tmp_path)
    assert writes == [("p001-harbour.jpg", False)]  # a placeholder can be painted again: not flushed to the disk
    assert [p.name for p in tmp_path.iterdir()] == ["p001-harbour.jpg"]
    with Image.open(tmp_path / "p001-harbour.jpg") as im:
        assert im.info["comment"] == entry.fingerprint().encode()


def test_failed_write_leaves_old_file_and_no_temporary(tmp_path, capsys, monkeypatch):
    import book.files

    spec = write_spec(tmp_path / "spec.yaml", ENTRIES[:1])
    out = tmp_path / "out"
    out.mkdir()
    (out / "p001-harbour.jpg").write_bytes(b"old")  # unreadable, so it will be remade

    class Full(io.FileIO):
        def write(self, data):
            super().write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(book.files, "open", lambda path, mode: Full(path, "w"), raising=False)
    code, _, err = run(capsys, "--spec", spec, "--out", out, "--jobs", "1")
    assert code == 1
    assert err == f"make_photos: cannot write to {out}: p001-harbour.jpg: no space left on the device\n"
    assert [p.name for p in out.iterdir()] == ["p001-harbour.jpg"]
    assert (out / "p001-harbour.jpg").read_bytes() == b"old"


# -------------------------------------------------------------------- bad spec

GOOD = {"file": "p001-a.jpg", "size": [400, 300], "scene": "harbour", "variant": "srgb", "seed": 1}


@pytest.mark.parametrize(
    "second, expected",
    [
        ({**GOOD, "file": "p002-b.jpg", "scene": "harbor"}, "entry 2 (p002-b.jpg): unknown scene 'harbor'"),
        ({**GOOD, "file": "p002-b.jpg", "variant": "rgb"}, "entry 2 (p002-b.jpg): unknown variant 'rgb'"),
        ({k: v for k, v in GOOD.items() if k != "seed"} | {"file": "p002-b.jpg"}, "entry 2 (p002-b.jpg): missing 'seed'"),
        ({**GOOD, "file": "p002-b.jpg", "size": [400]}, "entry 2 (p002-b.jpg): 'size' must be"),
        ({**GOOD, "file": "p002-b.jpg", "seed": -1}, "entry 2 (p002-b.jpg): 'seed' must be"),
        ({**GOOD, "file": "p002-b.png"}, "entry 2 (p002-b.png): variant srgb needs a .jpg"),
        ({**GOOD, "file": "../p002-b.jpg"}, "entry 2 (../p002-b.jpg): 'file' must be a plain file name"),
        (dict(GOOD), "entry 2 (p001-a.jpg): same file as entry 1"),
        ("just text", "entry 2: expected a mapping"),
    ],
)
def test_bad_entry_is_named(tmp_path, capsys, second, expected):
    spec = write_spec(tmp_path / "spec.yaml", [GOOD, second])
    code, out, err = run(capsys, "--spec", spec, "--out", tmp_path / "out")
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"make_photos: {spec}: ")
    assert expected in err
    assert not (tmp_path / "out").exists()  # nothing painted


def test_yaml_error_is_one_line(tmp_path, capsys):
    spec = tmp_path / "spec.yaml"
    spec.write_text("- file: p001-a.jpg\n  size: [400, 300\n  scene: harbour\n", encoding="utf-8")
    code, _, err = run(capsys, "--spec", spec)
    assert code == 1
    assert err.count("\n") == 1 and f"{spec}: YAML error at line" in err


def test_missing_spec_from_command_line(tmp_path):
    missing = tmp_path / "nope.yaml"
    result = subprocess.run([sys.executable, str(TOOL), "--spec", str(missing), "--out", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert str(missing) in result.stderr and "Traceback" not in result.stderr
