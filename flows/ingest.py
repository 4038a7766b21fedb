"""Prefect flow: inbox -> read + extract (batched) -> Parquet staging -> GX validation -> DuckDB.

Orchestration only; reading is transforms.readers, extraction transforms.extract, checks
expectations/, storage warehouse/. Runs in-process (Prefect's ephemeral mode when no API server is
configured). Each task handles a whole batch of files: Prefect costs ~5-40 ms per task call.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import multiprocessing
import os
import shutil
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import NamedTuple

import fsspec
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.context import FlowRunContext
from rich.progress import track

from flows.alerts import on_flow_failure
from flows.quality import raise_if_held_back, record_validation
from flows.settings import Settings
from transforms.identity import N_HASHES
from transforms.merge import EventKey, ReportIndex, assign_events, match_key, richer_report
from transforms.readers import detect_format
from warehouse import schema
from warehouse.load import Warehouse
from warehouse.seeds import SEED_DIR, load_reference

EXTENSIONS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
              ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}
EXTRACT_TABLES = tuple(t.name for t in schema.TABLES if t.name != "files")
# Called with a batch's staged Parquet paths before validation: fault injection for the data-quality
# tests (tests/test_dq_alerts.py corrupts a real extraction there). Empty in production.
STAGED_HOOKS: list = []
# I/O tasks retry with backoff (1 s, 4 s, 16 s, +-50 % jitter): a busy share, S3 throttling, a locked file.
IO_RETRIES = {"retries": 3, "retry_delay_seconds": [1, 4, 16], "retry_jitter_factor": 0.5}
FLOW_TIMEOUT_SECONDS = 3 * 3600  # a stuck run is failed (and its warehouse lock released) after 3 h
LOAD_CONCURRENCY = "reportflow-warehouse-load"  # Prefect global concurrency limit (1 slot) on loads
EXTRACT_WORKERS_ENV = "REPORTFLOW_EXTRACT_WORKERS"  # >1: read + extract on a local process pool
EXTRACT_AHEAD_ENV = "REPORTFLOW_EXTRACT_AHEAD"  # batches the pool may extract ahead of the flow


@dataclass(frozen=True)
class FileRef:
    url: str
    name: str
    size: int
    file_id: str
    first_seen: datetime
    modified: datetime | None = None


class Listed(NamedTuple):
    fs: fsspec.AbstractFileSystem
    path: str
    size: int
    modified: datetime | None


@dataclass
class Discovery:
    new: list[FileRef]
    seen: int = 0
    known: int = 0
    repeated: int = 0
    older: int = 0  # not modified since `since` (backfill)


@dataclass
class Batch:
    """What one batch of files became: extracted tables, files rows and their signatures."""

    tables: dict[str, pa.Table]
    files: pa.Table
    signatures: dict[str, list[str]] = field(default_factory=dict)  # report_id -> minhash

    def statuses(self) -> list[str]:
        return self.files.column("status").to_pylist()


@dataclass
class RunSummary:
    run_id: str
    inbox: str
    warehouse: str
    files_seen: int = 0
    files_new: int = 0
    files_known: int = 0
    files_repeated: int = 0
    files_loaded: int = 0
    files_duplicate: int = 0
    files_quarantined: int = 0
    files_held_back: int = 0
    files_older: int = 0  # skipped by --since: not modified after that date
    rows: dict[str, int] = field(default_factory=dict)  # rows per table in the warehouse after the run
    rows_loaded: dict[str, int] = field(default_factory=dict)  # rows written by this run
    validation_success: bool | None = None
    data_docs: list[str] = field(default_factory=list)
    validation_failures: list[str] = field(default_factory=list)
    held_back_dirs: list[str] = field(default_factory=list)
    quarantined_files: dict[str, str] = field(default_factory=dict)  # file name -> error
    timings: dict[str, float] = field(default_factory=dict)
    # CPU seconds of this process per stage (every thread: DuckDB's, and GX's import while extracting)
    cpu: dict[str, float] = field(default_factory=dict)

    @property
    def held_back(self) -> bool:
        return bool(self.held_back_dirs)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, default=str)


# ---------------------------------------------------------------- discover

def _url(fs: fsspec.AbstractFileSystem, path: str) -> str:
    return path if "file" in _protocols(fs) else fs.unstrip_protocol(path)


def _protocols(fs: fsspec.AbstractFileSystem) -> tuple[str, ...]:
    p = fs.protocol
    return (p,) if isinstance(p, str) else tuple(p)


def _sha256(fs: fsspec.AbstractFileSystem, path: str) -> str:
    h = hashlib.sha256()
    with fs.open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def list_inbox(inbox: str, since: datetime | None = None, older: list[str] | None = None) -> list[Listed]:
    """(fs, path, size, modified) of every file under `inbox` with a report extension, sorted by path.

    since: only files modified after it (fsspec mtime); the others' paths go to `older`."""
    fs, root = fsspec.core.url_to_fs(inbox)
    found = fs.find(root, detail=True)
    out = []
    for path, info in sorted(found.items()):
        name = PurePosixPath(path).name
        wanted = not name.startswith(".") and PurePosixPath(name).suffix.lower() in EXTENSIONS
        if info.get("type") == "file" and wanted:
            modified = modified_time(info)
            if since is not None and modified is not None and modified <= since:
                if older is not None:
                    older.append(path)
                continue
            out.append(Listed(fs, path, int(info.get("size") or 0), modified))
    return out


