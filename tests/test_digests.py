"""The remembered digests: a rebuild does not read the photos again, yet a
photo rewritten in place (even keeping its size and modification time) is
seen as changed, and a damaged memo means reading every file again."""

from __future__ import annotations

import hashlib
import json
import os

from PIL import Image

from book import digests as memo
from book import files
from book.digests import MEMO_REL, Digests
from book.sources.inputs import inputs_digest


def still(monkeypatch) -> None:
    """Files count as settled at once (the tests write them a moment before reading)."""
    monkeypatch.setattr(files, "SETTLED_NS", 0)


def test_a_digest_is_remembered_and_a_file_rewritten_in_place_is_read_again(tmp_path, monkeypatch):
    still(monkeypatch)
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"one" * 1000)
    digests = Digests(tmp_path)
    assert digests.get(photo) == hashlib.sha256(b"one" * 1000).hexdigest()
    digests.save()
    again = Digests(tmp_path)
    assert again.known(photo) == hashlib.sha256(b"one" * 1000).hexdigest()
    # Same size, and the modification time put back: the change time still tells.
    st = photo.stat()
    photo.write_bytes(b"two" * 1000)
    os.utime(photo, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert photo.stat().st_size == st.st_size and photo.stat().st_mtime_ns == st.st_mtime_ns
    assert again.known(photo) is None
    assert again.get(photo) == hashlib.sha256(b"two" * 1000).hexdigest()


def test_a_file_changed_just_before_it_was_read_is_not_remembered(tmp_path):
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"fresh")
    digests = Digests(tmp_path)
    assert digests.get(photo) == hashlib.sha256(b"fresh").hexdigest()
    assert digests.known(photo) is None and not digests.changed


def test_a_damaged_memo_is_ignored(tmp_path, monkeypatch):
    still(monkeypatch)
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"bytes")
    (tmp_path / MEMO_REL).parent.mkdir(parents=True)
    (tmp_path / MEMO_REL).write_text('{"version": 1, "files": {"' + str(photo) + '": [1, 2', encoding="utf-8")
    digests = Digests(tmp_path)
    assert digests.known(photo) is None
    assert digests.get(photo) == hashlib.sha256(b"bytes").hexdigest()
    digests.save()
    assert json.loads((tmp_path / MEMO_REL).read_text(encoding="utf-8"))["files"][str(photo)][4] == digests.get(photo)


def test_a_rebuild_reads_no_photo_and_still_sees_one_rewritten_in_place(mini, run, monkeypatch):
    still(monkeypatch)
    assert run(mini, "build").exit_code == 0
    photo = mini / "content" / "photos" / "p002.jpg"
    remembered = json.loads((mini / MEMO_REL).read_text(encoding="utf-8"))["files"]
    assert remembered[str(photo)][4] == hashlib.sha256(photo.read_bytes()).hexdigest()
    interior = mini / "output" / "print" / "en" / "mini-en-interior.pdf"
    before = interior.read_bytes()

    # A caption edit in en.po: the photos are not read again.
    po = mini / "translations" / "en.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "Cat Hai"', 'msgstr "Cat Hai island"'), encoding="utf-8")
    opened = []
    real = memo.read_digest
    monkeypatch.setattr(memo, "read_digest", lambda path: opened.append(path) or real(path))
    monkeypatch.setattr("book.images.process.read_digest", memo.read_digest)
    assert run(mini, "build", "--jobs", "1").exit_code == 0
    assert opened == []

    # The photo repainted with its size and modification time kept: every edition shows the new one.
    st = photo.stat()
    with Image.open(photo) as image:
        flipped = image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    flipped.save(photo, quality=50)  # smaller than it was
    data = photo.read_bytes()
    assert len(data) < st.st_size
    photo.write_bytes(data.ljust(st.st_size, b"\0"))  # a JPEG ignores what follows its end
    os.utime(photo, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert photo.stat().st_size == st.st_size and photo.stat().st_mtime_ns == st.st_mtime_ns
    after = run(mini, "build", "--jobs", "1", "--json")
    assert after.exit_code == 0, after.stdout
    assert all(e["written"] for e in json.loads(after.stdout)["editions"])
    assert photo in opened
    assert interior.read_bytes() != before


def test_a_cold_build_reads_each_photo_once(mini, run, monkeypatch):
    """The photo stage hashes the photos it decodes; the manifest's source
    digests take those, and a just-copied photo (not yet settled, so not
    remembered) is not read a second time for them either."""
    read, hashed = [], []
    real_read, real_file = memo.read_digest, memo.file_digest
    monkeypatch.setattr(memo, "read_digest", lambda path: read.append(path) or real_read(path))
    monkeypatch.setattr("book.images.process.read_digest", memo.read_digest)
    monkeypatch.setattr(memo, "file_digest", lambda path: hashed.append(path) or real_file(path))
    assert run(mini, "build", "--jobs", "1").exit_code == 0
    photos = sorted((mini / "content" / "photos").glob("*.jpg"))
    assert photos and sorted(set(read)) == photos
    assert [p for p in hashed if p.suffix == ".jpg"] == []
    manifest = json.loads((mini / "output" / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        if "sources" in entry:
            assert entry["sources"] == inputs_digest(mini, entry["lang"])
