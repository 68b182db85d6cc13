"""Which shop an orders export is for, and the rule that keeps shops' orders apart.

An export carries no shop domain, so its shop is the import's target, decided like this:

- The merchant named a shop (`Answers.shop`, `--shop DOMAIN`): that shop (an unknown one stops
  the import with the list of the ledger's shops).
- Otherwise the ledger's one connected shop, when it has exactly one.
- Several shops and none named: the import asks which (the window asks in its preview; the
  CLI refuses the file until `--shop` is given).
- No shop at all: the orders belong to no shop (`shop_id` NULL); a shop connected later adopts
  them on its first sync (core.shopify.sync), by their Shopify id.

An import reads and changes only the orders of its target shop and those that belong to no
shop yet (which it then gives to its shop). It never changes an order of another shop: a row
whose Shopify `Id` is already stored under another shop is refused with the reason, and when
most of the file's orders are such orders (more than half of those with an Id) the whole file
is refused as another shop's export (`OtherShopExportError`), nothing written. Orders of a
file without an Id are matched by name, and only among the target shop's and shopless
orders: two shops both have a #1001.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session

from core.imports.errors import ImportFileError
from core.imports.questions import Question, shop_question
from core.shopify.domain import MYSHOPIFY_SUFFIX
from core.texts import Text


class UnknownShopError(ImportFileError):
    """The shop the merchant named is not in the ledger."""


class OtherShopExportError(ImportFileError):
    """Most of the file's orders belong to another shop: the file is refused as a whole."""


@dataclass(frozen=True)
class ShopTarget:
    """The shop an import is for (None: no shop) and every shop's domain, for refusals."""

    shop_id: int | None = None
    domain: str | None = None
    currency: str | None = None
    domains: dict[int, str] = field(default_factory=dict)

    def owner(self, shop_id: int | None) -> Text | str:
        """How a refusal names the shop an order belongs to."""
        if shop_id is None:
            return Text("core.imports.shop_target", "no shop")
        return self.domains.get(shop_id) or Text(
            "core.imports.shop_target", "shop {shop_id}", shop_id=shop_id
        )


def target_shop(
    session: Session, path: Path, named: str | None, *, provisional: bool
) -> tuple[ShopTarget, Question | None]:
    """The import's target shop, and the question to ask when several shops could be meant
    (then, for a provisional preview, the first shop stands in until the merchant answers)."""
    rows = (
        session.connection()
        .exec_driver_sql("SELECT id, domain, currency FROM shop ORDER BY id")
        .all()
    )
    shops = [(int(shop_id), str(domain), str(currency)) for shop_id, domain, currency in rows]
    domains = {shop_id: domain for shop_id, domain, _ in shops}
    if named is not None:
        wanted = named.strip().lower()
        for shop_id, domain, currency in shops:
            if wanted in (domain, domain.removesuffix(MYSHOPIFY_SUFFIX)):
                return ShopTarget(shop_id, domain, currency, domains), None
        if not domains:
            raise UnknownShopError(
                path,
                Text(
                    "core.imports.shop_target",
                    'There is no shop "{named}" in the ledger (it has no shops).',
                    named=named,
                ),
            )
        raise UnknownShopError(
            path,
            Text(
                "core.imports.shop_target",
                'There is no shop "{named}" in the ledger (its shops: {listed}).',
                named=named,
                listed=", ".join(domains.values()),
            ),
        )
    if not shops:
        return ShopTarget(), None
    if len(shops) == 1:
        shop_id, domain, currency = shops[0]
        return ShopTarget(shop_id, domain, currency, domains), None
    question = shop_question(list(domains.values()))
    shop_id, domain, currency = shops[0]  # the stand-in while the question is open
    return ShopTarget(shop_id, domain, currency, domains), question


def other_shop_export(path: Path, target: ShopTarget, collided: int, with_id: int) -> None:
    """Refuse the file when most of its orders with an Id belong to another shop."""
    if collided * 2 <= with_id:
        return
    if target.domain:
        raise OtherShopExportError(
            path,
            Text(
                "core.imports.shop_target",
                "{file} looks like another shop's export: {collided} of its {with_id} orders "
                "belong to another shop in the ledger, and this import is for {shop}. Nothing "
                "was imported. Choose the shop the export is from.",
                file=path.name,
                collided=collided,
                with_id=with_id,
                shop=target.domain,
            ),
        )
    raise OtherShopExportError(
        path,
        Text(
            "core.imports.shop_target",
            "{file} looks like another shop's export: {collided} of its {with_id} orders "
            "belong to another shop in the ledger, and this import is for no shop. Nothing "
            "was imported. Choose the shop the export is from.",
            file=path.name,
            collided=collided,
            with_id=with_id,
        ),
    )
