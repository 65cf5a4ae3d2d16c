"""Helpers shared by the benchmarks.

The benchmarks are scripts (`python bench/<name>.py`); each puts the repository root on
`sys.path` and imports these as `bench.lib.<module>`.
"""
