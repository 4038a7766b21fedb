"""The one definition of every table: it drives the Parquet schema, the DuckDB DDL with its
COMMENT ON data dictionary, and the basic Great Expectations of each table.

Add or change a column here only; `arrow_schema`, `create_table_sql`, `comment_sql` and the GX
suites in expectations/ are derived from it.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter

import pyarrow as pa

# Bump when extraction output changes, so that `reportflow reprocess` knows what is stale.
EXTRACTOR_VERSION = "0.8.0"


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    description: str
    nullable: bool = True
    allowed: tuple[str, ...] | None = None  # closed vocabulary checked by GX
    min_value: float | None = None
    max_value: float | None = None
    iso3: bool = False  # values (or list items) are ISO 3166-1 alpha-3 codes (or INT)

    @property
    def duckdb_type(self) -> str:
        return duckdb_type(self.type)


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: dict[str, tuple[str, str]] = field(default_factory=dict)  # column -> (table, column)
    # False for operational tables (dq_results): not part of an ingested batch, so neither staged,
    # validated by the GX suites nor loaded per batch; still created with the DDL and documented.
    validated: bool = True

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @cached_property
    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type, nullable=c.nullable) for c in self.columns])

    def empty(self) -> pa.Table:
        return self.arrow_schema.empty_table()

    def from_rows(self, rows: list[dict]) -> pa.Table:
        """Rows as dicts -> Arrow table in this schema (missing keys become null). Column by column:
        from_pylist builds a dict per row and imports pandas on first use."""
        schema = self.arrow_schema
        names = schema.names
        columns = None
        if rows and len(names) > 1:  # (itemgetter of one name returns the value, not a tuple)
            # every key present (the extractors' rows): one transpose, not a .get per cell (measured 1.5x)
            with suppress(KeyError):
                columns = list(zip(*map(itemgetter(*names), rows), strict=True))
        if columns is None:
            columns = [[r.get(name) for r in rows] for name in names]
        return pa.Table.from_arrays([pa.array(values, type=f.type) for values, f in zip(columns, schema, strict=True)],
                                    schema=schema)

    def create_table_sql(self, name: str | None = None) -> str:
        """DDL without a PRIMARY KEY constraint: DuckDB keeps a key's index in memory and rewrites it
        at every checkpoint, so each batch load cost time (and memory) in proportion to the whole
        warehouse (measured: 3.9 s -> 7.5 s per 1,000-report batch by 10,000 reports, against 2-4.6 s
        without). Keys stay unique by construction: GX's primary_key check on every batch and the
        loader's keyed upserts (warehouse/load.py, which refuses a batch with a key twice)."""
        cols = [f"    {c.name} {c.duckdb_type}{'' if c.nullable else ' NOT NULL'}" for c in self.columns]
        return f"CREATE TABLE IF NOT EXISTS {name or self.name} (\n" + ",\n".join(cols) + "\n)"

    def add_column_sql(self, existing: set[str]) -> list[str]:
        """ALTER statements adding the columns a table created by an older version lacks (nullable:
        the old rows have no value)."""
        return [f"ALTER TABLE {self.name} ADD COLUMN {c.name} {c.duckdb_type}"
                for c in self.columns if c.name not in existing]

    def comments(self) -> dict[str | None, str]:
        """The data dictionary: column name (None: the table) -> its COMMENT."""
        return {None: self.description, **{c.name: c.description for c in self.columns}}

    def comment_sql(self, current: dict[str | None, str | None] | None = None) -> list[str]:
        """COMMENT ON statements of the table and its columns; with `current` (the comments the
        database holds, keyed as `comments`), only those that would change one."""
        out = []
        for column, text in self.comments().items():
            if current is not None and current.get(column) == text:
                continue
            target = f"TABLE {self.name}" if column is None else f"COLUMN {self.name}.{column}"
            out.append(f"COMMENT ON {target} IS {_sql_str(text)}")
        return out


def duckdb_type(t: pa.DataType) -> str:
    if pa.types.is_list(t):
        return f"{duckdb_type(t.value_type)}[]"
    mapping = {
        pa.string(): "VARCHAR",
        pa.int64(): "BIGINT",
        pa.int32(): "INTEGER",
        pa.float64(): "DOUBLE",
        pa.bool_(): "BOOLEAN",
        pa.date32(): "DATE",
        pa.timestamp("us", tz="UTC"): "TIMESTAMPTZ",
    }
    return mapping[t]


def _sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


STR, INT, FLOAT, BOOL, DATE = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()
TS = pa.timestamp("us", tz="UTC")
STR_LIST = pa.list_(pa.string())

