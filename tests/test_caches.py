"""Every cache has a row in DEVELOPERS.md: each location `book/caches.py`
declares, and each in-process memo written in one of the forms DEVELOPERS.md
names. A build, a check and a review leave no file under .cache/ (nor a
hidden one in output/) that no declared location owns."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from book import caches

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "book"
MEMO_DECORATORS = {"cache", "lru_cache", "cached_property"}
CONTAINERS = {"dict", "set", "defaultdict", "OrderedDict", "WeakKeyDictionary", "WeakValueDictionary"}
FILLING = {"add", "setdefault", "update", "append"}


def table_rows(section: str) -> list[list[str]]:
    """The rows (cells) of the table under the heading ``section`` in DEVELOPERS.md."""
    text = (REPO / "DEVELOPERS.md").read_text(encoding="utf-8")
    body = text.split(f"### {section}\n", 1)[1].split("\n#", 1)[0]
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in body.splitlines() if line.startswith("|")]
    return rows[2:]  # past the header and its rule


def named(cell: str) -> set[str]:
    return set(re.findall(r"`([^`]+)`", cell))


def called_name(node: ast.expr) -> str | None:
    """``f``, ``m.f``, ``f(...)`` and ``m.f(...)`` all give ``f``."""
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else None


def memos_in(path: Path, root: Path = REPO) -> set[str]:
    """The in-process memos of one module, in the forms DEVELOPERS.md names."""
    module = ".".join(path.relative_to(root).with_suffix("").parts)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    filled = set()  # module-level names written into at run time
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            filled |= {t.value.id for t in targets if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name)}
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in FILLING \
                and isinstance(node.func.value, ast.Name):
            filled.add(node.func.value.id)
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            scope = [(node.name, node)] if isinstance(node, ast.FunctionDef) else \
                [(f"{node.name}.{f.name}", f) for f in node.body if isinstance(f, ast.FunctionDef)]
            found |= {f"{module}.{name}" for name, f in scope if any(called_name(d) in MEMO_DECORATORS for d in f.decorator_list)}
        if isinstance(node, ast.ClassDef):
            for sub in ast.walk(node):
                if isinstance(sub, (ast.Assign, ast.AnnAssign)):
                    targets = sub.targets if isinstance(sub, ast.Assign) else [sub.target]
                    found |= {f"{module}.{node.name}.{t.attr}" for t in targets if isinstance(t, ast.Attribute)
                              and isinstance(t.value, ast.Name) and t.value.id == "self" and t.attr.startswith("known_")}
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            value, kind = node.value, called_name(node.value) if isinstance(node.value, ast.Call) else None
            if kind in ("FileMemo", "cache", "lru_cache"):
                found |= {f"{module}.{name}" for name in names}
            elif (isinstance(value, ast.Dict) and not value.keys) or (kind in CONTAINERS and not value.args and not value.keywords):
                found |= {f"{module}.{name}" for name in names if name in filled}  # begun empty, filled as it runs
    return found


def package_memos() -> set[str]:
    return set().union(*(memos_in(path) for path in sorted(PACKAGE.rglob("*.py"))))


def test_every_declared_location_has_a_row_saying_where_it_lives():
    rows = {next(iter(named(row[0])), None): row for row in table_rows("On disk")}
    for kept in caches.KEPT:
        assert kept.name in rows, f"book/caches.py declares {kept.name} ({kept.rel}); add its row to DEVELOPERS.md"
        where = rows[kept.name][1]
        assert kept.rel.split("/*")[0] in where, f"DEVELOPERS.md: {kept.name} lives in {kept.rel}, not {where}"
    assert set(rows) == {kept.name for kept in caches.KEPT}, "DEVELOPERS.md has a row for a location book/caches.py does not declare"


def test_every_in_process_memo_has_a_row():
    listed = set().union(*(named(row[0]) for row in table_rows("In process")))
    found = package_memos()
    assert found, "the scan finds the package's memos"
    missing = sorted(found - listed)
    assert not missing, f"in-process memos without a row in DEVELOPERS.md: {missing}"
    assert "book.files.FileMemo" in listed
    stale = sorted(listed - found - {"book.files.FileMemo"})
    assert not stale, f"DEVELOPERS.md lists memos that are not in book/: {stale}"


def test_the_scan_finds_each_form_of_memo(tmp_path):
    """A memo of each form, in a module of its own, is found (so a new one without a row fails the test above)."""
    folder = tmp_path / "book"
    folder.mkdir()
    module = folder / "dummy.py"
    module.write_text(
        "from functools import cache, lru_cache\n"
        "from book.files import FileMemo, sha256_file\n"
        "SEEN = {}\n"
        "NAMES: set[str] = set()\n"
        "CONSTANT = {'a': 1}\n"
        "digest = FileMemo(sha256_file)\n"
        "@cache\n"
        "def shaped(text):\n"
        "    SEEN[text] = 1\n"
        "    NAMES.add(text)\n"
        "@lru_cache(maxsize=8)\n"
        "def parsed(text): ...\n"
        "class Fonts:\n"
        "    def __init__(self):\n"
        "        self.known_widths = {}\n",
        encoding="utf-8")
    assert memos_in(module, tmp_path) == {"book.dummy.SEEN", "book.dummy.NAMES", "book.dummy.digest", "book.dummy.shaped",
                                "book.dummy.parsed", "book.dummy.Fonts.known_widths"}


def test_a_build_check_and_review_leave_only_declared_files(mini, run, monkeypatch):
    from book import files
    from book.text.memo import save_all

    monkeypatch.setattr(files, "SETTLED_NS", 0)  # the photos were painted a moment ago: remembered all the same
    for command in (("check",), ("build", "--lang", "vi", "--lang", "ja"), ("build", "--profile", "proof", "--lang", "en"),
                    ("review",)):
        result = run(mini, *command)
        assert result.exit_code == 0, (command, result.output)
    save_all()  # what a command's process saves as it exits
    kept = [p for p in (mini / ".cache").rglob("*") if p.is_file()]
    kept += [p for p in (mini / "output").rglob(".*") if p.is_file() or p.name.startswith(".build-")]
    stray = sorted(rel for p in kept if caches.owner(rel := p.relative_to(mini).as_posix()) is None)
    assert not stray, f"files no location in book/caches.py owns: {stray}"
    owners = {caches.owner(p.relative_to(mini).as_posix()).name for p in kept}
    assert {"digests", "record", "setting", "images", "sizes", "fonts", "cmaps", "thumbs", "lock"} <= owners
    assert not (mini / ".cache" / "colour").exists(), "the press profile is the machine's, not the project's"
