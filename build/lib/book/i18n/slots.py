"""One msgctxt, one slot: a translation stays with its slot when the source
text is rewritten.

GNU msgmerge matches an entry on (msgctxt, msgid) and otherwise looks for a
similar msgid anywhere in the catalog. A short text rewritten wholesale finds
no similar one, so its live entry comes back untranslated and its translation
goes to the obsolete ``#~`` entries; a text may also be matched to another
slot's similar text. Our msgctxts are stable ids, so after msgmerge each live
entry whose slot had a translation gets that translation back, fuzzy, with
the text it was made for as ``#| msgid``, and the obsolete copy is dropped."""

from __future__ import annotations

import polib

from book.i18n.catalog import WRAP


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
    for entry in [e for e in po if not e.obsolete and e.msgctxt]:
        mine = before.get(entry.msgctxt) or obsolete.get(entry.msgctxt)
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

