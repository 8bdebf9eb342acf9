#!/usr/bin/env python3
"""The persons stage at collection size: paragraphs/s beside spaCy's own nlp.pipe.

usage: python benchmarks/bench_persons_stage.py [--paragraphs 10000] [--processes 0]
                                                [--sample 2000] [--json]

A corpus of ``--paragraphs`` paragraphs is generated from real ones (the
article text of shared/bench/extraction's ground truth and the seeds): each
copy after the first appends a sentence of another paragraph, so every
paragraph is new to the stage (content ids differ).  It is indexed (keyword
only), then :func:`searchapp.index.persons_stage.run_persons_stage` runs on it
(recognition of every paragraph, then resolution over the collection), then
again after one new file (only its paragraphs are recognized, and only the
documents the change reaches are resolved again: ``persons-memo.sqlite3``), then
resolution alone with nothing changed, then resolution from scratch (nothing
remembered: what a curation change costs).  In the same run spaCy's own
``nlp.pipe`` (NER only, one process) reads ``--sample`` of the same texts.
Who said what: resolution is timed again with quote attribution and without it
(``resolve_persons(quotes=False)``), alternately, ``--rounds`` times each with no
earlier ``persons.json`` (every document attributed afresh, as on a first run); the
difference is attribution's cost, given beside the stage's time.
Wall and CPU seconds (this process and its children) and peak RSS (the whole run's, and
this process's while the stage and the one new file ran).
``--processes``: spaCy processes for recognition (0: the stage's own choice).
``--reference-python``: another environment's Python (e.g. one with the spaCy
version ``main`` pins) that also runs spaCy as shipped on the sample, in a
child process of the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from searchapp.config import Settings  # noqa: E402
from searchapp.index import PERSONS_MEMO, persons_stage  # noqa: E402
from searchapp.index.persons_memo import forget_quotes  # noqa: E402
from searchapp.index.update import update_index  # noqa: E402
from searchapp.ingest.persons.recognize import (  # noqa: E402
    Recognizer,
    RecognizerConfig,
    one_blas_thread,
)

BENCH = ROOT.parent / "shared" / "bench" / "extraction"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")


def source_paragraphs() -> list[str]:
    out = []
    truth = BENCH / "ground-truth.json"
    if truth.exists():
        for page in json.loads(truth.read_text("utf-8")).values():
            body = page.get("articleBody") or ""
            out += [p.strip() for p in re.split(r"\n\s*\n", body) if len(p.split()) >= 5]
    for f in sorted((ROOT / "corpus").glob("*.txt")):
        out += [p.strip() for p in re.split(r"\n\s*\n", f.read_text("utf-8"))
                if len(p.split()) >= 5]
    return out


def make_corpus(folder: Path, n: int, per_file: int = 25) -> list[str]:
    base = source_paragraphs()
    rng = random.Random(7)
    texts = []
    copy = 0
    while len(texts) < n:
        for p in base:
            if len(texts) >= n:
                break
            if copy:
                other = _SENTENCE.split(rng.choice(base))
                p = p + " " + rng.choice(other)
            texts.append(" ".join(p.split()))
        copy += 1
    folder.mkdir(parents=True)
    for i in range(0, len(texts), per_file):
        chunk = texts[i:i + per_file]
        (folder / f"doc{i // per_file:05d}.txt").write_text(
            f"Document {i // per_file}\n\n" + "\n\n".join(chunk) + "\n", "utf-8")
    return texts


def clock():
    self_ = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (time.perf_counter(),
            self_.ru_utime + self_.ru_stime + kids.ru_utime + kids.ru_stime)


class PeakRSS:
    """This process's peak resident memory (MB) while the block runs, sampled every
    10 ms (``ru_maxrss`` is the peak of the whole process, keyword indexing and
    the reference runs included)."""

    def __enter__(self) -> PeakRSS:
        import threading

        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE") / 2**20
        while True:
            with open("/proc/self/statm") as f:
                self.peak = max(self.peak, int(f.read().split()[1]) * page)
            if self._stop.wait(0.01):
                return

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def since(t0) -> tuple[float, float]:
    w, c = clock()
    return w - t0[0], c - t0[1]


QUERIES = [("summit", []), ("president", ["Donald Trump"]), ("", ["Donald Trump"]),
           ("police", []), ("said", []), ('"prime minister"', []), ("climate", [])]


def engine_latency(s: Settings, rounds: int = 15) -> dict:
    """Request p50/p95 (ms) with the stage's persons.json and without it, in this run."""
    import statistics

    from searchapp.model import SearchRequest
    from searchapp.search.engine import SearchEngine

    out = {}
    side = s.index / persons_stage.PERSONS_FILE
    for label in ("with_persons", "registry_only"):
        if label == "registry_only":
            side.rename(side.with_suffix(".off"))
        t = time.perf_counter()
        with SearchEngine.open(s) as engine:
            engine.search(SearchRequest(query="summit"))  # columns are read here
            open_ms = (time.perf_counter() - t) * 1000
            times: dict[str, list[float]] = {"text": [], "person": []}
            for _ in range(rounds):
                for q, persons in QUERIES:
                    if persons and label == "registry_only":
                        continue  # no registry here: a found person is unknown
                    t = time.perf_counter()
                    engine.search(SearchRequest(query=q, persons=persons, page_size=20))
                    times["person" if persons else "text"].append(
                        (time.perf_counter() - t) * 1000)
        out[label] = {"open_and_first_ms": round(open_ms)}
        if label == "with_persons":  # again: each segment's content ids now kept beside it
            t = time.perf_counter()
            with SearchEngine.open(s) as engine:
                engine.search(SearchRequest(query="summit"))
            out[label]["open_and_first_again_ms"] = round((time.perf_counter() - t) * 1000)
        for kind, ts in times.items():
            if ts:
                ts.sort()
                out[label][kind] = {"p50": round(statistics.median(ts), 1),
                                    "p95": round(ts[int(len(ts) * 0.95)], 1)}
    side.with_suffix(".off").rename(side)
    return out


