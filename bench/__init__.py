"""Benchmark harness (`make bench`): synthetic portfolios, a plain Material floor, measurements."""
