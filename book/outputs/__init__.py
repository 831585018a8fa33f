"""The registry of output formats: the book's own (print, screen, proof;
`book.outputs.pdf`, `book.outputs.screen`) and any registered from outside, by `register` or by an
installed package's entry point in the group ``book.outputs`` (its object is
an `Output`, or a function returning one or a list of them). The CLI's
``--profile``, book.yaml's ``profiles`` and ``book preflight`` read it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib.metadata import entry_points
from pathlib import Path

from book.errors import BookError
from book.outputs.base import FINAL_REFUSES, PROOF_TOLERATES, Output, Rendering, RenderRequest, Staged
from book.outputs.pdf import PRINT, PROOF
from book.outputs.screen import SCREEN

ENTRY_POINTS = "book.outputs"

__all__ = ["FINAL_REFUSES", "OUTPUTS", "PROOF_TOLERATES", "Output", "RenderRequest", "Rendering", "Staged", "load_plugins",
           "output_of", "register", "unregister"]


class Registry(Mapping):
    """The outputs by name, in the order registered; the installed plug-ins
    are read when first asked for (a name not among those known, or all the names)."""

    def __init__(self, builtin: list[Output]):
        self.outputs = {output.name: output for output in builtin}
        self.builtin = frozenset(self.outputs)
        self.loaded = False

    def __getitem__(self, name: str) -> Output:
        if name not in self.outputs:  # the book's own outputs are known without reading the installed packages
            self.load()
        return self.outputs[name]

    def __contains__(self, name: object) -> bool:
        if name not in self.outputs:
            self.load()
        return name in self.outputs

    def __iter__(self) -> Iterator[str]:
        self.load()
        return iter(list(self.outputs))

    def __len__(self) -> int:
        self.load()
        return len(self.outputs)

    def add(self, output: Output) -> Output:
        if not isinstance(output, Output):
            raise BookError(f"{output!r}: an output must be a book.outputs.Output")
        if output.name in self.builtin:
            raise BookError(f"output {output.name}: the name of one of the book's own outputs; choose another")
        self.outputs[output.name] = output
        return output

    def load(self) -> None:
        if not self.loaded:
            self.loaded = True
            load_plugins()


OUTPUTS = Registry([PRINT, SCREEN, PROOF])


def register(output: Output) -> Output:
    """Add ``output`` to the registry under its name (a later one of the same name replaces it)."""
    return OUTPUTS.add(output)


def unregister(name: str) -> None:
    if name in OUTPUTS.builtin:
        raise BookError(f"output {name}: one of the book's own outputs cannot be removed")
    OUTPUTS.outputs.pop(name, None)


def load_plugins() -> list[str]:
    """Register the outputs of every installed entry point in ``book.outputs``; returns their names."""
    names = []
    for point in entry_points(group=ENTRY_POINTS):
        try:
            found = point.load()
            found = found() if callable(found) and not isinstance(found, Output) else found
        except Exception as exc:  # someone else's package: say which, never a traceback
            raise BookError(f"output plug-in '{point.name}' ({point.value}) could not be loaded: {exc}; "
                            "reinstall or uninstall the package that provides it") from None
        for output in found if isinstance(found, (list, tuple)) else [found]:
            names.append(register(output).name)
    return names


def output_of(root: Path, path: Path) -> Output | None:
    """The output a file under ``root/output/<name>/`` was made by, if it is a registered one."""
    try:
        name = path.resolve().relative_to((root / "output").resolve()).parts[0]
    except (ValueError, IndexError):
        return None
    return OUTPUTS.get(name)

