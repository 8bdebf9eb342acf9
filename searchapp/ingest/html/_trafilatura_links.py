"""Faster equivalents of trafilatura functions (the room of :mod:`._trafilatura`).

trafilatura's ``htmlprocessing.link_density_test`` (run on every container holding a
link, eight times per candidate subtree of the article) measured each container's text by
splitting and joining all of it (``trim``); :func:`link_density_test` gives the same
answers measuring only as far as a comparison needs.  A function is replaced only while
trafilatura's source of it is the one translated here (keyed by a hash; trafilatura is
pinned exactly in ``pyproject.toml``); :func:`install` and :func:`uninstall` are called by
:func:`searchapp.ingest.html._trafilatura.install` and ``uninstall``.
``tests/test_ingest_quick_paths.py`` runs the two side by side.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
from collections.abc import Callable

from trafilatura import htmlprocessing
from trafilatura.utils import LINK_FARM_RATIO, trim

#: Past this many characters, an element's text is measured from its start first.
_PREFIX = 2048


def _trimmed_len(text: str, enough: float) -> int:
    """``len(trim(text))``, or where the text is long and its start alone is that
    long, the length of its start trimmed: a lower bound of it, at least
    ``enough`` (a character added to a text never shortens it trimmed)."""
    if len(text) > _PREFIX:
        low = len(trim(text[:_PREFIX]))
        if low >= enough:
            return low
    return len(trim(text))


def link_density_test(element, favor_precision: bool = False) -> tuple[bool, bool]:
    """trafilatura's ``htmlprocessing.link_density_test`` with the length of the
    element's text trimmed measured only as far as a comparison needs it: the same
    answers (``trim`` split and joined the whole text of every container holding a
    link, twice per candidate subtree: over the benchmark pages a twentieth of the
    ingestion).  ``tests/test_ingest_quick_paths.py`` holds the two side by side."""
    links_xpath = element.findall(".//ref")
    if not links_xpath:
        return False, False
    if element.find(".//graphic") is not None:
        return False, False
    content = element.text_content()
    if len(links_xpath) == 1:
        len_threshold = 10 if favor_precision else 100
        link_len = len(trim(links_xpath[0].text_content()))
        # a lower bound n with n * 0.9 > link_len decides "not over 0.9" as the length would
        if link_len > len_threshold and link_len > _trimmed_len(content, link_len / 0.9 + 1) * 0.9:
            return True, False
    if element.tag == "p":
        limitlen = 60 if element.getnext() is None else 30
    elif element.getnext() is None:
        limitlen = 300
    else:
        limitlen = 100
    elemlen = _trimmed_len(content, limitlen)  # exact below limitlen
    if elemlen < limitlen:
        linklen, elemnum, shortelems, _ = htmlprocessing.collect_link_info(links_xpath)
        if elemnum == 0:
            return True, False
        return linklen > elemlen * 0.8 or (elemnum > 1 and shortelems / elemnum > 0.8), True
    if len(links_xpath) > 4:
        linklen, elemnum, _, _ = htmlprocessing.collect_link_info(links_xpath)
        if linklen > _trimmed_len(content, linklen / LINK_FARM_RATIO + 1) * LINK_FARM_RATIO \
                and linklen < 100 * elemnum \
                and not htmlprocessing.is_paragraph_listing(links_xpath):
            return True, False
    return False, False


#: (module, name, sha1 of trafilatura's source of the function)[:12]: each replaced by
#: the function of the same name here only while its source is the one translated.
_FUNCTIONS = ((htmlprocessing, "link_density_test", "a142e301f1f6"),)


@functools.lru_cache(maxsize=16)
def text_key(text: str) -> str:
    """sha1 of ``text``, 12 hex digits: how a fenced stand-in checks the library's source
    or pattern it translated is the one it reads now."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def source_key_of(function) -> str | None:
    """:func:`text_key` of a function's source (read once per function)."""
    try:
        return text_key(inspect.getsource(function))
    except (OSError, TypeError):
        return None


_ORIGINALS: dict[tuple, Callable] = {}  # (module name, function name) -> trafilatura's


def install() -> None:
    """Put the stand-ins into trafilatura's modules (idempotent)."""
    for module, name, key in _FUNCTIONS:
        current = getattr(module, name, None)
        fast = globals()[name]
        if current is None or current is fast or source_key_of(current) != key:
            continue
        _ORIGINALS[module.__name__, name] = current
        setattr(module, name, fast)


def uninstall() -> None:
    """Restore trafilatura's own functions."""
    for module, name, _ in _FUNCTIONS:
        original = _ORIGINALS.get((module.__name__, name))
        if original is not None:
            setattr(module, name, original)
