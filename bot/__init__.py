"""Kómekshi in Telegram: a thin aiogram 3 adapter over the answer engine (knowledge.engine.Engine)."""
