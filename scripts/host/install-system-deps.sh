#!/usr/bin/env bash
# Installs the Debian packages the host test runner needs: Chromium (drives the
# code-server workbench) and libkrb5-dev (VS Code's `kerberos` module compiles
# from source when its prebuilt download fails offline). Idempotent: does
# nothing when /usr/bin/chromium is already there.
set -euo pipefail

if [ -x /usr/bin/chromium ] && dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "install-system-deps: chromium and libkrb5-dev already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium libkrb5-dev
echo "install-system-deps: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium installed')"
