"""A page takes a variant of its layout whose caption frames hold its captions
in every edition (`book.text.caption_room`): at a square trim, where two rows
under a picture hold five lines, a caption of seven gets the variant with its
caption beside the picture rather than an overflow."""

from __future__ import annotations

from conftest import REPO

from book.gather import load_sources, measure_part
from book.pages.paginate import paginate
from book.pages.shapes import choose, cramped_of, family
from book.sources import load_book
from book.text.caption_room import holds, room_key


def test_the_pagination_passes_over_a_variant_too_small_for_the_caption():
    book, _ = load_book(REPO, check_files=False)
    layout, slots = book.layouts["photo-caption"], {"photo": "p012", "caption": "p012"}
    first = choose(book, layout, slots, None, [])
    other = choose(book, layout, slots, None, [], cramped=frozenset({("p012", first.name)}))
    assert other.name != first.name and other in family(book.layouts, layout), (first.name, other.name)
    # where no variant holds it, the choice is as before: the build reports the overflow
    every = frozenset(("p012", member.name) for member in family(book.layouts, layout))
    assert choose(book, layout, slots, None, [], cramped=every).name == first.name
    # another photo's cramped variant is no reason to move
    assert choose(book, layout, slots, None, [], cramped=frozenset({("p999", first.name)})).name == first.name


def test_at_a_square_trim_the_measures_name_the_small_caption_frames_and_the_pages_avoid_them(sample_copy):
    book_yaml = sample_copy / "content" / "book.yaml"
    book_yaml.write_text(book_yaml.read_text(encoding="utf-8").replace("trim_mm: [240, 300]", "trim_mm: [210, 210]"),
                         encoding="utf-8")
    prepared = load_sources(sample_copy, ["vi"])
    book = prepared.book
    first = paginate(book)
    part = measure_part(book, first, "vi", "vi", "", {}, {}, False)
    cramped = cramped_of(part.needs)
    assert cramped, "two rows of a 210 mm page hold five caption lines: some vi caption needs more"
    pages = paginate(book, None, part.needs).pages
    for page in pages:
        for placed in page.placed:
            if placed.frame.kind != "caption" or placed.frame.panel:
                continue
            pid = placed.value
            asked = book.layouts[page.asked or page.layout.name]
            choices = [m.name for m in family(book.layouts, asked) if (pid, m.name) not in cramped]
            assert (pid, page.layout.name) not in cramped or not choices, (page.number, pid, page.layout.name, choices)
    assert room_key("p003", "photo-caption") in part.needs  # its seven lines (the build's p. 10)


def test_a_caption_holds_in_a_deep_frame_and_not_in_a_shallow_one(sample_copy):
    from book.caches import FONTS
    from book.gather import edition_roles
    from book.i18n.localise import Localiser
    from book.text.fonts import EditionFonts
    from book.text.frames import edition_words

    prepared = load_sources(sample_copy, ["vi"])
    book = prepared.book
    first = paginate(book)
    words = edition_words(book, first, Localiser(book, "vi", None))
    fonts = EditionFonts(book.fonts, "vi", FONTS.path(book.root))
    fonts.prepare(edition_roles(book, "vi", words, {}))
    item = next(i for i in words.frames if i.placed.frame.kind == "caption" and not i.placed.frame.panel
                and i.messages[0].ctx.split(":")[:2] == ["photo", "p003"])
    assert holds(fonts, item.parts, "vi", 85.0, 100.0)
    assert not holds(fonts, item.parts, "vi", 85.0, 12.0)  # two lines' room for a caption of five or more
