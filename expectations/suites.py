"""Great Expectations suites derived from warehouse/schema.py, plus the pipeline's domain rules.

One suite per table (named like the table), and one per ISO-3 *list* column, validated on an
exploded helper frame named ``<table>__<column>`` (one row per list item) so that GX reports the
offending code itself. Failures on a helper frame are reported against the parent table/column
(see ``meta["table"]`` / ``meta["column"]``).

Data-dependent value sets (event types, country codes) are *suite parameters*
(``{"$PARAMETER": name}``) filled in at checkpoint run time, so the stored suites only change when
the schema or these rules change.

Foreign keys are checked on a helper frame ``<table>__foreign_keys`` (one row per row of the table,
one column per foreign key holding the value only when it resolves to no parent, else null) with
``expect_column_values_to_be_null``: the unexpected values are the dangling keys. Passing the
allowed keys as a value set instead costs GX time in proportion to the number of keys (it copies
and serialises the whole set for every expectation, ~25 s for a 500-report batch), and the set of
known keys grows with the warehouse.

A table's required (non-nullable) columns are checked together by one expectation on a helper frame
``<table>__not_null`` (one row per row of the table; its ``null_columns`` holds the names of the
required columns that are null in that row, null when none) with ``expect_column_values_to_be_null``:
the unexpected values name the columns, and the runner reports the failure against them (meta
``columns_from_values``). One expectation per column cost GX ~8 CPU-ms each in fixed overhead (58 of
the 126 expectations), whatever the data; the frame is built with Arrow compute.

Every expectation carries ``meta = {"severity", "table", "column", "check"}`` and GX's own
``severity`` field (critical for keys, uniqueness, vocabularies, date order, foreign keys and the
percent range; warning for soft plausibility checks).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import great_expectations.expectations as gxe
import pyarrow as pa
import pyarrow.compute as pc
from great_expectations.expectations.row_conditions import Column as Col

from warehouse import schema
from warehouse.schema import Table

CRITICAL, WARNING = "critical", "warning"

# Units that are not currencies; any other unit is an ISO 4217 code and the value is money.
FIXED_UNITS: tuple[str, ...] = schema.METRIC_UNITS_FIXED
CURRENCY_CODES: tuple[str, ...] = schema.CURRENCY_CODES
METRIC_UNITS: tuple[str, ...] = FIXED_UNITS + CURRENCY_CODES

BARE_TITLES = (
    "Secretary", "Minister", "President", "Prime Minister", "Ambassador", "General", "Admiral",
    "Governor", "Senator", "Chairman", "Director", "Commander",
)
# Qualifiers that still leave a bare title: "Foreign Minister", "Vice President", "Secretary of State".
TITLE_QUALIFIERS = (
    "the", "vice", "deputy", "foreign", "defense", "defence", "prime", "chief", "cabinet", "trade",
    "finance", "special", "senior", "acting", "former", "first", "national security",
)
BARE_TITLE_REGEX = (r"(?i)^\s*(?:(?:" + "|".join(TITLE_QUALIFIERS) + r")\s+)*(?:" + "|".join(BARE_TITLES)
                    + r")(?:\s+of\s+(?:state|defen[cs]e|foreign\s+affairs))?\s*$")

# Names of the suite parameters filled in by the runner.
P_EVENT_TYPES = "event_types"
P_COUNTRY_CODES = "country_codes"
P_MIN_PARTICIPANT_SHARE = "min_participant_share"
P_MIN_LOCATION_SHARE = "min_location_share"

# Cross-table helper frames built by domain_frames (one row per event).
EVENTS_PERIOD = "events__period"  # event dates against the stated period of its report, +- tolerance
EVENTS_ACTORS = "events__actors"  # participants/countries/location per event, for batch-level shares
FOREIGN_KEYS = "foreign_keys"  # helper frame <table>__foreign_keys: the dangling keys of each row
NOT_NULL = "not_null"  # helper frame <table>__not_null: the required columns null in each row
NULL_COLUMNS = "null_columns"  # its one column


@dataclass(frozen=True)
class Thresholds:
    """Configurable limits of the domain rules (flows/settings.py reads them from reportflow.toml or
    REPORTFLOW_* variables). Defaults sit below what the seed reports and the shared corpus give per
    report (participant share 0.38-0.85, known-location share 0.13-0.80)."""

    period_tolerance_days: int = 31  # an event may lie this many days outside its report's stated period
    min_participant_share: float = 0.25  # share of a batch's events with at least one participant
    min_location_share: float = 0.1  # share of a batch's events whose location resolved to a known place


def helper_name(table: str, column: str) -> str:
    return f"{table}__{column}"


@dataclass
class SuiteSpec:
    """What one GX suite checks, and on which frame (a table or an exploded helper frame)."""

    name: str  # suite name == asset name == key of the frame to validate
    table: str  # the schema table the failures belong to
    expectations: list = field(default_factory=list)

    def fingerprint(self) -> str:
        """Stable hash of the expectation configurations: changes when schema/rules change."""
        payload = [e.configuration.to_json_dict() for e in self.expectations]
        for p in payload:
            p.pop("id", None)
        blob = json.dumps(payload, sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _meta(severity: str, table: str, column: str | None, check: str, **more) -> dict:
    return {"severity": severity, "table": table, "column": column, "check": check, **more}


def _add(spec: SuiteSpec, cls, severity: str, where: str | None, check: str, meta: Mapping | None = None,
         **kwargs) -> None:
    """Append cls(**kwargs) to spec; `where` is the column(s) failures are reported against."""
    spec.expectations.append(
        cls(severity=severity, meta=_meta(severity, spec.table, where, check, **(meta or {})), **kwargs)
    )


def _param(name: str) -> dict:
    return {"$PARAMETER": name}


def required_columns(table: Table) -> list[str]:
    """The columns that must not be null (schema order)."""
    return [c.name for c in table.columns if not c.nullable]


def list_iso3_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.iso3 and pa.types.is_list(c.type)]


def build_suite_specs(tables: Sequence[Table] = schema.TABLES) -> list[SuiteSpec]:
    """All suites for `tables`: schema-derived checks, then the domain rules. Tables with
    `validated=False` (operational tables such as dq_results) get no suite."""
    tables = [t for t in tables if t.validated]
    by_name = {t.name: t for t in tables}
    specs: list[SuiteSpec] = []
    for t in tables:
        spec = SuiteSpec(t.name, t.name)
        specs.append(spec)
        if t.columns:
            _add(spec, gxe.ExpectTableColumnsToMatchSet, CRITICAL, None, "columns",
                 column_set=t.column_names, exact_match=True)
        for c in t.columns:
            if c.allowed is not None:
                _add(spec, gxe.ExpectColumnValuesToBeInSet, CRITICAL, c.name, "allowed",
                     column=c.name, value_set=list(c.allowed))
            if c.min_value is not None or c.max_value is not None:
                _add(spec, gxe.ExpectColumnValuesToBeBetween, CRITICAL, c.name, "range",
                     column=c.name, min_value=c.min_value, max_value=c.max_value)
            if c.iso3 and not pa.types.is_list(c.type):
                _add(spec, gxe.ExpectColumnValuesToBeInSet, CRITICAL, c.name, "iso3",
                     column=c.name, value_set=_param(P_COUNTRY_CODES))
        if len(t.primary_key) == 1:
            _add(spec, gxe.ExpectColumnValuesToBeUnique, CRITICAL, t.primary_key[0], "primary_key",
                 column=t.primary_key[0])
        elif len(t.primary_key) > 1:
            _add(spec, gxe.ExpectCompoundColumnsToBeUnique, CRITICAL, ",".join(t.primary_key),
                 "primary_key", column_list=list(t.primary_key))
        if {"char_start", "char_end"} <= set(t.column_names):
            _add(spec, gxe.ExpectColumnPairValuesAToBeGreaterThanB, WARNING, "char_end,char_start",
                 "offset_order", column_A="char_end", column_B="char_start", or_equal=True,
                 ignore_row_if="either_value_is_missing")
        _domain_rules(spec, t)
        if t.name == "events" and "reports" in by_name:
            specs.append(_period_spec())
        if t.name == "events" and "event_participants" in by_name:
            specs.append(_actors_spec())

        if required_columns(t):
            specs.append(_not_null_spec(t))
        if checked_foreign_keys(t, by_name):
            specs.append(_foreign_key_spec(t, by_name))
        for col in list_iso3_columns(t):
            helper = SuiteSpec(helper_name(t.name, col), t.name)
            specs.append(helper)
            _add(helper, gxe.ExpectColumnValuesToNotBeNull, CRITICAL, col, "iso3_item_not_null", column=col)
            _add(helper, gxe.ExpectColumnValuesToBeInSet, CRITICAL, col, "iso3",
                 column=col, value_set=_param(P_COUNTRY_CODES))
    return specs


def _domain_rules(spec: SuiteSpec, t: Table) -> None:
    cols = set(t.column_names)
    if t.name == "events":
        _add(spec, gxe.ExpectColumnValuesToBeInSet, CRITICAL, "event_type", "vocabulary",
             column="event_type", value_set=_param(P_EVENT_TYPES))
        _add(spec, gxe.ExpectColumnPairValuesAToBeGreaterThanB, CRITICAL, "date_end,date_start",
             "date_order", column_A="date_end", column_B="date_start", or_equal=True,
             ignore_row_if="either_value_is_missing")
    elif t.name == "reports" and {"period_start", "period_end"} <= cols:
        _add(spec, gxe.ExpectColumnPairValuesAToBeGreaterThanB, CRITICAL, "period_end,period_start",
             "date_order", column_A="period_end", column_B="period_start", or_equal=True,
             ignore_row_if="either_value_is_missing")
        if {"has_chronology", "n_events", "report_id"} <= cols:
            # batch-level: a report with a chronology must yield events (else extraction broke on it);
            # the unexpected values are the ids of such reports
            _add(spec, gxe.ExpectColumnValuesToBeNull, WARNING, "report_id", "chronology_yields_events",
                 column="report_id", row_condition=(Col("has_chronology") == True) & (Col("n_events") == 0))  # noqa: E712
    elif t.name == "metrics":
        _add(spec, gxe.ExpectColumnValuesToBeInSet, CRITICAL, "unit", "vocabulary",
             column="unit", value_set=list(METRIC_UNITS))
        # A share is 0-100; a rate or a change may be negative ("minus 0.1%", growth of -2.1%), never
        # below -100.
        _add(spec, gxe.ExpectColumnValuesToBeBetween, CRITICAL, "value", "percent_range",
             column="value", min_value=-100, max_value=100, row_condition=Col("unit") == "percent")
        _add(spec, gxe.ExpectColumnValuesToBeBetween, WARNING, "value", "percentage_points_range",
             column="value", min_value=-100, max_value=100,
             row_condition=Col("unit") == "percentage_points")
        _add(spec, gxe.ExpectColumnValuesToBeBetween, WARNING, "value", "money_positive",
             column="value", min_value=0, strict_min=True,
             row_condition=Col("unit").is_not_in(list(FIXED_UNITS)))
    elif t.name == "participants":
        # uniqueness of the identity, and no bare titles ("Secretary") taken for a person's name
        _add(spec, gxe.ExpectColumnValuesToBeUnique, CRITICAL, "canonical_name", "unique_name",
             column="canonical_name")
        _add(spec, gxe.ExpectColumnValuesToNotMatchRegex, CRITICAL, "canonical_name", "bare_title",
             column="canonical_name", regex=BARE_TITLE_REGEX)


def checked_foreign_keys(t: Table, by_name: Mapping[str, Table]) -> dict[str, tuple[str, str]]:
    """Foreign keys of `t` whose parent table is validated too."""
    return {col: parent for col, parent in t.foreign_keys.items() if parent[0] in by_name}


def _foreign_key_spec(t: Table, by_name: Mapping[str, Table]) -> SuiteSpec:
    spec = SuiteSpec(helper_name(t.name, FOREIGN_KEYS), t.name)
    for col in checked_foreign_keys(t, by_name):
        _add(spec, gxe.ExpectColumnValuesToBeNull, CRITICAL, col, "foreign_key", column=col)
    return spec


def _not_null_spec(t: Table) -> SuiteSpec:
    """Every required column of `t` in one expectation (see the module's docstring); passed, it is
    reported against all of them, failed, against those its unexpected values name."""
    spec = SuiteSpec(helper_name(t.name, NOT_NULL), t.name)
    _add(spec, gxe.ExpectColumnValuesToBeNull, CRITICAL, ",".join(required_columns(t)), "not_null",
         meta={"columns_from_values": True}, column=NULL_COLUMNS)
    return spec


def _period_spec() -> SuiteSpec:
    """Events dated inside their report's stated period, with the tolerance baked into the frame's
    `earliest`/`latest` bounds (so the stored suite does not change with the setting)."""
    spec = SuiteSpec(EVENTS_PERIOD, "events")
    _add(spec, gxe.ExpectColumnPairValuesAToBeGreaterThanB, WARNING, "date_start", "in_report_period",
         column_A="date_start", column_B="earliest", or_equal=True, ignore_row_if="either_value_is_missing")
    _add(spec, gxe.ExpectColumnPairValuesAToBeGreaterThanB, WARNING, "date_end", "in_report_period",
         column_A="latest", column_B="date_end", or_equal=True, ignore_row_if="either_value_is_missing")
    return spec


def _actors_spec() -> SuiteSpec:
    """Every event has a participant or a country (the unexpected values are the event ids), and the
    batch-level shares of events with a participant / a known location stay above the thresholds."""
    spec = SuiteSpec(EVENTS_ACTORS, "events")
    _add(spec, gxe.ExpectColumnValuesToBeNull, WARNING, "event_id", "has_actor", column="event_id",
         row_condition=(Col("n_participants") == 0) & (Col("n_countries") == 0))
    _add(spec, gxe.ExpectColumnMeanToBeBetween, WARNING, "has_participant", "participant_share",
         column="has_participant", min_value=_param(P_MIN_PARTICIPANT_SHARE))
    _add(spec, gxe.ExpectColumnMeanToBeBetween, WARNING, "has_known_location", "location_share",
         column="has_known_location", min_value=_param(P_MIN_LOCATION_SHARE))
    return spec


# --------------------------------------------------------------------------------- frames


def domain_frames(tables: dict[str, pa.Table], thresholds: Thresholds) -> dict[str, pa.Table]:
    """Cross-table helper frames (events__period, events__actors) when their inputs are present.

    Built only when the batch has events: a mean over zero events is undefined, and there is
    nothing to check. Column-wise (Arrow compute): a batch holds tens of thousands of events."""
    out: dict[str, pa.Table] = {}
    events = tables.get("events")
    if events is None or events.num_rows == 0 or "event_id" not in events.column_names:
        return out
    reports = tables.get("reports")
    need = {"report_id", "period_start", "period_end", "period_inferred"}
    if (reports is not None and need <= set(reports.column_names)
            and {"report_id", "date_start", "date_end"} <= set(events.column_names)):
        out[EVENTS_PERIOD] = _period_frame(events, reports, thresholds.period_tolerance_days)
    eps = tables.get("event_participants")
    if eps is not None and "event_id" in eps.column_names:
        out[EVENTS_ACTORS] = _actors_frame(events, eps)
    return out


def _period_frame(events: pa.Table, reports: pa.Table, tolerance_days: int) -> pa.Table:
    """Each event's dates beside its report's stated period widened by the tolerance (null bounds
    when the report's period was inferred, or the report is not in the batch)."""
    row = pc.index_in(events.column("report_id"), value_set=reports.column("report_id").combine_chunks())
    inferred = pc.fill_null(reports.column("period_inferred").take(row), False)
    stated = pc.and_(pc.is_valid(row), pc.invert(inferred))

    def bound(column: str, days: int) -> pa.Array:
        as_days = pc.add(reports.column(column).take(row).cast(pa.int32()), pa.scalar(days, pa.int32()))
        return pc.if_else(stated, as_days, pa.scalar(None, pa.int32())).cast(pa.date32())

    return pa.table({
        "event_id": events.column("event_id").cast(pa.string()),
        "report_id": events.column("report_id").cast(pa.string()),
        "date_start": events.column("date_start").cast(pa.date32()),
        "date_end": events.column("date_end").cast(pa.date32()),
        "earliest": bound("period_start", -tolerance_days),
        "latest": bound("period_end", tolerance_days),
    })


def _actors_frame(events: pa.Table, event_participants: pa.Table) -> pa.Table:
    """Per event: participants linked in the batch, countries, and 0/1 flags for the share rules."""
    counts = pc.value_counts(event_participants.column("event_id").combine_chunks())
    linked = pc.index_in(events.column("event_id"), value_set=counts.field("values"))
    n_people = pc.fill_null(counts.field("counts").take(linked), 0).cast(pa.int64())
    n = events.num_rows
    countries = events.column("countries") if "countries" in events.column_names else pa.nulls(n, pa.list_(pa.string()))
    known_place = pa.array([False] * n)
    for column in ("location_country", "latitude"):
        if column in events.column_names:
            known_place = pc.or_(known_place, pc.is_valid(events.column(column)))
    return pa.table({
        "event_id": events.column("event_id").cast(pa.string()),
        "n_participants": n_people,
        "n_countries": pc.fill_null(pc.list_value_length(countries), 0).cast(pa.int64()),
        "has_participant": pc.greater(n_people, 0).cast(pa.int64()),
        "has_known_location": known_place.cast(pa.int64()),
    })


def helper_frames(name: str, table: pa.Table, t: Table) -> dict[str, pa.Table]:
    """Exploded helper frames of `table` (one per ISO-3 list column): primary key + one item per row."""
    out = {}
    for col in list_iso3_columns(t):
        if col not in table.column_names:
            continue
        arr = table.column(col).combine_chunks()
        if not pa.types.is_list(arr.type):
            continue
        parents = pc.list_parent_indices(arr)
        cols = {k: table.column(k).take(parents) for k in t.primary_key if k in table.column_names}
        cols[col] = pc.list_flatten(arr)
        out[helper_name(name, col)] = pa.table(cols)
    return out


def not_null_frames(name: str, table: pa.Table, t: Table) -> dict[str, pa.Table]:
    """<table>__not_null: per row, the names of the required columns of `t` that are null in it
    (comma-separated, in schema order; NaN counts as null, as in GX's pandas not-null check), else
    null. A required column absent from `table` is null in every row (the columns check fails too).

    The frame has no other column, so its row order is free: the first row of each distinct set of
    names comes first, so that GX's partial list of unexpected values (its first 20) names every
    column that is null somewhere (up to 20 distinct sets)."""
    required = required_columns(t)
    if not required:
        return {}
    n = table.num_rows
    null_rows: dict[str, list[int]] = {}
    for col in required:
        if col not in table.column_names:
            null_rows[col] = list(range(n))
            continue
        column = table.column(col)
        if column.null_count == 0 and not pa.types.is_floating(column.type):
            continue
        mask = pc.is_null(column, nan_is_null=True)
        if pc.any(mask).as_py():
            null_rows[col] = pc.indices_nonzero(mask).to_pylist()
    if not null_rows:
        names: pa.Array = pa.nulls(n, pa.string())
    else:
        per_row: dict[int, list[str]] = {}
        for col in required:  # schema order within a row
            for i in null_rows.get(col, ()):
                per_row.setdefault(i, []).append(col)
        values = [",".join(cols) for _, cols in sorted(per_row.items())]
        firsts = set(dict((v, i) for i, v in reversed(list(enumerate(values)))).values())
        ordered = [values[i] for i in sorted(firsts)] + [v for i, v in enumerate(values) if i not in firsts]
        names = pa.array(ordered + [None] * (n - len(values)), pa.string())
    return {helper_name(name, NOT_NULL): pa.table({NULL_COLUMNS: names})}


def foreign_key_frames(tables: Mapping[str, pa.Table], schema_tables: Sequence[Table],
                       known_ids: Mapping[str, Iterable[str]]) -> dict[str, pa.Table]:
    """<table>__foreign_keys for every table of the batch with foreign keys: per row and key, the
    value when it is neither a key of the parent table in this batch nor in `known_ids`
    ({"<parent>.<column>": keys already stored}), else null."""
    by_name = {t.name: t for t in schema_tables}
    out = {}
    for name, table in tables.items():
        t = by_name.get(name)
        fks = checked_foreign_keys(t, by_name) if t is not None else {}
        cols = {col: _dangling(table.column(col), tables.get(parent), parent_col,
                               known_ids.get(f"{parent}.{parent_col}", ()))
                for col, (parent, parent_col) in fks.items() if col in table.column_names}
        if cols:
            out[helper_name(name, FOREIGN_KEYS)] = pa.table(cols)
    return out


def _dangling(values: pa.ChunkedArray, parent: pa.Table | None, parent_col: str,
              known: Iterable[str]) -> pa.ChunkedArray:
    allowed = set(known)
    if parent is not None and parent_col in parent.column_names:
        allowed.update(parent.column(parent_col).unique().to_pylist())
    resolved = pc.is_in(values, value_set=pa.array(list(allowed), values.type))
    return pc.if_else(resolved, pa.scalar(None, values.type), values)


def suite_parameters(
    *,
    event_types: Iterable[str],
    country_codes: Iterable[str],
    thresholds: Thresholds | None = None,
) -> dict[str, list]:
    """Values of every suite parameter: vocabularies and thresholds."""
    return {
        P_EVENT_TYPES: sorted(event_types),
        P_COUNTRY_CODES: sorted(country_codes),
        P_MIN_PARTICIPANT_SHARE: (thresholds or Thresholds()).min_participant_share,
        P_MIN_LOCATION_SHARE: (thresholds or Thresholds()).min_location_share,
    }
