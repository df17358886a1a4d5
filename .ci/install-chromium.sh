#!/usr/bin/env bash
# Installs Debian's Chromium, which the dashboard tests (tests/SyntheticPatients.Reporting.Tests) use to render
# dashboard.html headless: no console errors, and a screenshot. Needs root (CI and the project's machines run as root).
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  echo "chromium already installed: $(chromium --version 2>/dev/null | head -n 1)"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y chromium
chromium --version 2>/dev/null | head -n 1
