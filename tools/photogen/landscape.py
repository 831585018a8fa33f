"""Sky, clouds, water, surf, gulls, hills and karst islands."""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .canvas import Painter
from .colour import Colour, mix, scale, to_u8


def paint_sky(p: Painter, horizon: float, clouds: float = 1.0) -> None:
    L = p.light
    hz = int(min(p.h, max(2, round(horizon))))
    y = np.arange(hz, dtype=np.float32)[:, None]
    x = np.arange(p.w, dtype=np.float32)[None, :]
    t = (y / (hz - 1))[..., None]
    top, bot = np.array(L.zenith, np.float32), np.array(L.horizon, np.float32)
    sky = np.broadcast_to(top + (bot - top) * (t * t), (hz, p.w, 3)).copy()
    # A broad glow around the sun, even when the sun itself is off frame.
    sun_y = hz * (1 - L.sun_height)
    glow_col = np.array(L.sun or mix(L.horizon, (255, 255, 255), 0.5), np.float32)
    d2 = ((x - p.sun_x) ** 2 + (y - sun_y) ** 2) / np.float32((p.h * 0.35) ** 2)
    sky += (glow_col - sky) * (np.float32(L.glow) / (1 + d2))[..., None]
    p.img.paste(Image.fromarray(to_u8(sky)), (0, 0))
    if L.dark:
        stars = int(p.w * hz / (p.u * p.u) * 0.05)
        for _ in range(stars):
            sx, sy = p.uni(0, p.w), p.uni(0, hz * 0.7)
            p.rect(sx, sy, sx, sy, mix(L.zenith, (255, 255, 240), p.uni(0.3, 0.8)))
    cover = L.cloud_cover * clouds * p.uni(0.4, 1.5)
    paint_clouds(p, hz, cover)
    if L.sun is not None and 0 < L.sun_height < 1:
        r = p.u * 2.0
        p.glow([(p.sun_x, sun_y, L.sun)], r * 2.5, 0.7)
        p.ellipse(p.sun_x, sun_y, r, r, mix(L.sun, (255, 255, 255), 0.5))


