"""Icons, translations and templates shipped with Dropdesk."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parent


def icon_path(name: str) -> Path:
    return ROOT / "icons" / name
