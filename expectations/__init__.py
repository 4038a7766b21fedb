"""Great Expectations validation of a batch of reportflow tables (see runner.validate_tables)."""

from expectations.runner import Failure, ValidationReport, validate_tables

__all__ = ["Failure", "ValidationReport", "validate_tables"]
