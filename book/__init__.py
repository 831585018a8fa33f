"""book: one set of photos and Vietnamese captions, five print-ready editions."""

__version__ = "0.1.0"

LANGUAGES = ("vi", "en", "zh", "ko", "ja")
