"""How a benchmark hands back its figures: one JSON object, or a table a person can read."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

Check = Callable[[dict[str, float]], bool]


@dataclass(frozen=True)
class Target:
    """A goal from the benchmarks issue, shown beside the figure (never asserted)."""

    text: str
    met: Check


@dataclass
class Result:
    """A benchmark's figures, in the order of its JSON keys, plus notes for people only."""

    title: str
    figures: dict[str, float]
    targets: dict[str, Target] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(self.figures)

    def to_table(self) -> str:
        rows = [("figure", "value", "target", "")]
        for key, value in self.figures.items():
            target = self.targets.get(key)
            verdict = "" if target is None else ("ok" if target.met(self.figures) else "MISSED")
            rows.append((key, f"{value:g}", target.text if target else "", verdict))
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        lines = [self.title, ""]
        for number, row in enumerate(rows):
            lines.append(
                "  ".join(
                    cell.ljust(width) for cell, width in zip(row, widths, strict=True)
                ).rstrip()
            )
            if number == 0:
                lines.append("  ".join("-" * width for width in widths))
        if self.notes:
            lines.append("")
            lines.extend(f"* {note}" for note in self.notes)
        return "\n".join(lines)


def at_most(key: str, limit: float, unit: str = "") -> tuple[str, Target]:
    """A target `key <= limit`."""
    return key, Target(f"<= {limit:g}{unit}", lambda figures: figures[key] <= limit)
