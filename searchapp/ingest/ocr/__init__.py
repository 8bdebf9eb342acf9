"""Text read from page images: scanned PDFs, the scanned pages of mixed PDFs, photos.

The engine is Tesseract 5 through tesserocr (chosen by measurement:
``benchmarks/bench_ocr.py``, figures in ``benchmarks/RESULTS.md``).  The rooms:

* :mod:`~searchapp.ingest.ocr.engine` -- Tesseract: which languages are
  installed, the script of a page (a first pass), the page read in its language;
* :mod:`~searchapp.ingest.ocr.prepare` -- a page image made fit to read: greyscale,
  scaled into the resolution Tesseract reads best, turned upright, deskewed;
* :mod:`~searchapp.ingest.ocr.pages` -- page images from files: image files
  (``.png .jpg .jpeg .tif .tiff .webp``) and PDF pages without a text layer;
* :mod:`~searchapp.ingest.ocr.cache` -- what was read, by the file's content hash
  and page, so a file re-indexed, moved or copied is never read twice.

Reading is never done while a file is loaded: the loaders take what the cache
holds and name the pages still to read (``Extracted.scans``); the OCR stage
(:mod:`searchapp.index.ocr_stage`) reads them after the text documents are
searchable.  Without Tesseract (:func:`~searchapp.ingest.ocr.engine.unavailable`
says why) those files are reported as
``scanned: OCR not installed`` with the one line that installs it.
"""

from __future__ import annotations

#: Debian's packages for the engine and the languages read (one place: the README's
#: Debian line, .ci/run and the messages name these).
DEBIAN_PACKAGES = ("tesseract-ocr", "tesseract-ocr-eng", "tesseract-ocr-kor",
                   "tesseract-ocr-chi-sim", "tesseract-ocr-chi-tra", "tesseract-ocr-jpn")
#: How to install Tesseract and its language files (Debian and Ubuntu).
APT_HINT = f"sudo apt-get install {' '.join(DEBIAN_PACKAGES)}"
#: How to install its Python binding (what the ``ocr`` extra holds).
PIP_HINT = "pip install tesserocr"
#: How to install both, in one line.
INSTALL_HINT = f"{APT_HINT} and {PIP_HINT}"
#: The reason given for a scan that cannot be read here.
NOT_INSTALLED = "scanned: OCR not installed"

#: Image files read as scans: format name -> file name suffixes.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp")

