#!/usr/bin/python3
"""Renders every template of one project of the template corpus with real Django; prints JSON.

    /usr/bin/python3 scripts/corpus/render_corpus.py PROJECT_DIR [--django 3.2|4.2|5.2]
        [--settings DOTTED.MODULE] [--source-root SUBDIR] [--timeout SECONDS]
        [--only FILE ...] [--html]

PROJECT_DIR is a folder of test/corpus/templates (or a copy of one). Its project.json names the
settings module (`settings`) and the folder Python imports from (`sourceRoot`); the options
override them. --django 4.2/5.2 re-runs this script with .cache/django/<version> first on
PYTHONPATH (unpacked by scripts/django/fetch.sh); the default is what /usr/bin/python3 imports
(Debian 12: Django 3.2).

Prints one JSON object:

    {"django": "3.2.25", "settings": "...", "staticUrl": "/static/",
     "removedApps": [...], "stubLibraries": [...], "replacedLibraries": {...},
     "templates": {"<path relative to PROJECT_DIR>": {"name": "<template name>",
                   "ok": true, "urls": [...],            rendered: its static URLs, in order,
                   "relative": [...],                    its page-relative URLs,
                   "digest": "<sha1>"}                   and the sha1 of the normalised output
                                                         ("html": the output itself, with --html)
                 | {"name": ..., "ok": false, "error": "ExcClass: message"}}}

How a project is rendered (test/corpus/templates/README.md says why):
  * The settings module is the corpus' reduced one (TEMPLATES, INSTALLED_APPS, STATIC_*).
    INSTALLED_APPS entries that are neither Django's own (django.*) nor packages of the project
    folder are removed before django.setup() (third-party apps are not installed for the
    corpus; their template libraries are stubs, below).
  * Template libraries the templates load that no installed app provides are registered from
    PROJECT_DIR/_template_stubs/<library>.py (stubs registering the same tag and filter names).
    OPTIONS 'libraries' / 'builtins' naming a module that cannot be imported are pointed at the
    stub of the same label (or of the module's last name) when there is one, else dropped;
    'loaders' that cannot be imported are dropped ("replacedLibraries" lists each).
  * ROOT_URLCONF is an empty URLconf and django.urls.reverse is replaced before anything imports
    it: {% url 'name' a b %} renders "/__url__/name/a/b/" instead of raising NoReverseMatch
    (no project has its URLconf in the corpus; a URL route is not what the corpus tests).
  * Every file under the Django engines' template folders inside PROJECT_DIR (DIRS, and the
    templates/ folder of each installed app of the project) is a template, named by its path
    under that folder. A name several folders have is rendered once per file: the later files
    through Engine.find_template(name, skip=<the origins before it>), as {% extends %} does.
    Files that are empty (the corpus' static placeholders), Python modules, the corpus' own
    files (project.json, _template_stubs/), not UTF-8 text, or larger than 1 MB are left out.
  * Each template renders with an empty context, plus what the engine's context processors
    django.template.context_processors.static / .media would add (STATIC_URL / MEDIA_URL), since
    the views of the real project render with them, plus project.json "context" (variables
    every view of that project passes, each justified there). Missing variables render as
    string_if_invalid (Django's default ''). {% extends %} and {% include %} work as usual.
  * Static URLs of an output: every HTML attribute value (srcset-like attributes: each
    candidate) and every CSS url(...) / @import "..." that starts with STATIC_URL, in order.
    Relative URLs: the page-relative values of src, href, srcset, poster, data, xlink:href and
    url() (a fix may turn `../static/x.png` into {% static 'x.png' %}).
  * The default StaticFilesStorage: {% static 'x' %} is STATIC_URL + quote(x), no manifest.
  * Deterministic output: random is seeded before each template ({% lorem %}) and {% now %}
    sees a fixed time, so two runs on unchanged templates print the same.
"""

import argparse
import hashlib
import html as html_module
import importlib
import importlib.util
import json
import os
import random
import re
import signal
import subprocess
import sys
import types
import warnings
from urllib.parse import unquote

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CACHE = os.environ.get("DJANGO_CACHE") or os.path.join(REPO, ".cache", "django")
MAX_TEMPLATE_BYTES = 1024 * 1024
EMPTY_URLCONF = "render_corpus_urls"
STUB_FOLDER = "_template_stubs"


