"""Preflight of a tagged PDF's structure (PDF/UA-1), as a screen reader
depends on it: the file says it is tagged and in which language; every
piece of text a page shows is inside tagged marked content or an artifact;
every image it draws belongs to a Figure with an alternative text; every
link annotation is in the structure tree.

Each page's content stream is read with its marked-content nesting
(BDC/BMC … EMC); an MCID is traced through the parent tree to its
structure element."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pikepdf

SHOWS = {"Tj", "TJ", "'", '"'}


@dataclass(frozen=True)
class Drawn:
    """Something a page draws, with the marked content around it (outermost first)."""

    operator: str  # 'Tj', 'Do', …
    operand: object  # the XObject's name for Do
    marks: tuple[tuple[str, int | None], ...]  # (tag, MCID or None) of each open sequence

    @property
    def artifact(self) -> bool:
        return any(tag == "/Artifact" for tag, _ in self.marks)

    @property
    def mcid(self) -> int | None:
        """The innermost MCID around it."""
        return next((mcid for _, mcid in reversed(self.marks) if mcid is not None), None)


def drawn(page: pikepdf.Page) -> Iterator[Drawn | str]:
    """What ``page`` shows (text) and places (XObjects), in order; 'unbalanced' where
    marked content is closed that was never opened, or left open at the end."""
    stack: list[tuple[str, int | None]] = []
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            props = operands[1] if op == "BDC" and len(operands) > 1 else None
            mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
            stack.append((str(operands[0]), int(mcid) if mcid is not None else None))
        elif op == "EMC":
            if not stack:
                yield "unbalanced"
                continue
            stack.pop()
        elif op in SHOWS or op == "Do":
            yield Drawn(op, operands[0] if operands else None, tuple(stack))
    if stack:
        yield "unbalanced"


def parent_elements(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Object]:
    """The parent tree as a flat map: StructParents key -> its value (flattening Kids nodes)."""
    found: dict[int, pikepdf.Object] = {}

    def walk(node) -> None:
        nums = node.get("/Nums")
        if nums is not None:
            for index in range(0, len(nums) - 1, 2):
                found[int(nums[index])] = nums[index + 1]
        for kid in node.get("/Kids") or []:
            walk(kid)

    tree = pdf.Root.StructTreeRoot.get("/ParentTree")
    if tree is not None:
        walk(tree)
    return found


def element_of(parents: dict[int, pikepdf.Object], page: pikepdf.Page, mcid: int | None):
    """The structure element that owns ``mcid`` on ``page``, or None."""
    key = page.obj.get("/StructParents")
    if mcid is None or key is None:
        return None
    array = parents.get(int(key))
    if not isinstance(array, pikepdf.Array) or mcid >= len(array):
        return None
    element = array[mcid]
    return element if isinstance(element, pikepdf.Dictionary) else None


def is_image(page: pikepdf.Page, name) -> bool:
    xobject = (page.obj.get("/Resources") or {}).get("/XObject", {}).get(str(name))
    return xobject is not None and xobject.get("/Subtype") == "/Image"


def check_structure(pdf: pikepdf.Pdf, report) -> None:
    """Report what keeps ``pdf`` from being read aloud (``report``: a
    `book.checks.preflight.Report`); facts: how many figures and links."""
    root = pdf.Root
    marked = root.get("/MarkInfo", {}).get("/Marked")
    if "/StructTreeRoot" not in root or not marked:
        report.error("untagged-pdf", "the PDF is not tagged (no structure tree or MarkInfo /Marked): a screen reader hears "
                                     "nothing of it; build it with the screen profile")
        return
    if not str(root.get("/Lang", "")):
        report.error("no-language", "the PDF names no language (/Lang in its catalogue); build it again")
    check_document_keys(pdf, report)
    parents = parent_elements(pdf)
    figures, untagged, no_alt = set(), [], []
    for number, page in enumerate(pdf.pages, start=1):
        loose = False
        for item in drawn(page):
            if item == "unbalanced":
                report.error("unbalanced-marked-content", f"page {number}: marked content is not closed as it was opened", number)
                continue
            if item.operator == "Do" and not is_image(page, item.operand):
                continue
            element = element_of(parents, page, item.mcid)
            if item.operator == "Do":
                if item.artifact and element is None:
                    continue  # an image marked as decoration
                alt = str(element.get("/Alt", "")).strip() if element is not None else ""
                if element is None or element.get("/S") != "/Figure" or not alt:
                    no_alt.append(number)
                else:
                    figures.add(element.objgen)
            elif element is None and not item.artifact:
                loose = True
        if loose:
            untagged.append(number)
        for annot in page.obj.get("/Annots") or []:
            if annot.get("/Subtype") == "/Link" and ("/StructParent" not in annot or int(annot.StructParent) not in parents):
                report.error("untagged-content", f"page {number}: a link is not in the structure tree; build it again", number)
    for number in untagged:
        report.error("untagged-content", f"page {number}: text drawn outside tagged content and outside any artifact: "
                                         "a screen reader skips it or reads it out of order; build it again", number)
    for number in sorted(set(no_alt)):
        report.error("figure-without-alt", f"page {number}: an image is not in a Figure with an alternative text (/Alt); "
                                           "give the photo an 'alt:' and build again", number)
    report.facts["figures"] = len(figures)
    report.facts["links"] = sum(1 for page in pdf.pages for a in page.obj.get("/Annots") or [] if a.get("/Subtype") == "/Link")


def check_document_keys(pdf: pikepdf.Pdf, report) -> None:
    """What PDF/UA-1 asks of the document: a title, shown as the window's title, and the identification in the XMP."""
    if not str(pdf.docinfo.get("/Title", "")).strip():
        report.error("no-title", "the document info has no Title; PDF/UA needs one for the window's title")
    if not (pdf.Root.get("/ViewerPreferences") or {}).get("/DisplayDocTitle"):
        report.error("no-display-title", "ViewerPreferences has no DisplayDocTitle true: a reader shows the file name, not the title")
    try:
        part = pdf.open_metadata().get("{http://www.aiim.org/pdfua/ns/id/}part")
    except Exception:  # pikepdf raises several kinds on a broken packet
        part = None
    if part != "1":
        report.error("not-pdfua", "the XMP metadata does not say PDF/UA-1 (pdfuaid:part 1); build it again")
    else:
        report.facts["standard"] = "PDF/UA-1"
