"""The book's own marks are content: an artwork frame places an SVG a page
names (the sample's emblem on its title page), and a project without one
draws nothing there."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from book.sources.artwork import ArtworkProblem, read_artwork

REPO = Path(__file__).resolve().parent.parent
EMBLEM = REPO / "content" / "artwork" / "emblem-70.svg"
RED = (0.0, 1.0, 0.85, 0.0)  # the emblem's one ink
TITLE_PAGE = "  - layout: title-page\n    slots: {{{emblem}title: title, subtitle: intro, publisher: book.publisher}}\n"
EMBLEM_BOX = (20, 17, 60, 40)  # layouts.yaml title-page emblem frame: x, y, w, h in mm from the trim's top-left


def red_pixels(pdf: Path, page: int, folder: Path, box: tuple[float, ...] = EMBLEM_BOX, bleed: float = 3.0) -> tuple[int, int]:
    """Red pixels of ``page`` rendered at 50 dpi: (inside ``box``, by default the emblem frame, elsewhere)."""
    stem = folder / f"page-{page}"
    subprocess.run(["pdftoppm", "-r", "50", "-f", str(page), "-l", str(page), "-singlefile", "-png", str(pdf), str(stem)], check=True)
    image = Image.open(f"{stem}.png").convert("RGB")
    x, y, w, h = ((v + (bleed if i < 2 else 0)) / 25.4 * 50 for i, v in enumerate(box))
    inside = outside = 0
    pixels = image.load()
    for py in range(image.height):
        for px in range(image.width):
            r, g, b = pixels[px, py]
            if r > 150 and g < 110 and b < 130 and r - g > 90:
                if x - 1 <= px <= x + w + 1 and y - 1 <= py <= y + h + 1:
                    inside += 1
                else:
                    outside += 1
    return inside, outside


def test_the_sample_emblem_is_vector_in_one_cmyk_red():
    artwork = read_artwork(EMBLEM, "content/artwork/emblem-70.svg")
    assert artwork.view == (0.0, 0.0, 60.0, 40.0)
    assert {shape.fill for shape in artwork.shapes} - {None} == {RED}
    assert {shape.stroke for shape in artwork.shapes} - {None} == {RED}
    assert [round(s.stroke_width / 25.4 * 72, 2) for s in artwork.shapes if s.stroke] == [0.75]  # the rule under the numeral, in pt


@pytest.mark.parametrize("svg, line, says", [
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<rect width="5" height="5" fill="#e4002b"/>\n</svg>', 2,
     "colour '#e4002b' is not a CMYK ink; write it as device-cmyk(c m y k)"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<g>\n<image href="logo.png" width="5" height="5"/></g>\n</svg>', 3,
     "<image> is a raster picture; an artwork is vector only"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<text x="1" y="5">70</text>\n</svg>', 2,
     "<text> is text; convert it to outlines"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<path d="M0 0H5V5Z" style="fill:black;opacity:0.5"/>\n</svg>', 2,
     "opacity=0.5 is transparency, which PDF/X-1a does not allow"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n<circle r="4" cx="5" cy="5" fill="url(#g)"/>\n</svg>', 2,
     "a gradient or pattern (url(#g)) cannot be printed as one ink"),
    ('<svg xmlns="http://www.w3.org/2000/svg">\n<rect width="5" height="5"/>\n</svg>', 1, "no viewBox"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"', 1, "is not readable SVG"),
    ("%PDF-1.4\n", None, "is a PDF; export the drawing as SVG"),
    ("\x89PNG\r\n\x1a\n", None, "is not a vector file"),
])
def test_an_artwork_that_cannot_print_is_refused_at_its_line(tmp_path, svg, line, says):
    path = tmp_path / "mark.svg"
    path.write_bytes(svg.encode("latin-1"))
    with pytest.raises(ArtworkProblem) as problem:
        read_artwork(path, "content/mark.svg")
    assert problem.value.line == line
    assert says in str(problem.value)


def test_transforms_and_basic_shapes_are_placed_as_drawn(tmp_path):
    path = tmp_path / "mark.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="20mm" height="10mm">'
                    '<g transform="translate(10 0)"><rect x="1" y="2" width="3" height="4" fill="device-cmyk(100% 0 0 0)"/></g>'
                    '<line x1="0" y1="9" x2="20" y2="9" stroke="black" stroke-width="0.5" transform="scale(1 1)"/></svg>', encoding="utf-8")
    artwork = read_artwork(path, "content/mark.svg")
    assert artwork.view == (0.0, 0.0, 20.0, 10.0)
    rect, rule = artwork.shapes
    assert rect.fill == (1.0, 0.0, 0.0, 0.0) and rect.stroke is None
    assert rect.path[0] == ("M", (11.0, 2.0))
    assert {point for _, values in rect.path for point in zip(values[::2], values[1::2], strict=True)} == {(11, 2), (14, 2), (14, 6), (11, 6)}
    assert rule.fill is None and rule.stroke == (0.0, 0.0, 0.0, 1.0) and rule.stroke_width == 0.5


def add_title_page(root: Path, emblem: str = "") -> None:
    chapter = next((root / "content" / "chapters").glob("*.yaml"))
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("pages:\n", "pages:\n" + TITLE_PAGE.format(emblem=emblem), 1), encoding="utf-8")


def test_a_page_naming_the_emblem_shows_it_in_its_frame(mini, run, tmp_path):
    (mini / "content" / "artwork").mkdir()
    shutil.copy(EMBLEM, mini / "content" / "artwork" / "emblem.svg")
    add_title_page(mini, "emblem: artwork/emblem.svg, ")
    result = run(mini, "build", "--lang", "vi")
    assert result.exit_code == 0, result.stderr
    pdf = mini / "output" / "print" / "vi" / "mini-vi-interior.pdf"
    inside, outside = red_pixels(pdf, 1, tmp_path)
    assert inside > 300 and outside == 0, (inside, outside)
    checked = subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=inkcov", "-dFirstPage=1", "-dLastPage=1", "-o", "-", str(pdf)],
                             capture_output=True, text=True, check=True).stdout.split()
    cyan, magenta, yellow = (float(v) for v in checked[:3])
    assert cyan == 0 and magenta > 0 and yellow > 0  # the emblem's red is magenta and yellow ink, no RGB


def test_a_new_books_title_page_has_no_emblem(tmp_path, run, profile_cache):
    """`book init`'s layouts keep an emblem frame, but nothing of the sample fills it."""
    folder = tmp_path / "new"
    assert run(tmp_path, "init", str(folder)).exit_code == 0
    assert not (folder / "content" / "artwork").exists()
    found = [p for p in folder.rglob("*") if p.is_file() and p.suffix in (".yaml", ".pot")
             and any(word in p.read_text(encoding="utf-8") for word in ("1955", "Hải Phòng", "70 năm", "emblem-70"))]
    assert found == []
    built = run(folder, "build")
    assert built.exit_code == 0, built.stderr
    pdf = folder / "output" / "print" / "vi" / "new-vi-interior.pdf"
    assert red_pixels(pdf, 1, tmp_path) == (0, 0)  # init's own title page, page 1
    assert "new" in subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True).stdout



