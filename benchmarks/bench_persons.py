#!/usr/bin/env python3
"""Person recognition without a registry: precision/recall and speed.

usage: python benchmarks/bench_persons.py [--paragraphs 3000] [--json]

1. The seeds (corpus/*.txt) read without persons.toml, against the persons
   today's curated registry finds in each document (photographers, whom the
   registry lists, left out: a credit is not a mention).
2. 15 news pages of shared/bench/extraction (their ground-truth article text,
   one paragraph per blank-line block) against benchmarks/persons_gold.json,
   annotated by hand.  Distinct persons per page, micro-averaged.
3. Speed: the seeds' paragraphs replicated to --paragraphs, through
   Recognizer.recognize (the model, batched) and find_persons (the rules),
   beside spaCy's own nlp.pipe on the same texts in the same run; peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from searchapp.ingest.entities import Registry  # noqa: E402
from searchapp.ingest.metadata import Catalog  # noqa: E402
from searchapp.ingest.persons import names as nm  # noqa: E402
from searchapp.ingest.persons.people import DocText, find_persons  # noqa: E402
from searchapp.ingest.persons.recognize import Recognizer  # noqa: E402
from searchapp.ingest.pipeline import load_document  # noqa: E402

CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared" / "bench"
GOLD = ROOT / "benchmarks" / "persons_gold.json"


def _clean(name: str) -> str:
    return " ".join(w for w in nm.tokens(name) if w.rstrip(".").casefold() not in {"jr", "sr"})


def same(a: str, b: str) -> bool:
    a, b = _clean(a), _clean(b)
    return bool(nm.exact_keys(a) & nm.exact_keys(b)) or nm.same_person(a, b)


def score(pred: dict[str, set[str]], gold: dict[str, set[str]]) -> dict:
    tp = fp = fn = 0
    misses: list[str] = []
    wrong: list[str] = []
    for key, truth in gold.items():
        got = pred.get(key, set())
        hit_gold = {g for g in truth if any(same(p, g) for p in got)}
        hit_pred = {p for p in got if any(same(p, g) for g in truth)}
        tp += len(hit_gold)
        fn += len(truth) - len(hit_gold)
        fp += len(got) - len(hit_pred)
        misses += sorted(truth - hit_gold)
        wrong += sorted(got - hit_pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "tp": tp, "fp": fp, "fn": fn,
            "false_positives": wrong, "missed": misses}


def seeds(recognizer: Recognizer) -> dict:
    catalog = Catalog.load(CORPUS / "catalog.toml")
    registry = Registry.load(CORPUS)
    photographers = {p.name for p in registry.persons.values()
                     if p.role.startswith("Photographer")}
    paths = sorted(CORPUS.glob("*.txt"))
    docs = [load_document(p, CORPUS, catalog, None) for p in paths]
    texts = [DocText.of(d) for d in docs]
    raw = recognizer.recognize((pid, t) for d in texts for pid, _, t in d.paragraphs)
    found = find_persons(texts, raw, None)
    pred = {d.doc_id: {n for pid, _, _ in d.paragraphs for n in found.paragraph_persons(pid)}
            for d in texts}
    truth = {d.doc_id: set(load_document(p, CORPUS, catalog, registry).persons) - photographers
             for p, d in zip(paths, docs, strict=True)}
    out = score(pred, truth)
    out["persons"] = {k: v for k, v in sorted(found.persons.items())}
    return out


def gold_documents(gold: dict) -> dict[str, list[DocText]]:
    """Each annotated page as a document (its title, then its article text, one
    paragraph per blank-line block), by set."""
    truth = {s: json.loads((SHARED / s / "ground-truth.json").read_text(encoding="utf-8"))
             for s in {p["set"] for p in gold.values()}}
    out: dict[str, list[DocText]] = {}
    for key, page in gold.items():
        row = truth[page["set"]][key]
        paras = [("title", row["title"])] if row.get("title") else []
        paras += [("body", p.strip()) for p in re.split(r"\n\s*\n", row["articleBody"])
                  if p.strip()]
        out.setdefault(page["set"], []).append(DocText(key, tuple(
            (f"{key[:16]}-{i}", kind, text) for i, (kind, text) in enumerate(paras))))
    return out


def recognize_cached(recognizer: Recognizer, items: list[tuple[str, str]],
                     cache: Path | None) -> dict:
    """Raw mentions, kept in ``cache`` (by paragraph id and text) between runs."""
    from searchapp.ingest.persons.recognize import RawMention

    stored = json.loads(cache.read_text("utf-8")) if cache and cache.exists() else {}
    stamp = recognizer.fingerprint
    key = {pid: f"{stamp}|{pid}|{hash_text(t)}" for pid, t in items}
    todo = [(pid, t) for pid, t in items if key[pid] not in stored]
    for pid, ms in recognizer.recognize(todo).items():
        stored[key[pid]] = [m.to_json() for m in ms]
    if cache and todo:
        cache.write_text(json.dumps(stored), "utf-8")
    return {pid: [RawMention.from_json(r) for r in stored[key[pid]]] for pid, _ in items}


def hash_text(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode()).hexdigest()[:16]


def pages(recognizer: Recognizer, cache: Path | None = None) -> dict:
    """Every annotated set found as one collection; figures per set and fold."""
    from benchmarks.score_persons import Page, score

    gold = json.loads(GOLD.read_text(encoding="utf-8"))["pages"]
    out = {}
    for name, docs in sorted(gold_documents(gold).items()):
        items = [(pid, t) for d in docs for pid, _, t in d.paragraphs]
        raw = recognize_cached(recognizer, items, cache)
        found = find_persons(docs, raw, None)
        counts = found.paragraph_counts()
        scored = []
        for d in docs:
            text = {pid: t for pid, _, t in d.paragraphs}
            persons: dict[str, set[str]] = {}
            places: set[str] = set()
            for pid, _, _ in d.paragraphs:
                for m in found.mentions.get(pid, ()):
                    if m.kind == "person":
                        persons.setdefault(m.name, set()).add(text[pid][m.start:m.end])
                    else:
                        places.add(m.name)
            scored.append((gold[d.doc_id]["fold"], Page(d.doc_id, gold[d.doc_id], persons,
                                                        places)))
        out[name] = score((p for _, p in scored), counts)
        for fold in sorted({f for f, _ in scored}):
            out[f"{name}/{fold}"] = score((p for f, p in scored if f == fold), counts)
    return out


def speed(recognizer: Recognizer, n: int) -> dict:
    catalog = Catalog.load(CORPUS / "catalog.toml")
    base = [DocText.of(load_document(p, CORPUS, catalog, None))
            for p in sorted(CORPUS.glob("*.txt"))]
    docs, count, copy = [], 0, 0
    while count < n:
        for d in base:
            docs.append(DocText(f"{d.doc_id}-{copy}", tuple(
                (f"{pid}-{copy}", kind, text) for pid, kind, text in d.paragraphs)))
            count += len(d.paragraphs)
        copy += 1
    items = [(pid, t) for d in docs for pid, _, t in d.paragraphs]
    words = sum(len(t.split()) for _, t in items)
    nlp = recognizer.nlp

    def timed(fn):
        wall, cpu = time.perf_counter(), time.process_time()
        out = fn()
        return out, time.perf_counter() - wall, time.process_time() - cpu

    _, spacy_s, spacy_cpu = timed(lambda: [None for _ in nlp.pipe(
        (t for _, t in items), batch_size=recognizer.config.batch_size)])
    raw, rec_s, rec_cpu = timed(lambda: recognizer.recognize(items))
    _, rules_s, rules_cpu = timed(lambda: find_persons(docs, raw, None))
    n = len(items)
    # The brief's configuration, tok2vec + ner, for comparison (a third of the texts).
    import spacy

    both = spacy.load(recognizer.config.model, enable=["tok2vec", "ner"])
    third = [t for _, t in items[: n // 3]]
    _, both_s, both_cpu = timed(lambda: [None for _ in both.pipe(
        third, batch_size=recognizer.config.batch_size)])
    return {
        "spacy_tok2vec_ner_paragraphs_per_s": round(len(third) / both_s),
        "spacy_tok2vec_ner_paragraphs_per_cpu_s": round(len(third) / both_cpu),
        "paragraphs": n, "words": words, "words_per_paragraph": round(words / n, 1),
        "spacy_nlp_pipe_paragraphs_per_s": round(n / spacy_s),
        "spacy_nlp_pipe_paragraphs_per_cpu_s": round(n / spacy_cpu),
        "spacy_words_per_s": round(words / spacy_s),
        "recognize_paragraphs_per_s": round(n / rec_s),
        "recognize_paragraphs_per_cpu_s": round(n / rec_cpu),
        "find_persons_paragraphs_per_s": round(n / rules_s),
        "find_persons_paragraphs_per_cpu_s": round(n / rules_cpu),
        "end_to_end_paragraphs_per_s": round(n / (rec_s + rules_s)),
        "end_to_end_paragraphs_per_cpu_s": round(n / (rec_cpu + rules_cpu)),
        "load_average_1min": round(os.getloadavg()[0], 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=3000,
                    help="paragraphs for the speed part (0: skip it)")
    ap.add_argument("--show", default="tuning",
                    help="list the errors of these folds (comma-separated: tuning,held-out)")
    ap.add_argument("--folds", default="",
                    help="report only these folds (comma-separated; default: every set and fold)")
    ap.add_argument("--cache", type=Path, help="keep the model's raw mentions in this file")
    ap.add_argument("--pages-only", action="store_true", help="only the annotated pages")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    t0 = time.perf_counter()
    recognizer = Recognizer()
    if not recognizer.available:
        sys.exit(recognizer.reason)
    load_s = time.perf_counter() - t0
    result = {"model": recognizer.fingerprint, "load_s": round(load_s, 2)}
    if not args.pages_only:
        result["seeds"] = seeds(recognizer)
    result["pages"] = pages(recognizer, args.cache)
    if args.paragraphs and not args.pages_only:
        result["speed"] = speed(recognizer, args.paragraphs)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return
    print(f"model {result['model']} loaded in {result['load_s']} s")
    if "seeds" in result:
        r = result["seeds"]
        print(f"seeds: P {r['precision']} R {r['recall']} (tp {r['tp']} fp {r['fp']} fn {r['fn']})"
              f"\n  false positives: {r['false_positives']}\n  missed: {r['missed']}")
    show = set(args.show.split(","))
    folds = set(filter(None, args.folds.split(",")))
    for name, r in result["pages"].items():
        if folds and ("/" not in name or name.split("/")[1] not in folds):
            continue
        print(f"{name} ({r['pages']} pages): persons P {r['precision']} R {r['recall']} "
              f"(tp {r['tp']} fp {r['fp']} fn {r['fn']}); wrong merges {len(r['wrong_merges'])}, "
              f"splits {len(r['splits'])} ({len(r['splits_on_a_page'])} on a page); "
              f"bare family names {r['bare_family']['found']}/{r['bare_family']['of']}; "
              f"top {r['top100']['persons']} P {r['top100']['precision']}; places P "
              f"{r['places']['precision']} R {r['places']['recall']}")
        if "/" in name and name.split("/")[1] in show:
            for field in ("false_positives", "missed", "wrong_merges", "splits"):
                print(f"  {field}: {r[field]}")
            print(f"  bare family missed: {r['bare_family']['missed']}")
            print(f"  top not persons: {r['top100']['not_persons']}")
            print(f"  place false positives: {r['places']['false_positives']}")
            print(f"  places missed: {r['places']['missed']}")
    if "speed" in result:
        s = result["speed"]
        print(f"speed on {s['paragraphs']} paragraphs ({s['words_per_paragraph']} words each), "
              f"paragraphs/s wall (per CPU-second): spaCy nlp.pipe "
              f"{s['spacy_nlp_pipe_paragraphs_per_s']} "
              f"({s['spacy_nlp_pipe_paragraphs_per_cpu_s']}); "
              f"recognize {s['recognize_paragraphs_per_s']} "
              f"({s['recognize_paragraphs_per_cpu_s']}); "
              f"find_persons {s['find_persons_paragraphs_per_s']} "
              f"({s['find_persons_paragraphs_per_cpu_s']}); end to end "
              f"{s['end_to_end_paragraphs_per_s']} ({s['end_to_end_paragraphs_per_cpu_s']}); "
              f"load average {s['load_average_1min']}; spaCy with tok2vec + ner "
              f"{s['spacy_tok2vec_ner_paragraphs_per_s']} "
              f"({s['spacy_tok2vec_ner_paragraphs_per_cpu_s']})")
    print(f"peak RSS {result['peak_rss_mb']} MB")


if __name__ == "__main__":
    main()
