"""Shared fixtures: a tiny three-language book (vi, en, ja) copied into a
temporary folder, with small generated photos and the project's own layouts
and fonts; the press profile is built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from book.cli import app
from book.images.press import press_profile

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def profile_cache(tmp_path_factory) -> Path:
    """A built FOGRA39 profile, shared by every project a test makes."""
    cache = REPO / ".cache" / "colour"  # reuse the developer's if there is one
    if not cache.is_dir():
        cache = tmp_path_factory.mktemp("colour")
    press_profile(REPO, "FOGRA39", 300, cache)
    return cache


def paint(path: Path, size: tuple[int, int], colour: tuple[int, int, int]) -> None:
    image = Image.new("RGB", size, colour)
    # A few bands so the photos are not flat (JPEG of a flat field is atypical).
    for band in range(0, size[1], 40):
        image.paste(tuple(min(255, c + band % 60) for c in colour), (0, band, size[0], band + 20))
    image.save(path, quality=85)


def copy_mini(root: Path, profile_cache: Path) -> Path:
    """Copy tests/data/mini to ``root`` with its photos and the press profile."""
    shutil.copytree(DATA / "mini", root)
    shutil.copytree(REPO / "layouts", root / "layouts")
    shutil.copytree(REPO / "fonts", root / "fonts")
    photos = root / "content" / "photos"
    photos.mkdir(parents=True, exist_ok=True)
    paint(photos / "ảnh-cảng.jpg", (1500, 1000), (40, 90, 160))
    paint(photos / "p002.jpg", (1500, 1000), (160, 90, 40))
    shutil.copytree(profile_cache, root / ".cache" / "colour", dirs_exist_ok=True)
    return root


@pytest.fixture
def mini(tmp_path: Path, profile_cache: Path) -> Path:
    """A fresh copy of tests/data/mini, ready to build."""
    return copy_mini(tmp_path / "mini", profile_cache)


@pytest.fixture
def run():
    """Run the CLI in-process: run(root, 'build', '--lang', 'en') -> result."""
    runner = CliRunner()

    def invoke(root: Path, *args: str):
        return runner.invoke(app, ["--project", str(root), *args], catch_exceptions=False)

    return invoke


@pytest.fixture(scope="session")
def sample(tmp_path_factory, profile_cache) -> Path:
    """The repository's own sample book, all five editions built for print once
    per session (test_sample_book, test_cards_credits)."""
    from book.build import build

    root = tmp_path_factory.mktemp("sample")
    for name in ("content", "layouts", "fonts", "translations"):
        shutil.copytree(REPO / name, root / name)
    shutil.copytree(profile_cache, root / ".cache" / "colour")
    if (REPO / ".cache" / "fonts").is_dir():
        shutil.copytree(REPO / ".cache" / "fonts", root / ".cache" / "fonts")
    build(root)
    return root
