"""Shared fixtures. Every test works on its own temporary copy, never in the
repository: a tiny three-language book (vi, en, ja) with small painted
photos, or the repository's sample book with its 72 photos. What is costly is
made once per run and shared by pytest-xdist's workers: the press profile,
the sample photos (the repository's, or painted into a temporary folder when
the setup script has not painted them), the built sample book."""

from __future__ import annotations

import fcntl
import importlib.util
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir
from suite_rules import (  # noqa: F401  (hooks: pytest finds them here)
    REPO,
    pytest_collection_modifyitems,
    pytest_configure,
    pytest_runtest_makereport,
    pytest_sessionfinish,
    pytest_sessionstart,
)
from typer.testing import CliRunner

from book.caches import COLOUR
from book.cli import app
from book.files import write_atomic
from book.images.press import press_profile
from book.placeholder_photos import write_placeholder

# Hypothesis keeps what it learns (constants, examples) in ./.hypothesis unless
# told otherwise, as soon as the test modules load: in the temporary folder instead.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / f"book-tests-hypothesis-{os.getuid()}")

DATA = Path(__file__).resolve().parent / "data"
LANGS = ("vi", "en", "zh", "ko", "ja")
SAMPLE_PARTS = ("content", "layouts", "fonts", "translations")
PHOTO_SUFFIXES = (".jpg", ".png", ".tif")


def load_script(path: Path, name: str):
    """A module from a file outside the package (tools/, benchmarks/),
    registered under ``name`` first: dataclasses and worker pools look it up."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """``folder`` made by ``make(folder)`` once for this run: the workers of
    pytest-xdist share the run's temporary folder (the parent of each one's
    own), and the first to come makes it while the others wait on a lock."""
    base = factory.getbasetemp()
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared"
    shared.mkdir(exist_ok=True)
    folder, made = shared / name, shared / f"{name}.made"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            made.touch()
    return folder


# The user's own machine-wide press profiles, read (never written) to seed the run's.
USERS_PROFILES = COLOUR.path(REPO)


@pytest.fixture(scope="session", autouse=True)
def machine_cache(tmp_path_factory) -> Iterator[Path]:
    """XDG_CACHE_HOME for the whole run: one folder the workers of
    pytest-xdist share, so that the machine-wide caches (the press profile)
    are made once per run, and never in the user's own ~/.cache."""
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared" / "xdg-cache"
    folder.mkdir(parents=True, exist_ok=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        yield folder


@pytest.fixture(scope="session")
def profile_cache(machine_cache: Path) -> Path:
    """The run's machine-wide press profile folder, with a built FOGRA39
    profile that every project a test makes finds there (started from a copy
    of the user's own profiles when there are some; `press_profile` lets one
    worker make it while the others wait)."""
    folder = COLOUR.path(REPO)
    for icc in sorted(USERS_PROFILES.glob("*.icc")) if USERS_PROFILES != folder else []:
        if not icc.with_suffix(".sha256").is_file():
            continue  # an older version's profile, stamped with its hour: never used now
        for kept in (icc, icc.with_suffix(".sha256")):  # the profile and the digest it is checked against
            if not (folder / kept.name).is_file():
                write_atomic(folder / kept.name, kept.read_bytes())
    press_profile(REPO, "FOGRA39", 300, folder)
    return folder


def paint(path: Path, size: tuple[int, int], seed: int) -> None:
    """A placeholder photo for a test (`book.placeholder_photos`)."""
    write_placeholder(path, size, seed, "untagged")


def copy_mini(root: Path, profile_cache: Path | None, size: tuple[int, int] = (1500, 1000)) -> Path:
    """Copy tests/data/mini to ``root`` with its photos (the press profile is
    the machine's, `profile_cache`)."""
    shutil.copytree(DATA / "mini", root)
    shutil.copytree(REPO / "layouts", root / "layouts")
    shutil.copytree(REPO / "fonts", root / "fonts")
    photos = root / "content" / "photos"
    photos.mkdir(parents=True, exist_ok=True)
    paint(photos / "ảnh-cảng.jpg", size, 1)
    paint(photos / "p002.jpg", size, 2)
    return root


@pytest.fixture
def mini(tmp_path: Path, profile_cache: Path) -> Path:
    """A fresh copy of tests/data/mini, ready to build."""
    return copy_mini(tmp_path / "mini", profile_cache)


@pytest.fixture
def run():
    """Run the CLI in-process: run(root, 'build', '--lang', 'en') -> result.
    A failed assertion on the result shows the end of what the command said."""
    runner = CliRunner()

    def invoke(root: Path, *args: str):
        return Said(runner.invoke(app, ["--project", str(root), *args], catch_exceptions=False))

    return invoke


class Said:
    """A CLI result whose repr carries the end of its stderr (the tests' `assert result.exit_code == 0`)."""

    def __init__(self, result):
        self.result = result

    def __getattr__(self, name: str):
        return getattr(self.result, name)

    def __repr__(self) -> str:
        return f"<Result exit {self.result.exit_code}; stderr ends: {self.result.stderr[-1500:]!r}>"


@pytest.fixture(scope="session")
def photogen():
    """tools/make_photos.py, the setup script's painter of the sample photos."""
    return load_script(REPO / "tools" / "make_photos.py", "make_photos")


@pytest.fixture(scope="session")
def sample_photos(tmp_path_factory, photogen) -> Path:
    """The folder of the sample book's photos: the repository's when every one
    is current, else painted once for this run into a temporary folder."""
    spec = REPO / "content" / "photos" / "placeholders.yaml"
    photos = REPO / "content" / "photos"
    if all(photogen.is_current(entry, photos / entry.file) for entry in photogen.load_spec(spec)):
        return photos

    def make(folder: Path) -> None:
        assert photogen.main(["--spec", str(spec), "--out", str(folder)]) == 0

    return made_once(tmp_path_factory, "photos", make)


def copy_sample(root: Path, photos: Path, profile_cache: Path) -> Path:
    """Copy the repository's sample book to ``root``, with ``photos`` and the
    developer's converted and subset fonts and review thumbnails when there are some
    (the press profile is the machine's, `profile_cache`)."""
    for name in SAMPLE_PARTS:
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns(*(f"*{s}" for s in PHOTO_SUFFIXES)))
    for photo in photos.iterdir():
        if photo.suffix in PHOTO_SUFFIXES:
            shutil.copyfile(photo, root / "content" / "photos" / photo.name)
    for name in ("fonts", "thumbs", "epub-fonts"):
        if (REPO / ".cache" / name).is_dir():
            shutil.copytree(REPO / ".cache" / name, root / ".cache" / name, ignore=shutil.ignore_patterns("*.tmp-*"))
    return root


