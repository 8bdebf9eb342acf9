"""Defects a new user's trial found in reading files and in the CLI's output: bylines
of plain text, CJK bylines with their desk, "Site :: Headline" titles, a DOCX's
template date against the date its memo states, quoted e-mail paragraphs in
``search``'s text output, persons in ``extract --json``, a text with stray NULs."""

from __future__ import annotations

from pathlib import Path

import pytest

from searchapp.cli.commands import main as cli_main
from searchapp.config import Settings
from searchapp.index.update import update_index
from searchapp.ingest.pipeline import load_document

MAIL = ("From: Oskar Berg <oskar@example.net>\nTo: Mira Holm <mira@example.net>\n"
        "Subject: Re: Harbour figures\nDate: Tue, 17 Nov 2026 09:12:00 +0100\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        "Thanks, the tonnage figure is confirmed by the harbour office.\n\n"
        "Oskar\n\n"
        "On Mon, 16 Nov 2026 at 18:02, Mira Holm <mira@example.net> wrote:\n"
        "> Could you check the tonnage with the harbour office? The dredging\n"
        "> contract looks odd to me.\n")


@pytest.mark.slow
def test_search_text_output_marks_a_quoted_mail_paragraph(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "reply.eml").write_text(MAIL, "utf-8")
    settings = Settings(corpus=corpus, index=tmp_path / "index", data_dir=tmp_path / "data")
    assert update_index(settings).added == 1
    where = ["--corpus", str(corpus), "--index", str(settings.index),
             "--data-dir", str(settings.data_dir)]
    assert cli_main(["search", *where, "--no-history", "dredging"]) == 0
    quoted = capsys.readouterr().out
    assert "   [quote] Could you check the tonnage" in quoted
    assert cli_main(["search", *where, "--no-history", "confirmed"]) == 0
    own = capsys.readouterr().out
    assert "   Thanks, the tonnage figure is [confirmed]" in own  # the body: unmarked
    assert "[quote]" not in own
