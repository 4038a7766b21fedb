"""The Prefect flow end to end: real files, real DuckDB file, real GX context, ephemeral Prefect."""

from __future__ import annotations

import shutil
from pathlib import Path

import fsspec
import pyarrow.parquet as pq
import pytest

from flows.ingest import ingest_reports, list_inbox
from flows.quality import DataQualityError
from warehouse.load import Warehouse
from warehouse.seeds import load_reference

pytestmark = [pytest.mark.integration, pytest.mark.slow]

DIGEST = "004_4c9285fa7cfcea74.txt"  # small report with a handful of events


def test_corpus_loads_events_from_every_file(corpus_run, shared_dir: Path) -> None:
    summary, path = corpus_run
    wh = Warehouse(path)
    names = sorted(p.name for p in (shared_dir / "corpus").iterdir())
    assert summary.files_seen == summary.files_new == len(names) == 5
    assert summary.files_loaded + summary.files_duplicate == 5 and summary.files_quarantined == 0
    assert summary.validation_success is True and not summary.held_back
    assert summary.data_docs and Path(summary.data_docs[0]).exists()
    per_file = wh.query("""
        SELECT f.file_name, count(DISTINCT e.event_id) AS n FROM files f
        LEFT JOIN event_mentions m ON m.report_id = f.report_id
        LEFT JOIN events e ON e.event_id = m.event_id OR e.report_id = f.report_id
        GROUP BY f.file_name""").to_pylist()
    assert sorted(r["file_name"] for r in per_file) == names
    assert all(r["n"] > 0 for r in per_file), per_file
    assert wh.counts()["metrics"] > 0
    assert summary.rows == wh.counts()


def test_same_report_in_two_files_is_one_report(corpus_run, shared_dir: Path) -> None:
    import json

    _, path = corpus_run
    gold = [json.loads(line) for line in (shared_dir / "gold" / "reports.jsonl").read_text().splitlines()]
    rows = Warehouse(path).query("SELECT file_name, report_id FROM files").to_pylist()
    report_of = {r["file_name"]: r["report_id"] for r in rows}
    for a in gold:
        for b in gold:
            same = a["report_key"] == b["report_key"]
            assert (report_of[a["report"]] == report_of[b["report"]]) == same, (a["report"], b["report"])


def test_rerun_loads_nothing_new(corpus_run, shared_dir: Path) -> None:
    _, path = corpus_run
    before = Warehouse(path).counts()
    again = ingest_reports(inbox=str(shared_dir / "corpus"), warehouse=str(path), quiet=True)
    assert (again.files_seen, again.files_new, again.files_known) == (5, 0, 5)
    assert again.rows_loaded == {} and Warehouse(path).counts() == before


def test_seed_reports_ingest(seed_reports: Path, tmp_path: Path) -> None:
    summary = ingest_reports(inbox=str(seed_reports), warehouse=str(tmp_path / "wh.duckdb"), quiet=True)
    assert summary.files_new > 0 and summary.validation_success is True
    assert summary.files_loaded > 0 and summary.rows["events"] > 0


def _memory_inbox(name: str, files: dict[str, bytes]) -> str:
    fs = fsspec.filesystem("memory")
    for file_name, data in files.items():
        fs.pipe(f"/{name}/{file_name}", data)
    return f"memory://{name}"


