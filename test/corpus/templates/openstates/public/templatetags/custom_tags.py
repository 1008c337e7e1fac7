"""Stub template library for the template corpus (test/corpus/templates/README.md).

Stands for public/templatetags/custom_tags.py of openstates/openstates.org@04402706d599, which imports bleach, dateutil.parser, us, utils.common, utils.orgs.
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


register.filter('state_name', _same)
register.filter('party_pluralize', _same)
register.filter('party_noun', _same)
register.filter('district_maybe', _same)
register.filter('party_color', _same)
register.filter('titlecase_caps', _same)
register.filter('dash_check', _same)
register.filter('format_uuid', _same)
register.filter('format_address', _same)
register.filter('jsonify', _same)
register.filter('fdate', _same)
register.simple_tag(_empty, name='canonical_url')
register.simple_tag(_empty, name='header')
register.simple_tag(_empty, name='sources')
register.simple_tag(_empty, name='pagination')
register.simple_tag(_empty, name='bill_card')
register.simple_tag(_empty, name='vote_card')
register.simple_tag(_empty, name='action_card')
register.simple_tag(_empty, name='document_card')
