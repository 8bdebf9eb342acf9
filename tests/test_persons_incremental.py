"""Incremental resolution gives what a resolution from scratch gives.

The persons stage keeps each document's resolution steps (``persons-memo.sqlite3``)
and, after a change, computes them again only for the documents the change reaches.
On real documents (the seed articles and the test pages), through ``searchapp
index`` and the curation commands: after adding, changing and removing one file and
after curation actions, ``persons.json`` and ``searchapp persons --json`` must be
exactly what a resolution with nothing remembered writes, and the incremental run
must have reused the untouched documents' steps.
"""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import CORPUS, FIXTURES, run_cli

pytest.importorskip("spacy")


def _available() -> bool:
    from searchapp.ingest.persons.recognize import Recognizer

    return Recognizer().available


# slow: real `searchapp index` runs with the persons stage, in child processes
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not _available(), reason="no spaCy pipeline installed")]

#: Held out of the first index, added later.
LATER = "lima-summit.html.gz"


def _settings(root):
    from searchapp.config import Settings

    return Settings(corpus=root / "corpus", index=root / "index", data_dir=root / "data")


def _env(s) -> dict:
    return {"SEARCHAPP_CORPUS": str(s.corpus), "SEARCHAPP_INDEX": str(s.index),
            "SEARCHAPP_DATA_DIR": str(s.data_dir)}


def _index(s) -> dict:
    proc = run_cli("index", "--json", env=_env(s))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])["persons"]


def _persons_json(s) -> dict:
    from searchapp.index import PERSONS_FILE

    data = json.loads((s.index / PERSONS_FILE).read_text("utf-8"))
    data.pop("stamp")
    return data


def _listed(s) -> list[dict]:
    proc = run_cli("persons", "--json", env=_env(s))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["persons"]


def _assert_same_as_from_scratch(s) -> None:
    """persons.json and the persons list as they are equal what a resolution with
    nothing remembered makes of the same index; the incremental state is put back."""
    from searchapp.index import PERSONS_FILE, PERSONS_MEMO
    from searchapp.index.persons_stage import resolve_persons

    incremental, listed = _persons_json(s), _listed(s)
    kept = {name: (s.index / name).read_bytes() for name in (PERSONS_FILE, PERSONS_MEMO)}
    (s.index / PERSONS_MEMO).unlink()
    report = resolve_persons(s)
    assert report.documents_resolved == report.documents > 0  # nothing was reused
    assert _persons_json(s) == incremental
    assert _listed(s) == listed
    for name, data in kept.items():
        (s.index / name).write_bytes(data)


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    """The seed articles and the test pages but one, with no registry, indexed."""
    root = tmp_path_factory.mktemp("incremental")
    (root / "corpus").mkdir()
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, root / "corpus" / f.name)
    for f in (FIXTURES / "html").iterdir():
        if f.name != LATER and f.suffix in (".gz", ".html"):
            shutil.copy(f, root / "corpus" / f.name)
    s = _settings(root)
    first = _index(s)
    assert first["resolved"] and first["documents_resolved"] == first["documents"] >= 9
    _assert_same_as_from_scratch(s)
    return s


def test_adding_changing_and_removing_a_file_resolves_as_from_scratch(collection):
    s = collection
    mentioned = sum(p["paragraphs"] for p in _listed(s))

    shutil.copy(FIXTURES / "html" / LATER, s.corpus / LATER)  # one new file
    added = _index(s)
    assert added["recognized"] > 0
    assert 0 < added["documents_resolved"] < added["documents"]
    _assert_same_as_from_scratch(s)
    assert sum(p["paragraphs"] for p in _listed(s)) > mentioned  # the new page's persons

    seed = sorted(s.corpus.glob("*.txt"))[1]  # one changed file: a paragraph naming
    text = seed.read_text("utf-8")  # a person of another document by family name alone
    person = next(p["name"] for p in _listed(s) if len(p["name"].split()) == 2
                  and p["name"].split()[0] not in text)
    seed.write_text(text + f"\n\nOn Monday {person} met the delegation again, and "
                    f"{person.split()[-1]} said the talks would go on.\n", "utf-8")
    changed = _index(s)
    assert changed["resolved"] and changed["documents_resolved"] < changed["documents"]
    _assert_same_as_from_scratch(s)
    proc = run_cli("search", "--person", person, "--json", "--no-history", "--all-copies",
                   env=_env(s))
    assert proc.returncode == 0, proc.stderr
    assert seed.name in {h["path"] for h in json.loads(proc.stdout)["hits"]}

    (s.corpus / LATER).unlink()  # one file removed
    removed = _index(s)
    assert removed["resolved"] and removed["documents_resolved"] < removed["documents"]
    _assert_same_as_from_scratch(s)
    assert not any(e["path"] == LATER for p in _listed(s)
                   for e in p.get("evidence", {}).get("examples", []))


def test_curation_overrides_incremental_resolution_and_survives_reindexing(collection):
    s = collection
    env = _env(s)
    rows = _listed(s)
    found = [p for p in rows if not p["curated"] and len(p["name"].split()) == 2]
    assert len(found) >= 4
    a, b, c, d = (p["name"] for p in found[:4])
    for args in (("rename", a, f"{a} Sr."), ("merge", b, c), ("hide", d)):
        proc = run_cli("persons", *args, env=env)
        assert proc.returncode == 0, proc.stderr
        _assert_same_as_from_scratch(s)

    def curated_as_asked() -> None:
        rows = _listed(s)
        names = {p["name"] for p in rows}
        assert f"{a} Sr." in names and a not in names
        assert c not in names and d not in names
        merged = next(p for p in rows if p["name"] == b)
        assert c in merged["aliases"] and merged["curated"]

    curated_as_asked()
    seed = sorted(s.corpus.glob("*.txt"))[2]  # re-indexing after a change keeps curation
    seed.write_text(seed.read_text("utf-8") + "\n\nThe meeting ended late.\n", "utf-8")
    again = _index(s)
    assert again["resolved"] and again["documents_resolved"] < again["documents"]
    _assert_same_as_from_scratch(s)
    curated_as_asked()
    proc = run_cli("index", "--rebuild", env=env)
    assert proc.returncode == 0, proc.stderr
    _assert_same_as_from_scratch(s)
    curated_as_asked()
