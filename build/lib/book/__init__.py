"""book: one set of photos and Vietnamese captions, five print-ready editions.

The build is a pipeline, one package per stage, data flowing one way:
sources → i18n → pages → text → images → pdf, with checks beside it."""

__version__ = "0.1.0"
