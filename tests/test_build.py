"""Building the tiny book as an editor and a printer would check it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from book.images.pool import Processing
from book.model import MM


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdffonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


@pytest.fixture
def built(mini, run):
    result = run(mini, "build")
    assert result.exit_code == 0, result.stderr
    return mini


def pdf(root: Path, lang: str, profile: str = "print") -> Path:
    part = "proof" if profile == "proof" else "interior"
    return root / "output" / profile / lang / f"mini-{lang}-{part}.pdf"


def test_each_edition_has_its_language(built):
    vi = " ".join(pdftotext(pdf(built, "vi")).split())
    en = " ".join(pdftotext(pdf(built, "en")).split())
    ja = "".join(pdftotext(pdf(built, "ja")).split())
    assert "Cầu Tân Vũ – Lạch Huyện, cây cầu vượt biển dài nhất Việt Nam" in vi
    assert "Cát Hải, tháng 9 năm 2017 Ảnh: Lê Minh" in vi and "2017 · Ảnh" not in vi  # the credit's two lines
    assert "The Tan Vu – Lach Huyen bridge, Vietnam's longest sea bridge" in en
    assert "Cat Hai, September 2017 Photo: Lê Minh" in en and "Chapter 1" in en
    assert "タンヴー・ラックフエン橋。2017年の開通時、" in ja
    assert "2017年9月" in ja and "第1章" in ja


def test_fonts_embedded_and_regional(built):
    for lang in ("vi", "en", "ja"):
        fonts = pdffonts(pdf(built, lang))
        assert fonts, lang
        for row in fonts:
            assert row[-5:-2] == ["yes", "yes", "yes"], (lang, row)  # emb, sub, uni
        names = " ".join(row[0] for row in fonts)
        assert "Helvetica" not in names
    ja_names = " ".join(row[0] for row in pdffonts(pdf(built, "ja")))
    assert "NotoSansCJKjp" in ja_names
    # The Latin brand name inside the Japanese caption is set in the Latin face.
    assert "NotoSans-Regular" in ja_names


def test_boxes_output_intent_and_pages(built):
    with pikepdf.open(pdf(built, "en")) as doc:
        assert len(doc.pages) == 4  # 2 pages padded to the binding's multiple
        for page in doc.pages:
            media = [float(v) for v in page.MediaBox]
            trim = [float(v) for v in page.TrimBox]
            bleed = [float(v) for v in page.BleedBox]
            assert media == pytest.approx([0, 0, 246 * MM, 306 * MM], abs=0.01)
            assert trim == pytest.approx([3 * MM, 3 * MM, 243 * MM, 303 * MM], abs=0.01)
            assert bleed == pytest.approx(media, abs=0.01)
        intent = doc.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFX"
        assert intent.DestOutputProfile.N == 4
        assert str(doc.docinfo["/GTS_PDFXVersion"]) == "PDF/X-1:2001"
        assert str(doc.Root.Lang) == "en"
        assert doc.pdf_version == "1.3"


def test_photos_are_cmyk_and_text_is_k_overprint(built):
    with pikepdf.open(pdf(built, "vi")) as doc:
        page = doc.pages[1]
        images = list(page.get_images().values())
        assert images and all(img.ColorSpace == "/DeviceCMYK" for img in images)
        content = page.Contents.read_bytes().decode("latin-1")
        assert "0 0 0 1 k" in content
        merged = {}
        for state in page.Resources.ExtGState.values():
            merged.update({str(k): v for k, v in state.items()})
        assert bool(merged["/OP"]) and bool(merged["/op"]) and int(merged["/OPM"]) == 1
        assert " rg" not in content and " RG" not in content  # no RGB in a print file


def test_manifest_and_determinism(built, run):
    manifest = json.loads((built / "output" / "manifest.json").read_text())
    assert manifest["book"] == "mini"
    entries = {f["lang"]: f for f in manifest["files"]}
    assert set(entries) == {"vi", "en", "ja"}
    assert entries["en"] == {**entries["en"], "path": "output/print/en/mini-en-interior.pdf", "pages": 4,
                             "trim_mm": [240.0, 300.0], "bleed_mm": 3.0, "part": "interior", "profile": "print"}
    assert any("padded" in w for w in manifest["warnings"])
    first = pdf(built, "ja").read_bytes()
    assert run(built, "build", "--lang", "ja").exit_code == 0
    assert pdf(built, "ja").read_bytes() == first


def test_same_bytes_wherever_the_project_lives(built, run, tmp_path):
    elsewhere = tmp_path / "another" / "place"
    shutil.copytree(built, elsewhere)
    shutil.rmtree(elsewhere / "output")
    shutil.rmtree(elsewhere / ".cache" / "images")
    assert run(elsewhere, "build", "--lang", "vi").exit_code == 0
    assert pdf(elsewhere, "vi").read_bytes() == pdf(built, "vi").read_bytes()


def test_same_bytes_rendered_beside_the_photo_workers_or_in_processes_of_their_own(built, run, tmp_path, monkeypatch):
    """While the photo workers are busy the editions are rendered in the
    build's own process; with the photos ready, in a pool. Same bytes."""
    manifest = json.loads((built / "output" / "manifest.json").read_text())
    chosen = []
    real = Processing.busy
    for busy in (True, False):
        elsewhere = tmp_path / f"busy-{busy}"
        shutil.copytree(built, elsewhere)
        shutil.rmtree(elsewhere / "output")
        shutil.rmtree(elsewhere / ".cache" / "images")
        monkeypatch.setattr(Processing, "busy", lambda self, busy=busy: chosen.append(real(self)) or busy)
        assert run(elsewhere, "build", "--jobs", "2").exit_code == 0
        again = json.loads((elsewhere / "output" / "manifest.json").read_text())
        assert [(f["path"], f["sha256"]) for f in again["files"]] == [(f["path"], f["sha256"]) for f in manifest["files"]]
    assert chosen  # the build asked


