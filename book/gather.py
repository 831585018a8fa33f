"""Gather and check: the stages that read the book and set its editions'
text before anything is written (load the sources, measure what the
editions share, lay out the pages, set each edition), and `gather`, which
runs them all for `book check`, `book review` and the tests. `book.build`
runs the same stages one by one, asking `book.incremental` at each whether
its input changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from book.caches import FONTS
from book.checks.alt import check_alt_edition, check_alt_sources
from book.errors import BookError, Problem, Problems, TranslationError
from book.i18n.catalog import Catalog, read_catalog
from book.i18n.checks import check_catalog
from book.i18n.localise import Localiser
from book.images.placed import check_cover_resolution, check_focus, check_resolution
from book.measures import EditionMeasures
from book.model import Book
from book.outputs import PROOF_TOLERATES, Output
from book.pages.cover_plan import photo_frame
from book.pages.paginate import Pagination, paginate
from book.pages.shapes import check_crops, check_fold
from book.pages.spine import CoverGeometry, plan_cover
from book.sources import load_book
from book.text.caption_room import cramped_variants
from book.text.cards import Card, CardKey, CardTexts, card_frames, card_key, size_cards
from book.text.cover import CoverText, cover_roles, cover_strings, set_cover
from book.text.coverage import check_glyphs
from book.text.fonts import EditionFonts
from book.text.frames import edition_words, texts_by_role
from book.text.italic import check_sources as check_markup
from book.text.setting import EditionText, measure_edition, set_edition


@dataclass
class Edition:
    lang: str
    fonts: EditionFonts | None  # None for an edition left as built (``kept``)
    text: EditionText | None
    cover: CoverText | None = None
    catalog: Catalog | None = None  # None for the source language
    problems: list[Problem] = field(default_factory=list)  # found while preparing it, before --strict or a proof's softening
    kept: dict | None = None  # an edition left as built: what its recorded build found ("problems", "marks")


@dataclass
class Prepared:
    """Everything a build needs, gathered and checked before anything is
    written; each stage fills in its part."""

    book: Book
    problems: Problems
    langs: list[str]  # the editions asked for, in the book's order or the command line's
    pagination: Pagination | None = None
    editions: list[Edition] = field(default_factory=list)
    cover: CoverGeometry | None = None  # an output with covers makes one beside each interior
    low_ppi: dict[tuple[str, str], float] = field(default_factory=dict)  # (photo, frame) -> print ppi, for proof marks
    cards: dict[CardKey, Card] = field(default_factory=dict)  # caption cards, sized from all editions
    catalogs: dict[str, Catalog] = field(default_factory=dict, repr=False)  # read once for the lists and the editions
    fonts: dict[str, EditionFonts] = field(default_factory=dict, repr=False)  # made ready once per edition


def gather(root: Path, langs: list[str] | None, output: Output, strict: bool = False, whole_photos: bool = True,
           ignore: frozenset[str] = frozenset()) -> Prepared:
    """Gather and check everything a build of ``output`` would, writing no
    output. ``whole_photos`` False reads the photos' headers only (a
    build's photo stage decodes them)."""
    prepared = load_sources(root, langs, output.name)
    needs = measure_shared(prepared, paginate(prepared.book), output)
    lay_out(prepared, output, needs, whole_photos)
    set_editions(prepared, output)
    settle_problems(prepared, output, strict, ignore)
    return prepared


def ignore_key(ignore: frozenset[str]) -> str:
    """The part of a build's record key that --ignore adds (none without it)."""
    return f"|ignore={','.join(sorted(ignore))}" if ignore else ""


def load_sources(root: Path, langs: list[str] | None, profile: str | None = None) -> Prepared:
    """The book read and checked (its problems collected, not raised), the
    editions asked for known to it; the printer preset of ``profile``, if it names one, applied."""
    problems = Problems()
    book, _ = load_book(root, problems=problems, profile=profile)
    check_markup(book.messages(), problems)  # *italic* marks closed
    for lang in langs or []:
        if lang not in book.editions:
            raise BookError(f"--lang {lang}: not an edition of this book; content/book.yaml lists {', '.join(book.editions)}")
    return Prepared(book, problems, list(langs or book.editions))


