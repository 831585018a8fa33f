"""Paint deterministic placeholder photographs for the Hải Phòng photo book.

The department's real photographs are not available yet, so this tool paints
simple, photograph-like stand-ins at print resolution from a YAML spec
(content/photos/placeholders.yaml).  Each entry names a scene, a file variant
that exercises one colour-management or metadata case (sRGB, untagged,
Adobe RGB, CMYK, grayscale, PNG, EXIF-rotated) and a seed.  The same spec
always gives byte-identical files: all randomness comes from
numpy.random.default_rng(seed) and all drawing from Pillow.

    python tools/make_photos.py [--spec FILE] [--out DIR] [--jobs N] [--force]

Every file carries a short fingerprint in its comment (scene, variant, seed,
size, generator version).  A later run keeps files whose fingerprint still
matches the spec, remakes those that do not, and never replaces a file that
is not a placeholder (a real photograph dropped in under the same name) as
long as its size fits, unless --force is given.
"""

from __future__ import annotations

import argparse
import functools
import glob
import io
import itertools
import math
import multiprocessing
import os
import struct
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from PIL import (
    Image,
    ImageChops,
    ImageCms,
    ImageDraw,
    ImageFilter,
    ImageFont,
    PngImagePlugin,
)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = Path("content/photos/placeholders.yaml")
DEFAULT_OUT = Path("content/photos")

# Bump when the painting changes so that existing placeholders get remade.
GENERATOR = "make_photos/1"
# Scenes are painted at 1/PAINT_SCALE of the final size and upscaled; fine
# grain is then added at full size so the files carry real detail.
PAINT_SCALE = 2
JPEG_QUALITY = 90
ORIENTATION_TAG = 0x0112

ADOBE_RGB_ICC = Path("/usr/share/color/icc/compatibleWithAdobeRGB1998.icc")
CMYK_ICC_PATTERNS = (
    "/usr/share/color/icc/ghostscript/default_cmyk.icc",
    "/usr/share/ghostscript/*/iccprofiles/default_cmyk.icc",
    "/usr/share/**/default_cmyk.icc",
    "/usr/share/color/icc/ghostscript/*cmyk*",
)

VARIANTS = ("srgb", "untagged", "adobe-rgb", "cmyk", "gray", "png", "exif-rotated")

Colour = tuple[int, int, int]


# --------------------------------------------------------------------------
# Spec
# --------------------------------------------------------------------------


class SpecError(Exception):
    """A problem with the spec file; the message is one line for the user."""


@dataclass(frozen=True)
class Entry:
    file: str
    size: tuple[int, int]  # displayed width, height
    scene: str
    variant: str
    seed: int

    @property
    def stem(self) -> str:
        return Path(self.file).stem

    def fingerprint(self) -> str:
        w, h = self.size
        return (f"placeholder {GENERATOR} scene={self.scene} variant={self.variant} "
                f"seed={self.seed} size={w}x{h}")


