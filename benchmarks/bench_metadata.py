"""Metadata benchmark: title, authors, date and url against the benchmarks' ground truth.

Scores what ``searchapp extract --json`` gives (:func:`searchapp.ingest.pipeline.load_document`)
beside trafilatura's ``extract_metadata`` (as shipped, its own XPath) and htmldate's
``find_date`` (dates only) on the same pages in the same run:

* ``../shared/bench/extraction-modern`` (300 pages of 2025; ground truth with title, author,
  date and url, written by a language model, so noisy but the same for every extractor);
* ``../shared/bench/extraction`` (88 news pages of 2019; its ground truth has the url only).

Matching, each reported:

* **title** -- *exact*: equal after folding case, accents, quotes and punctuation;
  *contains*: one holds the other (the ground truth sometimes keeps a " | Site" suffix).
* **author** (pages whose ground truth names one) -- *set*: the names given are exactly
  the ground truth's pieces (split at ``,`` ``;`` ``&`` ``|`` and "and"), folded,
  honorifics (Dr, Prof, Mr ...) ignored, so credentials the truth keeps ("Dylan Bailey,
  MS, RD") count against whoever drops them; *names*: at least one name given, every
  name given is one of the truth's pieces, and every piece of two or more capitalised
  words (a person's or organisation's name, not "MS" or "Dietitian") is given;
  *token F1*: words of the names against words of the truth, per page, averaged.
  Also counted: pages where one is given and the truth has none.
* **date** (pages whose ground truth has one) -- equal at day precision; also counted:
  a date given where the truth has none.
* **url** -- equal after dropping the scheme, ``www.`` and a trailing slash.

Rules were chosen looking at the *dev* half of the sites only (sites split by a hash of
their host name, so all pages of a site fall on one side); figures are printed for the
dev half, the *held-back* half and all pages.

    python benchmarks/bench_metadata.py [--set modern|2019|both] [--json] [--dump FILE]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import statistics
import sys
import time
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from searchapp.errors import LoadError  # noqa: E402
from searchapp.ingest.html import _trafilatura as trafilatura_fast  # noqa: E402
from searchapp.ingest.pipeline import load_document  # noqa: E402
from searchapp.ingest.read import decode_bytes  # noqa: E402

SETS = {
    "modern": ROOT.parent / "shared" / "bench" / "extraction-modern",
    "2019": ROOT.parent / "shared" / "bench" / "extraction",
}
FIELDS = ("title", "authors", "date", "url")
_HONORIFICS = {"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "sir", "dame"}


# --- normalising -------------------------------------------------------------


def fold(text: str) -> str:
    """Case, accents, quotes, dashes and punctuation folded away; words kept."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", text.casefold()))


def split_names(text: str) -> list[str]:
    """The ground truth's author string as names (no judgement of what is a name)."""
    pieces = re.split(r"\s*(?:[,;&|]|\band\b)\s*", text or "")
    return [p for p in (fold(p) for p in pieces) if p]


