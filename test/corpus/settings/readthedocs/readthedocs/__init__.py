"""Read the Docs."""

__version__ = "2026.08.18"