def test_corrupt_file_is_quarantined_and_the_rest_load(shared_dir: Path, tmp_path: Path) -> None:
    digest = (shared_dir / "corpus" / DIGEST).read_bytes()
    inbox = _memory_inbox("corrupt", {DIGEST: digest, "broken.pdf": b"%PDF-1.4 garbage",
                                      "copy-of-digest.txt": digest, "notes.csv": b"a,b"})
    assert [Path(f.path).name for f in list_inbox(inbox)] == ["004_4c9285fa7cfcea74.txt", "broken.pdf",
                                                                "copy-of-digest.txt"]
    summary = ingest_reports(inbox=inbox, warehouse=str(tmp_path / "wh.duckdb"), quiet=True)
    assert (summary.files_seen, summary.files_new, summary.files_repeated) == (3, 2, 1)
    assert (summary.files_loaded, summary.files_quarantined) == (1, 1)
    assert summary.quarantined_files.get("broken.pdf")
    rows = Warehouse(tmp_path / "wh.duckdb").query("SELECT file_name, status, error, path FROM files")
    files = {r["file_name"]: r for r in rows.to_pylist()}
    assert {name: f["status"] for name, f in files.items()} == {"broken.pdf": "quarantined", DIGEST: "loaded"}
    assert files["broken.pdf"]["error"] and files[DIGEST]["path"] == f"memory:///corrupt/{DIGEST}"
    assert summary.rows["events"] > 0


def test_batch_failing_validation_is_held_back(shared_dir: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(shared_dir / "corpus" / DIGEST, inbox / DIGEST)
    vocabulary = sorted(set(load_reference().event_types) - {"meeting"})
    wh_path = tmp_path / "wh" / "reportflow.duckdb"
    with pytest.raises(DataQualityError) as failed:  # critical: the flow run ends Failed (issue 5)
        ingest_reports(inbox=str(inbox), warehouse=str(wh_path), quiet=True, event_types=vocabulary)
    summary = failed.value.summary
    assert summary.held_back and summary.validation_success is False
    assert summary.files_held_back == 1 and summary.files_loaded == 0
    assert any("events" in f and "event_type" in f and "meeting" in f for f in summary.validation_failures)
    held = Path(summary.held_back_dirs[0])
    assert held.is_relative_to(wh_path.parent / "quarantine" / summary.run_id)
    assert pq.read_table(held / "events.parquet").num_rows > 0
    assert "FAILED" in (held / "validation.txt").read_text()
    assert all(n == 0 for n in Warehouse(wh_path).counts().values())
    # with the full vocabulary the same file loads on the next run
    again = ingest_reports(inbox=str(inbox), warehouse=str(wh_path), quiet=True)
    assert again.files_loaded == 1 and again.validation_success is True


def test_second_rendering_in_a_later_run_is_a_duplicate(shared_dir: Path, tmp_path: Path) -> None:
    first, second = "000_95e0bdcaba67ff59.txt", "001_21eaab0fec4cffc0.txt"  # one report, two renderings
    inbox, wh_path = tmp_path / "inbox", tmp_path / "reportflow.duckdb"
    inbox.mkdir()
    shutil.copy(shared_dir / "corpus" / first, inbox / first)
    run1 = ingest_reports(inbox=str(inbox), warehouse=str(wh_path), quiet=True)
    events = Warehouse(wh_path).counts()["events"]
    shutil.copy(shared_dir / "corpus" / second, inbox / second)
    run2 = ingest_reports(inbox=str(inbox), warehouse=str(wh_path), quiet=True)
    assert (run1.files_loaded, run2.files_new, run2.files_duplicate) == (1, 1, 1)
    rows = Warehouse(wh_path).query("SELECT file_name, status, report_id FROM files ORDER BY 1").to_pylist()
    assert [r["status"] for r in rows] == ["loaded", "duplicate"]
    assert rows[0]["report_id"] == rows[1]["report_id"]
    assert Warehouse(wh_path).counts()["events"] == events


def test_event_told_by_two_reports_is_one_event_with_two_mentions(corpus_run) -> None:
    _, path = corpus_run
    wh = Warehouse(path)
    shared = wh.query("""SELECT event_id FROM event_mentions GROUP BY event_id
                         HAVING count(DISTINCT report_id) > 1""").column("event_id").to_pylist()
    assert shared, "expected the corpus to have events told by two reports"
    counts = wh.counts()
    assert counts["events"] < counts["event_mentions"]
    owners = wh.query("SELECT count(*) AS n FROM events WHERE list_contains(?, event_id)", [shared])
    assert owners.column("n")[0].as_py() == len(shared)
