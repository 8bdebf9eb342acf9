"""searchapp.procs: the one way children are started, stopped, and pooled."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from conftest import ROOT

from searchapp import procs


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def _which_context(preload_qt: bool) -> str:
    code = ("import sys\n"
            + ("import PySide6.QtCore\n" if preload_qt else "")
            + "from searchapp import procs\n"
            "ctx, forked = procs.pool_context(share_parent=True)\n"
            "print(ctx.get_start_method(), forked, procs.pool_context()[0].get_start_method())\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, check=True).stdout.split()
    return " ".join(out)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="fork is offered on Linux")
def test_a_pool_shares_its_parent_only_without_qt():
    assert _which_context(preload_qt=False) == "fork True spawn"
    assert _which_context(preload_qt=True) == "spawn False spawn"


def test_children_are_spawned():
    assert procs.context().get_start_method() == "spawn"


@pytest.mark.slow
def test_a_child_that_outstays_is_killed():
    proc = procs.start(_sleep, (60,), "searchapp-test-sleeper")
    assert proc.is_alive() and proc.name == "searchapp-test-sleeper"
    began = time.monotonic()
    procs.stop(proc, timeout=0.2)
    assert not proc.is_alive() and proc.exitcode is not None and proc.exitcode < 0
    assert time.monotonic() - began < 10
    quick = procs.start(_sleep, (0,), "searchapp-test-quick")
    procs.stop(quick, timeout=30)
    assert quick.exitcode == 0