def modified_time(info: dict) -> datetime | None:
    """A file's modification time from fsspec `info` (local: mtime; memory: created; S3: LastModified)."""
    for key in ("mtime", "LastModified", "last_modified", "updated", "created", "modified"):
        value = info.get(key)
        if isinstance(value, int | float):
            return datetime.fromtimestamp(value, UTC)
        if isinstance(value, datetime):
            return value if value.tzinfo else value.replace(tzinfo=UTC)
        if isinstance(value, str) and value:
            try:
                return parse_since(value)
            except ValueError:
                continue
    return None


def parse_since(value: str | datetime | None) -> datetime | None:
    """'2024-05-01', '2024-05-01T12:00', '2024-05-01T12:00:00+02:00' -> aware datetime (UTC if naive)."""
    if value is None or value == "":
        return None
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return when if when.tzinfo else when.replace(tzinfo=UTC)


@task(name="discover", cache_policy=NO_CACHE, **IO_RETRIES)
def discover(inbox: str, known: set[str], since: datetime | None = None,
             stats: dict[tuple[str, int, object], str] | None = None) -> Discovery:
    """New files: not in the warehouse `files` table, first copy of identical bytes in this run
    (and, with `since`, modified after that time).

    stats: (path, size, modification time) -> file_id of files already seen (Warehouse.known_file_stats):
    such a file is known without reading it again (a no-op rerun then reads no file). None: hash all."""
    found, seen_now, older = Discovery(new=[]), set(), []
    now = datetime.now(UTC)
    listed = list_inbox(inbox, since, older)
    found.older = len(older)
    for fs, path, size, modified in listed:
        found.seen += 1
        url = _url(fs, path)
        unchanged = stats.get((url, size, modified)) if stats and modified is not None else None
        file_id = unchanged if unchanged in known else _sha256(fs, path)
        if file_id in known:
            found.known += 1
        elif file_id in seen_now:
            found.repeated += 1
        else:
            seen_now.add(file_id)
            found.new.append(FileRef(url, PurePosixPath(path).name, size, file_id, now, modified))
    return found


# ---------------------------------------------------------------- read + extract

class KnownEvents:
    """Events already kept that new events may repeat, indexed by transforms.merge.match_key.

    With `stored` (the warehouse), fork() fetches just the stored events sharing a match key with
    the batch at hand: a run never holds every stored event in memory, and a batch's lookups cost
    what its own keys cost, not what the warehouse holds."""

    def __init__(self, keys: tuple[EventKey, ...] | list[EventKey] = (), stored: Warehouse | None = None) -> None:
        self.by_key: dict[tuple, list[EventKey]] = {}
        self.stored = stored
        self.add(keys)

    def add(self, keys: list[EventKey]) -> None:
        for k in keys:
            self.by_key.setdefault(match_key(k), []).append(k)

    def fork(self, probe: list[EventKey] = ()) -> KnownEvents:
        """A copy for one batch (its own events are added as it goes), with the stored events that
        share a match key with `probe` (the batch's events)."""
        other = KnownEvents()
        other.by_key = {key: list(keys) for key, keys in self.by_key.items()}
        if self.stored is not None and probe:
            other.add(stored_event_keys(self.stored, probe))
        return other

    def candidates(self, keys: list[EventKey]) -> list[EventKey]:
        return [c for key in {match_key(k) for k in keys} for c in self.by_key.get(key, [])]


def event_keys(events: pa.Table, event_participants: pa.Table) -> list[EventKey]:
    people: dict[str, set[str]] = {}
    for event_id, participant_id in zip(event_participants.column("event_id").to_pylist(),
                                        event_participants.column("participant_id").to_pylist(), strict=True):
        people.setdefault(event_id, set()).add(participant_id)
    names = ["event_id", "report_id", "date_start", "date_end", "event_type", "countries", "location", "text"]
    cols = [events.column(n).to_pylist() for n in names]  # column-wise: no dict per row
    return [EventKey(eid, rid, start, end, etype, frozenset(people.get(eid, ())), frozenset(countries or ()),
                     location or "", text)
            for eid, rid, start, end, etype, countries, location, text in zip(*cols, strict=True)]


