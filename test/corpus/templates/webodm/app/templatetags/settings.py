"""Stub template library for the template corpus (test/corpus/templates/README.md).

Stands for app/templatetags/settings.py of OpenDroneMap/WebODM@c373a15383b4, which imports app.oidc_providers, webodm.
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


register.filter('disk_size', _same)
register.simple_tag(_empty, name='task_options_docs_link')
register.simple_tag(_empty, name='gcp_docs_link')
register.simple_tag(_empty, name='reset_password_link')
register.simple_tag(_empty, name='has_external_auth')
register.simple_tag(_empty, name='has_oidc_auth')
register.simple_tag(_empty, name='oidc_auth_providers')
register.simple_tag(_empty, name='percentage')
register.simple_tag(_empty, name='quota_exceeded_grace_period')
register.simple_tag(_empty, name='is_single_user_mode')
register.simple_tag(_empty, name='is_desktop_mode')
register.simple_tag(_empty, name='is_dev_mode')
register.simple_tag(_empty, name='settings_image_url')
register.simple_tag(_empty, name='get_footer')
register.simple_tag(_empty, name='theme')
register.simple_tag(_empty, name='complementary')
register.simple_tag(_empty, name='scaleby')
register.simple_tag(_empty, name='scalebyiv')
