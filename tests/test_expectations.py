"""expectations/: real GX file contexts in tmp dirs, a small valid batch, one test per corruption."""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

import pyarrow as pa
import pytest

from expectations import Failure, ValidationReport, validate_tables
from warehouse import schema

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[1]
with open(ROOT / "seeds" / "event_types.csv", newline="") as fh:
    EVENT_TYPES = {row["event_type"] for row in csv.DictReader(fh)}
COUNTRY_CODES = {"USA", "JPN", "CHN", "KOR", "PRK", "RUS", "TWN", "AUS", "IND", "INT"}
D = dt.date


def valid_rows() -> dict[str, list[dict]]:
    """1 report, 1 file, 2 events, 1 mention, 2 participants, aliases, event_participants, 2 metrics."""
    prov = {"file_id": "f1", "extractor_version": schema.EXTRACTOR_VERSION}
    return {
        "reports": [dict(
            report_id="r1", title="US-Japan Relations", authors=["A. Author"], publication="CC",
            kind="journal article", period_start=D(2024, 1, 1), period_end=D(2024, 4, 30),
            period_inferred=False, has_chronology=True, n_events=2, n_metrics=2,
            fingerprint=["123", "456"], extractor_version=schema.EXTRACTOR_VERSION)],
        "files": [dict(
            file_id="f1", report_id="r1", path="/inbox/r1.txt", file_name="r1.txt", format="txt",
            size_bytes=1234, first_seen=dt.datetime(2024, 5, 1, tzinfo=dt.UTC), status="loaded",
            text="Jan. 10, 2024: Blinken meets Kamikawa in Tokyo.", run_id="run-1")],
        "events": [
            dict(event_id="e1", report_id="r1", date_start=D(2024, 1, 10), date_end=D(2024, 1, 10),
                 date_precision="day", date_inferred=False, event_type="meeting", cameo_root="04",
                 plover="CONSULT", location="Tokyo", location_country="JPN", latitude=35.68,
                 longitude=139.69, countries=["JPN", "USA"], text="Blinken meets Kamikawa in Tokyo.",
                 n_mentions=1, n_reports=1, char_start=0, char_end=48, **prov),
            dict(event_id="e2", report_id="r1", date_start=D(2024, 2, 1), date_end=D(2024, 2, 3),
                 date_precision="day", date_inferred=False, event_type="phone_call", cameo_root="04",
                 plover="CONSULT", location="", location_country=None, latitude=None, longitude=None,
                 countries=["JPN", "USA"], text="Blinken and Kamikawa speak by phone.",
                 n_mentions=1, n_reports=1, char_start=49, char_end=90, **prov),
        ],
        "event_mentions": [dict(mention_id="m1", event_id="e1", report_id="r1",
                                text="Blinken meets Kamikawa in Tokyo.", char_start=0, char_end=48, **prov)],
        "participants": [
            dict(participant_id="p1", canonical_name="Antony Blinken", country="USA", in_reference=True),
            dict(participant_id="p2", canonical_name="Yoko Kamikawa", country="JPN", in_reference=True),
        ],
        "participant_aliases": [
            dict(participant_id="p1", alias="Blinken", report_id="r1"),
            dict(participant_id="p1", alias="Antony Blinken", report_id="r1"),
            dict(participant_id="p2", alias="Kamikawa", report_id="r1"),
        ],
        "event_participants": [
            dict(event_id="e1", participant_id="p1", title="Secretary of State", country="USA",
                 mention="Blinken", char_start=0, char_end=48, **prov),
            dict(event_id="e1", participant_id="p2", title="Foreign Minister", country="JPN",
                 mention="Kamikawa", char_start=0, char_end=48, **prov),
            dict(event_id="e2", participant_id="p1", title="", country="USA",
                 mention="Blinken", char_start=49, char_end=90, **prov),
        ],
        "metrics": [
            dict(metric_id="x1", report_id="r1", value=45.0, unit="percent", measure="approval rating",
                 subject="Kishida cabinet", text="Approval stood at 45 percent.", char_start=91,
                 char_end=120, **prov),
            dict(metric_id="x2", report_id="r1", value=1.5e9, unit="USD", measure="aid",
                 subject="Ukraine", text="Japan pledged $1.5 billion.", char_start=121, char_end=150, **prov),
        ],
    }


