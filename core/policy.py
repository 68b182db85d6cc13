"""The merchant's refund and return policy, drafted from the suppliers it relies on.

A merchant can only promise what every supplier will back, so the strictest supplier wins each
point: the shortest cancel window (no window at all if any supplier states none), only the
return reasons every supplier accepts (none if any supplier accepts none). The refund time it
promises is the law's, never longer: at the latest 14 days from the customer's cancellation or
withdrawal (Directive 2011/83/EU, Art. 13), whatever the suppliers take to refund the merchant;
the choices say when a supplier is slower than that. Each choice is explained, naming the
suppliers that forced it. The draft states that statutory rights (in the EU: the 14-day right
of withdrawal and the legal guarantee) are unaffected, because no supplier term can take them
away; it is a draft to check, not legal advice.

Drafts come in every language with a catalogue of messages that leave the app (core.outgoing,
resources/outgoing/), as Markdown (to copy) and HTML (to save, or to publish with Shopify's
shopPolicyUpdate); the choices explained to the merchant come in English or German.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from sqlalchemy import Engine

from core import outgoing
from core.ledger.types import Reason, from_db
from core.texts import Text
from core.withdrawal import REFUND_DAYS as LEGAL_REFUND_DAYS

if TYPE_CHECKING:
    from core.ledger import Ledger

Language = Literal["en", "de"]
LANGUAGES: tuple[Language, ...] = ("en", "de")

#: Reasons a customer can send an item back for, in the order a policy lists them.
RETURN_REASONS = (Reason.DAMAGED, Reason.NOT_AS_DESCRIBED, Reason.WRONG_SIZE, Reason.CHANGED_MIND)


@dataclass(frozen=True)
class SupplierPolicy:
    """A supplier's terms as the ledger records them (None / empty = not stated)."""

    name: str
    cancel_accepted_within_hours: int | None = None
    returns_allowed_for: frozenset[Reason] = frozenset()
    refund_days_min: int = 3
    refund_days_max: int = 15
    has_written_policy: bool = False
    policy_url: str | None = None
    supplier_id: int | None = None


def parse_reasons(text: str) -> frozenset[Reason]:
    """The comma-separated Reason values of `supplier.returns_allowed_for` (unknown skipped)."""
    known = {reason.value for reason in Reason}
    return frozenset(Reason(p.strip()) for p in text.split(",") if p.strip() in known)


def format_reasons(reasons: Iterable[Reason]) -> str:
    """The stored form: comma-separated, in the policy's order."""
    chosen = set(reasons)
    return ",".join(r.value for r in Reason if r in chosen)


@dataclass(frozen=True)
class Terms:
    """What the merchant can promise; `None` cancel window = no cancellation promised."""

    cancel_within_hours: int | None
    return_reasons: tuple[Reason, ...]
    refund_days: int
    cancel_limited_by: tuple[str, ...]
    returns_refused_by: dict[Reason, tuple[str, ...]]
    refund_limited_by: tuple[str, ...]
    without_written_policy: tuple[str, ...]
    suppliers: tuple[str, ...]


