#!/usr/bin/python3
"""How the template corpus was laid out: one project from a git mirror at one commit.

    /usr/bin/python3 test/corpus/templates/make_corpus.py SLUG [SLUG...]     (or: all)

Reads the project's entry in projects.json (beside this file) and the repository's git directory
(/work/.mirror/<owner>+<name>/repo, brought by the library's `fetch`; MIRRORS overrides), then
writes test/corpus/templates/<slug>/:

  * every file under `templateDirs`, byte for byte;
  * for each folder of `apps` (the project's own INSTALLED_APPS packages): `__init__.py` and
    `apps.py` (verbatim when they import only Django and the standard library, else an empty
    `__init__.py` / a minimal AppConfig with the same name and label), and every
    `templatetags/*.py`: verbatim when it imports only Django, the standard library and other
    verbatim modules of the same package; otherwise a stub that registers the same tag and
    filter names (found in the module's source) with trivial implementations;
  * `_template_stubs/<library>.py` for each library the templates {% load %} that neither
    Django nor the project provides (third-party apps): the tags and filters the templates use
    after loading it, with trivial implementations;
  * `builtinStubs` ({label: why}): empty stubs for third-party OPTIONS 'builtins' modules;
  * every file under `staticDirs` whose static path or file name appears in a template (every
    file when the folder has at most 400), as an EMPTY file at the same path;
  * `tagModules` ({label: file}): template tag modules outside templatetags/ (TEMPLATES OPTIONS
    'libraries'), verbatim or stubbed by the same rule;
  * `extraFiles` verbatim (manage.py);
  * project.json: the entry, plus what was kept verbatim and what was stubbed.

The settings module (`settingsFile`, and any other `handWritten` file) is written by hand from the
repository's settings (reduced to TEMPLATES, INSTALLED_APPS, STATIC_URL, STATICFILES_DIRS,
STATIC_ROOT, MEDIA_URL); everything else in the project's folder is removed and made again.
"""

import ast
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MIRRORS = os.environ.get("MIRRORS", "/work/.mirror")
STUB_FOLDER = "_template_stubs"
MAX_ALL_STATIC = 400

# Tags and filters of Django's own libraries (Django 3.2; the names are the same in 4.2/5.2
# except those added later, which no corpus template uses before loading them).
DJANGO_BUILTIN_TAGS = set(
    "autoescape block comment csrf_token cycle debug extends filter firstof for if ifchanged ifequal ifnotequal include load lorem now regroup resetcycle spaceless templatetag url verbatim widthratio with".split()
)
DJANGO_LIBRARIES = {
    "cache": {"tags": ["cache"], "filters": []},
    "i18n": {"tags": ["blocktrans", "blocktranslate", "get_available_languages", "get_current_language", "get_current_language_bidi", "get_language_info", "get_language_info_list", "language", "trans", "translate"], "filters": ["language_bidi", "language_name", "language_name_local", "language_name_translated"]},
    "l10n": {"tags": ["localize"], "filters": ["localize", "unlocalize"]},
    "static": {"tags": ["get_media_prefix", "get_static_prefix", "static"], "filters": []},
    "tz": {"tags": ["get_current_timezone", "localtime", "timezone"], "filters": ["localtime", "timezone", "utc"]},
    "admin_list": {"tags": ["admin_actions", "admin_list_filter", "change_list_object_tools", "date_hierarchy", "pagination", "result_list", "search_form"], "filters": ["paginator_number"]},
    "admin_modify": {"tags": ["change_form_object_tools", "prepopulated_fields_js", "submit_row"], "filters": ["cell_count"]},
    "admin_urls": {"tags": ["add_preserved_filters"], "filters": ["admin_urlname", "admin_urlquote"]},
    "log": {"tags": ["get_admin_log"], "filters": []},
    "humanize": {"tags": [], "filters": ["apnumber", "intcomma", "intword", "naturalday", "naturaltime", "ordinal"]},
    "flatpages": {"tags": ["get_flatpages"], "filters": []},
    # Removed in Django 3.0: DJD204 targets them; no stub may hide that.
    "staticfiles": None,
    "admin_static": None,
}

