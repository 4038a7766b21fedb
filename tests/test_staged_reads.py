"""flows.ingest.read_staged: validation and load of a batch read its staged Parquet once."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from flows import ingest


def _stage(folder: Path, **tables: pa.Table) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, table in tables.items():
        paths[name] = folder / f"{name}.parquet"
        pq.write_table(table, paths[name])
    return paths


def test_load_takes_over_what_validation_read_unless_the_file_changed(tmp_path: Path) -> None:
    paths = _stage(tmp_path / "batch-0000", events=pa.table({"x": [1, 2]}), files=pa.table({"f": ["a"]}))
    validated = ingest.read_staged(paths, keep=True)
    assert validated["events"].to_pydict() == {"x": [1, 2]}
    # a file rewritten after validation (same size, new contents) is read again; the other is reused
    pq.write_table(pa.table({"x": [7, 8]}), paths["events"])
    st = paths["events"].stat()
    os.utime(paths["events"], ns=(st.st_atime_ns, st.st_mtime_ns + 1_000))
    loaded = ingest.read_staged(paths)
    assert loaded["files"] is validated["files"]
    assert loaded["events"] is not validated["events"] and loaded["events"].to_pydict() == {"x": [7, 8]}
    assert ingest._STAGED == {}  # handed over: nothing held after the load's read
    # without keep nothing is held, and the next read comes from the file
    again = ingest.read_staged(paths)
    assert again["files"] is not validated["files"] and again["files"].equals(validated["files"])


def test_a_new_batch_replaces_what_was_held(tmp_path: Path) -> None:
    first = _stage(tmp_path / "batch-0000", files=pa.table({"f": ["a"]}))
    second = _stage(tmp_path / "batch-0001", files=pa.table({"f": ["b"]}))
    ingest.read_staged(first, keep=True)
    ingest.read_staged(second, keep=True)
    assert set(ingest._STAGED) == {second["files"]}
    ingest.read_staged(second)
    assert ingest._STAGED == {}
