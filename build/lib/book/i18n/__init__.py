"""Translations: the gettext template and catalogs, and looking up each
edition's text in them."""