def edition_catalog(book: Book, lang: str, catalogs: dict[str, Catalog]) -> Catalog:
    """``lang``'s catalog, read once per build (``catalogs``); raises TranslationError."""
    if lang not in catalogs:
        catalogs[lang] = read_catalog(book.root, lang)
    return catalogs[lang]


def measure_shared(prepared: Prepared, first: Pagination, output: Output, remembered=None) -> dict[str, int]:
    """What all editions must share, decided from all of them (whichever are
    built), measured on the pages without continuations: how many
    continuation pages each generated list gets (the most any edition
    needs; returned), and the size of each caption card (``prepared.cards``;
    see `book.text.cards`). Each edition measured here has its fonts made
    ready for all its text, the cover's too, and kept for setting it: a CJK
    face is converted once per edition, not once per stage. ``remembered``
    (`book.incremental.Incremental`) gives an edition's part as measured
    before from the same inputs (`book.measures`)."""
    book = prepared.book
    has_cards = next(card_frames(first), None) is not None
    if not output.text:
        return {}
    keys = remembered.measure_keys(book, first, output.cover) if remembered else {}
    parts = []
    for lang in book.editions:
        name = f"{lang} with cover" if output.cover else lang  # a proof's and a print's parts are kept side by side
        measure = partial(measure_part, book, first, lang, name, keys.get(lang, ""), prepared.catalogs, prepared.fonts, output.cover)
        part = (remembered.measured(name, keys[lang], measure) if remembered else None) or measure()
        if part is not None:  # None: its catalog or glyphs stop it, reported when the edition is prepared
            parts.append(part)
    needs: dict[str, int] = {}
    for part in parts:
        for key, count in part.needs.items():
            needs[key] = max(needs.get(key, 0), count)
    prepared.cards = size_cards(first, parts, book.grid, book.trim, book.style, prepared.problems) if has_cards else {}
    if remembered:
        remembered.remember_measures(parts)
    return needs


def measure_part(book: Book, first: Pagination, lang: str, name: str, key: str, catalogs: dict[str, Catalog],
                 fonts_by_lang: dict[str, EditionFonts], cover: bool) -> EditionMeasures | None:
    """One edition's part of the shared measures, measured, its fonts made
    ready and kept in ``fonts_by_lang``; None when its catalog or its glyphs stop it."""
    try:
        catalog = edition_catalog(book, lang, catalogs) if lang != book.source_language else None
    except TranslationError:
        return None
    loc = Localiser(book, lang, catalog, Problems(), fallback=True)
    words = edition_words(book, first, loc)
    fonts = EditionFonts(book.fonts, lang, FONTS.path(book.root))
    if not check_glyphs(book, fonts, words, loc.where, Problems()):
        return None
    fonts.prepare(edition_roles(book, lang, words, cover_strings(book, loc) if cover else {}))
    fonts_by_lang[lang] = fonts
    texts = CardTexts(fonts, {card_key(item.page, item.placed): item.parts for item in words.frames if item.placed.frame.panel}, lang)
    needs = measure_edition(book, first, fonts, words, loc.where)
    needs.update(cramped_variants(book, fonts, words))  # the variants too small for a caption (`book.text.caption_room`)
    return EditionMeasures(name, key, needs, {k: {} for k in texts.keys()}, texts=texts)


def edition_roles(book: Book, lang: str, words, cover_texts: dict[str, str]) -> dict[str, set[str]]:
    """The texts each font role of an edition sets: its frames' and its cover's."""
    roles = texts_by_role(book, words)
    for role, texts in cover_roles(book, lang, cover_texts).items() if cover_texts else ():
        roles.setdefault(role, set()).update(texts)
    return roles


