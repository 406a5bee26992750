"""Benchmarks: a generated dataset of realistic size and the scripts that measure it.

Not part of `make test`. See docs/performance.md and the README.
"""
