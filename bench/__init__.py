"""Throughput benchmark: a synthetic corpus generator (bench.generate) and the runner (bench.run)."""
