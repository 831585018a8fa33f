"""Where each glyph of a run goes: widths measured from HarfBuzz-shaped glyphs,
so Latin and Vietnamese pairs such as "Ta" or "Vo" are kerned; a run of
dashes ("——") drawn as one continuous rule. A run comes back as segments,
each drawn at its own offset, so the PDF positions the glyphs and pdftotext
still reads the text in order."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics

from book.text.linebreak import DASHES

DASH_OVERLAP = 0.02  # em by which joined dashes overlap, so no hairline gap shows


@dataclass(frozen=True)
class Layout:
    """A run at 1 pt: its width and its segments (offset, text)."""

    width: float
    segments: tuple[tuple[float, str], ...]


@cache
def hb_font(path: str, index: int) -> hb.Font:
    return hb.Font(hb.Face(hb.Blob.from_file_path(path), index))


@cache
def layout_run(path: str, index: int, rl_name: str, text: str) -> Layout:
    """Shape ``text`` with the font at ``path``; each change from reportlab's own
    advance (a kern, a dash join) starts a new segment."""
    font = hb_font(path, index)
    upem = font.face.upem
    buffer = hb.Buffer()
    buffer.add_codepoints([ord(ch) for ch in text])
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {"kern": True, "liga": False, "clig": False})
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    plain = [pdfmetrics.stringWidth(ch, rl_name, 1) for ch in text]
    if len(infos) != len(text) or any(info.cluster != i for i, info in enumerate(infos)):
        return Layout(sum(plain), ((0.0, text),))  # reordered or merged glyphs: draw unshaped
    advances = [pos.x_advance / upem for pos in positions]
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a in DASHES and b == a:
            left = font.get_glyph_extents(infos[i].codepoint)
            right = font.get_glyph_extents(infos[i + 1].codepoint)
            if left and right:
                gap = (advances[i] * upem - left.x_bearing - left.width) + right.x_bearing
                advances[i] -= gap / upem + DASH_OVERLAP
    segments: list[tuple[float, str]] = []
    x, start, seg_x = 0.0, 0, 0.0
    for i in range(len(text)):
        x += advances[i]
        if abs(advances[i] - plain[i]) > 1e-4 and i < len(text) - 1:
            segments.append((seg_x, text[start:i + 1]))
            start, seg_x = i + 1, x
    segments.append((seg_x, text[start:]))
    return Layout(x, tuple(segments))


def layout(fonts, text: str, rl_name: str) -> Layout:
    """The run ``text`` in the registered font ``rl_name``, at 1 pt."""
    path, index = fonts.files.get(rl_name, (None, 0))
    if path is None:
        return Layout(pdfmetrics.stringWidth(text, rl_name, 1), ((0.0, text),))
    return layout_run(path, index, rl_name, text)
