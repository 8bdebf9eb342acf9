#!/usr/bin/env python3
"""Persons and places as a user sees them, on modern pages nobody annotated name by name.

usage: python benchmarks/bench_persons_trials.py --set tuning|held-out|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|fresh7|fresh8|fresh9|fresh10
       [--cache FILE] [--unlabeled] [--dump FILE] [--against FILE] [--merges] [--json]

The pages of one set of ``benchmarks/persons_trials.json`` (pages of
``shared/bench/extraction-modern`` outside the gold, split by site; the fresh sets'
pages of ``shared/bench/extraction`` and pages written for the trials:
``benchmarks/persons_fresh/``, ``persons_fresh2/``, ``persons_fresh3/``,
``persons_fresh4/``, ``persons_fresh5/``, ``persons_fresh6/``, ``persons_fresh7/``,
``persons_fresh8/``, ``persons_fresh9/``, ``persons_fresh10/`` -- the last eight written
and labeled by sessions that wrote no rule, each to be measured once)
are read as ``searchapp index`` reads them (the HTML through the extraction pipeline),
the model's raw mentions taken (kept in ``--cache`` between runs), and the rules of
:func:`searchapp.ingest.persons.people.find_persons` run over them as one
collection.  Then, as the Persons tab and ``searchapp persons`` list them:

* the 100 persons mentioned in the most paragraphs, each judged with the set's
  labels (true: a person; false: not) -- precision among the labeled ones;
* every place, judged the same way -- precision among the labeled ones (a label
  null counts neither way: museums, venues and resorts, as in the gold);
* every name found that the labels do not cover yet (``--unlabeled``: with the
  paragraph it was first found in, to read and label);
* ``--dump FILE``: every person and place with its paragraph count, to compare
  two versions of the rules (which real persons a change lost: recall);
* ``--against FILE``: pooled recall against such a dump of another version -- of the
  persons (places) labeled true (the labels cover what every version measured listed),
  how many each finds, and which one loses or gains;
* ``--merges``: what to read for wrong merges and splits -- every spelling merged into a
  person from another document (its reason: "family name (the only one in the
  collection)", "romanization", "middle name" ...), and every two persons listed with
  the same last word and the same first word or initial.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_persons import recognize_cached  # noqa: E402
from searchapp.ingest.persons.people import DocText, find_persons  # noqa: E402
from searchapp.ingest.persons.recognize import Recognizer  # noqa: E402
from searchapp.ingest.pipeline import LoadError, load_document  # noqa: E402

PAGES = ROOT.parent / "shared" / "bench" / "extraction-modern" / "html"
#: Where a page id "folder/name" of the fresh sets is read: the 2019 pages of
#: ``shared/bench/extraction`` nobody annotated, and pages written for the trials
#: (round four's, round five's, round six's: ``fresh3``; ``fresh4``, ``fresh5``, ``fresh6``,
#: ``fresh7``, ``fresh8``, ``fresh9`` and ``fresh10``, written on 2026-12-07 by other
#: sessions that wrote no rule).
FOLDERS = {"extraction": ROOT.parent / "shared" / "bench" / "extraction" / "html",
           "written": ROOT / "benchmarks" / "persons_fresh",
           "written2": ROOT / "benchmarks" / "persons_fresh2",
           "written3": ROOT / "benchmarks" / "persons_fresh3",
           "written4": ROOT / "benchmarks" / "persons_fresh4",
           "written5": ROOT / "benchmarks" / "persons_fresh5",
           "written6": ROOT / "benchmarks" / "persons_fresh6",
           "written7": ROOT / "benchmarks" / "persons_fresh7",
           "written8": ROOT / "benchmarks" / "persons_fresh8",
           "written9": ROOT / "benchmarks" / "persons_fresh9",
           "written10": ROOT / "benchmarks" / "persons_fresh10"}
TRIALS = ROOT / "benchmarks" / "persons_trials.json"
TOP = 100


def documents(ids: list[str]) -> list[DocText]:
    """The pages as the index reads them (one document each)."""
    docs = []
    for page in ids:
        folder, name = (FOLDERS[page.split("/")[0]], page.split("/")[1]) if "/" in page \
            else (PAGES, page)
        packed = folder / f"{name}.html.gz"
        if packed.exists():
            raw = gzip.decompress(packed.read_bytes())
        elif (folder / f"{name}.html").exists():
            raw = (folder / f"{name}.html").read_bytes()
        else:
            print(f"{page}: not here, left out", file=sys.stderr)
            continue
        try:
            doc = load_document(folder / f"{name}.html", folder, None, None, raw)
        except LoadError as exc:
            print(f"{page}: {exc}", file=sys.stderr)
            continue
        docs.append(DocText.of(doc))
    return docs


def run(name: str, cache: Path | None) -> dict:
    trials = json.loads(TRIALS.read_text("utf-8"))
    chosen = trials["sets"][name]
    labels = chosen["labels"]
    t0 = time.perf_counter()
    docs = documents(chosen["pages"])
    load_s = time.perf_counter() - t0
    recognizer = Recognizer()
    if not recognizer.available:
        sys.exit(recognizer.reason)
    items = [(pid, t) for d in docs for pid, _, t in d.paragraphs]
    raw = recognize_cached(recognizer, items, cache)
    t0 = time.perf_counter()
    found = find_persons(docs, raw, None)
    resolve_s = time.perf_counter() - t0
    counts = found.paragraph_counts()
    place_counts: dict[str, int] = {}
    first: dict[tuple[str, str], str] = {}
    for d in docs:
        for pid, _, text in d.paragraphs:
            seen = set()
            for m in found.mentions.get(pid, ()):
                key = (m.kind, m.name)
                first.setdefault(key, _snippet(text, m.start, m.end))
                if m.kind == "place" and m.name not in seen:
                    seen.add(m.name)
                    place_counts[m.name] = place_counts.get(m.name, 0) + 1
    ranked = [n for n, _ in counts.most_common()]
    top = ranked[:TOP]
    out = {"set": name, "pages": len(docs), "paragraphs": len(items),
           "load_s": round(load_s, 1), "resolve_s": round(resolve_s, 2),
           "persons": len(ranked), "places": len(place_counts)}
    out["top"] = _judge(top, labels["persons"])
    out["top_names"] = [(n, counts[n]) for n in top]
    out["all_persons"] = _judge(ranked, labels["persons"])
    out["place"] = _judge(sorted(place_counts, key=lambda n: -place_counts[n]), labels["places"])
    out["unlabeled"] = (
        [("person", n, counts[n], first[("person", n)]) for n in top
         if n not in labels["persons"]]
        + [("place", n, place_counts[n], first[("place", n)]) for n in place_counts
           if n not in labels["places"]])
    out["dump"] = {"persons": dict(counts.most_common()), "places": place_counts}
    out["merges"] = [(name, row["text"], row["why"], row["mentions"], row["documents"])
                     for name, e in found.evidence.items() for row in e["spellings"]
                     if row["why"] not in ("name", "short name (same article)")]
    out["splits"] = _possible_splits(list(found.persons))
    return out


def _possible_splits(names: list[str]) -> list[tuple[str, str]]:
    """Pairs of persons with the same last word and the same first word or initial."""
    def words(n: str) -> list[str]:
        folded = unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode()
        return re.findall(r"[\w'’-]+", folded.casefold())
    out = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            wa, wb = words(a), words(b)
            if len(wa) >= 2 and len(wb) >= 2 and wa[-1] == wb[-1] and wa[0][0] == wb[0][0]:
                out.append((a, b))
    return out


def pooled_recall(labels: dict, ours: dict, theirs: dict) -> dict:
    """Of the names labeled true (every version's lists were labeled: the pool of what
    any of them finds), how many each version finds."""
    out = {}
    for kind in ("persons", "places"):
        true = {n for n, v in labels[kind].items() if v}
        a, b = true & set(ours[kind]), true & set(theirs[kind])
        pool = len(true) or 1
        out[kind] = {"pool": len(true), "ours": len(a), "theirs": len(b),
                     "recall": round(len(a) / pool, 3), "theirs_recall": round(len(b) / pool, 3),
                     "lost": sorted(b - a), "gained": sorted(a - b)}
    return out


def _judge(names: list[str], labels: dict[str, bool | None]) -> dict:
    known = [n for n in names if labels.get(n) is not None]  # None: counts neither way
    right = [n for n in known if labels[n]]
    return {"listed": len(names), "labeled": len(known), "right": len(right),
            "precision": round(len(right) / len(known), 3) if known else 0.0,
            "wrong": [n for n in known if not labels[n]]}


def _snippet(text: str, start: int, end: int, width: int = 110) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    return (text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]).replace("\n", " ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="tuning", choices=tuple(json.loads(TRIALS.read_text("utf-8"))["sets"]))
    ap.add_argument("--cache", type=Path, help="keep the model's raw mentions in this file")
    ap.add_argument("--unlabeled", action="store_true", help="list names not labeled yet")
    ap.add_argument("--dump", type=Path, help="write every person and place with its count")
    ap.add_argument("--against", type=Path, help="a --dump of another version: pooled recall")
    ap.add_argument("--merges", action="store_true", help="list merges and possible splits")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    r = run(args.set, args.cache)
    if args.dump:
        args.dump.write_text(json.dumps(r["dump"], indent=1, ensure_ascii=False), "utf-8")
    if args.against:
        labels = json.loads(TRIALS.read_text("utf-8"))["sets"][args.set]["labels"]
        r["recall"] = pooled_recall(labels, r["dump"],
                                    json.loads(args.against.read_text("utf-8")))
    if args.json:
        print(json.dumps({k: v for k, v in r.items() if k != "dump"}, indent=1,
                         ensure_ascii=False))
        return
    t, p = r["top"], r["place"]
    print(f"{r['set']}: {r['pages']} pages, {r['paragraphs']} paragraphs (read in "
          f"{r['load_s']} s, resolved in {r['resolve_s']} s); {r['persons']} persons, "
          f"{r['places']} places")
    print(f"top {t['listed']} persons: P {t['precision']} ({t['right']} of {t['labeled']} "
          f"labeled); not persons: {t['wrong']}")
    a = r["all_persons"]
    print(f"all {a['listed']} persons: P {a['precision']} ({a['right']} of {a['labeled']} labeled)")
    print(f"places: P {p['precision']} ({p['right']} of {p['labeled']} labeled); not places: "
          f"{p['wrong']}")
    for kind, x in r.get("recall", {}).items():
        print(f"{kind} recall (pooled over {x['pool']} true): {x['recall']} (the other version "
              f"{x['theirs_recall']}); lost: {x['lost']}; gained: {x['gained']}")
    if args.merges:
        print(f"merged from other documents or by a rule ({len(r['merges'])}):")
        for name, text, why, n, d in r["merges"]:
            print(f"  {name} <- {text} ({why}, {n} mentions, {d} documents)")
        print(f"possible splits ({len(r['splits'])}): {r['splits']}")
    if args.unlabeled:
        print(f"unlabeled ({len(r['unlabeled'])}):")
        for kind, name, n, snip in r["unlabeled"]:
            print(f"  {kind:6} {n:3}  {name}  ::  {snip}")


if __name__ == "__main__":
    main()
