"""Copies: the labelled set that chose the thresholds, and the stage's speed.

    python benchmarks/bench_copies.py labels [--sweep] [--json]
    python benchmarks/bench_copies.py speed --paragraphs 100000 [--work DIR]
    python benchmarks/bench_copies.py compare     # our numpy MinHash/LSH beside datasketch's

**labels** builds a labelled collection from the article bodies of
``../shared/bench`` (88 news pages of 2019, 300 pages of 2025), split by site into
two folds:

* *generated copies* of a third of the articles, each edited as outlets edit a wire
  story: a dateline added, the headline changed, paragraphs dropped or the story
  cut short, words replaced, inserted or deleted (1-10 % of a paragraph's words),
  quote styles and dashes changed, a credit line added -- every paragraph edited
  this lightly must fold with its original;
* *real copies*: pages of ``extraction-modern`` saved twice (same URL, two
  captures with different extraction) -- their shared paragraphs must fold;
* *near misses* that must not fold: a paragraph of a copy rewritten around one
  sentence kept from the original (within a story that does fold), articles
  quoting a sentence of another article, different articles ending in the same
  boilerplate paragraph, and every real pair of different articles (same-topic
  pages: "How to choose a data analysis tool" on two sites).

It runs the copies stage's own code (:class:`CopyState`) on the collection and
reports paragraph recall, document recall and false folds per fold; ``--sweep``
tries the thresholds around the chosen ones and names, per fold, the setting with
the best recall and no false fold (chosen on one fold, scored on the other).

**speed** measures the stage on the synthetic corpus of ``benchmarks/corpus.py``
with copies added (10 % of the articles run again by 1-3 outlets, edited as
above): the whole stage after a full index build, and after a new file, against
the keyword indexing time of the same run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH = ROOT.parent / "shared" / "bench"

from searchapp.index import copies as cp  # noqa: E402
from searchapp.index.copies_stage import CopyState, doc_of  # noqa: E402

DATELINES = ["SEOUL, Nov. 15 (Yonhap) -- ", "WASHINGTON (AP) — ", "BEIJING, March 3 (Reuters) - ",
             "TOKYO, Jan. 9, 2024 (AFP) - ", "Seoul (AFP) - ", "HONG KONG — ",
             "NEW YORK, Sept 30 (Reuters) - ", "LONDON (AP) -- "]
CREDITS = ["(Reporting by Hyonhee Shin; Editing by Stephen Coates)",
           "Copyright 2024 The Associated Press. All rights reserved.",
           "Additional reporting by staff writers. Edited by the news desk."]
BOILERPLATE = [
    "Sign up for our daily newsletter to get the most important stories of the day "
    "delivered to your inbox every morning, with analysis from our correspondents around "
    "the world and the best of our opinion pages.",
    "This material may not be published, broadcast, rewritten or redistributed without "
    "permission. All rights reserved by the publisher and its licensors, including the "
    "news agencies whose reports are used in this article.",
    "The views expressed in this article are the author's own and do not necessarily "
    "reflect the editorial stance of this publication or of the organisations the author "
    "is affiliated with.",
]
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_CURLY = str.maketrans({"'": "’", '"': "”"})
_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "--", "–": "-"})


@dataclass
class Doc:
    doc_id: str
    site: str
    url: str
    paragraphs: list[str]
    source: str = ""  # the article it is a version of


@dataclass
class Labels:
    docs: list[Doc] = field(default_factory=list)
    fold_same: list[tuple[str, str, str]] = field(default_factory=list)  # (pid, pid, kind)
    apart: list[tuple[str, str, str]] = field(default_factory=list)  # must not fold
    versions: list[tuple[str, str, str]] = field(default_factory=list)  # doc pairs (kind)


def sources() -> list[Doc]:
    out = []
    for name in ("extraction", "extraction-modern"):
        path = BENCH / name / "ground-truth.json"
        if not path.is_file():
            continue
        for key, page in sorted(json.loads(path.read_text("utf-8")).items()):
            paras = [p.strip() for p in page["articleBody"].split("\n") if p.strip()]
            if sum(len(cp.words(p)) >= cp.MIN_TOKENS for p in paras) < 3:
                continue
            if name == "extraction-modern" and page.get("title"):
                paras.insert(0, page["title"])
            url = page.get("url", "")
            out.append(Doc(key[:12], urlparse(url).netloc.removeprefix("www."), url, paras,
                           key[:12]))
    return out


def fold_of(site: str) -> int:
    return hashlib.sha1(site.encode()).digest()[0] % 2


def _edit_words(text: str, rng: random.Random, rate: float, vocab: list[str]) -> tuple[str, float]:
    ws = text.split()
    k = max(1, round(len(ws) * rate))
    for _ in range(k):
        i = rng.randrange(len(ws))
        op = rng.random()
        if op < 0.5:
            ws[i] = rng.choice(vocab)
        elif op < 0.75 and len(ws) > 3:
            del ws[i]
        else:
            ws.insert(i, rng.choice(vocab))
    return " ".join(ws), k / max(1, len(text.split()))


def make_copy(doc: Doc, k: int, rng: random.Random, vocab: list[str], other: Doc,
              labels: Labels) -> Doc:
    """A version of ``doc`` as another outlet runs it; labels its paragraph pairs."""
    cid = f"{doc.doc_id}c{k}"
    paras = list(doc.paragraphs)
    kept = list(range(len(paras)))
    kinds = {i: "unchanged" for i in kept}
    texts = dict(enumerate(paras))
    style = rng.random()
    if style < 0.4:
        for i in kept:
            texts[i] = texts[i].translate(_STRAIGHT if rng.random() < 0.5 else _CURLY)
            kinds[i] = "quote styles"
    if rng.random() < 0.3 and len(kept) > 6:  # cut short
        kept = kept[:max(3, int(len(kept) * rng.uniform(0.5, 0.8)))]
    for _ in range(rng.choice([0, 1, 1, 2])):  # paragraphs dropped
        if len(kept) > 4:
            kept.remove(rng.choice(kept[1:]))
    body = [i for i in kept if len(cp.words(texts[i])) >= cp.MIN_TOKENS]
    if body and rng.random() < 0.6:  # a dateline on the first body paragraph
        first = body[0] if doc.source.startswith(doc.doc_id) and texts[0] != doc.paragraphs[0] \
            else (body[1] if len(body) > 1 and body[0] == 0 else body[0])
        texts[first] = rng.choice(DATELINES) + texts[first]
        kinds[first] = "dateline"
    for i in kept:  # words edited in a third of the paragraphs (of 10 words or more)
        if i in body and rng.random() < 0.35 and len(cp.words(texts[i])) >= 10 \
                and len(texts[i].split()) >= 10:
            texts[i], _ = _edit_words(texts[i], rng, rng.uniform(0.01, 0.10), vocab)
            kinds[i] = "words edited"
    rewritten = None
    multi = [i for i in body if len(_SENT.split(texts[i])) >= 3 and kinds[i] == "unchanged"]
    if multi and rng.random() < 0.5:  # one paragraph rewritten around a single sentence
        rewritten = rng.choice(multi)
        sents = _SENT.split(texts[rewritten])
        keep = rng.choice(sents)
        filler = [s for p in other.paragraphs for s in _SENT.split(p) if len(s.split()) > 6]
        extra = rng.sample(filler, min(len(filler), max(2, len(sents) - 1)))
        texts[rewritten] = " ".join([keep, *extra] if rng.random() < 0.5 else [*extra, keep])
    if kept and kept[0] == 0 and doc.url and "extraction-modern" and rng.random() < 0.5:
        texts[0] = "Analysis: " + " ".join(reversed(texts[0].split()))  # headline changed
        kinds[0] = "headline"
    out = [texts[i] for i in kept]
    if rng.random() < 0.5:
        out.append(rng.choice(CREDITS))
    copy = Doc(cid, doc.site, doc.url, out, doc.doc_id)
    labels.versions.append((doc.doc_id, cid, "generated"))
    for j, i in enumerate(kept):
        a, b = f"{doc.doc_id}-{i}", f"{cid}-{j}"
        if len(cp.words(doc.paragraphs[i])) < cp.MIN_TOKENS:
            continue
        if i == rewritten:
            labels.apart.append((a, b, "one sentence kept (same story)"))
        elif kinds[i] != "headline":
            labels.fold_same.append((a, b, kinds[i]))
    return copy


def build(seed: int = 7) -> Labels:
    rng = random.Random(seed)
    docs = sources()
    labels = Labels()
    seen_url: dict[str, Doc] = {}
    unique = []
    for d in docs:
        first = seen_url.get(d.url)
        if first is not None and d.url:  # a page captured twice: a real copy
            d.source = first.doc_id
            labels.versions.append((first.doc_id, d.doc_id, "real"))
            ta = {" ".join(cp.words(p)): i for i, p in enumerate(first.paragraphs)}
            for j, p in enumerate(d.paragraphs):
                w = " ".join(cp.words(p))
                if len(w.split()) >= cp.MIN_TOKENS and w in ta:
                    labels.fold_same.append((f"{first.doc_id}-{ta[w]}", f"{d.doc_id}-{j}",
                                             "real copy"))
        else:
            seen_url[d.url] = d
            unique.append(d)
        labels.docs.append(d)
    vocab = sorted({w for d in unique for p in d.paragraphs for w in p.split()
                    if w.isalpha() and len(w) > 3})
    rng.shuffle(unique)
    third = len(unique) // 3
    for n, d in enumerate(unique[:third]):
        for k in range(rng.choice([1, 1, 2, 3])):
            labels.docs.append(make_copy(d, k, rng, vocab, unique[(n + 1) % len(unique)],
                                         labels))
    quoting = unique[third:third + third // 2]
    quoted = unique[:third]
    for n, d in enumerate(quoting):  # an article quoting one sentence of another
        src = quoted[n % len(quoted)]
        cand = [(i, s) for i, p in enumerate(src.paragraphs)
                for s in _SENT.split(p) if len(s.split()) >= 8 and len(_SENT.split(p)) >= 2]
        body = [i for i, p in enumerate(d.paragraphs) if len(p.split()) >= 15]
        if not cand or not body:
            continue
        i, s = rng.choice(cand)
        j = rng.choice(body)
        d.paragraphs[j] = f"{d.paragraphs[j]} As another report put it: “{s}”"
        labels.apart.append((f"{src.doc_id}-{i}", f"{d.doc_id}-{j}", "shares a quoted sentence"))
    plate = unique[third + third // 2:]
    for n, d in enumerate(plate[:60]):  # boilerplate shared by different articles
        d.paragraphs.append(BOILERPLATE[n % len(BOILERPLATE)])
    for n in range(len(BOILERPLATE)):
        members = [d for k, d in enumerate(plate[:60]) if k % len(BOILERPLATE) == n]
        for a, b in zip(members, members[1:], strict=False):
            labels.apart.append((f"{a.doc_id}-{len(a.paragraphs) - 1}",
                                 f"{b.doc_id}-{len(b.paragraphs) - 1}", "boilerplate"))
    return labels


def run_stage(docs: list[Doc]) -> CopyState:
    texts = {f"{d.doc_id}-{i}": p for d in docs for i, p in enumerate(d.paragraphs)}
    by_doc = {d.doc_id: [f"{d.doc_id}-{i}" for i in range(len(d.paragraphs))] for d in docs}
    state = CopyState()
    state.update(list(texts), lambda ps: {p: texts[p] for p in ps}, lambda d: by_doc[d])
    return state


def score(labels: Labels, state: CopyState, fold: int | None = None) -> dict:
    side = state.sidecar()
    cluster = {p: n for n, c in enumerate(side["clusters"]) for p in c}
    site = {d.doc_id: d.site for d in labels.docs}
    origin = {d.doc_id: d.source for d in labels.docs}

    def inside(a: str) -> bool:
        return fold is None or fold_of(site[doc_of(a)]) == fold

    out: dict = {"fold": fold}
    texts = {f"{d.doc_id}-{i}": p for d in labels.docs for i, p in enumerate(d.paragraphs)}
    same = {}  # a paragraph repeated in a document folds with any one of its repeats
    for pid, text in texts.items():
        same.setdefault((doc_of(pid), tuple(cp.words(text))), []).append(pid)

    def folded(a: str, b: str) -> bool:
        twins = same.get((doc_of(b), tuple(cp.words(texts[b]))), [b])
        return a in cluster and any(cluster.get(t) == cluster[a] for t in twins)

    by_kind: dict[str, list[int]] = {}
    for a, b, kind in labels.fold_same:
        if inside(a):
            ok = folded(a, b)
            by_kind.setdefault(kind, [0, 0])[0] += ok
            by_kind[kind][1] += 1
    out["folds"] = {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_kind.items())}
    hit = sum(v[0] for v in by_kind.values())
    total = sum(v[1] for v in by_kind.values())
    out["paragraph_recall"] = round(hit / total, 4) if total else None
    missed_apart: dict[str, list[int]] = {}
    for a, b, kind in labels.apart:
        if inside(a):
            bad = a in cluster and cluster.get(a) == cluster.get(b)
            missed_apart.setdefault(kind, [0, 0])[0] += bad
            missed_apart[kind][1] += 1
    out["false_folds"] = {k: f"{v[0]}/{v[1]}" for k, v in sorted(missed_apart.items())}
    pairs = set(state.stories)
    want = [(a, b, k) for a, b, k in labels.versions if inside(a)]
    found = sum(((a, b) if a < b else (b, a)) in pairs for a, b, _ in want)
    out["story_recall"] = f"{found}/{len(want)}"
    wrong = [(a, b) for a, b in pairs if inside(a)
             and (origin[a] or a) != (origin[b] or b)]
    out["false_stories"] = len(wrong)
    out["false_paragraph_folds"] = sum(v[0] for v in missed_apart.values())
    # every fold between different articles counts, labelled or not
    stray = 0
    for c in side["clusters"]:
        roots = {origin[doc_of(p)] or doc_of(p) for p in c}
        if len(roots) > 1 and inside(c[0]):
            stray += 1
    out["clusters_across_articles"] = stray
    return out


def cmd_labels(args) -> int:
    labels = build(args.seed)
    docs = labels.docs
    n_par = sum(len(d.paragraphs) for d in docs)
    print(f"labelled set: {len(docs)} documents, {n_par} paragraphs; "
          f"{len(labels.fold_same)} paragraph pairs that must fold, {len(labels.apart)} that "
          f"must not; {len(labels.versions)} pairs of versions", file=sys.stderr)
    settings = [(cp.PARA_SIMILARITY, cp.STORY_COVER, cp.MIN_RUN)]
    if args.sweep:
        settings = [(t, c, r) for r in (1, 2, 3) for t in (0.5, 0.6, 0.7, 0.8)
                    for c in (0.3, 0.5, 0.7)]
    results = []
    chosen = (cp.PARA_SIMILARITY, cp.STORY_COVER, cp.MIN_RUN)
    for t, c, r in settings:
        cp.PARA_SIMILARITY, cp.STORY_COVER, cp.MIN_RUN = t, c, r
        start = time.perf_counter()
        state = run_stage(docs)
        took = time.perf_counter() - start
        row = {"para_similarity": t, "story_cover": c, "min_run": r, "seconds": round(took, 2),
               "folds": [score(labels, state, f) for f in (0, 1)]}
        results.append(row)
        if not args.json:
            for s in row["folds"]:
                print(f"t={t} cover={c} run={r} fold {s['fold']}: recall "
                      f"{s['paragraph_recall']}, stories {s['story_recall']}, false folds "
                      f"{s['false_paragraph_folds']}, false stories {s['false_stories']}, "
                      f"clusters across articles {s['clusters_across_articles']}  "
                      f"{s['folds']} {s['false_folds']}")
    cp.PARA_SIMILARITY, cp.STORY_COVER, cp.MIN_RUN = chosen
    if args.sweep:
        for fold in (0, 1):
            ok = [r for r in results if r["folds"][fold]["false_paragraph_folds"] == 0
                  and r["folds"][fold]["false_stories"] == 0]
            best = max(ok, key=lambda r: (r["folds"][fold]["paragraph_recall"],
                                          -abs(r["para_similarity"] - 0.7)), default=None)
            if best:
                other = best["folds"][1 - fold]
                print(f"chosen on fold {fold}: t={best['para_similarity']} cover="
                      f"{best['story_cover']} run={best['min_run']} -> fold {1 - fold}: recall "
                      f"{other['paragraph_recall']}, false folds "
                      f"{other['false_paragraph_folds']}, false stories {other['false_stories']}")
    if args.json:
        print(json.dumps(results, indent=1))
    return 0


def cmd_compare(args) -> int:
    """Candidate search on the labelled set's paragraphs: our numpy MinHash/LSH beside
    datasketch's (MinHash.bulk + MinHashLSH, the same shingles and 64 functions), in
    the same run: time, and how many must-fold pairs each finds as candidates."""
    import numpy as np

    labels = build(args.seed)
    texts = {f"{d.doc_id}-{i}": p for d in labels.docs for i, p in enumerate(d.paragraphs)}
    pids = list(texts)
    start = time.process_time()
    tok = cp.Tokenizer()
    seqs = [tok(texts[p]) for p in pids]
    tokenize = time.process_time() - start
    start = time.process_time()
    sigs = cp.signatures(seqs)
    docs: dict[str, int] = {}
    groups = np.fromiter((docs.setdefault(doc_of(p), len(docs)) for p in pids), np.int64)
    usable = np.fromiter((len(s) >= cp.MIN_TOKENS for s in seqs), bool)
    rows = np.flatnonzero(usable)
    pairs = rows[cp.candidate_pairs(cp.band_keys(sigs[rows]), groups[rows])]
    ours = time.process_time() - start
    found = {(pids[a], pids[b]) for a, b in pairs.tolist()}
    want = [(a, b) for a, b, _ in labels.fold_same]
    out = {"paragraphs": len(pids), "tokenize_s": round(tokenize, 2),
           "numpy_minhash_lsh_s": round(ours, 2), "numpy_candidates": len(found),
           "numpy_recall_of_must_fold": round(sum((a, b) in found or (b, a) in found
                                                  for a, b in want) / len(want), 4)}
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        out["datasketch"] = "not installed (pip install datasketch to compare)"
    else:
        start = time.process_time()
        shingles = [[" ".join(map(str, s[i:i + cp.SHINGLE])).encode()
                     for i in range(max(1, len(s) - cp.SHINGLE + 1))] for s in seqs]
        hashes = MinHash.bulk([shingles[r] for r in rows], num_perm=cp.PERMUTATIONS)
        lsh = MinHashLSH(num_perm=cp.PERMUTATIONS, params=(cp.BANDS, cp.ROWS))
        with lsh.insertion_session() as session:
            for r, m in zip(rows.tolist(), hashes, strict=True):
                session.insert(r, m)
        theirs = set()
        for r, m in zip(rows.tolist(), hashes, strict=True):
            for other in lsh.query(m):
                if other != r and groups[other] != groups[r]:
                    theirs.add((pids[min(r, other)], pids[max(r, other)]))
        out["datasketch_minhash_lsh_s"] = round(time.process_time() - start, 2)
        out["datasketch_candidates"] = len(theirs)
        out["datasketch_recall_of_must_fold"] = round(
            sum((a, b) in theirs or (b, a) in theirs for a, b in want) / len(want), 4)
    print(json.dumps(out, indent=1))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("labels")
    p.add_argument("--sweep", action="store_true")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_labels)
    p = sub.add_parser("compare")
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(func=cmd_compare)
    p = sub.add_parser("speed")
    p.add_argument("--paragraphs", type=int, default=10_000)
    p.add_argument("--work", help="keep the corpus and index here (reused when present)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=lambda a: cmd_speed(a))
    args = ap.parse_args(argv)
    if not (BENCH / "extraction").is_dir():
        print(f"skipped: {BENCH} is not there", file=sys.stderr)
        return 0
    return args.func(args)


def add_copies(corpus: Path, share: float = 0.1, seed: int = 3) -> int:
    """Versions of ``share`` of the articles of a ``benchmarks/corpus.py`` folder, 1-3
    each, edited as outlets edit a wire story, with catalog rows (another outlet, a
    later date); returns how many files were written (none when already there)."""
    out = corpus / "copies"
    if out.is_dir():
        return 0
    out.mkdir()
    rng = random.Random(seed)
    files = sorted(corpus.glob("a*/article*.txt"))
    texts = {f: [p for p in f.read_text("utf-8").split("\n\n") if p.strip()] for f in files}
    vocab = sorted({w for f in files[:200] for p in texts[f] for w in p.split() if w.isalpha()})
    chosen = rng.sample(files, int(len(files) * share))
    rows, labels, n = [], Labels(), 0
    for k, f in enumerate(chosen):
        doc = Doc(f.stem, "", "", texts[f], f.stem)
        other = Doc("x", "", "", texts[files[(k * 7 + 1) % len(files)]], "x")
        for c in range(rng.choice([1, 1, 2, 3])):
            copy = make_copy(doc, c, rng, vocab, other, labels)
            name = f"{f.stem}-v{c}.txt"
            (out / name).write_text("\n\n".join(copy.paragraphs), "utf-8")
            rows.append(f'\n[[document]]\npath = "copies/{name}"\nsource = "Wire Outlet {c}"\n'
                        f'date = "2025-0{1 + c}-01"\nlanguage = "en"\n')
            n += 1
    with open(corpus / "catalog.toml", "a", encoding="utf-8") as fh:
        fh.writelines(rows)
    return n


def cmd_speed(args) -> int:
    import os
    import statistics
    import subprocess

    from searchapp.config import Settings
    from searchapp.index import update as update_mod
    from searchapp.index.copies_stage import run_copies_stage
    from searchapp.model import SearchRequest
    from searchapp.search.engine import SearchEngine

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="bench-copies-"))
    corpus = work / "corpus"
    if not corpus.is_dir():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), "--paragraphs",
                        str(args.paragraphs), "--out", str(corpus)], check=True,
                       stdout=sys.stderr)
    written = add_copies(corpus)
    settings = Settings(corpus=corpus, index=work / "index", data_dir=work / "data")
    found = update_mod._find_copies
    update_mod._find_copies = lambda index_dir: ""  # keyword indexing alone, timed apart
    try:
        cpu, wall = time.process_time(), time.perf_counter()
        report = update_mod.update_index(settings, rebuild=True, jobs=1)
        index_cpu, index_wall = time.process_time() - cpu, time.perf_counter() - wall
        for name in ("copies.json", "copies-state.pickle"):
            (settings.index / name).unlink(missing_ok=True)
        cpu, wall = time.process_time(), time.perf_counter()
        stage = run_copies_stage(settings.index)
        stage_cpu, stage_wall = time.process_time() - cpu, time.perf_counter() - wall
        # a new file: another outlet's version of an article already in three groups
        side = json.loads((settings.index / "copies.json").read_text("utf-8"))
        new = corpus / "copies" / "late-arrival.txt"
        base = next(iter(sorted((corpus / "copies").glob("*-v0.txt"))))
        new.write_text("LONDON (AP) -- " + base.read_text("utf-8"), "utf-8")
        cpu, wall = time.process_time(), time.perf_counter()
        update_mod.update_index(settings, jobs=1)
        new_index_wall = time.perf_counter() - wall
        cpu, wall = time.process_time(), time.perf_counter()
        late = run_copies_stage(settings.index)
        late_cpu, late_wall = time.process_time() - cpu, time.perf_counter() - wall
        new.unlink()
    finally:
        update_mod._find_copies = found
    with SearchEngine.open(settings) as engine:
        words = ["China", "summit", "minister said", "\"North Korea\"", "trade", "policy", "Seoul",
                 "economic", "talks", "president"]
        times: dict[bool, list[float]] = {False: [], True: []}
        engine.search(SearchRequest(query="warm up"))  # the columns and groups, read once
        for _ in range(10):  # folded and every copy in turn: the same load for both
            for q in words:
                for every in (False, True):
                    t = time.perf_counter()
                    engine.search(SearchRequest(query=q, all_copies=every))
                    times[every].append((time.perf_counter() - t) * 1000)
        sample = engine.search(SearchRequest(query="China"))
    q = statistics.quantiles
    out = {
        "paragraphs": report.total_paragraphs, "files": report.total_files,
        "copy_files_added": written, "load": os.getloadavg()[0],
        "keyword_index_cpu_s": round(index_cpu, 1), "keyword_index_wall_s": round(index_wall, 1),
        "stage_cpu_s": round(stage_cpu, 2), "stage_wall_s": round(stage_wall, 2),
        "stage_share_cpu": round(stage_cpu / index_cpu, 3),
        "stage_share_wall": round(stage_wall / index_wall, 3),
        "groups": stage.clusters, "paragraphs_in_groups": stage.paragraphs,
        "versions_pairs": stage.stories, "groups_before_new_file": len(side["clusters"]),
        "new_file_keyword_update_wall_s": round(new_index_wall, 2),
        "new_file_stage_cpu_s": round(late_cpu, 2), "new_file_stage_wall_s": round(late_wall, 2),
        "new_file_joined": late.summary(),
        "search_ms_folded_p50_p95": [round(statistics.median(times[False]), 1),
                                     round(q(times[False], n=20)[-1], 1)],
        "search_ms_all_copies_p50_p95": [round(statistics.median(times[True]), 1),
                                         round(q(times[True], n=20)[-1], 1)],
        "sample": f"'China': {sample.count_text()}",
    }
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