@dataclass
class Known:
    """What a run knows is already loaded: report signatures and events (for cross-report merges)."""

    reports: ReportIndex
    events: KnownEvents


# The stored events with the same match key (transforms.merge.match_key) as a probe row: an equality
# join on the keys the loader keeps (event_match_keys), so its cost does not grow with the
# participants of every stored event (aggregating them took 3.1 s and +750 MB per batch at 50,000
# reports, against 1.3 s and +130 MB).
_STORED_CANDIDATES = """
WITH matched AS (
    SELECT k.event_id, k.people
    FROM event_match_keys k JOIN (SELECT DISTINCT * FROM probe) q
      ON k.date_start = q.date_start AND k.date_end = q.date_end AND k.event_type = q.event_type
     AND k.people = q.people AND k.key_countries = q.key_countries)
SELECT e.event_id, e.report_id, e.date_start, e.date_end, e.event_type, e.countries, e.location, e.text,
       m.people
FROM events e JOIN matched m USING (event_id)
"""


def stored_event_keys(wh: Warehouse, probe: list[EventKey]) -> list[EventKey]:
    """The stored events that may be the same as one of `probe` (equal transforms.merge.match_key)."""
    if not wh.exists() or not probe:
        return []
    keys = [match_key(k) for k in probe]
    names = ["date_start", "date_end", "event_type", "people", "key_countries"]
    probe_table = pa.table({n: [k[i] for k in keys] for i, n in enumerate(names)})
    # Bounded buffer pool: the scan of every stored event's text would otherwise stay cached (+260 MB
    # at 50,000 reports, against +130 MB with the limit, 0.3 s slower).
    found = wh.query_with(_STORED_CANDIDATES, memory_limit="128MB", probe=probe_table)
    columns = [found.column(n).to_pylist() for n in ("event_id", "report_id", "date_start", "date_end",
                                                     "event_type", "countries", "location", "text", "people")]
    return [EventKey(eid, rid, start, end, etype, frozenset(people.split("|")) - {""}, frozenset(countries or ()),
                     location or "", text)
            for eid, rid, start, end, etype, countries, location, text, people in zip(*columns, strict=True)]


def merge_events(tables: dict[str, pa.Table], known: KnownEvents,
                 keys: list[EventKey] | None = None) -> dict[str, pa.Table]:
    """Events another report already told become mentions of that event (transforms.merge).
    keys: event_keys of `tables`, when already computed."""
    keys = keys if keys is not None else event_keys(tables["events"], tables["event_participants"])
    mapping = assign_events(keys, known.candidates(keys))
    known.add([k for k in keys if k.event_id not in mapping])
    if not mapping:
        return tables
    out = dict(tables)
    out["events"] = tables["events"].filter(pc.invert(pc.is_in(tables["events"]["event_id"],
                                                               pa.array(list(mapping)))))
    for name in ("event_mentions", "event_participants"):
        ids = [mapping.get(i, i) for i in tables[name].column("event_id").to_pylist()]
        idx = tables[name].schema.get_field_index("event_id")
        out[name] = tables[name].set_column(idx, tables[name].schema.field(idx), pa.array(ids, pa.string()))
    return out


def _files_row(ref: FileRef, run_id: str, status: str, fmt: str, **extra: object) -> dict:
    return {"file_id": ref.file_id, "path": ref.url, "file_name": ref.name, "format": fmt,
            "size_bytes": ref.size, "modified": ref.modified, "first_seen": ref.first_seen, "status": status,
            "run_id": run_id,
            **extra}


def _format(ref: FileRef, data: bytes) -> str:
    try:
        fmt = detect_format(ref.name, data)
    except Exception:
        fmt = ""
    return fmt if fmt in schema.FORMATS else EXTENSIONS[PurePosixPath(ref.name).suffix.lower()]


def raw_path(raw_dir: Path, file_id: str) -> Path:
    return raw_dir / file_id[:2] / file_id


def archive_raw(raw_dir: Path, file_id: str, data: bytes) -> None:
    """Keep the file's bytes, content-addressed, so `reportflow reprocess` can re-read them after the
    inbox is gone (written before the load commits; idempotent)."""
    path = raw_path(raw_dir, file_id)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(path)


def _read_bytes(url: str) -> bytes:
    with fsspec.open(url, "rb") as fh:
        return fh.read()


@task(name="read-and-extract", cache_policy=NO_CACHE, **IO_RETRIES)
def extract_batch(refs: list[FileRef], seed_dir: Path, run_id: str, known: ReportIndex,
                  known_events: KnownEvents, quiet: bool = False, raw_dir: Path | None = None) -> Batch:
    """Read and extract a batch of files (one task call for the whole batch), then decide duplicates
    and merge events in file order (flows.scale.assemble, shared with the parallel paths)."""
    from flows.scale import assemble

    jobs = [(ref, seed_dir, raw_dir) for ref in refs]
    prepared = [prepare_job(job) for job in track(jobs, description="extracting", disable=quiet or not refs,
                                                    transient=True)]
    return assemble(prepared, run_id, known, known_events)


