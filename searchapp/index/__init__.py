"""The paragraph index: analysis, schema, manifest and incremental updates.

Everything that touches Whoosh's private API lives in :mod:`searchapp.index.whoosh`.
"""