def name_key(name: str) -> str:
    words = fold(name).split()
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def url_key(url: str) -> str:
    parts = urlsplit((url or "").strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" + (f"?{parts.query}" if parts.query else "")


def site(url: str) -> str:
    return urlsplit(url or "").netloc.lower().removeprefix("www.")


def held_back(url: str) -> bool:
    """The half of the sites kept out of choosing rules."""
    return int(hashlib.sha1(site(url).encode()).hexdigest(), 16) % 2 == 1


# --- scoring -----------------------------------------------------------------


def score_page(truth: dict, got: dict) -> dict:
    """Per-field verdicts for one page (None: the ground truth has nothing to judge by)."""
    out: dict[str, object] = {}
    if truth.get("title"):
        t, g = fold(truth["title"]), fold(got.get("title", ""))
        out["title_exact"] = t == g
        out["title_contains"] = bool(g) and (g in t or t in g)
    if truth.get("author"):
        want = {name_key(n) for n in split_names(truth["author"])} - {""}
        have = {name_key(n) for n in got.get("authors") or []} - {""}
        out["author_set"] = have == want
        needed = {k for k in want if len(k.split()) >= 2 and _capitalised(truth["author"], k)}
        out["author_names"] = bool(have) and have <= want and needed <= have
        tw = [w for w in fold(truth["author"]).split() if w not in _HONORIFICS]
        gw = [w for n in have for w in n.split()]
        common = sum(min(tw.count(w), gw.count(w)) for w in set(gw))
        p = common / len(gw) if gw else 0.0
        r = common / len(tw) if tw else 0.0
        out["author_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    elif "author" in truth:
        out["author_extra"] = bool(got.get("authors"))
    if truth.get("date"):
        out["date"] = (got.get("date") or "")[:10] == truth["date"][:10]
    elif "date" in truth:
        out["date_extra"] = bool(got.get("date"))
    if truth.get("url"):
        out["url"] = bool(got.get("url")) and url_key(got["url"]) == url_key(truth["url"])
    return out


def _capitalised(text: str, key: str) -> bool:
    """Whether the piece of ``text`` folding to ``key`` has every word capitalised."""
    for piece in re.split(r"\s*(?:[,;&|]|\band\b)\s*", text):
        if name_key(piece) == key:
            return all(w[:1].isupper() for w in piece.split() if w[:1].isalpha())
    return False


def summarize(verdicts: list[dict]) -> dict:
    """Mean of each measure over the pages where it applies, with the page count."""
    keys = sorted({k for v in verdicts for k in v})
    out = {}
    for k in keys:
        vals = [float(v[k]) for v in verdicts if k in v]
        out[k] = (round(statistics.fmean(vals), 3) if vals else None, len(vals))
    return out


# --- extractors ----------------------------------------------------------------


def ours(key: str, raw: bytes) -> dict:
    try:
        doc = load_document(Path(f"{key}.html"), raw=raw)
    except LoadError:
        return {}
    m = doc.meta
    return {"title": m.title, "authors": m.authors, "date": m.date, "url": m.url,
            "source": m.source}


def trafilatura_meta(key: str, raw: bytes) -> dict:
    from trafilatura.metadata import extract_metadata

    doc = extract_metadata(decode_bytes(raw, html=True).text)
    names = [n.strip() for n in (doc.author or "").split(";") if n.strip()]
    return {"title": doc.title or "", "authors": names, "date": doc.date or "",
            "url": doc.url or "", "source": doc.sitename or ""}


def htmldate_only(key: str, raw: bytes) -> dict:
    from htmldate import find_date

    return {"date": find_date(decode_bytes(raw, html=True).text, original_date=True) or ""}


EXTRACTORS = {
    "searchapp": ours,
    "trafilatura extract_metadata": trafilatura_meta,
    "htmldate find_date": htmldate_only,
}


def run(bench: Path, names: list[str]) -> tuple[dict, dict, dict]:
    truth = json.loads((bench / "ground-truth.json").read_text())
    raw = {k: gzip.open(bench / "html" / f"{k}.html.gz").read() for k in truth}
    got: dict[str, dict] = {}
    rate: dict[str, float] = {}
    for name in names:
        fn = EXTRACTORS[name]
        start = time.perf_counter()
        if name == "searchapp":
            got[name] = {k: fn(k, b) for k, b in raw.items()}
        else:
            with trafilatura_fast.trafilatura_own_xpath():
                got[name] = {k: fn(k, b) for k, b in raw.items()}
        rate[name] = len(raw) / (time.perf_counter() - start)
    return truth, got, rate


def report(truth: dict, got: dict, rate: dict) -> dict:
    out = {}
    for name, pages in got.items():
        parts = {"dev": [], "held-back": [], "all": []}
        for k, t in truth.items():
            v = score_page(t, pages.get(k, {}))
            if name == "htmldate find_date":
                v = {x: y for x, y in v.items() if x.startswith("date")}
            parts["held-back" if held_back(t.get("url", "")) else "dev"].append(v)
            parts["all"].append(v)
        out[name] = {p: summarize(v) for p, v in parts.items()}
        out[name]["pages_per_s"] = round(rate[name], 1)
    return out


MEASURES = ("title_exact", "title_contains", "author_set", "author_names", "author_f1",
            "author_extra",
            "date", "date_extra", "url")


def print_table(label: str, results: dict, parts: tuple[str, ...]) -> None:
    print(f"\n## {label}")
    for part in parts:
        print(f"\n{part}:")
        header = f"{'extractor':30}" + "".join(f"{m:>16}" for m in MEASURES)
        print(header)
        for name, res in results.items():
            cells = []
            for m in MEASURES:
                val, n = res[part].get(m, (None, 0))
                cells.append(f"{'-' if val is None else f'{val:.3f}'} ({n})".rjust(16))
            print(f"{name:30}" + "".join(cells))
    print("\npages/s (one process, decoding included): " + ", ".join(
        f"{n} {r['pages_per_s']}" for n, r in results.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("modern", "2019", "both"), default="both")
    ap.add_argument("--only", choices=tuple(EXTRACTORS), action="append",
                    help="run only these extractors (default: all)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dev-only", action="store_true", help="print the dev half only")
    ap.add_argument("--dump", type=Path, help="write every extractor's metadata here (JSON)")
    args = ap.parse_args(argv)

    names = args.only or list(EXTRACTORS)
    everything, dumped = {}, {}
    for label in (("modern", "2019") if args.set == "both" else (args.set,)):
        truth, got, rate = run(SETS[label], names)
        everything[label] = report(truth, got, rate)
        dumped[label] = got
        if not args.json:
            print_table(f"{label} ({len(truth)} pages)", everything[label],
                        ("dev",) if args.dev_only else ("dev", "held-back", "all"))
    if args.dump:
        args.dump.write_text(json.dumps(dumped, ensure_ascii=False, indent=1))
    if args.json:
        print(json.dumps(everything, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