def conform(name: str, table: pa.Table) -> pa.Table:
    spec = schema.TABLES_BY_NAME[name]
    if table.schema.equals(spec.arrow_schema):  # as extracted: nothing to do (thousands of calls a batch)
        return table
    return table.select(spec.column_names).cast(spec.arrow_schema)


def combine(name: str, tables: list[pa.Table]) -> pa.Table:
    """Concatenate per-file tables in the schema and keep the first row of each primary key (for
    reports: the first rendering's row with the richest rendering's metadata)."""
    spec = schema.TABLES_BY_NAME[name]
    if not tables:
        return spec.empty()
    table = pa.concat_tables([conform(name, t) for t in tables])
    if name == "reports":
        merged: dict[str, dict] = {}
        for row in table.to_pylist():
            rid = row["report_id"]
            merged[rid] = richer_report(merged[rid], row) if rid in merged else row
        return spec.from_rows(list(merged.values()))
    keys = zip(*(table.column(k).to_pylist() for k in spec.primary_key), strict=True)
    first: dict[tuple, int] = {}
    for i, key in enumerate(keys):
        first.setdefault(key, i)
    return table if len(first) == table.num_rows else table.take(sorted(first.values()))


# ---------------------------------------------------------------- stage, validate, load

@task(name="stage", cache_policy=NO_CACHE, **IO_RETRIES)
def stage_batch(batch: Batch, batch_dir: Path) -> dict[str, Path]:
    """Write every table of the batch (and its files rows) as Parquet under `batch_dir`."""
    batch_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, table in {**batch.tables, "files": batch.files}.items():
        paths[name] = batch_dir / f"{name}.parquet"
        pq.write_table(table, paths[name])
    return paths


# The staged tables of the batch being validated, kept for its load: path -> (file identity, table).
_STAGED: dict[Path, tuple[tuple[int, int, int], pa.Table]] = {}


def read_staged(paths: dict[str, Path], keep: bool = False) -> dict[str, pa.Table]:
    """A staged batch's tables from its Parquet files. keep: hold them (one batch at a time) for the
    next read of the same files, so that validation and load read them once (~0.13 CPU-s per
    500-report batch); a held table is used only if its file is unchanged since (inode, size,
    modification time), and then dropped."""
    if keep:
        _STAGED.clear()
    out = {}
    for name, path in paths.items():
        st = Path(path).stat()
        key = (st.st_ino, st.st_size, st.st_mtime_ns)
        held = _STAGED.pop(Path(path), None)
        out[name] = held[1] if held is not None and held[0] == key else pq.read_table(path)
        if keep:
            _STAGED[Path(path)] = (key, out[name])
    return out


@task(name="validate", cache_policy=NO_CACHE)
def validate_batch(paths: dict[str, Path], gx_root: Path, run_id: str, event_types: set[str],
                   country_codes: set[str], warehouse: str | None, thresholds=None):
    """Great Expectations over the staged Parquet (read back, so what is checked is what loads);
    foreign keys resolve within the batch or to the keys stored in `warehouse` (None: the batch
    must be complete in itself, as when reprocessing replaces every row)."""
    await_import("expectations.runner")
    from expectations import validate_tables

    tables = read_staged(paths, keep=True)  # the load of this batch takes them over
    known = Warehouse(warehouse).referenced_ids(tables) if warehouse else {}
    return validate_tables(tables, gx_root=gx_root, run_id=run_id, event_types=event_types,
                           country_codes=country_codes, known_ids=known, thresholds=thresholds,
                           build_data_docs="if_failed")  # else once per run: build_data_docs


@task(name="build-data-docs", cache_policy=NO_CACHE)
def build_data_docs(gx_root: Path) -> Path | None:
    """The Data Docs site with every batch of the run (a held-back batch built its pages already)."""
    await_import("expectations.runner")
    from expectations import build_docs

    return build_docs(gx_root)


@task(name="load", cache_policy=NO_CACHE, **IO_RETRIES)
def load_batch(warehouse: str, paths: dict[str, Path], run_id: str, seed_dir: Path,
               threads: int | None = None) -> dict[str, int]:
    """Load the staged batch into DuckDB in one transaction (`threads`: Warehouse.load_batch)."""
    tables = read_staged(paths)
    files = tables.pop("files")
    return Warehouse(warehouse).load_batch(tables, files, run_id, seed_dir=seed_dir,
                                           threads=threads)