def to_tables(rows: dict[str, list[dict]]) -> dict[str, pa.Table]:
    return {name: schema.TABLES_BY_NAME[name].from_rows(r) for name, r in rows.items()}


def run(rows_or_tables: dict, gx_root: Path, **kw) -> ValidationReport:
    tables = {k: (v if isinstance(v, pa.Table) else schema.TABLES_BY_NAME[k].from_rows(v))
              for k, v in rows_or_tables.items()}
    kw.setdefault("event_types", EVENT_TYPES)
    kw.setdefault("country_codes", COUNTRY_CODES)
    kw.setdefault("build_data_docs", False)  # ~0.7 s a run; test_data_docs_built covers it
    return validate_tables(tables, gx_root=gx_root, run_id="test", **kw)


@pytest.fixture(scope="module")
def shared_gx(tmp_path_factory) -> Path:
    """One GX context for the corruption tests (also exercises reuse of stored suites/checkpoint)."""
    return tmp_path_factory.mktemp("gx_shared") / "gx"


def only(report: ValidationReport, table: str, expectation: str, column: str | None = None) -> Failure:
    hits = [f for f in report.critical_failures
            if f.table == table and f.expectation == expectation and (column is None or f.column == column)]
    assert hits, f"no critical {expectation} on {table}.{column}:\n{report.summary()}"
    return hits[0]


def assert_only_failure(report: ValidationReport, table: str, expectation: str, column: str) -> Failure:
    assert report.success is False
    f = only(report, table, expectation, column)
    assert f.severity == "critical"
    others = [g for g in report.critical_failures if g is not f]
    assert not others, f"unexpected extra critical failures:\n{report.summary()}"
    return f


# ------------------------------------------------------------------------------------ tests


def test_valid_batch_passes(shared_gx):
    report = run(valid_rows(), shared_gx)
    assert report.success, report.summary()
    assert report.critical_failures == [] and report.warnings == []
    # every table's suite + the exploded events__countries helper were evaluated
    assert report.n_expectations >= 60
    suites = {r["suite"] for r in report.results_json["validation_results"]}
    assert {t.name for t in schema.TABLES} | {"events__countries"} <= suites


def test_suite_severities_and_row_condition():
    from expectations.suites import build_suite_specs

    specs = {s.name: s for s in build_suite_specs()}
    assert all(s.expectations for s in specs.values())
    for s in specs.values():
        for e in s.expectations:
            assert e.meta["severity"] in ("critical", "warning")
            assert str(e.severity.value if hasattr(e.severity, "value") else e.severity) == e.meta["severity"]
    percent = [e for e in specs["metrics"].expectations if e.meta["check"] == "percent_range"]
    assert len(percent) == 1 and percent[0].meta["severity"] == "critical"
    assert percent[0].row_condition is not None


def test_unknown_event_type(shared_gx):
    rows = valid_rows()
    rows["events"][1]["event_type"] = "bogus_type"
    report = run(rows, shared_gx)
    f = assert_only_failure(report, "events", "expect_column_values_to_be_in_set", "event_type")
    assert f.unexpected_count == 1 and f.sample_values == ["bogus_type"]
    assert f.check == "vocabulary"
    assert ("events: expect_column_values_to_be_in_set(event_type) failed on 1 row(s): ['bogus_type']"
            in report.summary())


def test_reversed_dates(shared_gx):
    rows = valid_rows()
    rows["events"][1].update(date_start=D(2024, 2, 5), date_end=D(2024, 2, 3))
    report = run(rows, shared_gx)
    f = assert_only_failure(report, "events", "expect_column_pair_values_a_to_be_greater_than_b",
                            "date_end,date_start")
    assert f.unexpected_count == 1
    assert f.sample_values == [["2024-02-03", "2024-02-05"]]  # [date_end, date_start]


def test_reversed_report_period(shared_gx):
    rows = valid_rows()
    rows["reports"][0].update(period_start=D(2024, 5, 1), period_end=D(2024, 4, 30))
    report = run(rows, shared_gx)
    f = assert_only_failure(report, "reports", "expect_column_pair_values_a_to_be_greater_than_b",
                            "period_end,period_start")
    assert f.unexpected_count == 1


