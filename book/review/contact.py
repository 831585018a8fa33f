"""Contact sheets from the page thumbnails: every spread of one edition on one
sheet, and (with --compare) one sheet per spread showing it in every edition,
where the shared photo placement, or a text that ran long, is seen at a glance."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from book.files import atomic_path
from book.review.preview import PNG_LEVEL

SPREADS_PER_ROW = 4
GAP, LABEL = 16, 22  # px
BACKGROUND, INK = (200, 200, 200), (40, 40, 40)


def spreads(pages: int) -> list[tuple[int | None, int | None]]:
    """(left, right) page numbers: page 1 is a right-hand page on its own.

    >>> spreads(5)
    [(None, 1), (2, 3), (4, 5)]
    >>> spreads(4)
    [(None, 1), (2, 3), (4, None)]
    """
    out: list[tuple[int | None, int | None]] = [(None, 1)] if pages else []
    for left in range(2, pages + 1, 2):
        out.append((left, left + 1 if left + 1 <= pages else None))
    return out


def spread_image(pages: list[Path], spread: tuple[int | None, int | None]) -> Image.Image:
    """The two pages side by side; an absent page is left blank grey."""
    with Image.open(pages[0]) as first:
        w, h = first.size
    image = Image.new("RGB", (2 * w, h), BACKGROUND)
    for side, number in enumerate(spread):
        if number is not None:
            with Image.open(pages[number - 1]) as page:
                image.paste(page.convert("RGB"), (side * w, 0))
    return image


def save_png(image: Image.Image, path: Path) -> Path:
    with atomic_path(path, durable=False) as tmp:
        image.save(tmp, "PNG", compress_level=PNG_LEVEL)
    return path


def spread_name(spread: tuple[int | None, int | None]) -> str:
    """
    >>> spread_name((None, 1)), spread_name((2, 3))
    ('spread-001', 'spread-002-003')
    """
    return "spread-" + "-".join(f"{n:03d}" for n in spread if n is not None)


def contact_sheet(pages: list[Path], font_path: Path, target: Path, title: str) -> Path:
    """Every spread of one edition, SPREADS_PER_ROW to a row, each labelled with its pages."""
    font = ImageFont.truetype(str(font_path), 14)
    all_spreads = spreads(len(pages))
    cell = spread_image(pages, all_spreads[0]).size
    rows = (len(all_spreads) + SPREADS_PER_ROW - 1) // SPREADS_PER_ROW
    sheet = Image.new("RGB", (GAP + SPREADS_PER_ROW * (cell[0] + GAP), LABEL * 2 + rows * (cell[1] + LABEL + GAP)), (255, 255, 255))
    draw = ImageDraw.Draw(sheet)
    draw.text((GAP, 8), title, fill=INK, font=font)
    for index, spread in enumerate(all_spreads):
        x = GAP + (index % SPREADS_PER_ROW) * (cell[0] + GAP)
        y = LABEL * 2 + (index // SPREADS_PER_ROW) * (cell[1] + LABEL + GAP)
        draw.text((x, y), " – ".join(str(n) for n in spread if n is not None), fill=INK, font=font)
        sheet.paste(spread_image(pages, spread), (x, y + LABEL))
    return save_png(sheet, target)


def compare_sheets(pages_by_lang: dict[str, list[Path]], font_path: Path, folder: Path) -> list[Path]:
    """One sheet per spread: the editions one under the other, each labelled."""
    font = ImageFont.truetype(str(font_path), 16)
    count = min(len(p) for p in pages_by_lang.values())
    written = []
    for old in folder.glob("spread-*.png"):
        old.unlink()
    for spread in spreads(count):
        images = {lang: spread_image(pages, spread) for lang, pages in pages_by_lang.items()}
        w, h = next(iter(images.values())).size
        sheet = Image.new("RGB", (w + 2 * GAP, len(images) * (h + LABEL + GAP) + GAP), (255, 255, 255))
        draw = ImageDraw.Draw(sheet)
        for index, (lang, image) in enumerate(images.items()):
            y = GAP + index * (h + LABEL + GAP)
            draw.text((GAP, y), f"{lang} · pages {' – '.join(str(n) for n in spread if n is not None)}", fill=INK, font=font)
            sheet.paste(image, (GAP, y + LABEL))
        written.append(save_png(sheet, folder / f"{spread_name(spread)}.png"))
    return written
