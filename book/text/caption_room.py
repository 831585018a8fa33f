"""Which variants of a page's layout hold its captions, in every edition.

A layout's variants differ in where a caption stands and how much room it
has: under its picture, a caption gets the two rows down to the foot margin;
beside it, the picture's height. At the sample's own trim every variant
holds the sample's captions. At a square 210 mm trim two rows hold five
lines of caption, and a caption of seven overflows wherever the pagination
took that variant for the rhythm's sake (`book.pages.shapes.choose`), though
the family has a variant with the caption beside its picture.

So the shared measures (`book.gather.measure_shared`) set each caption of
the first pagination in the caption frame of the same name in every
variant of its page's family, and name the variants its text overflows in
one edition or more: a ``needs`` key of `book.pages.shapes.ROOM`, the photo
and the variant.
The final pagination (`book.pages.paginate`) takes none of those where
another variant of the family fits; where none does, the build reports the
overflow as before. The keys travel with the measures' memo
(`book.measures`), so a rebuild after a catalog edit measures only the
edited edition again.
"""

from __future__ import annotations

from book.model import Book
from book.pages.shapes import ROOM, family
from book.text.captions import caption_in_frame


def room_key(pid: str, variant: str) -> str:
    """The ``needs`` key naming a variant whose caption frame ``pid``'s caption overflows.

    >>> room_key("p003", "photo-caption")
    'caption-room:p003:photo-caption'
    >>> from book.pages.shapes import cramped_of
    >>> sorted(cramped_of({room_key("p003", "photo-caption"): 1}))
    [('p003', 'photo-caption')]
    """
    return f"{ROOM}{pid}:{variant}"


def holds(fonts, parts, lang: str, width: float, height: float) -> bool:
    """Whether a caption of ``parts`` fits a caption frame of ``width`` × ``height`` mm, set as the
    edition's setter sets it (`book.text.setting.Setter.set_frame`: its type's top on the frame's edge)."""
    return caption_in_frame(fonts, parts, lang, width, height)[0].fits


def cramped_variants(book: Book, fonts, words) -> dict[str, int]:
    """The `room_key` of each variant of a page's family whose caption frame one of the
    page's captions in this edition (``words``, set from the first pagination) overflows."""
    found: dict[str, int] = {}
    for item in words.frames:
        frame = item.placed.frame
        ctx = item.messages[0].ctx if item.messages else ""
        if frame.kind != "caption" or frame.panel or not ctx.startswith("photo:"):
            continue
        asked = book.layouts.get(item.page.asked or item.page.layout.name)
        if asked is None or not asked.variants:
            continue
        pid, tried = ctx.split(":")[1], {}
        for member in family(book.layouts, asked):
            other = member.frames.get(frame.name)
            if other is None or other.kind != "caption" or other.panel:
                continue
            size = (round(other.w, 3), round(other.h, 3))
            if size not in tried:
                tried[size] = holds(fonts, item.parts, words.lang, other.w, other.h)
            if not tried[size]:
                found[room_key(pid, member.name)] = 1
    return found
