"""The Windows version resource of dropdesk.exe (Explorer's Details tab, installers).

PyInstaller reads it from a text file holding a `VSVersionInfo(...)` expression; the spec
writes that file from pyproject.toml's version, so there is one version number to bump.
"""

from __future__ import annotations

import re

COMPANY = "Dropdesk"
PRODUCT = "Dropdesk"
DESCRIPTION = "Dropdesk: orders, ship windows and refunds for Shopify + AliExpress"
COPYRIGHT = "Copyright (C) Dropdesk"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The release numbers of a PEP 440 version, four of them: '1.2.3rc1' -> (1, 2, 3, 0).

    Pre-release and local parts are dropped (Windows compares the numbers only, and 1.2.3rc1
    must not rank above 1.2.3)."""
    release = re.match(r"\d+(?:\.\d+)*", version)
    if release is None:
        raise ValueError(f"not a version number: {version!r}")
    numbers = [int(part) for part in release.group().split(".")[:4]]
    padded = [*numbers, 0, 0, 0][:4]
    return padded[0], padded[1], padded[2], padded[3]


def version_info_text(version: str, executable: str = "dropdesk.exe") -> str:
    """The version file's text for `version` (PEP 440 string as in pyproject.toml)."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": executable.removesuffix(".exe"),
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": executable,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{table},
      ]),
    ]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])]),
  ],
)
"""
