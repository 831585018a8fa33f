"""People: one figure, a random passer-by, a crowd."""

from __future__ import annotations

from .canvas import Painter
from .colour import AO_DAI, CLOTHES, SKIN, TROUSERS, Colour, mix


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
    bottom = (246, 246, 242) if dress else p.pick(TROUSERS + [(60, 70, 100), (200, 190, 170)])
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
