"""The cover: spread geometry, ISBN rules, and the bad inputs a cover refuses."""

from __future__ import annotations

import re
import subprocess

import pytest

from book.pages.spine import cover_geometry, spine_width
from book.sources.imprint import isbn_check_digit, isbn_problem
from book.text.linebreak import DASHES


@pytest.mark.parametrize("pages", [68, 200])
@pytest.mark.parametrize("caliper", [0.1, 0.14])
def test_cover_width_is_two_trims_plus_spine_plus_bleed(pages, caliper):
    g = cover_geometry((240, 300), pages, caliper, 3)
    assert g.spine == pytest.approx(pages / 2 * caliper)
    assert g.media[0] == pytest.approx(2 * 240 + pages / 2 * caliper + 2 * 3)
    assert g.media[1] == pytest.approx(300 + 2 * 3)
    assert g.folds == pytest.approx((240, 240 + g.spine))


def test_case_binding_adds_boards_and_wraps():
    g = cover_geometry((240, 300), 200, 0.1, 3, "case", 2.5, 15)
    assert g.spine == spine_width(200, 0.1) + 5.0 == 15.0
    assert g.margin == 15


def test_isbn_check_digit_rule():
    assert isbn_check_digit("978030640615") == "7"  # 978-0-306-40615-7
    assert isbn_problem("978-0-306-40615-7") is None
    assert "check digit is 3" in isbn_problem("978-0-306-40615-3")
    assert "13 digits" in isbn_problem("978-0-306-4061")


def add_cover(root, isbn_en="978-604-00-0002-6", extra="", back='back_text: "Lời giới thiệu ở bìa sau."'):
    with (root / "content" / "book.yaml").open("a", encoding="utf-8") as f:
        f.write(f'isbn: {{vi: "978-604-00-0001-9", en: "{isbn_en}", ja: "978-604-00-0005-7"}}\n'
                f'cover: {{photo: p002, {back}}}\n{extra}')


