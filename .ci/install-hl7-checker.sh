#!/usr/bin/env bash
# Installs the independent HL7 v2 checker's npm packages (tests/checkers/hl7), exactly as package-lock.json pins them.
# The HL7 tests in tests/SyntheticPatients.Exporters.Tests/Hl7 run it with node and fail with a hint when it is missing.
# Needs node >= 20 and npm; reaches only the npm registry.
set -euo pipefail
cd "$(dirname "$0")/../tests/checkers/hl7"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "install-hl7-checker: node and npm are required (node >= 20)" >&2
  exit 1
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 20 ]; then
  echo "install-hl7-checker: node $(node --version) is too old; hl7v2 1.8.0 needs node >= 20" >&2
  exit 1
fi

npm ci --no-audit --no-fund
node -e "require('@redoxengine/redox-hl7-v2'); require('hl7-dictionary'); require('simple-hl7')"
node --input-type=module -e "await import('hl7v2'); await import('hl7v2-dictionary')"
echo "install-hl7-checker: installed in $(pwd)/node_modules"