def load_spec(path: Path) -> list[Entry]:
    """Read and validate the spec; raise SpecError naming the file and entry."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecError(f"{path}: cannot read spec: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise SpecError(f"{path}: spec is not UTF-8 ({exc.reason})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SpecError(f"{path}: YAML error{where}: {problem}") from None
    # Accept a bare list or a mapping that wraps it, whichever the spec's
    # author settles on.
    if isinstance(data, dict):
        for key in ("photos", "placeholders"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if not isinstance(data, list):
        raise SpecError(f"{path}: expected a list of photo entries")
    entries = [parse_entry(path, i, raw) for i, raw in enumerate(data, start=1)]
    seen: dict[str, int] = {}
    for i, entry in enumerate(entries, start=1):
        if entry.file in seen:
            raise SpecError(f"{path}: entry {i} ({entry.file}): same file as entry "
                            f"{seen[entry.file]}")
        seen[entry.file] = i
    return entries


def parse_entry(path: Path, index: int, raw: object) -> Entry:
    name = raw.get("file") if isinstance(raw, dict) else None
    label = f"{path}: entry {index}" + (f" ({name})" if isinstance(name, str) else "")

    def fail(problem: str) -> SpecError:
        return SpecError(f"{label}: {problem}")

    if not isinstance(raw, dict):
        raise fail("expected a mapping with file, size, scene, variant, seed")
    for key in ("file", "size", "scene", "variant", "seed"):
        if key not in raw:
            raise fail(f"missing '{key}'")
    if not isinstance(name, str) or not name or name != os.path.basename(name) \
            or name.startswith("."):
        raise fail("'file' must be a plain file name")
    size = raw["size"]
    if (not isinstance(size, list) or len(size) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in size)
            or not all(16 <= v <= 30000 for v in size)):
        raise fail(f"'size' must be [width, height] in pixels (16..30000), got {size!r}")
    scene = raw["scene"]
    if scene not in SCENES:
        raise fail(f"unknown scene {scene!r}; expected one of {', '.join(sorted(SCENES))}")
    variant = raw["variant"]
    if variant not in VARIANTS:
        raise fail(f"unknown variant {variant!r}; expected one of {', '.join(VARIANTS)}")
    seed = raw["seed"]
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise fail(f"'seed' must be a whole number >= 0, got {seed!r}")
    suffix = Path(name).suffix.lower()
    wanted = (".png",) if variant == "png" else (".jpg", ".jpeg")
    if suffix not in wanted:
        raise fail(f"variant {variant} needs a {' or '.join(wanted)} file name")
    return Entry(name, (size[0], size[1]), scene, variant, seed)


# --------------------------------------------------------------------------
# Colour helpers and light
# --------------------------------------------------------------------------


def clamp8(v: float) -> int:
    return 0 if v < 0 else 255 if v > 255 else int(v + 0.5)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(clamp8(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def scale(c: Colour, k: float) -> Colour:
    return tuple(clamp8(x * k) for x in c)  # type: ignore[return-value]


def to_u8(a: np.ndarray) -> np.ndarray:
    return (np.clip(a, 0, 255) + 0.5).astype(np.uint8)


@dataclass(frozen=True)
class Light:
    """Time of day: sky colours, haze and how sunlit surfaces are tinted."""

    name: str
    zenith: Colour
    horizon: Colour
    haze: Colour            # colour distant things fade into
    tint: tuple[float, float, float]  # multiplies colours of sunlit faces
    shade: float            # brightness of faces turned away from the sun
    sun: Colour | None      # drawn as a disc when the sun is low, else None
    sun_height: float       # sun height as a fraction of the sky (>1: off frame)
    glow: float             # strength of the glow around the sun
    cloud: Colour
    cloud_shadow: Colour
    cloud_cover: float
    water: Colour           # deep water colour
    dark: bool = False


LIGHTS = {
    "morning": Light("morning", (112, 156, 210), (228, 226, 214), (206, 212, 220),
                     (1.02, 1.0, 0.96), 0.62, (255, 246, 222), 0.42, 0.35,
                     (250, 248, 244), (170, 178, 194), 0.35, (64, 90, 98)),
    "noon": Light("noon", (58, 116, 194), (184, 210, 234), (194, 210, 226),
                  (1.0, 1.0, 1.0), 0.55, None, 1.6, 0.12,
                  (252, 252, 252), (168, 178, 196), 0.4, (52, 84, 98)),
    "afternoon": Light("afternoon", (80, 134, 200), (222, 222, 206), (214, 212, 200),
                       (1.05, 1.0, 0.93), 0.58, None, 1.3, 0.22,
                       (252, 248, 240), (172, 174, 188), 0.35, (62, 86, 90)),
    "golden": Light("golden", (88, 112, 166), (250, 196, 132), (230, 188, 150),
                    (1.12, 0.96, 0.78), 0.5, (255, 230, 170), 0.2, 0.55,
                    (255, 214, 172), (150, 120, 136), 0.35, (66, 66, 80)),
    "dusk": Light("dusk", (42, 50, 98), (238, 148, 98), (168, 118, 128),
                  (0.86, 0.72, 0.74), 0.6, (255, 196, 128), 0.06, 0.6,
                  (246, 162, 122), (84, 72, 104), 0.3, (38, 40, 60)),
    "overcast": Light("overcast", (148, 156, 168), (214, 216, 218), (200, 203, 207),
                      (0.93, 0.95, 0.98), 0.8, None, 1.6, 0.05,
                      (226, 228, 230), (146, 152, 164), 0.95, (70, 84, 88)),
}
NIGHT = Light("night", (6, 10, 28), (42, 46, 80), (40, 44, 70), (0.36, 0.38, 0.5), 0.75,
              None, -1.0, 0.0, (62, 62, 86), (20, 22, 36), 0.2, (10, 14, 26), dark=True)

DAY_WEIGHTS = {"morning": 0.2, "noon": 0.24, "afternoon": 0.24, "golden": 0.16,
               "dusk": 0.06, "overcast": 0.1}


def pick_light(rng: np.random.Generator, scene: str) -> Light:
    if scene == "night":
        return NIGHT
    names = list(DAY_WEIGHTS)
    weights = np.array([DAY_WEIGHTS[n] for n in names])
    if scene == "aerial":  # a low sun would throw shadows across the whole map
        weights *= np.array([n in ("noon", "afternoon", "morning", "overcast") for n in names])
    if scene == "festival":  # festivals are often shot in the evening light
        weights *= np.array([1.0, 1.0, 1.0, 1.6, 3.0, 0.5])
    return LIGHTS[names[int(rng.choice(len(names), p=weights / weights.sum()))]]


# --------------------------------------------------------------------------
# Painter: canvas, random helpers and drawing primitives
# --------------------------------------------------------------------------


class Painter:
    """Holds the canvas being painted plus the light and random stream.

    Sizes are in pixels of the (reduced) painting canvas; `u` is one percent
    of the shorter side, used for stroke widths and small details so that a
    scene looks the same at any size.
    """

    def __init__(self, size: tuple[int, int], rng: np.random.Generator, light: Light,
                 calm: tuple[float, float] | None):
        self.w, self.h = size
        self.u = min(size) / 100.0
        self.rng = rng
        self.light = light
        self.calm = calm
        self.img = Image.new("RGB", size, light.horizon)
        self.target = self.img  # the base canvas or the innermost open layer
        self.draw = ImageDraw.Draw(self.img)
        self.sun_x = self.uni(0.12, 0.88) * self.w

    # random helpers -------------------------------------------------------
    def uni(self, a: float, b: float) -> float:
        return float(self.rng.uniform(a, b))

    def pick(self, seq):
        return seq[int(self.rng.integers(len(seq)))]

    def chance(self, prob: float) -> bool:
        return bool(self.rng.random() < prob)

    def int(self, a: int, b: int) -> int:
        """Random integer in [a, b]."""
        return int(self.rng.integers(a, b + 1))

    def jitter(self, c: Colour, amount: float = 12) -> Colour:
        return tuple(clamp8(ch + self.uni(-amount, amount)) for ch in c)  # type: ignore

    # light ------------------------------------------------------------------
    def lit(self, c: Colour, facing: float = 0.8, depth: float = 0.0) -> Colour:
        """Colour of a surface: facing 1 = turned to the sun, 0 = in shade;
        depth 0 = close by, 1 = lost in the haze at the horizon."""
        k = self.light.shade + (1 - self.light.shade) * facing
        out = tuple(clamp8(ch * t * k) for ch, t in zip(c, self.light.tint, strict=True))
        return mix(out, self.light.haze, min(1.0, depth) * 0.85)  # type: ignore[arg-type]

    def sun_side(self, x: float) -> int:
        """+1 if the sun is to the right of x, else -1."""
        return 1 if self.sun_x >= x else -1

    def busy_ok(self, x: float, y: float) -> bool:
        """False inside the corner kept calm for a caption card."""
        if self.calm is None:
            return True
        return not (x > self.calm[0] * self.w and y > self.calm[1] * self.h)

    # primitives -----------------------------------------------------------
    def rect(self, x0, y0, x1, y1, fill) -> None:
        self.draw.rectangle([min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)], fill=fill)

    def poly(self, pts, fill) -> None:
        if len(pts) >= 3:
            self.draw.polygon([(float(x), float(y)) for x, y in pts], fill=fill)

    def ellipse(self, cx, cy, rx, ry, fill) -> None:
        rx, ry = max(0.5, abs(rx)), max(0.5, abs(ry))
        self.draw.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], fill=fill)

    def line(self, pts, fill, width: float = 1) -> None:
        self.draw.line([(float(x), float(y)) for x, y in pts], fill=fill,
                       width=max(1, int(round(width))), joint="curve")

    def mask(self, pts) -> Image.Image:
        m = Image.new("L", self.img.size, 0)
        if len(pts) >= 3:
            ImageDraw.Draw(m).polygon([(float(x), float(y)) for x, y in pts], fill=255)
        return m

    def set_image(self, img: Image.Image) -> None:
        """Replace the base canvas (after a filter has made a new image)."""
        self.img = self.target = img
        self.draw = ImageDraw.Draw(img)

    @staticmethod
    def composite(parent: Image.Image, lay: Image.Image, dest=(0, 0)) -> None:
        if parent.mode == "RGBA":
            parent.alpha_composite(lay, dest)
        else:
            parent.paste(lay, dest, lay)

    @contextmanager
    def layer(self, opacity: float = 1.0, clip: Image.Image | None = None,
              reflect_at: float | None = None, reflect: float = 0.5, blur: float = 0.0,
              base: Colour = (0, 0, 0)):
        """Draw onto a transparent layer, then composite it onto whatever was
        being drawn on before (layers nest).

        Layers give translucency, clipping to a shape, soft blur (smoke,
        glows) and water reflections of the objects drawn on them.
        `base` is the colour of the transparent pixels, so blurred edges do
        not darken towards black.
        """
        parent, saved = self.target, self.draw
        lay = Image.new("RGBA", self.img.size, base + (0,))
        self.target, self.draw = lay, ImageDraw.Draw(lay)
        try:
            yield lay
        finally:
            self.target, self.draw = parent, saved
        if blur > 0:
            lay = lay.filter(ImageFilter.GaussianBlur(blur))
        if clip is not None or opacity < 1.0:
            alpha = lay.getchannel("A")
            if clip is not None:
                alpha = ImageChops.multiply(alpha, clip)
            if opacity < 1.0:
                alpha = alpha.point([int(v * opacity + 0.5) for v in range(256)])
            lay.putalpha(alpha)
        if reflect_at is not None:
            self.reflect(lay, reflect_at, reflect, parent)
        self.composite(parent, lay)

    # water ----------------------------------------------------------------
    def ripple(self, arr: np.ndarray, strength: float = 1.0) -> np.ndarray:
        """Shift the rows of a mirrored band sideways like small waves; the
        waves grow towards the viewer (row 0 is at the waterline)."""
        n, w = arr.shape[:2]
        rows = np.arange(n)
        amp = strength * (self.u * 0.12 + rows * 0.03)
        phase = np.cumsum(1.0 / (1.0 + rows * 0.02)) * self.uni(0.5, 0.9)
        offs = amp * (0.7 * np.sin(phase + self.uni(0, 6.28))
                      + 0.5 * self.rng.standard_normal(n))
        cols = np.clip(np.arange(w)[None, :] + np.rint(offs).astype(np.intp)[:, None], 0, w - 1)
        return arr[rows[:, None], cols]

    def reflect(self, lay: Image.Image, waterline: float, strength: float,
                parent: Image.Image) -> None:
        """Mirror what is drawn on `lay` above the waterline into the water."""
        box = lay.getbbox()
        wl = int(round(waterline))
        if not box or box[1] >= wl or wl >= self.h:
            return
        pad = int(self.u * 2) + 2
        x0 = max(0, box[0] - pad)
        top = max(box[1], wl - (self.h - wl))
        band = lay.crop((x0, top, min(self.w, box[2] + pad), wl)).transpose(
            Image.Transpose.FLIP_TOP_BOTTOM)
        n = band.height
        band = band.resize((band.width, max(1, n // 3)), Image.Resampling.BILINEAR).resize(
            (band.width, n), Image.Resampling.BILINEAR)
        arr = self.ripple(np.asarray(band), 0.8).astype(np.float32)
        water = np.array(self.light.water, np.float32)
        arr[..., :3] = arr[..., :3] * 0.7 + water * 0.3
        fade = np.linspace(1.0, 0.35, n, dtype=np.float32)[:, None]
        streaks = (0.75 + 0.25 * self.rng.random(n)).astype(np.float32)[:, None]
        arr[..., 3] *= strength * fade * streaks
        self.composite(parent, Image.fromarray(to_u8(arr), "RGBA"), (x0, wl))

    def glow(self, points, radius: float, strength: float = 1.0) -> None:
        """Add soft light around bright points (lamps, windows, fireworks).
        Works on the base canvas, so call it outside any layer."""
        if not points or self.target is not self.img:
            return
        lay = Image.new("RGB", self.img.size, (0, 0, 0))
        d = ImageDraw.Draw(lay)
        for x, y, c in points:
            d.ellipse([x - radius, y - radius, x + radius, y + radius],
                      fill=scale(c, strength))
        lay = lay.filter(ImageFilter.GaussianBlur(radius * 1.6))
        self.set_image(ImageChops.screen(self.img, lay))

    def haze_band(self, y_top: float, y_bottom: float, strength: float,
                  colour: Colour | None = None) -> None:
        """Mist that thickens downwards between two heights (valley haze)."""
        y0, y1 = int(max(0, y_top)), int(min(self.h, y_bottom))
        if y1 - y0 < 2:
            return
        band = np.asarray(self.target.crop((0, y0, self.w, y1))).astype(np.float32)
        t = np.linspace(0.0, 1.0, y1 - y0, dtype=np.float32)[:, None, None]
        col = np.array(colour or self.light.haze, np.float32)
        band[..., :3] += (col - band[..., :3]) * (t * t * strength)
        self.target.paste(Image.fromarray(to_u8(band), self.target.mode), (0, y0))


# --------------------------------------------------------------------------
# Landscape elements: sky, clouds, water, hills
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Built things: buildings, cranes, containers, ships, bridges
# --------------------------------------------------------------------------

WALLS = [(232, 196, 110), (236, 222, 190), (214, 180, 150), (190, 200, 196), (240, 236, 226),
         (226, 170, 120), (200, 214, 226), (232, 210, 160), (176, 188, 170)]
GLASS = [(96, 130, 160), (120, 150, 170), (70, 100, 130), (140, 170, 180)]
ROOF_TILES = [(170, 84, 56), (150, 70, 50), (184, 100, 64)]
CONTAINERS = [(172, 42, 36), (36, 82, 152), (18, 112, 84), (214, 118, 36), (128, 130, 134),
              (226, 226, 220), (232, 186, 48), (118, 54, 42), (86, 136, 176), (150, 44, 96)]
HULLS = [(32, 42, 70), (30, 30, 34), (128, 38, 30), (28, 78, 62), (32, 70, 132)]
SKIN = [(198, 150, 112), (182, 132, 96), (210, 166, 128), (160, 112, 80)]
CLOTHES = [(236, 236, 230), (40, 60, 110), (180, 40, 40), (230, 200, 60), (60, 120, 90),
           (90, 90, 96), (220, 130, 150), (70, 140, 190), (120, 80, 60), (246, 246, 246)]
AO_DAI = [(248, 248, 244), (200, 40, 50), (230, 190, 60), (90, 130, 200), (236, 160, 180)]
BLOSSOM = [(214, 38, 30), (232, 66, 34), (198, 28, 40), (240, 98, 40)]
LEAF = [(58, 104, 48), (74, 122, 56), (46, 88, 44)]


def building(p: Painter, x0: float, x1: float, base: float, top: float, colour: Colour,
             depth: float = 0.0, glass: bool = False, lit_windows: float = 0.0,
             roof: bool = False) -> None:
    """A block with a shaded side, parapet and a grid of windows."""
    L = p.light
    wdt = x1 - x0
    p.rect(x0, top, x1, base, p.lit(colour, 0.75, depth))
    side = -1 if (x0 + x1) / 2 > p.w / 2 else 1  # we see the side facing the centre
    sw = wdt * 0.16
    sx = x1 - sw if side > 0 else x0
    facing = 0.95 if p.sun_side((x0 + x1) / 2) == side else 0.0
    p.rect(sx, top, sx + sw, base, p.lit(scale(colour, 0.92), facing, depth))
    p.rect(x0, top, x1, top + max(1, p.u * 0.25), p.lit(scale(colour, 1.1), 1.0, depth))
    if roof:
        p.poly([(x0 - wdt * 0.04, top), (x1 + wdt * 0.04, top), ((x0 + x1) / 2, top - wdt * 0.3)],
               p.lit(p.pick(ROOF_TILES), 0.7, depth))
    floor = p.u * (1.1 - 0.5 * depth)
    if floor < 2.2:  # too far for windows: faint floor bands instead
        for y in np.arange(top + floor, base, floor * 1.5):
            p.line([(x0, y), (x1, y)], p.lit(scale(colour, 0.8), 0.5, depth), 1)
        return
    win_w, gap = floor * 0.45, floor * 0.8
    cols = max(1, int((wdt - gap * 0.5) / gap))
    off = x0 + (wdt - cols * gap) / 2 + (gap - win_w) / 2
    sky_col = mix(L.zenith, L.horizon, 0.5)
    for r in range(int((base - top - floor * 0.8) / floor)):
        y = top + floor * (0.7 + r)
        for c in range(cols):
            x = off + c * gap
            if lit_windows and p.chance(lit_windows):
                col = p.pick([(255, 214, 140), (255, 236, 190), (250, 190, 110)])
            elif glass:
                col = p.lit(mix(p.pick(GLASS), sky_col, p.uni(0.1, 0.5)), 0.8, depth)
            else:
                col = p.lit(p.jitter((60, 70, 76), 10), 0.6, depth)
                if L.dark:
                    col = scale(col, 0.5)
            p.rect(x, y, x + win_w, y + floor * 0.55, col)


def skyline(p: Painter, base: float, x0: float, x1: float, low: float, high: float,
            depth: float, lit_windows: float = 0.0, towers: float = 0.3,
            palette: list[Colour] | None = None) -> list[tuple[float, float, float]]:
    """A row of buildings between x0 and x1 (pixels); returns their boxes."""
    boxes = []
    x = x0 - p.u * p.uni(0, 4)
    while x < x1:
        tower = p.chance(towers)
        bw = p.u * p.uni(4, 10) * (0.7 if tower else 1.0) * (1 - 0.4 * depth)
        bh = p.uni(low, high) * (1.6 if tower else 1.0)
        colour = p.pick(GLASS) if tower and p.chance(0.6) else p.pick(palette or WALLS)
        building(p, x, x + bw, base, base - bh, colour, depth, glass=tower,
                 lit_windows=lit_windows)
        if tower and p.chance(0.3):  # rooftop mast
            p.line([(x + bw / 2, base - bh), (x + bw / 2, base - bh - p.u * 2)],
                   p.lit((90, 90, 90), 0.5, depth), max(1, p.u * 0.2))
        boxes.append((x, x + bw, base - bh))
        x += bw * p.uni(0.75, 1.05)
    return boxes


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


# --------------------------------------------------------------------------
# Living things: trees, people, flowers
# --------------------------------------------------------------------------


def flame_tree(p: Painter, x: float, base: float, height: float, bloom: float = 0.8,
               depth: float = 0.0) -> None:
    """Phượng vĩ, the red flamboyant tree of Hải Phòng: a short trunk that
    forks into a broad, flat umbrella of feathery leaves and red blossom."""
    trunk = p.lit((92, 72, 58), 0.6, depth)
    fork = base - height * 0.42
    tw = height * 0.035
    p.poly([(x - tw, base), (x + tw, base), (x + tw * 0.6, fork), (x - tw * 0.6, fork)], trunk)
    cy, rx, ry = base - height * 0.74, height * 0.72, height * 0.24
    for k in range(5):
        ang = -0.9 + k * 0.45 + p.uni(-0.1, 0.1)
        ex = x + math.sin(ang) * rx * 0.85
        p.line([(x, fork), (x + (ex - x) * 0.5, fork - height * 0.15), (ex, cy + ry * 0.2)],
               trunk, tw * 0.7)
    sun = p.sun_side(x)
    # Leaf mass: darker underneath, lighter where the sun strikes the top.
    n = int(min(260, 30 + height / p.u * 6))
    for _ in range(n):
        a, b = p.uni(-1, 1), p.uni(-1, 0.8)
        if a * a + b * b > 1:
            continue
        r = height * p.uni(0.035, 0.07)
        p.ellipse(x + a * rx, cy + b * ry, r, r * 0.55,
                  p.lit(p.pick(LEAF), 0.45 + 0.3 * a * sun - 0.45 * b, depth))
    # Blossom grows in clusters of small flowers, mostly on top of the crown.
    dot = max(0.6, height * 0.009)
    for _ in range(int(n * 0.9 * bloom)):
        a, b = p.uni(-1, 1), p.uni(-1, 0.6)
        if a * a + b * b > 1:
            continue
        ccx, ccy = x + a * rx, cy + b * ry
        face = 0.55 + 0.35 * a * sun - 0.3 * b
        tone = p.pick(BLOSSOM)
        for _ in range(p.int(5, 11)):
            p.ellipse(ccx + p.uni(-1, 1) * height * 0.04, ccy + p.uni(-1, 1) * height * 0.02 - dot,
                      dot * p.uni(0.8, 1.4), dot * p.uni(0.7, 1.1),
                      p.lit(p.jitter(tone, 14), face + p.uni(-0.15, 0.15), depth))


def green_tree(p: Painter, x: float, base: float, height: float, depth: float = 0.0) -> None:
    trunk = p.lit((84, 68, 54), 0.5, depth)
    p.line([(x, base), (x, base - height * 0.5)], trunk, max(1, height * 0.05))
    cy, r = base - height * 0.65, height * 0.32
    sun = p.sun_side(x)
    for _ in range(26):
        a, b = p.uni(-1, 1), p.uni(-1, 1)
        if a * a + b * b > 1:
            continue
        rr = r * p.uni(0.3, 0.55)
        p.ellipse(x + a * r, cy + b * r * 0.9, rr, rr * 0.85,
                  p.lit(p.pick(LEAF), 0.5 + 0.4 * a * sun - 0.3 * b, depth))


def palm(p: Painter, x: float, base: float, height: float, lean: float,
         depth: float = 0.0) -> None:
    """A coconut palm: curved trunk and drooping fronds."""
    pts = [(x + lean * height * (t * t) * 0.3, base - height * t) for t in np.linspace(0, 1, 12)]
    p.line(pts, p.lit((120, 100, 78), 0.6, depth), max(1, height * 0.035))
    tx, ty = pts[-1]
    for k in range(9):
        ang = -math.pi + k * math.pi / 8 + p.uni(-0.15, 0.15)
        ln = height * p.uni(0.28, 0.4)
        frond = [(tx + math.cos(ang) * ln * s, ty + math.sin(ang) * ln * s * 0.5
                  + ln * 0.55 * s * s) for s in np.linspace(0, 1, 8)]
        col = p.lit(p.pick(LEAF), p.uni(0.3, 1.0), depth)
        p.line(frond, col, max(1, height * 0.02))
        for fx, fy in frond[2::2]:
            p.line([(fx, fy), (fx + p.uni(-1, 1) * ln * 0.08, fy + ln * 0.12)], col, 1)


def figure(p: Painter, x: float, base: float, height: float, top: Colour, bottom: Colour,
           hat: str | None = None, dress: bool = False, stride: float = 0.0,
           depth: float = 0.0, arms: float = 0.0, pose: str = "stand", facing: int = 0) -> None:
    """A person, simplified: head, shaped torso, arms, legs; optionally a
    conical nón lá, a cap or helmet, or an áo dài whose long panels fall
    below the knee.  pose 'sit' bends the legs (stools, motorbikes)."""
    h = height
    f = facing
    skin = p.lit(p.pick(SKIN), 0.8, depth)
    c_top, c_bot = p.lit(top, 0.8, depth), p.lit(bottom, 0.8, depth)
    shaded = p.lit(top, 0.15, depth)
    narrow = 0.6 if f else 1.0  # seen from the side the body is narrower
    sh, wa, hp = h * 0.115 * narrow, h * 0.075 * narrow, h * 0.085 * narrow
    leg = max(1.0, h * 0.06)
    shoe = p.lit((40, 36, 34), 0.5, depth)
    if pose == "sit":
        hip = base - h * 0.27
        knee_x = x + (f or 1) * h * 0.2
        for s in (-1, 1):
            o = s * hp * 0.3
            p.line([(x + o, hip), (knee_x + o, hip), (knee_x + o, base)], c_bot, leg)
            p.ellipse(knee_x + o + (f or 1) * leg * 0.4, base, leg * 0.8, leg * 0.4, shoe)
    else:
        hip = base - h * 0.48
        for s in (-1, 1):
            foot = x + s * hp * 0.45 + s * stride * h * 0.12
            p.line([(x + s * hp * 0.5, hip), (foot, base)], c_bot, leg)
            p.ellipse(foot, base, leg * 0.8, leg * 0.4, shoe)
    waist, neck = hip - h * 0.1, hip - h * 0.36
    hr = h * 0.068
    hy = neck - hr * 0.9
    hair = p.lit((28, 24, 22), 0.5, depth)
    if dress:  # long hair falling behind the shoulders
        p.ellipse(x, hy + hr * 0.9, hr * 0.95, hr * 1.8, hair)
        p.poly([(x - wa, waist), (x + wa, waist), (x + hp * 1.35, base - h * 0.14),
                (x - hp * 1.35, base - h * 0.14)], c_top)  # the áo dài's panels
    body = [(x - sh, neck + h * 0.035), (x + sh, neck + h * 0.035), (x + wa, waist),
            (x + hp, hip + h * 0.03), (x - hp, hip + h * 0.03), (x - wa, waist)]
    p.poly(body, c_top)
    s = -p.sun_side(x)  # the side turned away from the sun
    p.poly([(x, neck + h * 0.035), (x + s * sh, neck + h * 0.035), (x + s * wa, waist),
            (x + s * hp, hip + h * 0.03), (x, hip + h * 0.03)], mix(c_top, shaded, 0.45))
    arm = max(1.0, h * 0.042)
    for s in (-1, 1):
        shoulder = (x + s * sh * 0.9, neck + h * 0.06)
        if f:
            hand = (x + f * h * (0.1 + arms * 0.2), hip - h * 0.06 - arms * h * 0.08)
        else:
            hand = (x + s * (sh + arms * h * 0.12), hip - h * 0.02 - abs(arms) * h * 0.1)
        elbow = ((shoulder[0] + hand[0]) / 2 + s * h * 0.02, (shoulder[1] + hand[1]) / 2)
        p.line([shoulder, elbow, hand], c_top, arm)
        p.ellipse(hand[0], hand[1], arm * 0.6, arm * 0.6, skin)
    p.line([(x, neck), (x, neck + h * 0.04)], skin, h * 0.05)
    p.ellipse(x, hy, hr * 0.85, hr, skin)
    p.draw.chord([x - hr * 0.9, hy - hr * 1.08, x + hr * 0.9, hy + hr * 0.55], 180, 360,
                 fill=hair)
    if hat == "conical":
        hw = h * 0.17
        straw = p.lit((226, 204, 152), 0.9, depth)
        p.poly([(x - hw, hy - hr * 0.2), (x + hw, hy - hr * 0.2), (x, hy - hr * 2.3)], straw)
        p.poly([(x, hy - hr * 2.3), (x - s * hw, hy - hr * 0.2), (x, hy - hr * 0.2)],
               p.lit((226, 204, 152), 0.45, depth))
        p.line([(x - hw, hy - hr * 0.2), (x + hw, hy - hr * 0.2)],
               p.lit((170, 148, 100), 0.6, depth), max(1, h * 0.01))
    elif hat == "cap":
        p.draw.chord([x - hr * 1.05, hy - hr * 1.35, x + hr * 1.05, hy + hr * 0.2], 180, 360,
                     fill=p.lit(bottom, 0.7, depth))
        p.rect(x - hr * 1.2, hy - hr * 0.7, x + hr * 1.2, hy - hr * 0.5, p.lit(bottom, 0.5, depth))
    elif hat == "helmet":
        p.draw.chord([x - hr * 1.1, hy - hr * 1.3, x + hr * 1.1, hy + hr * 0.4], 180, 360,
                     fill=p.lit(p.pick(CLOTHES + [(250, 200, 40), (240, 120, 30)]), 0.8, depth))


def random_person(p: Painter, x: float, base: float, height: float, depth: float = 0.0,
                  hats: float = 0.3) -> None:
    dress = p.chance(0.2)
    top = p.pick(AO_DAI) if dress else p.pick(CLOTHES)
    bottom = (246, 246, 242) if dress else p.pick([(40, 44, 60), (30, 30, 34), (90, 80, 70),
                                                   (60, 70, 100), (200, 190, 170)])
    hat = "conical" if p.chance(hats) else None
    figure(p, x, base, height * p.uni(0.9, 1.05), top, bottom, hat=hat, dress=dress,
           stride=p.uni(-0.4, 0.4), depth=depth, arms=p.uni(-0.3, 0.4))


def crowd(p: Painter, y_back: float, y_front: float, h_back: float, h_front: float,
          rows: int, density: float = 1.0, hats: float = 0.25) -> None:
    """Rows of people getting larger towards the viewer."""
    for r in range(rows):
        t = r / max(1, rows - 1)
        base = y_back + (y_front - y_back) * t
        hh = h_back + (h_front - h_back) * t
        x = p.uni(-0.5, 0.5) * hh * 0.3
        while x < p.w:
            if p.busy_ok(x, base - hh * 0.5):
                random_person(p, x, base + p.uni(-0.05, 0.05) * hh, hh, 0.3 * (1 - t), hats)
            x += hh * p.uni(0.22, 0.45) / density


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


# --------------------------------------------------------------------------
# Perspective for streets, parades and fields
# --------------------------------------------------------------------------


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
    sign = p.lit(p.pick([(200, 40, 40), (30, 80, 160), (230, 190, 50), (40, 130, 80)]), 0.9)
    p.poly(cam.wall(X - side * 0.05, z0 + 0.3, z1 - 0.3, 2.6, 3.2), sign)
    p.poly(cam.wall(X, z0 + 0.4, z1 - 0.4, 0, 2.5), p.lit((120, 118, 114), 0.4))


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
           p.pick([(40, 44, 60), (30, 30, 34), (90, 80, 70)]), hat="helmet", depth=depth,
           pose="sit", facing=f, arms=0.9)


# --------------------------------------------------------------------------
# Scenes
# --------------------------------------------------------------------------


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
    with p.layer(reflect_at=wl, reflect=0.45):
        ship(p, xs, length, wl, facing, p.pick(["container", "container", "bulk"]), 0.2)
    wl2 = wl + (p.h - wl) * p.uni(0.3, 0.6)
    tx = p.uni(0.05, 0.5) * p.w
    if p.busy_ok(tx + p.w * 0.15, wl2):
        with p.layer(reflect_at=wl2, reflect=0.45):
            ship(p, tx, p.w * 0.14, wl2, p.pick([-1, 1]), p.pick(["tug", "fishing"]),
                 moving=True)


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
    with p.layer(reflect_at=wl, reflect=0.5):
        ship(p, xs, length, wl, facing, p.pick(["container", "container", "bulk"]), 0.05,
             moving=True)
    wl2 = wl + (p.h - wl) * 0.35
    tx = xs + facing * length * p.uni(0.7, 0.85)
    with p.layer(reflect_at=wl2, reflect=0.45):
        ship(p, tx, p.w * 0.12, wl2, facing, "tug", moving=True)
    gulls(p, hz)


def gulls(p: Painter, hz: float) -> None:
    for _ in range(p.int(0, 6)):
        x, y, s = p.uni(0.1, 0.9) * p.w, p.uni(0.1, 0.8) * hz, p.u * p.uni(0.6, 1.4)
        c = p.lit((60, 60, 64), 0.5)
        p.line([(x - s, y - s * 0.3), (x - s * 0.4, y - s * 0.45), (x, y)], c, max(1, s * 0.15))
        p.line([(x, y), (x + s * 0.4, y - s * 0.45), (x + s, y - s * 0.3)], c, max(1, s * 0.15))


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
        with p.layer(reflect_at=wl):
            ship(p, x, p.w * 0.15, wl, p.pick([-1, 1]), "fishing", moving=True)


def scene_street(p: Painter) -> None:
    hz = p.h * p.uni(0.4, 0.5)
    paint_sky(p, hz)
    cam = Persp(hz, p.w * p.uni(0.42, 0.58), p.w * 0.45, 1.6)
    street_setting(p, cam, 4.0, 3.5)
    things = []
    for s in (-1, 1):
        for z in np.arange(p.uni(3, 8), 120, p.uni(9, 13)):
            kind = "flame" if p.chance(0.6) else "green"
            things.append((z, "tree", s * 5.6, kind))
    for _ in range(p.int(8, 20)):
        things.append((p.uni(9, 80), "bike", p.uni(-3.5, 3.5), p.pick([-1, 1])))
    for _ in range(p.int(4, 12)):
        things.append((p.uni(6, 60), "walker", p.pick([-1, 1]) * p.uni(4.6, 6.8), 0))
    things.sort(key=lambda t: -t[0])
    for z, kind, X, extra in things:
        x, y = cam.pt(X, 0, z)
        k = cam.k(z)
        if not p.busy_ok(x, y - k):
            continue
        depth = min(0.8, z / 150)
        if kind == "tree":
            (flame_tree if extra == "flame" else green_tree)(p, x, y, k * 8.5, depth=depth)
        elif kind == "bike":
            motorbike(p, x, y, k * 1.8, extra, depth)
        else:
            random_person(p, x, y, k * 1.65, depth, hats=0.2)
    wires(p, cam)


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
        with p.layer(reflect_at=wl):
            ship(p, x, p.w * 0.13, wl, p.pick([-1, 1]), "fishing", moving=True)


def scene_sea(p: Painter) -> None:
    hz = p.h * p.uni(0.4, 0.55)
    paint_sky(p, hz, clouds=1.3)
    for _ in range(p.int(1, 3)):
        paint_karst(p, p.uni(0, 1) * p.w, hz, p.w * p.uni(0.05, 0.15), p.h * p.uni(0.02, 0.05),
                    0.75)
    paint_water(p, hz, (40, 96, 110), gloss=0.35, waves=2.0, rough=1.6)
    for _ in range(p.int(1, 3)):
        wl = hz + (p.h - hz) * p.uni(0.08, 0.5)
        x = p.uni(0.0, 0.8) * p.w
        length = p.w * (0.04 + (wl - hz) / p.h * 0.35)
        if not p.busy_ok(x + length / 2, wl):
            continue
        with p.layer(reflect_at=wl, reflect=0.3):
            ship(p, x, length, wl, p.pick([-1, 1]), p.pick(["junk", "fishing", "fishing"]))
    gulls(p, hz)


def scene_island(p: Painter) -> None:
    hz = p.h * p.uni(0.5, 0.62)
    paint_sky(p, hz)
    for depth, count in ((0.8, p.int(2, 4)), (0.5, p.int(1, 3))):
        for _ in range(count):
            paint_karst(p, p.uni(-0.05, 1.05) * p.w, hz, p.w * p.uni(0.08, 0.2),
                        p.h * p.uni(0.08, 0.16) * (1.4 - depth), depth)
    with p.layer(reflect_at=hz, reflect=0.6):
        big = p.uni(0.1, 0.35) * p.w if p.calm else p.pick([0.15, 0.85]) * p.w
        paint_karst(p, big, hz, p.w * p.uni(0.25, 0.4), p.h * p.uni(0.25, 0.38), 0.1)
    paint_water(p, hz, (40, 104, 96), gloss=0.55)
    if p.chance(0.6):  # a floating fishing village
        wl = hz + (p.h - hz) * 0.12
        x = p.uni(0.1, 0.5) * p.w
        with p.layer(reflect_at=wl, reflect=0.5):
            for k in range(p.int(3, 7)):
                hx = x + k * p.u * 3.2
                hw, hh = p.u * 2.6, p.u * 1.8
                p.rect(hx, wl - hh, hx + hw, wl, p.lit(p.pick([(60, 130, 170), (220, 220, 210),
                                                                 (200, 90, 60)]), 0.85, 0.2))
                p.poly([(hx - hw * 0.1, wl - hh), (hx + hw * 1.1, wl - hh),
                        (hx + hw * 0.5, wl - hh * 1.6)], p.lit((120, 70, 50), 0.8, 0.2))
    wl = hz + (p.h - hz) * p.uni(0.3, 0.55)
    x = p.uni(0.05, 0.45) * p.w
    with p.layer(reflect_at=wl):
        ship(p, x, p.w * 0.18, wl, p.pick([-1, 1]), "junk")


def scene_beach(p: Painter) -> None:
    hz = p.h * p.uni(0.36, 0.46)
    paint_sky(p, hz)
    side = p.pick([-1, 1])
    paint_ridge(p, hz, p.h * p.uni(0.08, 0.14), (70, 110, 80), 0.55,
                x0=0.0 if side < 0 else 0.55, x1=0.45 if side < 0 else 1.0, humps=2, texture=0.5)
    shore = hz + (p.h - hz) * p.uni(0.3, 0.42)
    paint_water(p, hz, (48, 128, 130), gloss=0.35, waves=1.5)
    # wet sand, dry sand
    p.rect(0, shore, p.w, p.h, p.lit((214, 196, 160), 0.9))
    p.haze_band(shore, shore + p.h * 0.06, 0.0)
    p.rect(0, shore, p.w, shore + p.h * 0.03, p.lit((170, 158, 132), 0.8))
    surf(p, shore, shore - hz)
    with p.layer():
        for _ in range(int(p.w * p.h / (p.u * p.u) * 0.08)):
            x, y = p.uni(0, p.w), p.uni(shore + p.h * 0.03, p.h)
            c = p.lit(p.jitter((200, 180, 144), 20), 0.8)
            p.ellipse(x, y, p.u * 0.15, p.u * 0.08, c + (90,))
    px = p.w * (0.1 if p.calm else p.pick([0.08, 0.92]))
    for k in range(p.int(1, 3)):
        palm(p, px + k * p.u * 6, p.h * p.uni(0.82, 0.95), p.h * p.uni(0.45, 0.6),
             p.uni(-1, 1))
    for _ in range(p.int(2, 6)):
        x, y = p.uni(0.15, 0.9) * p.w, p.uni(shore + p.h * 0.06, p.h * 0.85)
        if not p.busy_ok(x, y):
            continue
        s = p.u * (2 + (y - shore) / p.h * 12)
        umbrella(p, x, y, s)
    for _ in range(p.int(3, 8)):
        x, y = p.uni(0.05, 0.95) * p.w, p.uni(shore + p.h * 0.02, p.h * 0.8)
        if p.busy_ok(x, y):
            random_person(p, x, y, p.u * (3 + (y - shore) / p.h * 18), 0.1, hats=0.1)


def umbrella(p: Painter, x: float, y: float, s: float) -> None:
    p.line([(x, y), (x, y - s * 1.3)], (220, 220, 216), max(1, s * 0.05))
    c = p.pick([(220, 60, 50), (40, 110, 190), (240, 200, 50), (40, 150, 100)])
    p.draw.chord([x - s, y - s * 1.6, x + s, y - s * 0.9], 180, 360, fill=p.lit(c, 0.9))
    p.ellipse(x + s * 0.2, y + s * 0.05, s * 0.9, s * 0.15, p.lit((170, 150, 120), 0.3))


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


def flower(p: Painter, x: float, y: float, r: float) -> None:
    """One flamboyant flower: four scarlet petals and one pale, spotted one."""
    c = p.lit(p.pick(BLOSSOM), p.uni(0.6, 1.0))
    turn = p.uni(0, 6.28)
    for k in range(5):
        ang = turn + k * math.tau / 5 + p.uni(-0.2, 0.2)
        px, py = x + math.cos(ang) * r * 0.6, y + math.sin(ang) * r * 0.6
        pale = k == 0
        p.ellipse(px, py, r * 0.55, r * 0.45, p.lit((246, 232, 196), 0.9) if pale else c)
        if pale:
            p.ellipse(px, py, r * 0.15, r * 0.15, c)
    p.ellipse(x, y, r * 0.18, r * 0.18, scale(c, 0.6))
    for k in range(5):  # stamens
        ang = turn + 0.6 + k * 0.25
        p.line([(x, y), (x + math.cos(ang) * r * 1.1, y + math.sin(ang) * r * 1.1)],
               scale(c, 0.75), 1)


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
    for _ in range(p.int(2, 5)):
        x = p.uni(0.1, 0.9) * p.w
        y = p.uni(base + p.h * 0.08, p.h * 0.95)
        if p.busy_ok(x, y):
            random_person(p, x, y, p.h * 0.1 + (y - base) * 0.4, 0.0, hats=0.4)


def curved_roof(p: Painter, cx: float, eave: float, half: float, rise: float) -> None:
    tile = p.lit((146, 74, 52), 0.75)
    dark = p.lit((96, 50, 36), 0.4)
    n = 40
    xs = np.linspace(-1.0, 1.0, n)
    lift = np.clip(np.abs(xs) - 0.65, 0, None) ** 2 * 6.0  # upturned corners (đao)
    bottom = [(cx + x * half, eave - v * rise * 0.5) for x, v in zip(xs, lift, strict=True)]
    top = [(cx + x * half * 0.7, eave - rise) for x in xs[::-1]]
    p.poly(bottom + top, tile)
    for x in np.linspace(-0.95, 0.95, 30):  # tile rows running down the slope
        y0 = eave - max(0.0, abs(x) - 0.65) ** 2 * 6.0 * rise * 0.5
        p.line([(cx + x * half * 0.7, eave - rise), (cx + x * half, y0)], dark, 1)
    p.line(bottom, dark, max(1, rise * 0.06))
    ridge = eave - rise
    p.rect(cx - half * 0.72, ridge - rise * 0.1, cx + half * 0.72, ridge + rise * 0.02, dark)
    for s in (-1, 1):  # curling dragon ends of the ridge
        ex = cx + s * half * 0.72
        p.line([(ex, ridge - rise * 0.05), (ex + s * rise * 0.15, ridge - rise * 0.3),
                (ex + s * rise * 0.05, ridge - rise * 0.4)], dark, max(1, rise * 0.05))
    p.ellipse(cx, ridge - rise * 0.2, rise * 0.1, rise * 0.1, p.lit((200, 150, 60), 0.9))


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
    for _ in range(p.int(3, 8)):
        x, y = p.uni(0.05, 0.95) * p.w, p.uni(base + p.h * 0.06, p.h * 0.95)
        if p.busy_ok(x, y):
            random_person(p, x, y, p.h * 0.05 + (y - base) * 0.35, 0.0, hats=0.2)


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
               (246, 246, 242) if dress else p.pick([(40, 44, 60), (30, 30, 34), (90, 80, 70)]),
               hat="conical" if dress and p.chance(0.5) else None, dress=dress,
               arms=p.uni(-0.15, 0.25))


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
    for _ in range(p.int(1, 4)):
        x, y = p.uni(0.05, 0.95) * p.w, p.uni(road + p.h * 0.13, p.h * 0.95)
        if p.busy_ok(x, y):
            figure(p, x, y, p.h * 0.12 + (y - road) * 0.3, (240, 130, 40), (40, 60, 100),
                   hat="helmet", stride=p.uni(-0.4, 0.4))
    p.haze_band(hz - p.h * 0.2, hz, 0.2)


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
    things.sort(key=lambda t: -t[0])
    stride = 0.5
    for z, X, kind in things:
        x, y = cam.pt(X, 0, z)
        k = cam.k(z)
        if not p.busy_ok(x, y - k):
            continue
        depth = min(0.8, z / 150)
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


def scene_aerial(p: Painter) -> None:
    """Looking straight down on a district: streets, roofs, trees, a river."""
    p.rect(0, 0, p.w, p.h, p.lit((120, 130, 104), 0.9))
    ang = p.uni(-0.5, 0.5)
    ca, sa = math.cos(ang), math.sin(ang)
    cx, cy = p.w / 2, p.h / 2

    def T(u: float, v: float) -> tuple[float, float]:
        return (cx + u * ca - v * sa, cy + u * sa + v * ca)

    reach = math.hypot(p.w, p.h) * 0.6
    block, street = p.u * p.uni(9, 14), p.u * p.uni(1.6, 2.4)
    roofs = [(180, 90, 60), (160, 64, 50), (172, 172, 166), (70, 110, 150), (226, 226, 220),
             (196, 120, 80), (140, 140, 136)]
    shadow = (p.u * 0.6, p.u * 0.5)
    road = p.lit((96, 96, 98), 0.9)
    p.rect(0, 0, p.w, p.h, road)
    for bu in np.arange(-reach, reach, block + street):
        for bv in np.arange(-reach, reach, block + street):
            corners = [T(bu, bv), T(bu + block, bv), T(bu + block, bv + block), T(bu, bv + block)]
            p.poly(corners, p.lit((150, 150, 140), 0.9))
            if p.chance(0.12):  # a park
                p.poly(corners, p.lit((90, 130, 70), 0.9))
                for _ in range(12):
                    u, v = bu + p.uni(0.1, 0.9) * block, bv + p.uni(0.1, 0.9) * block
                    x, y = T(u, v)
                    r = p.u * p.uni(0.8, 1.6)
                    p.ellipse(x + shadow[0], y + shadow[1], r, r, p.lit((40, 56, 36), 0.3))
                    p.ellipse(x, y, r, r, p.lit(p.pick(LEAF), 0.9))
                continue
            n = p.int(2, 4)
            lot = block / n
            for i in range(n):
                for j in range(n):
                    u0 = bu + i * lot + lot * 0.08
                    v0 = bv + j * lot + lot * 0.08
                    u1, v1 = u0 + lot * p.uni(0.7, 0.84), v0 + lot * p.uni(0.7, 0.84)
                    pts = [T(u0, v0), T(u1, v0), T(u1, v1), T(u0, v1)]
                    p.poly([(x + shadow[0], y + shadow[1]) for x, y in pts],
                           p.lit((60, 60, 60), 0.2))
                    c = p.lit(p.jitter(p.pick(roofs), 10), 0.9)
                    p.poly(pts, c)
                    mu, mv = (u0 + u1) / 2, (v0 + v1) / 2
                    p.line([T(u0, mv), T(u1, mv)], scale(c, 0.85), 1)
                    del mu
            if p.chance(0.5):
                x, y = T(bu + block * p.uni(0, 1), bv + block + street * 0.5)
                p.rect(x - p.u * 0.4, y - p.u * 0.25, x + p.u * 0.4, y + p.u * 0.25,
                       p.pick([(220, 220, 216), (200, 40, 40), (40, 40, 44)]))
    # a river curving across, with soft banks
    pts_a, pts_b = [], []
    v0, amp, wid = p.uni(-0.2, 0.2) * p.h, p.h * p.uni(0.05, 0.15), p.h * p.uni(0.1, 0.16)
    for u in np.linspace(-reach, reach, 60):
        v = v0 + amp * math.sin(u / p.w * 4 + 1.3)
        pts_a.append(T(u, v))
        pts_b.append(T(u, v + wid))
    p.poly(pts_a + pts_b[::-1], p.lit((112, 116, 92), 0.9))
    p.line(pts_a, p.lit((90, 120, 70), 0.8), p.u * 0.8)
    p.line(pts_b, p.lit((90, 120, 70), 0.8), p.u * 0.8)
    for _ in range(p.int(1, 4)):
        u = p.uni(-0.8, 0.8) * p.w * 0.5
        v = v0 + amp * math.sin(u / p.w * 4 + 1.3) + wid * p.uni(0.3, 0.7)
        x, y = T(u, v)
        p.ellipse(x, y, p.u * 1.8, p.u * 0.5, p.lit((220, 220, 214), 0.9))
    bu = p.uni(-0.3, 0.3) * p.w
    p.poly([T(bu, v0 - wid), T(bu + street, v0 - wid), T(bu + street, v0 + wid * 2 + amp),
            T(bu, v0 + wid * 2 + amp)], p.lit((190, 186, 176), 0.9))
    if p.calm is not None:  # a tree-lined lake keeps the caption corner quiet
        rx, ry = (1 - p.calm[0]) * p.w * 1.45, (1 - p.calm[1]) * p.h * 1.5
        p.ellipse(p.w * 1.02, p.h * 1.02, rx + p.u * 2.5, ry + p.u * 2.5, p.lit((80, 120, 64), 0.9))
        for k in range(40):
            ang = math.pi + k * (math.pi / 2) / 39
            x, y = p.w * 1.02 + math.cos(ang) * (rx + p.u * 1.2), p.h * 1.02 + math.sin(ang) * (ry + p.u * 1.2)
            p.ellipse(x, y, p.u * 1.1, p.u * 1.1, p.lit(p.pick(LEAF), 0.9))
        p.ellipse(p.w * 1.02, p.h * 1.02, rx, ry, p.lit((92, 118, 110), 0.9))


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



def frond(p: Painter, x: float, y: float, ang: float, length: float, colour: Colour) -> None:
    """A feathery flamboyant leaf: a stem with many small leaflets."""
    ex, ey = x + math.cos(ang) * length, y + math.sin(ang) * length
    p.line([(x, y), (ex, ey)], colour, max(1, length * 0.02))
    nx, ny = -math.sin(ang), math.cos(ang)
    for t in np.linspace(0.1, 0.95, 9):
        px, py = x + (ex - x) * t, y + (ey - y) * t
        leaf = length * 0.16 * (1.1 - t * 0.6)
        c = scale(colour, p.uni(0.85, 1.15))
        for s in (-1, 1):
            p.line([(px, py), (px + s * nx * leaf + math.cos(ang) * leaf * 0.3,
                               py + s * ny * leaf + math.sin(ang) * leaf * 0.3)],
                   c, max(1, length * 0.035))


def branch(p: Painter, x: float, y: float, ang: float, length: float, width: float,
           level: int, tips: list) -> None:
    bark = p.lit((70, 56, 46), 0.5)
    ex, ey = x + math.cos(ang) * length, y + math.sin(ang) * length
    bend = p.uni(-0.12, 0.12) * length
    mid = ((x + ex) / 2 - math.sin(ang) * bend, (y + ey) / 2 + math.cos(ang) * bend)
    p.line([(x, y), mid, (ex, ey)], bark, width)
    tips.append((mid[0], mid[1], ang))
    if level == 0:
        tips.append((ex, ey, ang))
        return
    for _ in range(p.int(2, 3)):
        branch(p, ex, ey, ang + p.uni(-0.7, 0.7), length * p.uni(0.55, 0.8), width * 0.62,
               level - 1, tips)


def star(p: Painter, cx: float, cy: float, r: float, colour: Colour) -> None:
    pts = []
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.38
        pts.append((cx + math.cos(ang) * rr, cy + math.sin(ang) * rr))
    p.poly(pts, colour)


def shophouse(p: Painter, x0: float, x1: float, base: float, floors: int, fh: float,
              colour: Colour, depth: float = 0.0) -> None:
    """An old shophouse front: shuttered windows, balconies, a shop below."""
    top = base - floors * fh
    wall = p.lit(colour, 0.8, depth)
    wdt = x1 - x0
    p.rect(x0, top, x1, base, wall)
    p.rect(x0 - wdt * 0.02, top - fh * 0.22, x1 + wdt * 0.02, top,
           p.lit(scale(colour, 1.05), 0.95, depth))
    if p.chance(0.4):
        p.poly([(x0, top - fh * 0.22), (x1, top - fh * 0.22), (x1 - wdt * 0.1, top - fh * 0.6),
                (x0 + wdt * 0.1, top - fh * 0.6)], p.lit(p.pick(ROOF_TILES), 0.7, depth))
    shutter = p.lit(p.pick([(60, 110, 80), (50, 90, 110), (120, 80, 50), (70, 120, 100)]),
                    0.7, depth)
    dark = p.lit((50, 48, 46), 0.4, depth)
    for k in range(1, floors):
        y = base - (k + 1) * fh
        for wx in (x0 + wdt * 0.28, x0 + wdt * 0.72):
            ww = wdt * 0.11
            p.rect(wx - ww, y + fh * 0.2, wx + ww, y + fh * 0.85, dark)
            if p.chance(0.7):  # open shutters on either side
                p.rect(wx - ww * 2, y + fh * 0.2, wx - ww, y + fh * 0.85, shutter)
                p.rect(wx + ww, y + fh * 0.2, wx + ww * 2, y + fh * 0.85, shutter)
        rail = p.lit((230, 226, 216), 0.8, depth)
        p.line([(x0 + wdt * 0.05, y + fh * 0.62), (x1 - wdt * 0.05, y + fh * 0.62)], rail,
               max(1, fh * 0.04))
        for bx in np.linspace(x0 + wdt * 0.05, x1 - wdt * 0.05, 12):
            p.line([(bx, y + fh * 0.62), (bx, y + fh * 0.98)], rail, 1)
        p.rect(x0, y + fh, x1, y + fh * 1.06, p.lit(scale(colour, 0.8), 0.3, depth))
    p.rect(x0 + wdt * 0.06, base - fh * 0.8, x1 - wdt * 0.06, base, dark)
    sign = p.lit(p.pick([(200, 40, 40), (30, 80, 160), (230, 190, 50), (40, 130, 80)]), 0.9, depth)
    p.rect(x0 + wdt * 0.06, base - fh * 0.98, x1 - wdt * 0.06, base - fh * 0.8, sign)
    for k in range(p.int(2, 4)):  # a few letters on the sign, too small to read
        lx = x0 + wdt * (0.14 + k * 0.2)
        p.rect(lx, base - fh * 0.93, lx + wdt * 0.12, base - fh * 0.86, p.lit((245, 240, 220), 0.9))


def produce_basket(p: Painter, x: float, y: float, s: float) -> None:
    """A flat round basket heaped with fruit, greens or fish."""
    p.ellipse(x, y + s * 0.08, s * 1.05, s * 0.36, p.lit((60, 50, 40), 0.2))
    p.ellipse(x, y, s, s * 0.38, p.lit((160, 118, 64), 0.8))
    p.ellipse(x, y - s * 0.04, s * 0.88, s * 0.3, p.lit((120, 84, 44), 0.5))
    kind = p.pick(["fruit", "fruit", "greens", "fish", "dragon"])
    colour = {"fruit": p.pick([(240, 190, 40), (240, 130, 40), (200, 50, 40), (150, 190, 60)]),
              "greens": (80, 140, 60), "fish": (176, 182, 186), "dragon": (214, 60, 130)}[kind]
    for _ in range(int(26 + s / p.u * 4)):
        a, b = p.uni(-1, 1), p.uni(-1, 1)
        if a * a + b * b > 0.85:
            continue
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

SCENES = {
    "harbour": scene_harbour, "cranes": scene_cranes, "ship": scene_ship, "city": scene_city,
    "street": scene_street, "bridge": scene_bridge, "sea": scene_sea, "island": scene_island,
    "beach": scene_beach, "festival": scene_festival, "flowers": scene_flowers,
    "temple": scene_temple, "opera-house": scene_opera_house, "people": scene_people,
    "factory": scene_factory, "parade": scene_parade, "night": scene_night,
    "aerial": scene_aerial, "field": scene_field, "market": scene_market,
}


# --------------------------------------------------------------------------
# From painting to file
# --------------------------------------------------------------------------


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


def draw_label(img: Image.Image, text: str) -> None:
    """A small 'PLACEHOLDER <stem>' tag in the top-left corner."""
    w, h = img.size
    font = ImageFont.load_default(size=max(8, round(h * 0.015)))
    left, top, right, bottom = ImageDraw.Draw(img).textbbox((0, 0), text, font=font)
    pad = max(2, round((bottom - top) * 0.4))
    m = max(2, round(min(w, h) * 0.012))
    box = (m, m, m + right - left + 2 * pad, m + bottom - top + 2 * pad)
    plate = img.crop(box).point(lambda v: v * 0.45)  # darkened, see-through plate
    ImageDraw.Draw(plate).text((pad - left, pad - top), text, font=font,
                               fill=235 if img.mode == "L" else (235, 235, 235))
    img.paste(plate, box[:2])


def render_photo(entry: Entry) -> Image.Image:
    """The photo as it should be displayed (RGB, or L for gray), full size."""
    img = paint_scene(entry.scene, entry.size, entry.seed)
    grain_rng = np.random.default_rng([entry.seed, 1])
    if entry.variant == "gray":
        img = archival_look(img, grain_rng)
    img = img.resize(entry.size, Image.Resampling.LANCZOS)
    img = add_grain(img, grain_rng, 9.0 if entry.variant == "gray" else 4.0)
    draw_label(img, f"PLACEHOLDER {entry.stem}")
    return img


@functools.cache
def srgb_icc() -> bytes:
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    # LittleCMS stamps the current time into the header; pin it (and clear
    # the profile ID, which would hash the time) so files are reproducible.
    data[24:36] = struct.pack(">6H", 2024, 1, 1, 0, 0, 0)
    data[84:100] = bytes(16)
    return bytes(data)


def cmyk_icc_path() -> Path | None:
    for pattern in CMYK_ICC_PATTERNS:
        found = sorted(glob.glob(pattern, recursive=True))
        if found:
            return Path(found[0])
    return None


@functools.cache
def icc_transform(target: str) -> tuple[ImageCms.ImageCmsTransform, bytes]:
    """sRGB → Adobe RGB or CMYK transform plus the target profile's bytes."""
    src = ImageCms.ImageCmsProfile(io.BytesIO(srgb_icc()))
    if target == "adobe-rgb":
        path, mode, intent = ADOBE_RGB_ICC, "RGB", ImageCms.Intent.RELATIVE_COLORIMETRIC
    else:
        path, mode, intent = cmyk_icc_path(), "CMYK", ImageCms.Intent.PERCEPTUAL
    data = Path(path).read_bytes()
    dst = ImageCms.ImageCmsProfile(io.BytesIO(data))
    return ImageCms.buildTransform(src, dst, "RGB", mode, renderingIntent=intent), data


