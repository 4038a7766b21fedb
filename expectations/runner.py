"""Validate a batch of Arrow tables with Great Expectations (one validation run per frame, local Data Docs).

Design notes (GX 1.24):
- GX over duckdb-engine SQL is broken, so tables are validated through GX's *pandas* datasource:
  one DataFrame asset, suite and ValidationDefinition per frame, created once and reused.
- The runner calls ``ValidationDefinition.run`` for each frame with its DataFrame as
  ``batch_parameters["dataframe"]``, all under one RunIdentifier. A GX Checkpoint passes the same
  batch parameters to every definition, so it cannot validate several in-memory frames; earlier
  versions wrote each frame to Parquet and ran a checkpoint over Parquet assets, which cost
  ~2.5 s more per batch (the Parquet round trip and the checkpoint's freshness checks).
- Value sets that depend on the run (event types, country codes) are suite parameters, passed as
  ``expectation_parameters`` to each run. Every foreign key of schema.py is checked
  (critical) against the batch's own parent keys plus ``known_ids`` on a helper frame of dangling
  keys (expectations/suites.py): pass the stored keys the batch refers to (a flow passes
  ``Warehouse.referenced_ids(batch)``, not every key it holds).
- Data Docs: GX's UpdateDataDocsAction (a checkpoint action) runs once per validation result
  and each time rebuilds the whole site (index included, jinja templates
  recompiled): ~3 s for our 9 suites. The runner makes the same build_data_docs call once for all
  results of the run (~0.7 s). Old runs are pruned (keep_runs) so the index does not keep growing.
- GX reports success for a suite without expectations (GX issue #3494): ``success`` here is
  False when a suite is empty, nothing was evaluated, a table is missing, an expectation raised,
  or any critical expectation failed.
- The context and validation definitions are opened once per run (``run_id``) and reused by its
  later batches; GX's fingerprint of each DataFrame batch (a marker we never read) is off, since a
  frame with a list column cannot be hashed and GX pickles it whole instead. Together ~0.9 s of a
  500-report batch's ~4 s (median of a run's later batches).
- Not safe for concurrent calls on the same ``gx_root`` (GX's file stores are not locked).
"""

from __future__ import annotations

import os

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

import contextlib
import datetime as dt
import logging
import shutil
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import great_expectations as gx
import great_expectations.exceptions as gx_exceptions
import pyarrow as pa
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context.types.base import ProgressBarsConfig
from great_expectations.execution_engine import pandas_execution_engine

from expectations.suites import (
    CRITICAL,
    WARNING,
    SuiteSpec,
    Thresholds,
    build_suite_specs,
    domain_frames,
    foreign_key_frames,
    helper_frames,
    not_null_frames,
    suite_parameters,
)
from warehouse import schema
from warehouse.schema import Table

log = logging.getLogger(__name__)

# GX hashes every in-memory batch below this many bytes for a batch marker; 0: never (see above).
pandas_execution_engine.HASH_THRESHOLD = 0

DATASOURCE = "reportflow"
LEGACY_CHECKPOINT = "reportflow"  # see _drop_legacy_checkpoint
SPEC_HASH_KEY = "reportflow_spec_hash"
# BASIC has unexpected_count and partial_unexpected_list; SUMMARY adds value counts (~40% slower).
RESULT_FORMAT = {"result_format": "BASIC", "partial_unexpected_count": 20}
MAX_SAMPLES = 10


@dataclass
class Failure:
    table: str
    expectation: str  # GX expectation type, e.g. expect_column_values_to_be_in_set (or a guard name)
    column: str | None
    severity: str  # "critical" | "warning"
    unexpected_count: int | None
    sample_values: list = field(default_factory=list)  # distinct unexpected values, at most 10
    message: str = ""
    check: str | None = None  # our rule name (meta["check"]): not_null, vocabulary, percent_range...
    success: bool = False  # ValidationReport.results also holds the expectations that passed
    suite: str | None = None  # GX suite (the table, or a helper frame such as events__countries)

    def line(self) -> str:
        where = f"({self.column})" if self.column else ""
        tag = f" [{self.check}]" if self.check else ""
        if self.unexpected_count is not None:
            return (f"{self.table}: {self.expectation}{where} failed on {self.unexpected_count} row(s): "
                    f"{self.sample_values!r}{tag}")
        return f"{self.table}: {self.expectation}{where} failed: {self.message}{tag}"


