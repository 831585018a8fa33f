"""Photos enter an edition's PDF last, copied from the image cache into the
file as it is written, so no process ever holds an edition's image data.

reportlab keeps every image's bytes in memory until ``save()``, and so does
pikepdf when it copies an image from another PDF: a process drawing the
photos itself would grow with every photo of the edition. So the renderer draws each photo as
a one-pixel stand-in named after its prepared file; finishing marks each
stand-in's image object with the photo's number (``/BookPhoto n``) and saves
the PDF without object streams; then `splice_photos` copies that file
object by object, writing each marked object anew as the photo's image
dictionary and its JPEG bytes, read from the cache file into the writer's
buffer (`Writing`), and writes a new cross-reference table. Each photo is one object, embedded
once however many pages show it; fonts and everything else are qpdf's.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import mmap
import os
import re
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pikepdf
from PIL import Image

MARK = "/BookPhoto"
# PDF colour spaces of the JPEGs the image stage writes. Adobe CMYK JPEGs (as
# Pillow writes them) store inverted values, hence the Decode array.
COLOUR_SPACES = {"L": ("/DeviceGray", ""), "RGB": ("/DeviceRGB", ""), "CMYK": ("/DeviceCMYK", " /Decode [1 0 1 0 1 0 1 0]")}
OBJECT_HEAD = re.compile(rb"(\d+) 0 obj\b")
MARKED = re.compile(rb"/BookPhoto (\d+)")


def xobject_name(image_name: str) -> str:
    """The resource name reportlab gives an image drawn from a file whose
    ``str()`` is ``image_name`` (with no mask).

    >>> xobject_name("ab12.jpg")
    '/FormXob.3cf8dacae2b9667cf85cd26e86a99c5a'
    """
    return "/FormXob." + hashlib.md5(f"{image_name}None".encode(), usedforsecurity=False).hexdigest()


def write_standin(path: Path) -> Path:
    """The one-pixel JPEG every photo is drawn as before finishing."""
    Image.new("L", (1, 1), 255).save(path, format="JPEG", quality=50)
    return path


def mark_photos(pdf: pikepdf.Pdf, photos: dict[str, Path]) -> list[Path]:
    """Replace the stand-ins on ``pdf``'s pages (by resource name, see
    ``photos``) with marked placeholders; returns the photo of each mark number."""
    order: list[Path] = []
    marks: dict[Path, pikepdf.Object] = {}
    for page in pdf.pages:
        xobjects = page.obj.get("/Resources", {}).get("/XObject")
        for name in sorted(xobjects.keys()) if xobjects is not None else ():
            photo = photos.get(name)
            if photo is None:
                continue
            if photo not in marks:
                stand = pikepdf.Stream(pdf, b" ")
                stand[MARK] = len(order)
                marks[photo] = pdf.make_indirect(stand)
                order.append(photo)
            xobjects[name] = marks[photo]
    return order


def image_object(number: int, photo: Path) -> bytes:
    """The start of image object ``number`` for a prepared JPEG, up to its stream data."""
    with Image.open(photo) as header:  # reads the header only
        (width, height), mode = header.size, header.mode
    space, decode = COLOUR_SPACES[mode]
    return (f"{number} 0 obj\n<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace {space} "
            f"/BitsPerComponent 8 /Filter /DCTDecode{decode} /Length {photo.stat().st_size} >>\nstream\n").encode()


def read_xref(source: Path) -> tuple[int, bytes, list[int]]:
    """(offset, text) of the cross-reference table and trailer of a PDF with one
    classic table, as qpdf writes it without object streams, and the offsets of
    the objects in use."""
    with open(source, "rb") as src:
        src.seek(max(0, source.stat().st_size - 1024))
        end = src.read()
        start = int(end[end.rindex(b"startxref") + 9:].split()[0])
        src.seek(start)
        table = src.read()
    lines = table.split(b"\n")
    if lines[0].strip() != b"xref":
        raise ValueError(f"{source.name}: expected a classic cross-reference table")
    first, count = (int(v) for v in lines[1].split())
    entries = [line.split() for line in lines[2:2 + count]]
    if first != 0 or any(len(e) != 3 for e in entries):
        raise ValueError(f"{source.name}: unexpected cross-reference table")
    return start, table, [int(offset) for offset, _, kind in entries if kind == b"n"]


class Writing:
    """The finished PDF being written through buffers of its own, and the
    SHA-256 of what was written, so that it need not be read again to be
    listed in the manifest.

    The file is opened for direct I/O where the system allows it: the bytes
    go from the buffer to the disk, without a copy in the page cache. The
    editions of a full-size book are gigabytes, and written through the page
    cache (even by copy_file_range, which copies inside the kernel) every
    gigabyte costs system time to copy and the kernel's writeback after it;
    a direct write costs a fraction of that. Where direct I/O is refused (tmpfs, some network file systems), or a
    write's alignment is, the same bytes are written the ordinary way.

    A full buffer is hashed and written by two threads of the file's own
    while the next one is filled: reading the photos, hashing them and
    waiting for the disk overlap instead of following one another."""

    BLOCK = 4096  # direct writes are whole blocks from an aligned buffer; an anonymous mapping is page-aligned
    SIZE = 1 << 20  # each buffer; ten files are written at once in a cold build
    DEPTH = 3  # buffers per file: one being filled, the others being hashed and written

    def __init__(self, path: Path):
        self.digest = hashlib.sha256()
        self.buffers = [mmap.mmap(-1, self.SIZE) for _ in range(self.DEPTH)]
        self.views = [memoryview(buffer) for buffer in self.buffers]
        self.pending: list[tuple[Future, Future] | None] = [None] * self.DEPTH
        self.current = 0
        self.view = self.views[0]
        self.fill = 0  # bytes in the buffer being filled
        self.written = 0  # bytes handed on to be written
        self.on_disk = 0  # bytes in the file (the writing thread's)
        direct = getattr(os, "O_DIRECT", 0)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)
        try:
            self.fd = os.open(path, flags | direct, 0o644)
            self.direct = bool(direct)
        except OSError as exc:
            if exc.errno != errno.EINVAL:
                raise
            self.fd = os.open(path, flags, 0o644)
            self.direct = False
        self.hashing = ThreadPoolExecutor(1, thread_name_prefix="hash")
        self.writing = ThreadPoolExecutor(1, thread_name_prefix="write")

    def __enter__(self) -> Writing:
        return self

    def __exit__(self, kind, *exc) -> None:
        try:
            if kind is None:
                self.finish()
        finally:
            # The threads end before the file is closed: none may write to a closed (or reused) descriptor.
            self.hashing.shutdown(cancel_futures=True)
            self.writing.shutdown(cancel_futures=True)
            os.close(self.fd)
            self.pending = [None] * self.DEPTH
            try:
                self.view = None
                for view, buffer in zip(self.views, self.buffers, strict=True):
                    view.release()
                    buffer.close()
            except BufferError:
                pass  # a failed write's traceback still holds a slice; the mapping goes with it

    def tell(self) -> int:
        return self.written + self.fill

    def write(self, data: bytes) -> None:
        data = memoryview(data)
        while data:
            step = min(len(data), self.SIZE - self.fill)
            self.view[self.fill:self.fill + step] = data[:step]
            self.fill += step
            data = data[step:]
            if self.fill == self.SIZE:
                self.drain()

    def copy_file(self, path: Path) -> None:
        """Append the whole of ``path``, read straight into the buffer."""
        with open(path, "rb", buffering=0) as source:
            size, copied = os.fstat(source.fileno()).st_size, 0
            while True:
                if self.fill == self.SIZE:
                    self.drain()
                step = source.readinto(self.view[self.fill:])
                if not step:
                    break
                self.fill += step
                copied += step
        if copied != size:
            raise OSError(errno.EIO, f"{path.name}: changed while it was copied")

    def drain(self) -> None:
        """Hand the buffer's whole blocks on to be hashed and written, and go
        on in the next buffer, once it is free, with what is left of a block."""
        whole = self.fill - self.fill % self.BLOCK if self.direct else self.fill
        full = self.view
        self.pending[self.current] = (self.hashing.submit(self.digest.update, full[:whole]),
                                      self.writing.submit(self.put, full[:whole]))
        self.written += whole
        self.current = (self.current + 1) % self.DEPTH
        self.settle(self.current)
        self.view = self.views[self.current]
        rest = self.fill - whole
        self.view[:rest] = full[whole:self.fill]
        self.fill = rest

    def settle(self, number: int) -> None:
        """Wait until buffer ``number`` is hashed and written; raises what went wrong doing it."""
        if self.pending[number] is not None:
            for step in self.pending[number]:
                step.result()
            self.pending[number] = None

    def put(self, data: memoryview) -> None:
        """``data`` onto the end of the file (in the writing thread)."""
        done = 0
        while done < len(data):
            try:
                done += os.write(self.fd, data[done:])
            except OSError as exc:
                if exc.errno != errno.EINVAL or not self.direct:
                    raise
                self.buffered(self.on_disk + done)
        self.on_disk += len(data)

    def buffered(self, offset: int) -> None:
        """From ``offset`` on through the page cache (the file system refused a direct write)."""
        fcntl.fcntl(self.fd, fcntl.F_SETFL, fcntl.fcntl(self.fd, fcntl.F_GETFL) & ~os.O_DIRECT)
        os.lseek(self.fd, offset, os.SEEK_SET)
        self.direct = False

    def finish(self) -> None:
        """The last bytes, once all before them are written: a direct write
        padded to a whole block and the file cut back to its length."""
        for number in range(self.DEPTH):
            self.settle(number)
        self.digest.update(self.view[:self.fill])
        length = self.written + self.fill
        padded = -(-self.fill // self.BLOCK) * self.BLOCK if self.direct else self.fill
        self.view[self.fill:padded] = bytes(padded - self.fill)
        self.put(self.view[:padded])
        os.ftruncate(self.fd, length)  # the padding off again
        self.written, self.fill = length, 0


def splice_photos(source: Path, target: Path, photo) -> str:
    """Copy ``source`` to ``target``, each marked object written as its
    photo, ``photo(n)`` the prepared file of mark ``n`` (it may wait for the
    photo stage to make it: the photos are copied in the order the pages
    show them, which is the order they are prepared in); returns the
    SHA-256 of ``target``."""
    xref, table, offsets = read_xref(source)
    spans = sorted(offsets) + [xref]
    moved: dict[int, int] = {}
    with open(source, "rb") as src, Writing(target) as out:
        out.write(src.read(spans[0]))  # the header
        for begin, end in zip(spans, spans[1:], strict=False):
            chunk = src.read(end - begin)  # one object: small, the photos are not in it yet
            number = int(OBJECT_HEAD.match(chunk).group(1))
            moved[number] = out.tell()
            mark = MARKED.search(chunk, 0, chunk.find(b"stream")) if b"/BookPhoto" in chunk else None
            if mark is None:
                out.write(chunk)
                continue
            photo_file = photo(int(mark.group(1)))
            out.write(image_object(number, photo_file))
            out.copy_file(photo_file)
            out.write(b"\nendstream\nendobj\n")
        lines = table.split(b"\n")
        count = int(lines[1].split()[1])
        rows = [b"0000000000 65535 f "] + [f"{moved[n]:010d} 00000 n ".encode() if n in moved else b"0000000000 00000 f "
                                           for n in range(1, count)]
        trailer = b"\n".join(lines[2 + count:])
        trailer = trailer[:trailer.rindex(b"startxref")]
        new_xref = out.tell()
        out.write(b"xref\n0 %d\n" % count + b"\n".join(rows) + b"\n" + trailer + b"startxref\n%d\n%%%%EOF\n" % new_xref)
    return out.digest.hexdigest()
