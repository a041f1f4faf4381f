"""Casebook: scenario-based conduct training built from structured YAML.

The pipeline is load -> validate -> render -> targets -> write; `casebook.build`
reads that way from top to bottom.
"""

__version__ = "0.1.0"