FORMATS = ("txt", "md", "html", "pdf")
FILE_STATUSES = ("loaded", "duplicate", "quarantined")
DATE_PRECISIONS = ("day", "month", "year")
METRIC_UNITS_FIXED = ("percent", "percentage_points", "count")  # plus ISO 4217 currency codes
# The ISO 4217 codes a metric's unit may take: the GX suites accept them, the extractor reads them before or
# after an amount ("EUR 1.58 billion", "GYD 42.7 billion"). One list, so the two cannot drift apart.
CURRENCY_CODES: tuple[str, ...] = (
    "USD", "EUR", "JPY", "CNY", "KRW", "KPW", "TWD", "HKD", "GBP", "CHF", "CAD", "AUD", "NZD",
    "RUB", "UAH", "INR", "PKR", "BDT", "IDR", "MYR", "SGD", "THB", "VND", "PHP", "MMK", "KHR",
    "LAK", "MNT", "KZT", "BRL", "MXN", "ARS", "ZAR", "NGN", "EGP", "TRY", "SAR", "AED", "ILS",
    "IRR", "IQD", "QAR", "KWD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "XDR",
    # Europe and Central Asia beyond the above
    "ISK", "RON", "BGN", "RSD", "BAM", "MKD", "ALL", "MDL", "BYN", "GEL", "AMD", "AZN", "UZS", "KGS", "TJS",
    "TMT", "AFN",
    # the Middle East and Africa
    "JOD", "LBP", "SYP", "YER", "OMR", "BHD", "MAD", "DZD", "TND", "LYD", "SDG", "SSP", "ETB", "ERN", "SOS",
    "KES", "UGX", "TZS", "RWF", "BIF", "CDF", "GHS", "XOF", "XAF", "AOA", "ZMW", "MWK", "MZN", "BWP", "NAD",
    # the Americas, South Asia and the Pacific
    "GYD", "SRD", "VES", "COP", "CLP", "PEN", "BOB", "PYG", "UYU", "CUP", "NIO", "HNL", "GTQ", "CRC", "PAB",
    "DOP", "HTG", "JMD", "TTD", "NPR", "LKR", "MVR", "BTN", "BND", "MOP", "FJD", "PGK", "WST", "TOP", "SBD",
    "VUV",
)


def _provenance(what: str) -> tuple[Column, ...]:
    return (
        Column("file_id", STR, f"sha256 of the source file the {what} was read from", nullable=False),
        Column("char_start", INT, "start offset of the source sentence in the file's normalized text",
               nullable=False, min_value=0),
        Column("char_end", INT, "end offset (exclusive) of the source sentence", nullable=False, min_value=0),
        Column("extractor_version", STR, "version of the extraction code that produced the row", nullable=False),
    )


REPORTS = Table(
    "reports",
    "One row per report (an article or digest), however many files/formats it arrived in.",
    (
        Column("report_id", STR, "stable id of the report (content fingerprint of its first file)",
               nullable=False),
        Column("title", STR, "report title as printed"),
        Column("authors", STR_LIST, "author names as printed"),
        Column("publication", STR, "journal or series, e.g. Comparative Connections"),
        Column("kind", STR, "journal article (has a chronology) or digest (dated acts in prose)",
               allowed=("journal article", "digest")),
        Column("period_start", DATE, "first day of the period the report covers (stated or inferred)"),
        Column("period_end", DATE, "last day of the period the report covers"),
        Column("period_inferred", BOOL, "true when the period/year was inferred from content, not stated"),
        Column("has_chronology", BOOL, "whether a dated chronology section was found", nullable=False),
        Column("n_events", INT, "number of events extracted from the report", nullable=False, min_value=0),
        Column("n_metrics", INT, "number of metrics extracted from the report", nullable=False, min_value=0),
        Column("fingerprint", STR_LIST, "minhash signature of the normalized text, for duplicate detection"),
        Column("extractor_version", STR, "version of the extraction code", nullable=False),
    ),
    primary_key=("report_id",),
)

FILES = Table(
    "files",
    "Registry of every file seen in an inbox, with its status.",
    (
        Column("file_id", STR, "sha256 of the file's bytes", nullable=False),
        Column("report_id", STR, "report the file renders (null if quarantined)"),
        Column("path", STR, "where the file was found (path or fsspec URL)", nullable=False),
        Column("file_name", STR, "base name of the file", nullable=False),
        Column("format", STR, "detected format", nullable=False, allowed=FORMATS),
        Column("size_bytes", INT, "size of the file in bytes", nullable=False, min_value=0),
        Column("modified", TS, "modification time of the file when it was seen (with path and size, lets a "
               "rerun skip re-hashing unchanged files)"),
        Column("first_seen", TS, "when the file was first seen by a run", nullable=False),
        Column("status", STR, "loaded, duplicate (same report as another file) or quarantined",
               nullable=False, allowed=FILE_STATUSES),
        Column("error", STR, "why the file was quarantined"),
        Column("text", STR, "normalized text the offsets of events and metrics refer to"),
        Column("run_id", STR, "ingestion run that loaded the file", nullable=False),
    ),
    primary_key=("file_id",),
    foreign_keys={"report_id": ("reports", "report_id")},
)

