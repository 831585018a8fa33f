"""The structure tree of a tagged PDF (PDF/UA-1), written with pikepdf
once reportlab has drawn the pages with marked content (`book.pdf.marked`).

The tree is a Document holding, page by page, the page's heading, its
paragraphs, its lists (the contents as TOC/TOCI, the credits as L/LI) and
then each figure followed by its caption: the order a reader takes, not
the order drawn (photos are drawn first, beneath their text). Each entry of
a list is a Link over its lines, with a Link annotation to the page it
names. The catalogue says the file is tagged, in which language, how it
opens (two pages side by side, the title shown) and what its pages are
called (the printed folios)."""

from __future__ import annotations

import pikepdf

from book.pdf.marked import LIST_ROLES, Element, Marks

Name = pikepdf.Name


def reading_order(marks: Marks) -> list[Element]:
    """The top-level elements in reading order: by the page each begins on, then
    heading, text, lists and figures, each figure followed by its caption."""
    figures = {e.key for e in marks.elements.values() if e.role == "Figure" and e.parts}
    elements = [e for e in marks.elements.values() if e.parent is None and (e.parts or is_container(e))
                and not (e.role == "Caption" and e.key[1] in figures)]  # a caption follows its figure
    first = {e.key: e.page for e in elements if not is_container(e)}
    for element in marks.elements.values():  # a list begins on the page of its first entry
        if element.parent is not None and element.parts:
            first[element.parent] = min(first.get(element.parent, element.page), element.page)
    elements = [e for e in elements if e.key in first]
    ordered = []
    for element in sorted(elements, key=lambda e: (first[e.key], e.rank, e.seq)):
        ordered.append(element)
        if element.role == "Figure":
            caption = marks.elements.get(("Caption", element.key))
            if caption is not None and caption.parts:
                ordered.append(caption)
    return ordered


def is_container(element: Element) -> bool:
    return element.role in {roles[0] for roles in LIST_ROLES.values()}


class TreeWriter:
    """Builds the structure elements of one PDF and the parent tree that maps
    each page's MCIDs and each link annotation back to them."""

    def __init__(self, pdf: pikepdf.Pdf, marks: Marks, lang: str):
        self.pdf, self.marks, self.lang = pdf, marks, lang
        self.pages = [page.obj for page in pdf.pages]
        self.by_mcid: list[dict[int, pikepdf.Object]] = [{} for _ in self.pages]
        self.annots: list[pikepdf.Object] = []  # the struct element of each link annotation, by StructParent - len(pages)
        self.index = {number: i for i, number in enumerate(marks.page_numbers)}

    def struct(self, role: str, parent: pikepdf.Object, page: int | None = None, **entries) -> pikepdf.Object:
        element = self.pdf.make_indirect(pikepdf.Dictionary(Type=Name.StructElem, S=Name("/" + role), P=parent, K=pikepdf.Array()))
        if page is not None:
            element.Pg = self.pages[page]
        for key, value in entries.items():
            element[Name("/" + key)] = value
        return element

    def content(self, element: pikepdf.Object, source: Element) -> None:
        """Hand ``source``'s marked content to ``element`` as marked-content references."""
        for page, mcid in source.parts:
            element.K.append(pikepdf.Dictionary(Type=Name.MCR, Pg=self.pages[page], MCID=mcid))
            self.by_mcid[page][mcid] = element

    def write(self) -> None:
        root = self.pdf.make_indirect(pikepdf.Dictionary(Type=Name.StructTreeRoot))
        document = self.struct("Document", root, Lang=pikepdf.String(self.lang))
        root.K = document
        containers: dict[tuple, pikepdf.Object] = {}
        for source in reading_order(self.marks):
            if is_container(source):
                containers[source.key] = self.struct(source.role, document)
                document.K.append(containers[source.key])
                for item in (e for e in self.marks.elements.values() if e.parent == source.key and e.parts):
                    self.list_item(containers[source.key], item)
                continue
            element = self.struct(source.role, document, source.page)
            if source.role == "Figure":
                element.Alt = pikepdf.String(source.alt)
                element.A = pikepdf.Dictionary(O=Name.Layout, BBox=pikepdf.Array([round(v, 2) for v in source.bbox]),
                                               Placement=Name.Block)
            self.content(element, source)
            document.K.append(element)
        root.ParentTree = self.parent_tree()
        root.ParentTreeNextKey = len(self.pages) + len(self.annots)
        for number, page in enumerate(self.pages):
            page.StructParents = number
        self.pdf.Root.StructTreeRoot = root

    def list_item(self, container: pikepdf.Object, source: Element) -> None:
        """A contents entry (TOCI > Link) or a credit (LI > LBody > Link), linked to its page where it names one."""
        kind = next(k for k, roles in LIST_ROLES.items() if roles[1] == source.role)
        _, _, body = LIST_ROLES[kind]
        item = self.struct(source.role, container, source.page)
        container.K.append(item)
        holder = item
        if body:
            holder = self.struct(body, item, source.page)
            item.K.append(holder)
        target = self.index.get(source.target) if source.target is not None else None
        if target is None:
            self.content(holder, source)
            return
        link = self.struct("Link", holder, source.page)
        holder.K.append(link)
        self.content(link, source)
        for page, rect in sorted(source.rects.items()):
            annot = self.pdf.make_indirect(pikepdf.Dictionary(
                Type=Name.Annot, Subtype=Name.Link, Rect=pikepdf.Array([round(v, 2) for v in rect]),
                Border=pikepdf.Array([0, 0, 0]), F=4, Dest=pikepdf.Array([self.pages[target], Name.Fit]),
                Contents=pikepdf.String(source.label), StructParent=len(self.pages) + len(self.annots), P=self.pages[page]))
            self.annots.append(link)
            link.K.append(pikepdf.Dictionary(Type=Name.OBJR, Obj=annot, Pg=self.pages[page]))
            page_obj = self.pages[page]
            if "/Annots" not in page_obj:
                page_obj.Annots = pikepdf.Array()
            page_obj.Annots.append(annot)

    def parent_tree(self) -> pikepdf.Object:
        nums = pikepdf.Array()
        for number, found in enumerate(self.by_mcid):
            nums.append(number)
            nums.append(self.pdf.make_indirect(pikepdf.Array([found[mcid] for mcid in range(len(found))])))
        for number, link in enumerate(self.annots):
            nums.append(len(self.pages) + number)
            nums.append(link)
        return self.pdf.make_indirect(pikepdf.Dictionary(Nums=nums))


def write_tags(pdf: pikepdf.Pdf, marks: Marks, lang: str) -> None:
    """Make ``pdf`` a tagged PDF from what its renderer marked: the structure
    tree, and the catalogue's and pages' keys a reader and a validator look for."""
    TreeWriter(pdf, marks, lang).write()
    root = pdf.Root
    root.MarkInfo = pikepdf.Dictionary(Marked=True)
    root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    root.PageLayout = Name.TwoPageRight
    first = marks.page_numbers[0] if marks.page_numbers else 1
    root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([0, pikepdf.Dictionary(S=Name.D, St=first)]))
    for page in pdf.pages:
        page.obj.Tabs = Name.S  # the tab order follows the structure (PDF/UA-1, 7.18.3)
