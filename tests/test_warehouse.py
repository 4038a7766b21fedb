"""warehouse/load.py on a real DuckDB file: DDL with comments, atomic batches, upserts."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from warehouse import schema
from warehouse.load import Warehouse, views_sql
from warehouse.seeds import SEED_DIR, read_seed_tables

PEOPLE = schema.PARTICIPANTS


@pytest.fixture
def wh(tmp_path: Path) -> Warehouse:
    w = Warehouse(tmp_path / "wh" / "test.duckdb")
    w.ensure_schema()
    return w


def test_schema_creates_every_table_with_comments(wh: Warehouse) -> None:
    rows = wh.query("SELECT table_name, comment FROM duckdb_tables()").to_pylist()
    tables = {r["table_name"]: r["comment"] for r in rows}
    for table in schema.TABLES:
        assert tables[table.name] == table.description
        cols = wh.query("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ?",
                        [table.name]).to_pylist()
        assert [c["column_name"] for c in cols] == table.column_names
        assert all(c["comment"] for c in cols), f"{table.name} has a column without COMMENT"


def test_views_exist_and_are_commented(wh: Warehouse) -> None:
    views = {r["view_name"]: r["comment"] for r in
             wh.query("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").to_pylist()}
    assert {"v_event_participants", "v_meetings_between", "v_events_per_month_by_type",
            "v_metric_series"} <= set(views)
    assert all(views.values())
    assert len(views) == sum(s.upper().startswith("CREATE") for s in views_sql())


def test_load_batch_and_views(wh: Warehouse, batch_factory) -> None:
    tables, files = batch_factory(n=2)
    counts = wh.load_batch(tables, files, "run-1", seed_dir=SEED_DIR)
    assert counts["events"] == 2 and counts["files"] == 2
    assert wh.known_file_hashes() == {"a-file0", "a-file1"}
    monthly = wh.query("SELECT * FROM v_events_per_month_by_type").to_pylist()
    assert monthly == [{"month": monthly[0]["month"], "event_type": "meeting", "n_events": 2}]
    assert wh.query("SELECT count(*) AS n FROM v_metric_series").to_pylist() == [{"n": 2}]


def test_seed_tables_loaded_with_comments(wh: Warehouse, batch_factory) -> None:
    seeds = read_seed_tables(SEED_DIR)
    assert "event_types" in seeds
    wh.load_batch(*batch_factory(), "run-1", seed_dir=SEED_DIR)
    rows = wh.query("SELECT table_name, comment, estimated_size FROM duckdb_tables() "
                    "WHERE table_name LIKE 'seed_%'").to_pylist()
    assert {r["table_name"] for r in rows} == {f"seed_{name}" for name in seeds}
    assert all("seeds/" in r["comment"] for r in rows)
    n = wh.query("SELECT count(*) AS n FROM seed_event_types").column("n")[0].as_py()
    assert n == len(seeds["event_types"])


def _snapshot(wh: Warehouse) -> dict[str, list]:
    return {t.name: sorted(map(str, wh.query(f"SELECT * FROM {t.name}").to_pylist())) for t in schema.TABLES}


def test_load_batch_rolls_back_on_primary_key_violation(wh: Warehouse, batch_factory) -> None:
    wh.load_batch(*batch_factory(prefix="old"), "run-1")
    before = _snapshot(wh)
    tables, files = batch_factory(prefix="new")
    tables["metrics"] = pa.concat_tables([tables["metrics"], tables["metrics"]])  # same metric_id twice
    with pytest.raises(duckdb.ConstraintException):
        wh.load_batch(tables, files, "run-2")
    assert _snapshot(wh) == before


def test_load_batch_rolls_back_on_error_mid_load(wh: Warehouse, batch_factory) -> None:
    wh.load_batch(*batch_factory(prefix="old"), "run-1")
    before = _snapshot(wh)
    tables, files = batch_factory(prefix="new")
    # metrics load last: value as text that cannot be cast fails after the other tables were inserted
    tables["metrics"] = tables["metrics"].set_column(
        tables["metrics"].schema.get_field_index("value"), "value", pa.array(["not a number"]))
    with pytest.raises(duckdb.Error):
        wh.load_batch(tables, files, "run-2")
    assert _snapshot(wh) == before


def test_upsert_replaces_rows(wh: Warehouse, batch_factory) -> None:
    wh.load_batch(*batch_factory(title="First title"), "run-1")
    wh.load_batch(*batch_factory(title="Second title"), "run-2")
    titles = wh.query("SELECT title FROM reports").column("title").to_pylist()
    assert titles == ["Second title"]
    counts = wh.counts()  # the report was stored: its own rows (metrics, mentions, aliases) replaced too
    assert [counts[t] for t in ("events", "metrics", "event_mentions", "participant_aliases")] == [1, 1, 1, 1]


def test_participants_merge_with_existing(wh: Warehouse, batch_factory) -> None:
    tables, files = batch_factory()
    person = {"participant_id": "a-person0", "canonical_name": "Person a0"}
    tables["participants"] = PEOPLE.from_rows([{**person, "country": "JPN", "in_reference": True}])
    wh.load_batch(tables, files, "run-1")
    tables["participants"] = PEOPLE.from_rows([{**person, "country": None, "in_reference": False}])
    wh.load_batch(tables, files, "run-2")
    row = wh.query("SELECT country, in_reference FROM participants").to_pylist()
    assert row == [{"country": "JPN", "in_reference": True}]


def test_stored_participant_link_wins_and_counts_only_inserted_rows(wh: Warehouse, batch_factory) -> None:
    """event_participants keep the first report's link for an event (so tables do not depend on how
    files fall into batches), and the counts say what was written, not what the batch held."""
    tables, files = batch_factory(n=2)
    first = wh.load_batch(tables, files, "run-1")
    assert first["event_participants"] == 2
    retitled = tables["event_participants"].to_pylist()
    for row in retitled:
        row["title"] = "Foreign Minister"
    tables["event_participants"] = schema.EVENT_PARTICIPANTS.from_rows(retitled)
    again = wh.load_batch(tables, files, "run-2")
    assert again["event_participants"] == 0 and again["events"] == 2
    titles = wh.query("SELECT DISTINCT title FROM event_participants").column("title").to_pylist()
    assert titles == ["Prime Minister"]


def test_query_connection_is_read_only(wh: Warehouse) -> None:
    with pytest.raises(duckdb.Error):
        wh.query("CREATE TABLE nope (x INTEGER)")


def test_docs_are_current_and_examples_run(wh: Warehouse, batch_factory, repo_root: Path) -> None:
    from warehouse.docs import EXAMPLE_QUERIES, render

    assert (repo_root / "docs" / "warehouse.md").read_text(encoding="utf-8") == render(), \
        "docs/warehouse.md is stale: run `python -m warehouse.docs > docs/warehouse.md`"
    wh.load_batch(*batch_factory(n=2), "run-1")
    for title, sql in EXAMPLE_QUERIES.items():
        assert wh.query(sql).num_rows >= 0, title


def test_deferred_vacuum_keeps_one_row_group_per_load_until_compact(tmp_path: Path, batch_factory,
                                                                    row_groups) -> None:
    """Each load appends a row group per table. DuckDB's checkpoints merge them as they go; within
    deferred_vacuum they stay apart (no rewriting at every commit) until one compaction merges them,
    and no row changes on the way."""
    merged, deferred = Warehouse(tmp_path / "merged.duckdb"), Warehouse(tmp_path / "deferred.duckdb")
    for prefix in "abc":
        merged.load_batch(*batch_factory(n=40, prefix=prefix), "run")
    with deferred.deferred_vacuum():
        for prefix in "abc":
            deferred.load_batch(*batch_factory(n=40, prefix=prefix), "run")
    tables = ["events", "metrics", "event_participants", "files"]
    assert {t: row_groups(merged, t) for t in tables} == dict.fromkeys(tables, 1)
    assert {t: row_groups(deferred, t) for t in tables} == dict.fromkeys(tables, 3)
    rows = {t: sorted(map(repr, deferred.query(f"SELECT * FROM {t}").to_pylist())) for t in tables}

    with deferred.deferred_vacuum():  # compact merges even there
        deferred.compact()
    assert {t: row_groups(deferred, t) for t in tables} == dict.fromkeys(tables, 1)
    assert {t: sorted(map(repr, deferred.query(f"SELECT * FROM {t}").to_pylist())) for t in tables} == rows
    deferred.load_batch(*batch_factory(n=40, prefix="d"), "run")  # deferral ended with the block
    assert row_groups(deferred, "events") == 1


class _Spy:
    """A DuckDB connection that records the statements run through it."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con, self.statements = con, []

    def execute(self, sql: str, *args):
        self.statements.append(sql)
        return self.con.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self.con, name)


