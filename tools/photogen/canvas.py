"""The Painter: canvas, random stream, light, drawing primitives, layers and water reflections."""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from .colour import Colour, Light, clamp8, mix, scale, to_u8


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

    def in_disc(self, tries: int, b_top: float = 1.0, limit: float = 1.0):
        """Random (a, b) from `tries` draws in [-1, 1] x [-1, b_top], keeping
        those inside the disc a² + b² <= limit (crowns, heaps of fruit)."""
        for _ in range(tries):
            a, b = self.uni(-1, 1), self.uni(-1, b_top)
            if a * a + b * b <= limit:
                yield a, b

    def spots(self, n: int, x0: float, x1: float, y0: float, y1: float):
        """n random places, x from x0 to x1 of the width and y from y0 to y1
        pixels, less those that fall in the calm caption corner."""
        for _ in range(n):
            x, y = self.uni(x0, x1) * self.w, self.uni(y0, y1)
            if self.busy_ok(x, y):
                yield x, y

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
