"""Cross-validated extraction benchmark over two eras, folds grouped by site.

The pages of ``../shared/bench/extraction`` (88 news pages of 2019) and
``../shared/bench/extraction-modern`` (300 article pages of 2025) are split into
K folds *by site* (the url's registered domain: no site is in a training and a
test fold at once), each era spread over the folds.  For each fold the
:class:`~searchapp.ingest.html.rules.Rules` are chosen from a grid on the
other folds, by the smaller of the two eras' gains over trafilatura's own output
(``TRAFILATURA_ONLY``): a rule set is chosen only if it beats trafilatura on the
training pages of *both* eras, otherwise trafilatura's output stands.  The
choice is scored on the held-back fold, per era, beside trafilatura as shipped
(``trafilatura.extract`` defaults, its own XPath), its precision and recall
modes, readability-lxml and Resiliparse (when installed: the ``bench`` extra)
and, for 2019, the benchmark's reference outputs, all on the same folds.

Also printed: what each rule of the shipped rules is worth on held-back pages
of each era (the rule switched off, everything else as shipped), the text
the indexer gets (``load_document``: every paragraph but the title), and the
hand-written pages of ``benchmarks/extraction_pages`` as a check no rule saw.

    python benchmarks/bench_extraction_cv.py [--folds 5] [--seed 0] [--json]
        [--cache FILE]   # keep the per-page candidates between runs (same code only)
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import itertools
import json
import pickle
import statistics
import sys
import tempfile
from dataclasses import asdict, fields, replace
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from searchapp.ingest.html import _trafilatura as trafilatura_fast  # noqa: E402
from searchapp.ingest.html.extract import article_candidates, extract_article  # noqa: E402
from searchapp.ingest.html.rules import (  # noqa: E402
    DEFAULT_RULES,
    PRIMARY_MODES,
    TRAFILATURA_ONLY,
    Block,
    Candidates,
    Rules,
    choose,
)
from searchapp.ingest.read import decode_bytes  # noqa: E402

SHARED = ROOT.parent / "shared" / "bench"
ERAS = {"2019": SHARED / "extraction", "2025": SHARED / "extraction-modern"}
EXTRA = ROOT / "benchmarks" / "extraction_pages"

# The grid.  replace_ratio, min_coverage (one at a time they change no page) and
# keep_ratio (a guarantee: never under half of an extractor's own output) stay fixed;
# so does tail (0: cross-validation on 2019 turned the trailing-headline rule off).
GRID = {
    "primary": PRIMARY_MODES,
    "agree_below": (0.0, 0.8, 1.0, float("inf")),
    "notices": (True, False),
    "estimate_ratio": (1.3, 2.0, float("inf")),
    "short": (100, 200, 400),
    "recall_below": (0.1, 0.25),
}
# Single rules switched off one at a time (the shipped rules otherwise).
ABLATIONS = {
    "agreement: never (per-page choice by agreement)": {"agree_below": 0.0},
    "agreement: on every page": {"agree_below": float("inf")},
    "notices (promotional lines dropped)": {"notices": False},
    "bs4 pass when the page holds more text": {"estimate_ratio": float("inf")},
    "recall mode when short or < share of the page": {"short": 0, "recall_below": 0.0},
    "primary: fast+precision instead": {"primary": "fast+precision"},
    "primary: balanced instead": {"primary": "balanced"},
}


def rules_grid() -> list[Rules]:
    """trafilatura alone first (the baseline), then the shipped rules, then the rest."""
    out = [TRAFILATURA_ONLY, DEFAULT_RULES]
    keys = list(GRID)
    for values in itertools.product(*(GRID[k] for k in keys)):
        r = replace(DEFAULT_RULES, **dict(zip(keys, values, strict=True)))
        if r not in out:
            out.append(r)
    return out


def site(url: str) -> str:
    """The url's registered domain (``www.bbc.co.uk`` -> ``bbc.co.uk``)."""
    try:
        from tld import get_fld  # installed with trafilatura (courlan)

        found = get_fld(url, fail_silently=True)
        if found:
            return found
    except ImportError:
        pass
    host = urlsplit(url).hostname or url
    return ".".join(host.split(".")[-2:])


