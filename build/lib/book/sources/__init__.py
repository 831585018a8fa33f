"""Read the book project's sources (content/, layouts/, fonts/) into one `Book`:
one module per kind of source file, the schema declared in each."""

from book.sources.book_file import load_book

__all__ = ["load_book"]
