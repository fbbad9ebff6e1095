"""Routers per feature. Each module has `router()` building a fresh Router (tests build many dispatchers)."""
