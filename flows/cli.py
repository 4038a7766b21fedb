"""`reportflow` command line: run an ingestion, query the warehouse, export gold files, explain ids."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from flows.dq_cli import add_commands as add_quality_commands

DEFAULT_WAREHOUSE = "warehouse/reportflow.duckdb"
OFFLINE_ENV = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "False",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL": "WARNING",  # no "Finished in state" per task
}
EXAMPLE_SQL = """SELECT event_type, count(*) AS events, min(date_start) AS first, max(date_start) AS last
FROM events GROUP BY event_type ORDER BY events DESC, event_type LIMIT 5"""
CONTEXT_CHARS = 240
EPILOG = """examples:
  reportflow run --inbox seeds/reports
  reportflow sql "SELECT person_a, person_b, n_events FROM v_meetings_between ORDER BY n_events DESC"
  reportflow export --out build/pred
  reportflow explain <event_id or metric_id>
  reportflow validate [--table events]       # re-validate the warehouse (exit 2 on a critical failure)
  reportflow dq --limit 20                   # recent data-quality results
  reportflow quarantine                      # held-back batches; then: reportflow quarantine release RUN
"""


def set_offline_env(quiet: bool = False) -> None:
    """Offline, quiet defaults for Prefect and GX (only where unset); call before importing them."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)
    os.environ.setdefault("PREFECT_HOME", str(Path.cwd() / ".prefect"))
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING" if quiet else "INFO")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportflow",
        description="Reports (txt, md, html, pdf) -> events, participants and metrics in a DuckDB warehouse.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = sub.add_parser("run", help="ingest new files from an inbox and print a summary",
                         description="Ingest new report files (exit code 2 if a batch failed validation "
                                     "and was held back).")
    run.add_argument("--inbox", required=True, help="folder or fsspec URL (file://, memory://) to read")
    run.add_argument("--seeds", help="seed CSV folder (default: the repo's seeds/)")
    run.add_argument("--batch-size", type=int, default=200, help="files per task call (default 200)")
    run.add_argument("--quiet", action="store_true", help="no progress bar, warnings-only logging")
    run.add_argument("--engine", choices=("prefect", "local"), default="prefect",
                     help="prefect: a Prefect flow run (uses PREFECT_API_URL, else a temporary local API "
                          "server); local: the same stages as plain Python, no run history (fast start)")
    run.add_argument("--since", metavar="DATE",
                     help="backfill: only files modified after DATE (ISO date or datetime, UTC if no offset)")
    run.add_argument("--rehash", action="store_true",
                     help="hash every file again (default: a file whose path, size and modification time are "
                          "unchanged since it was seen is known without being read)")
    run.add_argument("--dask", metavar="ADDRESS", default=os.environ.get("REPORTFLOW_DASK_ADDRESS"),
                     help="extract on the Dask cluster at ADDRESS (tcp://host:8786; default "
                          "$REPORTFLOW_DASK_ADDRESS); needs --engine prefect. See docs/scaling.md")
    sql = sub.add_parser("sql", help="run a read-only SQL query and print an aligned table")
    sql.add_argument("query", help='e.g. "SELECT * FROM v_meetings_between ORDER BY n_events DESC"')
    sql.add_argument("--max-width", type=int, default=60, help="truncate cells wider than this")
    export = sub.add_parser("export", help="write <file stem>.events.jsonl / .metrics.jsonl (gold format)")
    export.add_argument("--out", required=True, help="output folder")
    explain = sub.add_parser("explain", help="show the source sentence of an event, mention or metric id")
    explain.add_argument("id", help="an event_id, mention_id or metric_id")
    reprocess = sub.add_parser("reprocess", help="re-extract stored files after an extractor upgrade",
                               description="Rebuild every extracted row from the archived raw files when a "
                                           "report was extracted by another extractor version; one "
                                           "transaction, so queries never see a half-updated warehouse.")
    reprocess.add_argument("--force", action="store_true", help="rebuild even if every report is current")
    reprocess.add_argument("--seeds", help="seed CSV folder (default: the repo's seeds/)")
    for p in (run, sql, export, explain, reprocess):
        p.add_argument("--warehouse", default=DEFAULT_WAREHOUSE,
                       help=f"DuckDB file (default: {DEFAULT_WAREHOUSE}, relative to the current directory)")
    add_quality_commands(sub, DEFAULT_WAREHOUSE)  # validate, dq, quarantine [release RUN]: flows/dq_cli.py
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    set_offline_env(quiet=getattr(args, "quiet", False))
    handler = {"run": cmd_run, "sql": cmd_sql, "export": cmd_export, "explain": cmd_explain,
               "reprocess": cmd_reprocess}.get(args.command) or args.handler
    from warehouse.load import WarehouseBusy

    try:
        return handler(args)
    except WarehouseBusy as busy:
        print(f"reportflow: {busy}", file=sys.stderr)
        return 3


