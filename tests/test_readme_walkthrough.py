"""The README's "Make your own book", followed word for word: every shell
block of that section, in order, in one shell, from a folder standing in
for the repository (its .venv is this run's), with the press profile the
run has already made. A block that fails stops the walk with its output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO

SECTION = "## Make your own book"


def walkthrough_blocks(readme: str) -> list[str]:
    """The ```sh blocks between the section's heading and the next heading of its level."""
    start = readme.index(SECTION)
    end = readme.find("\n## ", start + len(SECTION))
    section = readme[start:end if end != -1 else None]
    return re.findall(r"^```sh\n(.*?)^```$", section, flags=re.S | re.M)


def test_the_blocks_are_found():
    blocks = walkthrough_blocks((REPO / "README.md").read_text(encoding="utf-8"))
    assert len(blocks) >= 10, "every step of the walkthrough is a shell block"
    assert blocks[0].startswith('export PATH="$PWD/.venv/bin:$PATH"\nbook init ../my-book')


def test_make_your_own_book_word_for_word(tmp_path, profile_cache):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    blocks = walkthrough_blocks((REPO / "README.md").read_text(encoding="utf-8"))
    script = "set -euo pipefail\n" + "".join(f"echo '>>> block {n}'\n{block}" for n, block in enumerate(blocks, 1))
    env = {**os.environ, "PAGER": "cat", "COLUMNS": "100"}
    done = subprocess.run(["bash", "-c", script], cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"the walkthrough stopped:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    book = tmp_path / "my-book"
    assert "trim_mm: [200, 200]" in (book / "content" / "book.yaml").read_text(encoding="utf-8")
    for part in ("interior", "cover"):
        pdf = book / "output" / "print" / "vi" / f"ben-cang-vi-{part}.pdf"
        assert pdf.is_file(), f"step 9 builds {pdf.name}"
    text = subprocess.run(["pdftotext", str(book / "output" / "print" / "vi" / "ben-cang-vi-interior.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Tàu vào cảng lúc bình minh." in " ".join(text.split())
    assert (book / "translations" / "ja.po").is_file(), "step 4's i18n update made the new edition's catalog"
    assert (book / "output" / "review" / "ben-cang-review.pdf").is_file()
