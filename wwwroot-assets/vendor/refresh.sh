#!/usr/bin/env bash
# Refreshes the vendored front-end libraries from npm (run from anywhere; needs npm and tar):
#   wwwroot-assets/vendor/apexcharts/  ApexCharts 4.7.0 — the last MIT release (5.x and later are not open source)
#   Mentoring.Dashboard.Tests/Browser/axe/  axe-core, injected by the accessibility browser tests only
# Commit the result; nothing downloads at build or run time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tests="$here/../../Mentoring.Dashboard.Tests/Browser/axe"
APEXCHARTS_VERSION=4.7.0
AXE_VERSION=4.14.1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "apexcharts@$APEXCHARTS_VERSION" "axe-core@$AXE_VERSION" >/dev/null
mkdir apex axe
tar xzf "apexcharts-$APEXCHARTS_VERSION.tgz" -C apex
tar xzf "axe-core-$AXE_VERSION.tgz" -C axe

mkdir -p "$here/apexcharts" "$tests"
cp apex/package/dist/apexcharts.min.js apex/package/dist/apexcharts.css apex/package/dist/locales/ru.json apex/package/LICENSE "$here/apexcharts/"
echo "$APEXCHARTS_VERSION" > "$here/apexcharts/VERSION"
cp axe/package/axe.min.js axe/package/LICENSE "$tests/"
echo "$AXE_VERSION" > "$tests/VERSION"
echo "apexcharts $APEXCHARTS_VERSION and axe-core $AXE_VERSION vendored."
