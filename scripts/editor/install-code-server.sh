#!/usr/bin/env bash
# Installs what the browser-based editor tests need, idempotently:
#   - code-server (VS Code in the browser) from npm, into .cache/code-server (git-ignored),
#   - playwright-core from npm, into the same folder (not into the project's package.json),
#   - Debian's chromium, plus libkrb5-dev and ripgrep, which the code-server install needs.
#
# A plain `npm install code-server` fails on an offline, root machine four ways; this script
# applies the fixes described in shared/reference/editor-testing.md:
#   1. its postinstall refuses to run as root          -> npm_config_unsafe_perm=true
#   2. the kerberos native module needs gssapi.h         -> apt-get install libkrb5-dev
#   3. @vscode/ripgrep's postinstall downloads a binary  -> pre-seed its download cache with a
#      tar.gz holding Debian's /usr/bin/rg (name computed from the package's own sources)
#   4. node-pty's postinstall runs `npx node-gyp`, which the machine's yes=false cancels
#                                                      -> npm_config_yes=true
#
# A second run with everything in place only checks and exits (well under a second).
# Environment: CODE_SERVER_CACHE overrides the install folder.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3   # newest release that accepts Node 20
PLAYWRIGHT_VERSION=1.65.1
RIPGREP_PKG_VERSION=1.15.11   # the @vscode/ripgrep that code-server 4.100.3 depends on

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${CODE_SERVER_CACHE:-$ROOT/.cache/code-server}
CS_DIR=$CACHE/node_modules/code-server
PW_DIR=$CACHE/node_modules/playwright-core
START=$(date +%s%N)

step() { printf 'install-code-server: %s\n' "$*"; }
die() { printf 'install-code-server: error: %s\n' "$*" >&2; exit 1; }

pkg_version() { # prints the "version" of a package.json, or nothing
  [ -f "$1" ] && sed -n 's/^  "version": "\([^"]*\)".*/\1/p' "$1" | head -n1 || true
}

# ---------------------------------------------------------------- Debian packages
APT_UPDATED=0
apt_install() { # apt_install PACKAGE...: installs those not yet installed
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    step "apt: $* already installed"
    return
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to apt-get install ${missing[*]}"
    sudo=(sudo)
  fi
  if [ $APT_UPDATED -eq 0 ]; then
    step "apt: updating package lists"
    "${sudo[@]}" apt-get update -qq
    APT_UPDATED=1
  fi
  step "apt: installing ${missing[*]}"
  local log
  log=$(mktemp)
  if ! DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    rm -f "$log"
    die "apt-get install ${missing[*]} failed"
  fi
  rm -f "$log"
}

# ---------------------------------------------------------------- fast path checks
code_server_ok() {
  [ "$(pkg_version "$CS_DIR/package.json")" = "$CODE_SERVER_VERSION" ] || return 1
  [ -f "$CS_DIR/out/node/entry.js" ] || return 1
  # the postinstall builds lib/vscode's dependencies; ripgrep's binary is the last thing it gets
  compgen -G "$CS_DIR/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" >/dev/null || return 1
  [ -f "$CACHE/.code-server-$CODE_SERVER_VERSION.ok" ]
}
playwright_ok() { [ "$(pkg_version "$PW_DIR/package.json")" = "$PLAYWRIGHT_VERSION" ]; }

# ---------------------------------------------------------------- 1. system packages
step "cache folder: $CACHE"
mkdir -p "$CACHE"
apt_install chromium
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing after installing chromium"

# ---------------------------------------------------------------- 2. code-server
if code_server_ok; then
  step "code-server $CODE_SERVER_VERSION already installed"