def paint_clouds(p: Painter, bottom: int, cover: float) -> None:
    """Soft cumulus puffs (or evening streaks), lit from above."""
    if cover < 0.03 or bottom < 8:
        return
    L = p.light
    k = 4  # clouds are soft, so they are drawn at quarter size
    mw, mh = max(8, p.w // k), max(4, bottom // k)
    mask = Image.new("L", (mw, mh), 0)
    d = ImageDraw.Draw(mask)
    streaky = L.name in ("golden", "dusk") or p.chance(0.2)
    n = int(cover * 9 * mw / mh) + 1
    for _ in range(n):
        t = p.uni(0, 1) ** 0.8
        cy = t * mh * 0.9
        size = mh * (0.2 - 0.13 * t) * p.uni(0.6, 1.4)
        cx = p.uni(-0.1, 1.1) * mw
        if streaky and p.chance(0.6):
            d.ellipse([cx - size * 4, cy - size * 0.16, cx + size * 4, cy + size * 0.16],
                      fill=p.int(110, 230))
            continue
        for _ in range(p.int(5, 10)):
            dx = p.uni(-1.5, 1.5) * size
            r = size * p.uni(0.35, 0.8) * (1.0 - 0.3 * abs(dx) / size)
            dy = -r * p.uni(0.1, 0.7)
            d.ellipse([cx + dx - r, cy + dy - r * 0.7, cx + dx + r, cy + dy + r * 0.7],
                      fill=255)
    mask = mask.filter(ImageFilter.GaussianBlur(max(0.8, mh * 0.012)))
    m = np.asarray(mask.resize((p.w, bottom), Image.Resampling.BILINEAR),
                   dtype=np.float32) / 255
    # Brightness follows how much cloud lies just below: bottoms go grey.
    ks = max(1, bottom // 30)
    below = np.zeros_like(m)
    below[:-ks] = m[ks:]
    lit, shadow = np.array(L.cloud, np.float32), np.array(L.cloud_shadow, np.float32)
    col = shadow + (lit - shadow) * below[..., None]
    a = (m * 0.93)[..., None]
    sky = np.asarray(p.img.crop((0, 0, p.w, bottom))).astype(np.float32)
    p.img.paste(Image.fromarray(to_u8(sky * (1 - a) + col * a)), (0, 0))


def paint_water(p: Painter, top: float, colour: Colour | None = None, gloss: float = 0.6,
                waves: float = 1.0, rough: float = 1.0) -> None:
    """Water from `top` to the bottom: mirrors what is above, with waves."""
    L = p.light
    hz = int(round(top))
    n = p.h - hz
    if n <= 1:
        return
    src = p.img.crop((0, max(0, hz - n), p.w, hz)).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    refl = Image.new("RGB", (p.w, n), L.zenith)  # beyond the frame top: more sky
    refl.paste(src, (0, 0))
    refl = refl.resize((p.w, max(1, n // 4)), Image.Resampling.BILINEAR).resize(
        (p.w, n), Image.Resampling.BILINEAR)
    r = p.ripple(np.asarray(refl), rough).astype(np.float32)
    deep = np.array(colour or L.water, np.float32)
    near = np.array(mix(L.horizon, colour or L.water, 0.55), np.float32)
    t = np.linspace(0.0, 1.0, n, dtype=np.float32)[:, None, None]
    base = near + (deep - near) * t
    # Water mirrors more at grazing angles (far away) than looking down.
    f = np.float32(gloss) * (1 - 0.55 * t)
    p.img.paste(Image.fromarray(to_u8(base * (1 - f) + r * f)), (0, hz))
    water_texture(p, hz, p.h, waves)
    if L.sun is not None and 0 < L.sun_height < 1:
        sun_glitter(p, hz)


def water_texture(p: Painter, top: float, bottom: float, amount: float = 1.0) -> None:
    L = p.light
    hi = mix(L.horizon, (255, 255, 255), 0.35)
    lo = scale(L.water, 0.65)
    span = bottom - top
    n = int(amount * p.w * span / (p.u * p.u) * 0.3)
    with p.layer():
        for _ in range(n):
            t = p.uni(0, 1)
            y = top + t * span
            x = p.uni(-0.05, 1.05) * p.w
            if not p.busy_ok(x, y) and p.chance(0.7):
                continue
            length = p.u * (0.3 + 3.2 * t) * p.uni(0.4, 1.4)
            thick = max(1.0, p.u * 0.1 * (0.3 + 2 * t))
            col = hi if p.chance(0.5) else lo
            p.line([(x - length / 2, y), (x + length / 2, y)], col + (p.int(35, 110),), thick)


def sun_glitter(p: Painter, top: float) -> None:
    span = p.h - top
    c = mix(p.light.sun, (255, 255, 255), 0.4)
    with p.layer():
        for _ in range(int(span / p.u * 12)):
            t = p.uni(0, 1) ** 1.5
            y = top + t * span
            x = p.sun_x + float(p.rng.standard_normal()) * p.u * (1.5 + 14 * t)
            length = p.u * (0.4 + 2.5 * t) * p.uni(0.3, 1.2)
            p.line([(x - length / 2, y), (x + length / 2, y)], c + (p.int(90, 230),),
                   max(1, p.u * 0.12 * (0.5 + 2 * t)))


def surf(p: Painter, shore: float, span: float) -> None:
    """Broken lines of breaking waves and foam along the beach."""
    with p.layer():
        for k in range(5):
            y = shore - span * 0.03 * k * (1 + k * 0.4)
            width = max(1, p.u * (0.7 - k * 0.12))
            x = -p.u * p.uni(0, 8)
            while x < p.w:
                ln = p.u * p.uni(4, 20)
                pts = [(xx, y + math.sin(xx / p.u * 0.35 + k * 1.7) * p.u * 0.25)
                       for xx in np.linspace(x, x + ln, 8)]
                p.line(pts, (244, 246, 242, p.int(140, 240)), width)
                if k == 0:
                    for _ in range(3):
                        p.ellipse(x + p.uni(0, ln), y + p.u * p.uni(0.3, 1.6), p.u * p.uni(0.8, 2.5),
                                  p.u * 0.25, (240, 244, 240, p.int(60, 140)))
                x += ln + p.u * p.uni(0.5, 5) * (1 + k * 0.5)


def gulls(p: Painter, hz: float) -> None:
    for _ in range(p.int(0, 6)):
        x, y, s = p.uni(0.1, 0.9) * p.w, p.uni(0.1, 0.8) * hz, p.u * p.uni(0.6, 1.4)
        c = p.lit((60, 60, 64), 0.5)
        p.line([(x - s, y - s * 0.3), (x - s * 0.4, y - s * 0.45), (x, y)], c, max(1, s * 0.15))
        p.line([(x, y), (x + s * 0.4, y - s * 0.45), (x + s, y - s * 0.3)], c, max(1, s * 0.15))


def ridge_profile(p: Painter, n: int, humps: int, jag: float, floor: float = 0.0):
    xs = np.linspace(0.0, 1.0, n)
    env = np.full(n, floor)
    for _ in range(humps):
        c, wd, a = p.uni(-0.1, 1.1), p.uni(0.15, 0.5), p.uni(0.45, 1.0)
        env = np.maximum(env, a * np.clip(1 - ((xs - c) / wd) ** 2, 0, None))
    rough = np.zeros(n)
    for k in (3, 7, 13, 29):
        rough += p.uni(0.4, 1.0) / k ** 0.6 * np.sin(xs * k * 6.283 * p.uni(0.8, 1.2)
                                                    + p.uni(0, 6.283))
    return xs, np.clip(env * (1 + jag * rough), 0, None)


def paint_ridge(p: Painter, base: float, height: float, colour: Colour, depth: float,
                x0: float = -0.02, x1: float = 1.02, humps: int = 2, jag: float = 0.3,
                texture: float = 0.0, floor: float = 0.0) -> None:
    """A range of hills as a silhouette; near ranges get tree-clump texture."""
    xs, prof = ridge_profile(p, 96, humps, jag, floor)
    pts = [(x0 * p.w + x * (x1 - x0) * p.w, base - v * height) for x, v in zip(xs, prof, strict=True)]
    pts += [(x1 * p.w, base + 1), (x0 * p.w, base + 1)]
    p.poly(pts, p.lit(colour, 0.6, depth))
    if texture > 0:
        clip = p.mask(pts)
        with p.layer(clip=clip):
            for _ in range(int(texture * p.w / p.u * 6)):
                x = p.uni(x0, x1) * p.w
                y = base - p.uni(0, 1.05) * height
                r = p.u * p.uni(0.4, 1.4) * (1.2 - depth)
                c = p.lit(p.jitter(colour, 18), p.uni(0.2, 1.0), depth)
                p.ellipse(x, y, r, r * 0.7, c + (p.int(90, 200),))
    p.haze_band(base - height * 0.5, base + 1, 0.35 * (1 - depth) + 0.2)


def paint_karst(p: Painter, cx: float, base: float, width: float, height: float,
                depth: float) -> None:
    """A limestone island of Lan Hạ / Hạ Long bay: steep towers, green tops,
    grey cliffs and a dark notch eroded at the waterline."""
    n = 90
    xs = np.linspace(-1.0, 1.0, n)
    prof = np.zeros(n)
    for _ in range(p.int(1, 4)):
        c, wd, hh = p.uni(-0.55, 0.55), p.uni(0.25, 0.55), p.uni(0.5, 1.0)
        u = np.clip(np.abs(xs - c) / wd, 0, 1)
        prof = np.maximum(prof, hh * np.sqrt(np.clip(1 - u ** 6, 0, None)))
    prof *= 1 + 0.04 * np.sin(xs * p.uni(23, 37) + p.uni(0, 6.28))
    pts = [(cx + x * width / 2, base - v * height) for x, v in zip(xs, prof, strict=True)]
    pts += [(cx + width / 2, base + 1), (cx - width / 2, base + 1)]
    green, rock = (58, 96, 58), (156, 150, 130)
    p.poly(pts, p.lit(green, 0.55, depth))
    sun = p.sun_side(cx)
    with p.layer(clip=p.mask(pts)):
        for _ in range(int(width / p.u * 4) + 4):  # bare cliff faces, streaked by rain
            x = cx + p.uni(-0.5, 0.5) * width
            y0 = base - p.uni(0.05, 0.85) * height
            face = 0.9 if (x - cx) * sun > 0 else 0.25
            p.line([(x, y0), (x + p.uni(-1, 1) * p.u, base)],
                   p.lit(p.jitter(rock, 14), face, depth) + (p.int(70, 170),),
                   p.u * p.uni(0.3, 1.8) * (1.3 - depth))
        for _ in range(int(width / p.u * 5)):  # shrubs clinging to the rock
            x, y = cx + p.uni(-0.5, 0.5) * width, base - p.uni(0.15, 1.0) * height
            r = p.u * p.uni(0.3, 1.0) * (1.3 - depth)
            face = 0.8 if (x - cx) * sun > 0 else 0.3
            p.ellipse(x, y, r, r * 0.8, p.lit(p.jitter(green, 15), face, depth) + (170,))
        notch = max(1.0, height * 0.05)
        p.rect(cx - width, base - notch, cx + width, base + 1,
               p.lit((46, 44, 40), 0.2, depth) + (220,))
    p.haze_band(base - height * 0.6, base + 1, 0.25)