@task(name="compact", cache_policy=NO_CACHE, **IO_RETRIES)
def compact_warehouse(warehouse: str) -> None:
    """Merge the row groups the run's loads appended (Warehouse.deferred_vacuum): 10-31 s after
    10,000 reports in batches of 500, against 0.1-3.7 s more per batch when each commit merged them."""
    Warehouse(warehouse).compact()


@task(name="hold-back", cache_policy=NO_CACHE, **IO_RETRIES)
def hold_back(batch_dir: Path, quarantine_dir: Path, report_text: str) -> Path:
    """Move a batch that failed validation to quarantine/<run_id>/<batch>/ with the report."""
    quarantine_dir.parent.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(quarantine_dir, ignore_errors=True)
    shutil.move(str(batch_dir), str(quarantine_dir))
    (quarantine_dir / "validation.txt").write_text(report_text, encoding="utf-8")
    return quarantine_dir


# ---------------------------------------------------------------- the flow

def call(stage, *args, **kwargs):
    """Run a stage as a Prefect task inside a flow run, or as plain Python in the local engine
    (`run_local`), which needs no Prefect API server at all."""
    if FlowRunContext.get() is None:
        return stage.fn(*args, **kwargs)
    return stage(*args, **kwargs)


def run_local(inbox: str, warehouse: str, **options) -> RunSummary:
    """The same stages without Prefect orchestration: no run history, no server start-up (~10 s
    saved); for quick local runs, evaluation and benchmarks."""
    return ingest_reports.fn(inbox, warehouse, **options)


def new_run_id() -> str:
    from prefect.runtime import flow_run

    suffix = (flow_run.id or uuid.uuid4().hex)[:8]
    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{suffix}"


@contextmanager
def timed(summary: RunSummary, stage: str) -> Iterator[None]:
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        summary.timings[stage] = round(summary.timings.get(stage, 0.0) + time.perf_counter() - t0, 3)
        summary.cpu[stage] = round(summary.cpu.get(stage, 0.0) + time.process_time() - c0, 3)


def _describe_failures(report, paths: dict[str, Path]) -> list[str]:
    """Each critical failure, followed by the staged rows it concerns (key and source file)."""
    names = {r["file_id"]: r["file_name"] for r in pq.read_table(paths["files"]).to_pylist()}
    lines = []
    for failure in report.critical_failures or []:
        lines.append(failure.line() if hasattr(failure, "line") else str(failure))
        lines += [f"    row {row}" for row in _failing_rows(failure, paths, names)]
    return lines


def _failing_rows(failure, paths: dict[str, Path], names: dict[str, str], limit: int = 5) -> list[str]:
    """Keys of the staged rows whose `failure.column` holds one of the failure's sample values (for
    the not-null check, whose values name the columns: the rows with a null in one of them)."""
    table, column = getattr(failure, "table", None), getattr(failure, "column", None)
    samples = {str(v) for v in getattr(failure, "sample_values", None) or []}
    if table not in paths or table not in schema.TABLES_BY_NAME or not column or not samples:
        return []
    if getattr(failure, "check", None) == "not_null":
        return _null_rows(schema.TABLES_BY_NAME[table], pq.read_table(paths[table]), column.split(","), names,
                          limit)
    out = []
    for row in pq.read_table(paths[table]).to_pylist():
        value = row.get(column)
        values = value if isinstance(value, list) else [value]
        if any(str(v) in samples for v in values) and len(out) < limit:
            out.append(_row_ref(schema.TABLES_BY_NAME[table], row, column, names))
    return out


def _null_rows(spec: schema.Table, data: pa.Table, columns: list[str], names: dict[str, str],
               limit: int) -> list[str]:
    """Keys of the rows of `data` with a null (or NaN) in one of `columns`."""
    out = []
    for column in (c for c in columns if c in data.column_names):
        hits = pc.indices_nonzero(pc.is_null(data.column(column), nan_is_null=True)).to_pylist()
        out += [_row_ref(spec, data.slice(i, 1).to_pylist()[0], column, names) for i in hits[:limit - len(out)]]
    return out


def _row_ref(spec: schema.Table, row: dict, column: str, names: dict[str, str]) -> str:
    key = ", ".join(f"{k}={row[k]}" for k in spec.primary_key)
    where = names.get(row.get("file_id") or "")
    span = f" in {where} [{row.get('char_start')}:{row.get('char_end')}]" if where else ""
    return f"{key} {column}={row.get(column)!r}{span}"


def _vocabulary(seed_dir: Path, event_types: list[str] | None) -> tuple[set[str], set[str]]:
    ref = load_reference(seed_dir)
    types = set(event_types) if event_types is not None else set(ref.event_types)
    return types, set(ref.countries) | {"INT"}


@flow(name="ingest-reports", persist_result=False, log_prints=False, timeout_seconds=FLOW_TIMEOUT_SECONDS,
      on_failure=[on_flow_failure])
