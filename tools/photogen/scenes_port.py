"""Port scenes: harbour, cranes, ship, bridge, factory."""

from __future__ import annotations

import numpy as np

from .buildings import skyline
from .canvas import Painter
from .colour import scale
from .landscape import gulls, paint_ridge, paint_sky, paint_water
from .people import figure
from .port import cable_bridge, container_stack, crane, ship, ship_afloat, smoke_plume, truck


def scene_harbour(p: Painter) -> None:
    hz = p.h * p.uni(0.42, 0.56)
    paint_sky(p, hz)
    paint_ridge(p, hz, p.h * p.uni(0.05, 0.12), (96, 120, 130), 0.75, humps=3)
    side = p.pick([-1, 1])
    x0, x1 = (0.0, p.w * 0.55) if side < 0 else (p.w * 0.45, p.w)
    container_stack(p, x0, x1, hz, p.u * 0.9, 4, 0.55)
    for k in range(p.int(2, 4)):
        cx = x0 + (x1 - x0) * (0.15 + 0.25 * k) + p.uni(-1, 1) * p.u * 2
        crane(p, cx, hz, p.h * p.uni(0.13, 0.18), -side if p.chance(0.5) else side,
              p.pick([(200, 56, 40), (50, 96, 170), (232, 130, 40)]), 0.5,
              raised=p.chance(0.3))
    skyline(p, hz, p.w * 0.5 - side * p.w * 0.5, p.w * (0.52 - side * 0.3),
            p.h * 0.02, p.h * 0.06, 0.6)
    paint_water(p, hz, (72, 86, 78), gloss=0.5)
    wl = hz + (p.h - hz) * p.uni(0.25, 0.45)
    length = p.w * p.uni(0.45, 0.7)
    facing = p.pick([-1, 1]) if p.calm is None else -1
    xs = p.uni(0.3, 0.6) * p.w - facing * length / 2  # keep the ship's middle in frame
    ship_afloat(p, xs, length, wl, facing, p.pick(["container", "container", "bulk"]), 0.2, reflect=0.45)
    wl2 = wl + (p.h - wl) * p.uni(0.3, 0.6)
    tx = p.uni(0.05, 0.5) * p.w
    if p.busy_ok(tx + p.w * 0.15, wl2):
        ship_afloat(p, tx, p.w * 0.14, wl2, p.pick([-1, 1]), p.pick(["tug", "fishing"]), moving=True,
                    reflect=0.45)


def scene_cranes(p: Painter) -> None:
    hz = p.h * p.uni(0.6, 0.72)
    paint_sky(p, hz)
    paint_ridge(p, hz, p.h * 0.05, (110, 130, 140), 0.8, humps=2)
    quay = hz + p.h * 0.02
    p.rect(0, hz, p.w, p.h, p.lit((150, 150, 146), 0.8))
    f = p.pick([-1, 1])
    wl = quay - p.u * 0.5
    # The ship lies alongside, under the booms, bow away from the cranes' legs.
    ship(p, p.w * (0.95 if f > 0 else 0.05), p.w * 0.9, wl, -f, "container", 0.2)
    colour = p.pick([(200, 56, 40), (50, 96, 170), (232, 130, 40), (226, 226, 220)])
    n = p.int(3, 5)
    height = p.h * p.uni(0.42, 0.55)
    for k in range(n):
        x = p.w * (0.1 + 0.8 * k / max(1, n - 1)) + p.uni(-1, 1) * p.u * 2
        crane(p, x, quay, height * p.uni(0.92, 1.05), f, colour, 0.1, raised=p.chance(0.25))
    rows = [(quay + p.h * 0.05, p.u * 1.6), (quay + p.h * 0.13, p.u * 2.4)]
    for y, ch in rows:
        x = p.uni(-0.1, 0.05) * p.w
        while x < p.w:
            run = p.w * p.uni(0.15, 0.35)
            if p.busy_ok(x + run * 0.5, y):
                container_stack(p, x, x + run, y, ch, 4)
            x += run + p.w * p.uni(0.04, 0.08)
    p.haze_band(hz - p.h * 0.1, hz + p.h * 0.02, 0.25)


def scene_ship(p: Painter) -> None:
    hz = p.h * p.uni(0.45, 0.6)
    paint_sky(p, hz)
    if p.chance(0.7):
        paint_ridge(p, hz, p.h * p.uni(0.04, 0.1), (100, 124, 134), 0.8, humps=3)
    paint_water(p, hz, p.pick([(72, 86, 78), (52, 90, 100)]))
    wl = hz + (p.h - hz) * p.uni(0.35, 0.55)
    length = p.w * p.uni(0.75, 1.1)
    facing = p.pick([-1, 1]) if p.calm is None else -1
    xs = p.w * p.uni(-0.1, 0.15) if facing > 0 else p.w * p.uni(0.85, 1.1)
    ship_afloat(p, xs, length, wl, facing, p.pick(["container", "container", "bulk"]), 0.05, moving=True)
    wl2 = wl + (p.h - wl) * 0.35
    tx = xs + facing * length * p.uni(0.7, 0.85)
    ship_afloat(p, tx, p.w * 0.12, wl2, facing, "tug", moving=True, reflect=0.45)
    gulls(p, hz)


