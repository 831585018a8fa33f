"""The placeholder texts `book init` writes, in each language it has them
for (book/defaults/placeholder-texts.yaml): neutral, and each saying what to
replace. A book whose source language has none there gets the English ones;
a target edition with none there gets an untranslated catalog, but for the
page labels, which book/defaults/label-texts.yaml has in Chinese, Korean and
Japanese (`LABELS`)."""

from __future__ import annotations

from pathlib import Path

import yaml

TEXTS: dict[str, dict] = yaml.safe_load((Path(__file__).parent / "defaults" / "placeholder-texts.yaml").read_text(encoding="utf-8"))
LABELS: dict[str, dict] = yaml.safe_load((Path(__file__).parent / "defaults" / "label-texts.yaml").read_text(encoding="utf-8"))


def texts_for(lang: str) -> dict:
    """The placeholder texts a book in source language ``lang`` is written with."""
    return TEXTS.get(lang, TEXTS["en"])
