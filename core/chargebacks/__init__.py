"""Shopify Payments chargebacks: the disputes synced into the ledger, their evidence deadline,
the evidence pack and the text evidence sent back to Shopify.

Import from the modules (`core.chargebacks.store`, `core.chargebacks.evidence`,
`core.chargebacks.words`): the package itself stays empty so that listing them loads nothing
it does not need.
"""
