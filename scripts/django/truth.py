#!/usr/bin/python3
"""The truth harness: what real `manage.py check --deploy` reports for one settings module.

    /usr/bin/python3 scripts/django/truth.py --root DIR --settings DOTTED.MODULE
        [--django 3.2|4.2|5.2] [--env NAME=VALUE ...] [--source-root SUBDIR] [--timeout SECONDS]
        [--show SETTING ...]

prints one JSON object on stdout:

    {"django": "4.2.30", "settings": "mysite.settings",
     "outcome": "checked" | "load-error" | "setup-error" | "check-crash",
     "ids": [...], "messages": [{"id", "level", "msg", "hint", "obj"}],
     "error": "ExcType: message", "traceback": "...",       (only when not checked)
     "stubbed": [...], "stubValues": [...], "removedApps": [...], "replaced": {SETTING: repr},
     "values": {SETTING: repr}}                                 (only with --show)

Exit status 0 whenever a JSON object was printed (whatever the outcome); 2 when the harness
itself could not run (bad arguments, the requested Django is not available).

How (see scripts/django/README.md for the reasons and every place a stub can change a value):
  1. DIR is copied to a temporary folder (settings modules may write files); the copy is removed
     at the end. Paths of the copy are written back as DIR's in the output.
  2. The work runs in a child Python with a clean environment: PATH, LANG=C.UTF-8, HOME=<temp>,
     PYTHONDONTWRITEBYTECODE=1, PYTHONPATH=<source root>[:.cache/django/<version>],
     DJANGO_SETTINGS_MODULE and the --env pairs; nothing else of the caller's environment.
     cwd is the source root and sys.path[0] is the source root, as for `python manage.py`;
     sys.argv is ['manage.py', 'check', '--deploy'].
  3. A stub import hook, last on sys.meta_path, turns imports that exist nowhere into stub
     modules, but only imports made from the project's own files and not guarded by an
     `except ImportError` (or broader) clause.
  4. settings.INSTALLED_APPS is read (load-error on any exception). Settings whose value holds a
     stub are listed. Then what exists nowhere here is taken out of what Django imports by name:
     INSTALLED_APPS entries of stubbed or missing modules are removed; a stubbed or missing
     ROOT_URLCONF becomes an empty urls module; an AUTH_USER_MODEL of a removed app becomes
     auth.User; a LOGGING naming missing classes turns logging configuration off; missing
     finders, template engines and libraries are dropped, missing cache backends become
     DummyCache, a missing CSRF_FAILURE_VIEW or exception reporter becomes Django's (README.md).
  5. django.setup() (setup-error), then the checks exactly as the version's
     `manage.py check --deploy` runs them (check-crash on any exception).
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CACHE = os.environ.get("DJANGO_CACHE") or os.path.join(REPO, ".cache", "django")
VERSIONS = ("3.2", "4.2", "5.2")
STUB_MARKER = "django-deploy-stub"
EMPTY_URLCONF = "django_deploy_truth_urls"
# What the child may pass on to the project, besides --env: nothing else of the caller's.
DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin"


# ====================================================================== parent


def fail(message):
    sys.stderr.write("truth.py: %s\n" % message)
    sys.exit(2)


def parse_args(argv):
    p = argparse.ArgumentParser(description="Run real Django check --deploy on a settings module, safely.")
    p.add_argument("--root", required=True, help="the project folder (copied, never changed)")
    p.add_argument("--settings", required=True, help="DJANGO_SETTINGS_MODULE")
    p.add_argument("--django", choices=VERSIONS, help="3.2: Debian's python3-django; 4.2/5.2: .cache/django (fetch.sh). Default: what this Python imports")
    p.add_argument("--env", action="append", default=[], metavar="NAME=VALUE", help="an environment variable for the project (repeatable)")
    p.add_argument("--source-root", default="", help="folder of DIR holding manage.py (the import root); default DIR")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds before the child is killed (default 60)")
    p.add_argument("--show", action="append", default=[], metavar="SETTING", help="also print repr() of this setting as loaded (repeatable): \"values\"")
    return p.parse_args(argv)


def copy_project(root, dest):
    """Copies root to dest keeping symlinks; a relative link that pointed outside root is made
    absolute, so it still reaches what it reached from the original place."""
    shutil.copytree(root, dest, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    real_root = os.path.realpath(root)
    for folder, dirs, files in os.walk(dest):
        for name in dirs + files:
            link = os.path.join(folder, name)
            if not os.path.islink(link):
                continue
            target = os.readlink(link)
            if os.path.isabs(target):
                continue
            original = os.path.join(real_root, os.path.relpath(folder, dest), target)
            resolved = os.path.realpath(original)
            if resolved != real_root and not resolved.startswith(real_root + os.sep):
                os.unlink(link)
                os.symlink(resolved, link)


def child_environment(args, source, home, extra_path):
    env = {
        "PATH": os.environ.get("PATH") or DEFAULT_PATH,
        "LANG": "C.UTF-8",
        "HOME": home,
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": os.pathsep.join([source] + extra_path),
        "DJANGO_SETTINGS_MODULE": args.settings,
    }
    for pair in args.env:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            fail("--env wants NAME=VALUE, got %r" % pair)
        env[name] = value
    return env


PHASE_OUTCOME = {"start": "load-error", "load": "load-error", "setup": "setup-error", "check": "check-crash"}
PHASE_WHAT = {"start": "starting", "load": "loading the settings", "setup": "in django.setup()", "check": "running the checks"}


def run_child(args, tmp, project, source, extra_path):
    work = os.path.join(tmp, "harness")
    home = os.path.join(tmp, "home")
    os.makedirs(work)
    os.makedirs(home)
    config = {
        "project": project,
        "source": source,
        "settings": args.settings,
        "work": work,
        "result": os.path.join(work, "result.json"),
        "phase": os.path.join(work, "phase"),
        "expect": args.django,
        "show": args.show,
    }
    config_file = os.path.join(work, "config.json")
    with open(config_file, "w", encoding="utf-8") as f:
        json.dump(config, f)
    env = child_environment(args, source, home, extra_path)
    # -s: no user site-packages (HOME is empty anyway).
    proc = subprocess.Popen(
        [sys.executable, "-s", os.path.abspath(__file__), "--child", config_file],
        cwd=source,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    timed_out = False
    try:
        out, err = proc.communicate(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
    # Whatever the project started in the background goes too.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass

    result = None
    if os.path.exists(config["result"]):
        with open(config["result"], encoding="utf-8") as f:
            result = json.load(f)
    if result is not None and "harnessError" in result:
        fail(result["harnessError"])
    if result is None or timed_out:
        phase = "start"
        if os.path.exists(config["phase"]):
            with open(config["phase"], encoding="utf-8") as f:
                phase = f.read().strip() or "start"
        partial = {}
        if os.path.exists(config["phase"] + ".json"):
            with open(config["phase"] + ".json", encoding="utf-8") as f:
                partial = json.load(f)
        if timed_out:
            error = "Timeout: no result after %g s (%s)" % (args.timeout, PHASE_WHAT.get(phase, phase))
        else:
            tail = (err or b"").decode("utf-8", "replace").strip().splitlines()[-5:]
            error = "ChildExited: the Python process ended with status %s %s without a result%s" % (
                proc.returncode,
                PHASE_WHAT.get(phase, phase),
                (": " + " | ".join(tail)) if tail else "",
            )
        result = {
            "django": partial.get("django"),
            "settings": args.settings,
            "outcome": PHASE_OUTCOME.get(phase, "load-error"),
            "ids": [],
            "messages": [],
            "error": error,
            "stubbed": partial.get("stubbed", []),
            "stubValues": partial.get("stubValues", []),
            "removedApps": partial.get("removedApps", []),
            "replaced": partial.get("replaced", {}),
        }
    return result


def restore_paths(value, copies, original):
    """Writes the temporary copy's paths back as the original project's."""
    if isinstance(value, str):
        for copy in copies:
            value = value.replace(copy, original)
        return value
    if isinstance(value, list):
        return [restore_paths(v, copies, original) for v in value]
    if isinstance(value, dict):
        return {k: restore_paths(v, copies, original) for k, v in value.items()}
    return value


def main(argv):
    args = parse_args(argv)
    root = os.path.abspath(args.root)
    if not os.path.isdir(root):
        fail("--root %s is not a folder" % root)
    extra_path = []
    if args.django in ("4.2", "5.2"):
        folder = os.path.join(CACHE, args.django)
        if not os.path.isfile(os.path.join(folder, "django", "__init__.py")):
            fail("Django %s is not unpacked in %s (run: bash scripts/django/fetch.sh)" % (args.django, folder))
        extra_path.append(folder)
    tmp = tempfile.mkdtemp(prefix="django-truth-")
    try:
        project = os.path.join(tmp, "copy", os.path.basename(root.rstrip(os.sep)) or "project")
        copy_project(root, project)
        source = os.path.normpath(os.path.join(project, args.source_root))
        if not os.path.isdir(source) or not (source == project or source.startswith(project + os.sep)):
            fail("--source-root %s is not a folder of %s" % (args.source_root, root))
        result = run_child(args, tmp, project, source, extra_path)
        copies = sorted({project, os.path.realpath(project)}, key=len, reverse=True)
        result = restore_paths(result, copies, root)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.stdout.write(json.dumps(result, indent=None, sort_keys=False) + "\n")
    return 0


# ====================================================================== child
#
# Everything below runs in the child process, before and around the project's code. It imports
# only the standard library until Django is imported on purpose.


class Stub:
    """A stand-in for anything read from a module that does not exist here.

    Callable, any attribute, indexing, iteration yields nothing, truthy, usable as a base class,
    usable where a path is expected; str() names it ('django-deploy-stub:pkg.attr')."""

    __slots__ = ("_stub_name",)

    def __init__(self, name="stub"):
        object.__setattr__(self, "_stub_name", name)

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return Stub("%s.%s" % (self._stub_name, attr))

    def __setattr__(self, attr, value):
        pass

    def __call__(self, *args, **kwargs):
        return Stub("%s()" % self._stub_name)

    def __getitem__(self, key):
        return Stub("%s[]" % self._stub_name)

    def __setitem__(self, key, value):
        pass

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    def __bool__(self):
        return True

    def __contains__(self, item):
        return False

    def __mro_entries__(self, bases):
        return (StubBase,)

    def __str__(self):
        return "%s:%s" % (STUB_MARKER, self._stub_name)

    def __repr__(self):
        return "<%s>" % self.__str__()

    def __fspath__(self):
        return self.__str__()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return id(self)

    def _stub_op(self, *other):
        return Stub("%s(op)" % self._stub_name)

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _stub_op
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _stub_op
    __or__ = __ror__ = __and__ = __rand__ = __neg__ = __pos__ = _stub_op


class StubBase:
    """The base a class gets when it derives from a Stub (class Foo(stubbed.Base): ...)."""

    def __init__(self, *args, **kwargs):
        pass

    def __getattr__(self, attr):
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return Stub("%s.%s" % (type(self).__name__, attr))


def guarded_by_except(frame):
    """Whether the instruction a frame is at lies in a `try` whose `except` catches ImportError
    (ImportError, ModuleNotFoundError, Exception, BaseException, or a bare except), or in a
    `with suppress(ImportError)` block. Python 3.11+ exception tables; on anything unexpected,
    False."""
    import dis

    catching = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}
    code, lasti = frame.f_code, frame.f_lasti
    try:
        entries = list(dis._parse_exception_table(code))
        instructions = list(dis.get_instructions(code))
    except Exception:
        return False
    by_offset = {ins.offset: i for i, ins in enumerate(instructions)}
    for entry in entries:
        if not (entry.start <= lasti < entry.end):
            continue
        i = by_offset.get(entry.target)
        if i is None or instructions[i].opname != "PUSH_EXC_INFO":
            continue  # a cleanup handler (re-raises), not a try
        following = instructions[i + 1 : i + 400]
        if following and following[0].opname == "WITH_EXCEPT_START":
            # A `with` block: guarded only by `with suppress(ImportError, ...)` (contextlib).
            start = by_offset.get(entry.start)
            if start is None:
                continue
            before = instructions[max(0, start - 16) : start]
            with_at = [k for k, ins in enumerate(before) if ins.opname == "BEFORE_WITH"]
            if with_at:
                loaded = {str(ins.argval).split(".")[-1] for ins in before[: with_at[-1]] if ins.opname.startswith("LOAD_")}
                if "suppress" in loaded and catching.intersection(loaded):
                    return True
            continue
        if following and following[0].opname == "POP_TOP":
            return True  # bare `except:`
        names = []
        for ins in following:
            if ins.opname == "RERAISE":
                break
            if ins.opname in ("LOAD_NAME", "LOAD_GLOBAL", "LOAD_ATTR", "LOAD_FAST", "LOAD_DEREF"):
                names.append(str(ins.argval).split(".")[-1])
            elif ins.opname == "CHECK_EXC_MATCH":
                if catching.intersection(names):
                    return True
                names = []
            elif ins.opname.startswith(("POP_JUMP", "JUMP")):
                names = []
    return False


class StubFinder:
    """Last on sys.meta_path: reached only for modules no other finder has. Makes a stub module
    when the import comes from the project's own files and is not inside an `except ImportError`."""

    def __init__(self, project, stub_dir, harness_files):
        import importlib

        self.project = os.path.realpath(project) + os.sep
        self.stub_dir = stub_dir
        # Frames that only pass an import on: the harness, importlib (import_module).
        self.harness_files = set(harness_files) | {importlib.__file__}
        self.roots = []  # names where stubbing began, in order
        self.force = set()  # modules stubbed whoever imports them (named by a setting, see child())

    def _from_project(self):
        frame = sys._getframe(2)
        project_frames = []
        while frame is not None:
            filename = frame.f_code.co_filename
            if not filename.startswith("<") and filename not in self.harness_files:
                real = os.path.realpath(filename)
                if real.startswith(self.project):
                    project_frames.append(frame)
            frame = frame.f_back
        if not project_frames:
            return False
        # Only the project's own code decides: an import made by a library (Django included) is
        # never stubbed, even if a project frame is further up the stack.
        innermost = sys._getframe(2)
        while innermost is not None and (
            innermost.f_code.co_filename.startswith("<frozen importlib")
            or innermost.f_code.co_filename in self.harness_files
        ):
            innermost = innermost.f_back
        if innermost is None or innermost is not project_frames[0]:
            return False
        return not any(guarded_by_except(f) for f in project_frames)

    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in ("django", "__main__"):
            return None
        parent = fullname.rpartition(".")[0]
        parent_is_stub = parent and isinstance(sys.modules.get(parent), StubModuleMarker)
        if not parent_is_stub and fullname not in self.force and not self._from_project():
            return None
        import importlib.machinery

        folder = os.path.join(self.stub_dir, fullname)
        os.makedirs(folder, exist_ok=True)
        open(os.path.join(folder, "__init__.py"), "a").close()
        spec = importlib.machinery.ModuleSpec(fullname, StubLoader(folder), is_package=True)
        spec.submodule_search_locations = [folder]
        spec.origin = os.path.join(folder, "__init__.py")
        if not parent_is_stub:
            self.roots.append(fullname)
        return spec

    # Python < 3.4 style hooks are not needed.
    def invalidate_caches(self):
        pass


