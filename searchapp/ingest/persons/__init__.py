"""Persons found in any collection: a statistical recognizer, rules for what it gets wrong,
name variants merged, short and native-script mentions resolved, curation applied.

recognize (spaCy) -> rules (spans) -> names (variant keys) -> resolve (per document) -> people (collection).
"""