def lay_out(prepared: Prepared, output: Output, needs: dict[str, int], whole_photos: bool = True) -> None:
    """The final pages, with each list's continuation pages (``needs``); the
    photos' resolution and focus checked; the cover planned when the output makes one."""
    book, problems = prepared.book, prepared.problems
    prepared.pagination = paginate(book, problems, needs)
    prepared.low_ppi = check_resolution(book, prepared.pagination, output, problems, whole_photos)
    check_focus(book, prepared.pagination, problems, whole_photos)
    check_crops(book, prepared.pagination.pages, problems)
    if output.alt_text:
        check_alt_sources(book, prepared.pagination.photo_pages, problems)
    check_fold(book, prepared.pagination.pages, problems)
    prepared.cover = plan_cover(book, len(prepared.pagination.pages), problems) if output.cover else None
    if prepared.cover is not None:
        check_cover_resolution(book, photo_frame(book, prepared.cover), problems, whole_photos)


def set_editions(prepared: Prepared, output: Output, kept: dict[str, dict] | None = None) -> None:
    """Localise, check and set each edition's text, in order; an edition in
    ``kept`` (what its recorded build found, `book.incremental`) is left as
    built, with the problems that build found."""
    for lang in prepared.langs:
        if lang in (kept or {}):
            found = [Problem.from_json(p) for p in kept[lang].get("problems", [])]
            prepared.editions.append(Edition(lang, None, None, catalog=None, problems=found, kept=kept[lang]))
            prepared.problems.extend(found)
            continue
        if not output.text:
            prepared.editions.append(Edition(lang, None, None))
            continue
        before = len(prepared.problems.items)
        edition = prepare_edition(prepared, lang, output)
        found = prepared.problems.of_edition(before, lang)  # each problem knows its edition, for --json's lang
        if edition is not None:
            edition.problems = found
            prepared.editions.append(edition)


def prepare_edition(prepared: Prepared, lang: str, output: Output) -> Edition | None:
    """Localise, check and set one edition's text; None when it cannot be set."""
    book, pagination, problems, geometry = prepared.book, prepared.pagination, prepared.problems, prepared.cover
    catalog = None
    if lang != book.source_language:
        try:
            catalog = edition_catalog(book, lang, prepared.catalogs)
        except TranslationError as exc:
            problems.extend(exc.problems)
            return None
        problems.extend(check_catalog(book.root, book, catalog))
    loc = Localiser(book, lang, catalog, problems, fallback=output.fallback)
    words = edition_words(book, pagination, loc)
    if output.alt_text:
        check_alt_edition(book, pagination.photo_pages, loc, problems)
    fonts = prepared.fonts.get(lang) or EditionFonts(book.fonts, lang, FONTS.path(book.root))
    if not check_glyphs(book, fonts, words, loc.where, problems):
        return None
    cover_texts = cover_strings(book, loc) if geometry else {}
    fonts.prepare(edition_roles(book, lang, words, cover_texts), exact=True)
    edition = Edition(lang, fonts, set_edition(book, pagination, fonts, words, loc.where, problems, prepared.cards), catalog=catalog)
    if geometry:
        edition.cover = set_cover(book, geometry, fonts, lang, cover_texts, loc.where, problems)
    return edition


def settle_problems(prepared: Prepared, output: Output, strict: bool, ignore: frozenset[str] = frozenset()) -> None:
    """What the output tolerates softened (a proof), the warnings the user
    silenced dropped (``ignore``, and book.yaml's), and what the build refuses
    promoted to errors."""
    book, problems = prepared.book, prepared.problems
    if output.fallback:
        problems.soften(PROOF_TOLERATES)
    problems.ignore(book.ignore | ignore)
    if strict:
        problems.promote()
    elif book.imprint and book.imprint.final:
        problems.promote(output.refused_when_final)
