"""Several folders searched as one collection, through the CLI (``searchapp folders``,
``index``, ``search``, ``bookmarks``) with real documents."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import CORPUS, SEEDS, run_cli
from format_fixtures import make_docx, make_pdf, make_png

# slow: the folder commands index in subprocesses (run by .ci/run; `pytest -m slow`)
pytestmark = pytest.mark.slow


@pytest.fixture
def data(tmp_path):
    return tmp_path / "data"


def cli(data, *args, check=True, persons=False):
    """A command on the data folder ``data``; what indexes skips the persons stage
    (``--no-persons``) unless ``persons``: these tests are about folders and the keyword
    index (tests/test_persons_stage.py tries the stage)."""
    indexes = args[:1] == ("index",) or (args[:1] == ("folders",) and args[1:2] != ("list",))
    if indexes and not persons and check:
        args = (*args, "--no-persons")
    proc = run_cli(*args, env={"SEARCHAPP_DATA_DIR": str(data), "SEARCHAPP_CORPUS": "",
                               "SEARCHAPP_INDEX": ""})
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def cli_json(data, *args, persons=False):
    return json.loads(cli(data, *args, "--json", persons=persons).stdout)


def make_folder(path):
    path.mkdir(parents=True)
    make_pdf(path / "report.pdf")
    (path / "notes").mkdir()
    make_docx(path / "notes" / "notes.docx")
    make_png(path / "photo.png")  # a damaged image: reported
    (path / "clip.mp3").write_bytes(b"ID3\x03" + b"\0" * 64)  # not a document
    return path


def test_first_run_is_the_sample_then_folders_are_added_and_searched(data, tmp_path):
    listed = cli_json(data, "folders", "list")["folders"]
    assert [(f["name"], f["path"]) for f in listed] == [("Sample articles", str(CORPUS))]
    mine = make_folder(tmp_path / "research")
    added = cli_json(data, "folders", "add", str(mine), persons=True)
    assert added["folder"]["name"] == "research" and added["index"]["added"] >= 7
    assert added["persons"]["paragraphs"] > 100  # the persons stage ran over both folders
    # the unsupported file is reported with the folder's name
    assert {"path": "research/clip.mp3", "error": "unsupported file type (.mp3)"} in \
        added["index"]["failed"]
    assert any(f["path"] == "research/photo.png" and "damaged or unreadable image" in f["error"]
               for f in added["index"]["failed"])
    rows = {f["name"]: f for f in cli_json(data, "folders", "list")["folders"]}
    assert rows["research"]["files"] == 2 and rows["Sample articles"]["files"] == 5
    out = cli_json(data, "search", "diplomatic")
    folders = {f["value"]: f["count"] for f in out["facets"]["folder"]}
    assert set(folders) == {"Sample articles", "research"}
    only = cli_json(data, "search", "diplomatic", "--folder", "research")
    assert only["total"] == folders["research"]
    assert {h["folder"] for h in only["hits"]} == {"research"}
    assert {h["path"] for h in only["hits"]} <= {"report.pdf", "notes/notes.docx"}
    # the same file name in two folders: two documents
    twin = tmp_path / "other" / "research"
    twin.mkdir(parents=True)
    shutil.copy(mine / "report.pdf", twin / "report.pdf")
    second = cli_json(data, "folders", "add", str(twin))["folder"]
    assert second["name"] == "research (other)"
    # the same file in two folders: one story with its copy, both listed with --all-copies
    hits = cli_json(data, "search", '"two-track approach"', "--limit", "50",
                    "--all-copies")["hits"]
    assert len({h["doc_id"] for h in hits if h["path"] == "report.pdf"}) == 2


def test_folder_errors_are_one_readable_line(data, tmp_path):
    mine = make_folder(tmp_path / "research")
    cli(data, "folders", "add", str(mine), "--no-index")
    for args, words in ((("add", str(mine)), "already searched"),
                        (("add", str(mine / "notes")), "inside the folder 'research'"),
                        (("add", str(tmp_path)), "around the folder 'research'"),
                        (("add", str(tmp_path / "nope")), "no folder at"),
                        (("add", str(mine / "report.pdf")), "is a file, not a folder"),
                        (("remove", "nothing"), "no folder 'nothing'")):
        proc = cli(data, "folders", *args, check=False)
        assert proc.returncode == 2 and words in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    (data / "folders.json").write_text("{not json")
    proc = cli(data, "search", "x", check=False)
    assert proc.returncode == 2 and "folders.json cannot be read" in proc.stderr


def test_removed_folder_keeps_bookmarks_and_finds_them_again(data, tmp_path):
    mine = make_folder(tmp_path / "research")
    cli(data, "folders", "add", str(mine))
    hit = cli_json(data, "search", "crowded", "--folder", "research")["hits"][0]
    assert hit["page"] == 1
    cli(data, "bookmarks", "add", hit["key"], "--note", "keep")
    removed = cli_json(data, "folders", "remove", "research")
    assert removed["index"]["removed"] >= 2
    assert cli_json(data, "search", "crowded", "--folder", "research")["total"] == 0
    (mark,) = cli_json(data, "bookmarks", "list")["bookmarks"]
    assert mark["status"] == "missing" and mark["note"] == "keep" and mark["page"] == 1
    cli(data, "folders", "add", str(mine))
    (mark,) = cli_json(data, "bookmarks", "list")["bookmarks"]
    assert mark["status"] == "ok" and mark["doc_id"] == hit["doc_id"]
    # moved inside the folders: found at its new path without a rebuild
    (mine / "archive").mkdir()
    (mine / "report.pdf").rename(mine / "archive" / "2024 report.pdf")
    update = cli_json(data, "index")
    assert not update["rebuilt"] and update["added"] == 1 and update["removed"] == 1
    (mark,) = cli_json(data, "bookmarks", "list")["bookmarks"]
    assert mark["status"] == "moved" and mark["path"] == "archive/2024 report.pdf"
    # a one-off folder (its own index) does not lose the saved list's bookmarks
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(SEEDS["000"], other)
    cli(data, "index", "--corpus", str(other))
    cli(data, "bookmarks", "list", "--corpus", str(other))
    (mark,) = cli_json(data, "bookmarks", "list")["bookmarks"]
    assert mark["status"] in ("ok", "moved")


def test_paused_folder_stays_searchable_and_is_not_read(data, tmp_path):
    mine = make_folder(tmp_path / "research")
    cli(data, "folders", "add", str(mine))
    cli(data, "folders", "pause", "research")
    (mine / "report.pdf").unlink()
    again = cli_json(data, "index")
    assert again["removed"] == 0
    assert cli_json(data, "search", "crowded", "--folder", "research")["total"] >= 1
    state = {f["name"]: f["state"] for f in cli_json(data, "folders", "list")["folders"]}
    assert state["research"] == "paused"
    resumed = cli_json(data, "folders", "resume", "research")
    assert resumed["index"]["removed"] == 1
    assert cli_json(data, "search", "crowded", "--folder", "research")["total"] == 0


def test_curation_in_the_data_folder_and_a_folders_own_override(data, tmp_path):
    mine = tmp_path / "research"
    mine.mkdir()
    (mine / "a.txt").write_text("Minister Park Ji-hoon met the trade envoys in Seoul today.\n\n"
                                "Park Ji-hoon said the talks would continue next month.\n")
    data.mkdir()
    (data / "persons.toml").write_text('[[person]]\nname = "Park Ji-hoon"\n'
                                       'aliases = ["Park Jihoon"]\nrole = "minister"\n')
    (data / "catalog.toml").write_text('[[document]]\npath = "a.txt"\nsource = "Data Wire"\n')
    cli(data, "folders", "add", str(mine))
    out = cli_json(data, "search", "talks", "--person", "Park Jihoon")
    assert out["total"] == 1 and out["hits"][0]["source"] == "Data Wire"
    # the folder's own catalog overrides the data folder's for its documents only
    (mine / "catalog.toml").write_text('[[document]]\npath = "a.txt"\nsource = "Folder Wire"\n')
    update = cli_json(data, "index")
    assert update["rebuilt"] and update["updated"] == 1  # only this folder re-read
    assert cli_json(data, "search", "talks")["hits"][0]["source"] == "Folder Wire"
    sample = cli_json(data, "search", "summit", "--folder", "Sample articles")
    assert sample["total"] > 0  # the sample kept its own catalog


def test_adding_a_folder_says_what_the_copies_stage_found_as_index_does(data, tmp_path):
    from copies_fixtures import make_copies

    make_copies(tmp_path / "wire")  # the seeds and two outlets' copies of one of them
    said = cli(data, "folders", "add", str(tmp_path / "wire")).stdout
    assert any(line.startswith("copies: ") and "group" in line for line in said.splitlines()), said
