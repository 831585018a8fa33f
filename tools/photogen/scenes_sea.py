"""Sea scenes: open sea, karst islands, beach, and the aerial view."""

from __future__ import annotations

import math

import numpy as np

from .canvas import Painter
from .colour import LEAF, scale
from .landscape import gulls, paint_karst, paint_ridge, paint_sky, paint_water, surf
from .people import random_person
from .plants import palm
from .port import ship_afloat
from .props import umbrella


def scene_sea(p: Painter) -> None:
    hz = p.h * p.uni(0.4, 0.55)
    paint_sky(p, hz, clouds=1.3)
    for _ in range(p.int(1, 3)):
        paint_karst(p, p.uni(0, 1) * p.w, hz, p.w * p.uni(0.05, 0.15), p.h * p.uni(0.02, 0.05),
                    0.75)
    paint_water(p, hz, (40, 96, 110), gloss=0.35, waves=2.0, rough=1.6)
    for _ in range(p.int(1, 3)):
        wl = hz + (p.h - hz) * p.uni(0.08, 0.5)
        x = p.uni(0.0, 0.8) * p.w
        length = p.w * (0.04 + (wl - hz) / p.h * 0.35)
        if not p.busy_ok(x + length / 2, wl):
            continue
        ship_afloat(p, x, length, wl, p.pick([-1, 1]), p.pick(["junk", "fishing", "fishing"]), reflect=0.3)
    gulls(p, hz)


def scene_island(p: Painter) -> None:
    hz = p.h * p.uni(0.5, 0.62)
    paint_sky(p, hz)
    for depth, count in ((0.8, p.int(2, 4)), (0.5, p.int(1, 3))):
        for _ in range(count):
            paint_karst(p, p.uni(-0.05, 1.05) * p.w, hz, p.w * p.uni(0.08, 0.2),
                        p.h * p.uni(0.08, 0.16) * (1.4 - depth), depth)
    with p.layer(reflect_at=hz, reflect=0.6):
        big = p.uni(0.1, 0.35) * p.w if p.calm else p.pick([0.15, 0.85]) * p.w
        paint_karst(p, big, hz, p.w * p.uni(0.25, 0.4), p.h * p.uni(0.25, 0.38), 0.1)
    paint_water(p, hz, (40, 104, 96), gloss=0.55)
    if p.chance(0.6):  # a floating fishing village
        wl = hz + (p.h - hz) * 0.12
        x = p.uni(0.1, 0.5) * p.w
        with p.layer(reflect_at=wl, reflect=0.5):
            for k in range(p.int(3, 7)):
                hx = x + k * p.u * 3.2
                hw, hh = p.u * 2.6, p.u * 1.8
                p.rect(hx, wl - hh, hx + hw, wl, p.lit(p.pick([(60, 130, 170), (220, 220, 210),
                                                                 (200, 90, 60)]), 0.85, 0.2))
                p.poly([(hx - hw * 0.1, wl - hh), (hx + hw * 1.1, wl - hh),
                        (hx + hw * 0.5, wl - hh * 1.6)], p.lit((120, 70, 50), 0.8, 0.2))
    wl = hz + (p.h - hz) * p.uni(0.3, 0.55)
    x = p.uni(0.05, 0.45) * p.w
    ship_afloat(p, x, p.w * 0.18, wl, p.pick([-1, 1]), "junk")


def scene_beach(p: Painter) -> None:
    hz = p.h * p.uni(0.36, 0.46)
    paint_sky(p, hz)
    side = p.pick([-1, 1])
    paint_ridge(p, hz, p.h * p.uni(0.08, 0.14), (70, 110, 80), 0.55,
                x0=0.0 if side < 0 else 0.55, x1=0.45 if side < 0 else 1.0, humps=2, texture=0.5)
    shore = hz + (p.h - hz) * p.uni(0.3, 0.42)
    paint_water(p, hz, (48, 128, 130), gloss=0.35, waves=1.5)
    # wet sand, dry sand
    p.rect(0, shore, p.w, p.h, p.lit((214, 196, 160), 0.9))
    p.haze_band(shore, shore + p.h * 0.06, 0.0)
    p.rect(0, shore, p.w, shore + p.h * 0.03, p.lit((170, 158, 132), 0.8))
    surf(p, shore, shore - hz)
    with p.layer():
        for _ in range(int(p.w * p.h / (p.u * p.u) * 0.08)):
            x, y = p.uni(0, p.w), p.uni(shore + p.h * 0.03, p.h)
            c = p.lit(p.jitter((200, 180, 144), 20), 0.8)
            p.ellipse(x, y, p.u * 0.15, p.u * 0.08, c + (90,))
    px = p.w * (0.1 if p.calm else p.pick([0.08, 0.92]))
    for k in range(p.int(1, 3)):
        palm(p, px + k * p.u * 6, p.h * p.uni(0.82, 0.95), p.h * p.uni(0.45, 0.6),
             p.uni(-1, 1))
    for x, y in p.spots(p.int(2, 6), 0.15, 0.9, shore + p.h * 0.06, p.h * 0.85):
        umbrella(p, x, y, p.u * (2 + (y - shore) / p.h * 12))
    for x, y in p.spots(p.int(3, 8), 0.05, 0.95, shore + p.h * 0.02, p.h * 0.8):
        random_person(p, x, y, p.u * (3 + (y - shore) / p.h * 18), 0.1, hats=0.1)


