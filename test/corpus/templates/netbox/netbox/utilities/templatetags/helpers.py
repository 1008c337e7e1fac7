"""Stub template library for the template corpus (test/corpus/templates/README.md).

Stands for netbox/utilities/templatetags/helpers.py of netbox-community/netbox@43fe81f9e833, which imports core.models, netbox.settings, netbox.ui.attrs, utilities.forms, utilities.forms.mixins, utilities.views.
It registers the same names with trivial implementations: filters return their input, simple
and inclusion tags render '', other tags render '' and block tags render their first branch.
"""

from django import template

register = template.Library()


def _same(value, arg=None):
    return value


def _empty(*args, **kwargs):
    return ""


class _EmptyNode(template.Node):
    def render(self, context):
        return ""


class _BlockNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return self.nodelist.render(context)


def _tag(parser, token):
    return _EmptyNode()


def _block(stops):
    def compile_block(parser, token):
        first = parser.parse(stops)
        while not parser.next_token().contents.split()[0].startswith("end"):
            parser.parse(stops)
        return _BlockNode(first)

    return compile_block


register.filter('viewname', _same)
register.filter('validated_viewname', _same)
register.filter('humanize_speed', _same)
register.filter('humanize_disk_capacity', _same)
register.filter('humanize_ram_capacity', _same)
register.filter('divide', _same)
register.filter('percentage', _same)
register.filter('as_range', _same)
register.filter('meters_to_feet', _same)
register.filter('kg_to_pounds', _same)
register.filter('startswith', _same)
register.filter('get_key', _same)
register.filter('get_item', _same)
register.filter('status_from_tag', _same)
register.filter('icon_from_status', _same)
register.simple_tag(_empty, name='display_weight')
register.simple_tag(_empty, name='display_distance')
register.simple_tag(_empty, name='querystring')
register.simple_tag(_empty, name='utilization_graph')
register.simple_tag(_empty, name='table_config_form')
register.simple_tag(_empty, name='applied_filters')
register.tag('action_url', _tag)
