"""The one room that uses Whoosh's private API (pinned: whoosh-reloaded==2.7.5).

* :mod:`.segments` -- writing segments through Whoosh's codec in bulk, and our
  position files beside them;
* :mod:`.readers` -- posting lists, columns, lengths and positions read as numpy arrays;
* :mod:`.patches` -- two fixes applied to Whoosh's classes.

Nothing outside this package may use a private Whoosh name.  :data:`PRIVATE`
lists every one used here, by owner; ``tests/test_whoosh_private.py`` checks
that the list is complete (by reading this package's source) and that each
name exists with the expected shape in the installed Whoosh, so an upgrade
fails loudly with the name instead of silently.
"""

from __future__ import annotations

#: owner -> (methods, instance attributes set in its ``__init__`` or block readers)
PRIVATE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "whoosh.codec.whoosh3.W3LeafMatcher": (
        ("_read_ids", "_next_block", "_read_values", "_read_weights", "_read_data"),
        ("_maxid", "_ids", "_values", "_byteids", "_data", "_weights"),
    ),
    "whoosh.codec.whoosh3.W3PerDocReader": (("_cached_reader",), ("_readers",)),
    "whoosh.codec.whoosh3.W3PostingsWriter": (
        ("_write_block",),
        ("_ids", "_weights", "_values", "_minlength", "_maxlength", "_maxweight", "_blocklimit"),
    ),
    "whoosh.codec.whoosh3.W3FieldWriter": ((), ("_postwriter",)),
    "whoosh.reading.SegmentReader": ((), ("_perdoc",)),
    "whoosh.columns.NumericColumn.Reader": (
        (), ("_dbfile", "_basepos", "_count", "_fixedlen", "_default", "_typecode")),
    "whoosh.writing.SegmentWriter": (
        ("_check_state", "_merge_segments", "_finalize_segment", "_close_segment",
         "_commit_toc", "_finish", "_assemble_segment"),
        ("_added",),
    ),
    "whoosh.filedb.structfile.BufferFile": ((), ("_buf", "_name")),
    # module-level private functions imported by name
    "whoosh.codec.whoosh3": (("_lenfield",), ()),
}
