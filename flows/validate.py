"""Re-validate the whole warehouse with the Great Expectations suites (deployed daily as
`validate-warehouse` in prefect.yaml).

The validation itself is flows.quality.revalidate_warehouse (shared with `reportflow validate`): all
tables, foreign keys resolved against the warehouse, results recorded in the dq tables, Data Docs
under <warehouse dir>/gx. This module adds the Prefect flow around it.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger

from flows.alerts import on_flow_failure


def validate_warehouse(warehouse: str, seeds: str | None = None):
    """Validate every table stored in `warehouse` -> expectations.ValidationReport."""
    from flows.quality import revalidate_warehouse

    if not Path(warehouse).exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}")
    _, report = revalidate_warehouse(warehouse, seeds=seeds)
    return report


@flow(name="validate-warehouse", persist_result=False, log_prints=False, timeout_seconds=3600,
      on_failure=[on_flow_failure])
def validate_warehouse_flow(warehouse: str, seeds: str | None = None, fail_on_error: bool = True) -> bool:
    """Prefect flow: re-validate the warehouse; the run fails (and alerts) on a critical failure."""
    logger = get_run_logger()
    report = validate_warehouse(warehouse, seeds=seeds)
    (logger.info if report.success else logger.error)("%s", report.summary())
    if not report.success and fail_on_error:
        raise RuntimeError(f"warehouse {warehouse} failed validation: "
                           f"{len(report.critical_failures)} critical failure(s)")
    return bool(report.success)
