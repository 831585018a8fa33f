"""Port machinery and vessels: cranes, containers, ships, bridges, lorries, smoke."""

from __future__ import annotations

import math

import numpy as np

from .canvas import Painter
from .colour import CONTAINERS, HULLS, Colour, mix, scale


def crane(p: Painter, x: float, base: float, height: float, facing: int, colour: Colour,
          depth: float = 0.0, raised: bool = False, load: bool = True) -> None:
    """A ship-to-shore container crane seen from the side; `x` is the
    waterside leg and the boom points towards `facing` (+1 right)."""
    s, f = height, facing
    main = p.lit(colour, 0.85, depth)
    dark = p.lit(scale(colour, 0.65), 0.2, depth)
    white = p.lit((228, 228, 224), 0.85, depth)
    lw = max(1.0, s * 0.02)
    xl = x - f * s * 0.32  # landside leg
    y_portal, y_boom, y_apex = base - s * 0.38, base - s * 0.6, base - s
    for lx in (x, xl):
        p.line([(lx, base), (lx, y_boom)], main, lw * 1.3)
        p.rect(lx - lw * 1.6, base - lw * 1.2, lx + lw * 1.6, base, dark)  # bogies
    p.line([(xl, y_portal), (x, y_portal)], main, lw * 1.7)
    p.line([(xl, y_portal), (x, y_boom + lw)], dark, lw * 0.7)
    x_apex = (x + xl) / 2
    p.line([(xl, y_boom), (x_apex, y_apex), (x, y_boom)], main, lw)
    x_back = xl - f * s * 0.3
    p.line([(x_back, y_boom), (x, y_boom)], main, lw * 1.6)
    if raised:
        ang = math.radians(p.uni(70, 82))
        tip = (x + f * s * 0.85 * math.cos(ang), y_boom - s * 0.85 * math.sin(ang))
        p.line([(x, y_boom), tip], main, lw * 1.5)
        p.line([(x_apex, y_apex), tip], white, max(1.0, lw * 0.35))
    else:
        tip = (x + f * s * 0.9, y_boom)
        p.line([(x, y_boom), tip], main, lw * 1.5)
        p.line([(x_apex, y_apex), (x + f * s * 0.45, y_boom)], white, max(1.0, lw * 0.35))
        p.line([(x_apex, y_apex), tip], white, max(1.0, lw * 0.35))
        tx = x + f * s * p.uni(0.05, 0.7)
        p.rect(tx - s * 0.03, y_boom + lw * 0.6, tx + s * 0.03, y_boom + s * 0.05, white)
        y_load = base - s * p.uni(0.12, 0.45)
        for dx in (-s * 0.015, s * 0.015):
            p.line([(tx + dx, y_boom + s * 0.05), (tx + dx, y_load)], dark, 1)
        p.rect(tx - s * 0.05, y_load, tx + s * 0.05, y_load + lw, dark)
        if load and p.chance(0.7):
            p.rect(tx - s * 0.05, y_load + lw, tx + s * 0.05, y_load + lw + s * 0.04,
                   p.lit(p.pick(CONTAINERS), 0.8, depth))
    p.line([(x_apex, y_apex), (x_back, y_boom)], white, max(1.0, lw * 0.35))
    hx = xl - f * s * 0.04
    p.rect(hx, y_boom - s * 0.07, hx - f * s * 0.2, y_boom - lw * 0.5, white)
    p.rect(hx, y_boom - s * 0.07, hx - f * s * 0.2, y_boom - s * 0.055, main)


def container_stack(p: Painter, x0: float, x1: float, base: float, ch: float,
                    tiers: int, depth: float = 0.0) -> None:
    """Stacks of containers seen side-on, ribbed and slightly weathered."""
    cw = ch * p.pick([2.3, 4.6, 4.6])
    gap = max(1.0, ch * 0.06)
    x = x0
    while x + cw * 0.5 < x1:
        n = p.int(max(1, tiers - 2), tiers)
        for t in range(n):
            y1 = base - t * ch
            c = p.lit(p.jitter(p.pick(CONTAINERS), 10), p.uni(0.65, 0.9), depth)
            p.rect(x, y1 - ch + gap, x + cw - gap, y1, c)
            if ch >= 7:
                rib = scale(c, 0.82)
                for rx in np.arange(x + ch * 0.25, x + cw - gap, ch * 0.22):
                    p.line([(rx, y1 - ch + gap * 2), (rx, y1 - gap)], rib, 1)
                p.line([(x, y1 - ch + gap), (x + cw - gap, y1 - ch + gap)], scale(c, 1.15), 1)
        x += cw


