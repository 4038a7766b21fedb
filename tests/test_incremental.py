"""Issue 4: incremental, idempotent ingestion against real DuckDB files and real subprocesses."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import fsspec
import pytest

from flows.ingest import run_local
from warehouse import schema
from warehouse.load import Warehouse, WarehouseBusy

pytestmark = pytest.mark.integration
VOLATILE = {"files": {"first_seen", "run_id"}}  # when and by which run a file was seen


def snapshot(path: Path, volatile: bool = True) -> dict[str, list[tuple]]:
    """Every schema table's rows, sorted, optionally without run-dependent columns."""
    wh, out = Warehouse(path), {}
    for table in schema.TABLES:
        cols = [c for c in table.column_names if not (volatile and c in VOLATILE.get(table.name, ()))]
        rows = wh.query(f"SELECT {', '.join(cols)} FROM {table.name}").to_pylist()
        out[table.name] = sorted(tuple(repr(r[c]) for c in cols) for r in rows)
    return out


def many_reports(seed_reports: Path, dest: Path, copies: int) -> Path:
    """Distinct files (distinct bytes) made from the sample reports, for multi-batch runs."""
    dest.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        for src in sorted(seed_reports.glob("*.txt")) + sorted(seed_reports.glob("*.md")):
            text = src.read_text(encoding="utf-8") + f"\n\nArchive copy {i} of this report.\n"
            (dest / f"{i:03d}-{src.name}").write_text(text, encoding="utf-8")
    return dest


def corpus_inbox(shared_dir: Path, inbox: Path, *stems: str) -> Path:
    """An inbox holding the named files of the shared corpus."""
    inbox.mkdir()
    for stem in stems:
        src = next((shared_dir / "corpus").glob(f"{stem}_*"))
        shutil.copy(src, inbox / src.name)
    return inbox


def test_rerun_does_no_work_and_changes_nothing(seed_reports: Path, tmp_path: Path) -> None:
    wh = tmp_path / "wh.duckdb"
    first = run_local(str(seed_reports), str(wh), quiet=True)
    before = snapshot(wh, volatile=False)
    again = run_local(str(seed_reports), str(wh), quiet=True)
    assert first.files_loaded == 4
    assert (again.files_new, again.files_known, again.rows_loaded) == (0, 4, {})
    assert "extract" not in again.timings  # no extraction work at all
    assert snapshot(wh, volatile=False) == before


def test_one_article_in_two_formats_is_one_report(shared_dir: Path, tmp_path: Path) -> None:
    inbox = corpus_inbox(shared_dir, tmp_path / "inbox", "000", "001")
    wh = tmp_path / "wh.duckdb"
    run_local(str(inbox), str(wh), quiet=True)
    files = Warehouse(wh).query("SELECT file_name, status, report_id FROM files ORDER BY file_name").to_pylist()
    assert [f["status"] for f in files] == ["loaded", "duplicate"]
    assert files[0]["report_id"] == files[1]["report_id"]  # both files linked to the one report
    counts = Warehouse(wh).counts()
    assert counts["reports"] == 1 and counts["events"] == 61  # the chronology's 61 entries, held once


def test_a_richer_rendering_arriving_later_supplies_the_report_metadata(shared_dir: Path, tmp_path: Path) -> None:
    wh = tmp_path / "wh.duckdb"
    for i, stem in enumerate(("001", "000")):  # the web page first, the PDF conversion in a later run
        run_local(str(corpus_inbox(shared_dir, tmp_path / f"inbox{i}", stem)), str(wh), quiet=True)
    reports = Warehouse(wh).query("SELECT title, authors, n_events FROM reports").to_pylist()
    assert reports == [{"title": "US-Japan Relations: As Good as it Gets?", "authors": ["Brad Glosserman"],
                        "n_events": 61}]


def test_cross_report_event_merges_and_same_day_meetings_do_not(shared_dir: Path, tmp_path: Path) -> None:
    inbox = corpus_inbox(shared_dir, tmp_path / "inbox", "000", "003")
    wh = Warehouse(tmp_path / "wh.duckdb")
    run_local(str(inbox), str(wh.path), quiet=True)
    honolulu = wh.query("""SELECT event_id, n_mentions, n_reports FROM events
                           WHERE date_start = DATE '2023-10-29' AND location = 'Honolulu'""").to_pylist()
    assert len(honolulu) == 1 and honolulu[0]["n_reports"] == 2 and honolulu[0]["n_mentions"] == 2
    mentions = wh.query("SELECT count(*) AS n FROM event_mentions WHERE event_id = ?",
                        [honolulu[0]["event_id"]]).to_pylist()[0]["n"]
    assert mentions == 2
    # Blinken and Kamikawa meet, then attend the G7 ministers' meeting: same people, day and city.
    same_day = wh.query("""SELECT count(*) AS n FROM events WHERE date_start = DATE '2023-09-18'""").to_pylist()
    assert same_day[0]["n"] == 2


