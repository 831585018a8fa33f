"""What each edition gives the measures all editions share, remembered between
builds: how many continuation pages each of its generated lists needs, and
the size of its text in each caption card at the widths a build asked for
(`book.text.cards`). The five editions decide those measures together, so
without the memo a translator's edit in one catalog would set the lists and
cards of all five again, only to learn that the other four are as they were.

An edition's part is remembered under a digest of everything it is measured
from: the code, the sources (photos and catalogs aside), the pages, the font
files, the edition's own catalog and whether the build makes covers (a proof's
part and a print's are kept side by side). Widths
are kept as Python writes the float, so a remembered size is the very number
the measuring gave. The memo lives in ``.cache/measures.json``, one entry per
edition; a missing or damaged memo, or an entry made from other inputs, means
measuring the edition again, never a wrong measure.
"""

from __future__ import annotations

import json
from pathlib import Path

from book.caches import MEASURES, notice_damaged
from book.errors import BookError
from book.files import DiskFull, write_atomic
from book.text.cards import CardKey, CardTexts

MEMO_REL = MEASURES.rel
MEMO_VERSION = 9  # 2: a card text's height runs to its last line's descender; 4: each card text's own caption measure;
# 5: justified; 6: optical top; 7: its caption lines' reach (`book.text.cards.caption_reach`); 8: the composer's price;
# 9: the variants too small for a caption (`book.text.caption_room`) among the needs


def sized(size) -> list[float]:
    """A remembered card text's size at one width: its widest line and height (mm), then what else
    `book.text.cards.CardTexts` keeps of it (a Latin caption's longest and median line, characters; the
    composer's price of its lines, `book.text.card_fit.FLAW`)."""
    if len(size) < 2:
        raise ValueError(f"a card text's size holds {len(size)} figures")
    return [float(v) for v in size]


class EditionMeasures:
    """One edition's part, named by its language (and whether the build
    makes covers): ``needs`` (continuation pages by list) and its card
    texts' (widest line, height) by card key and width, remembered or just
    measured (``texts`` given). ``measure()`` gives the edition measured
    afresh, for a width the memo does not know (another edition's edit moved
    a card's measure)."""

    def __init__(self, name: str, key: str, needs: dict[str, int], sizes: dict[CardKey, dict[str, list[float]]],
                 measure=None, texts: CardTexts | None = None, mosts: dict[CardKey, float] | None = None):
        self.name, self.key, self.needs, self.sizes, self.measure = name, key, needs, sizes, measure
        self.mosts = dict(mosts or {})  # each card text's own caption measure (mm): the widest a card may set it
        self.texts = texts
        self.fresh = texts is not None  # measured in this build: the memo learns it

    def keys(self):
        return self.sizes.keys()

    def size(self, key: CardKey, placed, measure: float, justify: bool = False) -> tuple:
        known = self.sizes[key]
        width = repr(measure) + (" justified" if justify else "")
        if width not in known:
            if self.texts is None:
                again = self.measure()
                if again is None:  # its inputs are those it was measured from: it cannot fail now
                    raise BookError(f"{self.name}: the remembered measures do not match the edition; remove {MEMO_REL}")
                self.texts = again.texts
            known[width] = list(self.texts.size(key, placed, measure, justify))
            self.fresh = True
        return tuple(known[width])

    def most(self, key: CardKey, placed) -> float:
        if key not in self.mosts:
            if self.texts is None:
                again = self.measure()
                if again is None:
                    raise BookError(f"{self.name}: the remembered measures do not match the edition; remove {MEMO_REL}")
                self.texts = again.texts
            self.mosts[key] = self.texts.most(key, placed)
            self.fresh = True
        return self.mosts[key]

    def as_json(self) -> dict:
        return {"key": self.key, "needs": self.needs, "cards": [[*key, sizes] for key, sizes in sorted(self.sizes.items())],
                "mosts": [[*key, most] for key, most in sorted(self.mosts.items())]}


class MeasuresMemo:
    """The memo of one project (see the module's text)."""

    def __init__(self, root: Path):
        self.path = root / MEMO_REL
        self.entries: dict[str, dict] = {}
        try:
            data = json.loads(self.path.read_bytes())
        except FileNotFoundError:
            return  # no memo: every edition is measured
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and data.get("version") == MEMO_VERSION and isinstance(data.get("editions"), dict):
            self.entries = data["editions"]
        elif not isinstance(data, dict) or data.get("version") == MEMO_VERSION:
            notice_damaged(MEMO_REL, "memo of measures")  # every edition is measured

    def get(self, name: str, key: str, measure) -> EditionMeasures | None:
        """The remembered part ``name`` if it was measured from inputs of digest ``key``."""
        entry = self.entries.get(name)
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        try:
            needs = {str(name): int(count) for name, count in entry["needs"].items()}
            mosts = {(str(layout), str(frame), str(value)): float(most) for layout, frame, value, most in entry["mosts"]}
            sizes = {(str(layout), str(frame), str(value)): {str(width): sized(size) for width, size in known.items()}
                     for layout, frame, value, known in entry["cards"]}
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        return EditionMeasures(name, key, needs, sizes, measure, mosts=mosts)

    def save(self, measured: list[EditionMeasures]) -> None:
        """Remember what this build measured; the editions it did not measure keep their entries."""
        if not any(part.fresh for part in measured):
            return
        editions = {**self.entries, **{part.name: part.as_json() for part in measured}}
        try:
            write_atomic(self.path, json.dumps({"version": MEMO_VERSION, "editions": editions}, ensure_ascii=False,
                                               sort_keys=True) + "\n", durable=False)
        except (OSError, DiskFull):  # a memo that cannot be written costs time, never the build
            return
        self.entries = editions
        for part in measured:
            part.fresh = False
