# This Source Code Form is subject to the terms of the Mozilla Public
# License, v. 2.0. If a copy of the MPL was not distributed with this
# file, you can obtain one at http://mozilla.org/MPL/2.0/.
from django import template
from django.template.defaultfilters import stringfilter


register = template.Library()


@register.filter
@stringfilter
def is_jupyter_notebook(value):
    return value.endswith(".ipynb")


@register.filter
@stringfilter
def is_zeppelin_notebook(value):
    return value.endswith(".json")
