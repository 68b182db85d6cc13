"""Dropdesk's domain: the ledger, clocks, workflows and API clients. Never imports Qt."""
