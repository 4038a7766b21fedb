"""Data-quality gates and alerts end to end (issue 5).

A real seed report goes through the real pipeline (local engine: extract -> stage -> validate ->
hold back or load) into a DuckDB file in tmp_path, with a real GX context. The batch is corrupted
after staging through the documented fault-injection hook flows.ingest.STAGED_HOOKS (one value
altered in the staged Parquet of a real extraction). Alerts go to a real HTTP server on 127.0.0.1
started here.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from expectations.suites import build_suite_specs
from flows import ingest
from flows.cli import main
from flows.quality import DataQualityError, held_batches
from flows.settings import Settings, SettingsError
from warehouse import schema
from warehouse.load import Warehouse

pytestmark = [pytest.mark.integration]

REPORT = "us-korea-2024-jan-apr.md"  # 19 events, 6 metrics (4 percent), no warnings on clean data


class Webhook:
    """A real HTTP server on 127.0.0.1 that records the JSON bodies POSTed to it."""

    def __init__(self, status: int = 200) -> None:
        self.posts: list[dict] = []
        self.status = status
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                hook.posts.append(json.loads(body))
                self.send_response(hook.status)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/T000/B000/secret"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def webhook(monkeypatch, tmp_path: Path) -> Iterator[Webhook]:
    hook = Webhook()
    settings = tmp_path / "reportflow.toml"
    settings.write_text("[alerts]\nretries = 1\ntimeout_seconds = 2\n", encoding="utf-8")
    monkeypatch.setenv("REPORTFLOW_SETTINGS", str(settings))
    monkeypatch.setenv("REPORTFLOW_ALERT_WEBHOOK", hook.url)
    yield hook
    hook.close()


@pytest.fixture(scope="module")
def gx_home(tmp_path_factory) -> Path:
    """One folder for the warehouses of the corruption tests: they share <dir>/gx, so the GX suites
    and checkpoint are created once (a fresh GX context costs several seconds)."""
    return tmp_path_factory.mktemp("dq")


@pytest.fixture
def inbox(repo_root: Path, tmp_path: Path) -> str:
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(repo_root / "seeds" / "reports" / REPORT, folder / REPORT)
    return str(folder)


@pytest.fixture
def warehouse(gx_home: Path, request) -> Path:
    return gx_home / f"{request.node.name.replace('[', '_').replace(']', '')}.duckdb"


@contextmanager
def corrupted(table: str, change: Callable[[list[dict]], list[dict]], nullable: bool = False) -> Iterator[None]:
    """While active, every staged batch has `table` rewritten by `change` (list of row dicts).
    nullable: written with every column nullable (Parquet refuses a null in a non-nullable one)."""

    def hook(paths: dict[str, Path]) -> None:
        data = pq.read_table(paths[table])
        rows = change(data.to_pylist())
        written = pa.schema([f.with_nullable(True) for f in data.schema]) if nullable else data.schema
        pq.write_table(pa.Table.from_pylist(rows, schema=written), paths[table])

    ingest.STAGED_HOOKS.append(hook)
    try:
        yield
    finally:
        ingest.STAGED_HOOKS.remove(hook)


def _set(index: int, **values) -> Callable[[list[dict]], list[dict]]:
    def change(rows: list[dict]) -> list[dict]:
        rows[index].update(values)
        return rows
    return change


def _first_percent(rows: list[dict]) -> list[dict]:
    next(r for r in rows if r["unit"] == "percent")["value"] = 140.0
    return rows


def _duplicate_first(rows: list[dict]) -> list[dict]:
    return [*rows, dict(rows[0])]


def _reversed(rows: list[dict]) -> list[dict]:
    rows[0]["date_start"] = rows[0]["date_end"] + timedelta(days=3)
    return rows


def _outside_period(rows: list[dict]) -> list[dict]:
    day = rows[0]["date_start"] - timedelta(days=200)  # the report covers Jan-Apr 2024; tolerance 31 days
    rows[0].update(date_start=day, date_end=day)
    return rows


def dq_rows(path: Path, where: str = "true") -> list[dict]:
    return Warehouse(path).query(f"SELECT * FROM dq_results WHERE {where}").to_pylist()


CRITICAL_CASES = {
    # case: (table corrupted, change, expectation, column, rule, example value in the alert)
    "unknown_event_type": ("events", _set(0, event_type="bogus_type"), "expect_column_values_to_be_in_set",
                           "event_type", "vocabulary", "bogus_type"),
    "reversed_dates": ("events", _reversed, "expect_column_pair_values_a_to_be_greater_than_b",
                       "date_end,date_start", "date_order", None),
    "percent_140": ("metrics", _first_percent, "expect_column_values_to_be_between", "value", "percent_range", 140.0),
    "duplicate_ids": ("events", _duplicate_first, "expect_column_values_to_be_unique", "event_id", "primary_key",
                      None),
    "dangling_participant": ("event_participants", _set(0, participant_id="p_ghost"),
                             "expect_column_values_to_be_null", "participant_id", "foreign_key", "p_ghost"),
    # required columns are checked by one expectation per table (events__not_null): its values name them
    "null_text": ("events", _set(0, text=None), "expect_column_values_to_be_null", "text", "not_null", "text"),
}


@pytest.mark.parametrize("case", list(CRITICAL_CASES))
def test_critical_corruption_holds_the_batch_and_alerts(case: str, inbox: str, warehouse: Path,
                                                        webhook: Webhook) -> None:
    table, change, expectation, column, rule, example = CRITICAL_CASES[case]
    with corrupted(table, change, nullable=rule == "not_null"), pytest.raises(DataQualityError) as failed:
        ingest.run_local(inbox, str(warehouse), quiet=True)
    summary = failed.value.summary
    # held back: nothing loaded, not even the files row; the batch is in quarantine with its report
    assert summary.held_back and summary.files_held_back == 1 and summary.files_loaded == 0
    assert all(n == 0 for n in Warehouse(warehouse).counts().values())
    held = Path(summary.held_back_dirs[0])
    assert held == warehouse.parent / "quarantine" / summary.run_id / "batch-0000"
    assert (held / f"{table}.parquet").exists() and "FAILED" in (held / "validation.txt").read_text()
    assert json.loads((held / "validation.json").read_text())["action"] == "hold_back"
    # dq_results (its own transaction) records why
    failures = dq_rows(warehouse, f"run_id = '{summary.run_id}' AND NOT success")
    hit = [r for r in failures if (r["table_name"], r["expectation"], r["column_name"], r["rule"])
           == (table, expectation, column, rule)]
    assert hit and hit[0]["severity"] == "critical" and hit[0]["action"] == "hold_back", failures
    assert hit[0]["unexpected_count"] >= 1 and json.loads(hit[0]["sample_values"])
    n_expectations = sum(len(s.expectations) for s in build_suite_specs())
    passes = dq_rows(warehouse, f"run_id = '{summary.run_id}' AND success")
    assert len(passes) >= n_expectations - len(failures) > 60  # passes recorded too
    # the alert reached the webhook, naming table, expectation and example values
    assert len(webhook.posts) == 1
    alert = webhook.posts[0]
    assert alert["severity"] == "critical" and alert["action"] == "hold_back" and alert["run_id"] == summary.run_id
    assert (alert["table"], alert["expectation"], alert["column"]) == (table, expectation, column)
    assert alert["unexpected_count"] >= 1 and alert["sample_values"]
    if example is not None:
        assert example in alert["sample_values"]
        assert repr(example) in alert["text"] or str(example) in alert["text"]
    assert table in alert["text"] and expectation in alert["text"] and str(held) in alert["text"]
    assert alert["quarantine"] == str(held) and alert["data_docs"]
    if rule == "not_null":  # the run's summary names the rows (key, source file) with the null
        rows = [line.strip() for line in summary.validation_failures if line.strip().startswith("row ")]
        assert len(rows) == 1 and f"{column}=None in {REPORT}" in rows[0] and "event_id=" in rows[0], rows


def test_event_outside_report_period_loads_and_alerts(inbox: str, warehouse: Path, webhook: Webhook) -> None:
    with corrupted("events", _outside_period):
        summary = ingest.run_local(inbox, str(warehouse), quiet=True)  # a warning: no exception
    assert not summary.held_back and summary.files_loaded == 1 and summary.validation_success is True
    assert Warehouse(warehouse).counts()["events"] == 19
    failures = dq_rows(warehouse, "NOT success")
    assert [(r["table_name"], r["rule"], r["severity"], r["action"], r["suite"]) for r in failures] == [
        ("events", "in_report_period", "warning", "load", "events__period")]
    assert len(webhook.posts) == 1
    alert = webhook.posts[0]
    assert (alert["severity"], alert["action"], alert["table"], alert["column"]) == (
        "warning", "load", "events", "date_start")
    assert alert["expectation"] == "expect_column_pair_values_a_to_be_greater_than_b"
    date_start, earliest = alert["sample_values"][0]
    assert date_start < earliest  # 200 days before the event's real date
    assert earliest == "2023-12-01" and alert["quarantine"] is None


def test_clean_batch_passes_without_alert(inbox: str, warehouse: Path, webhook: Webhook) -> None:
    summary = ingest.run_local(inbox, str(warehouse), quiet=True)
    assert summary.validation_success is True and summary.files_loaded == 1 and not summary.held_back
    assert webhook.posts == []
    rows = dq_rows(warehouse)
    assert rows and all(r["success"] and r["action"] == "load" for r in rows)
    assert {r["rule"] for r in rows} >= {"in_report_period", "has_actor", "participant_share", "location_share",
                                         "chronology_yields_events", "bare_title", "percent_range"}
    assert not (warehouse.parent / "quarantine" / summary.run_id).exists()


def test_warning_rules_on_shares_and_missing_actors(inbox: str, warehouse: Path, webhook: Webhook,
                                                    monkeypatch) -> None:
    monkeypatch.setenv("REPORTFLOW_MIN_PARTICIPANT_SHARE", "0.9")  # the report has 11 of 19 events with people

    def no_actor(rows: list[dict]) -> list[dict]:
        rows[0]["countries"] = []
        return rows

    with corrupted("events", no_actor), corrupted("event_participants", lambda rows: rows[1:] if rows else rows):
        summary = ingest.run_local(inbox, str(warehouse), quiet=True)
    assert summary.files_loaded == 1
    rules = {r["rule"]: r for r in dq_rows(warehouse, "NOT success")}
    assert set(rules) <= {"participant_share", "has_actor"} and "participant_share" in rules
    assert all(r["severity"] == "warning" for r in rules.values())
    share = json.loads(rules["participant_share"]["sample_values"])[0]
    assert 0 < share < 0.9
    assert webhook.posts and webhook.posts[0]["severity"] == "warning"


def test_webhook_down_never_breaks_the_run(inbox: str, warehouse: Path, monkeypatch, tmp_path: Path) -> None:
    down = Webhook()
    url = down.url
    down.close()  # nothing listens on that port any more
    monkeypatch.setenv("REPORTFLOW_SETTINGS", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("", encoding="utf-8")
    monkeypatch.setenv("REPORTFLOW_ALERT_WEBHOOK", url)
    monkeypatch.setenv("REPORTFLOW_ALERT_RETRIES", "1")
    with corrupted("events", _outside_period):
        summary = ingest.run_local(inbox, str(warehouse), quiet=True)
    assert summary.files_loaded == 1
    assert dq_rows(warehouse, "NOT success")  # still recorded


def test_quarantine_list_and_release_after_a_fix(inbox: str, warehouse: Path, webhook: Webhook, capsys) -> None:
    wh = warehouse
    with corrupted("metrics", _first_percent), pytest.raises(DataQualityError) as failed:
        ingest.run_local(inbox, str(wh), quiet=True)
    run_id = failed.value.summary.run_id
    assert main(["quarantine", "--warehouse", str(wh)]) == 0
    out = capsys.readouterr().out
    assert run_id in out and "batch-0000" in out and REPORT in out and "percent_range" in out and "140.0" in out
    # without a fix the batch still fails and stays
    assert main(["quarantine", "release", run_id, "--warehouse", str(wh)]) == 2
    assert "still failing" in capsys.readouterr().out
    (held,) = held_batches(wh, run_id)
    # the fix: correct the value in the held Parquet
    metrics = pq.read_table(held.path / "metrics.parquet").to_pylist()
    next(m for m in metrics if m["value"] == 140.0)["value"] = 40.0
    pq.write_table(pa.Table.from_pylist(metrics, schema=schema.METRICS.arrow_schema), held.path / "metrics.parquet")
    assert main(["quarantine", "release", run_id, "--warehouse", str(wh)]) == 0
    assert "released" in capsys.readouterr().out
    counts = Warehouse(wh).counts()
    assert counts["files"] == 1 and counts["events"] == 19 and counts["metrics"] == 6
    assert not (wh.parent / "quarantine" / run_id).exists() and held_batches(wh, run_id) == []
    actions = {r["action"] for r in dq_rows(wh, f"run_id = '{run_id}'")}
    assert actions == {"hold_back", "release"}
    # the next run does not load the file again
    again = ingest.run_local(inbox, str(wh), quiet=True)
    assert again.files_known == 1 and again.files_new == 0


def test_forced_release_is_recorded(inbox: str, warehouse: Path, webhook: Webhook, capsys) -> None:
    wh = warehouse
    with corrupted("events", _set(0, event_type="bogus_type")), pytest.raises(DataQualityError) as failed:
        ingest.run_local(inbox, str(wh), quiet=True)
    run_id = failed.value.summary.run_id
    assert main(["quarantine", "release", run_id, "--force", "--warehouse", str(wh)]) == 0
    assert "FORCE-released" in capsys.readouterr().out
    assert Warehouse(wh).counts()["events"] == 19
    forced = dq_rows(wh, f"run_id = '{run_id}' AND action = 'force_release' AND NOT success")
    assert {r["expectation"] for r in forced} >= {"quarantine_release_forced", "expect_column_values_to_be_in_set"}
    assert webhook.posts[-1]["action"] == "force_release"


def test_run_command_exits_non_zero_on_critical(inbox: str, warehouse: Path, webhook: Webhook, capsys) -> None:
    wh = warehouse
    with corrupted("events", _set(0, event_type="bogus_type")):
        code = main(["run", "--engine", "local", "--inbox", inbox, "--warehouse", str(wh), "--quiet"])
    assert code == 2
    out = capsys.readouterr().out
    assert "validation: FAILED" in out and "bogus_type" in out and "batch held back" in out


def test_validate_and_dq_commands(inbox: str, warehouse: Path, webhook: Webhook, capsys) -> None:
    ingest.run_local(inbox, str(warehouse), quiet=True)
    assert main(["validate", "--warehouse", str(warehouse)]) == 0
    assert "validation passed" in capsys.readouterr().out
    # bad rows that got into the warehouse some other way are found by a re-validation
    import duckdb

    with duckdb.connect(str(warehouse)) as con:
        con.execute("UPDATE metrics SET value = 140 WHERE metric_id = (SELECT min(metric_id) FROM metrics "
                    "WHERE unit = 'percent')")
    assert main(["validate", "--table", "metrics", "--warehouse", str(warehouse), "--alert"]) == 2
    out = capsys.readouterr().out
    assert "CRITICAL metrics: expect_column_values_to_be_between(value)" in out and "140.0" in out
    assert webhook.posts[-1]["action"] == "revalidate" and webhook.posts[-1]["sample_values"] == [140.0]
    assert main(["dq", "--warehouse", str(warehouse), "--limit", "5"]) == 0
    out = capsys.readouterr().out
    assert "revalidate" in out and "percent_range" in out and "load" in out


def test_dq_results_is_in_the_schema_but_not_validated() -> None:
    from expectations.suites import build_suite_specs

    assert schema.DQ_RESULTS in schema.ALL_TABLES and schema.DQ_RESULTS not in schema.TABLES
    assert not schema.DQ_RESULTS.validated
    assert "dq_results" not in {s.table for s in build_suite_specs(schema.ALL_TABLES)}
    assert "dq_results" not in ingest.EXTRACT_TABLES


def test_settings_precedence(tmp_path: Path) -> None:
    file = tmp_path / "reportflow.toml"
    file.write_text('[alerts]\nwebhook = "http://file/hook"\nmin_severity = "critical"\n'
                    "[quality]\nperiod_tolerance_days = 10\nmin_location_share = 0.5\n", encoding="utf-8")
    s = Settings.load(env={"REPORTFLOW_SETTINGS": str(file), "REPORTFLOW_PERIOD_TOLERANCE_DAYS": "3"})
    assert s.webhook == "http://file/hook" and s.min_severity == "critical"
    assert s.thresholds.period_tolerance_days == 3  # the environment wins over the file
    assert s.thresholds.min_location_share == 0.5 and s.thresholds.min_participant_share == 0.25  # file, default
    assert s.alerts_for("critical") and not s.alerts_for("warning")
    assert Settings.load(env={"REPORTFLOW_ALERT_WEBHOOK": "http://env/hook",
                              "REPORTFLOW_SETTINGS": str(file)}).webhook == "http://env/hook"
    with pytest.raises(SettingsError):
        Settings.load(env={"REPORTFLOW_ALERT_MIN_SEVERITY": "loud", "REPORTFLOW_SETTINGS": str(file)})


@pytest.mark.slow
def test_prefect_flow_run_fails_on_critical_and_hook_alerts(inbox: str, warehouse: Path, webhook: Webhook) -> None:
    """The one test on Prefect's ephemeral server: the flow run state is Failed, the on_failure hook posts."""
    from flows.ingest import ingest_reports

    wh = warehouse
    with corrupted("events", _set(0, event_type="bogus_type")):
        state = ingest_reports(inbox=inbox, warehouse=str(wh), quiet=True, return_state=True)
    assert state.is_failed()
    with pytest.raises(DataQualityError):
        state.result()
    kinds = [p["kind"] for p in webhook.posts]
    assert kinds == ["data_quality", "flow_failure"], webhook.posts
    assert webhook.posts[0]["table"] == "events" and webhook.posts[0]["sample_values"] == ["bogus_type"]
    assert "critical data-quality failure" in webhook.posts[1]["text"]
    assert all(n == 0 for n in Warehouse(wh).counts().values())
