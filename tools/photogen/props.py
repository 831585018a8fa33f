"""Small things: bunting, lanterns, fireworks, stars, beach umbrellas, market baskets."""

from __future__ import annotations

import itertools
import math

import numpy as np

from .canvas import Painter
from .colour import Colour, mix


def bunting(p: Painter, a: tuple[float, float], b: tuple[float, float], sag: float,
            size: float) -> None:
    n = max(3, int(math.hypot(b[0] - a[0], b[1] - a[1]) / (size * 1.3)))
    pts = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t + sag * 4 * t * (1 - t))
           for t in np.linspace(0, 1, n + 1)]
    p.line(pts, (60, 50, 40), 1)
    colours = [(214, 40, 36), (240, 200, 40), (40, 110, 190), (40, 150, 90), (240, 240, 236)]
    for k, ((x0, y0), (x1, y1)) in enumerate(itertools.pairwise(pts)):
        c = p.lit(colours[k % len(colours)], 0.9)
        p.poly([(x0, y0), (x1, y1), ((x0 + x1) / 2, (y0 + y1) / 2 + size)], c)


def lantern(p: Painter, x: float, y: float, r: float) -> None:
    c = p.pick([(220, 40, 36), (240, 170, 40), (220, 60, 60)])
    p.line([(x, y - r * 2.5), (x, y - r)], (60, 40, 30), 1)
    p.ellipse(x, y, r * 0.8, r, c)
    p.rect(x - r * 0.4, y - r * 1.05, x + r * 0.4, y - r * 0.85, (200, 170, 60))
    p.rect(x - r * 0.4, y + r * 0.85, x + r * 0.4, y + r * 1.05, (200, 170, 60))
    p.line([(x, y + r), (x, y + r * 1.8)], (230, 190, 60), max(1, r * 0.2))


def fireworks(p: Painter, cx: float, cy: float, r: float, colour: Colour) -> None:
    pts = []
    for k in range(28):
        ang = k * math.tau / 28 + p.uni(-0.05, 0.05)
        rr = r * p.uni(0.75, 1.0)
        ex, ey = cx + math.cos(ang) * rr, cy + math.sin(ang) * rr + rr * 0.12
        p.line([(cx + math.cos(ang) * rr * 0.25, cy + math.sin(ang) * rr * 0.25), (ex, ey)],
               mix(colour, (255, 255, 255), 0.3), max(1, p.u * 0.12))
        pts.append((ex, ey, colour))
    p.glow(pts + [(cx, cy, colour)], p.u * 0.5, 0.9)


def star(p: Painter, cx: float, cy: float, r: float, colour: Colour) -> None:
    pts = []
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.38
        pts.append((cx + math.cos(ang) * rr, cy + math.sin(ang) * rr))
    p.poly(pts, colour)


def umbrella(p: Painter, x: float, y: float, s: float) -> None:
    p.line([(x, y), (x, y - s * 1.3)], (220, 220, 216), max(1, s * 0.05))
    c = p.pick([(220, 60, 50), (40, 110, 190), (240, 200, 50), (40, 150, 100)])
    p.draw.chord([x - s, y - s * 1.6, x + s, y - s * 0.9], 180, 360, fill=p.lit(c, 0.9))
    p.ellipse(x + s * 0.2, y + s * 0.05, s * 0.9, s * 0.15, p.lit((170, 150, 120), 0.3))


def produce_basket(p: Painter, x: float, y: float, s: float) -> None:
    """A flat round basket heaped with fruit, greens or fish."""
    p.ellipse(x, y + s * 0.08, s * 1.05, s * 0.36, p.lit((60, 50, 40), 0.2))
    p.ellipse(x, y, s, s * 0.38, p.lit((160, 118, 64), 0.8))
    p.ellipse(x, y - s * 0.04, s * 0.88, s * 0.3, p.lit((120, 84, 44), 0.5))
    kind = p.pick(["fruit", "fruit", "greens", "fish", "dragon"])
    colour = {"fruit": p.pick([(240, 190, 40), (240, 130, 40), (200, 50, 40), (150, 190, 60)]),
              "greens": (80, 140, 60), "fish": (176, 182, 186), "dragon": (214, 60, 130)}[kind]
    for a, b in p.in_disc(int(26 + s / p.u * 4), limit=0.85):
        heap = (1 - a * a - b * b) * s * 0.25  # piled up in the middle
        px, py = x + a * s * 0.8, y + b * s * 0.26 - heap
        c = p.lit(p.jitter(colour, 16), 0.55 + 0.45 * (-b))
        if kind == "fish":
            p.ellipse(px, py, s * 0.16, s * 0.05, c)
        elif kind == "greens":
            p.ellipse(px, py, s * 0.14, s * 0.1, c)
        else:
            r = s * 0.1
            p.ellipse(px, py, r, r * 0.85, c)
            if kind == "dragon":
                p.line([(px - r, py - r * 0.3), (px - r * 1.4, py - r)], (90, 160, 60), 1)