STDLIB = set(sys.stdlib_module_names) | {"__future__"}


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True).stdout


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


# ----------------------------------------------------------------------------- modules


def imports_of(tree):
    """(absolute module names, relative module names) a module imports."""
    absolute, relative = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            absolute.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if node.module:
                    relative.add((node.level, node.module))
                else:
                    relative.update((node.level, a.name) for a in node.names)
            else:
                absolute.add(node.module or "")
    return absolute, relative


def only_django(absolute):
    return all(m.split(".")[0] in STDLIB or m == "django" or m.startswith("django.") for m in absolute)


def const(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def keyword(call, name):
    for k in call.keywords:
        if k.arg == name:
            return const(k.value)
    return None


def parse_stops(func):
    """String constants inside parser.parse((...)) calls of a compile function: its stop tags."""
    stops = []
    for node in ast.walk(func):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "parse" and node.args:
            for element in ast.walk(node.args[0]):
                value = const(element)
                if value and value not in stops:
                    stops.append(value)
        # Block tags that read until an end tag by hand: token.contents == 'endx'.
        if isinstance(node, ast.Compare):
            for element in [node.left, *node.comparators]:
                value = const(element)
                if value and value.startswith("end") and re.fullmatch(r"end\w+", value) and value not in stops:
                    stops.append(value)
    return stops


def registrations(source):
    """The names a templatetags module registers: {'filters': [...], 'simple': [...], 'tags': {name: stops}}."""
    tree = ast.parse(source)
    functions = {n.name: n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    out = {"filters": [], "simple": [], "tags": {}}

    def add(kind, name, func=None):
        if not name:
            return
        if kind == "filter":
            if name not in out["filters"]:
                out["filters"].append(name)
        elif kind in ("simple_tag", "inclusion_tag", "assignment_tag"):
            if name not in out["simple"]:
                out["simple"].append(name)
        elif kind == "tag":
            out["tags"][name] = parse_stops(func) if func is not None else []
        elif kind == "simple_block_tag":
            out["tags"][name] = [keyword_end.get(name) or "end" + name]

    keyword_end = {}

    def registry_call(node):
        """'filter' for register.filter / register.filter(...), etc."""
        target = node.func if isinstance(node, ast.Call) else node
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "register":
            return target.attr
        return None

    for func in functions.values():
        for deco in func.decorator_list:
            kind = registry_call(deco)
            if not kind:
                continue
            name = func.name
            if isinstance(deco, ast.Call):
                if deco.args and const(deco.args[0]) and kind in ("filter", "tag"):
                    name = const(deco.args[0])
                name = keyword(deco, "name") or name
                if kind == "simple_block_tag" and keyword(deco, "end_name"):
                    keyword_end[name] = keyword(deco, "end_name")
            add(kind, name, func)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        kind = registry_call(node)
        if kind in ("filter", "tag") and len(node.args) == 2:
            name = const(node.args[0])
            ref = node.args[1]
            func = functions.get(ref.id) if isinstance(ref, ast.Name) else None
            add(kind, name, func)
        elif kind in ("filter", "tag", "simple_tag") and len(node.args) == 1 and isinstance(node.args[0], ast.Name) and not const(node.args[0]):
            func = functions.get(node.args[0].id)
            add(kind, keyword(node, "name") or node.args[0].id, func)
    # register.inclusion_tag('x.html')(func) / register.filter('name')(func)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Call):
            kind = registry_call(node.func)
            if kind and node.args and isinstance(node.args[0], ast.Name):
                name = keyword(node.func, "name") or (const(node.func.args[0]) if kind in ("filter", "tag") and node.func.args else None) or node.args[0].id
                add(kind, name, functions.get(node.args[0].id))
    return out


STUB_HEADER = '''"""Stub template library for the template corpus (test/corpus/templates/README.md).

{what}
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

'''


def stub_source(what, regs):
    lines = [STUB_HEADER.format(what=what)]
    for name in regs["filters"]:
        lines.append("register.filter(%r, _same)" % name)
    for name in regs["simple"]:
        lines.append("register.simple_tag(_empty, name=%r)" % name)
    for name, stops in regs["tags"].items():
        ends = [s for s in stops if s.startswith("end")]
        if ends:
            lines.append("register.tag(%r, _block(%r))" % (name, tuple(stops)))
        else:
            lines.append("register.tag(%r, _tag)" % name)
    return "\n".join(lines) + "\n"


def summary(regs):
    return {
        "filters": sorted(regs["filters"]),
        "simpleTags": sorted(regs["simple"]),
        "tags": sorted(n for n, s in regs["tags"].items() if not any(x.startswith("end") for x in s)),
        "blockTags": sorted(n for n, s in regs["tags"].items() if any(x.startswith("end") for x in s)),
    }


# ----------------------------------------------------------------------------- templates

LOAD = re.compile(r"\{%\s*load\s+(.*?)\s*%\}")
TAG = re.compile(r"\{%-?\s*(\w+)")
FILTER = re.compile(r"\|\s*(\w+)")
VAR_OR_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


def loaded(text):
    out = []
    for m in LOAD.finditer(text):
        words = m.group(1).split()
        if "from" in words:
            words = words[words.index("from") + 1:]
        out.extend(words)
    return out


def used_names(text):
    tags, filters = set(), set()
    for m in VAR_OR_TAG.finditer(text):
        token = m.group(0)
        if token.startswith("{%"):
            t = TAG.match(token)
            if t:
                tags.add(t.group(1))
        for f in FILTER.finditer(re.sub(r"(\"[^\"]*\"|'[^']*')", "", token)):
            filters.add(f.group(1))
    return tags, filters


# ----------------------------------------------------------------------------- one project


def make(slug, entry):
    repo = os.path.join(MIRRORS, entry["repository"].replace("/", "+"), "repo")
    commit = entry["commit"]
    out = os.path.join(HERE, slug)
    files = git(repo, "ls-tree", "-r", "--name-only", commit).decode().splitlines()
    # Start from nothing but the hand-written files (the settings module, `handWritten`).
    keep = {entry["settingsFile"], *entry.get("handWritten", [])}
    if os.path.isdir(out):
        for root, dirs, names in os.walk(out, topdown=False):
            for name in names:
                path = os.path.join(root, name)
                if os.path.relpath(path, out) not in keep:
                    os.remove(path)
            if root != out and not os.listdir(root):
                os.rmdir(root)
    show = lambda path: git(repo, "show", "%s:%s" % (commit, path))
    record = {"verbatim": [], "replaced": [], "stubs": [], "thirdPartyStubs": [], "staticPlaceholders": 0, "templates": 0}

    # Templates, verbatim.
    texts = {}
    for folder in entry["templateDirs"]:
        for path in files:
            if path.startswith(folder.rstrip("/") + "/"):
                data = show(path)
                write(os.path.join(out, path), data)
                record["templates"] += 1
                try:
                    texts[path] = data.decode("utf-8")
                except UnicodeDecodeError:
                    pass

    for path in entry.get("extraFiles", []):
        write(os.path.join(out, path), show(path))
        record["verbatim"].append(path)

    # The project's apps: packages, AppConfigs, template tag libraries.
    provided = {}
    for app in entry["apps"]:
        init = app + "/__init__.py"
        if init in files:
            source = show(init)
            absolute, relative = imports_of(ast.parse(source))
            if only_django(absolute) and not relative:
                write(os.path.join(out, init), source)
                record["verbatim"].append(init)
            else:
                write(os.path.join(out, init), b"")
                record["replaced"].append({"file": init, "by": "an empty __init__.py", "why": "imports %s" % ", ".join(sorted(absolute | {"." * l + m for l, m in relative}))})
        else:
            write(os.path.join(out, init), b"")
            record["replaced"].append({"file": init, "by": "an empty __init__.py", "why": "a namespace package in the repository"})
        apps_py = app + "/apps.py"
        if apps_py in files:
            source = show(apps_py)
            tree = ast.parse(source)
            absolute, relative = imports_of(tree)
            if only_django(absolute) and not relative:
                write(os.path.join(out, apps_py), source)
                record["verbatim"].append(apps_py)
            else:
                configs = []
                for node in tree.body:
                    if isinstance(node, ast.ClassDef):
                        attrs = {}
                        for stmt in node.body:
                            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) and const(stmt.value) is not None:
                                if stmt.targets[0].id in ("name", "label", "verbose_name", "default_auto_field"):
                                    attrs[stmt.targets[0].id] = const(stmt.value)
                        configs.append((node.name, attrs))
                body = "from django.apps import AppConfig\n"
                for name, attrs in configs:
                    body += "\n\nclass %s(AppConfig):\n" % name + "".join("    %s = %r\n" % kv for kv in attrs.items()) + ("    pass\n" if not attrs else "")
                write(os.path.join(out, apps_py), body.encode())
                record["replaced"].append({"file": apps_py, "by": "the same AppConfig classes with only name/label/verbose_name", "why": "imports %s" % ", ".join(sorted(absolute | {"." * l + m for l, m in relative}))})
        tags_dir = app + "/templatetags/"
        modules = [p for p in files if p.startswith(tags_dir) and p.endswith(".py") and "/tests" not in p]
        verdict = {}
        parsed = {}
        for path in modules:
            source = show(path)
            parsed[path] = source
            absolute, relative = imports_of(ast.parse(source))
            verdict[path] = (only_django(absolute), relative)
        # Relative imports: verbatim only when every target in the package is verbatim too.
        changed = True
        keep = {p for p, (ok, _) in verdict.items() if ok}
        while changed:
            changed = False
            for path in sorted(keep):
                for level, module in verdict[path][1]:
                    base = os.path.dirname(path)
                    for _ in range(level - 1):
                        base = os.path.dirname(base)
                    target = os.path.join(base, *module.split("."))
                    if not (target + ".py" in keep or target + "/__init__.py" in keep):
                        keep.discard(path)
                        changed = True
                        break
        for path in sorted(modules):
            source = parsed[path]
            label = os.path.basename(path)[:-3]
            if path in keep:
                write(os.path.join(out, path), source)
                record["verbatim"].append(path)
                if label != "__init__":
                    provided[label] = registrations(source.decode())
            elif label == "__init__":
                write(os.path.join(out, path), b"")
                record["replaced"].append({"file": path, "by": "an empty __init__.py", "why": "imports a stubbed module"})
            else:
                regs = registrations(source.decode())
                absolute, relative = imports_of(ast.parse(source))
                why = sorted(m for m in absolute if not (m.split(".")[0] in STDLIB or m.startswith("django"))) + ["." * l + m for l, m in sorted(relative)]
                what = "Stands for %s of %s@%s, which imports %s." % (path, entry["repository"], commit[:12], ", ".join(why))
                write(os.path.join(out, path), stub_source(what, regs).encode())
                provided[label] = regs
                record["stubs"].append({"file": path, "imports": why, **summary(regs)})
        # Template tag packages need their __init__.py.
        for path in modules:
            pkg_init = os.path.join(os.path.dirname(path), "__init__.py")
            if not os.path.exists(os.path.join(out, pkg_init)):
                write(os.path.join(out, pkg_init), b"")

    # Template tag libraries outside an app's templatetags/ (OPTIONS 'libraries' modules).
    for label, path in entry.get("tagModules", {}).items():
        source = show(path)
        absolute, relative = imports_of(ast.parse(source))
        if only_django(absolute) and not relative:
            write(os.path.join(out, path), source)
            record["verbatim"].append(path)
            provided[label] = registrations(source.decode())
        else:
            regs = registrations(source.decode())
            why = sorted(m for m in absolute if not (m.split(".")[0] in STDLIB or m.startswith("django"))) + ["." * l + m for l, m in sorted(relative)]
            what = "Stands for %s of %s@%s, which imports %s." % (path, entry["repository"], commit[:12], ", ".join(why))
            write(os.path.join(out, path), stub_source(what, regs).encode())
            provided[label] = regs
            record["stubs"].append({"file": path, "imports": why, **summary(regs)})

    # Libraries loaded but provided by nobody: third-party stubs from what the templates use.
    django_names = set(DJANGO_BUILTIN_TAGS)
    for lib in DJANGO_LIBRARIES.values():
        if lib:
            django_names.update(lib["tags"])
    known_filters = set()
    for lib in DJANGO_LIBRARIES.values():
        if lib:
            known_filters.update(lib["filters"])
    for regs in provided.values():
        django_names.update(regs["simple"])
        django_names.update(regs["tags"])
        known_filters.update(regs["filters"])
    builtin_filters = set("add addslashes capfirst center cut date default default_if_none dictsort dictsortreversed divisibleby escape escapejs escapeseq filesizeformat first floatformat force_escape get_digit iriencode join json_script last length length_is linebreaks linebreaksbr linenumbers ljust lower make_list phone2numeric pluralize pprint random rjust safe safeseq slice slugify stringformat striptags time timesince timeuntil title truncatechars truncatechars_html truncatewords truncatewords_html unordered_list upper urlencode urlize urlizetrunc wordcount wordwrap yesno".split())
    known_filters |= builtin_filters
    unknown_libs = {}
    for path, text in texts.items():
        libs = [l for l in loaded(text) if l not in DJANGO_LIBRARIES and l not in provided]
        if not libs:
            continue
        tags, filters = used_names(text)
        end_tags = {t for t in tags if t.startswith("end")}
        for lib in libs:
            entry_lib = unknown_libs.setdefault(lib, {"filters": [], "simple": [], "tags": {}})
            for t in sorted(tags):
                if t in django_names or t.startswith("end") or t in ("else", "elif", "empty", "plural"):
                    continue
                if "end" + t in end_tags:
                    entry_lib["tags"][t] = ["else", "empty", "end" + t]
                elif t not in entry_lib["tags"] and t not in entry_lib["simple"]:
                    entry_lib["simple"].append(t)
            for f in sorted(filters):
                if f not in known_filters and f not in entry_lib["filters"]:
                    entry_lib["filters"].append(f)
    for lib, regs in sorted(unknown_libs.items()):
        what = "Stands for the third-party library {%% load %s %%} of %s@%s (not installed for the corpus)." % (lib, entry["repository"], commit[:12])
        write(os.path.join(out, STUB_FOLDER, lib + ".py"), stub_source(what, regs).encode())
        record["thirdPartyStubs"].append({"library": lib, "file": "%s/%s.py" % (STUB_FOLDER, lib), **summary(regs)})

    # Third-party libraries named in TEMPLATES OPTIONS 'builtins': stubs registering nothing.
    for label, why in entry.get("builtinStubs", {}).items():
        what = "Stands for the third-party builtin library %s of %s@%s: %s" % (label, entry["repository"], commit[:12], why)
        write(os.path.join(out, STUB_FOLDER, label + ".py"), stub_source(what, {"filters": [], "simple": [], "tags": {}}).encode())
        record["thirdPartyStubs"].append({"library": label, "file": "%s/%s.py" % (STUB_FOLDER, label), "builtin": True, "filters": [], "simpleTags": [], "tags": [], "blockTags": []})

    # Static files: empty placeholders at the same paths.
    corpus_text = "\n".join(texts.values())
    for folder, prefix in entry.get("staticDirs", []):
        inside = [p for p in files if p.startswith(folder.rstrip("/") + "/")]
        keep_all = len(inside) <= MAX_ALL_STATIC
        for path in inside:
            rel = path[len(folder.rstrip("/")) + 1:]
            static_path = (prefix + "/" + rel) if prefix else rel
            if keep_all or static_path in corpus_text or os.path.basename(rel) in corpus_text:
                write(os.path.join(out, path), b"")
                record["staticPlaceholders"] += 1

    meta = {k: v for k, v in entry.items()}
    meta.update(record)
    with open(os.path.join(out, "project.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    return record


def main(argv):
    with open(os.path.join(HERE, "projects.json"), encoding="utf-8") as f:
        projects = json.load(f)
    slugs = list(projects) if argv[1:] == ["all"] else argv[1:]
    for slug in slugs:
        r = make(slug, projects[slug])
        print("%s: %d templates, %d verbatim, %d replaced, %d stubs, %d third-party stubs, %d static placeholders" % (slug, r["templates"], len(r["verbatim"]), len(r["replaced"]), len(r["stubs"]), len(r["thirdPartyStubs"]), r["staticPlaceholders"]))


if __name__ == "__main__":
    main(sys.argv)
