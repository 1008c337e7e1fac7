from .as_icon import as_icon

__all__ = ["as_icon"]
