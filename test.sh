#!/usr/bin/env bash
# Runs every test of Vigil: installs, only when missing, the real programs the tests use
# (from Debian's packages: socat, and Chromium for the station's browser tests), then runs the unit tests
# (Surefire) and integration tests (Failsafe).
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v socat >/dev/null 2>&1 || need+=(socat)
command -v influxd >/dev/null 2>&1 || [ -x /usr/bin/influxd ] || need+=(influxdb)
[ -x /usr/bin/chromium ] || need+=(chromium)

if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test prerequisites: ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

export AXONIQ_UPDATE_CHECKER_DISABLED=true
exec ./mvnw -B -ntp verify "$@"
