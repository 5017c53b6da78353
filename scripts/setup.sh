#!/usr/bin/env bash
# Installs everything a fresh clone needs: Debian's python3-numpy/python3-h5py/python3-torch (for interop tests), pnpm,
# Node packages.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: numpy/h5py for interop tests, chromium for the web app's browser test, redis-server for the
# distributed evaluation test (each test starts its own redis-server on a loopback port).
need=()
/usr/bin/python3 -c 'import numpy, h5py' >/dev/null 2>&1 || need+=(python3-numpy python3-h5py)
# torch (Debian's 1.13, ~2 min to install) checks that torch.load(weights_only=True) reads the .pt files we write.
/usr/bin/python3 -c 'import torch' >/dev/null 2>&1 || need+=(python3-torch)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/redis-server ] || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "12.4.2" ]; then
  npm install -g pnpm@12.4.2 >/dev/null
fi

export TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile
