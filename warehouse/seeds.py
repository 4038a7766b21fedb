"""Reference data: read seeds/*.csv, build the `Reference` lookups, load them into DuckDB."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import duckdb
import pyarrow as pa

from transforms.reference import SEED_TABLES, Reference

# seeds/ at the repo root; resolved from this file so it works from an editable install.
SEED_DIR = Path(__file__).resolve().parent.parent / "seeds"


def read_seed_tables(seed_dir: Path = SEED_DIR) -> dict[str, list[dict[str, str]]]:
    """Every seed CSV present in `seed_dir`, as rows of strings keyed by column name."""
    tables: dict[str, list[dict[str, str]]] = {}
    for name in SEED_TABLES:
        path = Path(seed_dir) / f"{name}.csv"
        if path.exists():
            with path.open(newline="", encoding="utf-8") as fh:
                tables[name] = [{k: (v or "") for k, v in row.items() if k} for row in csv.DictReader(fh)]
    return tables


def load_reference(seed_dir: Path = SEED_DIR) -> Reference:
    """The `Reference` built from `seed_dir` (cached per resolved directory and file mtimes)."""
    seed_dir = Path(seed_dir).resolve()
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in seed_dir.glob("*.csv")))
    return _load_reference(seed_dir, stamp)


@lru_cache(maxsize=8)
def _load_reference(seed_dir: Path, stamp: tuple) -> Reference:
    return Reference.from_tables(read_seed_tables(seed_dir))


def seed_arrow_tables(seed_dir: Path = SEED_DIR) -> dict[str, pa.Table]:
    """Seed CSVs as all-string Arrow tables, keyed by warehouse table name `seed_<name>`."""
    out = {}
    for name, rows in read_seed_tables(seed_dir).items():
        cols = _columns(Path(seed_dir) / f"{name}.csv")
        out[f"seed_{name}"] = pa.table({c: pa.array([r.get(c, "") for r in rows], pa.string()) for c in cols})
    return out


def _columns(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as fh:
        return [c for c in next(csv.reader(fh), []) if c]


def write_seed_tables(con: duckdb.DuckDBPyConnection, seed_dir: Path = SEED_DIR) -> dict[str, int]:
    """Make every seed_<name> table hold its CSV (call inside the load transaction): a table whose
    rows or comment differ from the CSV's is replaced, an equal one is left as it is. Replacing all
    of them on every batch load rewrote ~0.3 MB of tables and their catalog entries at each commit
    (~0.15-0.2 CPU-s of a 500-report batch's ~1.2 s load); reading them back to compare costs
    ~0.01 s."""
    counts = {}
    comments = dict(con.execute("SELECT table_name, comment FROM duckdb_tables() "
                                "WHERE schema_name = 'main' AND starts_with(table_name, 'seed_')").fetchall())
    for table, data in seed_arrow_tables(seed_dir).items():
        source = table.removeprefix("seed_")
        comment = (f"Reference data loaded from seeds/{source}.csv ({data.num_rows} rows); replaced when "
                   "the CSV changes.")
        counts[table] = data.num_rows
        if comments.get(table) == comment and con.execute(f"SELECT * FROM {table}").to_arrow_table().equals(data):
            continue
        con.register("_seed_rows", data)
        con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM _seed_rows")
        con.unregister("_seed_rows")
        con.execute(f"COMMENT ON TABLE {table} IS '{comment}'")
    return counts