def ingest_reports(inbox: str, warehouse: str, seeds: str | None = None, batch_size: int = 200,
                   quiet: bool = False, event_types: list[str] | None = None, since: str | None = None,
                   dask_address: str | None = None, rehash: bool = False) -> RunSummary:
    """Ingest new report files from `inbox` into the DuckDB file `warehouse`.

    `event_types` restricts the event-type vocabulary the validation accepts (default: every
    type in seeds/event_types.csv); a batch with an event outside it is held back.
    `since` (ISO date or datetime, UTC if naive): only files modified after it (backfill).
    `dask_address` (or $REPORTFLOW_DASK_ADDRESS): extract on that Dask cluster (flows/scale.py).
    `rehash`: hash every file, even those whose path, size and modification time are unchanged since
    they were seen (by default these are known without being read).
    """
    seed_dir = Path(seeds) if seeds else SEED_DIR
    wh = Warehouse(warehouse)
    summary = RunSummary(new_run_id(), inbox, str(wh.path))
    with wh.exclusive_run():  # two runs at once would both see the same files as new
        _ingest(summary, inbox, wh, seed_dir, batch_size, quiet, event_types, since=parse_since(since),
                dask=dask_address_or_env(dask_address), rehash=rehash)
    _log_summary(summary)
    raise_if_held_back(summary)  # critical data-quality failure: the flow run ends Failed
    return summary


def _ingest(summary: RunSummary, inbox: str, wh: Warehouse, seed_dir: Path, batch_size: int, quiet: bool,
            event_types: list[str] | None, since: datetime | None = None, dask: str | None = None,
            rehash: bool = False) -> None:
    with timed(summary, "discover"):
        wh.ensure_schema()
        found = call(discover, inbox, wh.known_file_hashes(), since, None if rehash else wh.known_file_stats())
    summary.files_seen, summary.files_new, summary.files_older = found.seen, len(found.new), found.older
    summary.files_known, summary.files_repeated = found.known, found.repeated
    if not found.new:  # a no-op rerun: don't read every stored event and fingerprint for nothing
        summary.rows = wh.counts()
        return
    known = Known(ReportIndex.from_signatures(wh.report_signatures(N_HASHES)), KnownEvents(stored=wh))
    batches = [found.new[i:i + max(1, batch_size)] for i in range(0, len(found.new), max(1, batch_size))]
    ahead = None
    if not (dask and FlowRunContext.get() is not None) and extract_workers() > 1:
        ahead = ExtractAhead(batches, seed_dir, wh.path.parent / "raw", extract_workers(), extract_ahead())
        import_in_background("expectations.runner")  # after the fork: workers never inherit the thread
    with wh.deferred_vacuum():  # each load appends row groups; they are merged once, below
        for index, refs in enumerate(batches):
            run_batch(refs, index, summary, wh, seed_dir, known, quiet, event_types, dask=dask, ahead=ahead)
    if summary.rows_loaded:
        with timed(summary, "compact"), load_slot():
            call(compact_warehouse, str(wh.path))
    if summary.data_docs:
        with timed(summary, "data_docs"):
            call(build_data_docs, wh.path.parent / "gx")
    summary.rows = wh.counts()


_IMPORTING: dict[str, threading.Thread] = {}


def import_in_background(module: str) -> None:
    """Import `module` on a thread. Great Expectations takes ~3.5 s to import; while the pool's
    workers extract the first batch the flow's own process is idle, so validation finds it loaded.
    Start it after the pool has forked (a fork must not copy a thread holding an import lock), and
    use the module through `await_import` (two threads importing one package with circular
    imports can each see the other's half-initialised modules)."""
    if module in sys.modules or module in _IMPORTING:
        return
    thread = threading.Thread(target=importlib.import_module, args=(module,), name=f"import {module}", daemon=True)
    _IMPORTING[module] = thread
    thread.start()


def await_import(module: str) -> None:
    """Wait for a background import of `module` (import_in_background), if one was started."""
    thread = _IMPORTING.pop(module, None)
    if thread is not None:
        thread.join()


def extract_workers() -> int:
    """Processes for read + extract on this machine: $REPORTFLOW_EXTRACT_WORKERS (default 1: in-process)."""
    return _env_count(EXTRACT_WORKERS_ENV)


def extract_ahead() -> int:
    """Batches the pool extracts ahead of the one being loaded: $REPORTFLOW_EXTRACT_AHEAD (default 1).
    Each holds its extracted tables in the flow process until its turn."""
    return _env_count(EXTRACT_AHEAD_ENV)


def _env_count(name: str) -> int:
    """A count of at least 1 from the environment variable `name` (1 when unset or not a number)."""
    try:
        return max(1, int(os.environ.get(name) or 1))
    except ValueError:
        return 1


