"""Webhook figures: the aiohttp webhook server (real dispatcher, real engine, canned Bot API session) on loopback,
posted to by 50 concurrent clients: updates per second and per-request latency p50/p99 (under that load, and
with one client at a time).

The server runs in its own process on one core and handles each update before replying (handle_in_background off),
so a request's latency covers the whole answer; the client runs in this process, on another core when there is
one. Run: `make bench` (or `.venv/bin/python benchmarks/webhook.py`). Prints figures; asserts nothing.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import multiprocessing
import os
import statistics
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

UPDATES = 5_000
CONCURRENCY = 50
ALONE = 500  # updates posted one at a time, for the unloaded latency
SECRET = "bench-secret"
PATH = "/hook"


def bot_benchmark():
    """benchmarks/bot.py (its canned session and update builder), loaded by path: `bot` is the package's name."""
    spec = importlib.util.spec_from_file_location("bot_benchmark", HERE / "bot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def serve(pipe: Connection) -> None:
    """The server process: start on a free loopback port, send the port, run until told to stop, send counts."""
    from aiohttp import web

    from bot.main import build_webhook_app

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    bench = bot_benchmark()

    async def main() -> None:
        session = bench.CannedSession()
        bot, dispatcher, config = bench.build(session)
        config.webhook_url, config.webhook_secret = f"https://bench.example.kz{PATH}", SECRET
        app = build_webhook_app(bot, dispatcher, config, background=False)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        pipe.send(runner.addresses[0][1])
        await asyncio.get_running_loop().run_in_executor(None, pipe.recv)  # "stop"
        pipe.send(session.sent)
        await runner.cleanup()

    asyncio.run(main())


async def post_all(port: int, payloads: list[dict], concurrency: int = CONCURRENCY) -> tuple[list[float], float, int]:
    import aiohttp

    url = f"http://127.0.0.1:{port}{PATH}"
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    latencies: list[float] = []
    failures = 0
    gate = asyncio.Semaphore(concurrency)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as http:
        async def post(data: dict) -> None:
            nonlocal failures
            async with gate:
                started = time.perf_counter()
                async with http.post(url, json=data, headers=headers) as response:
                    await response.read()
                    failures += response.status != 200
                latencies.append(time.perf_counter() - started)

        begin = time.perf_counter()
        await asyncio.gather(*(post(data) for data in payloads))
        return latencies, time.perf_counter() - begin, failures


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> dict:
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    server = context.Process(target=serve, args=(theirs,), daemon=True)
    server.start()
    try:
        if not ours.poll(60):
            raise RuntimeError("the webhook server did not start within 60 s")
        port = ours.recv()
        if hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) > 1:
            cores = sorted(os.sched_getaffinity(0))
            os.sched_setaffinity(0, set(cores[1:]))  # the client off the server's core
        payloads = bot_benchmark().update_payloads(UPDATES + 200 + ALONE)
        asyncio.run(post_all(port, payloads[:200]))  # warm-up
        latencies, total, failures = asyncio.run(post_all(port, payloads[200:200 + UPDATES]))
        # One client at a time: the latency of an update when nothing else is queued.
        alone, _, alone_failures = asyncio.run(post_all(port, payloads[200 + UPDATES:], concurrency=1))
        failures += alone_failures
        ours.send("stop")
        sent = ours.recv() if ours.poll(30) else None
    finally:
        server.join(10)
        if server.is_alive():
            server.kill()
    figures = {
        "updates": UPDATES, "concurrency": CONCURRENCY, "failed": failures, "messages_sent_with_warmup": sent,
        "seconds": round(total, 2), "updates_per_s": round(UPDATES / total),
        "p50_ms": round(statistics.median(latencies) * 1000, 1), "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "one_client_p50_ms": round(statistics.median(alone) * 1000, 1),
        "one_client_p99_ms": round(percentile(alone, 0.99) * 1000, 1),
    }
    print("webhook:", json.dumps(figures))
    return figures


if __name__ == "__main__":
    main()
