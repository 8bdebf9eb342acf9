"""Packaging: sdist and wheel carry the corpus; the wheel installs in a fresh virtual
environment and passes its self-test without writing inside its install folder; the
PyInstaller one-folder build passes its self-test; the desktop files validate.

These take minutes (fresh environments, PyInstaller), so they run only when
``SEARCHAPP_PACKAGING_TESTS=1`` is set, as ``.ci/run`` does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SEED_PARAGRAPHS, SEED_READ

from searchapp.config import APP_ID

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not os.environ.get("SEARCHAPP_PACKAGING_TESTS"),
                       reason="packaging tests take minutes: set SEARCHAPP_PACKAGING_TESTS=1"),
]

SEEDS = sorted(p.name for p in (ROOT / "corpus").iterdir() if p.is_file())


def run(cmd, **kw):
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1200, **kw)
    assert proc.returncode == 0, f"{cmd}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def tree(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and mtime: what "unchanged" means."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def dists(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)])
    wheel = next(out.glob("searchapp-*.whl"))
    sdist = next(out.glob("searchapp-*.tar.gz"))
    return wheel, sdist


@pytest.fixture(scope="module")
def installed(dists, tmp_path_factory):
    """A fresh virtual environment with only the wheel (and its dependencies) installed."""
    env_dir = tmp_path_factory.mktemp("venv") / "env"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    run([str(py), "-m", "pip", "install", "-q", str(dists[0])])
    return env_dir


def test_sdist_and_wheel_carry_the_corpus_and_desktop_files(dists):
    wheel, sdist = dists
    names = set(zipfile.ZipFile(wheel).namelist())
    for seed in SEEDS:
        assert f"searchapp/data/corpus/{seed}" in names
    assert f"searchapp/data/linux/{APP_ID}.desktop" in names
    assert f"searchapp/data/linux/icons/hicolor/256x256/apps/{APP_ID}.png" in names
    import tarfile

    members = {m.split("/", 1)[1] for m in tarfile.open(sdist).getnames() if "/" in m}
    assert {f"corpus/{s}" for s in SEEDS} <= members and "setup.py" in members


def test_the_wheel_in_a_fresh_venv_passes_its_self_test(installed, tmp_path):
    site = next((installed / "lib").glob("python3*/site-packages/searchapp"))
    before = tree(site)
    env = {**os.environ, "SEARCHAPP_DATA_DIR": str(tmp_path / "data"),
           "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home")}
    env.pop("SEARCHAPP_CORPUS", None)
    env.pop("SEARCHAPP_INDEX", None)
    proc = run([str(installed / "bin" / "searchapp"), "--self-test"], cwd=tmp_path, env=env)
    assert "self-test passed" in proc.stdout and "desktop app" in proc.stdout
    # the installed command finds the bundled corpus; the index goes to the user's data folder
    report = json.loads(run([str(installed / "bin" / "searchapp"), "index", "--json"],
                            cwd=tmp_path, env=env).stdout)
    assert report["total_files"] == 5 and report["failed"] == []
    assert (tmp_path / "data" / "index").is_dir()
    hits = json.loads(run([str(installed / "bin" / "searchapp"), "search", "Camp David",
                           "--json"], cwd=tmp_path, env=env).stdout)
    assert hits["total"] > 0
    assert tree(site) == before, "the installed package folder was written to"
    # the desktop entry points at this environment's launcher
    out = json.loads(run([str(installed / "bin" / "searchapp"), "install-desktop", "--prefix",
                          str(tmp_path / "share"), "--json"], cwd=tmp_path, env=env).stdout)
    desktop = (tmp_path / "share" / "applications" / f"{APP_ID}.desktop").read_text()
    assert f"Exec={installed / 'bin' / 'searchapp-gui'}" in desktop
    assert len(out["installed"]) >= 10
    if shutil.which("desktop-file-validate"):
        run(["desktop-file-validate", str(tmp_path / "share" / "applications" /
                                          f"{APP_ID}.desktop")])
    run([str(installed / "bin" / "searchapp"), "uninstall-desktop", "--prefix",
         str(tmp_path / "share")], cwd=tmp_path, env=env)
    left = [p for p in (tmp_path / "share").rglob("*") if p.is_file()
            and p.name not in ("mimeinfo.cache", "icon-theme.cache")]  # the desktop's caches
    assert not left


def test_appstream_metainfo_validates():
    if not shutil.which("appstreamcli"):
        pytest.skip("appstreamcli is not installed")
    run(["appstreamcli", "validate", "--no-net",
         str(ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml")])


def test_the_pyinstaller_build_passes_its_self_test(installed, tmp_path):
    env = {**os.environ, "DIST": str(tmp_path / "dist"), "WORK": str(tmp_path / "work")}
    proc = run(["bash", str(ROOT / "packaging" / "build.sh"), str(installed)], cwd=ROOT, env=env)
    assert "self-test passed" in proc.stdout
    assert "ok   person recognizer" in proc.stdout  # the app carries the model
    assert "ok   read a scan" in proc.stdout  # ... and Tesseract with its language files
    app = tmp_path / "dist" / "searchapp"
    before = tree(app)
    env = {**os.environ, "SEARCHAPP_DATA_DIR": str(tmp_path / "data"),
           "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SEARCHAPP_CORPUS", None)
    env.pop("SEARCHAPP_INDEX", None)
    indexed = json.loads(run([str(app / "searchapp"), "index", "--json"], cwd=tmp_path,
                             env=env).stdout)
    # the persons stage ran in the built app's own child process, with its model
    assert indexed["total_paragraphs"] == SEED_PARAGRAPHS
    assert indexed["persons"]["recognized"] == SEED_READ
    assert not indexed["persons"]["note"]
    found = json.loads(run([str(app / "searchapp"), "search", "--person", "Yoon Seok-yeol",
                            "--json"], cwd=tmp_path, env=env).stdout)
    assert found["total"] > 10
    titled = json.loads(run([str(app / "searchapp"), "search", "--person", "President Yoon",
                             "--json"], cwd=tmp_path, env=env).stdout)
    assert titled["total"] == found["total"]
    assert tree(app) == before, "the built app's folder was written to"
