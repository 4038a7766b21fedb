"""Replay staged batches through the flow process's own stages (validate, load, compact), without
extraction: the CPU of those stages measured alone, away from the pool workers' noise.

    python -m bench.replay --staged build/replay [--work build/replay-run] [--profile out.prof] [--repeat 1]

`--staged` holds batch-NNNN/ folders as a bench run leaves them under <run>/staging/<run_id>/
(copy them elsewhere first: the next bench run deletes its run folder). Each batch is validated
(flows.ingest.validate_batch: the same call as the flow, known keys from the warehouse) and loaded
(flows.ingest.load_batch, one DuckDB thread as with the pool) into a fresh warehouse, then the
warehouse is compacted. Prints and returns wall and CPU seconds per stage and batch.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import shutil
import sys
import time
from pathlib import Path

from bench.run import offline_env


def replay(staged: Path, work: Path, profile: Path | None = None) -> dict:
    offline_env()
    from expectations.suites import Thresholds
    from flows.ingest import _vocabulary, compact_warehouse, load_batch, validate_batch
    from warehouse.load import Warehouse
    from warehouse.seeds import SEED_DIR

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    wh = Warehouse(work / "replay.duckdb")
    wh.ensure_schema()
    types, countries = _vocabulary(SEED_DIR, None)
    batches = sorted(p for p in staged.iterdir() if p.is_dir() and p.name.startswith("batch-"))
    out: dict = {"batches": []}
    prof = cProfile.Profile() if profile else None
    run_id = "replay"

    def timed(fn, *args):
        w0, c0 = time.perf_counter(), time.process_time()
        if prof:
            prof.enable()
        try:
            result = fn(*args)
        finally:
            if prof:
                prof.disable()
        return result, round(time.perf_counter() - w0, 3), round(time.process_time() - c0, 3)

    with wh.deferred_vacuum():
        for folder in batches:
            paths = {p.stem: p for p in folder.glob("*.parquet")}
            report, vw, vc = timed(validate_batch.fn, paths, work / "gx", run_id, types, countries, str(wh.path),
                                   Thresholds())
            if not report.success:
                raise SystemExit(f"{folder.name} failed validation:\n{report.summary()}")
            _, lw, lc = timed(load_batch.fn, str(wh.path), paths, run_id, SEED_DIR, 1)
            out["batches"].append({"batch": folder.name, "validate_s": vw, "validate_cpu_s": vc,
                                   "load_s": lw, "load_cpu_s": lc, "n_expectations": report.n_expectations})
    _, cw, cc = timed(compact_warehouse.fn, str(wh.path))
    out["compact_s"], out["compact_cpu_s"] = cw, cc
    for key in ("validate_s", "validate_cpu_s", "load_s", "load_cpu_s"):
        out[key] = round(sum(b[key] for b in out["batches"]), 3)
    out["rows"] = wh.counts()
    if prof:
        prof.dump_stats(str(profile))
    return out


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description="replay staged batches: validate + load + compact")
    p.add_argument("--staged", required=True)
    p.add_argument("--work", default="build/replay-run")
    p.add_argument("--profile", default=None, help="write cProfile stats of the timed stages here")
    args = p.parse_args(argv)
    out = replay(Path(args.staged), Path(args.work), Path(args.profile) if args.profile else None)
    for b in out["batches"]:
        print(f"{b['batch']}  validate {b['validate_s']:.2f} s ({b['validate_cpu_s']:.2f} CPU-s, "
              f"{b['n_expectations']} expectations)  load {b['load_s']:.2f} s ({b['load_cpu_s']:.2f} CPU-s)")
    print(f"total    validate {out['validate_s']:.2f} s ({out['validate_cpu_s']:.2f} CPU-s)  "
          f"load {out['load_s']:.2f} s ({out['load_cpu_s']:.2f} CPU-s)  "
          f"compact {out['compact_s']:.2f} s ({out['compact_cpu_s']:.2f} CPU-s)")
    print(json.dumps(out["rows"]))
    return out


if __name__ == "__main__":
    main(sys.argv[1:])