def parse_args(argv):
    p = argparse.ArgumentParser(description="Render every template of a corpus project with real Django.")
    p.add_argument("project", help="the project folder (holds project.json)")
    p.add_argument("--django", choices=("3.2", "4.2", "5.2"), help="4.2/5.2: from .cache/django; default: what this Python imports")
    p.add_argument("--settings", help="DJANGO_SETTINGS_MODULE (default: project.json 'settings')")
    p.add_argument("--source-root", help="folder of PROJECT holding the import root (default: project.json 'sourceRoot' or '.')")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds one template may take to render (default 10)")
    p.add_argument("--only", action="append", default=[], metavar="FILE", help="render only this template (path relative to PROJECT; repeatable)")
    p.add_argument("--html", action="store_true", help="also print each output, normalised (\"html\")")
    return p.parse_args(argv)


def reexec_with(version, argv):
    """Runs this script again with .cache/django/<version> first on sys.path, in a clean environment."""
    path = os.path.join(CACHE, version)
    if not os.path.isfile(os.path.join(path, "django", "__init__.py")):
        sys.stderr.write("render_corpus.py: Django %s is not unpacked in %s (bash scripts/django/fetch.sh)\n" % (version, path))
        sys.exit(2)
    env = {"PATH": os.environ.get("PATH") or "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": path}
    args = [a for i, a in enumerate(argv) if a != "--django" and (i == 0 or argv[i - 1] != "--django")]
    r = subprocess.run([sys.executable, "-s", os.path.abspath(__file__)] + args, env=env)
    sys.exit(r.returncode)


# ----------------------------------------------------------------------------- static URLs

ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
TAG = re.compile(r"<[A-Za-z][^\s/>]*(\s[^<>]*?)?/?>", re.S)
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
SRCSET = ("srcset", "imagesrcset", "data-srcset")


URL_ATTRIBUTES = ("src", "href", "srcset", "imagesrcset", "data-srcset", "poster", "data", "xlink:href")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def static_urls(html, static_url):
    """(static, relative): every attribute value and CSS url()/@import target of `html` that
    starts with static_url, and every page-relative URL of a URL attribute or url() (no scheme,
    not starting with '/', '#' or '?'), each in order."""
    static, relative = [], []

    def take(value, url_attribute):
        value = value.strip()
        if static_url and value.startswith(static_url):
            static.append(value)
        elif url_attribute and value and not SCHEME.match(value) and value[0] not in "/#?{" and not value.startswith("//"):
            relative.append(value)

    for tag in TAG.finditer(html):
        for m in ATTRIBUTE.finditer(tag.group(1) or ""):
            name = m.group(1).lower()
            value = next(v for v in m.groups()[1:] if v is not None)
            if name in SRCSET:
                for candidate in value.split(","):
                    parts = candidate.split()
                    if parts:
                        take(parts[0], True)
            else:
                take(value, name in URL_ATTRIBUTES)
    for pattern in (CSS_URL, CSS_IMPORT):
        for m in pattern.finditer(html):
            take(next(v for v in m.groups() if v is not None), True)
    return static, relative


def normalised(html, static_url=""):
    """An output with what a correct {% static %} rewrite may change taken out: percent-escapes
    and HTML character references decoded, quotes inside CSS url() dropped, slashes right after
    STATIC_URL dropped ({{ STATIC_URL }}/x.css prints /static//x.css, the file /static/x.css for
    nginx and django.views.static.serve), each run of whitespace made one space (an inserted
    {% load static %} line leaves a line break)."""
    text = unquote(html_module.unescape(html))
    if static_url:
        text = re.sub(re.escape(static_url) + r"/+", lambda m: static_url, text)
    text = re.sub(r"""url\(\s*(["']?)([^"')]*)\1\s*\)""", r"url(\2)", text)
    return re.sub(r"\s+", " ", text).strip()


# ----------------------------------------------------------------------------- setup


def fake_reverse(viewname, urlconf=None, args=None, kwargs=None, current_app=None):
    parts = [str(viewname)] + [str(a) for a in (args or [])] + ["%s=%s" % kv for kv in sorted((kwargs or {}).items())]
    return "/__url__/" + "/".join(parts) + "/"


def inside(path, folder):
    path = os.path.realpath(path)
    folder = os.path.realpath(folder)
    return path == folder or path.startswith(folder + os.sep)


def importable_from(module, folders):
    """Whether `module` (dotted) is importable and its top package lives in one of `folders`."""
    try:
        spec = importlib.util.find_spec(module.split(".")[0])
    except (ImportError, ValueError):
        return False
    if spec is None:
        return False
    origins = list(spec.submodule_search_locations or []) or [spec.origin or ""]
    return any(inside(o, f) for o in origins for f in folders)