@pytest.mark.parametrize(("isbn", "extra", "expected"), [
    ("978-604-00-0002-7", "", "content/book.yaml:18: isbn.en: check digit is 7, but the first twelve digits give 6; correct the ISBN"),
    ("978-604-00-0001-9", "", "content/book.yaml:18: isbn.en: 978-604-00-0001-9 is already the ISBN of the vi edition; each edition needs its own"),
    ("978-604-00-0002-6", "", "cover.photo: photo p002 is"),
])
def test_bad_cover_input_is_one_line(mini, run, isbn, extra, expected):
    add_cover(mini, isbn, extra)
    result = run(mini, "check")
    assert result.exit_code == 1
    assert any(expected in line for line in result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.output + result.stderr


@pytest.mark.parametrize(("design", "expected"), [
    ("mark: artwork/none.svg", "content/book.yaml:19: cover.mark: artwork content/artwork/none.svg not found; add the file or "
                               "correct the name (relative to content/)"),
    ("ground: [0, 4, 12]", "content/book.yaml:19: cover.ground: [0, 4, 12] is not a CMYK colour; write four percentages, e.g. [0, 4, 12, 0]"),
    ("ground: [100, 100, 100, 100]", "content/book.yaml:19: cover.ground: [100, 100, 100, 100] carries 400 % ink, over "
                                     "colour.ink_limit 300 %; lighten it"),
])
def test_bad_cover_design_is_one_line(mini, run, design, expected):
    add_cover(mini, back=f'back_text: "Bìa sau.", {design}')
    result = run(mini, "check")
    assert result.exit_code == 1
    assert f"error: {expected}" in result.stderr.splitlines(), result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_a_cover_photo_without_a_credit_is_a_warning(mini, run):
    """The credits list the cover's photo by its photographer: one without a credit is named."""
    chapter = mini / "content" / "chapters" / "01-cang.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace('    credit: "Lê Minh"\n', ""), encoding="utf-8")
    add_cover(mini)
    result = run(mini, "check", "--lang", "vi")
    assert ("warning: content/book.yaml:19: cover.photo: photo p002 has no credit; give it one (credit: in "
            "content/chapters/01-cang.yaml), so the photo credits can name the cover's photographer") in result.stderr.splitlines(), result.stderr


def test_zero_caliper_is_refused(mini, run):
    add_cover(mini)
    path = mini / "content" / "book.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("caliper_mm: 0.14", "caliper_mm: 0"), encoding="utf-8")
    result = run(mini, "check")
    assert result.exit_code == 1
    assert "content/book.yaml:12: paper.caliper_mm: 0.0 is out of range" in result.stderr


@pytest.mark.needs("zbarimg", "gs", reason="Debian packages zbar-tools and ghostscript")
def test_barcode_decodes_to_the_editions_isbn(mini, run, tmp_path):
    from conftest import paint
    from PIL import Image

    paint(mini / "content" / "photos" / "p002.jpg", (2000, 1250), 2)  # 100 ppi across the spread
    add_cover(mini, back="spine_direction: top-to-bottom")  # no back text: the mini catalogs do not translate one
    result = run(mini, "build", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    cover = mini / "output" / "print" / "en" / "mini-en-cover.pdf"
    png = tmp_path / "cover.png"
    subprocess.run(["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pnggray", "-r300", f"-sOutputFile={png}", str(cover)], check=True)
    with Image.open(png) as image:
        image.crop((0, 0, image.width // 2, image.height)).save(tmp_path / "back.png")
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "back.png")], capture_output=True, text=True).stdout.split()
    assert decoded == ["9786040000026"]


def test_manifest_tells_the_printer_the_paper_the_spine_is_for(mini, run):
    import json

    from conftest import paint

    paint(mini / "content" / "photos" / "p002.jpg", (2000, 1250), 2)  # 100 ppi across the spread
    path = mini / "content" / "book.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("paper: {caliper_mm: 0.14}",
                                                             'paper: {name: "Couché matt 157 g/m²", caliper_mm: 0.14}'), encoding="utf-8")
    add_cover(mini, back="spine_direction: top-to-bottom")
    result = run(mini, "build", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    manifest = json.loads((mini / "output" / "manifest.json").read_text(encoding="utf-8"))
    cover = next(f for f in manifest["files"] if f["part"] == "cover")
    assert cover["paper"] == "Couché matt 157 g/m²"
    assert f"spine {cover['spine_mm']:g} mm (measured for Couché matt 157 g/m²)" in cover["note"]


# The cover alone, laid out at any trim and page count: no interior is set or drawn.

TEXTS = ("title", "subtitle", "publishers", "back", "isbn", "credit", "sale")


def cover_alone(root, trim, pages, lang, folder, photo=None, title_pt=None, printer=None):
    """One edition's cover of the book at ``root``, laid out at ``trim`` for
    ``pages`` interior pages and drawn with ``photo`` (a prepared `ImageResult`) or none, through the build's
    own stages (plan_cover, set_cover, CoverRenderer); the interior's layouts
    are not checked at that trim, so this is the cover and nothing else.
    ``title_pt`` sets the cover title's one size (as a designer would in
    layouts/styles.yaml for that trim: display type never shrinks to fit);
    ``printer`` names the preset the cover is made for (its hinge, clearance)."""
    from dataclasses import replace

    from book.errors import Problems
    from book.i18n.catalog import read_catalog
    from book.i18n.localise import Localiser
    from book.pages.spine import plan_cover
    from book.pdf.cover import CoverRenderer
    from book.sources import load_book
    from book.text.cover import cover_roles, cover_strings, set_cover
    from book.text.fonts import EditionFonts

    problems = Problems()
    book, _ = load_book(root, check_files=False, problems=problems)
    book = replace(book, trim=trim)
    if printer:
        from book.presets import read_preset

        book.printer = read_preset(root, printer)
    if title_pt:
        factor = title_pt / book.style("cover-title", lang).size
        book.styles["cover-title"] = {key: replace(style, size=title_pt, min_size=title_pt, leading=style.leading * factor)
                                      for key, style in book.styles["cover-title"].items()}
    geometry = plan_cover(book, pages, problems)
    loc = Localiser(book, lang, None if lang == book.source_language else read_catalog(root, lang), problems)
    texts = cover_strings(book, loc)
    fonts = EditionFonts(book.fonts, lang, folder / "fonts")
    fonts.prepare(cover_roles(book, lang, texts))
    cover = set_cover(book, geometry, fonts, lang, texts, loc.where, problems)
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / f"cover-{lang}-{trim[0]:g}x{trim[1]:g}-{pages}.pdf"
    CoverRenderer(book, geometry, fonts, photo, cover).render_cover(pdf, {"title": "", "author": "", "subject": ""})
    return pdf, cover, geometry, problems, texts


def cover_problems(problems):
    return [str(p) for p in problems.items if p.code in ("overflow", "cover-layout", "spine-overflow", "spine-narrow")]


def text_lines(pdf, bleed):
    """Each line of text in the PDF with its box, mm from the spread's top-left trim corner."""
    import html
    import re

    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for *box, body in re.findall(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', xml, re.S):
        words = [html.unescape(w) for w in re.findall(r">([^<]*)</word>", body)]
        x0, y0, x1, y1 = (float(v) * 25.4 / 72 - bleed for v in box)
        found.append((" ".join(words), (x0, y0, x1, y1)))
    return found


def black_rects(pdf, bleed, height):
    """The union of the rectangles filled in 100 % K: the barcode's bars, mm as in `text_lines`."""
    import pikepdf

    ctm, stack, black, boxes = [1, 0, 0, 1, 0, 0], [], False, []
    with pikepdf.open(pdf) as doc:
        for operands, operator in pikepdf.parse_content_stream(doc.pages[0]):
            op = str(operator)
            args = [float(v) for v in operands] if op in ("cm", "k", "re") else []
            if op == "q":
                stack.append((ctm, black))
            elif op == "Q":
                ctm, black = stack.pop()
            elif op == "cm":
                a, b, c, d, e, f = args
                A, B, C, D, E, F = ctm
                ctm = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]
            elif op == "k":
                black = args == [0, 0, 0, 1]
            elif op == "re" and black:
                x, y, w, h = args
                x0, y0 = ctm[0] * x + ctm[4], ctm[3] * y + ctm[5]
                x1, y1 = x0 + ctm[0] * w, y0 + ctm[3] * h
                boxes.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    assert boxes, "no black rectangles: no barcode drawn"
    to_mm = 25.4 / 72
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return (x0 * to_mm - bleed, height - y1 * to_mm - bleed, x1 * to_mm - bleed, height - y0 * to_mm - bleed)


def inside(box, area, clear=0.0):
    return box[0] >= area[0] + clear - 0.01 and box[1] >= area[1] + clear - 0.01 and \
        box[2] <= area[2] - clear + 0.01 and box[3] <= area[3] - clear + 0.01


def apart(a, b):
    return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def union(boxes):
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def ink_box(pdf, area, bleed, dpi=600):
    """The box of everything inked inside ``area`` (mm as in `text_lines`),
    rendered at ``dpi``: a pixel is ink when more than half of it is covered."""
    from PIL import Image

    px = dpi / 25.4
    x, y = round((area[0] + bleed) * px), round((area[1] + bleed) * px)
    w, h = round((area[2] - area[0]) * px), round((area[3] - area[1]) * px)
    out = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-singlefile", "-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h),
                    "-png", str(pdf), str(out)], check=True)
    with Image.open(out.with_suffix(".png")) as image:
        found = image.convert("L").point(lambda v: 255 if v < 128 else 0).getbbox()
    left, top = x / px - bleed, y / px - bleed  # the rendered area's corner, on whole pixels
    return None if found is None else (left + found[0] / px, top + found[1] / px, left + found[2] / px, top + found[3] / px)


