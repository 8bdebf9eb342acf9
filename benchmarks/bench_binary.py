"""Binary data named as text, and real text that must not be taken for it.

Runs :func:`searchapp.ingest.read.decode_bytes` over

* **random data** of ten kinds (any bytes, no control bytes, high bytes only, a UTF-8
  or UTF-16 byte-order mark before random bytes, random code points as valid UTF-8 or
  UTF-16, bytes only in the ranges of legacy CJK encodings), each at 100 B - 200 KB,
  over several seeds: how many are refused as binary (all should be);
* **real text**: the extraction bench pages (2019 and 2025), the seed articles, the test
  fixtures and ``benchmarks/extraction_pages``, and the example sentences spaCy ships
  for every language -- as UTF-8 and, where a legacy encoding of the language can write
  them, in that encoding: how many are refused (none should be) and how many legacy
  ones decode to other text.

    python benchmarks/bench_binary.py [--seeds 5] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import pkgutil
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from searchapp.errors import LoadError  # noqa: E402
from searchapp.ingest.read import decode_bytes  # noqa: E402

SHARED = ROOT.parent / "shared"
SIZES = (100, 255, 1024, 4096, 50_000, 200_000)
# A legacy encoding for the languages whose example sentences it can write.
LEGACY = {"ru": "cp1251", "uk": "cp1251", "bg": "cp1251", "mk": "cp1251", "sr": "cp1251",
          "el": "cp1253", "he": "cp1255", "ar": "cp1256", "fa": "cp1256", "ur": "cp1256",
          "tr": "cp1254", "pl": "iso8859_2", "cs": "iso8859_2", "sk": "iso8859_2",
          "hu": "iso8859_2", "hr": "iso8859_2", "sl": "iso8859_2", "ro": "iso8859_16",
          "lt": "cp1257", "lv": "cp1257", "et": "cp1257", "de": "cp1252", "fr": "cp1252",
          "es": "cp1252", "pt": "cp1252", "it": "cp1252", "nl": "cp1252", "da": "cp1252",
          "sv": "cp1252", "nb": "cp1252", "fi": "cp1252", "is": "cp1252", "ca": "cp1252",
          "ja": "shift_jis", "ko": "cp949", "zh": "gb18030", "th": "cp874", "vi": "cp1258"}


def _code_points(rng: random.Random, count: int, low: int, high: int) -> str:
    out = []
    while len(out) < count:
        cp = rng.randint(low, high)
        if not 0xD800 <= cp <= 0xDFFF:
            out.append(chr(cp))
    return "".join(out)


RANDOM = {
    "any bytes": lambda rng, n: rng.randbytes(n),
    "no control bytes": lambda rng, n: bytes(rng.randrange(32, 256) for _ in range(n)),
    "high bytes": lambda rng, n: bytes(rng.randrange(128, 256) for _ in range(n)),
    "UTF-8 BOM + bytes": lambda rng, n: b"\xef\xbb\xbf" + rng.randbytes(n),
    "UTF-16 BOM + bytes": lambda rng, n: b"\xff\xfe" + rng.randbytes(n),
    "UTF-8 code points": lambda rng, n: _code_points(rng, n // 3, 0x80, 0xFFFF).encode(),
    "UTF-8 Han": lambda rng, n: _code_points(rng, n // 3, 0x4E00, 0x9FFF).encode(),
    "UTF-8 Hangul": lambda rng, n: _code_points(rng, n // 3, 0xAC00, 0xD7A3).encode(),
    "UTF-16 Han": lambda rng, n: _code_points(rng, n // 2, 0x4E00, 0x9FFF).encode("utf-16-le"),
    "EUC byte pairs": lambda rng, n: bytes(rng.randrange(0xA1, 0xFF) for _ in range(n)),
}


#: NUL bytes put into real text at random places: a few, then a share of its bytes.
NUL_SHARES = {"3 NULs": 3, "0.5% NULs": 0.005, "2% NULs": 0.02, "4% NULs": 0.04,
              "10% NULs": 0.10}


def with_nuls(raw: bytes, amount: float, rng: random.Random) -> bytes:
    """``raw`` with NUL bytes inserted at random places (``amount``: a count, or a share)."""
    count = int(amount) if amount >= 1 else max(1, round(amount * len(raw)))
    out = bytearray(raw)
    for at in sorted(rng.randrange(len(out) + 1) for _ in range(count))[::-1]:
        out[at:at] = b"\x00"
    return bytes(out)


def refused(raw: bytes) -> bool:
    try:
        decode_bytes(raw, html=True)
    except LoadError:
        return True
    return False


def real_files() -> dict[str, bytes]:
    paths = sorted(SHARED.glob("bench/*/html/*.html.gz")) + sorted(SHARED.glob("seeds/*")) \
        + sorted((ROOT / "tests" / "fixtures" / "html").glob("*.htm*")) \
        + sorted((ROOT / "benchmarks" / "extraction_pages").glob("*.html"))
    out = {}
    for p in paths:
        raw = p.read_bytes()
        out[str(p)] = gzip.decompress(raw) if p.suffix == ".gz" else raw
    return out


def example_sentences() -> dict[str, list[str]]:
    import spacy.lang

    out = {}
    for m in pkgutil.iter_modules(spacy.lang.__path__):
        try:
            out[m.name] = list(importlib.import_module(f"spacy.lang.{m.name}.examples").sentences)
        except ImportError:
            continue
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    result: dict[str, dict] = {"random": {}, "real": {}}
    start = time.perf_counter()
    for kind, make in RANDOM.items():
        n = hits = 0
        for seed in range(args.seeds):
            for size in SIZES:
                n += 1
                hits += refused(make(random.Random(seed * 7919 + size), size))
        result["random"][kind] = {"files": n, "refused": hits}
    random_s = time.perf_counter() - start

    files = real_files()
    wrong_files = [k for k, raw in files.items() if refused(raw)]
    result["real"]["files"] = {"files": len(files), "refused": len(wrong_files),
                               "which": wrong_files}
    sentences = example_sentences()
    utf8 = [(lang, s) for lang, ss in sentences.items() for s in ss]
    whole = [(lang, "\n".join(ss)) for lang, ss in sentences.items()]
    bad_utf8 = [(lang, s) for lang, s in utf8 + whole if refused(s.encode())]
    result["real"]["sentences UTF-8"] = {"files": len(utf8) + len(whole),
                                         "refused": len(bad_utf8), "which": bad_utf8}
    n = ref = wrong = 0
    which = []
    for lang, enc in LEGACY.items():
        for s in sentences.get(lang, []):
            try:
                raw = s.encode(enc)
            except UnicodeEncodeError:
                continue
            if raw.isascii():
                continue
            n += 1
            try:
                got = decode_bytes(raw).text
            except LoadError:
                ref += 1
                which.append((lang, enc, s))
                continue
            wrong += got != s
    result["real"]["sentences in legacy encodings"] = {
        "files": n, "refused": ref, "decoded to other text": wrong, "which": which}

    # stray NULs: real text with them is read (up to 5%, the rest clean UTF-8), random
    # data with them is not
    result["nuls"] = {}
    rng = random.Random(1)
    texts = [raw for raw in files.values() if len(raw) >= 2000][::4]
    for label, amount in NUL_SHARES.items():
        read = sum(not refused(with_nuls(raw, amount, rng)) for raw in texts)
        result["nuls"][f"real text + {label}"] = {"files": len(texts), "read": read}
    for kind in ("no control bytes", "UTF-8 Han", "UTF-8 code points"):
        made = [RANDOM[kind](random.Random(seed * 7919 + size), size)
                for seed in range(args.seeds) for size in SIZES]
        hits = sum(refused(with_nuls(raw, 0.01, rng)) for raw in made)
        result["nuls"][f"{kind} + 1% NULs"] = {"files": len(made), "refused": hits}

    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(f"random data ({args.seeds} seeds x {len(SIZES)} sizes, {random_s:.1f} s):")
    for kind, r in result["random"].items():
        print(f"  {kind:22} refused {r['refused']:3}/{r['files']}")
    print("real text:")
    for kind, r in result["real"].items():
        extra = f", decoded to other text {r['decoded to other text']}" \
            if "decoded to other text" in r else ""
        print(f"  {kind:32} refused {r['refused']}/{r['files']}{extra}")
        for w in r["which"][:5]:
            print(f"      {w}")
    print("stray NUL bytes:")
    for kind, r in result["nuls"].items():
        what = "read" if "read" in r else "refused"
        print(f"  {kind:32} {what} {r[what]}/{r['files']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
