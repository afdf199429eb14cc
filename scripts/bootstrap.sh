#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian packages hrnews needs to build and test, when some are
# missing. A quick no-op when everything is there. Used by `make run` and
# `make test`; safe to run by hand. Uses sudo only when not root.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  libboost-date-time-dev libboost-serialization-dev libpugixml-dev nlohmann-json3-dev catch2
  python3 python3-jsonschema iso-codes
  python3-dev python3-venv pybind11-dev
  jing
  doxygen dpkg-dev
  libxml2-utils
  libxml2-dev
  python3-rfc3987
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "bootstrap: dpkg-query not found; install these packages (or their equivalents) by hand:" >&2
  echo "  ${packages[*]}" >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "installed" ]]; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "bootstrap: installing ${missing[*]}"
sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "bootstrap: not root and no sudo; install as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  sudo=(sudo)
fi
"${sudo[@]}" apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${missing[@]}"