def test_percent_out_of_range(shared_gx):
    rows = valid_rows()
    rows["metrics"][0]["value"] = 140.0
    report = run(rows, shared_gx)
    f = assert_only_failure(report, "metrics", "expect_column_values_to_be_between", "value")
    assert f.unexpected_count == 1 and f.sample_values == [140.0] and f.check == "percent_range"


def test_a_negative_percent_is_a_rate_not_an_error_down_to_minus_100(shared_gx):
    rows = valid_rows()
    rows["metrics"][0]["value"] = -0.1  # "from minus 0.1% to a range of zero to 0.1%"
    assert run(rows, shared_gx).success
    rows["metrics"][0]["value"] = -140.0
    f = assert_only_failure(run(rows, shared_gx), "metrics", "expect_column_values_to_be_between", "value")
    assert f.sample_values == [-140.0] and f.check == "percent_range"


def test_percent_condition_does_not_apply_to_money_and_negative_money_warns(shared_gx):
    rows = valid_rows()
    rows["metrics"][1]["value"] = -5.0  # USD: not a percent -> no critical, but a money warning
    report = run(rows, shared_gx)
    assert report.success, report.summary()
    assert [(w.table, w.column, w.sample_values) for w in report.warnings] == [("metrics", "value", [-5.0])]


def test_unknown_unit(shared_gx):
    rows = valid_rows()
    rows["metrics"][1]["unit"] = "dollars"
    report = run(rows, shared_gx)
    assert report.success is False
    f = only(report, "metrics", "expect_column_values_to_be_in_set", "unit")
    assert f.sample_values == ["dollars"]


def test_duplicate_event_id(shared_gx):
    rows = valid_rows()
    rows["events"][1]["event_id"] = "e1"
    rows["event_participants"] = [r for r in rows["event_participants"] if r["event_id"] == "e1"]
    report = run(rows, shared_gx)
    f = assert_only_failure(report, "events", "expect_column_values_to_be_unique", "event_id")
    assert f.unexpected_count == 2 and set(f.sample_values) == {"e1"}


def test_duplicate_compound_key(shared_gx):
    rows = valid_rows()
    rows["participant_aliases"].append(dict(rows["participant_aliases"][0]))
    report = run(rows, shared_gx)
    f = assert_only_failure(report, "participant_aliases", "expect_compound_columns_to_be_unique",
                            "participant_id,alias,report_id")
    assert f.unexpected_count == 2


def test_dangling_participant_id(shared_gx):
    rows = valid_rows()
    rows["event_participants"][2]["participant_id"] = "p_ghost"
    report = run(rows, shared_gx)
    f = assert_only_failure(report, "event_participants", "expect_column_values_to_be_null",
                            "participant_id")
    assert f.sample_values == ["p_ghost"]
    # ...but an id already in the warehouse resolves
    report = run(rows, shared_gx, known_participant_ids={"p_ghost"})
    assert report.success, report.summary()


def test_dangling_event_id(shared_gx):
    rows = valid_rows()
    rows["event_participants"][2]["event_id"] = "e_ghost"
    report = run(rows, shared_gx)
    f = assert_only_failure(report, "event_participants", "expect_column_values_to_be_null", "event_id")
    assert f.sample_values == ["e_ghost"]


def test_missing_table(shared_gx):
    rows = valid_rows()
    del rows["metrics"]
    report = run(rows, shared_gx)
    assert report.success is False
    f = only(report, "metrics", "table_present")
    assert "missing" in f.message
    assert "metrics: table_present failed" in report.summary()
    assert report.n_expectations > 0  # the other tables were still validated


def test_missing_column(shared_gx):
    tables = to_tables(valid_rows())
    tables["metrics"] = tables["metrics"].drop_columns(["unit"])
    report = run(tables, shared_gx)
    assert report.success is False
    f = only(report, "metrics", "expect_table_columns_to_match_set")
    assert "unit" in f.message
    # expectations on the missing column cannot be evaluated: critical, never a soft pass
    for check in ("vocabulary", "percent_range", "money_positive"):
        g = next(g for g in report.critical_failures if g.check == check)
        assert g.table == "metrics" and "could not be evaluated" in g.message
    # the folded not-null check (metrics__not_null) counts a missing required column as null in every row
    g = next(g for g in report.critical_failures if g.check == "not_null")
    assert (g.table, g.column, g.unexpected_count, g.sample_values) == ("metrics", "unit", 2, ["unit"])


