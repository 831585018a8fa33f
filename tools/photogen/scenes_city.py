"""City scenes: riverside city, street, night, market."""

from __future__ import annotations

import numpy as np

from .buildings import shophouse, skyline
from .canvas import Painter
from .colour import CLOTHES, WALLS
from .landscape import paint_sky, paint_water
from .people import figure, random_person
from .plants import flame_tree, green_tree
from .port import ship_afloat
from .props import produce_basket
from .street import Persp, far_to_near, motorbike, street_setting, wires


def scene_city(p: Painter) -> None:
    bank = p.h * p.uni(0.6, 0.72)
    paint_sky(p, bank - p.h * 0.1)
    skyline(p, bank - p.h * 0.04, 0, p.w, p.h * 0.12, p.h * 0.25, 0.55, towers=0.5)
    skyline(p, bank - p.h * 0.015, 0, p.w, p.h * 0.06, p.h * 0.16, 0.3, towers=0.3)
    skyline(p, bank, 0, p.w, p.h * 0.03, p.h * 0.08, 0.1, towers=0.0)
    for x in np.arange(p.uni(0, 3) * p.u, p.w, p.u * 5):
        green_tree(p, x + p.uni(-1, 1) * p.u, bank + p.u * 0.5, p.u * p.uni(4, 7), 0.1)
    p.rect(0, bank, p.w, bank + p.u * 0.8, p.lit((170, 166, 156), 0.8))
    paint_water(p, bank + p.u * 0.8, (84, 92, 80), gloss=0.55)
    wl = bank + (p.h - bank) * p.uni(0.4, 0.6)
    x = p.uni(0.05, 0.45) * p.w
    if p.busy_ok(x + p.w * 0.1, wl):
        ship_afloat(p, x, p.w * 0.15, wl, p.pick([-1, 1]), "fishing", moving=True)


def scene_street(p: Painter) -> None:
    hz = p.h * p.uni(0.4, 0.5)
    paint_sky(p, hz)
    cam = Persp(hz, p.w * p.uni(0.42, 0.58), p.w * 0.45, 1.6)
    street_setting(p, cam, 4.0, 3.5)
    things = []
    for s in (-1, 1):
        for z in np.arange(p.uni(3, 8), 120, p.uni(9, 13)):
            kind = "flame" if p.chance(0.6) else "green"
            things.append((z, s * 5.6, "tree", kind))
    for _ in range(p.int(8, 20)):
        z = p.uni(9, 80)
        things.append((z, p.uni(-3.5, 3.5), "bike", p.pick([-1, 1])))
    for _ in range(p.int(4, 12)):
        z = p.uni(6, 60)
        things.append((z, p.pick([-1, 1]) * p.uni(4.6, 6.8), "walker", 0))
    for x, y, k, depth, (kind, extra) in far_to_near(p, cam, things):
        if kind == "tree":
            (flame_tree if extra == "flame" else green_tree)(p, x, y, k * 8.5, depth=depth)
        elif kind == "bike":
            motorbike(p, x, y, k * 1.8, extra, depth)
        else:
            random_person(p, x, y, k * 1.65, depth, hats=0.2)
    wires(p, cam)


def scene_night(p: Painter) -> None:
    hz = p.h * p.uni(0.55, 0.66)
    paint_sky(p, hz, clouds=0.6)
    p.haze_band(hz - p.h * 0.25, hz, 0.6, (120, 80, 70))  # city glow on low cloud
    if p.chance(0.5):
        p.ellipse(p.uni(0.1, 0.9) * p.w, p.h * 0.12, p.u * 1.6, p.u * 1.6, (236, 232, 210))
    with p.layer(reflect_at=hz, reflect=0.8):
        boxes = skyline(p, hz, 0, p.w, p.h * 0.08, p.h * 0.26, 0.2, lit_windows=0.35, towers=0.5)
        lamps = []
        for x0, x1, top in boxes:
            if p.chance(0.3):  # LED outlines on towers
                c = p.pick([(120, 200, 255), (255, 120, 200), (120, 255, 160)])
                p.line([(x0, hz), (x0, top), (x1, top), (x1, hz)], c, max(1, p.u * 0.2))
                lamps.append(((x0 + x1) / 2, top, c))
        for x in np.arange(p.u * 2, p.w, p.u * 3.5):
            lamps.append((x, hz - p.u * 1.2, (255, 200, 120)))
            p.ellipse(x, hz - p.u * 1.2, p.u * 0.25, p.u * 0.25, (255, 240, 200))
    p.glow(lamps, p.u * 0.6, 0.9)
    paint_water(p, hz, (10, 14, 26), gloss=0.5, waves=0.6, rough=0.7)
    # light reflections stretch into long vertical streaks on the water
    with p.layer(blur=p.u * 0.15):
        for x, _, c in lamps:
            for _ in range(6):
                y = hz + p.uni(0.02, 0.5) * (p.h - hz)
                ln = p.u * p.uni(0.8, 3)
                p.line([(x + p.uni(-0.5, 0.5) * p.u, y), (x + p.uni(-0.5, 0.5) * p.u, y)],
                       c + (p.int(60, 160),), max(1, p.u * 0.3))
                p.line([(x - ln / 2, y), (x + ln / 2, y)], c + (p.int(40, 120),), 1)


