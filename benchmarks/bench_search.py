"""The full search request the app makes, ours against naive Whoosh and tantivy, in one run.

    python benchmarks/bench_search.py --paragraphs 100000 [--queries 200] [--json]

Generates a corpus (``benchmarks/corpus.py``), indexes it with our indexer, and
times, over a fixed query mix cycled for ``--queries`` requests, the request
the app makes on every keystroke: the total, a count for every facet group of
``model.FACETS`` (the 6 the index holds: person, place, source, author, year, folder; and
the speakers, from the persons stage, which this corpus has none of) over the whole
result set, and 20 highlighted snippets; the references count the same groups.

* **searchapp**: ``SearchEngine.search`` (one long-lived searcher, facet
  columns read once into numpy arrays).
* **naive**: the same request done the plain Whoosh way on the same index: a
  fresh searcher per request, ``groupedby`` facets, ``Hit.highlights``.
* **tantivy** (reference engine, tantivy-py): the same paragraphs with the same
  facet values, term aggregations for the facets, ``SnippetGenerator``.

Also measured: indexing paragraphs/s (``searchapp index`` in its own process),
re-indexing one changed file, and the peak RSS of this process after our
searches (it has only opened the index and searched it; the naive requests
and tantivy come after that figure is taken).
Medians and p95 in milliseconds; ratios are naive/ours and ours/tantivy.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from searchapp.config import Settings  # noqa: E402
from searchapp.index.update import update_index  # noqa: E402  (the one-file update)
from searchapp.model import FACETS  # noqa: E402
from searchapp.search.engine import SearchEngine, SearchRequest  # noqa: E402

# the facet groups every engine counts: the app's own table (Person, Place, Source,
# Author, Year, Folder), so the references do the same work as ours
# the facet groups the index holds (a found facet, the speakers, comes from the persons
# stage's file, which these corpora have none of): what the references group by too
FACET_FIELDS = {f.name: f.field for f in FACETS if not f.found}

# (name, query text, filters)
MIX = [
    ("common term", "government", {}),
    ("rare term", "{rare}", {}),
    ("two-term AND", "China Korea", {}),
    ("phrase", '"the United States"', {}),
    ("wildcard", "secur*", {}),
    ("person filter", "", {"persons": ["Yoon Suk Yeol"]}),
    ("person + date range", "", {"persons": ["Xi Jinping"], "date_from": "2010-01-01",
                                 "date_to": "2015-12-31"}),
    ("source filter, no query", "", {"sources": ["Global Times"]}),
]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rare_term(engine: SearchEngine) -> str:
    """A body word in 3–10 paragraphs."""
    reader = engine._searcher.reader()
    for term, info in reader.iter_field("body"):
        word = term.decode() if isinstance(term, bytes) else term
        if 3 <= info.doc_frequency() <= 10 and word.isalpha() and len(word) > 6:
            return word
    return "zeitgeist"


def ours(engine: SearchEngine, mix) -> list[float]:
    times = []
    for _name, query, filters in mix:
        t = time.perf_counter()
        r = engine.search(SearchRequest(query=query, page_size=20, **filters))
        assert r.total >= 0 and len(r.facets) == len(FACETS)  # every facet, folder too
        times.append((time.perf_counter() - t) * 1000)
    return times


def naive(index_dir: Path, mix) -> list[float]:
    """Plain Whoosh: a fresh searcher, groupedby facets, highlights, per request."""
    from whoosh import query as wq
    from whoosh import sorting
    from whoosh.qparser import QueryParser

    from searchapp.index.update import open_index

    ix = open_index(index_dir)
    parser = QueryParser("body", ix.schema)
    facets = {name: sorting.FieldFacet(field, allow_overlap=True)
              for name, field in FACET_FIELDS.items()}
    times = []
    for _name, query, filters in mix:
        t = time.perf_counter()
        with ix.searcher() as s:
            parts = [parser.parse(query)] if query else [wq.Every()]
            for p in filters.get("persons", []):
                parts.append(wq.Term("person", p))
            for src in filters.get("sources", []):
                parts.append(wq.Term("f_source", src))
            if "date_from" in filters:
                lo = int(filters["date_from"].replace("-", ""))
                hi = int(filters["date_to"].replace("-", ""))
                parts.append(wq.NumericRange("datenum", lo, hi))
            q = wq.And(parts) if len(parts) > 1 else parts[0]
            res = s.search(q, limit=20, groupedby=facets)
            total = len(res)
            counts = {n: res.groups(n) for n in facets}
            snippets = [hit.highlights("body") for hit in res[:20]]
            assert total >= 0 and len(counts) == len(FACET_FIELDS) and len(snippets) <= 20
        times.append((time.perf_counter() - t) * 1000)
    return times


def tantivy_build(index_dir: Path, tv_dir: Path):
    import tantivy

    from searchapp.index.update import open_index

    sb = tantivy.SchemaBuilder()
    sb.add_text_field("body", stored=True)
    for field in FACET_FIELDS.values():
        sb.add_text_field(field, stored=False, tokenizer_name="raw", fast=True)
    sb.add_unsigned_field("datenum", fast=True, indexed=True)
    schema = sb.build()
    index = tantivy.Index(schema, path=str(tv_dir))
    writer = index.writer(heap_size=256_000_000, num_threads=2)
    ix = open_index(index_dir)
    start = time.perf_counter()
    n = 0
    with ix.reader() as reader:
        for _num, stored in reader.iter_docs():
            doc = tantivy.Document()
            doc.add_text("body", stored.get("body", ""))
            for p in stored.get("persons", []):
                doc.add_text("person", p)
            for p in stored.get("places", []):
                doc.add_text("place", p)
            if stored.get("source"):
                doc.add_text("f_source", stored["source"])
            for a in stored.get("authors", []):
                doc.add_text("f_author", a)
            if stored.get("year"):
                doc.add_text("f_year", str(stored["year"]))
            if stored.get("folder"):
                doc.add_text("f_folder", stored["folder"])
            d = stored.get("date") or ""
            doc.add_unsigned("datenum", int(d.replace("-", "")) if len(d) == 10 else 0)
            writer.add_document(doc)
            n += 1
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index, n / (time.perf_counter() - start)


def tantivy_run(index, mix) -> list[float]:
    import tantivy

    searcher = index.searcher()
    aggs = {name: {"terms": {"field": field, "size": 100}}
            for name, field in FACET_FIELDS.items()}
    times = []
    for _name, query, filters in mix:
        t = time.perf_counter()
        parts = []
        if query:
            parts.append((tantivy.Occur.Must, index.parse_query(query, ["body"])))
        for p in filters.get("persons", []):
            parts.append((tantivy.Occur.Must, tantivy.Query.term_query(index.schema, "person", p)))
        for src in filters.get("sources", []):
            parts.append((tantivy.Occur.Must,
                          tantivy.Query.term_query(index.schema, "f_source", src)))
        if "date_from" in filters:
            lo = int(filters["date_from"].replace("-", ""))
            hi = int(filters["date_to"].replace("-", ""))
            parts.append((tantivy.Occur.Must, tantivy.Query.range_query(
                index.schema, "datenum", tantivy.FieldType.Unsigned, lo, hi)))
        q = tantivy.Query.boolean_query(parts) if parts else tantivy.Query.all_query()
        res = searcher.search(q, 20, count=True)
        counts = searcher.aggregate(q, aggs)
        if query:
            gen = tantivy.SnippetGenerator.create(searcher, q, index.schema, "body")
            snippets = [gen.snippet_from_doc(searcher.doc(addr)).to_html()
                        for _score, addr in res.hits]
        else:
            snippets = [searcher.doc(addr)["body"] for _score, addr in res.hits]
        assert res.count >= 0 and len(counts) == len(FACET_FIELDS) and len(snippets) <= 20
        times.append((time.perf_counter() - t) * 1000)
    return times


def incremental_one_file(settings: Settings) -> float:
    f = next(settings.corpus.glob("a000/article0000000.txt"))
    f.write_text(f.read_text("utf-8") + "\n\nOne more paragraph about the summit in Busan.\n")
    t = time.perf_counter()
    report = update_index(settings)
    assert report.updated == 1
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=200, help="requests per engine (≥ 200)")
    ap.add_argument("--naive-queries", type=int,
                    help="requests done the naive way (default: a quarter of --queries)")
    ap.add_argument("--keep-index", action="store_true",
                    help="search the index already in --work (no rebuild, no indexing figure)")
    ap.add_argument("--work", help="keep the corpus and indexes here (reused when present)")
    ap.add_argument("--no-tantivy", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="bench-search-"))
    corpus = work / f"corpus-{args.paragraphs}"
    settings = Settings(corpus=corpus, index=work / f"index-{args.paragraphs}",
                        data_dir=work / "data")
    if not (corpus / "catalog.toml").is_file():  # generated and indexed in other
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"),  # processes:
                        "--paragraphs", str(args.paragraphs), "--out", str(corpus)],  # peak
                       check=True, stdout=subprocess.DEVNULL)  # RSS here is the searching
    env = {**os.environ, "SEARCHAPP_CORPUS": str(settings.corpus),
           "SEARCHAPP_INDEX": str(settings.index), "SEARCHAPP_DATA_DIR": str(settings.data_dir)}
    reuse = args.keep_index and (settings.index / "manifest.json").is_file()
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "searchapp", "index", "--json", "--quiet",
                           "--no-persons",  # keyword indexing only (bench_persons_stage.py)
                           *([] if reuse else ["--rebuild"])],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    build_s = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"indexing failed: {proc.stderr}")
    report = json.loads(proc.stdout)
    out: dict = {"paragraphs": report["total_paragraphs"],
                 "index_paragraphs_per_s": None if reuse else
                 round(report["total_paragraphs"] / build_s),
                 "index_s": round(build_s, 1),
                 "index_peak_rss_mb": round(
                     resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)}

    engine = SearchEngine.open(settings)
    rare = rare_term(engine)
    mix = [(n, q.replace("{rare}", rare), f) for n, q, f in MIX]
    rounds = max(1, -(-args.queries // len(mix)))
    ours(engine, mix)  # warm: facet columns are read on the first request
    mine = [x for _ in range(rounds) for x in ours(engine, mix)]
    per_kind = {n: statistics.median(mine[i::len(mix)]) for i, (n, _q, _f) in enumerate(mix)}
    out["peak_rss_mb"] = round(peak_rss_mb())  # this process: opening and searching only
    naive_rounds = max(1, -(-args.naive_queries // len(mix))) if args.naive_queries \
        else max(1, rounds // 4)
    naive_t = [x for _ in range(naive_rounds) for x in naive(settings.index, mix)]
    out.update(search_p50_ms=round(statistics.median(mine), 2),
               search_p95_ms=round(pct(mine, .95), 2),
               naive_p50_ms=round(statistics.median(naive_t), 2),
               naive_p95_ms=round(pct(naive_t, .95), 2))
    out["naive_peak_rss_mb"] = round(peak_rss_mb())  # Whoosh's groupedby caches on top
    if not args.no_tantivy:
        tv, tv_rate = tantivy_build(settings.index, Path(tempfile.mkdtemp(dir=work)))
        tantivy_run(tv, mix)
        tv_t = [x for _ in range(rounds) for x in tantivy_run(tv, mix)]
        out.update(tantivy_p50_ms=round(statistics.median(tv_t), 2),
                   tantivy_p95_ms=round(pct(tv_t, .95), 2),
                   tantivy_index_paragraphs_per_s=round(tv_rate))
    engine.close()
    out["incremental_one_file_s"] = round(incremental_one_file(settings), 2)
    out["requests"] = len(mine)
    out["naive_requests"] = len(naive_t)
    out["per_query_p50_ms"] = {k: round(v, 2) for k, v in per_kind.items()}
    out["speedup_vs_naive_p95"] = round(out["naive_p95_ms"] / out["search_p95_ms"], 1)
    if "tantivy_p95_ms" in out:
        out["ratio_to_tantivy_p95"] = round(out["search_p95_ms"] / out["tantivy_p95_ms"], 1)
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:32} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
