"""What the press profile must be, read from its ICC header: a whole file
of an output (printer) profile for CMYK, and the same bytes from the same
recipe on any machine at any time.

colprof stamps the moment it ran into the header's creation date. That
date travels into every PDF's output intent and into every prepared
photo's cache key, so two machines (or one machine before and after its
cache was emptied) would make different PDFs from the same book.
`normalised` sets it to `PROFILE_DATE`: a built profile depends on its
characterisation, its recipe and ArgyllCMS's version, never on the hour."""

from __future__ import annotations

import struct

HEADER = 128
PROFILE_DATE = (2000, 1, 1, 0, 0, 0)  # year, month, day, hour, minute, second (UTC)
CLASSES = {b"scnr": "input", b"mntr": "display", b"prtr": "output", b"link": "device link", b"spac": "colour space",
           b"abst": "abstract", b"nmcl": "named colour"}


def normalised(data: bytes) -> bytes:
    """``data`` with the header's creation date set to `PROFILE_DATE`.

    >>> normalised(bytes(128))[24:36] == struct.pack(">6H", 2000, 1, 1, 0, 0, 0)
    True
    """
    if len(data) < HEADER:
        return data
    return data[:24] + struct.pack(">6H", *PROFILE_DATE) + data[36:]


def output_problem(data: bytes) -> str | None:
    """Why ``data`` is not a whole ICC output profile for CMYK, or None.

    >>> output_problem(b"")
    'it is empty'
    >>> output_problem(b"garbage" * 40)
    'it is not an ICC profile'
    """
    if not data:
        return "it is empty"
    if len(data) < HEADER + 4 or data[36:40] != b"acsp":
        return "it is not an ICC profile"
    size = struct.unpack(">I", data[:4])[0]
    if size != len(data):
        return f"it is cut short or padded: its header says {size:,} bytes, the file has {len(data):,}"
    kind, space = CLASSES.get(data[12:16], "unknown"), data[16:20].decode("latin-1").strip()
    if kind != "output" or space != "CMYK":
        return f"it is {'an' if kind[0] in 'aeiou' else 'a'} {kind} profile for {space or 'no colour space'}, not a CMYK printer profile"
    count = struct.unpack(">I", data[HEADER:HEADER + 4])[0]
    if HEADER + 4 + 12 * count > len(data):
        return "its tag table runs past its end"
    for index in range(count):
        _, offset, length = struct.unpack(">4sII", data[HEADER + 4 + 12 * index:HEADER + 16 + 12 * index])
        if offset + length > len(data):
            return "a tag runs past its end"
    return None
