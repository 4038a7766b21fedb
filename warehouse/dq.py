"""The `dq_results` table: every validation result, written in its own small transaction (so a batch
that is held back still records why), and read back by `reportflow dq` / `reportflow quarantine`."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa

from warehouse import schema
from warehouse.load import Warehouse

TABLE = schema.DQ_RESULTS


def result_rows(results: Iterable[Any], *, run_id: str, batch: str, action: str,
                data_docs: str | None = None, checked_at: datetime | None = None) -> list[dict]:
    """dq_results rows from expectations.Failure records (ValidationReport.results: passed and failed)."""
    checked_at = checked_at or datetime.now(UTC)
    rows = []
    for r in results:
        rows.append({
            "result_id": uuid.uuid4().hex,
            "run_id": run_id,
            "batch": batch,
            "action": action,
            "suite": getattr(r, "suite", None),
            "table_name": r.table,
            "expectation": r.expectation,
            "column_name": r.column,
            "rule": r.check,
            "severity": r.severity if r.severity in schema.DQ_SEVERITIES else "critical",
            "success": bool(getattr(r, "success", False)),
            "unexpected_count": r.unexpected_count,
            "sample_values": json.dumps(list(r.sample_values or []), default=str) if not r.success else None,
            "message": r.message or None,
            "data_docs": data_docs,
            "checked_at": checked_at,
        })
    return rows


def write_results(warehouse: str | Path, rows: list[dict]) -> int:
    """Append rows to dq_results in one short transaction of its own (creating the table if needed)."""
    if not rows:
        return 0
    data = TABLE.from_rows(rows)
    with Warehouse(warehouse).connect() as con:
        con.execute("BEGIN")
        try:
            con.execute(TABLE.create_table_sql())
            con.register("_dq_rows", data)
            cols = ", ".join(TABLE.column_names)
            con.execute(f"INSERT INTO {TABLE.name} ({cols}) SELECT {cols} FROM _dq_rows")
            con.unregister("_dq_rows")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return data.num_rows


def has_results(warehouse: str | Path) -> bool:
    wh = Warehouse(warehouse)
    if not wh.exists():
        return False
    sql = "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'dq_results'"
    with wh.connect(read_only=True) as con:
        return bool(con.execute(sql).fetchone()[0])


RUNS_SQL = """
SELECT run_id, batch, any_value(action) AS action, min(checked_at) AS checked_at,
       count(*) AS checks, count(*) FILTER (NOT success) AS failed,
       count(*) FILTER (NOT success AND severity = 'critical') AS critical
FROM dq_results {where}
GROUP BY run_id, batch, action ORDER BY checked_at DESC LIMIT $limit"""

FAILURES_SQL = """
SELECT checked_at, run_id, batch, action, severity, table_name, column_name, rule, expectation,
       unexpected_count, sample_values
FROM dq_results WHERE {cond} ORDER BY checked_at DESC, severity, table_name, column_name LIMIT $limit"""


def recent(warehouse: str | Path, run_id: str | None = None, limit: int = 20,
           include_passed: bool = False) -> tuple[pa.Table, pa.Table]:
    """(per run and batch: checks, failures; the results themselves, failures only unless
    include_passed), newest first."""
    params: dict = {"limit": limit}
    where = ""
    if run_id:
        where, params["run"] = "WHERE run_id = $run", run_id
    cond = " AND ".join([*(["run_id = $run"] if run_id else []), *([] if include_passed else ["NOT success"])])
    with Warehouse(warehouse).connect(read_only=True) as con:
        runs = con.execute(RUNS_SQL.format(where=where), params).to_arrow_table()
        results = con.execute(FAILURES_SQL.format(cond=cond or "true"), params).to_arrow_table()
    return runs, results


def failures_of(warehouse: str | Path, run_id: str, batch: str) -> list[dict]:
    """Failed results recorded for one batch (e.g. a held-back batch), critical first."""
    if not has_results(warehouse):
        return []
    sql = """SELECT severity, table_name, column_name, rule, expectation, unexpected_count, sample_values
             FROM dq_results WHERE run_id = ? AND batch = ? AND NOT success
             ORDER BY checked_at DESC, severity, table_name"""
    with Warehouse(warehouse).connect(read_only=True) as con:
        return con.execute(sql, [run_id, batch]).to_arrow_table().to_pylist()
