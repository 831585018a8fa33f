"""Spell the Vietnamese names of a Latin-script catalog with their marks.

    .venv/bin/python tools/restore_diacritics.py [en]

The rule (book/i18n/diacritics.py): a Vietnamese name keeps the marks the
source gives it ("Ngô Quyền District", not "Ngo Quyen District"). This
rewrites each translation and the language's glossary column accordingly,
then lets msgcat wrap the catalog as gettext does. `book i18n check`
reports what is left (a name the source does not spell out).
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from book.i18n.diacritics import known_names, restore  # noqa: E402


def main(lang: str = "en") -> None:
    po_path = ROOT / "translations" / f"{lang}.po"
    glossary = ROOT / "translations" / "glossary.csv"
    po = polib.pofile(str(po_path), wrapwidth=79)
    rows = list(csv.reader(io.StringIO(glossary.read_text(encoding="utf-8"))))
    column = rows[0].index(lang)
    known = known_names([entry.msgid for entry in po] + [row[0] for row in rows[1:]])
    changed = 0
    for entry in po:
        if entry.msgstr and not entry.obsolete:
            fixed = restore(entry.msgid, entry.msgstr, known)
            changed += fixed != entry.msgstr
            entry.msgstr = fixed
    po.save(str(po_path))
    subprocess.run(["msgcat", "-o", str(po_path), str(po_path)], check=True)
    for row in rows[1:]:
        forms = [restore(row[0], form, known) for form in row[column].split("|")] if row[column] else []
        row[column] = "|".join(dict.fromkeys(forms))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    glossary.write_text(out.getvalue(), encoding="utf-8")
    print(f"{po_path.relative_to(ROOT)}: {changed} entries respelled; {glossary.relative_to(ROOT)}: column {lang}")


if __name__ == "__main__":
    main(*sys.argv[1:])
