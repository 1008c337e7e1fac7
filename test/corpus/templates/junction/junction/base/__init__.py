# -*- coding: utf-8 -*-
from __future__ import absolute_import, unicode_literals

default_app_config = "junction.base.apps.BaseAppConfig"