@pytest.mark.needs("pdftotext", "pdftoppm", "zbarimg", reason="Debian packages poppler-utils and zbar-tools")
@pytest.mark.parametrize("lang", ["vi", "en", "zh", "ko", "ja"])
@pytest.mark.parametrize("trim", [(240, 300), (210, 210), (280, 240)])
def test_cover_at_any_trim_keeps_texts_and_barcode_apart_and_safe(trim, lang, tmp_path):
    """The sample's own long texts at three trims from the same settings, in
    every edition: the title, subtitle, back text, publishers, "not for sale",
    ISBN and barcode are all there, the texts on their panel's type area above
    the photo band, the title block AIR above the photo, the barcode's white
    field on the grid's foot by the spine (on the photo), all inside the
    printers' safe area, clear of each other and of the mark; the barcode
    sits on its field and reads as the edition's ISBN; the subtitle there
    when the book's cover: subtitle asks for it."""
    from conftest import REPO

    from book.pages.cover_plan import AIR, field_place
    from book.pages.spine import SAFE_MM
    from book.sources.imprint import isbn_check_digit

    title_pt = {(210, 210): 24}.get(trim)  # the square trim's front holds the title at the chapter titles' size
    pdf, cover, geometry, problems, texts = cover_alone(REPO, trim, 64, lang, tmp_path, title_pt=title_pt)
    assert [p for p in cover_problems(problems) if "spine" not in p] == []
    width, height = trim
    plan = cover.plan
    band_top = plan.photo[1]
    front = (plan.front[0], plan.front[1], plan.front[0] + plan.front[2], band_top)
    back = (plan.back[0], plan.back[1], plan.back[0] + plan.back[2], band_top)
    assert inside(front, (geometry.folds[1], 0, geometry.spread[0], height), SAFE_MM)
    assert inside(back, (0, 0, width, height), SAFE_MM)
    boxes: dict[str, list] = {}
    from book.sources import load_book

    design = load_book(REPO, check_files=False)[0].cover
    if not design.subtitle:  # the front's line under the title is the occasion line (book.yaml cover: occasion)
        texts = {**texts, "subtitle": texts["occasion"]}
    flat = {key: "".join(texts[key].split()) for key in TEXTS}
    foot = "".join("".join(texts["publishers"].split("\n")[:2]).upper().split())  # the front's foot lines (publisher, house), on its calm zone
    for line, box in text_lines(pdf, geometry.margin):
        if geometry.folds[0] <= (box[0] + box[2]) / 2 <= geometry.folds[1]:
            continue  # the spine's own text (test_spine_text_keeps_clear_of_the_folds)
        if line.replace(" ", "").isdigit():
            key = "barcode"  # the digits under the bars
        elif box[0] > geometry.folds[1] and box[1] > plan.calm and "".join(line.split()) in foot:
            key = "foot"
        else:
            on_front = (box[0] + box[2]) / 2 > geometry.folds[1]  # a short line may be in more than one text: its panel says which
            key = next((k for k in TEXTS if "".join(line.split()) in flat[k] and (k in ("title", "subtitle")) == on_front), None)
        assert key, f"line {line!r} is none of the cover's texts"
        boxes.setdefault(key, []).append(box)
    shown = set(TEXTS) - (set() if design.subtitle or design.occasion else {"subtitle"})
    calm = plan.calm < geometry.panel[1]  # a calm zone under the photo: the front's foot carries the publisher's line
    assert set(boxes) == {*shown, "barcode"} | ({"foot"} if calm else set())
    placed = {key: union(found) for key, found in boxes.items()}
    placed["barcode"] = union([placed["barcode"], black_rects(pdf, geometry.margin, geometry.media[1])])
    mark = (plan.mark[0], plan.mark[1], plan.mark[0] + plan.mark[2], plan.mark[1] + plan.mark[3])
    hang = 2.5 if lang in ("zh", "ja") else 0.0  # a line-start bracket's empty half-em, in the text's box though not inked
    for key in ("title", "subtitle")[:len(shown & {"title", "subtitle"})]:
        assert inside(placed[key], front, -hang), (key, placed[key], front)
        assert apart(placed[key], mark), (key, placed[key], mark)
    for key in ("back", "publishers", "credit"):
        assert inside(placed[key], back, -hang), (key, placed[key], back)
    field = cover.fields[0]
    field_box = (field[0], field[1], field[0] + field[2], field[1] + field[3])
    assert inside(field_box, (0, 0, width, height), SAFE_MM) and field_box[1] == pytest.approx(field_place(plan, field[3], height), abs=0.01)
    assert field_box[1] >= plan.calm or field_box[3] <= plan.calm  # on the ground or on the photo, never across the photo's foot edge
    assert field_box[1] >= plan.photo[1] and field_box[0] > width / 2  # at the back's lower corner, by the spine
    for key in ("title", "subtitle")[:len(shown & {"title", "subtitle"})] + ("publishers",):
        assert placed[key][3] <= band_top - AIR + 0.05, (key, placed[key][3], band_top)
    for key in ("sale", "isbn", "barcode"):
        assert inside(placed[key], field_box), (key, placed[key], field_box)
    # the cover photo's credit is the imprint group's first line: its baseline one imprint leading above the imprint's
    def whole(p):
        return "".join("".join(piece.text for line in p.lines for piece in line.pieces).split())
    credit = next(p for p in cover.placements if whole(p) == flat["credit"])
    imprint = next(p for p in cover.placements if whole(p) == flat["publishers"])
    pitch = imprint.top + imprint.lines[0].size / 72 * 25.4 - (credit.top + credit.lines[-1].size / 72 * 25.4)
    assert len(credit.lines) == 1 and pitch == pytest.approx(imprint.lines[0].leading / 72 * 25.4, abs=0.01), pitch
    if lang in ("vi", "en"):  # the blurb never splits a name or phrase of the book's keep_together
        keep = load_book(REPO, check_files=False)[0].keep_together.get(lang, ())
        back = next(p for p in cover.placements if whole(p) == flat["back"])
        rows = ["".join(piece.text for piece in line.pieces).replace(" ", "").lower() for line in back.lines]
        for name in (n.replace(" ", "").lower() for n in keep):
            assert name not in flat["back"].lower() or any(name in row for row in rows), (name, rows)
    for i, a in enumerate(placed):
        for b in list(placed)[i + 1:]:
            assert apart(placed[a], placed[b]), (a, placed[a], b, placed[b])
    png = tmp_path / "back"
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-singlefile", "-W", str(round((width + geometry.margin) / 25.4 * 300)),
                    "-png", str(pdf), str(png)], check=True)
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(png.with_suffix(".png"))], capture_output=True, text=True).stdout.split()
    isbn = "".join(ch for ch in texts["isbn"] if ch.isdigit())
    assert decoded == [isbn] and isbn[-1] == isbn_check_digit(isbn[:12])


