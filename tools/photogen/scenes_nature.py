"""Nature: flamboyant trees in bloom and rice fields."""

from __future__ import annotations

import math

import numpy as np
from PIL import ImageFilter

from .buildings import skyline
from .canvas import Painter
from .colour import BLOSSOM, LEAF, ROOF_TILES, mix, scale
from .landscape import paint_ridge, paint_sky, paint_water
from .people import figure
from .plants import branch, flower, frond, palm
from .street import Persp


def scene_flowers(p: Painter) -> None:
    """Looking up into flamboyant branches in bloom, a lake and the city
    out of focus behind."""
    hz = p.h * p.uni(0.58, 0.7)
    paint_sky(p, hz)
    skyline(p, hz, 0, p.w, p.h * 0.05, p.h * 0.12, 0.45, towers=0.2)
    paint_water(p, hz, (70, 100, 90), gloss=0.5)
    for _ in range(int(p.w / p.u * 1.5)):  # distant crowns in bloom, to be blurred
        r = p.u * p.uni(2, 6)
        p.ellipse(p.uni(0, p.w), p.uni(-0.05, 0.35) * p.h, r, r * 0.7,
                  p.lit(p.pick(BLOSSOM + LEAF), p.uni(0.5, 1.0)))
    p.set_image(p.img.filter(ImageFilter.GaussianBlur(p.u * 0.9)))  # shallow focus
    tips: list = []
    starts = [(-p.u * 2, p.h * p.uni(0.05, 0.3), p.uni(-0.3, 0.2)),
              (p.w + p.u * 2, p.h * p.uni(0.0, 0.2), math.pi + p.uni(-0.2, 0.3))]
    for _ in range(int(p.w / p.h * 1.2 + p.uni(0.4, 1.4))):  # wide frames need more branches
        starts.append((p.w * p.uni(0.25, 0.75), -p.u * 2, math.pi / 2 + p.uni(-0.6, 0.6)))
    for x, y, ang in starts:
        branch(p, x, y, ang, (p.w + p.h) * p.uni(0.15, 0.2), p.u * 2.2, 3, tips)
    for x, y, ang in tips:
        if not p.busy_ok(x, y):
            continue
        for _ in range(3):
            frond(p, x, y, ang + p.uni(-1.2, 1.2), p.u * p.uni(5, 9),
                  p.lit(p.pick(LEAF), p.uni(0.4, 1.0)))
    for x, y, _ in tips:
        if not p.busy_ok(x, y):
            continue
        for _ in range(p.int(3, 8)):
            fx, fy = x + p.uni(-4, 4) * p.u, y + p.uni(-2.5, 2.5) * p.u
            flower(p, fx, fy, p.u * p.uni(0.9, 1.6))


def scene_field(p: Painter) -> None:
    """Rice paddies in perspective with a village tree line on the horizon."""
    hz = p.h * p.uni(0.34, 0.46)
    paint_sky(p, hz)
    if p.chance(0.6):
        paint_ridge(p, hz, p.h * 0.07, (110, 130, 140), 0.8, humps=3)
    for x in np.arange(0, p.w, p.u * 1.5):  # bamboo and village trees
        r = p.u * p.uni(1.0, 2.4)
        p.ellipse(x, hz - r * 0.6, r, r, p.lit(p.pick(LEAF), p.uni(0.3, 0.9), 0.45))
    for _ in range(p.int(2, 6)):  # roofs peeping out of the village
        x = p.uni(0, 1) * p.w
        p.poly([(x - p.u * 1.5, hz), (x + p.u * 1.5, hz), (x + p.u, hz - p.u), (x - p.u, hz - p.u)],
               p.lit(p.pick(ROOF_TILES), 0.8, 0.45))
    for _ in range(p.int(0, 3)):
        palm(p, p.uni(0, 1) * p.w, hz + p.u * 0.5, p.h * p.uni(0.08, 0.14), p.uni(-1, 1), 0.45)
    cam = Persp(hz, p.w * p.uni(0.3, 0.7), p.w * 0.6, 2.0)
    stage = p.pick(["young", "green", "ripe", "flooded"])
    base = {"young": (130, 176, 80), "green": (84, 140, 60), "ripe": (200, 182, 80),
            "flooded": (150, 170, 170)}[stage]
    p.rect(0, hz, p.w, p.h, p.lit(base, 0.8, 0.3))
    rows = []
    z = 600.0
    while z > 1.0:
        dz = z * p.uni(0.15, 0.3)
        rows.append((z - dz, z))
        z -= dz
    dyke = p.lit(mix(base, (150, 136, 96), 0.55), 0.8)
    grass = p.lit(mix(base, (100, 140, 70), 0.5), 0.8)
    for z0, z1 in rows:
        X = -600.0 + p.uni(0, 10)
        while X < 600.0:
            dx = p.uni(10, 30)
            c = p.lit(p.jitter(base, 18), p.uni(0.7, 0.95), min(0.6, z0 / 400))
            if stage == "flooded" and p.chance(0.5):
                c = mix(p.light.horizon, c, 0.35)
            elif stage != "flooded" and p.chance(0.12):
                c = mix(c, p.light.horizon, 0.4)  # a plot just planted, still mirroring the sky
            p.poly(cam.quad(X, X + dx, z0, z1), c)
            p.line([cam.pt(X, 0, z0), cam.pt(X, 0, z1)], dyke, max(1, cam.k(z0) * 0.12))
            X += dx
        p.line([cam.pt(-600, 0, z0), cam.pt(600, 0, z0)], dyke, max(1, cam.k(z0) * 0.15))
    px = p.uni(-6, 6)
    p.poly(cam.quad(px - 0.6, px + 0.6, 1.0, 500, 0.1), grass)  # a raised path between the plots
    p.poly(cam.quad(px - 0.3, px + 0.3, 1.0, 500, 0.12), dyke)
    for _ in range(p.int(1, 3)):
        z, X = p.uni(12, 40), p.uni(-12, 12)
        x, y = cam.pt(X, 0, z)
        if p.busy_ok(x, y):
            figure(p, x, y, cam.k(z) * 1.6, p.pick([(70, 90, 130), (220, 220, 210)]), (40, 44, 50),
                   hat="conical", arms=0.6)
    with p.layer():  # rice plants close by, in rows
        for _ in range(int(p.w * (p.h - hz) / (p.u * p.u) * 0.5)):
            x, y = p.uni(0, p.w), hz + (p.h - hz) * p.uni(0.15, 1) ** 0.6
            if not p.busy_ok(x, y) and p.chance(0.8):
                continue
            s = p.u * 1.4 * (y - hz) / (p.h - hz)
            c = p.lit(p.jitter(scale(base, 0.8), 22), p.uni(0.5, 1.0))
            for k in range(3):
                p.line([(x, y), (x + (k - 1) * s * 0.3, y - s)], c + (170,), 1)
    for _ in range(p.int(0, 6)):  # egrets
        z, X = p.uni(8, 60), p.uni(-20, 20)
        x, y = cam.pt(X, 0, z)
        if p.busy_ok(x, y):
            s = cam.k(z) * 0.5
            p.ellipse(x, y - s, s * 0.8, s * 0.4, (244, 244, 240))
            p.line([(x + s * 0.6, y - s), (x + s * 0.9, y - s * 1.8)], (244, 244, 240),
                   max(1, s * 0.2))
