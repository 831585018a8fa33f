"""Landmarks: the communal house (temple) and the opera house."""

from __future__ import annotations

import numpy as np

from .buildings import curved_roof
from .canvas import Painter
from .landscape import paint_sky
from .people import random_person
from .plants import flame_tree, green_tree


def scene_temple(p: Painter) -> None:
    """A communal house (đình) with heavy curved roofs and upturned eaves."""
    hz = p.h * p.uni(0.55, 0.65)
    paint_sky(p, hz)
    for _ in range(int(p.w / p.u / 3)):
        green_tree(p, p.uni(0, 1) * p.w, hz, p.h * p.uni(0.25, 0.45), 0.35)
    p.rect(0, hz, p.w, p.h, p.lit((168, 160, 146), 0.8))
    # Portrait pages are too narrow to shift the hall away from the caption
    # corner; it stands above that corner anyway.
    cx = p.w * (0.5 if p.h > p.w else p.uni(0.4, 0.6) if p.calm is None else 0.42)
    width = min(p.w * 0.8, p.h * 1.1) * p.uni(0.8, 1.0)
    base = hz + p.h * 0.06
    hall_h = p.h * 0.12
    p.rect(cx - width * 0.5, base, cx + width * 0.5, base - p.h * 0.02, p.lit((170, 166, 156), 0.9))
    p.rect(cx - width * 0.42, base - p.h * 0.02, cx + width * 0.42, base - hall_h,
           p.lit((120, 66, 44), 0.6))
    for x in np.linspace(cx - width * 0.4, cx + width * 0.4, 7):
        p.rect(x - p.u * 0.5, base - p.h * 0.02, x + p.u * 0.5, base - hall_h,
               p.lit((150, 40, 30), 0.9))
    eave = base - hall_h
    curved_roof(p, cx, eave, width * 0.55, p.h * 0.16)
    if p.chance(0.6):  # a second, smaller roof tier
        curved_roof(p, cx, eave - p.h * 0.12, width * 0.3, p.h * 0.08)
    if p.chance(0.5):  # a stone pillar gate in front
        for x in (cx - width * 0.62, cx + width * 0.62):
            p.rect(x - p.u, base + p.h * 0.04, x + p.u, base - p.h * 0.2, p.lit((200, 196, 180), 0.8))
            p.ellipse(x, base - p.h * 0.21, p.u * 1.4, p.u * 1.0, p.lit((200, 196, 180), 0.8))
    for y in np.arange(base + p.h * 0.03, p.h, p.h * 0.04):  # courtyard paving
        p.line([(0, y), (p.w, y)], p.lit((140, 134, 122), 0.6), 1)
    for x, y in p.spots(p.int(2, 5), 0.1, 0.9, base + p.h * 0.08, p.h * 0.95):
        random_person(p, x, y, p.h * 0.1 + (y - base) * 0.4, 0.0, hats=0.4)


def scene_opera_house(p: Painter) -> None:
    """A symmetric neo-classical theatre front like Hải Phòng's opera house."""
    hz = p.h * p.uni(0.62, 0.7)
    paint_sky(p, hz, clouds=0.8)
    cx = p.w * (0.5 if p.h > p.w else p.uni(0.45, 0.55) if p.calm is None else 0.44)
    W = min(p.w * 0.9, p.h * 1.4)
    cream, white = (238, 226, 194), (246, 242, 232)
    roof = (104, 118, 120)
    base = hz
    wing_h, core_h = p.h * 0.2, p.h * 0.3
    for s in (-1, 1):  # side wings with tall windows
        x0, x1 = cx + s * W * 0.17, cx + s * W * 0.5
        p.rect(x0, base, x1, base - wing_h, p.lit(cream, 0.8))
        p.rect(x0, base - wing_h, x1, base - wing_h - p.h * 0.015, p.lit(white, 0.9))
        p.poly([(x0, base - wing_h - p.h * 0.015), (x1, base - wing_h - p.h * 0.015),
                (x1 - s * W * 0.03, base - wing_h - p.h * 0.06),
                (x0, base - wing_h - p.h * 0.06)], p.lit(roof, 0.7))
        for x in np.linspace(min(x0, x1) + W * 0.03, max(x0, x1) - W * 0.03, 5):
            for y in (base - wing_h * 0.35, base - wing_h * 0.8):
                p.rect(x - W * 0.012, y, x + W * 0.012, y + wing_h * 0.3, p.lit((80, 76, 70), 0.5))
                p.draw.pieslice([x - W * 0.012, y - W * 0.012, x + W * 0.012, y + W * 0.012],
                                180, 360, fill=p.lit((80, 76, 70), 0.5))
    top = base - core_h
    p.rect(cx - W * 0.18, base, cx + W * 0.18, top, p.lit(cream, 0.85))
    p.rect(cx - W * 0.16, base - core_h * 0.35, cx + W * 0.16, top + core_h * 0.12,
           p.lit((150, 140, 120), 0.3))
    for x in np.linspace(cx - W * 0.15, cx + W * 0.15, 8):  # the colonnade
        cw = W * 0.011
        p.rect(x - cw, base - core_h * 0.35, x + cw, top + core_h * 0.12, p.lit(white, 0.95))
        p.rect(x - cw * 1.5, top + core_h * 0.1, x + cw * 1.5, top + core_h * 0.13, p.lit(white, 1))
        p.rect(x - cw * 0.5, base - core_h * 0.35, x - cw * 0.1, top + core_h * 0.12,
               p.lit(white, 0.6))
    p.rect(cx - W * 0.19, top + core_h * 0.12, cx + W * 0.19, top, p.lit(white, 0.95))
    p.poly([(cx - W * 0.19, top), (cx + W * 0.19, top), (cx, top - core_h * 0.25)],
           p.lit(white, 0.9))
    p.poly([(cx - W * 0.15, top - core_h * 0.02), (cx + W * 0.15, top - core_h * 0.02),
            (cx, top - core_h * 0.2)], p.lit(cream, 0.7))
    for x in np.linspace(cx - W * 0.13, cx + W * 0.13, 5):  # entrance arches
        p.draw.pieslice([x - W * 0.018, base - core_h * 0.3, x + W * 0.018,
                         base - core_h * 0.3 + W * 0.036], 180, 360, fill=p.lit((70, 60, 50), 0.4))
        p.rect(x - W * 0.018, base - core_h * 0.3 + W * 0.018, x + W * 0.018, base,
               p.lit((70, 60, 50), 0.4))
    for k in range(4):  # steps
        p.rect(cx - W * (0.2 + k * 0.01), base + k * p.h * 0.008, cx + W * (0.2 + k * 0.01),
               base + (k + 1) * p.h * 0.008, p.lit((214, 208, 196), 0.9 - k * 0.1))
    p.rect(0, base + p.h * 0.032, p.w, p.h, p.lit((176, 170, 160), 0.8))
    for x in (cx - W * 0.6, cx + W * 0.62):
        if p.busy_ok(x, p.h * 0.9):
            flame_tree(p, x, p.h * 0.95, p.h * 0.6, bloom=0.7)
    for x, y in p.spots(p.int(3, 8), 0.05, 0.95, base + p.h * 0.06, p.h * 0.95):
        random_person(p, x, y, p.h * 0.05 + (y - base) * 0.35, 0.0, hats=0.2)
