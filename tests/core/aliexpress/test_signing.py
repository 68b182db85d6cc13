"""The documented signature: the DESIGN.md vector, and the fake's independent verifier."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from core.aliexpress.signing import sign, sign_string
from tests.fakes.aliexpress_gateway import verify_signature

VECTOR_PARAMS = {
    "app_key": "123456",
    "format": "json",
    "method": "aliexpress.trade.ds.order.get",
    "session": "test",
    "sign_method": "sha256",
    "simplify": "false",
    "single_order_query": '{"order_id":"10000001"}',
    "timestamp": "1517820392000",
}
VECTOR_STRING = (
    "app_key123456formatjsonmethodaliexpress.trade.ds.order.getsessiontestsign_methodsha256"
    'simplifyfalsesingle_order_query{"order_id":"10000001"}timestamp1517820392000'
)
VECTOR_SIGN = "AACF83260FE748A9F960A019206C8BAE09A1D6A88F94C9A846567A7C62035878"


def test_design_vector() -> None:
    assert sign_string(VECTOR_PARAMS) == VECTOR_STRING
    assert sign(VECTOR_PARAMS, "helloworld") == VECTOR_SIGN


def test_vector_does_not_depend_on_insertion_order_or_an_existing_sign() -> None:
    shuffled = dict(reversed(list(VECTOR_PARAMS.items())))
    assert sign({**shuffled, "sign": "WHATEVER"}, "helloworld") == VECTOR_SIGN


def test_rest_calls_put_the_path_in_front() -> None:
    params = {"app_key": "1", "code": "c", "sign_method": "sha256", "timestamp": "1"}
    assert sign_string(params, "/auth/token/create").startswith("/auth/token/createapp_key1")
    assert sign(params, "s", "/auth/token/create") != sign(params, "s")


def test_names_sort_in_byte_order() -> None:
    # Upper case sorts before lower case, and "_" (0x5F) between them, as bytes do.
    assert sign_string({"b": "1", "_": "2", "B": "3"}) == "B3_2b1"


names = st.text(
    alphabet=st.characters(min_codepoint=33, max_codepoint=0x2FF), min_size=1, max_size=12
).filter(lambda name: name != "sign")
values = st.text(max_size=40)
param_dicts = st.dictionaries(names, values, min_size=1, max_size=8)
secrets_ = st.text(min_size=1, max_size=40)


def _signed(params: dict[str, str], secret: str, path: str | None = None) -> dict[str, str]:
    return {**params, "sign": sign(params, secret, path)}


@given(param_dicts, secrets_, st.sampled_from([None, "/auth/token/create"]))
def test_fake_verifier_accepts_what_the_client_signs(
    params: dict[str, str], secret: str, path: str | None
) -> None:
    assert verify_signature(_signed(params, secret, path), secret, path)


@given(param_dicts, secrets_, st.data())
def test_fake_verifier_rejects_a_changed_value(
    params: dict[str, str], secret: str, data: st.DataObject
) -> None:
    signed = _signed(params, secret)
    name = data.draw(st.sampled_from(sorted(params)))
    new_value = data.draw(values.filter(lambda value: value != params[name]))
    assert not verify_signature({**signed, name: new_value}, secret)


@given(param_dicts, secrets_, names, values)
def test_fake_verifier_rejects_an_added_parameter(
    params: dict[str, str], secret: str, name: str, value: str
) -> None:
    assume(name not in params)
    assert not verify_signature({**_signed(params, secret), name: value}, secret)


@given(param_dicts, secrets_, st.data())
def test_fake_verifier_rejects_a_removed_parameter(
    params: dict[str, str], secret: str, data: st.DataObject
) -> None:
    signed = _signed(params, secret)
    del signed[data.draw(st.sampled_from(sorted(params)))]
    assert not verify_signature(signed, secret)


@given(param_dicts, secrets_, st.data())
def test_fake_verifier_rejects_a_renamed_parameter(
    params: dict[str, str], secret: str, data: st.DataObject
) -> None:
    signed = _signed(params, secret)
    old = data.draw(st.sampled_from(sorted(params)))
    new = data.draw(names.filter(lambda name: name not in params))
    renamed = {(new if key == old else key): value for key, value in signed.items()}
    # The documented concatenation has no separators, so a rename that only moves the boundary
    # between name and value ({"ab": "c"} -> {"a": "bc"}) signs the same text: a platform
    # property, not a verifier bug. Every rename that changes the signed text must be refused.
    assume(sign_string(renamed) != sign_string(signed))
    assert not verify_signature(renamed, secret)


@given(param_dicts, secrets_, secrets_)
def test_fake_verifier_rejects_another_secret(
    params: dict[str, str], secret: str, other: str
) -> None:
    assume(other != secret)
    assert not verify_signature(_signed(params, secret), other)


def test_the_separator_free_format_is_ambiguous_by_design() -> None:
    assert sign({"ab": "c"}, "k") == sign({"a": "bc"}, "k")


@pytest.mark.parametrize("path", ["/auth/token/create", "/auth/token/refresh"])
def test_fake_verifier_binds_the_path(path: str) -> None:
    signed = _signed({"app_key": "1", "timestamp": "2"}, "secret", path)
    assert verify_signature(signed, "secret", path)
    assert not verify_signature(signed, "secret", None)
    assert not verify_signature(signed, "secret", "/auth/token/other")
