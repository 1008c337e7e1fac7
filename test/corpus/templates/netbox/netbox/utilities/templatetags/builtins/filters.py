"""Stub template library for the template corpus (test/corpus/templates/README.md).

Stands for netbox/utilities/templatetags/builtins/filters.py of netbox-community/netbox@43fe81f9e833, which imports markdown, markdown.extensions.tables, netbox.config, utilities.html, utilities.markdown, utilities.string, yaml.
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


register.filter('linkify', _same)
register.filter('bettertitle', _same)
register.filter('fgcolor', _same)
register.filter('getattr', _same)
register.filter('meta', _same)
register.filter('placeholder', _same)
register.filter('split', _same)
register.filter('tzoffset', _same)
register.filter('content_type', _same)
register.filter('content_type_id', _same)
register.filter('markdown', _same)
register.filter('json', _same)
register.filter('yaml', _same)
register.filter('isodate', _same)
register.filter('isotime', _same)
register.filter('isodatetime', _same)
register.filter('truncate_middle', _same)
