"""Fixed costs of a command: `gdwatch sql` and `status` on a small warehouse, and an unchanged daily run
with a local Prefect server running (`gdwatch server`) and without one (a server of its own).

Usage: python -m benchmarks.startup [--repeat 5]

Every command runs as a user runs it, in its own process (`python -m gdwatch.flows.cli ...`); the median
wall time of `--repeat` runs is reported. The daily run reads one feed of three pages served on
127.0.0.1: a first run loads them, the timed runs find the feed unchanged (304).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gdwatch.flows.demo.runner import write_demo_config
from gdwatch.flows.demo.server import DemoServer
from gdwatch.flows.prefect_server import answers, api_url, free_port

PAGE = (
    "<html><head><title>Guangdong trade {i}</title></head><body><article><h1>Guangdong trade {i}</h1>"
    "<p>Guangdong's foreign trade reached RMB9.{i} trillion in 2025, up 4.{i} percent year-on-year, the "
    "provincial customs authority said on Tuesday.</p></article></body></html>"
)


def command_env(port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "GDWATCH_"))}
    env.update(
        GDWATCH_PREFECT_PORT=str(port),
        PREFECT_LOGGING_LEVEL="ERROR",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
    )
    return env


def timed(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "gdwatch.flows.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"gdwatch {' '.join(args)} failed ({result.returncode}): {result.stderr[-2000:]}")
    return elapsed


def median_of(repeat: int, args: list[str], env: dict[str, str]) -> float:
    return statistics.median(timed(args, env) for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows: list[tuple[str, float]] = []
    with DemoServer() as site, tempfile.TemporaryDirectory() as tmp:
        items = "".join(
            f"<item><title>t{i}</title><link>{site.base_url}/p/{i}.html</link><guid>p{i}</guid></item>"
            for i in range(3)
        )
        routes = {f"/p/{i}.html": ("text/html; charset=utf-8", PAGE.format(i=i).encode()) for i in range(3)}
        routes["/robots.txt"] = ("text/plain", b"User-agent: *\n")
        routes["/feed.xml"] = (
            "application/rss+xml",
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title><link>{site.base_url}/</link>'
            f"<description>d</description>{items}</channel></rss>".encode(),
        )
        site.replace_routes(routes)
        config = write_demo_config(Path(tmp), site.base_url)
        db = Path(tmp) / "startup.duckdb"
        run = ["run", "--feed", site.base_url + "/feed.xml", "--config", str(config), "--db", str(db)]

        no_server = command_env(free_port())
        rows.append(("first daily run, 3 new pages, no server (starts its own)", timed(run, no_server)))
        rows.append(
            (
                "unchanged daily run, no server (starts its own)",
                median_of(max(1, args.repeat // 2), run, no_server),
            )
        )

        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gdwatch.flows.cli", "server"],
            env=command_env(port),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 180
            while not answers(api_url(port)):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("gdwatch server did not answer within 180 s")
                time.sleep(0.5)
            with_server = command_env(port)
            timed(run, with_server)  # the server's first flow run registers the flow
            rows.append(
                ("unchanged daily run, gdwatch server running", median_of(args.repeat, run, with_server))
            )
        finally:
            server.terminate()
            server.wait(60)

        read = ["--config", str(config), "--db", str(db)]
        rows.append(
            (
                "gdwatch sql 'SELECT count(*) FROM runs'",
                median_of(args.repeat, ["sql", "SELECT count(*) FROM runs", *read], no_server),
            )
        )
        rows.append(("gdwatch status", median_of(args.repeat, ["status", *read], no_server)))
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        rows.append(("python -c pass (the interpreter alone)", time.perf_counter() - started))

    print(
        f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}; median of {args.repeat}\n"
    )
    print("| command | seconds |\n|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
