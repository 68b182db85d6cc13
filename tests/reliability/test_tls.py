"""TLS verification is always on: no Dropdesk client talks to a server it cannot verify.

Three checks: no code in core/ or gui/ turns verification off (no `verify=` other than True,
no unverified SSL context, no CERT_NONE, no check_hostname = False); the clients Dropdesk
builds for Shopify and AliExpress carry a verifying SSL context; and, on the wire, the
AliExpress client refuses a self-signed server on 127.0.0.1 during the handshake, before a
single byte of the request (signature, token) is sent.
"""

from __future__ import annotations

import ast
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.aliexpress import (
    Gateway,
    GatewayClient,
    GatewayUnavailableError,
    RetryPolicy,
    StaticToken,
)
from core.aliexpress.dropship import DropshipApi
from core.shopify import AccessToken, ShopifyClient

ROOT = Path(__file__).resolve().parents[2]


def _sources() -> list[Path]:
    return sorted(p for folder in ("core", "gui") for p in (ROOT / folder).rglob("*.py"))


def test_no_code_turns_verification_off() -> None:
    found: list[str] = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "verify":
                if not (isinstance(node.value, ast.Constant) and node.value.value is True):
                    found.append(f"{where}:{node.value.lineno} verify={ast.unparse(node.value)}")
            elif isinstance(node, ast.Attribute) and node.attr in (
                "CERT_NONE",
                "_create_unverified_context",
                "_create_stdlib_context",
            ):
                found.append(f"{where}:{node.lineno} {node.attr}")
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Attribute) and target.attr in (
                        "check_hostname",
                        "verify_mode",
                    ):
                        found.append(f"{where}:{node.lineno} sets {target.attr}")
    assert len(_sources()) > 50  # the scan really read the code
    assert found == []


def _verifying(context: ssl.SSLContext) -> bool:
    return context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_the_clients_dropdesk_builds_verify_certificates() -> None:
    """What production builds (no test transport): httpx's own, with a verifying context."""
    with ShopifyClient("my-shop", AccessToken("shpat_" + "1" * 32)) as shop:
        assert _verifying(shop._http._transport._pool._ssl_context)  # type: ignore[attr-defined]
    with GatewayClient("500123", "app-secret-for-tls-test") as gateway:
        assert gateway.gateway.base_url == "https://api-sg.aliexpress.com"
        assert _verifying(gateway._http._transport._pool._ssl_context)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a self-signed certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


class SelfSignedServer:
    """Accepts TLS connections with a certificate no client should trust; records what
    arrives after the handshake (nothing, if the client verifies)."""

    def __init__(self, cert: Path, key: Path) -> None:
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.received = b""
        self.handshakes_failed = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.socket.getsockname()[1]}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                raw, _ = self.socket.accept()
            except TimeoutError:
                continue
            try:
                with self.context.wrap_socket(raw, server_side=True) as tls:
                    tls.settimeout(2)
                    self.received += tls.recv(65536)
                    tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")
            except (ssl.SSLError, OSError):
                self.handshakes_failed += 1

    def __enter__(self) -> SelfSignedServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(5)
        self.socket.close()


@pytest.fixture
def impostor(self_signed: tuple[Path, Path]) -> Iterator[SelfSignedServer]:
    with SelfSignedServer(*self_signed) as server:
        yield server


def test_a_server_with_an_untrusted_certificate_gets_nothing(impostor: SelfSignedServer) -> None:
    token = "50000impostor-test-access-token"
    client = GatewayClient(
        "500123",
        "app-secret-for-tls-test",
        gateway=Gateway.for_loopback(impostor.url),
        retry=RetryPolicy(attempts=2, sleep=lambda _s: None),
        timeout=5.0,
    )
    api = DropshipApi(client, StaticToken(token))
    try:
        with pytest.raises(GatewayUnavailableError) as refused:
            api.order("8100000000000001")
    finally:
        client.close()
    assert "could not be reached" in str(refused.value) or "broke off" in str(refused.value)
    assert token not in str(refused.value)
    assert impostor.handshakes_failed >= 1
    assert impostor.received == b""  # not the request line, not the token, not the signature
