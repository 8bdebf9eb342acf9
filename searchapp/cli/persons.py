"""The ``persons`` curation commands and the persons stage of ``index``, for the CLI.

Kept beside :mod:`searchapp.cli.commands` (which calls them) so that the commands module
stays short; each is a few lines over :mod:`searchapp.api`.
"""

from __future__ import annotations

import argparse
import sys

from searchapp.cli.common import UserError, add_location, copies_news, out, print_json_line
from searchapp.config import CURATION_FILE, Settings


def curate(args: argparse.Namespace, settings: Settings) -> int:
    """``persons merge|rename|hide|split|role``: recorded in the data folder, applied
    by re-running the persons stage's resolution (no re-index)."""
    from searchapp.api import curate_person
    from searchapp.index import index_exists
    from searchapp.ingest.persons.curation import CurationError

    if not index_exists(settings.index):
        raise UserError(f"no index at {settings.index}: run 'searchapp index' first")
    try:
        report = curate_person(settings, args.action, args.name, getattr(args, "value", "") or "")
    except CurationError as exc:  # an unknown person: one line, exit 2
        raise UserError(str(exc)) from None
    out(args, {"action": args.action, "name": args.name,
                "value": getattr(args, "value", "") or "", "persons": report.to_json()},
         f"{args.action}: done; {report.summary()}")
    return 0


def index_persons(args: argparse.Namespace, settings: Settings):
    """The persons stage after the keyword update (keyword search already works)."""
    from searchapp.procs.indexer import run_persons_in_process

    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if total and sys.stderr.isatty() and not args.quiet:
            if bar is None:
                from tqdm import tqdm

                bar = tqdm(total=total, unit="¶", desc="persons", leave=False)
            bar.n = done
            bar.refresh()

    try:  # in a child process: the model's memory is not added to the indexer's
        return run_persons_in_process(settings, progress=progress)
    finally:
        if bar is not None:
            bar.close()


def add_curation(p: argparse.ArgumentParser) -> None:
    """``persons merge|rename|hide|split|role``: curation kept in the data folder."""
    csub = p.add_subparsers(dest="action", metavar="ACTION")
    for action, value, text in (
            ("merge", "OTHER", "OTHER is the same person as NAME"),
            ("rename", "NEW", "call the person NEW (NAME stays a spelling)"),
            ("hide", None, "NAME is not a person"),
            ("split", "ALIAS", "ALIAS is another person than NAME"),
            ("role", "ROLE", "set the person's role")):
        c = csub.add_parser(action, help=text, description=text + "; kept in the data "
                            f"folder's {CURATION_FILE} and applied without re-indexing")
        c.add_argument("name", metavar="NAME", help="the person (any spelling)")
        if value:
            c.add_argument("value", metavar=value)
        c.add_argument("--json", action="store_true", help="print one JSON object")
        add_location(c, data=True)


def finish_index(args: argparse.Namespace, settings: Settings, report) -> int:
    """After the keyword update of ``searchapp index`` (keyword search works from
    here on): the persons stage unless ``--no-persons``, then the scanned pages unless
    ``--no-ocr`` (and the persons stage over their text).  Each file a stage could not
    read is told (stderr) as the stage finds it; the stages' summary lines follow all of
    them, at the end (or when interrupted: what was done)."""
    from searchapp.cli.scans import index_scans, left_unread, tell_scans

    summary: list[str] = []

    def say(line: str) -> None:
        if line and not args.json:
            summary.append(line)

    def done(code: int = 0, why: str = "") -> int:
        if summary:
            print("\n".join(summary), flush=True)
        if why:
            print(f"searchapp: {why}", file=sys.stderr)
        return code

    say(report.summary())
    if copies_news(report.copies):
        say(report.copies)  # what the copies stage found after the commit
    persons = scans = None
    try:
        if not args.no_persons:
            persons = index_persons(args, settings)
            say(persons.summary())
    except KeyboardInterrupt:
        return done(130, "person recognition interrupted; what it finished is kept and the "
                         "next 'searchapp index' goes on from there")
    if args.no_ocr:
        say(left_unread(settings))
    else:
        try:
            scans = index_scans(args, settings)
        except KeyboardInterrupt:
            return done(130, "reading scans interrupted; the pages read are kept and the "
                             "next 'searchapp index' goes on from there")
        tell_scans(args, scans, report.problems)
        if scans.pages or scans.note or scans.failed:
            say(scans.summary())
            copies = scans.update.copies if scans.update else ""
            if copies_news(copies):
                say(copies)  # what the copies stage found in the scans' text
        if scans.paragraphs and not args.no_persons:
            persons = index_persons(args, settings)  # the scans' new paragraphs only
            say(persons.summary())
    if args.json:
        data = report.to_json()
        if scans is not None:
            data["failed"] += [{"path": p, "error": e} for p, e in scans.failed]
            if scans.update is not None:
                for key, found in (("failed", scans.update.failed),
                                   ("partial", scans.update.partial)):
                    data[key] += [{"path": p, "error": e} for p, e in found
                                  if {"path": p, "error": e} not in data[key]]
                data["total_paragraphs"] = scans.update.total_paragraphs
            data["scans"] = scans.to_json()
        else:
            from searchapp.index.ocr_stage import pending_count

            data["scans"] = {"pending": pending_count(settings)[0], "skipped": True}
        print_json_line({**data, **({"persons": persons.to_json()} if persons else {})})
    return done()
