"""The `reportflow` CLI on a real warehouse (the shared corpus, ingested once per session)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flows.cli import format_table, in_context, main
from warehouse.load import Warehouse

pytestmark = pytest.mark.integration


def test_help_lists_every_command(repo_root: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "flows.cli", "--help"], cwd=repo_root, capture_output=True,
                         text=True, check=True).stdout
    for command in ("run", "sql", "export", "explain"):
        assert command in out


def test_sql_prints_an_aligned_table(corpus_run, capsys) -> None:
    _, path = corpus_run
    assert main(["sql", "SELECT status, count(*) AS n FROM files GROUP BY status ORDER BY status",
                 "--warehouse", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["status", "n"] and set(lines[1]) <= {"-", " "}
    assert lines[2].split() == ["duplicate", "1"] and lines[3].split() == ["loaded", "4"]
    assert lines[-1] == "(2 rows)"
    assert len({len(line) for line in lines[:4]}) == 1  # aligned columns


def test_sql_is_read_only(corpus_run, capsys) -> None:
    _, path = corpus_run
    assert main(["sql", "DELETE FROM events", "--warehouse", str(path)]) == 1
    assert "read-only" in capsys.readouterr().err
    assert Warehouse(path).counts()["events"] > 0


def test_export_writes_gold_format(corpus_run, shared_dir: Path, tmp_path: Path, capsys) -> None:
    _, path = corpus_run
    assert main(["export", "--out", str(tmp_path), "--warehouse", str(path)]) == 0
    for source in (shared_dir / "corpus").iterdir():
        events = [json.loads(x) for x in (tmp_path / f"{source.stem}.events.jsonl").read_text().splitlines()]
        metrics = (tmp_path / f"{source.stem}.metrics.jsonl").read_text().splitlines()
        assert events and all(e["report"] == source.name for e in events)
        assert set(events[0]) == {"report", "date_start", "date_end", "event_type", "participants",
                                  "countries", "location", "text"}
        assert all(e["countries"] == sorted(e["countries"]) for e in events)
        for m in map(json.loads, metrics):
            assert set(m) == {"report", "value", "unit", "measure", "subject", "population", "source",
                              "period", "text"}
    assert "wrote 10 files" in capsys.readouterr().out


def test_explain_prints_the_sentence_in_context(corpus_run, capsys) -> None:
    _, path = corpus_run
    event = Warehouse(path).query("""SELECT e.event_id, f.file_name, f.text, e.char_start, e.char_end
        FROM events e JOIN files f USING (file_id) ORDER BY e.event_id LIMIT 1""").to_pylist()[0]
    assert main(["explain", event["event_id"], "--warehouse", str(path)]) == 0
    out = capsys.readouterr().out
    sentence = event["text"][event["char_start"]:event["char_end"]]
    assert event["file_name"] in out and f">>> {sentence} <<<" in out
    metric_id = Warehouse(path).query("SELECT metric_id FROM metrics LIMIT 1").column(0)[0].as_py()
    assert main(["explain", metric_id, "--warehouse", str(path)]) == 0
    assert main(["explain", "no-such-id", "--warehouse", str(path)]) == 1


def test_missing_warehouse_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert main(["sql", "SELECT 1", "--warehouse", str(tmp_path / "none.duckdb")]) == 1
    assert "no warehouse" in capsys.readouterr().err


def test_format_table_and_context() -> None:
    table = format_table(["name", "n"], [("a", 1), ("long name", 22)])
    assert table.splitlines()[2] == "a           1"
    assert in_context("0123456789", 3, 5, chars=2) == "…12>>> 34 <<<56…"


def test_run_command_prints_summary_and_exit_code(shared_dir: Path, tmp_path: Path, capsys) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "digest.txt").write_bytes((shared_dir / "corpus" / "004_4c9285fa7cfcea74.txt").read_bytes())
    assert main(["run", "--inbox", str(inbox), "--warehouse", str(tmp_path / "wh.duckdb"), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "1 loaded" in out and "validation: passed" in out and "data docs:" in out
    assert "example query:" in out and "event_type" in out


def test_local_engine_runs_the_same_stages_without_prefect(repo_root: Path, tmp_path: Path, capsys) -> None:
    from prefect.context import FlowRunContext

    assert main(["run", "--engine", "local", "--inbox", str(repo_root / "seeds" / "reports"),
                 "--warehouse", str(tmp_path / "wh.duckdb"), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "4 loaded" in out and "validation: passed" in out
    assert FlowRunContext.get() is None  # no flow run was involved
    assert Warehouse(tmp_path / "wh.duckdb").counts()["events"] > 20
