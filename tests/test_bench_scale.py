"""The scale benchmark's generator (benchmarks/scale_book.py) makes a book that
`book check` accepts in all five languages, with complete catalogs, from camera-
shaped photos. The timings themselves are not run here."""

from __future__ import annotations

import doctest
import json
import shutil
from pathlib import Path

import polib
import pytest
from conftest import REPO, load_script
from PIL import Image

from book.errors import Problems
from book.pages.paginate import paginate
from book.pages.spine import plan_cover
from book.sources import load_book

scale_book = load_script(REPO / "benchmarks" / "scale_book.py", "scale_book")


@pytest.fixture(scope="module")
def sample():
    return scale_book.read_sample(REPO)


def test_helpers_doctests():
    failures, tried = doctest.testmod(scale_book)
    assert tried >= 3 and failures == 0


def test_generated_book_passes_check(tmp_path: Path, profile_cache: Path, run):
    photo_cache = tmp_path / "photos"
    root = tmp_path / "book"
    generated = scale_book.generate(root, 12, 0.5, photo_cache, jobs=2)

    files = sorted((root / "content" / "photos").glob("*.jpg"))
    assert [f.name for f in files] == [f"p{i:04d}.jpg" for i in range(1, 13)]
    with Image.open(files[0]) as image:
        assert image.size == scale_book.photo_size(0.5) == (866, 577)
        assert image.format == "JPEG" and image.mode == "RGB" and image.info.get("icc_profile")
    assert files[0].stat().st_size > 0.2 * 866 * 577  # detail, not flat fields
    assert generated.chapters == 1 and generated.min_ppi == 72

    result = run(root, "check")
    assert result.exit_code == 0, result.output
    status = json.loads(run(root, "i18n", "status", "--json").stdout)["languages"]
    assert {s["lang"]: s["fuzzy"] + s["untranslated"] for s in status} == {"en": 0, "zh": 0, "ko": 0, "ja": 0}

    # A second generation paints nothing: the photos come from the cache.
    first = scale_book.photo_folder(photo_cache, 0.5) / "p0001.jpg"
    stamp = first.stat().st_mtime_ns
    assert scale_book.ensure_photos(12, 0.5, photo_cache, jobs=1)[1] == 0
    assert first.stat().st_mtime_ns == stamp

    # The benchmark's edits keep every catalog complete and change what they say.
    ctx = scale_book.edit_translation(root, "ja", 6)
    entry = next(e for e in polib.pofile(str(root / "translations" / "ja.po")) if e.msgctxt == ctx)
    assert "，" in entry.msgstr and int(ctx.split(":")[1][1:]) >= 6
    pid = scale_book.edit_source_caption(generated, 6)
    for lang in scale_book.TARGETS:
        po = polib.pofile(str(root / "translations" / f"{lang}.po"))
        edited = next(e for e in po if e.msgctxt == f"photo:{pid}:caption" and not e.obsolete)
        assert "; " in edited.msgid and edited.msgstr and "fuzzy" not in edited.flags
        assert po.percent_translated() == 100


@pytest.mark.parametrize(("photos", "per_chapter"), [(3, 40), (13, 3), (37, 7), (401, 40)])
def test_plan_paginates_with_every_photo_once(tmp_path: Path, sample, photos: int, per_chapter: int):
    """The real paginator takes the planned chapters: spreads open on left-hand
    pages, each photo is placed once (the cover's own photo, as in the sample,
    on the cover and no page), and the page count is the planned one. The
    smallest book has three photos: the front matter's frontispiece and cover
    photo, and one chapter opener."""
    for name in ("layouts", "fonts"):
        shutil.copytree(REPO / name, tmp_path / name)
    (tmp_path / "content" / "chapters").mkdir(parents=True)
    plan = scale_book.plan_book(sample, photos, per_chapter)
    settings = scale_book.book_settings(REPO, sample, plan, 24)
    (tmp_path / "content" / "book.yaml").write_text(settings.text, encoding="utf-8")
    for index, chapter in enumerate(plan.chapters):
        scale_book.write_yaml(tmp_path / "content" / "chapters" / f"{index:03d}-{chapter['id']}.yaml", chapter)
    problems = Problems()
    book, _ = load_book(tmp_path, check_files=False, problems=problems)
    pagination = paginate(book, problems)  # a spread that opens on a right-hand page is an error
    assert [str(p) for p in problems.errors] == []
    placed = {(p.value, page.layout.spread and page.number - (page.number % 2 == 1)) for page in pagination.pages
              for p in page.placed if p.frame.kind == "photo" and p.value}  # a spread's two halves are one placement
    assert settings.min_ppi == 300 and book.cover.photo.id == settings.cover_photo
    assert settings.cover_photo not in {pid for pid, _ in placed}
    assert sorted([*(pid for pid, _ in placed), settings.cover_photo]) == [f"p{i:04d}" for i in range(1, photos + 1)]
    assert plan.pages <= len(pagination.pages) < plan.pages + book.binding_multiple
    geometry = plan_cover(book, len(pagination.pages), problems)
    assert settings.cover_pixels[0] / (geometry.media[0] / 25.4) >= 300  # the cover photo is large enough
    assert plan.body_chapters == len(scale_book.chapter_sizes(photos - 1, per_chapter))
    spreads = [page.number for page in pagination.pages if page.layout.spread]
    assert all(number % 2 == 0 for number in spreads[::2])
    if photos >= 400:
        assert len(spreads) >= 2 * photos // 15  # spreads kept, not turned into single pages
    # Every text comes from a sample text that has all four translations.
    assert all(all(source in sample.translations[lang] for lang in scale_book.TARGETS)
               for ctx, source in plan.sources.items() if not ctx.endswith((":place", ":credit")))


def test_too_small_photos_are_refused(tmp_path: Path):
    with pytest.raises(scale_book.BenchError, match="use 0.5 MP or more"):
        scale_book.generate(tmp_path / "book", 12, 0.1, tmp_path / "photos")
