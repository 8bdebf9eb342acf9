"""Hardening: hostile files, kill -9 at random points, damaged index and
bookmark store, and concurrent indexers and searches.  Everything runs the
real command line or the core API on the seed corpus."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest
from conftest import CORPUS, ROOT, run_cli

from searchapp.config import Settings
from searchapp.search.engine import SearchEngine, SearchRequest

# slow: every fault is tried on real `searchapp index` runs and kills (run by .ci/run; `pytest -m slow`)
pytestmark = pytest.mark.slow

SEED4 = "004_54eee05145188ad1.txt"


@pytest.fixture()
def work(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    return tmp_path


def env_for(work: Path) -> dict:
    return {"SEARCHAPP_CORPUS": str(work / "corpus"), "SEARCHAPP_INDEX": str(work / "index"),
            "SEARCHAPP_DATA_DIR": str(work / "data")}


def cli(work, *args):
    """A command on this test's folders; ``index`` without the persons stage
    (``--no-persons``): these tests harden the keyword index, and a kill landing in the
    stage would not test it (tests/test_persons_stage.py interrupts the stage)."""
    if args and args[0] == "index":
        args = (*args, "--no-persons")
    return run_cli(*args, env=env_for(work))


def cli_json(work, *args):
    proc = cli(work, *args, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def settings_for(work: Path, index: str = "index") -> Settings:
    return Settings.resolve(corpus=work / "corpus", index=work / index, data_dir=work / "data")


def every_paragraph(settings: Settings) -> list[tuple[str, int, str]]:
    """(path, number, text) of every paragraph in the index, via the search API."""
    with SearchEngine.open(settings) as engine:
        # every copy too: the extras are made of the seeds' paragraphs (copies fold)
        result = engine.search(SearchRequest(query="", page_size=100_000, all_copies=True))
    assert result.total == len(result.hits)
    return sorted((h.path, h.para, h.text) for h in result.hits)


def popen_index(work: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "searchapp", "index", "--no-persons", *args],
                            cwd=ROOT,
                            env={**os.environ, **env_for(work)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


# -- hostile and broken files ---------------------------------------------------------

PEAK_RSS = (
    "import resource, sys\n"
    "from searchapp.cli import main\n"
    "rc = main(sys.argv[1:])\n"
    "print('peak-rss-kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(rc)\n"
)


def test_hostile_files_are_reported_and_skipped(work):
    c = work / "corpus"
    seed = (CORPUS / SEED4).read_text(encoding="utf-8")
    (c / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (c / "empty.txt").write_bytes(b"")
    with open(c / "oneline.txt", "w", encoding="utf-8") as f:  # 50 MB, one line
        line = seed.replace("\n", " ") + " "
        for _ in range(50 * 2**20 // len(line.encode()) + 1):
            f.write(line)
    (c / "deep.html").write_text("<html><body>" + "<div>" * 10_000 + "<p>Buried deep.</p>"
                                 + "</div>" * 10_000 + "</body></html>", encoding="utf-8")
    (c / "unclosed.html").write_text(
        "<html><head><title>Unclosed report</title><body><div><p>The envoy from Seoul reached Beijing "
        "on Monday for quinquennial talks on trade and security.<p>Officials described the "
        "meeting as frank and useful, and said both sides would keep talking.<div><script>"
        "var story = 'Leaked scriptword text about the summit that must never be indexed';"
        "</script><p>Talks resume next week in Busan, where the two delegations meet again.",
        "utf-8")
    (c / "mixed.txt").write_bytes(
        "Mixed encodings\n\nA line in UTF-8 naming 北京 and 서울 together.\n\n".encode()
        + "A line in Windows-1252: the caf\u00e9 diplomacy of a na\u00efve envoy, "
          "\u201cquoted\u201d.\n".encode("cp1252"))
    (c / "naïve name with spaces 北京.txt").write_text(
        "Odd file name\n\nThe ambassador praised the xenodochial welcome in Qingdao.\n", "utf-8")
    os.symlink("loop", c / "loop")
    (c / "sub").mkdir()
    os.symlink("..", c / "sub" / "up")

    # the keyword indexer's memory (the persons stage's child holds the language model:
    # measured in benchmarks/RESULTS.md, not bounded here)
    proc = subprocess.run([sys.executable, "-c", PEAK_RSS, "index", "--json", "--no-persons"],
                          cwd=ROOT,
                          env={**os.environ, **env_for(work)}, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    failed = {f["path"]: f["error"] for f in report["failed"]}
    assert set(failed) == {"binary.txt", "empty.txt", "oneline.txt", "loop", "sub/up"}
    assert "binary" in failed["binary.txt"] and "empty" in failed["empty.txt"]
    assert "too large" in failed["oneline.txt"] and "loop" in failed["loop"]
    assert "loop" in failed["sub/up"]
    for path in failed:  # each told on stderr in one line, no traceback
        assert f"searchapp: {path}: " in proc.stderr
    assert "Traceback" not in proc.stderr
    # the seeds, unclosed.html, mixed.txt, the odd name, deep.html (its text salvaged flat)
    assert report["added"] == 5 + 4
    peak_kb = int(proc.stderr.rsplit("peak-rss-kb", 1)[1].split()[0])
    # ~300 MB is the indexer with its libraries; it measured 330-500 MB here depending on
    # what else ran (two failures at a 400 MB bound under load). Parsing the 20 MB page
    # nested 1.9M deep unbounded takes gigabytes: that is what this bound catches.
    assert peak_kb < 640 * 1024, f"peak RSS {peak_kb // 1024} MB"

    unclosed = cli_json(work, "search", "quinquennial")
    assert unclosed["total"] == 1 and unclosed["hits"][0]["path"] == "unclosed.html"
    assert "unclosed.html" in {h["path"] for h in cli_json(work, "search", "resume")["hits"]}
    assert cli_json(work, "search", "scriptword")["total"] == 0  # script text never indexed
    assert cli_json(work, "search", "café")["total"] == 1
    assert cli_json(work, "search", "buried")["hits"][0]["path"] == "deep.html"
    assert cli_json(work, "search", "北京")["total"] >= 1
    odd = cli_json(work, "search", "xenodochial")
    assert odd["hits"][0]["path"] == "naïve name with spaces 北京.txt"

    # the next run skips what failed without reading it again, and says so again
    again = cli_json(work, "index")
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 9)
    assert {f["path"] for f in again["failed"]} == set(failed)
    # a failed file that is fixed is picked up
    (c / "empty.txt").write_text("Fixed\n\nNow it holds a paragraph about Pyeongtaek.\n")
    fixed = cli_json(work, "index")
    assert fixed["added"] == 1 and "empty.txt" not in {f["path"] for f in fixed["failed"]}


def _without_root_powers() -> list[str]:
    """A command prefix that makes permissions count: root reads any file unless it
    drops the capabilities that let it (``setpriv``, util-linux)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}"]