def test_inks_are_inherited_from_the_drawing_and_its_groups(tmp_path):
    path = tmp_path / "mark.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
                    'viewBox="0 0 10 10" fill="device-cmyk(0 0 1 0)"><inkscape:grid/><metadata>x</metadata>'
                    '<path d="M0 0H5V5Z"/><g style="fill:device-cmyk(0, 50%, 0, 0)"><circle cx="5" cy="5" r="2" fill="inherit"/></g>'
                    '<g display="none"><image href="hidden.png"/></g></svg>', encoding="utf-8")
    first, second = read_artwork(path, "content/mark.svg").shapes
    assert first.fill == (0.0, 0.0, 1.0, 0.0)
    assert second.fill == (0.0, 0.5, 0.0, 0.0) and second.path[0] == ("M", (3.0, 5.0)) and second.path[-1] == ("Z", ())


def test_an_emblem_in_a_frame_of_another_shape_keeps_to_its_corner(mini, run, tmp_path):
    """The sample's emblem says preserveAspectRatio="xMinYMax": in a wider, taller
    frame it grows to fit and stays in the frame's bottom left-hand corner."""
    (mini / "content" / "artwork").mkdir()
    shutil.copy(EMBLEM, mini / "content" / "artwork" / "emblem.svg")
    layouts = mini / "layouts" / "layouts.yaml"
    text = layouts.read_text(encoding="utf-8")
    frame = "emblem: {kind: artwork, col: 1, cols: 4, row: 1, rows: 2}"
    assert frame in text
    # 8 columns and 3 rows of the 240 x 300 grid: 135 x 60.75 mm from (20, 17)
    layouts.write_text(text.replace(frame, "emblem: {kind: artwork, col: 1, cols: 8, row: 1, rows: 3}"), encoding="utf-8")
    add_title_page(mini, "emblem: artwork/emblem.svg, ")
    assert run(mini, "build", "--lang", "vi").exit_code == 0
    pdf = mini / "output" / "print" / "vi" / "mini-vi-interior.pdf"
    grown, beyond = red_pixels(pdf, 1, tmp_path, (19.5, 16.5, 92, 61.5))  # 60 x 40 scaled by 1.52, from the left edge
    assert grown > 600 and beyond == 0, (grown, beyond)
    (tmp_path / "left").mkdir()
    left_edge, _ = red_pixels(pdf, 1, tmp_path / "left", (20, 17, 6, 60.75))
    assert left_edge > 0  # the "7" starts at the frame's left edge, not centred


def test_an_artwork_that_would_be_cropped_is_refused(tmp_path):
    path = tmp_path / "mark.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" preserveAspectRatio="xMidYMid slice">'
                    '<rect width="5" height="5"/></svg>', encoding="utf-8")
    with pytest.raises(ArtworkProblem, match="preserveAspectRatio 'xMidYMid slice' is not one an artwork frame can follow"):
        read_artwork(path, "content/mark.svg")
