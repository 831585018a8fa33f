"""Perspective streets: the camera, the road with its tube houses, wires and motorbikes."""

from __future__ import annotations

import itertools

import numpy as np

from .canvas import Painter
from .colour import CLOTHES, SIGNS, TROUSERS, WALLS, scale
from .people import figure


class Persp:
    """A level pinhole camera over flat ground: metres to canvas pixels.
    X runs right, Y up from the ground, Z away from the camera."""

    def __init__(self, horizon: float, cx: float, focal: float, height: float):
        self.hz, self.cx, self.f, self.cam = horizon, cx, focal, height

    def pt(self, X: float, Y: float, Z: float) -> tuple[float, float]:
        Z = max(Z, 0.05)
        return (self.cx + self.f * X / Z, self.hz + self.f * (self.cam - Y) / Z)

    def k(self, Z: float) -> float:
        return self.f / max(Z, 0.05)

    def quad(self, X0, X1, Z0, Z1, Y=0.0):
        return [self.pt(X0, Y, Z0), self.pt(X1, Y, Z0), self.pt(X1, Y, Z1), self.pt(X0, Y, Z1)]

    def wall(self, X, Z0, Z1, Y0, Y1):
        return [self.pt(X, Y0, Z0), self.pt(X, Y0, Z1), self.pt(X, Y1, Z1), self.pt(X, Y1, Z0)]


def far_to_near(p: Painter, cam: Persp, things: list[tuple]):
    """Things standing on the ground, given as tuples (Z, X, ...), farthest
    first: yields (x, y, k, depth, rest) for those clear of the calm corner,
    where k is pixels per metre at that distance and rest lists the rest of
    the tuple."""
    for z, X, *rest in sorted(things, key=lambda t: -t[0]):
        x, y = cam.pt(X, 0, z)
        k = cam.k(z)
        if p.busy_ok(x, y - k):
            yield x, y, k, min(0.8, z / 150), rest


def street_setting(p: Painter, cam: Persp, half_road: float, walk: float,
                   far: float = 160.0) -> None:
    """Road, pavements and rows of narrow tube houses on both sides."""
    p.rect(0, cam.hz, p.w, p.h, p.lit((150, 146, 138), 0.8))
    p.poly(cam.quad(-half_road, half_road, 0.5, 400), p.lit((92, 92, 96), 0.8))
    for z in np.arange(3.0, 160.0, 7.0):
        p.poly(cam.quad(-0.08, 0.08, z, z + 3), p.lit((228, 228, 220), 0.8))
    for s in (-1, 1):
        p.poly(cam.quad(s * half_road, s * (half_road + 0.25), 0.5, 400, 0.15),
               p.lit((190, 186, 176), 0.9))
        lots = []
        z = p.uni(0.5, 3.0)
        while z < far:
            lot = p.uni(4.0, 6.5)
            lots.append((z, z + lot, p.uni(7.0, 18.0)))
            z += lot
        for z0, z1, hgt in reversed(lots):
            tube_house(p, cam, s * (half_road + walk), z0, z1, hgt, s)