def _need_warehouse(path: str) -> bool:
    if Path(path).exists():
        return True
    print(f"no warehouse at {path} (run `reportflow run --inbox DIR --warehouse {path}` first)",
          file=sys.stderr)
    return False


def cmd_run(args: argparse.Namespace) -> int:
    t0 = time.perf_counter()
    from flows.ingest import ingest_reports, parse_since, run_local

    if args.dask and args.engine != "prefect":
        print("reportflow: --dask needs --engine prefect (Dask tasks run inside a flow run)", file=sys.stderr)
        return 1
    try:
        since = parse_since(args.since)
    except ValueError:
        print(f"reportflow: --since {args.since!r} is not an ISO date (YYYY-MM-DD[THH:MM[:SS]])", file=sys.stderr)
        return 1
    runner = ingest_reports if args.engine == "prefect" else run_local
    extra = {"since": since.isoformat() if since else None, "dask_address": args.dask, "rehash": args.rehash}
    from flows.quality import DataQualityError

    try:
        summary = runner(inbox=args.inbox, warehouse=args.warehouse, seeds=args.seeds,
                         batch_size=args.batch_size, quiet=args.quiet, **{k: v for k, v in extra.items() if v})
    except DataQualityError as failed:  # a batch held back: the flow run is Failed, everything else recorded
        summary = failed.summary
    print_summary(summary, time.perf_counter() - t0)
    if summary.rows.get("events"):
        print(f"\nexample query:\n{EXAMPLE_SQL}\n")
        print(format_table(*_query(args.warehouse, EXAMPLE_SQL)))
    return 2 if summary.held_back else 0


def print_summary(s, seconds: float) -> None:
    print(f"run {s.run_id}  warehouse {s.warehouse}  ({seconds:.1f} s)")
    print(f"files: {s.files_seen} seen, {s.files_new} new, {s.files_loaded} loaded, {s.files_duplicate} "
          f"duplicate, {s.files_quarantined} quarantined, {s.files_held_back} held back, "
          f"{s.files_known} already loaded, {s.files_repeated} identical copies"
          + (f", {s.files_older} not modified since --since" if getattr(s, "files_older", 0) else ""))
    for name, error in s.quarantined_files.items():
        print(f"  quarantined {name}: {error}")
    print("rows loaded by this run: " + (", ".join(f"{k} {v}" for k, v in s.rows_loaded.items()) or "none"))
    print("rows in the warehouse:   " + ", ".join(f"{k} {v}" for k, v in s.rows.items()))
    verdict = {None: "not run (nothing to validate)", True: "passed", False: "FAILED"}[s.validation_success]
    print(f"validation: {verdict}")
    for failure in s.validation_failures:
        print(f"  {failure}")
    for where in s.held_back_dirs:
        print(f"  batch held back: {where}")
    for docs in dict.fromkeys(s.data_docs):
        print(f"data docs: {docs}")
    stages = sum(s.timings.values())
    print("timings: " + ", ".join(f"{k} {v:.2f}s" for k, v in s.timings.items())
          + f"; start-up and orchestration overhead (imports, Prefect) {seconds - stages:.1f}s")


