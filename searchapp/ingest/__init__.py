"""Ingestion: from a file to a clean document with metadata, paragraphs, persons and places.

read (which files, encodings: encoding.py) -> html/ (extract, rules, flat, meta,
_trafilatura) / text / formats/ (PDF, DOCX, ODT, EPUB, e-mail, RTF) -> pipeline
(paragraphs with stable ids, metadata, registry mentions: entities.py).
Persons without a registry, as a later stage on stored paragraphs: persons/
(recognize: the spaCy model's raw mentions -> rules, names, resolve -> people).
"""