def test_unreadable_files_and_folders_are_reported_and_kept(work):
    (work / "corpus" / "locked.txt").write_text("Locked\n\nA secret paragraph.\n")
    (work / "corpus" / "folder").mkdir()
    (work / "corpus" / "folder" / "inside.txt").write_text(
        "Inside\n\nThe folder holds a zygomorphic paragraph.\n")
    prefix = _without_root_powers()

    def index():
        proc = subprocess.run([*prefix, sys.executable, "-m", "searchapp", "index", "--json",
                               "--no-persons"],
                              cwd=ROOT, env={**os.environ, **env_for(work)},
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout), proc.stderr

    first, _ = index()
    assert first["added"] == 7 and first["failed"] == []
    try:
        (work / "corpus" / "locked.txt").write_text("Locked\n\nA changed quodlibetic paragraph.\n")
        os.chmod(work / "corpus" / "locked.txt", 0)
        os.chmod(work / "corpus" / "folder", 0)
        second, err = index()
    finally:
        os.chmod(work / "corpus" / "folder", 0o755)
        os.chmod(work / "corpus" / "locked.txt", 0o644)
    failed = {f["path"]: f["error"] for f in second["failed"]}
    assert set(failed) == {"locked.txt", "folder"}
    assert "permission denied" in failed["locked.txt"].lower()
    assert "kept" in failed["folder"]
    assert "Traceback" not in err and "searchapp: locked.txt: " in err
    # what was indexed from the unreadable folder is kept, not dropped
    assert second["removed"] == 0
    with SearchEngine.open(settings_for(work)) as engine:
        assert engine.search(SearchRequest(query="zygomorphic")).total == 1
    # readable again: picked up as usual
    third, _ = index()
    assert third["failed"] == [] and third["updated"] == 1
    with SearchEngine.open(settings_for(work)) as engine:
        assert engine.search(SearchRequest(query="quodlibetic")).total == 1


