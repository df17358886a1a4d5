#!/usr/bin/env bash
# Installs GT.M (Debian's fis-gtm), the independent checker the VistA exporter's tests run
# (tests/SyntheticPatients.Exporters.Tests/Vista/VistaGtmTests.cs: mupip load -format=zwr of every exported file,
# M routines that XECUTE each record, count the patients and walk the "B" index).
set -euo pipefail

find_dist() {
  local mumps
  for mumps in /usr/lib/x86_64-linux-gnu/fis-gtm/*/mumps /usr/lib/aarch64-linux-gnu/fis-gtm/*/mumps /usr/lib/fis-gtm/*/mumps; do
    if [ -x "$mumps" ]; then dirname "$mumps"; fi
  done | sort | tail -n 1
}

dist="$(find_dist)"
if [ -z "$dist" ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "install-gtm: run as root (or install sudo): apt-get update && apt-get install -y fis-gtm" >&2
      exit 1
    fi
  fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends fis-gtm
  dist="$(find_dist)"
fi

if [ -z "$dist" ] || [ ! -x "$dist/mupip" ]; then
  echo "install-gtm: fis-gtm is installed but no mumps/mupip was found under /usr/lib/*/fis-gtm/" >&2
  exit 1
fi
version="$(gtm_dist="$dist" gtmroutines="$dist/libgtmutil.so $dist" "$dist/mumps" -run %XCMD 'write $zversion' 2>/dev/null || true)"
echo "install-gtm: GT.M in $dist${version:+ ($version)}"