def apply_variant(img: Image.Image, variant: str) -> tuple[Image.Image, dict]:
    """Pixels to store and Pillow save options for one variant."""
    jpeg = {"format": "JPEG", "quality": JPEG_QUALITY, "optimize": False}
    if variant == "srgb":
        return img, {**jpeg, "icc_profile": srgb_icc()}
    if variant == "untagged":
        return img, jpeg
    if variant in ("adobe-rgb", "cmyk"):
        transform, data = icc_transform(variant)
        return ImageCms.applyTransform(img, transform), {**jpeg, "icc_profile": data}
    if variant == "gray":
        return img.convert("L"), jpeg
    if variant == "png":
        return img, {"format": "PNG", "icc_profile": srgb_icc(), "compress_level": 6}
    if variant == "exif-rotated":
        # Stored turned 90° anticlockwise; Orientation 6 tells viewers to
        # turn it 90° clockwise, which shows it upright again.
        exif = Image.Exif()
        exif[ORIENTATION_TAG] = 6
        return img.transpose(Image.Transpose.ROTATE_90), {
            **jpeg, "icc_profile": srgb_icc(), "exif": exif.tobytes()}
    raise ValueError(f"unknown variant {variant}")


def write_photo(entry: Entry, out_dir: Path) -> Path:
    """Render one entry and move it into place atomically."""
    img, options = apply_variant(render_photo(entry), entry.variant)
    if options["format"] == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", entry.fingerprint())
        options["pnginfo"] = info
    else:
        options["comment"] = entry.fingerprint()
    final = out_dir / entry.file
    tmp = out_dir / f"{entry.file}.tmp-{os.getpid()}"
    try:
        img.save(tmp, **options)
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    return final


