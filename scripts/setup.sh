#!/usr/bin/env bash
# Idempotent set-up shared by scripts/run and scripts/test.
#   - system packages (SoftHSM2, poppler-utils, qpdf, the few libraries Qt needs offscreen)
#     via apt when missing; when apt cannot be used, print the exact command and stop;
#   - a virtual environment in .venv with the project installed (editable) and its extras.
# Source it: `. scripts/setup.sh [EXTRAS]`; afterwards $VENV_PY is the venv's python.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXTRAS="${1:-}"

SYSTEM_PACKAGES=(softhsm2 poppler-utils qpdf libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0)

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        # libglib2.0-0 was renamed libglib2.0-0t64 on newer releases
        if [ "$pkg" = libglib2.0-0 ] && dpkg-query -W -f='${Status}' libglib2.0-0t64 2>/dev/null | grep -q "install ok installed"; then
            continue
        fi
        missing+=("$pkg")
    fi
done
if [ "${#missing[@]}" -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "Paket sistem belum terpasang / missing system packages: ${missing[*]}" >&2
        echo "Install them with your package manager, then run this command again." >&2
        exit 1
    fi
    if [ "$(id -u)" = 0 ]; then SUDO=(); elif sudo -n true 2>/dev/null; then SUDO=(sudo -n); else SUDO=(); fi
    if [ "$(id -u)" != 0 ] && [ "${#SUDO[@]}" = 0 ]; then
        echo "Paket sistem belum terpasang / missing system packages: ${missing[*]}" >&2
        echo "Jalankan / run:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    echo "==> installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
    echo "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1))." >&2
    echo "On Debian/Ubuntu: sudo apt-get install -y python3 python3-venv  (or set PYTHON=/path/to/python3.11)" >&2
    exit 1
fi

VENV="$ROOT/.venv"
if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating virtual environment in .venv"
    if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
        rm -rf "$VENV"
        echo "Could not create a virtual environment." >&2
        echo "On Debian/Ubuntu: sudo apt-get install -y python3-venv" >&2
        exit 1
    fi
fi
VENV_PY="$VENV/bin/python"

# Reinstall only when the dependency declaration changes or extras are missing
# (the run command is content with an environment that the test command set up).
stamp="$VENV/.installed"
want="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1) [$EXTRAS]"
have="$(cat "$stamp" 2>/dev/null || true)"
if [ "$have" != "$want" ] && ! { [ -z "$EXTRAS" ] && [ "${have%% *}" = "${want%% *}" ]; }; then
    echo "==> installing Python packages (first run takes a few minutes)"
    "$VENV_PY" -m pip install -q --upgrade pip >/dev/null
    spec="$ROOT"
    [ -n "$EXTRAS" ] && spec="$ROOT[$EXTRAS]"
    "$VENV_PY" -m pip install -q -e "$spec"
    echo "$want" > "$stamp"
fi
export VENV_PY