def make_folds(pages: dict[tuple[str, str], dict], k: int, seed: int) -> list[set]:
    """K folds of page keys, grouped by site, each era spread evenly: within each era,
    sites (largest first, ties in a seeded order) go to the fold with fewest pages."""
    folds: list[set] = [set() for _ in range(k)]
    for era in ERAS:
        by_site: dict[str, list] = {}
        for key, p in pages.items():
            if key[0] == era:
                by_site.setdefault(p["site"], []).append(key)
        order = sorted(by_site, key=lambda s: (-len(by_site[s]),
                                               hashlib.sha1(f"{seed}:{s}".encode()).hexdigest()))
        counts = [0] * k
        for s in order:
            i = min(range(k), key=lambda j: (counts[j], j))
            folds[i].update(by_site[s])
            counts[i] += len(by_site[s])
    return folds


class Scorer:
    """The benchmark's ``score.py`` (4-gram shingles, pages weighted equally), cached."""

    def __init__(self, truth: dict) -> None:
        spec = importlib.util.spec_from_file_location("extraction_score",
                                                      next(iter(ERAS.values())) / "score.py")
        self.module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(self.module)
        self.truth = truth
        self.cache: dict = {}

    def page(self, key, text: str) -> tuple[float, float, float]:
        hit = self.cache.get((key, text))
        if hit is None:
            hit = self.module.page_counts(self.truth[key], text)
            self.cache[(key, text)] = hit
        return hit

    def score(self, keys, pred: dict) -> tuple[float, float, float]:
        precs, recs = [], []
        for key in keys:
            tp, fp, fn = self.page(key, pred.get(key, ""))
            if tp + fp > 0:
                precs.append(1.0 if fp == fn == 0 else tp / (tp + fp))
            if tp + fn > 0:
                recs.append(1.0 if fp == fn == 0 else tp / (tp + fn))
        p = sum(precs) / len(precs) if precs else 0.0
        r = sum(recs) / len(recs) if recs else 0.0
        return (2 * p * r / (p + r) if p + r else 0.0), p, r


# --- what every page offers ---------------------------------------------------------


def load_pages() -> dict[tuple[str, str], dict]:
    pages = {}
    for era, bench in ERAS.items():
        truth = json.loads((bench / "ground-truth.json").read_text())
        for key, v in truth.items():
            raw = gzip.open(bench / "html" / f"{key}.html.gz").read()
            pages[(era, key)] = {"html": decode_bytes(raw).text, "raw": raw,
                                 "truth": v.get("articleBody", ""), "site": site(v.get("url", key))}
    return pages


def gather(pages: dict, cache: Path | None) -> dict:
    """Per page: every candidate the rules choose from (as block lists) and every
    reference extractor's text.  Cached in ``cache`` when given (delete it when
    the extraction code changes)."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    import trafilatura

    out = {}
    for key, p in pages.items():
        c = article_candidates(p["html"])
        entry: dict = {"refs": {}}
        if c is not None:
            entry["cand"] = {
                "primaries": {m: _plain(c.primary_of(m)) for m in PRIMARY_MODES},
                "estimate": c.estimate, "region": c.region[1], "bs4": _plain(c.bs4),
                "recall": _plain(c.recall), "second": _plain(c.second)}
        out[key] = entry
    with trafilatura_fast.trafilatura_own_xpath():  # trafilatura as it ships
        for name, kw in (("trafilatura as shipped", {}),
                         ("trafilatura favor_precision", {"favor_precision": True}),
                         ("trafilatura favor_recall", {"favor_recall": True})):
            for key, p in pages.items():
                out[key]["refs"][name] = trafilatura.extract(p["html"], **kw) or ""
    for name, fn in _other_references().items():
        for key, p in pages.items():
            out[key]["refs"][name] = fn(p["html"])
    for era, bench in ERAS.items():  # outputs shipped with the benchmark (2019 only)
        refs_path = bench / "reference-outputs.json"
        if refs_path.exists():
            for name, entry in json.loads(refs_path.read_text()).items():
                pred = entry.get("output", entry) if isinstance(entry, dict) else entry
                for key in out:
                    if key[0] == era:
                        got = pred.get(key[1], "")
                        got = got.get("articleBody", "") if isinstance(got, dict) else got
                        out[key]["refs"][f"{name} (benchmark's output)"] = got or ""
    if cache is not None:
        cache.write_bytes(pickle.dumps(out))
    return out


def _plain(blocks: list[Block]) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks]


def _blocks(plain) -> list[Block]:
    return [Block(k, t) for k, t in plain]


def _other_references() -> dict:
    """readability-lxml and Resiliparse, when installed (``pip install -e '.[bench]'``)."""
    refs = {}
    try:
        import lxml.html
        from readability import Document

        def readability_text(html: str) -> str:
            try:
                summary = lxml.html.fromstring(Document(html).summary(html_partial=True))
            except Exception:
                return ""
            parts = [" ".join(el.text_content().split()) for el in summary.iter(
                "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "pre", "blockquote")]
            return "\n\n".join(p for p in parts if p) or " ".join(summary.text_content().split())

        refs["readability-lxml"] = readability_text
    except ImportError:
        pass
    try:
        from resiliparse.extract.html2text import extract_plain_text

        refs["resiliparse (main content)"] = lambda html: extract_plain_text(html,
                                                                             main_content=True)
    except ImportError:
        pass
    return refs


def candidates_of(entry: dict) -> Candidates | None:
    cand = entry.get("cand")
    if cand is None:
        return None
    return Candidates({m: _blocks(b) for m, b in cand["primaries"].items()}, cand["estimate"],
                      lambda: (None if not cand["region"] else "", cand["region"]),
                      lambda html: _blocks(cand["bs4"]), lambda: _blocks(cand["recall"]),
                      lambda: _blocks(cand["second"]))


def outputs(found: dict, rules: Rules) -> dict:
    """Each page's article text under ``rules``."""
    out = {}
    for key, entry in found.items():
        c = candidates_of(entry)
        out[key] = "\n\n".join(b.text for b in choose(c, rules)[0]) if c is not None else ""
    return out


