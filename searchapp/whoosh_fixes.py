"""One fix to Whoosh, applied when the index module is imported.

``W3PerDocReader._cached_reader`` caches the column reader of a field's
lengths but not its absence: for every posting of a field without lengths
(our ID, KEYWORD and numeric fields) it asks the file system again whether the
column file exists.  Writing a segment does this once per posting; profiled on
a 3 MB document it was a quarter of the indexing time (265,000 ``stat`` calls
for 765 paragraphs).  A finished segment's files never change, so remembering
"no such column" is safe.
"""

from __future__ import annotations

from whoosh.codec import whoosh3


def _cached_reader(self, fieldname, column):
    try:
        return self._readers[fieldname]
    except KeyError:
        pass
    reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
    self._readers[fieldname] = reader
    return reader


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