def test_empty_suite_and_zero_expectations_guard(tmp_path):
    # a table with nothing to check -> its suite is empty; the checkpoint evaluates nothing
    void = schema.Table("void", "a table with no checkable columns", (), primary_key=())
    report = validate_tables({"void": void.from_rows([])}, gx_root=tmp_path / "gx", run_id="t",
                             event_types=EVENT_TYPES, country_codes=COUNTRY_CODES, tables_schema=(void,))
    assert report.success is False
    assert report.n_expectations == 0
    kinds = {f.expectation for f in report.critical_failures}
    assert {"suite_not_empty", "expectations_evaluated"} <= kinds, report.summary()


def test_empty_suite_guard_alongside_real_tables(tmp_path):
    void = schema.Table("void", "a table with no checkable columns", (), primary_key=())
    tables = {**to_tables(valid_rows()), "void": void.from_rows([])}
    report = validate_tables(tables, gx_root=tmp_path / "gx", run_id="t", event_types=EVENT_TYPES,
                             country_codes=COUNTRY_CODES, tables_schema=(*schema.TABLES, void))
    assert report.n_expectations > 0
    assert report.success is False
    assert [f.expectation for f in report.critical_failures] == ["suite_not_empty"]


def test_invalid_country_code_in_list(shared_gx):
    rows = valid_rows()
    rows["events"][0]["countries"] = ["JPN", "XXX"]
    report = run(rows, shared_gx)
    f = assert_only_failure(report, "events", "expect_column_values_to_be_in_set", "countries")
    assert f.unexpected_count == 1 and f.sample_values == ["XXX"]


def test_invalid_scalar_country_code(shared_gx):
    rows = valid_rows()
    rows["participants"][1]["country"] = "ZZZ"
    report = run(rows, shared_gx)
    f = assert_only_failure(report, "participants", "expect_column_values_to_be_in_set", "country")
    assert f.sample_values == ["ZZZ"]


def test_bare_title_participant(shared_gx):
    rows = valid_rows()
    rows["participants"][1]["canonical_name"] = "Secretary"
    report = run(rows, shared_gx)
    f = assert_only_failure(report, "participants", "expect_column_values_to_not_match_regex",
                            "canonical_name")
    assert f.sample_values == ["Secretary"]


def test_null_in_required_column(shared_gx):
    rows = valid_rows()
    rows["events"][0]["text"] = None
    report = run(rows, shared_gx)
    # one expectation on events__not_null checks every required column; its values name the columns
    f = assert_only_failure(report, "events", "expect_column_values_to_be_null", "text")
    assert (f.check, f.suite, f.unexpected_count, f.sample_values) == ("not_null", "events__not_null", 1, ["text"])
    assert "events: expect_column_values_to_be_null(text) failed on 1 row(s): ['text'] [not_null]" in report.summary()


def test_nulls_in_several_required_columns_are_all_named(shared_gx):
    """Each column null somewhere is named, even when it is null in one row after more than 20 rows
    with another column null (GX lists only the first 20 unexpected values)."""
    rows = valid_rows()
    base = rows["metrics"][0]
    rows["metrics"] = [dict(base, metric_id=f"x{i}", text=None) for i in range(25)]
    rows["metrics"].append(dict(base, metric_id="x_last", unit=None, file_id=None))
    rows["metrics"].append(dict(base, metric_id="x_nan", value=float("nan")))  # NaN is null, as GX has it
    rows["reports"][0]["n_metrics"] = len(rows["metrics"])
    report = run(rows, shared_gx)
    not_null = [f for f in report.critical_failures if f.check == "not_null"]
    assert len(not_null) == 1, report.summary()
    f = not_null[0]
    assert (f.table, f.suite) == ("metrics", "metrics__not_null")
    assert f.column == "value,unit,text,file_id"  # in the schema's order
    assert f.unexpected_count == 27  # rows with a null, not cells
    assert set(f.sample_values) == {"text", "unit,file_id", "value"}
    passed = next(r for r in report.results if r.success and r.check == "not_null" and r.table == "events")
    assert passed.column == ",".join(c.name for c in schema.EVENTS.columns if not c.nullable)


