#!/usr/bin/env bash
# Runs every ECAI test. Installs what the browser tests need (Debian chromium and a CJK font)
# when it is missing, then restores tools and runs the whole suite once.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  echo "Installing chromium and fonts-noto-cjk for the browser tests…"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

dotnet tool restore >/dev/null
dotnet test Ecai.sln --configuration Release "$@"
