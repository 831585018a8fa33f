"""The co-edition check: render each edition's separations with Ghostscript
and compare the cyan, magenta and yellow plates page by page. In a co-edition
only the black plate may change from one language to the next."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image, ImageChops

from book.errors import BookError, Problem, Where

COLOUR_PLATES = ("Cyan", "Magenta", "Yellow")


def separate(pdf: Path, folder: Path, dpi: int) -> None:
    gs = shutil.which("gs")
    if gs is None:
        raise BookError("gs not found: comparing plates needs Ghostscript; install the Debian package ghostscript")
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([gs, "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=tiffsep", f"-r{dpi}", "-dOverprint=/enable",
                             f"-sOutputFile={folder}/p%04d.tif", str(pdf)], capture_output=True, encoding="utf-8", errors="replace")
    if result.returncode != 0:
        raise BookError(f"{pdf}: Ghostscript could not separate it: {result.stderr.strip()[:200]}")


def plate(folder: Path, page: int, colour: str) -> Image.Image:
    with Image.open(folder / f"p{page:04d}({colour}).tif") as image:
        return image.convert("L")


def compare_parts(pdfs: list[Path], part_of, dpi: int = 20) -> list[Problem]:
    """Compare interiors with interiors and covers with covers."""
    groups: dict[str, list[Path]] = {}
    for pdf in pdfs:
        groups.setdefault(part_of(pdf), []).append(pdf)
    return [problem for part in sorted(groups) for problem in compare_plates(groups[part], dpi)]


def compare_plates(pdfs: list[Path], dpi: int = 20, workers: int = 2) -> list[Problem]:
    """Differences in the C, M and Y plates of ``pdfs`` against the first one,
    one problem per edition and plate; empty when the plates are shared."""
    if len(pdfs) < 2:
        return []
    with tempfile.TemporaryDirectory() as work:
        folders = [Path(work) / str(i) for i in range(len(pdfs))]
        with ThreadPoolExecutor(max_workers=workers) as pool:  # Ghostscript runs as its own process
            list(pool.map(separate, pdfs, folders, [dpi] * len(pdfs)))
        counts = [len(list(folder.glob("p*(Cyan).tif"))) for folder in folders]
        problems = [Problem("plates", f"{count} pages, but {pdfs[0]} has {counts[0]}; the editions must share their pages", Where(str(pdf)))
                    for pdf, count in zip(pdfs[1:], counts[1:], strict=True) if count != counts[0]]
        if problems:
            return problems
        for pdf, folder in zip(pdfs[1:], folders[1:], strict=True):
            for colour in COLOUR_PLATES:
                pages = [page for page in range(1, counts[0] + 1)
                         if ImageChops.difference(plate(folders[0], page, colour), plate(folder, page, colour)).getbbox()]
                if pages:
                    listed = ", ".join(map(str, pages[:10])) + (" …" if len(pages) > 10 else "")
                    problems.append(Problem("plates", f"the {colour.lower()} plate differs from {pdfs[0]} on pages {listed}; "
                                            "language text must be 100 % K and overprint", Where(str(pdf))))
        return problems
