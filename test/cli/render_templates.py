"""Renders templates of a Django project with real Django; prints JSON.

    python3 render_templates.py PROJECT_DIR SETTINGS_MODULE TEMPLATE...

Prints {"django": VERSION, "templates": {NAME: HTML or {"error": "ExceptionClass: message"}}}.
Used by test/cli/templates.test.ts on copies of test/fixtures/templated before and after --fix.
The default StaticFilesStorage is used, so {% static 'x' %} renders STATIC_URL + x without a
manifest (and without collectstatic).
"""

import json
import os
import sys


def main(argv):
    project, settings_module, names = argv[1], argv[2], argv[3:]
    sys.path.insert(0, project)
    os.environ['DJANGO_SETTINGS_MODULE'] = settings_module
    sys.dont_write_bytecode = True
    os.environ.setdefault('DJANGO_SECRET_KEY', 'render-templates-' + 'x' * 50)

    import django
    from django.conf import settings

    django.setup()
    # Not ManifestStaticFilesStorage: no collectstatic run, the plain URL is what we compare.
    settings.STATICFILES_STORAGE = 'django.contrib.staticfiles.storage.StaticFilesStorage'

    from django.template.loader import get_template

    context = {
        'a': 2,
        'b': 1,
        'product': 'Teapot',
        'items': ['teapot', 'cups'],
        # What django.template.context_processors.static would add.
        'STATIC_URL': settings.STATIC_URL,
    }
    out = {}
    for name in names:
        try:
            out[name] = get_template(name).render(context)
        except Exception as error:  # the test asserts the class and the message
            out[name] = {'error': '%s: %s' % (type(error).__name__, error)}
    json.dump({'django': django.get_version(), 'templates': out}, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main(sys.argv)
