#!/usr/bin/env bash
# Real Django 4.2 and 5.2 for the test suite, without PyPI and without touching the system:
#
#   1. the three Debian packages below, pinned by version and SHA256, are taken from
#      test/vendor/debs/ (committed: sid and trixie-security move on and old versions leave the
#      archive) or, when missing there, downloaded with `apt-get download` through a private apt
#      configuration (a temporary sources.list naming trixie, trixie-security and sid on the URIs
#      this machine's own apt sources use, signed by the Debian archive keyring); nothing is
#      added to /etc/apt and nothing is installed;
#   2. each .deb's SHA256 is checked against the pin (a mismatch is an error, never a skip);
#   3. they are unpacked (dpkg-deb -x) into .cache/django/4.2 and .cache/django/5.2, each holding
#      django/, asgiref/ and their dist-info side by side, to be used as
#      PYTHONPATH=.cache/django/4.2 /usr/bin/python3 (bookworm's Python 3.11 and python3-sqlparse).
#
# Locale .mo files and contrib/admin/static are kept. Debian replaces admin's jQuery by symlinks
# into /usr/share/javascript (libjs-jquery), which dangle outside a real install: each dangling
# symlink becomes a small placeholder file (a JavaScript comment saying so), so collectstatic
# copies something instead of crashing on a missing file.
#
# Django 3.2 is Debian 12's own python3-django at /usr/bin/python3 (apt-get install python3-django).
#
# Idempotent: a version whose folder was unpacked from the same .deb files (stamp) is left alone;
# a second run only hashes the committed files (well under a second).
# When a .deb is neither committed nor downloadable (no network, no apt, no dpkg-deb), prints one
# `SKIP: why` line, writes the reason to .cache/django/SKIP (the tests quote it) and exits 0.
#
# Options: --offline  never download (use committed .deb files only; SKIP when one is missing)
# Environment: DJANGO_CACHE overrides .cache/django, DJANGO_DEBS test/vendor/debs.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DEBS=${DJANGO_DEBS:-$ROOT/test/vendor/debs}
CACHE=${DJANGO_CACHE:-$ROOT/.cache/django}
PYTHON=/usr/bin/python3
UNPACK_FORMAT=2 # bump when the unpacked layout changes: forces a fresh unpack

OFFLINE=0
for arg in "$@"; do
  case $arg in
    --offline) OFFLINE=1 ;;
    *) echo "usage: $0 [--offline]" >&2; exit 2 ;;
  esac
done

# package | version | suite | SHA256 | file name in test/vendor/debs (the archive's pool name)
PINS=(
  "python3-django|3:4.2.30-0+deb13u1|trixie-security|ac416501972eb8519a3e6c99f28be4eafccfc02b054da85a7de195d81de610cb|python3-django_4.2.30-0+deb13u1_all.deb"
  "python3-django|3:5.2.18-2|sid|6c8eb4bebb9408f7b6578be3ebbb2600d4675e752ca163e99c28f79948ba44dd|python3-django_5.2.18-2_all.deb"
  "python3-asgiref|3.8.1-1|trixie|2d5eb99f6a6703298c35054a12a92828b89f2c23aafc424f1f63e880b963951a|python3-asgiref_3.8.1-1_all.deb"
)
# cache folder | Django version it must report | django .deb | asgiref .deb
TARGETS=(
  "4.2|4.2.30|python3-django_4.2.30-0+deb13u1_all.deb|python3-asgiref_3.8.1-1_all.deb"
  "5.2|5.2.18|python3-django_5.2.18-2_all.deb|python3-asgiref_3.8.1-1_all.deb"
)