def usable_loaders(loaders, own, replaced):
    """TEMPLATES OPTIONS 'loaders' without the loaders that cannot be imported here (recorded)."""
    out = []
    for loader in loaders:
        name = loader[0] if isinstance(loader, (list, tuple)) else loader
        if not (name.startswith("django.") or importable_from(name, own)):
            replaced["loaders." + name] = None
            continue
        if isinstance(loader, (list, tuple)) and len(loader) > 1 and isinstance(loader[1], (list, tuple)):
            loader = (loader[0], usable_loaders(loader[1], own, replaced), *loader[2:])
        out.append(loader)
    return out


def load_stub(project, label):
    """The stub library module for `label` (PROJECT/_template_stubs/<label>.py), or None."""
    file = os.path.join(project, STUB_FOLDER, label + ".py")
    if not os.path.isfile(file):
        return None
    name = "render_corpus_stub_" + re.sub(r"\W", "_", label)
    if name in sys.modules:
        return name
    spec = importlib.util.spec_from_file_location(name, file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return name


def deterministic():
    """{% lorem random %} and {% now %} give the same output on every run (before and after a fix)."""
    import datetime as dt
    import django.template.defaulttags as defaulttags

    class FixedDatetime(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2024, 1, 2, 3, 4, 5, tzinfo=tz)

    defaulttags.datetime = FixedDatetime


def main(argv):
    args = parse_args(argv[1:])
    if args.django and not os.environ.get("RENDER_CORPUS_CHILD"):
        os.environ["RENDER_CORPUS_CHILD"] = "1"
        reexec_with(args.django, argv[1:])
    project = os.path.abspath(args.project)
    meta = {}
    if os.path.isfile(os.path.join(project, "project.json")):
        with open(os.path.join(project, "project.json"), encoding="utf-8") as f:
            meta = json.load(f)
    settings_module = args.settings or meta.get("settings")
    if not settings_module:
        sys.stderr.write("render_corpus.py: no settings module (project.json 'settings' or --settings)\n")
        return 2
    source = os.path.join(project, args.source_root or meta.get("sourceRoot") or ".")
    source = os.path.normpath(source)

    sys.dont_write_bytecode = True
    warnings.simplefilter("ignore")  # {% csrf_token %} without a request, deprecations
    sys.path.insert(0, source)
    os.chdir(source)
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    for name, value in (meta.get("env") or {}).items():
        os.environ[name] = value

    import django
    import django.urls

    django.urls.reverse = fake_reverse
    urlconf = types.ModuleType(EMPTY_URLCONF)
    urlconf.urlpatterns = []
    sys.modules[EMPTY_URLCONF] = urlconf

    from django.conf import settings

    django_folder = os.path.dirname(os.path.dirname(django.__file__))
    own = [project]
    removed = []
    apps = []
    for entry in settings.INSTALLED_APPS:
        if entry.startswith("django.") or importable_from(entry, own):
            apps.append(entry)
        else:
            removed.append(entry)
    settings.INSTALLED_APPS = apps
    settings.ROOT_URLCONF = EMPTY_URLCONF
    try:
        secret = settings.SECRET_KEY
    except Exception:  # Django 3.2 raises on an empty SECRET_KEY
        secret = ""
    if not secret:
        settings.SECRET_KEY = "render-corpus-" + "x" * 50

    # OPTIONS libraries / builtins that name what is not importable here: their stub, or nothing.
    replaced = {}
    templates = []
    for engine in settings.TEMPLATES:
        engine = dict(engine)
        options = dict(engine.get("OPTIONS") or {})
        if engine.get("BACKEND") == "django.template.backends.django.DjangoTemplates":
            libraries = {}
            for label, module in (options.get("libraries") or {}).items():
                if module.startswith("django.") or importable_from(module, own):
                    libraries[label] = module
                else:
                    stub = load_stub(project, label)
                    replaced["libraries." + label] = stub and "%s/%s.py" % (STUB_FOLDER, label)
                    if stub:
                        libraries[label] = stub
            if "libraries" in options:
                options["libraries"] = libraries
            builtins = []
            for module in options.get("builtins") or []:
                if module.startswith("django.") or importable_from(module, own):
                    builtins.append(module)
                else:
                    label = module.rsplit(".", 1)[-1]
                    stub = load_stub(project, label)
                    replaced["builtins." + module] = stub and "%s/%s.py" % (STUB_FOLDER, label)
                    if stub:
                        builtins.append(stub)
            if "builtins" in options:
                options["builtins"] = builtins
            if "loaders" in options:
                options["loaders"] = usable_loaders(options["loaders"], own, replaced)
        engine["OPTIONS"] = options
        templates.append(engine)
    settings.TEMPLATES = templates

    django.setup()
    deterministic()

    from django.template import engines
    from django.template.backends.django import DjangoTemplates
    static_url = settings.STATIC_URL or ""
    if static_url and not re.match(r"^([a-z][a-z0-9+.-]*:)?/", static_url):
        static_url = "/" + static_url  # Django 3.1+ prefixes a relative STATIC_URL with the script prefix

    stub_libraries = []
    stub_dir = os.path.join(project, STUB_FOLDER)
    out = {}
    for backend in engines.all():
        if not isinstance(backend, DjangoTemplates):
            continue
        engine = backend.engine
        if os.path.isdir(stub_dir):
            for file in sorted(os.listdir(stub_dir)):
                label = file[:-3]
                if file.endswith(".py") and label not in engine.template_libraries:
                    engine.template_libraries[label] = importlib.import_module(load_stub(project, label)).register
                    if label not in stub_libraries:
                        stub_libraries.append(label)
        context = {}
        processors = set(engine.context_processors)
        if "django.template.context_processors.static" in processors:
            context["STATIC_URL"] = settings.STATIC_URL
        if "django.template.context_processors.media" in processors:
            context["MEDIA_URL"] = settings.MEDIA_URL
        context.update(meta.get("context") or {})

        folders = []
        for loader in engine.template_loaders:
            for inner in getattr(loader, "loaders", [loader]):
                for folder in inner.get_dirs():
                    folder = os.path.realpath(str(folder))
                    if inside(folder, project) and folder not in folders:
                        folders.append(folder)
        for folder in folders:
            for root, dirs, files in os.walk(folder):
                dirs.sort()
                for file in sorted(files):
                    path = os.path.join(root, file)
                    rel = os.path.relpath(path, project)
                    if rel in out or not is_template_file(rel, os.path.getsize(path)):
                        continue
                    if args.only and rel not in args.only:
                        continue
                    try:
                        with open(path, encoding="utf-8") as f:
                            f.read()
                    except (UnicodeDecodeError, OSError):
                        continue
                    name = os.path.relpath(path, folder).replace(os.sep, "/")
                    out[rel] = render_one(engine, name, path, context, static_url, args.timeout, args.html)

    print(json.dumps({
        "django": django.get_version(),
        "settings": settings_module,
        "staticUrl": static_url,
        "removedApps": removed,
        "stubLibraries": sorted(stub_libraries),
        "replacedLibraries": replaced,
        "templates": out,
    }, indent=1, sort_keys=True))
    return 0


def is_template_file(rel, size):
    """Files of a template folder that are rendered: not empty (the corpus' static placeholders), not
    Python, not the corpus' own files, at most 1 MB."""
    if size == 0 or size > MAX_TEMPLATE_BYTES or rel.endswith((".py", ".pyc")):
        return False
    return rel != "project.json" and not rel.startswith(STUB_FOLDER + os.sep)


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout("rendering took longer than the time limit")


def origins_before(engine, name, path):
    """The origins the engine tries for `name` before the file `path`, and whether it tries `path` at all."""
    before = []
    inner = [i for loader in engine.template_loaders for i in getattr(loader, "loaders", [loader])]
    for loader in inner:
        try:
            origins = list(loader.get_template_sources(name))
        except Exception:  # a loader that does not take this kind of name (app_label:template)
            continue
        for origin in origins:
            if os.path.realpath(origin.name) == os.path.realpath(path):
                return before, True
            if os.path.isfile(origin.name):
                before.append(origin)
    return before, False


def render_one(engine, name, path, context, static_url, timeout, with_html=False):
    """Renders the template file `path`, known to the engine as `name`."""
    from django.template.context import Context

    result = {"name": name}
    skip, reached = origins_before(engine, name, path)
    if not reached:
        result.update(ok=False, error="Unreachable: no loader of the engine reads this file as %r" % name)
        return result
    random.seed(0)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        template, origin = engine.find_template(name, skip=skip or None)
        html = template.render(Context(dict(context), autoescape=engine.autoescape))
        text = normalised(html, static_url)
        static, relative = static_urls(html, static_url)
        result.update(ok=True, urls=static, relative=relative, digest=hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest())
        if with_html:
            result["html"] = text
    except BaseException as error:  # the test compares the class and the message
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
        message = str(error).strip().splitlines()[0] if str(error).strip() else ""
        result.update(ok=False, error="%s: %s" % (type(error).__name__, message[:500]))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return result


if __name__ == "__main__":
    sys.exit(main(sys.argv))
