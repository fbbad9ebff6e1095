"""`python -m bot`: run the Telegram bot with the configuration from the environment and .env."""

from bot.config import load_config
from bot.main import run

if __name__ == "__main__":
    run(load_config())
