"""Operations around the flow: --since backfill filter, retries/timeout/concurrency settings, the
deployments file. Fast: no Prefect server (tests/test_prefect_server.py has the real one)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from flows.ingest import (
    FLOW_TIMEOUT_SECONDS,
    discover,
    extract_batch,
    ingest_reports,
    list_inbox,
    load_batch,
    load_slot,
    modified_time,
    parse_since,
)


def test_since_keeps_only_files_modified_after(tmp_path: Path) -> None:
    for name, day in (("old.txt", 1), ("new.md", 20), ("newer.html", 25)):
        path = tmp_path / name
        path.write_text(f"report {name}")
        ts = datetime(2024, 5, day, 12, tzinfo=UTC).timestamp()
        os.utime(path, (ts, ts))
    older: list[str] = []
    kept = list_inbox(str(tmp_path), parse_since("2024-05-10"), older)
    assert sorted(Path(f.path).name for f in kept) == ["new.md", "newer.html"]
    assert kept[0].modified == datetime(2024, 5, 20, 12, tzinfo=UTC)
    assert [Path(p).name for p in older] == ["old.txt"]
    assert len(list_inbox(str(tmp_path))) == 3
    found = discover.fn(str(tmp_path), set(), parse_since("2024-05-22T00:00+00:00"))
    assert [r.name for r in found.new] == ["newer.html"] and (found.seen, found.older) == (1, 2)


def test_parse_since_and_modified_time() -> None:
    assert parse_since(None) is None
    assert parse_since("2024-05-01") == datetime(2024, 5, 1, tzinfo=UTC)
    assert parse_since("2024-05-01T12:00+02:00") == datetime(2024, 5, 1, 10, tzinfo=UTC)
    with pytest.raises(ValueError):
        parse_since("last tuesday")
    assert modified_time({"mtime": 0.0}) == datetime(1970, 1, 1, tzinfo=UTC)
    assert modified_time({"LastModified": datetime(2024, 1, 2)}) == datetime(2024, 1, 2, tzinfo=UTC)
    assert modified_time({"size": 3}) is None  # unknown: the file is kept


def test_io_tasks_retry_with_backoff_and_the_flow_has_a_timeout() -> None:
    for t in (discover, extract_batch, load_batch):
        assert t.retries == 3 and t.retry_delay_seconds == [1, 4, 16], t.name
    assert ingest_reports.timeout_seconds == FLOW_TIMEOUT_SECONDS


def test_load_slot_is_a_no_op_without_a_flow_run() -> None:
    with load_slot():  # the local engine: no Prefect API is contacted
        pass


def test_cli_accepts_since_and_dask() -> None:
    from flows.cli import build_parser, main

    args = build_parser().parse_args(["run", "--inbox", "x", "--since", "2024-05-01", "--dask", "tcp://h:8786"])
    assert (args.since, args.dask) == ("2024-05-01", "tcp://h:8786")
    assert main(["run", "--inbox", "x", "--engine", "local", "--dask", "tcp://h:8786"]) == 1
    assert main(["run", "--inbox", "x", "--since", "yesterday"]) == 1


def test_deployments_file(repo_root: Path) -> None:
    text = (repo_root / "prefect.yaml").read_text()
    config = yaml.safe_load(text)
    by_name = {d["name"]: d for d in config["deployments"]}
    assert set(by_name) == {"ingest-reports", "validate-warehouse"}
    assert by_name["ingest-reports"]["entrypoint"] == "flows/ingest.py:ingest_reports"
    assert by_name["validate-warehouse"]["entrypoint"] == "flows/validate.py:validate_warehouse_flow"
    assert [s["cron"] for s in by_name["ingest-reports"]["schedules"]] == ["0 * * * *"]
    assert by_name["validate-warehouse"]["schedules"][0]["cron"].endswith("* * *")  # daily
    assert {d["work_pool"]["name"] for d in by_name.values()} == {"reportflow-pool"}
    assert set(by_name["ingest-reports"]["parameters"]) >= {"inbox", "warehouse"}
    assert "/work/" not in text and "{{ $REPORTFLOW_HOME }}" in text  # works from any checkout
