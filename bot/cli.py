"""`komekshi run`: the bot's subcommand, registered through the `komekshi.commands` entry point group so the
knowledge package's command line never imports the bot."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    """Add `run` to the `komekshi` subcommands (called by knowledge.desk.cli for each registered plugin)."""
    run = commands.add_parser("run", help="the Telegram bot when BOT_TOKEN is set, else the console chat")
    run.add_argument("--lang", choices=("kk", "ru", "en"), help="reply language of the console chat")
    run.set_defaults(func=cmd_run)


def cmd_run(args: argparse.Namespace) -> int:
    # Imported here: every `komekshi` command builds the parser, and only this one needs aiogram.
    from bot.config import load_config

    config = load_config()
    if not config.bot_token:
        from knowledge.desk.cli import cmd_console

        print("BOT_TOKEN is not set: starting the console chat (set BOT_TOKEN in .env to run the Telegram bot).")
        return cmd_console(args)
    from bot.main import run

    run(config)
    return 0
