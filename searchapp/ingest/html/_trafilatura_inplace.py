"""trafilatura's primary extraction on the parsed page itself, not on a copy of it.

``trafilatura.bare_extraction`` copies a tree it is given (``tree = copy(tree)``,
about 1.5 ms a page: a twentieth of the whole ingestion of the 2025 benchmark
pages), because its first steps prune the raw tree in place: the infinite-scroll
and share-button containers (``RAW_TREE_PRUNE_XPATH``) and, with comments off,
the comment sections (``REMOVE_COMMENTS_AND_LISTS_XPATH``).  In precision mode,
with comments off -- how the primary extraction runs -- nothing else changes the
raw tree: the cleaning works on a copy of its own (``_prepare_tree``), the
comparison with readability and jusText on another, and the baseline rescue and
the recall escalation, which do read and change it, run only in the other modes.
So where neither prune matches an element, the tree comes out of the extraction
as it went in, and the copy buys nothing.

:func:`may_extract_in_place` says whether a tree is such a page for the options
given; :class:`InPlace` hands it over uncopied: the stand-in of
``trafilatura.core.load_html`` below unwraps it, so ``bare_extraction`` meets a
tree that is not the object it was given and does not copy it.

As the other stand-ins of this package: put in only while ``bare_extraction`` and
``trafilatura_sequence`` have the source read here (keyed by hashes; trafilatura is
pinned exactly in ``pyproject.toml``).  With another release nothing is handed over
uncopied (:func:`may_extract_in_place` says no), and trafilatura copies as it always did.
"""

from __future__ import annotations

from collections.abc import Callable

from trafilatura import core

from searchapp.ingest.html._trafilatura_links import source_key_of

#: sha1 (12 hex digits) of the sources this reading holds for: trafilatura 2.3.1's
#: ``bare_extraction`` and ``trafilatura_sequence``.
_SOURCE_KEYS = {"bare_extraction": "256616fcd1f1", "trafilatura_sequence": "0dc10fc96543"}


class InPlace:
    """A parsed page given to ``bare_extraction`` to work on without copying it
    (only where :func:`may_extract_in_place` says it is left as it was)."""

    __slots__ = ("tree",)

    def __init__(self, tree) -> None:
        self.tree = tree


_original: list[Callable] = []


def _load_html(content, *args, **kwargs):
    """trafilatura's ``load_html``, unwrapping an :class:`InPlace` page."""
    if isinstance(content, InPlace):
        return content.tree
    return _original[0](content, *args, **kwargs)


def _sources_known() -> bool:
    return all(source_key_of(getattr(core, name, None)) == key
               for name, key in _SOURCE_KEYS.items())


def install() -> bool:
    """Put the stand-in into trafilatura's core module (idempotent); whether it is in."""
    current = getattr(core, "load_html", None)
    if current is _load_html:
        return True
    if current is None or not _sources_known():
        return False
    _original[:] = [current]
    core.load_html = _load_html
    return True


def uninstall() -> None:
    """Restore trafilatura's own function."""
    if _original:
        core.load_html = _original[0]


def may_extract_in_place(tree, options: dict) -> bool:
    """Whether ``bare_extraction`` with the keyword ``options`` (those of
    ``searchapp.ingest.html.extract``) leaves ``tree`` as it was, so that it may
    be given uncopied: precision mode, comments and user prunes off, no language
    filter or metadata (trafilatura's defaults), the stand-in in, and no element of
    ``tree`` for the raw-tree prunes to delete."""
    if core.load_html is not _load_html:
        return False
    if not options.get("favor_precision") or options.get("favor_recall") \
            or options.get("include_comments", True) or options.get("prune_xpath") \
            or options.get("target_language") or options.get("with_metadata") \
            or options.get("options") or options.get("config"):
        return False
    prunes = (*core.RAW_TREE_PRUNE_XPATH, *core.REMOVE_COMMENTS_AND_LISTS_XPATH)
    return not any(expression(tree) for expression in prunes)
