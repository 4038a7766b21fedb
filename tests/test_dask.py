"""Scale-out: extraction fanned out over a distributed LocalCluster (2 workers) through prefect-dask
gives the same warehouse tables as the in-process run."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from flows.ingest import ingest_reports, run_local
from flows.scale import CHUNK_FILES
from warehouse import schema
from warehouse.load import Warehouse

pytestmark = [pytest.mark.integration, pytest.mark.slow]

PROCESSES = os.environ.get("REPORTFLOW_TEST_DASK_PROCESSES", "0") == "1"
RUN_SPECIFIC = {"run_id", "first_seen", "path"}  # differ between two runs of the same files


def _inbox(tmp_path: Path, repo_root: Path) -> Path:
    """Seed reports plus the shared corpus if present: more than one chunk of files, with a duplicate."""
    inbox = tmp_path / "inbox"
    shutil.copytree(repo_root / "seeds" / "reports", inbox)
    corpus = repo_root.parent / "shared" / "corpus"
    if corpus.is_dir():
        for f in sorted(corpus.iterdir()):
            shutil.copy(f, inbox / f.name)
    assert len(list(inbox.iterdir())) > 1
    return inbox


def _contents(path: Path) -> dict[str, list[tuple]]:
    wh, out = Warehouse(path), {}
    for table in schema.TABLES:
        cols = [c for c in table.column_names if c not in RUN_SPECIFIC]
        rows = wh.query(f"SELECT {', '.join(cols)} FROM {table.name}").to_pylist()
        out[table.name] = sorted(tuple(repr(r[c]) for c in cols) for r in rows)
    return out


def assert_same_runs(reference, reference_wh: Path, other, other_wh: Path) -> None:
    """Two runs over one inbox: the same counts and the same rows in every table."""
    assert reference.files_loaded > 0 and reference.rows["events"] > 0
    for field in ("files_seen", "files_new", "files_loaded", "files_duplicate", "files_quarantined", "rows"):
        assert getattr(other, field) == getattr(reference, field), field
    a, b = _contents(reference_wh), _contents(other_wh)
    for table in a:
        assert a[table] == b[table], table


def test_dask_extraction_matches_in_process(tmp_path: Path, repo_root: Path, monkeypatch) -> None:
    from distributed import LocalCluster

    monkeypatch.setattr("flows.scale.CHUNK_FILES", 2)  # several chunks even for a small inbox
    assert CHUNK_FILES >= 2
    inbox = _inbox(tmp_path, repo_root)

    t0 = time.perf_counter()
    local = ingest_reports(inbox=str(inbox), warehouse=str(tmp_path / "local" / "wh.duckdb"), quiet=True)
    t_local = time.perf_counter() - t0

    # Worker threads in this process, over TCP on loopback. processes=True works as well (measured on
    # 2 cores: Dask run 52 s against 30 s in-process, the workers importing Prefect/GX/extractors cold).
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=PROCESSES, protocol="tcp://",
                      host="127.0.0.1", dashboard_address=None) as cluster:
        t0 = time.perf_counter()
        on_dask = ingest_reports(inbox=str(inbox), warehouse=str(tmp_path / "dask" / "wh.duckdb"), quiet=True,
                                 dask_address=cluster.scheduler_address)
        t_dask = time.perf_counter() - t0
    print(f"\nin-process run {t_local:.1f} s (extract {local.timings.get('extract')} s), Dask run "
          f"(2 workers, processes={PROCESSES}) {t_dask:.1f} s (extract {on_dask.timings.get('extract')} s)")

    assert_same_runs(local, tmp_path / "local" / "wh.duckdb", on_dask, tmp_path / "dask" / "wh.duckdb")


def test_process_pool_one_batch_ahead_matches_one_in_process_batch(tmp_path: Path, repo_root: Path,
                                                                  monkeypatch) -> None:
    """Local process pool extracting batch k + 1 while batch k is validated and loaded, in batches of
    two files (duplicates and cross-report merges then span batches, resolved through the warehouse):
    the same tables as one in-process batch."""
    inbox = _inbox(tmp_path, repo_root)
    one = run_local(str(inbox), str(tmp_path / "one" / "wh.duckdb"), quiet=True, batch_size=100)
    monkeypatch.setenv("REPORTFLOW_EXTRACT_WORKERS", "2")
    pooled = run_local(str(inbox), str(tmp_path / "pool" / "wh.duckdb"), quiet=True, batch_size=2)
    assert_same_runs(one, tmp_path / "one" / "wh.duckdb", pooled, tmp_path / "pool" / "wh.duckdb")