def ship(p: Painter, x_stern: float, length: float, waterline: float, facing: int = 1,
         kind: str = "container", depth: float = 0.0, moving: bool = False) -> None:
    """A ship in side view, stern at x_stern, bow towards `facing`."""
    f, wl = facing, waterline

    def X(t: float) -> float:
        return x_stern + f * t * length

    fb = length * {"container": 0.075, "bulk": 0.075, "tug": 0.16,
                   "fishing": 0.11, "junk": 0.1}[kind]
    hull = p.pick(HULLS) if kind in ("container", "bulk", "tug") else (
        p.pick([(36, 88, 150), (40, 110, 90), (50, 80, 140)]) if kind == "fishing"
        else (104, 62, 36))
    if kind == "fishing":  # bow sheer sweeps up steeply on Vietnamese boats
        pts = [(X(0.0), wl - fb * 1.1), (X(0.7), wl - fb * 0.9), (X(1.0), wl - fb * 1.6),
               (X(0.9), wl), (X(0.08), wl)]
    else:
        pts = [(X(0.0), wl - fb), (X(0.985), wl - fb * 1.12), (X(1.0), wl - fb * 1.15),
               (X(0.955), wl), (X(0.03), wl)]
    p.poly(pts, p.lit(hull, 0.75, depth))
    band = fb * 0.18
    p.poly([(X(0.03), wl), (X(0.955), wl), (X(0.962), wl - band), (X(0.022), wl - band)],
           p.lit((150, 44, 36) if kind != "fishing" else (200, 60, 40), 0.75, depth))
    p.line([pts[0], pts[1]], p.lit((220, 220, 214), 0.9, depth), max(1, fb * 0.06))
    deck = wl - fb
    white = (236, 236, 230)
    if kind == "container":
        ch = fb * 0.32
        house_t = 0.1
        max_tiers = p.int(3, 6)
        t = 0.2
        while t < 0.92:
            tiers = max(1, min(max_tiers, int(max_tiers * (1.0 - max(0, t - 0.75) * 3))
                               - p.int(0, 1)))
            bay = ch * 4.6 / length
            for k in range(tiers):
                c = p.lit(p.jitter(p.pick(CONTAINERS), 10), 0.8, depth)
                p.rect(X(t), deck - k * ch, X(t + bay * 0.96), deck - (k + 1) * ch + 1, c)
            t += bay
        top = deck - (max_tiers + 1.5) * ch
    else:
        top = deck - fb * (0.9 if kind in ("tug", "fishing") else 1.5)
        house_t = 0.4 if kind == "tug" else 0.12
    if kind in ("container", "bulk"):
        p.rect(X(house_t - 0.06), deck, X(house_t + 0.05), top, p.lit(white, 0.85, depth))
        p.rect(X(house_t - 0.075), top, X(house_t + 0.065), top + fb * 0.25,
               p.lit(white, 0.95, depth))
        for y in np.arange(top + fb * 0.35, deck - fb * 0.1, fb * 0.3):
            p.line([(X(house_t - 0.05), y), (X(house_t + 0.04), y)],
                   p.lit((50, 60, 70), 0.6, depth), max(1, fb * 0.07))
        fx = X(house_t - 0.085)
        p.rect(fx, top + fb * 0.2, X(house_t - 0.05), top - fb * 0.5,
               p.lit(p.pick([(200, 60, 40), (30, 60, 120), (230, 190, 60), white]), 0.8, depth))
    if kind == "bulk":
        for k in range(5):
            t0 = 0.22 + k * 0.14
            p.rect(X(t0), deck, X(t0 + 0.09), deck - fb * 0.25,
                   p.lit(p.pick([(110, 60, 40), (60, 100, 70)]), 0.8, depth))
            if k < 4:
                cx = X(t0 + 0.115)
                p.line([(cx, deck), (cx, deck - fb * 1.1)], p.lit((220, 200, 60), 0.8, depth),
                       max(1, fb * 0.1))
                p.line([(cx, deck - fb * 0.9), (X(t0 + 0.2), deck - fb * 2.0)],
                       p.lit((220, 200, 60), 0.8, depth), max(1, fb * 0.07))
    if kind == "tug":
        p.rect(X(0.3), deck, X(0.62), deck - fb * 0.7, p.lit(white, 0.85, depth))
        p.rect(X(0.38), deck - fb * 0.7, X(0.58), deck - fb * 1.2, p.lit(white, 0.95, depth))
        p.line([(X(0.42), deck - fb * 1.0), (X(0.56), deck - fb * 1.0)],
               p.lit((40, 50, 60), 0.6, depth), max(1, fb * 0.12))
        p.line([(X(0.48), deck - fb * 1.2), (X(0.48), deck - fb * 2.0)],
               p.lit((40, 40, 40), 0.6, depth), max(1, fb * 0.06))
        for k in range(6):
            p.ellipse(X(0.1 + k * 0.15), wl - fb * 0.55, fb * 0.12, fb * 0.12,
                      p.lit((24, 24, 24), 0.5, depth))
    if kind == "fishing":
        p.rect(X(0.12), deck + fb * 0.1, X(0.35), deck - fb * 0.9,
               p.lit(p.pick([(200, 200, 190), (120, 160, 190)]), 0.85, depth))
        p.line([(X(0.5), deck), (X(0.5), deck - fb * 3.2)], p.lit((70, 50, 30), 0.6, depth),
               max(1, fb * 0.08))
        p.poly([(X(0.5), deck - fb * 3.2), (X(0.5 + 0.12 * f * f), deck - fb * 3.0),
                (X(0.5), deck - fb * 2.8)], p.lit((210, 40, 40), 0.9, depth))
        ex, ey = X(0.9), wl - fb * 0.85
        p.ellipse(ex, ey, fb * 0.16, fb * 0.11, p.lit(white, 0.9, depth))  # the bow's eye
        p.ellipse(ex, ey, fb * 0.07, fb * 0.07, (20, 20, 20))
    if kind == "junk":
        sail_c = p.pick([(176, 84, 46), (196, 110, 60), (160, 70, 44)])
        for t0, hgt in ((0.25, 4.2), (0.55, 5.0), (0.82, 3.4)):
            mx = X(t0)
            p.line([(mx, deck), (mx, deck - fb * hgt * 1.05)], p.lit((60, 40, 24), 0.5, depth),
                   max(1, fb * 0.07))
            sw = length * 0.2
            sail = [(mx, deck - fb * hgt), (mx - f * sw * 0.3, deck - fb * hgt * 0.95),
                    (mx - f * sw * 0.75, deck - fb * 0.6), (mx + f * sw * 0.05, deck - fb * 0.6)]
            p.poly(sail, p.lit(p.jitter(sail_c, 8), 0.85, depth))
            for b in np.linspace(0.15, 0.9, 6):
                ya = deck - fb * (0.6 + (hgt - 0.6) * b)
                p.line([(mx + f * sw * 0.02, ya), (mx - f * sw * (0.75 - 0.45 * b), ya)],
                       p.lit(scale(sail_c, 0.7), 0.6, depth), 1)
    if moving:  # bow wave curling back along the hull, and a little spray
        foam = (238, 242, 242)
        p.poly([(X(0.93), wl - fb * 0.25), (X(1.0) + f * fb * 0.35, wl + fb * 0.02),
                (X(0.8), wl + fb * 0.08), (X(0.9), wl - fb * 0.02)], foam)
        for k in range(8):
            t = 1.0 - k * 0.03
            p.ellipse(X(t), wl - fb * p.uni(0.0, 0.15), fb * p.uni(0.1, 0.25), fb * 0.07, foam)


