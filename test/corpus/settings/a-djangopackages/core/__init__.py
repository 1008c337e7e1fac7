__version__ = "2026.8.7"
