"""Time-limit arithmetic: a record's promised and statutory limits, step by step, proved consistent."""

from generator.limits.stage import limit_diagnostics

__all__ = ["limit_diagnostics"]
