#!/usr/bin/env python3
"""Print the persons found in a folder by the recognizer and the rules (no index, no CLI).

usage: python scripts/persons_of_folder.py FOLDER [--no-registry] [--json]

The registry (persons.toml/places.toml in FOLDER) curates the result unless
--no-registry is given.  Prints persons with their document and paragraph
counts and spellings, then single names that could not be resolved.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from searchapp.ingest.collection import Corpus  # noqa: E402
from searchapp.ingest.entities import Registry  # noqa: E402
from searchapp.ingest.metadata import Catalog  # noqa: E402
from searchapp.ingest.persons.people import DocText  # noqa: E402
from searchapp.ingest.persons.recognize import Recognizer  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--no-registry", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    recognizer = Recognizer()
    if not recognizer.available:
        print(recognizer.reason, file=sys.stderr)
    corpus = Corpus(args.folder, Registry.load(args.folder),
                    Catalog.load(args.folder / "catalog.toml")).load_all()
    found = corpus.found_persons(recognizer, use_registry=not args.no_registry)
    docs = found.document_counts(DocText.of(d) for d in corpus.documents)
    paras = Counter(n for pid in found.mentions for n in found.paragraph_persons(pid))
    rows = [{"name": n, "documents": docs[n], "paragraphs": paras[n], "spellings": s}
            for n, s in found.persons.items() if paras[n]]
    rows.sort(key=lambda r: (-r["paragraphs"], r["name"]))
    if args.json:
        print(json.dumps({"persons": rows, "unresolved": found.unresolved,
                          "failures": corpus.failures}, ensure_ascii=False, indent=1))
        return
    for r in rows:
        print(f"{r['paragraphs']:5d} {r['documents']:4d}  {r['name']}  "
              f"{'; '.join(s for s in r['spellings'] if s != r['name'])}")
    if found.unresolved:
        print("unresolved:", ", ".join(f"{n} ({c})" for n, c in found.unresolved.most_common()))


if __name__ == "__main__":
    main()
