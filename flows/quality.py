"""Data-quality gate around the ingestion flow, and the `validate` / `dq` / `quarantine` commands.

Severity semantics, end to end:
- **critical** failure: the batch is held back under <warehouse dir>/quarantine/<run_id>/<batch>/
  (its Parquet, validation.txt and validation.json), nothing of it is loaded, dq_results records why,
  an alert is sent, and the flow run ends Failed (`DataQualityError` raised after every batch
  was processed), so `reportflow run` exits 2.
- **warning**: the batch loads, dq_results records the warning and an alert is sent.
- every result (passed ones too) goes to dq_results, in a transaction of its own.

`reportflow quarantine release RUN` re-validates a held batch with the current suites and
vocabulary and loads it if it passes (or anyway with --force, recorded as action force_release).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows import alerts
from flows.settings import Settings
from warehouse import dq, schema
from warehouse.load import Warehouse
from warehouse.seeds import SEED_DIR, load_reference

VALIDATION_JSON = "validation.json"


class DataQualityError(RuntimeError):
    """Raised at the end of an ingestion run that held back a batch on a critical failure; the flow
    run is then Failed. `summary` is the run's RunSummary (everything else was recorded)."""

    def __init__(self, summary: Any) -> None:
        self.summary = summary
        dirs = ", ".join(summary.held_back_dirs)
        super().__init__(f"critical data-quality failure: {summary.files_held_back} file(s) held back in {dirs}")


def raise_if_held_back(summary: Any) -> None:
    if summary.held_back:
        raise DataQualityError(summary)


# ------------------------------------------------------------------------------ the gate


@task(name="record-data-quality", cache_policy=NO_CACHE)
def record_validation(warehouse: str, run_id: str, batch_dir: Path, report: Any,
                      quarantine_dir: Path | None = None) -> bool:
    """After a batch's validation: dq_results rows (own transaction), validation.json in the batch
    folder (it moves to quarantine with the batch), and an alert on failures. Returns whether an
    alert was delivered."""
    settings = Settings.load()
    action = "load" if report.success else "hold_back"
    docs = str(report.data_docs_index) if report.data_docs_index else None
    dq.write_results(warehouse, dq.result_rows(report.results or report.failures, run_id=run_id,
                                               batch=batch_dir.name, action=action, data_docs=docs))
    if batch_dir.is_dir():
        write_validation_json(batch_dir, run_id, report, action)
    return alerts.alert_validation(run_id=run_id, batch=batch_dir.name, failures=report.failures, action=action,
                                   data_docs=docs, quarantine=str(quarantine_dir) if not report.success else None,
                                   settings=settings)


def write_validation_json(folder: Path, run_id: str, report: Any, action: str) -> None:
    payload = {"run_id": run_id, "batch": folder.name, "action": action, "success": bool(report.success),
               "checked_at": datetime.now(UTC).isoformat(),
               "data_docs": str(report.data_docs_index) if report.data_docs_index else None,
               "failures": [alerts._failure_dict(f) for f in report.failures]}
    (folder / VALIDATION_JSON).write_text(json.dumps(payload, indent=2, default=str), encoding="utf-8")


# ------------------------------------------------------------------------------ validate


def _reference(seeds: str | None, event_types: list[str] | None = None) -> tuple[set[str], set[str]]:
    ref = load_reference(Path(seeds) if seeds else SEED_DIR)
    types = set(event_types) if event_types is not None else set(ref.event_types)
    return types, set(ref.countries) | {"INT"}


def _read_table(wh: Warehouse, t: schema.Table) -> pa.Table:
    return wh.query(f"SELECT {', '.join(t.column_names)} FROM {t.name}")


def revalidate_warehouse(warehouse: str, table: str | None = None, seeds: str | None = None,
                         record: bool = True):
    """Validate the warehouse's current tables (all, or `table`) -> (run_id, ValidationReport).

    Foreign keys resolve against the whole warehouse; cross-table rules read the other tables as context.
    """
    from expectations import validate_tables

    wh = Warehouse(warehouse)
    settings = Settings.load()
    run_id = f"validate-{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}"
    chosen = [schema.TABLES_BY_NAME[table]] if table else list(schema.TABLES)
    tables = {t.name: _read_table(wh, t) for t in chosen}
    context = {} if not table else {t.name: _read_table(wh, t) for t in schema.TABLES
                                    if t.name in ("reports", "event_participants") and t.name != table}
    types, countries = _reference(seeds)
    report = validate_tables(tables, gx_root=wh.path.parent / "gx", run_id=run_id, event_types=types,
                             country_codes=countries, known_ids=wh.known_ids(), tables_schema=chosen,
                             thresholds=settings.thresholds, context_tables=context)
    if record:
        docs = str(report.data_docs_index) if report.data_docs_index else None
        dq.write_results(wh.path, dq.result_rows(report.results or report.failures, run_id=run_id,
                                                 batch="warehouse", action="revalidate", data_docs=docs))
    return run_id, report


