"""How the command line reaches the window without importing it: the `dropdesk.gui` entry
points.

core never imports gui (tests/test_layers.py). The GUI registers what the command line may ask
of it in pyproject.toml, `[project.entry-points."dropdesk.gui"]`: `window` (open the app on a
ledger) and `review-pdf` (draw the review report, which needs Qt). `python -m gui` and the
bundle's entry script, which have the GUI at hand, pass the same parts to `core.cli.main`
directly (the bundle carries no package metadata). Without a GUI installed, the commands that
need none still run, and the others say so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

GROUP = "dropdesk.gui"
WINDOW = "window"
REVIEW_PDF = "review-pdf"

#: The GUI parts a caller hands in by name (`python -m gui`, the bundle).
GuiParts = Mapping[str, Callable[..., Any]]


class NoGuiError(RuntimeError):
    """Dropdesk's window is not installed here (a headless install of the commands only)."""

    def __init__(self, part: str) -> None:
        super().__init__(
            f"this needs Dropdesk's window ({part}), which is not installed here; "
            "the commands due, review (without --pdf), import and ledger run without it"
        )
        self.part = part


def gui_part(name: str, given: GuiParts | None = None) -> Callable[..., Any]:
    """The GUI's `name` part: as handed in, else as installed (the entry point)."""
    if given is not None and name in given:
        return given[name]
    from importlib.metadata import entry_points  # only when nothing was handed in

    for point in entry_points(group=GROUP, name=name):
        loaded: object = point.load()
        if callable(loaded):
            return loaded
    raise NoGuiError(name)
