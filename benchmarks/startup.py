"""Fixed costs of a command: `gdwatch sql` and `status` on a small warehouse, and an unchanged daily run
with a local Prefect server running (`gdwatch server`) and without one (a server of its own).

Usage: python -m benchmarks.startup [--repeat 5] [--tree DIR]...

Every command runs as a user runs it, in its own process (`python -m gdwatch.flows.cli ...`), with its
bytecode compiled first, as an installed gdwatch has it (PYTHONDONTWRITEBYTECODE is dropped). The median
wall time of `--repeat` runs is reported, with the median CPU time (user + system) of the command's
process and its children: on a shared machine the CPU time moves less with the other load than the wall
time does.

`--tree DIR` (repeatable) measures the gdwatch of another checkout too (`git worktree add /tmp/before
<commit>`): each command runs in each tree in turn, round after round, so that the trees share the
machine's load alike. The daily run reads one feed of three pages served on 127.0.0.1: a first run
loads them, the timed runs find the feed unchanged (304).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gdwatch.flows.demo.runner import write_demo_config
from gdwatch.flows.demo.server import DemoServer
from gdwatch.flows.prefect_server import answers, api_url, free_port

REPO = Path(__file__).resolve().parent.parent
PAGE = (
    "<html><head><title>Guangdong trade {i}</title></head><body><article><h1>Guangdong trade {i}</h1>"
    "<p>Guangdong's foreign trade reached RMB9.{i} trillion in 2025, up 4.{i} percent year-on-year, the "
    "provincial customs authority said on Tuesday.</p></article></body></html>"
)
ROWS = (
    ("first", "first daily run, 3 new pages, no server (starts its own)"),
    ("own", "unchanged daily run, no server (starts its own)"),
    ("shared", "unchanged daily run, `gdwatch server` running"),
    ("sql", "`gdwatch sql 'SELECT count(*) FROM runs'`"),
    ("status", "`gdwatch status`"),
    ("pass", "`python -c pass` (the interpreter alone)"),
)


def command_env(port: int) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PREFECT_", "GDWATCH_")) and k != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(
        GDWATCH_PREFECT_PORT=str(port),
        PREFECT_LOGGING_LEVEL="ERROR",
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
    )
    return env


def timed(tree: Path, command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one command run in `tree` (the gdwatch of that checkout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


class Site:
    """The feed of three pages, and for each tree its own configuration and warehouse."""

    def __init__(self, site: DemoServer, tmp: Path) -> None:
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
        self.feed = site.base_url + "/feed.xml"
        self.config = write_demo_config(tmp, site.base_url)
        self.tmp = tmp

    def commands(self, index: int, tree: Path) -> dict[str, list[str]]:
        db = self.tmp / f"startup-{index}.duckdb"
        # why: each tree reads its own catalogue (an older tree refuses keys a newer catalogue added)
        config = self.tmp / f"config-{index}"
        config.mkdir(exist_ok=True)
        for written in self.config.glob("*.toml"):
            shutil.copyfile(written, config / written.name)
        shutil.copyfile(tree / "config" / "metrics.toml", config / "metrics.toml")
        where = ["--config", str(config), "--db", str(db)]
        gdwatch = [sys.executable, "-m", "gdwatch.flows.cli"]
        run = [*gdwatch, "run", "--feed", self.feed, *where]
        return {
            "first": run,
            "own": run,
            "shared": run,
            "sql": [*gdwatch, "sql", "SELECT count(*) FROM runs", *where],
            "status": [*gdwatch, "status", *where],
            "pass": [sys.executable, "-c", "pass"],
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--tree", type=Path, action="append", default=[], help="another checkout to alternate with this one"
    )
    args = parser.parse_args()
    trees = [REPO, *[t.resolve() for t in args.tree]]
    wall: dict[tuple[str, Path], list[float]] = {}
    cpu: dict[tuple[str, Path], list[float]] = {}

    def measure(key: str, tree: Path, command: list[str], env: dict[str, str]) -> None:
        seconds, used = timed(tree, command, env)
        wall.setdefault((key, tree), []).append(seconds)
        cpu.setdefault((key, tree), []).append(used)

    with DemoServer() as server, tempfile.TemporaryDirectory() as tmp:
        site = Site(server, Path(tmp))
        commands = {tree: site.commands(i, tree) for i, tree in enumerate(trees)}
        no_server = command_env(free_port())
        for tree in trees:  # bytecode as an installed gdwatch has it
            subprocess.run([sys.executable, "-m", "compileall", "-q", "gdwatch"], cwd=tree, check=True)
        for tree in trees:  # the warehouse loaded: the first run of each tree
            measure("first", tree, commands[tree]["first"], no_server)
        for _ in range(max(1, args.repeat // 2)):
            for tree in trees:
                measure("own", tree, commands[tree]["own"], no_server)

        port = free_port()
        gdwatch_server = subprocess.Popen(
            [sys.executable, "-m", "gdwatch.flows.cli", "server"],
            env=command_env(port),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 180
            while not answers(api_url(port)):
                if time.monotonic() > deadline or gdwatch_server.poll() is not None:
                    raise SystemExit("gdwatch server did not answer within 180 s")
                time.sleep(0.5)
            with_server = command_env(port)
            for tree in trees:  # the server's first flow run registers the flow
                timed(tree, commands[tree]["shared"], with_server)
                timed(tree, commands[tree]["sql"], no_server)
                timed(tree, commands[tree]["status"], no_server)
            for _ in range(args.repeat):
                for tree in trees:
                    measure("shared", tree, commands[tree]["shared"], with_server)
                    for key in ("sql", "status", "pass"):
                        measure(key, tree, commands[tree][key], no_server)
        finally:
            gdwatch_server.terminate()
            gdwatch_server.wait(60)

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores; load average {load} (1, 5, 15 min) at the end")
    print(f"median of {args.repeat}; the first run once, the run with no server of its own half as many\n")
    names = [str(t) for t in trees]
    print("| command | " + " | ".join(f"{n}: wall s | {n}: CPU s" for n in names) + " |")
    print("|---|" + "---|---|" * len(trees))
    for key, label in ROWS:
        cells = []
        for tree in trees:
            cells += [f"{statistics.median(wall[key, tree]):.2f}", f"{statistics.median(cpu[key, tree]):.2f}"]
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
