"""The DuckDB warehouse: schema, one-transaction batch loads with upserts, read-only queries."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from transforms.merge import richer_report
from warehouse import schema
from warehouse.seeds import write_seed_tables

MERGED = {"participants"}  # tables whose rows merge with existing ones instead of replacing them
# A stored row wins over a batch row with the same key: an event a later report tells again keeps the
# participant links (title, sentence) of the report that told it first, as within one batch
# (flows.ingest.combine keeps the first row), so how files fall into batches changes no row.
KEEP_FIRST = {"event_participants"}
# Tables whose rows belong to one report, keyed by ids derived from it (transforms/extract.py:
# stable_id of the report, or of the file the report was read from). A row of a report not stored
# yet cannot have a stored twin, so a batch of new reports skips their keyed DELETE: a scan of the
# table's whole key column, per batch (at 50,000 reports, ~5 million stored keys in these three).
REPORT_OWNED = {"metrics", "event_mentions", "participant_aliases"}
# DuckDB's buffer pool for a batch load. A load scans whole tables (keyed deletes, match keys) but
# keeps little, and uncapped the pool holds every block read until the connection closes. Into the
# 50,000-report warehouse, a 500-report batch peaked at +447 MB uncapped, +285 MB at 256 MB, +174 MB
# at 128 MB; a 1,000-report batch at +493 MB uncapped, +171 MB at 128 MB, in about the same time.
# Nothing a load does needs more: the batch's hash tables are small, and DuckDB spills the rest;
# 256 MB leaves room for larger batches.
LOAD_MEMORY_LIMIT = "256MB"
# Warehouses (resolved paths) whose row-group merging this process defers (Warehouse.deferred_vacuum).
_DEFERRED_VACUUM: set[Path] = set()


def views_sql() -> list[str]:
    """The statements of warehouse/views.sql (split on ';' at line ends)."""
    text = resources.files("warehouse").joinpath("views.sql").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    return [s.strip() for s in body.split(";\n") if s.strip().rstrip(";")]


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse's write lock."""


