"""Colour arithmetic, palettes and the light of the time of day."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

Colour = tuple[int, int, int]


def clamp8(v: float) -> int:
    return 0 if v < 0 else 255 if v > 255 else int(v + 0.5)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(clamp8(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def scale(c: Colour, k: float) -> Colour:
    return tuple(clamp8(x * k) for x in c)  # type: ignore[return-value]


def to_u8(a: np.ndarray) -> np.ndarray:
    return (np.clip(a, 0, 255) + 0.5).astype(np.uint8)


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
SIGNS = [(200, 40, 40), (30, 80, 160), (230, 190, 50), (40, 130, 80)]
TROUSERS = [(40, 44, 60), (30, 30, 34), (90, 80, 70)]


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
