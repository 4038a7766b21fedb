"""Export the warehouse in the gold format (/work/shared/spec/gold-format.md) for scoring.

For every ingested file (status loaded or duplicate): <file stem>.events.jsonl and
<file stem>.metrics.jsonl. The events of a report (its own, and events it mentions that another
report contributed first) are listed under each of its files.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path, PurePosixPath

import duckdb

from warehouse.load import Warehouse

FILES_SQL = """
SELECT file_name, report_id FROM files
WHERE status IN ('loaded', 'duplicate') AND report_id IS NOT NULL ORDER BY file_name"""

EVENTS_SQL = """
WITH ids AS (
    SELECT event_id FROM events WHERE report_id = $report
    UNION SELECT event_id FROM event_mentions WHERE report_id = $report),
own_text AS (
    SELECT event_id, arg_min(text, char_start) AS text FROM event_mentions
    WHERE report_id = $report GROUP BY event_id),
people AS (
    SELECT ep.event_id,
           list({'name': p.canonical_name, 'country': coalesce(ep.country, p.country, ''),
                 'title': coalesce(ep.title, '')} ORDER BY p.canonical_name) AS participants
    FROM event_participants ep JOIN participants p USING (participant_id) GROUP BY ep.event_id)
SELECT e.date_start, e.date_end, e.event_type, coalesce(people.participants, []) AS participants,
       list_sort(coalesce(e.countries, [])) AS countries, coalesce(e.location, '') AS location,
       CASE WHEN e.report_id = $report THEN e.text ELSE coalesce(own_text.text, e.text) END AS text
FROM events e JOIN ids USING (event_id)
LEFT JOIN own_text USING (event_id) LEFT JOIN people USING (event_id)
ORDER BY e.date_start, e.char_start, e.event_id"""

METRICS_SQL = """
SELECT value, unit, coalesce(measure, '') AS measure, coalesce(subject, '') AS subject,
       coalesce(population, '') AS population, coalesce(source, '') AS source,
       coalesce(period, '') AS period, text
FROM metrics WHERE report_id = $report ORDER BY char_start, metric_id"""


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> list[dict]:
    rel = con.execute(sql, params)
    names = [d[0] for d in rel.description]
    return [dict(zip(names, row, strict=True)) for row in rel.fetchall()]


def _jsonable(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else str(value)


def _write_jsonl(path: Path, report: str, rows: list[dict]) -> None:
    lines = [json.dumps({"report": report, **row}, ensure_ascii=False, default=_jsonable) for row in rows]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def export_gold(warehouse_path: str | Path, out_dir: str | Path) -> dict[str, tuple[int, int]]:
    """Write the gold-format files; returns {file name: (n events, n metrics)}."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    with Warehouse(warehouse_path).connect(read_only=True) as con:
        for file_name, report_id in con.execute(FILES_SQL).fetchall():
            stem = PurePosixPath(file_name).stem
            events = _rows(con, EVENTS_SQL, {"report": report_id})
            metrics = _rows(con, METRICS_SQL, {"report": report_id})
            _write_jsonl(out / f"{stem}.events.jsonl", file_name, events)
            _write_jsonl(out / f"{stem}.metrics.jsonl", file_name, metrics)
            written[file_name] = (len(events), len(metrics))
    return written
