"""content/book.yaml ``translation:``: who answers for the catalogs
(``report_to``, and per language ``translator`` and ``team``), written into
the catalogs' headers by ``book i18n update``."""

from __future__ import annotations

from book.languages import TABLE
from book.model import Contacts
from book.sources.schema import Key, Section

CONTACT_KEYS = {"translator": Key(str, ""), "team": Key(str, "")}


def one_line(part: Section, key: str) -> str:
    value = (part.get(key, str, "") or "").strip()
    if "\n" in value:
        part.bad(key, "a catalog header field is one line, e.g. 'Name <name@example.org>'")
        return ""
    return value


def load_contacts(section: Section, source: str) -> Contacts:
    translators, teams = {}, {}
    for lang in (code for code in TABLE if code != source):
        if lang in section.data:
            part = section.sub(lang, CONTACT_KEYS)
            translators[lang], teams[lang] = one_line(part, "translator"), one_line(part, "team")
    return Contacts(one_line(section, "report_to"), {k: v for k, v in translators.items() if v}, {k: v for k, v in teams.items() if v})
