"""Only the official host over https, or an explicitly loopback fake, can be called."""

from __future__ import annotations

import pytest

from core.aliexpress import Gateway, GatewayClient


def test_official_gateway() -> None:
    gateway = Gateway()
    assert gateway == Gateway.official()
    assert gateway.sync_url == "https://api-sg.aliexpress.com/sync"
    assert gateway.rest_url("/auth/token/create") == (
        "https://api-sg.aliexpress.com/rest/auth/token/create"
    )


@pytest.mark.parametrize(
    "url",
    [
        "http://api-sg.aliexpress.com",
        "https://api-sg.aliexpress.com.evil.example",
        "https://evil.example",
        "https://api-sg.aliexpress.com:8443",
        "https://api-sg.aliexpress.com/sync",
        "https://user@api-sg.aliexpress.com",
        "http://127.0.0.1:8080",  # loopback only through for_loopback()
    ],
)
def test_other_hosts_are_refused(url: str) -> None:
    with pytest.raises(ValueError):
        Gateway(url)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080", "http://[::1]:9", "http://localhost:1"])
def test_loopback_fakes_are_allowed_explicitly(url: str) -> None:
    assert Gateway.for_loopback(url).sync_url == f"{url}/sync"


@pytest.mark.parametrize("url", ["http://10.0.0.1:80", "http://example.com", "ftp://127.0.0.1"])
def test_loopback_means_loopback(url: str) -> None:
    with pytest.raises(ValueError):
        Gateway.for_loopback(url)


def test_client_defaults_to_the_official_gateway_and_hides_the_secret() -> None:
    with GatewayClient("123456", "very-secret-app-secret") as client:
        assert client.gateway == Gateway()
        assert "very-secret" not in repr(client)
        assert "123456" in repr(client)