def spine_samples(pdf, geometry, dpi=100):
    """(y mm, [the RGB pixels 2 mm outside the back fold, on the spine's middle,
    2 mm outside the front fold]) every 10 mm down the rendered cover."""
    from PIL import Image

    png = pdf.with_name(pdf.stem + "-spine")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-singlefile", "-png", str(pdf), str(png)], check=True)
    px = dpi / 25.4
    found = []
    with Image.open(png.with_suffix(".png")) as image:
        rgb = image.convert("RGB")
        xs = (geometry.folds[0] - 2, sum(geometry.folds) / 2, geometry.folds[1] + 2)
        for y in range(5, int(geometry.spread[1]), 10):
            found.append((y, [rgb.getpixel((round((x + geometry.margin) * px), round((y + geometry.margin) * px))) for x in xs]))
    return found


@pytest.mark.needs("pdftoppm", reason="Debian package poppler-utils")
def test_no_white_band_at_the_spine(mini, tmp_path, profile_cache):
    """Pixels across the spine of a 200-page book, every 10 mm from head to
    foot: above the photo the ground colour runs through both folds unchanged;
    in the photo band the picture does; nowhere is there paper white."""
    from conftest import paint

    from book.errors import Problems
    from book.images.placed import cover_job
    from book.images.process import process
    from book.outputs import OUTPUTS
    from book.pages.cover_plan import photo_frame
    from book.pages.spine import plan_cover
    from book.sources import load_book

    paint(mini / "content" / "photos" / "p002.jpg", (3000, 1900), 2)
    add_cover(mini)
    book, _ = load_book(mini, check_files=False, problems=Problems())
    geometry = plan_cover(book, 200, Problems())  # a 14 mm spine
    press = sorted(profile_cache.glob("FOGRA39-300-*.icc"))[-1]
    photo = process(cover_job(book, photo_frame(book, geometry), OUTPUTS["print"], press, tmp_path / "cache"))
    assert photo.error is None
    pdf, cover, geometry, _, _ = cover_alone(mini, (240, 300), 200, "vi", tmp_path, photo=photo)
    band_top = cover.plan.photo[1]
    samples = spine_samples(pdf, geometry)
    assert len(samples) == 30 and 100 < band_top < 200
    for y, pixels in samples:
        assert all(min(p) < 240 for p in pixels), (y, pixels)  # no paper white
        if y < band_top - 1:  # one ground colour across both folds (where the spine's text is not)
            assert pixels[0] == pixels[2] and (pixels[1] == pixels[0] or geometry.margins.head <= y <= cover.plan.spine_foot), (y, pixels)


