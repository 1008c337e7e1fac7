from .deletedmessage_filters import footer_datetime, hex_colour

__all__ = ["footer_datetime", "hex_colour"]
