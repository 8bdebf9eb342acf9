"""The CLI's answers: loose filter flags, empty lists, paging, saved searches, exit codes."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import CORPUS, run_cli


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli_answers")
    shutil.copytree(CORPUS, root / "corpus")
    assert cli(root, "index").returncode == 0
    return root


def cli(work, *args):
    return run_cli(*args, env={"SEARCHAPP_CORPUS": str(work / "corpus"),
                               "SEARCHAPP_INDEX": str(work / "index"),
                               "SEARCHAPP_DATA_DIR": str(work / "data")})


def total(work, *args) -> int:
    proc = cli(work, "search", *args, "--json", "--no-history")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["total"]


@pytest.mark.parametrize("flag,field", [("--source", "source"), ("--author", "author")])
@pytest.mark.parametrize("value", ["Epoch Times", "Liou", "epoch times"])
def test_filter_flags_match_as_the_query_fields_do(work, flag, field, value):
    assert total(work, flag, value) == total(work, f'{field}:"{value}"')


def test_a_filter_value_that_matches_nothing_says_so(work):
    proc = cli(work, "search", "--place", "Atlantis", "--no-history")
    assert "No place is called 'Atlantis'" in proc.stdout
    proc = cli(work, "search", "--source", "Epoch Times", "--no-history")
    assert "taken as 'The Epoch Times'" in proc.stdout


def test_a_page_past_the_end_is_one_readable_line(work):
    proc = cli(work, "search", "summit", "--page", "99", "--no-history")
    assert proc.returncode == 2 and "past the last page" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_unknown_options_point_to_the_commands_own_help(work):
    proc = cli(work, "search", "--bogus")
    assert proc.returncode == 2 and "see 'searchapp search --help'" in proc.stderr
    proc = cli(work, "bookmarks", "list", "--bogus")
    assert "see 'searchapp bookmarks list --help'" in proc.stderr


def test_empty_lists_and_clearing_say_so(tmp_path):
    work = tmp_path
    assert "no searches" in cli(work, "history").stdout
    assert "no bookmarks" in cli(work, "bookmarks", "list").stdout
    assert "no saved searches" in cli(work, "saved", "list").stdout
    assert "history cleared" in cli(work, "history", "--clear").stdout


def test_history_and_saved_searches_read_as_searches(work):
    cli(work, "search", "summit", "--year", "2023", "--source", "Epoch Times")
    line = cli(work, "history").stdout.splitlines()[0]
    assert line == "summit — Source: Epoch Times, Year 2023"
    assert "{" not in line


def test_a_query_that_fails_is_not_kept_in_history(work):
    assert cli(work, "search", "person:").returncode == 2
    assert cli(work, "search", "date:yesterday").returncode == 2
    assert cli(work, "search", "harbour").returncode == 0
    lines = cli(work, "history").stdout.splitlines()
    assert lines[0] == "harbour"
    assert not any(line.startswith(("person:", "date:")) for line in lines)


def test_saved_searches_are_not_replaced_silently_and_can_be_run(work):
    assert cli(work, "saved", "add", "tariffs", "tariff", "--year", "2024").returncode == 0
    proc = cli(work, "saved", "add", "tariffs", "summit")
    assert proc.returncode == 2 and "--replace" in proc.stderr
    ran = cli(work, "saved", "run", "tariffs", "--json")
    assert ran.returncode == 0
    assert json.loads(ran.stdout)["total"] == total(work, "tariff", "--year", "2024")
    assert cli(work, "saved", "add", "tariffs", "summit", "--replace").returncode == 0
    assert json.loads(cli(work, "saved", "run", "tariffs", "--json").stdout)["total"] == \
        total(work, "summit")


def test_bookmark_lines_leave_out_empty_fields(work):
    hit = json.loads(cli(work, "search", "--json", "--no-history",
                         "--year", "2024").stdout)["hits"][0]
    assert cli(work, "bookmarks", "add", hit["key"]).returncode == 0
    listing = cli(work, "bookmarks", "list").stdout
    assert "— ," not in listing and ", ¶" not in listing
    assert "2024" in listing


def test_extract_exits_2_on_a_file_it_cannot_use(work, tmp_path):
    bad = tmp_path / "x.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    proc = cli(work, "extract", str(bad))
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
