"""The screen PDF as a tagged, accessible PDF (PDF/UA-1), read as a screen
reader and a validator would: the structure tree walked with pikepdf, each
page's content stream followed through its marked content, the links
followed to their pages, and the CJK text copied out with pdftotext.

The sample book's screen editions are built once for the module (en, and
zh and ja for their compressed punctuation)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pikepdf
import polib
import pytest
from conftest import copy_mini, copy_sample

from book.build import build
from book.languages import language
from book.pages.paginate import paginate
from book.sources import load_book
from book.text.frames import uncaptioned_photos

LANGS = ("en", "zh", "ja")
SHOWS = {"Tj", "TJ", "'", '"'}


@pytest.fixture(scope="module")
def screen(tmp_path_factory, sample_photos, profile_cache) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("tagged") / "sample", sample_photos, profile_cache)
    build(root, list(LANGS), "screen")
    return root


def screen_pdf(root: Path, lang: str) -> Path:
    return root / "output" / "screen" / lang / f"hai-phong-70-nam-{lang}-interior.pdf"


def parents(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Object]:
    tree, found = pdf.Root.StructTreeRoot.ParentTree, {}
    nums = tree.Nums
    for index in range(0, len(nums), 2):
        found[int(nums[index])] = nums[index + 1]
    return found


def drawn(pdf: pikepdf.Pdf, page: pikepdf.Page, tree: dict):
    """(operator, operand, the owning structure element or None, inside an artifact) of what the page shows."""
    stack = []
    owners = tree.get(int(page.obj.StructParents)) if "/StructParents" in page.obj else None
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            props = operands[1] if op == "BDC" else None
            stack.append((str(operands[0]), int(props.MCID) if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None))
        elif op == "EMC":
            stack.pop()
        elif op in SHOWS or op == "Do":
            mcid = next((m for _, m in reversed(stack) if m is not None), None)
            owner = owners[mcid] if owners is not None and mcid is not None else None
            yield op, operands[0] if operands else None, owner, any(tag == "/Artifact" for tag, _ in stack)
    assert not stack, "marked content left open at the end of the page"


def kids(element) -> list:
    k = element.get("/K")
    return list(k) if isinstance(k, pikepdf.Array) else [k] if k is not None else []


def elements(element):
    for kid in kids(element):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            yield kid


def page_of(pdf: pikepdf.Pdf, obj) -> int:
    return pdf.pages.index(pikepdf.Page(obj)) + 1


@pytest.mark.parametrize("lang", LANGS)
def test_the_file_declares_itself_tagged(screen, lang):
    with pikepdf.open(screen_pdf(screen, lang)) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == language(lang).tag == str(root.StructTreeRoot.K.Lang)
        assert root.StructTreeRoot.K.S == "/Document"
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert root.PageLayout == "/TwoPageRight"
        assert list(root.PageLabels.Nums)[0] == 0 and root.PageLabels.Nums[1].S == "/D"
        meta = pdf.open_metadata()
        assert meta.get("{http://www.aiim.org/pdfua/ns/id/}part") == "1"
        assert meta.get("{http://purl.org/dc/elements/1.1/}title")
        assert all(int(page.obj.StructParents) == number for number, page in enumerate(pdf.pages))
        fonts = {font.objgen: font for page in pdf.pages for font in page.Resources.Font.values()}
        assert fonts and all("/ToUnicode" in font for font in fonts.values())  # copy and search give the text
        # A viewer shows each page as cut (the bleed repeated 6 mm of a spread's photo at the fold)
        assert all(list(page.obj.CropBox) == list(page.obj.TrimBox) != list(page.obj.MediaBox) for page in pdf.pages)


def test_vietnamese_names_in_the_english_credits_say_so(screen):
    """A photographer's name the English edition keeps in Vietnamese is a span
    with /Lang vi, inside the credit's tagged link."""
    with pikepdf.open(screen_pdf(screen, "en")) as pdf:
        tree = parents(pdf)
        found = []
        for page in pdf.pages:
            owners, stack = tree[int(page.obj.StructParents)], []
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BDC", "BMC"):
                    stack.append(operands[1] if op == "BDC" else None)
                    props = stack[-1]
                    if isinstance(props, pikepdf.Dictionary) and "/Lang" in props:
                        owner = next(owners[int(p.MCID)] for p in reversed(stack) if isinstance(p, pikepdf.Dictionary) and "/MCID" in p)
                        found.append((str(props.Lang), str(owner.S)))
                elif op == "EMC":
                    stack.pop()
    assert len(found) >= 10 and set(found) == {("vi", "/Link")}