@dataclass
class ValidationReport:
    success: bool
    critical_failures: list[Failure]
    warnings: list[Failure]
    n_expectations: int
    data_docs_index: Path | None
    results_json: dict
    results: list[Failure] = field(default_factory=list)  # every evaluated expectation and guard, passed or not

    @property
    def failures(self) -> list[Failure]:
        return self.critical_failures + self.warnings

    def summary(self) -> str:
        head = (f"validation {'passed' if self.success else 'FAILED'}: {self.n_expectations} expectation(s), "
                f"{len(self.critical_failures)} critical failure(s), {len(self.warnings)} warning(s)")
        lines = [head]
        lines += [f"  CRITICAL {f.line()}" for f in self.critical_failures]
        lines += [f"  warning  {f.line()}" for f in self.warnings]
        if self.data_docs_index:
            lines.append(f"  data docs: {self.data_docs_index}")
        return "\n".join(lines)


def validate_tables(
    tables: Mapping[str, pa.Table],
    *,
    gx_root: Path,
    run_id: str,
    event_types: Iterable[str],
    country_codes: Iterable[str],
    known_participant_ids: Iterable[str] = frozenset(),
    known_ids: Mapping[str, Iterable[str]] | None = None,
    tables_schema: Sequence[Table] = schema.TABLES,
    build_data_docs: bool | str = True,
    keep_runs: int | None = 10,
    thresholds: Thresholds | None = None,
    context_tables: Mapping[str, pa.Table] | None = None,
) -> ValidationReport:
    """Validate one batch of tables (name -> Arrow table) against the suites of `tables_schema`.

    known_participant_ids: participant ids already in the warehouse (foreign-key targets besides
    the batch's own participants). known_ids: the same for any other key, as
    {"<table>.<column>": ids}, e.g. {"reports.report_id": ..., "events.event_id": ...}.
    tables_schema: the tables to expect (default: all of warehouse.schema.TABLES).
    keep_runs: stored validation results (and their Data Docs pages) kept per suite; GX keeps all
    by default and the Data Docs index rebuild slows with each run (0.5 s -> 2.7 s after 40 runs).
    thresholds: limits of the domain rules (period tolerance, minimum shares); default Thresholds().
    context_tables: tables not validated themselves but needed by cross-table rules (e.g. reports
    and event_participants when only events are re-validated).
    build_data_docs: True: rebuild the Data Docs pages now; "if_failed": only when a critical
    expectation failed (the batch is held back and its alert links the pages), else the caller
    builds the site once for many batches (build_docs; GX rebuilds the whole index each time,
    ~2-3 s). data_docs_index is set either way.
    Tables of `tables_schema` with `validated=False` (dq_results) are ignored.
    """
    gx_root = Path(gx_root).resolve()
    known: dict[str, set] = {k: set(v) for k, v in (known_ids or {}).items()}
    known.setdefault("participants.participant_id", set()).update(known_participant_ids)

    tables_schema = [t for t in tables_schema if t.validated]
    thresholds = thresholds or Thresholds()
    guard_failures: list[Failure] = []
    schema_names = [t.name for t in tables_schema]
    for name in schema_names:
        if name not in tables:
            guard_failures.append(Failure(name, "table_present", None, CRITICAL, None, [],
                                          f"table {name!r} is missing from the batch"))
    for name in tables:
        if name not in schema_names:
            guard_failures.append(Failure(name, "table_known", None, WARNING, None, [],
                                          f"table {name!r} is not in the schema; not validated"))

    specs = build_suite_specs(tables_schema)
    for spec in specs:
        if not spec.expectations:
            guard_failures.append(Failure(spec.table, "suite_not_empty", None, CRITICAL, None, [],
                                          f"suite {spec.name!r} has zero expectations"))

    # Frames to validate: present tables and their exploded helper frames.
    by_name = {t.name: t for t in tables_schema}
    frames: dict[str, pa.Table] = {}
    for name in schema_names:
        if name in tables:
            frames[name] = tables[name]
            frames.update(helper_frames(name, tables[name], by_name[name]))
            frames.update(not_null_frames(name, tables[name], by_name[name]))
    frames.update(domain_frames({**(context_tables or {}), **{n: frames[n] for n in schema_names if n in frames}},
                                thresholds))
    frames.update(foreign_key_frames({n: tables[n] for n in schema_names if n in tables}, tables_schema, known))
    run_specs = [s for s in specs if s.name in frames and s.expectations]

    params = suite_parameters(event_types=event_types, country_codes=country_codes, thresholds=thresholds)

    results_json: dict = {}
    failures: list[Failure] = []
    passed: list[Failure] = []
    n_evaluated = 0
    docs_index: Path | None = None
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(what: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[what] = round(now - clock, 4)
        clock = now

    if run_specs:
        context, definitions = _definitions_for_run(gx_root, run_id, run_specs)
        lap("ensure_suites")
        # one run identifier for every suite, as a checkpoint would: Data Docs group them as one run
        run = RunIdentifier(run_name=run_id, run_time=dt.datetime.now(dt.UTC))
        run_results = {}
        for spec, definition in zip(run_specs, definitions, strict=True):
            run_results[spec.name] = definition.run(
                batch_parameters={"dataframe": frames[spec.name].to_pandas()},
                expectation_parameters=params, result_format=RESULT_FORMAT, run_id=run)
        lap("validate")
        results_json = {
            "run_id": run_id,
            "gx_success": all(v.success for v in run_results.values()),
            "validation_results": [{"suite": v.suite_name, **v.describe_dict()} for v in run_results.values()],
        }
        by_suite = {s.name: s for s in run_specs}
        for vres in run_results.values():
            evaluated = vres.statistics.get("evaluated_expectations", 0)
            n_evaluated += evaluated
            spec = by_suite.get(vres.suite_name)
            if spec is None or evaluated != len(spec.expectations):
                failures.append(Failure(spec.table if spec else vres.suite_name, "all_expectations_evaluated",
                                        None, CRITICAL, None, [],
                                        f"suite {vres.suite_name!r}: GX evaluated {evaluated} of "
                                        f"{len(spec.expectations) if spec else '?'} expectation(s)"))
            for outcome in _outcomes_of(vres):
                (passed if outcome.success else failures).append(outcome)
        if keep_runs is not None:
            _prune_runs(gx_root, keep_runs)
            lap("prune")
        failed = any(f.severity == CRITICAL for f in failures + guard_failures)
        if build_data_docs is True or (build_data_docs == "if_failed" and failed):
            docs_index = _build_docs(context, run)
            lap("data_docs")
        elif build_data_docs:
            docs_index = _docs_index(context, only_if_exists=False)

    if n_evaluated == 0:
        guard_failures.append(Failure("*", "expectations_evaluated", None, CRITICAL, None, [],
                                      "the checkpoint evaluated zero expectations (no silent passes)"))

    all_failures = guard_failures + failures
    critical = [f for f in all_failures if f.severity == CRITICAL]
    warnings = [f for f in all_failures if f.severity != CRITICAL]
    results_json.setdefault("run_id", run_id)
    results_json.setdefault("validation_results", [])
    results_json["success"] = not critical
    results_json["guards"] = [asdict(f) for f in guard_failures]
    results_json["timings_s"] = timings
    log.debug("validation %s: %d expectations, timings %s", run_id, n_evaluated, timings)
    return ValidationReport(
        success=not critical,
        critical_failures=critical,
        warnings=warnings,
        n_expectations=n_evaluated,
        data_docs_index=docs_index,
        results_json=results_json,
        results=guard_failures + failures + passed,
    )


# ------------------------------------------------------------------------------ GX plumbing


def _context(gx_root: Path):
    """Open (or create) the file context; progress bars off (noise in logs, and slower)."""
    context = gx.get_context(mode="file", context_root_dir=gx_root)
    bars = context.variables.progress_bars
    if isinstance(bars, ProgressBarsConfig):
        bars = bars.to_json_dict() if hasattr(bars, "to_json_dict") else vars(bars)
    if not bars or bars.get("globally", True) or bars.get("metric_calculations", True):
        context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        context.variables.save()
    return context


_RUN_DEFINITIONS: dict[tuple, tuple] = {}  # the current run's, by (gx_root, run_id, suite fingerprints)


def _definitions_for_run(gx_root: Path, run_id: str, specs: list[SuiteSpec]) -> tuple[Any, list]:
    """The context and validation definitions of `specs`, ensured once per run: its later batches
    reuse them instead of re-reading every suite and definition from the store (~0.3-0.6 s per
    batch). Only the latest run's are kept; a run holds the warehouse's lock, so nothing else
    changes its GX store meanwhile."""
    key = (gx_root, run_id, tuple((s.name, s.fingerprint()) for s in specs))  # fingerprints: 0.03 s
    if key not in _RUN_DEFINITIONS:
        _RUN_DEFINITIONS.clear()
        _RUN_DEFINITIONS[key] = _ensure_definitions(_context(gx_root), specs)
    return _RUN_DEFINITIONS[key]


def _ensure_definitions(context, specs: list[SuiteSpec]) -> tuple[Any, list]:
    """Create or reuse the datasource, one DataFrame asset, suite and validation definition per spec;
    returns the context to run them in, and the definitions.

    Everything is keyed by name; suites are rewritten only when their spec hash changed, so a
    schema change propagates while an unchanged project costs a few store reads.
    """
    try:
        ds = context.data_sources.get(DATASOURCE)
    except KeyError:
        ds = context.data_sources.add_pandas(DATASOURCE)

    definitions = []
    changed = False
    for s in specs:
        fresh = False  # anything of this spec (re)created -> rebuild its validation definition
        asset = next((a for a in ds.assets if a.name == s.name), None)
        if asset is not None and asset.type != "dataframe":  # a Parquet asset of an older version
            _drop_legacy_checkpoint(context)  # first: it refers to the asset
            ds.delete_asset(s.name)
            asset = None
        if asset is None:
            asset = ds.add_dataframe_asset(s.name)
            fresh = True
        batch_def = next((b for b in asset.batch_definitions if b.name == "whole"), None)
        if batch_def is None:
            batch_def = asset.add_batch_definition_whole_dataframe("whole")
            fresh = True
        # a suite is updated in place (same name and id), so its validation definition stays valid
        suite = _ensure_suite(context, s)
        name = f"reportflow.{s.name}"
        definition = None
        if not fresh:
            try:
                definition = context.validation_definitions.get(name)
            except gx_exceptions.GreatExpectationsError:  # absent, or stale (e.g. its suite was deleted)
                definition = None
        if definition is None:
            definition = context.validation_definitions.add_or_update(
                gx.ValidationDefinition(name=name, data=batch_def, suite=suite))
            fresh = True
        changed = changed or fresh
        definitions.append(definition)
    if changed:
        # GX 1.24: updating an existing validation definition can leave the context's datasource
        # without its data context (MissingDataContextError at run time); a fresh context is sane.
        context = _context(Path(context.root_directory))
        definitions = [context.validation_definitions.get(d.name) for d in definitions]
    return context, definitions


def _drop_legacy_checkpoint(context) -> None:
    """Earlier versions ran a stored checkpoint over Parquet copies of the batch. The runner
    now runs each validation definition on its DataFrame (a checkpoint passes one set of batch
    parameters to all of them); a leftover checkpoint would point at assets that no longer exist."""
    with contextlib.suppress(gx_exceptions.GreatExpectationsError, KeyError, ValueError):
        context.checkpoints.delete(LEGACY_CHECKPOINT)


def _build_docs(context, run: RunIdentifier) -> Path | None:
    """Data Docs pages of this run's validation results (and their suites), index rebuilt once."""
    ids: list = []
    for key in context.validation_results_store.list_keys():
        if key.run_id.run_name == run.run_name and key.run_id.run_time == run.run_time:
            ids += [key, key.expectation_suite_identifier]
    context.build_data_docs(resource_identifiers=ids, build_index=True)
    return _docs_index(context)


def _ensure_suite(context, spec: SuiteSpec):
    digest = spec.fingerprint()
    try:
        suite = context.suites.get(spec.name)
    except gx_exceptions.DataContextError:  # absent
        suite = None
    if suite is not None and suite.meta.get(SPEC_HASH_KEY) == digest:
        return suite
    if suite is None:
        suite = context.suites.add(gx.ExpectationSuite(name=spec.name))
    # update in place: same suite (and id), expectations replaced by the current spec
    for e in list(suite.expectations):
        suite.expectations.remove(e)
    for e in spec.expectations:
        suite.expectations.append(e.copy(deep=True))
    suite.meta[SPEC_HASH_KEY] = digest
    suite.save()
    return context.suites.get(spec.name)


def _prune_runs(gx_root: Path, keep: int) -> None:
    """Keep the newest `keep` runs of each suite in the validation store and in the local site
    (layout <suite>/<run_name>/<run_time>/, run_time like 20260101T120000.000000Z sorts by time)."""
    for base in (gx_root / "uncommitted" / "validations",
                 gx_root / "uncommitted" / "data_docs" / "local_site" / "validations"):
        if not base.is_dir():
            continue
        for suite_dir in (p for p in base.iterdir() if p.is_dir()):
            runs = sorted((t for r in suite_dir.iterdir() if r.is_dir() for t in r.iterdir() if t.is_dir()),
                          key=lambda t: t.name, reverse=True)
            for old in runs[max(keep, 1):]:
                shutil.rmtree(old, ignore_errors=True)
                with contextlib.suppress(OSError):
                    old.parent.rmdir()  # only succeeds once the run_name dir is empty


def _exception_messages(exc: Any) -> list[str]:
    """GX puts {raised_exception, exception_message, ...} on the result, or, when a metric could
    not be resolved (e.g. a missing column), a dict of those keyed by metric id."""
    if not isinstance(exc, Mapping):
        return []
    if "raised_exception" in exc:
        return [str(exc.get("exception_message"))] if exc.get("raised_exception") else []
    return [m for v in exc.values() for m in _exception_messages(v)]


def _outcomes_of(vres) -> list[Failure]:
    """Every expectation result of a suite as a Failure record (success=True for those that passed)."""
    out = []
    for r in vres.results:
        cfg = r.expectation_config
        meta = cfg.meta or {}
        severity = meta.get("severity") or CRITICAL
        res = r.result or {}
        errors = sorted(set(_exception_messages(r.exception_info)))
        count = res.get("unexpected_count")
        samples = res.get("partial_unexpected_list")
        observed = res.get("observed_value")
        if r.success and not errors:
            out.append(Failure(table=meta.get("table") or vres.suite_name, expectation=cfg.type,
                               column=meta.get("column") or cfg.kwargs.get("column"),
                               severity=meta.get("severity") or CRITICAL, unexpected_count=count,
                               sample_values=[], message="", check=meta.get("check"), success=True,
                               suite=vres.suite_name))
            continue
        column = meta.get("column") or cfg.kwargs.get("column")
        if meta.get("columns_from_values") and samples and not errors:
            column = _columns_named(samples, column)  # <table>__not_null: the columns found null
        if not samples and count is None and isinstance(_plain(observed), int | float):
            samples = [observed]  # table-level expectations (shares): the observed value is the example
        if errors:
            # an expectation that could not be evaluated (missing column, bad dtype...) never passes
            severity = CRITICAL
            message = "could not be evaluated: " + "; ".join(errors)
        elif count is None and "observed_value" in res:
            message = f"observed {_plain(res['observed_value'])!r}; details {_plain(res.get('details', {}))!r}"
        else:
            message = f"{count} unexpected value(s)"
        out.append(Failure(
            table=meta.get("table") or vres.suite_name,
            expectation=cfg.type,
            column=column,
            severity=severity,
            unexpected_count=count,
            sample_values=_samples(samples or []),
            message=message,
            check=meta.get("check"),
            suite=vres.suite_name,
        ))
    return out


def _columns_named(samples: list, checked: str | None) -> str:
    """The columns named by the unexpected values of a folded check (comma-separated names), in the
    order of `checked` (the columns it checks, comma-separated)."""
    named = {c for v in samples if isinstance(v, str) for c in v.split(",")}
    order = (checked or "").split(",")
    return ",".join([c for c in order if c in named] + sorted(named - set(order)))


def _samples(values: list) -> list:
    """First MAX_SAMPLES distinct values, JSON-friendly."""
    out: list = []
    for v in (_plain(x) for x in values):
        if v not in out:
            out.append(v)
        if len(out) == MAX_SAMPLES:
            break
    return out


def _plain(v: Any) -> Any:
    """JSON-friendly sample values: numpy scalars -> Python, dates -> ISO strings."""
    if isinstance(v, dt.date):  # datetime too
        return v.isoformat()
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_plain(x) for x in v]
    if hasattr(v, "item") and not isinstance(v, str | bytes):
        try:
            return v.item()
        except (ValueError, TypeError):
            return v
    return v


def build_docs(gx_root: Path) -> Path | None:
    """Rebuild the whole Data Docs site of `gx_root` (every stored validation result) once."""
    context = _context(Path(gx_root).resolve())
    context.build_data_docs(build_index=True)
    return _docs_index(context)


def _docs_index(context, only_if_exists: bool = True) -> Path | None:
    for site in context.get_docs_sites_urls(only_if_exists=only_if_exists):
        url = site.get("site_url") or ""
        if url.startswith("file://"):
            return Path(url[len("file://"):])
    return None
