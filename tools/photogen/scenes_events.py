"""Gatherings: festival, parade, group portrait."""

from __future__ import annotations

import numpy as np
from PIL import ImageFilter

from .buildings import skyline
from .canvas import Painter
from .colour import AO_DAI, CLOTHES, TROUSERS
from .landscape import paint_sky
from .people import crowd, figure, random_person
from .plants import flame_tree, green_tree
from .props import bunting, fireworks, lantern, star
from .street import Persp, far_to_near, street_setting


def scene_festival(p: Painter) -> None:
    hz = p.h * p.uni(0.5, 0.6)
    evening = p.light.name in ("dusk", "golden") and p.chance(0.8)
    paint_sky(p, hz, clouds=0.6)
    if evening:
        for _ in range(p.int(2, 4)):
            fireworks(p, p.uni(0.1, 0.9) * p.w, p.uni(0.12, 0.4) * hz * 1.3, p.u * p.uni(5, 9),
                      p.pick([(255, 90, 80), (255, 210, 90), (120, 200, 255), (255, 140, 220)]))
    skyline(p, hz, 0, p.w, p.h * 0.1, p.h * 0.2, 0.25, towers=0.1,
            lit_windows=0.5 if evening else 0.0)
    p.rect(0, hz, p.w, p.h, p.lit((160, 150, 140), 0.8))
    for k in range(p.int(2, 4)):  # bunting strung across the square
        y = p.h * (0.08 + 0.1 * k)
        bunting(p, (-p.u * 2, y), (p.w + p.u * 2, y + p.uni(-1, 1) * p.u * 4), p.h * 0.06,
                p.u * 1.6)
    for x in (p.w * 0.06, p.w * 0.94):
        flame_tree(p, x, hz + p.h * 0.12, p.h * 0.55, bloom=1.0)
    for _ in range(p.int(4, 9)):
        x, y = p.uni(0.1, 0.9) * p.w, p.uni(0.2, 0.4) * p.h
        lantern(p, x, y, p.u * 1.4)
        if evening:
            p.glow([(x, y, (255, 120, 60))], p.u * 0.8, 0.6)
    for x in np.linspace(p.w * 0.15, p.w * 0.85, p.int(3, 6)):  # flags on poles
        y = hz + p.h * 0.02
        p.line([(x, y), (x, y - p.h * 0.22)], (200, 200, 196), max(1, p.u * 0.2))
        p.rect(x, y - p.h * 0.22, x + p.u * 4, y - p.h * 0.22 + p.u * 2.6, p.lit((214, 36, 34), 0.9))
        star(p, x + p.u * 2, y - p.h * 0.22 + p.u * 1.3, p.u * 0.8, (250, 214, 60))
    crowd(p, hz + p.h * 0.16, p.h * 1.04, p.h * 0.1, p.h * 0.26, 3, 0.8)


