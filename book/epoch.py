"""SOURCE_DATE_EPOCH, read by one rule for every date the build writes (the
PDFs' dates, the catalogs' PO-Revision-Date): a whole, non-negative number of
seconds since 1970, as reproducible-builds.org defines it."""

from __future__ import annotations

import datetime
import os

from book.errors import BookError


def source_epoch() -> datetime.datetime | None:
    """The moment SOURCE_DATE_EPOCH names (UTC), or None when it is unset.

    >>> os.environ["SOURCE_DATE_EPOCH"] = "1747094400"; source_epoch().isoformat()
    '2025-05-13T00:00:00+00:00'
    >>> os.environ["SOURCE_DATE_EPOCH"] = "-5"; source_epoch()
    Traceback (most recent call last):
    book.errors.BookError: SOURCE_DATE_EPOCH=-5: not a whole number of seconds since 1970; set it to one (e.g. $(git log -1 --format=%ct)) or unset it
    >>> del os.environ["SOURCE_DATE_EPOCH"]; source_epoch() is None
    True
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    try:
        if not epoch.isdigit():  # "-5" parses as a number, and dates the PDFs 1969
            raise ValueError(epoch)
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    except (ValueError, OverflowError, OSError):
        raise BookError(f"SOURCE_DATE_EPOCH={epoch}: not a whole number of seconds since 1970; "
                        "set it to one (e.g. $(git log -1 --format=%ct)) or unset it") from None
