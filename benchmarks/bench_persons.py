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
BENCH = ROOT.parent / "shared" / "bench" / "extraction"
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


def pages(recognizer: Recognizer) -> dict:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["pages"]
    truth_text = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    docs = []
    for key in gold:
        body = truth_text[key]["articleBody"]
        paras = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
        docs.append(DocText(key, tuple((f"{key[:12]}-{i}", "body", t)
                                       for i, t in enumerate(paras))))
    raw = recognizer.recognize((pid, t) for d in docs for pid, _, t in d.paragraphs)
    found = find_persons(docs, raw, None)
    pred = {d.doc_id: {n for pid, _, _ in d.paragraphs for n in found.paragraph_persons(pid)}
            for d in docs}
    return score(pred, {k: set(v["persons"]) for k, v in gold.items()})


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
    ap.add_argument("--paragraphs", type=int, default=3000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    t0 = time.perf_counter()
    recognizer = Recognizer()
    if not recognizer.available:
        sys.exit(recognizer.reason)
    load_s = time.perf_counter() - t0
    result = {"model": recognizer.fingerprint, "load_s": round(load_s, 2),
              "seeds": seeds(recognizer), "pages": pages(recognizer),
              "speed": speed(recognizer, args.paragraphs),
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return
    print(f"model {result['model']} loaded in {result['load_s']} s")
    for name in ("seeds", "pages"):
        r = result[name]
        print(f"{name}: P {r['precision']} R {r['recall']} (tp {r['tp']} fp {r['fp']} fn {r['fn']})")
        print(f"  false positives: {r['false_positives']}")
        print(f"  missed: {r['missed']}")
    s = result["speed"]
    print(f"speed on {s['paragraphs']} paragraphs ({s['words_per_paragraph']} words each), "
          f"paragraphs/s wall (per CPU-second): spaCy nlp.pipe "
          f"{s['spacy_nlp_pipe_paragraphs_per_s']} ({s['spacy_nlp_pipe_paragraphs_per_cpu_s']}); "
          f"recognize {s['recognize_paragraphs_per_s']} ({s['recognize_paragraphs_per_cpu_s']}); "
          f"find_persons {s['find_persons_paragraphs_per_s']} "
          f"({s['find_persons_paragraphs_per_cpu_s']}); end to end "
          f"{s['end_to_end_paragraphs_per_s']} ({s['end_to_end_paragraphs_per_cpu_s']}); "
          f"load average {s['load_average_1min']}; spaCy with tok2vec + ner "
          f"{s['spacy_tok2vec_ner_paragraphs_per_s']} "
          f"({s['spacy_tok2vec_ner_paragraphs_per_cpu_s']})")
    print(f"peak RSS {result['peak_rss_mb']} MB")


if __name__ == "__main__":
    main()
