"""A chapter title's structure on its opener: a title with a subtitle (its
head, a dash, then the rest: ja 「港湾――ベトナム北部の交易の玄関口」) is set
as two parts, the head in the ``chapter-title`` style and
the rest on a line of its own in the lighter, smaller ``chapter-subtitle``
style, so the opener shows the hierarchy the contents and the running heads
show with their dash. A dash ends the head's line and is dropped there (the
break carries the pause, as on the title page). A colon does not part a title:
"The Future: A Green, Modern Port City" is one title, as the contents list it
(the tenth vi, en and ko proofs circled p53's bold head over a regular line as
the one opener unlike the other five). The same rule in every edition, read
from the title, never set page by page."""

from __future__ import annotations

from book.text.linebreak import DASHES

TITLE_STYLE = "chapter-title"
SUBTITLE_STYLE = "chapter-subtitle"


def split_subtitle(title: str) -> tuple[str, str]:
    """``title``'s head and its subtitle, or (title, '') for a title without one:
    parted at its first dash run (dropped).

    >>> split_subtitle("港湾――ベトナム北部の交易の玄関口")
    ('港湾', 'ベトナム北部の交易の玄関口')
    >>> split_subtitle("The Future: A Green, Modern Port City")
    ('The Future: A Green, Modern Port City', '')
    >>> split_subtitle("未来：绿色现代的港口城市"), split_subtitle("Hải Phòng hôm nay")
    (('未来：绿色现代的港口城市', ''), ('Hải Phòng hôm nay', ''))
    >>> split_subtitle("1955 – 1975"), split_subtitle("Biển, đảo: ")
    (('1955 – 1975', ''), ('Biển, đảo: ', ''))
    """
    for index, ch in enumerate(title):
        head, rest = title[:index].strip(), title[index + 1:]
        if ch in DASHES and head and not head[-1].isdigit():
            rest = rest.lstrip("".join(DASHES)).strip()
            return (head, rest) if rest else (title, "")
    return title, ""