else
  apt_install libkrb5-dev ripgrep
  [ -x /usr/bin/rg ] || die "/usr/bin/rg is missing after installing ripgrep"

  # @vscode/ripgrep's postinstall looks for <os tmpdir>/vscode-ripgrep-cache-<pkg version>/<asset>
  # before downloading. Compute <asset> the way its lib/postinstall.js and lib/download.js do:
  #   ['ripgrep', VERSION, target].join('-') + '.tar.gz'
  RG_PEEK=$(mktemp -d)
  trap 'rm -rf "$RG_PEEK"' EXIT
  step "ripgrep: reading @vscode/ripgrep@$RIPGREP_PKG_VERSION's download code"
  (cd "$RG_PEEK" && npm pack --silent "@vscode/ripgrep@$RIPGREP_PKG_VERSION" >/dev/null 2>&1) ||
    die "npm pack @vscode/ripgrep@$RIPGREP_PKG_VERSION failed"
  tar xzf "$RG_PEEK"/vscode-ripgrep-*.tgz -C "$RG_PEEK"
  grep -q "\['ripgrep', opts.version, opts.target\].join('-') + extension" "$RG_PEEK/package/lib/download.js" ||
    die "@vscode/ripgrep's lib/download.js names its archive differently than expected; update this script"
  RG_TAG=$(sed -n "s/^const VERSION = '\([^']*\)'.*/\1/p" "$RG_PEEK/package/lib/postinstall.js")
  [ -n "$RG_TAG" ] || die "could not read VERSION from @vscode/ripgrep's lib/postinstall.js"
  case "$(uname -m)" in
    x86_64) RG_TARGET=x86_64-unknown-linux-musl ;;
    aarch64) RG_TARGET=aarch64-unknown-linux-musl ;;
    *) die "unsupported architecture $(uname -m)" ;;
  esac
  RG_CACHE_DIR=${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION
  RG_ARCHIVE=$RG_CACHE_DIR/ripgrep-$RG_TAG-$RG_TARGET.tar.gz
  mkdir -p "$RG_CACHE_DIR"
  # (re)build it unless it holds an rg at its root
  if tar tzf "$RG_ARCHIVE" 2>/dev/null | grep -qx 'rg'; then
    step "ripgrep: cached archive present: $RG_ARCHIVE"
  else
    step "ripgrep: packing /usr/bin/rg into $RG_ARCHIVE"
    tar czf "$RG_ARCHIVE" -C /usr/bin rg
  fi

  if [ ! -f "$CACHE/package.json" ]; then
    printf '{\n  "name": "editor-test-cache",\n  "private": true,\n  "description": "code-server and playwright-core for the editor tests; made by scripts/editor/install-code-server.sh"\n}\n' >"$CACHE/package.json"
  fi
  step "npm: installing code-server@$CODE_SERVER_VERSION into $CACHE (about a minute)"
  rm -f "$CACHE/.code-server-$CODE_SERVER_VERSION.ok"
  LOG=$CACHE/npm-install-code-server.log
  if ! npm_config_unsafe_perm=true npm_config_yes=true npm install --prefix "$CACHE" --save-exact --no-audit --no-fund \
      --loglevel=warn "code-server@$CODE_SERVER_VERSION" >"$LOG" 2>&1; then
    tail -n 40 "$LOG" >&2
    die "npm install code-server@$CODE_SERVER_VERSION failed (full log: $LOG)"
  fi
  compgen -G "$CS_DIR/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" >/dev/null ||
    die "code-server installed without ripgrep's binary (see $LOG)"
  touch "$CACHE/.code-server-$CODE_SERVER_VERSION.ok"
  step "code-server $CODE_SERVER_VERSION installed"
fi

# ---------------------------------------------------------------- 3. playwright-core
if playwright_ok; then
  step "playwright-core $PLAYWRIGHT_VERSION already installed"
else
  step "npm: installing playwright-core@$PLAYWRIGHT_VERSION into $CACHE"
  # no browser download: playwright-core has none; it drives Debian's /usr/bin/chromium
  npm_config_unsafe_perm=true npm_config_yes=true npm install --prefix "$CACHE" --save-exact --no-audit --no-fund \
    --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null
  playwright_ok || die "playwright-core $PLAYWRIGHT_VERSION not found after npm install"
fi

step "ready in $(( ($(date +%s%N) - START) / 1000000 )) ms: $CS_DIR/out/node/entry.js, $PW_DIR, /usr/bin/chromium"
