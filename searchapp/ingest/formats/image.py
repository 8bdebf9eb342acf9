"""Image files (``.png .jpg .jpeg .tif .tiff .webp``): photos and scans of pages.

Their text is read by OCR (:mod:`searchapp.ingest.ocr`); one page per image, or
per frame of a multi-page TIFF, each paragraph keeping its page.  The loader
only takes what was read already (the cache) and names the pages still to read:
the OCR stage reads them after the text documents are searchable.
"""

from __future__ import annotations

from searchapp.ingest.formats.extracted import Extracted
from searchapp.ingest.metadata import Metadata
from searchapp.ingest.ocr.pages import image_page, image_page_count, read_scans


def load_image(raw: bytes, scans=None) -> Extracted:
    """An image file's pages as OCR read them (``scans``: see
    :func:`~searchapp.ingest.ocr.pages.read_scans`); :class:`LoadError` for a
    damaged or oversized image."""
    pages = list(range(1, image_page_count(raw) + 1))
    got = read_scans(pages, scans, lambda page: image_page(raw, page))
    return Extracted(blocks=got.blocks, meta=Metadata(), extractor="tesseract",
                     encoding="image", warnings=got.warnings, scans=got.pending,
                     scanned=got.read)
