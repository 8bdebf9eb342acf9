"""``searchapp folders``: the folders searched by default (list, add, remove, pause)."""

from __future__ import annotations

import argparse
import json

from searchapp.cli.common import add_location, copies_news, settings_of, warn
from searchapp.config import Settings, bundled_corpus
from searchapp.folders import folder_list


def add_parser(sub) -> None:
    p = sub.add_parser(
        "folders", help="list, add, remove, pause or resume the folders searched",
        description="The folders 'searchapp index', 'search' and the app use by default, "
                    "kept in the user data folder.  Adding or removing one updates the "
                    "index (bookmarks of a removed folder are kept, marked, and found "
                    "again if it is added back).")
    fsub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    fsub.add_parser("list", help="the folders, with their state")
    f = fsub.add_parser("add", help="search a folder (and index it now)")
    f.add_argument("path", metavar="DIR")
    f = fsub.add_parser("remove", help="stop searching a folder (its paragraphs leave the index)")
    f.add_argument("which", metavar="NAME|DIR")
    f = fsub.add_parser("pause", help="keep a folder's paragraphs but stop reading it")
    f.add_argument("which", metavar="NAME|DIR")
    f = fsub.add_parser("resume", help="read a paused folder again")
    f.add_argument("which", metavar="NAME|DIR")
    for name, f in fsub.choices.items():
        add_location(f, corpus=False, data=True)
        f.add_argument("--json", action="store_true", help="JSON output")
        if name != "list":
            f.add_argument("--no-index", action="store_true",
                           help="change the list only; 'searchapp index' updates later")
            f.add_argument("--no-persons", action="store_true",
                           help="index without the persons stage (as 'index --no-persons')")
    p.set_defaults(func=cmd_folders)


def cmd_folders(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    data, default = settings.data_dir, bundled_corpus()
    if args.action == "list":
        return _list(settings, args.json)
    if args.action == "add":
        folder = folder_list.add_folder(data, default, args.path)
        said = f"added '{folder.name}' ({folder.path})"
    elif args.action == "remove":
        folder = folder_list.remove_folder(data, default, args.which)
        said = f"removed '{folder.name}' ({folder.path}); its bookmarks are kept"
    else:
        folder = folder_list.set_paused(data, default, args.which, args.action == "pause")
        said = (f"paused '{folder.name}': what was indexed from it stays searchable"
                if folder.paused else f"resumed '{folder.name}'")
    report = persons = None
    if not args.no_index:
        from searchapp import api

        settings = settings.reload()
        report = _update(settings, quiet=args.json)
        if not args.json:
            print(said, report.summary(), sep="\n", flush=True)  # searchable from here
            if copies_news(report.copies):  # the copies stage's report, as `index`
                print(report.copies, flush=True)
            if report.scans_pending:  # read by `searchapp index` or the app, not here
                n = report.scans_pending
                print(f"scans: {n} scanned page{'s wait' if n != 1 else ' waits'} for OCR; "
                      f"'searchapp index' (or the app) reads {'them' if n != 1 else 'it'}")
        if not args.no_persons:
            persons = api.update_persons(settings)
    if args.json:
        out = {"folder": folder.to_json(), "action": args.action}
        if report is not None:
            out["index"] = report.to_json()
        if persons is not None:
            out["persons"] = persons.to_json()
        print(json.dumps(out, ensure_ascii=False))
    elif report is None or persons is not None:
        print(said if report is None else persons.summary())
    return 0


def _list(settings: Settings, as_json: bool) -> int:
    from searchapp.api import folder_rows

    rows = folder_rows(settings)
    if as_json:
        print(json.dumps({"folders": rows}, ensure_ascii=False))
        return 0
    if not rows:
        print("no folders; add one with 'searchapp folders add DIR'")
    for r in rows:
        print(f"{r['name']}  ({r['path']})  {r['state']}, {r['files']} files, "
              f"{r['paragraphs']} paragraphs")
    return 0


def _update(settings: Settings, quiet: bool):
    from searchapp import api

    report = api.update(settings, notify=warn)
    if not quiet:
        for path, reason in report.problems:
            warn(f"{path}: {reason}")
    return report
