"""Throughput benchmark: generate N reports, run the whole flow into a fresh warehouse, time a floor.

    python -m bench.run --n 10000 [--engine local|prefect] [--workers 2] [--batch-size 500]
                        [--out bench/results]

Prints reports/s, MB/s, seconds per stage, peak RSS (this process and its children), a no-op
rerun, start-up (imports, Prefect, GX context) measured separately, and a FLOOR: read the same
files, one regex pass for chronology lines, write the same number of rows to Parquet with pyarrow
alone. The JSON goes to <out>/<timestamp>-n<N>.json. Targets (docs/performance.md) are reported,
never asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"reports_per_s": 330.0, "seconds_10k": 30.0, "noop_rerun_s": 3.0, "flow_floor_ratio": 10.0,
           "peak_rss_mb": 1536.0, "startup_s": 5.0}
# One regex pass for chronology lines (the floor's only "extraction").
FLOOR_LINE = re.compile(r"^\s*(?:\*\*|<li><strong>)?((?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)"
                        r"\.? \d{1,2}(?:-\d{1,2})?, \d{4})\S*\s+(.+)$", re.MULTILINE)


def offline_env() -> None:
    for key, value in {"PREFECT_HOME": str(ROOT / ".prefect"), "GX_ANALYTICS_ENABLED": "False",
                       "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                       "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120"}.items():
        os.environ.setdefault(key, value)


class PeakRSS:
    """Samples the memory of this process plus all its children (process pool) in a thread.

    PSS is the figure reported, but reading it makes the kernel walk every page of every process
    (~20 ms per sample of the flow and its two workers), and the sampler competes with the flow for
    the same 2 cores: reading it every 0.2 s cost ~10% of a core. So each tick reads the cheap RSS,
    and PSS when the RSS sum has grown by 32 MB since PSS was last read, else at most once a second,
    and only if the RSS sum reaches the PSS peak so far (PSS <= RSS: below it no new peak is
    possible). The sampler's own CPU time is kept (`cpu_s`)."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval, self.peak, self.peak_rss, self._stop = interval, 0, 0, threading.Event()
        self.cpu_s, self.pss_samples, self.samples = 0.0, 0, 0
        self._proc = psutil.Process()
        self._procs: list[psutil.Process] = [self._proc]
        self._listed = self._pss_read = 0.0
        self._rss_at_pss = 0
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _pss(proc: psutil.Process) -> int:
        """PSS splits the pages a forked worker shares with its parent (Linux); RSS elsewhere."""
        try:
            return getattr(proc.memory_full_info(), "pss", None) or proc.memory_info().rss
        except psutil.AccessDenied:
            return proc.memory_info().rss

    def _processes(self) -> list[psutil.Process]:
        now = time.monotonic()
        if now - self._listed > 1.0:  # listing children reads /proc/*/stat: not on every tick
            with contextlib.suppress(psutil.Error):
                self._procs = [self._proc, *self._proc.children(recursive=True)]
            self._listed = now
        return self._procs

    def _sum(self, measure) -> int:
        total = 0
        for proc in self._processes():
            with contextlib.suppress(psutil.Error):
                total += measure(proc)
        return total

    def sample(self, force_pss: bool = False) -> None:
        self.samples += 1
        rss = self._sum(lambda proc: proc.memory_info().rss)
        self.peak_rss = max(self.peak_rss, rss)
        now = time.monotonic()
        new_high = rss > self._rss_at_pss + 32 * 2**20  # grown since PSS was last read
        if force_pss or new_high or (rss >= self.peak and now - self._pss_read >= 1.0):
            self.pss_samples, self._pss_read, self._rss_at_pss = self.pss_samples + 1, now, rss
            self.peak = max(self.peak, self._sum(self._pss))

    def _run(self) -> None:
        start = time.thread_time()
        while not self._stop.wait(self.interval):
            self.sample()
        self.cpu_s = time.thread_time() - start

    def __enter__(self) -> PeakRSS:
        self.sample(force_pss=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._listed = 0.0
        self.sample(force_pss=True)


def corpus(n: int, seed: int, root: Path) -> tuple[Path, dict]:
    """The generated corpus for (n, seed), cached on disk (regenerated when the generator changes)."""
    from bench import generate

    stamp = f"n={n} seed={seed} generator={os.path.getmtime(generate.__file__):.0f}"
    folder = root / f"corpus-n{n}-s{seed}"
    marker = folder / ".complete"
    if not (marker.exists() and marker.read_text().startswith(stamp)):
        shutil.rmtree(folder, ignore_errors=True)
        t0 = time.perf_counter()
        written = generate.generate(n, seed, folder)
        info = {"files": len(written), "bytes": sum(r.n_bytes for r in written),
                "entries": sum(r.n_entries for r in written), "generate_s": round(time.perf_counter() - t0, 2)}
        marker.write_text(stamp + "\n" + json.dumps(info))
    info = json.loads(marker.read_text().split("\n", 1)[1])
    return folder, info


def measure_startup() -> dict[str, float]:
    """What precedes the first file being read, in this fresh process: the imports of the flow
    (Prefect, pyarrow, DuckDB, transforms) and the reference seeds. Great Expectations is not
    imported here: with a process pool the flow imports it on a thread while the first batch is
    extracted (flows.ingest.import_in_background); gx_import_overlapped_s measures that import alone."""
    out = {}
    t0 = time.perf_counter()
    import flows.ingest  # noqa: F401
    out["import_flow_prefect_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    from warehouse.seeds import SEED_DIR, load_reference

    load_reference(SEED_DIR)
    out["load_reference_s"] = time.perf_counter() - t0
    return out


def gx_import_seconds() -> float:
    """Importing expectations.runner (Great Expectations) in a fresh interpreter that already has the flow."""
    code = ("import time, flows.ingest; t = time.perf_counter(); import expectations.runner; "
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def gx_context_time(gx_root: Path) -> float:
    from expectations.runner import _context

    t0 = time.perf_counter()
    _context(gx_root)
    return time.perf_counter() - t0


def read_seconds(files: list[Path]) -> float:
    """Reading every file's bytes (the flow's read, without extraction)."""
    t0 = time.perf_counter()
    for f in files:
        with open(f, "rb") as fh:
            fh.read()
    return time.perf_counter() - t0


def floor(files: list[Path], n_rows: int, out_dir: Path) -> dict:
    """Read the same files, one regex pass for chronology lines, write n_rows rows to Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    t0 = time.perf_counter()
    names, dates, texts = [], [], []
    for f in files:
        text = f.read_bytes().decode("utf-8", "replace")
        for m in FLOOR_LINE.finditer(text):
            names.append(f.name)
            dates.append(m.group(1))
            texts.append(m.group(2))
    matched = len(texts)
    if texts and n_rows > len(texts):  # the same number of rows as the flow wrote
        reps = -(-n_rows // len(texts))
        names, dates, texts = (names * reps)[:n_rows], (dates * reps)[:n_rows], (texts * reps)[:n_rows]
    else:
        names, dates, texts = names[:n_rows], dates[:n_rows], texts[:n_rows]
    table = pa.table({"file_name": names, "date": dates, "text": texts})
    out_dir.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, out_dir / "floor.parquet")
    return {"seconds": round(time.perf_counter() - t0, 3), "rows": table.num_rows, "lines_matched": matched}


def cpu_seconds() -> dict[str, float]:
    """CPU seconds (user + system) so far of this process and of its children (live ones, e.g. the
    extraction pool, and those already waited for)."""
    me = psutil.Process()
    own = me.cpu_times()
    children = own.children_user + own.children_system  # exited and waited for
    for child in me.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            t = child.cpu_times()
            children += t.user + t.system
    return {"flow_process_s": own.user + own.system, "children_s": children}


def run_flow(engine: str, inbox: Path, warehouse: Path, batch_size: int):
    from flows.ingest import ingest_reports, run_local

    fn = run_local if engine == "local" else ingest_reports
    t0 = time.perf_counter()
    summary = fn(str(inbox), str(warehouse), batch_size=batch_size, quiet=True)
    return summary, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description="reportflow throughput benchmark")
    p.add_argument("--n", type=int, default=200, help="reports to generate (default 200)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--engine", choices=("local", "prefect"), default="local")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="processes for read+extract (REPORTFLOW_EXTRACT_WORKERS; default: all cores)")
    p.add_argument("--ahead", type=int, default=None,
                   help="batches the pool extracts ahead of the flow (REPORTFLOW_EXTRACT_AHEAD; default 1)")
    p.add_argument("--batch-size", type=int, default=500,
                   help="files per batch (default 500: peak memory grows with it, ~1.3 GB at 500, ~1.7 GB at 1000)")
    p.add_argument("--out", default=str(ROOT / "bench" / "results"), help="folder for the results JSON")
    p.add_argument("--work", default=str(ROOT / "build" / "bench"), help="corpus cache and scratch warehouse")
    args = p.parse_args(argv)

    offline_env()
    os.environ["REPORTFLOW_EXTRACT_WORKERS"] = str(max(1, args.workers))
    if args.ahead is not None:
        os.environ["REPORTFLOW_EXTRACT_AHEAD"] = str(max(1, args.ahead))
    t_start = time.perf_counter()
    startup = measure_startup()
    work = Path(args.work)
    folder, info = corpus(args.n, args.seed, work)
    files = sorted(f for f in folder.iterdir() if not f.name.startswith("."))
    run_dir = work / f"run-n{args.n}"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    warehouse = run_dir / "bench.duckdb"

    cpu_before = cpu_seconds()
    with PeakRSS() as rss:
        summary, seconds = run_flow(args.engine, folder, warehouse, args.batch_size)
    cpu = {k: round(v - cpu_before[k], 1) for k, v in cpu_seconds().items()}
    cpu["flow_process_s"] = round(cpu["flow_process_s"] - rss.cpu_s, 1)  # without the memory sampler
    cpu["cores_busy"] = round((cpu["flow_process_s"] + cpu["children_s"]) / seconds, 2) if seconds else None
    startup["gx_context_s"] = gx_context_time(run_dir / "gx-startup")  # GX is imported by now
    rerun, rerun_seconds = run_flow(args.engine, folder, warehouse, args.batch_size)
    read_s = read_seconds(files)
    rows = sum(summary.rows_loaded.values())
    fl = floor(files, rows, run_dir / "floor")

    t = summary.timings
    stages = {"discover": t.get("discover", 0.0), "read": round(read_s, 3),
              "extract": round(max(0.0, t.get("extract", 0.0) - read_s), 3), "parquet": t.get("stage", 0.0),
              "validate": t.get("validate", 0.0), "load": t.get("load", 0.0), "compact": t.get("compact", 0.0),
              "data_docs": t.get("data_docs", 0.0)}
    stages["other"] = round(max(0.0, seconds - sum(stages.values())), 3)
    mb = info["bytes"] / 1e6
    startup_total = round(sum(startup.values()), 3)
    gx_import = round(gx_import_seconds(), 3)
    from flows.ingest import extract_ahead  # imported by the flow runs above

    result = {
        "timestamp": datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ"), "n": args.n, "seed": args.seed,
        "engine": args.engine, "workers": args.workers, "batch_size": args.batch_size,
        "extract_ahead": extract_ahead(),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "corpus": {**info, "mb": round(mb, 2), "path": str(folder)},
        "startup": {**{k: round(v, 3) for k, v in startup.items()}, "total_s": startup_total,
                    "gx_import_overlapped_s": gx_import},
        "flow": {"seconds": round(seconds, 3), "reports_per_s": round(args.n / seconds, 1) if seconds else None,
                 "mb_per_s": round(mb / seconds, 2) if seconds else None, "stages": stages,
                 "timings": dict(t), "files_loaded": summary.files_loaded,
                 "files_duplicate": summary.files_duplicate, "files_quarantined": summary.files_quarantined,
                 "files_held_back": summary.files_held_back, "validation_success": summary.validation_success,
                 "rows_loaded": summary.rows_loaded, "rows_total": rows,
                 # cpu: children = the extraction pool (and Prefect's server with --engine prefect)
                 "cpu": cpu, "stage_cpu": dict(summary.cpu)},
        "noop_rerun": {"seconds": round(rerun_seconds, 3), "files_seen": rerun.files_seen,
                       "files_new": rerun.files_new, "timings": dict(rerun.timings)},
        "floor": fl,
        "flow_floor_ratio": round(seconds / fl["seconds"], 1) if fl["seconds"] else None,
        "peak_rss_mb": round(rss.peak / 2**20, 1),  # PSS summed over the process and its workers
        "peak_rss_sum_mb": round(rss.peak_rss / 2**20, 1),  # plain RSS sum (counts shared pages twice)
        "memory_sampler": {"cpu_s": round(rss.cpu_s, 2), "samples": rss.samples, "pss_samples": rss.pss_samples},
        "bench_wall_s": round(time.perf_counter() - t_start, 1),
    }
    per_10k = seconds * 10_000 / max(1, args.n)
    result["targets"] = {
        "reports_per_s>=330": (result["flow"]["reports_per_s"] or 0) >= TARGETS["reports_per_s"],
        "10k_in<=30s(extrapolated)": per_10k <= TARGETS["seconds_10k"],
        "noop_rerun<=3s": rerun_seconds <= TARGETS["noop_rerun_s"],
        "flow<=10x_floor": (result["flow_floor_ratio"] or 1e9) <= TARGETS["flow_floor_ratio"],
        "peak_rss<=1.5GB": result["peak_rss_mb"] <= TARGETS["peak_rss_mb"],
        "startup<=5s": startup_total <= TARGETS["startup_s"],
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{result['timestamp']}-n{args.n}.json"
    path.write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    result["path"] = str(path)
    print_result(result)
    return result


def print_result(r: dict) -> None:
    f, c = r["flow"], r["corpus"]
    print(f"corpus   {r['n']} reports, {c['mb']} MB ({c['bytes'] / max(1, r['n']) / 1e3:.1f} KB each), "
          f"{c['entries']} dated entries  [{c['path']}]")
    print(f"flow     {f['seconds']:.2f} s  {f['reports_per_s']} reports/s  {f['mb_per_s']} MB/s  "
          f"(engine {r['engine']}, {r['workers']} workers, batches of {r['batch_size']}, "
          f"{r.get('extract_ahead', 1)} extracted ahead)")
    print("stages   " + "  ".join(f"{k} {v:.2f}s" for k, v in f["stages"].items()))
    cpu = f["cpu"]
    print(f"cpu      flow process {cpu['flow_process_s']:.1f} s, child processes {cpu['children_s']:.1f} s: "
          f"{cpu['cores_busy']} of {r['machine']['cpus']} cores busy on average "
          f"(memory sampler {r['memory_sampler']['cpu_s']:.1f} s)")
    print("stage cpu " + "  ".join(f"{k} {v:.2f}s" for k, v in f.get("stage_cpu", {}).items())
          + "  (CPU of the flow process, every thread)")
    print(f"loaded   {f['files_loaded']} files, {f['rows_total']} rows; duplicate {f['files_duplicate']}, "
          f"quarantined {f['files_quarantined']}, held back {f['files_held_back']}, "
          f"validation {f['validation_success']}")
    print(f"no-op    {r['noop_rerun']['seconds']:.2f} s  (rerun over {r['noop_rerun']['files_seen']} files)")
    print(f"floor    {r['floor']['seconds']:.2f} s  ({r['floor']['rows']} rows)   flow/floor = {r['flow_floor_ratio']}")
    print(f"peak RSS {r['peak_rss_mb']:.0f} MB (PSS of process + workers; plain RSS sum {r['peak_rss_sum_mb']:.0f} MB)")
    print("start-up " + "  ".join(f"{k} {v:.2f}" for k, v in r["startup"].items()))
    print("targets  " + "  ".join(f"{k}: {'met' if ok else 'NOT met'}" for k, ok in r["targets"].items()))
    print(f"results  {r['path']}")


if __name__ == "__main__":
    main(sys.argv[1:])