def prepare_job(job: tuple[FileRef, Path, Path | None]):
    """Read, archive and extract one file (phase 1 of flows/scale.py): in-process, in a process-pool
    worker or on a Dask worker."""
    from flows.scale import prepare_file

    ref, seed_dir, raw_dir = job
    data = _read_bytes(ref.url)
    if raw_dir is not None:
        archive_raw(raw_dir, ref.file_id, data)
    return prepare_file(ref, data, seed_dir)


_POOLS: dict[int, ProcessPoolExecutor] = {}


def _pool(workers: int) -> ProcessPoolExecutor:
    if workers not in _POOLS:  # forked once per process and reused by every batch and run
        _POOLS[workers] = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    return _POOLS[workers]


class ExtractAhead:
    """Read + extract (phase 1, flows/scale.py) on a local process pool, `depth` batches ahead: while
    the flow assembles, validates and loads batch k, the workers already extract batch k + 1. Phase 1
    depends on nothing the warehouse holds, so this changes no table; the decisions that do
    (duplicates, cross-report merges) stay in flows.scale.assemble, in file order."""

    def __init__(self, batches: list[list[FileRef]], seed_dir: Path, raw_dir: Path | None, workers: int,
                 depth: int = 1) -> None:
        self.batches, self.seed_dir, self.raw_dir, self.depth = batches, seed_dir, raw_dir, depth
        self.pool = _pool(workers)
        self.chunk = lambda n: max(1, min(16, n // (4 * workers)))
        self.pending: dict[int, Iterator] = {}
        self._submit(0)

    def _submit(self, index: int) -> None:
        if index < len(self.batches) and index not in self.pending:
            jobs = [(ref, self.seed_dir, self.raw_dir) for ref in self.batches[index]]
            self.pending[index] = self.pool.map(prepare_job, jobs, chunksize=self.chunk(len(jobs)))

    def take(self, index: int) -> list:
        """Batch `index` extracted (waits for it), with the next `depth` batches submitted first."""
        for ahead in range(self.depth + 1):
            self._submit(index + ahead)
        return list(self.pending.pop(index))


def run_batch(refs: list[FileRef], index: int, summary: RunSummary, wh: Warehouse, seed_dir: Path,
              known: Known, quiet: bool, event_types: list[str] | None, dask: str | None = None,
              ahead: ExtractAhead | None = None) -> None:
    """Extract, stage, validate and load (or hold back) one batch; updates `summary`.

    dask: a Dask scheduler address; extraction then fans out over that cluster (flows/scale.py).
    ahead: the pool extracting batch `index` ahead of time (ExtractAhead); only assembled here.
    The batch's tables are released once staged: validation and load read the staged Parquet, and
    a batch of 1,000 reports holds ~100 MB of Arrow tables."""
    root, run_id = wh.path.parent, summary.run_id
    batch_dir = root / "staging" / run_id / f"batch-{index:04d}"
    with timed(summary, "extract"):  # with a pool: waiting for it, the part not overlapped, + assembling
        if dask and FlowRunContext.get() is not None:
            from flows.scale import extract_on_dask

            batch = extract_on_dask(dask, refs, seed_dir, run_id, known.reports, known.events, root / "raw")
        elif ahead is not None:
            from flows.scale import assemble

            batch = assemble(ahead.take(index), run_id, known.reports, known.events)
        else:
            batch = call(extract_batch, refs, seed_dir, run_id, known.reports, known.events, quiet, root / "raw")
    with timed(summary, "stage"):
        paths = call(stage_batch, batch, batch_dir)
    extracted, per_file = bool(batch.tables), rows_per_file(batch.tables)
    batch.tables = {}
    for hook in STAGED_HOOKS:  # fault injection (tests/test_dq_alerts.py); empty in production
        hook(paths)
    report = _validate(paths, wh, seed_dir, summary, event_types) if extracted else None
    if report is not None:  # dq_results + validation.json + alert (flows/quality.py)
        call(record_validation, str(wh.path), run_id, batch_dir, report,
             root / "quarantine" / run_id / batch_dir.name)
    if report is not None and not report.success:
        _STAGED.clear()  # not loaded: its tables are not needed
        with timed(summary, "hold_back"):
            where = call(hold_back, batch_dir, root / "quarantine" / run_id / batch_dir.name, report.summary())
        summary.held_back_dirs.append(str(where))
        summary.files_held_back += len(refs)
        _log_files(batch, per_file, held_back=str(where))
        return
    with timed(summary, "load"), load_slot():
        # while the pool extracts the next batch on every core, one DuckDB thread loads faster
        written = call(load_batch, str(wh.path), paths, run_id, seed_dir, 1 if ahead is not None else None)
    _log_files(batch, per_file)
    for name, n in written.items():
        summary.rows_loaded[name] = summary.rows_loaded.get(name, 0) + n
    known.reports.update(batch.signatures)  # (its events are in the warehouse now: KnownEvents.stored)
    _count(summary, batch)


def _validate(paths: dict[str, Path], wh: Warehouse, seed_dir: Path, summary: RunSummary,
              event_types: list[str] | None):
    """Validate a staged batch; records the outcome in `summary` and returns the report."""
    await_import("expectations.runner")  # Settings.load() below imports expectations.suites too
    types, countries = _vocabulary(seed_dir, event_types)
    with timed(summary, "validate"):
        report = call(validate_batch, paths, wh.path.parent / "gx", summary.run_id, types, countries,
                                str(wh.path), Settings.load().thresholds)
    summary.validation_success = bool(report.success) and summary.validation_success is not False
    if report.data_docs_index:
        summary.data_docs.append(str(report.data_docs_index))
    if not report.success:
        summary.validation_failures += _describe_failures(report, paths)
    return report


def _count(summary: RunSummary, batch: Batch) -> None:
    statuses = batch.statuses()
    summary.files_loaded += statuses.count("loaded")
    summary.files_duplicate += statuses.count("duplicate")
    summary.files_quarantined += statuses.count("quarantined")
    for row in batch.files.select(["file_name", "status", "error"]).to_pylist():
        if row["status"] == "quarantined":
            summary.quarantined_files[row["file_name"]] = row["error"] or ""


def _logger():
    return get_run_logger() if FlowRunContext.get() else logging.getLogger("reportflow")


def dask_address_or_env(address: str | None) -> str | None:
    from flows.scale import dask_address

    return dask_address(address)


@contextmanager
def load_slot() -> Iterator[None]:
    """One warehouse load at a time across flow runs: a Prefect global concurrency limit with one slot
    (created on first use). Without a flow run (local engine) this is a no-op; there the warehouse
    file lock (Warehouse.exclusive_run) serialises runs."""
    if FlowRunContext.get() is None:
        yield
        return
    from prefect.concurrency.sync import concurrency

    _ensure_concurrency_limit(LOAD_CONCURRENCY, 1)
    with concurrency(LOAD_CONCURRENCY, occupy=1, timeout_seconds=FLOW_TIMEOUT_SECONDS):
        yield


def _ensure_concurrency_limit(name: str, limit: int) -> None:
    from contextlib import suppress

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
    from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound

    with get_client(sync_client=True) as client:
        try:
            client.read_global_concurrency_limit_by_name(name)
        except ObjectNotFound:
            with suppress(ObjectAlreadyExists):  # another run created it meanwhile
                client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=name, limit=limit))


