#!/usr/bin/env bash
# macOS: freeze Desktop Signer.app with the shared spec, sign it (when an identity is
# given), and wrap it into dist/desktop-signer-<version>-<arch>.dmg.
#   installers/macos/build-dmg.sh                      (unsigned, for testing)
#   CODESIGN_IDENTITY="Developer ID Application: ..." NOTARY_PROFILE=name installers/macos/build-dmg.sh
# Run on a Mac (arm64 and Intel separately: PyMuPDF's wheels are per architecture).
# Not run on the project's Linux machine; .github/workflows/installers.yml runs it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-.venv/bin/python}"
VERSION="$("$PY" -c 'import desktop_signer; print(desktop_signer.__version__)')"
ARCH="$(uname -m)"
APP="dist/Desktop Signer.app"

# the application icon from the same drawing as Linux's
ICONSET="build/macos/desktop-signer.iconset"
rm -rf "$ICONSET" && mkdir -p "$ICONSET"
"$PY" installers/linux/render_icons.py installers/linux/icon.svg "$ICONSET" 16 32 64 128 256 512 1024
for size in 16 32 128 256 512; do
    mv "$ICONSET/${size}x${size}.png" "$ICONSET/icon_${size}x${size}.png"
    double=$(( size * 2 ))
    [ -f "$ICONSET/${double}x${double}.png" ] && cp "$ICONSET/${double}x${double}.png" "$ICONSET/icon_${size}x${size}@2x.png"
done
rm -f "$ICONSET"/[0-9]*x[0-9]*.png
iconutil -c icns -o installers/macos/desktop-signer.icns "$ICONSET"

"$PY" -m PyInstaller --noconfirm installers/desktop-signer.spec
[ -d "$APP" ] || { echo "PyInstaller made no $APP" >&2; exit 1; }

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp \
        --entitlements installers/macos/entitlements.plist \
        --sign "$CODESIGN_IDENTITY" "$APP"
    codesign --verify --deep --strict "$APP"
fi

DMG="dist/desktop-signer-${VERSION}-${ARCH}.dmg"
STAGE="build/macos/dmg"
rm -rf "$STAGE" && mkdir -p "$STAGE"
ditto "$APP" "$STAGE/Desktop Signer.app"   # ditto keeps the framework symlinks
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "Desktop Signer $VERSION" -srcfolder "$STAGE" -ov -format UDZO "$DMG"

if [ -n "${CODESIGN_IDENTITY:-}" ] && [ -n "${NOTARY_PROFILE:-}" ]; then
    codesign --sign "$CODESIGN_IDENTITY" --timestamp "$DMG"
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
fi
echo "built $DMG"