@pytest.mark.needs("pdftoppm", reason="Debian package poppler-utils")
@pytest.mark.parametrize("lang", ["vi", "ja"])
@pytest.mark.parametrize(("pages", "spine"), [(600, 42.0), (80, 5.6)])
def test_spine_text_keeps_clear_of_the_folds(mini, lang, pages, spine, tmp_path):
    """A 600-page book: 300 leaves of 0.14 mm make a 42 mm spine; and an
    80-page one, whose 5.6 mm spine only just holds its text. The text, run
    along the spine (vi) or set vertically (ja), is there and its ink keeps
    1.6 mm from each fold, its type between 6 and the spine style's 14 pt."""
    add_cover(mini)
    pdf, cover, geometry, problems, _ = cover_alone(mini, (240, 300), pages, lang, tmp_path)
    assert geometry.spine == spine and geometry.media[0] == pytest.approx(2 * 240 + spine + 2 * 3)
    assert cover_problems(problems) == [] and cover.spine
    assert geometry.clearance == 1.6 and all(6 <= g.size <= 14 for g in cover.spine), [g.size for g in cover.spine]
    fold_back, fold_front = geometry.folds
    ink = ink_box(pdf, (fold_back - 0.5, 0, fold_front + 0.5, 300), geometry.margin)
    assert ink is not None, "no spine text drawn"
    pixel = 25.4 / 600  # what the rendering can tell apart
    assert ink[0] >= fold_back + 1.6 - pixel and ink[2] <= fold_front - 1.6 + pixel, (ink, geometry.folds)
    assert ink[1] > 6 and ink[3] <= geometry.panel[1] - geometry.margins.head + pixel  # the title from the head, the publisher at the foot
    assert cover.plan.spine_foot < cover.plan.photo[1]


@pytest.mark.needs("gs", reason="Debian package ghostscript")
def test_the_editions_covers_share_their_c_m_y_plates(mini, run):
    """The three editions' covers (ground, photo, mark, barcode field alike),
    compared plate by plate by `book preflight --plates`: only black differs."""
    import shutil

    from conftest import REPO, paint

    paint(mini / "content" / "photos" / "p002.jpg", (2000, 1250), 2)  # 100 ppi across the spread
    (mini / "content" / "artwork").mkdir()
    shutil.copy(REPO / "content" / "artwork" / "emblem-70.svg", mini / "content" / "artwork")
    add_cover(mini, back="spine_direction: top-to-bottom, mark: artwork/emblem-70.svg")
    result = run(mini, "build")
    assert result.exit_code == 0, result.stderr
    covers = sorted(str(p) for p in (mini / "output" / "print").glob("*/*-cover.pdf"))
    assert len(covers) == 3
    result = run(mini, "preflight", "--plates", *covers)
    assert result.exit_code == 0, result.output + result.stderr
    assert "C, M and Y plates: shared by all 3 files" in result.output


