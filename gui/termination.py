"""SIGTERM (logout, `kill`, a service manager) quits the window as Ctrl+Q does.

Qt's event loop runs in C++: a Python signal handler only runs when Python gets control back.
`signal.set_wakeup_fd` writes a byte to a socket when a signal arrives; Qt watches that socket,
so the loop wakes, Python runs the handler, and the handler asks the loop to quit. `run` then
closes the session and the ledger as after Ctrl+Q (no half-written state, no lock left).
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from PySide6.QtCore import QCoreApplication, QSocketNotifier


@contextmanager
def quit_on_sigterm(app: QCoreApplication) -> Iterator[None]:
    """While inside, SIGTERM makes `app.exec()` return; the previous handling comes back after."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(lambda *_: _drain(reader))

    def handle(_signum: int, _frame: FrameType | None) -> None:
        app.quit()

    previous_fd = signal.set_wakeup_fd(writer.fileno())
    previous = signal.signal(signal.SIGTERM, handle)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        reader.close()
        writer.close()


def _drain(reader: socket.socket) -> None:
    try:
        while reader.recv(512):
            pass
    except BlockingIOError:
        pass
