"""A page's content-stream operators with the transformation in force, as a
test reads where a PDF draws a rectangle or a run of text: q, Q and cm are
applied here, every other operator comes back with the matrix it meets."""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf

Matrix = list[float]


def page_ops(pdf, page: int = 0) -> Iterator[tuple[str, list, Matrix]]:
    """(operator, operands, current transformation matrix) for each operator but q, Q and cm."""
    ctm, stack = [1.0, 0, 0, 1.0, 0, 0], []
    with pikepdf.open(pdf) as doc:
        for operands, operator in pikepdf.parse_content_stream(doc.pages[page]):
            op = str(operator)
            if op == "q":
                stack.append(ctm)
            elif op == "Q":
                ctm = stack.pop()
            elif op == "cm":
                a, b, c, d, e, f = (float(v) for v in operands)
                A, B, C, D, E, F = ctm
                ctm = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]
            else:
                yield op, operands, ctm