EVENTS = Table(
    "events",
    "One row per dated event (meeting, call, statement, exercise, ...) a report describes.",
    (
        Column("event_id", STR, "stable id: hash of dates, type, participants, countries, location",
               nullable=False),
        Column("report_id", STR, "report the event was extracted from", nullable=False),
        Column("date_start", DATE, "first day of the event", nullable=False),
        Column("date_end", DATE, "last day of the event (= date_start for a single day)", nullable=False),
        Column("date_precision", STR, "day, or month for entries dated only by month",
               nullable=False, allowed=DATE_PRECISIONS),
        Column("date_inferred", BOOL, "true when the year was inferred from content rather than printed",
               nullable=False),
        Column("event_type", STR, "event type code (seed table event_types)", nullable=False),
        Column("cameo_root", STR, "CAMEO root code of the event type (may be empty)"),
        Column("plover", STR, "PLOVER class(es) of the event type"),
        Column("location", STR, "finest place named for the event, as written; empty if none"),
        Column("location_country", STR, "ISO alpha-3 of the location (from the places seed)", iso3=True),
        Column("latitude", FLOAT, "latitude of the location (places seed)", min_value=-90, max_value=90),
        Column("longitude", FLOAT, "longitude of the location", min_value=-180, max_value=180),
        Column("countries", STR_LIST, "sorted ISO alpha-3 codes of the states acting in the event",
               nullable=False, iso3=True),
        Column("text", STR, "the entry/sentence the event was read from", nullable=False),
        Column("n_mentions", INT, "how many entries/sentences across all reports tell this event (GDELT-style)",
               nullable=False, min_value=1),
        Column("n_reports", INT, "how many distinct reports tell this event", nullable=False, min_value=1),
        *_provenance("event"),
    ),
    primary_key=("event_id",),
    foreign_keys={"report_id": ("reports", "report_id"), "file_id": ("files", "file_id")},
)

EVENT_MENTIONS = Table(
    "event_mentions",
    "Each report's wording of an event (GDELT-style mentions); an event has one or more.",
    (
        Column("mention_id", STR, "stable id of the mention", nullable=False),
        Column("event_id", STR, "the event mentioned", nullable=False),
        Column("report_id", STR, "report that mentions it", nullable=False),
        Column("text", STR, "the report's wording", nullable=False),
        *_provenance("mention"),
    ),
    primary_key=("mention_id",),
    foreign_keys={"event_id": ("events", "event_id"), "report_id": ("reports", "report_id")},
)

PARTICIPANTS = Table(
    "participants",
    "One row per person, resolved to a canonical identity across reports.",
    (
        Column("participant_id", STR, "stable id: hash of canonical name", nullable=False),
        Column("canonical_name", STR, "canonical name (Wikipedia convention)", nullable=False),
        Column("country", STR, "ISO alpha-3 of the state the person acts for, INT for international "
               "officials", iso3=True),
        Column("in_reference", BOOL, "true when the person is in seeds/people.csv", nullable=False),
    ),
    primary_key=("participant_id",),
)

PARTICIPANT_ALIASES = Table(
    "participant_aliases",
    "Every form of a person's name seen in the reports.",
    (
        Column("participant_id", STR, "the person", nullable=False),
        Column("alias", STR, "the name as written", nullable=False),
        Column("report_id", STR, "a report where this form was seen", nullable=False),
    ),
    primary_key=("participant_id", "alias", "report_id"),
    foreign_keys={"participant_id": ("participants", "participant_id")},
)

EVENT_PARTICIPANTS = Table(
    "event_participants",
    "Who took part in which event, with the title the report gives at that event.",
    (
        Column("event_id", STR, "the event", nullable=False),
        Column("participant_id", STR, "the person", nullable=False),
        Column("title", STR, "title as given at that event (may be empty)"),
        Column("country", STR, "state the person acts for at this event", iso3=True),
        Column("mention", STR, "the person's name as written in the entry", nullable=False),
        *_provenance("participant mention"),
    ),
    primary_key=("event_id", "participant_id"),
    foreign_keys={"event_id": ("events", "event_id"), "participant_id": ("participants", "participant_id")},
)

