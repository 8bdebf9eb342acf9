"""A new user's trial (session 21, leftovers): files made in the test the way people
save them, read through the core API (``load_documents``) or the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from searchapp.ingest.pipeline import load_documents

MAIL = ("From: Odile Farrant <odile@example.org>\nTo: desk@example.org\n"
        "Subject: Ferry timetable\nDate: Tue, 10 Feb 2026 08:30:00 +0000\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n")


def _paras(docs) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for d in docs for p in d.paragraphs
            if p.kind not in ("title", "byline")]


def _mail(tmp_path: Path, body: str) -> list[tuple[str, str]]:
    path = tmp_path / "note.eml"
    path.write_bytes((MAIL + body).encode("utf-8"))
    return _paras(load_documents(path, tmp_path))


@pytest.mark.parametrize("delimiter", ["-- ", "--"])
def test_an_e_mail_signature_under_its_delimiter_is_not_body_text(tmp_path, delimiter):
    """The standard delimiter is "-- "; many type "--": the signature under either was
    indexed as the message's text, its phone number and title found as if written."""
    paras = _mail(tmp_path, "The winter timetable starts on Monday -- two sailings a day.\n\n"
                            f"Best,\nOdile\n{delimiter}\nOdile Farrant\nPort liaison, "
                            "Kessock Ferries\n+44 1463 000000\n")
    assert paras == [
        ("body", "The winter timetable starts on Monday -- two sailings a day."),
        ("body", "Best,"), ("body", "Odile"),
        ("credit", "Odile Farrant · Port liaison, Kessock Ferries · +44 1463 000000")]


def test_a_dash_dash_line_in_the_middle_of_a_message_is_prose(tmp_path):
    """Only a line that is exactly "--" near the end opens a signature: one between
    sections of a long message, or "--" inside a sentence, is the sender's text."""
    sections = "\n\n".join(f"Point {n}: the berth {n} fenders need replacing." for n in range(12))
    paras = _mail(tmp_path, f"Notes from the inspection.\n--\n{sections}\n")
    assert all(kind == "body" for kind, _ in paras)
    assert ("body", "Point 11: the berth 11 fenders need replacing.") in paras


def test_a_signature_above_the_quoted_message_of_a_reply_ends_the_senders_text(tmp_path):
    paras = _mail(tmp_path, "Yes, Thursday suits.\n--\nOdile Farrant\n\n"
                            "On Mon, 9 Feb 2026, Piet Ossel <piet@example.org> wrote:\n"
                            "> Can we meet on Thursday?\n")
    assert paras == [("body", "Yes, Thursday suits."), ("credit", "Odile Farrant"),
                     ("quote", "On Mon, 9 Feb 2026, Piet Ossel <piet@example.org> wrote:"),
                     ("quote", "Can we meet on Thursday?")]


@pytest.mark.parametrize("query, field", [("title:(", "title"), ("title:( )", "title"),
                                          ("person:(", "person")])
def test_a_field_with_an_empty_group_is_one_readable_line(seed_settings, query, field):
    """`searchapp search 'title:('` searched "title:(" as a word (0 matches, a note on
    parentheses) where 'title:' says in one line that the field needs a value."""
    from conftest import run_cli

    proc = run_cli("search", query, "--no-history",
                   env={"SEARCHAPP_CORPUS": str(seed_settings.corpus),
                        "SEARCHAPP_INDEX": str(seed_settings.index),
                        "SEARCHAPP_DATA_DIR": str(seed_settings.data_dir)})
    assert proc.returncode == 2 and f"'{field}:' needs a value right after the colon" \
        in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and not proc.stdout.strip()


def test_an_unclosed_group_after_a_field_keeps_its_field(seed_engine):
    """'title:(summit' searched title: for nothing and summit anywhere; the parenthesis
    left out, it is title:summit."""
    from searchapp.model import SearchRequest

    def total(q):
        return seed_engine.search(SearchRequest(query=q)).total
    assert total("title:(summit") == total("title:summit") > 0
