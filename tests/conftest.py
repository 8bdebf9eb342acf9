from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the user's folder list, index and bookmarks are never the tests' (nor one test run's
# the next one's): every command without its own --data-dir uses a fresh data folder
os.environ.setdefault("SEARCHAPP_DATA_DIR", tempfile.mkdtemp(prefix="searchapp-tests-"))

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
#: Paragraphs of the bundled corpus (its five articles, a byline paragraph where an
#: author is known: searchapp.ingest.pipeline).
SEED_PARAGRAPHS = 96
#: ... of which the persons stage reads all but the byline paragraph (who wrote an
#: article, not who it is about: index_documents leaves bylines out).
SEED_READ = SEED_PARAGRAPHS - 1
SHARED = ROOT.parent / "shared"  # beside the clone in CI, absent in a bare clone
BENCH = SHARED / "bench" / "extraction"
# Small news pages written for the tests (tests/fixtures/html/README.md): what a test
# needs lives in the repo; only the benchmarks read ../shared.
FIXTURES = ROOT / "tests" / "fixtures"
HTML_PAGES = sorted((FIXTURES / "html").glob("*.html*"))
SEEDS = {
    "000": CORPUS / "000_0dc450cfe91bf595.txt",
    "001": CORPUS / "001_6e950df1518cea22.txt",
    "002": CORPUS / "002_6bafb76b517a826e.txt",
    "003": CORPUS / "003_a9871261d5acf79b.txt",
    "004": CORPUS / "004_54eee05145188ad1.txt",
}


@pytest.fixture(scope="session")
def registry():
    from searchapp.ingest.entities import Registry

    return Registry.load(CORPUS)


@pytest.fixture(scope="session")
def catalog():
    from searchapp.ingest.metadata import Catalog

    return Catalog.load(CORPUS / "catalog.toml")


@pytest.fixture(scope="session")
def seed_docs(registry, catalog):
    from searchapp.ingest.pipeline import load_document

    return {k: load_document(p, CORPUS, catalog, registry) for k, p in SEEDS.items()}


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None):
    """Run ``python -m searchapp ARGS`` and return the completed process."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "searchapp", *args],
        cwd=cwd or ROOT, capture_output=True, text=True, env=full_env, timeout=300,
    )


def extract_json(*files: Path | str, cwd: Path | None = None) -> list[dict]:
    """``extract --json`` of ``files``, without the persons model (about a CPU-second a
    call; ``persons_found`` is tested on its own in tests/test_trial_ingest.py)."""
    proc = run_cli("extract", "--json", "--no-persons", *map(str, files), cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory):
    """Settings over a copy of the seed corpus and its index (``corpus``, ``index`` and
    ``data`` side by side), built once per test session: read it, or open ``seed_engine``."""
    import shutil

    from searchapp.config import Settings
    from searchapp.index.update import update_index

    root = tmp_path_factory.mktemp("seeds")
    shutil.copytree(CORPUS, root / "corpus")
    s = Settings(corpus=root / "corpus", index=root / "index", data_dir=root / "data")
    report = update_index(s)
    assert report.added == 5 and not report.failed
    return s


@pytest.fixture(scope="session")
def built_index(tmp_path_factory):
    """An index of the seed corpus in place, built once per session: ``settings`` copies it
    for a test that changes it."""
    from searchapp.config import Settings
    from searchapp.index.update import update_index

    root = tmp_path_factory.mktemp("seedindex")
    s = Settings(corpus=CORPUS, index=root / "index", data_dir=root / "data")
    update_index(s)
    return s.index


@pytest.fixture(scope="session")
def seed_engine(seed_settings):
    """A search engine over the session's seed index (searches only)."""
    from searchapp.search.engine import SearchEngine

    with SearchEngine.open(seed_settings) as eng:
        yield eng


@pytest.fixture
def settings(tmp_path, built_index):
    """Settings over a fresh copy of the seed index, with an empty data folder."""
    import shutil

    from searchapp.config import Settings

    shutil.copytree(built_index, tmp_path / "index")
    return Settings(corpus=CORPUS, index=tmp_path / "index", data_dir=tmp_path / "data")
