"""The book as a publication: the paper it is printed on, its cover and the
imprint the law asks for. Plain data like `book.model`, kept apart from it
because the loader reads them from their own sections of content/book.yaml
(`book.sources.book_file`, `book.sources.imprint`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from book.errors import Where
from book.model import Message, Photo


@dataclass(frozen=True)
class Paper:
    name: str  # as the printer knows it ('Couché matt 157 g/m²'); reported with each cover's spine
    caliper_mm: float  # thickness of one leaf: the cover's spine is leaves × caliper


@dataclass(frozen=True)
class Cover:
    """The cover: its photo, the back-cover text and how the spine reads."""

    photo: Photo | None
    back_text: Message
    spine_direction: str  # 'top-to-bottom' or 'bottom-to-top' for horizontal scripts
    board_mm: float  # case binding: each board's thickness, added to the spine
    wrap_mm: float  # case binding: the cover turned in round the boards
    where: Where
    mark: str | None = None  # the front's mark: an artwork file under content/, a key of Book.artworks
    ground: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # the spread's ground colour, CMYK in %
    spine: Message | None = None  # the spine's short title ("HẢI PHÒNG 70"), translated; None: the book's title
    spine_publisher: Message | None = None  # the publisher's short form for the spine's foot ("NXB TT&TT"), translated
    price: str = ""  # the back cover's price, as written
    not_for_sale: bool = False  # the back cover says the book is not for sale
    square_mm: float = 3.0  # case binding: how far the boards stand beyond the pages at head, tail and fore-edge
    hinge_mm: float = 8.0  # case binding: the joint between each board and the spine board
    board_width_mm: float = 0.0  # case binding: each board's width; 0: pages + square − (joint − board), book.pages.spine.board_width
    subtitle: bool = True  # the front carries the subtitle under the title
    occasion: Message | None = None  # the front's occasion line under the title ("Sách ảnh kỷ niệm 70 năm …"), translated


@dataclass(frozen=True)
class ImprintField:
    key: str
    label: Message
    value: str  # '' when the editor has not filled it in
    where: Where
    name: Message | None = None  # the value as a catalog entry, when it names a body (publisher, agency, printer)
    by_lang: dict[str, str] = field(default_factory=dict)  # a value given per edition's language (the translator)


@dataclass
class Imprint:
    """The publishing data Vietnamese law puts on every publication, in colophon order."""

    fields: list[ImprintField]
    final: bool  # a final print run: an empty field stops the build
    placeholder_notice: Message
    where: Where
    country: str = ""  # where it is printed: an ISO 3166 code, named in each edition's language on the copyright page
