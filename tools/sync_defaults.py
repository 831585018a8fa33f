"""Copy the sample book's layouts, styles and fonts into book/defaults/, the
files `book init` gives a new project. The sample's files are the source;
tests/test_scaffold.py fails when book/defaults/ differs from them.

    python tools/sync_defaults.py          # copy what differs, and say which
    python tools/sync_defaults.py --check  # exit 1 when a copy differs
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from book.scaffold import DEFAULT_FILES, DEFAULTS  # noqa: E402


def stale_defaults(root: Path = ROOT) -> list[tuple[Path, Path]]:
    """(source, copy) of each default file that differs from the sample's."""
    pairs = [(root / rel, DEFAULTS / name) for name, rel in DEFAULT_FILES.items()]
    return [(source, copy) for source, copy in pairs if not copy.is_file() or copy.read_bytes() != source.read_bytes()]


def main(argv: list[str]) -> int:
    stale = stale_defaults()
    for source, copy in stale:
        where = f"{copy.relative_to(ROOT)} differs from {source.relative_to(ROOT)}"
        if "--check" in argv:
            print(f"{where}; run 'python tools/sync_defaults.py'", file=sys.stderr)
        else:
            shutil.copyfile(source, copy)
            print(f"{copy.relative_to(ROOT)} copied from {source.relative_to(ROOT)}")
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
