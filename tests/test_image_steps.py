"""The container image's steps, run without Docker: a non-editable install into a fresh virtual environment, the
base and catalogues built as the Dockerfile builds them (with its ENV), then `komekshi run` in the environment a
compose replica gets (the Dockerfile's ENV, then .env.example as env_file, then compose's `environment:`), from the
image's working folder, answering a question. The folders /app and /data are folders of the test."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml
from dotenv import dotenv_values

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "сколько стоит массаж медсестры в полустационаре в селе?"

pytestmark = pytest.mark.slow  # a virtual environment, an install and a build


def dockerfile_env(text: str) -> dict[str, str]:
    """Every `ENV A=1 \\ B=2` of the Dockerfile."""
    env: dict[str, str] = {}
    for block in re.findall(r"^ENV\s+((?:.*\\\n)*.*)$", text, flags=re.MULTILINE):
        for name, value in re.findall(r"(\w+)=(\S+)", block.replace("\\\n", " ")):
            env[name] = value
    return env


def compose_env(text: str, dotenv: dict[str, str]) -> dict[str, str]:
    """The bot service's `environment:`, with ${NAME...} taken from the .env values."""
    environment = yaml.safe_load(text)["services"]["bot"]["environment"]
    return {name: re.sub(r"\$\{(\w+)[^}]*\}", lambda m: dotenv.get(m.group(1), ""), str(value))
            for name, value in environment.items()}


def moved(env: dict[str, str], app: Path, data: Path) -> dict[str, str]:
    return {name: re.sub(r"^/data\b", str(data), re.sub(r"^/app\b", str(app), value)) for name, value in env.items()}


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    top = tmp_path_factory.mktemp("image")
    app, data, venv = top / "app", top / "data", top / "venv"
    app.mkdir()
    data.mkdir()
    ignore = shutil.ignore_patterns("kb.sqlite*", "__pycache__", "*.mo", "*.pyc")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, app / name)
    for name in ("knowledge", "bot", "locales"):
        shutil.copytree(ROOT / name, app / name, ignore=ignore)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    # The dependencies are this environment's (no registry in a test); the project itself is installed afresh.
    site = Path(subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()"
                                "['purelib'])"], capture_output=True, text=True, check=True).stdout.strip())
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    # Built as `pip install .` builds it (the build backend from the package index, as `make install` gets it).
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", str(app)],
                   check=True, timeout=600, cwd=app)
    return {"app": app, "data": data, "venv": venv, "site": site}


def run(image: dict[str, Path], env: dict[str, str], *args: str, cwd: Path, stdin: str = "") -> str:
    full = {"PATH": f"{image['venv'] / 'bin'}:/usr/bin:/bin", "HOME": str(image["data"]), "LANG": "C.UTF-8", **env}
    done = subprocess.run([str(image["venv"] / "bin" / "komekshi"), *args], env=full, cwd=cwd, input=stdin,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def test_the_image_answers_in_the_compose_environment(image: dict[str, Path]) -> None:
    app, data = image["app"], image["data"]
    build_env = moved(dockerfile_env((ROOT / "Dockerfile").read_text(encoding="utf-8")), app, data)
    # RUN komekshi kb build / locales compile, in WORKDIR /app with the ENV above
    run(image, build_env, "kb", "build", "--full", cwd=app)
    run(image, build_env, "locales", "compile", cwd=app)
    installed = image["site"] / "knowledge"
    assert (installed / "kb.sqlite").is_file() and not (app / "knowledge" / "kb.sqlite").exists()
    assert not (installed / "kb.sqlite.parsed").exists()  # no build cache in the image

    dotenv = {name: value or "" for name, value in dotenv_values(ROOT / ".env.example").items()}
    dotenv["WEBHOOK_SECRET"] = "s3cret-token"  # compose refuses to start without it
    runtime = {**build_env, **dotenv, **moved(compose_env((ROOT / "compose.yaml").read_text(encoding="utf-8"),
                                                          dotenv), app, data)}
    assert runtime["KB_PATH"] == ""  # .env.example's empty line: the default, the base built in

    config = run(image, runtime, "ask", "--json", QUESTION, cwd=data)  # WORKDIR /data
    assert '"status": "answer"' in config and "903" in config
    reply = run(image, runtime, "run", cwd=data, stdin=QUESTION + "\n")  # no BOT_TOKEN: the console chat
    assert "903" in reply
    paths = subprocess.run([str(image["venv"] / "bin" / "python"), "-c",
                            "from bot.config import load_config; c = load_config(dotenv=False); "
                            "print(c.usage_log); print(c.prefs_path); print(c.locales_dir)"],
                           env={**runtime, "PATH": "/usr/bin:/bin"}, cwd=data, capture_output=True, text=True,
                           check=True).stdout.split()
    assert [Path(p) for p in paths] == [data / "usage.sqlite", data / "prefs.sqlite", app / "locales"]
    assert all(os.access(Path(p).parent, os.W_OK) for p in paths[:2])
