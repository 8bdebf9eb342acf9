"""Searching the index: query language, matching, ranking, facets, highlights, suggestions."""
