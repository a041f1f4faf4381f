#!/usr/bin/env bash
# The two commands of README.md: `./tasks.sh build` and `./tasks.sh test`.
# Each installs what it needs by itself: Debian's Pango and fonts for the PDFs, a
# virtual environment with Casebook and its Python dependencies, and for the tests
# the npm dev dependencies, Debian's chromium and poppler-utils, when missing.
set -euo pipefail
cd "$(dirname "$0")"
VENV=.venv

python_env() {
  local stamp="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ]; then
    "$VENV/bin/pip" install --quiet --upgrade pip
    "$VENV/bin/pip" install --quiet -e ".[test]"
    rm -f "$VENV"/.installed-*
    touch "$stamp"
  fi
}

npm_env() {
  [ -f package.json ] || return 0
  local stamp="node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    npm ci --no-audit --no-fund --loglevel=error
    touch "$stamp"
  fi
}

# Debian packages: $1 is "build" (WeasyPrint's Pango and the PDF fonts) or "test"
# (those, plus chromium for the browser tests and poppler-utils to look at PDFs).
debian_packages() {
  local missing=()
  ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
  fc-list 2>/dev/null | grep -qi 'Liberation Sans' || missing+=(fonts-liberation)
  if [ "$1" = test ]; then
    [ -x /usr/bin/chromium ] || missing+=(chromium)
    command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Casebook needs these Debian packages: ${missing[*]}. Install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

case "${1:-}" in
  build)
    shift
    debian_packages build
    python_env
    "$VENV/bin/casebook" build "$@"
    ;;
  test)
    shift
    python_env
    npm_env
    debian_packages test
    "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: ./tasks.sh build [casebook build options] | ./tasks.sh test [pytest options]" >&2
    exit 2
    ;;
esac