def scene_bridge(p: Painter) -> None:
    hz = p.h * p.uni(0.5, 0.62)
    paint_sky(p, hz)
    paint_ridge(p, hz, p.h * 0.05, (100, 124, 134), 0.8, humps=3)
    skyline(p, hz, 0, p.w, p.h * 0.01, p.h * 0.04, 0.75)
    deck = hz - p.h * p.uni(0.03, 0.06)
    t1 = p.w * p.uni(0.2, 0.35)
    t2 = t1 + p.w * p.uni(0.35, 0.5)
    colour = p.pick([(214, 214, 208), (200, 60, 50), (222, 200, 150)])
    with p.layer(reflect_at=hz, reflect=0.5):
        cable_bridge(p, deck, hz, [t1, t2], p.h * p.uni(0.2, 0.32), colour, 0.2)
    paint_water(p, hz, (80, 92, 84), gloss=0.45)
    if p.chance(0.6):
        wl = hz + (p.h - hz) * 0.5
        x = p.uni(0.05, 0.4) * p.w
        ship_afloat(p, x, p.w * 0.13, wl, p.pick([-1, 1]), "fishing", moving=True)


def scene_factory(p: Painter) -> None:
    """Industry on the port's edge: sheds, chimneys, tanks — or a shipyard."""
    hz = p.h * p.uni(0.5, 0.6)
    paint_sky(p, hz, clouds=1.2)
    if p.chance(0.5):
        paint_ridge(p, hz, p.h * 0.06, (110, 130, 140), 0.8, humps=3)
    p.rect(0, hz, p.w, p.h, p.lit((150, 148, 142), 0.8))
    chimneys = []
    x = -p.u * 2
    while x < p.w:  # a far row of sheds
        wdt = p.w * p.uni(0.15, 0.3)
        hgt = p.h * p.uni(0.06, 0.11)
        wall = p.pick([(190, 196, 200), (170, 186, 200), (210, 204, 190)])
        p.rect(x, hz, x + wdt, hz - hgt, p.lit(wall, 0.8, 0.3))
        teeth = max(2, int(wdt / (p.u * 3)))
        tw = wdt / teeth
        for k in range(teeth):  # sawtooth roof with north lights
            tx = x + k * tw
            p.poly([(tx, hz - hgt), (tx + tw, hz - hgt), (tx + tw, hz - hgt - tw * 0.5)],
                   p.lit((120, 124, 130), 0.7, 0.3))
            p.line([(tx + tw, hz - hgt), (tx + tw, hz - hgt - tw * 0.5)],
                   p.lit((150, 180, 200), 0.9, 0.3), max(1, p.u * 0.3))
        if p.chance(0.55):
            chimneys.append((x + wdt * p.uni(0.3, 0.9), hz - hgt))
        x += wdt + p.u * p.uni(0.5, 3)
    drift = p.pick([-1, 1])
    tops = []
    for cx, foot in chimneys:
        ch, cw = p.h * p.uni(0.22, 0.34), p.u * 1.3
        p.poly([(cx - cw, foot), (cx + cw, foot), (cx + cw * 0.7, hz - ch), (cx - cw * 0.7, hz - ch)],
               p.lit((186, 176, 166), 0.8, 0.3))
        p.poly([(cx, foot), (cx - p.sun_side(cx) * cw, foot), (cx - p.sun_side(cx) * cw * 0.7, hz - ch),
                (cx, hz - ch)], p.lit((186, 176, 166), 0.2, 0.3))
        for k in range(3):
            y = hz - ch + k * p.u * 2.4
            p.rect(cx - cw * 0.72, y, cx + cw * 0.72, y + p.u * 1.2, p.lit((200, 50, 40), 0.9, 0.2))
        tops.append((cx, hz - ch))
    with p.layer(blur=p.u * 0.9, base=p.light.cloud):
        for cx, cy in tops:
            smoke_plume(p, cx, cy, drift)
    side = p.pick([-1, 1]) if p.calm is None else -1
    if p.chance(0.45):  # shipyard: a goliath gantry over a hull on the slipway
        gx0, gx1 = p.w * p.uni(0.08, 0.25), p.w * p.uni(0.6, 0.8)
        gh = p.h * p.uni(0.38, 0.46)
        foot = hz + p.h * 0.12
        c = p.pick([(200, 50, 40), (230, 190, 50), (60, 110, 180)])
        hull_top = hz - p.h * 0.08
        p.poly([(gx0 + p.u * 3, foot - p.h * 0.02), (gx1 - p.u * 3, foot - p.h * 0.02),
                (gx1 + p.u * 2, hull_top), (gx0 + p.u * 6, hull_top)], p.lit((146, 74, 52), 0.7))
        for y in np.arange(hull_top + p.u * 2, foot - p.h * 0.02, p.u * 2.5):  # plate seams
            p.line([(gx0 + p.u * 4, y), (gx1, y)], p.lit((120, 60, 44), 0.5), 1)
        p.rect(gx0 + p.u * 10, hull_top, gx0 + p.u * 24, hull_top - p.h * 0.07,
               p.lit((160, 160, 156), 0.8))
        for gx in (gx0, gx1):
            p.poly([(gx - p.u * 2.4, foot), (gx + p.u * 2.4, foot), (gx + p.u * 0.9, hz - gh),
                    (gx - p.u * 0.9, hz - gh)], p.lit(c, 0.8))
        p.rect(gx0 - p.u * 4, hz - gh, gx1 + p.u * 4, hz - gh - p.u * 3.5, p.lit(c, 0.9))
        p.rect(gx0 - p.u * 4, hz - gh - p.u * 3.5, gx1 + p.u * 4, hz - gh - p.u * 2.8,
               p.lit((240, 240, 236), 0.9))
        tx = p.uni(gx0 + p.u * 8, gx1 - p.u * 8)
        p.rect(tx - p.u * 3, hz - gh, tx + p.u * 3, hz - gh + p.u * 3, p.lit((236, 236, 232), 0.9))
        p.line([(tx, hz - gh + p.u * 3), (tx, hull_top - p.h * 0.12)], (40, 40, 40), 1)
    else:  # a big shed close by on one side, tanks and a pipe rack
        sx0 = 0 if side < 0 else p.w * 0.62
        sx1 = p.w * 0.38 if side < 0 else p.w
        top = hz - p.h * 0.22
        wall = p.pick([(196, 204, 210), (214, 206, 190)])
        p.rect(sx0, top, sx1, hz + p.h * 0.1, p.lit(wall, 0.8))
        for cx in np.arange(sx0, sx1, p.u * 0.8):
            p.line([(cx, top), (cx, hz + p.h * 0.1)], p.lit(scale(wall, 0.88), 0.6), 1)
        p.rect(sx0, top - p.u * 1.5, sx1, top, p.lit((110, 116, 124), 0.7))
        p.rect(sx0, top + p.u * 2, sx1, top + p.u * 4.5, p.lit((40, 90, 160), 0.9))
        dx = (sx0 + sx1) / 2
        p.rect(dx - p.u * 6, hz + p.h * 0.1, dx + p.u * 6, hz - p.h * 0.06, p.lit((90, 94, 98), 0.4))
        for k in range(p.int(2, 3)):
            tx = p.w * (0.5 + side * -0.12 + k * 0.12 * -side) + p.uni(-1, 1) * p.u * 3
            r = p.u * p.uni(5, 8)
            th = r * p.uni(0.9, 1.4)
            y = hz + p.h * 0.04
            c = (222, 224, 220)
            p.rect(tx - r, y, tx + r, y - th, p.lit(c, 0.8))
            sh = p.sun_side(tx)
            p.rect(tx - sh * r, y, tx - sh * r * 0.3, y - th, p.lit(c, 0.25))
            p.ellipse(tx, y - th, r, r * 0.2, p.lit(c, 1.0))
            p.ellipse(tx, y, r, r * 0.2, p.lit(c, 0.5))
        for k in range(3):  # pipe rack across the yard
            y = hz + p.h * 0.02 - k * p.u * 1.2
            p.line([(0, y), (p.w, y)], p.lit(p.pick([(200, 200, 196), (180, 80, 60)]), 0.8),
                   max(1, p.u * 0.5))
        for x in np.arange(p.uni(0, 8) * p.u, p.w, p.u * 9):
            p.line([(x, hz + p.h * 0.03), (x, hz + p.h * 0.02 - p.u * 3)], p.lit((120, 120, 120), 0.6),
                   max(1, p.u * 0.4))
    road = hz + p.h * 0.22
    p.rect(0, road, p.w, road + p.h * 0.12, p.lit((90, 90, 94), 0.8))
    for x in np.arange(0, p.w, p.u * 8):
        p.rect(x, road + p.h * 0.058, x + p.u * 4, road + p.h * 0.065, p.lit((230, 200, 60), 0.9))
    tx = p.uni(0.2, 0.5) * p.w
    truck(p, tx, road + p.h * 0.1, p.w * 0.3, p.pick([-1, 1]))
    for x, y in p.spots(p.int(1, 4), 0.05, 0.95, road + p.h * 0.13, p.h * 0.95):
        figure(p, x, y, p.h * 0.12 + (y - road) * 0.3, (240, 130, 40), (40, 60, 100),
               hat="helmet", stride=p.uni(-0.4, 0.4))
    p.haze_band(hz - p.h * 0.2, hz, 0.2)
