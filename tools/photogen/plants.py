"""Trees, branches, leaves and flowers."""

from __future__ import annotations

import math

import numpy as np

from .canvas import Painter
from .colour import BLOSSOM, LEAF, Colour, scale


def flame_tree(p: Painter, x: float, base: float, height: float, bloom: float = 0.8,
               depth: float = 0.0) -> None:
    """Phượng vĩ, the red flamboyant tree of Hải Phòng: a short trunk that
    forks into a broad, flat umbrella of feathery leaves and red blossom."""
    trunk = p.lit((92, 72, 58), 0.6, depth)
    fork = base - height * 0.42
    tw = height * 0.035
    p.poly([(x - tw, base), (x + tw, base), (x + tw * 0.6, fork), (x - tw * 0.6, fork)], trunk)
    cy, rx, ry = base - height * 0.74, height * 0.72, height * 0.24
    for k in range(5):
        ang = -0.9 + k * 0.45 + p.uni(-0.1, 0.1)
        ex = x + math.sin(ang) * rx * 0.85
        p.line([(x, fork), (x + (ex - x) * 0.5, fork - height * 0.15), (ex, cy + ry * 0.2)],
               trunk, tw * 0.7)
    sun = p.sun_side(x)
    # Leaf mass: darker underneath, lighter where the sun strikes the top.
    n = int(min(260, 30 + height / p.u * 6))
    for a, b in p.in_disc(n, 0.8):
        r = height * p.uni(0.035, 0.07)
        p.ellipse(x + a * rx, cy + b * ry, r, r * 0.55,
                  p.lit(p.pick(LEAF), 0.45 + 0.3 * a * sun - 0.45 * b, depth))
    # Blossom grows in clusters of small flowers, mostly on top of the crown.
    dot = max(0.6, height * 0.009)
    for a, b in p.in_disc(int(n * 0.9 * bloom), 0.6):
        ccx, ccy = x + a * rx, cy + b * ry
        face = 0.55 + 0.35 * a * sun - 0.3 * b
        tone = p.pick(BLOSSOM)
        for _ in range(p.int(5, 11)):
            p.ellipse(ccx + p.uni(-1, 1) * height * 0.04, ccy + p.uni(-1, 1) * height * 0.02 - dot,
                      dot * p.uni(0.8, 1.4), dot * p.uni(0.7, 1.1),
                      p.lit(p.jitter(tone, 14), face + p.uni(-0.15, 0.15), depth))


def green_tree(p: Painter, x: float, base: float, height: float, depth: float = 0.0) -> None:
    trunk = p.lit((84, 68, 54), 0.5, depth)
    p.line([(x, base), (x, base - height * 0.5)], trunk, max(1, height * 0.05))
    cy, r = base - height * 0.65, height * 0.32
    sun = p.sun_side(x)
    for a, b in p.in_disc(26):
        rr = r * p.uni(0.3, 0.55)
        p.ellipse(x + a * r, cy + b * r * 0.9, rr, rr * 0.85,
                  p.lit(p.pick(LEAF), 0.5 + 0.4 * a * sun - 0.3 * b, depth))


def palm(p: Painter, x: float, base: float, height: float, lean: float,
         depth: float = 0.0) -> None:
    """A coconut palm: curved trunk and drooping fronds."""
    pts = [(x + lean * height * (t * t) * 0.3, base - height * t) for t in np.linspace(0, 1, 12)]
    p.line(pts, p.lit((120, 100, 78), 0.6, depth), max(1, height * 0.035))
    tx, ty = pts[-1]
    for k in range(9):
        ang = -math.pi + k * math.pi / 8 + p.uni(-0.15, 0.15)
        ln = height * p.uni(0.28, 0.4)
        frond = [(tx + math.cos(ang) * ln * s, ty + math.sin(ang) * ln * s * 0.5
                  + ln * 0.55 * s * s) for s in np.linspace(0, 1, 8)]
        col = p.lit(p.pick(LEAF), p.uni(0.3, 1.0), depth)
        p.line(frond, col, max(1, height * 0.02))
        for fx, fy in frond[2::2]:
            p.line([(fx, fy), (fx + p.uni(-1, 1) * ln * 0.08, fy + ln * 0.12)], col, 1)


def branch(p: Painter, x: float, y: float, ang: float, length: float, width: float,
           level: int, tips: list) -> None:
    bark = p.lit((70, 56, 46), 0.5)
    ex, ey = x + math.cos(ang) * length, y + math.sin(ang) * length
    bend = p.uni(-0.12, 0.12) * length
    mid = ((x + ex) / 2 - math.sin(ang) * bend, (y + ey) / 2 + math.cos(ang) * bend)
    p.line([(x, y), mid, (ex, ey)], bark, width)
    tips.append((mid[0], mid[1], ang))
    if level == 0:
        tips.append((ex, ey, ang))
        return
    for _ in range(p.int(2, 3)):
        branch(p, ex, ey, ang + p.uni(-0.7, 0.7), length * p.uni(0.55, 0.8), width * 0.62,
               level - 1, tips)


def frond(p: Painter, x: float, y: float, ang: float, length: float, colour: Colour) -> None:
    """A feathery flamboyant leaf: a stem with many small leaflets."""
    ex, ey = x + math.cos(ang) * length, y + math.sin(ang) * length
    p.line([(x, y), (ex, ey)], colour, max(1, length * 0.02))
    nx, ny = -math.sin(ang), math.cos(ang)
    for t in np.linspace(0.1, 0.95, 9):
        px, py = x + (ex - x) * t, y + (ey - y) * t
        leaf = length * 0.16 * (1.1 - t * 0.6)
        c = scale(colour, p.uni(0.85, 1.15))
        for s in (-1, 1):
            p.line([(px, py), (px + s * nx * leaf + math.cos(ang) * leaf * 0.3,
                               py + s * ny * leaf + math.sin(ang) * leaf * 0.3)],
                   c, max(1, length * 0.035))


def flower(p: Painter, x: float, y: float, r: float) -> None:
    """One flamboyant flower: four scarlet petals and one pale, spotted one."""
    c = p.lit(p.pick(BLOSSOM), p.uni(0.6, 1.0))
    turn = p.uni(0, 6.28)
    for k in range(5):
        ang = turn + k * math.tau / 5 + p.uni(-0.2, 0.2)
        px, py = x + math.cos(ang) * r * 0.6, y + math.sin(ang) * r * 0.6
        pale = k == 0
        p.ellipse(px, py, r * 0.55, r * 0.45, p.lit((246, 232, 196), 0.9) if pale else c)
        if pale:
            p.ellipse(px, py, r * 0.15, r * 0.15, c)
    p.ellipse(x, y, r * 0.18, r * 0.18, scale(c, 0.6))
    for k in range(5):  # stamens
        ang = turn + 0.6 + k * 0.25
        p.line([(x, y), (x + math.cos(ang) * r * 1.1, y + math.sin(ang) * r * 1.1)],
               scale(c, 0.75), 1)
