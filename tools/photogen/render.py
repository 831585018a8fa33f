"""From scene name to the displayed photo: painting, ageing, grain, label."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from book.placeholder_photos import label

from .canvas import Painter
from .colour import pick_light, to_u8
from .scenes_city import scene_city, scene_market, scene_night, scene_street
from .scenes_events import scene_festival, scene_parade, scene_people
from .scenes_landmarks import scene_opera_house, scene_temple
from .scenes_nature import scene_field, scene_flowers
from .scenes_port import scene_bridge, scene_cranes, scene_factory, scene_harbour, scene_ship
from .scenes_sea import scene_aerial, scene_beach, scene_island, scene_sea

if TYPE_CHECKING:  # spec imports SCENES from here
    from .spec import Entry

# Scenes are painted at 1/PAINT_SCALE of the final size and upscaled; fine
# grain is then added at full size so the files carry real detail.
PAINT_SCALE = 2

SCENES = {
    "harbour": scene_harbour, "cranes": scene_cranes, "ship": scene_ship, "city": scene_city,
    "street": scene_street, "bridge": scene_bridge, "sea": scene_sea, "island": scene_island,
    "beach": scene_beach, "festival": scene_festival, "flowers": scene_flowers,
    "temple": scene_temple, "opera-house": scene_opera_house, "people": scene_people,
    "factory": scene_factory, "parade": scene_parade, "night": scene_night,
    "aerial": scene_aerial, "field": scene_field, "market": scene_market,
}


def calm_zone(size: tuple[int, int]) -> tuple[float, float] | None:
    """Where a caption card may cover the picture (full-bleed pages and
    spreads put it bottom right), as fractions of width and height."""
    w, h = size
    if h > w:
        return (0.55, 0.72)
    if w / h >= 1.55:
        return (0.76, 0.72)
    return None


def paint_scene(scene: str, size: tuple[int, int], seed: int) -> Image.Image:
    """Paint `scene` at the reduced painting size for a photo of `size`."""
    rng = np.random.default_rng(seed)
    small = (max(16, round(size[0] / PAINT_SCALE)), max(16, round(size[1] / PAINT_SCALE)))
    p = Painter(small, rng, pick_light(rng, scene), calm_zone(size))
    SCENES[scene](p)
    img = p.img
    if p.calm is not None:
        # Soften the caption corner like an out-of-focus foreground.
        w, h = small
        m = Image.new("L", small, 0)
        ImageDraw.Draw(m).rectangle([p.calm[0] * w, p.calm[1] * h, w + 10, h + 10], fill=255)
        m = m.filter(ImageFilter.GaussianBlur(p.u * 3))
        img = Image.composite(img.filter(ImageFilter.GaussianBlur(p.u * 0.8)), img, m)
    elif rng.random() < 0.5:
        img = img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return vignette(img, 0.14)


def vignette(img: Image.Image, strength: float) -> Image.Image:
    w, h = img.size
    x = np.linspace(-1.0, 1.0, w, dtype=np.float32)[None, :]
    y = np.linspace(-1.0, 1.0, h, dtype=np.float32)[:, None]
    k = 1 - np.float32(strength) * (x * x + y * y) * np.float32(0.5)
    arr = np.asarray(img).astype(np.float32)
    arr *= k if arr.ndim == 2 else k[..., None]
    return Image.fromarray(to_u8(arr))


def archival_look(img: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Turn a painting into an old black-and-white print: neutral gray, low
    contrast, a softer lens, a slightly crooked horizon, a vignette, dust."""
    arr = np.asarray(img).astype(np.float32)
    g = arr[..., 0] * 0.3 + arr[..., 1] * 0.59 + arr[..., 2] * 0.11
    # Old prints: blacks lifted, highlights dulled, midtones kept.
    g = 18 + g * (222 / 255)
    g = 128 + (g - 128) * 1.08
    gray = Image.fromarray(to_u8(g), "L")
    w, h = gray.size
    angle = float(rng.uniform(-1.2, 1.2))
    rad = math.radians(abs(angle))
    zoom = math.cos(rad) + math.sin(rad) * max(w / h, h / w)
    gray = gray.rotate(angle, resample=Image.Resampling.BICUBIC)
    cw, ch = w / zoom, h / zoom
    gray = gray.resize((w, h), Image.Resampling.BICUBIC,
                       box=((w - cw) / 2, (h - ch) / 2, (w + cw) / 2, (h + ch) / 2))
    gray = gray.filter(ImageFilter.GaussianBlur(0.7))
    marks = Image.new("LA", gray.size, (0, 0))
    d = ImageDraw.Draw(marks)
    u = min(w, h) / 100
    for _ in range(int(rng.integers(8, 20))):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), u * rng.uniform(0.05, 0.25)
        d.ellipse([x - r, y - r, x + r, y + r], fill=(int(rng.choice([30, 235])), 200))
    x, y0 = rng.uniform(0.1, 0.9) * w, rng.uniform(0, 0.5) * h
    d.line([(x, y0), (x + rng.uniform(-2, 2) * u, y0 + rng.uniform(0.2, 0.5) * h)], fill=(220, 70))
    gray.paste(marks.convert("L"), (0, 0), marks.getchannel("A"))
    return vignette(gray, 0.45)


def add_grain(img: Image.Image, rng: np.random.Generator, sigma: float) -> Image.Image:
    """Fine seeded luminance grain at full size, strongest in the midtones
    (as on film); done in strips to keep memory small for big spreads."""
    arr = np.array(img)
    step = 256
    for y0 in range(0, arr.shape[0], step):
        blk = arr[y0:y0 + step]
        noise = rng.standard_normal(blk.shape[:2], dtype=np.float32) * np.float32(sigma)
        lum = (blk if blk.ndim == 2 else blk[..., 1]).astype(np.float32) * np.float32(1 / 255)
        noise *= 0.45 + 2.2 * lum * (1 - lum)
        out = blk.astype(np.float32) + (noise if blk.ndim == 2 else noise[..., None])
        arr[y0:y0 + step] = to_u8(out)
    return Image.fromarray(arr)


def render_photo(entry: Entry) -> Image.Image:
    """The photo as it should be displayed (RGB, or L for gray), full size."""
    img = paint_scene(entry.scene, entry.size, entry.seed)
    grain_rng = np.random.default_rng([entry.seed, 1])
    if entry.variant == "gray":
        img = archival_look(img, grain_rng)
    img = img.resize(entry.size, Image.Resampling.LANCZOS)
    img = add_grain(img, grain_rng, 9.0 if entry.variant == "gray" else 4.0)
    label(img, f"PLACEHOLDER {entry.stem}")
    return img
