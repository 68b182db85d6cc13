"""Render resources/icons/dropdesk.svg to the PNG, .ico and .icns files the bundles need.

Desktops want bitmaps at fixed sizes (hicolor theme, AppStream, the Windows and macOS icon
files), and rendering them with Qt's own SVG renderer keeps them identical to what the app
shows. The outputs are committed; run this again after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py          # write
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py --check  # compare
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

sys.path.insert(0, str(Path(__file__).parent))
from icon_containers import ICO_SIZES, icns_bytes, ico_bytes

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "dropdesk.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    return ICONS / f"dropdesk-{size}.png"


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn into a transparent `size` x `size` image, antialiased."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # stubs say bytes, runtime str
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data.data())


def outputs(svg: Path = SVG) -> dict[Path, bytes]:
    """Every file this script writes, with its content."""
    pngs = {size: png_bytes(render(svg, size)) for size in {*PNG_SIZES, *ICO_SIZES}}
    files = {png_path(size): pngs[size] for size in PNG_SIZES}
    files[ICONS / "dropdesk.ico"] = ico_bytes({size: pngs[size] for size in ICO_SIZES})
    files[ICONS / "dropdesk.icns"] = icns_bytes(pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    files = outputs()
    stale = [path for path, data in files.items() if _read(path) != data]
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(ICONS.parent.parent)}", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.write_bytes(files[path])
        print(f"wrote {path.relative_to(ICONS.parent.parent)}")
    return 0


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


if __name__ == "__main__":
    sys.exit(main())
