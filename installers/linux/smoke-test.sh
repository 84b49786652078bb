#!/usr/bin/env bash
# Smoke test of the Debian package as a user gets it: unpack it into an empty folder
# (dpkg-deb -x) and run the bundled program with a bare environment (env -i: no venv, no
# project on PYTHONPATH, started outside the repository).
#   installers/linux/smoke-test.sh [dist/desktop-signer_<version>_amd64.deb]
# Needs: desktop-file-utils, appstream, softhsm2, opensc, dbus, gnome-keyring, xvfb (xauth)
# (.ci/run installs them). Leaves the window's pictures in dist/smoke-window*.png.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEB="${1:-$(ls "$ROOT"/dist/desktop-signer_*_amd64.deb 2>/dev/null | sort -V | tail -1)}"
[ -f "$DEB" ] || { echo "no package given and none in dist/ (run scripts/package)" >&2; exit 1; }
DEB="$(cd "$(dirname "$DEB")" && pwd)/$(basename "$DEB")"

WORK="$(mktemp -d /tmp/desktop-signer-smoke.XXXXXX)"
SERVER_PID=""
cleanup() {
    # $! is the subshell that runs `bare`; the server is its child: stop both
    if [ -n "$SERVER_PID" ]; then
        pkill -TERM -P "$SERVER_PID" 2>/dev/null || true
        kill "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
START=$SECONDS
step() { echo "--> [$(( SECONDS - START )) s] $*"; }
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }

APP_ID=id.desktopsigner.DesktopSigner
PKG="$WORK/root"
APPDIR="$PKG/opt/desktop-signer"
EXE="$APPDIR/desktop-signer"
HOMEDIR="$WORK/home"
mkdir -p "$HOMEDIR" "$WORK/run"
chmod 700 "$WORK/run"
cd "$WORK"  # never the repository: nothing of the source tree may be picked up

# The bare environment: only what a desktop session would have.
bare() {
    env -i PATH=/usr/bin:/bin HOME="$HOMEDIR" LANG=C.UTF-8 XDG_RUNTIME_DIR="$WORK/run" \
        DESKTOP_SIGNER_LANG=en "$@"
}

step "unpacking $(basename "$DEB") ($(( $(stat -c %s "$DEB") / 1024 / 1024 )) MB)"
dpkg-deb -x "$DEB" "$PKG"
[ -x "$EXE" ] || fail "no executable at /opt/desktop-signer/desktop-signer"
[ "$(readlink "$PKG/usr/bin/desktop-signer")" = /opt/desktop-signer/desktop-signer ] \
    || fail "/usr/bin/desktop-signer does not point at the bundle"
DESKTOP="$PKG/usr/share/applications/$APP_ID.desktop"
METAINFO="$PKG/usr/share/metainfo/$APP_ID.metainfo.xml"
for file in "$DESKTOP" "$METAINFO" "$PKG/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
        "$PKG/usr/share/icons/hicolor/48x48/apps/$APP_ID.png" \
        "$PKG/usr/share/icons/hicolor/256x256/apps/$APP_ID.png"; do
    [ -s "$file" ] || fail "missing ${file#"$PKG"}"
done
grep -qx 'MimeType=application/pdf;' "$DESKTOP" || fail "desktop entry does not offer PDFs"
grep -q '^Exec=desktop-signer %F$' "$DESKTOP" || fail "desktop entry does not take files (%F)"
dpkg-deb -f "$DEB" Depends | grep -q 'libssl3' || fail "Depends does not name the system OpenSSL"
if command -v apt-get >/dev/null 2>&1; then  # every Depends resolvable here (nothing installed)
    apt-get install --simulate -qq "$DEB" >/dev/null || fail "Depends cannot be met on this system"
fi

step "desktop-file-validate and appstreamcli validate"
desktop-file-validate "$DESKTOP"
appstreamcli validate --no-net --explain "$METAINFO"

step "every resource of the source tree is in the bundle, byte for byte"
missing=0
while IFS= read -r -d '' file; do
    relative="${file#"$ROOT/resources/"}"
    if ! cmp -s "$file" "$APPDIR/_internal/resources/$relative"; then
        echo "   missing or different in the bundle: resources/$relative" >&2
        missing=1
    fi
done < <(find "$ROOT/resources" -type f ! -name '*.ts' ! -name '*.py' ! -path '*/__pycache__/*' -print0)
[ "$missing" = 0 ] || fail "resources missing from the bundle (installers/desktop-signer.spec)"
QT_PLUGINS="$APPDIR/_internal/PySide6/Qt/plugins"
for plugin in platforms/libqxcb.so platforms/libqwayland.so platforms/libqoffscreen.so \
        iconengines/libqsvgicon.so imageformats/libqsvg.so; do
    [ -f "$QT_PLUGINS/$plugin" ] || fail "Qt plugin missing: $plugin"
done
for plugin in platforms/libqxcb.so platforms/libqwayland.so; do
    if LD_LIBRARY_PATH="$APPDIR/_internal" ldd "$QT_PLUGINS/$plugin" | grep -q 'not found'; then
        fail "$plugin needs libraries the package does not depend on"
    fi
done
if find "$APPDIR" -name 'libssl.so*' -o -name 'libcrypto.so*' | grep -q .; then
    fail "the bundle carries its own OpenSSL (vendor PKCS#11 modules must meet the system's)"
fi

