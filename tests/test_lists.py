"""Generated lists (contents, photo credits) flow onto continuation pages,
and every edition gets the same number of them: the longest edition's."""

from __future__ import annotations

import subprocess

import pikepdf


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_lists(root, credits_h: int = 5, toc_h: int = 14) -> None:
    """A contents page in front, a second chapter, and a credits page at the back;
    list frames so small that one contents entry fills one (``toc_h`` 14), and one
    credit line at 9 pt (``credits_h`` 5) or two (10) fill each of the credits' two columns."""
    chapters = root / "content" / "chapters"
    (chapters / "00-mo-dau.yaml").write_text(
        'id: mo-dau\ntexts:\n  heading: "Mục lục"\npages:\n  - layout: toc\n    slots: {heading: heading}\n', encoding="utf-8")
    (chapters / "02-dao.yaml").write_text(
        'id: dao\ntitle: "Biển đảo"\ntexts:\n  intro: "Cát Bà."\nphotos:\n  - id: p003\n    file: p002.jpg\n'
        '    caption: "Vịnh Lan Hạ."\n    place: "Cát Bà"\n    credit: "Lê Minh"\npages:\n'
        '  - layout: chapter-opener\n    slots: {photo: p003, title: title, intro: intro, caption: p003}\n', encoding="utf-8")
    (chapters / "09-cuoi.yaml").write_text(
        'id: cuoi\ntexts:\n  heading: "Ảnh trong sách"\npages:\n  - layout: credits\n    slots: {heading: heading}\n', encoding="utf-8")
    layouts = root / "layouts" / "layouts.yaml"
    # The mm escape hatch: list frames of exactly that height.
    edit(layouts, "contents: {kind: toc, col: 3, cols: 8, row: 5,", f"contents: {{kind: toc, mm: {{x: 37.5, y: 70, w: 152.5, h: {toc_h}}},")
    edit(layouts, "contents: {kind: toc, col: 3, cols: 8,", f"contents: {{kind: toc, mm: {{x: 37.5, y: 30, w: 152.5, h: {toc_h}}},")
    edit(layouts, "list: {kind: credits, col: 3, cols: 10, row: 5,", f"list: {{kind: credits, mm: {{x: 37.5, y: 62, w: 60, h: {credits_h}}},")
    edit(layouts, "list: {kind: credits, col: 3,", f"list: {{kind: credits, mm: {{x: 37.5, y: 30, w: 60, h: {credits_h}}},")

def page_texts(pdf) -> list[str]:
    out = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def proof(root, lang):
    return root / "output" / "proof" / lang / f"mini-{lang}-proof.pdf"


def test_contents_and_credits_flow_with_the_same_pages_in_every_edition(mini, run):
    add_lists(mini)
    result = run(mini, "build", "--profile", "proof")
    assert result.exit_code == 0, result.stderr
    counts = {lang: len(pikepdf.open(proof(mini, lang)).pages) for lang in ("vi", "en", "ja")}
    assert len(set(counts.values())) == 1, counts
    vi = page_texts(proof(mini, "vi"))
    contents = [i for i, text in enumerate(vi) if "Chương" in text and "Biển đảo" not in text.split("Chương", 1)[0]]
    assert "Cảng biển" in vi[0] and "Biển đảo" not in vi[0]  # the contents' first page holds one entry
    assert any("Biển đảo" in text for text in vi[1:3]), contents  # the second one is on its continuation page
    credit_pages = [i for i, text in enumerate(vi) if "tr." in text]  # the figures' column head, on every page of the list
    assert len(credit_pages) == 2 and credit_pages[1] == credit_pages[0] + 1, credit_pages


def test_the_longest_edition_decides_the_pages(mini, run):
    # The contents: a longer translated chapter title takes more lines. (A credit wraps a long name on
    # a second line, `book.text.credit_list`: the credits frame holds two.)
    add_lists(mini, toc_h=50, credits_h=10)  # a credit may wrap its name (book.text.credit_list): two lines
    assert run(mini, "build", "--profile", "proof", "--lang", "vi").exit_code == 0
    vi = page_texts(proof(mini, "vi"))
    assert "Biển đảo" in vi[0] and "Ảnh trong sách" in vi[0]  # vi's contents fit one page
    edit(mini / "translations" / "en.po", 'msgstr "The seaport"',
         'msgstr "The seaport: its ships, its cranes, its warehouses and the people who work on its quays by day and by night"')
    assert run(mini, "build", "--profile", "proof").exit_code == 0
    counts = {lang: len(pikepdf.open(proof(mini, lang)).pages) for lang in ("vi", "en", "ja")}
    assert len(set(counts.values())) == 1, counts
    vi, en = page_texts(proof(mini, "vi")), page_texts(proof(mini, "en"))
    assert "Biển đảo" in vi[0] and "Ảnh trong sách" in vi[0]  # vi's contents still fit one page...
    assert vi[1].strip() == "2"  # ...and are followed by en's continuation page: vi's shows only its folio
    assert "Ảnh trong sách" not in en[0] and "Ảnh trong sách" in en[1]  # en's last entry went on
    result = run(mini, "check", "--lang", "vi")  # the other editions' longer list is not an overflow of vi's
    assert "overflow" not in result.stderr


def test_a_list_without_continuation_is_an_overflow(mini, run):
    add_lists(mini)
    edit(mini / "layouts" / "layouts.yaml", "  continued: credits-continued\n", "")
    result = run(mini, "check", "--lang", "vi")
    assert result.exit_code == 1
    assert "the photo credits overflow frame 'list'" in result.stderr


def test_continued_names_a_layout(mini, run):
    edit(mini / "layouts" / "layouts.yaml", "continued: credits-continued", "continued: credits-continud")
    result = run(mini, "check")
    assert result.exit_code == 1
    assert "credits.continued: unknown layout 'credits-continud'; did you mean 'credits-continued'?" in result.stderr
