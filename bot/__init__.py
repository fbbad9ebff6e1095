"""Kómekshi in Telegram: a thin aiogram 3 adapter over the answer engine (knowledge.answer.engine.Engine). It owns
everything that starts Telegram: `komekshi run` comes from here through the `komekshi.commands` entry point group."""