@pytest.fixture
def sample_copy(tmp_path: Path, sample_photos: Path, profile_cache: Path) -> Path:
    """A fresh copy of the sample book, not built."""
    return copy_sample(tmp_path / "sample", sample_photos, profile_cache)


@pytest.fixture(scope="session")
def sample_prepared(tmp_path_factory, sample_photos, profile_cache):
    """The sample book's five editions gathered for the proof profile (set,
    not drawn), in this worker's own copy (`book.gather.gather`)."""
    from book.gather import gather
    from book.outputs import OUTPUTS

    root = copy_sample(tmp_path_factory.mktemp("prepared") / "sample", sample_photos, profile_cache)
    return gather(root, list(LANGS), OUTPUTS["proof"])


@pytest.fixture(scope="session")
def sample_editions(sample_prepared) -> dict:
    """The sample's editions from `sample_prepared`: lang -> edition."""
    return {edition.lang: edition for edition in sample_prepared.editions}


@pytest.fixture(scope="session")
def sample(tmp_path_factory, sample_photos, profile_cache) -> Path:
    """The repository's sample book, all five editions built for print once
    per run (test_sample_book, test_cards_credits read it, and write nothing
    into it)."""
    from book.build import build

    return made_once(tmp_path_factory, "sample", lambda root: build(copy_sample(root, sample_photos, profile_cache)))


@pytest.fixture(scope="session")
def latin_setter(tmp_path_factory):
    """The paragraph composer on the repository's vi/en fonts, for composer
    tests on sentences that are not the book's: ``setter(lang, text, style,
    width_pt)`` gives the lines `book.text.typeset.break_paragraph` sets."""
    from book.errors import Problems
    from book.sources.fonts_file import load_fonts
    from book.text.fonts import EditionFonts
    from book.text.typeset import break_paragraph

    out = Problems()
    config = load_fonts(Path(__file__).resolve().parent.parent, out, ["vi", "en"], {})
    assert not out.errors, out.errors
    cache = tmp_path_factory.mktemp("fonts")

    def lines(lang: str, text: str, style, width: float):
        fonts = EditionFonts(config, lang, cache)
        fonts.prepare({style.font: {text}})
        return break_paragraph(fonts, text, style, lang, style.size, width)

    return lines