# -- kill -9 --------------------------------------------------------------------------

def _mutate(corpus: Path, rng: random.Random, step: int, pool: list[str]) -> None:
    """Change two files, add one and remove one: work for an incremental run."""
    extra = sorted(corpus.glob("extra_*.txt"))
    for f in rng.sample(extra, 2):
        f.write_text(f.read_text("utf-8") + f"\n\nRevision {step}: "
                     + rng.choice(pool) + "\n", encoding="utf-8")
    rng.choice(extra).unlink()
    (corpus / f"extra_{100 + step:03}.txt").write_text(
        f"Extra {step}\n\n" + "\n\n".join(rng.sample(pool, 12)) + "\n", encoding="utf-8")


def test_kill_9_at_random_points_never_breaks_the_index(work):
    rng = random.Random(20261123)
    corpus = work / "corpus"
    pool = [p for f in sorted(CORPUS.glob("*.txt")) for p in f.read_text("utf-8").split("\n\n")
            if len(p) > 200]
    for i in range(30):
        (corpus / f"extra_{i:03}.txt").write_text(
            f"Extra {i}\n\n" + "\n\n".join(rng.sample(pool, 12)) + "\n", encoding="utf-8")
    s = settings_for(work)
    start = time.monotonic()
    assert cli(work, "index").returncode == 0
    full = time.monotonic() - start
    kills = 0
    quick = full / 2  # how long an incremental run takes, learnt from runs that finish
    for step in range(40):
        if kills >= 20:
            break
        _mutate(corpus, rng, step, pool)
        rebuild = step % 6 == 5
        began = time.monotonic()
        # one process, or two sharing the files (the second writes segments too)
        jobs = ["--jobs", str(1 + step % 2)]
        proc = popen_index(work, *jobs, *(["--rebuild"] if rebuild else []))
        # anywhere from start-up to just past the end of a run
        time.sleep(rng.uniform(0.0, 1.1) * (full if rebuild else quick))
        if proc.poll() is None:
            try:
                helpers = psutil.Process(proc.pid).children()
            except psutil.NoSuchProcess:
                helpers = []
            proc.kill()
            kills += 1
            # a helper process notices its parent is gone and stops
            _, alive = psutil.wait_procs(helpers, timeout=30)
            assert not alive, f"indexer helper still running after kill {step}"
        elif not rebuild:
            quick = time.monotonic() - began
        proc.communicate(timeout=60)
        # the index opens and answers, with no document half-written
        rows = every_paragraph(s)
        assert rows, f"empty index after kill {step}"
        keys = [(path, para) for path, para, _ in rows]
        assert len(keys) == len(set(keys)), f"a document was written twice (step {step})"
        with SearchEngine.open(s) as engine:
            assert engine.search(SearchRequest(query="summit")).total > 0
    assert kills >= 20, f"only {kills} runs were still going when killed"
    # the lock the killed writers held is gone with them: the next run finishes the job
    done = popen_index(work, "--json")
    out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    # ... with what a clean build of the same corpus gives
    clean = settings_for(work, "clean-index")
    from searchapp.index.update import update_index

    update_index(clean)
    assert every_paragraph(s) == every_paragraph(clean)
    # no segment file is left behind by the killed runs
    from whoosh import index as windex

    listed = {seg.segment_id() for seg in windex.open_dir(
        str(work / "index"), indexname="paragraphs")._segments()}
    strays = [p.name for p in (work / "index").iterdir()
              if p.name.startswith("paragraphs_") and "." in p.name
              and p.name.split(".")[0] not in listed]
    assert not strays
    assert json.loads(out)["total_paragraphs"] == len(every_paragraph(clean))


BOOKMARK_WRITER = (
    "import sys, itertools\n"
    "from searchapp.store import open_store\n"
    "s = open_store(sys.argv[1])\n"
    "for i in itertools.count():\n"
    "    b = s.add({'doc_id': 'd', 'pid': f'p{i}', 'path': 'a.txt', 'para': i,\n"
    "               'text': 'passage %d' % i}, note=f'note {i}', tags=['t'])\n"
    "    print(b.id, flush=True)\n"
)


