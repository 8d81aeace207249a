#!/usr/bin/env bash
# Sets up everything the tests need on a fresh Debian machine, then runs them all:
# a venv with requirements-dev.txt, Debian's chromium for the browser tests, nginx and
# openssl for the balancer's tests (deploy/), then pytest in two processes where there are
# two cores.
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
# Two test processes on a machine with two cores or more (pytest-xdist), each with its
# own app server and Chromium; a test file stays in one process (its fixtures are made
# once). TEST_WORKERS overrides the count (1 runs everything in this process).
cores=$(nproc 2>/dev/null || echo 1)
workers=${TEST_WORKERS:-$(( cores > 1 ? 2 : 1 ))}
if [ "$workers" -gt 1 ]; then
  exec .venv/bin/python -m pytest -n "$workers" --dist loadfile "$@"
fi
exec .venv/bin/python -m pytest "$@"
