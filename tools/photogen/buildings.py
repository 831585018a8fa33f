"""Buildings: blocks, skylines, shophouses and curved temple roofs."""

from __future__ import annotations

import numpy as np

from .canvas import Painter
from .colour import GLASS, ROOF_TILES, SIGNS, WALLS, Colour, mix, scale


def building(p: Painter, x0: float, x1: float, base: float, top: float, colour: Colour,
             depth: float = 0.0, glass: bool = False, lit_windows: float = 0.0,
             roof: bool = False) -> None:
    """A block with a shaded side, parapet and a grid of windows."""
    L = p.light
    wdt = x1 - x0
    p.rect(x0, top, x1, base, p.lit(colour, 0.75, depth))
    side = -1 if (x0 + x1) / 2 > p.w / 2 else 1  # we see the side facing the centre
    sw = wdt * 0.16
    sx = x1 - sw if side > 0 else x0
    facing = 0.95 if p.sun_side((x0 + x1) / 2) == side else 0.0
    p.rect(sx, top, sx + sw, base, p.lit(scale(colour, 0.92), facing, depth))
    p.rect(x0, top, x1, top + max(1, p.u * 0.25), p.lit(scale(colour, 1.1), 1.0, depth))
    if roof:
        p.poly([(x0 - wdt * 0.04, top), (x1 + wdt * 0.04, top), ((x0 + x1) / 2, top - wdt * 0.3)],
               p.lit(p.pick(ROOF_TILES), 0.7, depth))
    floor = p.u * (1.1 - 0.5 * depth)
    if floor < 2.2:  # too far for windows: faint floor bands instead
        for y in np.arange(top + floor, base, floor * 1.5):
            p.line([(x0, y), (x1, y)], p.lit(scale(colour, 0.8), 0.5, depth), 1)
        return
    win_w, gap = floor * 0.45, floor * 0.8
    cols = max(1, int((wdt - gap * 0.5) / gap))
    off = x0 + (wdt - cols * gap) / 2 + (gap - win_w) / 2
    sky_col = mix(L.zenith, L.horizon, 0.5)
    for r in range(int((base - top - floor * 0.8) / floor)):
        y = top + floor * (0.7 + r)
        for c in range(cols):
            x = off + c * gap
            if lit_windows and p.chance(lit_windows):
                col = p.pick([(255, 214, 140), (255, 236, 190), (250, 190, 110)])
            elif glass:
                col = p.lit(mix(p.pick(GLASS), sky_col, p.uni(0.1, 0.5)), 0.8, depth)
            else:
                col = p.lit(p.jitter((60, 70, 76), 10), 0.6, depth)
                if L.dark:
                    col = scale(col, 0.5)
            p.rect(x, y, x + win_w, y + floor * 0.55, col)


def skyline(p: Painter, base: float, x0: float, x1: float, low: float, high: float,
            depth: float, lit_windows: float = 0.0, towers: float = 0.3,
            palette: list[Colour] | None = None) -> list[tuple[float, float, float]]:
    """A row of buildings between x0 and x1 (pixels); returns their boxes."""
    boxes = []
    x = x0 - p.u * p.uni(0, 4)
    while x < x1:
        tower = p.chance(towers)
        bw = p.u * p.uni(4, 10) * (0.7 if tower else 1.0) * (1 - 0.4 * depth)
        bh = p.uni(low, high) * (1.6 if tower else 1.0)
        colour = p.pick(GLASS) if tower and p.chance(0.6) else p.pick(palette or WALLS)
        building(p, x, x + bw, base, base - bh, colour, depth, glass=tower,
                 lit_windows=lit_windows)
        if tower and p.chance(0.3):  # rooftop mast
            p.line([(x + bw / 2, base - bh), (x + bw / 2, base - bh - p.u * 2)],
                   p.lit((90, 90, 90), 0.5, depth), max(1, p.u * 0.2))
        boxes.append((x, x + bw, base - bh))
        x += bw * p.uni(0.75, 1.05)
    return boxes


