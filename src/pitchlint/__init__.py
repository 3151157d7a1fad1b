"""pitchlint: lint, grade and rewrite sales outreach emails."""

from pitchlint.findings import Edit, Finding, Fix, Severity

__version__ = "0.1.0"

__all__ = ["Edit", "Finding", "Fix", "Severity", "__version__"]