_REFERENCE = """
import json, resource, sys, time
import spacy
model, batch, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
texts = json.load(open(path, encoding="utf-8"))
nlp = spacy.load(model, enable=["ner"])
r0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
for _ in nlp.pipe(texts, batch_size=batch):
    pass
r1 = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"spacy": spacy.__version__, "wall": time.perf_counter() - t0,
                  "cpu": r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime}))
"""


def other_spacy(python: str, config: RecognizerConfig, sample: list[str]) -> dict:
    """spaCy as shipped in another environment (``python``) on ``sample``, NER only,
    one process: its version and paragraphs per second (wall and CPU)."""
    import subprocess

    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as f:
        json.dump(sample, f)
        f.flush()
        proc = subprocess.run([python, "-c", _REFERENCE, config.model, str(config.batch_size),
                               f.name], capture_output=True, text=True, check=True)
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"spacy": got["spacy"], "paragraphs_per_s": round(len(sample) / got["wall"], 1),
            "paragraphs_per_cpu_s": round(len(sample) / got["cpu"], 1)}


def attribution(s: Settings, rounds: int) -> dict:
    """Resolution with and without quote attribution, alternately, medians (s)."""
    import statistics

    side = s.index / persons_stage.PERSONS_FILE
    times: dict[bool, list[float]] = {False: [], True: []}
    cpu: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(rounds):
        for quotes in (False, True):
            side.unlink(missing_ok=True)  # no earlier rows to keep: every document read
            forget_quotes(s.index)  # (nor those kept beside the memo)
            t = clock()
            persons_stage.resolve_persons(s, quotes=quotes)
            wall, used = since(t)
            times[quotes].append(wall)
            cpu[quotes].append(used)
    data = persons_stage.read_sidecar(s.index) or {}
    rows = data.get("quotes", {})
    without, with_ = statistics.median(times[False]), statistics.median(times[True])
    cpu_without, cpu_with = statistics.median(cpu[False]), statistics.median(cpu[True])
    return {"resolution_without_quotes_s": round(without, 2),
            "resolution_with_quotes_s": round(with_, 2),
            "attribution_s": round(max(0.0, with_ - without), 2),
            "attribution_cpu_s": round(max(0.0, cpu_with - cpu_without), 2),
            "quotations": sum(len(r) for r in rows.values()),
            "paragraphs_with_quotations": len(rows),
            "speakers": len({r[2] for rs in rows.values() for r in rs if r[2] >= 0})}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=10000)
    ap.add_argument("--processes", type=int, default=0)
    ap.add_argument("--sample", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=3, help="resolutions with and without "
                    "quote attribution, each")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--reference-python", default="",
                    help="a Python with another spaCy: spaCy as shipped there, same texts")
    ap.add_argument("--keep", default="", help="keep the collection in this folder")
    args = ap.parse_args()
    if args.processes:
        persons_stage.PARALLEL_FROM = 10**12  # the given number, always
    config = RecognizerConfig(processes=max(1, args.processes))
    recognizer = Recognizer(config)
    t = clock()
    if not recognizer.available:
        sys.exit(recognizer.reason)
    load_s = since(t)[0]
    with tempfile.TemporaryDirectory(prefix="bench-persons-stage-") as tmp:
        root = Path(tmp)
        texts = make_corpus(root / "corpus", args.paragraphs)
        words = sum(len(x.split()) for x in texts)
        s = Settings(corpus=root / "corpus", index=root / "index", data_dir=root / "data")
        t = clock()
        keyword = update_index(s)
        index_s = since(t)[0]
        n = keyword.total_paragraphs
        t = clock()
        with PeakRSS() as stage_rss:
            first = persons_stage.run_persons_stage(s, recognizer=recognizer)
        stage_s, stage_cpu = since(t)
        (s.corpus / "zz-new.txt").write_text(
            "New\n\n" + "\n\n".join(texts[:5]) + " Added later by Maria Lopez.\n", "utf-8")
        update_index(s)
        t = clock()
        with PeakRSS() as again_rss:
            again = persons_stage.run_persons_stage(s, recognizer=recognizer)
        again_s, again_cpu = since(t)
        t = clock()
        persons_stage.resolve_persons(s)
        resolve_s, resolve_cpu = since(t)
        (s.index / PERSONS_MEMO).unlink()
        t = clock()
        persons_stage.resolve_persons(s)
        scratch_s, scratch_cpu = since(t)
        quotes = attribution(s, args.rounds)
        latency = engine_latency(s)
        sample = texts[: args.sample]
        nlp = recognizer.nlp
        t = clock()
        with one_blas_thread():
            for _ in nlp.pipe(sample, batch_size=config.batch_size):
                pass
        pipe_s, pipe_cpu = since(t)
        import spacy

        shipped = spacy.load(config.model, enable=["ner"])  # thinc's default ops (blis)
        t = clock()
        for _ in shipped.pipe(sample, batch_size=config.batch_size):
            pass
        shipped_s, shipped_cpu = since(t)
        reference = (other_spacy(args.reference_python, config, sample)
                     if args.reference_python else None)
        if args.keep:
            import shutil

            shutil.copytree(root, args.keep, dirs_exist_ok=True)
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result = {
        "model": recognizer.fingerprint, "load_s": round(load_s, 2),
        "paragraphs": n, "words_per_paragraph": round(words / len(texts), 1),
        "keyword_index_s": round(index_s, 1),
        "processes": args.processes or ("2" if n >= persons_stage.PARALLEL_FROM else "1"),
        # (the stage reads every paragraph but a byline: "By Ann Roe" names the writer)
        "stage_recognized": first.recognized, "stage_paragraphs": first.paragraphs,
        "stage_s": round(stage_s, 1),
        "stage_paragraphs_per_s": round(n / stage_s, 1),
        "stage_paragraphs_per_cpu_s": round(n / stage_cpu, 1),
        "stage_resolution_s": round(first.resolve_seconds, 1),
        "persons": first.persons, "places": first.places,
        "after_one_new_file": {"recognized": again.recognized, "s": round(again_s, 2),
                               "cpu_s": round(again_cpu, 2),
                               "resolution_s": round(again.resolve_seconds, 2),
                               "documents_resolved": again.documents_resolved,
                               "documents": again.documents,
                               "peak_rss_mb": round(again_rss.peak)},
        "resolution_only_s": round(resolve_s, 2), "resolution_only_cpu_s": round(resolve_cpu, 2),
        "resolution_from_scratch_s": round(scratch_s, 1),
        "resolution_from_scratch_cpu_s": round(scratch_cpu, 1),
        "quotes": {**quotes, "stage_without_attribution_s": round(
            stage_s - quotes["attribution_s"], 1),
            "attribution_adds_to_stage": round(
                quotes["attribution_s"] / (stage_s - quotes["attribution_s"]), 3),
            # CPU seconds: what the load does not change (the stage recognizes in two
            # processes, attribution runs in one)
            "attribution_adds_to_stage_cpu": round(
                quotes["attribution_cpu_s"] / (stage_cpu - quotes["attribution_cpu_s"]), 3)},
        "spacy_pipe_sample": len(sample),
        "spacy_pipe_paragraphs_per_s": round(len(sample) / pipe_s, 1),
        "spacy_pipe_paragraphs_per_cpu_s": round(len(sample) / pipe_cpu, 1),
        "stage_over_spacy_pipe": round((n / stage_s) / (len(sample) / pipe_s), 2),
        "recognizer_matrix_library": recognizer.matrix,
        "spacy_as_shipped_paragraphs_per_s": round(len(sample) / shipped_s, 1),
        "spacy_as_shipped_paragraphs_per_cpu_s": round(len(sample) / shipped_cpu, 1),
        "stage_over_spacy_as_shipped": round((n / stage_s) / (len(sample) / shipped_s), 2),
        **({"reference": {**reference, "stage_over_it": round(
            (n / stage_s) / reference["paragraphs_per_s"], 2)}} if reference else {}),
        "engine_ms": latency,
        "stage_peak_rss_mb": round(stage_rss.peak),
        "peak_rss_mb": round(rss_self), "peak_rss_children_mb": round(rss_kids),
        "load_average_1min": round(os.getloadavg()[0], 1), "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        for k, v in result.items():
            print(f"{k}: {v}")


if __name__ == "__main__":
    main()
