"""The sample texts `book init` writes (book/defaults/placeholder-texts.yaml)
still in a book: each is a warning for `book check` and every build, and a
book that declares itself final (imprint.final) is refused for the press
(`book.outputs.base.FINAL_REFUSES`). The labels ("Chapter {number}",
"Photo: {credit}") and the credits' heading are real words a book keeps,
not samples to replace."""

from __future__ import annotations

import re
from functools import lru_cache

from book.errors import Problems
from book.languages import nfc
from book.model import Book
from book.scaffold_texts import TEXTS

KEPT = frozenset({"labels", "credits_heading"})  # words a book may keep as they are
FILLED = {"n": r"\d+", "file": r"\S+"}  # what `book init` fills a sample's fields with
SHOWN = 40  # characters of a sample quoted in the warning


def plain(text: str) -> str:
    """``text`` as compared: NFC, its white space one space (YAML folds lines)."""
    return " ".join(nfc(text).split())


@lru_cache(maxsize=1)
def patterns() -> tuple[re.Pattern, ...]:
    """One pattern per sample text of every language, its fields ({n}, {file}) open."""
    found = []
    for texts in TEXTS.values():
        for key, text in texts.items():
            if key in KEPT or not isinstance(text, str):
                continue
            parts = re.split(r"\{(\w+)\}", plain(text))
            found.append(re.compile("".join(FILLED.get(part, re.escape("{" + part + "}")) if odd else re.escape(part)
                                            for odd, part in ((i % 2, p) for i, p in enumerate(parts)))))
    return tuple(found)


def is_sample(text: str) -> bool:
    """Whether ``text`` is still one of `book init`'s samples.

    >>> is_sample("Caption of photo 3: what it shows, where and when. Replace content/photos/p03.jpg with a real photo "
    ...           "and write its caption here.")
    True
    >>> is_sample("Tên tác giả"), is_sample("Nguyễn Văn A"), is_sample("Ảnh trong sách")
    (True, False, False)
    """
    text = plain(text)
    return bool(text) and any(pattern.fullmatch(text) for pattern in patterns())


def check_samples(book: Book, out: Problems) -> None:
    """A warning (code ``placeholder-text``) at each source text still a sample of `book init`."""
    seen = set()
    for message in book.messages():
        if message.ctx in seen or not is_sample(message.text):
            continue
        seen.add(message.ctx)
        text = plain(message.text)
        shown = text if len(text) <= SHOWN else text[:SHOWN - 1] + "…"
        key = f"{message.where.key}: " if message.where.key else ""
        out.warn("placeholder-text", message.where,
                 f"{key}still book init's sample text (\"{shown}\"); write the book's own before printing")