@pytest.mark.parametrize("lang", LANGS)
def test_every_image_is_a_figure_with_alt_and_all_text_is_tagged(screen, lang):
    with pikepdf.open(screen_pdf(screen, lang)) as pdf:
        tree = parents(pdf)
        images = texts = 0
        for number, page in enumerate(pdf.pages, start=1):
            xobjects = page.Resources.get("/XObject", {})
            for op, operand, owner, artifact in drawn(pdf, page, tree):
                if op == "Do" and xobjects[str(operand)].Subtype == "/Image":
                    images += 1
                    assert owner is not None and owner.S == "/Figure", f"page {number}: an image outside a Figure"
                    assert str(owner.get("/Alt", "")).strip(), f"page {number}: a Figure without /Alt"
                    assert len(owner.A.BBox) == 4
                elif op in SHOWS:
                    texts += 1
                    assert owner is not None or artifact, f"page {number}: text neither tagged nor an artifact"
        assert images >= 72 and texts > 1000


def test_figures_read_in_the_editions_language(screen):
    """A figure's /Alt is the edition's alt text, or its caption where the photo has none."""
    po = {e.msgctxt: e.msgstr for e in polib.pofile(screen / "translations" / "en.po")}
    with pikepdf.open(screen_pdf(screen, "en")) as pdf:
        alts = [str(e.Alt) for e in elements(pdf.Root.StructTreeRoot.K) if e.S == "/Figure"]
    expected = po.get("photo:p003:alt") or po["photo:p003:caption"]
    assert " ".join(expected.split()) in alts


def test_a_chapter_page_reads_heading_intro_then_figures_with_captions(screen):
    po = {e.msgctxt: e.msgstr for e in polib.pofile(screen / "translations" / "en.po")}
    opener = " ".join((po.get("photo:p002:alt") or po["photo:p002:caption"]).split())
    with pikepdf.open(screen_pdf(screen, "en")) as pdf:
        document = list(elements(pdf.Root.StructTreeRoot.K))
        figure = next(e for e in document if e.S == "/Figure" and str(e.Alt) == opener)
        page = figure.Pg.objgen
        roles = [str(e.S) for e in document if "/Pg" in e and e.Pg.objgen == page]
        number = page_of(pdf, figure.Pg)
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), screen_pdf(screen, "en"), "-"],
                              capture_output=True, text=True).stdout
    assert roles == ["/H1", "/P", "/Figure", "/Caption"]
    assert " ".join(po["chapter:lich-su:title"].split()) in " ".join(text.split())  # the chapter's opener, by its title


