"""Re-extract stored files after the extraction code changed, replacing their rows atomically.

Cross-report merges depend on every report, so a reprocess rebuilds all extracted tables from the
archived raw files, in the order they were first ingested (which keeps event ids stable), validates
the result like any batch, and swaps it in with one transaction.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
from prefect import flow

from flows.ingest import (
    FileRef,
    KnownEvents,
    _vocabulary,
    build_data_docs,
    call,
    extract_batch,
    raw_path,
    stage_batch,
    validate_batch,
)
from transforms.merge import ReportIndex
from warehouse.load import Warehouse
from warehouse.schema import EXTRACTOR_VERSION
from warehouse.seeds import SEED_DIR


@dataclass
class ReprocessSummary:
    warehouse: str
    extractor_version: str = EXTRACTOR_VERSION
    stale_reports: int = 0
    files_reprocessed: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    validation_success: bool | None = None
    validation_failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def stale_report_count(wh: Warehouse) -> int:
    rows = wh.column(f"SELECT count(*) FROM reports WHERE extractor_version <> '{EXTRACTOR_VERSION}'")
    return int(rows[0]) if rows else 0


def stored_files(wh: Warehouse) -> list[FileRef]:
    """Every file whose rows are derived (not quarantined), in first-ingested order."""
    rows = wh.query("""SELECT file_id, file_name, path, size_bytes, first_seen, modified FROM files
                       WHERE status <> 'quarantined' ORDER BY first_seen, path""").to_pylist()
    return [FileRef(r["path"], r["file_name"], r["size_bytes"], r["file_id"], r["first_seen"], r.get("modified"))
            for r in rows]


def _source_url(ref: FileRef, raw_dir: Path) -> str:
    archived = raw_path(raw_dir, ref.file_id)
    if archived.exists():
        return str(archived)
    if fsspec.core.url_to_fs(ref.url)[0].exists(ref.url):
        return ref.url
    raise FileNotFoundError(f"{ref.name}: neither the raw archive ({archived}) nor {ref.url} exists; "
                            "nothing was changed")


@flow(name="reprocess-warehouse", persist_result=False)
def reprocess(warehouse: str, seeds: str | None = None, force: bool = False, quiet: bool = True
              ) -> ReprocessSummary:
    """Rebuild extracted rows when any report was extracted by another extractor version (or
    always with `force`)."""
    t0 = time.perf_counter()
    wh = Warehouse(warehouse)
    summary = ReprocessSummary(str(wh.path))
    with wh.exclusive_run():
        summary.stale_reports = stale_report_count(wh)
        if summary.stale_reports or force:
            _rebuild(wh, Path(seeds) if seeds else SEED_DIR, summary, quiet)
    summary.rows = wh.counts()
    summary.seconds = round(time.perf_counter() - t0, 2)
    return summary


def _rebuild(wh: Warehouse, seed_dir: Path, summary: ReprocessSummary, quiet: bool) -> None:
    raw_dir = wh.path.parent / "raw"
    refs = [FileRef(_source_url(r, raw_dir), r.name, r.size, r.file_id, r.first_seen, r.modified)
            for r in stored_files(wh)]
    run_id = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-reprocess"
    batch = call(extract_batch, refs, seed_dir, run_id, ReportIndex(), KnownEvents(), quiet)
    with tempfile.TemporaryDirectory(prefix="reprocess-", dir=wh.path.parent) as tmp:
        paths = call(stage_batch, batch, Path(tmp))
        types, countries = _vocabulary(seed_dir, None)
        report = call(validate_batch, paths, wh.path.parent / "gx", run_id, types, countries, None)
        summary.validation_success = bool(report.success)
        if report.success:  # (a failing batch built its pages already)
            call(build_data_docs, wh.path.parent / "gx")
        if not report.success:
            summary.validation_failures = report.summary().splitlines()
            return  # the warehouse keeps its current rows
        tables = {name: pq.read_table(p) for name, p in paths.items() if name != "files"}
        files = _keep_original_paths(pq.read_table(paths["files"]), wh)
        wh.replace_all(tables, files, seed_dir=seed_dir)
    summary.files_reprocessed = len(refs)


def _keep_original_paths(files: pa.Table, wh: Warehouse) -> pa.Table:
    """The files registry keeps where each file was found, not the archive path it was re-read from."""
    original = {r["file_id"]: r["path"] for r in wh.query("SELECT file_id, path FROM files").to_pylist()}
    ids, read_from = files.column("file_id").to_pylist(), files.column("path").to_pylist()
    paths = [original.get(fid, path) for fid, path in zip(ids, read_from, strict=True)]
    idx = files.schema.get_field_index("path")
    return files.set_column(idx, files.schema.field(idx), pa.array(paths, pa.string()))
