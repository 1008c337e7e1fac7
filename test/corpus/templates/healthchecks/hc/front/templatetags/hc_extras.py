"""Stub template library for the template corpus (test/corpus/templates/README.md).

Stands for hc/front/templatetags/hc_extras.py of healthchecks/healthchecks@29b5ec251059, which imports hc.api.models, hc.lib.date, hc.lib.urls.
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


register.filter('hc_duration', _same)
register.filter('hc_approx_duration', _same)
register.filter('hc_duration_for_sentence', _same)
register.filter('hms', _same)
register.filter('mangle_link', _same)
register.filter('sortchecks', _same)
register.filter('sortbydowntime', _same)
register.filter('num_down_title', _same)
register.filter('down_title', _same)
register.filter('break_underscore', _same)
register.filter('format_headers', _same)
register.filter('timestamp', _same)
register.filter('guess_schedule', _same)
register.filter('format_ping_endpoint', _same)
register.filter('mask_key', _same)
register.filter('mask_rw_key', _same)
register.filter('mask_ro_key', _same)
register.filter('underline', _same)
register.filter('first5', _same)
register.filter('add6days', _same)
register.filter('mask_phone', _same)
register.filter('pct', _same)
register.filter('decode', _same)
register.filter('uppercase_if_down', _same)
register.simple_tag(_empty, name='site_name')
register.simple_tag(_empty, name='support_email')
register.simple_tag(_empty, name='absolute_site_logo_url')
register.simple_tag(_empty, name='site_root')
register.simple_tag(_empty, name='site_hostname')
register.simple_tag(_empty, name='site_version')
register.simple_tag(_empty, name='debug_warning')
register.simple_tag(_empty, name='now_isoformat')
register.simple_tag(_empty, name='sort_url')
