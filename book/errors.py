"""The exception family, exit codes and the one collector of problems.

Every message a user sees is one line that names the file (and line where
known) and says what to do. Every stage reports to one `Problems`; each
problem has a stable code, a severity and a place, and policy (what a proof
only warns about, what --strict promotes) reads codes, never wording.

typer carries its own copy of click, so the family is rooted in Exception and
the CLI turns it into the message and exit code (see ``cli.guarded``)."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace

ERROR, WARNING = "error", "warning"


class ExitCode(enum.IntEnum):
    OK = 0
    PROBLEM = 1  # the user's content, translations or outputs
    USAGE = 2
    INTERRUPTED = 130


@dataclass(frozen=True)
class Where:
    """A place in a source file, printed as ``path:line``; ``key`` is the key path.
    ``path`` is None for a problem of an edition or a page that no one file holds."""

    path: str | None
    line: int | None = None
    key: str | None = None
    page: int | None = None  # the page of the book or of a PDF
    lang: str | None = None  # the edition, where the problem is one edition's
    photo: str | None = None  # the photo's id, where the problem is a photo's

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.path and self.line else self.path or ""


def on_page(where: Where | None, page: int | None) -> Where | None:
    """``where`` with the page of the book the problem is on."""
    return where if page is None else replace(where or Where(None), page=page)


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning)."""

    code: str  # stable identifier: 'overflow', 'untranslated', 'low-ppi', …
    message: str
    where: Where | None = None
    severity: str = ERROR

    @property
    def warning(self) -> bool:
        return self.severity == WARNING

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where and self.where.path else ""
        return prefix + self.message

    @classmethod
    def from_json(cls, data: dict) -> Problem:
        """The problem `as_json` gave."""
        facts = (data.get("file"), data.get("line"), data.get("key"), data.get("page"), data.get("lang"), data.get("photo"))
        where = Where(*facts) if any(fact is not None for fact in facts) else None
        return cls(data["code"], data["message"], where, data.get("severity", ERROR))

    def as_json(self) -> dict:
        """The one shape of a problem in every command's JSON (docs/json.md):
        ``file, line, key, code, severity, lang, page, photo, message``, null where unknown."""
        where = self.where
        return {"file": where.path if where else None, "line": where.line if where else None, "key": where.key if where else None,
                "code": self.code, "severity": self.severity, "lang": self.lang, "page": self.page, "photo": self.photo,
                "message": self.message}

    def of_edition(self, lang: str) -> Problem:
        """This problem as one of edition ``lang``'s (unless it names its own)."""
        if self.lang is not None:
            return self
        return replace(self, where=replace(self.where or Where(None), lang=lang))

    @property
    def lang(self) -> str | None:
        """The edition: given where the problem was found, or the catalog's (translations/<lang>.po)."""
        if self.where and self.where.lang:
            return self.where.lang
        found = CATALOG.fullmatch(self.where.path) if self.where and self.where.path else None
        return found[1] if found else None

    @property
    def page(self) -> int | None:
        """The page of the book (or of the PDF) where the problem was found."""
        return self.where.page if self.where else None

    @property
    def photo(self) -> str | None:
        """The photo: given, or the one a catalog entry's msgctxt names (photo:<id>:caption)."""
        if self.where and self.where.photo:
            return self.where.photo
        key = self.where.key if self.where else None
        return key.split(":")[1] if key and key.startswith("photo:") and key.count(":") >= 2 else None


CATALOG = re.compile(r"translations/([a-z]{2,3}(?:[-_][A-Za-z]+)?)\.po")


class Problems:
    """The one list every stage of a command reports to."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def error(self, code: str, where: Where | None, message: str) -> None:
        self.items.append(Problem(code, message, where))

    def warn(self, code: str, where: Where | None, message: str) -> None:
        self.items.append(Problem(code, message, where, WARNING))

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def of_edition(self, start: int, lang: str) -> list[Problem]:
        """The problems from ``start`` on, found while preparing edition ``lang``, marked as its."""
        self.items[start:] = [problem.of_edition(lang) for problem in self.items[start:]]
        return self.items[start:]

    def extend(self, problems) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]

    def ignore(self, codes: frozenset[str]) -> None:
        """Warnings with these codes are dropped (--ignore, book.yaml ignore:); errors stay."""
        self.items = [p for p in self.items if not (p.warning and p.code in codes)]

    def soften(self, codes: frozenset[str]) -> None:
        """Errors with these codes become warnings (what a proof can go on with)."""
        self.items = [replace(p, severity=WARNING) if p.code in codes else p for p in self.items]

    def promote(self, codes: frozenset[str] | None = None) -> None:
        """--strict: every warning becomes an error (or only those with ``codes``)."""
        self.items = [replace(p, severity=ERROR) if codes is None or p.code in codes else p for p in self.items]

    def stop_if_errors(self, what: str, kind: type[BookError] | None = None) -> None:
        errors = self.errors
        if errors:
            count = len(errors)
            raise (kind or BookError)(f"{count} problem{'s' if count > 1 else ''} {what}", list(self.items))


class BookError(Exception):
    exit_code = ExitCode.PROBLEM

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.message = message
        self.problems = problems or []


class ConfigError(BookError):
    pass


class TranslationError(BookError):
    pass


class ImageError(BookError):
    pass


class FontError(BookError):
    pass


class RenderError(BookError):
    pass
