"""What Shopify's access denials in a GraphQL answer mean, and what the merchant can do.

Two different things are denied the same way (`ACCESS_DENIED`, or in Shopify's own documented
example no `extensions.code` at all, only the words):
- a missing access scope (`read_orders`, ...): named in the message or `requiredAccess`; the
  remedy is the app's access scopes;
- protected customer data (`Order.email`, the customer, addresses, ...): the app is "not
  approved"; access is granted in the app's configuration (protected customer data access) or by
  Shopify's review, not by scopes.
A denial of an optional field leaves that field null in `data` (GraphQL's partial answer): the
caller keeps the rest and tells the merchant once what was withheld (`Withheld`). A denial of
anything else stops the call with a `ShopifyScopeError` that explains the right remedy.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from core.texts import Text

_SCOPE = re.compile(r"\b(?:read|write)_[a-z_]+\b")
#: Words of a denial that has no `extensions.code`.
_DENIAL_WORDS = ("access denied", "not approved", "required access", "requiredaccess")
#: Words that mark protected customer data (Shopify: "This app is not approved to use the email
#: field"/"to access the Customer object"; the documentation link names `customer_data`).
_PROTECTED_WORDS = ("not approved", "protected customer data", "protected-customer-data")
_PROTECTED_WORDS_URL = ("customer_data",)
#: Fields Shopify counts as protected customer data (its name, e-mail, phone and address
#: fields), so a denial of one without a scope named is about that, not about a scope.
PROTECTED_FIELDS = frozenset(
    {
        "email",
        "phone",
        "customer",
        "displayName",
        "firstName",
        "lastName",
        "shippingAddress",
        "billingAddress",
        "addresses",
        "defaultAddress",
        "contactEmail",
    }
)
#: How the merchant calls the fields Dropdesk reads (others show as Shopify names them).
_FIELD_WORDS = {
    "email": Text("core.shopify.denials", "e-mail address"),
    "customer": Text("core.shopify.denials", "customer name"),
    "displayName": Text("core.shopify.denials", "customer name"),
    "phone": Text("core.shopify.denials", "phone number"),
    "shippingAddress": Text("core.shopify.denials", "shipping address"),
    "billingAddress": Text("core.shopify.denials", "billing address"),
}


@dataclass(frozen=True)
class Denial:
    """One denied path of an answer."""

    path: tuple[str | int, ...]
    scopes: tuple[str, ...]  # the scopes Shopify named (empty: none named)
    protected: bool  # protected customer data rather than a scope

    @property
    def field(self) -> str:
        """The denied field (the last name on its path), "" when Shopify gave no path."""
        return next((part for part in reversed(self.path) if isinstance(part, str)), "")

    def within(self, optional: Collection[str]) -> bool:
        """Whether the denial is at or under one of the `optional` fields."""
        return any(isinstance(part, str) and part in optional for part in self.path)


def code_of(error: Mapping[str, Any]) -> str | None:
    extensions = error.get("extensions")
    code = extensions.get("code") if isinstance(extensions, Mapping) else None
    return code if isinstance(code, str) else None


def denial_of(error: Mapping[str, Any]) -> Denial | None:
    """The denial an error describes, however written; None for any other error."""
    message = str(error.get("message", ""))
    extensions = error.get("extensions")
    extra = extensions if isinstance(extensions, Mapping) else {}
    required = str(extra.get("requiredAccess", ""))
    said = f"{message} {required}".lower()
    code = code_of(error)
    if code != "ACCESS_DENIED" and (code is not None or not any(w in said for w in _DENIAL_WORDS)):
        return None
    raw_path = error.get("path")
    path = tuple(
        part
        for part in (raw_path if isinstance(raw_path, list) else [])
        if isinstance(part, str | int) and not isinstance(part, bool)
    )
    scopes = tuple(dict.fromkeys(_SCOPE.findall(f"{message} {required}")))
    documentation = str(extra.get("documentation", "")).lower()
    worded = any(w in said for w in _PROTECTED_WORDS) or any(
        w in documentation or w in said for w in _PROTECTED_WORDS_URL
    )
    field_name = next((p for p in reversed(path) if isinstance(p, str)), "")
    protected = worded or (not scopes and field_name in PROTECTED_FIELDS)
    return Denial(path, scopes, protected)


def _fields(denials: Iterable[Denial]) -> Text:
    names = dict.fromkeys(
        _FIELD_WORDS.get(d.field) or Text.verbatim(d.field or "?") for d in denials
    )
    return Text.join(", ", names)


_PROTECTED_REMEDY = Text(
    "core.shopify.denials",
    "Access to protected customer data is granted in the app's "
    "configuration (Shopify Dev Dashboard or Partner Dashboard: the app > "
    "protected customer data access: select the data and the reasons, then "
    "release the version and install it again); apps used by other shops "
    "also need Shopify's approval. Access scopes do not grant it.",
)


def _scope_remedy(scopes: tuple[str, ...]) -> Text:
    names = ", ".join(scopes)
    return Text(
        "core.shopify.denials",
        "Add {names} to the app's access scopes (the app's configuration in "
        "the Shopify admin or Dev Dashboard), then install the app again.",
        names=names,
    )


_UNNAMED_REMEDY = Text(
    "core.shopify.denials",
    "Shopify did not say which permission is missing. Check the app's "
    "access scopes (Dropdesk needs read_orders and write_orders, and "
    "read_all_orders for orders older than 60 days) and its protected "
    "customer data access in the app's configuration, then install the app "
    "again.",
)


def refusal_text(denials: list[Denial], operation: str, shop: str) -> Text:
    """Why Shopify refused the call `operation` outright, and the remedy that fits."""
    protected = [d for d in denials if d.protected]
    scopes = tuple(dict.fromkeys(s for d in denials for s in d.scopes))
    if scopes:
        names = ", ".join(scopes)
        remedy = _scope_remedy(scopes)
        if protected:
            remedy = Text.join(" ", (remedy, _PROTECTED_REMEDY))
        return Text(
            "core.shopify.denials",
            "Shopify ({shop}) refused '{operation}': Dropdesk's app lacks the access scope "
            "{names}. {remedy}",
            shop=shop,
            operation=operation,
            names=names,
            remedy=remedy,
        )
    if protected:
        return Text(
            "core.shopify.denials",
            "Shopify ({shop}) refused '{operation}': Dropdesk's app is not approved for "
            "protected customer data ({fields}). {remedy}",
            shop=shop,
            operation=operation,
            fields=_fields(protected),
            remedy=_PROTECTED_REMEDY,
        )
    return Text(
        "core.shopify.denials",
        "Shopify ({shop}) refused Dropdesk's app access for '{operation}'. {remedy}",
        shop=shop,
        operation=operation,
        remedy=_UNNAMED_REMEDY,
    )


@dataclass
class Withheld:
    """Optional fields Shopify withheld during a run (e.g. a sync), told once at the end."""

    denials: dict[tuple[str, tuple[str, ...], bool], Denial] = field(default_factory=dict)

    def add(self, denial: Denial) -> None:
        self.denials.setdefault((denial.field, denial.scopes, denial.protected), denial)

    def __bool__(self) -> bool:
        return bool(self.denials)

    @property
    def fields(self) -> tuple[str, ...]:
        """The withheld fields by Shopify's names, for logs and journal payloads."""
        return tuple(dict.fromkeys(d.field for d in self.denials.values()))

    def notice(self) -> Text | None:
        """One text for everything withheld, with the remedy for each kind; None if nothing."""
        if not self.denials:
            return None
        denials = list(self.denials.values())
        protected = [d for d in denials if d.protected and not d.scopes]
        scoped = [d for d in denials if d.scopes]
        unnamed = [d for d in denials if not d.protected and not d.scopes]
        said: list[Text] = []
        if protected:
            said.append(
                Text(
                    "core.shopify.denials",
                    "Shopify withholds protected customer data from Dropdesk's app ({fields}); "
                    "the orders were saved without it. {remedy}",
                    fields=_fields(protected),
                    remedy=_PROTECTED_REMEDY,
                )
            )
        if scoped:
            scopes = tuple(dict.fromkeys(s for d in scoped for s in d.scopes))
            remedy = _scope_remedy(scopes)
            if any(d.protected for d in scoped):
                remedy = Text.join(" ", (remedy, _PROTECTED_REMEDY))
            said.append(
                Text(
                    "core.shopify.denials",
                    "Shopify withheld {fields} because the app lacks the access scope "
                    "{scopes}; the orders were saved without it. {remedy}",
                    fields=_fields(scoped),
                    scopes=", ".join(scopes),
                    remedy=remedy,
                )
            )
        if unnamed:
            said.append(
                Text(
                    "core.shopify.denials",
                    "Shopify withheld {fields}; the orders were saved without it. {remedy}",
                    fields=_fields(unnamed),
                    remedy=_UNNAMED_REMEDY,
                )
            )
        return Text.join("\n\n", said)
