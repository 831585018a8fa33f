"""Time the screen build (the tagged PDFs and the EPUBs of all five
editions) on the sample book, give the EPUBs' size, and open each EPUB's
first chapter in a real reader engine: headless Chromium renders it to a
PNG. Run from the repository root after tools/setup.sh (and, for the
screenshots, ``apt-get install chromium``; not needed in CI):

    .venv/bin/python benchmarks/screen_build.py [--runs 3] [--shots output/epub-shots]

Works on a copy of the project in a temporary folder. A first build makes
the caches (photos, fonts); the warm build is the same build again with
output/ removed, so every file is rendered and written again from warm
caches. Targets: warm under 20 s, the five EPUBs under 40 MB together.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_times import BOOK, REPO, copy_project, run  # noqa: E402

LANGS = ("vi", "en", "zh", "ko", "ja")
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
CHROMIUM = ("chromium", "chromium-browser", "google-chrome")


def first_chapter(epub: Path, folder: Path) -> Path:
    """``epub`` unzipped into ``folder``; its first chapter (the landmarks' body matter)."""
    with zipfile.ZipFile(epub) as archive:
        archive.extractall(folder)
    nav = ElementTree.parse(folder / "EPUB" / "nav.xhtml").getroot()
    for link in nav.iter(f"{XHTML}a"):
        if link.get(EPUB_TYPE) == "bodymatter":
            return folder / "EPUB" / link.get("href").split("#")[0]
    raise SystemExit(f"{epub}: no body matter in the landmarks")


def screenshot(page: Path, png: Path) -> None:
    browser = next((shutil.which(name) for name in CHROMIUM if shutil.which(name)), None)
    if browser is None:
        raise SystemExit("chromium is not installed: apt-get install -y chromium (the screenshots need it, nothing else does)")
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--screenshot={png}",
                    "--window-size=900,1200", page.as_uri()], check=True, capture_output=True, timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shots", type=Path, default=REPO / "output" / "epub-shots", help="where the PNGs go")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        root = copy_project(work, ("images", "fonts", "epub-fonts"))
        for photo in (REPO / "content" / "photos").glob("*.jpg"):
            shutil.copyfile(photo, root / "content" / "photos" / photo.name)
        build = [*BOOK, "build", "--profile", "screen", "--quiet"]
        first, _ = run(build, root)
        print(f"{'first screen build (caches as the repository has them)':<56} {first:6.2f} s")
        samples = []
        for _ in range(args.runs):
            shutil.rmtree(root / "output")
            samples.append(run(build, root))
        times = [s for s, _ in samples]
        print(f"{'warm screen build, all five editions (output/ removed)':<56} min {min(times):6.2f} s  median "
              f"{statistics.median(times):6.2f} s  peak {max(m for _, m in samples):6.0f} MB")
        unchanged, _ = run(build, root)
        print(f"{'screen build with nothing changed':<56} {unchanged:6.2f} s")
        epubs = [root / "output" / "screen" / lang / f"hai-phong-70-nam-{lang}.epub" for lang in LANGS]
        sizes = [p.stat().st_size for p in epubs]
        print("EPUB sizes: " + ", ".join(f"{lang} {size / 1e6:.1f} MB" for lang, size in zip(LANGS, sizes, strict=True))
              + f"; all five {sum(sizes) / 1e6:.1f} MB (target < 40 MB)")
        args.shots.mkdir(parents=True, exist_ok=True)
        for lang, epub in zip(LANGS, epubs, strict=True):
            page = first_chapter(epub, Path(work) / f"unzipped-{lang}")
            png = args.shots / f"{lang}-{page.stem}.png"
            screenshot(page, png)
            print(f"{lang}: {page.name} rendered by headless Chromium: {png}")


if __name__ == "__main__":
    main()
