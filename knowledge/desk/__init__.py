"""Desk tools for people at a keyboard: the `komekshi` CLI, console chat, eval, export, browse. Sits above ingest and answer."""
