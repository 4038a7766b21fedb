"""Phase 1 results (flows.scale.Prepared) as they travel from a pool worker to the flow process."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa

from flows.ingest import FileRef
from flows.scale import Prepared, prepare_file
from warehouse.seeds import SEED_DIR


def _prepared(repo_root: Path) -> Prepared:
    path = sorted((repo_root / "seeds" / "reports").iterdir())[0]
    ref = FileRef(url=str(path), name=path.name, size=path.stat().st_size, file_id="f" * 64,
                  first_seen=datetime.now(UTC))
    return prepare_file(ref, path.read_bytes(), SEED_DIR)


def test_prepared_survives_pickling_with_identical_tables(repo_root: Path) -> None:
    prepared = _prepared(repo_root)
    assert prepared.error is None and prepared.tables["events"].num_rows > 0
    prepared.tables["empty"] = prepared.tables["metrics"].slice(0, 0)
    back = pickle.loads(pickle.dumps(prepared))
    assert set(back.tables) == set(prepared.tables)
    for name, table in prepared.tables.items():
        assert back.tables[name].schema == table.schema, name
        assert back.tables[name].equals(table), name
    assert (back.ref, back.fmt, back.text, back.sig, back.error) == (
        prepared.ref, prepared.fmt, prepared.text, prepared.sig, prepared.error)
    assert prepared.tables["events"].num_rows > 0  # pickling left the original alone


def test_prepared_tables_travel_as_arrow_ipc(repo_root: Path) -> None:
    prepared = _prepared(repo_root)
    state = prepared.__getstate__()
    assert all(isinstance(v, pa.Buffer) for v in state["tables"].values())
    failed = Prepared(prepared.ref, "txt", error="ValueError: unreadable")
    assert pickle.loads(pickle.dumps(failed)).error == "ValueError: unreadable"


def test_extract_ahead_keeps_depth_batches_submitted_in_file_order(repo_root: Path) -> None:
    from flows.ingest import ExtractAhead, prepare_job

    refs = []
    for i, path in enumerate(sorted((repo_root / "seeds" / "reports").iterdir())):
        refs.append(FileRef(url=str(path), name=path.name, size=path.stat().st_size, file_id=f"{i:064x}",
                            first_seen=datetime.now(UTC)))
    batches = [[r] for r in refs]
    ahead = ExtractAhead(batches, SEED_DIR, None, workers=2, depth=2)
    first = ahead.take(0)
    assert set(ahead.pending) == {1, 2}  # two batches ahead of the one handed over
    assert [p.ref.file_id for p in first] == [refs[0].file_id]
    second = ahead.take(1)
    assert set(ahead.pending) == {2, 3}
    expected = prepare_job((refs[1], SEED_DIR, None))  # in-process: what the pool must give
    assert second[0].tables["events"].equals(expected.tables["events"])
    assert [ahead.take(i)[0].ref.file_id for i in (2, 3)] == [refs[2].file_id, refs[3].file_id]
    assert not ahead.pending
