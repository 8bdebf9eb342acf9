"""A page image made fit to read: greyscale, scaled, deskewed (Pillow and numpy).

* **Scale**: the height of the page's text lines is measured from its row
  profile; lines smaller or larger than :data:`LINE_RANGE` (fine print at 150 dpi,
  a photo taken close) are scaled towards :data:`LINE_PX` (by half to twice).
  Within the range pages are read as they are: rescaling them changed which
  Korean lines Tesseract's layout analysis kept more than it helped.
* **Dust**: a page with large enough text is median-filtered (:data:`DESPECKLE_FROM`).
* **Deskew**: the angle (within ±:data:`MAX_SKEW` degrees) at which the page's
  rows of ink are sharpest -- the projection-profile method, on a small copy --
  and the page turned back by it.  Tesseract's own estimate
  (``AnalyseLayout().Orientation()``) returned 0 for most CJK pages turned 3°.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter, ImageOps

#: Text lines outside this height (pixels) are scaled towards :data:`LINE_PX`.
LINE_RANGE = (16, 80)
LINE_PX = 32
#: Pages whose text lines are at least this high (pixels) are cleaned of dust specks
#: (a 3×3 median): at 300 dpi it took speckled Chinese pages from CER 0.35 to 0.01, at
#: 200 dpi and less it ate the thin strokes of Chinese and Korean (0.01 to 0.39).
DESPECKLE_FROM = 40
#: The size body text is taken to be set in (points), to estimate a page's resolution.
BODY_PT = 12.0
#: The largest skew looked for, in degrees either way.
MAX_SKEW = 8.0
#: Width of the copy the skew and line height are measured on.
_PROBE_WIDTH = 900


def greyscale(image: Image.Image) -> Image.Image:
    """The image in 8-bit grey, transparency on white, EXIF rotation applied."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba)
    return image.convert("L")


def ink_mask(grey: np.ndarray) -> np.ndarray:
    """Dark pixels (ink) by Otsu's threshold."""
    hist = np.bincount(grey.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    if total == 0:
        return np.zeros_like(grey, dtype=bool)
    levels = np.arange(256)
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * levels)
    between = (mean[-1] * weight - mean * total) ** 2 / np.maximum(weight * (total - weight), 1)
    return grey < int(np.argmax(between))


def _probe(image: Image.Image) -> tuple[Image.Image, float]:
    scale = min(1.0, _PROBE_WIDTH / max(1, image.width))
    small = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))),
                         Image.BILINEAR) if scale < 1 else image
    return small, scale


def _sharpness(mask_img: Image.Image, angle: float) -> float:
    turned = np.asarray(mask_img.rotate(angle, resample=Image.NEAREST, fillcolor=0))
    rows = turned.sum(axis=1, dtype=np.float64)
    return float(np.square(np.diff(rows)).sum())


def skew_angle(image: Image.Image) -> float:
    """Degrees (counter-clockwise) to turn ``image`` so its text lines are level."""
    small, _ = _probe(image)
    mask = ink_mask(np.asarray(small))
    if mask.mean() < 0.002:  # an empty page
        return 0.0
    mask_img = Image.fromarray((mask * 255).astype(np.uint8))
    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5)
    best = max(coarse, key=lambda a: _sharpness(mask_img, a))
    fine = np.arange(best - 0.5, best + 0.51, 0.1)
    best = max(fine, key=lambda a: _sharpness(mask_img, a))
    return round(float(best), 1)


def line_height(image: Image.Image) -> float | None:
    """The median height (pixels of ``image``) of its text lines, from the rows
    holding ink; None when there are too few lines to tell."""
    small, scale = _probe(image)
    mask = ink_mask(np.asarray(small))
    rows = mask.mean(axis=1) > 0.004
    edges = np.flatnonzero(np.diff(np.concatenate(([0], rows.astype(np.int8), [0]))))
    heights = edges[1::2] - edges[::2]
    heights = heights[heights >= 3]
    if len(heights) < 3:
        return None
    return float(np.median(heights)) / scale


def turn(image: Image.Image, degrees: float) -> Image.Image:
    """``image`` turned ``degrees`` counter-clockwise on white (the canvas grows)."""
    if degrees % 360 in (90, 180, 270):
        return image.rotate(degrees, expand=True)
    return image.rotate(degrees, resample=Image.BICUBIC, expand=True, fillcolor=255)


def level(page: Image.Image, dpi: float | None) -> tuple[Image.Image, int, float]:
    """An upright greyscale page deskewed and scaled: the page to read, the
    resolution to tell Tesseract, and the angle it was turned by (degrees).

    The resolution is estimated from the text itself (lines of body text are
    about 12 pt: :data:`BODY_PT`) rather than taken from the file: photos say 72
    dpi or nothing, and a Korean page read at 200 dpi but told 300 lost two
    thirds of its text to the layout analysis (``benchmarks/bench_ocr.py``)."""
    angle = skew_angle(page)
    if abs(angle) >= 0.3:
        page = turn(page, angle)
    else:
        angle = 0.0
    height = line_height(page)
    dpi = float(dpi) if dpi and dpi > 30 else 300.0
    if height and height >= DESPECKLE_FROM:  # strokes thick enough to survive it
        page = page.filter(ImageFilter.MedianFilter(3))
    if height:
        dpi = height * 72 / BODY_PT
        if not LINE_RANGE[0] <= height <= LINE_RANGE[1]:
            factor = min(2.0, max(0.5, LINE_PX / height))
            page = page.resize((round(page.width * factor), round(page.height * factor)),
                               Image.LANCZOS)
            dpi *= factor
    return page, min(600, max(70, round(dpi))), angle