def assert_match_keys_current(wh: Warehouse) -> None:
    """event_match_keys holds, for every stored event, transforms.merge.match_key of its stored row
    and participant links, as the merge computes it in Python."""
    from flows.ingest import event_keys
    from transforms.merge import match_key

    stored = event_keys(wh.query("SELECT * FROM events"), wh.query("SELECT * FROM event_participants"))
    kept = wh.query("SELECT * FROM event_match_keys").to_pylist()
    assert len(kept) == len({r["event_id"] for r in kept}) == len(stored) > 0
    names = ["date_start", "date_end", "event_type", "people", "key_countries"]
    assert {r["event_id"]: tuple(r[n] for n in names) for r in kept} == {k.event_id: match_key(k) for k in stored}


def test_match_keys_follow_loads_merges_and_a_migration(shared_dir: Path, tmp_path: Path) -> None:
    """The loader keeps event_match_keys current batch by batch (a cross-report merge included); a
    warehouse from before the table gets it filled from its stored events."""
    inbox = corpus_inbox(shared_dir, tmp_path / "inbox", "000", "003", "004")
    wh = Warehouse(tmp_path / "wh.duckdb")
    run_local(str(inbox), str(wh.path), quiet=True, batch_size=1)
    assert wh.query("SELECT max(n_reports) AS n FROM events").to_pylist()[0]["n"] == 2  # a merge happened
    assert_match_keys_current(wh)
    with wh.connect() as con:
        con.execute("DROP TABLE event_match_keys")
    wh.ensure_schema()
    assert_match_keys_current(wh)


def test_kill_9_mid_run_then_rerun_equals_an_uninterrupted_run(seed_reports: Path, tmp_path: Path) -> None:
    inbox = many_reports(seed_reports, tmp_path / "inbox", copies=12)
    clean, killed = tmp_path / "clean" / "wh.duckdb", tmp_path / "killed" / "wh.duckdb"
    run_local(str(inbox), str(clean), quiet=True, batch_size=4)
    cmd = [sys.executable, "-m", "flows.cli", "run", "--engine", "local", "--quiet", "--batch-size", "4",
           "--inbox", str(inbox), "--warehouse", str(killed)]
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    staging = killed.parent / "staging"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(staging.glob("*/batch-0002")):
        time.sleep(0.05)  # kill while the third batch is under way, after two batches committed
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    partial = Warehouse(killed).counts()["files"]
    assert 0 < partial < 36  # some batches committed, not all: a real mid-run crash
    rerun = run_local(str(inbox), str(killed), quiet=True, batch_size=4)
    assert rerun.files_known == partial
    assert snapshot(killed) == snapshot(clean)


def test_concurrent_runs_are_refused_with_a_clear_message(seed_reports: Path, tmp_path: Path) -> None:
    wh = Warehouse(tmp_path / "wh.duckdb")
    with wh.exclusive_run():
        out = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--engine", "local", "--quiet",
                              "--inbox", str(seed_reports), "--warehouse", str(wh.path)],
                             capture_output=True, text=True, timeout=300)
        assert out.returncode == 3
        assert "is being written by pid" in out.stderr and "did nothing" in out.stderr
        with pytest.raises(WarehouseBusy):
            run_local(str(seed_reports), str(wh.path), quiet=True)
    assert run_local(str(seed_reports), str(wh.path), quiet=True).files_loaded == 4  # lock released


