# coding: utf-8
from .base import *

# Add specific VARIABLES for production environment here
# So far, all values are declared in `base.py`

ENV = 'prod'
