"""The EPUB 3 of each edition, for readers on screen: reflowable chapters
with every photo, its caption, credit and alternative text, a page list
that follows the print edition, the edition's fonts as subsets, and
accessibility metadata; the same sources give the same bytes. `make`
builds one, `check` runs epubcheck on one."""
