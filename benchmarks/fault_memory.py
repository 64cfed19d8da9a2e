"""Peak memory and time of the fetcher against hostile servers: decompression bombs and trickling answers.

Usage: python -m benchmarks.fault_memory [--mib 2200] [--markdown] [--before]

Each case runs in a child process (`--child CASE`) that serves one answer on 127.0.0.1 and fetches it with
the default politeness settings (max_bytes 5 MB, request_deadline_s 60) plus allow_hosts = ["127.0.0.1"];
the child reports its own peak RSS since exec (VmHWM; os.wait4 where /proc is missing), so every number
includes Python, gdwatch's imports and the local server. The bombs inflate to `--mib` MiB of zeros (the
default, 2,200 MiB, is the 2.3 GB of the original report). The trickle cases lower the deadline to 2 s and
send one byte per second for 60 s.
`--before` adds the stacked bomb read the way the fetcher used to (httpx decoding, size checked after each
decoded chunk), for comparison: it needs about 2.5 GB of memory.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BOMBS = ("gzip", "deflate", "br", "gzip-gzip")
TRICKLES = ("slow-body", "slow-headers", "slow-robots")
BASELINES = ("plain-4mb", "gzip-4mb")
TRICKLE_DEADLINE_S = 2.0


def _fetch(url: str, **changes: object) -> dict[str, object]:
    """Fetch a URL with the default settings (loopback allowed); what happened, and how long it took."""
    from gdwatch.config.models import PolitenessSettings
    from gdwatch.pipeline.fetching import Fetcher, FetchError

    settings = PolitenessSettings(allow_hosts=("127.0.0.1",), per_host_delay_s=0.0, **changes)  # type: ignore[arg-type]
    started = time.monotonic()
    with Fetcher(settings) as fetcher:
        try:
            result = fetcher.fetch(url)
            outcome, message = "ok", f"{len(result.body):,} bytes"
        except FetchError as error:
            outcome, message = error.kind, str(error).split(": ", 1)[1].split(";", 1)[0]
    return {"outcome": outcome, "message": message, "seconds": round(time.monotonic() - started, 2)}


def _before(url: str, limit: int) -> dict[str, object]:
    """The old read: httpx decodes, and the size is checked after each decoded chunk."""
    import httpx

    started = time.monotonic()
    size, outcome = 0, "ok"
    with httpx.Client() as client, client.stream("GET", url) as response:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                outcome = "too_large"
                break
    message = f"stopped after a decoded chunk brought the body to {size:,} bytes"
    return {"outcome": outcome, "message": message, "seconds": round(time.monotonic() - started, 2)}


def child(case: str, mib: int) -> dict[str, object]:
    """Serve one case on a local site and fetch it (runs in the child process)."""
    from tests.faults import bombs
    from tests.faults.trickle import TrickleSite, instant, slow_body, slow_headers
    from tests.support.httpserver import LocalSite

    if case in TRICKLES:
        with TrickleSite() as site:
            trickle = slow_body(b"x" * 60, interval_s=1.0)
            if case == "slow-headers":
                trickle = slow_headers(60, interval_s=1.0)
            site.add("/robots.txt" if case == "slow-robots" else "/page", trickle)
            site.add("/page" if case == "slow-robots" else "/robots.txt", instant(b"ok"))
            row = _fetch(site.url("/page"), request_deadline_s=TRICKLE_DEADLINE_S)
        return {"case": case, "body": f"1 byte/s for {trickle.trickle_s:.0f} s", **row}
    with LocalSite() as site:
        if case in BASELINES:
            page = os.urandom(2_000_000).hex().encode()[:4_000_000]
            body = bombs.gzip_bytes(page) if case == "gzip-4mb" else page
            headers = {"Content-Encoding": "gzip"} if case == "gzip-4mb" else {}
            site.add("/page", body, headers=headers)
            return {
                "case": case,
                "body": f"{len(body):,} B",
                "inflates": f"{len(page):,} B",
                **_fetch(site.url("/page")),
            }
        bomb = bombs.build(case.removeprefix("before-"), mib)
        site.add("/page", bomb.body, headers={"Content-Encoding": bomb.content_encoding})
        site.add("/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
        row = (
            _before(site.url("/page"), 5_000_000) if case.startswith("before-") else _fetch(site.url("/page"))
        )
    return {"case": case, "body": f"{len(bomb.body):,} B", "inflates": f"{bomb.inflated:,} B", **row}


def run_child(case: str, mib: int) -> dict[str, object]:
    """Run one case in a child process; its row with the child's peak RSS in MB."""
    command = [sys.executable, "-m", "benchmarks.fault_memory", "--child", case, "--mib", str(mib)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=Path(__file__).resolve().parent.parent)
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    if proc.returncode != 0:
        raise RuntimeError(f"case {case} failed with exit code {proc.returncode}")
    row: dict[str, object] = json.loads(output.decode().strip().splitlines()[-1])
    # The child's own high-water mark when it has one: wait4's ru_maxrss also counts the parent's pages
    # that the child held between fork and exec, so under a large parent (a long pytest run) it reports
    # the parent's size, not the fetch's.
    own_kib = row.pop("own_peak_kib", None)
    peak_kib = own_kib if isinstance(own_kib, int) else usage.ru_maxrss  # Linux reports KiB
    row["peak_rss_mb"] = round(peak_kib / 1024)
    return row


def own_peak_kib() -> int | None:
    """This process's peak resident set since its exec (VmHWM), in KiB; None where /proc is absent."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=2200, help="MiB each bomb inflates to")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--before", action="store_true", help="also run the stacked bomb the old way")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps({**child(args.child, args.mib), "own_peak_kib": own_peak_kib()}))
        return

    cases = [*BASELINES, *BOMBS, *TRICKLES, *(["before-gzip-gzip"] if args.before else [])]
    rows = [run_child(case, args.mib) for case in cases]
    cores = os.cpu_count()
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    print(f"machine: {cores} cores, {mem_gib:.0f} GiB; bombs inflate to {args.mib:,} MiB")
    columns = ("case", "body", "inflates", "outcome", "message", "seconds", "peak_rss_mb")
    if args.markdown:
        print("| " + " | ".join(columns) + " |\n|" + "---|" * len(columns))
        for row in rows:
            print("| " + " | ".join(str(row.get(c, "")) for c in columns) + " |")
    else:
        for row in rows:
            print("  ".join(f"{c}={row.get(c, '')}" for c in columns))


if __name__ == "__main__":
    main()