def test_thin_book_gets_no_spine_text_and_the_page_count_that_would_hold_it(mini, run, tmp_path):
    """The mini book's 4 pages make a 0.28 mm spine: no text, and a warning
    naming the page count from which the title's ink at the spine style's
    smallest size (6 pt) keeps 1.6 mm from each fold (0.14 mm leaves, pages in fours).
    At that count the spine has its text; four pages fewer, none."""
    import re

    from conftest import paint

    paint(mini / "content" / "photos" / "p002.jpg", (2000, 1250), 2)  # 100 ppi across the spread
    add_cover(mini)
    result = run(mini, "check", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    found = re.search(r"warning: content/book.yaml: vi: the spine is 0.28 mm wide \(4 pages\); its title's ink at the spine "
                      r"style's (6) pt needs ([\d.]+) mm to keep 1.6 mm from each fold, so the spine is left without text; "
                      r"spine text becomes possible from (\d+) pages on this paper \(caliper 0.14 mm\)", result.stderr)
    assert found, result.stderr
    need, pages = float(found[2]), int(found[3])
    assert spine_width(pages - 4, 0.14) < need <= spine_width(pages, 0.14)
    for count, has_text in ((pages - 4, False), (pages, True)):
        _, cover, _, problems, _ = cover_alone(mini, (240, 300), count, "vi", tmp_path / str(count))
        assert bool(cover.spine) == has_text and bool(cover_problems(problems)) != has_text

def test_back_text_too_long_is_one_line_saying_how_much(mini, run):
    """A back text twice what the card holds: exit 1 and one line naming
    the text, by how many lines and about how many characters it is too long."""
    from conftest import paint

    paint(mini / "content" / "photos" / "p002.jpg", (2000, 1250), 2)  # 100 ppi across the spread
    text = "Bảy mươi năm trước, ngày 13 tháng 5 năm 1955, Hải Phòng được hoàn toàn giải phóng. " * 30
    add_cover(mini, back=f'back_text: "{text.strip()}"')
    result = run(mini, "check", "--lang", "vi")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    said = re.fullmatch(r"error: content/book\.yaml:19: vi: the cover's back text is (\d+) lines too long at the 240 × 300 mm "
                        r"trim: (\d+) lines at 12\.0 pt, room for (\d+); shorten it by about \d+ of its 2489 characters, choose a "
                        r"larger trim_mm, or give cover-back a smaller size in layouts/styles\.yaml \(it never shrinks to fit one "
                        r"edition\)", errors[0]) if len(errors) == 1 else None
    assert said and int(said[1]) == int(said[2]) - int(said[3]) > 30, errors  # the lines over, the lines, the room
    assert "room for 0" not in result.output + result.stderr and "Traceback" not in result.output + result.stderr


@pytest.mark.parametrize(("trim", "title", "expected"), [
    ((150, 150), "Sách mẫu Hải Phòng " * 30, r"vi: the cover's title is (\d+) lines too long at the 150 × 150 mm trim: (\d+) lines "
                                              r"at 36.0 pt, room for (\d+); shorten it by about \d+ of its 569 characters, .* "
                                              r"cover-title a smaller size in layouts/styles.yaml \(it never shrinks to fit one edition\)"),
    ((240, 300), "Sách mẫu Hải Phòng " * 30, r"vi: the cover's title is (\d+) lines too long at the 240 × 300 mm trim: (\d+) lines "
                                              r"at 36.0 pt, room for (\d+); shorten it by about \d+ of its 569 characters"),
    ((210, 210), "Thànhphốcảng" * 8, r"vi: the cover's title: the line 'Thànhphốcảng"),
])
def test_title_too_long_is_one_error_saying_how_much(mini, trim, title, expected, tmp_path):
    """A title too long for the front card, in lines or in one word's width:
    one error (the subtitle below it is not reported as well)."""
    path = mini / "content" / "book.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('title: "Sách mẫu Hải Phòng"', f'title: "{title.strip()}"'), encoding="utf-8")
    add_cover(mini)
    _, _, _, problems, _ = cover_alone(mini, trim, 100, "vi", tmp_path)
    import re

    found = [p for p in cover_problems(problems) if "spine" not in p]
    assert len(found) == 1, found
    said = re.search(expected, found[0])
    assert said, found
    if said.groups():  # lines too many = lines needed - lines of room
        assert int(said[1]) == int(said[2]) - int(said[3]) > 0, found


def test_a_place_with_room_for_no_line_names_its_cause(mini, tmp_path):
    """A 200 pt cover title on a 150 × 150 mm cover: the front's type area,
    with the room above the title's capitals it hangs from and less the 12 mm
    kept for the subtitle, cannot hold one line of it; the error says so and
    names the sizes and the trim, never 'room for 0'."""
    styles = mini / "layouts" / "styles.yaml"
    text = styles.read_text(encoding="utf-8")
    old = text[text.index("  cover-title:"):text.index("    display: true", text.index("  cover-title:"))]
    assert old in text
    styles.write_text(text.replace(old, "  cover-title:\n    font: serif-bold\n    size: 200\n    leading: 210\n    min_size: 200\n"), encoding="utf-8")
    add_cover(mini)
    _, _, _, problems, _ = cover_alone(mini, (150, 150), 100, "vi", tmp_path)
    import re

    found = [(p.code, str(p)) for p in problems.items if p.code in ("overflow", "cover-layout")]
    assert len(found) == 1 and found[0][0] == "cover-layout" and re.fullmatch(
        r"content/book.yaml:1: vi: the cover's title has [\d.]+ mm, less than one line at cover-title's 200 pt "
        r"\(70.6 mm\): the front's type area above the photo is \d+ mm tall at the 150 × 150 mm trim and keeps 12 mm of it for the "
        r"subtitle; choose a taller trim_mm or a smaller cover-title style in layouts/styles.yaml", found[0][1]), found


@pytest.mark.needs("pdftotext", "pdftoppm", reason="Debian package poppler-utils")
def test_the_samples_cover_is_a_commemorative_cover(sample, tmp_path):
    """Each edition of the sample: a cover photo of its own (placed on no
    interior page, with a credit), the 70 mark drawn in its red at the head
    of the front, and the edition's title, publisher and cover-photo credit
    in the cover's text."""
    from conftest import LANGS
    from test_artwork import red_pixels

    from book.errors import Problems
    from book.i18n.catalog import read_catalog
    from book.i18n.localise import Localiser
    from book.pages.cover_plan import plan_design
    from book.pages.spine import plan_cover
    from book.sources import load_book
    from book.text.cover import cover_strings

    book, _ = load_book(sample)
    photo = book.cover.photo
    placed = {value for chapter in book.chapters for page in chapter.pages for value in page.slots.values()}
    assert photo.id not in placed and photo.credit.text
    geometry = plan_cover(book, 64, Problems())
    plan = plan_design(book.grid, geometry)
    for lang in LANGS:
        pdf = sample / "output" / "print" / lang / f"hai-phong-70-nam-{lang}-cover.pdf"
        (tmp_path / lang).mkdir()
        inside, _ = red_pixels(pdf, 1, tmp_path / lang, plan.mark, geometry.margin)
        assert inside > 200, (lang, inside)
        texts = cover_strings(book, Localiser(book, lang, None if lang == "vi" else read_catalog(sample, lang), Problems()))
        drawn = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
        for key in ("title", "publisher", "credit"):  # a title's line that ends on its dash drops it
            assert "".join(ch for ch in texts[key] if not ch.isspace() and ch not in DASHES) in \
                "".join(ch for ch in drawn if ch not in DASHES and ch not in "\u2005\u200a"), (lang, key, texts[key])


@pytest.mark.parametrize(("design", "foot"), [
    ('spine_publisher: "NXB TN"', "NXB TN"),  # the publisher's short form, under the title
    ("", "NHÀ XUẤT BẢN THỬ NGHIỆM"),  # none given: the publishing house's name, on the lines it needs
    ('spine_publisher: "' + "Nhà xuất bản Thông tin và Truyền thông " * 3 + '"', None),  # too long: the title alone, a warning
])
def test_spine_leads_with_the_title_and_ends_with_a_short_publisher(mini, tmp_path, design, foot):
    """A Latin spine reads top to bottom by default: the title from the head,
    the main item, above the photo; the publisher at 8 pt at the spine's
    foot, on the calm zone under the photo, on as few lines across the spine
    as fit (a warning and the title alone when none do)."""
    add_cover(mini, back=f'back_text: "Lời giới thiệu ở bìa sau.", {design}'.rstrip(", "))
    _, cover, geometry, problems, _ = cover_alone(mini, (240, 300), 600, "vi", tmp_path)
    assert {g.angle for g in cover.spine} == {-90}  # downwards
    from book.text.spine_text import CALM_GAP, PUBLISHER_SIZE

    title = [g for g in cover.spine if g.size > PUBLISHER_SIZE]
    text = "".join(g.text for g in sorted(title, key=lambda g: g.y))  # head to foot
    publisher = sorted((g for g in cover.spine if g.size <= PUBLISHER_SIZE), key=lambda g: (-g.x, g.y))  # its lines, first to last
    title_only = [p for p in problems.items if p.code == "spine-title-only"]
    if foot:
        assert text == "SÁCH MẪU HẢI PHÒNG" and " ".join(g.text for g in publisher) == foot, (text, publisher)
        assert min(g.y for g in publisher) > max(g.y for g in title) + 12 and not title_only  # under the title
        assert all(6 <= g.size <= PUBLISHER_SIZE for g in publisher), [g.size for g in publisher]
        assert all(g.tracking == pytest.approx(0.08 * g.size) for g in publisher + title)  # tracked as the copyright page's caps
        assert all(g.y < cover.plan.spine_foot for g in title)  # the title in the cream, above the photo
        assert all(g.y >= cover.plan.calm + CALM_GAP - 0.01 for g in publisher), [g.y for g in publisher]  # on the calm zone
    else:
        assert text == "SÁCH MẪU HẢI PHÒNG" and not publisher and title_only, (text, problems.items)


@pytest.mark.parametrize("lang", ["en", "zh", "ko", "ja"])
def test_each_editions_spine_names_its_publisher_in_its_own_language(sample, lang, tmp_path):
    """On the sample's hardcover spine (80 pages: 6.2 mm of pages and two
    boards), each foreign edition's spine carries its title and the
    publisher's name from its catalog (in capitals along a Latin spine: en
    "INFORMATION AND COMMUNICATIONS PUBLISHING HOUSE"), never the Vietnamese
    abbreviation 'NXB'; 6 to 14 pt."""
    from book.errors import Problems
    from book.i18n.catalog import read_catalog
    from book.i18n.localise import Localiser
    from book.sources import load_book
    from book.text.cover import cover_strings

    _, cover, _, problems, _ = cover_alone(sample, (240, 300), 80, lang, tmp_path)
    book, _ = load_book(sample)
    texts = cover_strings(book, Localiser(book, lang, read_catalog(sample, lang), Problems()))
    drawn = "".join(g.text for g in sorted(cover.spine, key=lambda g: g.y))
    assert "NXB" not in drawn and texts["spine_publisher"] != "NXB TT&TT", drawn
    words = texts["spine_publisher"].upper().split()  # on one line or several across the spine, read in any order
    assert all(word in drawn for word in words), (drawn, texts["spine_publisher"])
    assert not [p for p in problems.items if p.code == "spine-title-only"]
    assert min(g.size for g in cover.spine if g.text != "ォ") >= 6 and max(g.size for g in cover.spine) <= 14


def test_a_small_kana_in_a_column_takes_its_vert_glyphs_place(sample, tmp_path):
    """ja: in the spine's column the small ォ of ハイフォン is drawn where
    HarfBuzz puts the face's `vert` glyph (up and to the right in its em,
    as a reader of vertical Japanese expects), the full-size kana are not moved."""
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    from book.sources import load_book
    from book.text.fonts import EditionFonts

    _, cover, _, _, _ = cover_alone(sample, (240, 300), 80, "ja", tmp_path)
    book, _ = load_book(sample)
    fonts = EditionFonts(book.fonts, "ja", tmp_path / "fonts")
    fonts.prepare({book.style("spine", "ja").font: {"ハイフォン"}})
    path, index = fonts.sources[fonts.runs("ォ", book.style("spine", "ja").font)[0].font]
    face = hb.Font(hb.Face(hb.Blob.from_file_path(path), index))
    found = {}
    for direction in ("ltr", "ttb"):
        buffer = hb.Buffer()
        buffer.add_str("ォ")
        buffer.guess_segment_properties()
        buffer.direction = direction
        hb.shape(face, buffer, {})
        found[direction] = face.get_glyph_extents(buffer.glyph_infos[0].codepoint)
    assert found["ttb"].x_bearing > found["ltr"].x_bearing and found["ttb"].y_bearing > found["ltr"].y_bearing
    glyphs = {g.text: g for g in cover.spine}
    small, big = glyphs["ォ"], glyphs["フ"]
    upem = TTFont(path, fontNumber=index, lazy=True)["head"].unitsPerEm
    size_mm = big.size * 25.4 / 72
    # the vert glyph's ink centre, in mm right of the column's left em edge and above the em's baseline
    want_x = (found["ttb"].x_bearing + found["ttb"].width / 2) / upem * size_mm
    drawn_x = small.x - big.x + (found["ltr"].x_bearing + found["ltr"].width / 2) / upem * small.size * 25.4 / 72
    assert drawn_x == pytest.approx(want_x, abs=0.02), (drawn_x, want_x)
    step = size_mm  # one em a character down the column
    want_up = (found["ttb"].y_bearing + found["ttb"].height / 2) / upem * size_mm
    drawn_up = (big.y + step - small.y) + (found["ltr"].y_bearing + found["ltr"].height / 2) / upem * small.size * 25.4 / 72
    assert drawn_up == pytest.approx(want_up, abs=0.02), (drawn_up, want_up)