def rows_per_file(tables: dict[str, pa.Table]) -> dict[str, dict[str, int]]:
    """file_id -> {table: rows} for the tables a file's log line reports."""
    per_file: dict[str, dict[str, int]] = {}
    for name in ("events", "event_mentions", "metrics"):
        table = tables.get(name)
        if table is not None and table.num_rows:
            counts = table.group_by("file_id").aggregate([("file_id", "count")])
            for file_id, n in zip(counts.column("file_id").to_pylist(), counts.column("file_id_count").to_pylist(),
                                  strict=True):
                per_file.setdefault(file_id, {})[name] = n
    return per_file


def _log_files(batch: Batch, per_file: dict[str, dict[str, int]], held_back: str | None = None) -> None:
    """One log line per file: loaded (with its row counts, rows_per_file), duplicate of which
    report, quarantined and why, or held back with its batch."""
    logger = _logger()
    for row in batch.files.select(["file_id", "file_name", "status", "report_id", "error"]).to_pylist():
        name, status = row["file_name"], row["status"]
        if held_back is not None and status != "quarantined":
            logger.warning("held back %s: its batch failed validation (%s)", name, held_back)
        elif status == "loaded":
            c = per_file.get(row["file_id"], {})
            logger.info("loaded %s: %d new events, %d mentions, %d metrics", name, c.get("events", 0),
                        c.get("event_mentions", 0), c.get("metrics", 0))
        elif status == "duplicate":
            logger.info("duplicate %s: same report as %s, not loaded again", name, row["report_id"])
        else:
            logger.warning("quarantined %s: %s", name, row["error"])


def _log_summary(summary: RunSummary) -> None:
    logger = _logger()
    logger.info("run %s: %d seen, %d new, %d loaded, %d duplicate, %d quarantined, %d held back%s",
                summary.run_id, summary.files_seen, summary.files_new, summary.files_loaded,
                summary.files_duplicate, summary.files_quarantined, summary.files_held_back,
                f", {summary.files_older} not modified since --since" if summary.files_older else "")
    if summary.validation_failures:
        logger.warning("validation failed, batch held back:\n%s", "\n".join(summary.validation_failures))
