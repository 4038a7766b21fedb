"""Scheduled operation end to end on a real Prefect server (the way `make serve` runs it).

A `prefect server start` on a free loopback port with a temporary PREFECT_HOME; the work pool; `prefect
deploy --all` from the repo root (prefect.yaml); `prefect deployment run ingest-reports/ingest-reports`
with an inbox of two seed reports and a temporary warehouse; a process worker until the run is
final. Checked: the warehouse has events, the run's final state (through the REST API) is
Completed, and the scheduler has created Scheduled runs from the cron schedules (a wrong SQLAlchemy
breaks the scheduler silently, see ../shared/notes/dependencies.md). Every process is killed with
its process group at the end, also when the test fails.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from warehouse.load import Warehouse

pytestmark = [pytest.mark.integration, pytest.mark.slow]

POOL = "reportflow-pool"
SERVER_START_TIMEOUT = 180  # s; ~3-8 s on an idle machine, much more on 2 busy CI cores
RUN_TIMEOUT = 300  # s from trigger to a final state
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen, grace: float = 10) -> None:
    """SIGTERM the process group (the server has uvicorn and service children), then SIGKILL."""
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


class Server:
    def __init__(self, url: str, env: dict[str, str], logs: Path) -> None:
        self.url, self.env, self.logs = url, env, logs
        self.procs: list[subprocess.Popen] = []
        self.timings: dict[str, float] = {}

    def spawn(self, name: str, *args: str) -> subprocess.Popen:
        out = open(self.logs / f"{name}.log", "w")  # noqa: SIM115 - closed with the process below
        proc = subprocess.Popen([sys.executable, "-m", "prefect", *args], cwd=self.env["REPORTFLOW_HOME"],
                                env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        out.close()
        self.procs.append(proc)
        return proc

    def cli(self, *args: str, timeout: float = 120) -> str:
        done = subprocess.run([sys.executable, "-m", "prefect", "--no-prompt", *args], cwd=self.env["REPORTFLOW_HOME"],
                              env=self.env, capture_output=True, text=True, timeout=timeout)
        assert done.returncode == 0, f"prefect {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def api(self, method: str, path: str, **kwargs) -> httpx.Response:
        response = httpx.request(method, f"{self.url}{path}", timeout=30, **kwargs)
        response.raise_for_status()
        return response

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""


@pytest.fixture
def server(tmp_path: Path, repo_root: Path) -> Iterator[Server]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_API_URL": url,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1", "GX_ANALYTICS_ENABLED": "False",
           "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false", "PREFECT_CLI_PROMPT": "false",
           "PREFECT_SERVER_UI_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "INFO",
           # the scheduler looks for deployments every 5 s instead of 60 s (it still is the real scheduler)
           "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "5",
           "REPORTFLOW_HOME": str(repo_root)}
    env.pop("PREFECT_PROFILES_PATH", None)
    logs = tmp_path / "logs"
    logs.mkdir()
    srv = Server(url, env, logs)
    t0 = time.perf_counter()
    proc = srv.spawn("server", "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui")
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            assert proc.poll() is None, f"prefect server exited ({proc.returncode}):\n{srv.log('server')}"
            assert time.monotonic() < deadline, \
                f"server not healthy after {SERVER_START_TIMEOUT} s:\n{srv.log('server')}"
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        srv.timings["server_start"] = time.perf_counter() - t0
        yield srv
    finally:
        for p in reversed(srv.procs):
            _stop(p)


def _seed_inbox(tmp_path: Path, repo_root: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("us-japan-digest-2024-03.txt", "us-korea-2024-jan-apr.md"):
        shutil.copy(repo_root / "seeds" / "reports" / name, inbox / name)
    return inbox


def _scheduled_runs(srv: Server, deployment_id: str) -> list[dict]:
    body = {"deployments": {"id": {"any_": [deployment_id]}},
            "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}}, "limit": 50}
    return srv.api("POST", "/flow_runs/filter", json=body).json()


def test_deploy_trigger_and_schedule_on_a_real_server(server: Server, tmp_path: Path, repo_root: Path) -> None:
    inbox, warehouse = _seed_inbox(tmp_path, repo_root), tmp_path / "wh" / "reportflow.duckdb"
    server.cli("work-pool", "create", POOL, "--type", "process", "--overwrite")
    t0 = time.perf_counter()
    server.cli("deploy", "--all", timeout=180)
    server.timings["deploy"] = time.perf_counter() - t0

    deployments = {d["name"]: d for d in server.api("POST", "/deployments/filter", json={}).json()}
    assert set(deployments) >= {"ingest-reports", "validate-warehouse"}
    ingest = deployments["ingest-reports"]
    assert [s["schedule"].get("cron") for s in ingest["schedules"]] == ["0 * * * *"]
    # {{ $REPORTFLOW_HOME }} is filled in by `prefect deploy` from its environment (this checkout)
    assert ingest["pull_steps"][0]["prefect.deployments.steps.set_working_directory"]["directory"] == \
        str(repo_root)

    t_trigger = time.perf_counter()
    out = server.cli("deployment", "run", "ingest-reports/ingest-reports", "--param", f"inbox={inbox}",
                     "--param", f"warehouse={warehouse}")
    flow_run_id = UUID_RE.search(out.split("UUID", 1)[-1] if "UUID" in out else out).group(0)
    worker = server.spawn("worker", "worker", "start", "--pool", POOL, "--run-once", "--prefetch-seconds", "5")

    deadline, state = time.monotonic() + RUN_TIMEOUT, None
    while time.monotonic() < deadline:
        run = server.api("GET", f"/flow_runs/{flow_run_id}").json()
        state = run["state"]["type"] if run.get("state") else None
        if state in {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}:
            break
        if worker.poll() is not None and state in {"SCHEDULED", "PENDING"}:  # one poll missed it: poll again
            worker = server.spawn("worker", "worker", "start", "--pool", POOL, "--run-once",
                                  "--prefetch-seconds", "5")
        time.sleep(1)
    server.timings["trigger_to_completed"] = time.perf_counter() - t_trigger
    assert state == "COMPLETED", f"flow run {flow_run_id} ended {state}:\n{server.log('worker')}"
    assert run["state"]["name"] == "Completed"
    assert run["parameters"]["inbox"] == str(inbox)

    counts = Warehouse(warehouse).counts()
    assert counts["events"] > 0 and counts["files"] == 2, counts

    # Logs reach the server asynchronously (the run's log worker flushes after the state change).
    deadline, messages = time.monotonic() + 60, ""
    while time.monotonic() < deadline and "loaded us-japan-digest-2024-03.txt" not in messages:
        logs = server.api("POST", "/logs/filter", json={"logs": {"flow_run_id": {"any_": [flow_run_id]}},
                                                        "limit": 200}).json()
        messages = "\n".join(entry["message"] for entry in logs)
        time.sleep(1)
    assert "loaded us-japan-digest-2024-03.txt" in messages, messages

    t0 = time.perf_counter()
    deadline, scheduled = time.monotonic() + 120, []
    while time.monotonic() < deadline:
        scheduled = _scheduled_runs(server, ingest["id"])
        if scheduled:
            break
        time.sleep(2)
    server.timings["scheduled_runs_seen"] = time.perf_counter() - t0
    assert scheduled, "the scheduler created no runs from the cron schedule (SQLAlchemy version?)"
    assert all(r["auto_scheduled"] and r["expected_start_time"].endswith((":00:00Z", ":00:00+00:00"))
               for r in scheduled), scheduled[:2]
    print("\nprefect server timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in server.timings.items()))
