"""What every command of the CLI shares: its settings, its output, its one-line errors."""

from __future__ import annotations

import argparse
import json
import sys

from searchapp.config import Settings


class UserError(Exception):
    """A problem the user can fix; printed as one line."""


def settings_of(args: argparse.Namespace) -> Settings:
    """The settings a command runs with: its ``--corpus``, ``--index`` and
    ``--data-dir`` over the environment and the defaults."""
    return Settings.resolve(corpus=getattr(args, "corpus", None),
                            index=getattr(args, "index", None),
                            data_dir=getattr(args, "data_dir", None))


def print_json_line(obj) -> None:
    """``obj`` as one line of JSON on stdout (JSON Lines; non-ASCII kept)."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def out(args: argparse.Namespace, obj, human: str) -> None:
    """``obj`` as JSON with ``--json``, else the line ``human``."""
    if getattr(args, "json", False):
        print_json_line(obj)
    else:
        print(human)


def warn(message: str) -> None:
    """A warning on stderr, prefixed as every message of the CLI."""
    print(f"searchapp: {message}", file=sys.stderr)


def add_location(p: argparse.ArgumentParser, corpus: bool = True, index: bool = True,
                 data: bool = False) -> None:
    """The ``--corpus``, ``--index`` and ``--data-dir`` flags a command takes."""
    if corpus:
        p.add_argument("--corpus", metavar="DIR", help="search this folder only, this time "
                       "(default: the folders of 'searchapp folders'; env SEARCHAPP_CORPUS)")
    if index:
        p.add_argument("--index", metavar="DIR", help="index folder (default: in the user data "
                       "folder; env SEARCHAPP_INDEX)")
    if data:
        p.add_argument("--data-dir", metavar="DIR", help="where bookmarks and history are "
                       "kept (default: the user data folder; env SEARCHAPP_DATA_DIR)")


def open_engine(settings: Settings):
    """The search engine (a damaged index is rebuilt first: :func:`searchapp.api.open_engine`)."""
    from searchapp import api

    return api.open_engine(settings, notify=warn)


def open_store(settings: Settings):
    """The bookmark store (a damaged one is salvaged and said so: :func:`searchapp.api.open_store`)."""
    from searchapp import api

    return api.open_store(settings, notify=warn)


def copies_news(report: str) -> str:
    """The copies stage's report line when it found or changed something, else ``""``
    (nothing to say: "up to date", "none")."""
    return "" if not report or report.startswith(("copies: up to date", "copies: none")) \
        else report

