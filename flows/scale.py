"""Scale-out of extraction over a Dask cluster (prefect-dask's DaskTaskRunner).

Reading and extracting files is the expensive, embarrassingly parallel part; which file is a
near-duplicate of which, and which event another report already told, depends on the order of
the files. So extraction runs in two phases:

1. `extract_chunk` (a Prefect task, submitted to Dask, chunks in parallel): read each file, its text,
   its MinHash signature and its extracted tables, or the error.
2. `assemble` (in the flow, sequential, in inbox order): the same decisions as
   `flows.ingest.extract_batch` - duplicate of a known or earlier report, quarantined, or loaded
   with its events merged into the known ones - so the tables are identical to an in-process run.

Stage, validate and load stay sequential in the flow. See docs/scaling.md.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
from prefect import task
from prefect.cache_policies import NO_CACHE

from transforms.extract import extract_document
from transforms.identity import minhash_signature
from transforms.merge import ReportIndex, match_in
from transforms.readers import read_document
from warehouse import schema
from warehouse.seeds import load_reference

DASK_ENV = "REPORTFLOW_DASK_ADDRESS"
CHUNK_FILES = 8  # files per Dask task: ~10 ms of Prefect overhead per task against ~0.1-1 s per file


@dataclass
class Prepared:
    """One file after phase 1: text + signature + tables, or the error that stopped it."""

    ref: object  # flows.ingest.FileRef
    fmt: str
    text: str | None = None
    sig: list[str] | None = None  # None: reading failed before a signature existed
    tables: dict[str, pa.Table] = field(default_factory=dict)
    error: str | None = None

    # A worker's result travels pickled. Its tables go as one Arrow IPC stream each: pickle takes
    # a table apart array by array, which cost 2.2 s to dump and 1.6 s to load for a batch of 500
    # reports (54 MB), against ~0.5 s in all as IPC.
    def __getstate__(self) -> dict:
        return {**self.__dict__, "tables": {name: _ipc(t) for name, t in self.tables.items()}}

    def __setstate__(self, state: dict) -> None:
        tables = {name: pa.ipc.open_stream(data).read_all() for name, data in state["tables"].items()}
        self.__dict__.update({**state, "tables": tables})


def _ipc(table: pa.Table) -> pa.Buffer:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


def dask_address(address: str | None = None) -> str | None:
    """The scheduler address to fan out to: the argument, else $REPORTFLOW_DASK_ADDRESS, else None."""
    return address or os.environ.get(DASK_ENV) or None


def _error(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"[:2000]


def prepare_file(ref, data: bytes, seed_dir: Path) -> Prepared:
    from flows.ingest import _format

    fmt = _format(ref, data)
    try:
        doc = read_document(ref.name, data)
        sig = minhash_signature(doc.text)
    except Exception as exc:  # a bad file must not stop the chunk
        return Prepared(ref, fmt, error=_error(exc))
    try:
        tables = extract_document(doc, load_reference(seed_dir), file_id=ref.file_id,
                                  report_id=ref.file_id, file_name=ref.name)
    except Exception as exc:
        return Prepared(ref, fmt, text=doc.text, sig=sig, error=_error(exc))
    return Prepared(ref, fmt, text=doc.text, sig=sig, tables=tables)


@task(name="read-and-extract-chunk", cache_policy=NO_CACHE, retries=3, retry_delay_seconds=[1, 4, 16],
      retry_jitter_factor=0.5)
def extract_chunk(refs: list, seed_dir: Path, raw_dir: Path | None = None) -> list[Prepared]:
    """Phase 1 for a chunk of files (runs on a Dask worker)."""
    from flows.ingest import prepare_job

    return [prepare_job((ref, seed_dir, raw_dir)) for ref in refs]


def assemble(prepared: list[Prepared], run_id: str, known: ReportIndex, known_events):
    """Phase 2, in file order: the decisions of flows.ingest.extract_batch -> flows.ingest.Batch."""
    from flows.ingest import EXTRACT_TABLES, Batch, _files_row, combine, conform, event_keys, merge_events

    keys = {id(p): event_keys(p.tables["events"], p.tables["event_participants"])
            for p in prepared if "events" in p.tables and "event_participants" in p.tables}
    events = known_events.fork([k for ks in keys.values() for k in ks])
    rows, parts, sigs, batch_index = [], {name: [] for name in EXTRACT_TABLES}, {}, ReportIndex()
    for p in prepared:
        tables: dict[str, pa.Table] = {}
        if p.sig is None:
            row = _files_row(p.ref, run_id, "quarantined", p.fmt, error=p.error)
        else:
            try:
                dup_of = match_in(p.sig, known, batch_index)  # stored reports first, then this batch's
            except Exception as exc:
                dup_of, p.error = None, _error(exc)
            if dup_of:
                row = _files_row(p.ref, run_id, "duplicate", p.fmt, report_id=dup_of, text=p.text)
                if "reports" in p.tables:  # its metadata may be richer than the kept rendering's
                    parts["reports"].append(_as_report(p.tables["reports"], dup_of))
            elif p.error:
                row = _files_row(p.ref, run_id, "quarantined", p.fmt, error=p.error)
            else:
                row = _files_row(p.ref, run_id, "loaded", p.fmt, report_id=p.ref.file_id, text=p.text)
                tables = p.tables
                if p.sig:
                    sigs[p.ref.file_id] = p.sig
                    batch_index.add(p.ref.file_id, p.sig)
        rows.append(row)
        if tables:
            tables = merge_events({n: conform(n, t) for n, t in tables.items() if n in parts}, events,
                                  keys.get(id(p)))
        for name, table in tables.items():
            parts[name].append(table)
    tables = {name: combine(name, ts) for name, ts in parts.items()} if any(parts.values()) else {}
    return Batch(tables, schema.FILES.from_rows(rows), sigs)


def _as_report(reports: pa.Table, report_id: str) -> pa.Table:
    """A duplicate rendering's report row, under the id of the report it renders."""
    idx = reports.schema.get_field_index("report_id")
    return reports.set_column(idx, reports.schema.field(idx), pa.array([report_id] * reports.num_rows, pa.string()))


def extract_on_dask(address: str, refs: list, seed_dir: Path, run_id: str, known: ReportIndex,
                    known_events, raw_dir: Path | None = None, chunk_files: int | None = None):
    """Fan the batch's files out over the Dask cluster at `address` in chunks, gather in order and
    assemble them into a flows.ingest.Batch. Must run inside a flow run."""
    from prefect_dask import DaskTaskRunner

    size = max(1, chunk_files or CHUNK_FILES)
    chunks = [refs[i:i + size] for i in range(0, len(refs), size)]
    with DaskTaskRunner(address=address) as runner:
        futures = [runner.submit(extract_chunk, parameters={"refs": chunk, "seed_dir": seed_dir,
                                                            "raw_dir": raw_dir})
                   for chunk in chunks]
        prepared = [p for future in futures for p in future.result()]
    return assemble(prepared, run_id, known, known_events)
