"""Dropdesk's PySide6 views. Each view is handed the core objects it needs."""