def displayed_size(im: Image.Image) -> tuple[int, int]:
    w, h = im.size
    return (h, w) if im.getexif().get(ORIENTATION_TAG, 1) in (5, 6, 7, 8) else (w, h)


def is_current(entry: Entry, path: Path) -> bool:
    """Whether an existing file can stay: a placeholder made from the same
    entry, or a foreign image (a real photo) of the right displayed size."""
    try:
        with Image.open(path) as im:
            comment = im.info.get("comment") or im.info.get("Comment") or b""
            if isinstance(comment, bytes):
                comment = comment.decode("utf-8", "replace")
            if comment.startswith("placeholder make_photos"):
                return comment == entry.fingerprint()
            return displayed_size(im) == entry.size
    except (OSError, SyntaxError, ValueError):
        return False


def _work(job: tuple[Entry, Path]) -> str:
    entry, out_dir = job
    write_photo(entry, out_dir)
    return entry.file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=None,
                        help=f"photo spec (default: {DEFAULT_SPEC})")
    parser.add_argument("--out", type=Path, default=None,
                        help=f"output folder (default: {DEFAULT_OUT})")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="worker processes (default: number of CPUs)")
    parser.add_argument("--force", action="store_true", help="remake every photo")
    args = parser.parse_args(argv)
    # Defaults are relative to the repository, so the tool works from anywhere.
    spec = args.spec or ROOT / DEFAULT_SPEC
    out = args.out or ROOT / DEFAULT_OUT
    shown_out = args.out or DEFAULT_OUT
    shown_spec = args.spec or DEFAULT_SPEC

    def fail(message: str) -> int:
        print(f"make_photos: {message}", file=sys.stderr)
        return 1

    try:
        entries = load_spec(spec)
    except SpecError as exc:
        return fail(str(exc).replace(str(spec), str(shown_spec), 1))
    variants = {e.variant for e in entries}
    if "adobe-rgb" in variants and not ADOBE_RGB_ICC.is_file():
        return fail(f"{ADOBE_RGB_ICC} is missing (Debian package icc-profiles-free)")
    if "cmyk" in variants and cmyk_icc_path() is None:
        return fail("no Ghostscript CMYK profile (default_cmyk.icc) found under /usr/share")
    try:
        out.mkdir(parents=True, exist_ok=True)
        todo = [e for e in entries if args.force or not is_current(e, out / e.file)]
        # Biggest first, so the pool does not end waiting on one large spread.
        todo.sort(key=lambda e: -e.size[0] * e.size[1])
        jobs = max(1, min(args.jobs, len(todo)))
        if jobs == 1:
            for entry in todo:
                write_photo(entry, out)
        else:
            with multiprocessing.Pool(jobs) as pool:
                for _ in pool.imap_unordered(_work, [(e, out) for e in todo]):
                    pass
    except OSError as exc:
        return fail(f"cannot write to {shown_out}: {exc}")
    print(f"made {len(todo)}, kept {len(entries) - len(todo)} photos in {shown_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