def test_schema_and_seed_tables_are_rewritten_only_when_they_differ(tmp_path: Path) -> None:
    """Every batch load ensures the schema and the seed tables; what already holds the schema's
    comments and the CSVs' rows is left alone (rewriting it cost each commit ~0.2 CPU-s), what differs
    is written."""
    from warehouse.load import _create_schema
    from warehouse.seeds import write_seed_tables

    seeds = tmp_path / "seeds"
    shutil.copytree(SEED_DIR, seeds)
    wh = Warehouse(tmp_path / "w.duckdb")

    def ensure() -> list[str]:  # what Warehouse.load_batch's transaction does first
        with wh.connect() as con:
            spy = _Spy(con)
            spy.execute("BEGIN")
            _create_schema(spy)
            write_seed_tables(spy, seeds)
            spy.execute("COMMIT")
            # (views are replaced each time: their statements are cheap)
            return [s for s in spy.statements if s.startswith(("COMMENT ON TABLE", "COMMENT ON COLUMN",
                                                               "CREATE OR REPLACE TABLE"))]

    first = ensure()
    n_comments = sum(len(t.comments()) for t in schema.ALL_TABLES)
    assert sum(s.startswith("COMMENT ON COLUMN") or s.startswith("COMMENT ON TABLE") for s in first) >= n_comments
    assert ensure() == []  # nothing differs: nothing rewritten
    # a comment changed by hand and a seed CSV edited: those two are written again, and only they
    with wh.connect() as con:
        con.execute("COMMENT ON COLUMN events.text IS 'changed'")
    rows = (seeds / "event_types.csv").read_text(encoding="utf-8").splitlines()
    (seeds / "event_types.csv").write_text("\n".join(rows[:-1]) + "\n", encoding="utf-8")
    again = ensure()
    assert again[0].startswith("COMMENT ON COLUMN events.text IS") and len(again) == 3, again
    assert again[1] == "CREATE OR REPLACE TABLE seed_event_types AS SELECT * FROM _seed_rows"
    assert wh.query("SELECT count(*) AS n FROM seed_event_types").column("n")[0].as_py() == len(rows) - 2
    comment = wh.query("SELECT comment FROM duckdb_columns() WHERE table_name = 'events' AND column_name = 'text'")
    assert comment.column("comment")[0].as_py() == schema.EVENTS.column("text").description
    assert ensure() == []
