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
    "email": Text("e-mail address", "E-Mail-Adresse"),
    "customer": Text("customer name", "Kundenname"),
    "displayName": Text("customer name", "Kundenname"),
    "phone": Text("phone number", "Telefonnummer"),
    "shippingAddress": Text("shipping address", "Lieferadresse"),
    "billingAddress": Text("billing address", "Rechnungsadresse"),
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


def _fields(denials: Iterable[Denial], lang: str) -> str:
    names = dict.fromkeys(
        (_FIELD_WORDS[d.field].get(lang) if d.field in _FIELD_WORDS else d.field or "?")
        for d in denials
    )
    return ", ".join(names)


_PROTECTED_REMEDY = Text(
    "Access to protected customer data is granted in the app's configuration (Shopify Dev "
    "Dashboard or Partner Dashboard: the app > protected customer data access: select the "
    "data and the reasons, then release the version and install it again); apps used by "
    "other shops also need Shopify's approval. Access scopes do not grant it.",
    "Der Zugriff auf geschützte Kundendaten wird in der Konfiguration der App gewährt "
    "(Shopify Dev Dashboard oder Partner Dashboard: die App > Zugriff auf geschützte "
    "Kundendaten: Daten und Gründe auswählen, dann die Version veröffentlichen und neu "
    "installieren); Apps, die auch andere Shops nutzen, brauchen zudem Shopifys Freigabe. "
    "Zugriffsbereiche (Scopes) gewähren ihn nicht.",
)


def _scope_remedy(scopes: tuple[str, ...]) -> Text:
    names = ", ".join(scopes)
    return Text(
        f"Add {names} to the app's access scopes (the app's configuration in the Shopify admin "
        "or Dev Dashboard), then install the app again.",
        f"Fügen Sie {names} den Zugriffsbereichen (Scopes) der App hinzu (Konfiguration der "
        "App im Shopify-Adminbereich oder im Dev Dashboard) und installieren Sie die App "
        "danach erneut.",
    )


_UNNAMED_REMEDY = Text(
    "Shopify did not say which permission is missing. Check the app's access scopes (Dropdesk "
    "needs read_orders and write_orders, and read_all_orders for orders older than 60 days) "
    "and its protected customer data access in the app's configuration, then install the app "
    "again.",
    "Shopify hat nicht gesagt, welche Berechtigung fehlt. Prüfen Sie die Zugriffsbereiche "
    "(Scopes) der App (Dropdesk braucht read_orders und write_orders, für Bestellungen älter "
    "als 60 Tage auch read_all_orders) und ihren Zugriff auf geschützte Kundendaten in der "
    "Konfiguration der App; installieren Sie die App danach erneut.",
)


def refusal_text(denials: list[Denial], operation: str, shop: str) -> Text:
    """Why Shopify refused the call `operation` outright, and the remedy that fits."""
    protected = [d for d in denials if d.protected]
    scopes = tuple(dict.fromkeys(s for d in denials for s in d.scopes))
    if scopes:
        names = ", ".join(scopes)
        also = _PROTECTED_REMEDY if protected else Text("", "")
        return Text(
            f"Shopify ({shop}) refused '{operation}': Dropdesk's app lacks the access scope "
            f"{names}. " + f"{_scope_remedy(scopes).en} {also.en}".strip(),
            f"Shopify ({shop}) hat '{operation}' abgelehnt: Der App von Dropdesk fehlt der "
            f"Zugriffsbereich {names}. " + f"{_scope_remedy(scopes).de} {also.de}".strip(),
        )
    if protected:
        return Text(
            f"Shopify ({shop}) refused '{operation}': Dropdesk's app is not approved for "
            f"protected customer data ({_fields(protected, 'en')}). " + _PROTECTED_REMEDY.en,
            f"Shopify ({shop}) hat '{operation}' abgelehnt: Die App von Dropdesk ist für "
            f"geschützte Kundendaten ({_fields(protected, 'de')}) nicht freigegeben. "
            + _PROTECTED_REMEDY.de,
        )
    return Text(
        f"Shopify ({shop}) refused Dropdesk's app access for '{operation}'. " + _UNNAMED_REMEDY.en,
        f"Shopify ({shop}) hat der App von Dropdesk den Zugriff für '{operation}' verweigert. "
        + _UNNAMED_REMEDY.de,
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
        en: list[str] = []
        de: list[str] = []
        if protected:
            en.append(
                f"Shopify withholds protected customer data from Dropdesk's app "
                f"({_fields(protected, 'en')}); the orders were saved without it. "
                + _PROTECTED_REMEDY.en
            )
            de.append(
                f"Shopify hält geschützte Kundendaten vor der App von Dropdesk zurück "
                f"({_fields(protected, 'de')}); die Bestellungen wurden ohne sie gespeichert. "
                + _PROTECTED_REMEDY.de
            )
        if scoped:
            scopes = tuple(dict.fromkeys(s for d in scoped for s in d.scopes))
            en.append(
                f"Shopify withheld {_fields(scoped, 'en')} because the app lacks the access "
                f"scope {', '.join(scopes)}; the orders were saved without it. "
                + _scope_remedy(scopes).en
                + (" " + _PROTECTED_REMEDY.en if any(d.protected for d in scoped) else "")
            )
            de.append(
                f"Shopify hat {_fields(scoped, 'de')} zurückgehalten, weil der App der "
                f"Zugriffsbereich {', '.join(scopes)} fehlt; die Bestellungen wurden ohne "
                "diese Angaben gespeichert. "
                + _scope_remedy(scopes).de
                + (" " + _PROTECTED_REMEDY.de if any(d.protected for d in scoped) else "")
            )
        if unnamed:
            en.append(
                f"Shopify withheld {_fields(unnamed, 'en')}; the orders were saved without it. "
                + _UNNAMED_REMEDY.en
            )
            de.append(
                f"Shopify hat {_fields(unnamed, 'de')} zurückgehalten; die Bestellungen wurden "
                "ohne diese Angaben gespeichert. " + _UNNAMED_REMEDY.de
            )
        return Text("\n\n".join(en), "\n\n".join(de))
