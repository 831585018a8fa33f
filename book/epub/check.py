"""`book preflight` for an EPUB: the file checked by epubcheck, the W3C's
validator (Debian package ``epubcheck``), each of its messages one problem
of the report, at the file inside the EPUB and its line. The Debian
package installs epubcheck as an executable JAR, which a machine runs only
when binfmt knows Java; it is run with ``java -jar`` instead."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from book.checks.preflight import Report
from book.errors import WARNING, Problem, Where

INSTALL = "install the Debian package epubcheck (tools/setup.sh does), then run book preflight again"
SEVERE = ("FATAL", "ERROR")
REPORTED = ("FATAL", "ERROR", "WARNING")  # epubcheck's USAGE and INFO are advice, not problems


def epubcheck_command() -> list[str] | None:
    """How to run epubcheck here, or None when it is not installed."""
    found = shutil.which("epubcheck")
    if found is None:
        return None
    real = Path(found).resolve()
    with open(real, "rb") as handle:
        is_jar = handle.read(2) == b"PK"
    if not is_jar:
        return [found]
    java = shutil.which("java")
    return [java, "-jar", str(real)] if java else None


def run_epubcheck(path: Path) -> dict:
    """epubcheck's JSON assessment of ``path``; raises RuntimeError with one line when it cannot run."""
    command = epubcheck_command()
    if command is None:
        raise RuntimeError(f"epubcheck is not installed (or java is missing); {INSTALL}")
    done = subprocess.run([*command, str(path), "--json", "-"], capture_output=True, text=True, encoding="utf-8", errors="replace")
    out = done.stdout
    start = out.find("{")  # it says the file's name on a line of its own first
    try:
        return json.loads(out[start:]) if start >= 0 else {}
    except ValueError:
        tail = (done.stderr or out).strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"epubcheck gave no assessment of the file ({tail[0]}); {INSTALL}") from None


def check_epub(path: Path, **settings) -> Report:
    """``path`` checked by epubcheck: each fatal error or error is an error
    of the report, each warning a warning. ``settings`` (a PDF's limits) do
    not apply to an EPUB."""
    report = Report(str(path))
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile) as exc:
        report.error("epub-unreadable", f"not a readable EPUB (a zip file): {exc}; build it again")
        return report
    report.facts["files"] = len(names)
    missing_alt(path, names, report)
    try:
        assessment = run_epubcheck(path)
    except RuntimeError as exc:
        report.error("epubcheck-missing", str(exc))
        return report
    checker = assessment.get("checker", {})
    report.facts["epubcheck"] = checker.get("checkerVersion", "?")
    report.pages = int(assessment.get("publication", {}).get("nSpines") or 0)
    for message in assessment.get("messages", []):
        severity = message.get("severity", "")
        if severity not in REPORTED:
            continue
        places = message.get("locations") or [{}]
        for place in places[:5]:  # one message may list many places; the first ones say enough
            inside = place.get("path") or ""
            line = place.get("line") if isinstance(place.get("line"), int) and place.get("line") > 0 else None
            at = f"{inside}:{line}: " if inside and line else f"{inside}: " if inside else ""
            text = f"{at}epubcheck {message.get('ID', '?')}: {message.get('message', '').strip()}"
            where = Where(str(path), key=inside or None)  # the line is the inner file's, said in the message
            report.problems.add(Problem(f"epubcheck-{message.get('ID', '?')}", text, where,
                                        *(() if severity in SEVERE else (WARNING,))))
    return report


IMG = re.compile(r"<img\b[^>]*>", re.S)


def missing_alt(path: Path, names: list[str], report: Report) -> None:
    """Each picture of the content documents without a text alternative (epubcheck
    takes an empty ``alt`` as a decorative image and says nothing): an error, as the
    PDF preflight's figure-without-alt, naming the document, its line and the image."""
    with zipfile.ZipFile(path) as archive:
        for name in (n for n in names if n.endswith((".xhtml", ".html"))):
            source = archive.read(name).decode("utf-8", "replace")
            for found in IMG.finditer(source):
                tag = found.group()
                alt = re.search(r'\balt\s*=\s*"([^"]*)"', tag)
                if (alt is None or not alt.group(1).strip()) and 'role="presentation"' not in tag:
                    line = source.count("\n", 0, found.start()) + 1
                    src = re.search(r'\bsrc\s*=\s*"([^"]*)"', tag)
                    report.problems.add(Problem("epub-image-without-alt", f"{name}:{line}: the image "
                                                f"{src.group(1) if src else '?'} has no alt text; a screen reader says nothing "
                                                "of it: give its photo an alt: text (or the catalog's photo:ID:alt)",
                                                Where(str(path), key=name)))