def tube_house(p: Painter, cam: Persp, X: float, z0: float, z1: float, hgt: float,
               side: int) -> None:
    """A narrow Vietnamese 'tube house' facade seen obliquely along a street."""
    wall = p.jitter(p.pick(WALLS), 10)
    facing = 0.95 if p.sun_side(cam.pt(X, 0, z0)[0]) == -side else 0.25
    end_wall = p.lit(scale(wall, 0.9), 1.0 - facing, 0.0)
    p.poly([cam.pt(X, 0, z0), cam.pt(X + side * 6, 0, z0), cam.pt(X + side * 6, hgt, z0),
            cam.pt(X, hgt, z0)], end_wall)
    p.poly(cam.wall(X, z0, z1, 0, hgt), p.lit(wall, facing))
    shade = p.lit(scale(wall, 0.55), 0.2)
    for fl in range(1, int(hgt / 3.3)):
        y = fl * 3.3
        p.poly(cam.wall(X, z0 + 0.8, z1 - 0.8, y + 0.6, y + 2.6),
               p.lit(p.pick([(70, 110, 80), (80, 80, 90), (60, 90, 120), (120, 70, 50)]), 0.5))
        p.line([cam.pt(X - side * 0.6, y + 0.9, z0 + 0.2), cam.pt(X - side * 0.6, y + 0.9, z1 - 0.2)],
               shade, max(1, cam.k(z0) * 0.12))
    sign = p.lit(p.pick(SIGNS), 0.9)
    p.poly(cam.wall(X - side * 0.05, z0 + 0.3, z1 - 0.3, 2.6, 3.2), sign)
    p.poly(cam.wall(X, z0 + 0.4, z1 - 0.4, 0, 2.5), p.lit((120, 118, 114), 0.4))


def wires(p: Painter, cam: Persp) -> None:
    """Sagging overhead cables strung between poles — a Vietnamese street
    is hardly ever without them."""
    c = p.lit((40, 40, 44), 0.5)
    for s in (-1, 1):
        poles = list(np.arange(p.uni(2, 5), 100, 14.0))
        for z in poles:
            a, b = cam.pt(s * 4.6, 0, z), cam.pt(s * 4.6, 8.5, z)
            p.line([a, b], p.lit((120, 120, 116), 0.5), max(1, cam.k(z) * 0.18))
        for k in range(3):
            h = 7.5 + k * 0.4
            for z0, z1 in itertools.pairwise(poles):
                pts = [cam.pt(s * 4.6, h - 0.9 * 4 * t * (1 - t), z0 + (z1 - z0) * t)
                       for t in np.linspace(0, 1, 8)]
                p.line(pts, c, 1)


def motorbike(p: Painter, x: float, base: float, size: float, facing: int,
              depth: float = 0.0) -> None:
    """A scooter with a helmeted rider — the shape of every Vietnamese street."""
    f = facing
    wr = size * 0.17
    dark = p.lit((26, 26, 28), 0.5, depth)
    body = p.lit(p.pick([(200, 40, 40), (240, 240, 236), (30, 60, 130), (40, 40, 44),
                         (200, 170, 60), (150, 150, 156)]), 0.85, depth)
    rear, front = x - f * size * 0.34, x + f * size * 0.36
    for wx in (rear, front):
        p.ellipse(wx, base - wr, wr, wr, dark)
        p.ellipse(wx, base - wr, wr * 0.45, wr * 0.45, p.lit((150, 150, 150), 0.7, depth))
    seat_y = base - size * 0.45
    p.poly([(rear - f * wr * 1.3, seat_y + size * 0.03), (x + f * size * 0.02, seat_y + size * 0.03),
            (x + f * size * 0.06, base - wr * 1.1), (rear - f * wr * 0.8, base - wr * 1.2)], body)
    p.rect(x, base - wr * 1.35, front - f * wr * 0.9, base - wr * 1.05, body)
    p.poly([(front - f * wr * 1.1, base - wr * 1.05), (front - f * wr * 0.3, base - wr * 1.1),
            (front - f * wr * 0.1, base - size * 0.6), (front - f * wr * 0.8, base - size * 0.6)],
           body)
    p.rect(rear - f * wr * 1.1, seat_y - size * 0.02, x + f * size * 0.02, seat_y + size * 0.03,
           dark)
    hb = (front - f * wr * 0.5, base - size * 0.63)
    p.line([(front, base - wr), hb], dark, max(1, size * 0.03))
    rh = size * 1.05
    figure(p, x - f * size * 0.08, seat_y + rh * 0.27, rh, p.pick(CLOTHES),
           p.pick(TROUSERS), hat="helmet", depth=depth,
           pose="sit", facing=f, arms=0.9)
