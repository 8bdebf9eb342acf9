"""Page images from files, and which pages of a PDF are scans.

* image files (``.png .jpg .jpeg .tif .tiff .webp``; a multi-page TIFF is one
  page per frame) through Pillow;
* PDF pages rendered by PDFium (pypdfium2) at :data:`RENDER_DPI`;
* :func:`pdf_scan_pages`: the pages of a PDF that are scans -- hardly any text
  (under :data:`TEXT_CHARS` characters: a stamped page number does not count)
  and an image over :data:`IMAGE_SHARE` of the page.  A typed page is never
  read by OCR, nor is a blank page.

Bounds: an image over :data:`MAX_PIXELS` pixels is refused before it is decoded
(a decompression bomb declares huge dimensions in a small file; a JPEG is decoded
smaller instead), a rendered page
is made smaller to fit, at most :data:`MAX_PAGES` scanned pages are read from one
file (a warning says so beside it).  Every refusal is a :class:`~searchapp.errors.LoadError` with a reason.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field

from searchapp.errors import LoadError

#: Resolution PDF pages are rendered at for OCR.
RENDER_DPI = 300
#: Largest page image read (pixels): an A4 page at 600 dpi is 35 Mpx.
MAX_PIXELS = 40_000_000
#: Most scanned pages (PDF pages or frames of an image file) read by OCR from one file.
MAX_PAGES = 500
#: A PDF page with fewer visible characters than this in its text layer may be a scan.
TEXT_CHARS = 40
#: ... and is one when an image covers at least this share of it.
IMAGE_SHARE = 0.3


def _open(raw: bytes):
    """The image in ``raw``, opened (its header read, nothing decoded) and checked
    against the bounds, and the share of its width it will decode at: a JPEG over
    :data:`MAX_PIXELS` is set to decode at 1/2, 1/4 or 1/8 of its size (a phone's
    50-megapixel photo of a page has more pixels than OCR needs), any other image
    over it is refused."""
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow's DecompressionBombWarning: checked below
        try:
            image = Image.open(io.BytesIO(raw))
        except Image.DecompressionBombError as exc:
            raise LoadError(f"image too large ({exc})") from exc
        except UnidentifiedImageError as exc:  # its message names a BytesIO object
            raise LoadError("damaged or unreadable image (not an image Pillow can read)") \
                from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise LoadError(f"damaged or unreadable image ({exc})") from exc
    width, height = image.size
    if width * height > MAX_PIXELS and image.format in ("JPEG", "MPO"):
        for k in (2, 4, 8):
            if (width / k) * (height / k) <= MAX_PIXELS:
                image.draft(image.mode, (-(-width // k), -(-height // k)))
                break
    if image.size[0] * image.size[1] > MAX_PIXELS:
        raise LoadError(f"image too large ({width}×{height} pixels, limit "
                        f"{MAX_PIXELS // 1_000_000} megapixels)")
    if width < 8 or height < 8:
        raise LoadError(f"image too small to hold text ({width}×{height} pixels)")
    return image, image.size[0] / width


def image_page_count(raw: bytes) -> int:
    """How many pages an image file holds (frames of a TIFF; 1 for most), from its
    header; :class:`LoadError` for a damaged or oversized image."""
    image, _ = _open(raw)
    return max(1, getattr(image, "n_frames", 1))


def image_page(raw: bytes, page: int):
    """Page ``page`` (1-based) of an image file as a Pillow image, and its resolution
    (dpi, None when the file does not say; divided as the image was made smaller)."""
    image, scale = _open(raw)
    try:
        if page > 1:
            image.seek(page - 1)
        image.load()
    except (OSError, EOFError, ValueError) as exc:
        raise LoadError(f"damaged or truncated image ({exc})") from exc
    dpi = image.info.get("dpi")
    res = float(dpi[0]) if isinstance(dpi, tuple) and dpi and dpi[0] else None
    if res:
        res *= scale
    return image.copy(), (res if res and res > 30 else None)


def pdf_page(pdf, page: int, dpi: float = RENDER_DPI):
    """Page ``page`` (1-based) of an open PDF (pypdfium2) rendered in grey, and the
    resolution it was rendered at (lowered to stay within :data:`MAX_PIXELS`)."""
    p = pdf[page - 1]
    try:
        width, height = p.get_size()
        scale = dpi / 72
        if width * height * scale * scale > MAX_PIXELS:
            scale = (MAX_PIXELS / max(1.0, width * height)) ** 0.5
        bitmap = p.render(scale=scale, grayscale=True)
        return bitmap.to_pil(), scale * 72
    finally:
        p.close()


def pdf_scan_pages(pdf, chars: list[int]) -> list[int]:
    """The pages (1-based) of an open PDF that are scans: ``chars[i]`` is how many
    visible characters page i+1's text layer holds."""
    import pypdfium2.raw as pdfium_c

    out = []
    for index, n in enumerate(chars):
        if n >= TEXT_CHARS:
            continue
        page = pdf[index]
        try:
            width, height = page.get_size()
            area = max(1.0, width * height)
            covered = 0.0
            for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
                left, bottom, right, top = obj.get_bounds()
                covered = max(covered, (max(0.0, min(right, width) - max(left, 0.0)) *
                                        max(0.0, min(top, height) - max(bottom, 0.0))) / area)
            if covered >= IMAGE_SHARE:
                out.append(index + 1)
        finally:
            page.close()
    return out