class PolicyInputError(ValueError):
    """What the policy still needs from the merchant; `text` says it in both languages."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.english())
        self.text = text


def strictest_terms(policies: Sequence[SupplierPolicy]) -> Terms:
    """The terms every supplier in `policies` backs (ValueError when there is none)."""
    if not policies:
        raise PolicyInputError(
            Text(
                "core.policy",
                "A policy needs at least one supplier to rely on.",
            )
        )
    names = tuple(p.name for p in policies)
    unstated = tuple(p.name for p in policies if not p.cancel_accepted_within_hours)
    if unstated:
        cancel: int | None = None
        cancel_by = unstated
    else:
        cancel = min(p.cancel_accepted_within_hours or 0 for p in policies)
        cancel_by = tuple(p.name for p in policies if p.cancel_accepted_within_hours == cancel)
    refused = {
        reason: tuple(p.name for p in policies if reason not in p.returns_allowed_for)
        for reason in RETURN_REASONS
    }
    accepted = tuple(reason for reason in RETURN_REASONS if not refused[reason])
    refund_days = max(max(p.refund_days_max, p.refund_days_min) for p in policies)
    return Terms(
        cancel_within_hours=cancel,
        return_reasons=accepted,
        refund_days=refund_days,
        cancel_limited_by=cancel_by,
        returns_refused_by={r: n for r, n in refused.items() if n},
        refund_limited_by=tuple(
            p.name for p in policies if max(p.refund_days_max, p.refund_days_min) == refund_days
        ),
        without_written_policy=tuple(p.name for p in policies if not p.has_written_policy),
        suppliers=names,
    )


@dataclass(frozen=True)
class Contact:
    """How customers reach the merchant. Without a return address, customers write first and
    get the address with the answer (a merchant without a shop front gives none up front)."""

    shop_name: str
    email: str
    return_address: str = ""  # e.g. a PO box


@dataclass(frozen=True)
class PolicyDraft:
    language: str  # a catalogue's code (core.outgoing)
    title: str
    markdown: str
    html: str
    choices: tuple[str, ...]  # why the draft says what it says, for the merchant


# --- wording -----------------------------------------------------------------------------------

_REASON_NAMES: dict[Language, dict[Reason, str]] = {
    "en": {
        Reason.DAMAGED: "damaged",
        Reason.NOT_AS_DESCRIBED: "not as described",
        Reason.WRONG_SIZE: "wrong size",
        Reason.CHANGED_MIND: "changed mind",
    },
    "de": {
        Reason.DAMAGED: "beschädigt",
        Reason.NOT_AS_DESCRIBED: "nicht wie beschrieben",
        Reason.WRONG_SIZE: "falsche Größe",
        Reason.CHANGED_MIND: "nicht mehr gewünscht",
    },
}


def _join(items: Sequence[str], language: Language) -> str:
    if len(items) <= 1:
        return "".join(items)
    last = " and " if language == "en" else " und "
    if language == "en" and len(items) > 2:
        last = ", and "
    return ", ".join(items[:-1]) + last + items[-1]


def _hours(hours: int, language: Language) -> str:
    if hours % 24 == 0 and hours >= 48:
        return f"{hours // 24} days" if language == "en" else f"{hours // 24} Tagen"
    if language == "en":
        return "1 hour" if hours == 1 else f"{hours} hours"
    return "1 Stunde" if hours == 1 else f"{hours} Stunden"


# A section is a heading and paragraphs; "{email}" in a paragraph becomes a mailto link in
# HTML. Paragraphs are plain text otherwise (escaped for both formats).
Section = tuple[str, list[str]]


def _words(language: str) -> Callable[..., str]:
    """The policy's templates in `language` (core.outgoing); {email} stays a marker."""

    def words(key: str, **fields: object) -> str:
        return outgoing.compose(f"policy.{key}", language, email="{email}", **fields)

    return words


