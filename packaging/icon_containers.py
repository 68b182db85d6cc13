"""Windows .ico and macOS .icns files assembled from PNG images, in pure Python.

PyInstaller wants the platform's own icon format and only converts other images when Pillow is
installed; Dropdesk does not need Pillow, and both formats accept PNG payloads as they are, so
the containers are a few bytes of header around the PNGs that `render_icons.py` makes.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# icns element types that hold a PNG, by pixel size (the @2x types reuse the bigger image).
ICNS_TYPES: dict[bytes, int] = {
    b"icp4": 16,
    b"icp5": 32,
    b"icp6": 64,
    b"ic07": 128,
    b"ic08": 256,
    b"ic09": 512,
    b"ic11": 32,  # 16x16@2x
    b"ic12": 64,  # 32x32@2x
    b"ic13": 256,  # 128x128@2x
    b"ic14": 512,  # 256x256@2x
}
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if not png.startswith(PNG_SIGNATURE) or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def ico_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """An .ico holding each PNG of `pngs` (size -> PNG bytes, at most 256 px)."""
    sizes = sorted(pngs)
    if not sizes or sizes[-1] > 256:
        raise ValueError("an .ico holds images of 1 to 256 pixels")
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    directory, payload = b"", b""
    for size in sizes:
        png = pngs[size]
        if png_size(png) != (size, size):
            raise ValueError(f"the {size} px image is {png_size(png)}")
        side = 0 if size == 256 else size  # 0 means 256 in the directory entry
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        payload += png
    return header + directory + payload


def icns_bytes(pngs: Mapping[int, bytes]) -> bytes:
    """An .icns with every element type whose pixel size is in `pngs`."""
    elements = b""
    for kind, size in ICNS_TYPES.items():
        png = pngs.get(size)
        if png is None:
            continue
        if png_size(png) != (size, size):
            raise ValueError(f"the {size} px image is {png_size(png)}")
        elements += kind + struct.pack(">I", 8 + len(png)) + png
    if not elements:
        raise ValueError("no image of a size an .icns holds")
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    """(size, PNG) for every image in an .ico written by `ico_bytes` (for checks)."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    if (reserved, kind) != (0, 1):
        raise ValueError("not an .ico file")
    entries = []
    for index in range(count):
        side, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        entries.append((side or 256, data[offset : offset + length]))
    return entries


def icns_entries(data: bytes) -> list[tuple[bytes, bytes]]:
    """(element type, payload) for every element of an .icns (for checks)."""
    if data[:4] != b"icns" or struct.unpack(">I", data[4:8])[0] != len(data):
        raise ValueError("not an .icns file")
    entries, position = [], 8
    while position < len(data):
        kind = data[position : position + 4]
        (length,) = struct.unpack(">I", data[position + 4 : position + 8])
        entries.append((kind, data[position + 8 : position + length]))
        position += length
    return entries
