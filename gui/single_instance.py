"""One running Dropdesk per ledger and user: a second launch hands its files to the first.

The first instance listens on a local socket (a Unix socket, a named pipe on Windows) whose
name is a hash of the user and the ledger path, so two users, or one user with two ledgers,
never meet. The socket is private to the user: Qt's UserAccessOption (owner-only rights,
applied before the name becomes visible), inside the user's own runtime folder where there
is one; and a client refuses to talk to a socket file another user owns.

The second launch calls `try_forward(args)`: True means the first instance took the
arguments (and came to the front), so the second exits with 0 before it touches the ledger.
The ledger's own lock (LedgerInUseError) stays the fallback when the first instance does not
answer, e.g. while it is busy or was started by an older version.

Protocol: one line of JSON (`{"dropdesk": 1, "args": [...]}`) from the client, `ok` back.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import stat
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QDir, QObject, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

PROTOCOL = 1
ACK = b"ok\n"
MAX_MESSAGE_BYTES = 64 * 1024
"""Plenty for a few file paths; a peer sending more is dropped."""
PEER_TIMEOUT_MS = 5_000
MAX_UNIX_SOCKET_PATH = 100
"""sun_path holds 104 (macOS) or 108 (Linux) bytes; longer paths fall back to a bare name."""


def _user() -> str:
    """Who runs this process: the login name plus, on POSIX, the numeric uid."""
    try:
        name = getpass.getuser()
    except Exception:  # no login name in the environment or the password database
        name = ""
    uid = os.getuid() if hasattr(os, "getuid") else None
    return f"{name}:{uid}" if uid is not None else name


def _private_runtime_dir() -> Path | None:
    """$XDG_RUNTIME_DIR when it is a folder only this user can enter (Linux desktops)."""
    value = os.environ.get("XDG_RUNTIME_DIR")
    if not value or not hasattr(os, "getuid"):
        return None
    try:
        info = os.stat(value)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return Path(value)


def server_name(ledger_path: Path | str, user: str | None = None) -> str:
    """The local socket name for `ledger_path` and `user` (default: this process's user).

    A full socket path in a private runtime folder where there is one, else a bare name
    (Qt puts it in the temp folder on Unix, or makes it a named pipe on Windows). The name
    reveals neither the user nor the path.
    """
    if isinstance(ledger_path, str):  # a server ledger's address (core.ledger.server_address)
        resolved = ledger_path
    else:
        resolved = os.path.normcase(str(Path(ledger_path).expanduser().resolve()))
    who = user if user is not None else _user()
    digest = hashlib.sha256(f"dropdesk\0{who}\0{resolved}".encode()).hexdigest()[:32]
    name = f"dropdesk-{digest}"
    if sys.platform == "win32":
        return name
    runtime = _private_runtime_dir()
    if runtime is not None and len(str(runtime / name)) <= MAX_UNIX_SOCKET_PATH:
        return str(runtime / name)
    return name


def socket_file(name: str) -> Path | None:
    """Where a Unix socket of that name lives (None on Windows: named pipes have no file)."""
    if sys.platform == "win32":
        return None
    return Path(name) if os.path.isabs(name) else Path(QDir.tempPath()) / name


def _owned_by_someone_else(name: str) -> bool:
    path = socket_file(name)
    if path is None or not hasattr(os, "getuid"):
        return False
    try:
        return os.lstat(path).st_uid != os.getuid()
    except OSError:
        return False  # no file: nothing to connect to anyway


def encode(args: Sequence[str]) -> bytes:
    return json.dumps({"dropdesk": PROTOCOL, "args": list(args)}).encode() + b"\n"


def decode(line: bytes) -> list[str] | None:
    """The arguments in one message, or None when it is not a message of ours."""
    try:
        message = json.loads(line)
    except ValueError:
        return None
    if not isinstance(message, dict) or message.get("dropdesk") != PROTOCOL:
        return None
    args = message.get("args")
    if not isinstance(args, list) or not all(isinstance(arg, str) for arg in args):
        return None
    return args


class _Peer(QObject):
    """One connection to the first instance: reads a line, answers, hands the args over."""

    def __init__(self, socket: QLocalSocket, owner: SingleInstance) -> None:
        super().__init__(owner)
        self._socket = socket
        self._owner = owner
        self._buffer = bytearray()
        self._answered = False
        socket.setParent(self)
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self.deleteLater)
        QTimer.singleShot(PEER_TIMEOUT_MS, self, self.give_up)

    def _read(self) -> None:
        data = bytes(self._socket.readAll().data())
        if self._answered:
            return  # one message per connection
        self._buffer += data
        if len(self._buffer) > MAX_MESSAGE_BYTES:
            log.warning(
                "Single instance: dropped a peer that sent over %d bytes", len(self._buffer)
            )
            self.give_up()
            return
        line, newline, _rest = self._buffer.partition(b"\n")
        if not newline:
            return
        args = decode(bytes(line))
        if args is None:
            log.warning("Single instance: ignored a message that is not Dropdesk's")
            self.give_up()
            return
        self._answered = True
        self._socket.write(ACK)
        self._socket.flush()
        self._socket.disconnectFromServer()  # after the pending ack is written
        log.info("Another launch handed over %d argument(s)", len(args))
        # Emitted from the event loop, not from inside this socket's readyRead: the slots open
        # dialogs, may close this server, and must not run while the peer is half done (with
        # PySide 6.11, a test dropping the instance right after such a slot crashed in a
        # deferred delete).
        owner = self._owner
        QTimer.singleShot(0, owner, lambda: owner.message_received.emit(args))

    def give_up(self) -> None:
        if self._socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            self._socket.abort()
        self.deleteLater()


class SingleInstance(QObject):
    """The single-instance rendezvous for one ledger: forward to the first, or be the first.

    Give it a parent that lives as long as the app (the QApplication), or `close()` it and
    let the event loop run before dropping it: connections still open are children.
    """

    message_received = Signal(list)  # list[str]: the arguments a later launch handed over

    def __init__(
        self, ledger_path: Path | str, parent: QObject | None = None, *, timeout_ms: int = 2_000
    ) -> None:
        super().__init__(parent)
        self.name = server_name(ledger_path)
        self.timeout_ms = timeout_ms
        self._server: QLocalServer | None = None

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def try_forward(self, args: Sequence[str]) -> bool:
        """Hand `args` (absolute paths: the first instance has its own working folder) to a
        running instance; True when it acknowledged them, False when there is none (or it did
        not answer within the timeout)."""
        if _owned_by_someone_else(self.name):
            log.warning(
                "Single instance: the socket %s belongs to another user; ignored", self.name
            )
            return False
        socket = QLocalSocket()
        try:
            socket.connectToServer(self.name)
            if not socket.waitForConnected(self.timeout_ms):
                return False  # nobody listens, or a stale socket file from a crash
            socket.write(encode(args))
            if not socket.waitForBytesWritten(self.timeout_ms):
                log.warning("Single instance: the running instance did not take the message")
                return False
            answer = self._read_answer(socket)
        finally:
            socket.abort()
        if answer != ACK:
            log.warning("Single instance: the running instance did not acknowledge")
            return False
        return True

    def _read_answer(self, socket: QLocalSocket) -> bytes:
        deadline = time.monotonic() + self.timeout_ms / 1000
        received = b""
        while b"\n" not in received:
            left = int((deadline - time.monotonic()) * 1000)
            if socket.bytesAvailable() == 0 and (left <= 0 or not socket.waitForReadyRead(left)):
                received += bytes(socket.readAll().data())
                break
            received += bytes(socket.readAll().data())
        return received[: len(ACK)]

    def listen(self) -> bool:
        """Become the first instance. False when another live instance holds the name (call
        `try_forward` again) or the socket cannot be made; a stale socket left by a crash is
        removed and taken over."""
        self.close()
        if self._alive():
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            if server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
                log.warning(
                    "Single instance: cannot listen on %s: %s", self.name, server.errorString()
                )
                server.deleteLater()
                return False
            if _owned_by_someone_else(self.name):
                log.warning("Single instance: %s belongs to another user", self.name)
                server.deleteLater()
                return False
            log.info("Single instance: removing a stale socket %s", self.name)
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning(
                    "Single instance: cannot listen on %s: %s", self.name, server.errorString()
                )
                server.deleteLater()
                return False
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def move_to(self, ledger_path: Path | str) -> bool:
        """After the window switched ledgers: listen under the new ledger's name."""
        self.close()
        self.name = server_name(ledger_path)
        return self.listen()

    def close(self) -> None:
        for peer in self.findChildren(_Peer):
            peer.give_up()
        if self._server is not None:
            self._server.close()  # also removes the socket file
            self._server.deleteLater()
            self._server = None

    def _alive(self) -> bool:
        """Whether a server answers on the name (a stale socket file refuses connections)."""
        if _owned_by_someone_else(self.name):
            return True  # not ours to remove; and not ours to talk to
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        alive = probe.waitForConnected(min(self.timeout_ms, 500))
        probe.abort()
        return alive

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is not None:
                _Peer(socket, self)


def forwarded_files(args: Sequence[str], suffixes: Sequence[str] = (".csv",)) -> list[Path]:
    """The arguments naming a file with one of `suffixes` (any case), in order. A missing
    file is kept: the import then tells the merchant, rather than nothing happening."""
    wanted = tuple(suffix.lower() for suffix in suffixes)
    return [Path(arg) for arg in args if Path(arg).suffix.lower() in wanted]


def present(window: QWidget) -> None:
    """Bring `window` to the front. Window managers may refuse focus to a window that did
    not ask for it: the taskbar entry then flashes instead."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    QApplication.alert(window)