# ------------------------------------------------------------------------------ quarantine


@dataclass
class HeldBatch:
    run_id: str
    batch: str
    path: Path
    files: list[str] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)  # from validation.json (or dq_results)


def quarantine_root(warehouse: str | Path) -> Path:
    return Path(warehouse).parent / "quarantine"


def held_batches(warehouse: str | Path, run_id: str | None = None) -> list[HeldBatch]:
    """Every batch held back under <warehouse dir>/quarantine/<run_id>/<batch>/, oldest run first."""
    root = quarantine_root(warehouse)
    out = []
    if not root.is_dir():
        return out
    for run_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        if run_id and run_dir.name != run_id:
            continue
        for batch_dir in sorted(p for p in run_dir.iterdir() if p.is_dir()):
            held = HeldBatch(run_dir.name, batch_dir.name, batch_dir)
            files = batch_dir / "files.parquet"
            if files.exists():
                held.files = [r["file_name"] for r in pq.read_table(files, columns=["file_name"]).to_pylist()]
            meta = batch_dir / VALIDATION_JSON
            if meta.exists():
                held.failures = json.loads(meta.read_text(encoding="utf-8")).get("failures", [])
            else:
                held.failures = [{**f, "column": f["column_name"], "rule": f["rule"]}
                                 for f in dq.failures_of(warehouse, held.run_id, held.batch)]
            out.append(held)
    return out


@dataclass
class Release:
    run_id: str
    batch: str
    loaded: bool
    forced: bool
    report: Any
    rows: dict[str, int] = field(default_factory=dict)
    note: str = ""


def release(warehouse: str, run_id: str, batch: str | None = None, force: bool = False,
            seeds: str | None = None, event_types: list[str] | None = None) -> list[Release]:
    """Re-validate the held batches of `run_id` (or just `batch`) with the current suites and
    vocabulary; load those that pass (all with force) and remove them from quarantine."""
    from expectations import validate_tables
    from flows.ingest import load_batch

    held = [h for h in held_batches(warehouse, run_id) if batch is None or h.batch == batch]
    if not held:
        raise LookupError(f"no held batch for run {run_id}" + (f" batch {batch}" if batch else ""))
    wh = Warehouse(warehouse)
    settings = Settings.load()
    seed_dir = Path(seeds) if seeds else SEED_DIR
    types, countries = _reference(seeds, event_types)
    out = []
    with wh.exclusive_run():
        wh.ensure_schema()
        for h in held:
            paths = {p.stem: p for p in sorted(h.path.glob("*.parquet"))}
            file_ids = set(pq.read_table(paths["files"], columns=["file_id"]).column(0).to_pylist())
            if file_ids and file_ids <= wh.known_file_hashes():  # a later run already loaded these files
                _drop(h.path)
                out.append(Release(h.run_id, h.batch, False, False, None, note="already loaded by a later run"))
                continue
            tables = {name: pq.read_table(p) for name, p in paths.items()}
            report = validate_tables(tables, gx_root=wh.path.parent / "gx", run_id=f"{h.run_id}-release",
                                     event_types=types, country_codes=countries, known_ids=wh.known_ids(),
                                     thresholds=settings.thresholds)
            ok = report.success or force
            action = "release" if report.success else ("force_release" if force else "hold_back")
            docs = str(report.data_docs_index) if report.data_docs_index else None
            results = list(report.results or report.failures)
            if force and not report.success:
                from expectations import Failure

                results.append(Failure("*", "quarantine_release_forced", None, "critical", None, [],
                                       f"loaded with --force despite {len(report.critical_failures)} "
                                       "critical failure(s)"))
            dq.write_results(wh.path, dq.result_rows(results, run_id=h.run_id, batch=h.batch, action=action,
                                                     data_docs=docs))
            rows: dict[str, int] = {}
            if ok:
                rows = load_batch.fn(str(wh.path), paths, h.run_id, seed_dir)
                _drop(h.path)
            else:
                write_validation_json(h.path, h.run_id, report, action)
                (h.path / "validation.txt").write_text(report.summary(), encoding="utf-8")
            if report.failures and (force or not report.success or report.warnings):
                alerts.alert_validation(run_id=h.run_id, batch=h.batch, failures=report.failures, action=action,
                                        data_docs=docs, quarantine=None if ok else str(h.path), settings=settings)
            out.append(Release(h.run_id, h.batch, ok, force and not report.success, report, rows))
    return out


def _drop(batch_dir: Path) -> None:
    """Remove a batch from quarantine (and its run folder once empty)."""
    shutil.rmtree(batch_dir)
    if not any(batch_dir.parent.iterdir()):
        batch_dir.parent.rmdir()
