"""Reporting: output formats, baselines and changed-line filters."""