def _query(warehouse: str, sql: str) -> tuple[list[str], list[tuple]]:
    from warehouse.load import Warehouse

    with Warehouse(warehouse).connect(read_only=True) as con:
        rel = con.execute(sql)
        if rel.description is None:
            return [], []
        return [d[0] for d in rel.description], rel.fetchall()


def _cell(value: object, width: int) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(names: list[str], rows: list[tuple], max_width: int = 60) -> str:
    """Rows as an aligned text table (numbers right-aligned) with a row count."""
    cells = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    numeric = [bool(rows) and all(isinstance(r[i], int | float) or r[i] is None for r in rows)
               for i in range(len(names))]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w)
                         for v, w, num in zip(values, widths, numeric, strict=True)).rstrip()

    out = [line(names), line(["-" * w for w in widths]), *(line(r) for r in cells)]
    return "\n".join([*out, f"({len(rows)} row{'s' if len(rows) != 1 else ''})"])


def cmd_reprocess(args: argparse.Namespace) -> int:
    if not _need_warehouse(args.warehouse):
        return 1
    from flows.reprocess import reprocess

    s = reprocess.fn(args.warehouse, seeds=args.seeds, force=args.force)
    if not (s.stale_reports or args.force):
        print(f"every report is already extracted by extractor {s.extractor_version}; nothing to do")
        return 0
    if s.validation_success is False:
        print("reprocessing held back, the warehouse is unchanged; validation failed:", *s.validation_failures,
              sep="\n  ")
        return 2
    print(f"reprocessed {s.files_reprocessed} files ({s.stale_reports} stale reports) with extractor "
          f"{s.extractor_version} in {s.seconds:.1f} s")
    print("rows in the warehouse: " + ", ".join(f"{k} {v}" for k, v in s.rows.items()))
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    if not _need_warehouse(args.warehouse):
        return 1
    import duckdb

    try:
        names, rows = _query(args.warehouse, args.query)
    except duckdb.Error as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(format_table(names, rows, args.max_width))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if not _need_warehouse(args.warehouse):
        return 1
    from flows.export import export_gold

    written = export_gold(args.warehouse, args.out)
    for name, (n_events, n_metrics) in written.items():
        print(f"{name}: {n_events} events, {n_metrics} metrics")
    print(f"wrote {2 * len(written)} files to {args.out}")
    return 0


EXPLAIN_SQL = """
SELECT 'event' AS kind, x.file_id, x.char_start, x.char_end, x.text FROM events x WHERE event_id = $id
UNION ALL SELECT 'mention', x.file_id, x.char_start, x.char_end, x.text FROM event_mentions x
    WHERE mention_id = $id
UNION ALL SELECT 'metric', x.file_id, x.char_start, x.char_end, x.text FROM metrics x WHERE metric_id = $id"""


def cmd_explain(args: argparse.Namespace) -> int:
    if not _need_warehouse(args.warehouse):
        return 1
    from warehouse.load import Warehouse

    with Warehouse(args.warehouse).connect(read_only=True) as con:
        hit = con.execute(EXPLAIN_SQL, {"id": args.id}).fetchone()
        if hit is None:
            print(f"no event, mention or metric with id {args.id}", file=sys.stderr)
            return 1
        kind, file_id, start, end, text = hit
        name, body = con.execute("SELECT file_name, text FROM files WHERE file_id = ?", [file_id]).fetchone()
    print(f"{kind} {args.id} in {name} [{start}:{end}]")
    print(f"extracted text: {text}\n")
    print(in_context(body or "", start, end))
    return 0


def in_context(body: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> str:
    """The span body[start:end] marked with >>> <<<, with `chars` of text either side."""
    before = body[max(0, start - chars):start]
    after = body[end:end + chars]
    lead = "…" if start > chars else ""
    tail = "…" if end + chars < len(body) else ""
    return f"{lead}{before}>>> {body[start:end]} <<<{after}{tail}"


if __name__ == "__main__":
    sys.exit(main())
