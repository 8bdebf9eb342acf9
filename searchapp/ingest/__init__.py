"""Ingestion: from a file to a clean document with metadata, paragraphs, persons and places.

read (files, encodings) -> html / text (cleaning) -> pipeline (paragraphs, metadata, entities).
"""
