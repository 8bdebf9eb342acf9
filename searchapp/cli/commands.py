"""The ``searchapp`` command: a thin layer over the core API, JSON for everything.

``searchapp`` with no command opens the desktop app, so this module imports only
what parsing the arguments needs: each command imports the core it runs when it
runs (``tests/test_launch.py`` checks that the window's process never loads the
extractors).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from searchapp import __version__
from searchapp.cli.common import (
    UserError,
    add_location,
    open_engine,
    print_json_line,
    settings_of,
    warn,
)
from searchapp.cli.library import cmd_bookmarks, cmd_history, cmd_saved, cmd_search
from searchapp.config import CATALOG_FILE, PERSONS_REGISTRY, Settings
from searchapp.dates import display as display_date
from searchapp.model import counted

if TYPE_CHECKING:
    from searchapp.ingest.pipeline import Document


def _print_document(doc: Document, found: list[dict] | None = None) -> None:
    m = doc.meta
    print(f"== {doc.path}")
    print(f"title:    {m.title}")
    print(f"source:   {m.source}" + (f" (agency: {m.agency})" if m.agency and m.agency != m.source
                                        else ""))
    print(f"url:      {m.url}")
    print(f"date:     {display_date(m.date, m.year)}")
    print(f"authors:  {', '.join(m.authors)}")
    print(f"language: {m.language}")
    print(f"persons:  {', '.join(doc.persons)}")
    print(f"places:   {', '.join(doc.places)}")
    if found is not None:  # the persons stage's finding in this document alone
        print("found:    " + "; ".join(map(_found_person, found)))
    print()
    for p in doc.paragraphs:
        tag = "" if p.kind == "body" else f"[{p.kind}] "
        print(f"{p.num:3}  {tag}{p.text}")
        print()


def _extract_persons(settings: Settings, args: argparse.Namespace):
    """For each document ``extract`` prints, the persons the persons stage finds in it
    (None with ``--no-persons`` or when the model is off, which is said once)."""
    if args.no_persons:
        return lambda doc: None
    from searchapp.ingest.collection import persons_in_document
    from searchapp.ingest.persons.curation import curated_registry
    from searchapp.ingest.persons.recognize import Recognizer

    recognizer = Recognizer()  # the model is loaded once, at the first document
    registry = curated_registry(settings)
    said: set[str] = set()

    def found(doc):
        rows = persons_in_document(doc, registry, recognizer)
        if rows is None and recognizer.reason not in said:  # said once
            said.add(recognizer.reason)
            warn(f"persons not found: {recognizer.reason}")
        return rows

    return found


def _found_person(row: dict) -> str:
    """'Kim Jong-un (as Kim, Jong-un Kim; ¶2, ¶5)': a person found, as written, where."""
    other = [w for w in row["spellings"] if w != row["name"]]
    where = ", ".join(f"¶{n}" for n in row["paragraphs"])
    return f"{row['name']} ({'as ' + ', '.join(other) + '; ' if other else ''}{where})"


def cmd_extract(args: argparse.Namespace) -> int:
    from searchapp.ingest.entities import Registry
    from searchapp.ingest.metadata import Catalog
    from searchapp.ingest.pipeline import load_documents
    from searchapp.ingest.read import LoadError, read_raw

    settings = Settings.resolve(corpus=args.corpus)
    dirs = settings.curation_dirs(settings.folders[0] if args.corpus else None)
    catalog = Catalog.load_layers([d / CATALOG_FILE for d in dirs])
    registry = Registry.load_layers(dirs)
    failed = 0
    from searchapp.cli.scans import extract_scans
    from searchapp.ingest.ocr.engine import unavailable as missing

    scans_for = extract_scans(settings)
    persons = _extract_persons(settings, args)
    for name in args.files:
        try:
            raw = read_raw(Path(name))
            docs = load_documents(Path(name), settings.corpus, catalog, registry, raw=raw,
                                  scans=scans_for(raw))
        except LoadError as exc:  # a file that cannot be used: the user's to fix (exit 2)
            print(f"searchapp: {name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        except Exception as exc:  # a bug must not hide the other files' output
            print(f"searchapp: {name}: could not be read ({type(exc).__name__}: {exc})",
                  file=sys.stderr)
            failed += 1
            continue
        unread = sum(len(d.scans) for d in docs)
        if unread:  # OCR is not installed: say so (the file is a failure if nothing else)
            print(f"searchapp: {name}: {missing()}", file=sys.stderr)
            if not any(d.paragraphs for d in docs):
                failed += 1
                continue
        for doc in docs:  # several for a mailbox: one per message
            found = persons(doc)
            if args.json:
                print_json_line({**doc.to_json(), "persons_found": found})
            else:
                _print_document(doc, found)
        sys.stdout.flush()
    return 2 if failed else 0


def cmd_persons(args: argparse.Namespace) -> int:
    from searchapp.index import PERSONS_FILE, index_exists

    settings = settings_of(args)
    if getattr(args, "action", None):
        from searchapp.cli.persons import curate

        return curate(args, settings)
    found = index_exists(settings.index) and (settings.index / PERSONS_FILE).exists()
    if (not args.unknown or found) and index_exists(settings.index):
        from searchapp.api import persons_table

        with open_engine(settings) as engine:
            rows = persons_table(engine)
        if args.unknown:  # the review queue: found, not curated, most mentioned first
            everyone = len(rows)
            rows = [r for r in rows if not r["curated"] and r["paragraphs"]]
            if not args.json:  # say what this list is: it can be the whole table
                print(f"{len(rows)} of the {counted(everyone, 'person')} not curated yet "
                      "(found by 'index' only), most mentioned first; curate with "
                      "'searchapp persons merge|rename|hide|split|role NAME …':")
    else:
        from searchapp.ingest.collection import Corpus

        corpus = Corpus.open(settings).load_all()
        for path, reason in corpus.failures:
            print(f"searchapp: {path}: {reason}", file=sys.stderr)
        if args.unknown:
            rows = [{"name": u.name, "count": u.count, "titled": u.titled,
                     "examples": u.examples} for u in corpus.unknown_persons()]
            if args.json:
                print_json_line({"unknown": rows})
            else:
                print(f"{len(rows)} names look like persons but are not in "
                      f"{settings.data_dir / PERSONS_REGISTRY}:")
                for r in rows:
                    print(f"  {r['count']:4}  {r['name']}{'  (titled)' if r['titled'] else ''}")
            return 0
        rows = corpus.person_counts()
    if args.json:
        print_json_line({"persons": rows})
    else:
        from searchapp.api import spelling_notes

        for r in rows:
            notes = spelling_notes(r)
            aliases = f"  [{'; '.join(notes)}]" if notes else ""
            quoted = f"  quoted in {r['quoted']} ¶" if r.get("quoted") else ""
            docs = "doc " if r["documents"] == 1 else "docs"
            print(f"{r['paragraphs']:5} ¶ {r['documents']:3} {docs}  {r['name']}{quoted}{aliases}")
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from searchapp import api

    settings = settings_of(args)
    if settings.one_off and not settings.corpus.is_dir():
        raise UserError(f"no folder at {settings.corpus}")
    bar = None
    progress = None
    if sys.stderr.isatty() and not args.quiet:
        from tqdm import tqdm

        def progress(done: int, total: int, path: str) -> None:
            nonlocal bar
            if bar is None:
                bar = tqdm(total=total, unit="file", desc="indexing", leave=False)
            bar.set_postfix_str(path[-40:], refresh=False)
            bar.update(1)

    try:
        report = api.update(settings, rebuild=args.rebuild, progress=progress, jobs=args.jobs,
                            notify=warn)
    except KeyboardInterrupt:
        print("searchapp: indexing interrupted; the previous index is unchanged",
              file=sys.stderr)
        return 130
    finally:
        if bar is not None:
            bar.close()
    for path, reason in report.problems:
        warn(f"{path}: {reason}")
    from searchapp.cli.persons import finish_index  # the summary, then the persons stage

    return finish_index(args, settings, report)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, not usage + error
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="*", help="query (see the README for the syntax)")
    from searchapp.model import FACETS, SORTS

    for f in FACETS:  # one flag per facet of the one facet table
        p.add_argument(f.flag, dest=f.name, action="append", help=f.help, type=f.value,
                       metavar=f.metavar)
    p.add_argument("--from", dest="date_from", metavar="DATE", help="from this date "
                   "(YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="up to this date")
    p.add_argument("--sort", choices=SORTS, default=SORTS[0])
    p.add_argument("--limit", type=int, default=10, metavar="N", help="hits per page")
    p.add_argument("--page", type=int, default=1, metavar="N")
    p.add_argument("--all-copies", action="store_true",
                   help="list every copy of a story run by several outlets (default: one hit "
                        "per group of copies, the others named under it)")


def cmd_desktop(args: argparse.Namespace) -> int:
    from searchapp.cli import desktop

    prefix = Path(args.prefix).expanduser() if args.prefix else None
    if args.command == "install-desktop":
        done = desktop.install(prefix)
        verb = "installed"
    else:
        done = desktop.uninstall(prefix)
        verb = "removed"
    if args.json:
        print_json_line({verb: [str(p) for p in done], "exec": desktop.launcher()})
    else:
        for path in done:
            print(f"{verb} {path}")
        if not done:
            print("nothing to remove")
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = _Parser(
        prog="searchapp",
        description="Search news and analysis articles paragraph by paragraph. "
                    "Without a command, opens the desktop app.",
    )
    ap.add_argument("--version", action="version", version=f"searchapp {__version__}")
    ap.add_argument("--self-test", nargs="?", const="all", choices=["all", "core"],
                    help="check this installation without showing a window: index the bundled "
                         "corpus in a temporary folder, search it, and (unless 'core') build "
                         "the main window offscreen; exit 0 only if all is well")
    ap.add_argument("--corpus", dest="app_corpus", metavar="DIR",
                    help="open the app on this folder only, this time (the folder list is "
                         "kept; env SEARCHAPP_CORPUS)")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="print the cleaned document(s) for files",
                       description="Clean and analyse files; print each document.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="one JSON object per line (JSON Lines)")
    p.add_argument("--corpus", help="corpus folder (for the catalog and the person registry)")
    p.add_argument("--no-persons", action="store_true",
                   help="do not run the person recognizer (faster: the model is not "
                        "loaded; 'persons_found' is null)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("index", help="build or update the index",
                       description="Index the corpus incrementally: changed files are "
                                   "re-indexed, deleted ones removed, the rest skipped.")
    add_location(p, data=True)
    p.add_argument("--rebuild", action="store_true", help="re-read every file")
    p.add_argument("-j", "--jobs", type=_positive_int, metavar="N",
                   help="processes that read and index files (default: 2 on a "
                        "multi-core machine when more than a few MB changed, else 1)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--no-persons", action="store_true",
                   help="skip recognizing persons and places after indexing")
    p.add_argument("--no-ocr", action="store_true",
                   help="leave scanned pages (image-only PDF pages, images) unread this time; "
                        "says how many are left")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", help="search paragraphs",
                       description="Search the index.  Query syntax: words, \"phrases\", "
                                   "AND/OR/NOT, -word, pres*, word~, person:, place:, "
                                   "source:, author:, title:, year:, date:2023, "
                                   "date:[2023-01-01 TO 2023-06-30].")
    _add_filters(p)
    add_location(p, data=True)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--facets", action="store_true", help="also print facet counts")
    p.add_argument("--no-history", action="store_true", help="do not record in the history")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("persons", help="list persons with aliases and mention counts",
                       description="Persons (registered, curated and found by 'index') with "
                                   "their aliases and mention counts; --unknown is the review "
                                   "queue of found, uncurated persons; ACTION curates.")
    p.add_argument("--unknown", action="store_true",
                   help="found persons not curated yet, most mentioned first")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    add_location(p, data=True)
    from searchapp.cli.persons import add_curation

    add_curation(p)
    p.set_defaults(func=cmd_persons)

    p = sub.add_parser("bookmarks", help="add, list, edit, remove and export bookmarks")
    bsub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    b = bsub.add_parser("add", help="bookmark a paragraph")
    b.add_argument("paragraph", metavar="DOC_ID:PARA", help="as shown by 'searchapp search' "
                   "(or a paragraph id)")
    b.add_argument("--note", default="")
    b.add_argument("--tag", action="append", help="repeat for several tags")
    b = bsub.add_parser("list", help="list bookmarks")
    b.add_argument("--tag", dest="tag_filter", help="only bookmarks with this tag")
    b.add_argument("--text", help="only bookmarks whose text, title or note contains this")
    b.add_argument("--reconcile", action="store_true",
                   help="re-find every bookmark in the index first")
    b = bsub.add_parser("edit", help="change a bookmark's note or tags")
    b.add_argument("id", type=int)
    b.add_argument("--note")
    b.add_argument("--tag", action="append", help="the new tags (replace the old ones)")
    b = bsub.add_parser("remove", help="remove bookmarks")
    b.add_argument("ids", type=int, nargs="+", metavar="ID")
    b = bsub.add_parser("export", help="export bookmarks")
    b.add_argument("--format", choices=("markdown", "md", "csv", "json"), default="markdown")
    b.add_argument("--tag", dest="tag_filter", help="only bookmarks with this tag")
    b.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    for b in bsub.choices.values():
        add_location(b, data=True)
        b.add_argument("--json", action="store_true", help="JSON output")
    p.set_defaults(func=cmd_bookmarks)

    p = sub.add_parser("history", help="recent searches")
    p.add_argument("--limit", type=int, default=30)
    p.add_argument("--clear", action="store_true")
    p.add_argument("--json", action="store_true")
    add_location(p, corpus=False, index=False, data=True)
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("saved", help="saved searches")
    ssub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    s_add = ssub.add_parser("add", help="save a query and its filters under a name")
    s_add.add_argument("name")
    _add_filters(s_add)
    ssub.add_parser("list", help="list saved searches")
    s_add.add_argument("--replace", action="store_true",
                       help="replace a saved search of the same name")
    s_run = ssub.add_parser("run", help="run a saved search")
    s_run.add_argument("name")
    s_run.add_argument("--limit", type=int, default=10, metavar="N", help="hits per page")
    s_run.add_argument("--page", type=int, default=1, metavar="N")
    s_run.add_argument("--facets", action="store_true", help="also print facet counts")
    s_rm = ssub.add_parser("remove", help="remove a saved search")
    s_rm.add_argument("name")
    for b in ssub.choices.values():
        add_location(b, corpus=False, index=False, data=True)
        b.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_saved)

    for name, text in (("install-desktop", "add searchapp to the desktop's application menu"),
                       ("uninstall-desktop", "remove what install-desktop added")):
        p = sub.add_parser(name, help=text, description=text + " (the .desktop entry, icons "
                           "and AppStream metainfo; user-local unless --prefix says otherwise)")
        p.add_argument("--prefix", help="data folder to use (default: $XDG_DATA_HOME or "
                                        "~/.local/share; /usr/local/share for all users)")
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=cmd_desktop)
    from searchapp.cli.folders import add_parser as add_folders_parser

    add_folders_parser(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # named by the command they were given to
        prog = " ".join(["searchapp", *(x for x in (getattr(args, "command", None),
                                                     getattr(args, "action", None)) if x)])
        parser.exit(2, f"{prog}: error: unrecognized arguments: {' '.join(extra)} "
                       f"(see '{prog} --help')\n")
    if args.app_corpus:  # the app and the processes it starts read the environment
        os.environ["SEARCHAPP_CORPUS"] = args.app_corpus
    if args.self_test:
        from searchapp.cli.selftest import run_self_test

        return run_self_test(gui=args.self_test == "all")
    if args.command is None:
        from searchapp.app import launch

        return launch()
    from searchapp.errors import FolderError, IndexError_
    from searchapp.search.query import QueryError
    from searchapp.store import BookmarkError

    try:
        return args.func(args)
    except (QueryError, IndexError_, BookmarkError, FolderError, UserError) as exc:
        print(f"searchapp: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("searchapp: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
