"""Great Expectations validation of a batch of reportflow tables (see runner.validate_tables)."""

from expectations.runner import Failure, ValidationReport, build_docs, validate_tables
from expectations.suites import Thresholds

__all__ = ["Failure", "Thresholds", "ValidationReport", "build_docs", "validate_tables"]
