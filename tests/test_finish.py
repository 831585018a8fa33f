"""The finished print PDFs: PDF/X Info and XMP by their values, dates from the
sources, PDF/X-4 on request, crop marks on request, and bad choices refused."""

from __future__ import annotations

import pikepdf

from book.checks.preflight import preflight

XMP = {"dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/", "pdf": "http://ns.adobe.com/pdf/1.3/",
       "pdfxid": "http://www.npes.org/pdfx/ns/id/"}


def xmp(meta, key: str):
    prefix, name = key.split(":")
    return meta.get(f"{{{XMP[prefix]}}}{name}")


def interior(root, lang="en"):
    return root / "output" / "print" / lang / f"mini-{lang}-interior.pdf"


def set_yaml(root, extra: str) -> None:
    path = root / "content" / "book.yaml"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")


def test_info_and_xmp_say_the_same(mini, run, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    set_yaml(mini, "publication_date: 2025-05-13\n")
    assert run(mini, "build", "--lang", "en").exit_code == 0
    with pikepdf.open(interior(mini)) as pdf:
        info = pdf.docinfo
        assert info.Trapped == pikepdf.Name("/False") and isinstance(info.Trapped, pikepdf.Name)
        assert str(info.CreationDate) == str(info.ModDate) == "D:20250513000000+00'00'"
        assert str(info.Title) == "A Hai Phong sample book"  # the English title, not the Vietnamese
        assert (str(info.GTS_PDFXVersion), str(info.GTS_PDFXConformance)) == ("PDF/X-1:2001", "PDF/X-1a:2001")
        assert pdf.pdf_version == "1.3"
        meta = pdf.open_metadata()
        assert xmp(meta, "dc:title") == "A Hai Phong sample book"
        assert xmp(meta, "xmp:CreateDate") == xmp(meta, "xmp:ModifyDate") == "2025-05-13T00:00:00+00:00"
        assert xmp(meta, "pdf:Trapped") == "False"
        packet = pdf.Root.Metadata.read_bytes().decode("utf-8")
        assert '<rdf:li xml:lang="en">A Hai Phong sample book</rdf:li>' in packet


def test_same_sources_same_bytes_and_the_epoch_sets_the_date(mini, run, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert run(mini, "build", "--lang", "vi").exit_code == 0
    first = interior(mini, "vi").read_bytes()
    with pikepdf.open(interior(mini, "vi")) as pdf:  # no publication_date: 1 January of the book's year
        assert str(pdf.docinfo.CreationDate) == "D:20250101000000+00'00'"
    interior(mini, "vi").unlink()
    assert run(mini, "build", "--lang", "vi").exit_code == 0
    assert interior(mini, "vi").read_bytes() == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1747094400")  # 2025-05-13 00:00 UTC
    assert run(mini, "build", "--lang", "vi").exit_code == 0
    with pikepdf.open(interior(mini, "vi")) as pdf:
        assert str(pdf.docinfo.ModDate) == "D:20250513000000+00'00'"
        assert xmp(pdf.open_metadata(), "xmp:CreateDate") == "2025-05-13T00:00:00+00:00"
    for wrong in ("yesterday", "-5"):  # -5 parses as a number and would date the PDFs 1969
        monkeypatch.setenv("SOURCE_DATE_EPOCH", wrong)
        result = run(mini, "build", "--lang", "vi")
        assert result.exit_code == 1
        assert result.stderr.startswith(f"error: SOURCE_DATE_EPOCH={wrong}: not a whole number of seconds since 1970")


def test_pdfx4_on_request_allows_transparency(mini, run, tmp_path):
    assert run(mini, "build", "--lang", "vi", "--pdfx", "x4").exit_code == 0
    path = interior(mini, "vi")
    report = preflight(path)
    assert report.ok, report.errors
    assert report.facts["standard"] == "PDF/X-4"
    with pikepdf.open(path) as pdf:
        assert pdf.pdf_version == "1.6"
        assert "/GTS_PDFXConformance" not in pdf.docinfo
        assert xmp(pdf.open_metadata(), "pdfxid:GTS_PDFXVersion") == "PDF/X-4"
        assert pdf.Root.OutputIntents[0].DestOutputProfile.N == 4
        pdf.pages[0].Resources.ExtGState = pikepdf.Dictionary({"/Half": pikepdf.Dictionary(ca=0.5)})
        del pdf.Root["/Metadata"]
        pdf.save(tmp_path / "x4.pdf")
    # Transparency is allowed in PDF/X-4; its XMP is not optional.
    assert preflight(tmp_path / "x4.pdf").errors == ["no XMP metadata; PDF/X-4 requires it"]


def test_crop_marks_outside_the_bleed(mini, run):
    assert run(mini, "build", "--lang", "vi").exit_code == 0
    with pikepdf.open(interior(mini, "vi")) as pdf:
        plain = [(list(p.obj.TrimBox), list(p.obj.BleedBox), list(p.obj.MediaBox)) for p in pdf.pages]
    assert run(mini, "build", "--lang", "vi", "--marks").exit_code == 0
    path = interior(mini, "vi")
    with pikepdf.open(path) as pdf:
        for page, (trim, bleed, media) in zip(pdf.pages, plain, strict=True):
            assert list(page.obj.TrimBox) == trim and list(page.obj.BleedBox) == bleed
            grown = [float(v) for v in page.obj.MediaBox]
            assert grown[0] < float(media[0]) - 8.5 and grown[2] > float(media[2]) + 8.5
            marks = page.Contents[-1].read_bytes() if isinstance(page.Contents, pikepdf.Array) else b""
            assert b"1 1 1 1 K" in marks and b"0.25 w" in marks
            # Every mark starts at least the bleed (3 mm = 8.5 pt) away from the trim.
            lines = [[float(v) for v in line.split()[:5] if v != b"m"] for line in marks.splitlines() if line.endswith(b" l S")]
            assert len(lines) == 8
            x0, y0, x1, y1 = (float(v) for v in trim)
            for ax, ay, bx, by in lines:
                for x, y in ((ax, ay), (bx, by)):
                    assert min(abs(x - x0), abs(x - x1)) >= 8.5 - 0.01 or min(abs(y - y0), abs(y - y1)) >= 8.5 - 0.01
    report = preflight(path)  # the 0.25 pt marks lie outside the BleedBox: no hairline error
    assert report.ok, report.errors


def test_profile_settings_in_book_yaml(mini, run):
    set_yaml(mini, "profiles:\n  print: {pdfx: x4, marks: true}\n")
    assert run(mini, "build", "--lang", "vi").exit_code == 0
    with pikepdf.open(interior(mini, "vi")) as pdf:
        assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
        assert float(pdf.pages[0].obj.MediaBox[0]) < 0
    assert run(mini, "build", "--lang", "vi", "--pdfx", "x1a", "--no-marks").exit_code == 0  # the command line wins
    with pikepdf.open(interior(mini, "vi")) as pdf:
        assert str(pdf.docinfo.GTS_PDFXConformance) == "PDF/X-1a:2001"
        assert float(pdf.pages[0].obj.MediaBox[0]) == 0


def test_unknown_pdfx_refused(mini, run):
    result = run(mini, "build", "--pdfx", "x3")
    assert result.exit_code == 2
    assert result.stderr == "error: --pdfx x3: unknown PDF/X flavour; use one of x1a, x4\n"
    result = run(mini, "build", "--profile", "screen", "--pdfx", "x4")
    assert result.exit_code == 2
    assert result.stderr == "error: --pdfx x4: the screen profile is RGB; PDF/X applies to --profile print\n"
    set_yaml(mini, "profiles:\n  print: {pdfx: x5}\n")
    result = run(mini, "build")
    assert result.exit_code == 1
    line = len((mini / "content" / "book.yaml").read_text(encoding="utf-8").splitlines())
    assert f"content/book.yaml:{line}: profiles.print.pdfx: 'x5' must be one of x1a, x4" in result.stderr
    assert not (mini / "output" / "print").exists()