def shophouse(p: Painter, x0: float, x1: float, base: float, floors: int, fh: float,
              colour: Colour, depth: float = 0.0) -> None:
    """An old shophouse front: shuttered windows, balconies, a shop below."""
    top = base - floors * fh
    wall = p.lit(colour, 0.8, depth)
    wdt = x1 - x0
    p.rect(x0, top, x1, base, wall)
    p.rect(x0 - wdt * 0.02, top - fh * 0.22, x1 + wdt * 0.02, top,
           p.lit(scale(colour, 1.05), 0.95, depth))
    if p.chance(0.4):
        p.poly([(x0, top - fh * 0.22), (x1, top - fh * 0.22), (x1 - wdt * 0.1, top - fh * 0.6),
                (x0 + wdt * 0.1, top - fh * 0.6)], p.lit(p.pick(ROOF_TILES), 0.7, depth))
    shutter = p.lit(p.pick([(60, 110, 80), (50, 90, 110), (120, 80, 50), (70, 120, 100)]),
                    0.7, depth)
    dark = p.lit((50, 48, 46), 0.4, depth)
    for k in range(1, floors):
        y = base - (k + 1) * fh
        for wx in (x0 + wdt * 0.28, x0 + wdt * 0.72):
            ww = wdt * 0.11
            p.rect(wx - ww, y + fh * 0.2, wx + ww, y + fh * 0.85, dark)
            if p.chance(0.7):  # open shutters on either side
                p.rect(wx - ww * 2, y + fh * 0.2, wx - ww, y + fh * 0.85, shutter)
                p.rect(wx + ww, y + fh * 0.2, wx + ww * 2, y + fh * 0.85, shutter)
        rail = p.lit((230, 226, 216), 0.8, depth)
        p.line([(x0 + wdt * 0.05, y + fh * 0.62), (x1 - wdt * 0.05, y + fh * 0.62)], rail,
               max(1, fh * 0.04))
        for bx in np.linspace(x0 + wdt * 0.05, x1 - wdt * 0.05, 12):
            p.line([(bx, y + fh * 0.62), (bx, y + fh * 0.98)], rail, 1)
        p.rect(x0, y + fh, x1, y + fh * 1.06, p.lit(scale(colour, 0.8), 0.3, depth))
    p.rect(x0 + wdt * 0.06, base - fh * 0.8, x1 - wdt * 0.06, base, dark)
    sign = p.lit(p.pick(SIGNS), 0.9, depth)
    p.rect(x0 + wdt * 0.06, base - fh * 0.98, x1 - wdt * 0.06, base - fh * 0.8, sign)
    for k in range(p.int(2, 4)):  # a few letters on the sign, too small to read
        lx = x0 + wdt * (0.14 + k * 0.2)
        p.rect(lx, base - fh * 0.93, lx + wdt * 0.12, base - fh * 0.86, p.lit((245, 240, 220), 0.9))


def curved_roof(p: Painter, cx: float, eave: float, half: float, rise: float) -> None:
    tile = p.lit((146, 74, 52), 0.75)
    dark = p.lit((96, 50, 36), 0.4)
    n = 40
    xs = np.linspace(-1.0, 1.0, n)
    lift = np.clip(np.abs(xs) - 0.65, 0, None) ** 2 * 6.0  # upturned corners (đao)
    bottom = [(cx + x * half, eave - v * rise * 0.5) for x, v in zip(xs, lift, strict=True)]
    top = [(cx + x * half * 0.7, eave - rise) for x in xs[::-1]]
    p.poly(bottom + top, tile)
    for x in np.linspace(-0.95, 0.95, 30):  # tile rows running down the slope
        y0 = eave - max(0.0, abs(x) - 0.65) ** 2 * 6.0 * rise * 0.5
        p.line([(cx + x * half * 0.7, eave - rise), (cx + x * half, y0)], dark, 1)
    p.line(bottom, dark, max(1, rise * 0.06))
    ridge = eave - rise
    p.rect(cx - half * 0.72, ridge - rise * 0.1, cx + half * 0.72, ridge + rise * 0.02, dark)
    for s in (-1, 1):  # curling dragon ends of the ridge
        ex = cx + s * half * 0.72
        p.line([(ex, ridge - rise * 0.05), (ex + s * rise * 0.15, ridge - rise * 0.3),
                (ex + s * rise * 0.05, ridge - rise * 0.4)], dark, max(1, rise * 0.05))
    p.ellipse(cx, ridge - rise * 0.2, rise * 0.1, rise * 0.1, p.lit((200, 150, 60), 0.9))