class StubModuleMarker:
    """Mixed into stub modules so submodule imports under a stub are stubbed too."""


class StubLoader:
    def __init__(self, folder):
        self.folder = folder

    def create_module(self, spec):
        import types

        class StubModule(types.ModuleType, StubModuleMarker):
            def __getattr__(self, attr):
                if attr.startswith("__") and attr.endswith("__"):
                    raise AttributeError(attr)
                return Stub("%s.%s" % (self.__name__, attr))

        return StubModule(spec.name)

    def exec_module(self, module):
        module.__file__ = os.path.join(self.folder, "__init__.py")
        module.__path__ = [self.folder]


def contains_stub(value, depth=0, budget=None):
    """Whether a setting's value is or holds a stub (also a string or path made from one)."""
    if budget is None:
        budget = [20000]
    budget[0] -= 1
    if budget[0] < 0 or depth > 6:
        return False
    if isinstance(value, (Stub, StubBase)) or (isinstance(value, type) and issubclass(value, StubBase)):
        return True
    if isinstance(value, str):
        return STUB_MARKER in value
    if isinstance(value, bytes):
        return STUB_MARKER.encode() in value
    if isinstance(value, os.PathLike):
        try:
            return STUB_MARKER in os.fspath(value)
        except Exception:
            return False
    if isinstance(value, dict):
        return any(contains_stub(k, depth + 1, budget) or contains_stub(v, depth + 1, budget) for k, v in list(value.items()))
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(contains_stub(v, depth + 1, budget) for v in list(value))
    return False