def scene_aerial(p: Painter) -> None:
    """Looking straight down on a district: streets, roofs, trees, a river."""
    p.rect(0, 0, p.w, p.h, p.lit((120, 130, 104), 0.9))
    ang = p.uni(-0.5, 0.5)
    ca, sa = math.cos(ang), math.sin(ang)
    cx, cy = p.w / 2, p.h / 2

    def T(u: float, v: float) -> tuple[float, float]:
        return (cx + u * ca - v * sa, cy + u * sa + v * ca)

    reach = math.hypot(p.w, p.h) * 0.6
    block, street = p.u * p.uni(9, 14), p.u * p.uni(1.6, 2.4)
    roofs = [(180, 90, 60), (160, 64, 50), (172, 172, 166), (70, 110, 150), (226, 226, 220),
             (196, 120, 80), (140, 140, 136)]
    shadow = (p.u * 0.6, p.u * 0.5)
    road = p.lit((96, 96, 98), 0.9)
    p.rect(0, 0, p.w, p.h, road)
    for bu in np.arange(-reach, reach, block + street):
        for bv in np.arange(-reach, reach, block + street):
            corners = [T(bu, bv), T(bu + block, bv), T(bu + block, bv + block), T(bu, bv + block)]
            p.poly(corners, p.lit((150, 150, 140), 0.9))
            if p.chance(0.12):  # a park
                p.poly(corners, p.lit((90, 130, 70), 0.9))
                for _ in range(12):
                    u, v = bu + p.uni(0.1, 0.9) * block, bv + p.uni(0.1, 0.9) * block
                    x, y = T(u, v)
                    r = p.u * p.uni(0.8, 1.6)
                    p.ellipse(x + shadow[0], y + shadow[1], r, r, p.lit((40, 56, 36), 0.3))
                    p.ellipse(x, y, r, r, p.lit(p.pick(LEAF), 0.9))
                continue
            n = p.int(2, 4)
            lot = block / n
            for i in range(n):
                for j in range(n):
                    u0 = bu + i * lot + lot * 0.08
                    v0 = bv + j * lot + lot * 0.08
                    u1, v1 = u0 + lot * p.uni(0.7, 0.84), v0 + lot * p.uni(0.7, 0.84)
                    pts = [T(u0, v0), T(u1, v0), T(u1, v1), T(u0, v1)]
                    p.poly([(x + shadow[0], y + shadow[1]) for x, y in pts],
                           p.lit((60, 60, 60), 0.2))
                    c = p.lit(p.jitter(p.pick(roofs), 10), 0.9)
                    p.poly(pts, c)
                    mu, mv = (u0 + u1) / 2, (v0 + v1) / 2
                    p.line([T(u0, mv), T(u1, mv)], scale(c, 0.85), 1)
                    del mu
            if p.chance(0.5):
                x, y = T(bu + block * p.uni(0, 1), bv + block + street * 0.5)
                p.rect(x - p.u * 0.4, y - p.u * 0.25, x + p.u * 0.4, y + p.u * 0.25,
                       p.pick([(220, 220, 216), (200, 40, 40), (40, 40, 44)]))
    # a river curving across, with soft banks
    pts_a, pts_b = [], []
    v0, amp, wid = p.uni(-0.2, 0.2) * p.h, p.h * p.uni(0.05, 0.15), p.h * p.uni(0.1, 0.16)
    for u in np.linspace(-reach, reach, 60):
        v = v0 + amp * math.sin(u / p.w * 4 + 1.3)
        pts_a.append(T(u, v))
        pts_b.append(T(u, v + wid))
    p.poly(pts_a + pts_b[::-1], p.lit((112, 116, 92), 0.9))
    p.line(pts_a, p.lit((90, 120, 70), 0.8), p.u * 0.8)
    p.line(pts_b, p.lit((90, 120, 70), 0.8), p.u * 0.8)
    for _ in range(p.int(1, 4)):
        u = p.uni(-0.8, 0.8) * p.w * 0.5
        v = v0 + amp * math.sin(u / p.w * 4 + 1.3) + wid * p.uni(0.3, 0.7)
        x, y = T(u, v)
        p.ellipse(x, y, p.u * 1.8, p.u * 0.5, p.lit((220, 220, 214), 0.9))
    bu = p.uni(-0.3, 0.3) * p.w
    p.poly([T(bu, v0 - wid), T(bu + street, v0 - wid), T(bu + street, v0 + wid * 2 + amp),
            T(bu, v0 + wid * 2 + amp)], p.lit((190, 186, 176), 0.9))
    if p.calm is not None:  # a tree-lined lake keeps the caption corner quiet
        rx, ry = (1 - p.calm[0]) * p.w * 1.45, (1 - p.calm[1]) * p.h * 1.5
        p.ellipse(p.w * 1.02, p.h * 1.02, rx + p.u * 2.5, ry + p.u * 2.5, p.lit((80, 120, 64), 0.9))
        for k in range(40):
            ang = math.pi + k * (math.pi / 2) / 39
            x, y = p.w * 1.02 + math.cos(ang) * (rx + p.u * 1.2), p.h * 1.02 + math.sin(ang) * (ry + p.u * 1.2)
            p.ellipse(x, y, p.u * 1.1, p.u * 1.1, p.lit(p.pick(LEAF), 0.9))
        p.ellipse(p.w * 1.02, p.h * 1.02, rx, ry, p.lit((92, 118, 110), 0.9))
