"""The ``searchapp`` command: a thin layer over the core API, JSON for everything.

``searchapp`` with no command opens the desktop app.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from searchapp import __version__
from searchapp.config import Settings
from searchapp.document import Document, load_document
from searchapp.loaders import LoadError
from searchapp.metadata import Catalog
from searchapp.people import Registry


def _print_json_line(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _print_document(doc: Document) -> None:
    m = doc.meta
    print(f"== {doc.path}")
    print(f"title:    {m.title}")
    print(f"source:   {m.source}")
    print(f"url:      {m.url}")
    print(f"date:     {m.date or (m.year or '')}")
    print(f"authors:  {', '.join(m.authors)}")
    print(f"language: {m.language}")
    print(f"persons:  {', '.join(doc.persons)}")
    print(f"places:   {', '.join(doc.places)}")
    print()
    for p in doc.paragraphs:
        tag = "" if p.kind == "body" else f"[{p.kind}] "
        print(f"{p.num:3}  {tag}{p.text}")
        print()


def cmd_extract(args: argparse.Namespace) -> int:
    settings = Settings.resolve(corpus=args.corpus)
    catalog = Catalog.load(settings.catalog_path)
    registry = Registry.load(settings.registry_dir)
    failed = 0
    for name in args.files:
        try:
            doc = load_document(Path(name), settings.corpus, catalog, registry)
        except LoadError as exc:
            print(f"searchapp: {name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        except Exception as exc:  # a bug must not hide the other files' output
            print(f"searchapp: {name}: could not be read ({type(exc).__name__}: {exc})",
                  file=sys.stderr)
            failed += 1
            continue
        if args.json:
            _print_json_line(doc.to_json())
        else:
            _print_document(doc)
        sys.stdout.flush()
    return 1 if failed else 0


def cmd_persons(args: argparse.Namespace) -> int:
    from searchapp.corpus import Corpus

    settings = Settings.resolve(corpus=args.corpus)
    corpus = Corpus.open(settings).load_all()
    for path, reason in corpus.failures:
        print(f"searchapp: {path}: {reason}", file=sys.stderr)
    if args.unknown:
        rows = [{"name": u.name, "count": u.count, "titled": u.titled, "examples": u.examples}
                for u in corpus.unknown_persons()]
        if args.json:
            _print_json_line({"unknown": rows})
        else:
            print(f"{len(rows)} names look like persons but are not in {settings.registry_dir / 'persons.toml'}:")
            for r in rows:
                print(f"  {r['count']:4}  {r['name']}{'  (titled)' if r['titled'] else ''}")
        return 0
    rows = corpus.person_counts()
    if args.json:
        _print_json_line({"persons": rows})
    else:
        for r in rows:
            aliases = f"  [{', '.join(r['aliases'])}]" if r["aliases"] else ""
            print(f"{r['paragraphs']:5} ¶ {r['documents']:3} docs  {r['name']}{aliases}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="searchapp",
        description="Search news and analysis articles paragraph by paragraph. "
                    "Without a command, opens the desktop app.",
    )
    ap.add_argument("--version", action="version", version=f"searchapp {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="print the cleaned document(s) for files",
                       description="Clean and analyse files; print each document.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="one JSON object per line (JSON Lines)")
    p.add_argument("--corpus", help="corpus folder (for the catalog and the person registry)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("persons", help="list persons with aliases and mention counts",
                       description="Registered persons with their aliases and mention counts; "
                                   "--unknown lists likely person names missing from the registry.")
    p.add_argument("--unknown", action="store_true", help="names that look like persons but are not registered")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--corpus", help="corpus folder")
    p.set_defaults(func=cmd_persons)
    return ap


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from searchapp.app import launch

        return launch()
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("searchapp: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
