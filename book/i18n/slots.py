"""One msgctxt, one slot: a translation stays with its slot when the source
text is rewritten.

GNU msgmerge matches an entry on (msgctxt, msgid) and otherwise looks for a
similar msgid anywhere in the catalog. A short text rewritten wholesale finds
no similar one, so its live entry comes back untranslated and its translation
goes to the obsolete ``#~`` entries; a text may also be matched to another
slot's similar text. Our msgctxts are stable ids, so after msgmerge each live
entry whose slot had a translation gets that translation back, fuzzy, with
the text it was made for as ``#| msgid``, and the obsolete copy is dropped.

msgmerge runs without fuzzy matching (`book.i18n.merge.update_catalog`): its
guesses paired a new caption with an unrelated old one. A new slot takes a
translation only from a removed slot whose text was nearly the same
(``SIMILAR``: a slot renamed, a caption moved to another chapter), fuzzy,
the old slot and text as ``#|``; the removed slot's ``#~`` copy stays."""

from __future__ import annotations

from difflib import SequenceMatcher

import polib

from book.i18n.catalog import WRAP

SIMILAR = 0.9  # the share of characters two texts have in common for a new slot to take a removed one's translation


def similar_entry(msgid: str, removed: list[polib.POEntry]) -> polib.POEntry | None:
    """The removed entry whose text is nearly ``msgid`` (at least ``SIMILAR``
    alike), the most alike first; None when none is.

    >>> old = [polib.POEntry(msgctxt="a", msgid="Chú thích ảnh 3: cảng cá", msgstr="x"),
    ...        polib.POEntry(msgctxt="b", msgid="Chú thích ảnh 12: chợ đêm", msgstr="y")]
    >>> similar_entry("Chú thích ảnh 3: cảng cá.", old).msgctxt, similar_entry("Chú thích ảnh 4: bến xe", old)
    ('a', None)
    """
    best, score = None, SIMILAR
    for entry in removed:
        matcher = SequenceMatcher(None, msgid, entry.msgid, autojunk=False)
        if matcher.real_quick_ratio() >= score and matcher.quick_ratio() >= score and matcher.ratio() >= score:
            best, score = entry, matcher.ratio()
    return best


def made_for(entry: polib.POEntry) -> str:
    """The source text a translation was made for: the previous text of a
    fuzzy entry that has one, else its msgid."""
    if "fuzzy" in entry.flags and entry.previous_msgid:
        return entry.previous_msgid
    return entry.msgid


def keep_slots(old: polib.POFile, merged: str) -> str:
    """``merged`` (msgmerge's output) with every slot's translation kept."""
    before = {e.msgctxt: e for e in old if not e.obsolete and e.msgctxt and e.msgstr}
    po = polib.pofile(merged, wrapwidth=WRAP)
    obsolete = {}
    for entry in po:
        if entry.obsolete and entry.msgctxt and entry.msgstr:
            obsolete.setdefault(entry.msgctxt, entry)
    changed = False
    live = {e.msgctxt for e in po if not e.obsolete and e.msgctxt}
    for entry in [e for e in po if not e.obsolete and e.msgctxt]:
        mine = before.get(entry.msgctxt) or obsolete.get(entry.msgctxt)
        if mine is None and not entry.msgstr:  # a new slot: a removed slot's translation only when its text was nearly this
            found = similar_entry(entry.msgid, [e for e in obsolete.values() if e.msgctxt not in live])
            if found is not None:
                entry.msgstr, entry.previous_msgid, entry.previous_msgctxt = found.msgstr, made_for(found), found.msgctxt
                entry.flags.append("fuzzy")
                changed = True
            continue
        if mine is None or entry.msgid == mine.msgid:
            continue  # new slot, or matched exactly by msgmerge
        previous = made_for(mine)
        if entry.msgstr == mine.msgstr and "fuzzy" in entry.flags and entry.previous_msgid == previous \
                and entry.previous_msgctxt in (None, entry.msgctxt):
            continue  # msgmerge found the slot's own translation
        entry.msgstr = mine.msgstr
        if "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        entry.previous_msgid = previous
        entry.previous_msgctxt = None  # the same slot: msgmerge writes #| msgctxt only when it differs
        changed = True
    drop = [e for e in po if e.obsolete and e.msgctxt in {x.msgctxt for x in po if not x.obsolete and x.msgstr}
            and any(x.msgctxt == e.msgctxt and not x.obsolete and x.msgstr == e.msgstr for x in po)]
    for entry in drop:
        po.remove(entry)
        changed = True
    # polib's layout; the caller writes the file in gettext's own (gettext_layout).
    return str(po) + "\n" if changed else merged