def test_not_null_is_one_expectation_per_table_over_the_schema_required_columns():
    from expectations.suites import NULL_COLUMNS, build_suite_specs

    specs = {s.name: s for s in build_suite_specs()}
    for t in schema.TABLES:
        required = [c.name for c in t.columns if not c.nullable]
        checks = [e for s in specs.values() if s.table == t.name for e in s.expectations
                  if e.meta["check"] == "not_null"]
        assert len(checks) == (1 if required else 0), t.name
        if required:
            e = checks[0]
            assert e.meta["column"] == ",".join(required) and e.column == NULL_COLUMNS
            assert e.meta["severity"] == "critical" and e in specs[f"{t.name}__not_null"].expectations


def test_data_docs_built(tmp_path):
    report = run(valid_rows(), tmp_path / "gx", build_data_docs=True)
    assert report.success, report.summary()
    assert report.data_docs_index is not None
    assert report.data_docs_index.name == "index.html" and report.data_docs_index.is_file()
    assert report.data_docs_index.is_relative_to(tmp_path)
    assert "events" in report.data_docs_index.read_text()
    # one page per validated frame for this run (the runner runs each validation definition itself)
    site = report.data_docs_index.parent / "validations"
    suites = {v["suite"] for v in report.results_json["validation_results"]}
    pages = {p.relative_to(site).parts[0] for p in site.glob("*/test/*/*.html")}
    assert {"events", "events__period", "metrics"} <= suites
    assert pages == suites


def test_context_of_the_parquet_checkpoint_layout_is_migrated(tmp_path):
    """Earlier versions validated Parquet assets through a stored checkpoint; such a context keeps
    working: the assets become DataFrame assets and the stale checkpoint is dropped."""
    import great_expectations as gx

    gx_root = tmp_path / "gx"
    context = gx.get_context(mode="file", context_root_dir=gx_root)
    ds = context.data_sources.add_pandas("reportflow")
    asset = ds.add_parquet_asset("events", path=tmp_path / "events.parquet")
    batch_def = asset.add_batch_definition_whole_dataframe("whole")
    suite = context.suites.add(gx.ExpectationSuite(name="events"))
    vd = context.validation_definitions.add(
        gx.ValidationDefinition(name="reportflow.events", data=batch_def, suite=suite))
    context.checkpoints.add(gx.Checkpoint(name="reportflow", validation_definitions=[vd]))

    report = run(valid_rows(), gx_root)
    assert report.success, report.summary()
    context = gx.get_context(mode="file", context_root_dir=gx_root)
    assert context.data_sources.get("reportflow").get_asset("events").type == "dataframe"
    assert [c.name for c in context.checkpoints.all()] == []


def test_suites_updated_in_place_when_schema_changes(tmp_path):
    gx_root = tmp_path / "gx"
    assert run(valid_rows(), gx_root).success
    # the same project with a stricter schema: metrics.value now has a max -> the stored suite changes
    metrics = schema.METRICS
    stricter = schema.Table(metrics.name, metrics.description,
                            tuple(schema.Column(c.name, c.type, c.description, c.nullable, c.allowed,
                                                c.min_value, 1000.0 if c.name == "value" else c.max_value,
                                                c.iso3) for c in metrics.columns),
                            metrics.primary_key, metrics.foreign_keys)
    tables_schema = tuple(stricter if t.name == "metrics" else t for t in schema.TABLES)
    report = run(valid_rows(), gx_root, tables_schema=tables_schema)
    assert report.success is False
    f = only(report, "metrics", "expect_column_values_to_be_between", "value")
    assert f.sample_values == [1.5e9]
    # and back again
    assert run(valid_rows(), gx_root).success


def test_old_runs_are_pruned(tmp_path):
    gx_root = tmp_path / "gx"
    for _ in range(3):
        assert run(valid_rows(), gx_root, keep_runs=2).success
    run_dirs = list((gx_root / "uncommitted" / "validations" / "events").glob("*/*"))
    assert len(run_dirs) == 2
