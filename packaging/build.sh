#!/usr/bin/env bash
# Build the standalone one-folder Linux app in dist/searchapp, in an isolated virtual
# environment, then run its self-test.  Usage: packaging/build.sh [VENV]
#   VENV   the build environment (default build/pyinstaller-venv; created when missing)
# DIST and WORK (environment) move the output (default dist/) and PyInstaller's work folder.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${1:-build/pyinstaller-venv}"
DIST="${DIST:-dist}"
WORK="${WORK:-build/pyinstaller}"
PYTHON="${PYTHON:-python3}"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q -U pip
# the persons extra: the app carries the person recognizer (spaCy and its English model);
# the ocr extra: tesserocr (libtesseract inside its wheel); the spec adds the system's
# Tesseract language files (tesseract-ocr-eng, -kor, -chi-sim, -chi-tra, -jpn)
"$VENV/bin/python" -m pip install -q ".[persons,ocr]" "pyinstaller>=6.10"
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/searchapp.spec
echo "built $DIST/searchapp: $(du -sh "$DIST/searchapp" | cut -f1)"
QT_QPA_PLATFORM=offscreen "$DIST/searchapp/searchapp" --self-test
