"""book.yaml ``cover:``'s design keys: the mark the front carries (an SVG
file under content/, read like a page's artwork), the ground colour the
whole cover spread is printed in (a CMYK tint in %, the same on every
edition's plates), the spine's short title (a catalog entry) and what the
back says of the price."""

from __future__ import annotations

from dataclasses import replace

from book.model import Book, Message
from book.sources.artwork import ArtworkProblem, read_artwork
from book.sources.schema import Key, Section

DEFAULT_GROUND = (0.0, 4.0, 12.0, 0.0)  # a warm paper tone: black type and the red mark read on it


def design_keys() -> dict[str, Key]:
    """The design keys of book.yaml's ``cover:``, added to its key table (`book.sources.imprint.COVER_KEYS`)."""
    return {
        "mark": Key(str, None, doc="An SVG file under content/ (e.g. artwork/emblem-70.svg): the mark at the head of the front "
                                   "cover."),
        "ground": Key(list, None, doc="The cover's ground colour, CMYK in % (e.g. [0, 4, 12, 0]), over the whole spread and the "
                                      "spine; [0, 0, 0, 0] leaves the paper white. Default a warm paper tone."),
        "spine": Key(str, "", doc="The spine's short title in capitals (e.g. \"HẢI PHÒNG 70\"), translated in the catalogs; "
                                  "empty: the book's title. A short title fits a thin spine at a larger size."),
        "spine_publisher": Key(str, "", doc="The publisher's short form at the spine's foot (e.g. \"NXB TT&TT\"), translated "
                                            "in the catalogs, so each edition names its publisher its own way; empty: the "
                                            "publishing house's name. It stands there when it fits beside the title at the title's "
                                            "size; otherwise the title alone, and a warning."),
        "subtitle": Key(bool, True, doc="Whether the front carries the book's subtitle under its title; false leaves the front "
                                        "to the mark, the title at display size and the photo (the title page gives the subtitle)."),
        "occasion": Key(str, "", doc="The front's occasion line under the title (e.g. \"Sách ảnh kỷ niệm 70 năm Ngày giải "
                                     "phóng Hải Phòng\"), translated in the catalogs, set in the cover-subtitle style: what "
                                     "the book is for, smaller than the title; empty: none (or the subtitle, with subtitle: true)."),
        "price": Key(str, "", doc="The price printed on the back cover above the barcode, as written (e.g. \"250.000 đ\")."),
        "not_for_sale": Key(bool, False, doc="The back cover says the book is not for sale (\"Sách không bán\", \"Not for "
                                             "sale\", 非卖品 …, from the catalogs) instead of a price."),
    }


def design_cover(book: Book, section: Section, check_files: bool = True) -> None:
    """Read the mark into ``book.artworks`` and the ground into ``book.cover``;
    without ``check_files`` the mark is named but not read, as a page's artwork is."""
    if book.cover is None:
        return
    mark, ground = section.read("mark"), section.read("ground")
    if mark and check_files:
        content = book.root / "content"
        path = (content / mark).resolve()
        if not path.is_relative_to(content.resolve()):
            section.bad("mark", f"artwork {mark} is outside content/; move it into content/ (e.g. content/artwork/)", code="artwork-outside")
            mark = None
        elif not path.is_file():
            section.bad("mark", f"artwork content/{mark} not found; add the file or correct the name (relative to content/)",
                        code="missing-file")
            mark = None
        elif mark not in book.artworks:
            try:
                book.artworks[mark] = read_artwork(path, f"content/{mark}")
            except ArtworkProblem as exc:
                section.bad("mark", f"content/{mark}{f' line {exc.line}' if exc.line else ''}: {exc}", code="bad-artwork")
                mark = None
    colour = DEFAULT_GROUND
    if ground is not None:
        if len(ground) != 4 or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 100 for v in ground):
            section.bad("ground", f"{ground!r} is not a CMYK colour; write four percentages, e.g. [0, 4, 12, 0]")
        elif sum(ground) > book.ink_limit:
            section.bad("ground", f"{ground!r} carries {sum(ground):g} % ink, over colour.ink_limit {book.ink_limit} %; lighten it")
        else:
            colour = tuple(float(v) for v in ground)
    spine, price, free = section.read("spine").strip(), section.read("price").strip(), section.read("not_for_sale")
    if price and free:
        section.bad("price", "a book with a price is for sale; remove price: or not_for_sale: true")
    spine_text = Message("cover:spine", spine, section.where("spine"), "The spine's short title, in capitals where the script "
                         "has them: it runs along the hardcover's 10 mm spine in 14 pt type, so keep it as short as the original.") if spine else None
    short = section.read("spine_publisher").strip()
    short_text = Message("cover:spine_publisher", short, section.where("spine_publisher"), "The publisher's short form at the foot "
                         "of the spine, as readers of your language know the publisher: never the Vietnamese abbreviation "
                         "in another language; a short name or an abbreviation the publisher uses in your language.") if short else None
    occasion = section.read("occasion").strip()
    occasion_text = Message("cover:occasion", occasion, section.where("occasion"), "The front cover's occasion line under the "
                            "title, in the cover's 12 pt serif: what the book is and what it marks, worded as a publisher "
                            "in your language would word it on a commemorative book.") if occasion else None
    book.cover = replace(book.cover, mark=mark, ground=colour, spine=spine_text, spine_publisher=short_text, price=price,
                         not_for_sale=bool(free), subtitle=bool(section.read("subtitle")), occasion=occasion_text)
    photo = book.cover.photo
    if photo is not None and not photo.credit.text.strip():  # the credits list the cover photo, by its photographer
        section.out.warn("cover-credit", section.where("photo"), f"cover.photo: photo {photo.id} has no credit; give it one "
                         f"(credit: in {photo.where.path}), so the photo credits can name the cover's photographer")