def scene_parade(p: Painter) -> None:
    hz = p.h * p.uni(0.38, 0.46)
    paint_sky(p, hz, clouds=0.8)
    cam = Persp(hz, p.w * p.uni(0.45, 0.55), p.w * 0.5, 2.2)
    street_setting(p, cam, 8.0, 4.0, far=140)
    for s in (-1, 1):
        for z in np.arange(p.uni(5, 9), 120, 11):
            x, y = cam.pt(s * 9.5, 0, z)
            if p.busy_ok(x, y):
                flame_tree(p, x, y, cam.k(z) * 8, bloom=0.9, depth=min(0.8, z / 150))
    uniform = p.pick([(240, 240, 236), (60, 100, 70), (30, 50, 100), (200, 40, 40)])
    trousers = p.pick([(240, 240, 236), (30, 40, 70), (40, 70, 50)])
    things = []
    for z in np.arange(60.0, 7.0, -1.6):  # marching block, several files wide
        for X in np.linspace(-4.5, 4.5, 7):
            things.append((z, X, "marcher"))
    for z in (5.0, 62.0):
        things.append((z, -2.0, "flag"))
        things.append((z, 2.0, "flag"))
    for s in (-1, 1):  # onlookers along the kerbs
        for z in np.arange(3.0, 90.0, 1.2):
            things.append((z + p.uni(0, 0.8), s * (8.6 + p.uni(0, 1.5)), "onlooker"))
    stride = 0.5
    for x, y, k, depth, (kind,) in far_to_near(p, cam, things):
        if kind == "marcher":
            stride = -stride
            figure(p, x, y, k * 1.72, uniform, trousers, hat="cap", stride=stride, depth=depth,
                   arms=0.3 * stride)
        elif kind == "flag":
            p.line([(x, y), (x, y - k * 3.8)], (200, 200, 196), max(1, k * 0.05))
            p.rect(x, y - k * 3.8, x + k * 1.6, y - k * 2.8, p.lit((214, 36, 34), 0.9, depth))
            star(p, x + k * 0.8, y - k * 3.3, k * 0.3, (250, 214, 60))
            figure(p, x - k * 0.2, y, k * 1.72, uniform, trousers, hat="cap", depth=depth)
        else:
            random_person(p, x, y, k * 1.65, depth, hats=0.3)
    banner_y = cam.pt(0, 7.0, 30)[1]
    x0, x1 = cam.pt(-8, 7, 30)[0], cam.pt(8, 7, 30)[0]
    p.rect(x0, banner_y, x1, banner_y + cam.k(30) * 1.2, p.lit((200, 36, 34), 0.9, 0.2))
    for k in range(6):
        tx = x0 + (x1 - x0) * (0.1 + 0.14 * k)
        p.rect(tx, banner_y + cam.k(30) * 0.4, tx + (x1 - x0) * 0.1, banner_y + cam.k(30) * 0.8,
               p.lit((250, 220, 90), 0.9, 0.2))


def scene_people(p: Painter) -> None:
    """A group portrait outdoors, background thrown out of focus."""
    hz = p.h * p.uni(0.45, 0.55)
    paint_sky(p, hz)
    for _ in range(int(p.w / p.u / 2)):
        green_tree(p, p.uni(0, 1) * p.w, hz + p.h * 0.02, p.h * p.uni(0.3, 0.5))
    p.rect(0, hz, p.w, p.h, p.lit((150, 160, 120), 0.8))
    p.set_image(p.img.filter(ImageFilter.GaussianBlur(p.u * 1.0)))
    with p.layer(opacity=0.35):  # bokeh discs from sunlit leaves
        for _ in range(40):
            r = p.u * p.uni(0.8, 2.2)
            p.ellipse(p.uni(0, p.w), p.uni(0, hz * 1.2), r, r, (255, 250, 220, 255))
    p.rect(0, p.h * 0.8, p.w, p.h, p.lit((160, 156, 144), 0.7))
    n = p.int(2, 4) if p.h > p.w else p.int(3, 6)
    # Keep the group clear of the caption corner when there is one.
    span = p.w * (0.7 if p.calm is None else 0.45 if p.h > p.w else 0.55)
    x0 = p.w * 0.5 - span / 2 if p.calm is None else p.w * (0.08 if p.h > p.w else 0.15)
    base = p.h * 0.95
    for k in range(n):
        x = x0 + span * (k + 0.5) / n + p.uni(-1, 1) * p.u
        hgt = min(p.h * p.uni(0.55, 0.72), p.w * p.uni(0.6, 0.75))
        with p.layer():
            p.ellipse(x + p.u * 2 * p.sun_side(x) * -1, base, hgt * 0.14, hgt * 0.02,
                      (40, 40, 36, 110))
        dress = p.chance(0.5)
        figure(p, x, base, hgt, p.pick(AO_DAI) if dress else p.pick(CLOTHES),
               (246, 246, 242) if dress else p.pick(TROUSERS),
               hat="conical" if dress and p.chance(0.5) else None, dress=dress,
               arms=p.uni(-0.15, 0.25))
