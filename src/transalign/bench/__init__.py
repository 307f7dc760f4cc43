"""Benchmark helpers: full-size random-weight MarianMT checkpoints, news-length sentences, timing.

Used by ``scripts/bench_translate.py``; nothing here is needed to translate.
"""