def describe(exc):
    text = str(exc)
    return "%s: %s" % (type(exc).__name__, text) if text else type(exc).__name__


LEVELS = {10: "DEBUG", 20: "INFO", 30: "WARNING", 40: "ERROR", 50: "CRITICAL"}


def message_json(e):
    """A CheckMessage as JSON; obj as Django prints it (str(CheckMessage))."""
    from django.db import models

    if e.obj is None:
        obj = None
    elif isinstance(e.obj, models.base.ModelBase):
        obj = e.obj._meta.label
    else:
        obj = str(e.obj)
    return {
        "id": e.id,
        "level": LEVELS.get(e.level, str(e.level)),
        "msg": str(e.msg),
        "hint": None if e.hint is None else str(e.hint),
        "obj": obj,
    }


def child(config_file):
    with open(config_file, encoding="utf-8") as f:
        config = json.load(f)
    result = {
        "django": None,
        "settings": config["settings"],
        "outcome": None,
        "ids": [],
        "messages": [],
        "stubbed": [],
        "stubValues": [],
        "removedApps": [],
        "replaced": {},
    }

    def phase(name):
        with open(config["phase"], "w", encoding="utf-8") as f:
            f.write(name)
        with open(config["phase"] + ".json", "w", encoding="utf-8") as f:
            json.dump(result, f)

    def finish(outcome, exc=None):
        result["outcome"] = outcome
        result["stubbed"] = sorted(set(finder.roots))
        if exc is not None:
            result["error"] = describe(exc)
            result["traceback"] = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-12:])
        # Written then renamed: the parent never reads half a result.
        with open(config["result"] + ".tmp", "w", encoding="utf-8") as f:
            json.dump(result, f)
        os.replace(config["result"] + ".tmp", config["result"])

    # As `python manage.py check --deploy` would be.
    sys.path[0] = config["source"]
    sys.argv = ["manage.py", "check", "--deploy"]
    harness_files = {os.path.abspath(__file__), __file__}
    finder = StubFinder(config["project"], os.path.join(config["work"], "stubs"), harness_files)
    sys.meta_path.append(finder)
    phase("start")

    try:
        import django

        result["django"] = django.get_version()
        # manage.py imports django.core.management (and with it django.core.checks) first.
        import django.core.management  # noqa: F401
        from django.conf import settings
    except BaseException as exc:
        with open(config["result"], "w", encoding="utf-8") as f:
            json.dump({"harnessError": "cannot import Django: %s" % describe(exc)}, f)
        return
    if config.get("expect") and not result["django"].startswith(config["expect"] + "."):
        with open(config["result"], "w", encoding="utf-8") as f:
            json.dump({"harnessError": "asked for Django %s, %s imports Django %s from %s" % (
                config["expect"], sys.executable, result["django"], os.path.dirname(django.__file__))}, f)
        return

    # ------------------------------------------------------------------ load the settings
    phase("load")
    try:
        installed = settings.INSTALLED_APPS
    except BaseException as exc:
        finish("load-error", exc)
        return

    if config.get("show"):
        result["values"] = {name: repr(getattr(settings._wrapped, name, None)) for name in config["show"]}

    # ------------------------------------------------------------------ what the stubs touched
    stubbed = list(finder.roots)
    for name in dir(settings._wrapped):
        if not name.isupper():
            continue
        try:
            if contains_stub(getattr(settings._wrapped, name)):
                result["stubValues"].append(name)
        except Exception:
            pass
    result["stubValues"].sort()

    # Before django.setup(), what exists nowhere here is taken out of the settings Django imports
    # by name (each change is recorded; README.md says what each can change):
    import importlib.util

    def under_stub(dotted):
        return any(dotted == s or dotted.startswith(s + ".") for s in stubbed)

    def findable(dotted):
        """Whether a module path exists here (not stubbed). Imports its parent packages, as Django
        would; an import made from here is never stubbed (the hook only serves project files).
        Django's own modules always count as present: a setting naming one this version lacks is
        a real incompatibility, which Django reports itself."""
        if dotted == "django" or dotted.startswith("django."):
            return True
        if under_stub(dotted):
            return False
        try:
            return importlib.util.find_spec(dotted) is not None
        except ImportError:
            return False
        except Exception:
            return True  # it exists but fails: Django reports that itself

    def resolvable(path):
        """A dotted object path ('pkg.module.Class', 'pkg.module.function') whose module exists here
        (or that is a module). Only parent packages are imported (Django imports them anyway)."""
        head = path.rpartition(".")[0]
        return (bool(head) and findable(head)) or findable(path)

    def app_exists(entry):
        """An INSTALLED_APPS entry as AppConfig.create reads it: a module, or, when its last part
        starts with a capital letter, an AppConfig class in a module."""
        head, _, last = entry.rpartition(".")
        if head and last[:1].isupper():
            return findable(head)
        return findable(entry)

    # INSTALLED_APPS: entries of stubbed packages and entries that exist nowhere here (neither a
    # module nor a module's AppConfig class) are removed. Django's deployment checks (security.*,
    # the settings-only checks) never read app entries; what can change are that app's own
    # registered checks and the model checks over its models (models.W042, fields.E3xx relations,
    # admin checks of its ModelAdmins).
    try:
        entries = list(installed)
    except Exception:
        entries = None
    kept = []
    if entries is not None:
        for entry in entries:
            if not isinstance(entry, str) or STUB_MARKER in entry or under_stub(entry) or not app_exists(entry):
                result["removedApps"].append(str(entry))
            else:
                kept.append(entry)
        if len(kept) != len(entries):
            settings.INSTALLED_APPS = type(installed)(kept) if isinstance(installed, (list, tuple)) else kept

    def replace(name, value):
        result["replaced"][name] = repr(getattr(settings._wrapped, name, None))
        setattr(settings, name, value)

    # ROOT_URLCONF naming a stubbed module or one that exists nowhere here: an empty urls module.
    urlconf = getattr(settings._wrapped, "ROOT_URLCONF", None)
    if isinstance(urlconf, Stub) or (isinstance(urlconf, str) and (STUB_MARKER in urlconf or not findable(urlconf))):
        with open(os.path.join(config["work"], EMPTY_URLCONF + ".py"), "w", encoding="utf-8") as f:
            f.write("# Written by scripts/django/truth.py: the project's ROOT_URLCONF is stubbed or missing here.\nurlpatterns = []\n")
        sys.path.append(config["work"])
        replace("ROOT_URLCONF", EMPTY_URLCONF)

    # AUTH_USER_MODEL in an app that was just removed: Django's own user model instead.
    def labels(entry):
        parts = entry.split(".")
        out = {parts[-1]}
        if len(parts) > 1 and parts[-1][:1].isupper():  # pkg.apps.SomeConfig
            module = parts[:-1]
            out.add(module[-2] if module[-1] == "apps" and len(module) > 1 else module[-1])
        return out

    user_model = getattr(settings._wrapped, "AUTH_USER_MODEL", None)
    if isinstance(user_model, str) and "." in user_model and result["removedApps"]:
        label = user_model.split(".")[0]
        removed_labels = set().union(*(labels(e) for e in result["removedApps"]))
        kept_labels = set().union(*(labels(e) for e in kept)) if kept else set()
        if label in removed_labels and label not in kept_labels:
            replace("AUTH_USER_MODEL", "auth.User")

    # LOGGING (or Django's DEFAULT_LOGGING, which some settings modules edit in place) naming a
    # handler, formatter or filter class that exists nowhere here: no logging configuration at all
    # (LOGGING_CONFIG = None). No check reads the logging configuration.
    def logging_paths(value, depth=0):
        if depth > 6:
            return
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("()", "class") and isinstance(item, str) and "." in item and not item.startswith("ext://"):
                    yield item
                else:
                    yield from logging_paths(item, depth + 1)
        elif isinstance(value, (list, tuple)):
            for item in value:
                yield from logging_paths(item, depth + 1)

    try:
        from django.utils.log import DEFAULT_LOGGING

        configs = [getattr(settings._wrapped, "LOGGING", None), DEFAULT_LOGGING]
        missing_logging = [p for c in configs for p in logging_paths(c) if not resolvable(p)]
    except Exception:
        missing_logging = []
    if missing_logging and getattr(settings._wrapped, "LOGGING_CONFIG", None):
        replace("LOGGING_CONFIG", None)

    # Dotted paths Django imports during setup or the checks, naming a module that exists nowhere
    # here (typically a project file the copy does not have, or a package not installed):
    #   STATICFILES_FINDERS entries are dropped (check_finders imports every finder; a finder's
    #   own checks are lost); TEMPLATES entries whose BACKEND is missing are dropped, and OPTIONS
    #   builtins/libraries entries too (the engines are built by the template checks; that
    #   engine's checks and templates.E003 over that library name are lost); a CACHES BACKEND
    #   becomes DummyCache (the cache checks only judge FileBasedCache locations, so nothing is
    #   lost); DEFAULT_EXCEPTION_REPORTER(_FILTER) become Django's (AdminEmailHandler imports the
    #   reporter while logging is configured; no check reads them); CSRF_FAILURE_VIEW becomes
    #   Django's default (security.E102 is about exactly this import, so it cannot be told here:
    #   the replacement is recorded).
    def is_missing_path(value):
        return isinstance(value, str) and "." in value and not resolvable(value)

    finders = getattr(settings._wrapped, "STATICFILES_FINDERS", None)
    if isinstance(finders, (list, tuple)) and any(is_missing_path(f) for f in finders):
        replace("STATICFILES_FINDERS", type(finders)(f for f in finders if not is_missing_path(f)))

    templates = getattr(settings._wrapped, "TEMPLATES", None)
    if isinstance(templates, (list, tuple)):
        changed = False
        new_templates = []
        for backend in templates:
            if isinstance(backend, dict) and is_missing_path(backend.get("BACKEND")):
                changed = True  # a template engine that is not installed here: dropped
                continue
            options = backend.get("OPTIONS") if isinstance(backend, dict) else None
            if isinstance(options, dict):
                builtins = options.get("builtins")
                libraries = options.get("libraries")
                if isinstance(builtins, (list, tuple)) and any(is_missing_path(b) for b in builtins):
                    options = dict(options, builtins=[b for b in builtins if not is_missing_path(b)])
                    changed = True
                if isinstance(libraries, dict) and any(is_missing_path(m) for m in libraries.values()):
                    options = dict(options, libraries={k: m for k, m in libraries.items() if not is_missing_path(m)})
                    changed = True
                backend = dict(backend, OPTIONS=options)
            new_templates.append(backend)
        if changed:
            replace("TEMPLATES", new_templates)

    caches = getattr(settings._wrapped, "CACHES", None)
    if isinstance(caches, dict) and any(isinstance(c, dict) and is_missing_path(c.get("BACKEND")) for c in caches.values()):
        replace("CACHES", {
            alias: dict(c, BACKEND="django.core.cache.backends.dummy.DummyCache") if isinstance(c, dict) and is_missing_path(c.get("BACKEND")) else c
            for alias, c in caches.items()
        })

    # REST_FRAMEWORK (Django REST framework, when installed, checks and imports its classes): a
    # class whose module exists nowhere here is served by a stub module, whoever imports it.
    import re

    def dotted_strings(value, depth=0):
        if depth > 4:
            return
        if isinstance(value, str):
            if re.fullmatch(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)+", value):
                yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from dotted_strings(item, depth + 1)
        elif isinstance(value, (list, tuple)):
            for item in value:
                yield from dotted_strings(item, depth + 1)

    for path in dotted_strings(getattr(settings._wrapped, "REST_FRAMEWORK", None)):
        if path.split(".")[0] in ("django", "rest_framework") or resolvable(path):
            continue
        parts = path.split(".")[:-1]
        for i in range(1, len(parts) + 1):
            prefix = ".".join(parts[:i])
            if not findable(prefix):
                finder.force.add(prefix)  # the first missing package; what is under it follows
                break

    for name, default in (
        ("DEFAULT_EXCEPTION_REPORTER", "django.views.debug.ExceptionReporter"),
        ("DEFAULT_EXCEPTION_REPORTER_FILTER", "django.views.debug.SafeExceptionReporterFilter"),
    ):
        if is_missing_path(getattr(settings._wrapped, name, None)):
            replace(name, default)

    if is_missing_path(getattr(settings._wrapped, "CSRF_FAILURE_VIEW", None)):
        replace("CSRF_FAILURE_VIEW", "django.views.csrf.csrf_failure")

    # ------------------------------------------------------------------ django.setup()
    phase("setup")
    try:
        django.setup()
    except BaseException as exc:
        finish("setup-error", exc)
        return

    # ------------------------------------------------------------------ the checks
    # Django 3.2, 4.2 and 5.2 alike: `check --deploy` (its requires_system_checks is [], so
    # execute() runs no extra check) calls BaseCommand.check(app_configs=None, tags=None,
    # include_deployment_checks=True, databases=None) (--database not given), which calls
    # checks.run_checks with those arguments and shows every message that is not silenced
    # (e.is_silenced(): its id in SILENCED_SYSTEM_CHECKS), at every level.
    phase("check")
    try:
        from django.core import checks
        from django.core.management.commands import check as _check_command  # noqa: F401 (fetch_command imports it)

        issues = checks.run_checks(app_configs=None, tags=None, include_deployment_checks=True, databases=None)
        visible = [e for e in issues if not e.is_silenced()]
        messages = [message_json(e) for e in visible]
    except BaseException as exc:
        finish("check-crash", exc)
        return
    result["messages"] = sorted(messages, key=lambda m: (m["id"] or "", m["obj"] or "", m["msg"]))
    result["ids"] = sorted({m["id"] for m in messages if m["id"]})
    finish("checked")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        child(sys.argv[2])
        sys.stdout.flush()
        # The project may have left threads or atexit handlers behind; the result is written.
        os._exit(0)
    sys.exit(main(sys.argv[1:]))
