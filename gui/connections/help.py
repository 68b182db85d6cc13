""" "How do I get this?": the real steps to the credentials each connection panel asks for.

The merchant this is for has never seen the Shopify Dev Dashboard or the AliExpress Open
Platform. Since 2026-01-01 new Shopify shops cannot make custom apps in Shopify admin: they make
a Dev Dashboard app and connect with its client ID and secret (Dropdesk fetches a token of about
24 hours from them, for the owner's own stores only); shops with a custom app made before then
can keep its Admin API access token. The AliExpress API needs a developer account and an app
approved for dropshipping, which most merchants do not have: the page says plainly that
everything works without it (DSers writes the AliExpress numbers into the Shopify order notes,
the import links them, statuses are set by hand).

Every sentence is its own translated text; the page is assembled as simple HTML.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.connections.common import tr
from gui.links import open_link
from gui.window_fit import fit_to_screen

SHOPIFY = "shopify"
ALIEXPRESS = "aliexpress"

#: What Dropdesk asks Shopify for; the help names each (read_all_orders only for old orders).
SHOPIFY_SCOPES = (
    "read_orders",
    "write_orders",
    "read_merchant_managed_fulfillment_orders",
    "read_all_orders",
)
DEV_DASHBOARD_URL = "https://dev.shopify.com/dashboard"
SHOPIFY_GUIDE_URL = (
    "https://shopify.dev/docs/apps/build/dev-dashboard/create-apps-using-dev-dashboard"
)
CLIENT_CREDENTIALS_URL = (
    "https://shopify.dev/docs/apps/build/authentication-authorization/client-credentials-grant"
)
ALIEXPRESS_CONSOLE_URL = "https://console.aliexpress.com"
DROPSHIPPING_CENTER_URL = "https://ds.aliexpress.com"


def _link(url: str, text: str | None = None) -> str:
    return f'<a href="{url}">{text or url}</a>'


def _code(text: str) -> str:
    return f"<code>{text}</code>"


def _steps(*steps: str) -> str:
    return "<ol>" + "".join(f"<li>{step}</li>" for step in steps) + "</ol>"


def _points(*points: str) -> str:
    return "<ul>" + "".join(f"<li>{point}</li>" for point in points) + "</ul>"


def shopify_page() -> str:
    """The Shopify steps: the Dev Dashboard app (new shops), then the legacy token."""
    scopes = ", ".join(_code(scope) for scope in SHOPIFY_SCOPES[:3])
    return "".join(
        [
            "<h2>" + tr("Connecting your Shopify shop") + "</h2>",
            "<p>"
            + tr(
                "A connection is optional: the orders export (Shopify admin > Orders > Export) "
                "brings your orders in too. Connected, Dropdesk fetches new orders by itself "
                "and can cancel and refund in Shopify for you."
            )
            + "</p>",
            "<h3>" + tr("New shops: a Dev Dashboard app (client ID and secret)") + "</h3>",
            "<p>"
            + tr(
                "Since 1 January 2026 Shopify admin makes no new custom apps. Shops make an "
                "app in the Dev Dashboard instead; this is the usual way."
            )
            + "</p>",
            _steps(
                tr(
                    "Open the Shopify Dev Dashboard ({0}) with the account that owns your shop."
                ).format(_link(DEV_DASHBOARD_URL)),
                tr(
                    "Click <b>Create app</b>, choose <b>Start from Dev Dashboard</b>, name it "
                    "(for example Dropdesk) and click <b>Create</b>."
                ),
                tr(
                    "On the <b>Versions</b> tab, under <b>Access</b>, select the Admin API "
                    "scopes {0}, and {1} if Dropdesk should also read orders older than 60 "
                    "days. Then release the version."
                ).format(scopes, _code(SHOPIFY_SCOPES[3])),
                tr(
                    "Protected customer data: in the app's settings, request access to the "
                    "customer's name, email and address and give the reason (fulfilling your "
                    "orders). Without it Shopify hides them and Dropdesk shows orders without "
                    "the customer."
                ),
                tr("On the app's page click <b>Install app</b>, choose your shop and confirm."),
                tr(
                    "Open the app's <b>Settings</b> and copy the <b>Client ID</b> and the "
                    "<b>Client secret</b>."
                ),
                tr(
                    "In Dropdesk choose <b>Client ID and secret</b>, paste your shop's address "
                    "(your-shop.myshopify.com), the client ID and the secret, click <b>Test "
                    "connection</b>, then <b>Save</b>."
                ),
            ),
            "<p>"
            + tr(
                "Dropdesk exchanges the ID and secret for an access token whenever it needs "
                "one (each lasts about 24 hours). This works only for shops that belong to "
                "the same Shopify account as the app: your own shops."
            )
            + "</p>",
            "<h3>" + tr("Older shops: the Admin API access token") + "</h3>",
            "<p>"
            + tr(
                "A custom app made in Shopify admin before 1 January 2026 keeps working; you "
                "can connect with its token:"
            )
            + "</p>",
            _steps(
                tr(
                    "Shopify admin > <b>Settings</b> > <b>Apps and sales channels</b> > "
                    "<b>Develop apps</b> > your app."
                ),
                tr(
                    "Under <b>Configuration</b>, give it the same Admin API scopes ({0}) and save."
                ).format(", ".join(_code(scope) for scope in SHOPIFY_SCOPES)),
                tr(
                    "Under <b>API credentials</b>, reveal the <b>Admin API access token</b> "
                    "(it starts with shpat_; Shopify shows it only once)."
                ),
                tr(
                    "In Dropdesk choose <b>Admin API access token</b>, paste your shop's "
                    "address and the token, test the connection and save."
                ),
            ),
            "<p>"
            + tr(
                "Secrets go into your system's keyring, never into the ledger or a log. "
                "Shopify's guides: {0}, {1}."
            ).format(
                _link(SHOPIFY_GUIDE_URL, tr("Create apps using the Dev Dashboard")),
                _link(CLIENT_CREDENTIALS_URL, tr("Client credentials grant")),
            )
            + "</p>",
        ]
    )


def aliexpress_page() -> str:
    """The AliExpress page: manual mode first, then what the API takes."""
    return "".join(
        [
            "<h2>" + tr("Connecting AliExpress (optional)") + "</h2>",
            "<p><b>"
            + tr(
                "You do not need this. If you buy through DSers or the AliExpress website, "
                "Dropdesk works fully without it:"
            )
            + "</b></p>",
            _points(
                tr("DSers writes each AliExpress order number into the Shopify order's notes."),
                tr(
                    "Importing the Shopify orders export (or syncing the shop) finds those "
                    "numbers and links each order to its AliExpress order."
                ),
                tr(
                    "You set the AliExpress status yourself (paid, shipped, tracking, "
                    "cancelled): double-click the order, or Order > Edit supplier order."
                ),
                tr("Deadlines, reminders, cancellations and the review work the same way."),
            ),
            "<h3>" + tr("What the connection adds") + "</h3>",
            "<p>"
            + tr(
                "Dropdesk reads each AliExpress order's status, tracking and amounts by itself "
                "(Connect > Refresh from AliExpress) instead of you typing them in."
            )
            + "</p>",
            "<h3>" + tr("What it takes") + "</h3>",
            _steps(
                tr(
                    "An AliExpress buyer account (the one you order with) that has joined the "
                    "AliExpress Dropshipping Center ({0})."
                ).format(_link(DROPSHIPPING_CENTER_URL)),
                tr(
                    "Register as a developer on the AliExpress Open Platform ({0}): sign in "
                    "with that account, accept the API agreement and fill in your developer "
                    "details."
                ).format(_link(ALIEXPRESS_CONSOLE_URL)),
                tr(
                    "Click <b>Create App</b>, choose the type <b>Drop Shipping</b> and fill in "
                    "the form: contact details, what the software does, your business licence "
                    "(company registration) and technical details."
                ),
                tr(
                    "Wait for AliExpress to approve the app (they name 1 to 2 working days). "
                    "Only an approved app gets an App Key."
                ),
                tr(
                    "In <b>App Management</b>, copy the <b>App Key</b> and the <b>App "
                    "Secret</b>, and note the callback URL registered for the app."
                ),
                tr(
                    "In Dropdesk paste the app key, the secret and the callback URL, click "
                    "<b>Open authorization page</b>, sign in and allow Dropdesk, then paste the "
                    "code you get and click <b>Connect</b>."
                ),
            ),
            "<p>"
            + tr(
                "The authorization lasts a limited time; Dropdesk shows when it ends and warns "
                "a week before, so you can connect again."
            )
            + "</p>",
        ]
    )


PAGES = {SHOPIFY: shopify_page, ALIEXPRESS: aliexpress_page}


class ConnectionHelp(QDialog):
    """One side's steps in a scrollable page; its links open in the browser."""

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setObjectName(f"{side}Help")
        self.setWindowTitle(
            tr("How to connect Shopify") if side == SHOPIFY else tr("How to connect AliExpress")
        )
        self.page = QTextBrowser()
        self.page.setObjectName("helpPage")
        self.page.setOpenLinks(False)  # links go to the browser, never into the page
        self.page.anchorClicked.connect(self._link_clicked)
        self.page.setHtml(PAGES[side]())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 620)  # never more than the screen offers (1280x720)

    @property
    def text(self) -> str:
        return self.page.toPlainText()

    def _link_clicked(self, url: QUrl) -> None:
        open_link(self, url)  # a link nothing opens is shown with Copy link