# --- cross-validation ---------------------------------------------------------------


def per_era(keys) -> dict[str, list]:
    out: dict[str, list] = {era: [] for era in ERAS}
    for key in keys:
        out[key[0]].append(key)
    return out


def cross_validate(scorer: Scorer, folds: list[set], grid: list[Rules], preds: list[dict],
                   refs: dict[str, dict]) -> dict:
    """Rules chosen on the training folds (the smaller era gain over trafilatura alone),
    every extractor scored on the held-back folds, per era."""
    rows = []
    for i, held in enumerate(folds):
        train = per_era(k for f in folds if f is not held for k in f)
        test = per_era(held)
        base = {era: scorer.score(keys, preds[0])[0] for era, keys in train.items()}
        gains = [min(scorer.score(keys, pred)[0] - base[era] for era, keys in train.items())
                 for pred in preds]
        best = max(range(len(grid)), key=lambda j: (round(gains[j], 6), -j))
        if gains[best] <= 0:
            best = 0  # no rule set beats trafilatura on both eras: its output stands
        row = {"fold": i + 1, "rules": _diff(grid[best]), "gain_on_training": gains[best],
               "scores": {}}
        for era, keys in test.items():
            row["scores"][era] = {"pages": len(keys),
                                  "ours (rules chosen on training folds)":
                                      scorer.score(keys, preds[best]),
                                  "ours (shipped rules)": scorer.score(keys, preds[1]),
                                  **{name: scorer.score(keys, pred) for name, pred in refs.items()
                                     if any(pred.get(k) is not None for k in keys)}}
        rows.append(row)
    mean = {}
    for era in ERAS:
        names = rows[0]["scores"][era].keys() - {"pages"}
        mean[era] = {n: tuple(statistics.mean(r["scores"][era][n][j] for r in rows)
                              for j in range(3)) for n in names}
    return {"per_fold": rows, "mean": mean}


def ablations(scorer: Scorer, folds: list[set], found: dict) -> dict:
    """Held-back F1 per era (mean over folds) of the shipped rules with one rule changed."""
    out = {}
    for name, change in {"shipped rules": {}, **ABLATIONS}.items():
        pred = outputs(found, replace(DEFAULT_RULES, **change))
        out[name] = {era: statistics.mean(scorer.score(per_era(f)[era], pred)[0] for f in folds)
                     for era in ERAS}
    return out


def indexed_text(pages: dict) -> dict:
    """What the indexer keeps of each page: every paragraph of ``load_document`` but
    the title (headings, captions and credits are indexed too)."""
    from searchapp.ingest.pipeline import load_document

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for key, p in pages.items():
            path = Path(tmp) / f"{key[0]}-{key[1]}.html"
            path.write_bytes(p["raw"])
            try:
                doc = load_document(path)
            except Exception:
                out[key] = ""
                continue
            out[key] = "\n\n".join(q.text for q in doc.paragraphs if q.kind != "title")
    return out


