"""Build hook: put the seed corpus and the Linux desktop files inside the package.

In a checkout, ``searchapp`` reads ``corpus/`` and ``packaging/linux/`` where
they are; a wheel (and the PyInstaller build, which installs one) carries them
as ``searchapp/data/corpus`` and ``searchapp/data/linux``.  Everything else is
in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
BUNDLED = {"corpus": HERE / "corpus", "linux": HERE / "packaging" / "linux"}


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads them from the checkout
        for name, src in BUNDLED.items():
            dst = Path(self.build_lib) / "searchapp" / "data" / name
            if dst.exists():
                shutil.rmtree(dst)
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".*", "__pycache__"))


setup(cmdclass={"build_py": BuildWithData})