def test_failed_build_keeps_previous_pdfs(built, run):
    before = pdf(built, "en").read_bytes()
    chapter = built / "content/chapters/01-cang.yaml"
    chapter.write_text(chapter.read_text().replace("file: p002.jpg", "file: gone.jpg"))
    result = run(built, "build")
    assert result.exit_code == 1
    assert pdf(built, "en").read_bytes() == before
    assert not list((built / "output" / "print" / "en").glob(".build-*"))


def test_missing_translation_refused_for_print_shown_in_proof(mini, run):
    po = mini / "translations" / "en.po"
    po.write_text(po.read_text().replace('msgstr "The seaport"', 'msgstr ""'))
    result = run(mini, "build", "--lang", "en")
    assert result.exit_code == 1
    assert "translations/en.po:31: en: chapter:cang:title: not translated" in result.stderr
    proof = run(mini, "build", "--lang", "en", "--profile", "proof")
    assert proof.exit_code == 0, proof.stderr
    assert "Cảng biển" in pdftotext(pdf(mini, "en", "proof"))
    with pikepdf.open(pdf(mini, "en", "proof")) as doc:  # the frame is marked for the translator
        assert b".85 0 .6 RG" in doc.pages[0].Contents.read_bytes()
    assert "translations/en.po:31: en: chapter:cang:title: not translated (Vietnamese shown)" in proof.stderr


def test_proof_without_any_catalog(mini, run):
    (mini / "translations" / "ja.po").unlink()
    assert run(mini, "build", "--lang", "ja").exit_code == 1
    proof = run(mini, "build", "--lang", "ja", "--profile", "proof")
    assert proof.exit_code == 0, proof.stderr
    assert "no catalog for ja" in proof.stderr


def test_screen_profile_is_rgb(mini, run):
    assert run(mini, "build", "--lang", "vi", "--profile", "screen").exit_code == 0
    with pikepdf.open(pdf(mini, "vi", "screen")) as doc:
        images = list(doc.pages[0].get_images().values())
        assert images[0].ColorSpace == "/DeviceRGB"
        assert "/OutputIntents" not in doc.Root


def test_markup_in_a_caption_prints_literally(mini, run):
    po = mini / "translations" / "en.po"
    po.write_text(po.read_text().replace("when it opened in 2017.", "when it opened & <font size=40>big</font>."))
    assert run(mini, "build", "--lang", "en").exit_code == 0
    assert "when it opened & <font size=40>big</font>." in " ".join(pdftotext(pdf(mini, "en")).split())