def _duration(hours: int, language: str) -> str:
    if hours % 24 == 0 and hours >= 48:
        return outgoing.compose("policy.days", language, n=hours // 24)
    if hours == 1:
        return outgoing.compose("policy.hour", language)
    return outgoing.compose("policy.hours", language, n=hours)


def _sections(terms: Terms, contact: Contact, language: str) -> list[Section]:
    """The policy's sections for customers, from the catalogue of `language`."""
    say = _words(language)
    window = terms.cancel_within_hours
    cancel = [
        say("cancel.window", window=_duration(window, language)) if window else say("cancel.none"),
        say("cancel.after_shipping"),
    ]
    words = [say(f"returns.reason.{r.value}") for r in terms.return_reasons]
    if words:
        returns = [
            say("returns.accepted", reasons=outgoing.language(language).join(words, either=True))
        ]
        if Reason.CHANGED_MIND not in terms.return_reasons:
            returns.append(say("returns.beyond"))
    else:
        returns = [say("returns.none")]
    how = [say("how.write_first")]
    if contact.return_address.strip():
        how.append(say("how.address", address=" ".join(contact.return_address.split())))
    else:
        how.append(say("how.no_address"))
    return [
        (say("heading.cancel"), cancel),
        (say("heading.returns"), returns),
        (say("heading.how"), how),
        (say("heading.refunds"), [say("refunds.body", days=LEGAL_REFUND_DAYS)]),
        (say("heading.rights"), [say("rights.body")]),
        (say("heading.questions"), [say("questions.body")]),
    ]


def _choices(terms: Terms, language: Language) -> tuple[str, ...]:
    en = language == "en"

    def names(items: Sequence[str]) -> str:
        return _join(list(items), language)

    made: list[str] = []
    if terms.cancel_within_hours:
        made.append(
            f"Cancel window {_hours(terms.cancel_within_hours, 'en')}: the shortest any "
            f"supplier accepts ({names(terms.cancel_limited_by)})."
            if en
            else f"Stornofrist {_hours(terms.cancel_within_hours, 'de')}: die kürzeste, die "
            f"ein Lieferant akzeptiert ({names(terms.cancel_limited_by)})."
        )
    else:
        made.append(
            f"No cancel window promised: {names(terms.cancel_limited_by)} "
            f"{'states' if len(terms.cancel_limited_by) == 1 else 'state'} none."
            if en
            else f"Keine Stornofrist zugesagt: {names(terms.cancel_limited_by)} "
            f"{'nennt' if len(terms.cancel_limited_by) == 1 else 'nennen'} keine."
        )
    accepted = [_REASON_NAMES[language][r] for r in terms.return_reasons]
    if accepted:
        made.append(
            f"Returns accepted for: {names(accepted)}, the reasons every supplier accepts."
            if en
            else f"Rückgabe akzeptiert bei: {names(accepted)}, den Gründen, die jeder "
            "Lieferant akzeptiert."
        )
    for reason, refusing in terms.returns_refused_by.items():
        made.append(
            f"Not offered: returns for “{_REASON_NAMES['en'][reason]}”, which "
            f"{names(refusing)} {'does' if len(refusing) == 1 else 'do'} not accept."
            if en
            else f"Nicht angeboten: Rückgabe bei „{_REASON_NAMES['de'][reason]}“, denn "
            f"{names(refusing)} {'akzeptiert' if len(refusing) == 1 else 'akzeptieren'} "
            "sie nicht."
        )
    made.append(
        f"Refunds within {LEGAL_REFUND_DAYS} days of the customer's cancellation or "
        "withdrawal: the most the law allows (EU Directive 2011/83/EU, Art. 13). Your slowest "
        f"supplier takes up to {terms.refund_days} business days to refund you "
        f"({names(terms.refund_limited_by)}): you may have to refund before they do."
        if en
        else f"Erstattung binnen {LEGAL_REFUND_DAYS} Tagen ab Stornierung oder Widerruf: "
        "mehr erlaubt das Gesetz nicht (EU-Richtlinie 2011/83/EU, Art. 13). Ihr langsamster "
        f"Lieferant braucht bis zu {terms.refund_days} Werktage, um Ihnen zu erstatten "
        f"({names(terms.refund_limited_by)}): Sie müssen unter Umständen vorher erstatten."
    )
    if terms.without_written_policy:
        made.append(
            f"No written policy from {names(terms.without_written_policy)}: their recorded "
            "terms are assumptions. Ask them for a written policy."
            if en
            else f"Keine schriftlichen Bedingungen von {names(terms.without_written_policy)}: "
            "die erfassten Bedingungen sind Annahmen. Fragen Sie nach schriftlichen Bedingungen."
        )
    made.append(
        "EU consumers keep their 14-day right of withdrawal and the legal guarantee whatever "
        "your suppliers accept: the draft says so. Have the text checked for your country."
        if en
        else "Verbraucher in der EU behalten ihr 14-tägiges Widerrufsrecht und die "
        "Gewährleistung, gleich was Ihre Lieferanten akzeptieren: Der Entwurf sagt das. Lassen "
        "Sie den Text für Ihr Land prüfen."
    )
    return tuple(made)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def _markdown_text(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def draft_policy(terms: Terms, contact: Contact, language: str = "en") -> PolicyDraft:
    """The policy text in `language` (any language with a catalogue in resources/outgoing/),
    as Markdown and HTML, with the choices explained (in English or German, for the merchant)."""
    if not outgoing.has_language(language):
        raise ValueError(f"no policy wording for language {language!r}")
    language = outgoing.code_of(language)
    if "@" not in contact.email:
        raise PolicyInputError(
            Text(
                "core.policy",
                "The policy needs an e-mail address customers can write to.",
            )
        )
    shop = " ".join(contact.shop_name.split())
    title = outgoing.compose("policy.title", language)
    heading = f"{title} – {shop}" if shop else title
    sections = _sections(terms, contact, language)
    email = contact.email.strip()

    md = [f"# {_markdown_text(heading)}", ""]
    parts = [f"<h1>{html.escape(heading)}</h1>"]
    link = f'<a href="mailto:{html.escape(email, quote=True)}">{html.escape(email)}</a>'
    for name, paragraphs in sections:
        md += [f"## {_markdown_text(name)}", ""]
        parts.append(f"<h2>{html.escape(name)}</h2>")
        for paragraph in paragraphs:
            before, _, after = paragraph.partition("{email}")
            md_email = f"<{email}>" if "{email}" in paragraph else ""
            md += [_markdown_text(before) + md_email + _markdown_text(after), ""]
            mail = link if "{email}" in paragraph else ""
            parts.append(f"<p>{html.escape(before)}{mail}{html.escape(after)}</p>")
    return PolicyDraft(
        language=language,
        title=heading,
        markdown="\n".join(md).rstrip() + "\n",
        html="\n".join(parts) + "\n",
        choices=_choices(terms, "de" if language == "de" else "en"),
    )


def html_page(draft: PolicyDraft) -> str:
    """A complete HTML file of the draft, for "Save as HTML"."""
    return (
        f'<!DOCTYPE html>\n<html lang="{draft.language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(draft.title)}</title>\n</head>\n<body>\n{draft.html}</body>\n"
        "</html>\n"
    )


# --- which suppliers ---------------------------------------------------------------------------


def supplier_policies(engine: Engine, since: datetime | None = None) -> list[SupplierPolicy]:
    """Every supplier's terms; with `since`, only suppliers whose latest order was paid since
    then (the suppliers "in use"). The latest order is found by its id on the supplier index,
    so the cost does not grow with the ledger."""
    sql = """
        SELECT s.id, s.name, s.cancel_accepted_within_hours, s.returns_allowed_for,
               s.refund_days_min, s.refund_days_max, s.has_written_policy, s.policy_url,
               (SELECT so.paid_at FROM supplier_order AS so
                WHERE so.id = (SELECT max(x.id) FROM supplier_order AS x
                               WHERE x.supplier_id = s.id))
        FROM supplier AS s ORDER BY s.name"""
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(sql).all()
    chosen = []
    for row in rows:
        last_paid = from_db(row[8])
        if since is not None and (last_paid is None or last_paid < since):
            continue
        chosen.append(
            SupplierPolicy(
                name=str(row[1]),
                cancel_accepted_within_hours=row[2],
                returns_allowed_for=parse_reasons(row[3] or ""),
                refund_days_min=int(row[4]),
                refund_days_max=int(row[5]),
                has_written_policy=bool(row[6]),
                policy_url=row[7],
                supplier_id=int(row[0]),
            )
        )
    return chosen


def shop_name(ledger: Ledger) -> str:
    """The name of the connected shop (the first one), the policy's default; "" with none."""
    from sqlmodel import select

    from core.ledger.models import Shop

    with ledger.session() as session:
        shop = session.exec(select(Shop)).first()
        return shop.name if shop else ""