def test_kill_9_while_writing_bookmarks_loses_nothing_acknowledged(tmp_path):
    db = tmp_path / "bookmarks.sqlite3"
    rng = random.Random(7)
    acknowledged: set[int] = set()
    for _ in range(5):
        proc = subprocess.Popen([sys.executable, "-c", BOOKMARK_WRITER, str(db)], cwd=ROOT,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline()  # it is writing
        time.sleep(rng.uniform(0.05, 0.6))
        proc.kill()
        out, _ = proc.communicate(timeout=30)
        acknowledged |= {int(x) for x in out.split()}
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {r[0] for r in con.execute("SELECT id FROM bookmark")}
    con.close()
    assert acknowledged and acknowledged <= stored


# -- damaged index and bookmark store ---------------------------------------------------

def _bookmark_one(work) -> list[dict]:
    hit = cli_json(work, "search", "summit")["hits"][0]
    assert cli(work, "bookmarks", "add", hit["key"], "--note", "keep me").returncode == 0
    return cli_json(work, "bookmarks", "list")["bookmarks"]


@pytest.mark.parametrize("damage", ["truncate-segment", "delete-toc", "empty-segment"])
def test_a_damaged_index_is_detected_and_rebuilt_keeping_bookmarks(work, damage):
    assert cli(work, "index").returncode == 0
    before = cli_json(work, "search", "summit")["total"]
    marks = _bookmark_one(work)
    index = work / "index"
    if damage == "delete-toc":
        for toc in index.glob("*.toc"):
            toc.unlink()
    else:
        for seg in index.glob("*.seg"):
            with open(seg, "r+b") as f:
                f.truncate(0 if damage == "empty-segment" else seg.stat().st_size // 2)
    proc = cli(work, "search", "summit", "--json")
    assert proc.returncode == 0, proc.stderr
    assert "damaged" in proc.stderr and "rebuil" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["total"] == before
    assert cli_json(work, "bookmarks", "list")["bookmarks"] == marks
    # healthy again: no message the next time
    again = cli(work, "search", "summit", "--json")
    assert again.returncode == 0 and again.stderr == ""


def test_index_command_reports_and_repairs_damage(work):
    assert cli(work, "index").returncode == 0
    for seg in work.joinpath("index").glob("*.seg"):
        with open(seg, "r+b") as f:
            f.truncate(1000)
    proc = cli(work, "index", "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["recovered"] and report["rebuilt"] and report["added"] == 5
    assert "damaged" in proc.stderr


def _damage_page(db: Path, page: int) -> None:
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    with open(db, "r+b") as f:
        f.seek(4096 * page + 100)
        f.write(bytes(random.Random(page).randrange(256) for _ in range(3000)))


def test_a_damaged_bookmark_store_is_backed_up_and_salvaged(work):
    from searchapp.store import open_store

    assert cli(work, "index").returncode == 0
    db = work / "data" / "bookmarks.sqlite3"
    with SearchEngine.open(settings_for(work)) as engine:
        hits = engine.search(SearchRequest(query="Yoon", page_size=200)).hits
        with open_store(db) as store:
            for h in hits:
                store.add(engine.paragraph(h.key), note="x" * 300)
    pages = db.stat().st_size // 4096
    _damage_page(db, pages // 2)
    damaged = db.read_bytes()
    proc = cli(work, "bookmarks", "list", "--json")
    assert proc.returncode == 0, proc.stderr
    assert "damaged" in proc.stderr and "Traceback" not in proc.stderr
    backups = sorted(db.parent.glob("bookmarks.sqlite3.damaged-*"))
    backups = [b for b in backups if not b.name.endswith(("-wal", "-shm"))]
    assert len(backups) == 1 and backups[0].read_bytes() == damaged  # kept as it was
    saved = json.loads(proc.stdout)["bookmarks"]
    assert len(hits) // 2 < len(saved) <= len(hits)  # what could be read was kept
    assert str(backups[0]) in proc.stderr
    # and the new store is healthy
    assert cli(work, "bookmarks", "list").stderr == ""

    # garbage where the header was: nothing to read, but the file is still kept
    db.write_bytes(b"this is not a database" * 200)
    proc = cli(work, "bookmarks", "list", "--json")
    assert proc.returncode == 0 and "damaged" in proc.stderr
    assert json.loads(proc.stdout)["bookmarks"] == []
    backups = [b for b in db.parent.glob("bookmarks.sqlite3.damaged-*")
               if not b.name.endswith(("-wal", "-shm"))]
    assert len(backups) == 2


# -- concurrency ----------------------------------------------------------------------

def test_searches_see_whole_versions_while_the_corpus_is_reindexed(work):
    from searchapp.index.update import update_index

    s = settings_for(work)
    flux = work / "corpus" / "flux.txt"
    versions = {
        "alpha": "Flux alpha\n\n" + "\n\n".join(f"Fluxword alpha paragraph {i} about Busan."
                                                for i in range(6)),
        "beta": "Flux beta\n\n" + "\n\n".join(f"Fluxword beta paragraph {i} about Incheon."
                                              for i in range(9)),
    }
    flux.write_text(versions["alpha"])
    update_index(s)
    engine = SearchEngine.open(s)
    seen: dict[str, int] = {"alpha": 0, "beta": 0}
    errors: list[str] = []
    stop = threading.Event()

    def searching():
        while not stop.is_set():
            try:
                engine.refresh()
                r = engine.search(SearchRequest(query="fluxword", page_size=50))
                kinds = {"alpha" if "alpha" in h.text else "beta" for h in r.hits}
                if len(kinds) != 1 or r.total != {"alpha": 6, "beta": 9}[kinds.pop()]:
                    errors.append(f"mixed view: {r.total} hits, {[h.text for h in r.hits]}")
                else:
                    seen["alpha" if "alpha" in r.hits[0].text else "beta"] += 1
            except Exception as exc:  # any exception is the failure
                errors.append(f"{type(exc).__name__}: {exc}")

    t = threading.Thread(target=searching)
    t.start()
    try:
        for i in range(8):
            flux.write_text(versions["beta" if i % 2 == 0 else "alpha"])
            proc = popen_index(work)  # another process, as the app does
            proc.communicate(timeout=120)
            assert proc.returncode == 0
            time.sleep(0.2)
    finally:
        stop.set()
        t.join(30)
        engine.close()
    assert not errors, errors[:3]
    assert seen["alpha"] and seen["beta"]


def test_two_indexers_at_once_leave_one_valid_index(work):
    for i in range(20):
        (work / "corpus" / f"copy{i:02}.txt").write_text(
            f"Copy {i}\n\n" + (CORPUS / SEED4).read_text("utf-8"), encoding="utf-8")
    procs = [popen_index(work, "--rebuild", "--json") for _ in range(2)]
    results = [p.communicate(timeout=300) + (p.returncode,) for p in procs]
    codes = sorted(r[2] for r in results)
    assert codes[0] == 0, results
    for _out, err, code in results:
        assert "Traceback" not in err
        if code:
            assert code == 2 and "being updated by another process" in err
    clean = settings_for(work, "clean-index")
    from searchapp.index.update import update_index

    update_index(clean)
    assert every_paragraph(settings_for(work)) == every_paragraph(clean)


def test_broken_catalog_and_registry_are_reported_not_fatal(work):
    c = work / "corpus"
    (c / "catalog.toml").write_text('[[document]]\npath = "000.txt"\ntitle = "unclosed\n')
    (c / "persons.toml").write_text((CORPUS / "persons.toml").read_text("utf-8")
                                    + '\n[[person]]\nfamily = "Nameless"\n')
    proc = cli(work, "index", "--json")
    assert proc.returncode == 0, proc.stderr
    failed = {f["path"]: f["error"] for f in json.loads(proc.stdout)["failed"]}
    assert "invalid TOML" in failed["catalog.toml"] and "line" in failed["catalog.toml"]
    assert "no usable name" in failed["persons.toml"]
    assert "Traceback" not in proc.stderr and "searchapp: catalog.toml: " in proc.stderr
    # the registry's good entries still work; the documents are all indexed
    out = cli_json(work, "search", "--person", "Yoon Seok-yeol")
    assert out["total"] > 10
    # fixed: the next run re-reads everything with the catalog (its content is fingerprinted)
    shutil.copy(CORPUS / "catalog.toml", c / "catalog.toml")
    again = cli_json(work, "index")
    assert "catalog.toml" not in {f["path"] for f in again["failed"]} and again["rebuilt"]
