"""Shared fixtures. Offline settings are applied at import, before Prefect or GX is imported."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

for _key, _value in {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "DO_NOT_TRACK": "1",
    "GX_ANALYTICS_ENABLED": "False",
    "PREFECT_HOME": str(REPO_ROOT / ".prefect"),
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}.items():
    os.environ.setdefault(_key, _value)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder (corpus, gold, spec): $REPORTFLOW_SHARED or ../shared beside the repo."""
    path = Path(os.environ.get("REPORTFLOW_SHARED") or REPO_ROOT.parent / "shared")
    if not (path / "corpus").is_dir():
        pytest.skip(f"shared corpus not found at {path}/corpus (set REPORTFLOW_SHARED)")
    return path


@pytest.fixture(scope="session")
def seed_reports(repo_root: Path) -> Path:
    path = repo_root / "seeds" / "reports"
    if not any(path.glob("*.*")):
        pytest.skip(f"no sample reports in {path}")
    return path


Batch = tuple[dict[str, pa.Table], pa.Table]


def make_batch(n: int = 1, prefix: str = "a", title: str = "A report") -> Batch:
    """A small consistent batch (every extracted table + files rows) built from the schema."""
    from warehouse import schema

    prov = {"char_start": 0, "char_end": 20, "extractor_version": schema.EXTRACTOR_VERSION}
    rows: dict[str, list[dict]] = {t.name: [] for t in schema.TABLES}
    for i in range(n):
        rid, fid, eid, pid = (f"{prefix}-{kind}{i}" for kind in ("report", "file", "event", "person"))
        rows["reports"].append({"report_id": rid, "title": title, "has_chronology": True, "n_events": 1,
                                "n_metrics": 1, "extractor_version": schema.EXTRACTOR_VERSION})
        rows["files"].append({"file_id": fid, "report_id": rid, "path": f"/in/{fid}.txt",
                              "file_name": f"{fid}.txt", "format": "txt", "size_bytes": 30,
                              "first_seen": datetime(2024, 1, 1, tzinfo=UTC), "status": "loaded",
                              "text": "Kishida meets Biden in Tokyo. 66% approve.", "run_id": "test"})
        rows["events"].append({"event_id": eid, "report_id": rid, "date_start": date(2023, 9, 1),
                               "date_end": date(2023, 9, 1), "date_precision": "day", "date_inferred": False,
                               "event_type": "meeting", "location": "Tokyo", "countries": ["JPN", "USA"],
                               "text": "Kishida meets Biden in Tokyo.", "n_mentions": 1, "n_reports": 1,
                               "file_id": fid, **prov, "char_end": 29})
        rows["event_mentions"].append({"mention_id": f"m-{eid}", "event_id": eid, "report_id": rid,
                                       "text": "Kishida meets Biden in Tokyo.", "file_id": fid, **prov})
        rows["participants"].append({"participant_id": pid, "canonical_name": f"Person {prefix}{i}",
                                     "country": "JPN", "in_reference": False})
        rows["participant_aliases"].append({"participant_id": pid, "alias": f"P{i}", "report_id": rid})
        rows["event_participants"].append({"event_id": eid, "participant_id": pid, "title": "Prime Minister",
                                           "country": "JPN", "mention": "Kishida", "file_id": fid, **prov})
        rows["metrics"].append({"metric_id": f"x-{rid}", "report_id": rid, "value": 66.0, "unit": "percent",
                                "measure": "approval rating", "period": "2023-12", "text": "66% approve.",
                                "file_id": fid, **prov, "char_start": 30, "char_end": 42})
    tables = {t.name: t.from_rows(rows[t.name]) for t in schema.TABLES}
    return {k: v for k, v in tables.items() if k != "files"}, tables["files"]


@pytest.fixture
def batch_factory() -> Callable[..., Batch]:
    return make_batch


@pytest.fixture
def row_groups() -> Callable[..., int]:
    """How many row groups a warehouse table is stored in (DuckDB's storage info)."""
    def count(wh, table: str) -> int:
        sql = f"SELECT count(DISTINCT row_group_id) AS n FROM pragma_storage_info('{table}')"
        return wh.query(sql).column("n")[0].as_py()
    return count


@pytest.fixture(scope="session")
def corpus_run(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """One real ingestion of the shared corpus into a fresh DuckDB file: (RunSummary, warehouse path)."""
    from flows.ingest import ingest_reports

    warehouse = tmp_path_factory.mktemp("corpus") / "reportflow.duckdb"
    summary = ingest_reports(inbox=str(shared_dir / "corpus"), warehouse=str(warehouse), quiet=True)
    return summary, warehouse


@pytest.fixture(scope="module")
def ref():
    """The project's own reference data (seeds/), read once per test module."""
    from warehouse.seeds import SEED_DIR, load_reference  # (after the offline settings above)
    return load_reference(SEED_DIR)
