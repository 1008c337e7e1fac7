"""Times Django's own template lexer on every template under a folder (for scripts/bench.mjs).

    /usr/bin/python3 scripts/bench/django_lex.py PROJECT_DIR

Reads every .html file under PROJECT_DIR (timed on its own), then runs
django.template.base.Lexer(text).tokenize() on each (timed on its own), and prints JSON:
{"django": "3.2.25", "files": N, "bytes": B, "tokens": T, "read_ms": …, "tokenize_ms": …}.
Prints {"skipped": "…"} when Django cannot be imported.
"""
import json
import os
import sys
import time

try:
    import django
    from django.template.base import Lexer
except Exception as error:  # noqa: BLE001 — any import failure means no comparison
    print(json.dumps({"skipped": f"Django is not importable: {error}"}))
    sys.exit(0)


def main():
    root = sys.argv[1]
    paths = []
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            if name.endswith(".html"):
                paths.append(os.path.join(dirpath, name))
    paths.sort()

    t0 = time.perf_counter()
    texts = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            texts.append(f.read())
    read_ms = (time.perf_counter() - t0) * 1000

    # The Lexer needs no settings; configure them anyway in case a version looks one up.
    try:
        from django.conf import settings

        if not settings.configured:
            settings.configure()
    except Exception:  # noqa: BLE001
        pass

    tokens = 0
    t0 = time.perf_counter()
    for text in texts:
        tokens += len(Lexer(text).tokenize())
    tokenize_ms = (time.perf_counter() - t0) * 1000

    print(json.dumps({
        "django": django.get_version(),
        "files": len(texts),
        "bytes": sum(len(t.encode("utf-8")) for t in texts),
        "tokens": tokens,
        "read_ms": read_ms,
        "tokenize_ms": tokenize_ms,
    }))


if __name__ == "__main__":
    main()
