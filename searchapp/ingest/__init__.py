"""Ingestion: from a file to a clean document with metadata, paragraphs, persons and places.

read (files, encodings) -> html / text (cleaning) -> pipeline (paragraphs, metadata, entities).
Persons without a registry, as a later stage on stored paragraphs: recognize (the spaCy
model: raw mentions) -> people (person_rules, names, resolve: persons merged and curated).
"""
