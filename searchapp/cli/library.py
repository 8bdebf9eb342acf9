"""The commands over the index and the bookmark store: ``search``, ``bookmarks``,
``history`` and ``saved`` (each imports the core it runs when it runs)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from searchapp.cli.common import (
    UserError,
    open_engine,
    open_store,
    out,
    print_json_line,
    settings_of,
)
from searchapp.config import Settings
from searchapp.dates import display as display_date
from searchapp.model import cite, describe_search


def _request(args: argparse.Namespace):
    from searchapp.model import FACETS
    from searchapp.search.engine import SearchRequest

    return SearchRequest(
        query=" ".join(args.query), date_from=args.date_from, date_to=args.date_to,
        **{f.request: getattr(args, f.name) or [] for f in FACETS},
        sort=args.sort, page=args.page, page_size=args.limit,
        all_copies=getattr(args, "all_copies", False),
    )


def cmd_search(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    req = _request(args)
    code = _run_search(args, settings, req)  # a query that fails is kept out of history
    if not args.no_history:
        _record_history(settings, req)
    return code


def _run_search(args: argparse.Namespace, settings: Settings, req) -> int:
    with open_engine(settings) as engine:
        result = engine.search(req)
    pages = max(1, -(-result.total // req.page_size))
    if result.total and req.page > pages:
        raise UserError(f"page {req.page} is past the last page ({pages} page"
                        f"{'s' if pages != 1 else ''} of {req.page_size} for {result.total} "
                        "paragraphs)")
    if getattr(args, "json", False):
        print_json_line(result.to_json())
        return 0
    for notice in result.notices:
        print(f"note: {notice}")
    print(f"{result.count_text()} match{'es' if result.count_text() == '1 paragraph' else ''}"
          + (f" (page {req.page} of {pages})" if result.total > req.page_size else ""))
    if result.suggestion:
        print(f"Did you mean: {result.suggestion}")
    bold = sys.stdout.isatty()
    for i, hit in enumerate(result.hits, (req.page - 1) * req.page_size + 1):
        date = display_date(hit.date, hit.year)
        print()
        where = cite(hit.title or hit.path, hit.source or "(source unknown)", date, hit.para,
                     hit.page)
        scan = " (read from a scan)" if hit.scan else ""
        print(f"{i}. {where}{scan}  [{hit.doc_id}:{hit.para}]")
        mark = f"[{hit.shown_kind}] " if hit.shown_kind else ""  # as `extract` marks it
        print("   " + mark + _plain(hit, bold))
        if hit.persons:
            print("   persons: " + ", ".join(hit.persons))
        if hit.quotes:
            print("   quoted: " + ", ".join(dict.fromkeys(
                q["speaker"] or f"{q['source']} (unnamed)" for q in hit.quotes)))
        if hit.copies:
            print(f"   also in {len(hit.copies)}: " + ", ".join(
                f"{c['source'] or c['path']} ¶{c['para']} [{c['doc_id']}:{c['para']}]"
                for c in hit.copies))
    if result.total and getattr(args, "facets", False):
        print()
        for facet, rows in result.facets.items():
            if rows:
                print(f"{facet}: " + ", ".join(f"{r['value']} ({r['count']})" for r in rows[:8]))
    return 0


def _plain(hit, bold: bool) -> str:
    from searchapp.search.highlight import render_snippet

    on, off = ("\033[1m", "\033[0m") if bold else ("[", "]")
    return render_snippet(hit.text, hit.marks, lambda s: on + s + off, escape=str)


def _record_history(settings: Settings, req) -> None:
    filters = req.filters()
    try:
        with open_store(settings) as store:
            store.add_history(req.query, filters)
    except Exception:  # history is a convenience; never fail a search over it
        pass


def cmd_bookmarks(args: argparse.Namespace) -> int:
    from searchapp.store import BookmarkError

    settings = settings_of(args)
    with open_store(settings) as store:
        if args.action == "add":
            with open_engine(settings) as engine:
                para = engine.paragraph(args.paragraph)
            if para is None:
                raise BookmarkError(f"no paragraph '{args.paragraph}' in the index "
                                    "(use the DOC_ID:PARA shown by 'searchapp search')")
            b = store.add(para, note=args.note or "", tags=args.tag,
                          folder_path=settings.folder_path_of(para))
            out(args, b.to_json(), f"bookmark {b.id}: {b.title or b.path} ¶{b.para}")
        elif args.action == "list":
            from searchapp.index import index_exists

            if args.reconcile or index_exists(settings.index):
                with open_engine(settings) as engine:  # cheap when done in this index
                    if args.reconcile:
                        store.reconcile(engine)
                    else:
                        store.reconcile_if_needed(engine)
            rows = store.list(tag=args.tag_filter, text=args.text)
            if args.json:
                print_json_line({"bookmarks": [b.to_json() for b in rows]})
            else:
                if not rows:
                    print("no bookmarks" + (" match" if args.tag_filter or args.text else " yet"))
                for b in rows:
                    flag = "  (its folder was removed; saved text)" if \
                        b.folder_removed(settings.listed) else \
                        "  (paragraph gone; saved text)" if b.status == "missing" else \
                        f"  (edited since bookmarked: {b.changes})" if b.changes else ""
                    tags = "  " + " ".join("#" + t for t in b.tags) if b.tags else ""
                    print(f"{b.id:4}  {cite(b.title or b.path, b.source, b.date, b.para, b.page)}"
                          f"{tags}{flag}")
                    print(f"      {b.text[:160]}{'…' if len(b.text) > 160 else ''}")
                    if b.note:
                        print(f"      note: {b.note}")
        elif args.action == "edit":
            b = store.update(args.id, note=args.note, tags=args.tag)
            out(args, b.to_json(), f"bookmark {b.id} updated")
        elif args.action == "remove":
            for bid in args.ids:
                store.remove(bid)
            out(args, {"removed": args.ids}, f"removed {len(args.ids)} bookmark(s)")
        elif args.action == "export":
            rows = store.list(tag=args.tag_filter, text=None)
            text = store.export(args.format, rows)
            if args.output:
                Path(args.output).write_text(text, encoding="utf-8")
                print(f"exported {len(rows)} bookmark(s) to {args.output}", file=sys.stderr)
            else:
                sys.stdout.write(text)
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    with open_store(settings_of(args)) as store:
        if args.clear:
            store.clear_history()
            out(args, {"cleared": True}, "history cleared")
            return 0
        rows = store.history(args.limit)
    if args.json:
        print_json_line({"history": rows})
    else:
        if not rows:
            print("no searches in the history yet")
        for r in rows:
            print(describe_search(r["query"], r["filters"]))
    return 0


def cmd_saved(args: argparse.Namespace) -> int:
    settings = settings_of(args)
    with open_store(settings) as store:
        if args.action == "run":
            saved = store.saved_search(args.name)
        elif args.action == "add":
            req = _request(args)
            filters = {**req.filters(), "sort": req.sort}
            if not args.replace and any(r["name"] == args.name.strip()
                                        for r in store.saved_searches()):
                raise UserError(f"a saved search is already called '{args.name}' "
                                "(add --replace to replace it)")
            store.save_search(args.name, req.query, filters)
            out(args, {"name": args.name, "query": req.query, "filters": filters},
                 f"saved search '{args.name}'")
        elif args.action == "list":
            rows = store.saved_searches()
            if args.json:
                print_json_line({"saved": rows})
            else:
                if not rows:
                    print("no saved searches yet")
                for r in rows:
                    print(f"{r['name']}: {describe_search(r['query'], r['filters'])}")
        elif args.action == "remove":
            store.delete_saved_search(args.name)
            out(args, {"removed": args.name}, f"removed saved search '{args.name}'")
    if args.action == "run":
        from searchapp.model import SearchRequest

        req = SearchRequest.from_json({**saved["filters"], "query": saved["query"],
                                       "page": args.page, "page_size": args.limit})
        return _run_search(args, settings, req)
    return 0