def ship_afloat(p: Painter, x_stern: float, length: float, waterline: float, facing: int = 1,
                kind: str = "container", depth: float = 0.0, moving: bool = False,
                reflect: float = 0.5) -> None:
    """A ship on a layer of its own, mirrored in the water below its waterline."""
    with p.layer(reflect_at=waterline, reflect=reflect):
        ship(p, x_stern, length, waterline, facing, kind, depth, moving)


def cable_bridge(p: Painter, deck_y: float, water_y: float, towers: list[float],
                 tower_h: float, colour: Colour, depth: float, night: bool = False) -> None:
    """A cable-stayed bridge like Bạch Đằng: towers, fans of stays, deck."""
    c_tower = p.lit(colour, 0.85, depth)
    c_cable = p.lit((236, 236, 232), 0.9, depth)
    dt = max(2.0, p.u * 1.2 * (1 - depth * 0.5))
    span = abs(towers[1] - towers[0]) if len(towers) > 1 else p.w * 0.5
    lamps = []
    for tx in towers:
        top = deck_y - tower_h
        for k in range(14):  # stays: anchored down the tower top, spread along the deck
            a = top + tower_h * 0.05 + k * tower_h * 0.02
            d = span * 0.48 * (k + 1) / 14
            for sgn in (-1, 1):
                p.line([(tx, a), (tx + sgn * d, deck_y)], c_cable, max(1, p.u * 0.1))
        tw = p.u * 1.6 * (1 - depth * 0.5)
        p.poly([(tx - tw, water_y), (tx + tw, water_y), (tx + tw * 0.45, top),
                (tx - tw * 0.45, top)], c_tower)
        p.poly([(tx - tw * 0.2, top), (tx + tw * 0.2, top), (tx, top - tw)], c_tower)
        lamps.append((tx, top, (255, 80, 60)))
    p.rect(-1, deck_y - dt, p.w + 1, deck_y, p.lit((200, 200, 196), 0.85, depth))
    p.rect(-1, deck_y, p.w + 1, deck_y + dt * 0.6, p.lit((90, 92, 96), 0.2, depth))
    for x in np.arange(p.uni(0, 1) * p.w * 0.15, p.w, p.w * 0.15):
        if all(abs(x - t) > p.w * 0.05 for t in towers):
            p.rect(x - dt * 0.5, deck_y, x + dt * 0.5, water_y, p.lit((170, 170, 166), 0.5, depth))
    if night:
        lamps += [(x, deck_y - dt * 1.5, (255, 220, 150)) for x in np.arange(0, p.w, p.u * 4)]
        p.glow(lamps, p.u * 0.5, 1.0)


