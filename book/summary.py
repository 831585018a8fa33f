"""What a build did, per edition: pages, photos, problems, proof marks, the
file written or left unchanged, its size and the time taken. The CLI prints
it as a table (or JSON); the marks list says where a proof marks its pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from book.errors import Problem
from book.pages.paginate import Pagination


@dataclass(frozen=True)
class Written:
    """One edition's interior as the build left it."""

    lang: str
    path: Path
    fresh: bool  # False when its bytes did not change and it was left as it was
    seconds: float  # rendering and finishing


def own_problems(problems: list[Problem], edition) -> list[Problem]:
    """The build's problems that ``edition`` found while it was prepared (or that
    its recorded build found), with the severity the build gave them in the end:
    the edition keeps them as found, before --strict or a proof's softening."""
    own = {(p.code, p.message, p.where) for p in edition.problems}
    return [p for p in problems if (p.code, p.message, p.where) in own]


def proof_marks(pagination: Pagination, text, low_ppi: dict[tuple[str, str], float]) -> list[dict]:
    """Every mark a proof draws: text in the source language for want of a
    translation, text that overflows its frame, photos below the print resolution."""
    marks = []
    for (page, frame), setting in sorted(text.frames.items()):
        if not setting.fits:
            marks.append({"page": page, "frame": frame, "mark": "overflow",
                          "detail": f"needs {setting.needed} lines, room for {setting.available}" if setting.needed else ""})
        elif setting.fallback:
            marks.append({"page": page, "frame": frame, "mark": "fallback", "detail": "source text shown"})
    for page in pagination.pages:
        for placed in page.placed:
            ppi = low_ppi.get((placed.value, placed.frame.name))
            if placed.frame.kind == "photo" and ppi is not None:
                marks.append({"page": page.number, "frame": placed.frame.name, "mark": "low-ppi",
                              "detail": f"photo {placed.value}: {ppi:.0f} ppi in print"})
    return sorted(marks, key=lambda m: (m["page"], m["frame"], m["mark"]))


def summarise(prepared, output, written, seconds: float) -> dict:
    by_lang = {w.lang: w for w in written}
    photos = len({pid for page in prepared.pagination.pages for placed in page.placed
                  if placed.frame.kind == "photo" and (pid := placed.value)})
    owned = {edition.lang: own_problems(prepared.problems.items, edition) for edition in prepared.editions}
    claimed = {id(p) for own in owned.values() for p in own}
    shared = [p for p in prepared.problems.items if id(p) not in claimed]
    editions = []
    for edition in prepared.editions:
        own = owned[edition.lang]
        done = by_lang[edition.lang]
        editions.append({
            "lang": edition.lang,
            "pages": len(prepared.pagination.pages),
            "photos": photos,
            "errors": sum(not p.warning for p in own),
            "warnings": sum(p.warning for p in own),
            "marks": (edition.kept.get("marks", []) if edition.kept is not None else
                      proof_marks(prepared.pagination, edition.text, prepared.low_ppi) if output.fallback and edition.text else []),
            "path": str(done.path.relative_to(prepared.book.root)),
            "written": done.fresh,
            "bytes": done.path.stat().st_size,
            "seconds": round(done.seconds, 2),
        })
    return {"profile": output.name, "editions": editions, "shared_warnings": sum(p.warning for p in shared),
            "seconds": round(seconds, 2), "problems": [p.as_json() for p in prepared.problems.items]}


def size_text(count: int) -> str:
    """A file size for people.

    >>> size_text(2_400_000), size_text(5_300)
    ('2.4 MB', '5 kB')
    """
    return f"{count / 1e6:.1f} MB" if count >= 1e6 else f"{count / 1e3:.0f} kB"


def summary_table(summary: dict):
    from rich.table import Table

    proof = summary["profile"] == "proof"
    table = Table(title=f"{summary['profile']} build, {summary['seconds']:.1f} s", title_justify="left", show_edge=False, pad_edge=False)
    # The files' paths follow the table, one a line (`summary_paths`): a table column cuts them short on 80 columns.
    for column in ("edition", "pages", "photos", "errors", "warnings", *(("marks",) if proof else ()), "file", "size", "time"):
        table.add_column(column, justify="left" if column in ("edition", "file", "marks") else "right",
                         overflow="fold", no_wrap=column != "marks")
    for e in summary["editions"]:
        counts = {}
        for mark in e["marks"]:
            counts[mark["mark"]] = counts.get(mark["mark"], 0) + 1
        marks = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "none"
        table.add_row(e["lang"], str(e["pages"]), str(e["photos"]), str(e["errors"]), str(e["warnings"]), *((marks,) if proof else ()),
                      "written" if e["written"] else "unchanged", size_text(e["bytes"]), f"{e['seconds']:.1f} s")
    if summary["shared_warnings"]:
        table.caption = f"{summary['shared_warnings']} more warning(s) concern the whole book"
    return table


def summary_paths(summary: dict) -> list[str]:
    """Each edition's file, whole, after the table."""
    return [f"{e['lang']}: {e['path']} ({'written' if e['written'] else 'unchanged'})" for e in summary["editions"]]
