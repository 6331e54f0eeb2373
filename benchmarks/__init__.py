"""Benchmarks (not tests): `python -m benchmarks` for batch QA, `benchmarks/http_load.py` for `imr serve`."""