METRICS = Table(
    "metrics",
    "Every quantitative observation: poll results, approval ratings, money amounts, counts.",
    (
        Column("metric_id", STR, "stable id: hash of report, unit, value and sentence", nullable=False),
        Column("report_id", STR, "report the metric was extracted from", nullable=False),
        Column("value", FLOAT,
               "numeric value in whole units (percent as 0-100, negative for a falling rate or change; money in units)",
               nullable=False),
        Column("unit", STR, "percent, percentage_points, count, or an ISO 4217 currency code", nullable=False),
        Column("measure", STR, "short lowercase phrase of what is measured"),
        Column("subject", STR, "who or what the figure is about"),
        Column("population", STR, "who was asked (surveys)"),
        Column("source", STR, "who published the figure (poll source)"),
        Column("period", STR, "ISO year or year-month the figure describes"),
        Column("text", STR, "the sentence the figure was read from", nullable=False),
        *_provenance("metric"),
    ),
    primary_key=("metric_id",),
    foreign_keys={"report_id": ("reports", "report_id")},
)

# Load order respects foreign keys.
TABLES: tuple[Table, ...] = (
    REPORTS, FILES, EVENTS, EVENT_MENTIONS, PARTICIPANTS, PARTICIPANT_ALIASES, EVENT_PARTICIPANTS, METRICS,
)
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

DQ_SEVERITIES = ("critical", "warning")
DQ_ACTIONS = ("load", "hold_back", "release", "force_release", "revalidate")

DQ_RESULTS = Table(
    "dq_results",
    "Every data-quality result: one row per expectation (or guard) evaluated on a batch, a release "
    "from quarantine or a re-validation of the warehouse, passed or failed (`reportflow dq`).",
    (
        Column("result_id", STR, "unique id of the result row", nullable=False),
        Column("run_id", STR, "ingestion run (or validate-<time> for `reportflow validate`)", nullable=False),
        Column("batch", STR, "batch within the run (batch-NNNN), or 'warehouse' for a re-validation",
               nullable=False),
        Column("action", STR, "what the gate decided for the batch: load, hold_back, release, "
               "force_release (loaded despite critical failures) or revalidate", nullable=False,
               allowed=DQ_ACTIONS),
        Column("suite", STR, "GX suite (a table, or a helper frame such as events__countries)"),
        Column("table_name", STR, "table the expectation belongs to", nullable=False),
        Column("expectation", STR, "GX expectation type, or a guard such as table_present", nullable=False),
        Column("column_name", STR, "column(s) checked, comma-separated for pairs and compound keys"),
        Column("rule", STR, "reportflow rule name (not_null, vocabulary, percent_range, in_report_period...)"),
        Column("severity", STR, "critical (holds the batch back) or warning (loads and alerts)",
               nullable=False, allowed=DQ_SEVERITIES),
        Column("success", BOOL, "whether the expectation passed", nullable=False),
        Column("unexpected_count", INT, "rows that failed (null for table-level expectations)", min_value=0),
        Column("sample_values", STR, "JSON array of up to 10 distinct unexpected (or observed) values"),
        Column("message", STR, "what failed, in words"),
        Column("data_docs", STR, "local Data Docs index of the validation"),
        Column("checked_at", TS, "when the validation ran", nullable=False),
    ),
    primary_key=("result_id",),
    validated=False,
)

EVENT_MATCH_KEYS = Table(
    "event_match_keys",
    "Kept by the loader, one row per event: what another report's event must share with it to be "
    "the same event (transforms.merge.match_key). A new batch finds the stored events it may repeat "
    "by an equality join on these columns, instead of aggregating every event's participants.",
    (
        Column("event_id", STR, "the event", nullable=False),
        Column("date_start", DATE, "the event's first day", nullable=False),
        Column("date_end", DATE, "the event's last day", nullable=False),
        Column("event_type", STR, "the event's type code", nullable=False),
        Column("people", STR, "its participant ids, sorted and joined by '|'; empty when none is named",
               nullable=False),
        Column("key_countries", STR, "when no one is named: its acting states, sorted and joined by '|'; "
               "else empty", nullable=False),
    ),
    primary_key=("event_id",),
    foreign_keys={"event_id": ("events", "event_id")},
    validated=False,
)

# Every table of the warehouse (DDL, data dictionary): the batch tables, then operational tables.
ALL_TABLES: tuple[Table, ...] = (*TABLES, DQ_RESULTS, EVENT_MATCH_KEYS)