def test_every_contents_entry_links_to_its_chapter(screen):
    with pikepdf.open(screen_pdf(screen, "en")) as pdf:
        with pdf.open_outline() as outline:
            chapters = {item.title: page_of(pdf, item.destination[0]) for item in outline.root}
        toc = next(e for e in elements(pdf.Root.StructTreeRoot.K) if e.S == "/TOC")
        targets, named = [], 0
        for item in elements(toc):
            assert item.S == "/TOCI"
            link = next(elements(item))
            assert link.S == "/Link"
            annots = [k.Obj for k in kids(link) if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"]
            assert annots and all(a.Subtype == "/Link" and str(a.Contents) for a in annots)
            target = page_of(pdf, annots[0].Dest[0])
            assert parents(pdf)[int(annots[0].StructParent)] == link
            targets.append(target)
            # the entry's text names the chapter the link goes to, and ends with that page's printed number
            title = next((t for t in chapters if t in str(annots[0].Contents)), None)
            if title is not None:
                assert chapters[title] == target
                named += 1
            assert str(annots[0].Contents).split()[-1] == str(target)
    assert named >= 6 and len(targets) >= 7  # the six chapters by their bookmarks' titles, and the foreword
    assert targets == sorted(targets)


def test_credits_link_to_the_photos_pages(screen):
    """Every credit and the frontispiece's legend link to the interior pages they name (a page that
    shows a photo); only the cover's legend, last in the list, names no interior page and has no link."""
    with pikepdf.open(screen_pdf(screen, "en")) as pdf:
        credits = next(e for e in elements(pdf.Root.StructTreeRoot.K) if e.S == "/L")
        figures = {e.Pg.objgen for e in elements(pdf.Root.StructTreeRoot.K) if e.S == "/Figure"}
        linked, unlinked = 0, []
        for index, item in enumerate(elements(credits)):
            link = next(elements(next(elements(item), item)), None)
            if link is None:  # a legend of a picture outside the interior (the cover's): no page to link to
                unlinked.append(index)
                continue
            assert not unlinked, (index, unlinked)  # such legends come last, after every linked credit
            for annot in (k.Obj for k in kids(link) if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"):
                first = re.search(r"\d+", str(annot.Contents)).group()
                assert page_of(pdf, annot.Dest[0]) == int(first)
                assert annot.Dest[0].objgen in figures  # a credit's page shows a photo
                linked += 1
    assert linked >= 20 and len(unlinked) <= 1, (linked, unlinked)


@pytest.mark.needs("pdftotext")
@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_cjk_text_copies_as_the_catalog_says(screen, lang):
    """Every caption of the interior comes out of pdftotext as the catalogue has
    it (compressed punctuation as its own character, nothing stray), and nothing
    in the file reads as a replacement or private-use character. A photo on an
    uncaptioned page (the frontispiece) shows no caption: its place is in its
    legend, after the credits. Spaces of any width (the quarter spaces between
    CJK and digits too) are left out of both sides of the comparison."""
    book, _ = load_book(screen, check_files=False)
    pagination = paginate(book)
    uncaptioned = {pid for _, pid in uncaptioned_photos(book, pagination)}
    placed = set(pagination.photo_pages) - uncaptioned
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", screen_pdf(screen, lang), "-"], capture_output=True, text=True).stdout
    flat = re.sub(r"\s+", "", text)
    catalog = {e.msgctxt: e.msgstr for e in polib.pofile(screen / "translations" / f"{lang}.po") if not e.obsolete}
    missing = [pid for pid in sorted(placed) if re.sub(r"\s+", "", catalog[f"photo:{pid}:caption"]) not in flat]
    assert not missing and len(placed) >= 70
    assert uncaptioned and all(re.sub(r"\s+", "", catalog[f"photo:{pid}:place"]) in flat for pid in uncaptioned)
    openers = [ctx for ctx in catalog if ctx and ctx.endswith(":intro") and ctx.startswith("chapter:")]  # the chapters' openers
    openers += [ctx.replace(":intro", ":title") for ctx in openers]
    assert len(openers) >= 12 and not [ctx for ctx in openers if re.sub(r"\s+", "", catalog[ctx]) not in flat]
    assert not re.search("[\ufffd\ue000-\uf8ff\x00-\x08]", text)
    assert "。" in text and ("，" in text or "、" in text)


def test_preflight_checks_the_structure(screen, run, tmp_path):
    checked = run(screen, "preflight", "--json", str(screen_pdf(screen, "en")))
    report = json.loads(checked.stdout)["files"][0]
    assert report["facts"]["standard"] == "PDF/UA-1" and report["facts"]["figures"] >= 72
    assert not [p for p in report["problems"] if p["severity"] == "error"], report["errors"]
    broken = tmp_path / "output" / "screen" / "en" / "broken-en-interior.pdf"
    broken.parent.mkdir(parents=True)
    with pikepdf.open(screen_pdf(screen, "en")) as pdf:
        figure = next(e for e in elements(pdf.Root.StructTreeRoot.K) if e.S == "/Figure")
        del figure["/Alt"]
        page = page_of(pdf, figure.Pg)
        pdf.save(broken)
    result = run(screen, "preflight", "--json", str(broken))
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert [p["page"] for p in problems if p["code"] == "figure-without-alt"] == [page]


def test_print_pdf_stays_untagged(tmp_path, profile_cache, run):
    mini = copy_mini(tmp_path / "mini", profile_cache)
    assert run(mini, "build", "--lang", "vi").exit_code == 0
    [interior] = (mini / "output" / "print" / "vi").glob("*-interior.pdf")
    with pikepdf.open(interior) as pdf:
        assert "/StructTreeRoot" not in pdf.Root and "/MarkInfo" not in pdf.Root
        assert not [op for page in pdf.pages for _, op in pikepdf.parse_content_stream(page) if str(op) in ("BDC", "BMC")]
        assert b"pdfuaid" not in pdf.Root.Metadata.read_bytes()


def test_untagged_text_is_reported_by_page(screen, run, tmp_path):
    """A page whose text lost its marked content fails preflight, naming the page."""
    broken = tmp_path / "untagged.pdf"
    with pikepdf.open(screen_pdf(screen, "en")) as pdf:
        page = pdf.pages[4]
        kept = [(operands, op) for operands, op in pikepdf.parse_content_stream(page) if str(op) not in ("BDC", "BMC", "EMC")]
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
        pdf.save(broken)
    result = run(screen, "preflight", "--json", str(broken))
    problems = json.loads(result.stdout)["problems"]
    assert result.exit_code == 1
    assert [p["page"] for p in problems if p["code"] == "untagged-content"] == [5]


def test_an_independent_checker_finds_nothing(screen):
    """pdfua checks a machine-checkable subset of PDF/UA-1 (structure tree,
    MarkInfo, tagged content, language, Figure /Alt, link descriptions, title,
    XMP identification): it must find nothing in any edition. It is a dev
    dependency (veraPDF, the reference validator, needs a JVM and is not on PyPI)."""
    for lang in LANGS:
        result = subprocess.run([sys.executable, "-m", "pdfua", "check", "--format", "json", str(screen_pdf(screen, lang))], capture_output=True, text=True)
        summary = json.loads(result.stdout)["summary"]
        assert result.returncode == 0 and summary["findings"] == 0, result.stdout[-2000:]
        assert summary["rules_run"] >= 11


class Canvas:
    """What the renderer's canvas is to `Marks`: a list of literal operators."""

    def __init__(self):
        self.code: list[str] = []

    def addLiteral(self, text: str) -> None:  # noqa: N802 (reportlab's name)
        self.code.append(text)


def test_reading_order_puts_heading_and_text_before_the_figures_drawn_beneath_them():
    from book.pdf.marked import Marks
    from book.pdf.tags import reading_order

    marks, canvas = Marks({"p1": "A harbour crane at dusk"}), Canvas()
    marks.new_page(7)
    for what in (marks.figure("p1", (0, 0, 10, 10)), marks.text("title", "chapter-title", 7, (0, 0)),
                 marks.text("intro", "intro", 7, (0, 0)), marks.caption("p1")):
        with marks.marked(canvas, what):
            pass
    marks.new_page(8)
    with marks.marked(canvas, marks.caption("p9")):  # a caption whose photo was not drawn stays on its page
        pass
    with marks.marked(canvas, marks.text("body", "body", 8, (0, 0))):
        pass
    assert [(e.role, e.page) for e in reading_order(marks)] == [
        ("H1", 0), ("P", 0), ("Figure", 0), ("Caption", 0), ("P", 1), ("Caption", 1)]
    assert canvas.code[:2] == ["/Figure <</MCID 0>> BDC", "EMC"]
    assert marks.elements[("Figure", "p1", 0)].alt == "A harbour crane at dusk"


def test_a_folio_on_a_picture_is_a_pagination_artifact(screen):
    """The folio of a plain page (p. 15) is marked a Pagination artifact, in
    black: a screen reader skips it, the page's own number says where it is. A
    bleed page takes no folio (pp. 14 and 31, full bleeds with a caption card):
    none to mark."""
    with pikepdf.open(screen_pdf(screen, "en")) as pdf:
        for number in (14, 15, 31):
            stack, fill, folios = [], (), []
            for operands, operator in pikepdf.parse_content_stream(pdf.pages[number - 1]):
                op = str(operator)
                if op in ("BDC", "BMC"):
                    props = operands[1] if op == "BDC" else None
                    stack.append(str(props.get("/Type")) if isinstance(props, pikepdf.Dictionary) and "/Type" in props else str(operands[0]))
                elif op == "EMC":
                    stack.pop()
                elif op == "k":
                    fill = tuple(float(v) for v in operands)
                elif op in SHOWS and stack and stack[-1] == "/Pagination":
                    folios.append(fill)
            if number in (14, 31):  # bleed pages with a caption card: none (tests/test_matter.py)
                assert not folios, (number, folios)
                continue
            assert folios and folios[0] == (0.0, 0.0, 0.0, 1.0), (number, folios)  # black digits, never knocked out
