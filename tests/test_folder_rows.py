"""api.folder_rows: each folder with its state and what the index holds from it
(shared by 'searchapp folders list' and the app's Folders dialog)."""

from __future__ import annotations

import json
import shutil

from conftest import run_cli

from searchapp.api import folder_rows
from searchapp.config import Settings, bundled_corpus
from searchapp.folders import folder_list
from searchapp.index.update import update_index


def test_rows_give_state_files_and_paragraphs_per_folder(tmp_path):
    data = tmp_path / "data"
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "one.txt").write_text("First paragraph of one.\n\nSecond paragraph of one.\n")
    (a / "two.txt").write_text("Only paragraph of two.\n")
    (b / "three.txt").write_text("Only paragraph of three.\n")
    folder_list.remove_folder(data, bundled_corpus(), "Sample articles")
    folder_list.add_folder(data, bundled_corpus(), a)
    folder_list.add_folder(data, bundled_corpus(), b)
    settings = Settings.resolve(data_dir=data, env={})
    assert not settings.only_sample
    update_index(settings)
    rows = folder_rows(settings)
    assert [(r["name"], r["state"], r["files"], r["paragraphs"]) for r in rows] == [
        ("a", "active", 2, 3), ("b", "active", 1, 1)]
    folder_list.set_paused(data, bundled_corpus(), "a", True)
    shutil.rmtree(b)
    rows = folder_rows(settings.reload())
    assert [(r["state"], r["files"]) for r in rows] == [("paused", 2), ("missing", 1)]
    proc = run_cli("folders", "list", "--json", "--data-dir", str(data))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["folders"] == rows


def test_first_run_is_the_sample_only(tmp_path):
    settings = Settings.resolve(data_dir=tmp_path / "data", env={})
    assert settings.only_sample
    assert not Settings.resolve(corpus=bundled_corpus(), data_dir=tmp_path, env={}).only_sample


def test_a_shown_path_back_to_the_file_it_names(tmp_path):
    """What the Index problems dialog shows: each skipped file by its full path, found
    from the path the report gives (its path in its folder, after the folder's name when
    several folders are searched)."""
    from searchapp.folders.folder_list import Folder

    a, b = tmp_path / "Research" / "notes", tmp_path / "Downloads"
    one = Settings(folders=(Folder(a, "notes"),), index=tmp_path / "i", data_dir=tmp_path / "d")
    two = Settings(folders=(Folder(a, "notes"), Folder(b, "Downloads")),
                   index=tmp_path / "i", data_dir=tmp_path / "d")
    for settings in (one, two):
        key = folder_list.file_key_of(a.as_posix(), "2024/broken.pdf")
        shown = settings.display_path(key)
        assert settings.file_path(shown) == a / "2024" / "broken.pdf"
    assert two.display_path(folder_list.file_key_of(b.as_posix(), "x.png")) == "Downloads/x.png"
    assert two.file_path("Downloads/x.png") == b / "x.png"
    # a curation file (in the data folder or any folder) or a folder's name: no one file
    assert one.file_path("catalog.toml") is None and two.file_path("notes") is None