def truck(p: Painter, x: float, base: float, length: float, facing: int,
          depth: float = 0.0) -> None:
    """A container lorry, a common sight on the roads out of the port."""
    f = facing
    wr = length * 0.045
    dark = p.lit((30, 30, 32), 0.5, depth)
    cab_c = p.lit(p.pick([(220, 220, 216), (200, 50, 40), (40, 80, 150), (230, 170, 40)]),
                  0.85, depth)
    front = x + f * length * 0.5
    p.rect(x - f * length * 0.5, base - wr * 2.4, front - f * length * 0.2, base - wr * 1.6,
           p.lit((60, 60, 64), 0.5, depth))
    p.rect(x - f * length * 0.5, base - wr * 2.4, front - f * length * 0.21, base - wr * 7.5,
           p.lit(p.jitter(p.pick(CONTAINERS), 10), 0.8, depth))
    p.rect(front - f * length * 0.18, base - wr * 1.4, front, base - wr * 6.5, cab_c)
    p.rect(front - f * length * 0.06, base - wr * 4.4, front - f * length * 0.005, base - wr * 6.0,
           p.lit((70, 100, 120), 0.9, depth))
    for t in (-0.42, -0.32, 0.05, 0.15, 0.42):
        wx = x + f * length * t
        p.ellipse(wx, base - wr, wr, wr, dark)


def smoke_plume(p: Painter, x: float, y: float, drift: int) -> None:
    steam = mix(p.light.cloud, (200, 200, 200), 0.3)
    for k in range(16):
        r = p.u * (0.9 + k * 0.45)
        cx = x + drift * p.u * (k * 1.6 + k * k * 0.08)
        cy = y - p.u * k * 1.4 / (1 + k * 0.08) - r * 0.3
        for _ in range(2):
            p.ellipse(cx + p.uni(-0.4, 0.4) * r, cy + p.uni(-0.3, 0.3) * r, r, r * 0.8,
                      p.jitter(steam, 8) + (max(0, 235 - k * 13),))
