#!/usr/bin/env bash
# Sets up everything the tests need on a fresh Debian machine, then runs them all:
# a venv with requirements-dev.txt, Debian's chromium for the browser tests, nginx and
# openssl for the balancer's tests (deploy/), then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
# nginx lives in /usr/sbin, which a non-root PATH may leave out.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
command -v openssl >/dev/null 2>&1 || missing="$missing openssl"
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086  # one word per package
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
# TEST_WORKERS=2 runs the tests in two processes (pytest-xdist, a test file to a process,
# each with its own app server and Chromium): about 10 minutes on 2 cores, against 13 in
# one. One process is the default: in two, a browser walk beside the restart and replica
# tests (which start and kill servers) once timed out.
workers=${TEST_WORKERS:-1}
if [ "$workers" -gt 1 ]; then
  exec .venv/bin/python -m pytest -n "$workers" --dist loadfile "$@"
fi
exec .venv/bin/python -m pytest "$@"
