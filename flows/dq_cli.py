"""`reportflow validate`, `reportflow dq`, `reportflow quarantine [release RUN]` (flows/quality.py does
the work; this module stays light so that building the parser does not import Prefect or GX)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from warehouse import schema


def add_commands(sub: argparse._SubParsersAction, default_warehouse: str) -> dict:
    """Add validate / dq / quarantine to the `reportflow` parser; returns {command: handler}."""
    validate = sub.add_parser("validate", help="re-validate the warehouse's tables and print a summary",
                              description="Re-validate the current warehouse tables with the GX suites "
                                          "(exit code 2 on a critical failure); results go to dq_results.")
    validate.add_argument("--table", choices=[t.name for t in schema.TABLES], help="only this table")
    validate.add_argument("--seeds", help="seed CSV folder (default: the repo's seeds/)")
    validate.add_argument("--alert", action="store_true", help="also send failures to the alert webhook")
    dqp = sub.add_parser("dq", help="list recent data-quality results (dq_results)")
    dqp.add_argument("--run", help="only this run id")
    dqp.add_argument("--limit", type=int, default=20, help="rows per listing (default 20)")
    dqp.add_argument("--all", action="store_true", help="list passed expectations too, not only failures")
    quarantine = sub.add_parser("quarantine", help="list held-back batches; `quarantine release RUN` loads one",
                                description="Without an action: list the batches held back by critical "
                                            "failures. `release RUN` re-validates them with the current "
                                            "suites and vocabulary and loads those that pass.")
    qsub = quarantine.add_subparsers(dest="action", metavar="ACTION")
    rel = qsub.add_parser("release", help="re-validate and load a held run (after a fix)")
    rel.add_argument("run_id", metavar="RUN", help="run id (the folder under quarantine/)")
    rel.add_argument("--batch", help="only this batch (batch-NNNN); default: all of the run")
    rel.add_argument("--force", action="store_true", help="load even if critical failures remain (recorded)")
    rel.add_argument("--seeds", help="seed CSV folder (default: the repo's seeds/)")
    for p in (validate, dqp, quarantine, rel):
        # SUPPRESS on `release`: its default would override `quarantine --warehouse X release RUN`
        p.add_argument("--warehouse", default=argparse.SUPPRESS if p is rel else default_warehouse,
                       help=f"DuckDB file (default: {default_warehouse}, relative to the current directory)")
    validate.set_defaults(handler=cmd_validate)
    dqp.set_defaults(handler=cmd_dq)
    quarantine.set_defaults(handler=cmd_quarantine)
    return {"validate": cmd_validate, "dq": cmd_dq, "quarantine": cmd_quarantine}


def _need(path: str) -> bool:
    if Path(path).exists():
        return True
    print(f"no warehouse at {path} (run `reportflow run --inbox DIR --warehouse {path}` first)", file=sys.stderr)
    return False


def cmd_validate(args: argparse.Namespace) -> int:
    if not _need(args.warehouse):
        return 1
    from flows import alerts
    from flows.quality import revalidate_warehouse

    run_id, report = revalidate_warehouse(args.warehouse, table=args.table, seeds=args.seeds)
    print(f"{run_id}: {args.table or 'all tables'} of {args.warehouse}")
    print(report.summary())
    if args.alert and report.failures:
        docs = str(report.data_docs_index) if report.data_docs_index else None
        alerts.alert_validation(run_id=run_id, batch="warehouse", failures=report.failures, action="revalidate",
                                data_docs=docs)
    return 0 if report.success else 2


def cmd_dq(args: argparse.Namespace) -> int:
    from flows.cli import format_table
    from warehouse import dq

    if not _need(args.warehouse):
        return 1
    if not dq.has_results(args.warehouse):
        print("no data-quality results yet (dq_results is filled by `reportflow run` and `reportflow validate`)")
        return 0
    runs, results = dq.recent(args.warehouse, args.run, args.limit, include_passed=args.all)
    print("validations (newest first):")
    print(format_table(runs.column_names, [tuple(r.values()) for r in runs.to_pylist()]))
    print("\n" + ("results:" if args.all else "failures:"))
    print(format_table(results.column_names, [tuple(r.values()) for r in results.to_pylist()], max_width=50))
    return 0


def cmd_quarantine(args: argparse.Namespace) -> int:
    if args.action == "release":
        return _cmd_release(args)
    from flows.quality import held_batches, quarantine_root

    held = held_batches(args.warehouse)
    if not held:
        print(f"no batch held back under {quarantine_root(args.warehouse)}")
        return 0
    for h in held:
        print(f"{h.run_id}  {h.batch}  {len(h.files)} file(s)  {h.path}")
        for name in h.files:
            print(f"    file  {name}")
        for f in h.failures:
            where = f"({f.get('column')})" if f.get("column") else ""
            print(f"    {f.get('severity', '?'):8s} {f.get('table')}: {f.get('expectation')}{where} "
                  f"[{f.get('rule')}] {f.get('unexpected_count')} row(s) e.g. {f.get('sample_values')}")
    print(f"\n{len(held)} batch(es) held back; after a fix: reportflow quarantine release RUN [--force]")
    return 0


def _cmd_release(args: argparse.Namespace) -> int:
    if not _need(args.warehouse):
        return 1
    from flows.quality import release

    try:
        released = release(args.warehouse, args.run_id, batch=args.batch, force=args.force, seeds=args.seeds)
    except LookupError as exc:
        print(f"reportflow: {exc}", file=sys.stderr)
        return 1
    code = 0
    for r in released:
        if r.report is None:
            print(f"{r.run_id} {r.batch}: {r.note}; removed from quarantine")
            continue
        if r.loaded:
            how = "FORCE-released (critical failures recorded in dq_results)" if r.forced else "released"
            rows = ", ".join(f"{k} {v}" for k, v in r.rows.items() if v) or "no rows"
            print(f"{r.run_id} {r.batch}: {how}; loaded {rows}")
        else:
            code = 2
            print(f"{r.run_id} {r.batch}: still failing, kept in quarantine")
        if not r.report.success or r.report.warnings:
            print("  " + r.report.summary().replace("\n", "\n  "))
    return code
