from .extra_filters import starts_with

__all__ = ["starts_with"]
