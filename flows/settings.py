"""Data-quality settings: alert webhook and rule thresholds, from one TOML file or the environment.

Precedence (highest first), per key:
1. environment variables ``REPORTFLOW_*`` (table below);
2. the settings file: ``$REPORTFLOW_SETTINGS`` if set, else ``reportflow.toml`` in the current directory;
3. the defaults below.

```toml
# reportflow.toml
[alerts]
webhook = "https://hooks.slack.com/services/..."   # REPORTFLOW_ALERT_WEBHOOK (empty: no alerts)
min_severity = "warning"          # REPORTFLOW_ALERT_MIN_SEVERITY: warning (default) or critical
timeout_seconds = 5               # REPORTFLOW_ALERT_TIMEOUT
retries = 2                       # REPORTFLOW_ALERT_RETRIES (attempts after the first)
data_docs_url = ""                # REPORTFLOW_DATA_DOCS_URL: public base URL of the Data Docs, if any

[quality]
period_tolerance_days = 31        # REPORTFLOW_PERIOD_TOLERANCE_DAYS
min_participant_share = 0.25      # REPORTFLOW_MIN_PARTICIPANT_SHARE
min_location_share = 0.1          # REPORTFLOW_MIN_LOCATION_SHARE
```
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # expectations imports Great Expectations (slow): imported lazily
    from expectations.suites import Thresholds

SETTINGS_ENV = "REPORTFLOW_SETTINGS"
DEFAULT_FILE = "reportflow.toml"
SEVERITIES = ("warning", "critical")

# key in the file ([section] name) -> environment variable
ENV = {
    ("alerts", "webhook"): "REPORTFLOW_ALERT_WEBHOOK",
    ("alerts", "min_severity"): "REPORTFLOW_ALERT_MIN_SEVERITY",
    ("alerts", "timeout_seconds"): "REPORTFLOW_ALERT_TIMEOUT",
    ("alerts", "retries"): "REPORTFLOW_ALERT_RETRIES",
    ("alerts", "data_docs_url"): "REPORTFLOW_DATA_DOCS_URL",
    ("quality", "period_tolerance_days"): "REPORTFLOW_PERIOD_TOLERANCE_DAYS",
    ("quality", "min_participant_share"): "REPORTFLOW_MIN_PARTICIPANT_SHARE",
    ("quality", "min_location_share"): "REPORTFLOW_MIN_LOCATION_SHARE",
}


class SettingsError(ValueError):
    """A settings value that cannot be used (wrong type, unknown severity)."""


@dataclass(frozen=True)
class Settings:
    webhook: str | None = None
    min_severity: str = "warning"
    timeout_seconds: float = 5.0
    retries: int = 2
    data_docs_url: str | None = None
    thresholds: Thresholds = field(default_factory=lambda: _thresholds())
    source: str = "defaults"  # where the values came from, for messages

    def alerts_for(self, severity: str) -> bool:
        """Whether a failure of `severity` is worth an alert under min_severity."""
        return self.webhook is not None and SEVERITIES.index(severity) >= SEVERITIES.index(self.min_severity)

    @classmethod
    def load(cls, path: str | Path | None = None, env: dict[str, str] | None = None) -> Settings:
        """Settings from the environment over the file over the defaults (see the module docstring)."""
        env = dict(os.environ if env is None else env)
        file = Path(path or env.get(SETTINGS_ENV) or DEFAULT_FILE)
        data: dict = {}
        if file.is_file():
            try:
                data = tomllib.loads(file.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise SettingsError(f"{file}: {exc}") from exc
        elif path or env.get(SETTINGS_ENV):
            raise SettingsError(f"settings file {file} not found")

        def get(section: str, key: str, default):
            value = env.get(ENV[(section, key)])
            if value is None or value == "":
                value = (data.get(section) or {}).get(key, default)
            if value is None or value == "":
                return default
            try:
                return type(default)(value) if default is not None else str(value)
            except (TypeError, ValueError) as exc:
                raise SettingsError(f"{section}.{key} / {ENV[(section, key)]}: {value!r} is not a "
                                    f"{type(default).__name__}") from exc

        Thresholds = _thresholds
        d = Thresholds()
        severity = get("alerts", "min_severity", "warning").lower()
        if severity not in SEVERITIES:
            raise SettingsError(f"alerts.min_severity must be one of {SEVERITIES}, not {severity!r}")
        return cls(
            webhook=get("alerts", "webhook", None),
            min_severity=severity,
            timeout_seconds=get("alerts", "timeout_seconds", 5.0),
            retries=max(0, get("alerts", "retries", 2)),
            data_docs_url=get("alerts", "data_docs_url", None),
            thresholds=Thresholds(
                period_tolerance_days=get("quality", "period_tolerance_days", d.period_tolerance_days),
                min_participant_share=get("quality", "min_participant_share", d.min_participant_share),
                min_location_share=get("quality", "min_location_share", d.min_location_share),
            ),
            source=str(file) if data else "environment/defaults",
        )


def _thresholds(**kwargs) -> Thresholds:
    from expectations.suites import Thresholds

    return Thresholds(**kwargs)
