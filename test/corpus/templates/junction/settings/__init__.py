# -*- coding: utf-8 -*-
# Reduced from settings/__init__.py of pythonindia/junction@6b20a1d832e6 for the template corpus:
# the real module also imports .celery, and .dev / .prod / .heroku when present.
from __future__ import absolute_import, print_function, unicode_literals

from .common import *  # noqa
