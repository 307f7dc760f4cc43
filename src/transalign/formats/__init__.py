"""Readers and writers for the file formats of the contract (``shared/formats.md``):
aligned TSV (:mod:`.tsv`), alignment links / beads (:mod:`.links`) and sentence files
(:mod:`.sents`)."""
