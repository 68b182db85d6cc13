"""The Open Platform's request signature: HMAC-SHA256 over the sorted parameters.

Documented algorithm: every parameter except `sign`, sorted by name in byte order, written as
`name + value` with no separators; calls to a `/rest` path put that path in front. The digest is
keyed with the app secret and written as upper-case hex.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping

SIGN_METHOD = "sha256"


def sign_string(params: Mapping[str, str], api_path: str | None = None) -> str:
    """The text that gets signed (contains no secret, but may contain the session token)."""
    names = sorted((name for name in params if name != "sign"), key=lambda n: n.encode())
    return (api_path or "") + "".join(name + params[name] for name in names)


def sign(params: dict[str, str], secret: str, api_path: str | None = None) -> str:
    """The `sign` value for `params` (`sign` itself is ignored if present)."""
    message = sign_string(params, api_path).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest().upper()
