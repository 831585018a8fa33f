"""Whether the edition's fonts have every character its words use."""

from __future__ import annotations

from book.errors import Problems
from book.model import Book
from book.text.fonts import EditionFonts
from book.text.frames import EditionWords, texts_by_role

FIX = "add a face that covers it in fonts/fonts.yaml or change the text"


def describe_chars(chars: list[str]) -> str:
    """The characters as a reader can find them in a font tool.

    >>> describe_chars(["ä"])
    "'ä' U+00E4"
    """
    return ", ".join(f"'{c}' U+{ord(c):04X}" for c in chars)


def check_glyphs(book: Book, fonts: EditionFonts, words: EditionWords, where, out: Problems) -> bool:
    """Report each character no face of its role has; False when any is missing."""
    ok = True
    covered: set[tuple[str, str]] = set()
    for item in words.frames:
        for part in item.parts:
            covered.add((part.style.font, part.text))
            bad = fonts.missing(part.text, part.style.font)
            if bad:
                ok = False
                ctx = item.messages[0].ctx
                out.error("missing-glyph", where(item.messages[0]), f"{words.lang}: no font has {describe_chars(bad)} ({ctx}); {FIX}")
    for role, texts in sorted(texts_by_role(book, words).items()):
        for text in sorted(texts):
            bad = fonts.missing(text, role) if (role, text) not in covered else []
            if bad:
                ok = False
                out.error("missing-glyph", None, f"{words.lang}: no font has {describe_chars(bad)} in the generated text '{text[:40]}'; {FIX}")
    return ok
