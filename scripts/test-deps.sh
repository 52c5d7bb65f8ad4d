#!/usr/bin/env bash
# The tests use real parts: socat (pseudo-terminals), Mosquitto's clients and broker, protoc
# (an independent protobuf decoder for the golden vectors), PostgreSQL's server binaries (the
# billing service's second storage backend; tests start their own throw-away cluster) and
# Chromium (the technician web app, driven by playwright-core) and systemd-analyze (the packaged
# service's unit is verified and its exposure scored). Installs what is missing when run as
# root on Debian; otherwise says exactly what to install.
set -euo pipefail
missing=()
command -v socat >/dev/null || missing+=(socat)
command -v mosquitto_pub >/dev/null || missing+=(mosquitto-clients)
command -v protoc >/dev/null || missing+=(protobuf-compiler)
# A C compiler: protocol/README.md's C reference code is compiled and run by a test.
command -v cc >/dev/null || missing+=(gcc)
command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null || missing+=(chromium)
# The impact pack test renders the PDF to PNG (pdftoppm) and reads its text (pdftotext).
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v systemd-analyze >/dev/null || missing+=(systemd)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "test-deps: installing ${missing[*]}" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "test-deps: missing ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
