"""Data-quality alerts: a JSON POST with a Slack-compatible body to the webhook of flows/settings.py.

The body has Slack's ``text`` (so a Slack/Mattermost/Teams-style incoming webhook shows it as is)
plus structured fields for machines::

    {"text": "...", "kind": "data_quality", "run_id": ..., "batch": ..., "severity": "critical",
     "action": "hold_back", "table": "events", "expectation": "expect_column_values_to_be_in_set",
     "column": "event_type", "rule": "vocabulary", "unexpected_count": 1, "sample_values": ["bogus"],
     "data_docs": ".../index.html", "quarantine": ".../quarantine/<run>/batch-0000",
     "failures": [{table, expectation, column, rule, severity, unexpected_count, sample_values, message}, ...]}

The top-level table/expectation/... fields describe the first (most severe) failure; ``failures``
lists all of them. Sending never raises: a webhook that is down, slow or refusing is logged and the
run goes on (``send`` returns False).
"""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Any

from flows.settings import Settings

log = logging.getLogger("reportflow.alerts")

MAX_FAILURES = 20  # failures listed in one alert
BACKOFF_SECONDS = 0.5  # first retry delay, doubled each retry


def send(payload: dict, settings: Settings | None = None, *, url: str | None = None) -> bool:
    """POST `payload` as JSON to the webhook, with timeout and retries; False (and a log line) on failure."""
    settings = settings or Settings.load()
    url = url or settings.webhook
    if not url:
        return False
    body = json.dumps(payload, default=str).encode("utf-8")
    attempts = 1 + max(0, settings.retries)
    for attempt in range(1, attempts + 1):
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": "application/json",
                                                  "User-Agent": "reportflow-alerts"})
        try:
            with urllib.request.urlopen(request, timeout=settings.timeout_seconds) as response:
                if 200 <= response.status < 300:
                    return True
                error = f"HTTP {response.status}"
        except urllib.error.HTTPError as exc:
            error = f"HTTP {exc.code}"
            if 400 <= exc.code < 500 and exc.code not in (408, 429):
                log.warning("alert webhook refused the alert (%s); not retrying", error)
                return False
        except (OSError, ValueError) as exc:  # URLError, timeouts, refused connections, bad URLs
            error = f"{type(exc).__name__}: {exc}"
        if attempt < attempts:
            time.sleep(BACKOFF_SECONDS * 2 ** (attempt - 1))
    log.warning("alert webhook %s unreachable after %d attempt(s) (%s); the run goes on", _redact(url),
                attempts, error)
    return False


def _redact(url: str) -> str:
    """Webhook URLs carry secrets in their path: log scheme and host only."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}/…" if rest else url


def _failure_dict(f: Any) -> dict:
    return {"table": f.table, "expectation": f.expectation, "column": f.column, "rule": f.check,
            "severity": f.severity, "unexpected_count": f.unexpected_count,
            "sample_values": list(f.sample_values or []), "message": f.message}


def _docs_link(data_docs: str | None, settings: Settings) -> str | None:
    if not data_docs:
        return None
    if settings.data_docs_url:
        return settings.data_docs_url.rstrip("/") + "/index.html"
    return data_docs


def validation_payload(*, run_id: str, batch: str, failures: Sequence[Any], action: str,
                       data_docs: str | None = None, quarantine: str | None = None,
                       settings: Settings | None = None) -> dict:
    """The alert for one validated batch (`failures`: expectations.Failure, critical first)."""
    settings = settings or Settings()
    ordered = sorted(failures, key=lambda f: f.severity != "critical")
    first = ordered[0]
    severity = first.severity
    verb = {"hold_back": "held back (nothing loaded)", "load": "loaded with warnings",
            "release": "released from quarantine", "force_release": "FORCE-released despite failures",
            "revalidate": "re-validated"}.get(action, action)
    lines = [f"{':rotating_light:' if severity == 'critical' else ':warning:'} reportflow data quality "
             f"{severity.upper()}: run {run_id} {batch} {verb}"]
    for f in ordered[:MAX_FAILURES]:
        lines.append(f"• [{f.severity}] {f.line()}")
    if len(ordered) > MAX_FAILURES:
        lines.append(f"… and {len(ordered) - MAX_FAILURES} more")
    docs = _docs_link(data_docs, settings)
    if quarantine:
        lines.append(f"quarantine: {quarantine}  (after a fix: reportflow quarantine release {run_id})")
    if docs:
        lines.append(f"data docs: {docs}")
    return {
        "text": "\n".join(lines),
        "kind": "data_quality",
        "run_id": run_id,
        "batch": batch,
        "severity": severity,
        "action": action,
        "table": first.table,
        "expectation": first.expectation,
        "column": first.column,
        "rule": first.check,
        "unexpected_count": first.unexpected_count,
        "sample_values": list(first.sample_values or []),
        "data_docs": docs,
        "quarantine": quarantine,
        "failures": [_failure_dict(f) for f in ordered[:MAX_FAILURES]],
    }


def alert_validation(*, run_id: str, batch: str, failures: Sequence[Any], action: str,
                     data_docs: str | None = None, quarantine: str | None = None,
                     settings: Settings | None = None) -> bool:
    """Send the alert of a validated batch if its worst failure reaches settings.min_severity."""
    settings = settings or Settings.load()
    if not failures or not settings.webhook:
        return False
    worst = "critical" if any(f.severity == "critical" for f in failures) else "warning"
    if not settings.alerts_for(worst):
        return False
    return send(validation_payload(run_id=run_id, batch=batch, failures=failures, action=action,
                                   data_docs=data_docs, quarantine=quarantine, settings=settings), settings)


def flow_failure_payload(flow_name: str, run_name: str | None, run_id: str | None, message: str,
                         parameters: dict | None = None) -> dict:
    params = {k: v for k, v in (parameters or {}).items() if k in ("inbox", "warehouse")}
    where = ", ".join(f"{k}={v}" for k, v in params.items())
    return {
        "text": f":x: reportflow flow {flow_name} run {run_name or run_id} FAILED: {message}"
                + (f" ({where})" if where else ""),
        "kind": "flow_failure",
        "severity": "critical",
        "flow": flow_name,
        "flow_run_id": run_id,
        "flow_run_name": run_name,
        "message": message,
        **params,
    }


def on_flow_failure(flow, flow_run, state) -> None:
    """Prefect flow `on_failure` hook: post the failure (critical data quality or a crash) to the webhook."""
    try:
        message = state.message or state.name
        send(flow_failure_payload(getattr(flow, "name", str(flow)), getattr(flow_run, "name", None),
                                  str(getattr(flow_run, "id", "") or ""), message,
                                  getattr(flow_run, "parameters", None)))
    except Exception:  # a hook must never mask the flow's own failure
        log.exception("flow-failure alert could not be sent")