def thumbnail(path, page: int, width: int = 900) -> bytes:
    """Page ``page`` of the file at ``path`` (a PDF or an image) as a PNG at most
    ``width`` pixels wide, for the viewer; :class:`LoadError` when it cannot be shown."""
    from pathlib import Path

    from searchapp.ingest.read import read_raw

    fmt = "pdf" if str(path).lower().endswith(".pdf") else "image"
    raw = read_raw(Path(path))
    if fmt == "pdf":
        import pypdfium2 as pdfium

        try:
            pdf = pdfium.PdfDocument(raw)
        except pdfium.PdfiumError as exc:
            raise LoadError(f"cannot be read as a PDF ({exc})") from exc
        try:
            if not 1 <= page <= len(pdf):
                raise LoadError(f"the PDF has no page {page}")
            w = pdf[page - 1].get_width()
            image, _ = pdf_page(pdf, page, dpi=min(RENDER_DPI, 72 * width / max(1.0, w)))
        finally:
            pdf.close()
    else:
        image, _ = image_page(raw, page)
        from searchapp.ingest.ocr.prepare import greyscale

        image = greyscale(image) if image.mode not in ("RGB", "L") else image
    if image.width > width:
        image = image.resize((width, max(1, round(image.height * width / image.width))))
    buf = io.BytesIO()
    image.save(buf, "PNG")
    return buf.getvalue()


@dataclass
class ScanRead:
    """What a loader got for its scanned pages: blocks ``(kind, text, page)``, the
    pages whose text came from OCR, the pages still to read, and warnings."""

    blocks: list[tuple[str, str, int]] = field(default_factory=list)
    read: list[int] = field(default_factory=list)
    pending: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_scans(pages: list[int], scans, image_of) -> ScanRead:
    """The text of scanned ``pages`` from ``scans`` (a
    :class:`~searchapp.ingest.ocr.cache.CachedScans`, or None: all still to read);
    ``image_of(page)`` gives a page's image when it must be read now."""
    out = ScanRead()
    if len(pages) > MAX_PAGES:
        out.warnings.append(f"only the first {MAX_PAGES} of {len(pages)} scanned pages are "
                            "read by OCR (page limit per file)")
        pages = pages[:MAX_PAGES]
    for page in pages:
        got = scans.text(page, lambda page=page: image_of(page)) if scans is not None else None
        if got is None:
            out.pending.append(page)
            continue
        out.read.append(page)
        if got.error:
            out.warnings.append(f"page {page}: {got.error}")
        if got.missing_language:
            package = "tesseract-ocr-" + got.missing_language.replace("_", "-")
            out.warnings.append(f"page {page}: {got.script} script read as English "
                                f"(install the {package} package for its language)")
        out.blocks.extend(("body", text, page) for text in got.paragraphs)
    return out