class Warehouse:
    """A DuckDB file holding the tables of warehouse/schema.py, the seed tables and the views."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A short-lived connection (closed on exit), so readers and writers don't collide."""
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only and self.path.resolve() in _DEFERRED_VACUUM:
            con.execute("SET max_vacuum_tasks = 0")  # for its commits' checkpoints and the one at close
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def transaction(self, threads: int | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction with the schema in place: committed on success, rolled back on any error
        (a crash before COMMIT leaves the file as it was: DuckDB replays only committed work).
        threads: DuckDB threads for it (default: one per core)."""
        with self.connect() as con:
            if threads:
                con.execute(f"SET threads = {int(threads)}")
            con.execute("BEGIN")
            try:
                _create_schema(con)
                yield con
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    @contextmanager
    def deferred_vacuum(self) -> Iterator[None]:
        """Within: this process's writes to the warehouse leave DuckDB's row groups unmerged; call
        `compact` afterwards.

        Why: a batch load's commit checkpoints (its WAL is over DuckDB's 16 MB threshold), and each
        checkpoint "vacuums": it merges the table's trailing partial row groups (a load appends one
        per table) by rewriting up to three of them. Loading the 10,000-report run's 500-report
        batches, commits took 0.9-5.2 s (2.5 s of one was the metrics table alone); deferred, 0.8-1.5 s,
        and one compaction at the end takes 10-31 s. Row groups of ~25,000 rows scan as fast as full
        ones (the views and two analyst queries: 0.86 s against 0.91 s), so a run that fails before
        compacting leaves a correct warehouse; the next compaction merges them."""
        key = self.path.resolve()
        _DEFERRED_VACUUM.add(key)
        try:
            yield
        finally:
            _DEFERRED_VACUUM.discard(key)

    def compact(self) -> None:
        """Merge partial row groups into full ones (DuckDB's vacuum), as every checkpoint would have
        done without `deferred_vacuum`. Nothing changes for a reader. Two forced checkpoints, the
        statement's and the close's: a vacuum pass merges at most three row groups at a time, and
        the second pass merges what the first left adjacent. With one pass, the next writer paid
        for it (a no-op rerun's schema check: 0.6 -> 4.2 s); after two, another pass finds nothing."""
        with self.connect() as con:
            con.execute("SET enable_progress_bar = false")  # DuckDB's own bar on stderr, not ours
            con.execute("RESET max_vacuum_tasks")  # merges on, even if called within deferred_vacuum
            con.execute(f"SET memory_limit = '{LOAD_MEMORY_LIMIT}'")
            # One thread: a second one doubled the CPU and gained no time (measured on 2 cores after
            # 10,000 reports: 11.7-12.4 s wall, 11-12 CPU-s with one; 12.0 s, 23 CPU-s with two).
            con.execute("SET threads = 1")
            con.execute("PRAGMA force_checkpoint")  # else a checkpoint without new writes does nothing
            con.execute("CHECKPOINT")

    def ensure_schema(self) -> None:
        with self.transaction():
            pass

    def load_batch(self, tables: dict[str, pa.Table], files_rows: pa.Table, run_id: str,
                   seed_dir: Path | None = None, threads: int | None = None) -> dict[str, int]:
        """Upsert one batch in ONE transaction; any error rolls everything back and re-raises.

        `tables` are the extracted tables by schema name; `files_rows` the `files` registry rows.
        threads: DuckDB threads for the load; a flow whose extraction pool keeps every core busy
        passes 1 (a 1,000-report batch then loads in 3.3 s instead of 5.5 s on 2 busy cores).
        Returns the rows written per table.
        """
        with self.transaction(threads) as con:
            con.execute(f"SET memory_limit = '{LOAD_MEMORY_LIMIT}'")  # after the schema: a migration may need more
            return _write(con, {**tables, "files": files_rows}, seed_dir)

    def replace_all(self, tables: dict[str, pa.Table], files_rows: pa.Table, seed_dir: Path | None = None
                    ) -> dict[str, int]:
        """Replace every extracted row (reprocessing) in ONE transaction: readers see the old
        tables until the commit and the new ones after it, never a mix."""
        with self.transaction() as con:
            for name in [*tables, schema.EVENT_MATCH_KEYS.name]:
                con.execute(f"DELETE FROM {name}")
            con.execute("DELETE FROM files WHERE status <> 'quarantined'")
            return _write(con, {**tables, "files": files_rows}, seed_dir)

    @contextmanager
    def exclusive_run(self) -> Iterator[None]:
        """Hold the warehouse's write lock for a whole run. The OS releases it when the process
        dies (even by kill -9), so a crash never leaves the warehouse locked."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        with open(lock_path, "a+", encoding="utf-8") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                fh.seek(0)
                holder = fh.read().strip() or "another process"
                raise WarehouseBusy(f"{self.path} is being written by {holder}; this run did nothing - "
                                    "run it again when that one has finished") from None
            fh.seek(0)
            fh.truncate()
            fh.write(f"pid {os.getpid()} since {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC")
            fh.flush()
            try:
                yield
            finally:
                fh.truncate(0)
                fcntl.flock(fh, fcntl.LOCK_UN)

    def exists(self) -> bool:
        return self.path.exists()

    def query(self, sql: str, params: list | None = None) -> pa.Table:
        """Run a query on a read-only connection and return the result as Arrow."""
        with self.connect(read_only=True) as con:
            return con.execute(sql, params or []).to_arrow_table()

    def query_with(self, sql: str, memory_limit: str | None = None, **tables: pa.Table) -> pa.Table:
        """A read-only query that may read the given Arrow tables by name.
        memory_limit: DuckDB's, for a query that scans a large table but keeps little: its buffer pool
        otherwise holds every block it read until the connection closes."""
        with self.connect(read_only=True) as con:
            if memory_limit:
                con.execute(f"SET memory_limit = '{memory_limit}'")
            for name, table in tables.items():
                con.register(name, table)
            return con.execute(sql).to_arrow_table()

    def column(self, sql: str) -> list:
        """First column of a read-only query as a list (empty when the warehouse doesn't exist)."""
        if not self.exists():
            return []
        with self.connect(read_only=True) as con:
            if not _has_table(con, "files"):
                return []
            return [r[0] for r in con.execute(sql).fetchall()]

    def known_file_hashes(self) -> set[str]:
        return set(self.column("SELECT file_id FROM files"))

    def known_file_stats(self) -> dict[tuple[str, int, object], str]:
        """(path, size, modification time) -> file_id of every file seen with a modification time."""
        rows = self.column("SELECT struct_pack(p := path, s := size_bytes, m := modified, f := file_id) FROM files "
                           "WHERE modified IS NOT NULL")
        return {(r["p"], r["s"], r["m"]): r["f"] for r in rows}

    def known_ids(self) -> dict[str, set[str]]:
        """Stored keys that a new batch may reference (foreign-key targets for validation)."""
        return {"participants.participant_id": set(self.column("SELECT participant_id FROM participants")),
                "reports.report_id": set(self.column("SELECT report_id FROM reports")),
                "files.file_id": set(self.column("SELECT file_id FROM files")),
                "events.event_id": set(self.column("SELECT event_id FROM events"))}

    def referenced_ids(self, batch: dict[str, pa.Table]) -> dict[str, set[str]]:
        """The stored keys a batch refers to: for each foreign key of the schema, the batch's values
        that are not keys of the parent table in the batch itself but are in the warehouse.
        (Validation needs these, not every stored key: that set grows with the warehouse.)"""
        out: dict[str, set[str]] = {}
        if not self.exists():
            return out
        with self.connect(read_only=True) as con:
            for t in schema.TABLES:
                for col, (parent, parent_col) in t.foreign_keys.items():
                    if t.name not in batch or col not in batch[t.name].column_names or not _has_table(con, parent):
                        continue
                    wanted = set(batch[t.name].column(col).unique().to_pylist()) - {None}
                    if parent in batch and parent_col in batch[parent].column_names:
                        wanted -= set(batch[parent].column(parent_col).to_pylist())
                    if wanted:
                        probe = pa.table({"v": pa.array(sorted(wanted), pa.string())})  # noqa: F841 (scanned by DuckDB)
                        found = con.execute(f"SELECT {parent_col} FROM {parent} WHERE {parent_col} IN "
                                            "(SELECT v FROM probe)").fetchall()
                        out.setdefault(f"{parent}.{parent_col}", set()).update(r[0] for r in found)
        return out

    def report_signatures(self, n_hashes: int) -> pa.Table:
        """Every stored report's MinHash signature, in storage order, for transforms.merge.ReportIndex:
        `signature` (list<uint64>) when the stored fingerprint has `n_hashes` hex values, else
        `fingerprint` (its text). Decoded by DuckDB, not as a Python string per hash: at 10,000 stored
        reports the index is built in 0.7 s instead of 1.2 s, with a peak of +85 MB instead of +119 MB
        (most of which is DuckDB reading the column); the decoded signatures take 5 MB."""
        if not self.exists():
            return _empty_signatures()
        with self.connect(read_only=True) as con:
            if not _has_table(con, "reports"):
                return _empty_signatures()
            return con.execute("""
                WITH s AS (SELECT report_id, fingerprint,
                                  list_transform(fingerprint, f -> TRY_CAST('0x' || f AS UBIGINT)) AS signature
                           FROM reports),
                     r AS (SELECT *, coalesce(len(fingerprint) = $n AND list_count(signature) = $n, false) AS regular
                           FROM s)
                SELECT report_id, CASE WHEN regular THEN signature END AS signature,
                       CASE WHEN NOT regular THEN fingerprint END AS fingerprint
                FROM r""", {"n": n_hashes}).to_arrow_table()

    def counts(self) -> dict[str, int]:
        """Rows per schema table."""
        with self.connect(read_only=True) as con:
            return {t.name: con.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0]
                    for t in schema.TABLES}


def _empty_signatures() -> pa.Table:
    return pa.table({"report_id": pa.array([], pa.string()), "signature": pa.array([], pa.list_(pa.uint64())),
                     "fingerprint": pa.array([], pa.list_(pa.string()))})


def _write(con: duckdb.DuckDBPyConnection, batch: dict[str, pa.Table], seed_dir: Path | None) -> dict[str, int]:
    if seed_dir is not None:
        write_seed_tables(con, seed_dir)
    stored_reports: set[str] | None = None  # of the batch's reports, those already stored (None: unknown)
    if "reports" in batch:
        reports, stored_reports = _with_stored_reports(con, batch["reports"])
        batch = {**batch, "reports": reports}
    counts = {t.name: _upsert(con, t, batch[t.name], stored_reports) for t in schema.TABLES if t.name in batch}
    mentions = batch.get("event_mentions")
    _refresh_mention_counts(con, mentions.select(["event_id"]) if mentions is not None else None)
    touched = [chunk for name in ("events", "event_participants") if name in batch
               for chunk in batch[name].column("event_id").chunks]
    if touched:
        _refresh_match_keys(con, pa.table({"event_id": pa.chunked_array(touched, pa.string())}))
    return counts


def _with_stored_reports(con: duckdb.DuckDBPyConnection, reports: pa.Table) -> tuple[pa.Table, set[str]]:
    """A report already stored keeps its row; a new rendering of it may bring richer metadata.
    Returns the rows to write and the ids of the reports already stored."""
    ids = reports.column("report_id").to_pylist()
    if not ids:
        return reports, set()
    stored = {r["report_id"]: r for r in con.execute(
        "SELECT * FROM reports WHERE report_id IN (SELECT unnest(?))", [ids]).to_arrow_table().to_pylist()}
    if not stored:
        return reports, set()
    rows = [richer_report(stored[r["report_id"]], r) if r["report_id"] in stored else r for r in reports.to_pylist()]
    return schema.REPORTS.from_rows(rows), set(stored)


@contextmanager
def _scope(con: duckdb.DuckDBPyConnection, touched: pa.Table | None) -> Iterator[str]:
    """A WHERE clause limiting a refresh to the event ids of `touched` (registered as _touched while
    in use), or none: every event."""
    if touched is None:
        yield ""
        return
    con.register("_touched", touched)
    try:
        yield "WHERE event_id IN (SELECT event_id FROM _touched)"
    finally:
        con.unregister("_touched")


def _refresh_mention_counts(con: duckdb.DuckDBPyConnection, touched: pa.Table | None = None) -> None:
    """n_mentions / n_reports of events from their mentions (GDELT-style counts): of the events a
    batch's mentions point at (`touched`, a table with an event_id column), or of every event."""
    with _scope(con, touched) as scope:
        con.execute(f"""
            UPDATE events SET n_mentions = m.n_mentions, n_reports = m.n_reports
            FROM (SELECT event_id, count(*) AS n_mentions, count(DISTINCT report_id) AS n_reports
                  FROM event_mentions {scope} GROUP BY event_id) m
            WHERE events.event_id = m.event_id
              AND (events.n_mentions <> m.n_mentions OR events.n_reports <> m.n_reports)""")


# Each event's transforms.merge.match_key, from its stored row and participant links (ids sorted as
# Python sorts them: ASCII ids, so byte order is the same).
_MATCH_KEYS_SQL = """
WITH people AS (
    SELECT event_id, array_to_string(list_sort(list(participant_id)), '|') AS people
    FROM event_participants {scope} GROUP BY event_id)
SELECT e.event_id, e.date_start, e.date_end, e.event_type, coalesce(p.people, '') AS people,
       CASE WHEN coalesce(p.people, '') = '' THEN array_to_string(list_sort(e.countries), '|') ELSE '' END
           AS key_countries
FROM (SELECT event_id, date_start, date_end, event_type, countries FROM events {scope}) e
LEFT JOIN people p USING (event_id)"""


def _refresh_match_keys(con: duckdb.DuckDBPyConnection, touched: pa.Table | None = None) -> None:
    """Recompute event_match_keys for the events of `touched` (a table with an event_id column: a
    batch's events and participant links), or for every event (a warehouse from an older version)."""
    with _scope(con, touched) as scope:
        con.execute(f"DELETE FROM event_match_keys {scope}")
        cols = ", ".join(schema.EVENT_MATCH_KEYS.column_names)
        con.execute(f"INSERT INTO event_match_keys ({cols}) {_MATCH_KEYS_SQL.format(scope=scope)}")


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    sql = "SELECT count(*) FROM duckdb_tables() WHERE table_name = ?"
    return bool(con.execute(sql, [name]).fetchone()[0])


def _create_schema(con: duckdb.DuckDBPyConnection) -> None:
    existing: dict[str, set[str]] = {}
    # the comments the database holds, so that only changed ones are written: rewriting all of them
    # (~150) altered the catalog in every batch's transaction (~0.07 CPU-s of its commit)
    comments: dict[str, dict[str | None, str | None]] = {}
    for name, column, comment in con.execute("SELECT table_name, column_name, comment FROM duckdb_columns() "
                                             "WHERE schema_name = 'main'").fetchall():
        existing.setdefault(name, set()).add(column)
        comments.setdefault(name, {})[column] = comment
    for name, comment in con.execute("SELECT table_name, comment FROM duckdb_tables() "
                                     "WHERE schema_name = 'main'").fetchall():
        comments.setdefault(name, {})[None] = comment
    for table in schema.ALL_TABLES:  # batch tables and dq_results
        con.execute(table.create_table_sql())
        for stmt in table.add_column_sql(existing[table.name]) if table.name in existing else ():
            con.execute(stmt)  # a warehouse written by an older version
        for stmt in table.comment_sql(comments.get(table.name, {})):
            con.execute(stmt)
    for stmt in views_sql():
        con.execute(stmt)
    if "events" in existing and schema.EVENT_MATCH_KEYS.name not in existing:
        _refresh_match_keys(con)  # a warehouse from before the table: keys of its stored events, once


class DuplicateKeyError(duckdb.ConstraintException):
    """A batch holds two rows with one primary key (validation should have held it back)."""


def _upsert(con: duckdb.DuckDBPyConnection, table: schema.Table, data: pa.Table,
            stored_reports: set[str] | None = None) -> int:
    """DELETE the rows whose primary key is in `data`, then INSERT `data` (merged if in MERGED; only
    the new keys if in KEEP_FIRST; in REPORT_OWNED, no DELETE unless a row's report is among
    `stored_reports`, the batch's reports already stored). Returns the rows written (for KEEP_FIRST:
    inserted, so a run's counts do not depend on how its files fall into batches).
    Keys are the loader's job, not DuckDB's: see schema.Table.create_table_sql."""
    if data.num_rows == 0:
        return 0
    if data.select(list(table.primary_key)).group_by(list(table.primary_key)).aggregate([]).num_rows < data.num_rows:
        raise DuplicateKeyError(f"{table.name}: the batch holds a {', '.join(table.primary_key)} twice")
    cols = ", ".join(table.column_names)
    con.register("_batch", data.select(table.column_names))
    keys = " AND ".join(f"t.{k} = b.{k}" for k in table.primary_key)
    try:
        if table.name in KEEP_FIRST:  # only the keys not stored yet; nothing to delete
            return con.execute(f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM _batch b "
                               f"WHERE NOT EXISTS (SELECT 1 FROM {table.name} t WHERE {keys})").fetchone()[0]
        if table.name in MERGED:  # the merge reads the stored rows the DELETE removes: materialise it first
            con.execute(f"CREATE OR REPLACE TEMP TABLE _rows AS {_merge_sql(table)}")
            con.execute(f"DELETE FROM {table.name} t USING _rows b WHERE {keys}")
            con.execute(f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM _rows")
            con.execute("DROP TABLE _rows")
        else:  # straight from the Arrow batch: no temporary copy of it
            if _may_be_stored(table, data, stored_reports):
                con.execute(f"DELETE FROM {table.name} t USING _batch b WHERE {keys}")
            con.execute(f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM _batch")
    finally:
        con.unregister("_batch")
    return data.num_rows


def _may_be_stored(table: schema.Table, data: pa.Table, stored_reports: set[str] | None) -> bool:
    """Whether a row of `data` may already be stored (see REPORT_OWNED)."""
    if table.name not in REPORT_OWNED or stored_reports is None:
        return True
    return bool(stored_reports) and pc.any(pc.is_in(data["report_id"], pa.array(list(stored_reports)))).as_py()


def _merge_sql(table: schema.Table) -> str:
    """Participants are global: a batch row merges with the stored row of the same id."""
    assert table.name == "participants"
    return """
        SELECT b.participant_id,
               coalesce(b.canonical_name, p.canonical_name) AS canonical_name,
               coalesce(b.country, p.country) AS country,
               coalesce(b.in_reference, false) OR coalesce(p.in_reference, false) AS in_reference
        FROM _batch b LEFT JOIN participants p USING (participant_id)"""
