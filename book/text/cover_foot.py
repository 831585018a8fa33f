"""The front cover's foot: on the ground's calm zone under the photo
(`book.pages.cover_plan`), the publisher's line, as a commemorative book
signs its front, in tracked capitals (FOOT_STYLE): the body that publishes
it and, on a line under it, the publishing house (a Vietnamese book names its
NXB on the front; the eleventh vi proof asked for it), at a size that reads
on a 240 mm board (9 pt: the ko proof found 7.5 pt too small);
its last baseline on the grid's foot line, at the title's left edge. A
calm band with nothing on it reads as a mistake; a cover without the calm
zone (the photo down to the foot) has no foot line. A name too long for
the zone is left off, with a warning saying what to shorten."""

from __future__ import annotations

from book.model import MM
from book.text.setting import Placement
from book.text.typeset import Part, set_block

FOOT_STYLE = "cover-foot"  # tracked capitals (sans bold, 9 pt)
FOOT_NAMES = 2  # the publisher and the house
FOOT_GAP = 4.0  # mm at the least between the photo's foot and the foot line's capitals


def foot_text(texts: dict[str, str]) -> str:
    """The front's foot lines: the publisher and the publishing house (the
    first two lines of ``publishers``), one a line, in capitals where the script has them.

    >>> foot_text({"publishers": "Sở Thông tin và Truyền thông\\nNhà xuất bản\\nthird"})
    'SỞ THÔNG TIN VÀ TRUYỀN THÔNG\\nNHÀ XUẤT BẢN'
    >>> foot_text({"publishers": "ハイフォン市情報通信局"})
    'ハイフォン市情報通信局'
    """
    names = [line.strip().upper() for line in texts["publishers"].split("\n") if line.strip()]
    return "\n".join(names[:FOOT_NAMES])


def set_front_foot(setter, cover, texts: dict[str, str]) -> None:
    """The publisher's line on the front's calm zone into ``cover.placements``."""
    plan, text = cover.plan, foot_text(texts)
    if not text or plan.calm >= setter.g.panel[1] or plan.foot <= plan.calm:
        return
    style = setter.book.style(FOOT_STYLE, setter.lang)
    x, _, width, _ = plan.front
    block = set_block(setter.fonts, [Part(text, style)], setter.lang, width, plan.foot - plan.calm)
    room = plan.foot - plan.calm - FOOT_GAP
    lines = block.lines
    if not lines or len(lines) > text.count("\n") + 2 or not block.fits or block.wide or (lines[0].size + (len(lines) - 1) * lines[0].leading) / MM > room:
        where = setter.where(setter.book.publisher)
        setter.out.warn("cover-foot", where, f"{setter.lang}: the publisher '{text}' does not fit the front's foot "
                        f"({width:.0f} × {room:.0f} mm under the photo at the {setter.trim}) a line a name; "
                        "the front's foot is left without it (give the publisher a shorter form)")
        return
    top = plan.foot - sum(line.gap + (line.leading if i else line.size) for i, line in enumerate(lines)) / MM
    cover.placements.append(Placement(x, top, lines))
