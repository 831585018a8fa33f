"""Brace placeholders in source texts and translations (``{date}``, ``{credit}``)."""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{([^\W\d]\w*|)\}")  # any letters: {番号} is a placeholder too
PHOTO_PLACEHOLDERS = ("date", "year", "month_year", "place", "language")


def placeholders(text: str) -> list[str]:
    """The brace placeholders of a text, sorted.

    >>> placeholders("Ảnh: {credit}, {date}")
    ['credit', 'date']
    """
    return sorted(PLACEHOLDER.findall(text))


def fill(text: str, values: dict[str, str]) -> str:
    """Replace known placeholders; unknown ones stay visible (the catalog check reports them).

    >>> fill("Ảnh: {credit} {x}", {"credit": "Lê Minh"})
    'Ảnh: Lê Minh {x}'
    """
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