step() { printf 'fetch.sh: %s\n' "$*"; }
die() { printf 'fetch.sh: error: %s\n' "$*" >&2; exit 1; }
skip() {
  mkdir -p "$CACHE"
  printf '%s\n' "$*" >"$CACHE/SKIP"
  printf 'SKIP: %s\n' "$*"
  exit 0
}
sha_of() { sha256sum "$1" | cut -d' ' -f1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/django-fetch.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# ---------------------------------------------------------------- 1. the .deb files
missing=()
for pin in "${PINS[@]}"; do
  IFS='|' read -r pkg version suite sha file <<<"$pin"
  if [ -f "$DEBS/$file" ]; then
    [ "$(sha_of "$DEBS/$file")" = "$sha" ] || die "$DEBS/$file does not have the pinned SHA256 $sha (corrupt or replaced; delete it to download it again)"
  else
    missing+=("$pin")
  fi
done

# The suites' URIs, read from this machine's apt sources (deb822 .sources files and the one-line
# sources.list): the archive URI serves trixie and sid, the security URI trixie-security.
apt_uris() { # prints "URI SUITE..." per deb source
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # deb822: blank-line separated stanzas; comments start with #
    awk 'BEGIN { RS = ""; FS = "\n" }
      { types = ""; uris = ""; suites = ""
        for (i = 1; i <= NF; i++) {
          line = $i; if (line ~ /^[ \t]*#/) continue
          if (line ~ /^Types:/)  { sub(/^Types:[ \t]*/, "", line);  types = line }
          if (line ~ /^URIs:/)   { sub(/^URIs:[ \t]*/, "", line);   uris = line }
          if (line ~ /^Suites:/) { sub(/^Suites:[ \t]*/, "", line); suites = line }
        }
        if (types ~ /(^|[ \t])deb([ \t]|$)/) { n = split(uris, u, /[ \t]+/); for (j = 1; j <= n; j++) if (u[j] != "") print u[j], suites }
      }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    # deb [options] URI SUITE COMPONENTS...
    sed -n 's/^[ \t]*deb[ \t]\+\(\[[^]]*\][ \t]\+\)\?\([^ \t]\+\)[ \t]\+\([^ \t]\+\).*/\2 \3/p' "$f"
  done
}

download() { # downloads the pins in "$@" into $TMP/dl, verifies and moves them into $DEBS
  command -v apt-get >/dev/null || skip "apt-get is not available to download ${*//|*/} (Django 4.2/5.2 tests skipped)"
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  [ -f "$keyring" ] || skip "$keyring is missing (apt-get install debian-archive-keyring): cannot verify the Django 4.2/5.2 packages"
  local archive="" security="" uri suites
  while read -r uri suites; do
    uri=${uri%/}
    case " $suites " in
      *-security*) [ -n "$security" ] || security=$uri ;;
      *) [ -n "$archive" ] || archive=$uri ;;
    esac
  done < <(apt_uris)
  [ -n "$archive" ] && [ -n "$security" ] || skip "could not read the Debian archive and security URIs from /etc/apt sources (Django 4.2/5.2 tests skipped)"

  local apt="$TMP/apt"
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$TMP/dl"
  cat >"$apt/sources.list" <<EOF
deb [signed-by=$keyring] $archive trixie main
deb [signed-by=$keyring] $archive sid main
deb [signed-by=$keyring] $security trixie-security main
EOF
  local opts=(-o "Dir::Etc::sourcelist=$apt/sources.list" -o "Dir::Etc::sourceparts=-"
    -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache"
    -o "Acquire::Retries=2" -o "Acquire::http::Timeout=30")
  # As root apt drops to _apt for downloads, which cannot write into our temp folders.
  [ "$(id -u)" -ne 0 ] || opts+=(-o "APT::Sandbox::User=root")
  step "apt: reading the trixie, trixie-security and sid package lists (private configuration)"
  if ! apt-get "${opts[@]}" -qq update >"$TMP/update.log" 2>&1 || grep -q '^\(E:\|Err:\|W: Failed to fetch\|W: Some index files failed\)' "$TMP/update.log"; then
    tail -n 5 "$TMP/update.log" >&2
    skip "the Debian archive is unreachable (apt-get update with trixie/sid failed): Django 4.2/5.2 tests skipped"
  fi
  local pin pkg version suite sha file
  for pin in "$@"; do
    IFS='|' read -r pkg version suite sha file <<<"$pin"
    step "apt: downloading $pkg=$version ($suite)"
    rm -f "$TMP/dl"/*.deb
    if ! (cd "$TMP/dl" && apt-get "${opts[@]}" -qq download "$pkg=$version") >"$TMP/download.log" 2>&1; then
      tail -n 5 "$TMP/download.log" >&2
      skip "$pkg $version is not downloadable from $suite any more and test/vendor/debs/$file is missing: Django 4.2/5.2 tests skipped"
    fi
    local got
    got=$(find "$TMP/dl" -maxdepth 1 -name '*.deb' | head -n1)
    [ -n "$got" ] || skip "apt-get download $pkg=$version left no .deb"
    [ "$(sha_of "$got")" = "$sha" ] || die "downloaded $pkg $version has SHA256 $(sha_of "$got"), pinned $sha"
    mkdir -p "$DEBS"
    mv "$got" "$DEBS/$file"
    step "verified $file ($(stat -c %s "$DEBS/$file") bytes) -> test/vendor/debs/"
  done
}

if [ ${#missing[@]} -gt 0 ]; then
  names=$(for m in "${missing[@]}"; do IFS='|' read -r _ _ _ _ f <<<"$m"; printf '%s ' "$f"; done)
  [ $OFFLINE -eq 0 ] || skip "test/vendor/debs lacks ${names% } and --offline forbids downloading: Django 4.2/5.2 tests skipped (run bash scripts/django/fetch.sh)"
  download "${missing[@]}"
fi

# ---------------------------------------------------------------- 2. unpack
command -v dpkg-deb >/dev/null || skip "dpkg-deb is not available to unpack the Django 4.2/5.2 packages: tests skipped"
[ -x "$PYTHON" ] || skip "$PYTHON does not exist: Django 4.2/5.2 need Debian 12's Python 3.11"
rm -f "$CACHE/SKIP"

# A dangling symlink becomes a placeholder file; links that resolve are kept.
replace_dangling_links() {
  local link target
  while IFS= read -r -d '' link; do
    [ -e "$link" ] && continue
    target=$(readlink "$link")
    rm -f "$link"
    printf '/* django-deploy: Debian links this file to %s (libjs-jquery), which is not part of this\n   unpacked copy; placeholder so collectstatic has a file to copy. */\n' "${target##*/../}" >"$link"
  done < <(find "$1" -type l -print0)
}

