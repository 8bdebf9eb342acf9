"""OCR engines on scanned pages made here: character error rate, pages/s, memory, size.

Pages are typeset in Noto CJK / DejaVu from real texts (``tests/scan_fixtures.py``)
in five languages -- English, Korean, simplified and traditional Chinese,
Japanese -- and made to look scanned in six ways each: clean at 300, 200 and 150
dpi, turned 3° (200 dpi), speckled with dust (200 dpi), turned and speckled
(300 dpi).  Each engine runs in a process of its own (its peak memory is its own):

* ``searchapp`` -- what the indexer runs: tesserocr with the page prepared
  (deskew, scale, resolution from the text) and the language chosen from the
  script of a first pass (:mod:`searchapp.ingest.ocr.engine`);
* ``tesserocr`` -- the same Tesseract told the right language, page as it is
  (automatic page segmentation): what the preparation and the language choice
  add or cost;
* ``pytesseract`` -- the ``tesseract`` command (Debian's 5.3) once per page, told
  the right language: the cost of a process and a model load per page;
* ``rapidocr`` -- RapidOCR 3 on onnxruntime with the models its wheel carries
  (PP-OCR det/rec for Chinese and English), if installed
  (``pip install rapidocr onnxruntime``).

The character error rate (CER) is the edit distance between what was read and
the page's text over the text's length; spaces count for English and Korean
(runs collapsed to one) and are left out for Chinese and Japanese, which do not
use them.  Pages/s is 1 / the median seconds per page.  ``--quick`` reads two
pages with the app's reader only (tests/test_benchmarks.py).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

import scan_fixtures as sf  # noqa: E402

VARIANTS = (  # name, dpi, skew (degrees), speckle (share of pixels)
    ("clean 300 dpi", 300, 0.0, 0.0),
    ("clean 200 dpi", 200, 0.0, 0.0),
    ("clean 150 dpi", 150, 0.0, 0.0),
    ("turned 3°", 200, 3.0, 0.0),
    ("speckled", 200, 0.0, 0.003),
    ("turned and speckled", 300, -2.0, 0.002),
)
TESS_LANG = {"en": "eng", "ko": "kor", "zh-Hans": "chi_sim", "zh-Hant": "chi_tra", "ja": "jpn"}
ENGINES = ("searchapp", "tesserocr", "pytesseract", "rapidocr")


def normalize(text: str, lang: str) -> str:
    if lang in ("zh-Hans", "zh-Hant", "ja"):
        return "".join(text.split())
    return " ".join(text.split())


def cer(hyp: str, ref: str, lang: str) -> float:
    from rapidfuzz.distance import Levenshtein

    hyp, ref = normalize(hyp, lang), normalize(ref, lang)
    return Levenshtein.distance(hyp, ref) / max(1, len(ref))


def pages(quick: bool):
    langs = ("en", "ko") if quick else sf.LANGUAGES
    variants = VARIANTS[1:2] if quick else VARIANTS
    for lang in langs:
        for name, dpi, skew, speckle in variants:
            image = sf.render_page(sf.TEXTS[lang], lang, dpi=dpi, skew=skew, speckle=speckle,
                                   seed=len(name))
            yield lang, name, dpi, image


def reader_for(engine: str):
    """A function reading (image, dpi, lang) -> (text, language used)."""
    if engine == "searchapp":
        from searchapp.ingest.ocr.engine import Reader

        reader = Reader()

        def read(image, dpi, lang):
            got = reader.read(image, dpi)
            return "\n".join(got.paragraphs), got.language
        return read
    if engine == "tesserocr":
        import tesserocr

        from searchapp.ingest.ocr.engine import tessdata_dir

        apis: dict = {}

        def read(image, dpi, lang):
            code = TESS_LANG[lang]
            if code not in apis:
                apis[code] = tesserocr.PyTessBaseAPI(path=str(tessdata_dir()), lang=code)
            api = apis[code]
            api.SetImage(image)
            api.SetSourceResolution(dpi)
            return api.GetUTF8Text(), code
        return read
    if engine == "pytesseract":
        import pytesseract

        def read(image, dpi, lang):
            code = TESS_LANG[lang]
            return pytesseract.image_to_string(image, lang=code, config=f"--dpi {dpi}"), code
        return read
    if engine == "rapidocr":
        import logging

        from rapidocr import RapidOCR

        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        ocr = RapidOCR()

        def read(image, dpi, lang):
            import numpy as np

            result = ocr(np.asarray(image.convert("RGB")))
            return "\n".join(result.txts or ()), "ch (PP-OCR)"
        return read
    raise ValueError(engine)


def run_engine(engine: str, quick: bool) -> dict:
    """One engine over every page (in this process)."""
    start = time.perf_counter()
    read = reader_for(engine)
    load_s = time.perf_counter() - start
    rows = []
    for lang, variant, dpi, image in pages(quick):
        t = time.perf_counter()
        text, used = read(image, dpi, lang)
        seconds = time.perf_counter() - t
        rows.append({"lang": lang, "variant": variant, "cer": round(cer(text, sf.page_text(lang),
                                                                          lang), 4),
                     "seconds": round(seconds, 3), "model": used,
                     "right_model": used == TESS_LANG[lang]})
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"engine": engine, "rows": rows, "load_s": round(load_s, 2),
            "peak_rss_mb": round(rss, 1)}


def _size_mb(dist: str, suffixes: tuple[str, ...] = ()) -> float:
    from importlib import metadata

    try:
        files = metadata.distribution(dist).files or []
    except metadata.PackageNotFoundError:
        return 0.0
    total = 0
    for f in files:
        if not suffixes or str(f).endswith(suffixes):
            path = f.locate()
            if Path(path).is_file():
                total += Path(path).stat().st_size
    return round(total / 2**20, 1)


def carried() -> dict:
    """What a PyInstaller build would carry for each engine (MB on disk)."""
    from searchapp.ingest.ocr.engine import tessdata_dir

    folder = tessdata_dir()
    data = {lang: round((folder / f"{lang}.traineddata").stat().st_size / 2**20, 1)
            for lang in ("eng", "kor", "chi_sim", "chi_tra", "jpn", "osd")
            if folder and (folder / f"{lang}.traineddata").exists()}
    return {"tesserocr wheel (libtesseract, leptonica, image libraries)": _size_mb("tesserocr"),
            "tessdata (Debian, fast models)": data,
            "tessdata total": round(sum(data.values()), 1),
            "rapidocr models (in its wheel)": _size_mb("rapidocr", (".onnx",)),
            "onnxruntime": _size_mb("onnxruntime"),
            "opencv-python-headless (rapidocr needs it)": _size_mb("opencv-python-headless")}


def summarize(result: dict) -> dict:
    by_lang: dict[str, dict] = {}
    for lang in dict.fromkeys(r["lang"] for r in result["rows"]):
        rows = [r for r in result["rows"] if r["lang"] == lang]
        secs = statistics.median(r["seconds"] for r in rows)
        by_lang[lang] = {"cer_median": round(statistics.median(r["cer"] for r in rows), 4),
                         "cer_mean": round(statistics.mean(r["cer"] for r in rows), 4),
                         "cer_worst": round(max(r["cer"] for r in rows), 4),
                         "pages_per_s": round(1 / secs, 3) if secs else 0.0,
                         "right_model": sum(r["right_model"] for r in rows),
                         "pages": len(rows)}
    return by_lang


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engine", choices=ENGINES, help="run one engine here (internal)")
    ap.add_argument("--engines", default="searchapp,tesserocr,pytesseract,rapidocr")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not sf.fonts_available():
        print("the CJK font is missing: apt-get install fonts-noto-cjk", file=sys.stderr)
        return 2
    if args.engine:
        print(json.dumps(run_engine(args.engine, args.quick)))
        return 0
    engines = ["searchapp"] if args.quick else args.engines.split(",")
    out = {"machine": {"cpus": os.cpu_count(), "load": os.getloadavg()}, "engines": {},
           "skipped": {}, "carried_mb": carried(), "variants": [v[0] for v in VARIANTS]}
    for engine in engines:
        proc = subprocess.run([sys.executable, __file__, "--engine", engine] +
                              (["--quick"] if args.quick else []),
                              capture_output=True, text=True, timeout=3600,
                              env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        if proc.returncode != 0:
            out["skipped"][engine] = (proc.stderr.strip().splitlines() or ["failed"])[-1]
            continue
        result = json.loads(proc.stdout)
        result["by_lang"] = summarize(result)
        out["engines"][engine] = result
    if args.json:
        print(json.dumps(out, ensure_ascii=False))
        return 0
    print(f"machine: {out['machine']['cpus']} CPUs, load {out['machine']['load'][0]:.1f}")
    for engine, result in out["engines"].items():
        print(f"\n{engine}: models loaded in {result['load_s']} s, peak RSS "
              f"{result['peak_rss_mb']} MB")
        print(f"  {'language':8} {'CER median':>10} {'mean':>7} {'worst':>7} {'pages/s':>8}"
              f" {'model right':>11}")
        for lang, row in result["by_lang"].items():
            print(f"  {lang:8} {row['cer_median']:10.3f} {row['cer_mean']:7.3f} "
                  f"{row['cer_worst']:7.3f} {row['pages_per_s']:8.2f} "
                  f"{row['right_model']:>5}/{row['pages']}")
    for engine, why in out["skipped"].items():
        print(f"\n{engine}: not run ({why})")
    print("\ncarried by a build (MB):", json.dumps(out["carried_mb"], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