def scene_market(p: Painter) -> None:
    """A street market: shophouses, awnings, baskets and vendors on stools."""
    back = p.h * p.uni(0.48, 0.56)
    fh = p.h * 0.09
    paint_sky(p, back, clouds=0.6)
    x = -p.u * p.uni(0, 6)
    while x < p.w:
        wdt = p.u * p.uni(13, 19)
        shophouse(p, x, x + wdt, back, p.int(3, 5), fh, p.pick(WALLS), 0.1)
        x += wdt
    p.rect(0, back, p.w, p.h, p.lit((132, 124, 112), 0.8))
    aw_top, aw_bot = back - fh * 1.25, back - fh * 0.55
    x = -p.u * 2
    while x < p.w:  # stalls with tarpaulin awnings along the houses
        wdt = p.u * p.uni(12, 20)
        c = p.pick([(40, 90, 170), (200, 50, 40), (230, 160, 40), (40, 130, 90)])
        awning = [(x, aw_top), (x + wdt, aw_top), (x + wdt * 1.04, aw_bot), (x - wdt * 0.04, aw_bot)]
        p.poly(awning, p.lit(c, 0.95))
        if p.chance(0.5):
            for sx in np.arange(x, x + wdt, wdt / 6)[::2]:
                p.poly([(sx, aw_top), (sx + wdt / 6, aw_top), (sx + wdt / 6 * 1.04, aw_bot),
                        (sx - wdt * 0.0, aw_bot)], p.lit((240, 240, 236), 0.95))
        p.rect(x - wdt * 0.04, aw_bot, x + wdt * 1.04, aw_bot + fh * 0.06, p.lit(c, 0.3))
        if p.chance(0.7):
            random_person(p, x + wdt * p.uni(0.3, 0.7), back + p.h * 0.01, fh * 1.6, 0.2, 0.5)
        p.rect(x + wdt * 0.08, back - fh * 0.35, x + wdt * 0.92, back + p.h * 0.02,
               p.lit((120, 90, 60), 0.6))
        for k in range(3):
            produce_basket(p, x + wdt * (0.25 + 0.25 * k), back - fh * 0.38, wdt * 0.11)
        x += wdt
    # Baskets, vendors and shoppers in the lane, drawn back to front.
    things = []
    for _ in range(int(p.w / p.u * 0.35)):
        t = p.uni(0, 1)
        things.append((back + (p.h - back) * (0.12 + 0.88 * t), p.uni(-0.05, 1.05) * p.w,
                       p.pick(["basket", "basket", "vendor", "shopper"])))
    things.sort()
    for y, x, kind in things:
        s = p.h * 0.2 * (0.35 + 1.3 * (y - back) / (p.h - back))  # person height here
        if not p.busy_ok(x, y - s * 0.3):
            continue
        if kind == "shopper":
            random_person(p, x, y, s, 0.0, hats=0.5)
            continue
        produce_basket(p, x, y, s * 0.32)
        if kind == "vendor":  # sitting on a low stool beside the basket
            side = p.pick([-1, 1])
            vx = x + side * s * 0.5
            p.rect(vx - s * 0.08, y - s * 0.14, vx + s * 0.08, y, p.lit((60, 110, 170), 0.8))
            figure(p, vx, y, s * 0.95, p.pick(CLOTHES), p.pick([(40, 44, 60), (90, 80, 70)]),
                   hat="conical" if p.chance(0.7) else None, pose="sit", facing=-side,
                   arms=0.5)