step "--version"
version="$(bare "$EXE" --version)"
expected="desktop-signer $(dpkg-deb -f "$DEB" Version)"
[ "$version" = "$expected" ] || fail "--version said '$version', expected '$expected'"

step "selfcheck (resources, library data, PDF engine, PKCS#11)"
bare "$EXE" selfcheck

step "training init (certomancer PKI, SoftHSM tokens through a child process)"
bare "$EXE" training init "$WORK/latihan" > "$WORK/init.txt" || { cat "$WORK/init.txt"; fail "training init"; }
manifest="$WORK/latihan/latihan.json"
field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$manifest" "$1"; }
PIN="$(field pin)"; MODULE="$(field module)"; CONF="$(field softhsm_conf)"; PORT="$(field port)"

step "training serve (TSA, OCSP, CRL on 127.0.0.1:$PORT)"
bare "$EXE" training serve "$WORK/latihan" > "$WORK/serve.txt" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.txt"; fail "training serve stopped"; }
    sleep 0.2
done

step "sign 8 letters on the SoftHSM token, B-LT (batch: the checker runs in a worker process)"
mkdir -p "$WORK/in" "$WORK/out"
for n in 1 2 3 4 5 6 7 8; do cp "$WORK/latihan/surat/surat-dinas-3-halaman.pdf" "$WORK/in/surat-$n.pdf"; done
bare SOFTHSM2_CONF="$CONF" PIN="$PIN" "$EXE" sign "$WORK"/in/*.pdf --out-dir "$WORK/out" \
    --training --module "$MODULE" --token LATIHAN --cert-label siti --pin-env PIN \
    --anchor '#' --level B-LT --signer-title "Kepala Dinas" --json > "$WORK/sign.jsonl" \
    || { cat "$WORK/sign.jsonl"; fail "sign"; }
[ "$(ls "$WORK/out"/*.pdf | wc -l)" = 8 ] || fail "sign did not write 8 files"

step "verify a signed letter (forkserver child under freezing)"
bare "$EXE" verify --training "$WORK/out/surat-1_signed.pdf" > "$WORK/verify.txt" \
    || { cat "$WORK/verify.txt"; fail "verify did not find the letter valid"; }
grep -q "^Result: VALID" "$WORK/verify.txt" || { cat "$WORK/verify.txt"; fail "no VALID verdict"; }

step "tokens: SoftHSM's token, and OpenSC's module loading against the system's libraries"
bare SOFTHSM2_CONF="$CONF" "$EXE" tokens --module "$MODULE" --json > "$WORK/tokens.json"
python3 - "$WORK/tokens.json" <<'EOF' || fail "tokens did not list the LATIHAN token"
import json, sys
report = json.load(open(sys.argv[1]))
assert [m["status"] for m in report["modules"]] == ["loaded"], report["modules"]
assert "LATIHAN" in [t["label"] for t in report["tokens"]], report["tokens"]
EOF
OPENSC="$(ls /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so /usr/lib/x86_64-linux-gnu/pkcs11/opensc-pkcs11.so 2>/dev/null | head -1)"
[ -n "$OPENSC" ] || fail "OpenSC is not installed (apt-get install opensc)"
bare "$EXE" tokens --module "$OPENSC" --json > "$WORK/opensc.json" || true
python3 - "$WORK/opensc.json" <<'EOF' || { cat "$WORK/opensc.json"; fail "OpenSC's module did not load"; }
import json, sys
report = json.load(open(sys.argv[1]))
module, = report["modules"]
assert module["status"] == "loaded", module
print("   OpenSC:", module["description"], module["version"])
EOF

step "keyring: a secret stored and read back through the Secret Service (gnome-keyring)"
bare dbus-run-session -- sh -c \
    'printf smoke | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 &&
     "$0" selfcheck --keyring' "$EXE" 2> "$WORK/keyring.err" \
    || { cat "$WORK/keyring.err"; fail "keyring round trip"; }

step "--screenshot of the window in Indonesian (offscreen, then X11 under Xvfb)"
bare QT_QPA_PLATFORM=offscreen DESKTOP_SIGNER_LANG=id "$EXE" --screenshot "$WORK/window.png" \
    "$WORK/out/surat-1_signed.pdf" 2> "$WORK/shot.err" || { cat "$WORK/shot.err"; fail "screenshot"; }
[ "$(stat -c %s "$WORK/window.png")" -gt 20000 ] || fail "the screenshot is (nearly) empty"
mkdir -p "$ROOT/dist"
cp "$WORK/window.png" "$ROOT/dist/smoke-window.png"
if command -v xvfb-run >/dev/null 2>&1; then
    bare QT_QPA_PLATFORM=xcb DESKTOP_SIGNER_LANG=id xvfb-run -a -s "-screen 0 1280x800x24" "$EXE" \
        --screenshot "$WORK/window-x11.png" "$WORK/out/surat-1_signed.pdf" 2> "$WORK/x11.err" \
        || { cat "$WORK/x11.err"; fail "screenshot under X11 (xcb)"; }
    [ "$(stat -c %s "$WORK/window-x11.png")" -gt 20000 ] || fail "the X11 screenshot is empty"
    cp "$WORK/window-x11.png" "$ROOT/dist/smoke-window-x11.png"
else
    echo "   (xvfb-run not installed: X11 not tried)"
fi

step "the installed package passed the smoke test"
