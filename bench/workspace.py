"""A throwaway folder per benchmark run, which also becomes DROPDESK_HOME (settings, logs), so
a run leaves nothing behind on the machine and never touches the merchant's own files."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def workspace(name: str) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix=f"dropdesk-bench-{name}-"))
    saved = os.environ.get("DROPDESK_HOME")
    os.environ["DROPDESK_HOME"] = str(folder / "home")
    try:
        yield folder
    finally:
        if saved is None:
            os.environ.pop("DROPDESK_HOME", None)
        else:
            os.environ["DROPDESK_HOME"] = saved
        shutil.rmtree(folder, ignore_errors=True)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a measured child process: this one's, with the repository on the
    import path so `python -m bench.<child>` works from any working directory."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def say(text: str) -> None:
    """Progress for the person waiting, on stderr (stdout is the result)."""
    print(text, file=sys.stderr, flush=True)
