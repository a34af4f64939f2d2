#!/usr/bin/env bash
# End-to-end checks of a generated site: HTML validity (vnu), links (htmlproofer), the browser
# (headless Chromium at 360 and 1280 px, screenshots, A4 print) and accessibility (axe-core).
#
#   SITE_DIR=site scripts/e2e.sh [extra pytest arguments]
#
# SITE_DIR defaults to `site` (relative to the repository root). Screenshots and axe results go to
# screenshots/ (git-ignored). Exits non-zero when any check fails, or when no test ran.
set -uo pipefail
cd "$(dirname "$0")/.."

export SITE_DIR="${SITE_DIR:-site}"
PYTHON="${PYTHON:-python3}"

if [ ! -f "$SITE_DIR/index.html" ]; then
  echo "e2e: no generated site in $SITE_DIR (no index.html); build it first (make site)" >&2
  exit 1
fi

mkdir -p screenshots
"$PYTHON" -m pytest -q -p no:cacheprovider Tests/e2e "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "e2e: pytest collected no tests" >&2
fi
exit "$status"
