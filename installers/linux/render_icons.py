"""Render the application icon (icon.svg) as PNGs for the hicolor theme.

Usage: python render_icons.py ICON.svg OUT_DIR SIZE [SIZE ...]
Writes OUT_DIR/<size>x<size>.png. Uses Qt's SVG renderer from the build environment, so
packaging needs no image tool of its own.
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402


def main(svg: str, out_dir: str, sizes: list[int]) -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter needs an application)
    renderer = QSvgRenderer(svg)
    if not renderer.isValid():
        print(f"cannot read {svg}", file=sys.stderr)
        return 1
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        if not image.save(os.path.join(out_dir, f"{size}x{size}.png")):
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3:]]))
