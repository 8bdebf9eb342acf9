#!/usr/bin/env python3
"""Recognizing only the sentences that may name someone: what it saves, what it loses.

usage: python benchmarks/bench_name_segments.py [--pages N] [--json]

The article text of every page of ``../shared/bench/extraction`` and
``../shared/bench/extraction-modern`` (their ground truth; one paragraph per
blank-line block, each page one document) is recognized twice in the same run:
as the recognizer does it (:func:`searchapp.ingest.persons.recognize.name_segments`:
only runs of sentences with a capitalized word other than an ordinary opening
word, or CJK) and with every paragraph read whole.  Each is resolved
(:func:`find_persons`, no registry) and the persons and places found per page are
compared: those found only one way are listed.  Also the share of characters the
model reads and the CPU seconds of each recognition.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from searchapp.ingest.persons import recognize  # noqa: E402
from searchapp.ingest.persons.people import DocText, find_persons  # noqa: E402

SHARED = ROOT.parent / "shared" / "bench"
SETS = ("extraction", "extraction-modern")


def pages(limit: int) -> list[DocText]:
    docs = []
    for name in SETS:
        truth = SHARED / name / "ground-truth.json"
        if not truth.exists():
            continue
        for key, page in sorted(json.loads(truth.read_text("utf-8")).items())[:limit]:
            body = page.get("articleBody") or ""
            paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
            doc_id = f"{name}/{key}"
            docs.append(DocText(doc_id, tuple((f"{doc_id}/{i}", "body", p)
                                              for i, p in enumerate(paras)), "en",
                                doc_id, page.get("title") or ""))
    return docs


def found(docs: list[DocText], raw) -> dict[str, tuple[set[str], set[str]]]:
    out = {}
    for doc in docs:  # each page on its own: what a page's reader sees
        res = find_persons([doc], raw)
        persons = {m.name for ms in res.mentions.values() for m in ms if m.kind == "person"}
        places = {m.name for ms in res.mentions.values() for m in ms if m.kind == "place"}
        out[doc.doc_id] = (persons, places)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=10**6, help="pages per set")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    docs = pages(args.pages)
    if not docs:
        sys.exit(f"no pages under {SHARED}")
    rec = recognize.Recognizer()
    if not rec.available:
        sys.exit(rec.reason)
    items = [(pid, text) for d in docs for pid, _, text in d.paragraphs]
    stop = rec.nlp.Defaults.stop_words
    chars = sum(len(t) for _, t in items)
    read = sum(b - a for _, t in items for a, b in recognize.name_segments(t, stop))
    segments = recognize.name_segments

    def whole(text, stop_words=()):
        return [(0, len(text.rstrip()))] if text.strip() else []

    runs = {}
    for label, seg in (("segments", segments), ("whole", whole), ("segments again", segments)):
        recognize.name_segments = seg
        t = time.process_time()
        raw = rec.recognize(items)
        runs[label] = (time.process_time() - t, raw)
    recognize.name_segments = segments
    a, b = found(docs, runs["segments"][1]), found(docs, runs["whole"][1])
    diff = {"persons only when read whole": [], "persons only with segments": [],
            "places only when read whole": [], "places only with segments": []}
    for doc_id in a:
        (pa, la), (pb, lb) = a[doc_id], b[doc_id]
        diff["persons only when read whole"] += [f"{doc_id}: {n}" for n in sorted(pb - pa)]
        diff["persons only with segments"] += [f"{doc_id}: {n}" for n in sorted(pa - pb)]
        diff["places only when read whole"] += [f"{doc_id}: {n}" for n in sorted(lb - la)]
        diff["places only with segments"] += [f"{doc_id}: {n}" for n in sorted(la - lb)]
    result = {
        "pages": len(docs), "paragraphs": len(items),
        "characters_read_share": round(read / chars, 3),
        "cpu_s_segments": [round(runs["segments"][0], 1), round(runs["segments again"][0], 1)],
        "cpu_s_whole": round(runs["whole"][0], 1),
        "persons_found_segments": sum(len(p) for p, _ in a.values()),
        "persons_found_whole": sum(len(p) for p, _ in b.values()),
        "places_found_segments": sum(len(x) for _, x in a.values()),
        "places_found_whole": sum(len(x) for _, x in b.values()),
        **{k: v for k, v in diff.items()},
    }
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        for k, v in result.items():
            print(f"{k}: {v}")


if __name__ == "__main__":
    main()
