"""The paragraph index: analysis, schema, manifest and incremental updates.

Everything that touches Whoosh's private API lives in :mod:`searchapp.index.whoosh`.
"""

#: The index's name inside its folder (Whoosh prefixes its files with it).
INDEX_NAME = "paragraphs"