for target in "${TARGETS[@]}"; do
  IFS='|' read -r folder expected django_deb asgiref_deb <<<"$target"
  dest=$CACHE/$folder
  stamp="format=$UNPACK_FORMAT $(sha_of "$DEBS/$django_deb") $(sha_of "$DEBS/$asgiref_deb")"
  if [ -f "$dest/.stamp" ] && [ "$(cat "$dest/.stamp")" = "$stamp" ] && [ -f "$dest/django/__init__.py" ] && [ -f "$dest/asgiref/__init__.py" ]; then
    step "Django $expected already unpacked in ${dest#"$ROOT"/}"
    continue
  fi
  step "unpacking Django $expected into ${dest#"$ROOT"/}"
  mkdir -p "$CACHE"
  stage=$(mktemp -d "$CACHE/.stage-$folder.XXXXXX")
  dpkg-deb -x "$DEBS/$django_deb" "$stage/deb"
  dpkg-deb -x "$DEBS/$asgiref_deb" "$stage/deb"
  mkdir "$stage/out"
  for entry in "$stage"/deb/usr/lib/python3/dist-packages/*; do
    case ${entry##*/} in
      django | asgiref | [Dd]jango-*.dist-info | asgiref-*.dist-info | [Dd]jango-*.egg-info | asgiref-*.egg-info) mv "$entry" "$stage/out/" ;;
    esac
  done
  [ -f "$stage/out/django/__init__.py" ] && [ -f "$stage/out/asgiref/__init__.py" ] || die "$django_deb / $asgiref_deb did not hold django/ and asgiref/"
  replace_dangling_links "$stage/out"
  # The copy must report the pinned version under a clean environment (Debian's 3.2 sits behind it).
  got=$(env -i PATH=/usr/bin:/bin LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$stage/out" "$PYTHON" -s -c 'import django, asgiref; print(django.get_version(), asgiref.__version__)') || die "Django $expected does not import under $PYTHON"
  [ "${got%% *}" = "$expected" ] || die "unpacked Django reports '$got', expected $expected"
  # Byte-compiled once here: the harness runs with PYTHONDONTWRITEBYTECODE=1, and compiling Django
  # on every run costs most of a second. (Python still reads these .pyc files.)
  env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$PYTHON" -s -m compileall -q -j 0 "$stage/out" >/dev/null || die "compileall failed on Django $expected"
  printf '%s\n' "$stamp" >"$stage/out/.stamp"
  # Replace atomically enough: the old folder moves aside first, so a reader never sees a half copy.
  if [ -e "$dest" ]; then mv "$dest" "$stage/old"; fi
  mv "$stage/out" "$dest"
  rm -rf "$stage"
  step "Django $expected (asgiref ${got##* }) ready: PYTHONPATH=${dest#"$ROOT"/} $PYTHON"
done
