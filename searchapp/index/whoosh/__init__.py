"""The one room that uses Whoosh's private API (pinned: whoosh-reloaded==2.7.5).

Segment writer, position files, column and posting readers, patches.  Nothing
outside this package may import a private Whoosh name; tests/test_whoosh_private.py
checks every name relied on.
"""
