"""Great Expectations suites derived from warehouse/schema.py, plus the pipeline's domain rules.

One suite per table (named like the table), and one per ISO-3 *list* column, validated on an
exploded helper frame named ``<table>__<column>`` (one row per list item) so that GX reports the
offending code itself. Failures on a helper frame are reported against the parent table/column
(see ``meta["table"]`` / ``meta["column"]``).

Data-dependent value sets (event types, country codes, foreign-key targets) are *suite parameters*
(``{"$PARAMETER": name}``) filled in at checkpoint run time, so the stored suites only change when
the schema or these rules change.

Every expectation carries ``meta = {"severity", "table", "column", "check"}`` and GX's own
``severity`` field (critical for keys, uniqueness, vocabularies, date order, foreign keys and the
percent range; warning for soft plausibility checks).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
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
# A compact list of common ISO 4217 codes (the extractor only emits currencies it recognises).
CURRENCY_CODES: tuple[str, ...] = (
    "USD", "EUR", "JPY", "CNY", "KRW", "KPW", "TWD", "HKD", "GBP", "CHF", "CAD", "AUD", "NZD",
    "RUB", "UAH", "INR", "PKR", "BDT", "IDR", "MYR", "SGD", "THB", "VND", "PHP", "MMK", "KHR",
    "LAK", "MNT", "KZT", "BRL", "MXN", "ARS", "ZAR", "NGN", "EGP", "TRY", "SAR", "AED", "ILS",
    "IRR", "IQD", "QAR", "KWD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "XDR",
)
METRIC_UNITS: tuple[str, ...] = FIXED_UNITS + CURRENCY_CODES

BARE_TITLES = (
    "Secretary", "Minister", "President", "Prime Minister", "Ambassador", "General", "Admiral",
    "Governor", "Senator", "Chairman", "Director", "Commander",
)
BARE_TITLE_REGEX = r"(?i)^\s*(?:" + "|".join(BARE_TITLES) + r")\s*$"

# Names of the suite parameters filled in by the runner.
P_EVENT_TYPES = "event_types"
P_COUNTRY_CODES = "country_codes"


def fk_param(table: str, column: str) -> str:
    """Suite parameter holding the allowed values of a foreign key pointing at table.column."""
    return f"fk__{table}__{column}"


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


def _meta(severity: str, table: str, column: str | None, check: str) -> dict:
    return {"severity": severity, "table": table, "column": column, "check": check}


def _add(spec: SuiteSpec, cls, severity: str, where: str | None, check: str, **kwargs) -> None:
    """Append cls(**kwargs) to spec; `where` is the column(s) failures are reported against."""
    spec.expectations.append(
        cls(severity=severity, meta=_meta(severity, spec.table, where, check), **kwargs)
    )


def _param(name: str) -> dict:
    return {"$PARAMETER": name}


def list_iso3_columns(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.iso3 and pa.types.is_list(c.type)]


def build_suite_specs(tables: Sequence[Table] = schema.TABLES) -> list[SuiteSpec]:
    """All suites for `tables`: schema-derived checks, then the domain rules."""
    by_name = {t.name: t for t in tables}
    specs: list[SuiteSpec] = []
    for t in tables:
        spec = SuiteSpec(t.name, t.name)
        specs.append(spec)
        if t.columns:
            _add(spec, gxe.ExpectTableColumnsToMatchSet, CRITICAL, None, "columns",
                 column_set=t.column_names, exact_match=True)
        for c in t.columns:
            if not c.nullable:
                _add(spec, gxe.ExpectColumnValuesToNotBeNull, CRITICAL, c.name, "not_null", column=c.name)
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
        for col, (ref_table, ref_col) in t.foreign_keys.items():
            if ref_table in by_name:
                _add(spec, gxe.ExpectColumnValuesToBeInSet, CRITICAL, col, "foreign_key",
                     column=col, value_set=_param(fk_param(ref_table, ref_col)))
        if {"char_start", "char_end"} <= set(t.column_names):
            _add(spec, gxe.ExpectColumnPairValuesAToBeGreaterThanB, WARNING, "char_end,char_start",
                 "offset_order", column_A="char_end", column_B="char_start", or_equal=True,
                 ignore_row_if="either_value_is_missing")
        _domain_rules(spec, t)

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
    elif t.name == "metrics":
        _add(spec, gxe.ExpectColumnValuesToBeInSet, CRITICAL, "unit", "vocabulary",
             column="unit", value_set=list(METRIC_UNITS))
        _add(spec, gxe.ExpectColumnValuesToBeBetween, CRITICAL, "value", "percent_range",
             column="value", min_value=0, max_value=100, row_condition=Col("unit") == "percent")
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


# --------------------------------------------------------------------------------- frames


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


def suite_parameters(
    tables: dict[str, pa.Table],
    specs: Iterable[SuiteSpec],
    *,
    event_types: Iterable[str],
    country_codes: Iterable[str],
    known_ids: dict[str, Iterable[str]],
) -> dict[str, list]:
    """Values of every suite parameter the specs use: vocabularies and foreign-key targets
    (the batch's own keys plus already-known keys, e.g. known_ids["participants.participant_id"])."""
    params: dict[str, list] = {
        P_EVENT_TYPES: sorted(event_types),
        P_COUNTRY_CODES: sorted(country_codes),
    }
    for spec in specs:
        for e in spec.expectations:
            vs = getattr(e, "value_set", None)
            if not (isinstance(vs, dict) and str(vs.get("$PARAMETER", "")).startswith("fk__")):
                continue
            pname = vs["$PARAMETER"]
            if pname in params:
                continue
            _, ref_table, ref_col = pname.split("__", 2)
            values: set = set(known_ids.get(f"{ref_table}.{ref_col}", ()))
            ref = tables.get(ref_table)
            if ref is not None and ref_col in ref.column_names:
                values.update(v for v in ref.column(ref_col).unique().to_pylist() if v is not None)
            params[pname] = sorted(values)
    return params