def hand_written_pages() -> dict:
    """The pages of ``benchmarks/extraction_pages`` (written by hand, seen by no rule)."""
    import trafilatura

    truth = json.loads((EXTRA / "ground-truth.json").read_text())
    keys = list(truth)
    scorer = Scorer({k: v.get("articleBody", "") for k, v in truth.items()})
    html = {k: (EXTRA / k).read_text(encoding="utf-8") for k in keys}
    out = {"pages": len(keys),
           "ours (shipped rules)": scorer.score(keys, {k: extract_article(h).text
                                                       for k, h in html.items()}),
           "trafilatura only (TRAFILATURA_ONLY)": scorer.score(
               keys, {k: extract_article(h, rules=TRAFILATURA_ONLY).text for k, h in html.items()})}
    with trafilatura_fast.trafilatura_own_xpath():
        out["trafilatura as shipped"] = scorer.score(keys, {k: trafilatura.extract(h) or ""
                                                            for k, h in html.items()})
    return out


def _diff(rules: Rules) -> str:
    if rules == TRAFILATURA_ONLY:
        return "trafilatura only"
    d = {f.name: getattr(rules, f.name) for f in fields(rules)
         if getattr(rules, f.name) != getattr(DEFAULT_RULES, f.name)}
    return ", ".join(f"{k}={v}" for k, v in d.items()) or "shipped"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cache", type=Path, help="keep the candidates here between runs")
    ap.add_argument("--no-pipeline", action="store_true", help="skip load_document's text")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    pages = load_pages()
    scorer = Scorer({k: p["truth"] for k, p in pages.items()})
    found = gather(pages, args.cache)
    folds = make_folds(pages, args.folds, args.seed)
    grid = rules_grid()
    preds = [outputs(found, r) for r in grid]
    names = sorted({n for e in found.values() for n in e["refs"]})
    refs = {n: {k: e["refs"][n] for k, e in found.items() if n in e["refs"]} for n in names}
    if not args.no_pipeline:
        refs["ours, indexed text (load_document, shipped rules)"] = indexed_text(pages)
    report = {"folds": [dict(zip(ERAS, map(len, per_era(f).values()), strict=True))
                        for f in folds],
              "sites": {era: len({p["site"] for k, p in pages.items() if k[0] == era})
                        for era in ERAS},
              "seed": args.seed, "grid": len(grid),
              **cross_validate(scorer, folds, grid, preds, refs),
              "ablations": ablations(scorer, folds, found),
              "hand_written": hand_written_pages()}
    if args.json:
        print(json.dumps(report, indent=1, default=lambda o: asdict(o)))
    else:
        _print(report)
    return 0


def _fmt(s) -> str:
    return f"{s[0]:.3f} {s[1]:.3f} {s[2]:.3f}"


def _print(rep: dict) -> None:
    print(f"{len(rep['folds'])} folds grouped by site (seed {rep['seed']}; sites: "
          + ", ".join(f"{e} {n}" for e, n in rep["sites"].items()) + "); pages per fold: "
          + "; ".join(", ".join(f"{e} {n}" for e, n in f.items()) for f in rep["folds"]))
    print(f"rules chosen from {rep['grid']} sets on the training folds "
          "(the smaller era gain over trafilatura alone):")
    for r in rep["per_fold"]:
        print(f"  fold {r['fold']}: {r['rules']} (training gain {r['gain_on_training']:+.4f})")
    for era in ERAS:
        print(f"\n{era}: held-back folds, F1 P R (mean over folds; per fold F1)")
        rows = rep["mean"][era]
        for name in sorted(rows, key=lambda n: -rows[n][0]):
            per = " ".join(f"{r['scores'][era][name][0]:.3f}" for r in rep["per_fold"])
            print(f"  {name:52} {_fmt(rows[name])}   {per}")
    print("\neach rule's worth: held-back F1 (mean over folds) with that rule changed")
    for name, by_era in rep["ablations"].items():
        print(f"  {name:48} " + "  ".join(f"{e} {v:.4f}" for e, v in by_era.items()))
    hw = rep["hand_written"]
    print(f"\nhand-written pages ({hw['pages']}, benchmarks/extraction_pages):")
    for name, s in hw.items():
        if name != "pages":
            print(f"  {name:40} {_fmt(s)}")


if __name__ == "__main__":
    sys.exit(main())
