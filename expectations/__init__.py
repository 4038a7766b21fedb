"""Great Expectations validation of a batch of reportflow tables (see runner.validate_tables)."""

from expectations.runner import Failure, ValidationReport, validate_tables
from expectations.suites import Thresholds

__all__ = ["Failure", "Thresholds", "ValidationReport", "validate_tables"]
