"""Per-draft analysis shared by several rules, computed once and reused (agency, questions, gives)."""

from pitchlint.analysis.core import Analysis

__all__ = ["Analysis"]