def test_two_runs_started_together_load_everything_once(seed_reports: Path, tmp_path: Path) -> None:
    wh = tmp_path / "wh.duckdb"
    cmd = [sys.executable, "-m", "flows.cli", "run", "--engine", "local", "--quiet",
           "--inbox", str(seed_reports), "--warehouse", str(wh)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    codes = sorted(p.wait(timeout=300) for p in procs)
    assert codes in ([0, 0], [0, 3])  # the second either waited its turn (nothing new) or was refused
    reference = tmp_path / "ref.duckdb"
    run_local(str(seed_reports), str(reference), quiet=True)
    assert snapshot(wh) == snapshot(reference)


def test_reprocess_after_a_version_bump_replaces_rows_with_stable_ids(seed_reports: Path, tmp_path: Path
                                                                      ) -> None:
    from flows.reprocess import reprocess

    inbox = tmp_path / "inbox"
    shutil.copytree(seed_reports, inbox)
    wh = Warehouse(tmp_path / "wh.duckdb")
    run_local(str(inbox), str(wh.path), quiet=True)
    before = snapshot(wh.path)
    assert reprocess.fn(str(wh.path)).files_reprocessed == 0  # everything current: nothing to do
    shutil.rmtree(inbox)  # the inbox is gone: reprocessing reads the raw archive
    with wh.connect() as con:  # rows as an older extractor left them
        con.execute("UPDATE reports SET extractor_version = '0.0.1'")
        con.execute("UPDATE events SET location = 'stale', extractor_version = '0.0.1'")
    summary = reprocess.fn(str(wh.path))
    assert summary.stale_reports == 4 and summary.files_reprocessed == 4 and summary.validation_success
    assert snapshot(wh.path) == before  # same rows, same event ids, current version everywhere
    assert_match_keys_current(wh)


def test_memory_inbox_through_fsspec(seed_reports: Path, tmp_path: Path) -> None:
    fs = fsspec.filesystem("memory")
    for src in seed_reports.iterdir():
        fs.pipe(f"/inbox-test/{src.name}", src.read_bytes())
    try:
        summary = run_local("memory://inbox-test", str(tmp_path / "wh.duckdb"), quiet=True)
    finally:
        fs.rm("/inbox-test", recursive=True)
    assert summary.files_loaded == 4
    paths = Warehouse(tmp_path / "wh.duckdb").query("SELECT path FROM files").column(0).to_pylist()
    assert all(p.startswith("memory://") for p in paths)


def test_unchanged_files_are_known_without_being_read(seed_reports: Path, tmp_path: Path, monkeypatch) -> None:
    """A rerun trusts (path, size, modification time): it hashes only files that changed on disk."""
    import flows.ingest as ingest

    inbox = tmp_path / "inbox"
    shutil.copytree(seed_reports, inbox)
    wh = tmp_path / "wh.duckdb"
    hashed: list[str] = []
    real_sha256 = ingest._sha256
    monkeypatch.setattr(ingest, "_sha256", lambda fs, path: hashed.append(Path(path).name) or real_sha256(fs, path))
    run_local(str(inbox), str(wh), quiet=True)
    assert len(hashed) == 4
    hashed.clear()
    assert run_local(str(inbox), str(wh), quiet=True).files_known == 4 and hashed == []

    touched, edited = sorted(inbox.glob("*.md"))[0], sorted(inbox.glob("*.txt"))[0]
    os.utime(touched, (time.time() + 60, time.time() + 60))  # same bytes, new mtime: hashed, still known
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA late correction.\n", encoding="utf-8")
    again = run_local(str(inbox), str(wh), quiet=True)
    assert sorted(hashed) == sorted([touched.name, edited.name])
    assert (again.files_known, again.files_new) == (3, 1)
    hashed.clear()
    run_local(str(inbox), str(wh), quiet=True, rehash=True)
    assert len(hashed) == 4


def test_a_warehouse_of_an_older_version_gets_the_new_columns(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(schema.FILES.create_table_sql().replace("    modified TIMESTAMPTZ,\n", ""))
    con.execute("INSERT INTO files (file_id, path, file_name, format, size_bytes, first_seen, status, run_id) "
                "VALUES ('f1', '/in/a.txt', 'a.txt', 'txt', 3, now(), 'quarantined', 'r0')")
    con.close()
    wh = Warehouse(path)
    wh.ensure_schema()
    assert wh.query("SELECT file_id, modified FROM files").to_pylist() == [{"file_id": "f1", "modified": None}]
    assert wh.known_file_stats() == {}


def test_a_run_merges_row_groups_once_at_its_end(shared_dir: Path, tmp_path: Path, monkeypatch, row_groups) -> None:
    """During a run each batch's load appends a row group per table (no merge at every commit); the
    run ends with one compaction (the "compact" stage)."""
    from flows import ingest

    inbox = corpus_inbox(shared_dir, tmp_path / "inbox", "000", "003", "004")
    wh = Warehouse(tmp_path / "wh.duckdb")
    before_each_load: list[int] = []
    monkeypatch.setattr(ingest, "STAGED_HOOKS", [lambda paths: before_each_load.append(row_groups(wh, "events"))])
    summary = run_local(str(inbox), str(wh.path), quiet=True, batch_size=1)
    assert summary.files_loaded == 3 and "compact" in summary.timings
    assert before_each_load == [0, 1, 2]
    assert row_groups(wh, "events") == 1
    assert_match_keys_current(wh)
